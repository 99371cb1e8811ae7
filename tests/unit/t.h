/*
** tests/unit/t.h — the unit-test harness: no framework, one header.
**
** A test file defines static test functions, a table aTest[] of
** { "name", fn } and main() calling t_main(). T_CHECK and friends record
** failures with file:line and keep going; t_main() runs every test (or only
** the one named on the command line) and ends with "N passed, N failed".
*/
#ifndef FZ_T_H
#define FZ_T_H
#include <stdio.h>
#include <string.h>

typedef struct TestCase { const char *zName; void (*xTest)(void); } TestCase;

static int t_nFail;      /* failed checks in the current test */

static inline void t_check(int c, const char *zExpr, const char *zFile, int iLine){
  if( !c ){ t_nFail++; fprintf(stderr, "  FAIL %s:%d: %s\n", zFile, iLine, zExpr); }
}
static inline void t_eq_int(long long a, long long b, const char *zExpr,
                            const char *zFile, int iLine){
  if( a!=b ){
    t_nFail++;
    fprintf(stderr, "  FAIL %s:%d: %s == %lld, expected %lld\n", zFile, iLine, zExpr, a, b);
  }
}
static inline void t_eq_str(const char *a, const char *b, const char *zExpr,
                            const char *zFile, int iLine){
  if( a==0 || b==0 || strcmp(a,b)!=0 ){
    t_nFail++;
    fprintf(stderr, "  FAIL %s:%d: %s == \"%s\", expected \"%s\"\n", zFile, iLine,
            zExpr, a ? a : "(null)", b ? b : "(null)");
  }
}
#define T_CHECK(c)      t_check(!!(c), #c, __FILE__, __LINE__)
#define T_EQ_INT(a,b)   t_eq_int((long long)(a), (long long)(b), #a, __FILE__, __LINE__)
#define T_EQ_STR(a,b)   t_eq_str((a), (b), #a, __FILE__, __LINE__)
#define T_COUNT(a)      ((int)(sizeof(a)/sizeof((a)[0])))

#ifdef FZ_DB_H
/* The database a test opens, empty: FZ_TEST_PG (a PostgreSQL conninfo;
** its public schema is dropped and made again) or the SQLite file zFile
** (deleted first). The same tests thus run on both backends. */
#include <stdlib.h>
#include <unistd.h>
static inline const char *t_db_target(const char *zFile){
  const char *zPg = getenv("FZ_TEST_PG");
  if( zPg==0 || zPg[0]==0 ){ unlink(zFile); return zFile; }
  /* the audit chain's key (a SQLite file's is beside it); every chain
  ** here starts at entry 1, so one key file serves them all */
  setenv("FAZHI_KEY_FILE", "/tmp/fazhi-unit-pg.key", 0);
  char zErr[300];
  Db *p = db_open(zPg, 0, zErr, sizeof zErr);
  if( p==0 ){ fprintf(stderr, "  %s\n", zErr); exit(1); }
  if( db_exec(p, "DROP SCHEMA public CASCADE; CREATE SCHEMA public") ){
    fprintf(stderr, "  %s\n", db_errmsg(p));
    exit(1);
  }
  db_close(p);
  return zPg;
}
#endif

static inline int t_main(int argc, char **argv, const TestCase *aTest, int nTest){
  int nPass = 0, nFailed = 0;
  for(int i=0; i<nTest; i++){
    if( argc>1 && strcmp(argv[1], aTest[i].zName)!=0 ) continue;
    t_nFail = 0;
    aTest[i].xTest();
    if( t_nFail ){ nFailed++; fprintf(stderr, "FAIL %s\n", aTest[i].zName); }
    else { nPass++; }
  }
  printf("%d passed, %d failed\n", nPass, nFailed);
  return nFailed ? 1 : 0;
}
#endif
