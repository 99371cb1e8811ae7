/*
** src/handlers/overview.c — the dashboard of indicators (also
** /api/v1/indicators), the breakdowns, and the audit-log page.
*/
#include "handlers/handlers.h"
#include "engine/kinddef.h"
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

void h_audit_list(Req *r){ web_audit(r); }
