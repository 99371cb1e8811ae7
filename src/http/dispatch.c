/*
** src/http/dispatch.c — the central checks every request passes before its
** handler: session, login, role, CSRF, read-only database for GET.
** Handlers can therefore assume their route's policy holds.
*/
#include "http/req.h"
#include "auth/auth.h"
#include "base/json.h"
#include <string.h>
#include <stdio.h>
#include <sodium.h>

static const Actor actorPublic = { 0, "", "公众", R_PUBLIC, 0, "/" };

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
  if( zTok && session_load(r->ctx.pDb, &r->arena, zTok, &r->actor, &r->zCsrf)==FZ_OK ){
    r->zToken = arena_strdup(&r->arena, zTok);
  }else{
    r->actor = actorPublic;
    r->bBearer = 0;
  }
}

void http_dispatch(Req *r){
  const Route *p = r->pRoute;
  r->bApi = strncmp(r->zPath, "/api/", 5)==0;
  if( p==0 ){
    if( r->status==405 ) req_fail(r, 405, "不支持该请求方法");
    else req_fail(r, 404, "页面不存在");
    return;
  }
  r->bApi = (p->flags & RT_API)!=0;
  ctx_init(&r->ctx, r->ctx.pDb, &r->arena, &r->actor);
  load_session(r);
  if( r->bTooBig ){
    req_fail(r, 413, "上传内容过大");
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
  /* Backstop: a GET can never write, whatever its handler does; and it
  ** reads one snapshot under one lock instead of one per statement. */
  db_set_readonly(r->ctx.pDb, bGet);
  int bRead = bGet && db_begin_read(r->ctx.pDb)==DB_OK;
  p->xHandler(r);
  if( bRead ) db_end_read(r->ctx.pDb);
  db_set_readonly(r->ctx.pDb, 0);
  if( db_in_txn(r->ctx.pDb) ) db_rollback(r->ctx.pDb);
}
