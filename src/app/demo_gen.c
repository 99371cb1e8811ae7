/*
** src/app/demo_gen.c — the helpers every part of the demo county uses: a
** seeded random stream, tables built row by row and entered through the
** importer (so demo records are validated and audited like a clerk's),
** and dates.
*/
#include "app/demo.h"
#include "app/cli.h"
#include "engine/record.h"
#include "transfer/transfer.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

unsigned demo_rnd(Gen *g, unsigned n){
  g->s ^= g->s << 13; g->s ^= g->s >> 7; g->s ^= g->s << 17;
  return n ? (unsigned)(g->s % n) : 0;
}
int demo_chance(Gen *g, int nPerMille){ return (int)demo_rnd(g, 1000) < nPerMille; }
int demo_pick(Gen *g, const int *aWeight, int n){
  unsigned nSum = 0, s = 0;
  for(int i=0; i<n; i++) nSum += (unsigned)aWeight[i];
  unsigned x = demo_rnd(g, nSum);
  for(int i=0; i<n; i++){ s += (unsigned)aWeight[i]; if( x<s ) return i; }
  return n-1;
}

void demo_tab_init(Tab *p, Ctx *c, const char *const *azHead){
  memset(p, 0, sizeof *p);
  p->c = c;
  while( azHead[p->nCol] ) p->nCol++;
  p->nAlloc = 1024;
  p->t.aRow = malloc(sizeof(IoRow)*(size_t)p->nAlloc);
  p->t.aRow[0].iRow = 1;
  p->t.aRow[0].nCell = p->nCol;
  p->t.aRow[0].azCell = (char**)azHead;
  p->t.nRow = 1;
}
char **demo_tab_row(Tab *p){
  p->t.aRow = fz_grow(p->t.aRow, p->t.nRow, &p->nAlloc, sizeof *p->t.aRow);
  IoRow *r = &p->t.aRow[p->t.nRow];
  r->iRow = p->t.nRow+1;
  r->nCell = p->nCol;
  r->azCell = arena_alloc(p->c->pArena, sizeof(char*)*(size_t)p->nCol);
  for(int i=0; i<p->nCol; i++) r->azCell[i] = "";
  p->t.nRow++;
  return r->azCell;
}
int demo_tab_import(Tab *p, const char *zKind, int bQuiet){
  int n = 0;
  if( p->t.nRow<=1 ){ free(p->t.aRow); return 0; }   /* early in a year a table may have no row yet */
  int rc = import_table(p->c, kind_find(zKind), &p->t, &n);
  if( rc ){
    fprintf(stderr, "演示数据导入失败（%s）：\n", zKind);
    for(int i=0; i<p->c->err.n && i<20; i++) fprintf(stderr, "  %s\n", err_text(p->c, &p->c->err.a[i]));
    if( p->c->zInternal[0] ) fprintf(stderr, "  %s\n", p->c->zInternal);
  }else if( !bQuiet ){
    cli_progress_clear(p->c->pProgress);
    printf("  %7d条  %s\n", n, kind_find(zKind)->zLabel);
    fflush(stdout);
  }
  free(p->t.aRow);
  return rc;
}
const char *demo_ymd(Gen *g, Day d){
  char z[11];
  day_format(d, z);
  return arena_strdup(g->c->pArena, z);
}
/* A random working day in [from, to]. */
Day demo_rnd_workday(Gen *g, Day from, Day to){
  for(int i=0; i<50; i++){
    Day d = from + (Day)demo_rnd(g, (unsigned)(to-from+1));
    if( cal_is_workday(d, 0) ) return d;
  }
  return from;
}
Day demo_add_workdays(Day d, int n){ Day out = d; if( n>0 ) cal_add_workdays(d, n, &out); return out; }

void demo_set_today(Ctx *c, Day d){
  day_format(d, c->zToday);
  c->iToday = (int)d;
}
int demo_set_field(Ctx *c, const Kind *k, i64 id, const char *zField, const char *zVal){
  Rec *pOld;
  if( rec_get(c, k, id, &pOld) ) return 1;
  Rec *pNew = rec_copy(c, pOld);
  pNew->azVal[kind_field(k, zField) - k->aField] = zVal;
  return rec_update(c, pOld, pNew);
}
int demo_do(Ctx *c, const Kind *k, i64 id, const char *zTrans){
  Rec *r;
  if( rec_get(c, k, id, &r) ) return 1;
  return rec_transition(c, r, kind_trans(k, zTrans));
}
