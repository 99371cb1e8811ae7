/*
** src/report/counties.c — a city's (or province's) database: every
** indicator of the year for each county in the actor's scope side by side,
** and for the whole, whose figures are the sums of the counties' records
** (a rate is the sum of the numerators over the sum of the denominators,
** never an average of the counties' rates). The grid is what the
** 各县（区）指标 page shows; written here as Markdown or a workbook. The
** whole's own report is the report of the city's scope.
*/
#include "report/report.h"
#include "engine/kinddef.h"
#include "io/table.h"
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

int report_county_grid(Ctx *c, int iYear, CountyGrid *g){
  memset(g, 0, sizeof *g);
  g->iYear = iYear;
  if( iYear<1900 || iYear>2999 ) return err_internal(c, "counties: bad year %d", iYear);
  const char *zScope = c->pActor && c->pActor->zDeptPath ? c->pActor->zDeptPath : "/";
  Stmt q;
  if( db_prepare(c->pDb, &q, "SELECT id, name FROM dept WHERE dtype='county' AND " SQL_IN_SCOPE("path", 1, 2)
                             " ORDER BY sort_no, id") ){
    return err_internal(c, "counties: %s", db_errmsg(c->pDb));
  }
  db_bind_scope(&q, 1, 2, zScope);
  int nId = 0, nName = 0;
  while( db_step(&q)==DB_ROW ){
    g->aId = arena_grow(c->pArena, g->aId, g->nCounty, &nId, sizeof *g->aId);
    g->azName = arena_grow(c->pArena, (void*)g->azName, g->nCounty, &nName, sizeof *g->azName);
    g->aId[g->nCounty] = db_column_int64(&q, 0);
    g->azName[g->nCounty] = arena_strdup(c->pArena, db_column_text(&q, 1));
    g->nCounty++;
  }
  db_finalize(&q);
  const Kind *aK[64];
  int nK = kinds_in_scope(c->pActor ? c->pActor->zDeptPath : 0, aK, 64);
  for(int k=0; k<nK; k++) if( aK[k]->aIndicator ) for(const Indicator *ind=aK[k]->aIndicator; ind->zName; ind++) g->nRow++;
  g->aRow = arena_alloc(c->pArena, sizeof(CountyRow)*(size_t)(g->nRow+1));
  int r = 0;
  for(int k=0; k<nK; k++){
    if( aK[k]->aIndicator==0 ) continue;
    for(const Indicator *ind=aK[k]->aIndicator; ind->zName; ind++, r++){
      CountyRow *w = &g->aRow[r];
      w->pKind = aK[k];
      w->pInd = ind;
      w->aVal = arena_alloc(c->pArena, sizeof(IndValue)*(size_t)(g->nCounty+1));
      for(int i=0; i<g->nCounty; i++){
        if( ind_compute(c, aK[k], ind, iYear, g->aId[i], &w->aVal[i]) ) return FZ_INTERNAL;
      }
      /* the last column: the whole scope, the sum of its counties — for
      ** an "own" indicator (each county's own meetings) added up here, as
      ** the whole scope's own records would be the city's alone */
      IndValue *t = &w->aVal[g->nCounty];
      if( !ind_uses_own(ind) ){
        if( ind_compute(c, aK[k], ind, iYear, 0, t) ) return FZ_INTERNAL;
      }else{
        memset(t, 0, sizeof *t);
        for(int i=0; i<g->nCounty; i++){ t->num += w->aVal[i].num; t->den += w->aVal[i].den; }
        ind_finish_value(aK[k], ind, t);
      }
    }
  }
  return FZ_OK;
}

/* Markdown's table cells: a '|' in a name would end the cell. */
static void md_cell(Buf *b, const char *z){
  buf_puts(b, "| ");
  for(; *z; z++){ if( *z=='|' ) buf_putc(b, '\\'); buf_putc(b, *z); }
  buf_putc(b, ' ');
}

const char *county_cell(Arena *a, const IndValue *v){
  if( v->bEmpty ) return "—";
  if( v->pInd->eUnit==IU_COUNT ) return v->zText;
  return arena_printf(a, "%s（%s/%s）", v->zText, ind_count_text(a, v, 0), ind_count_text(a, v, 1));
}

int report_counties(Ctx *c, int iYear, const char *zPath, Buf *pOut){
  CountyGrid g;
  if( report_county_grid(c, iYear, &g) ) return FZ_INTERNAL;
  int n = g.nCounty;
  if( zPath ){
    XlsxOut *x = xlsx_out_open(zPath, "各县指标", 0);
    if( x==0 ) return err_internal(c, "counties: cannot create %s", zPath);
    const char **az = arena_alloc(c->pArena, sizeof(char*)*(size_t)(n+4));
    az[0] = "类别"; az[1] = "指标";
    for(int i=0; i<n; i++) az[2+i] = g.azName[i];
    az[2+n] = "合计";
    az[3+n] = 0;
    xlsx_out_header(x, n+3, az, 0);
    for(int r=0; r<g.nRow; r++){
      const CountyRow *w = &g.aRow[r];
      xlsx_out_str(x, r+1, 0, w->pKind->zLabel);
      xlsx_out_str(x, r+1, 1, w->pInd->zLabel);
      for(int i=0; i<=n; i++){
        const IndValue *v = &w->aVal[i];
        if( w->pInd->eUnit==IU_COUNT && ind_side_money(w->pKind, &w->pInd->num) ) xlsx_out_num(x, r+1, 2+i, (double)v->num/100.0, 2);
        else if( w->pInd->eUnit==IU_COUNT ) xlsx_out_int(x, r+1, 2+i, v->num);
        else if( !v->bEmpty ) xlsx_out_num(x, r+1, 2+i, atof(v->zValue), w->pInd->nDecimals);
        else xlsx_out_str(x, r+1, 2+i, "无数据");
      }
    }
    if( xlsx_out_close(x) ){ unlink(zPath); return err_internal(c, "counties: writing %s failed", zPath); }
    return FZ_OK;
  }
  buf_raw_printf(pOut, "# %d年各县（区）指标\n\n| 类别 | 指标 ", iYear);
  for(int i=0; i<n; i++) md_cell(pOut, g.azName[i]);
  buf_puts(pOut, "| 合计 |\n|---|---|");
  for(int i=0; i<=n; i++) buf_puts(pOut, "---:|");
  buf_puts(pOut, "\n");
  for(int r=0; r<g.nRow; r++){
    const CountyRow *w = &g.aRow[r];
    md_cell(pOut, w->pKind->zLabel);
    md_cell(pOut, w->pInd->zLabel);
    for(int i=0; i<=n; i++) md_cell(pOut, county_cell(c->pArena, &w->aVal[i]));
    buf_puts(pOut, "|\n");
  }
  return FZ_OK;
}
