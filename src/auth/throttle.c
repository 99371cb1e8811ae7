/*
** src/auth/throttle.c — failed-login throttling that a stranger cannot turn
** against the county, and the admin's view of the locks.
**
** Three counters per attempt, each a row of login_fail (schema version 10),
** each in an hour-long window that starts at its first counted attempt:
**
**   ip:ADDR          every attempt from one client address (any account);
**   u:LOGIN          every attempt at one account (any address);
**   ua:LOGIN ADDR    one account from one address.
**
** An attempt is counted on all three BEFORE the password is checked, each
** by one INSERT … ON CONFLICT DO UPDATE … RETURNING that also decides
** whether the attempt may go on (so parallel attempts, on one server or
** several, each get their own number and no more than the limit are ever
** checked). A success takes its count back (and ends the pair's row), so
** only failures and refused attempts remain counted. The limits are in
** auth.h (THROTTLE_*). Refused keys are not refused forever: the window
** ends an hour after it began, or an admin lifts the lock
** (fazhi user unlock). When a key first becomes refused for the rest of
** its window, and when an admin lifts a lock, an audit entry is written.
*/
#include "auth/auth.h"
#include "audit/audit.h"
#include "base/json.h"
#include <string.h>
#include <stdio.h>
#include <time.h>

/* The actor of lock entries in the audit log: the server itself. */
static const Actor actorThrottle = { 0, "(登录限制)", "登录限制", R_ADMIN, 0, "/" };

/* Counts one attempt on key zKey and says whether it may be checked:
** the first nFree attempts of a window are; attempt number n >= nFree,
** when let through, sets the next allowed moment (n-nFree+1)^2 seconds
** later (at most THROTTLE_DELAY_MAX_S); an attempt before that moment is
** refused and counted; attempt nMax+1 and later are refused until the
** window ends (attempt nMax sets locked_until to the window's end). All of
** it is decided from the row as it was, under the row's lock, in the one
** statement. Fills pK from the row as written. Returns DB_OK or an error. */
static int throttle_count(Db *pDb, ThrottleKey *pK, const char *zLogin, const char *zAddr,
                          i64 nFree, i64 nMax, i64 now){
  Stmt q;
  if( db_prepare(pDb, &q,
      "INSERT INTO login_fail(fkey, login, addr, n, first_at, locked_until, ok)"
      " VALUES(?1, ?2, ?3, 1, ?4, 0, 1)"
      " ON CONFLICT(fkey) DO UPDATE SET"
      "  n = CASE WHEN login_fail.first_at<=CAST(?4 AS BIGINT)-3600 THEN 1 ELSE login_fail.n+1 END,"
      "  ok = CASE WHEN login_fail.first_at<=CAST(?4 AS BIGINT)-3600 THEN 1"
      "            WHEN login_fail.n+1<=CAST(?6 AS BIGINT) AND login_fail.locked_until<=CAST(?4 AS BIGINT) THEN 1"
      "            ELSE 0 END,"
      "  locked_until = CASE"
      "    WHEN login_fail.first_at<=CAST(?4 AS BIGINT)-3600 THEN 0"
      "    WHEN login_fail.n+1>CAST(?6 AS BIGINT) OR login_fail.locked_until>CAST(?4 AS BIGINT) THEN"
      "      CASE WHEN login_fail.n+1>CAST(?6 AS BIGINT) THEN login_fail.first_at+3600 ELSE login_fail.locked_until END"
      "    WHEN login_fail.n+1>=CAST(?6 AS BIGINT) THEN login_fail.first_at+3600"
      "    WHEN login_fail.n+1>=CAST(?5 AS BIGINT) THEN CAST(?4 AS BIGINT)+CASE"
      "      WHEN (login_fail.n+2-CAST(?5 AS BIGINT))*(login_fail.n+2-CAST(?5 AS BIGINT))>" THROTTLE_DELAY_MAX_S
      "      THEN " THROTTLE_DELAY_MAX_S " ELSE (login_fail.n+2-CAST(?5 AS BIGINT))*(login_fail.n+2-CAST(?5 AS BIGINT)) END"
      "    ELSE login_fail.locked_until END,"
      "  first_at = CASE WHEN login_fail.first_at<=CAST(?4 AS BIGINT)-3600 THEN CAST(?4 AS BIGINT) ELSE login_fail.first_at END"
      " RETURNING n, ok, locked_until, first_at") ) return DB_ERROR;
  db_bind_text(&q, 1, pK->zKey);
  db_bind_text(&q, 2, zLogin);
  db_bind_text(&q, 3, zAddr);
  db_bind_int64(&q, 4, now);
  db_bind_int64(&q, 5, nFree);
  db_bind_int64(&q, 6, nMax);
  int rc = db_step(&q);
  if( rc==DB_ROW ){
    pK->n = db_column_int64(&q, 0);
    pK->bOk = db_column_int64(&q, 1)!=0;
    pK->tUntil = db_column_int64(&q, 2);
    pK->nMax = nMax;
    rc = DB_OK;
  }else{
    rc = DB_ERROR;
  }
  db_finalize(&q);
  return rc;
}

int throttle_begin(Db *pDb, Arena *a, const char *zLogin, const char *zAddr, i64 now, Throttle *p){
  memset(p, 0, sizeof *p);
  if( zAddr==0 ) zAddr = "";
  p->zLogin = arena_strdup(a, zLogin);
  p->zAddr = arena_strdup(a, zAddr);
  p->aKey[0].zKey = arena_printf(a, "ip:%s", zAddr);
  p->aKey[1].zKey = arena_printf(a, "u:%s", zLogin);
  p->aKey[2].zKey = arena_printf(a, "ua:%s %s", zLogin, zAddr);
  /* One order for every attempt: on PostgreSQL the rows are locked
  ** ip, u, ua, so two attempts never wait for each other in a circle. */
  if( db_begin_write(pDb) ) return FZ_INTERNAL;
  if( throttle_count(pDb, &p->aKey[0], "", zAddr, THROTTLE_ADDR_FREE, THROTTLE_ADDR_MAX, now)
   || throttle_count(pDb, &p->aKey[1], zLogin, "", THROTTLE_ACCOUNT_MAX, THROTTLE_ACCOUNT_MAX, now)
   || throttle_count(pDb, &p->aKey[2], zLogin, zAddr, THROTTLE_PAIR_MAX, THROTTLE_PAIR_MAX, now) ){
    db_rollback(pDb);
    return FZ_INTERNAL;
  }
  /* Rows of ended windows hold nothing: cleared when an address starts a
  ** new window (at most once an hour per address), so the table holds
  ** about one hour of attempts however many logins are guessed. */
  if( p->aKey[0].n==1 ){
    Stmt q;
    if( db_prepare(pDb, &q, "DELETE FROM login_fail WHERE first_at<=?1") ){ db_rollback(pDb); return FZ_INTERNAL; }
    db_bind_int64(&q, 1, now-3600);
    int rc = db_step(&q);
    db_finalize(&q);
    if( rc!=DB_DONE ){ db_rollback(pDb); return FZ_INTERNAL; }
  }
  if( db_commit_aside(pDb) ) return FZ_INTERNAL;
  p->bCounted = 1;
  /* A clean address has no other attempt counted in its window: the
  ** account's own limit does not apply to it, so the owner is never
  ** locked out by guesses from elsewhere. */
  int bClean = p->aKey[0].n==1;
  p->bAllowed = p->aKey[0].bOk && p->aKey[2].bOk && (p->aKey[1].bOk || bClean);
  if( !p->bAllowed ){
    for(int i=0; i<3; i++){
      if( i==1 && bClean ) continue;
      if( !p->aKey[i].bOk && p->aKey[i].tUntil-now > p->nWait ) p->nWait = p->aKey[i].tUntil-now;
    }
    if( p->nWait<1 ) p->nWait = 1;
  }
  return FZ_OK;
}

void throttle_message(const Throttle *p, char *zErr, int nErr){
  if( p->nWait < 60 ){
    snprintf(zErr, (size_t)nErr, "登录失败次数过多，请%lld秒后再试", (long long)p->nWait);
  }else{
    snprintf(zErr, (size_t)nErr, "登录失败次数过多，请%lld分钟后再试", (long long)(p->nWait+59)/60);
  }
}

/* A lock's audit entry, after: {"key":…,"login":…,"addr":…,"n":…,"until":…}. */
static int throttle_audit_lock(Ctx *c, const char *zKey, const char *zLogin,
                               const char *zAddr, i64 n, i64 tUntil){
  Buf b;
  buf_init(&b);
  Json js;
  json_init(&js, &b);
  json_obj_begin(&js);
  json_kstr(&js, "key", zKey);
  json_kstr(&js, "login", zLogin);
  json_kstr(&js, "addr", zAddr);
  json_kint(&js, "n", n);
  json_kint(&js, "until", tUntil);
  json_obj_end(&js);
  int rc = audit_append(c, "login_lock", "", 0, "", buf_cstr(&b));
  buf_free(&b);
  return rc;
}

int throttle_end(Db *pDb, Arena *a, Throttle *p, int bSuccess){
  if( !p->bCounted ) return FZ_OK;
  p->bCounted = 0;
  Stmt q;
  if( bSuccess ){
    /* Take this attempt back: addresses shared by a whole office and
    ** accounts used every day are throttled by their failures only. */
    if( db_begin_write(pDb) ) return FZ_INTERNAL;
    int rc = DB_OK;
    for(int i=0; i<2 && rc==DB_OK; i++){
      if( db_prepare(pDb, &q, "UPDATE login_fail SET n=n-1 WHERE fkey=?1 AND n>0") ){ rc = DB_ERROR; break; }
      db_bind_text(&q, 1, p->aKey[i].zKey);
      if( db_step(&q)!=DB_DONE ) rc = DB_ERROR;
      db_finalize(&q);
    }
    if( rc==DB_OK && db_prepare(pDb, &q, "DELETE FROM login_fail WHERE fkey=?1")==DB_OK ){
      db_bind_text(&q, 1, p->aKey[2].zKey);
      if( db_step(&q)!=DB_DONE ) rc = DB_ERROR;
      db_finalize(&q);
    }
    if( rc ){ db_rollback(pDb); return FZ_INTERNAL; }
    return db_commit_aside(pDb) ? FZ_INTERNAL : FZ_OK;
  }
  /* A failure or a refusal: the attempt stays counted. The attempt that
  ** was numbered nMax made its key refused for the rest of the window
  ** (exactly one attempt per window gets that number): log the lock. */
  int bLock = 0;
  for(int i=0; i<3; i++) if( p->aKey[i].n==p->aKey[i].nMax ) bLock = 1;
  if( !bLock ) return FZ_OK;
  Actor act = actorThrottle;
  Ctx c;
  ctx_init(&c, pDb, a, &act);
  if( db_begin_write(pDb) ) return FZ_INTERNAL;
  for(int i=0; i<3; i++){
    const ThrottleKey *k = &p->aKey[i];
    if( k->n!=k->nMax ) continue;
    if( throttle_audit_lock(&c, k->zKey, i==0 ? "" : p->zLogin, i==1 ? "" : p->zAddr, k->n, k->tUntil) ){
      db_rollback(pDb);
      return FZ_INTERNAL;
    }
  }
  return db_commit_aside(pDb) ? FZ_INTERNAL : FZ_OK;
}

int throttle_list(Db *pDb, Arena *a, i64 now, ThrottleRow **paRow, int *pnRow){
  Stmt q;
  int n = 0, nAlloc = 16;
  ThrottleRow *aRow = arena_alloc(a, sizeof(ThrottleRow)*(size_t)nAlloc);
  *paRow = 0;
  *pnRow = 0;
  if( db_prepare(pDb, &q, "SELECT fkey, login, addr, n, first_at, locked_until FROM login_fail"
                          " WHERE locked_until>?1 AND first_at>?1-3600 ORDER BY login, addr") ) return FZ_INTERNAL;
  db_bind_int64(&q, 1, now);
  int rc;
  while( (rc = db_step(&q))==DB_ROW ){
    if( n==nAlloc ){
      ThrottleRow *aNew = arena_alloc(a, sizeof(ThrottleRow)*(size_t)nAlloc*2);
      memcpy(aNew, aRow, sizeof(ThrottleRow)*(size_t)n);
      aRow = aNew;
      nAlloc *= 2;
    }
    ThrottleRow *r = &aRow[n++];
    r->zKey = arena_strdup(a, db_column_text(&q, 0));
    r->zLogin = arena_strdup(a, db_column_text(&q, 1));
    r->zAddr = arena_strdup(a, db_column_text(&q, 2));
    r->n = db_column_int64(&q, 3);
    r->tFirst = db_column_int64(&q, 4);
    r->tUntil = db_column_int64(&q, 5);
  }
  db_finalize(&q);
  if( rc!=DB_DONE ) return FZ_INTERNAL;
  *paRow = aRow;
  *pnRow = n;
  return FZ_OK;
}

int throttle_unlock(Ctx *c, const char *zName, int *pnRemoved){
  Stmt q;
  int n = 0, rc;
  Buf b;
  Json js;
  *pnRemoved = 0;
  if( db_begin_write(c->pDb) ) return err_internal(c, "throttle_unlock: %s", db_errmsg(c->pDb));
  /* every row of that account, or of that address: its locks, its delays
  ** and its counts; one audit entry lists what they held */
  if( db_prepare(c->pDb, &q, "DELETE FROM login_fail WHERE login=?1 OR addr=?1"
                             " RETURNING fkey, login, addr, n, locked_until, first_at") ) goto db_fail;
  db_bind_text(&q, 1, zName);
  i64 now = (i64)time(0);
  buf_init(&b);
  json_init(&js, &b);
  json_arr_begin(&js);
  while( (rc = db_step(&q))==DB_ROW ){
    /* rows left by successes (count 0) or by an ended window hold nothing */
    if( db_column_int64(&q, 5)<=now-3600 || (db_column_int64(&q, 3)<=0 && db_column_int64(&q, 4)<=now) ) continue;
    json_obj_begin(&js);
    json_kstr(&js, "key", db_column_text(&q, 0));
    json_kstr(&js, "login", db_column_text(&q, 1));
    json_kstr(&js, "addr", db_column_text(&q, 2));
    json_kint(&js, "n", db_column_int64(&q, 3));
    json_kint(&js, "until", db_column_int64(&q, 4));
    json_obj_end(&js);
    n++;
  }
  json_arr_end(&js);
  db_finalize(&q);
  if( rc!=DB_DONE || (n && audit_append(c, "login_unlock", "", 0, buf_cstr(&b), "")) ){
    buf_free(&b);
    goto db_fail;
  }
  buf_free(&b);
  if( db_commit(c->pDb) ) goto db_fail;
  *pnRemoved = n;
  return FZ_OK;
db_fail:
  rc = err_internal(c, "throttle_unlock: %s", db_errmsg(c->pDb));
  db_rollback(c->pDb);
  return rc;
}
