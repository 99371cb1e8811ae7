/*
** src/handlers/record.c — list, show, add, edit, delete and move records of
** any kind; the same functions answer the web pages and /api/v1/.
*/
#include "handlers/handlers.h"
#include "web/web.h"
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

static int ids_from(Req*, const char *zList, i64 **paId);

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
    if( z==0 && req_face(r)->bBareFilter ) z = req_param(r, f->zName);
    if( z && z[0] ) q->azFilter[i] = z;
    if( f->eType!=FT_DATE ) continue;
    /* a date field's range: f_NAME_from, f_NAME_to (从/至) */
    const char *zF = req_param(r, arena_printf(&r->arena, "f_%s_from", f->zName));
    const char *zT = req_param(r, arena_printf(&r->arena, "f_%s_to", f->zName));
    if( zF && zF[0] ) q->azFrom[i] = zF;
    if( zT && zT[0] ) q->azTo[i] = zT;
  }
  int bPublic = (r->actor.mRole & R_PUBLIC)!=0;
  q->zSort = query_sort_ok(k, req_param(r, "sort"), bPublic);   /* anything else: the default order */
  if( !bPublic ){                                               /* 导出选中 */
    i64 *aId = 0;
    q->nId = ids_from(r, req_param(r, "ids"), &aId);
    q->aId = aId;
    if( q->nId ) q->iYear = 0;                                  /* the rows ticked, whatever their year */
  }
  q->bDesc = req_param_int(r, "desc", 0)!=0;
  q->iPage = req_param_int(r, "page", 1);
  q->nSize = req_param_int(r, "size", req_face(r)->nListSize);
  if( q->nSize<1 ) q->nSize = 20;
  if( q->nSize>200 ) q->nSize = 200;
  const char *zInd = bPublic ? 0 : req_param(r, "ind");   /* indicators read non-public fields */
  if( zInd ){
    const char *zPart = req_param(r, "part");
    int bDen = zPart && strcmp(zPart, "den")==0;
    q->pInd = ind_for_list(k, zInd, bDen);
    q->bDen = bDen && q->pInd && q->pInd->eUnit!=IU_COUNT;
  }
  /* 已逾期 (overdue=1), 即将到期 (soon=1); due=1 both */
  if( req_param_int(r, "due", 0) ) q->mDue = QUERY_OVERDUE|QUERY_SOON;
  if( req_param_int(r, "overdue", 0) ) q->mDue |= QUERY_OVERDUE;
  if( req_param_int(r, "soon", 0) ) q->mDue |= QUERY_SOON;
}

void h_list(Req *r){
  Query q;
  RecList list;
  if( (r->actor.mRole & R_PUBLIC) && !r->pKind->bPublic ){
    req_need_login(r, arena_printf(&r->arena, "/k/%s", r->pKind->zName));
    return;
  }
  query_from_req(r, &q);
  req_answer(r, rec_list(&r->ctx, &q, &list), &(View){ .eView=VIEW_LIST, .pQuery=&q, .pList=&list });
}

static int load(Req *r, Rec **pp){
  int rc = rec_get(&r->ctx, r->pKind, r->iId, pp);
  if( rc ){
    req_answer(r, rc, &(View){ .zNotFound=arena_printf(&r->arena, "%s第%lld号记录不存在，或不在您的数据权限范围内",
                                                       r->pKind->zLabel, (long long)r->iId) });
  }
  return rc;
}

void h_detail(Req *r){
  Rec *p;
  if( load(r, &p) ) return;
  req_answer(r, FZ_OK, &(View){ .eView=VIEW_RECORD, .pRec=p });
}

void h_form(Req *r){
  Rec *p = 0;
  if( r->iId && load(r, &p) ) return;
  web_form(r, r->pKind, p, r->iId!=0);
}

/* A save's answer: the record (JSON), or its page with zMsg (web); the
** form again with the errors. */
static void answer_save(Req *r, const Rec *p, int rc, const char *zMsg, int status, const Rec *pForm){
  req_answer(r, rc, &(View){ .eView=VIEW_SAVED, .pRec=p, .status=status,
    .zGo=arena_printf(&r->arena, "/k/%s/%lld?msg=%s", p->pKind->zName, (long long)p->id, zMsg),
    .eAgain=VIEW_FORM, .pKind=p->pKind, .pForm=pForm, .bEdit=pForm!=0 });
}

void h_create(Req *r){
  Rec *p = rec_new(&r->ctx, r->pKind);
  p->iDept = record_default_dept(&r->actor, r->pKind);
  if( req_rec_input(r, p) ) return;
  /* rec_insert checks everything else too, so the user sees every error at once */
  answer_save(r, p, rec_insert(&r->ctx, p), "created", 201, 0);
}

void h_update(Req *r){
  Rec *pOld;
  if( load(r, &pOld) ) return;
  Rec *p = rec_copy(&r->ctx, pOld);
  if( req_rec_input(r, p) ) return;
  answer_save(r, p, rec_update(&r->ctx, pOld, p), "updated", 200, pOld);
}

void h_delete(Req *r){
  Rec *p;
  if( load(r, &p) ) return;
  /* refused because other records refer to it: the record with the reasons */
  req_answer(r, rec_delete(&r->ctx, p), &(View){ .eView=VIEW_DELETED, .pRec=p, .eAgain=VIEW_RECORD,
    .zGo=arena_printf(&r->arena, "/k/%s?msg=deleted", p->pKind->zName),
    .zForbidden=rec_can_edit(&r->actor, p) ? "已办结的记录只有管理员可以删除" : 0 });
}

/* The ids named by every parameter id=N of the request (the list's ticked
** rows, a confirmation page's hidden fields) and by the comma list zList,
** each once, at most 1000; arena memory. */
static int ids_from(Req *r, const char *zList, i64 **paId){
  int n = 0, nAlloc = 0;
  i64 *a = 0;
  for(int i=0; i<r->nParam+1 && n<1000; i++){
    const char *z = i<r->nParam ? (strcmp(r->aParam[i].zName, "id")==0 ? r->aParam[i].zValue : 0) : zList;
    while( z && *z && n<1000 ){
      char *zEnd = 0;
      long long v = strtoll(z, &zEnd, 10);
      if( zEnd==z ){ z++; continue; }     /* a separator (, or space) */
      int bSeen = v<=0;
      for(int j=0; j<n && !bSeen; j++) bSeen = a[j]==v;
      if( !bSeen ){                       /* each record once: "已删除N条" counts records */
        a = arena_grow(&r->arena, a, n, &nAlloc, sizeof *a);
        a[n++] = v;
      }
      z = zEnd;
    }
  }
  *paId = a;
  return n;
}

/* The same with the input's "ids" (a form field, a JSON body's member
** "3,4"): -1 when the input was answered (a body that is not JSON). */
int req_ids(Req *r, i64 **paId){
  const char *zList = 0;
  *paId = 0;
  if( req_input(r, "ids", &zList) ) return -1;
  return ids_from(r, zList, paId);
}

#define NONE_TICKED "请先勾选要删除的记录"

/* GET /k/:kind/delete?id=N&id=M: the records to delete and a button that
** confirms (the list's 删除 and 批量删除 without JavaScript). */
void h_delete_confirm(Req *r){
  i64 *a;
  int n = req_ids(r, &a);
  if( n<0 ) return;
  RecList l;
  int rc = n ? rec_pick(&r->ctx, r->pKind, a, n, &l) : FZ_NOTFOUND;
  req_answer(r, rc, &(View){ .eView=VIEW_DELETE_CONFIRM, .pKind=r->pKind, .pList=&l, .zNotFound=NONE_TICKED });
}

/* POST /k/:kind/delete (ids): all of them or, when one may not be deleted,
** none, the confirmation page again saying why. */
void h_delete_many(Req *r){
  i64 *a;
  int n = req_ids(r, &a);
  if( n<0 ) return;
  RecList l = { 0, 0, 0 };
  int rc = n ? rec_delete_many(&r->ctx, r->pKind, a, n) : FZ_NOTFOUND;
  if( rc==FZ_INVALID ) rec_pick(&r->ctx, r->pKind, a, n, &l);
  req_answer(r, rc, &(View){ .eView=VIEW_DELETED_MANY, .pKind=r->pKind, .n1=n, .pList=&l, .eAgain=VIEW_DELETE_CONFIRM,
    .zGo=arena_printf(&r->arena, "/k/%s?msg=deleted_n&n=%d", r->pKind->zName, n), .zNotFound=NONE_TICKED });
}

/* The record and the step (transition) r->zArg names, when the user may
** take it now; 1 when answered (404, 409). */
static int load_step(Req *r, Rec **pp, const Transition **pt){
  if( load(r, pp) ) return 1;
  const Transition *t = *pt = kind_trans(r->pKind, r->zArg);
  if( t==0 ){ req_fail(r, 404, "没有这个操作"); return 1; }
  if( !rec_trans_allowed(&r->actor, *pp, t) ){
    const State *s = kind_state(r->pKind, (*pp)->zState);
    req_fail(r, 409, arena_printf(&r->arena, "当前状态“%s”下不能执行“%s”，或您的角色无权执行",
                                  s ? s->zLabel : (*pp)->zState, t->zLabel));
    return 1;
  }
  return 0;
}

/* GET /k/KIND/ID/do/STEP: the step's form, asking for what its next state needs. */
void h_step(Req *r){
  Rec *p;
  const Transition *t;
  if( load_step(r, &p, &t) ) return;
  req_answer(r, FZ_OK, &(View){ .eView=VIEW_STEP, .pRec=p, .pTrans=t });
}

/* The step taken, with the values of its fields the form or body gives
** (none: the stamped date is today); the step's form again with the errors. */
void h_transition(Req *r){
  Rec *p;
  const Transition *t;
  if( load_step(r, &p, &t) ) return;
  Rec *pIn = rec_copy(&r->ctx, p);
  if( req_rec_input_opt(r, pIn) ) return;
  req_answer(r, r->ctx.err.n ? FZ_INVALID : rec_transition_with(&r->ctx, p, pIn, t), &(View){ .eView=VIEW_SAVED,
    .pRec=p, .pTrans=t, .eAgain=VIEW_STEP,
    .zGo=arena_printf(&r->arena, "/k/%s/%lld?msg=moved", r->pKind->zName, (long long)p->id) });
}

/* A versioned catalog (权责清单): next year's version, carried from the
** year given (form field or JSON "from"). */
static int carry_year(Req *r, long *piFrom){
  const char *zFrom = 0;
  if( req_input(r, "from", &zFrom) ) return 1;
  char *zEnd = 0;
  long iFrom = zFrom ? strtol(zFrom, &zEnd, 10) : 0;
  if( zFrom==0 || zEnd==zFrom || *zEnd ){
    req_fail(r, 400, "请给出沿用的年度（from），如 2025");
    return 1;
  }
  if( iFrom<1900 || iFrom>9999 ){ req_fail(r, 400, "沿用的年度（from）应为四位年份，如 2025"); return 1; }
  *piFrom = iFrom;
  return 0;
}

void h_carry(Req *r){
  const Kind *k = r->pKind;
  if( k->pVersion==0 ){ req_fail(r, 404, "该类事项不分年度版本"); return; }
  long iFrom;
  if( carry_year(r, &iFrom) ) return;
  int n = 0;
  int rc = rec_carry(&r->ctx, k, (int)iFrom, &n);
  req_answer(r, rc, &(View){ .eView=VIEW_CARRIED, .status=201, .n1=iFrom, .n2=n,
    .zGo=arena_printf(&r->arena, "/k/%s?year=%ld&msg=carried", k->zName, iFrom+1) });
}
