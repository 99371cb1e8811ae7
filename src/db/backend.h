/*
** src/db/backend.h — what a storage backend provides to src/db/db.c.
**
** db.c owns what every backend shares: the statement cache keyed by SQL
** text, transaction nesting, the read-only flag and error text. A backend
** (sqlite.c, postgres.c) supplies the connection and the statement calls
** through one DbVtab. Private to src/db/.
*/
#ifndef FZ_DB_BACKEND_H
#define FZ_DB_BACKEND_H
#include "db/db.h"

#define CACHE_SLOTS 512

typedef struct CacheEnt {
  char *zSql;            /* malloc'd copy of the text, NULL = empty slot */
  unsigned h;
  void *pStmt;
  int bInUse;
} CacheEnt;

typedef struct DbVtab {
  int eDialect;
  const char *zPk;                                        /* primary-key column DDL */
  int  (*xPrepare)(Db*, const char *zSql, void **ppStmt); /* sets zErr on failure */
  void (*xFree)(Db*, void *pStmt);
  void (*xReset)(void *pStmt);                            /* rewind and clear bindings */
  int  (*xBindInt)(void *pStmt, int i, i64 v);
  int  (*xBindText)(void *pStmt, int i, const char *z, int bCopy);  /* z==0: NULL */
  int  (*xStep)(Db*, void *pStmt);                        /* DB_ROW, DB_DONE or an error */
  void (*xStream)(void *pStmt, int nBatch);               /* before the first step: many rows */
  int  (*xColumnCount)(void *pStmt);
  int  (*xColumnIsNull)(void *pStmt, int i);
  i64  (*xColumnInt)(void *pStmt, int i);
  const char *(*xColumnText)(void *pStmt, int i);
  int  (*xExec)(Db*, const char *zSql);                   /* sets zErr on failure */
  int  (*xBeginWrite)(Db*);
  int  (*xCommit)(Db*);
  void (*xRollback)(Db*);
  int  (*xBeginRead)(Db*);
  void (*xEndRead)(Db*);
  void (*xBulkMode)(Db*, int bOn);
  void (*xRefreshStats)(Db*, const char *zTable);
  void (*xSyncIds)(Db*, const char *zTable);
  void (*xSchemaLock)(Db*, int bOn);
  int  (*xCopyBegin)(Db*, const char *zSql);
  int  (*xCopyRow)(Db*, const char *z, size_t n);
  int  (*xCopyEnd)(Db*, int bAbort);                      /* bAbort: the server discards the rows */
  const char *(*xErrmsg)(Db*);                            /* the driver's own message */
  void (*xClose)(Db*);                                    /* frees the backend's part */
  int  (*xBackup)(Db*, const char *zOut);                 /* NULL: not by fazhi (PostgreSQL) */
} DbVtab;

/* The shared head of every backend's connection struct. */
struct Db {
  const DbVtab *pVt;
  char *zTarget;
  int bReadOnly;
  int nTxn;
  int nStmt;
  int bClosing;          /* db_close: statements go with the connection */
  struct Bulk *pOpenCopy;  /* a COPY in progress (db.c ends it before any other statement) */
  char zErr[512];
  int bStorageFail;      /* a statement failed for a storage reason (db_storage_failed) */
  char zStorageErr[512]; /* the first such failure's message */
  int bQueryFail;        /* another statement failed (db_query_failed) */
  char zQueryErr[512];   /* the first such failure's message, with its statement */
  int bProbe;            /* db_compiles: a failure to prepare is the answer, no mark */
  i64 nCommit;           /* write transactions committed (db_commit_count) */
  CacheEnt aCache[CACHE_SLOTS];
  int nCache;
};

Db *sqlite_open(const char *zTarget, int bCreate, char *zErr, int nErr);
Db *pg_open(const char *zTarget, char *zErr, int nErr);
void db_set_err(Db*, const char *zFmt, ...) __attribute__((format(printf, 2, 3)));
/* A backend calls this after db_set_err when a statement failed for a
** reason that is neither the statement nor the data (see db.h). */
void db_mark_storage_failure(Db*);
/* …and this one when a statement failed for any other reason than a
** constraint violation (see db.h, failed statements). */
void db_mark_query_failure(Db*);
#endif
