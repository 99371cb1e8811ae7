/*
** bench/recget.c — the database half of one record-detail request, without
** HTTP: fazhi's rec_get() against the plainest SQLite lookup of the same row
** and its department name, and which of fazhi's cached statements SQLite
** had to re-prepare while doing it.
**
**   recget DB LOGIN [N]
**
** N (default 100000) random 办件 ids, the same sequence for both loops, as
** LOGIN (whose department scope rec_get applies). Prints µs per lookup for
** each, then every statement on fazhi's connection whose re-prepare count
** is not zero (SQLITE_STMTSTATUS_REPREPARE / _RUN): a statement cache only
** helps when that count stays at zero.
*/
#include "app/app.h"
#include "auth/auth.h"
#include "engine/record.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec/1e9;
}

int main(int argc, char **argv){
  if( argc<3 ){ fprintf(stderr, "usage: recget DB LOGIN [N]\n"); return 2; }
  int n = argc>3 ? atoi(argv[3]) : 100000;
  if( n<1 ) n = 1;
  Db *p = app_open(argv[1], 0);
  if( p==0 ) return 1;
  const Kind *k = kind_find("service_case");
  Stmt q;
  i64 iUser = 0, nMax = 0;
  if( db_prepare(p, &q, "SELECT id FROM users WHERE login=?1") ) return 1;
  db_bind_text(&q, 1, argv[2]);
  if( db_step(&q)==DB_ROW ) iUser = db_column_int64(&q, 0);
  db_finalize(&q);
  if( db_prepare(p, &q, "SELECT max(id) FROM service_case") ) return 1;
  if( db_step(&q)==DB_ROW ) nMax = db_column_int64(&q, 0);
  sqlite3 *db = sqlite3_db_handle((sqlite3_stmt*)q.pStmt);
  db_finalize(&q);
  Arena main;
  arena_init(&main);
  Actor act;
  if( iUser==0 || nMax==0 || actor_load(p, &main, iUser, &act) ){
    fprintf(stderr, "recget: no user %s or no 办件 in %s\n", argv[2], argv[1]);
    return 1;
  }
  i64 *aId = malloc(sizeof(i64)*(size_t)n);
  unsigned long long s = 88172645463325252ull;
  for(int i=0; i<n; i++){ s ^= s<<13; s ^= s>>7; s ^= s<<17; aId[i] = 1 + (i64)(s % (unsigned long long)nMax); }

  /* fazhi: rec_get (scope check + row + department name) */
  int nFound = 0;
  double t0 = now_s();
  for(int i=0; i<n; i++){
    Arena a;
    arena_init(&a);
    Ctx c;
    ctx_init(&c, p, &a, &act);
    Rec *r;
    if( rec_get(&c, k, aId[i], &r)==FZ_OK ) nFound++;
    arena_free(&a);
  }
  double tFazhi = now_s() - t0;

  /* baseline: the same row and the department name, two prepared statements */
  sqlite3 *raw;
  if( sqlite3_open_v2(argv[1], &raw, SQLITE_OPEN_READONLY, 0)!=SQLITE_OK ) return 1;
  char zSql[1000];
  int m = snprintf(zSql, sizeof zSql, "SELECT id, dept_id, state, created_at, updated_at");
  for(const Field *f=k->aField; f->zName; f++) m += snprintf(zSql+m, sizeof zSql-(size_t)m, ", %s", f->zName);
  snprintf(zSql+m, sizeof zSql-(size_t)m, " FROM service_case WHERE id=?1");
  sqlite3_stmt *qRow, *qDept;
  sqlite3_prepare_v2(raw, zSql, -1, &qRow, 0);
  sqlite3_prepare_v2(raw, "SELECT name FROM dept WHERE id=?1", -1, &qDept, 0);
  int nRaw = 0;
  size_t nBytes = 0;
  t0 = now_s();
  for(int i=0; i<n; i++){
    sqlite3_bind_int64(qRow, 1, aId[i]);
    if( sqlite3_step(qRow)==SQLITE_ROW ){
      for(int j=0; j<sqlite3_column_count(qRow); j++){
        const unsigned char *z = sqlite3_column_text(qRow, j);
        if( z ) nBytes += strlen((const char*)z);
      }
      sqlite3_bind_int64(qDept, 1, sqlite3_column_int64(qRow, 1));
      if( sqlite3_step(qDept)==SQLITE_ROW ) nBytes += (size_t)sqlite3_column_bytes(qDept, 0);
      sqlite3_reset(qDept);
      nRaw++;
    }
    sqlite3_reset(qRow);
  }
  double tRaw = now_s() - t0;
  sqlite3_finalize(qRow);
  sqlite3_finalize(qDept);
  sqlite3_close(raw);

  printf("recget_fazhi_us %.2f\nrecget_raw_us %.2f\nrecget_ratio %.2f\nrecget_found %d/%d (raw %d)\n",
         tFazhi*1e6/n, tRaw*1e6/n, tRaw/tFazhi, nFound, n, nRaw);
  for(sqlite3_stmt *x=sqlite3_next_stmt(db, 0); x; x=sqlite3_next_stmt(db, x)){
    int nRe = sqlite3_stmt_status(x, SQLITE_STMTSTATUS_REPREPARE, 0);
    int nRun = sqlite3_stmt_status(x, SQLITE_STMTSTATUS_RUN, 0);
    if( nRe>0 ) printf("reprepared %d of %d runs: %.200s\n", nRe, nRun, sqlite3_sql(x));
  }
  free(aId);
  arena_free(&main);
  db_close(p);
  return 0;
}
