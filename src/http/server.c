/*
** src/http/server.c — libmicrohttpd glue only: start the daemon, turn MHD
** calls into a Req, hand it to http_dispatch(), send the response, and log
** one line per request when it completes.
**
** Threading: epoll with a pool of one thread per core (--threads 1: the
** polling thread alone, no pool); each thread opens its own database
** connection on first use. The access handler answers on
** its second call, never the first (keep-alive depends on it), except for
** a body announced too large, refused at once.
**
** Slow clients: every connection is on a list (pConnList, under connMutex)
** with a deadline. Its request's headers must be complete within
** --header-timeout seconds of the connection's start (within IDLE_TIMEOUT
** of the previous answer on a kept-alive connection), and a body must
** then keep coming at MIN_BODY_RATE on average. libmicrohttpd has no
** such limit (its own timeout restarts with every byte), so the main
** thread sweeps the list every second and shuts down, by its socket, a
** connection past its deadline; libmicrohttpd then sees the end of the
** stream and closes it as usual. A connection is taken off the list (in
** NOTIFY_CLOSED) before libmicrohttpd closes its socket, so a shut-down
** socket is never a reused one. A worker thread running a long handler
** (an import) reads none of its other connections meanwhile: those are
** not swept while it is busy, and their deadlines move on by the time it
** was busy, so a quick client is not blamed for the server's own delay.
**
** Idle connections: libmicrohttpd's own idle timeout counts from a
** connection's last byte read or written, and the library checks it as a
** handler returns, before it reads what arrived meanwhile. So it, too,
** blamed clients for a busy worker: a request sent at once but waiting in
** its socket through a handler longer than IDLE_TIMEOUT was closed
** unanswered (2026-12-07: test 140's 300,000-row import takes 30 s to
** minutes on a loaded PostgreSQL machine, seconds on SQLite, so only
** PostgreSQL lost the request; our own sweep was not the one cutting).
** With a header timeout, the sweep therefore owns idleness too: the
** library's timeout is off while a connection waits for a request or
** receives a body (the sweep's deadlines, which move on by busy time,
** and a body idle for IDLE_TIMEOUT is cut), and on, IDLE_TIMEOUT, only
** while an answer is sent (CONN_ANSWER): then it is set on the
** connection from its own handler, and moved on by busy time by the
** thread that serves it (worker_idle). With --header-timeout 0 there is
** no sweep and the library's idle timeout alone applies, as before.
**
** Uploads and generated files are staged in a private folder (stage_init):
** mode 0700, files 0600, named after the server's pid, emptied at start-up
** of whatever a crashed server left.
*/
#include "http/req.h"
#include "base/log.h"
#include "engine/kinddef.h"
#include <microhttpd.h>
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <signal.h>
#include <unistd.h>
#include <fcntl.h>
#include <time.h>
#include <arpa/inet.h>
#include <sys/stat.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <pthread.h>
#include <errno.h>
#include <dirent.h>
#include <sys/socket.h>
#include <sys/resource.h>

#define MAX_FORM_BYTES   (1u<<20)        /* urlencoded / JSON bodies */
#define MAX_UPLOAD_BYTES (200u<<20)      /* CSV / XLSX imports */
#define IDLE_TIMEOUT     30              /* seconds without a byte: libmicrohttpd closes */
#define MAX_CONNECTIONS  1000            /* all addresses together */
#define MIN_BODY_RATE    1024            /* bytes/s a body must average after its grace */

static const char *zDbTarget;            /* set once before the daemon starts */
static int bQuiet;
static unsigned nPerIp = HTTP_PER_IP_DEFAULT;          /* http_limits() */
static unsigned nHeaderTimeout = HTTP_HEADER_TIMEOUT_DEFAULT;
static char zStageDir[4096];             /* stage_init(): private folder for temp files */
static atomic_llong nRequest;
static __thread Db *tDb;

Db *http_thread_db(void){
  if( tDb==0 ){
    char zErr[300];
    tDb = store_connect(zDbTarget, zErr, sizeof zErr);
    if( tDb==0 ) fprintf(stderr, "fazhi: %s\n", zErr);
  }
  return tDb;
}

/* ---- slow clients ---------------------------------------------------
** One Conn per TCP connection (libmicrohttpd's socket context). */
enum { CONN_HEADERS, CONN_BODY, CONN_ANSWER, CONN_SHUT };
typedef struct Conn {
  void *pCache;              /* ConnCache of dispatch.c (session cache) */
  int fd;                    /* the socket, for shutdown() by the sweeper */
  int iWorker;               /* worker_id() of the thread serving it (0: unknown) */
  int eState;                /* CONN_*; changed under connMutex */
  long long tDeadline;       /* ms: headers complete by then (CONN_HEADERS) */
  long long tBody;           /* ms: when the headers were complete (CONN_BODY) */
  atomic_llong nBody;        /* body bytes received so far (CONN_BODY) */
  atomic_llong tLast;        /* ms: when the last body bytes came (CONN_BODY) */
  struct MHD_Connection *pMhd;  /* for its idle timeout (see worker_idle) */
  unsigned nIdle;            /* s: its libmicrohttpd idle timeout (0: off); set by the thread serving it */
  struct Conn *pNext, *pPrev;
} Conn;
static pthread_mutex_t connMutex = PTHREAD_MUTEX_INITIALIZER;
static Conn *pConnList;
static int bSweep;                       /* the sweep runs (nHeaderTimeout>0) */

/* Worker threads, numbered 1.. as they first serve a connection (each
** libmicrohttpd worker accepts and serves its own connections); aBusy[i]
** is set while worker i runs a handler. Beyond MAX_WORKERS: 0, untracked. */
#define MAX_WORKERS 300
static atomic_int nWorker;
static atomic_int aBusy[MAX_WORKERS];
static __thread int tWorker = -1;
static int worker_id(void){
  if( tWorker<0 ){
    int i = atomic_fetch_add(&nWorker, 1) + 1;
    tWorker = i<MAX_WORKERS ? i : 0;
  }
  return tWorker;
}

static long long now_ms(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec*1000 + ts.tv_nsec/1000000;
}

/* Moves a connection to state e (a no-op on one already shut down);
** returns the state it was in. */
static int conn_state(Conn *c, int e, long long tDeadline){
  if( c==0 ) return CONN_HEADERS;
  pthread_mutex_lock(&connMutex);
  int eOld = c->eState;
  if( eOld!=CONN_SHUT ){
    c->eState = e;
    if( e==CONN_HEADERS ) c->tDeadline = tDeadline;
    if( e==CONN_BODY ){ c->tBody = now_ms(); atomic_store(&c->nBody, 0); atomic_store(&c->tLast, c->tBody); }
  }
  pthread_mutex_unlock(&connMutex);
  return eOld;
}

/* Sets libmicrohttpd's idle timeout of c to nSec (0: off). Called only
** by the thread serving c, while the library has c open: from c's own
** callbacks, or (worker_idle) for a c in CONN_ANSWER, whose close would
** first have run request_done and left that state. From 0 to nSec the
** library restarts its idle timer; from nSec to more it only waits
** longer. */
static void conn_idle_set(Conn *c, unsigned nSec){
  if( !bSweep || c==0 || c->pMhd==0 || c->nIdle==nSec ) return;
  c->nIdle = nSec;
  MHD_set_connection_option(c->pMhd, MHD_CONNECTION_OPTION_TIMEOUT, nSec);
}

/* Called every second by the main thread: shuts down each connection
** whose headers are late, or whose body has come slower than
** MIN_BODY_RATE on average once nHeaderTimeout seconds have passed, or
** has had no byte for IDLE_TIMEOUT. A connection being answered is left
** to libmicrohttpd's idle timeout. */
static void conn_sweep(void){
  if( !bSweep ) return;
  long long t = now_ms();
  pthread_mutex_lock(&connMutex);
  for(Conn *c=pConnList; c; c=c->pNext){
    int bLate = 0;
    if( c->fd<0 ) continue;                /* its socket unknown: cannot be shut down */
    if( c->iWorker && atomic_load(&aBusy[c->iWorker]) ) continue;   /* the server is slow, not the client */
    if( c->eState==CONN_HEADERS ) bLate = t > c->tDeadline;
    else if( c->eState==CONN_BODY ){
      long long ms = t - c->tBody;
      bLate = (ms > (long long)nHeaderTimeout*1000
               && atomic_load(&c->nBody)*1000 < ms*MIN_BODY_RATE)
              || t - atomic_load(&c->tLast) > (long long)IDLE_TIMEOUT*1000;
    }
    if( bLate ){
      c->eState = CONN_SHUT;
      shutdown(c->fd, SHUT_RDWR);
    }
  }
  pthread_mutex_unlock(&connMutex);
}

static long long now_us(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec*1000000 + ts.tv_nsec/1000;
}

static enum MHD_Result arg_iter(void *cls, enum MHD_ValueKind kind, const char *k, const char *v){
  (void)kind;
  req_add_param((Req*)cls, k, v ? v : "");
  return MHD_YES;
}

/* A new file (mode 0600) in the staging folder, named "PID-WHAT-XXXXXX";
** its path in arena memory, or NULL. The fd is returned in *pFd. */
static char *stage_file(Req *r, const char *zWhat, int *pFd){
  const char *zDir = zStageDir[0] ? zStageDir : getenv("TMPDIR");
  char *zTmp = arena_printf(&r->arena, "%s/%ld-%s-XXXXXX", zDir && zDir[0] ? zDir : "/tmp",
                            (long)getpid(), zWhat);
  int fd = mkstemp(zTmp);
  if( fd<0 ) return 0;
  *pFd = fd;
  return zTmp;
}

/* The file an upload is streamed to. */
static FILE *upload_file(Req *r){
  int fd;
  char *zTmp = stage_file(r, "upload", &fd);
  if( zTmp==0 ) return 0;
  r->zUploadPath = zTmp;
  return fdopen(fd, "w+b");
}

const char *req_store_target(Req *r){ (void)r; return zDbTarget; }

const char *req_temp_path(Req *r, const char *zWhat){
  int fd;
  char *zTmp = stage_file(r, zWhat, &fd);
  if( zTmp ) close(fd);
  return zTmp;
}

/* Ends a value being collected piecewise (see post_iter). */
static void form_flush(Req *r){
  if( r->body.n && r->nParam>0 ){
    r->aParam[r->nParam-1].zValue = arena_strndup(&r->arena, r->body.z, r->body.n);
    buf_reset(&r->body);
  }
}

static enum MHD_Result post_iter(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *filename, const char *content_type,
                                 const char *transfer_encoding, const char *data,
                                 uint64_t off, size_t size){
  Req *r = cls;
  (void)kind; (void)content_type; (void)transfer_encoding;
  if( filename ){
    r->nFile += size;
    if( !(r->pRoute && (r->pRoute->flags & RT_UPLOAD)) || r->nFile > MAX_UPLOAD_BYTES ){
      r->bTooBig = 1;
      return MHD_NO;
    }
    if( r->bDiscardBody ) return MHD_YES;
    if( r->pUpload==0 ){
      r->pUpload = upload_file(r);
      if( r->pUpload==0 ) return MHD_NO;
      r->zUploadName = arena_strdup(&r->arena, filename);
    }
    if( size && fwrite(data, 1, size, r->pUpload)!=size ) return MHD_NO;
    return MHD_YES;
  }
  r->nBody += size;
  if( r->nBody > MAX_FORM_BYTES ){ r->bTooBig = 1; return MHD_NO; }
  /* Values are read as C strings: one with a NUL in it would be cut there
  ** silently. Noted here, refused by the dispatcher (422, naming it). */
  if( size && r->zNulField==0 && memchr(data, 0, size) ) r->zNulField = arena_strdup(&r->arena, key ? key : "");
  /* A long value arrives in pieces: collect them in r->body (unused by
  ** form requests) and store the value when the next field starts, so a
  ** 1 MB field costs 1 MB, not a copy per piece. */
  if( off>0 && r->nParam>0 && strcmp(r->aParam[r->nParam-1].zName, key)==0 ){
    if( r->body.n==0 ) buf_puts(&r->body, r->aParam[r->nParam-1].zValue);
    buf_append(&r->body, data, size);
    return MHD_YES;
  }
  form_flush(r);
  req_add_param(r, key, arena_strndup(&r->arena, data ? data : "", size));
  return MHD_YES;
}

/* Raw bodies (JSON for the API, a CSV/XLSX file posted to the import API). */
static int raw_body(Req *r, const char *data, size_t size){
  r->nBody += size;
  int bUpload = r->pRoute && (r->pRoute->flags & RT_UPLOAD);
  if( r->nBody > (bUpload ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES) ){ r->bTooBig = 1; return 0; }
  if( r->bDiscardBody ) return 1;
  if( bUpload ){
    if( r->pUpload==0 && (r->pUpload = upload_file(r))==0 ) return 0;
    return fwrite(data, 1, size, r->pUpload)==size;
  }
  buf_append(&r->body, data, size);
  return 1;
}

static enum MHD_Result send_response(struct MHD_Connection *conn, Req *r){
  struct MHD_Response *resp = 0;
  if( r->zSendFile ){
    int fd = open(r->zSendFile, O_RDONLY);
    struct stat st;
    if( fd>=0 && fstat(fd, &st)==0 ){
      unlink(r->zSendFile);
      resp = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
    }else{
      if( fd>=0 ) close(fd);
      r->status = 500;
      r->zSendFile = 0;
    }
  }
  if( resp==0 && r->iSendPipe ){
    /* the library reads the pipe as the writer fills it and closes it at the end */
    resp = MHD_create_response_from_pipe(r->iSendPipe-1);
    if( resp ) r->iSendPipe = 0;
    else r->status = 500;
  }
  if( resp==0 ){
    size_t n = 0;
    char *z = buf_detach(&r->out, &n);
    resp = MHD_create_response_from_buffer(n, z, MHD_RESPMEM_MUST_FREE);
  }
  MHD_add_response_header(resp, "Content-Type", r->zContentType ? r->zContentType : "text/html; charset=utf-8");
  MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(resp, "X-Frame-Options", "DENY");
  MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
  MHD_add_response_header(resp, "Content-Security-Policy",
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
  MHD_add_response_header(resp, "Cache-Control", "no-store");
  if( r->bHttps ) MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000");
  for(int i=0; i<r->nHdr; i++) MHD_add_response_header(resp, r->aHdr[i].zName, r->aHdr[i].zValue);
  enum MHD_Result ret = MHD_queue_response(conn, (unsigned)(r->status ? r->status : 200), resp);
  MHD_destroy_response(resp);
  conn_idle_set(r->pConnState, IDLE_TIMEOUT);   /* the answer is sent: the library's idle timeout */
  return ret;
}

/* Marks worker w busy (0: untracked); returns when it began. */
static long long worker_busy(int w){
  if( w ) atomic_store(&aBusy[w], 1);
  return now_ms();
}

/* Worker w, the calling thread, has run a handler for pSelf since t0:
** the deadlines of its other connections move on by as much (they could
** not be read), then w is marked idle, both under connMutex so no sweep
** sees one without the other. Those of its connections sending an answer
** have libmicrohttpd's idle timeout instead: it is lengthened by the busy
** seconds, after the lock (only this thread serves, closes and frees w's
** connections, so they stay valid), until their request is done. */
static void worker_idle(int w, const Conn *pSelf, long long t0){
  if( w==0 ) return;
  long long ms = now_ms() - t0;
  Conn **aAnswer = 0;
  int nAnswer = 0;
  pthread_mutex_lock(&connMutex);
  if( ms>=500 ){
    int n = 0;
    for(Conn *c=pConnList; c; c=c->pNext) n += c->iWorker==w && c->eState==CONN_ANSWER && c!=pSelf;
    aAnswer = n ? malloc((size_t)n*sizeof *aAnswer) : 0;
    for(Conn *c=pConnList; c; c=c->pNext){
      if( c->iWorker!=w ) continue;
      if( c->eState==CONN_HEADERS ) c->tDeadline += ms;
      else if( c->eState==CONN_BODY ){ c->tBody += ms; atomic_fetch_add(&c->tLast, ms); }
      else if( c->eState==CONN_ANSWER && c!=pSelf && aAnswer ) aAnswer[nAnswer++] = c;
    }
  }
  atomic_store(&aBusy[w], 0);
  pthread_mutex_unlock(&connMutex);
  for(int i=0; i<nAnswer; i++){
    Conn *c = aAnswer[i];
    if( c->nIdle ) conn_idle_set(c, c->nIdle + (unsigned)((ms+999)/1000));
  }
  free(aAnswer);
}

/* Dispatches a complete (or refused) request and queues its answer. */
static enum MHD_Result answer(struct MHD_Connection *conn, Req *r){
  r->ctx.pDb = http_thread_db();
  if( r->ctx.pDb==0 ){
    http_unavailable(r, "no connection");
    return send_response(conn, r);
  }
  int w = worker_id();
  long long t0 = worker_busy(w);
  http_dispatch(r);
  worker_idle(w, r->pConnState, t0);
  return send_response(conn, r);
}

static enum MHD_Result access_handler(void *cls, struct MHD_Connection *conn, const char *url,
                                      const char *method, const char *version,
                                      const char *upload_data, size_t *upload_data_size,
                                      void **con_cls){
  (void)cls; (void)version;
  Req *r = *con_cls;
  if( r==0 ){
    /* First call: headers only. Build the request; answer on a later call. */
    r = calloc(1, sizeof(Req));
    if( r==0 ) return MHD_NO;
    arena_init(&r->arena);
    buf_init(&r->out);
    buf_init(&r->body);
    r->tStart = now_us();
    r->iRequest = ++nRequest;
    r->pConn = conn;
    const union MHD_ConnectionInfo *sc = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    Conn *pc = sc ? sc->socket_context : 0;
    r->pConnState = pc;
    r->pConnCache = pc ? pc->pCache : 0;
    conn_state(pc, CONN_BODY, 0);
    r->zMethod = arena_strdup(&r->arena, method);
    r->zPath = arena_strdup(&r->arena, url);
    r->status = 200;
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    char zAddr[64] = "";
    if( ci && ci->client_addr && ci->client_addr->sa_family==AF_INET ){
      inet_ntop(AF_INET, &((const struct sockaddr_in*)ci->client_addr)->sin_addr, zAddr, sizeof zAddr);
    }
    req_client_resolve(r, zAddr);       /* the socket's address, or a trusted proxy's word */
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, arg_iter, r);
    /* a kind another process defined is routed from the next request on
    ** (one indexed query; nothing more when no definition changed) */
    /* …and counted as the worker's busy time (a database being restarted
    ** can hold the query up): the sweeper must not cut the connections
    ** waiting behind it as slow clients */
    Db *pDefDb = http_thread_db();
    if( pDefDb ){
      int w = worker_id();
      long long t0 = worker_busy(w);
      kinddef_refresh_db(pDefDb);
      worker_idle(w, pc, t0);
    }
    /* HEAD is GET without the body (MHD drops it) */
    r->pRoute = route_match(r, strcmp(method, "HEAD")==0 ? "GET" : method, url);
    const char *zType = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
    /* Forms are decoded by MHD; the API takes raw JSON (or a raw file),
    ** whatever Content-Type a client sends, except multipart uploads. */
    int bApi = r->pRoute && (r->pRoute->flags & RT_API);
    if( strcmp(method, "GET")!=0 && zType &&
        ((!bApi && strncmp(zType, "application/x-www-form-urlencoded", 33)==0) ||
         strncmp(zType, "multipart/form-data", 19)==0) ){
      r->pPost = MHD_create_post_processor(conn, 64*1024, post_iter, r);
    }
    /* A body announced larger than the route takes is refused now, in the
    ** request's face, before a byte of it is read (libmicrohttpd then
    ** closes the connection instead of reading the rest). */
    *con_cls = r;
    int bUpload = r->pRoute && (r->pRoute->flags & RT_UPLOAD);
    const char *zLen = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
    if( zLen && strtoull(zLen, 0, 10) > (bUpload ? (unsigned long long)MAX_UPLOAD_BYTES + 65536 : MAX_FORM_BYTES) ){
      r->bTooBig = 1;
      conn_state(pc, CONN_ANSWER, 0);
      return answer(conn, r);
    }
    /* Uploads: store nothing for a request its policy will refuse anyway
    ** (checked from the headers). */
    if( bUpload ){
      int w = worker_id();
      long long t0 = worker_busy(w);      /* SQL: the session, the policy */
      r->ctx.pDb = http_thread_db();
      if( !http_may_upload(r) ) r->bDiscardBody = 1;
      worker_idle(w, pc, t0);
    }
    return MHD_YES;
  }
  if( *upload_data_size ){
    if( r->pConnState ){
      Conn *pc = r->pConnState;
      atomic_fetch_add(&pc->nBody, (long long)*upload_data_size);
      atomic_store(&pc->tLast, now_ms());
    }
    if( !r->bTooBig ){
      if( r->pPost ){
        if( MHD_post_process((struct MHD_PostProcessor*)r->pPost, upload_data, *upload_data_size)!=MHD_YES
            && !r->bTooBig ){
          r->bTooBig = r->nBody > MAX_FORM_BYTES;
        }
      }else{
        raw_body(r, upload_data, *upload_data_size);
      }
    }
    *upload_data_size = 0;
    return MHD_YES;
  }
  /* Final call: the whole request is here. The post processor hands over
  ** an urlencoded body's last field, when it is empty ("…&nx_2="), only
  ** as it is destroyed: destroy it now, before anyone reads the fields. */
  if( r->pUpload ) fflush(r->pUpload);
  if( r->pPost ){
    MHD_destroy_post_processor((struct MHD_PostProcessor*)r->pPost);
    r->pPost = 0;
    form_flush(r);
  }
  /* The sweeper may have shut the connection down as the body ended:
  ** then nothing is done for it. */
  if( conn_state(r->pConnState, CONN_ANSWER, 0)==CONN_SHUT ) return MHD_NO;
  return answer(conn, r);
}

static void conn_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
                        enum MHD_ConnectionNotificationCode toe){
  (void)cls;
  if( toe==MHD_CONNECTION_NOTIFY_STARTED ){
    Conn *c = calloc(1, sizeof(Conn));
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    if( c==0 || ci==0 ){
      /* not swept: then at least the library's idle timeout */
      if( bSweep ) MHD_set_connection_option(conn, MHD_CONNECTION_OPTION_TIMEOUT, (unsigned)IDLE_TIMEOUT);
      free(c);
      return;
    }
    c->fd = ci->connect_fd;
    c->pCache = conn_cache_new();
    c->iWorker = worker_id();
    c->pMhd = conn;
    c->nIdle = bSweep ? 0 : IDLE_TIMEOUT;  /* the daemon's default (MHD_OPTION_CONNECTION_TIMEOUT) */
    c->eState = CONN_HEADERS;
    c->tDeadline = now_ms() + (long long)nHeaderTimeout*1000;
    pthread_mutex_lock(&connMutex);
    c->pNext = pConnList;
    if( pConnList ) pConnList->pPrev = c;
    pConnList = c;
    pthread_mutex_unlock(&connMutex);
    *socket_context = c;
  }else if( toe==MHD_CONNECTION_NOTIFY_CLOSED && *socket_context ){
    Conn *c = *socket_context;
    pthread_mutex_lock(&connMutex);
    if( c->pPrev ) c->pPrev->pNext = c->pNext; else pConnList = c->pNext;
    if( c->pNext ) c->pNext->pPrev = c->pPrev;
    pthread_mutex_unlock(&connMutex);
    conn_cache_free(c->pCache);
    free(c);
    *socket_context = 0;
  }
}

static void request_done(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe){
  (void)cls; (void)conn;
  Req *r = *con_cls;
  if( r==0 ) return;
  /* A kept-alive connection waits for its next request, complete within
  ** IDLE_TIMEOUT: watched by the sweep, which moves the deadline on while
  ** the worker is busy, not by libmicrohttpd's idle timeout, which would
  ** not (see "Idle connections"). The library ends a connection's request
  ** before it closes it, so on success the connection is still open. */
  conn_state(r->pConnState, CONN_HEADERS, now_ms() + (long long)IDLE_TIMEOUT*1000);
  if( toe==MHD_REQUEST_TERMINATED_COMPLETED_OK ) conn_idle_set(r->pConnState, 0);
  ctx_unit_abandon(&r->ctx);
  if( !bQuiet ){
    /* time, request id, user, method, path, status, µs, SQL statements */
    time_t t = time(0);
    struct tm tm;
    char zAt[24];
    localtime_r(&t, &tm);
    strftime(zAt, sizeof zAt, "%Y-%m-%d %H:%M:%S", &tm);
    log_line("%s %lld %s %s %s %d %lldus", zAt, (long long)r->iRequest,
             r->actor.zLogin && r->actor.zLogin[0] ? r->actor.zLogin : "-",
             r->zMethod, r->zPath, r->status, now_us()-r->tStart);
  }
  if( r->pPost ) MHD_destroy_post_processor((struct MHD_PostProcessor*)r->pPost);
  if( r->pUpload ) fclose(r->pUpload);
  if( r->zUploadPath ) unlink(r->zUploadPath);
  if( r->zSendFile ) unlink(r->zSendFile);
  if( r->iSendPipe ) close(r->iSendPipe-1);      /* not sent: its writer stops (EPIPE) */
  buf_free(&r->out);
  buf_free(&r->body);
  arena_free(&r->arena);
  free(r);
  *con_cls = 0;
}

/* libmicrohttpd's own messages (refused and broken connections) on
** stderr, at most MHD_LOG_BURST in a minute: a flood of connections must
** not become a flood of log lines. What was left out is counted in one
** line when the next minute begins. */
#define MHD_LOG_BURST 20
static void mhd_log(void *cls, const char *zFmt, va_list ap) __attribute__((format(printf, 2, 0)));
static void mhd_log(void *cls, const char *zFmt, va_list ap){
  static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
  static long long tWindow;              /* ms: start of the current minute */
  static int nShown, nSkipped;
  (void)cls;
  long long t = now_ms();
  pthread_mutex_lock(&mutex);
  if( t - tWindow >= 60000 ){
    if( nSkipped ) fprintf(stderr, "libmicrohttpd: 上一分钟另有%d条连接消息未显示\n", nSkipped);
    tWindow = t;
    nShown = nSkipped = 0;
  }
  if( nShown < MHD_LOG_BURST ){
    nShown++;
    fputs("libmicrohttpd: ", stderr);
    vfprintf(stderr, zFmt, ap);
  }else{
    nSkipped++;
  }
  pthread_mutex_unlock(&mutex);
}

void http_limits(unsigned nPerIpArg, unsigned nHeaderTimeoutArg){
  nPerIp = nPerIpArg;
  nHeaderTimeout = nHeaderTimeoutArg;
}

/* Is zName "PID-…" of a process that no longer runs (or of this one,
** which has staged nothing yet)? */
static int stage_orphan(const char *zName){
  char *zEnd = 0;
  long pid = strtol(zName, &zEnd, 10);
  if( zEnd==zName || *zEnd!='-' || pid<=0 ) return 0;
  if( pid==(long)getpid() ) return 1;
  return kill((pid_t)pid, 0)!=0 && errno==ESRCH;
}

/* Makes the staging folder and empties it of what crashed servers left:
** beside a SQLite database F it is "F.uploads"; for PostgreSQL (several
** servers, any database) "$TMPDIR/fazhi-UID" (default /tmp). Mode 0700,
** owned by this user and not a symbolic link, or the server refuses to
** start (in a shared /tmp another user could have made it first). Files
** are named after the pid of the server that made them; those of servers
** still running (another server on the same database) are kept. Returns
** 0, or 1 after printing why. */
static int stage_init(const char *zDb){
  if( store_is_shared(zDb) ){
    const char *zTmp = getenv("TMPDIR");
    snprintf(zStageDir, sizeof zStageDir, "%s/fazhi-%ld", zTmp && zTmp[0] ? zTmp : "/tmp", (long)geteuid());
  }else{
    snprintf(zStageDir, sizeof zStageDir, "%s.uploads", zDb);
  }
  if( mkdir(zStageDir, 0700)!=0 && errno!=EEXIST ){
    fprintf(stderr, "无法创建临时文件夹“%s”：%s\n", zStageDir, strerror(errno));
    return 1;
  }
  struct stat st;
  if( lstat(zStageDir, &st)!=0 || !S_ISDIR(st.st_mode) || st.st_uid!=geteuid() ){
    fprintf(stderr, "临时文件夹“%s”不是本用户的文件夹（或是符号链接），为保护上传的数据，拒绝启动；请删除它后重试\n", zStageDir);
    return 1;
  }
  if( (st.st_mode & 077)!=0 && chmod(zStageDir, 0700)!=0 ){
    fprintf(stderr, "无法将临时文件夹“%s”设为仅本用户可访问：%s\n", zStageDir, strerror(errno));
    return 1;
  }
  DIR *d = opendir(zStageDir);
  if( d==0 ){
    fprintf(stderr, "无法读取临时文件夹“%s”：%s\n", zStageDir, strerror(errno));
    return 1;
  }
  int nLeft = 0;
  for(struct dirent *e; (e = readdir(d))!=0; ){
    if( !stage_orphan(e->d_name) ) continue;
    if( unlinkat(dirfd(d), e->d_name, 0)==0 ) nLeft++;
  }
  closedir(d);
  if( nLeft ) fprintf(stderr, "已删除上次异常退出时遗留的%d个临时文件（%s）\n", nLeft, zStageDir);
  return 0;
}

int http_serve(const char *zDb, const char *zListen, int nThreads){
  struct sockaddr_in sa;
  char zHost[64] = "127.0.0.1";
  int port = 8080;
  const char *zColon = strrchr(zListen, ':');
  if( zColon ){
    size_t n = (size_t)(zColon-zListen);
    if( n>0 && n<sizeof zHost ){ memcpy(zHost, zListen, n); zHost[n] = 0; }
    port = atoi(zColon+1);
  }else{
    port = atoi(zListen);
  }
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons((uint16_t)port);
  if( port<=0 || port>65535 || inet_pton(AF_INET, zHost, &sa.sin_addr)!=1 ){
    fprintf(stderr, "监听地址无效：“%s”（应为 IP:端口，如 127.0.0.1:8080）\n", zListen);
    return 1;
  }
  zDbTarget = zDb;
  bQuiet = getenv("FAZHI_QUIET")!=0;
  bSweep = nHeaderTimeout>0;
  Db *pProbe = http_thread_db();           /* fail early if the database cannot be opened */
  if( pProbe==0 ) return 1;
  if( stage_init(zDb) ) return 1;
  /* Room for MAX_CONNECTIONS sockets besides the database files: the
  ** soft limit on open files is raised to the hard one (often 1024 → 4096+). */
  struct rlimit rl;
  if( getrlimit(RLIMIT_NOFILE, &rl)==0 && rl.rlim_cur<rl.rlim_max ){
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
  }
  long nCpu = nThreads>0 ? nThreads : sysconf(_SC_NPROCESSORS_ONLN);
  if( nCpu<1 ) nCpu = 1;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, 0);     /* worker threads inherit the mask */
  signal(SIGPIPE, SIG_IGN);
  /* One thread: the internal polling thread alone, no pool (libmicrohttpd
  ** warns about a pool of 1 or 0); else a pool of nCpu. */
  struct MHD_OptionItem aPool[] = {
    { nCpu>1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, (intptr_t)nCpu, 0 },
    { MHD_OPTION_END, 0, 0 },
  };
  struct MHD_Daemon *d = MHD_start_daemon(
      MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG, (uint16_t)port, 0, 0,
      access_handler, 0,
      MHD_OPTION_EXTERNAL_LOGGER, mhd_log, (void*)0,
      MHD_OPTION_SOCK_ADDR, (struct sockaddr*)&sa,
      MHD_OPTION_ARRAY, aPool,
      MHD_OPTION_NOTIFY_COMPLETED, request_done, (void*)0,
      MHD_OPTION_NOTIFY_CONNECTION, conn_notify, (void*)0,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)(bSweep ? 0 : IDLE_TIMEOUT),   /* see conn_idle_set */
      MHD_OPTION_CONNECTION_LIMIT, (unsigned int)MAX_CONNECTIONS,
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, nPerIp,
      MHD_OPTION_END);
  if( d==0 ){
    fprintf(stderr, "无法在 %s 上启动服务（端口被占用？）\n", zListen);
    return 1;
  }
  if( !bQuiet ) log_start(stderr);
  fprintf(stdout, "fazhi 已启动：http://%s:%d/  (Ctrl-C 停止)\n", zHost, port);
  fflush(stdout);
  /* Wait for SIGINT/SIGTERM, sweeping slow connections every second. */
  struct timespec tick = { 1, 0 };
  while( sigtimedwait(&set, 0, &tick)<0 ) conn_sweep();
  MHD_stop_daemon(d);
  log_stop();
  fprintf(stdout, "fazhi 已停止\n");
  return 0;
}
