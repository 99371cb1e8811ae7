/*
** src/db/sqlite.c — the SQLite backend of the store interface (db.h).
**
** One connection per thread, WAL, a per-connection cache of prepared
** statements keyed by SQL text. A statement that is already stepping when
** the same text is prepared again gets a fresh, uncached handle, so nested
** loops over one query stay correct.
*/
#include "db/db.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#define CACHE_SLOTS 512

typedef struct CacheEnt {
  char *zSql;            /* malloc'd copy of the text, NULL = empty slot */
  unsigned h;
  sqlite3_stmt *p;
  int bInUse;
} CacheEnt;

struct Db {
  sqlite3 *db;
  char *zTarget;
  int bReadOnly;
  int nTxn;
  int nStmt;
  char zErr[256];
  CacheEnt aCache[CACHE_SLOTS];
  int nCache;
};

static unsigned sql_hash(const char *z){
  unsigned h = 2166136261u;
  for(; *z; z++){ h ^= (unsigned char)*z; h *= 16777619u; }
  return h;
}

Db *db_open(const char *zTarget, int bCreate, char *zErr, int nErr){
  if( strncmp(zTarget, "postgresql:", 11)==0 || strncmp(zTarget, "postgres:", 9)==0 ){
    snprintf(zErr, (size_t)nErr, "PostgreSQL后端尚未提供，请使用SQLite数据库文件 (PostgreSQL backend not yet available)");
    return 0;
  }
  /* Before SQLite initialises (the first open happens on the main thread,
  ** before any server thread): no global memory statistics, whose mutex
  ** every allocation of every connection would otherwise take. */
  static int bConfigured;
  if( !bConfigured ){ sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); bConfigured = 1; }
  Db *p = calloc(1, sizeof(Db));
  if( p==0 ) abort();
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (bCreate ? SQLITE_OPEN_CREATE : 0);
  if( sqlite3_open_v2(zTarget, &p->db, flags, 0)!=SQLITE_OK ){
    snprintf(zErr, (size_t)nErr, "无法打开数据库“%s”：%s", zTarget,
             p->db ? sqlite3_errmsg(p->db) : "out of memory");
    sqlite3_close(p->db);
    free(p);
    return 0;
  }
  p->zTarget = strdup(zTarget);
  sqlite3_busy_timeout(p->db, 10000);
  sqlite3_exec(p->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                      " PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;", 0, 0, 0);
  return p;
}

void db_close(Db *p){
  if( p==0 ) return;
  for(int i=0; i<CACHE_SLOTS; i++){
    if( p->aCache[i].zSql ){ sqlite3_finalize(p->aCache[i].p); free(p->aCache[i].zSql); }
  }
  sqlite3_close(p->db);
  free(p->zTarget);
  free(p);
}

int db_dialect(Db *p){ (void)p; return DB_SQLITE; }
const char *db_errmsg(Db *p){ return p->zErr[0] ? p->zErr : sqlite3_errmsg(p->db); }
const char *db_target(Db *p){ return p->zTarget; }
void db_set_readonly(Db *p, int b){ p->bReadOnly = b; }
int db_stmt_count(Db *p){ return p->nStmt; }
const char *db_ddl_pk(Db *p){ (void)p; return "id INTEGER PRIMARY KEY"; }

static void cache_clear(Db *p){
  for(int i=0; i<CACHE_SLOTS; i++){
    CacheEnt *e = &p->aCache[i];
    if( e->zSql && !e->bInUse ){
      sqlite3_finalize(e->p);
      free(e->zSql);
      memset(e, 0, sizeof(*e));
      p->nCache--;
    }
  }
}

int db_prepare_sql(Db *p, Stmt *s, const char *zSql){
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
      s->pStmt = e->p;
      s->pCache = e;
      return DB_OK;
    }
  }
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v3(p->db, zSql, -1, SQLITE_PREPARE_PERSISTENT, &pStmt, 0);
  if( rc!=SQLITE_OK ){
    snprintf(p->zErr, sizeof p->zErr, "%s [%.120s]", sqlite3_errmsg(p->db), zSql);
    return DB_ERROR;
  }
  s->pStmt = pStmt;
  if( p->nCache >= CACHE_SLOTS*3/4 ) cache_clear(p);
  i = h % CACHE_SLOTS;
  for(int n=0; n<CACHE_SLOTS; n++, i=(i+1)%CACHE_SLOTS){
    CacheEnt *e = &p->aCache[i];
    if( e->zSql==0 ){
      e->zSql = strdup(zSql);
      e->h = h;
      e->p = pStmt;
      e->bInUse = 1;
      s->pCache = e;
      p->nCache++;
      break;
    }
    if( e->h==h && strcmp(e->zSql, zSql)==0 ) break;   /* in use by an outer loop: stay uncached */
  }
  return DB_OK;
}

int db_bind_int64(Stmt *s, int i, i64 v){ return sqlite3_bind_int64(s->pStmt, i, v); }
int db_bind_text(Stmt *s, int i, const char *z){
  if( z==0 ) return sqlite3_bind_null(s->pStmt, i);
  return sqlite3_bind_text(s->pStmt, i, z, -1, SQLITE_TRANSIENT);
}
int db_bind_null(Stmt *s, int i){ return sqlite3_bind_null(s->pStmt, i); }
int db_bind_text_static(Stmt *s, int i, const char *z){
  if( z==0 ) return sqlite3_bind_null(s->pStmt, i);
  return sqlite3_bind_text(s->pStmt, i, z, -1, SQLITE_STATIC);
}

int db_step(Stmt *s){
  Db *p = s->pDb;
  if( p->bReadOnly && !sqlite3_stmt_readonly(s->pStmt) ){
    snprintf(p->zErr, sizeof p->zErr, "write attempted in a read-only request: %.120s",
             sqlite3_sql(s->pStmt));
    return DB_ERROR;
  }
  p->nStmt++;
  int rc = sqlite3_step(s->pStmt);
  if( rc==SQLITE_ROW ) return DB_ROW;
  if( rc==SQLITE_DONE ) return DB_DONE;
  snprintf(p->zErr, sizeof p->zErr, "%s [%.120s]", sqlite3_errmsg(p->db), sqlite3_sql(s->pStmt));
  if( (rc&0xff)==SQLITE_CONSTRAINT ) return DB_CONSTRAINT;
  if( (rc&0xff)==SQLITE_BUSY ) return DB_BUSY;
  return DB_ERROR;
}

int db_column_count(Stmt *s){ return sqlite3_column_count(s->pStmt); }
int db_column_is_null(Stmt *s, int i){ return sqlite3_column_type(s->pStmt, i)==SQLITE_NULL; }
i64 db_column_int64(Stmt *s, int i){ return sqlite3_column_int64(s->pStmt, i); }
const char *db_column_text(Stmt *s, int i){
  const char *z = (const char*)sqlite3_column_text(s->pStmt, i);
  return z ? z : "";
}

void db_finalize(Stmt *s){
  if( s->pStmt==0 ) return;
  if( s->pCache ){
    CacheEnt *e = s->pCache;
    sqlite3_reset(s->pStmt);
    sqlite3_clear_bindings(s->pStmt);
    e->bInUse = 0;
  }else{
    sqlite3_finalize(s->pStmt);
  }
  s->pStmt = 0;
  s->pCache = 0;
}

void db_reset(Stmt *s){
  if( s->pStmt ){ sqlite3_reset(s->pStmt); sqlite3_clear_bindings(s->pStmt); }
}

int db_exec_sql(Db *p, const char *zSql){
  char *zMsg = 0;
  if( sqlite3_exec(p->db, zSql, 0, 0, &zMsg)!=SQLITE_OK ){
    snprintf(p->zErr, sizeof p->zErr, "%s", zMsg ? zMsg : "error");
    sqlite3_free(zMsg);
    return DB_ERROR;
  }
  return DB_OK;
}

int db_begin_write(Db *p){
  if( p->nTxn++ > 0 ) return DB_OK;          /* nested: the outer one owns it */
  int rc = db_exec(p, "BEGIN IMMEDIATE");
  if( rc ) p->nTxn = 0;
  return rc;
}
int db_commit(Db *p){
  if( p->nTxn==0 ) return DB_OK;
  if( --p->nTxn > 0 ) return DB_OK;
  int rc = db_exec(p, "COMMIT");
  if( rc ){ db_exec(p, "ROLLBACK"); }
  return rc;
}
void db_rollback(Db *p){
  if( p->nTxn==0 ) return;
  p->nTxn = 0;
  if( !sqlite3_get_autocommit(p->db) ) db_exec(p, "ROLLBACK");
}
int db_in_txn(Db *p){ return p->nTxn>0; }

int db_begin_read(Db *p){
  Stmt s;
  if( db_prepare(p, &s, "BEGIN") ) return DB_ERROR;
  int rc = sqlite3_step(s.pStmt);
  db_finalize(&s);
  return rc==SQLITE_DONE ? DB_OK : DB_ERROR;
}
void db_end_read(Db *p){
  if( sqlite3_get_autocommit(p->db) ) return;
  Stmt s;
  if( db_prepare(p, &s, "COMMIT") ) return;
  sqlite3_step(s.pStmt);
  db_finalize(&s);
}

void db_refresh_stats(Db *p){
  db_exec(p, "PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002");
}

void db_bulk_mode(Db *p, int bOn){
  /* 256 MiB while importing; SQLite's default (2 MiB) otherwise, since a
  ** huge cache slows the GROUP BY scans of indicators. */
  if( bOn ) db_exec(p, "PRAGMA cache_size=-262144");
  else db_exec(p, "PRAGMA cache_size=-2000");
}

int db_prepare_buf(Db *p, Stmt *s, SqlBuf *b){
  return db_prepare_sql(p, s, buf_cstr(&b->b));
}
