/*
** src/handlers/record.c — list, show, add, edit, delete and move records of
** any kind; the same functions answer the web pages and /api/v1/.
*/
#include "handlers/handlers.h"
#include "web/web.h"
#include "api/api.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

int req_year(Req *r){
  const char *z = req_param(r, "year");
  if( z && strcmp(z, "all")==0 ) return 0;
  int y = req_param_int(r, "year", 0);
  if( y>=2000 && y<=2100 ) return y;
  return atoi(r->ctx.zToday);
}

void query_from_req(Req *r, Query *q){
  const Kind *k = r->pKind;
  query_init(&r->ctx, q, k);
  q->iYear = kind_year_field(k) || (k->pInForce && req_param(r, "year")) ? req_year(r) : 0;
  {  /* an indicator with its own year field (资格考试 by 考试日期) traces within the year */
    const char *zI = req_param(r, "ind");
    const Indicator *pI = zI && !strchr(zI, '.') ? kind_indicator(k, zI) : 0;
    if( pI && ind_uses_year(pI) ) q->iYear = req_year(r);
  }
  /* until=MM-DD: the year from 1 January to that day (the same period as
  ** a year still running, as 近年变化 sets earlier years beside it) */
  const char *zUntil = req_param(r, "until");
  Day dUntil;
  if( zUntil && strlen(zUntil)==5 && zUntil[2]=='-' && q->iYear
   && day_parse(arena_printf(&r->arena, "2024-%s", zUntil), &dUntil)==CAL_OK ){
    memcpy(r->ctx.zYearUntil, zUntil, 6);
  }
  q->iDept = req_param_int(r, "dept", 0);
  i64 iOnly = req_param_int(r, "dept_only", 0);   /* a breakdown's group: that department alone */
  if( iOnly ){ q->iDept = iOnly; q->bDeptOnly = 1; }
  const char *zState = req_param(r, "state");
  if( zState && kind_state(k, zState) ) q->zState = zState;
  int i = 0;
  for(const Field *f=k->aField; f->zName; f++, i++){
    if( (r->actor.mRole & R_PUBLIC) && !(f->flags & F_PUBLIC) ) continue;
    const char *z = req_param(r, arena_printf(&r->arena, "f_%s", f->zName));
    if( z==0 && r->bApi ) z = req_param(r, f->zName);
    if( z && z[0] ) q->azFilter[i] = z;
  }
  int bPublic = (r->actor.mRole & R_PUBLIC)!=0;
  const char *zSort = req_param(r, "sort");
  const Field *fSort = zSort ? kind_field(k, zSort) : 0;
  if( fSort && (!bPublic || (fSort->flags & F_PUBLIC)) ) q->zSort = zSort;
  q->bDesc = req_param_int(r, "desc", 0)!=0;
  q->iPage = req_param_int(r, "page", 1);
  q->nSize = req_param_int(r, "size", r->bApi ? 50 : 20);
  if( q->nSize<1 ) q->nSize = 20;
  if( q->nSize>200 ) q->nSize = 200;
  const char *zInd = bPublic ? 0 : req_param(r, "ind");   /* indicators read non-public fields */
  if( zInd ){
    const char *zPart = req_param(r, "part");
    int bDen = zPart && strcmp(zPart, "den")==0;
    q->pInd = ind_for_list(k, zInd, bDen);
    q->bDen = bDen && q->pInd && q->pInd->eUnit!=IU_COUNT;
  }
  q->bDue = req_param_int(r, "due", 0)!=0;
}

void h_list(Req *r){
  Query q;
  RecList list;
  if( (r->actor.mRole & R_PUBLIC) && !r->pKind->bPublic ){
    if( r->bApi ){ req_fail(r, 401, "请先登录"); return; }
    req_redirect(r, arena_printf(&r->arena, "/login?next=/k/%s", r->pKind->zName));
    return;
  }
  query_from_req(r, &q);
  if( rec_list(&r->ctx, &q, &list) ){ req_fail_internal(r); return; }
  if( r->bApi ) api_list(r, &q, &list); else web_list(r, &q, &list);
}

static int load(Req *r, Rec **pp){
  int rc = rec_get(&r->ctx, r->pKind, r->iId, pp);
  if( rc==FZ_NOTFOUND ){
    req_fail(r, 404, arena_printf(&r->arena, "%s第%lld号记录不存在，或不在您的数据权限范围内",
                                  r->pKind->zLabel, (long long)r->iId));
  }else if( rc ){
    req_fail_internal(r);
  }
  return rc;
}

void h_detail(Req *r){
  Rec *p;
  if( load(r, &p) ) return;
  if( r->bApi ) api_record(r, p, 200); else web_detail(r, p);
}

void h_form(Req *r){
  Rec *p = 0;
  if( r->iId && load(r, &p) ) return;
  web_form(r, r->pKind, p, r->iId!=0);
}

/* Where a save's values come from: form fields, or the JSON body. */
static const char *form_get(void *pArg, const Field *f){
  return req_param((Req*)pArg, f->zName);
}
static int read_input(Req *r, Rec *p){
  if( r->bApi ){
    const char *zErr = 0;
    JsonInput *j = api_json_input(r, &zErr);
    if( j==0 && r->ctx.err.n ){ r->status = 422; api_errors(r); return 1; }
    if( j==0 ){ req_fail(r, 400, zErr); return 1; }
    api_json_check(r, j, p->pKind);
    rec_from_input(&r->ctx, p, 0, api_json_get, j);
  }else{
    rec_from_input(&r->ctx, p, 0, form_get, r);
  }
  return 0;
}

static void answer_save(Req *r, Rec *p, int rc, const char *zMsg, int status){
  if( rc==FZ_OK ){
    if( r->bApi ){
      Rec *pNew = 0;
      if( rec_get(&r->ctx, p->pKind, p->id, &pNew)==FZ_OK ) api_record(r, pNew, status);
      else api_record(r, p, status);
    }else{
      req_redirect(r, arena_printf(&r->arena, "/k/%s/%lld?msg=%s", p->pKind->zName, (long long)p->id, zMsg));
    }
  }else if( rc==FZ_INVALID ){
    r->status = 422;
    if( r->bApi ) api_errors(r); else web_form(r, p->pKind, r->iId ? p : 0, r->iId!=0);
  }else if( rc==FZ_FORBIDDEN ){
    req_fail(r, 403, "无权执行此操作");
  }else if( rc==FZ_NOTFOUND ){
    req_fail(r, 404, "记录不存在，或不在您的数据权限范围内");
  }else{
    req_fail_internal(r);
  }
}

void h_create(Req *r){
  Rec *p = rec_new(&r->ctx, r->pKind);
  p->iDept = record_default_dept(&r->actor, r->pKind);
  if( read_input(r, p) ) return;
  /* rec_insert checks everything else too, so the user sees every error at once */
  int rc = rec_insert(&r->ctx, p);
  if( rc==FZ_INVALID && r->ctx.err.n && !r->bApi ){
    /* re-render with what was typed */
    r->status = 422;
    web_form(r, r->pKind, 0, 0);
    return;
  }
  answer_save(r, p, rc, "created", 201);
}

void h_update(Req *r){
  Rec *pOld;
  if( load(r, &pOld) ) return;
  Rec *p = rec_copy(&r->ctx, pOld);
  if( read_input(r, p) ) return;
  int rc = rec_update(&r->ctx, pOld, p);
  if( rc==FZ_INVALID && !r->bApi ){
    r->status = 422;
    web_form(r, r->pKind, pOld, 1);
    return;
  }
  answer_save(r, p, rc, "updated", 200);
}

void h_delete(Req *r){
  Rec *p;
  if( load(r, &p) ) return;
  int rc = rec_delete(&r->ctx, p);
  if( rc==FZ_CONFLICT ){
    r->status = 409;
    if( r->bApi ){ api_errors(r); r->status = 409; return; }
    web_detail(r, p);
    r->status = 409;
    return;
  }
  if( rc ){ answer_save(r, p, rc, "", 200); return; }
  if( r->bApi ){
    r->status = 200;
    r->zContentType = "application/json; charset=utf-8";
    buf_raw_printf(&r->out, "{\"deleted\":%lld}", (long long)p->id);
  }else{
    req_redirect(r, arena_printf(&r->arena, "/k/%s?msg=deleted", p->pKind->zName));
  }
}

void h_transition(Req *r){
  Rec *p;
  if( load(r, &p) ) return;
  const Transition *t = kind_trans(r->pKind, r->zArg);
  if( t==0 ){ req_fail(r, 404, "没有这个操作"); return; }
  if( !rec_trans_allowed(&r->actor, p, t) ){
    const State *s = kind_state(r->pKind, p->zState);
    req_fail(r, 409, arena_printf(&r->arena, "当前状态“%s”下不能执行“%s”，或您的角色无权执行",
                                  s ? s->zLabel : p->zState, t->zLabel));
    return;
  }
  int rc = rec_transition(&r->ctx, p, t);
  if( rc==FZ_INVALID ){
    r->status = 422;
    if( r->bApi ){ api_errors(r); return; }
    err_add(&r->ctx, 0, 0, "请先点击“修改”补全上述内容，再执行“%s”", t->zLabel);
    web_detail(r, p);
    return;
  }
  if( rc ){ answer_save(r, p, rc, "", 200); return; }
  if( r->bApi ){
    Rec *pNew;
    if( rec_get(&r->ctx, r->pKind, p->id, &pNew)==FZ_OK ) api_record(r, pNew, 200);
    else api_record(r, p, 200);       /* committed: answered from what was written */
  }else{
    req_redirect(r, arena_printf(&r->arena, "/k/%s/%lld?msg=moved", r->pKind->zName, (long long)p->id));
  }
}

int req_input(Req *r, const char *zName, const char **pz){
  *pz = 0;
  if( !r->bApi ){ *pz = req_param(r, zName); return 0; }
  const char *zErr = 0;
  JsonInput *j = api_json_input(r, &zErr);
  if( j==0 ){ req_fail(r, r->ctx.err.n ? 422 : 400, zErr); return 1; }
  *pz = api_json_value(j, zName);
  return 0;
}

/* A versioned catalog (权责清单): next year's version, carried from the
** year given (form field or JSON "from"). */
void h_carry(Req *r){
  const Kind *k = r->pKind;
  if( k->pVersion==0 ){ req_fail(r, 404, "该类事项不分年度版本"); return; }
  const char *zFrom = 0;
  if( req_input(r, "from", &zFrom) ) return;
  char *zEnd = 0;
  long iFrom = zFrom ? strtol(zFrom, &zEnd, 10) : 0;
  if( zFrom==0 || zEnd==zFrom || *zEnd ){
    req_fail(r, 400, "请给出沿用的年度（from），如 2025");
    return;
  }
  if( iFrom<1900 || iFrom>9999 ){ req_fail(r, 400, "沿用的年度（from）应为四位年份，如 2025"); return; }
  int n = 0;
  int rc = rec_carry(&r->ctx, k, (int)iFrom, &n);
  if( rc==FZ_INVALID ){
    if( r->bApi ){ api_errors(r); return; }
    r->status = 422;
    web_error_page(r, 422, err_text(&r->ctx, &r->ctx.err.a[0]));
    return;
  }
  if( rc==FZ_FORBIDDEN ){ req_fail(r, 403, "无权执行此操作"); return; }
  if( rc ){ req_fail_internal(r); return; }
  if( r->bApi ){
    r->status = 201;
    r->zContentType = "application/json; charset=utf-8";
    buf_raw_printf(&r->out, "{\"from\":%ld,\"to\":%ld,\"copied\":%d}", iFrom, iFrom+1, n);
  }else{
    req_redirect(r, arena_printf(&r->arena, "/k/%s?year=%ld&msg=carried", k->zName, iFrom+1));
  }
}
