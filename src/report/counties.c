/*
** src/report/counties.c — a city's (or province's) database: every
** indicator of the year for each of its counties side by side, and for
** the whole, whose figures are the sums of the counties' records (a rate
** is the sum of the numerators over the sum of the denominators, never an
** average of the counties' rates). Markdown for the terminal, or a
** workbook. The whole's own report is `fazhi report` on the database.
*/
#include "report/report.h"
#include "io/table.h"
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct County { i64 id; const char *zName; } County;

static int counties(Ctx *c, County **paOut, int *pn){
  Stmt q;
  int n = 0, nAlloc = 16;
  County *a = arena_alloc(c->pArena, sizeof(County)*(size_t)nAlloc);
  if( db_prepare(c->pDb, &q, "SELECT id, name FROM dept WHERE parent_id IS NULL ORDER BY sort_no, id") ){
    return err_internal(c, "counties: %s", db_errmsg(c->pDb));
  }
  while( db_step(&q)==DB_ROW ){
    if( n==nAlloc ){
      County *b = arena_alloc(c->pArena, sizeof(County)*(size_t)nAlloc*2);
      memcpy(b, a, sizeof(County)*(size_t)n);
      a = b; nAlloc *= 2;
    }
    a[n].id = db_column_int64(&q, 0);
    a[n].zName = arena_strdup(c->pArena, db_column_text(&q, 1));
    n++;
  }
  db_finalize(&q);
  *paOut = a;
  *pn = n;
  return FZ_OK;
}

/* Markdown's table cells: a '|' in a name would end the cell. */
static void md_cell(Buf *b, const char *z){
  buf_puts(b, "| ");
  for(; *z; z++){ if( *z=='|' ) buf_putc(b, '\\'); buf_putc(b, *z); }
  buf_putc(b, ' ');
}

int report_counties(Ctx *c, int iYear, const char *zPath, Buf *pOut){
  County *a = 0;
  int n = 0;
  if( iYear<1900 || iYear>2999 ) return err_internal(c, "counties: bad year %d", iYear);
  if( counties(c, &a, &n) ) return FZ_INTERNAL;
  XlsxOut *x = 0;
  if( zPath ){
    x = xlsx_out_open(zPath, "各县指标", 0);
    if( x==0 ) return err_internal(c, "counties: cannot create %s", zPath);
    const char **az = arena_alloc(c->pArena, sizeof(char*)*(size_t)(n+4));
    az[0] = "类别"; az[1] = "指标";
    for(int i=0; i<n; i++) az[2+i] = a[i].zName;
    az[2+n] = "合计";
    az[3+n] = 0;
    xlsx_out_header(x, n+3, az, 0);
  }else{
    buf_raw_printf(pOut, "# %d年各县（区）指标\n\n| 类别 | 指标 ", iYear);
    for(int i=0; i<n; i++) md_cell(pOut, a[i].zName);
    buf_puts(pOut, "| 合计 |\n|---|---|");
    for(int i=0; i<=n; i++) buf_puts(pOut, "---:|");
    buf_puts(pOut, "\n");
  }
  const Kind *aK[64];
  int nK = kinds_in_order(aK, 64), iRow = 0;
  for(int k=0; k<nK; k++){
    if( aK[k]->aIndicator==0 ) continue;
    for(const Indicator *ind=aK[k]->aIndicator; ind->zName; ind++){
      iRow++;
      if( x ){
        xlsx_out_str(x, iRow, 0, aK[k]->zLabel);
        xlsx_out_str(x, iRow, 1, ind->zLabel);
      }else{
        md_cell(pOut, aK[k]->zLabel);
        md_cell(pOut, ind->zLabel);
      }
      for(int i=0; i<=n; i++){
        IndValue v;
        if( ind_compute(c, aK[k], ind, iYear, i<n ? a[i].id : 0, &v) ) goto fail;
        if( x ){
          if( ind->eUnit==IU_COUNT ) xlsx_out_int(x, iRow, 2+i, v.num);
          else if( !v.bEmpty ) xlsx_out_num(x, iRow, 2+i, atof(v.zValue), ind->nDecimals);
          else xlsx_out_str(x, iRow, 2+i, "无数据");
        }else{
          md_cell(pOut, v.bEmpty ? "—" : ind->eUnit==IU_COUNT ? v.zText
                        : arena_printf(c->pArena, "%s（%lld/%lld）", v.zText, v.num, v.den));
        }
      }
      if( !x ) buf_puts(pOut, "|\n");
    }
  }
  if( x && xlsx_out_close(x) ) return err_internal(c, "counties: writing %s failed", zPath);
  return FZ_OK;
fail:
  if( x ){ xlsx_out_close(x); unlink(zPath); }
  return FZ_INTERNAL;
}
