/*
** src/engine/version.c — catalogs published anew each year (权责清单).
**
** A versioned kind's F_YEAR field is the year of the version a record
** belongs to. Carrying a version forward copies every record that is not
** in a final state into the next year, marked as carried (沿用); the
** departments then add, adjust and cancel items in the new version, and
** the indicators of each year count that year's version. Items are known
** across versions by the kind's first unique field (事项编码): carrying
** skips items the next version already holds, so each department (or the
** county for all) can carry its part when it is ready.
*/
#include "engine/query.h"
#include "db/db.h"
#include <string.h>

typedef struct Carry { Ctx *c; int iTo; int n; int rc; Rec **aRow; int nRow, nAlloc; } Carry;

static int collect(void *pArg, Rec *r){
  Carry *a = pArg;
  a->aRow = arena_grow(a->c->pArena, a->aRow, a->nRow, &a->nAlloc, sizeof *a->aRow);
  a->aRow[a->nRow++] = r;
  return 0;
}

/* The kind's first unique field: what identifies an item across versions. */
static const Field *key_field(const Kind *k){
  for(const Field *f=k->aField; f->zName; f++) if( f->flags & F_UNIQUE ) return f;
  return 0;
}

/* Copies r into the next version unless it is cancelled or already there. */
static int carry_one(Carry *a, Rec *r){
  const Kind *k = r->pKind;
  const State *s = kind_state(k, r->zState);
  if( s && s->bFinal ) return 0;
  Rec *pNew = rec_copy(a->c, r);
  pNew->id = 0;
  pNew->azVal[kind_year_field(k) - k->aField] = arena_printf(a->c->pArena, "%d", a->iTo);
  pNew->azVal[kind_field(k, k->pVersion->zChange) - k->aField] = k->pVersion->zCarried;
  /* last year's change is not this year's: dates and notes of it stay behind */
  for(int i=0; i<4 && k->pVersion->azClear[i]; i++) pNew->azVal[kind_field(k, k->pVersion->azClear[i]) - k->aField] = 0;
  if( rec_id_unique(a->c, pNew, key_field(k), 0) ) return 0;
  a->rc = rec_insert(a->c, pNew);
  if( a->rc ) return 1;
  a->n++;
  return 0;
}

/* Records of the version in the actor's scope. */
static i64 version_count(Ctx *c, const Kind *k, int iYear){
  Query q;
  RecList l;
  query_init(c, &q, k);
  q.iYear = iYear;
  q.nSize = 1;
  if( rec_list(c, &q, &l) ) return -1;
  return l.nTotal;
}

int rec_carry(Ctx *c, const Kind *k, int iFrom, int *pnCopied){
  *pnCopied = 0;
  if( k->pVersion==0 ) return FZ_NOTFOUND;
  if( !actor_can_write(c->pActor) ) return FZ_FORBIDDEN;
  const Field *fy = kind_year_field(k);
  if( iFrom<fy->nMin || iFrom>=fy->nMax ){
    err_add(c, 0, fy, "年度应在%d至%d之间", fy->nMin, fy->nMax-1);
    return FZ_INVALID;
  }
  if( db_begin_write(c->pDb) ) return err_internal(c, "rec_carry: %s", db_errmsg(c->pDb));
  /* inside the write transaction: two clerks pressing at once copy each
  ** item once */
  i64 nFrom = version_count(c, k, iFrom);
  if( nFrom<0 ){ db_rollback(c->pDb); return err_internal(c, "rec_carry: %s", db_errmsg(c->pDb)); }
  if( nFrom==0 ){
    err_add(c, 0, fy, "%d年度%s没有事项，无可沿用", iFrom, k->zLabel);
    db_rollback(c->pDb);
    return FZ_INVALID;
  }
  Query q;
  query_init(c, &q, k);
  q.iYear = iFrom;
  q.zSort = "id";
  Carry a = { c, iFrom+1, 0, FZ_OK, 0, 0, 0 };
  /* read whole before writing: no statement stays open over the inserts */
  int rc = rec_scan(c, &q, collect, &a);
  for(int i=0; rc==FZ_OK && i<a.nRow; i++){
    if( carry_one(&a, a.aRow[i]) ) rc = a.rc;
  }
  if( rc==FZ_OK && a.n==0 ){
    err_add(c, 0, fy, "%d年度%s已包含%d年度的全部在册事项，无需再次沿用", iFrom+1, k->zLabel, iFrom);
    rc = FZ_INVALID;
  }
  if( rc ){ db_rollback(c->pDb); return rc; }
  if( db_commit(c->pDb) ){
    rc = err_internal(c, "rec_carry: %s", db_errmsg(c->pDb));
    db_rollback(c->pDb);
    return rc;
  }
  *pnCopied = a.n;
  return FZ_OK;
}
