/*
** src/io/stream.c — reading a file on a second thread, rows handed over as
** they are parsed (see io_stream_open in table.h).
**
** The reader thread runs the ordinary io_read_file() into a table whose
** pStream points here; the row builder (io_table_add_row in csv.c) takes
** the lock around each new row, because growing aRow may move it. Cell
** text and cell arrays never move once written, so a copied IoRow stays
** valid until the table is freed, which only io_stream_close() does.
*/
#include "io/table.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct IoStream {
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  IoTable t;               /* filled by the reader; aRow/nRow under mu */
  char *zPath;
  int bDone;               /* the reader has returned */
  int rc;                  /* what io_read_file returned */
  int bWaiting;            /* the consumer sleeps on cv */
  char zErr[300];
};

/* The stream this thread reads for: the readers start with
** io_table_reset(), which ties the table to it, so io_read_file() needs
** no stream parameter. */
static _Thread_local IoStream *pThreadStream;
IoStream *io_stream_of_thread(void){ return pThreadStream; }

static void *stream_reader(void *pArg){
  IoStream *s = pArg;
  char zErr[sizeof s->zErr];
  pThreadStream = s;
  int rc = io_read_file(s->zPath, &s->t, zErr, sizeof zErr);
  pThreadStream = 0;
  pthread_mutex_lock(&s->mu);
  s->rc = rc;
  memcpy(s->zErr, zErr, sizeof zErr);
  s->bDone = 1;
  pthread_cond_signal(&s->cv);
  pthread_mutex_unlock(&s->mu);
  return 0;
}

IoStream *io_stream_open(const char *zPath){
  IoStream *s = calloc(1, sizeof *s);
  if( s==0 ) abort();
  s->zPath = strdup(zPath);
  if( s->zPath==0 ) abort();
  pthread_mutex_init(&s->mu, 0);
  pthread_cond_init(&s->cv, 0);
  if( pthread_create(&s->thread, 0, stream_reader, s)!=0 ){
    stream_reader(s);          /* no thread to be had: read right here */
    s->thread = pthread_self();
  }
  return s;
}

void io_stream_lock(IoStream *s){
  pthread_mutex_lock(&s->mu);
}

void io_stream_unlock(IoStream *s){
  if( s->bWaiting ) pthread_cond_signal(&s->cv);
  pthread_mutex_unlock(&s->mu);
}

int io_stream_row(IoStream *s, int i, IoRow *pRow){
  int bHave;
  pthread_mutex_lock(&s->mu);
  while( i>=s->t.nRow && !s->bDone ){
    s->bWaiting = 1;
    pthread_cond_wait(&s->cv, &s->mu);
    s->bWaiting = 0;
  }
  bHave = i<s->t.nRow;         /* also after a failure: the same rows whatever the timing */
  if( bHave ) *pRow = s->t.aRow[i];
  pthread_mutex_unlock(&s->mu);
  return bHave;
}

int io_stream_count(IoStream *s){
  pthread_mutex_lock(&s->mu);
  int n = s->t.nRow;
  pthread_mutex_unlock(&s->mu);
  return n;
}

int io_stream_close(IoStream *s, IoTable *pT, char *zErr, int nErr){
  if( !pthread_equal(s->thread, pthread_self()) ) pthread_join(s->thread, 0);
  int rc = s->rc;
  s->t.pStream = 0;
  if( rc && zErr && nErr>0 ) io_err(zErr, nErr, "%s", s->zErr);
  if( rc==0 && pT ){
    *pT = s->t;
  }else{
    io_table_free(&s->t);
    if( pT ) memset(pT, 0, sizeof *pT);
  }
  pthread_cond_destroy(&s->cv);
  pthread_mutex_destroy(&s->mu);
  free(s->zPath);
  free(s);
  return rc;
}
