/*
** src/auth/throttle.c — failed-login throttling that a stranger cannot turn
** against the county, and the admin's view of the locks.
**
** Counters, each a row of login_fail (schema versions 10 and 11), each in
** an hour-long window that starts at its first counted attempt:
**
**   ip:ADDR          every attempt from one client address (any account);
**   u:LOGIN          every attempt at one account (any address);
**   ua:LOGIN ADDR    one account from one address;
**   uc:LOGIN         attempts at one account let through, past u's limit,
**                    only because their address was still "clean" for it;
**   ud:LOGIN         attempts at one account from its known devices.
**
** ADDR is the client's IPv4 address, or for IPv6 its /64 network
** ("2001:db8:1:2::/64"): one subscriber holds a whole /64, so counting
** single IPv6 addresses would give a guesser 2^64 fresh addresses.
**
** Known places (login_known): the address (as ADDR) and the device (the
** SHA-256 of a random token kept in the browser's fz_device cookie, set at
** a successful login) from which an account logged in successfully within
** THROTTLE_KNOWN_DAYS. Only the hash is stored, so reading the database
** does not give the token. An attempt from a known place is spared the
** account-wide limits (u, uc): guesses from elsewhere never lock the owner
** out there. A known device is spared the address limit too (its own
** limit, ud, is the pair limit), so a busy shared address does not lock
** its owner out either.
**
** An attempt is counted on its keys BEFORE the password is checked, each
** by one INSERT … ON CONFLICT DO UPDATE … RETURNING that also decides
** whether the attempt may go on, all inside one write transaction (which
** holds the database's write lock on both backends): parallel attempts, on
** one server or several, each get their own number and no more than the
** limit are ever checked. A success takes its count back (and ends the
** pair's and the device's rows), so only failures and refused attempts
** remain counted. The limits are in auth.h (THROTTLE_*). Refused keys are
** not refused forever: the window ends an hour after it began, or an admin
** lifts the lock (fazhi user unlock). When a key first becomes refused for
** the rest of its window, and when an admin lifts a lock, an audit entry is
** written. throttle_end also writes the attempt's row of the login log
** (loginlog.c) when its caller named a result (Throttle.zLogResult), in
** the same transaction.
*/
#include "auth/auth.h"
#include "audit/audit.h"
#include "base/json.h"
#include <string.h>
#include <stdio.h>
#include <time.h>
#include <stdatomic.h>
#include <arpa/inet.h>
#include <sodium.h>

/* The actor of lock entries in the audit log: the server itself. */
static const Actor actorThrottle = { 0, "(登录限制)", "登录限制", R_ADMIN, 0, "/" };

/* Which slot of Throttle.aKey holds which counter. */
enum { TK_IP, TK_USER, TK_PAIR, TK_CLEAN, TK_DEVICE };

const char *throttle_addr_key(Arena *a, const char *zAddr){
  unsigned char b[16];
  char z[INET6_ADDRSTRLEN];
  if( zAddr==0 ) return "";
  if( strchr(zAddr, ':')==0 || inet_pton(AF_INET6, zAddr, b)!=1 ) return arena_strdup(a, zAddr);
  memset(b+8, 0, 8);
  if( inet_ntop(AF_INET6, b, z, sizeof z)==0 ) return arena_strdup(a, zAddr);
  return arena_printf(a, "%s/64", z);
}

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

/* Ended windows hold nothing: their rows go, at most once a minute per
** process (the table then holds about an hour of attempts however many
** are made), and with them known places unused for THROTTLE_KNOWN_DAYS. */
static _Atomic i64 tLastCleanup;
static int throttle_cleanup(Db *pDb, i64 now){
  i64 tLast = atomic_load(&tLastCleanup);
  if( now-tLast < 60 || !atomic_compare_exchange_strong(&tLastCleanup, &tLast, now) ) return DB_OK;
  Stmt q;
  if( db_prepare(pDb, &q, "DELETE FROM login_fail WHERE first_at<=?1") ) return DB_ERROR;
  db_bind_int64(&q, 1, now-3600);
  int rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ) return DB_ERROR;
  if( db_prepare(pDb, &q, "DELETE FROM login_known WHERE at<=?1") ) return DB_ERROR;
  db_bind_int64(&q, 1, now-THROTTLE_KNOWN_DAYS*86400);
  rc = db_step(&q);
  db_finalize(&q);
  return rc==DB_DONE ? DB_OK : DB_ERROR;
}

/* Is fkey a place the account logged in from within THROTTLE_KNOWN_DAYS? */
static int throttle_known(Db *pDb, const char *zKey, i64 now, int *pbKnown){
  Stmt q;
  *pbKnown = 0;
  if( db_prepare(pDb, &q, "SELECT 1 FROM login_known WHERE fkey=?1 AND at>?2") ) return DB_ERROR;
  db_bind_text(&q, 1, zKey);
  db_bind_int64(&q, 2, now-THROTTLE_KNOWN_DAYS*86400);
  int rc = db_step(&q);
  db_finalize(&q);
  if( rc==DB_ROW ) *pbKnown = 1;
  return rc==DB_ROW || rc==DB_DONE ? DB_OK : DB_ERROR;
}

int throttle_begin(Db *pDb, Arena *a, const char *zLogin, const char *zAddr, const char *zDevice,
                   i64 now, Throttle *p){
  memset(p, 0, sizeof *p);
  zAddr = throttle_addr_key(a, zAddr);
  p->zLogin = arena_strdup(a, zLogin);
  p->zAddr = zAddr;
  p->zKnownAddr = arena_printf(a, "a:%s %s", zLogin, zAddr);
  if( zDevice && zDevice[0] ){
    char zHash[65];
    session_token_hash(zDevice, zHash);
    p->zKnownDevice = arena_printf(a, "d:%s %s", zLogin, zHash);
  }
  p->aKey[TK_IP].zKey = arena_printf(a, "ip:%s", zAddr);
  p->aKey[TK_USER].zKey = arena_printf(a, "u:%s", zLogin);
  p->aKey[TK_PAIR].zKey = arena_printf(a, "ua:%s %s", zLogin, zAddr);
  p->aKey[TK_CLEAN].zKey = arena_printf(a, "uc:%s", zLogin);
  p->aKey[TK_DEVICE].zKey = arena_printf(a, "ud:%s", zLogin);
  if( db_begin_write(pDb) ) return FZ_INTERNAL;
  int bAddr = 0, bDevice = 0;
  if( throttle_cleanup(pDb, now)
   || throttle_known(pDb, p->zKnownAddr, now, &bAddr)
   || (p->zKnownDevice && throttle_known(pDb, p->zKnownDevice, now, &bDevice)) ) goto fail;
  ThrottleKey *k = p->aKey;
  /* a known device is spared the address's limit (not counted there) */
  if( !bDevice && throttle_count(pDb, &k[TK_IP], "", zAddr, THROTTLE_ADDR_FREE, THROTTLE_ADDR_MAX, now) ) goto fail;
  if( throttle_count(pDb, &k[TK_USER], zLogin, "", THROTTLE_ACCOUNT_MAX, THROTTLE_ACCOUNT_MAX, now)
   || throttle_count(pDb, &k[TK_PAIR], zLogin, zAddr, THROTTLE_PAIR_MAX, THROTTLE_PAIR_MAX, now) ) goto fail;
  if( bDevice && throttle_count(pDb, &k[TK_DEVICE], zLogin, "", THROTTLE_PAIR_MAX, THROTTLE_PAIR_MAX, now) ) goto fail;
  /* Past the account's limit an address is still "clean" for it while
  ** this is at most its THROTTLE_CLEAN_PAIR-th attempt at the account in
  ** the hour (a typo or two is not guessing); such attempts are capped per
  ** account by uc, so many addresses do not make many guesses. */
  int bKnown = bAddr || bDevice;
  int bClean = k[TK_PAIR].n<=THROTTLE_CLEAN_PAIR;
  if( !k[TK_USER].bOk && !bKnown && bClean
   && throttle_count(pDb, &k[TK_CLEAN], zLogin, "", THROTTLE_CLEAN_MAX, THROTTLE_CLEAN_MAX, now) ) goto fail;
  if( db_commit_aside(pDb) ) return FZ_INTERNAL;
  p->bCounted = 1;
  p->eKnown = bDevice ? 2 : bAddr ? 1 : 0;
  /* the keys this attempt must pass */
  int bUc = k[TK_CLEAN].n>0;           /* let through on the clean allowance, if at all */
  int aNeed[5];
  aNeed[TK_IP] = !bDevice;
  aNeed[TK_USER] = !bKnown && !bUc;
  aNeed[TK_PAIR] = 1;
  aNeed[TK_CLEAN] = bUc;
  aNeed[TK_DEVICE] = bDevice;
  p->bAllowed = 1;
  for(int i=0; i<5; i++){
    if( !aNeed[i] || k[i].n==0 || k[i].bOk ) continue;
    p->bAllowed = 0;
    if( k[i].tUntil-now > p->nWait ) p->nWait = k[i].tUntil-now;
  }
  if( !p->bAllowed && p->nWait<1 ) p->nWait = 1;
  return FZ_OK;
fail:
  db_rollback(pDb);
  return FZ_INTERNAL;
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

/* Records a successful login's place (login_known fkey) as known now. */
static int throttle_remember(Db *pDb, const char *zKey, const char *zLogin, i64 now){
  Stmt q;
  if( db_prepare(pDb, &q, "INSERT INTO login_known(fkey, login, at) VALUES(?1, ?2, ?3)"
                          " ON CONFLICT(fkey) DO UPDATE SET at=excluded.at") ) return DB_ERROR;
  db_bind_text(&q, 1, zKey);
  db_bind_text(&q, 2, zLogin);
  db_bind_int64(&q, 3, now);
  int rc = db_step(&q);
  db_finalize(&q);
  return rc==DB_DONE ? DB_OK : DB_ERROR;
}

/* The login log's row for this attempt (loginlog.c), if the caller asked
** for one, inside the write transaction that ends the attempt. */
static int throttle_log(Db *pDb, Arena *a, const Throttle *p){
  if( p->zLogResult==0 ) return DB_OK;
  return login_log_write(pDb, a, (i64)time(0), p->zLogin, p->zLogAddr ? p->zLogAddr : p->zAddr,
                         p->zLogResult, p->zChannel);
}

int throttle_end(Db *pDb, Arena *a, Throttle *p, int bSuccess, int bRemember){
  if( !p->bCounted ) return FZ_OK;
  p->bCounted = 0;
  Stmt q;
  if( bSuccess ){
    /* Take this attempt back: addresses shared by a whole office and
    ** accounts used every day are throttled by their failures only; the
    ** pair's and the device's failures end with a success. */
    if( db_begin_write(pDb) ) return FZ_INTERNAL;
    int rc = DB_OK;
    for(int i=0; i<5 && rc==DB_OK; i++){
      if( p->aKey[i].n==0 ) continue;             /* not counted */
      if( i==TK_PAIR || i==TK_DEVICE ){
        rc = db_prepare(pDb, &q, "DELETE FROM login_fail WHERE fkey=?1");
      }else{
        rc = db_prepare(pDb, &q, "UPDATE login_fail SET n=n-1 WHERE fkey=?1 AND n>0");
      }
      if( rc ) break;
      db_bind_text(&q, 1, p->aKey[i].zKey);
      if( db_step(&q)!=DB_DONE ) rc = DB_ERROR;
      db_finalize(&q);
    }
    i64 now = (i64)time(0);
    if( rc==DB_OK && bRemember ){
      rc = throttle_remember(pDb, p->zKnownAddr, p->zLogin, now);
      if( rc==DB_OK && p->zKnownDevice ) rc = throttle_remember(pDb, p->zKnownDevice, p->zLogin, now);
    }
    if( rc==DB_OK ) rc = throttle_log(pDb, a, p);
    if( rc ){ db_rollback(pDb); return FZ_INTERNAL; }
    return db_commit_aside(pDb) ? FZ_INTERNAL : FZ_OK;
  }
  /* A failure or a refusal: the attempt stays counted. The attempt that
  ** was numbered nMax made its key refused for the rest of the window
  ** (exactly one attempt per window gets that number): log the lock. */
  int bLock = 0;
  for(int i=0; i<5; i++) if( p->aKey[i].n>0 && p->aKey[i].n==p->aKey[i].nMax ) bLock = 1;
  if( !bLock && p->zLogResult==0 ) return FZ_OK;
  Actor act = actorThrottle;
  Ctx c;
  ctx_init(&c, pDb, a, &act);
  if( db_begin_write(pDb) ) return FZ_INTERNAL;
  if( throttle_log(pDb, a, p) ){
    db_rollback(pDb);
    return FZ_INTERNAL;
  }
  for(int i=0; i<5; i++){
    const ThrottleKey *k = &p->aKey[i];
    if( k->n==0 || k->n!=k->nMax ) continue;
    const char *zLogin = i==TK_IP ? "" : p->zLogin;
    const char *zAddr = i==TK_IP || i==TK_PAIR ? p->zAddr : "";
    if( throttle_audit_lock(&c, k->zKey, zLogin, zAddr, k->n, k->tUntil) ){
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
    aRow = arena_grow(a, aRow, n, &nAlloc, sizeof *aRow);
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
  /* "" would match every address key's login and every account key's
  ** address: every row */
  if( zName==0 || zName[0]==0 ){
    err_add(c, 0, 0, "请指明要解除限制的账号或地址（不能为空）");
    return FZ_INVALID;
  }
  zName = throttle_addr_key(c->pArena, zName);    /* an IPv6 address: its /64 */
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
