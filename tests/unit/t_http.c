/*
** tests/unit/t_http.c — unit tests for src/http/dispatch.c without a
** socket: a request is built in memory and given to http_dispatch() with a
** route of the test's own, whose handler plays a write that commits and a
** storage failure that follows it.
**
** Why a unit test: a failure after the commit (import's statistics refresh
** meeting another writer's lock, a record read back after its create on a
** connection that just dropped) cannot be timed from a shell script. Here
** the handler commits and then marks its connection as failed the way a
** backend does (db_mark_storage_failure, as sqlite.c does on SQLITE_BUSY),
** so the dispatcher's decision is tested deterministically.
*/
#include "db/db.h"
#include "db/backend.h"
#include "http/req.h"
#include "t.h"
#include <stdlib.h>
#include <unistd.h>

static char t_zFile[64];
static int t_eMode;     /* 0: commit then fail; 1: fail without commit; 2: commit aside then fail */

static void t_handler(Req *r){
  Db *p = r->ctx.pDb;
  if( t_eMode!=1 ){
    T_EQ_INT(db_begin_write(p), DB_OK);
    T_EQ_INT(db_exec(p, "INSERT INTO t(x) VALUES(1)"), DB_OK);
    T_EQ_INT(t_eMode==2 ? db_commit_aside(p) : db_commit(p), DB_OK);
  }
  db_set_err(p, "database is locked");
  db_mark_storage_failure(p);
  r->status = 201;
  r->zContentType = "application/json; charset=utf-8";
  buf_puts(&r->out, "{\"id\":1}");
}

static const Route t_route = { "POST", "/api/v1/t", RT_API|RT_NOCSRF, t_handler };

static int t_dispatch(Db *p, int eMode){
  Req r;
  memset(&r, 0, sizeof r);
  arena_init(&r.arena);
  buf_init(&r.out);
  buf_init(&r.body);
  r.zMethod = "POST";
  r.zPath = "/api/v1/t";
  r.zAddr = "127.0.0.1";
  r.status = 200;
  r.pRoute = &t_route;
  r.ctx.pDb = p;
  t_eMode = eMode;
  http_dispatch(&r);
  int status = r.status;
  if( status==201 ) T_EQ_STR(buf_cstr(&r.out), "{\"id\":1}");
  buf_free(&r.out);
  buf_free(&r.body);
  arena_free(&r.arena);
  return status;
}

/* 2026-12-07 (review of issue 13): a write that had committed was
** answered 503 "请稍后重试" when a later statement of the same request
** failed, so a client that retried wrote it twice. */
static void test_committed_keeps_answer(void){
  char zErr[200];
  unlink(t_zFile);
  Db *p = db_open(t_zFile, 1, zErr, sizeof zErr);
  T_CHECK(p!=0);
  if( p==0 ) return;
  T_EQ_INT(db_exec(p, "CREATE TABLE t(x INTEGER)"), DB_OK);
  /* every request reads the holiday calendar's change counter first
  ** (holiday_refresh), and loads the calendar's rows when it moved */
  T_EQ_INT(db_exec(p, "CREATE TABLE setting(name TEXT PRIMARY KEY, value TEXT NOT NULL);"
                      "CREATE TABLE holiday(day TEXT PRIMARY KEY, dkind TEXT NOT NULL, name TEXT NOT NULL);"
                      "CREATE TABLE holiday_year(year BIGINT PRIMARY KEY, notice TEXT NOT NULL,"
                      " marked_by TEXT NOT NULL, marked_at TEXT NOT NULL)"), DB_OK);
  T_EQ_INT(t_dispatch(p, 0), 201);           /* committed: the answer stands */
  T_EQ_INT(t_dispatch(p, 1), 503);           /* nothing committed: 503 as before */
  T_EQ_INT(t_dispatch(p, 2), 503);           /* only bookkeeping committed: 503 */
  db_close(p);
  unlink(t_zFile);
}

static const TestCase aTest[] = {
  { "committed_keeps_answer", test_committed_keeps_answer },
};

int main(int argc, char **argv){
  snprintf(t_zFile, sizeof t_zFile, "/tmp/fazhi-thttp-%ld.db", (long)getpid());
  int rc = t_main(argc, argv, aTest, T_COUNT(aTest));
  char z[100];
  snprintf(z, sizeof z, "%s-wal", t_zFile); unlink(z);
  snprintf(z, sizeof z, "%s-shm", t_zFile); unlink(z);
  return rc;
}
