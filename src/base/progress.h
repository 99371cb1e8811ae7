/*
** src/base/progress.h — the counts of long work as it goes (an import's
** rows read, checked and written; a migration's records), shown while it
** runs: on the command line (app/cli.c's progress line) or to a browser
** that polls for them (the import page; progress_share below).
**
** The worker updates the counts in place and calls progress_tick() as
** often as it likes: the clock is read once every 64 calls and xShow runs
** at most every 200 ms, so a tick costs a few instructions per row.
*/
#ifndef FZ_PROGRESS_H
#define FZ_PROGRESS_H

typedef struct Progress Progress;
struct Progress {
  long long nRead;         /* rows (records) read so far */
  long long nChecked;      /* …of which checked */
  long long nWritten;      /* …and written (in a transaction that may still roll back) */
  int bDone;               /* progress_end has run */
  void (*xShow)(Progress*);/* shows the counts (NULL: nothing): a tick now and then, and the end */
  void *pArg;              /* xShow's own */
  /* private */
  unsigned nTick;          /* ticks since the clock was last read */
  double tStart, tLast;    /* monotonic seconds: the start, the last xShow */
  int iSlot;               /* the shared slot (progress_share) + 1; 0 none */
};

/* Counts to zero, the clock started, xShow (may be NULL) kept. */
void progress_start(Progress*, void (*xShow)(Progress*), void *pArg);
void progress_tick(Progress*);
/* The work has ended: bDone set, xShow run a last time, the shared slot
** (if any) kept a while for a last poll. */
void progress_end(Progress*);
double progress_elapsed(const Progress*);   /* seconds since progress_start */

/* A progress other requests may read (the browser polls while its import
** runs): zKey is the page's random key (16..40 of [0-9A-Za-z_-]), iOwner
** the user it belongs to, who alone may read it. Returns 0, or 1 when the
** key is not such a key (the progress is then not shared). Shared counts
** live in a small process-wide table under a mutex (the one mutable global
** here: one server's requests only); an ended one stays 10 minutes. */
int progress_share(Progress*, const char *zKey, long long iOwner);
typedef struct ProgressSnap { long long nRead, nChecked, nWritten; int bDone; double tElapsed; } ProgressSnap;
/* The shared counts of zKey if iOwner's: 1 and *pOut, else 0. */
int progress_peek(const char *zKey, long long iOwner, ProgressSnap *pOut);
#endif
