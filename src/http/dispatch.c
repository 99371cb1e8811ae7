/*
** src/http/dispatch.c — the central checks every request passes before its
** handler: session, login, role, CSRF, read-only database for GET.
** Handlers can therefore assume their route's policy holds. And after
** them one more: a request during which the database failed is answered
** 503 (storage unavailable: db.h, storage failures) or 500 (a statement
** failed: db.h, failed statements), whatever the handler made of it,
** unless the request had committed its write before the failure: then
** its answer stands and the failure is only logged.
*/
#include "http/req.h"
#include "auth/auth.h"
#include "engine/holiday.h"
#include "engine/prule.h"
#include "engine/kinddef.h"
#include "base/json.h"
#include "base/utf8.h"
#include <string.h>
#include <stdio.h>
#include <sodium.h>
#include <stdlib.h>
#include <time.h>
#include <stdatomic.h>
#include <unistd.h>

/* Copies a string known to fit (lengths checked by the caller). */
#define strcpy_s_(dst, src) memcpy((dst), (src), strlen(src)+1)

static const Actor actorPublic = { 0, "", "公众", R_PUBLIC, 0, "/" };

#define SESSION_CACHE_MS 2000

/* A session as last read on one connection. A logout or password change
** in this process bumps the epoch and so empties every cache; another
** server's logout would take effect here only after SESSION_CACHE_MS, so
** on PostgreSQL, where several servers share the sessions, every request
** reads its session afresh (one indexed row). */
typedef struct ConnCache {
  char zToken[65];
  long long tLoaded;       /* ms, monotonic */
  long epoch;
  Actor a;
  char zLogin[96], zName[160], zPath[256], zCsrf[65];
} ConnCache;
static atomic_long sessionEpoch;

void *conn_cache_new(void){ return calloc(1, sizeof(ConnCache)); }
void conn_cache_free(void *p){ free(p); }
void session_cache_invalidate(void){ atomic_fetch_add(&sessionEpoch, 1); }

static long long now_ms(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec*1000 + ts.tv_nsec/1000000;
}

static int cache_shared_db(Req *r){ return ctx_store_shared(&r->ctx); }

static int cache_get(Req *r, const char *zTok){
  ConnCache *p = r->pConnCache;
  if( p==0 || cache_shared_db(r) || p->zToken[0]==0 || strcmp(p->zToken, zTok)!=0 ) return 0;
  if( p->epoch!=atomic_load(&sessionEpoch) || now_ms()-p->tLoaded > SESSION_CACHE_MS ) return 0;
  r->actor = p->a;
  r->actor.zLogin = arena_strdup(&r->arena, p->zLogin);
  r->actor.zName = arena_strdup(&r->arena, p->zName);
  r->actor.zDeptPath = arena_strdup(&r->arena, p->zPath);
  r->zCsrf = arena_strdup(&r->arena, p->zCsrf);
  return 1;
}

static void cache_put(Req *r, const char *zTok){
  ConnCache *p = r->pConnCache;
  if( p==0 || cache_shared_db(r) ) return;
  p->zToken[0] = 0;
  if( strlen(zTok)>=sizeof p->zToken || strlen(r->actor.zLogin)>=sizeof p->zLogin
   || strlen(r->actor.zName)>=sizeof p->zName || strlen(r->actor.zDeptPath)>=sizeof p->zPath
   || strlen(r->zCsrf)>=sizeof p->zCsrf ) return;
  p->a = r->actor;
  strcpy_s_(p->zLogin, r->actor.zLogin);
  strcpy_s_(p->zName, r->actor.zName);
  strcpy_s_(p->zPath, r->actor.zDeptPath);
  strcpy_s_(p->zCsrf, r->zCsrf);
  p->epoch = atomic_load(&sessionEpoch);
  p->tLoaded = now_ms();
  strcpy_s_(p->zToken, zTok);
}

static int csrf_ok(Req *r){
  if( r->bBearer ) return 1;        /* not a cookie: a forged cross-site form cannot carry it */
  const char *z = req_param(r, "_csrf");
  if( z==0 ) z = req_in_header(r, "X-CSRF-Token");
  if( z==0 || r->zCsrf==0 ) return 0;
  size_t n = strlen(r->zCsrf);
  return strlen(z)==n && sodium_memcmp(z, r->zCsrf, n)==0;
}

static void load_session(Req *r){
  const char *zAuth = req_in_header(r, "Authorization");
  const char *zTok = 0;
  if( zAuth && strncmp(zAuth, "Bearer ", 7)==0 ){
    zTok = zAuth+7;
    r->bBearer = 1;
  }else{
    zTok = req_cookie(r, "fz_session");
  }
  if( zTok && cache_get(r, zTok) ){
    r->zToken = arena_strdup(&r->arena, zTok);
  }else if( zTok && session_load(r->ctx.pDb, &r->arena, zTok, &r->actor, &r->zCsrf)==FZ_OK ){
    r->zToken = arena_strdup(&r->arena, zTok);
    cache_put(r, zTok);
  }else{
    r->actor = actorPublic;
    r->bBearer = 0;
  }
}

/*
** The database failed under this request (lost connection, server down or
** restarting, disk full or corrupt, lock not granted in time): whatever
** the handler answered — a 401 because the session could not be read, a
** 404 because the record could not, a 422 because a reference could not —
** is replaced by a 503 with Retry-After, and the failure goes to the
** error log (stderr). Nothing the handler prepared is sent: its headers
** (a login's cookie), its body, its file.
*/
#define STORAGE_RETRY_AFTER "5"

/* The error log's line for a request the database failed (one line, the
** request, zWhat and why), and the answer so far thrown away: its
** headers, its body, its file. */
static void failure_discard(Req *r, const char *zWhat, const char *zWhy){
  char z[600];
  snprintf(z, sizeof z, "%s", zWhy ? zWhy : "");
  for(char *s=z; *s; s++) if( (unsigned char)*s < 0x20 ) *s = ' ';   /* one line in the log */
  fprintf(stderr, "fazhi: request %lld %s %s: %s：%s\n",
          (long long)r->iRequest, r->zMethod, r->zPath, zWhat, z);
  r->bApi = r->pRoute ? (r->pRoute->flags & RT_API)!=0 : strncmp(r->zPath, "/api/", 5)==0;
  r->nHdr = 0;
  r->zContentType = 0;
  if( r->zSendFile ){ unlink(r->zSendFile); r->zSendFile = 0; }
  if( r->iSendPipe ){ close(r->iSendPipe-1); r->iSendPipe = 0; }
}

void http_unavailable(Req *r, const char *zWhy){
  failure_discard(r, "数据库暂时不可用（503）", zWhy);
  req_fail(r, 503, "数据库暂时不可用，请稍后重试");
  req_header(r, "Retry-After", STORAGE_RETRY_AFTER);
}
static void storage_unavailable(Req *r){
  http_unavailable(r, ctx_health_why(&r->ctx));
}

/*
** A statement failed under this request for another reason than storage
** (a table or column missing, SQL the database refuses, a write in a
** GET): a bug or a damaged schema, not something to retry. Whatever the
** handler made of the failed lookup — a list without its rows, a blank
** department name, a "no such record", a value found free — is replaced
** by a 500 with a Chinese message; the error log gets one line with the
** database's message and the statement. Nothing was committed after the
** failure (the store refuses a commit after a failed statement).
*/
static void query_failed(Req *r){
  failure_discard(r, "数据库查询失败（500）", ctx_health_why(&r->ctx));
  req_fail(r, 500, arena_printf(&r->arena, "服务器内部错误：数据库查询失败（请求 %lld），请联系管理员",
                                (long long)r->iRequest));
}
/* After the handler, or after the session was read: the database's verdict
** on the request, when it failed. 1 when the request was answered so. */
static int storage_verdict(Req *r){
  StoreHealth h = ctx_health(&r->ctx);
  if( r->bDbFailed || h==STORE_DOWN ) storage_unavailable(r);
  else if( h==STORE_QUERY_FAILED ) query_failed(r);
  else return 0;
  ctx_health_reset(&r->ctx);          /* answered: the failure is taken care of */
  return 1;
}

/* Called on the first call of the access handler, before any body byte is
** read: a request that will be refused (not logged in, a one-time password
** not yet changed, not an admin on an admin route, read-only role) must
** not get its upload written to disk. The same checks as http_dispatch. */
int http_may_upload(Req *r){
  const Route *p = r->pRoute;
  if( p==0 || r->ctx.pDb==0 ) return 0;
  ctx_init(&r->ctx, r->ctx.pDb, &r->arena, &r->actor);
  ctx_health_reset(&r->ctx);
  load_session(r);
  StoreHealth h = ctx_health(&r->ctx);
  if( h==STORE_DOWN ){                              /* answered 503 by http_dispatch */
    r->bDbFailed = 1;
    return 0;
  }
  if( h==STORE_QUERY_FAILED ) return 0;             /* fails again there: answered 500 */
  if( (p->flags & RT_LOGIN) && r->zToken==0 ) return 0;
  if( r->zToken && r->actor.bPwTemp && !(p->flags & RT_PWOK) ) return 0;
  if( (p->flags & RT_ADMIN) && !(r->actor.mRole & R_ADMIN) ) return 0;
  if( (p->flags & RT_WRITE) && !actor_can_write(&r->actor) ) return 0;
  return 1;
}

/* Is the request's address text: its path, and for a GET or HEAD (which
** has no form body) every parameter, one line of well-formed UTF-8 without
** control characters? Form and JSON values are checked field by field by
** the engine instead (a 422 naming the field). */
static int address_is_text(Req *r){
  Utf8Bad bad;
  if( utf8_check(r->zPath, strlen(r->zPath), 0, &bad) ) return 0;
  if( strcmp(r->zMethod, "GET")!=0 && strcmp(r->zMethod, "HEAD")!=0 ) return 1;
  for(int i=0; i<r->nParam; i++){
    const char *zName = r->aParam[i].zName, *zValue = r->aParam[i].zValue;
    if( zName && utf8_check(zName, strlen(zName), 0, &bad) ) return 0;
    if( zValue && utf8_check(zValue, strlen(zValue), 0, &bad) ) return 0;
  }
  return 1;
}

void http_dispatch(Req *r){
  const Route *p = r->pRoute;
  r->bApi = strncmp(r->zPath, "/api/", 5)==0;
  /* 2026-12-07: /scan/<bytes that are not UTF-8> reached PostgreSQL, whose
  ** encoding check failed the statement (a 500; tests/http/161's fuzzing).
  ** No such address names anything: 400 before any lookup. */
  if( !address_is_text(r) ){
    req_fail(r, 400, "请求的地址或查询参数含有无效字符（须为UTF-8文字）");
    return;
  }
  if( p==0 ){
    if( r->status==405 ) req_fail(r, 405, "不支持该请求方法");
    else req_fail(r, 404, "页面不存在");
    return;
  }
  r->bApi = (p->flags & RT_API)!=0;
  ctx_init(&r->ctx, r->ctx.pDb, &r->arena, &r->actor);
  ctx_health_reset(&r->ctx);
  load_session(r);
  if( storage_verdict(r) ) return;
  if( r->bTooBig ){
    req_fail(r, 413, "提交的内容过大（表单和JSON不超过1 MB，导入文件不超过200 MB）");
    return;
  }
  if( r->zNulField ){
    const Field *f = r->pKind ? kind_field(r->pKind, r->zNulField) : 0;
    req_fail(r, 422, arena_printf(&r->arena, "“%s”含有空字符（%%00），请删去后重新提交",
                                  f ? f->zLabel : r->zNulField));
    return;
  }
  int bLoggedIn = r->zToken!=0;
  if( (p->flags & RT_LOGIN) && !bLoggedIn ){
    if( r->bApi ){
      req_fail(r, 401, "请先登录");
    }else{
      Buf b;
      buf_init(&b);
      buf_puts(&b, "/login?next=");
      buf_url(&b, r->zPath);
      req_redirect(r, arena_strdup(&r->arena, buf_cstr(&b)));
      buf_free(&b);
    }
    return;
  }
  /* A one-time password (init, user add, user reset) is changed before
  ** anything else: the web sends the user to the form, the API says so. */
  if( bLoggedIn && r->actor.bPwTemp && !(p->flags & RT_PWOK) ){
    if( r->bApi ){
      req_fail(r, 403, "请先修改一次性密码（POST /api/v1/password），然后才能使用其他功能");
    }else if( strcmp(r->zMethod, "GET")==0 || strcmp(r->zMethod, "HEAD")==0 ){
      req_redirect(r, "/account");
    }else{
      req_fail(r, 403, "请先修改一次性密码（个人中心），然后才能使用其他功能");
    }
    return;
  }
  /* another county's own kind (自定义台账) is not there for this user */
  if( r->pKind && !kind_visible(r->pKind, &r->actor) ){
    req_fail(r, 404, "页面不存在");
    return;
  }
  if( (p->flags & RT_ADMIN) && !(r->actor.mRole & R_ADMIN) ){
    req_fail(r, 403, "仅县级管理员可以访问");
    return;
  }
  if( (p->flags & RT_WRITE) && !actor_can_write(&r->actor) ){
    req_fail(r, 403, "当前账号为只读账号，不能修改数据");
    return;
  }
  int bGet = strcmp(r->zMethod, "GET")==0 || strcmp(r->zMethod, "HEAD")==0;
  if( !bGet && !(p->flags & RT_NOCSRF) && !csrf_ok(r) ){
    req_fail(r, 403, "表单已失效或来源不明（CSRF校验失败），请刷新页面后重试");
    return;
  }
  /* A GET reads one snapshot and can never write (ctx_unit_begin). */
  i64 nCommit = 0;
  if( ctx_unit_begin(&r->ctx, bGet, &nCommit) ){
    if( !storage_verdict(r) ) storage_unavailable(r);
    return;
  }
  /* the holiday calendar as the database has it now (another server or
  ** `fazhi holiday` may have changed it): one row read, a reload when it moved */
  holiday_refresh(&r->ctx);
  prule_refresh(&r->ctx);         /* …and the 地方规定 of periods, the same way */
  p->xHandler(r);
  if( ctx_unit_end(&r->ctx, bGet, nCommit) ){
    /* The request's write is committed: a 503 or 500 would make the client
    ** send it again (a second record). Its answer stands, built from what
    ** the handler had; the failure after the commit goes to the error log. */
    char z[600];
    snprintf(z, sizeof z, "%s", ctx_health_why(&r->ctx));
    for(char *s=z; *s; s++) if( (unsigned char)*s < 0x20 ) *s = ' ';
    fprintf(stderr, "fazhi: request %lld %s %s: 已提交后数据库出错（仍按已提交应答）：%s\n",
            (long long)r->iRequest, r->zMethod, r->zPath, z);
    ctx_health_reset(&r->ctx);
    return;
  }
  storage_verdict(r);
}
