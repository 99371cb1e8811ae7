/*
** src/engine/unit.c — a request's unit of work on the store (see ctx.h):
** the connection and transaction plumbing the faces drive, so that no file
** of src/http calls the store by name (tools/codecheck).
*/
#include "engine/ctx.h"

Db *store_connect(const char *zTarget, char *zErr, int nErr){
  return db_open(zTarget, 0, zErr, nErr);
}
int store_is_shared(const char *zTarget){ return db_is_postgres(zTarget); }
int ctx_store_shared(Ctx *c){ return db_dialect(c->pDb)!=DB_SQLITE; }

void ctx_health_reset(Ctx *c){ db_storage_clear(c->pDb); }

StoreHealth ctx_health(Ctx *c){
  if( db_storage_failed(c->pDb) ) return STORE_DOWN;
  if( db_query_failed(c->pDb) ) return STORE_QUERY_FAILED;
  return STORE_OK;
}

const char *ctx_health_why(Ctx *c){
  if( db_query_failed(c->pDb) && !db_storage_failed(c->pDb) ) return db_query_errmsg(c->pDb);
  const char *zWhy = db_storage_errmsg(c->pDb);
  return zWhy[0] ? zWhy : db_errmsg(c->pDb);
}

int ctx_failed(Ctx *c){ return c->pDb && db_failed(c->pDb); }

int ctx_unit_begin(Ctx *c, int bRead, i64 *pnCommit){
  /* Backstop: a GET can never write, whatever its handler does; and it
  ** reads one snapshot under one lock instead of one per statement. */
  if( bRead && db_begin_read(c->pDb)!=DB_OK ) return 1;
  db_set_readonly(c->pDb, bRead);
  *pnCommit = db_commit_count(c->pDb);
  return 0;
}

int ctx_unit_end(Ctx *c, int bRead, i64 nCommit){
  if( bRead ) db_end_read(c->pDb);
  db_set_readonly(c->pDb, 0);
  if( db_in_txn(c->pDb) ) db_rollback(c->pDb);
  return db_failed(c->pDb) && db_commit_count(c->pDb)!=nCommit;
}

void ctx_unit_abandon(Ctx *c){
  if( c->pDb && db_in_txn(c->pDb) ) db_rollback(c->pDb);
}
