/*
** src/http/proxy.c — who the client is: the socket's address, or, when the
** socket's peer is a reverse proxy the admin listed (serve --trusted-proxy),
** the address and scheme that proxy reports. Headers from anyone else are
** ignored: otherwise a client could name any address and so dodge the
** login throttle, or throttle someone else.
**
** With a trusted peer the client is the right-most address of
** X-Forwarded-For that is not itself a trusted proxy (each proxy appends
** the address it saw, so entries left of that are the client's own claims),
** else X-Real-IP; X-Forwarded-Proto "https" marks the request as HTTPS.
** `serve --https` marks every request as HTTPS (TLS ends in front of it).
**
** The server listens on IPv4 only, so a proxy is named by its IPv4 address
** (an IPv6 one is refused: no peer could ever match it). The first request
** that carries X-Forwarded-For or X-Real-IP from a peer that is not a
** trusted proxy logs one warning on stderr: most likely nginx in front of
** a server started without --trusted-proxy, where every user shares
** nginx's address (one stranger's failed logins then slow everyone down)
** and HTTPS goes unnoticed (no Secure cookie, no HSTS).
*/
#include "http/req.h"
#include <string.h>
#include <stdio.h>
#include <strings.h>
#include <arpa/inet.h>
#include <stdatomic.h>

#define MAX_TRUSTED 16

/* Set once before the daemon starts, read by every thread afterwards. */
static struct { int fam; unsigned char a[16]; } aTrusted[MAX_TRUSTED];
static int nTrusted;
static int bAlwaysHttps;
static atomic_int bWarnedUntrusted;   /* the one-time warning has been logged */

/* Parses an IPv4 or IPv6 address (n bytes of z) into *pFam/a; 0 if it is one. */
static int addr_parse(const char *z, size_t n, int *pFam, unsigned char a[16]){
  char zBuf[64];
  while( n && (z[0]==' ' || z[0]=='\t') ){ z++; n--; }
  while( n && (z[n-1]==' ' || z[n-1]=='\t') ) n--;
  if( n==0 || n>=sizeof zBuf ) return 1;
  memcpy(zBuf, z, n);
  zBuf[n] = 0;
  memset(a, 0, 16);
  if( inet_pton(AF_INET, zBuf, a)==1 ){ *pFam = AF_INET; return 0; }
  if( inet_pton(AF_INET6, zBuf, a)==1 ){ *pFam = AF_INET6; return 0; }
  return 1;
}

static int addr_trusted(int fam, const unsigned char a[16]){
  for(int i=0; i<nTrusted; i++){
    if( aTrusted[i].fam==fam && memcmp(aTrusted[i].a, a, 16)==0 ) return 1;
  }
  return 0;
}

int http_trust_set(const char *zList, int bHttps, char *zErr, int nErr){
  nTrusted = 0;
  bAlwaysHttps = bHttps;
  if( zList==0 ) return 0;
  const char *z = zList;
  for(;;){
    const char *e = strchr(z, ',');
    size_t n = e ? (size_t)(e-z) : strlen(z);
    if( nTrusted==MAX_TRUSTED ){
      snprintf(zErr, (size_t)nErr, "--trusted-proxy 最多列出%d个地址", MAX_TRUSTED);
      return 1;
    }
    if( addr_parse(z, n, &aTrusted[nTrusted].fam, aTrusted[nTrusted].a) ){
      snprintf(zErr, (size_t)nErr, "--trusted-proxy 中的“%.*s”不是IP地址（应为逗号分隔的IP地址，如 127.0.0.1,10.0.0.2）",
               (int)(n>60 ? 60 : n), z);
      return 1;
    }
    if( aTrusted[nTrusted].fam!=AF_INET ){
      snprintf(zErr, (size_t)nErr, "--trusted-proxy 中的“%.*s”是IPv6地址：本服务只在IPv4地址上监听，"
               "反向代理须经IPv4连接（如 nginx 写 proxy_pass http://127.0.0.1:8080，此处写 127.0.0.1）",
               (int)(n>60 ? 60 : n), z);
      return 1;
    }
    nTrusted++;
    if( e==0 ) break;
    z = e+1;
  }
  return 0;
}

/* The address as text, normalized (inet_ntop), in arena memory. */
static const char *addr_text(Req *r, int fam, const unsigned char a[16]){
  char zOut[INET6_ADDRSTRLEN];
  if( inet_ntop(fam, a, zOut, sizeof zOut)==0 ) return "";
  return arena_strdup(&r->arena, zOut);
}

void req_client_resolve(Req *r, const char *zPeer){
  int fam;
  unsigned char a[16];
  r->zAddr = arena_strdup(&r->arena, zPeer ? zPeer : "");
  r->bHttps = bAlwaysHttps;
  if( nTrusted==0 || zPeer==0 || addr_parse(zPeer, strlen(zPeer), &fam, a) || !addr_trusted(fam, a) ){
    if( (req_in_header(r, "X-Forwarded-For") || req_in_header(r, "X-Real-IP"))
     && atomic_exchange(&bWarnedUntrusted, 1)==0 ){
      fprintf(stderr, "警告：%s 发来了 X-Forwarded-For/X-Real-IP，但它不在 --trusted-proxy 中，这些请求头被忽略。"
              "若本服务在 nginx 等反向代理之后，请加 --trusted-proxy %s：否则所有用户共用代理的地址"
              "（一人登录失败多次，全体受限），HTTPS 也无从得知（会话Cookie不带Secure，不发HSTS）。"
              "此警告只显示一次。\n", zPeer ? zPeer : "?", zPeer && zPeer[0] ? zPeer : "127.0.0.1");
    }
    return;
  }
  const char *zClient = 0;
  const char *zXff = req_in_header(r, "X-Forwarded-For");
  if( zXff ){
    /* right to left: the first address no trusted proxy added */
    size_t end = strlen(zXff);
    while( end>0 && zClient==0 ){
      size_t beg = end;
      while( beg>0 && zXff[beg-1]!=',' ) beg--;
      if( addr_parse(zXff+beg, end-beg, &fam, a) ) break;   /* garbage: believe nothing further left */
      if( !addr_trusted(fam, a) ) zClient = addr_text(r, fam, a);
      end = beg>0 ? beg-1 : 0;
    }
  }
  if( zClient==0 ){
    const char *zReal = req_in_header(r, "X-Real-IP");
    if( zReal && addr_parse(zReal, strlen(zReal), &fam, a)==0 ) zClient = addr_text(r, fam, a);
  }
  if( zClient && zClient[0] ) r->zAddr = zClient;
  const char *zProto = req_in_header(r, "X-Forwarded-Proto");
  if( zProto ){
    /* the last proxy's word: the value after the last comma */
    const char *p = strrchr(zProto, ',');
    p = p ? p+1 : zProto;
    while( *p==' ' ) p++;
    if( strncasecmp(p, "https", 5)==0 && (p[5]==0 || p[5]==' ') ) r->bHttps = 1;
  }
}
