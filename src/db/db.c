/*
** src/db/db.c — the store interface (db.h) over either backend.
**
** What every backend shares lives here: the per-connection statement cache
** keyed by SQL text (a statement already stepping when its text is prepared
** again gets a fresh, uncached handle, so nested loops over one query stay
** correct), transaction nesting, error text, and bulk loading. The
** backends (sqlite.c, postgres.c) supply the calls through a DbVtab.
*/
#include "db/backend.h"
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <pthread.h>

/* postgresql://…, postgres://… or a libpq conninfo ("host=… dbname=…"). */
static void copy_yield(Db*);

int db_is_postgres(const char *z){
  if( strncmp(z, "postgresql://", 13)==0 || strncmp(z, "postgres://", 11)==0 ) return 1;
  size_t n = strspn(z, "abcdefghijklmnopqrstuvwxyz_");
  return n>0 && z[n]=='=';
}

Db *db_open(const char *zTarget, int bCreate, char *zErr, int nErr){
  Db *p = db_is_postgres(zTarget) ? pg_open(zTarget, zErr, nErr)
                                      : sqlite_open(zTarget, bCreate, zErr, nErr);
  if( p ){
    p->zTarget = strdup(zTarget);
    if( p->zTarget==0 ) abort();
  }
  return p;
}

void db_close(Db *p){
  if( p==0 ) return;
  p->bClosing = 1;
  for(int i=0; i<CACHE_SLOTS; i++){
    if( p->aCache[i].zSql ){ p->pVt->xFree(p, p->aCache[i].pStmt); free(p->aCache[i].zSql); }
  }
  free(p->zTarget);
  p->pVt->xClose(p);
}

void db_set_err(Db *p, const char *zFmt, ...){
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(p->zErr, sizeof p->zErr, zFmt, ap);
  va_end(ap);
}

void db_mark_storage_failure(Db *p){
  if( p->bStorageFail ) return;
  p->bStorageFail = 1;
  snprintf(p->zStorageErr, sizeof p->zStorageErr, "%s", db_errmsg(p));
}
int db_storage_failed(Db *p){ return p->bStorageFail; }
const char *db_storage_errmsg(Db *p){ return p->zStorageErr; }

/* Query failures marked and not yet cleared, across every connection of
** the process (threads of a server each have their own), and the first
** one's message (db_failures_pending). */
static atomic_int nQueryPending;
static pthread_mutex_t mxPending = PTHREAD_MUTEX_INITIALIZER;
static char zPendingErr[512];

void db_mark_query_failure(Db *p){
  if( p->bQueryFail || p->bProbe ) return;
  p->bQueryFail = 1;
  snprintf(p->zQueryErr, sizeof p->zQueryErr, "%s", db_errmsg(p));
  pthread_mutex_lock(&mxPending);
  if( atomic_fetch_add(&nQueryPending, 1)==0 ) snprintf(zPendingErr, sizeof zPendingErr, "%s", p->zQueryErr);
  pthread_mutex_unlock(&mxPending);
}
int db_query_failed(Db *p){ return p->bQueryFail; }
const char *db_query_errmsg(Db *p){ return p->zQueryErr; }
int db_failed(Db *p){ return p->bStorageFail || p->bQueryFail; }

void db_storage_clear(Db *p){
  p->bStorageFail = 0;
  p->zStorageErr[0] = 0;
  if( p->bQueryFail ) atomic_fetch_sub(&nQueryPending, 1);
  p->bQueryFail = 0;
  p->zQueryErr[0] = 0;
}

int db_failures_pending(char *zMsg, int nMsg){
  pthread_mutex_lock(&mxPending);
  int n = atomic_load(&nQueryPending);
  if( nMsg>0 ) snprintf(zMsg, (size_t)nMsg, "%s", n ? zPendingErr : "");
  pthread_mutex_unlock(&mxPending);
  return n;
}

int db_compiles_sql(Db *p, const char *zSql){
  Stmt q;
  p->bProbe = 1;
  int ok = db_prepare_sql(p, &q, zSql)==DB_OK;
  p->bProbe = 0;
  if( ok ) db_finalize(&q);
  return ok;
}
int db_compiles_buf(Db *p, SqlBuf *b){ return db_compiles_sql(p, buf_cstr(&b->b)); }

int db_dialect(Db *p){ return p->pVt->eDialect; }
const char *db_errmsg(Db *p){ return p->zErr[0] ? p->zErr : p->pVt->xErrmsg(p); }
const char *db_target(Db *p){ return p->zTarget; }
void db_set_readonly(Db *p, int b){ p->bReadOnly = b; }
int db_stmt_count(Db *p){ return p->nStmt; }
const char *db_ddl_pk(Db *p){ return p->pVt->zPk; }

static unsigned sql_hash(const char *z){
  unsigned h = 2166136261u;
  for(; *z; z++){ h ^= (unsigned char)*z; h *= 16777619u; }
  return h;
}

static void cache_clear(Db *p){
  for(int i=0; i<CACHE_SLOTS; i++){
    CacheEnt *e = &p->aCache[i];
    if( e->zSql && !e->bInUse ){
      p->pVt->xFree(p, e->pStmt);
      free(e->zSql);
      memset(e, 0, sizeof(*e));
      p->nCache--;
    }
  }
}

int db_prepare_sql(Db *p, Stmt *s, const char *zSql){
  copy_yield(p);
  unsigned h = sql_hash(zSql);
  s->pDb = p;
  s->pCache = 0;
  s->pStmt = 0;
  p->zErr[0] = 0;
  unsigned i = h % CACHE_SLOTS;
  for(int n=0; n<CACHE_SLOTS; n++, i=(i+1)%CACHE_SLOTS){
    CacheEnt *e = &p->aCache[i];
    if( e->zSql==0 ) break;
    if( e->h==h && strcmp(e->zSql, zSql)==0 ){
      if( e->bInUse ) break;                 /* nested use: fall through to a fresh handle */
      e->bInUse = 1;
      s->pStmt = e->pStmt;
      s->pCache = e;
      return DB_OK;
    }
  }
  void *pStmt = 0;
  if( p->pVt->xPrepare(p, zSql, &pStmt) ) return DB_ERROR;
  s->pStmt = pStmt;
  if( p->nCache >= CACHE_SLOTS*3/4 ) cache_clear(p);
  i = h % CACHE_SLOTS;
  for(int n=0; n<CACHE_SLOTS; n++, i=(i+1)%CACHE_SLOTS){
    CacheEnt *e = &p->aCache[i];
    if( e->zSql==0 ){
      e->zSql = strdup(zSql);
      if( e->zSql==0 ) abort();
      e->h = h;
      e->pStmt = pStmt;
      e->bInUse = 1;
      s->pCache = e;
      p->nCache++;
      break;
    }
    if( e->h==h && strcmp(e->zSql, zSql)==0 ) break;   /* in use by an outer loop: stay uncached */
  }
  return DB_OK;
}

int db_bind_int64(Stmt *s, int i, i64 v){ return s->pDb->pVt->xBindInt(s->pStmt, i, v); }
int db_bind_text(Stmt *s, int i, const char *z){ return s->pDb->pVt->xBindText(s->pStmt, i, z, 1); }
int db_bind_null(Stmt *s, int i){ return s->pDb->pVt->xBindText(s->pStmt, i, 0, 0); }
int db_bind_text_static(Stmt *s, int i, const char *z){ return s->pDb->pVt->xBindText(s->pStmt, i, z, 0); }

void db_stream(Stmt *s, int nBatch){ if( s->pStmt ) s->pDb->pVt->xStream(s->pStmt, nBatch>0 ? nBatch : 5000); }

int db_step(Stmt *s){
  copy_yield(s->pDb);
  s->pDb->nStmt++;
  return s->pDb->pVt->xStep(s->pDb, s->pStmt);
}

int db_column_count(Stmt *s){ return s->pDb->pVt->xColumnCount(s->pStmt); }
int db_column_is_null(Stmt *s, int i){ return s->pDb->pVt->xColumnIsNull(s->pStmt, i); }
i64 db_column_int64(Stmt *s, int i){ return s->pDb->pVt->xColumnInt(s->pStmt, i); }
const char *db_column_text(Stmt *s, int i){ return s->pDb->pVt->xColumnText(s->pStmt, i); }

void db_finalize(Stmt *s){
  if( s->pStmt==0 ) return;
  if( s->pCache ){
    s->pDb->pVt->xReset(s->pStmt);
    ((CacheEnt*)s->pCache)->bInUse = 0;
  }else{
    s->pDb->pVt->xFree(s->pDb, s->pStmt);
  }
  s->pStmt = 0;
  s->pCache = 0;
}

void db_reset(Stmt *s){
  if( s->pStmt ) s->pDb->pVt->xReset(s->pStmt);
}

int db_exec_sql(Db *p, const char *zSql){
  copy_yield(p);
  p->zErr[0] = 0;
  return p->pVt->xExec(p, zSql) ? DB_ERROR : DB_OK;
}

int db_begin_write(Db *p){
  copy_yield(p);
  if( p->nTxn++ > 0 ) return DB_OK;          /* nested: the outer one owns it */
  p->zErr[0] = 0;
  int rc = p->pVt->xBeginWrite(p);
  if( rc ) p->nTxn = 0;
  return rc;
}
/* Write transactions committed by this process, on any connection. */
static atomic_llong nWriteGen;

int db_commit(Db *p){
  copy_yield(p);
  if( p->nTxn==0 ) return DB_OK;
  if( --p->nTxn > 0 ) return DB_OK;
  if( db_failed(p) ){                        /* decided after a failed statement: not written */
    p->nTxn = 1;
    db_rollback(p);
    db_set_err(p, "rolled back: a statement failed earlier (%s)",
               p->bQueryFail ? p->zQueryErr : p->zStorageErr);
    return DB_ERROR;
  }
  int rc = p->pVt->xCommit(p);
  if( rc==DB_OK ){ p->nCommit++; atomic_fetch_add(&nWriteGen, 1); }
  return rc;
}
int db_commit_aside(Db *p){
  i64 n = p->nCommit;
  int rc = db_commit(p);
  if( p->nCommit!=n ) atomic_fetch_sub(&nWriteGen, 1);   /* a reader that saw it between only recomputes */
  p->nCommit = n;
  return rc;
}
i64 db_write_gen(void){ return atomic_load(&nWriteGen); }
i64 db_commit_count(Db *p){ return p->nCommit; }
void db_rollback(Db *p){
  if( p->pOpenCopy ) db_bulk_abort(p->pOpenCopy);
  if( p->nTxn==0 ) return;
  p->nTxn = 0;
  p->pVt->xRollback(p);
}
int db_in_txn(Db *p){ return p->nTxn>0; }

int db_begin_read(Db *p){ copy_yield(p); return p->pVt->xBeginRead(p); }
void db_end_read(Db *p){ copy_yield(p); p->pVt->xEndRead(p); }
void db_bulk_mode(Db *p, int bOn){ p->pVt->xBulkMode(p, bOn); }
/* Best effort: the statistics only guide the planner, and the caller has
** committed already, so a failure here (SQLite's write lock held by
** another connection, PostgreSQL's ANALYZE cancelled) leaves neither an
** error nor a storage mark behind: the mark is saved and restored. */
void db_refresh_stats(Db *p, const char *zTable){
  int bFail = p->bStorageFail, bQuery = p->bQueryFail;
  char zSaved[sizeof p->zStorageErr], zQuery[sizeof p->zQueryErr];
  memcpy(zSaved, p->zStorageErr, sizeof zSaved);
  memcpy(zQuery, p->zQueryErr, sizeof zQuery);
  p->pVt->xRefreshStats(p, zTable);
  p->bStorageFail = bFail;
  p->bQueryFail = bQuery;
  memcpy(p->zStorageErr, zSaved, sizeof zSaved);
  memcpy(p->zQueryErr, zQuery, sizeof zQuery);
  p->zErr[0] = 0;
}
void db_sync_ids(Db *p, const char *zTable){ p->pVt->xSyncIds(p, zTable); }
void db_schema_lock(Db *p, int bOn){ p->pVt->xSchemaLock(p, bOn); }

int db_backup(Db *p, const char *zOut){
  p->zErr[0] = 0;
  if( p->pVt->xBackup==0 ){
    db_set_err(p, "PostgreSQL 数据库请用 pg_dump 备份");
    return DB_ERROR;
  }
  return p->pVt->xBackup(p, zOut) ? DB_ERROR : DB_OK;
}

int db_prepare_buf(Db *p, Stmt *s, SqlBuf *b){
  return db_prepare_sql(p, s, buf_cstr(&b->b));
}

/* ---- bulk loading ------------------------------------------------------
** With COPY (PostgreSQL) one COPY stays open while rows come: they are sent
** in pieces as they are made, so this process builds rows while the server
** stores the ones before (on two cores, the two overlap). The COPY ends at
** db_bulk_flush/db_bulk_end, or when any other statement needs the
** connection (copy_yield() below, from every entry point); an error it
** reports then is kept for the next bulk call. Without COPY, one prepared
** INSERT per row. */
#define BULK_SEND (256u<<10)

static int bulk_send(Bulk *k){
  Db *p = k->pDb;
  if( k->rcDeferred ) return k->rcDeferred;
  if( k->rows.n==0 ) return DB_OK;
  int rc = DB_OK;
  if( !k->bOpen ){
    p->nStmt++;
    rc = p->pVt->xCopyBegin(p, buf_cstr(&k->sql.b));
    if( rc==DB_OK ){ k->bOpen = 1; p->pOpenCopy = k; }
  }
  if( rc==DB_OK ) rc = p->pVt->xCopyRow(p, k->rows.z, k->rows.n);
  buf_reset(&k->rows);
  if( rc ) k->rcDeferred = rc;
  return rc;
}

int db_bulk_flush(Bulk *k){
  if( !k->bCopy ) return DB_OK;
  Db *p = k->pDb;
  int rc = bulk_send(k);
  if( k->bOpen ){
    int rc2 = p->pVt->xCopyEnd(p, rc!=DB_OK);
    k->bOpen = 0;
    p->pOpenCopy = 0;
    if( rc==DB_OK && rc2 ){ rc = rc2; k->rcDeferred = rc2; }
  }
  return rc;
}

/* Another statement wants the connection: end the COPY first. */
static void copy_yield(Db *p){
  if( p->pOpenCopy ) db_bulk_flush(p->pOpenCopy);
}

int db_bulk_begin(Db *p, Bulk *k, const char *zTable, const char *const *azCol, int nCol){
  copy_yield(p);
  memset(k, 0, sizeof *k);
  k->pDb = p;
  k->nCol = nCol;
  k->bCopy = p->pVt->xCopyBegin!=0;
  buf_init(&k->rows);
  sqlbuf_init(&k->sql);
  if( k->bCopy ) sql_lit(&k->sql, "COPY "); else sql_lit(&k->sql, "INSERT INTO ");
  sql_ident(&k->sql, zTable);
  sql_lit(&k->sql, "(");
  for(int i=0; i<nCol; i++){ if( i ) sql_lit(&k->sql, ","); sql_ident(&k->sql, azCol[i]); }
  if( k->bCopy ){
    sql_lit(&k->sql, ") FROM STDIN");
    return DB_OK;
  }
  sql_lit(&k->sql, ") VALUES(");
  for(int i=0; i<nCol; i++){ if( i ) sql_lit(&k->sql, ","); sql_param(&k->sql); }
  sql_lit(&k->sql, ")");
  return db_prepare_buf(p, &k->ins, &k->sql);
}

/* COPY text format: tab between columns, \N for NULL, and backslash,
** tab, newline and carriage return escaped. */
static void copy_sep(Bulk *k){ if( k->iCol++ ) buf_putc(&k->rows, '\t'); }
void db_bulk_int(Bulk *k, i64 v){
  if( k->bCopy ){ copy_sep(k); buf_raw_printf(&k->rows, "%lld", (long long)v); return; }
  db_bind_int64(&k->ins, ++k->iCol, v);
}
void db_bulk_text(Bulk *k, const char *z){
  if( !k->bCopy ){ db_bind_text_static(&k->ins, ++k->iCol, z); return; }
  copy_sep(k);
  if( z==0 ){ buf_puts(&k->rows, "\\N"); return; }
  for(const char *s=z; *s; s++){
    switch( *s ){
      case '\\': buf_puts(&k->rows, "\\\\"); break;
      case '\t': buf_puts(&k->rows, "\\t"); break;
      case '\n': buf_puts(&k->rows, "\\n"); break;
      case '\r': buf_puts(&k->rows, "\\r"); break;
      default: buf_putc(&k->rows, *s);
    }
  }
}

int db_bulk_row(Bulk *k){
  int nCol = k->iCol;
  k->iCol = 0;
  if( nCol!=k->nCol ){
    db_set_err(k->pDb, "bulk row has %d of %d columns", nCol, k->nCol);
    return DB_ERROR;
  }
  if( !k->bCopy ){
    int rc = db_step(&k->ins);
    db_reset(&k->ins);
    return rc==DB_DONE ? DB_OK : rc;
  }
  buf_putc(&k->rows, '\n');
  if( k->rcDeferred ) return k->rcDeferred;
  return k->rows.n >= BULK_SEND ? bulk_send(k) : DB_OK;
}

int db_bulk_end(Bulk *k){
  int rc = k->bCopy ? db_bulk_flush(k) : DB_OK;
  db_bulk_abort(k);
  return rc;
}

void db_bulk_abort(Bulk *k){
  if( k->pDb==0 ) return;
  if( k->bOpen ){
    k->pDb->pVt->xCopyEnd(k->pDb, 1);     /* the server discards the rows */
    k->bOpen = 0;
    k->pDb->pOpenCopy = 0;
  }
  if( !k->bCopy ) db_finalize(&k->ins);
  buf_free(&k->rows);
  sqlbuf_free(&k->sql);
  k->pDb = 0;
}
