/*
** src/db/sqlite.c — the SQLite backend (one county in one file).
**
** One connection per thread, WAL with synchronous=FULL: a commit is on
** the disk (the WAL fsynced) before the write is acknowledged, so an
** acknowledged write survives a power loss, not only a crash of fazhi
** (bench/README.md has the cost). The write lock is BEGIN IMMEDIATE; a GET
** reads inside one deferred transaction; the read-only flag is enforced
** per statement with sqlite3_stmt_readonly.
*/
#include "db/backend.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

typedef struct LiteDb { Db base; sqlite3 *db; } LiteDb;
/* How long a statement waits for another connection's lock. */
#define LITE_BUSY_MS 10000
#define LITE(p) (((LiteDb*)(p))->db)

/* Result codes that say the file or its locks failed, not the statement
** or the data: busy past the timeout, I/O, a full disk, corruption, a
** file that cannot be opened or written. They mark the connection as a
** storage failure (db.h). Any other failure but a constraint violation
** (no such table or column, a syntax error, a datatype mismatch) marks it
** as a failed statement. */
static void lite_classify(Db *p, int rc){
  switch( rc&0xff ){
    case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_IOERR: case SQLITE_FULL:
    case SQLITE_CORRUPT: case SQLITE_NOTADB: case SQLITE_CANTOPEN: case SQLITE_NOMEM:
    case SQLITE_PROTOCOL: case SQLITE_READONLY: case SQLITE_PERM: case SQLITE_NOLFS:
      db_mark_storage_failure(p);
      break;
    case SQLITE_CONSTRAINT:
      break;
    default:
      db_mark_query_failure(p);
      break;
  }
}

static int lite_prepare(Db *p, const char *zSql, void **ppStmt){
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v3(LITE(p), zSql, -1, SQLITE_PREPARE_PERSISTENT, &pStmt, 0);
  if( rc!=SQLITE_OK ){
    db_set_err(p, "%s [%.200s]", sqlite3_errmsg(LITE(p)), zSql);
    lite_classify(p, rc);
    return DB_ERROR;
  }
  *ppStmt = pStmt;
  return DB_OK;
}
static void lite_free(Db *p, void *pStmt){ (void)p; sqlite3_finalize(pStmt); }
static void lite_reset(void *pStmt){ sqlite3_reset(pStmt); sqlite3_clear_bindings(pStmt); }
static int lite_bind_int(void *pStmt, int i, i64 v){ return sqlite3_bind_int64(pStmt, i, v); }
static int lite_bind_text(void *pStmt, int i, const char *z, int bCopy){
  if( z==0 ) return sqlite3_bind_null(pStmt, i);
  return sqlite3_bind_text(pStmt, i, z, -1, bCopy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static int lite_step(Db *p, void *pStmt){
  if( p->bReadOnly && !sqlite3_stmt_readonly(pStmt) ){
    db_set_err(p, "write attempted in a read-only request: %.200s", sqlite3_sql(pStmt));
    db_mark_query_failure(p);
    return DB_ERROR;
  }
  int rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ) return DB_ROW;
  if( rc==SQLITE_DONE ) return DB_DONE;
  db_set_err(p, "%s [%.200s]", sqlite3_errmsg(LITE(p)), sqlite3_sql(pStmt));
  lite_classify(p, rc);
  if( (rc&0xff)==SQLITE_CONSTRAINT ) return DB_CONSTRAINT;
  if( (rc&0xff)==SQLITE_BUSY ) return DB_BUSY;
  return DB_ERROR;
}

/* SQLite steps rows from the file one at a time anyway. */
static void lite_stream(void *pStmt, int nBatch){ (void)pStmt; (void)nBatch; }

static int lite_column_count(void *pStmt){ return sqlite3_column_count(pStmt); }
static int lite_column_is_null(void *pStmt, int i){ return sqlite3_column_type(pStmt, i)==SQLITE_NULL; }
static i64 lite_column_int(void *pStmt, int i){ return sqlite3_column_int64(pStmt, i); }
static const char *lite_column_text(void *pStmt, int i){
  const char *z = (const char*)sqlite3_column_text(pStmt, i);
  return z ? z : "";
}

static int lite_exec(Db *p, const char *zSql){
  char *zMsg = 0;
  int rc = sqlite3_exec(LITE(p), zSql, 0, 0, &zMsg);
  if( rc!=SQLITE_OK ){
    db_set_err(p, "%s", zMsg ? zMsg : sqlite3_errmsg(LITE(p)));
    sqlite3_free(zMsg);
    lite_classify(p, rc);
    return DB_ERROR;
  }
  return DB_OK;
}

static int lite_begin_write(Db *p){ return lite_exec(p, "BEGIN IMMEDIATE"); }
static int lite_commit(Db *p){
  int rc = lite_exec(p, "COMMIT");
  if( rc ) lite_exec(p, "ROLLBACK");
  return rc;
}
static void lite_rollback(Db *p){
  if( !sqlite3_get_autocommit(LITE(p)) ) lite_exec(p, "ROLLBACK");
}

/* BEGIN and COMMIT of reads go through the statement cache: a GET costs no
** extra parse. */
static int lite_cached_step(Db *p, const char *zSql){
  Stmt s;
  if( db_prepare_sql(p, &s, zSql) ) return DB_ERROR;
  int rc = sqlite3_step(s.pStmt);
  if( rc!=SQLITE_DONE ){
    db_set_err(p, "%s [%s]", sqlite3_errmsg(LITE(p)), zSql);
    lite_classify(p, rc);
  }
  db_finalize(&s);
  return rc==SQLITE_DONE ? DB_OK : DB_ERROR;
}
static int lite_begin_read(Db *p){ return lite_cached_step(p, "BEGIN"); }
static void lite_end_read(Db *p){
  if( !sqlite3_get_autocommit(LITE(p)) ) lite_cached_step(p, "COMMIT");
}

/* PRAGMA optimize may write sqlite_stat1: without waiting for the write
** lock (another writer holding it means the statistics wait for the next
** big import, not the client whose import has committed). */
static void lite_refresh_stats(Db *p, const char *zTable){
  (void)zTable;
  sqlite3_busy_timeout(LITE(p), 0);
  lite_exec(p, "PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002");
  sqlite3_busy_timeout(LITE(p), LITE_BUSY_MS);
}
static void lite_sync_ids(Db *p, const char *zTable){ (void)p; (void)zTable; }
/* Each migration runs in its own BEGIN IMMEDIATE: nothing more to lock. */
static void lite_schema_lock(Db *p, int bOn){ (void)p; (void)bOn; }

static void lite_bulk_mode(Db *p, int bOn){
  /* 256 MiB while importing; SQLite's default (2 MiB) otherwise, since a
  ** huge cache slows the GROUP BY scans of indicators. */
  if( bOn ) lite_exec(p, "PRAGMA cache_size=-262144");
  else lite_exec(p, "PRAGMA cache_size=-2000");
}

static const char *lite_errmsg(Db *p){ return sqlite3_errmsg(LITE(p)); }
static void lite_close(Db *p){
  sqlite3_close(LITE(p));
  free(p);
}

/* fsync of the folder holding zPath, so a rename into it is durable. */
static void sync_dir_of(const char *zPath){
  char zDir[4096];
  snprintf(zDir, sizeof zDir, "%s", zPath);
  char *zSlash = strrchr(zDir, '/');
  if( zSlash==0 ) snprintf(zDir, sizeof zDir, ".");
  else if( zSlash==zDir ) zDir[1] = 0;
  else *zSlash = 0;
  int fd = open(zDir, O_RDONLY|O_DIRECTORY);
  if( fd>=0 ){ fsync(fd); close(fd); }
}

/* db_backup() for SQLite. sqlite3_backup_step(-1) copies every page in
** one step inside one read transaction of the source: in WAL mode that is
** one snapshot, and writers on other connections are not held up. The
** destination is a fresh rollback-journal file, mode 0600, whose commit is
** synced (SQLite's default synchronous=FULL there). */
static int lite_backup(Db *p, const char *zOut){
  struct stat stOut, stSrc;
  if( stat(zOut, &stOut)==0 && stat(sqlite3_db_filename(LITE(p), "main"), &stSrc)==0
      && stOut.st_dev==stSrc.st_dev && stOut.st_ino==stSrc.st_ino ){
    db_set_err(p, "备份文件不能是数据库本身（%s）", zOut);
    return DB_ERROR;
  }
  char zTmp[4200];
  snprintf(zTmp, sizeof zTmp, "%s.tmp-%ld", zOut, (long)getpid());
  unlink(zTmp);
  /* The copy holds personal data: readable by this user only (0600). */
  int fdNew = open(zTmp, O_WRONLY|O_CREAT|O_EXCL|O_NOFOLLOW, 0600);
  if( fdNew<0 ){
    db_set_err(p, "备份失败：无法创建“%s”：%s", zTmp, strerror(errno));
    return DB_ERROR;
  }
  fchmod(fdNew, 0600);
  close(fdNew);
  sqlite3 *pDest = 0;
  int rc = sqlite3_open_v2(zTmp, &pDest, SQLITE_OPEN_READWRITE|SQLITE_OPEN_CREATE|SQLITE_OPEN_NOMUTEX, 0);
  if( rc==SQLITE_OK ){
    sqlite3_backup *pB = sqlite3_backup_init(pDest, "main", LITE(p), "main");
    if( pB==0 ){
      rc = sqlite3_errcode(pDest);
    }else{
      /* BUSY: a checkpoint or another writer holds a lock for a moment. */
      for(int nTry=0; nTry<300; nTry++){
        rc = sqlite3_backup_step(pB, -1);
        if( rc!=SQLITE_BUSY && rc!=SQLITE_LOCKED ) break;
        sqlite3_sleep(100);
      }
      sqlite3_backup_finish(pB);
      if( rc==SQLITE_DONE ) rc = SQLITE_OK;
    }
  }
  if( rc!=SQLITE_OK ){
    db_set_err(p, "备份失败：%s", pDest ? sqlite3_errmsg(pDest) : sqlite3_errstr(rc));
  }
  if( sqlite3_close(pDest)!=SQLITE_OK && rc==SQLITE_OK ){
    db_set_err(p, "备份失败：无法关闭“%s”", zTmp);
    rc = SQLITE_ERROR;
  }
  if( rc==SQLITE_OK ){
    int fd = open(zTmp, O_RDONLY);
    if( fd<0 || fsync(fd)!=0 ){ db_set_err(p, "备份失败：无法写入“%s”：%s", zTmp, strerror(errno)); rc = SQLITE_ERROR; }
    if( fd>=0 ) close(fd);
  }
  if( rc==SQLITE_OK && rename(zTmp, zOut)!=0 ){
    db_set_err(p, "备份失败：无法将“%s”改名为“%s”：%s", zTmp, zOut, strerror(errno));
    rc = SQLITE_ERROR;
  }
  if( rc!=SQLITE_OK ){ unlink(zTmp); return DB_ERROR; }
  sync_dir_of(zOut);
  return DB_OK;
}

static const DbVtab liteVtab = {
  DB_SQLITE, "id INTEGER PRIMARY KEY",
  lite_prepare, lite_free, lite_reset, lite_bind_int, lite_bind_text, lite_step, lite_stream,
  lite_column_count, lite_column_is_null, lite_column_int, lite_column_text,
  lite_exec, lite_begin_write, lite_commit, lite_rollback, lite_begin_read, lite_end_read,
  lite_bulk_mode, lite_refresh_stats, lite_sync_ids, lite_schema_lock,
  0, 0, 0,                       /* no COPY: bulk loads step a prepared INSERT */
  lite_errmsg, lite_close, lite_backup,
};

Db *sqlite_open(const char *zTarget, int bCreate, char *zErr, int nErr){
  /* Before SQLite initialises (the first open happens on the main thread,
  ** before any server thread): no global memory statistics, whose mutex
  ** every allocation of every connection would otherwise take. */
  static int bConfigured;
  if( !bConfigured ){ sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); bConfigured = 1; }
  LiteDb *p = calloc(1, sizeof(LiteDb));
  if( p==0 ) abort();
  p->base.pVt = &liteVtab;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (bCreate ? SQLITE_OPEN_CREATE : 0);
  if( sqlite3_open_v2(zTarget, &p->db, flags, 0)!=SQLITE_OK ){
    snprintf(zErr, (size_t)nErr, "无法打开数据库“%s”：%s", zTarget,
             p->db ? sqlite3_errmsg(p->db) : "out of memory");
    sqlite3_close(p->db);
    free(p);
    return 0;
  }
  sqlite3_busy_timeout(p->db, LITE_BUSY_MS);
  sqlite3_exec(p->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                      " PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;", 0, 0, 0);
  return &p->base;
}
