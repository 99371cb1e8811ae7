/*
** src/web/face.c — the web face of the handlers (http/view.h): a view
** becomes its page, and a request's input is read from its form fields.
*/
#include "web/web.h"
#include "http/view.h"
#include "auth/auth.h"
#include <string.h>
#include <sodium.h>

static void web_view(Req *r, const View *v){
  switch( v->eView ){
    case VIEW_LIST:        web_list(r, v->pQuery, v->pList); break;
    case VIEW_TODO:        web_todo(r, v->pTodoQ, v->pTodo); break;
    case VIEW_RECORD:      web_detail(r, v->pRec); break;
    case VIEW_FORM:        web_form(r, v->pKind, v->pForm, v->bEdit); break;
    case VIEW_IMPORTED:    web_import_result(r, v->pKind, (int)v->n1); break;
    case VIEW_IMPORT_FORM: web_import_form(r, v->pKind); break;
    case VIEW_BREAKDOWNS:  web_breakdowns(r, v->iYear, v->aSet, v->nSet); break;
    case VIEW_COUNTIES:    web_counties(r, v->pGrid); break;
    case VIEW_DRAW:        web_draw(r, v->pRec, v->pDraw, v->azProblem, v->nProblem, r->status); break;
    case VIEW_DRAFTS:      web_drafts(r, v->iYear, v->aDraft, v->nDraft, v->pBase); break;
    case VIEW_DRAFT:       web_draft(r, v->aDraft, v->azHtml, v->aNew, v->nNew); break;
    case VIEW_LOGIN_FORM:  web_login(r, v->zError, v->zNext); break;
    case VIEW_PASSWORD:    web_password(r); break;
    case VIEW_USERS:       web_users(r, v->aUser, v->nUser); break;
    case VIEW_USER_FORM:   web_user_form(r, v->aUser); break;
    case VIEW_USER_SECRET: web_user_secret(r, v->aUser, v->zSecret); break;
    case VIEW_SETTINGS:    web_settings(r); break;
    case VIEW_HOLIDAYS:    web_holidays(r); break;
    case VIEW_RULES:       web_rules(r); break;
    case VIEW_DEPTS:       web_depts(r, v->aDeptRow, v->nDeptRow, v->iDept); break;
    case VIEW_DEPT_MOVE:   web_dept_move(r, v->aDeptRow, (i64)v->n1, v->pDeptMove); break;
    case VIEW_KINDS:       web_kinds(r, v->aKindDef, v->nKindDef); break;
    case VIEW_KIND_FORM:   web_kind_form(r, v->pKindForm); break;
    case VIEW_KIND_VERSIONS: web_kind_versions(r, v->pKind, v->aKindVer, v->nKindVer); break;
    case VIEW_KIND_JSON:   web_kind_json(r, v->pKind, (int)v->n1, v->zJson); break;
    case VIEW_KIND_EXTEND: web_kind_extend(r, v->pExtForm); break;
    case VIEW_DELETE_CONFIRM: web_delete_confirm(r, v->pKind, v->pList); break;
    case VIEW_STEP:        web_step(r, v->pRec, v->pTrans); break;
    case VIEW_REPORT:      web_report(r, v->iYear, (i64)v->n1, v->zBody); break;
    case VIEW_LOGIN:
      /* the session cookie, then where the user was going */
      req_set_cookie(r, "fz_session", v->zToken, SESSION_HOURS*3600);
      /* home is 待办 (/todo); the 工作台 (/) stays one click away */
      req_redirect(r, v->zNext && v->zNext[0]=='/' && strcmp(v->zNext, "/")!=0 ? v->zNext : "/todo");
      break;
    default:               /* VIEW_OK, VIEW_SAVED, …: the answer is a redirect (zGo) */
      break;
  }
}

static int web_value(Req *r, const char *zName, const char **pz){
  *pz = req_param(r, zName);
  return 0;
}
static int web_body(Req *r, const char *zName, const char **pz){
  (void)r; (void)zName;
  *pz = 0;
  return 0;
}
static int web_fields(Req *r, const Field *aF, int n, const char **az){
  for(int i=0; i<n; i++) az[i] = req_param(r, aF[i].zName);
  return 0;
}

/* A field's form value; a party's 其他 (Field.zOtherParty) is the name
** typed in its own box, NAME_other. */
static const char *form_get(void *pArg, const Field *f){
  Req *r = pArg;
  const char *z = req_param(r, f->zName);
  if( f->zOtherParty && z && (z[0]==0 || strcmp(z, "@other")==0) ){
    const char *zO = req_param(r, arena_printf(&r->arena, "%s_other", f->zName));
    if( zO ) z = zO;
    else if( z[0]=='@' ) z = "";
  }
  return z;
}
static int web_record(Req *r, Rec *p){
  rec_from_input(&r->ctx, p, 0, form_get, r);
  return 0;
}

static const char *form_param(void *pArg, const char *zName){ return req_param((Req*)pArg, zName); }
static int web_draft_input(Req *r, const DraftVersion *v, DraftPara **pa, int *pn){
  const char *zBad = 0;
  int rc = draft_from_form(&r->ctx, v, form_param, r, pa, pn, &zBad);
  if( rc<0 ){ req_fail(r, 400, zBad); return -1; }
  return rc;
}

/* Login CSRF: the form must echo the random value set in its cookie. */
static int web_login_check(Req *r){
  const char *zPre = req_param(r, "_pre"), *zCookie = req_cookie(r, "fz_pre");
  if( zPre==0 || zCookie==0 || strlen(zPre)!=strlen(zCookie) || sodium_memcmp(zPre, zCookie, strlen(zPre))!=0 ){
    r->status = 403;
    web_login(r, "登录页面已过期，请重新输入", req_param(r, "next"));
    return 1;
  }
  return 0;
}

const Face web_face = {
  20, 0,
  web_view, 0, web_value, web_body, web_fields, web_record, web_draft_input, web_login_check,
  web_error_page, "web"
};
