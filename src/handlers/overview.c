/*
** src/handlers/overview.c — the 工作台 (h_home), the indicators of
** /api/v1/indicators, the breakdowns, and the audit-log page.
*/
#include "handlers/handlers.h"
#include "audit/audit.h"
#include "engine/kinddef.h"
#include "engine/summary.h"
#include "report/report.h"
#include "web/web.h"
#include <string.h>
#include <stdlib.h>

/* Every indicator of every kind, in the dashboard's order, for iYear
** (no year filter where the kind has none) and iDept; *pn of them. */
static int all_indicators(Req *r, int iYear, i64 iDept, IndValue **paVal, int *pn){
  int nMax = 0;
  for(int i=0; i<kind_count(); i++){
    const Kind *k = kind_at(i);
    if( k->aIndicator ) for(const Indicator *x=k->aIndicator; x->zName; x++) nMax++;
  }
  IndValue *aVal = arena_alloc(&r->arena, sizeof(IndValue)*(size_t)(nMax+1));
  int n = 0;
  const Kind *aK[64];
  int nK = kinds_for(&r->actor, aK, 64);
  for(int o=0; o<nK; o++){
    if( aK[o]->aIndicator==0 ) continue;
    for(const Indicator *x=aK[o]->aIndicator; x->zName; x++){
      int rc = ind_compute(&r->ctx, aK[o], x, iYear, iDept, &aVal[n++]);
      if( rc ) return rc;
    }
  }
  *paVal = aVal;
  *pn = n;
  return FZ_OK;
}

void h_dashboard(Req *r){
  int iYear = req_year(r);
  if( iYear==0 ) iYear = atoi(r->ctx.zToday);
  i64 iDept = req_param_int(r, "dept", 0);
  IndValue *aVal = 0;
  int n = 0;
  int rc = all_indicators(r, iYear, iDept, &aVal, &n);
  req_answer(r, rc ? FZ_INTERNAL : FZ_OK, &(View){ .eView=VIEW_INDICATORS, .iYear=iYear, .iDept=iDept, .aVal=aVal, .nVal=n });
}

/* 工作台 (GET /): the summary and a section per kind of the user's work (a
** clerk's department's own kinds unless ?all=1), with the state of the
** latest report: the dashboard's year's, or last year's while it runs. */
void h_home(Req *r){
  int iNow = atoi(r->ctx.zToday), iYear = req_year(r);
  if( iYear==0 ) iYear = iNow;
  int bOwn = (r->actor.mRole & R_CLERK) && !req_param_int(r, "all", 0);
  Dash d;
  DraftVersion *aV = 0;
  int nV = 0, iRep = iYear<iNow ? iYear : iNow-1;
  if( dash_build(&r->ctx, iYear, req_param_int(r, "dept", 0), bOwn, &d) || draft_list(&r->ctx, iRep, &aV, &nV) ){
    req_fail_internal(r);
    return;
  }
  web_dashboard(r, &d, iRep, aV, nV);
}

/* 分单位情况: every declared breakdown of the year (?kind= one kind's). */
void h_breakdowns(Req *r){
  int iYear = req_year(r);
  if( iYear==0 ) iYear = atoi(r->ctx.zToday);
  const char *zKind = req_param(r, "kind");
  const Kind *k = zKind && zKind[0] ? kind_find(zKind) : 0;
  if( k && !kind_visible(k, &r->actor) ) k = 0;
  if( zKind && zKind[0] && k==0 ){ req_fail(r, 404, "没有这类事项"); return; }
  BreakSet *a;
  int n;
  int rc = ind_breakdowns(&r->ctx, k, iYear, &a, &n);
  req_answer(r, rc ? FZ_INTERNAL : FZ_OK, &(View){ .eView=VIEW_BREAKDOWNS, .iYear=iYear, .aSet=a, .nSet=n });
}

/* 近年变化: ?kind=K&ind=I over the five years up to ?year=. */
void h_trend(Req *r){
  int iYear = req_year(r);
  if( iYear==0 ) iYear = atoi(r->ctx.zToday);
  const char *zKind = req_param(r, "kind"), *zInd = req_param(r, "ind");
  const Kind *k = zKind ? kind_find(zKind) : 0;
  if( k && !kind_visible(k, &r->actor) ) k = 0;
  const Indicator *ind = k && zInd ? kind_indicator(k, zInd) : 0;
  if( ind==0 ){ req_fail(r, 404, "没有这项指标"); return; }
  if( !kind_year_field(k) && !k->pInForce && !ind_uses_year(ind) ){
    req_fail(r, 404, "这项指标按当前在册的记录统计，不分年度，没有近年变化"); return;
  }
  i64 iDept = req_param_int(r, "dept", 0);
  Chart c;
  if( chart_trend(&r->ctx, k, ind, iYear, CHART_YEARS, iDept, &c) ){ req_fail_internal(r); return; }
  web_trend(r, k, ind, iYear, iDept, &c);
}

/* 各县（区）指标: every indicator for each county of the actor's scope. */
void h_counties(Req *r){
  int iYear = req_year(r);
  if( iYear==0 ) iYear = atoi(r->ctx.zToday) - 1;
  CountyGrid g;
  int rc = report_county_grid(&r->ctx, iYear, &g);
  req_answer(r, rc ? FZ_INTERNAL : FZ_OK, &(View){ .eView=VIEW_COUNTIES, .pGrid=&g });
}

/* 操作审计日志: the query's page of the log as the admin's scope sees it; a
** filter that cannot be read lists nothing (422, named beside its field). */
void h_audit_list(Req *r){
  AuditFilter f;
  AuditEntry *a = 0;
  int nRow = 0, nPage = req_param_int(r, "page", 1);
  i64 nTotal = 0;
  if( nPage<1 ) nPage = 1;
  if( audit_filter(&r->ctx, req_param(r, "who"), req_param(r, "action"), req_param(r, "kind"),
                   req_param(r, "from"), req_param(r, "to"), &f) ) r->status = 422;
  else audit_page(&r->ctx, r->actor.zDeptPath, &f, nPage, 0, &a, &nRow, &nTotal);
  web_audit(r, a, nRow, nTotal, nPage);
}

void h_audit_entry(Req *r){
  AuditEntry e;
  AuditDetail d;
  int rc = audit_entry(&r->ctx, r->actor.zDeptPath, r->iId, &e, &d);
  if( rc==FZ_OK ) web_audit_entry(r, &e, &d);
  else req_answer(r, rc, &(View){ .zNotFound="没有这条日志（或它不在您的管理范围内）" });
}
