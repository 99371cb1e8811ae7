/*
** bench/ind.c — time ind_compute() for every declared indicator of one
** year, as the dashboard does, without HTTP in between.
**
**   ind DB YEAR [REPS] [DEPT] [KIND]
**
** Besides each indicator's best, prints "ind_kind_best_s KIND S": per kind,
** the best over the REPS runs of that kind's indicators together, and
** "ind_kind_cpu_s KIND S", the same in this process's CPU time (less moved
** by other processes on a shared machine); bench/custom.sh compares two
** kinds this way.
**
** DEPT (a department id, e.g. one county's root in a province database)
** limits every indicator to that subtree; 0 or absent: everything.
** KIND: only that kind's indicators (e.g. for `perf stat` of one kind).
** Runs the whole set REPS times (default 3) on one connection, as the
** command-line actor (whole county in scope), and prints each indicator's
** best time, its numerator/denominator, and the best and worst total.
** Linked against fazhi's library objects (build/src minus main.o).
*/
#include "app/app.h"
#include "engine/query.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec/1e9;
}
static double cpu_s(void){
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec/1e9;
}

int main(int argc, char **argv){
  if( argc<3 ){ fprintf(stderr, "usage: ind DB YEAR [REPS] [DEPT] [KIND]\n"); return 2; }
  const char *zOnly = argc>5 ? argv[5] : 0;
  long long iDept = argc>4 ? atoll(argv[4]) : 0;
  int iYear = atoi(argv[2]);
  int nRep = argc>3 ? atoi(argv[3]) : 3;
  if( nRep<1 ) nRep = 1;
  Db *p = app_open(argv[1], 0);
  if( p==0 ) return 1;
  Actor act;
  app_cli_actor(p, &act);
  int nInd = 0;
  for(int i=0; i<kind_count(); i++){
    const Kind *k = kind_at(i);
    if( zOnly && strcmp(k->zName, zOnly)!=0 ) continue;
    if( k->aIndicator ) for(const Indicator *x=k->aIndicator; x->zName; x++) nInd++;
  }
  double *aBest = calloc((size_t)nInd, sizeof(double));
  double *aKindBest = calloc((size_t)kind_count(), sizeof(double));
  double *aKindCpu = calloc((size_t)kind_count(), sizeof(double));
  IndValue *aVal = calloc((size_t)nInd, sizeof(IndValue));
  double best = 1e9, worst = 0;
  for(int r=0; r<nRep; r++){
    Arena a;
    arena_init(&a);
    Ctx c;
    ctx_init(&c, p, &a, &act);
    double t0 = now_s();
    int n = 0;
    for(int i=0; i<kind_count(); i++){
      const Kind *k = kind_at(i);
      if( k->aIndicator==0 || (zOnly && strcmp(k->zName, zOnly)!=0) ) continue;
      double tKind = now_s(), tCpu = cpu_s();
      for(const Indicator *x=k->aIndicator; x->zName; x++, n++){
        double t = now_s();
        if( ind_compute(&c, k, x, kind_year_field(k) ? iYear : 0, iDept, &aVal[n]) ){
          fprintf(stderr, "ind: %s.%s failed: %s\n", k->zName, x->zName, c.zInternal);
          return 1;
        }
        t = now_s() - t;
        if( r==0 || t<aBest[n] ) aBest[n] = t;
      }
      tKind = now_s() - tKind;
      tCpu = cpu_s() - tCpu;
      if( r==0 || tKind<aKindBest[i] ) aKindBest[i] = tKind;
      if( r==0 || tCpu<aKindCpu[i] ) aKindCpu[i] = tCpu;
    }
    double tAll = now_s() - t0;
    if( tAll<best ) best = tAll;
    if( tAll>worst ) worst = tAll;
    arena_free(&a);
  }
  printf("%-18s %-22s %10s %12s %12s  %s\n", "kind", "indicator", "best_ms", "numerator", "denominator", "value");
  for(int i=0; i<nInd; i++){
    IndValue *v = &aVal[i];
    printf("%-18s %-22s %10.1f %12lld %12lld  %s\n", v->pKind->zName, v->pInd->zName, aBest[i]*1e3,
           v->num, v->den, v->zText);
  }
  for(int i=0; i<kind_count(); i++){
    if( kind_at(i)->aIndicator && (!zOnly || strcmp(kind_at(i)->zName, zOnly)==0) ) printf("ind_kind_best_s %s %.3f\nind_kind_cpu_s %s %.3f\n",
                                        kind_at(i)->zName, aKindBest[i], kind_at(i)->zName, aKindCpu[i]);
  }
  printf("ind_total_best_s %.3f\nind_total_worst_s %.3f\nind_count %d\n", best, worst, nInd);
  free(aBest);
  free(aKindBest);
  free(aKindCpu);
  free(aVal);
  db_close(p);
  return 0;
}
