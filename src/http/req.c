/*
** src/http/req.c — reading a request's inputs and shaping its response.
*/
#include "http/req.h"
#include <microhttpd.h>
#include <string.h>
#include <stdlib.h>

const char *req_param(Req *r, const char *zName){
  for(int i=r->nParam-1; i>=0; i--){
    if( strcmp(r->aParam[i].zName, zName)==0 ) return r->aParam[i].zValue;
  }
  return 0;
}
int req_param_int(Req *r, const char *zName, int iDefault){
  const char *z = req_param(r, zName);
  if( z==0 || z[0]==0 ) return iDefault;
  char *zEnd = 0;
  long v = strtol(z, &zEnd, 10);
  if( *zEnd || v<-1000000000L || v>1000000000L ) return iDefault;
  return (int)v;
}
void req_add_param(Req *r, const char *zName, const char *zValue){
  r->aParam = arena_grow(&r->arena, r->aParam, r->nParam, &r->nParamAlloc, sizeof *r->aParam);
  r->aParam[r->nParam].zName = arena_strdup(&r->arena, zName);
  r->aParam[r->nParam].zValue = arena_strdup(&r->arena, zValue ? zValue : "");
  r->nParam++;
}

static int has_ctl(const char *z){
  for(; *z; z++) if( (unsigned char)*z < 0x20 || *z==0x7f ) return 1;
  return 0;
}

void req_header(Req *r, const char *zName, const char *zValue){
  if( has_ctl(zName) || has_ctl(zValue) ) return;   /* header injection */
  if( r->nHdr >= (int)(sizeof(r->aHdr)/sizeof(r->aHdr[0])) ) return;
  r->aHdr[r->nHdr].zName = zName;
  r->aHdr[r->nHdr].zValue = zValue;
  r->nHdr++;
}

/* A request built without a socket (unit tests of http_dispatch) has
** no headers and no cookies. */
const char *req_cookie(Req *r, const char *zName){
  if( r->pConn==0 ) return 0;
  return MHD_lookup_connection_value((struct MHD_Connection*)r->pConn, MHD_COOKIE_KIND, zName);
}
const char *req_in_header(Req *r, const char *zName){
  if( r->pConn==0 ) return 0;
  return MHD_lookup_connection_value((struct MHD_Connection*)r->pConn, MHD_HEADER_KIND, zName);
}

void req_redirect(Req *r, const char *zUrl){
  /* Only local paths: never an open redirect. Browsers drop tabs and
  ** newlines from URLs ("/\t/evil" becomes "//evil") and read "\" as "/",
  ** so any control character or backslash sends the user home instead. */
  if( zUrl==0 || zUrl[0]!='/' || zUrl[1]=='/' || has_ctl(zUrl) || strchr(zUrl, '\\') ) zUrl = "/";
  r->status = 303;
  req_header(r, "Location", zUrl);
  buf_reset(&r->out);
}

/* Secure when the request came over HTTPS (r->bHttps, proxy.c): the
** browser then never sends the cookie over plain HTTP. */
void req_set_cookie(Req *r, const char *zName, const char *zValue, int nMaxAge){
  req_header(r, "Set-Cookie", arena_printf(&r->arena,
    "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", zName, zValue, nMaxAge,
    r->bHttps ? "; Secure" : ""));
}

void req_fail(Req *r, int status, const char *zMsg){
  r->status = status;
  buf_reset(&r->out);
  route_error(r, status, zMsg);
}

void req_fail_internal(Req *r){
  /* a failure of the database is logged, and answered, by http_dispatch */
  if( !ctx_failed(&r->ctx) ){
    fprintf(stderr, "fazhi: request %lld %s %s: %s\n", (long long)r->iRequest, r->zMethod,
            r->zPath, r->ctx.zInternal);
  }
  req_fail(r, 500, "系统内部错误，请稍后重试；如反复出现，请联系管理员");
}
