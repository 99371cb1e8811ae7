/*
** bench/trivial.c — the baseline for fazhi's request rate: libmicrohttpd
** with the same daemon setup as src/http/server.c (epoll internal thread,
** a pool of 2 threads, keep-alive, same timeout and connection limit) and
** a handler that does no work: it answers every request, on the second call
** of the access handler as fazhi does, with a fixed JSON body about the size
** of one 办件 record and fazhi's security headers.
**
**   trivial 127.0.0.1:PORT        runs until SIGINT/SIGTERM
*/
#include <microhttpd.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

static const char zBody[] =
  "{\"id\":123456,\"kind\":\"service_case\",\"dept_id\":4,\"dept\":\"示范县市场监督管理局\","
  "\"state\":\"finished\",\"state_label\":\"已办结\",\"created_at\":\"2026-11-23\",\"updated_at\":\"2026-11-23\","
  "\"fields\":{\"case_no\":\"BX20240102000001\",\"item_id\":42,\"item_id_label\":\"食品经营许可（新办）\","
  "\"applicant\":\"王某芳\",\"channel\":\"online\",\"channel_label\":\"线上\",\"received\":\"2024-01-02\","
  "\"limit_days\":3,\"finished\":\"2024-01-04\",\"rating\":\"very_good\",\"rating_label\":\"非常满意\"}}";
static int marker;

static enum MHD_Result handler(void *cls, struct MHD_Connection *conn, const char *url,
                               const char *method, const char *version,
                               const char *upload_data, size_t *upload_data_size, void **con_cls){
  (void)cls; (void)url; (void)method; (void)version; (void)upload_data;
  if( *con_cls==0 ){ *con_cls = &marker; return MHD_YES; }    /* first call: headers only */
  if( *upload_data_size ){ *upload_data_size = 0; return MHD_YES; }
  struct MHD_Response *r = MHD_create_response_from_buffer(sizeof zBody - 1, (void*)zBody, MHD_RESPMEM_PERSISTENT);
  MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Cache-Control", "no-store");
  enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_OK, r);
  MHD_destroy_response(r);
  return ret;
}

static void done(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t){
  (void)cls; (void)c; (void)t;
  *con_cls = 0;
}

int main(int argc, char **argv){
  if( argc!=2 ){ fprintf(stderr, "usage: trivial 127.0.0.1:PORT\n"); return 2; }
  char zHost[64];
  const char *zColon = strrchr(argv[1], ':');
  if( zColon==0 || (size_t)(zColon-argv[1])>=sizeof zHost ){ fprintf(stderr, "trivial: bad address\n"); return 2; }
  memcpy(zHost, argv[1], (size_t)(zColon-argv[1]));
  zHost[zColon-argv[1]] = 0;
  struct sockaddr_in sa;
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons((uint16_t)atoi(zColon+1));
  if( inet_pton(AF_INET, zHost, &sa.sin_addr)!=1 ){ fprintf(stderr, "trivial: bad address\n"); return 2; }
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, 0);
  signal(SIGPIPE, SIG_IGN);
  struct MHD_Daemon *d = MHD_start_daemon(
      MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG, ntohs(sa.sin_port), 0, 0, handler, 0,
      MHD_OPTION_SOCK_ADDR, (struct sockaddr*)&sa,
      MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)2,
      MHD_OPTION_NOTIFY_COMPLETED, done, (void*)0,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
      MHD_OPTION_CONNECTION_LIMIT, (unsigned int)1000,
      MHD_OPTION_END);
  if( d==0 ){ fprintf(stderr, "trivial: cannot listen on %s\n", argv[1]); return 1; }
  printf("trivial listening on %s\n", argv[1]);
  fflush(stdout);
  int sig = 0;
  sigwait(&set, &sig);
  MHD_stop_daemon(d);
  return 0;
}
