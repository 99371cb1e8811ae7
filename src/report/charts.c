/*
** src/report/charts.c — the data of the charts (src/chart): a breakdown's
** groups, and one indicator year by year. The web pages and the HTML
** report draw the same Chart.
*/
#include "report/report.h"
#include "engine/query.h"
#include <stdlib.h>
#include <string.h>

static double fig_value(const IndValue *v){
  if( v->bEmpty ) return 0;
  if( v->pInd->eUnit==IU_COUNT && ind_side_money(v->pKind, &v->pInd->num) ) return (double)v->num/100.0;   /* 分 → 元 */
  if( v->pInd->eUnit==IU_COUNT ) return (double)v->num;
  return atof(v->zValue);
}

void chart_breakdown(Arena *a, const BreakSet *s, int nMax, Chart *c){
  memset(c, 0, sizeof *c);
  int n = s->nRow < nMax ? s->nRow : nMax;
  const Field *fBy = s->pBd->zBy ? kind_field(s->pKind, s->pBd->zBy) : 0;
  c->eType = CHART_BARS;
  c->zTitle = arena_printf(a, "%s（按%s，较弱的在上）", ind_full_label(a, s->pKind, s->all.pInd), fBy ? fBy->zLabel : "部门（单位）");
  c->a = arena_alloc(a, sizeof(ChartItem)*(size_t)(n+1));
  for(int i=0; i<n; i++){
    const BreakRow *g = &s->aRow[i];
    c->a[i].zLabel = g->zKey;
    c->a[i].v = fig_value(&g->v);
    c->a[i].zText = g->v.zText;
    c->a[i].bBad = g->v.bBelowTarget;
  }
  c->n = n;
  c->bPercent = s->all.pInd->eUnit==IU_PERCENT;
  c->zRefText = s->all.zText;
  c->vRef = fig_value(&s->all);
  c->vTarget = c->bPercent && s->all.pInd->zTarget ? atof(s->all.pInd->zTarget) : -1;
}

int chart_trend(Ctx *ctx, const Kind *k, const Indicator *ind, int iYear, int nYears, i64 iDept, Chart *c){
  Arena *a = ctx->pArena;
  memset(c, 0, sizeof *c);
  c->eType = CHART_TREND;
  /* a year still running is set beside the same period of the years before */
  int bSame = atoi(ctx->zToday)==iYear && strcmp(ctx->zToday+5, "12-31")!=0 && !k->pVersion;
  c->a = arena_alloc(a, sizeof(ChartItem)*(size_t)(nYears+1));
  c->bPercent = ind->eUnit==IU_PERCENT;
  c->vTarget = -1;
  int bAny = 0, iFirst = 0;
  for(int y=iYear-nYears+1; y<=iYear; y++){
    IndValue v;
    if( bSame ) memcpy(ctx->zYearUntil, ctx->zToday+5, 6);
    int rc = ind_compute(ctx, k, ind, y, iDept, &v);
    ctx->zYearUntil[0] = 0;
    if( rc ) return FZ_INTERNAL;
    /* a year whose published report was imported: its figure (a whole
    ** year, so not beside a year still running) */
    int bData = !v.bEmpty && (ind->eUnit!=IU_COUNT || v.num>0);
    const BaseFig *pBase = 0;
    Baseline base;
    if( !bSame && y<iYear && iDept==0 ){          /* a report is the whole scope's */
      if( baseline_load(ctx, y, &base) ) return FZ_INTERNAL;
      pBase = baseline_find(&base, k, ind);
    }
    if( pBase && pBase->v>=0 && pBase->v<=1e9 ){
      ChartItem *it = &c->a[c->n++];
      if( !bAny ) iFirst = y;
      bAny = 1;
      it->zLabel = arena_printf(a, "%d", y);
      it->v = pBase->v;
      it->zText = arena_printf(a, "%s%s*", pBase->zValue, ind->eUnit==IU_PERCENT ? "%" : "");
      it->bBase = 1;
      c->bAnyBase = 1;
      continue;
    }
    /* the years before the first with data are left out */
    if( !bAny && !bData ) continue;
    if( !bAny ) iFirst = y;
    bAny = 1;
    ChartItem *it = &c->a[c->n++];
    it->zLabel = arena_printf(a, "%d", y);
    it->v = fig_value(&v);
    it->zText = v.bEmpty ? "—" : arena_strdup(a, v.zText);
    it->bBad = v.bBelowTarget;
  }
  int m = atoi(ctx->zToday+5), d = atoi(ctx->zToday+8);
  c->zTitle = bSame ? arena_printf(a, "%s（%d—%d年，各年1月1日至%d月%d日）", ind->zLabel, iFirst, iYear, m, d)
                    : arena_printf(a, "%s（%d—%d年%s）", ind->zLabel, iFirst, iYear, c->bAnyBase ? "，*据该年度报告" : "");
  return FZ_OK;
}
