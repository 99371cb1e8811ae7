/*
** src/report/store.c — the report's storage: every query on its four
** tables. The rest of src/report calls these and never names the tables.
**
**   report_version   a stored version of a department's report of a year
**                    (numbered per department and year; frozen_* set once)
**   report_para      its paragraphs in order (pos 1, 2, …)
**   baseline_report  last year's published report pasted as text
**   baseline_fig     the figures matched in it, one per indicator
**
** Scope is the caller's: every function takes the department (iScope,
** report_scope) whose rows it reads or writes. Writes run inside the
** caller's write transaction, which also writes the audit entry; they
** return 0, or non-zero on a database error (the caller rolls back and
** reports db_errmsg). Reads record their own internal error
** (err_internal) and return FZ_INTERNAL.
*/
#include "report/report_int.h"
#include "audit/audit.h"
#include <string.h>
#include <stdlib.h>

#define VERSION_COLS "id, year, no, based_on, created_at, created_by, frozen_at, frozen_by, frozen_doc"

/* A row of VERSION_COLS into v (no paragraphs). */
static void version_row(Ctx *c, Stmt *q, DraftVersion *v){
  memset(v, 0, sizeof *v);
  v->id = db_column_int64(q, 0);
  v->iYear = (int)db_column_int64(q, 1);
  v->iNo = (int)db_column_int64(q, 2);
  v->iBasedOn = (int)db_column_int64(q, 3);
  v->zCreatedAt = arena_strdup(c->pArena, db_column_text(q, 4));
  v->zCreatedBy = arena_strdup(c->pArena, db_column_text(q, 5));
  if( !db_column_is_null(q, 6) ){
    v->zFrozenAt = arena_strdup(c->pArena, db_column_text(q, 6));
    v->zFrozenBy = arena_strdup(c->pArena, db_column_text(q, 7));
    v->zFrozenDoc = arena_strdup(c->pArena, db_column_text(q, 8));
  }
}

/* The versions of iScope's report of iYear, newest first, without their
** paragraphs. */
int store_version_list(Ctx *c, i64 iScope, int iYear, DraftVersion **paOut, int *pnOut){
  Stmt q;
  int n = 0, nAlloc = 0;
  DraftVersion *a = 0;
  *paOut = 0; *pnOut = 0;
  if( db_prepare(c->pDb, &q, "SELECT " VERSION_COLS " FROM report_version"
                             " WHERE dept_id=?1 AND year=?2 ORDER BY no DESC") ){
    return err_internal(c, "draft_list: %s", db_errmsg(c->pDb));
  }
  db_bind_int64(&q, 1, iScope);
  db_bind_int64(&q, 2, iYear);
  int rc;
  while( (rc = db_step(&q))==DB_ROW ){
    a = arena_grow(c->pArena, a, n, &nAlloc, sizeof *a);
    version_row(c, &q, &a[n++]);
  }
  db_finalize(&q);
  if( rc!=DB_DONE ) return err_internal(c, "draft_list: %s", db_errmsg(c->pDb));
  *paOut = a; *pnOut = n;
  return FZ_OK;
}

/* Version id of iScope with its paragraphs in order; FZ_NOTFOUND when
** there is none (or it is another department's). */
int store_version_get(Ctx *c, i64 iScope, i64 id, DraftVersion *v){
  Stmt q;
  if( db_prepare(c->pDb, &q, "SELECT " VERSION_COLS " FROM report_version WHERE id=?1 AND dept_id=?2") ){
    return err_internal(c, "draft_load: %s", db_errmsg(c->pDb));
  }
  db_bind_int64(&q, 1, id);
  db_bind_int64(&q, 2, iScope);
  int rc = db_step(&q);
  if( rc==DB_ROW ) version_row(c, &q, v);
  db_finalize(&q);
  if( rc==DB_DONE ) return FZ_NOTFOUND;
  if( rc!=DB_ROW ) return err_internal(c, "draft_load: %s", db_errmsg(c->pDb));
  if( db_prepare(c->pDb, &q, "SELECT btype, tpl, pkey, pstate FROM report_para"
                             " WHERE version_id=?1 ORDER BY pos") ){
    return err_internal(c, "draft_load: %s", db_errmsg(c->pDb));
  }
  db_bind_int64(&q, 1, id);
  int nAlloc = 0;
  while( (rc = db_step(&q))==DB_ROW ){
    v->aPara = arena_grow(c->pArena, v->aPara, v->nPara, &nAlloc, sizeof *v->aPara);
    DraftPara *p = &v->aPara[v->nPara++];
    p->zType = arena_strdup(c->pArena, db_column_text(&q, 0));
    p->zTpl = arena_strdup(c->pArena, db_column_text(&q, 1));
    p->zKey = arena_strdup(c->pArena, db_column_text(&q, 2));
    p->zState = arena_strdup(c->pArena, db_column_text(&q, 3));
  }
  db_finalize(&q);
  if( rc!=DB_DONE ) return err_internal(c, "draft_load: %s", db_errmsg(c->pDb));
  return FZ_OK;
}

/* A new version of iScope's report of iYear, numbered after the others
** (its id after every version's), created now by the actor; iBasedOn
** the number of the version it copies (0: from the data). */
int store_version_add(Ctx *c, i64 iScope, int iYear, int iBasedOn, i64 *piNew){
  Stmt q;
  i64 id = 0, no = 0;
  if( db_prepare(c->pDb, &q, "SELECT COALESCE(MAX(no),0)+1 FROM report_version WHERE dept_id=?1 AND year=?2") ) return 1;
  db_bind_int64(&q, 1, iScope);
  db_bind_int64(&q, 2, iYear);
  if( db_step(&q)==DB_ROW ) no = db_column_int64(&q, 0);
  db_finalize(&q);
  id = audit_next_id(c->pDb, "report_version", "@report_version");   /* never a deleted version's id */
  if( id==0 ) return 1;
  if( db_prepare(c->pDb, &q, "INSERT INTO report_version(id, dept_id, year, no, based_on, created_at, created_by)"
                             " VALUES(?1,?2,?3,?4,?5,?6,?7)") ) return 1;
  db_bind_int64(&q, 1, id);
  db_bind_int64(&q, 2, iScope);
  db_bind_int64(&q, 3, iYear);
  db_bind_int64(&q, 4, no);
  db_bind_int64(&q, 5, iBasedOn);
  db_bind_text(&q, 6, rec_now_iso(c));
  db_bind_text(&q, 7, c->pActor->zLogin ? c->pActor->zLogin : "");
  int rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ) return 1;
  *piNew = id;
  return 0;
}

/* Version id's paragraphs become a[0..n-1] (bReplace: the old ones go
** first; a new version has none). */
int store_paras_put(Ctx *c, i64 id, const DraftPara *a, int n, int bReplace){
  Stmt q;
  if( bReplace ){
    if( db_prepare(c->pDb, &q, "DELETE FROM report_para WHERE version_id=?1") ) return 1;
    db_bind_int64(&q, 1, id);
    int rc = db_step(&q);
    db_finalize(&q);
    if( rc!=DB_DONE ) return 1;
  }
  if( db_prepare(c->pDb, &q, "INSERT INTO report_para(version_id, pos, btype, tpl, pkey, pstate)"
                             " VALUES(?1,?2,?3,?4,?5,?6)") ) return 1;
  for(int i=0; i<n; i++){
    db_bind_int64(&q, 1, id);
    db_bind_int64(&q, 2, i+1);
    db_bind_text(&q, 3, a[i].zType);
    db_bind_text(&q, 4, a[i].zTpl);
    db_bind_text(&q, 5, a[i].zKey ? a[i].zKey : "");
    db_bind_text(&q, 6, a[i].zState ? a[i].zState : "");
    if( db_step(&q)!=DB_DONE ){ db_finalize(&q); return 1; }
    db_reset(&q);
  }
  db_finalize(&q);
  return 0;
}

/* Freezes version id with its document zDoc, now, by the actor: 0; -1
** when it was frozen already (nothing changed); 1 on a database error. */
int store_version_freeze(Ctx *c, i64 id, const char *zDoc){
  Stmt q;
  if( db_prepare(c->pDb, &q, "UPDATE report_version SET frozen_at=?2, frozen_by=?3, frozen_doc=?4"
                             " WHERE id=?1 AND frozen_at IS NULL RETURNING id") ) return 1;
  db_bind_int64(&q, 1, id);
  db_bind_text(&q, 2, rec_now_iso(c));
  db_bind_text(&q, 3, c->pActor->zLogin ? c->pActor->zLogin : "");
  db_bind_text(&q, 4, zDoc);
  int rc = db_step(&q);
  db_finalize(&q);
  if( rc==DB_DONE ) return -1;
  return rc==DB_ROW ? 0 : 1;
}

/* iScope's baseline of b->iYear becomes b (imported now by the actor:
** b->zImportedAt and b->zImportedBy are set) with its text zText,
** replacing the one before. */
int store_baseline_put(Ctx *c, i64 iScope, Baseline *b, const char *zText){
  Stmt q;
  int rc;
  if( db_prepare(c->pDb, &q, "DELETE FROM baseline_fig WHERE dept_id=?1 AND year=?2") ) return 1;
  db_bind_int64(&q, 1, iScope);
  db_bind_int64(&q, 2, b->iYear);
  rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ) return 1;
  if( db_prepare(c->pDb, &q, "DELETE FROM baseline_report WHERE dept_id=?1 AND year=?2") ) return 1;
  db_bind_int64(&q, 1, iScope);
  db_bind_int64(&q, 2, b->iYear);
  rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ) return 1;
  if( db_prepare(c->pDb, &q, "INSERT INTO baseline_report(dept_id, year, imported_at, imported_by, text)"
                             " VALUES(?1,?2,?3,?4,?5)") ) return 1;
  db_bind_int64(&q, 1, iScope);
  db_bind_int64(&q, 2, b->iYear);
  b->zImportedAt = rec_now_iso(c);
  b->zImportedBy = c->pActor->zLogin ? c->pActor->zLogin : "";
  db_bind_text(&q, 3, b->zImportedAt);
  db_bind_text(&q, 4, b->zImportedBy);
  db_bind_text(&q, 5, zText);
  rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ) return 1;
  if( db_prepare(c->pDb, &q, "INSERT INTO baseline_fig(dept_id, year, kind, ind, value, label, sentence)"
                             " VALUES(?1,?2,?3,?4,?5,?6,?7)") ) return 1;
  for(int i=0; i<b->n; i++){
    const BaseFig *f = &b->a[i];
    db_bind_int64(&q, 1, iScope);
    db_bind_int64(&q, 2, b->iYear);
    db_bind_text(&q, 3, f->k->zName);
    db_bind_text(&q, 4, f->ind->zName);
    db_bind_text(&q, 5, f->zValue);
    db_bind_text(&q, 6, f->zLabel);
    db_bind_text(&q, 7, f->zSentence);
    if( db_step(&q)!=DB_DONE ){ db_finalize(&q); return 1; }
    db_reset(&q);
  }
  db_finalize(&q);
  return 0;
}

/* iScope's baseline of iYear into *pOut (zImportedAt NULL: none), its
** figures by kind and indicator; a figure of an indicator no longer
** declared is left out. */
int store_baseline_get(Ctx *c, i64 iScope, int iYear, Baseline *pOut){
  memset(pOut, 0, sizeof *pOut);
  pOut->iYear = iYear;
  Stmt q;
  if( db_prepare(c->pDb, &q, "SELECT imported_at, imported_by FROM baseline_report WHERE dept_id=?1 AND year=?2") ){
    return err_internal(c, "baseline: %s", db_errmsg(c->pDb));
  }
  db_bind_int64(&q, 1, iScope);
  db_bind_int64(&q, 2, iYear);
  if( db_step(&q)==DB_ROW ){
    pOut->zImportedAt = arena_strdup(c->pArena, db_column_text(&q, 0));
    pOut->zImportedBy = arena_strdup(c->pArena, db_column_text(&q, 1));
  }
  db_finalize(&q);
  if( pOut->zImportedAt==0 ) return FZ_OK;
  if( db_prepare(c->pDb, &q, "SELECT kind, ind, value, label, sentence FROM baseline_fig"
                             " WHERE dept_id=?1 AND year=?2 ORDER BY kind, ind") ){
    return err_internal(c, "baseline: %s", db_errmsg(c->pDb));
  }
  db_bind_int64(&q, 1, iScope);
  db_bind_int64(&q, 2, iYear);
  int nAlloc = 0;
  while( db_step(&q)==DB_ROW ){
    const Kind *k = kind_find(db_column_text(&q, 0));
    const Indicator *ind = k ? kind_indicator(k, db_column_text(&q, 1)) : 0;
    if( ind==0 ) continue;                       /* an indicator no longer declared */
    pOut->a = arena_grow(c->pArena, pOut->a, pOut->n, &nAlloc, sizeof *pOut->a);
    BaseFig *b = &pOut->a[pOut->n++];
    memset(b, 0, sizeof *b);
    b->k = k;
    b->ind = ind;
    b->zValue = arena_strdup(c->pArena, db_column_text(&q, 2));
    b->v = atof(b->zValue);
    b->zLabel = arena_strdup(c->pArena, db_column_text(&q, 3));
    b->zSentence = arena_strdup(c->pArena, db_column_text(&q, 4));
  }
  db_finalize(&q);
  return FZ_OK;
}

/* Takes indicator zKind.zInd's figure out of iScope's baseline of iYear:
** 0; -1 when there was none; 1 on a database error. */
int store_baseline_drop(Ctx *c, i64 iScope, int iYear, const char *zKind, const char *zInd){
  Stmt q;
  if( db_prepare(c->pDb, &q, "DELETE FROM baseline_fig WHERE dept_id=?1 AND year=?2 AND kind=?3 AND ind=?4 RETURNING value") ) return 1;
  db_bind_int64(&q, 1, iScope);
  db_bind_int64(&q, 2, iYear);
  db_bind_text(&q, 3, zKind);
  db_bind_text(&q, 4, zInd);
  int rc = db_step(&q);
  db_finalize(&q);
  if( rc==DB_DONE ) return -1;
  return rc==DB_ROW ? 0 : 1;
}
