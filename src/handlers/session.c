/*
** src/handlers/session.c — logging in and out, who am I, the schema, and
** the embedded static files.
*/
#include "handlers/handlers.h"
#include "auth/auth.h"
#include "web/web.h"
#include "api/api.h"
#include <string.h>

void h_login_form(Req *r){
  if( r->zToken ){ req_redirect(r, "/todo"); return; }
  web_login(r, 0, req_param(r, "next"));
}

/* The device token (auth.h, known places): the browser's own, or a new
** one (arena memory); the cookie is (re)set with every login answer, and
** only a success makes the token known for the account (user_login). */
static const char *device_token(Req *r){
  const char *z = req_cookie(r, "fz_device");
  if( z==0 || strlen(z)!=64 || strspn(z, "0123456789abcdef")!=64 ){
    char *zNew = arena_alloc(&r->arena, 65);
    random_token(zNew, 32);
    z = zNew;
  }
  req_set_cookie(r, "fz_device", z, THROTTLE_KNOWN_DAYS*86400);
  return z;
}

void h_login(Req *r){
  static const Field aF[] = { { "login", "账号", FT_TEXT }, { "password", "密码", FT_TEXT } };
  const char *az[2], *zNext = req_param(r, "next");
  if( req_login_check(r) || req_fields(r, aF, 2, az) ) return;
  View v = { .eView=VIEW_LOGIN, .eAgain=VIEW_LOGIN_FORM, .iFail=400, .zError="请输入账号和密码", .zNext=zNext };
  if( az[0]==0 || az[0][0]==0 || az[1]==0 || az[1][0]==0 ){ req_answer(r, FZ_INVALID, &v); return; }
  const char *zDevice = device_token(r);
  Actor a; char zErr[200] = "账号或密码错误", zToken[65], zCsrf[65];
  int rc = user_login(r->ctx.pDb, &r->arena, az[0], az[1], r->zAddr, zDevice, req_face(r)->zName, &a, zErr, sizeof zErr);
  if( rc==FZ_OK && session_create(r->ctx.pDb, a.iUser, r->zAddr, zToken, zCsrf) ) rc = FZ_INTERNAL;
  if( rc==FZ_OK ){
    v.pActor = &a, v.zToken = arena_strdup(&r->arena, zToken), v.zCsrf = zCsrf;
    if( a.bPwTemp ) v.zNext = "/account";       /* a one-time password is changed first */
  }else if( rc!=FZ_INTERNAL ){
    v.iFail = rc==FZ_FORBIDDEN ? 429 : 401, v.zError = zErr, rc = FZ_INVALID;
  }
  req_answer(r, rc, &v);
}

void h_logout(Req *r){
  session_delete(r->ctx.pDb, r->zToken);
  session_cache_invalidate();
  req_set_cookie(r, "fz_session", "", 0);
  req_answer(r, FZ_OK, &(View){ .eView=VIEW_OK, .zGo="/login" });
}

/* 系统管理: 登录日志, 在线用户 and 强制退出 (the session's user is in the
** admin's scope, else 404; audited as session_end). */
void h_logins(Req *r){ web_logins(r); }
void h_sessions(Req *r){ web_sessions(r); }
void h_logins_api(Req *r){ api_logins(r); }
void h_sessions_api(Req *r){ api_sessions(r); }
void h_session_end(Req *r){
  static const Field aF[] = { { "id", "会话", FT_TEXT } };
  const char *az[1], *zLogin = 0;
  if( req_fields(r, aF, 1, az) ) return;
  int rc = session_end(&r->ctx, r->actor.zDeptPath, az[0], &zLogin);
  if( rc==FZ_OK ) session_cache_invalidate();          /* its next request goes to /login */
  req_answer(r, rc, &(View){ .eView=VIEW_OK, .zGo="/admin/sessions?msg=ended", .zNotFound="该会话不存在或已结束" });
}

void h_me(Req *r){ api_me(r); }

void h_schema(Req *r){
  r->zContentType = "application/json; charset=utf-8";
  api_schema(&r->out, &r->actor);
}

void h_kinds_api(Req *r){ api_kinds(r); }
void h_kind_api(Req *r){ api_kind(r); }
void h_kind_save_api(Req *r){ api_kind_save(r); }

void h_static(Req *r){
  const char *zType = 0;
  const char *z = web_static(r->zArg, &zType);
  if( z==0 ){ req_fail(r, 404, "文件不存在"); return; }
  r->zContentType = zType;
  buf_puts(&r->out, z);
}

void h_password_form(Req *r){ web_password(r); }

void h_password(Req *r){
  static const Field aF[] = { { "old", "原密码", FT_TEXT }, { "new", "新密码", FT_TEXT }, { "new2", "确认新密码", FT_TEXT } };
  const char *az[3];
  if( req_fields(r, aF, 3, az) ) return;
  char zKeep[65] = "";
  if( r->zToken ) session_token_hash(r->zToken, zKeep);
  int rc = user_set_password(&r->ctx, r->actor.iUser, az[0], az[1], az[2], zKeep, r->zAddr);
  if( rc==FZ_OK ) session_cache_invalidate();          /* the user's other sessions have just ended */
  req_answer(r, rc==FZ_OK || rc==FZ_INVALID ? rc : FZ_INTERNAL,
             &(View){ .eView=VIEW_OK, .zGo="/account?msg=password", .eAgain=VIEW_PASSWORD });
}
