/*
** src/api/face.c — the JSON face of the handlers (http/view.h): a view
** becomes its JSON document, and a request's input is read from its JSON
** body.
*/
#include "api/api.h"
#include "http/view.h"
#include "base/progress.h"
#include "auth/auth.h"
#include "base/json.h"
#include <string.h>

static void json_doc(Req *r){ r->zContentType = "application/json; charset=utf-8"; }

static void api_login(Req *r, const View *v){
  Json js;
  const Actor *a = v->pActor;
  json_doc(r);
  json_init(&js, &r->out);
  json_obj_begin(&js);
  json_kstr(&js, "token", v->zToken);
  json_kstr(&js, "csrf", v->zCsrf);
  json_kstr(&js, "login", a->zLogin);
  json_kstr(&js, "name", a->zName);
  json_kstr(&js, "role", role_label(a->mRole));
  /* true: a one-time password; everything but POST /api/v1/password
  ** and logout answers 403 until it is changed */
  json_kbool(&js, "must_change_password", a->bPwTemp);
  json_obj_end(&js);
}

/* A record just written, as it is stored now (defaults and computed
** fields filled in); as sent when it cannot be read back. */
static void api_saved(Req *r, const Rec *p){
  Rec *pNew = 0;
  if( rec_get(&r->ctx, p->pKind, p->id, &pNew)==FZ_OK ) api_record(r, pNew, r->status);
  else api_record(r, p, r->status);
}

/* 用户管理's list: {"total":N,"rows":[{id, login, name, role, role_label,
** dept_id, dept, status, created_at}]}; status is active, disabled or
** must_change_password. */
static void api_users(Req *r, const UserRow *a, int n){
  Json js;
  json_doc(r);
  json_init(&js, &r->out);
  json_obj_begin(&js);
  json_kint(&js, "total", n);
  json_key(&js, "rows");
  json_arr_begin(&js);
  for(int i=0; i<n; i++){
    json_obj_begin(&js);
    json_kint(&js, "id", a[i].id);
    json_kstr(&js, "login", a[i].zLogin);
    json_kstr(&js, "name", a[i].zName);
    json_kstr(&js, "role", a[i].zRole);
    json_kstr(&js, "role_label", role_label(role_bits(a[i].zRole)));
    json_kint(&js, "dept_id", a[i].iDept);
    json_kstr(&js, "dept", a[i].zDept);
    json_kstr(&js, "status", a[i].bDisabled ? "disabled" : a[i].bPwTemp ? "must_change_password" : "active");
    json_kstr(&js, "created_at", a[i].zCreated);
    json_obj_end(&js);
  }
  json_arr_end(&js);
  json_obj_end(&js);
}

/* A one-time password just made (a new account or a reset), shown once. */
static void api_user_secret(Req *r, const UserRow *p, const char *zPw){
  Json js;
  json_doc(r);
  json_init(&js, &r->out);
  json_obj_begin(&js);
  json_kstr(&js, "login", p->zLogin);
  json_kstr(&js, "password", zPw);
  json_kbool(&js, "must_change_password", 1);
  json_obj_end(&js);
}

static void api_view(Req *r, const View *v){
  switch( v->eView ){
    case VIEW_OK:          json_doc(r); buf_puts(&r->out, "{\"ok\":true}"); break;
    case VIEW_LIST:        api_list(r, v->pQuery, v->pList); break;
    case VIEW_TODO:        api_todo(r, v->pTodoQ, v->pTodo); break;
    case VIEW_RECORD:      api_record(r, v->pRec, r->status); break;
    case VIEW_SAVED:       api_saved(r, v->pRec); break;
    case VIEW_DELETED:
      json_doc(r);
      buf_raw_printf(&r->out, "{\"deleted\":%lld}", (long long)v->pRec->id);
      break;
    case VIEW_DELETED_MANY:
      json_doc(r);
      buf_raw_printf(&r->out, "{\"deleted\":%lld}", v->n1);
      break;
    case VIEW_CARRIED:
      json_doc(r);
      buf_raw_printf(&r->out, "{\"from\":%lld,\"to\":%lld,\"copied\":%lld}", v->n1, v->n1+1, v->n2);
      break;
    case VIEW_IMPORTED:
      json_doc(r);
      buf_raw_printf(&r->out, "{\"imported\":%lld}", v->n1);
      break;
    case VIEW_PROGRESS:
      json_doc(r);
      if( v->pProgress==0 ){ buf_puts(&r->out, "{\"started\":false,\"read\":0,\"checked\":0,\"written\":0,\"done\":false,\"seconds\":0}"); break; }
      buf_raw_printf(&r->out, "{\"started\":true,\"read\":%lld,\"checked\":%lld,\"written\":%lld,\"done\":%s,\"seconds\":%.1f}",
                     v->pProgress->nRead, v->pProgress->nChecked, v->pProgress->nWritten,
                     v->pProgress->bDone ? "true" : "false", v->pProgress->tElapsed);
      break;
    case VIEW_INDICATORS:  api_indicators(r, v->iYear, v->iDept, v->aVal, v->nVal); break;
    case VIEW_BREAKDOWNS:  api_breakdowns(r, v->iYear, v->aSet, v->nSet); break;
    case VIEW_COUNTIES:    api_counties(r, v->pGrid); break;
    case VIEW_DRAW:        api_draw(r, v->pRec, v->pDraw, v->azProblem, v->nProblem, r->status); break;
    case VIEW_DRAFTS:      api_drafts(r, v->aDraft, v->nDraft); break;
    case VIEW_DRAFT:       api_draft(r, v->aDraft, v->azHtml, v->aNew, v->nNew, r->status); break;
    case VIEW_LOGIN:       api_login(r, v); break;
    case VIEW_USERS:       api_users(r, v->aUser, v->nUser); break;
    case VIEW_USER_SECRET: api_user_secret(r, v->aUser, v->zSecret); break;
    default:               /* the web's own pages (forms) have no JSON face */
      api_error(r, 404, "页面不存在");
      break;
  }
}

static void api_errors_at(Req *r, int status){
  api_errors(r);
  r->status = status;
}

static int api_value(Req *r, const char *zName, const char **pz){
  *pz = 0;
  const char *zErr = 0;
  JsonInput *j = api_json_input(r, &zErr);
  if( j==0 ){ req_fail(r, r->ctx.err.n ? 422 : 400, zErr); return 1; }
  *pz = api_json_value(j, zName);
  return 0;
}

static int api_fields(Req *r, const Field *aF, int n, const char **az){
  const char *zErr = 0;
  JsonInput *j = api_json_input(r, &zErr);
  if( j==0 ){ req_fail(r, 400, zErr); return 1; }
  for(int i=0; i<n; i++) az[i] = api_json_get(j, &aF[i]);
  return 0;
}

static int api_rec_input(Req *r, Rec *p){
  const char *zErr = 0;
  JsonInput *j = api_json_input(r, &zErr);
  if( j==0 && r->ctx.err.n ){ r->status = 422; api_errors(r); return 1; }
  if( j==0 ){ req_fail(r, 400, zErr); return 1; }
  api_json_check(r, j, p->pKind);
  rec_from_input(&r->ctx, p, 0, api_json_get, j);
  return 0;
}

/* PUT /api/v1/report/v/ID: the paragraphs as sent, in order. */
static int api_draft_input(Req *r, const DraftVersion *v, DraftPara **pa, int *pn){
  (void)v;
  const char *zErr = 0;
  *pn = 0;
  *pa = api_draft_body(r, pn, &zErr);
  if( *pa==0 && r->ctx.err.n ) return FZ_INVALID;
  if( *pa==0 ){ api_error(r, 400, zErr); return -1; }
  return FZ_OK;
}

/* A cross-site form cannot send application/json without a preflight,
** so the login needs no CSRF token of its own (login CSRF). */
static int api_login_check(Req *r){
  const char *zType = req_in_header(r, "Content-Type");
  if( zType==0 || strncmp(zType, "application/json", 16)!=0 ){
    req_fail(r, 415, "请以 Content-Type: application/json 提交账号和密码");
    return 1;
  }
  return 0;
}

const Face api_face = {
  50, 1,
  api_view, api_errors_at, api_value, api_value, api_fields, api_rec_input, api_draft_input, api_login_check,
  api_error, "api"
};
