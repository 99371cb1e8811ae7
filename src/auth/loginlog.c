/*
** src/auth/loginlog.c — the login log (登录日志) and the sessions online
** (在线用户) as an administrator reads and ends them.
**
** The log (login_log, schema version 13) has one row per login attempt,
** written by throttle_end in the transaction that ends the attempt's
** throttling (user_login fills Throttle.zLogResult): when, the login as
** typed, the client address as the throttle saw it (through
** --trusted-proxy), the result and the channel (web page or API). Never
** the password. It is volatile like the sessions, not a guarded table:
** rows older than LOGIN_LOG_DAYS are pruned, at most once an hour per
** process.
**
** Scope: an administrator sees attempts at the accounts of their scope
** (the account's department now); attempts at a login no account has
** belong to no county and are shown only to the operator (a scope that
** holds every root of the department tree), as audit_page does for the
** command line's entries.
*/
#include "auth/auth.h"
#include "engine/setting.h"
#include "audit/audit.h"
#include "base/json.h"
#include <string.h>
#include <stdio.h>
#include <time.h>
#include <stdatomic.h>

/* Every result the log stores, with the name an administrator reads. */
static const struct { const char *zId, *zLabel; } aResult[] = {
  { "ok", "成功" }, { "temp", "一次性密码" }, { "bad", "密码错误" },
  { "throttled", "受限" }, { "disabled", "已停用" },
};

const char *login_result_label(const char *zResult){
  for(size_t i=0; i<sizeof aResult/sizeof aResult[0]; i++){
    if( strcmp(aResult[i].zId, zResult)==0 ) return aResult[i].zLabel;
  }
  return zResult;
}
int login_result_count(void){ return (int)(sizeof aResult/sizeof aResult[0]); }
const char *login_result_at(int i, const char **pzLabel){
  if( i<0 || i>=login_result_count() ) return 0;
  if( pzLabel ) *pzLabel = aResult[i].zLabel;
  return aResult[i].zId;
}

/* The first n bytes of z at most, cut at a character boundary (arena). */
static const char *cut_text(Arena *a, const char *z, size_t n){
  size_t k = z ? strlen(z) : 0;
  if( k<=n ) return arena_strdup(a, z ? z : "");
  while( n>0 && ((unsigned char)z[n] & 0xC0)==0x80 ) n--;
  return arena_strndup(a, z, n);
}

static _Atomic i64 tLastPrune;

int login_log_write(Db *pDb, Arena *a, i64 now, const char *zLogin, const char *zAddr,
                    const char *zResult, const char *zChannel){
  Stmt q;
  i64 tLast = atomic_load(&tLastPrune);
  if( now-tLast>=3600 && atomic_compare_exchange_strong(&tLastPrune, &tLast, now) ){
    if( db_prepare(pDb, &q, "DELETE FROM login_log WHERE at<?1") ) return DB_ERROR;
    db_bind_int64(&q, 1, now-(i64)LOGIN_LOG_DAYS*86400);
    int rc = db_step(&q);
    db_finalize(&q);
    if( rc!=DB_DONE ) return DB_ERROR;
  }
  /* inside the caller's write transaction, which holds the write lock:
  ** the next id is safe to take */
  if( db_prepare(pDb, &q, "INSERT INTO login_log(id, at, login, addr, result, channel)"
                          " SELECT COALESCE(MAX(id),0)+1, ?1, ?2, ?3, ?4, ?5 FROM login_log") ) return DB_ERROR;
  db_bind_int64(&q, 1, now);
  db_bind_text(&q, 2, cut_text(a, zLogin, 64));
  db_bind_text(&q, 3, cut_text(a, zAddr, 64));
  db_bind_text(&q, 4, zResult);
  db_bind_text(&q, 5, zChannel ? zChannel : "web");
  int rc = db_step(&q);
  db_finalize(&q);
  return rc==DB_DONE ? DB_OK : DB_ERROR;
}

/* A date YYYY-MM-DD as the unix seconds of its midnight in the county's
** time zone (ctx_zone: the zone the page shows times in), plus nDays
** days, or -1 when it is not a real date. */
static i64 date_start(Ctx *c, const char *z, int nDays){
  int y, m, d;
  char ch;
  if( strlen(z)!=10 || sscanf(z, "%4d-%2d-%2d%c", &y, &m, &d, &ch)!=3 ) return -1;
  if( z[4]!='-' || z[7]!='-' || y<2000 || y>2999 || m<1 || m>12 || d<1 || d>31 ) return -1;
  struct tm tm = { .tm_year=y-1900, .tm_mon=m-1, .tm_mday=d };
  time_t t = timegm(&tm);
  if( t==(time_t)-1 || tm.tm_mday!=d || tm.tm_mon!=m-1 ) return -1;   /* 02-30 rolls over */
  return (i64)t + (i64)nDays*86400 - (i64)ctx_zone(c)*60;
}

int login_log_filter(Ctx *c, const char *zLogin, const char *zResult, const char *zFrom,
                     const char *zTo, LoginLogFilter *f){
  static const Field fFrom = { "from", "开始日期", FT_DATE }, fTo = { "to", "结束日期", FT_DATE },
                     fResult = { "result", "结果", FT_TEXT };
  memset(f, 0, sizeof *f);
  f->zLogin = zLogin;
  f->zResult = zResult;
  if( zResult && zResult[0] && strcmp(login_result_label(zResult), zResult)==0 ){
    err_add(c, 0, &fResult, "应为 ok、temp、bad、throttled 或 disabled");
  }
  if( zFrom && zFrom[0] && (f->tFrom = date_start(c, zFrom, 0))<0 ) err_add(c, 0, &fFrom, "请输入正确的日期，如2026-01-31");
  if( zTo && zTo[0] && (f->tTo = date_start(c, zTo, 1))<0 ) err_add(c, 0, &fTo, "请输入正确的日期，如2026-01-31");
  if( c->err.n==0 && f->tTo>0 && f->tTo<=f->tFrom ) err_add(c, 0, &fTo, "结束日期不能早于开始日期");
  return c->err.n ? FZ_INVALID : FZ_OK;
}

/* 1 when the scope holds every root of the department tree (the
** operator's, or the whole database's admin), else 0. */
static int scope_is_operator(Db *pDb, const char *zScope){
  Stmt q;
  if( strcmp(zScope, "/")==0 ) return 1;
  if( db_prepare(pDb, &q, "SELECT count(*) FROM dept WHERE parent_id IS NULL"
                          " AND NOT " SQL_IN_SCOPE("path", 1, 2)) ) return 0;
  db_bind_scope(&q, 1, 2, zScope);
  int b = db_step(&q)==DB_ROW && db_column_int64(&q, 0)==0;
  db_finalize(&q);
  return b;
}

/* The WHERE clause both the count and the page use: ?1 operator, ?2 ?3
** the scope, ?4 login ('' any), ?5 result ('' any), ?6 ?7 from/to. */
#define LOG_FROM \
  " FROM login_log l LEFT JOIN users u ON u.login=l.login LEFT JOIN dept d ON d.id=u.dept_id" \
  " WHERE ((u.id IS NULL AND ?1=1) OR (u.id IS NOT NULL AND " SQL_IN_SCOPE("d.path", 2, 3) "))" \
  " AND (?4='' OR l.login=?4) AND (?5='' OR l.result=?5) AND l.at>=?6 AND l.at<?7"

static void log_bind(Stmt *q, int bOp, const char *zScope, const LoginLogFilter *f){
  db_bind_int64(q, 1, bOp);
  db_bind_scope(q, 2, 3, zScope);
  db_bind_text(q, 4, f->zLogin ? f->zLogin : "");
  db_bind_text(q, 5, f->zResult ? f->zResult : "");
  db_bind_int64(q, 6, f->tFrom);
  db_bind_int64(q, 7, f->tTo>0 ? f->tTo : (i64)1<<62);
}

int login_log_page(Ctx *c, const char *zScope, const LoginLogFilter *f, int nPage,
                   LoginLogRow **pa, int *pn, i64 *pnTotal){
  Stmt q;
  int nAlloc = 0, rc;
  *pa = 0; *pn = 0; *pnTotal = 0;
  if( nPage<1 ) nPage = 1;
  int bOp = scope_is_operator(c->pDb, zScope);
  if( (rc = db_prepare(c->pDb, &q, "SELECT count(*)" LOG_FROM)) ) return rc;
  log_bind(&q, bOp, zScope, f);
  if( db_step(&q)==DB_ROW ) *pnTotal = db_column_int64(&q, 0);
  db_finalize(&q);
  if( (rc = db_prepare(c->pDb, &q, "SELECT l.id, l.at, l.login, COALESCE(u.name,''), l.addr, l.result, l.channel"
                                   LOG_FROM " ORDER BY l.id DESC LIMIT ?9 OFFSET ?8")) ) return rc;
  log_bind(&q, bOp, zScope, f);
  db_bind_int64(&q, 8, (i64)(nPage-1)*LOGIN_LOG_PAGE);
  db_bind_int64(&q, 9, LOGIN_LOG_PAGE);
  while( (rc = db_step(&q))==DB_ROW ){
    *pa = arena_grow(c->pArena, *pa, *pn, &nAlloc, sizeof **pa);
    LoginLogRow *r = &(*pa)[(*pn)++];
    r->id = db_column_int64(&q, 0);
    r->tAt = db_column_int64(&q, 1);
    r->zLogin = arena_strdup(c->pArena, db_column_text(&q, 2));
    r->zName = arena_strdup(c->pArena, db_column_text(&q, 3));
    r->zAddr = arena_strdup(c->pArena, db_column_text(&q, 4));
    r->zResult = arena_strdup(c->pArena, db_column_text(&q, 5));
    r->zChannel = arena_strdup(c->pArena, db_column_text(&q, 6));
  }
  db_finalize(&q);
  return rc==DB_DONE ? 0 : rc;
}

int session_list(Ctx *c, const char *zScope, const char *zLogin, SessionRow **pa, int *pn){
  Stmt q;
  int nAlloc = 0, rc;
  *pa = 0; *pn = 0;
  if( (rc = db_prepare(c->pDb, &q, "SELECT s.token_hash, u.login, u.name, d.name, s.addr, s.created_at, s.expires_at"
                                   " FROM session s JOIN users u ON u.id=s.user_id JOIN dept d ON d.id=u.dept_id"
                                   " WHERE s.expires_at>?1 AND " SQL_IN_SCOPE("d.path", 2, 3)
                                   " AND (?4='' OR u.login=?4) AND u.disabled=0"
                                   " ORDER BY s.created_at DESC, u.login LIMIT 1000")) ) return rc;
  db_bind_int64(&q, 1, (i64)time(0));
  db_bind_scope(&q, 2, 3, zScope);
  db_bind_text(&q, 4, zLogin ? zLogin : "");
  while( (rc = db_step(&q))==DB_ROW ){
    *pa = arena_grow(c->pArena, *pa, *pn, &nAlloc, sizeof **pa);
    SessionRow *r = &(*pa)[(*pn)++];
    r->zId = arena_strdup(c->pArena, db_column_text(&q, 0));
    r->zLogin = arena_strdup(c->pArena, db_column_text(&q, 1));
    r->zName = arena_strdup(c->pArena, db_column_text(&q, 2));
    r->zDept = arena_strdup(c->pArena, db_column_text(&q, 3));
    r->zAddr = arena_strdup(c->pArena, db_column_text(&q, 4));
    r->tCreated = db_column_int64(&q, 5);
    r->tExpires = db_column_int64(&q, 6);
  }
  db_finalize(&q);
  return rc==DB_DONE ? 0 : rc;
}

int session_end(Ctx *c, const char *zScope, const char *zId, const char **pzLogin){
  Stmt q;
  *pzLogin = 0;
  if( zId==0 || strlen(zId)!=64 || strspn(zId, "0123456789abcdef")!=64 ) return FZ_NOTFOUND;
  if( db_begin_write(c->pDb) ) return err_internal(c, "session_end: %s", db_errmsg(c->pDb));
  if( db_prepare(c->pDb, &q, "SELECT u.login, s.addr, s.created_at"
                             " FROM session s JOIN users u ON u.id=s.user_id JOIN dept d ON d.id=u.dept_id"
                             " WHERE s.token_hash=?1 AND " SQL_IN_SCOPE("d.path", 2, 3)) ) goto db_fail;
  db_bind_text(&q, 1, zId);
  db_bind_scope(&q, 2, 3, zScope);
  const char *zLogin = 0, *zAddr = "";
  i64 tCreated = 0;
  if( db_step(&q)==DB_ROW ){
    zLogin = arena_strdup(c->pArena, db_column_text(&q, 0));
    zAddr = arena_strdup(c->pArena, db_column_text(&q, 1));
    tCreated = db_column_int64(&q, 2);
  }
  db_finalize(&q);
  if( zLogin==0 ){ db_rollback(c->pDb); return FZ_NOTFOUND; }   /* gone, or outside the scope */
  if( db_prepare(c->pDb, &q, "DELETE FROM session WHERE token_hash=?1") ) goto db_fail;
  db_bind_text(&q, 1, zId);
  int rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ) goto db_fail;
  /* the entry names the account and the session as it was, not its token */
  Buf b;
  Json js;
  buf_init(&b);
  json_init(&js, &b);
  json_obj_begin(&js);
  json_kstr(&js, "login", zLogin);
  json_kstr(&js, "addr", zAddr);
  json_kint(&js, "created", tCreated);
  json_obj_end(&js);
  rc = audit_append(c, "session_end", "", 0, buf_cstr(&b), "");
  buf_free(&b);
  if( rc ) goto db_fail;
  if( db_commit(c->pDb) ) goto db_fail;
  *pzLogin = zLogin;
  return FZ_OK;
db_fail:
  rc = err_internal(c, "session_end: %s", db_errmsg(c->pDb));
  db_rollback(c->pDb);
  return rc;
}
