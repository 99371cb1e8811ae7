/*
** bench/raw_insert.c — the baseline for `fazhi import`: the same 办件 CSV
** written into the same table by the plainest possible loop. Links only
** libsqlite3.
**
**   raw_insert DB FILE.csv [CACHE_KIB [TABLE]]   insert every row of bench/gen.c's service_case.csv
**                                          (into TABLE: a custom kind made as a copy of 办件, bench/custom.sh)
**   raw_insert sql DB 'SELECT …' print the first row, columns joined by '|'
**   raw_insert checkpoint DB    fold the WAL into the database file
**
** What the loop does is what any importer must do at minimum: read the file,
** split rows, turn 所属部门 / 政务服务事项 / enum labels into the stored ids
** (hash maps loaded once), then one prepared INSERT per row with the same
** columns and the same explicit ids as fazhi's importer, inside a single
** transaction, with fazhi's connection pragmas (WAL, synchronous=FULL)
** and, when CACHE_KIB is given, the page cache fazhi's importer sets for
** bulk writes (PRAGMA cache_size=-CACHE_KIB).
** It skips everything else the importer does: trimming and validating each
** value, all-or-nothing error collection, and the audit entries.
** It relies on gen.c's promise that no value contains a comma or quote.
*/
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

/* Open-addressing text -> id map; keys point into sqlite-owned copies. */
typedef struct Map { int n, nSlot; char **az; long long *a; } Map;
static unsigned h_str(const char *z){
  unsigned h = 2166136261u;
  for(; *z; z++){ h ^= (unsigned char)*z; h *= 16777619u; }
  return h;
}
static void map_put(Map *m, const char *z, long long v){
  if( (m->n+1)*2 > m->nSlot ){
    Map x = { 0, m->nSlot ? m->nSlot*2 : 64, 0, 0 };
    x.az = calloc((size_t)x.nSlot, sizeof(char*));
    x.a = calloc((size_t)x.nSlot, sizeof(long long));
    for(int i=0; i<m->nSlot; i++) if( m->az[i] ) map_put(&x, m->az[i], m->a[i]);
    free(m->az); free(m->a);
    *m = x;
  }
  unsigned i = h_str(z) % (unsigned)m->nSlot;
  while( m->az[i] && strcmp(m->az[i], z)!=0 ) i = (i+1) % (unsigned)m->nSlot;
  if( m->az[i]==0 ){ m->az[i] = strdup(z); m->n++; }
  m->a[i] = v;
}
static int map_get(const Map *m, const char *z, long long *pv){
  if( m->nSlot==0 ) return 0;
  unsigned i = h_str(z) % (unsigned)m->nSlot;
  while( m->az[i] ){
    if( strcmp(m->az[i], z)==0 ){ *pv = m->a[i]; return 1; }
    i = (i+1) % (unsigned)m->nSlot;
  }
  return 0;
}
static void map_load(sqlite3 *db, Map *m, const char *zSql){
  sqlite3_stmt *q;
  if( sqlite3_prepare_v2(db, zSql, -1, &q, 0)!=SQLITE_OK ){ fprintf(stderr, "raw: %s\n", sqlite3_errmsg(db)); exit(1); }
  while( sqlite3_step(q)==SQLITE_ROW ) map_put(m, (const char*)sqlite3_column_text(q, 0), sqlite3_column_int64(q, 1));
  sqlite3_finalize(q);
}

static const char *label_id(const char *z, const char *const *az){
  for(int i=0; az[i]; i+=2) if( strcmp(z, az[i])==0 ) return az[i+1];
  return 0;
}

static sqlite3 *open_db(const char *zDb){
  sqlite3 *db;
  if( sqlite3_open_v2(zDb, &db, SQLITE_OPEN_READWRITE|SQLITE_OPEN_NOMUTEX, 0)!=SQLITE_OK ){
    fprintf(stderr, "raw: cannot open %s\n", zDb);
    exit(1);
  }
  sqlite3_busy_timeout(db, 10000);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                   " PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;", 0, 0, 0);
  return db;
}

int main(int argc, char **argv){
  if( argc==4 && strcmp(argv[1], "sql")==0 ){
    /* first row of a query, columns joined by '|' (the scripts' sqlite3 CLI) */
    sqlite3 *db = open_db(argv[2]);
    sqlite3_stmt *q;
    if( sqlite3_prepare_v2(db, argv[3], -1, &q, 0)!=SQLITE_OK ){ fprintf(stderr, "raw: %s\n", sqlite3_errmsg(db)); return 1; }
    if( sqlite3_step(q)==SQLITE_ROW ){
      for(int i=0; i<sqlite3_column_count(q); i++){
        const char *z = (const char*)sqlite3_column_text(q, i);
        printf("%s%s", i ? "|" : "", z ? z : "");
      }
      printf("\n");
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return 0;
  }
  if( argc==3 && strcmp(argv[1], "checkpoint")==0 ){
    sqlite3 *db = open_db(argv[2]);
    int rc = sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", 0, 0, 0);
    sqlite3_close(db);
    return rc!=SQLITE_OK;
  }
  if( argc<3 || argc>5 ){
    fprintf(stderr, "usage: raw_insert DB FILE.csv [CACHE_KIB [TABLE]] | sql DB SELECT | checkpoint DB\n");
    return 2;
  }
  const char *zTab = argc==5 ? argv[4] : "service_case";
  if( strspn(zTab, "abcdefghijklmnopqrstuvwxyz0123456789_")!=strlen(zTab) || strlen(zTab)>31 ){
    fprintf(stderr, "raw: table name %s is not a kind id\n", zTab);
    return 2;
  }
  char zSel[96], zIns[320];
  snprintf(zSel, sizeof zSel, "SELECT COALESCE(MAX(id),0)+1 FROM %s", zTab);
  snprintf(zIns, sizeof zIns, "INSERT INTO %s(dept_id, state, created_at, updated_at, case_no, item_id,"
           " applicant, channel, received, limit_days, finished, rating, id)"
           " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)", zTab);
  double t0 = now_s();
  sqlite3 *db = open_db(argv[1]);
  if( argc>=4 && atoi(argv[3])>0 ){
    char zPragma[64];
    snprintf(zPragma, sizeof zPragma, "PRAGMA cache_size=-%d", atoi(argv[3]));
    sqlite3_exec(db, zPragma, 0, 0, 0);
  }
  FILE *f = fopen(argv[2], "rb");
  if( f==0 ){ fprintf(stderr, "raw: cannot read %s\n", argv[2]); return 1; }
  fseek(f, 0, SEEK_END);
  long nFile = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *zFile = malloc((size_t)nFile+1);
  if( zFile==0 || fread(zFile, 1, (size_t)nFile, f)!=(size_t)nFile ){ fprintf(stderr, "raw: read failed\n"); return 1; }
  zFile[nFile] = 0;
  fclose(f);

  static const char *azState[] = { "办理中", "received", "已办结", "finished", "不予受理", "refused", 0 };
  static const char *azChannel[] = { "线上", "online", "线下", "offline", 0 };
  static const char *azRating[] = { "非常满意", "very_good", "满意", "good", "基本满意", "fair",
                                    "不满意", "bad", "非常不满意", "very_bad", 0 };
  static const char zHead[] = "所属部门,状态,办件编号,政务服务事项,申请人,受理渠道,受理日期,承诺时限（工作日）,办结日期,好差评";
  char *p = zFile;
  char *e = strchr(p, '\n');
  if( e==0 || strncmp(p, zHead, strlen(zHead))!=0 ){ fprintf(stderr, "raw: unexpected header (not gen.c's service_case.csv)\n"); return 1; }
  p = e+1;

  Map dept = { 0 }, item = { 0 };
  map_load(db, &dept, "SELECT name, id FROM dept");
  map_load(db, &item, "SELECT code, id FROM service_item");
  char zToday[11];
  {
    time_t t = time(0);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(zToday, sizeof zToday, "%Y-%m-%d", &tm);
  }
  double t1 = now_s();
  if( sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0)!=SQLITE_OK ){ fprintf(stderr, "raw: %s\n", sqlite3_errmsg(db)); return 1; }
  sqlite3_stmt *q;
  long long id = 1;
  sqlite3_prepare_v2(db, zSel, -1, &q, 0);
  if( sqlite3_step(q)==SQLITE_ROW ) id = sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  if( sqlite3_prepare_v2(db, zIns, -1, &q, 0)!=SQLITE_OK ){
    fprintf(stderr, "raw: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  long long n = 0;
  while( *p ){
    e = strchr(p, '\n');
    if( e ) *e = 0;
    if( e && e>p && e[-1]=='\r' ) e[-1] = 0;
    if( *p==0 ){ p = e ? e+1 : p; if( !e ) break; continue; }
    char *az[10];
    int nCell = 0;
    for(char *c=p; nCell<10; ){
      az[nCell++] = c;
      char *x = strchr(c, ',');
      if( x==0 ) break;
      *x = 0;
      c = x+1;
    }
    if( nCell!=10 ){ fprintf(stderr, "raw: row %lld has %d cells\n", n+2, nCell); return 1; }
    long long iDept, iItem;
    const char *zState = label_id(az[1], azState), *zChan = label_id(az[5], azChannel);
    if( !map_get(&dept, az[0], &iDept) || !map_get(&item, az[3], &iItem) || !zState || !zChan ){
      fprintf(stderr, "raw: row %lld: unknown department, item or label\n", n+2);
      return 1;
    }
    sqlite3_bind_int64(q, 1, iDept);
    sqlite3_bind_text(q, 2, zState, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, zToday, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 4, zToday, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 5, az[2], -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 6, iItem);
    sqlite3_bind_text(q, 7, az[4], -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 8, zChan, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 9, az[6], -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 10, atoll(az[7]));
    if( az[8][0] ) sqlite3_bind_text(q, 11, az[8], -1, SQLITE_STATIC); else sqlite3_bind_null(q, 11);
    const char *zRating = az[9][0] ? label_id(az[9], azRating) : 0;
    if( zRating ) sqlite3_bind_text(q, 12, zRating, -1, SQLITE_STATIC); else sqlite3_bind_null(q, 12);
    sqlite3_bind_int64(q, 13, id++);
    if( sqlite3_step(q)!=SQLITE_DONE ){ fprintf(stderr, "raw: row %lld: %s\n", n+2, sqlite3_errmsg(db)); return 1; }
    sqlite3_reset(q);
    n++;
    if( !e ) break;
    p = e+1;
  }
  sqlite3_finalize(q);
  if( sqlite3_exec(db, "COMMIT", 0, 0, 0)!=SQLITE_OK ){ fprintf(stderr, "raw: %s\n", sqlite3_errmsg(db)); return 1; }
  double t2 = now_s();
  sqlite3_close(db);
  double t3 = now_s();
  printf("raw: %lld rows; read+maps %.3fs, insert+commit %.3fs, close %.3fs, total %.3fs\n",
         n, t1-t0, t2-t1, t3-t2, t3-t0);
  free(zFile);
  return 0;
}
