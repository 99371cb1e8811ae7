/*
** src/base/log.c — buffered access log (see log.h). Lines are appended to
** a shared buffer; a flusher thread writes it out twice a second. A full
** buffer (1 MiB) is written by the appending thread itself, so nothing is
** ever dropped.
*/
#include "base/log.h"
#include <pthread.h>
#include <string.h>
#include <stdarg.h>
#include <unistd.h>
#include <stdlib.h>

#define LOG_CAP (1u<<20)

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static char *zBuf;
static size_t nBuf;
static FILE *pOut;
static pthread_t flusher;
static volatile int bRun;

static void flush_locked(void){
  if( nBuf && pOut ){ fwrite(zBuf, 1, nBuf, pOut); fflush(pOut); }
  nBuf = 0;
}

static void *flush_loop(void *p){
  (void)p;
  while( bRun ){
    usleep(500000);
    pthread_mutex_lock(&mu);
    flush_locked();
    pthread_mutex_unlock(&mu);
  }
  return 0;
}

void log_start(FILE *f){
  pOut = f;
  zBuf = fz_malloc(LOG_CAP);
  bRun = 1;
  if( pthread_create(&flusher, 0, flush_loop, 0) ) bRun = 0;
}

void log_line(const char *zFmt, ...){
  char z[1024];
  va_list ap;
  va_start(ap, zFmt);
  int n = vsnprintf(z, sizeof z - 1, zFmt, ap);
  va_end(ap);
  if( n<0 ) return;
  if( (size_t)n > sizeof z - 2 ) n = (int)sizeof z - 2;
  /* a decoded URL may carry %0A: one request stays one line */
  for(int i=0; i<n; i++) if( (unsigned char)z[i] < 0x20 ) z[i] = '?';
  z[n++] = '\n';
  pthread_mutex_lock(&mu);
  if( zBuf==0 ){                 /* not started: write through */
    if( pOut ) fwrite(z, 1, (size_t)n, pOut);
  }else{
    if( nBuf + (size_t)n > LOG_CAP ) flush_locked();
    memcpy(zBuf + nBuf, z, (size_t)n);
    nBuf += (size_t)n;
  }
  pthread_mutex_unlock(&mu);
}

void log_stop(void){
  if( bRun ){ bRun = 0; pthread_join(flusher, 0); }
  pthread_mutex_lock(&mu);
  flush_locked();
  free(zBuf);
  zBuf = 0;
  pthread_mutex_unlock(&mu);
}
