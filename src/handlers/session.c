/*
** src/handlers/session.c — logging in and out, who am I, the schema, and
** the embedded static files.
*/
#include "handlers/handlers.h"
#include "auth/auth.h"
#include "web/web.h"
#include "api/api.h"
#include "base/json.h"
#include <string.h>
#include <sodium.h>

void h_login_form(Req *r){
  if( r->zToken ){ req_redirect(r, "/"); return; }
  web_login(r, 0, req_param(r, "next"));
}

static const char *login_field(Req *r, JsonInput *j, const char *zName){
  static const Field aF[] = { { "login", "账号", FT_TEXT }, { "password", "密码", FT_TEXT } };
  if( j ) return api_json_get(j, strcmp(zName, "login")==0 ? &aF[0] : &aF[1]);
  return req_param(r, zName);
}

void h_login(Req *r){
  JsonInput *j = 0;
  if( r->bApi ){
    /* A cross-site form cannot send application/json without a preflight,
    ** so this route needs no CSRF token of its own (login CSRF). */
    const char *zType = req_in_header(r, "Content-Type");
    if( zType==0 || strncmp(zType, "application/json", 16)!=0 ){
      req_fail(r, 415, "请以 Content-Type: application/json 提交账号和密码");
      return;
    }
    const char *zErr = 0;
    j = api_json_input(r, &zErr);
    if( j==0 ){ req_fail(r, 400, zErr); return; }
  }else{
    /* Login CSRF: the form must echo the random value set in its cookie. */
    const char *zPre = req_param(r, "_pre"), *zCookie = req_cookie(r, "fz_pre");
    if( zPre==0 || zCookie==0 || strlen(zPre)!=strlen(zCookie) || sodium_memcmp(zPre, zCookie, strlen(zPre))!=0 ){
      r->status = 403;
      web_login(r, "登录页面已过期，请重新输入", req_param(r, "next"));
      return;
    }
  }
  const char *zLogin = login_field(r, j, "login");
  const char *zPw = login_field(r, j, "password");
  if( zLogin==0 || zLogin[0]==0 || zPw==0 || zPw[0]==0 ){
    r->status = 400;
    if( r->bApi ) req_fail(r, 400, "请输入账号和密码");
    else web_login(r, "请输入账号和密码", req_param(r, "next"));
    return;
  }
  /* The device token (auth.h, known places): the browser's own, or a new
  ** one that a success makes known for this account. */
  const char *zDevice = req_cookie(r, "fz_device");
  char zNewDevice[65];
  if( zDevice==0 || strlen(zDevice)!=64 || strspn(zDevice, "0123456789abcdef")!=64 ){
    random_token(zNewDevice, 32);
    zDevice = zNewDevice;
  }
  char zErr[200] = "账号或密码错误";
  Actor a;
  int rc = user_login(r->ctx.pDb, &r->arena, zLogin, zPw, r->zAddr, zDevice, &a, zErr, sizeof zErr);
  if( rc ){
    int status = rc==FZ_FORBIDDEN ? 429 : 401;
    if( rc==FZ_INTERNAL ){ req_fail_internal(r); return; }
    if( r->bApi ){ req_fail(r, status, zErr); return; }
    r->status = status;
    web_login(r, zErr, req_param(r, "next"));
    return;
  }
  char zToken[65], zCsrf[65];
  if( session_create(r->ctx.pDb, a.iUser, zToken, zCsrf) ){ req_fail_internal(r); return; }
  req_set_cookie(r, "fz_device", arena_strdup(&r->arena, zDevice), THROTTLE_KNOWN_DAYS*86400);
  if( !r->bApi ) req_set_cookie(r, "fz_session", arena_strdup(&r->arena, zToken), SESSION_HOURS*3600);
  if( r->bApi ){                        /* the API answers with the token, never a session cookie */
    Json js;
    r->zContentType = "application/json; charset=utf-8";
    json_init(&js, &r->out);
    json_obj_begin(&js);
    json_kstr(&js, "token", zToken);
    json_kstr(&js, "csrf", zCsrf);
    json_kstr(&js, "login", a.zLogin);
    json_kstr(&js, "name", a.zName);
    json_kstr(&js, "role", role_label(a.mRole));
    /* true: a one-time password; everything but POST /api/v1/password
    ** and logout answers 403 until it is changed */
    json_kbool(&js, "must_change_password", a.bPwTemp);
    json_obj_end(&js);
    return;
  }
  const char *zNext = req_param(r, "next");
  if( a.bPwTemp ) zNext = "/account";     /* a one-time password is changed first */
  req_redirect(r, zNext && zNext[0]=='/' ? zNext : "/");
}

void h_logout(Req *r){
  session_delete(r->ctx.pDb, r->zToken);
  session_cache_invalidate();
  req_set_cookie(r, "fz_session", "", 0);
  if( r->bApi ){
    r->zContentType = "application/json; charset=utf-8";
    buf_puts(&r->out, "{\"ok\":true}");
  }else{
    req_redirect(r, "/login");
  }
}

void h_me(Req *r){ api_me(r); }

void h_schema(Req *r){
  r->zContentType = "application/json; charset=utf-8";
  api_schema(&r->out);
}

void h_static(Req *r){
  const char *zType = 0;
  const char *z = web_static(r->zArg, &zType);
  if( z==0 ){ req_fail(r, 404, "文件不存在"); return; }
  r->zContentType = zType;
  buf_puts(&r->out, z);
}

void h_password_form(Req *r){ web_password(r); }

void h_password(Req *r){
  const char *zOld, *zNew, *zNew2;
  JsonInput *j = 0;
  if( r->bApi ){
    const char *zErr = 0;
    j = api_json_input(r, &zErr);
    if( j==0 ){ req_fail(r, 400, zErr); return; }
    static const Field aF[] = { { "old", "原密码", FT_TEXT }, { "new", "新密码", FT_TEXT }, { "new2", "确认新密码", FT_TEXT } };
    zOld = api_json_get(j, &aF[0]); zNew = api_json_get(j, &aF[1]); zNew2 = api_json_get(j, &aF[2]);
  }else{
    zOld = req_param(r, "old"); zNew = req_param(r, "new"); zNew2 = req_param(r, "new2");
  }
  char zKeep[65] = "";
  if( r->zToken ) session_token_hash(r->zToken, zKeep);
  int rc = user_set_password(&r->ctx, r->actor.iUser, zOld, zNew, zNew2, zKeep, r->zAddr);
  if( rc==FZ_INVALID ){
    r->status = 422;
    if( r->bApi ) api_errors(r); else web_password(r);
    return;
  }
  if( rc ){ req_fail_internal(r); return; }
  session_cache_invalidate();          /* the user's other sessions have just ended */
  if( r->bApi ){
    r->zContentType = "application/json; charset=utf-8";
    buf_puts(&r->out, "{\"ok\":true}");
  }else{
    req_redirect(r, "/account?msg=password");
  }
}
