/*
** src/http/req.h — one HTTP request: its inputs, the acting user, the
** engine context and the response being built. Everything allocated for
** a request lives in r->arena; handlers never free.
*/
#ifndef FZ_REQ_H
#define FZ_REQ_H
#include <stdio.h>
#include "engine/ctx.h"
#include "engine/record.h"

typedef struct Req Req;

/* Route flags: the policy dispatch enforces before any handler runs. */
#define RT_LOGIN    0x01   /* a logged-in user (else /login, or 401 for the API) */
#define RT_PUBLIC   0x02   /* anonymous visitors allowed (as the public role) */
#define RT_WRITE    0x04   /* changes data: admin or clerk, and a valid CSRF token */
#define RT_ADMIN    0x08   /* county admin only */
#define RT_UPLOAD   0x10   /* may carry a large body (imports), streamed to a temp file */
#define RT_API      0x20   /* JSON face: errors as JSON */
#define RT_NOCSRF   0x40   /* POST without the session CSRF check (login: its own check) */
#define RT_PWOK     0x80   /* open to a user who must still change a one-time password */

typedef struct Route {
  const char *zMethod;
  const char *zPattern;    /* "/k/:kind/:id/do/:arg" */
  unsigned flags;
  void (*xHandler)(Req*);
} Route;

typedef struct Param { const char *zName; const char *zValue; } Param;
typedef struct Header { const char *zName; const char *zValue; } Header;

struct Req {
  Arena arena;
  Ctx ctx;                 /* engine context: database, actor, user errors */
  Actor actor;
  void *pConn;             /* struct MHD_Connection* */
  const char *zMethod, *zPath, *zQuery;
  const char *zAddr;       /* the client's address: the socket's, or a trusted proxy's word (proxy.c) */
  int bHttps;              /* came over HTTPS: serve --https, or a trusted proxy says so */
  Param *aParam; int nParam, nParamAlloc;   /* query string and form fields */
  const char *zToken;      /* session token, when logged in */
  const char *zCsrf;       /* the session's CSRF token */
  int bBearer;             /* authenticated by Authorization: Bearer (no CSRF needed) */
  int bApi;
  /* request body */
  void *pPost;             /* MHD_PostProcessor* */
  Buf body;                /* raw body (JSON), capped */
  FILE *pUpload;           /* streamed upload */
  const char *zUploadPath, *zUploadName;
  size_t nBody;            /* bytes of form fields or raw body */
  size_t nFile;            /* bytes of uploaded files */
  int bTooBig;
  const char *zNulField;   /* the first form field whose value held a NUL byte (%00), or 0 */
  int bDiscardBody;        /* the request will be refused: read the body, store nothing */
  int bDbFailed;           /* the database failed while the headers were checked (http_may_upload) */
  /* routing */
  const Route *pRoute;
  const Kind *pKind;
  i64 iId;
  const char *zArg;
  /* response */
  int status;
  Buf out;
  const char *zContentType;
  Header aHdr[8]; int nHdr;
  const char *zSendFile;   /* respond with this file's bytes (deleted afterwards) */
  int iSendPipe;           /* 1 + a pipe's read end: respond with what its writer sends until it closes
                           ** (a streamed export; closed with the request); 0 none */
  long long tStart;        /* microseconds */
  void *pConnCache;        /* ConnCache of the TCP connection (dispatch.c), or NULL */
  void *pConnState;        /* the connection's slow-client bookkeeping (server.c), or NULL */
  i64 iRequest;
};

const char *req_param(Req*, const char *zName);       /* query or form value, NULL if absent */
int         req_param_int(Req*, const char *zName, int iDefault);
void        req_add_param(Req*, const char *zName, const char *zValue);
void        req_header(Req*, const char *zName, const char *zValue);   /* rejects CR/LF */
const char *req_cookie(Req*, const char *zName);
const char *req_in_header(Req*, const char *zName);
void        req_redirect(Req*, const char *zUrl);      /* 303 */
void        req_set_cookie(Req*, const char *zName, const char *zValue, int nMaxAge);
/* Error answers in the request's face (HTML page or JSON). */
void        req_fail(Req*, int status, const char *zMsg);
void        req_fail_internal(Req*);
void        http_dispatch(Req*);
int         http_may_upload(Req*);   /* headers only: will this request's policy pass? */
/* The database cannot be used (zWhy says why, for the error log): a 503
** with Retry-After in place of whatever the request had made so far. */
void        http_unavailable(Req*, const char *zWhy);

/* The route table (route.c) */
const Route *route_match(Req*, const char *zMethod, const char *zPath);
int          route_count(void);
const Route *route_at(int i);
/* The error answer in the request's face (its Face.xError: the HTML
** error page or JSON). http/ renders nothing itself: the route table,
** which names every handler, hands over the faces too (req_fail calls it). */
void         route_error(Req*, int status, const char *zMsg);

/* Per-connection session cache (dispatch.c): with keep-alive a client
** repeats its token on every request; the session it names is looked up
** once per SESSION_CACHE_MS on that connection. */
void *conn_cache_new(void);
void  conn_cache_free(void*);
void  session_cache_invalidate(void);      /* logout / password change: every cache is stale */

/* Trusted reverse proxies (proxy.c). http_trust_set: a comma-separated
** list of IPv4/IPv6 addresses whose X-Forwarded-For, X-Real-IP and
** X-Forwarded-Proto are believed (NULL: none), and whether the server sits
** behind TLS anyway (serve --https); non-zero with a Chinese message in
** zErr for an address that does not parse. req_client_resolve: sets
** r->zAddr and r->bHttps from the socket address zPeer and, when zPeer is
** a trusted proxy, its headers. */
int  http_trust_set(const char *zProxies, int bHttps, char *zErr, int nErr);
void req_client_resolve(Req*, const char *zPeer);

/* The server (server.c) */
/* nThreads: worker threads, each with its own connection (0: one per CPU;
** several servers on one machine share its CPUs). */
int  http_serve(const char *zDb, const char *zListen, int nThreads);
/* Before http_serve: at most nPerIp connections from one address (0: no
** limit; behind a reverse proxy every client has the proxy's address),
** and a request's headers complete within nHeaderTimeout seconds of the
** connection's start, its body at least 1 KiB/s after that (0: off). */
#define HTTP_PER_IP_DEFAULT          128
#define HTTP_HEADER_TIMEOUT_DEFAULT  10
void http_limits(unsigned nPerIp, unsigned nHeaderTimeout);
/* A new empty file (mode 0600) in the server's private staging folder, for
** a file made for one answer (an export); its path in arena memory, or
** NULL. The caller unlinks it (zSendFile is unlinked once sent). */
const char *req_temp_path(Req*, const char *zWhat);
/* The database the server serves (its target as given to fazhi serve):
** for work on a thread of its own, which opens its own connection. */
const char *req_store_target(Req*);
Db  *http_thread_db(void);
#endif
