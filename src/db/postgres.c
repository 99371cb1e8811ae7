/*
** src/db/postgres.c — the PostgreSQL backend (a city or a province in one
** database, several servers in front).
**
** One connection per thread. Statements are prepared once per connection
** under a generated name, with the ?N placeholders rewritten to $N; results
** come back whole (PQexecPrepared) and are stepped through row by row.
** Values travel as text, so a bound int64 is sent as its decimal digits
** and the server casts it to the column's type.
**
** Guarantees as on SQLite: a write transaction first takes one advisory
** lock, so writers take turns (check-then-write stays safe, and the audit
** chain's "last id + 1" is one chain across servers); a GET reads one
** REPEATABLE READ READ ONLY snapshot, which also refuses any write.
** A lost connection is re-established before the next command that finds
** it broken (any command: a transaction's BEGIN, a statement, its
** preparation, a COPY), as long as no transaction is open on it; its
** statements are then prepared again on first use (each remembers the
** connection's generation it was prepared on). Inside a transaction a
** broken connection stays broken until the transaction ends: its work is
** lost, and going on in a new session would run the rest outside it.
** A failure of the connection or of the server (not of the statement or
** the data) marks the Db as a storage failure; any other failure but a
** constraint violation marks it as a failed statement (db.h).
*/
#include "db/backend.h"
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

/* Advisory lock keys: 'fzwr' (the write lock) and 'fzsc' (migrations). */
#define LOCK_WRITE  "1719301746"
#define LOCK_SCHEMA "1719301987"

typedef struct PgDb {
  Db base;
  PGconn *conn;
  int iGen;              /* bumped on reconnect: statements of older generations re-prepare */
  int nName;             /* statement names s1, s2, …; cursor names c1, c2, … */
  int bInCopy;
  int bTxn;              /* a transaction is open on the server (BEGIN done, not yet ended) */
} PgDb;
#define PG(p) ((PgDb*)(p))

typedef struct PgStmt {
  char zName[24];
  char *zSql;            /* rewritten text ($N) */
  int iGen;
  int nParam, nCol;
  const char **az;       /* parameter values as text; NULL = SQL NULL */
  char **azOwn;          /* copies owned by the statement */
  char (*aNum)[24];      /* digits of bound integers */
  PGresult *pRes;
  int iRow, nRow, bRan;
  int nStream;           /* db_stream(): rows come through a cursor, this many at a time */
  char zCursor[24];      /* "" = no cursor open */
  Db *pDb;
} PgStmt;


/* ?N -> $N (a bare ? is one more than the largest so far, as in SQLite),
** leaving quoted text alone. Returns the number of parameters. */
static int rewrite_params(const char *zIn, Buf *pOut){
  int nMax = 0;
  for(const char *z=zIn; *z; ){
    if( *z=='\'' || *z=='"' ){
      char q = *z;
      const char *e = z+1;
      while( *e && *e!=q ) e++;
      if( *e ) e++;
      buf_append(pOut, z, (size_t)(e-z));
      z = e;
    }else if( *z=='?' ){
      int n = 0;
      z++;
      if( *z>='0' && *z<='9' ){
        while( *z>='0' && *z<='9' ){ n = n*10 + (*z-'0'); z++; }
      }else{
        n = nMax+1;
      }
      if( n>nMax ) nMax = n;
      buf_raw_printf(pOut, "$%d", n);
    }else{
      buf_putc(pOut, *z++);
    }
  }
  return nMax;
}

/* A failure of storage rather than of the statement: the connection is
** broken, libpq got no answer (no SQLSTATE), or the server says so —
** classes 08 (connection), 40 (serialization failure, deadlock: try
** again), 53 (insufficient resources), 57 (shutting down, starting up,
** cancelled), 58 (system error) and XX (internal error). */
static int storage_failure(Db *p, PGresult *r){
  if( PQstatus(PG(p)->conn)==CONNECTION_BAD ) return 1;
  const char *z = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : 0;
  if( z==0 || strlen(z)<2 ) return 1;
  static const char *const azClass[] = { "08", "40", "53", "57", "58", "XX" };
  for(size_t i=0; i<sizeof azClass/sizeof azClass[0]; i++){
    if( z[0]==azClass[i][0] && z[1]==azClass[i][1] ) return 1;
  }
  return 0;
}

static void set_result_err(Db *p, PGresult *r, const char *zSql){
  const char *zMsg = r ? PQresultErrorMessage(r) : PQerrorMessage(PG(p)->conn);
  size_t n = strlen(zMsg);
  while( n && (zMsg[n-1]=='\n' || zMsg[n-1]==' ') ) n--;
  db_set_err(p, "%.*s [%.200s]", (int)n, zMsg, zSql ? zSql : "");
  const char *zState = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : 0;
  if( storage_failure(p, r) ){
    db_mark_storage_failure(p);
  }else if( zState && (strncmp(zState, "23", 2)==0 || strcmp(zState, "25P02")==0) ){
    /* a constraint violation (the caller's to answer), or a statement
    ** refused because an earlier one aborted the transaction */
  }else{
    db_mark_query_failure(p);
  }
}

/* DB_CONSTRAINT for integrity violations (class 23), DB_BUSY for
** serialization failures and deadlocks, else DB_ERROR. */
static int result_code(PGresult *r){
  const char *z = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : 0;
  if( z && z[0]=='2' && z[1]=='3' ) return DB_CONSTRAINT;
  if( z && (strcmp(z, "40001")==0 || strcmp(z, "40P01")==0) ) return DB_BUSY;
  return DB_ERROR;
}

/* What every new session is set to (pg_open and reconnect). */
#define SESSION_SETUP "SET TIME ZONE 'UTC'; SET client_encoding='UTF8'"

/* The connection is broken and no transaction is open on it: connect
** again (libpq keeps the parameters). Every statement prepared on the old
** session belongs to an older generation and is prepared again when next
** used, so the statement cache stays valid. Returns 1 when connected. */
static int reconnect(Db *p){
  PgDb *g = PG(p);
  if( PQstatus(g->conn)!=CONNECTION_BAD || g->bTxn ) return 0;
  PQreset(g->conn);
  if( PQstatus(g->conn)!=CONNECTION_OK ) return 0;
  g->iGen++;
  g->bInCopy = 0;
  PGresult *r = PQexec(g->conn, SESSION_SETUP);
  int ok = PQresultStatus(r)==PGRES_COMMAND_OK;
  PQclear(r);
  return ok;
}
/* Before a command: a connection already known to be broken (a request
** while the server was down broke it) is made again first. */
static void ensure_conn(Db *p){
  if( PQstatus(PG(p)->conn)==CONNECTION_BAD ) reconnect(p);
}

static int stmt_server_prepare(Db *p, PgStmt *s){
  ensure_conn(p);
  PGresult *r = PQprepare(PG(p)->conn, s->zName, s->zSql, s->nParam, 0);
  int ok = PQresultStatus(r)==PGRES_COMMAND_OK;
  if( !ok && reconnect(p) ){
    PQclear(r);
    r = PQprepare(PG(p)->conn, s->zName, s->zSql, s->nParam, 0);
    ok = PQresultStatus(r)==PGRES_COMMAND_OK;
  }
  if( !ok ) set_result_err(p, r, s->zSql);
  PQclear(r);
  s->iGen = PG(p)->iGen;
  return ok ? DB_OK : DB_ERROR;
}

static void cursor_close(PgStmt *s){
  if( s->zCursor[0]==0 ) return;
  char zSql[48];
  snprintf(zSql, sizeof zSql, "CLOSE %s", s->zCursor);
  if( PQtransactionStatus(PG(s->pDb)->conn)!=PQTRANS_INERROR ) PQclear(PQexec(PG(s->pDb)->conn, zSql));
  s->zCursor[0] = 0;
}

static void pg_free(Db *p, void *pv){
  PgStmt *s = pv;
  if( s==0 ) return;
  if( !p->bClosing ) cursor_close(s);
  if( !p->bClosing && s->iGen==PG(p)->iGen && PQstatus(PG(p)->conn)==CONNECTION_OK ){
    char zSql[48];
    snprintf(zSql, sizeof zSql, "DEALLOCATE %s", s->zName);
    PQclear(PQexec(PG(p)->conn, zSql));
  }
  PQclear(s->pRes);
  for(int i=0; i<s->nParam; i++) free(s->azOwn[i]);
  free(s->az);
  free(s->azOwn);
  free(s->aNum);
  free(s->zSql);
  free(s);
}

static int pg_prepare(Db *p, const char *zSql, void **ppStmt){
  PgStmt *s = calloc(1, sizeof *s);
  if( s==0 ) abort();
  Buf b;
  buf_init(&b);
  s->nParam = rewrite_params(zSql, &b);
  s->zSql = strdup(buf_cstr(&b));
  buf_free(&b);
  size_t n = (size_t)(s->nParam ? s->nParam : 1);
  s->az = calloc(n, sizeof(char*));
  s->azOwn = calloc(n, sizeof(char*));
  s->aNum = calloc(n, 24);
  if( s->zSql==0 || s->az==0 || s->azOwn==0 || s->aNum==0 ) abort();
  s->nCol = -1;
  s->pDb = p;
  snprintf(s->zName, sizeof s->zName, "s%d", ++PG(p)->nName);
  if( stmt_server_prepare(p, s) ){
    pg_free(p, s);
    return DB_ERROR;
  }
  *ppStmt = s;
  return DB_OK;
}

static void pg_reset(void *pv){
  PgStmt *s = pv;
  cursor_close(s);
  s->nStream = 0;
  PQclear(s->pRes);
  s->pRes = 0;
  s->bRan = 0;
  s->iRow = s->nRow = 0;
  for(int i=0; i<s->nParam; i++){
    free(s->azOwn[i]);
    s->azOwn[i] = 0;
    s->az[i] = 0;
  }
}

/* A placeholder the statement does not contain is ignored, as libpq would
** refuse a value without one. */
static int pg_bind_int(void *pv, int i, i64 v){
  PgStmt *s = pv;
  if( i<1 || i>s->nParam ) return DB_ERROR;
  snprintf(s->aNum[i-1], 24, "%lld", (long long)v);
  free(s->azOwn[i-1]);
  s->azOwn[i-1] = 0;
  s->az[i-1] = s->aNum[i-1];
  return DB_OK;
}
static int pg_bind_text(void *pv, int i, const char *z, int bCopy){
  PgStmt *s = pv;
  if( i<1 || i>s->nParam ) return DB_ERROR;
  free(s->azOwn[i-1]);
  s->azOwn[i-1] = 0;
  if( z && bCopy ){
    s->azOwn[i-1] = strdup(z);
    if( s->azOwn[i-1]==0 ) abort();
    z = s->azOwn[i-1];
  }
  s->az[i-1] = z;
  return DB_OK;
}

/* Runs s into s->pRes (NULL when libpq could not even send it: a broken
** connection). DB_ERROR, with the error set, when it could not be
** prepared on this session. */
static int exec_prepared(Db *p, PgStmt *s){
  ensure_conn(p);
  PQclear(s->pRes);
  s->pRes = 0;
  if( s->iGen!=PG(p)->iGen && stmt_server_prepare(p, s) ) return DB_ERROR;
  s->pRes = PQexecPrepared(PG(p)->conn, s->zName, s->nParam, s->az, 0, 0, 0);
  return DB_OK;
}

/* A streamed statement: DECLARE a cursor over it (WITH HOLD outside a
** transaction, so the server keeps the rows, not this process), then
** FETCH a batch whenever the last one is used up. */
static int stream_fetch(Db *p, PgStmt *s){
  char zSql[64];
  snprintf(zSql, sizeof zSql, "FETCH FORWARD %d FROM %s", s->nStream, s->zCursor);
  PQclear(s->pRes);
  s->pRes = PQexec(PG(p)->conn, zSql);
  if( PQresultStatus(s->pRes)!=PGRES_TUPLES_OK ){
    set_result_err(p, s->pRes, zSql);
    int rc = result_code(s->pRes);
    PQclear(s->pRes);
    s->pRes = 0;
    s->nRow = 0;
    return rc;
  }
  s->nRow = PQntuples(s->pRes);
  s->nCol = PQnfields(s->pRes);
  s->iRow = -1;
  return DB_OK;
}
static int stream_step(Db *p, PgStmt *s){
  if( !s->bRan ){
    s->bRan = 1;
    snprintf(s->zCursor, sizeof s->zCursor, "c%d", ++PG(p)->nName);
    ensure_conn(p);
    int bTxn = PQtransactionStatus(PG(p)->conn)!=PQTRANS_IDLE;
    Buf b;
    buf_init(&b);
    buf_raw_printf(&b, "DECLARE %s NO SCROLL CURSOR %s FOR %s", s->zCursor, bTxn ? "WITHOUT HOLD" : "WITH HOLD", s->zSql);
    PGresult *r = PQexecParams(PG(p)->conn, buf_cstr(&b), s->nParam, 0, s->az, 0, 0, 0);
    buf_free(&b);
    if( PQresultStatus(r)!=PGRES_COMMAND_OK ){
      set_result_err(p, r, s->zSql);
      int rc = result_code(r);
      PQclear(r);
      s->zCursor[0] = 0;
      return rc;
    }
    PQclear(r);
    int rc = stream_fetch(p, s);
    if( rc ) return rc;
  }
  if( s->iRow+1 >= s->nRow ){
    if( s->nRow<s->nStream || s->zCursor[0]==0 ){ s->iRow = s->nRow; return DB_DONE; }
    int rc = stream_fetch(p, s);
    if( rc ) return rc;
    if( s->nRow==0 ) return DB_DONE;
  }
  s->iRow++;
  return DB_ROW;
}

static int pg_step(Db *p, void *pv){
  PgStmt *s = pv;
  if( s->nStream ) return stream_step(p, s);
  if( !s->bRan ){
    s->bRan = 1;
    if( exec_prepared(p, s) ) return DB_ERROR;
    /* the connection broke under this statement (PQresultStatus of a
    ** NULL result is PGRES_FATAL_ERROR): once more on a new one */
    if( PQresultStatus(s->pRes)==PGRES_FATAL_ERROR && reconnect(p) ){
      if( exec_prepared(p, s) ) return DB_ERROR;
    }
    ExecStatusType st = PQresultStatus(s->pRes);
    if( st==PGRES_TUPLES_OK ){
      s->nRow = PQntuples(s->pRes);
      s->nCol = PQnfields(s->pRes);
      s->iRow = -1;
    }else if( st==PGRES_COMMAND_OK ){
      s->nRow = 0;
      s->iRow = -1;
    }else{
      set_result_err(p, s->pRes, s->zSql);
      int rc = result_code(s->pRes);
      PQclear(s->pRes);
      s->pRes = 0;
      s->nRow = 0;
      return rc;
    }
  }
  if( s->iRow+1 < s->nRow ){ s->iRow++; return DB_ROW; }
  s->iRow = s->nRow;
  return DB_DONE;
}

static void pg_stream(void *pv, int nBatch){ ((PgStmt*)pv)->nStream = nBatch; }

static int pg_column_count(void *pv){
  PgStmt *s = pv;
  return s->pRes ? PQnfields(s->pRes) : (s->nCol>0 ? s->nCol : 0);
}
static int row_ok(PgStmt *s, int i){
  return s->pRes && s->iRow>=0 && s->iRow<s->nRow && i>=0 && i<PQnfields(s->pRes);
}
static int pg_column_is_null(void *pv, int i){
  PgStmt *s = pv;
  return !row_ok(s, i) || PQgetisnull(s->pRes, s->iRow, i);
}
static const char *pg_column_text(void *pv, int i){
  PgStmt *s = pv;
  return row_ok(s, i) ? PQgetvalue(s->pRes, s->iRow, i) : "";
}
/* Integers come as digits; a boolean expression as t/f (SQLite: 1/0). */
static i64 pg_column_int(void *pv, int i){
  const char *z = pg_column_text(pv, i);
  if( z[0]=='t' && z[1]==0 ) return 1;
  return strtoll(z, 0, 10);
}

static int pg_exec(Db *p, const char *zSql){
  ensure_conn(p);
  PGresult *r = PQexec(PG(p)->conn, zSql);
  if( PQresultStatus(r)==PGRES_FATAL_ERROR && reconnect(p) ){
    PQclear(r);
    r = PQexec(PG(p)->conn, zSql);
  }
  ExecStatusType st = PQresultStatus(r);
  int rc = DB_OK;
  if( st!=PGRES_COMMAND_OK && st!=PGRES_TUPLES_OK ){
    set_result_err(p, r, zSql);
    rc = result_code(r);
  }
  PQclear(r);
  return rc;
}

static int pg_begin_write(Db *p){
  if( pg_exec(p, "BEGIN ISOLATION LEVEL READ COMMITTED") ) return DB_ERROR;
  PG(p)->bTxn = 1;
  if( pg_exec(p, "SELECT pg_advisory_xact_lock(" LOCK_WRITE ")") ){
    PQclear(PQexec(PG(p)->conn, "ROLLBACK"));
    PG(p)->bTxn = 0;
    return DB_ERROR;
  }
  return DB_OK;
}
/* COMMIT of a transaction in which a statement failed answers ROLLBACK
** without an error: that is a failed commit. */
static int pg_commit(Db *p){
  PGresult *r = PQexec(PG(p)->conn, "COMMIT");
  PG(p)->bTxn = 0;
  int rc = DB_OK;
  if( PQresultStatus(r)!=PGRES_COMMAND_OK ){
    set_result_err(p, r, "COMMIT");
    rc = DB_ERROR;
  }else if( strcmp(PQcmdStatus(r), "ROLLBACK")==0 ){
    if( p->zErr[0]==0 ) db_set_err(p, "transaction aborted by an earlier error, rolled back");
    rc = DB_ERROR;
  }
  PQclear(r);
  return rc;
}
static void pg_rollback(Db *p){
  PgDb *g = PG(p);
  if( PQstatus(g->conn)==CONNECTION_OK && PQtransactionStatus(g->conn)!=PQTRANS_IDLE ) PQclear(PQexec(g->conn, "ROLLBACK"));
  g->bTxn = 0;
}
static int pg_begin_read(Db *p){
  if( pg_exec(p, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") ) return DB_ERROR;
  PG(p)->bTxn = 1;
  return DB_OK;
}
static void pg_end_read(Db *p){ pg_rollback(p); }

static void pg_refresh_stats(Db *p, const char *zTable){
  SqlBuf b;
  sqlbuf_init(&b);
  sql_lit(&b, "ANALYZE ");
  sql_ident(&b, zTable);
  pg_exec(p, buf_cstr(&b.b));
  sqlbuf_free(&b);
}
static void pg_sync_ids(Db *p, const char *zTable){
  SqlBuf b;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT setval(pg_get_serial_sequence('");
  sql_ident(&b, zTable);
  sql_lit(&b, "', 'id'), COALESCE((SELECT MAX(id) FROM ");
  sql_ident(&b, zTable);
  sql_lit(&b, "), 0) + 1, false)");
  pg_exec(p, buf_cstr(&b.b));
  sqlbuf_free(&b);
}
static void pg_schema_lock(Db *p, int bOn){
  if( bOn ) pg_exec(p, "SELECT pg_advisory_lock(" LOCK_SCHEMA ")");
  else pg_exec(p, "SELECT pg_advisory_unlock(" LOCK_SCHEMA ")");
}
static void pg_bulk_mode(Db *p, int bOn){ (void)p; (void)bOn; }

static int pg_copy_begin(Db *p, const char *zSql){
  ensure_conn(p);
  PGresult *r = PQexec(PG(p)->conn, zSql);
  int ok = PQresultStatus(r)==PGRES_COPY_IN;
  if( !ok ) set_result_err(p, r, zSql);
  int rc = ok ? DB_OK : result_code(r);
  PQclear(r);
  PG(p)->bInCopy = ok;
  return rc;
}
static int pg_copy_row(Db *p, const char *z, size_t n){
  if( PQputCopyData(PG(p)->conn, z, (int)n)!=1 ){
    set_result_err(p, 0, "COPY");
    return DB_ERROR;
  }
  return DB_OK;
}
static int pg_copy_end(Db *p, int bAbort){
  if( !PG(p)->bInCopy ) return DB_ERROR;
  PG(p)->bInCopy = 0;
  int rc = DB_OK;
  if( PQputCopyEnd(PG(p)->conn, bAbort ? "bulk load abandoned" : 0)!=1 ){ set_result_err(p, 0, "COPY"); rc = DB_ERROR; }
  PGresult *r;
  while( (r = PQgetResult(PG(p)->conn))!=0 ){
    if( PQresultStatus(r)!=PGRES_COMMAND_OK && rc==DB_OK && !bAbort ){
      set_result_err(p, r, "COPY");
      rc = result_code(r);
    }
    PQclear(r);
  }
  return rc;
}

static const char *pg_errmsg(Db *p){ return PQerrorMessage(PG(p)->conn); }
static void pg_close(Db *p){
  PQfinish(PG(p)->conn);
  free(p);
}

static const DbVtab pgVtab = {
  DB_POSTGRES, "id BIGSERIAL PRIMARY KEY",
  pg_prepare, pg_free, pg_reset, pg_bind_int, pg_bind_text, pg_step, pg_stream,
  pg_column_count, pg_column_is_null, pg_column_int, pg_column_text,
  pg_exec, pg_begin_write, pg_commit, pg_rollback, pg_begin_read, pg_end_read,
  pg_bulk_mode, pg_refresh_stats, pg_sync_ids, pg_schema_lock,
  pg_copy_begin, pg_copy_row, pg_copy_end,
  pg_errmsg, pg_close,
};

static void quiet_notice(void *pArg, const char *zMsg){ (void)pArg; (void)zMsg; }

Db *pg_open(const char *zTarget, char *zErr, int nErr){
  PGconn *conn = PQconnectdb(zTarget);
  if( conn==0 || PQstatus(conn)!=CONNECTION_OK ){
    const char *zMsg = conn ? PQerrorMessage(conn) : "out of memory";
    size_t n = strlen(zMsg);
    while( n && (zMsg[n-1]=='\n' || zMsg[n-1]==' ') ) n--;
    snprintf(zErr, (size_t)nErr, "无法连接PostgreSQL数据库：%.*s", (int)n, zMsg);
    PQfinish(conn);
    return 0;
  }
  PQsetNoticeProcessor(conn, quiet_notice, 0);
  PgDb *p = calloc(1, sizeof(PgDb));
  if( p==0 ) abort();
  p->base.pVt = &pgVtab;
  p->conn = conn;
  if( pg_exec(&p->base, SESSION_SETUP) ){
    snprintf(zErr, (size_t)nErr, "PostgreSQL连接设置失败：%s", p->base.zErr);
    pg_close(&p->base);
    return 0;
  }
  return &p->base;
}
