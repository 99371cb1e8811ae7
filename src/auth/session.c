/*
** src/auth/session.c — server-side sessions stored in the database, so any
** server in front of the same database can answer any request.
*/
#include "auth/auth.h"
#include <sodium.h>
#include <string.h>
#include <time.h>

static void token_hash(const char *zToken, char zOut[65]);

void session_token_hash(const char *zToken, char zOut[65]){ token_hash(zToken, zOut); }
static void token_hash(const char *zToken, char zOut[65]){
  unsigned char h[32];
  crypto_hash_sha256(h, (const unsigned char*)zToken, strlen(zToken));
  sodium_bin2hex(zOut, 65, h, 32);
}

int session_create(Db *pDb, i64 iUser, const char *zAddr, char zToken[65], char zCsrf[65]){
  char zHash[65];
  Stmt q;
  random_token(zToken, 32);
  random_token(zCsrf, 32);
  token_hash(zToken, zHash);
  i64 now = (i64)time(0);
  if( db_begin_write(pDb) ) return FZ_INTERNAL;
  /* Expired sessions go when new ones come: no cleanup thread. */
  if( db_prepare(pDb, &q, "DELETE FROM session WHERE expires_at<?1")==DB_OK ){
    db_bind_int64(&q, 1, now);
    db_step(&q);
    db_finalize(&q);
  }
  if( db_prepare(pDb, &q, "INSERT INTO session(token_hash, user_id, csrf, created_at, expires_at, addr)"
                          " VALUES(?1,?2,?3,?4,?5,?6)") ){ db_rollback(pDb); return FZ_INTERNAL; }
  db_bind_text(&q, 1, zHash);
  db_bind_int64(&q, 2, iUser);
  db_bind_text(&q, 3, zCsrf);
  db_bind_int64(&q, 4, now);
  db_bind_int64(&q, 5, now + SESSION_HOURS*3600);
  db_bind_text(&q, 6, zAddr ? zAddr : "");
  int rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ){ db_rollback(pDb); return FZ_INTERNAL; }
  return db_commit(pDb) ? FZ_INTERNAL : FZ_OK;
}

int session_load(Db *pDb, Arena *a, const char *zToken, Actor *p, const char **pzCsrf){
  char zHash[65];
  Stmt q;
  int rc = FZ_NOTFOUND;
  if( zToken==0 || strlen(zToken)!=64 ) return FZ_NOTFOUND;
  token_hash(zToken, zHash);
  if( db_prepare(pDb, &q, "SELECT u.id, u.login, u.name, u.role, u.dept_id, d.path, u.pw_temp, s.csrf"
                          " FROM session s JOIN users u ON u.id=s.user_id JOIN dept d ON d.id=u.dept_id"
                          " WHERE s.token_hash=?1 AND s.expires_at>?2 AND u.disabled=0") ) return FZ_INTERNAL;
  db_bind_text(&q, 1, zHash);
  db_bind_int64(&q, 2, (i64)time(0));
  if( db_step(&q)==DB_ROW ){
    actor_from_row(&q, a, p);
    if( pzCsrf ) *pzCsrf = arena_strdup(a, db_column_text(&q, 7));
    rc = FZ_OK;
  }
  db_finalize(&q);
  if( rc==FZ_OK ) actor_scope_set(pDb, a, p);
  return rc;
}

void session_delete(Db *pDb, const char *zToken){
  char zHash[65];
  Stmt q;
  if( zToken==0 ) return;
  token_hash(zToken, zHash);
  if( db_prepare(pDb, &q, "DELETE FROM session WHERE token_hash=?1") ) return;
  db_begin_write(pDb);
  db_bind_text(&q, 1, zHash);
  db_step(&q);
  db_finalize(&q);
  db_commit(pDb);
}
