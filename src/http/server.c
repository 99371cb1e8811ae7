/*
** src/http/server.c — libmicrohttpd glue only: start the daemon, turn MHD
** calls into a Req, hand it to http_dispatch(), send the response, and log
** one line per request when it completes.
**
** Threading: epoll with a pool of one thread per core; each thread opens
** its own database connection on first use. The access handler answers on
** its second call, never the first (keep-alive depends on it).
*/
#include "http/req.h"
#include "base/log.h"
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

#define MAX_FORM_BYTES   (1u<<20)        /* urlencoded / JSON bodies */
#define MAX_UPLOAD_BYTES (200u<<20)      /* CSV / XLSX imports */

static const char *zDbTarget;            /* set once before the daemon starts */
static int bQuiet;
static atomic_llong nRequest;
static __thread Db *tDb;

Db *http_thread_db(void){
  if( tDb==0 ){
    char zErr[300];
    tDb = db_open(zDbTarget, 0, zErr, sizeof zErr);
    if( tDb==0 ) fprintf(stderr, "fazhi: %s\n", zErr);
  }
  return tDb;
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

/* A temporary file for an upload, in $TMPDIR (default /tmp). */
static FILE *upload_file(Req *r){
  const char *zDir = getenv("TMPDIR");
  char *zTmp = arena_printf(&r->arena, "%s/fazhi-upload-XXXXXX", zDir && zDir[0] ? zDir : "/tmp");
  int fd = mkstemp(zTmp);
  if( fd<0 ) return 0;
  r->zUploadPath = zTmp;
  return fdopen(fd, "w+b");
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
  return ret;
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
    r->pConnCache = sc ? sc->socket_context : 0;
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
    /* Uploads: refuse what is announced too big, and store nothing for a
    ** request its policy will refuse anyway (checked from the headers). */
    if( r->pRoute && (r->pRoute->flags & RT_UPLOAD) ){
      const char *zLen = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
      if( zLen && strtoull(zLen, 0, 10) > (unsigned long long)MAX_UPLOAD_BYTES + 65536 ) r->bTooBig = 1;
      r->ctx.pDb = http_thread_db();
      if( !http_may_upload(r) ) r->bDiscardBody = 1;
    }
    *con_cls = r;
    return MHD_YES;
  }
  if( *upload_data_size ){
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
  r->ctx.pDb = http_thread_db();
  if( r->ctx.pDb==0 ){
    r->status = 503;
    buf_puts(&r->out, "数据库不可用");
    return send_response(conn, r);
  }
  http_dispatch(r);
  return send_response(conn, r);
}

static void conn_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
                        enum MHD_ConnectionNotificationCode toe){
  (void)cls; (void)conn;
  if( toe==MHD_CONNECTION_NOTIFY_STARTED ) *socket_context = conn_cache_new();
  else if( toe==MHD_CONNECTION_NOTIFY_CLOSED ){ conn_cache_free(*socket_context); *socket_context = 0; }
}

static void request_done(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe){
  (void)cls; (void)conn; (void)toe;
  Req *r = *con_cls;
  if( r==0 ) return;
  if( r->ctx.pDb && db_in_txn(r->ctx.pDb) ) db_rollback(r->ctx.pDb);
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
  buf_free(&r->out);
  buf_free(&r->body);
  arena_free(&r->arena);
  free(r);
  *con_cls = 0;
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
  Db *pProbe = http_thread_db();           /* fail early if the database cannot be opened */
  if( pProbe==0 ) return 1;
  long nCpu = nThreads>0 ? nThreads : sysconf(_SC_NPROCESSORS_ONLN);
  if( nCpu<1 ) nCpu = 1;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, 0);     /* worker threads inherit the mask */
  signal(SIGPIPE, SIG_IGN);
  struct MHD_Daemon *d = MHD_start_daemon(
      MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG, (uint16_t)port, 0, 0,
      access_handler, 0,
      MHD_OPTION_SOCK_ADDR, (struct sockaddr*)&sa,
      MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)nCpu,
      MHD_OPTION_NOTIFY_COMPLETED, request_done, (void*)0,
      MHD_OPTION_NOTIFY_CONNECTION, conn_notify, (void*)0,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
      MHD_OPTION_CONNECTION_LIMIT, (unsigned int)1000,
      MHD_OPTION_END);
  if( d==0 ){
    fprintf(stderr, "无法在 %s 上启动服务（端口被占用？）\n", zListen);
    return 1;
  }
  if( !bQuiet ) log_start(stderr);
  fprintf(stdout, "fazhi 已启动：http://%s:%d/  (Ctrl-C 停止)\n", zHost, port);
  fflush(stdout);
  int sig = 0;
  sigwait(&set, &sig);
  MHD_stop_daemon(d);
  log_stop();
  fprintf(stdout, "fazhi 已停止\n");
  return 0;
}
