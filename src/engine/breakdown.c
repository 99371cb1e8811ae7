/*
** src/engine/breakdown.c — an indicator computed per department or per
** value of a field (复议纠错率 by 被申请人, 执法全过程记录率 by department),
** worst first: where the weaknesses are.
**
** One scan of the kind's year reads the group column and the fields the
** indicator's conditions use; both sides are summed per group in C with
** the same condition code as the indicators (indicator.c), so a group's
** figures add up to the county's.
*/
#include "engine/where.h"
#include "engine/kinddef.h"
#include "base/strmap.h"
#include <string.h>
#include <stdlib.h>

typedef struct Group { const char *zId; long long num, den; } Group;

/* The group's name as people read it, and the list filter for its records. */
static void group_name(Ctx *c, const Kind *k, const Field *fBy, const char *zId, BreakRow *pRow){
  Arena *a = c->pArena;
  if( fBy==0 ){
    pRow->zKey = dept_name(c, atoll(zId));
    pRow->zParam = "dept_only";
    pRow->zValue = zId;
    return;
  }
  pRow->zValue = arena_printf(a, "=%s", zId);   /* exactly this value ("=" alone: empty) */
  pRow->zParam = arena_printf(a, "f_%s", fBy->zName);
  if( zId[0]==0 ){ pRow->zKey = "（未填写）"; return; }
  switch( fBy->eType ){
    case FT_ENUM: pRow->zKey = enum_label(fBy, zId) ? enum_label(fBy, zId) : zId; break;
    case FT_BOOL: pRow->zKey = strcmp(zId, "1")==0 ? "是" : "否"; break;
    case FT_REF:  pRow->zKey = rec_ref_text(c, fBy, zId, 0); break;
    case FT_DEPT: pRow->zKey = dept_name(c, atoll(zId)); break;
    default:      pRow->zKey = zId; break;
  }
  (void)k;
}

/* Worst first: by the value in the bad direction, then the larger group;
** groups without data last. Exact: cross-multiplied in integers. */
static int row_cmp(const void *pa, const void *pb, void *pArg){
  const BreakRow *a = pa, *b = pb;
  int bHighIsBad = *(const int*)pArg;
  if( a->v.bEmpty != b->v.bEmpty ) return a->v.bEmpty ? 1 : -1;
  int cmp = 0;
  if( a->v.pInd->eUnit==IU_COUNT ){
    cmp = a->v.num < b->v.num ? -1 : a->v.num > b->v.num;
  }else if( !a->v.bEmpty ){
    long long l = a->v.num * b->v.den, r = b->v.num * a->v.den;
    cmp = l < r ? -1 : l > r;
  }
  if( bHighIsBad ) cmp = -cmp;
  if( cmp ) return cmp;
  long long da = a->v.pInd->eUnit==IU_COUNT ? a->v.num : a->v.den;
  long long db = b->v.pInd->eUnit==IU_COUNT ? b->v.num : b->v.den;
  if( da!=db ) return da > db ? -1 : 1;
  return strcmp(a->zKey, b->zKey);
}

int ind_breakdown(Ctx *c, const Kind *k, const Breakdown *bd, int iYear, BreakRow **paRow, int *pnRow){
  *paRow = 0;
  *pnRow = 0;
  const Indicator *ind = kind_indicator(k, bd->zIndicator);
  const Field *fBy = bd->zBy ? kind_field(k, bd->zBy) : 0;
  if( ind==0 || (bd->zBy && fBy==0) ) return err_internal(c, "breakdown %s/%s", k->zName, bd->zIndicator);
  int nField = kind_nfield(k);
  c->iCountYear = iYear;
  unsigned char *aNeed = arena_alloc(c->pArena, (size_t)nField+1);
  ind_need_fields(k, &ind->num, aNeed);
  if( ind->eUnit!=IU_COUNT ) ind_need_fields(k, &ind->den, aNeed);
  Where w;
  memset(&w, 0, sizeof w);
  sqlbuf_init(&w.b);
  sql_lit(&w.b, "SELECT state, ");
  if( fBy ) sql_ident(&w.b, fBy->zName); else sql_lit(&w.b, "dept_id");
  sql_lit(&w.b, ", unit_id");           /* its 地方规定 (prule_for), without a lookup per row */
  for(int i=0; i<nField; i++) if( aNeed[i] ){ sql_lit(&w.b, ", "); sql_ident(&w.b, k->aField[i].zName); }
  sql_lit(&w.b, " FROM ");
  sql_ident(&w.b, k->zName);
  w_base(c, &w, k, iYear, 0, ind->zYearField ? kind_field(k, ind->zYearField) : 0);
  Stmt st;
  if( db_prepare_buf(c->pDb, &st, &w.b) ){
    sqlbuf_free(&w.b);
    return err_internal(c, "breakdown %s: %s", k->zName, db_errmsg(c->pDb));
  }
  sqlbuf_free(&w.b);
  w_bind(&w, &st);
  StrMap map;
  strmap_init(&map);
  Group *aG = 0;
  int nG = 0, nAlloc = 0;
  Rec *r = rec_new(c, k);
  Arena *pMain = c->pArena;
  Arena row;
  arena_init(&row);
  db_stream(&st, 0);
  while( db_step(&st)==DB_ROW ){
    arena_free(&row);
    arena_init(&row);
    c->pArena = &row;
    r->zState = db_column_text(&st, 0);
    const char *zId = db_column_is_null(&st, 1) ? "" : db_column_text(&st, 1);
    r->iUnit = db_column_is_null(&st, 2) ? 0 : db_column_int64(&st, 2);
    ind_row_fields(&st, 3, r, aNeed);
    long long dn = ind_row_value(c, r, &ind->num);
    long long dd = ind->eUnit!=IU_COUNT ? ind_row_value(c, r, &ind->den) : 0;
    c->pArena = pMain;
    if( dn==0 && dd==0 ) continue;     /* a group appears once it has a figure */
    int64_t iG;
    if( !strmap_get(&map, zId, &iG) ){
      aG = arena_grow(pMain, aG, nG, &nAlloc, sizeof *aG);
      iG = nG++;
      aG[iG] = (Group){ arena_strdup(pMain, zId), 0, 0 };
      strmap_set(&map, zId, iG);
    }
    aG[iG].num += dn;
    aG[iG].den += dd;
  }
  arena_free(&row);
  db_finalize(&st);
  strmap_free(&map);
  BreakRow *aRow = arena_alloc(c->pArena, sizeof(BreakRow)*(size_t)(nG+1));
  for(int i=0; i<nG; i++){
    group_name(c, k, fBy, aG[i].zId, &aRow[i]);
    aRow[i].v.num = aG[i].num;
    aRow[i].v.den = aG[i].den;
    ind_finish_value(k, ind, &aRow[i].v);
  }
  int bHigh = bd->bHighIsBad;
  qsort_r(aRow, (size_t)nG, sizeof(BreakRow), row_cmp, &bHigh);
  *paRow = aRow;
  *pnRow = nG;
  return FZ_OK;
}

int ind_breakdowns(Ctx *c, const Kind *pOnly, int iYear, BreakSet **paSet, int *pnSet){
  const Kind *aK[64];
  int nK = kinds_for(c->pActor, aK, 64), n = 0;
  for(int i=0; i<nK; i++){
    if( aK[i]->aBreakdown==0 || (pOnly && aK[i]!=pOnly) ) continue;
    for(const Breakdown *b=aK[i]->aBreakdown; b->zIndicator; b++) n++;
  }
  BreakSet *a = arena_alloc(c->pArena, sizeof(BreakSet)*(size_t)(n+1));
  int m = 0;
  for(int i=0; i<nK; i++){
    const Kind *k = aK[i];
    if( k->aBreakdown==0 || (pOnly && k!=pOnly) ) continue;
    int iY = iYear;
    for(const Breakdown *b=k->aBreakdown; b->zIndicator; b++, m++){
      a[m].pKind = k;
      a[m].pBd = b;
      if( ind_compute(c, k, kind_indicator(k, b->zIndicator), iY, 0, &a[m].all) ) return FZ_INTERNAL;
      if( ind_breakdown(c, k, b, iY, &a[m].aRow, &a[m].nRow) ) return FZ_INTERNAL;
    }
  }
  *paSet = a;
  *pnSet = m;
  return FZ_OK;
}

const BreakRow *ind_breakdown_laggard(const BreakSet *s, int nMin){
  if( s->nRow<2 ) return 0;                 /* one group is the county itself */
  const Indicator *ind = s->all.pInd;
  for(int i=0; i<s->nRow; i++){             /* worst first: the first big enough that lags */
    const BreakRow *w = &s->aRow[i];
    if( w->v.bEmpty ) break;
    long long size = ind->eUnit==IU_COUNT ? w->v.num : w->v.den;
    if( size < nMin ) continue;
    if( !s->pBd->bHighIsBad ) return w->v.bBelowTarget ? w : 0;
    if( ind->eUnit==IU_COUNT || s->all.bEmpty ) return 0;
    /* above the county's rate by half again: num/den ≥ 1.5 × N/D */
    return w->v.num * s->all.den * 2 >= 3 * s->all.num * w->v.den && w->v.num>0 ? w : 0;
  }
  return 0;
}
