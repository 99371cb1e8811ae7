/*
** src/base/progress.c — counts of long work, shown as it goes (progress.h).
*/
#include "base/progress.h"
#include <string.h>
#include <time.h>
#include <pthread.h>

#define SLOTS 32
#define KEEP_DONE 600.0          /* seconds an ended progress can still be read */

typedef struct Slot {
  char zKey[41];
  long long iOwner;
  ProgressSnap s;
  double tEnd;                   /* monotonic seconds it ended; 0 while running */
  int bUsed;
} Slot;
static Slot aSlot[SLOTS];
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static double now(void){
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec/1e9;
}

double progress_elapsed(const Progress *p){ return now() - p->tStart; }

void progress_start(Progress *p, void (*xShow)(Progress*), void *pArg){
  memset(p, 0, sizeof *p);
  p->xShow = xShow;
  p->pArg = pArg;
  p->tStart = p->tLast = now();
}

/* The shared copy of p's counts. */
static void publish(Progress *p){
  if( p->iSlot==0 ) return;
  pthread_mutex_lock(&mu);
  Slot *s = &aSlot[p->iSlot-1];
  s->s.nRead = p->nRead;
  s->s.nChecked = p->nChecked;
  s->s.nWritten = p->nWritten;
  s->s.bDone = p->bDone;
  s->s.tElapsed = now() - p->tStart;
  if( p->bDone ) s->tEnd = now();
  pthread_mutex_unlock(&mu);
}

void progress_tick(Progress *p){
  if( p==0 || ++p->nTick<64 ) return;
  p->nTick = 0;
  double t = now();
  if( t - p->tLast < 0.2 ) return;
  p->tLast = t;
  publish(p);
  if( p->xShow ) p->xShow(p);
}

void progress_end(Progress *p){
  if( p==0 || p->bDone ) return;
  p->bDone = 1;
  publish(p);
  if( p->xShow ) p->xShow(p);
}

static int key_ok(const char *z){
  size_t n = z ? strlen(z) : 0;
  if( n<16 || n>40 ) return 0;
  return strspn(z, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-")==n;
}

int progress_share(Progress *p, const char *zKey, long long iOwner){
  if( !key_ok(zKey) ) return 1;
  double t = now();
  pthread_mutex_lock(&mu);
  int iFree = -1, iOld = -1;
  for(int i=0; i<SLOTS; i++){
    Slot *s = &aSlot[i];
    if( s->bUsed && strcmp(s->zKey, zKey)==0 ){ iFree = i; break; }   /* the same key again: reused */
    if( !s->bUsed || (s->tEnd>0 && t - s->tEnd > KEEP_DONE) ){ if( iFree<0 ) iFree = i; continue; }
    if( s->tEnd>0 && (iOld<0 || s->tEnd < aSlot[iOld].tEnd) ) iOld = i;
  }
  if( iFree<0 ) iFree = iOld;          /* all running or recent: the oldest ended one goes */
  if( iFree>=0 ){
    Slot *s = &aSlot[iFree];
    memset(s, 0, sizeof *s);
    memcpy(s->zKey, zKey, strlen(zKey)+1);
    s->iOwner = iOwner;
    s->bUsed = 1;
  }
  pthread_mutex_unlock(&mu);
  p->iSlot = iFree + 1;                /* 0: 32 imports at once, none ended: not shared */
  publish(p);
  return 0;
}

int progress_peek(const char *zKey, long long iOwner, ProgressSnap *pOut){
  int bFound = 0;
  if( !key_ok(zKey) ) return 0;
  pthread_mutex_lock(&mu);
  for(int i=0; i<SLOTS && !bFound; i++){
    Slot *s = &aSlot[i];
    if( s->bUsed && s->iOwner==iOwner && strcmp(s->zKey, zKey)==0 ){ *pOut = s->s; bFound = 1; }
  }
  pthread_mutex_unlock(&mu);
  return bFound;
}
