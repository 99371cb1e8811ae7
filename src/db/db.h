/*
** src/db/db.h — the one store interface.
**
** Every statement is prepared and bound. SQL text is either a string literal
** (db_prepare, which only compiles with a literal) or built by a SqlBuf, which
** only accepts literals, registry identifiers and ?N placeholders. Write SQL
** in the subset SQLite and PostgreSQL share: ?N placeholders (the PostgreSQL
** backend rewrites them to $N), INSERT … RETURNING, || , LIMIT/OFFSET,
** BIGINT/TEXT columns, no INSERT OR …, no AUTOINCREMENT.
**
** A Db is one connection, used by one thread at a time. Prepared statements
** are cached per connection, keyed by their text.
*/
#ifndef FZ_DB_H
#define FZ_DB_H
#include <stdint.h>
#include "base/buf.h"

typedef int64_t i64;
typedef struct Db Db;
typedef struct Stmt { Db *pDb; void *pStmt; void *pCache; } Stmt;

#define DB_OK    0
#define DB_ERROR 1
#define DB_BUSY  5
#define DB_CONSTRAINT 19
#define DB_ROW   100
#define DB_DONE  101

enum { DB_SQLITE = 1, DB_POSTGRES = 2 };

#define SQL(LIT) ("" LIT "")

/* Opening. zTarget is a SQLite file path, or a PostgreSQL database as
** postgresql://user@host:port/db or a libpq conninfo ("host=… dbname=…").
** bCreate: create the SQLite file when missing (a PostgreSQL database is
** created by its administrator; its tables are created here). */
Db  *db_open(const char *zTarget, int bCreate, char *zErr, int nErr);
int  db_is_postgres(const char *zTarget);   /* a PostgreSQL URI or conninfo */
void db_close(Db*);
int  db_dialect(Db*);
const char *db_errmsg(Db*);
const char *db_target(Db*);
void db_set_readonly(Db*, int);   /* while set, any statement that writes fails */
int  db_stmt_count(Db*);          /* statements stepped since open (for the access log) */
/* Storage failures. A statement that fails for a reason that is neither
** the statement nor the data — the connection is lost, the server is
** shutting down or starting, a lock was not granted in time, the disk is
** full, unreadable or corrupt — marks its connection, and the mark stays
** until db_storage_clear. A caller that reads a failed lookup as "no such
** row" (no session, no record, an unknown reference) is then wrong, so
** the HTTP dispatcher clears the mark before each request and answers a
** request whose connection got marked with 503, whatever its handler
** concluded. A constraint violation or an empty result is not a failure
** of storage and leaves no mark. */
int  db_storage_failed(Db*);
const char *db_storage_errmsg(Db*);   /* the first such failure's message */
/* Failed statements. Any other statement that fails to prepare or run —
** a table or column that does not exist, SQL the database refuses, a
** write in a read-only request — is a bug or a damaged schema, never an
** answer: it marks its connection too, with the first such failure's
** message and the statement's text ("no such table: x [SELECT …]"), so a
** caller's fallback (a name left blank, a list left empty, a value found
** "free") cannot pass for a result. While either mark is set, db_commit
** of the outermost transaction refuses: it rolls back and returns
** DB_ERROR, so nothing a request or command concluded after a failure is
** written. The HTTP dispatcher answers a request whose connection got
** this mark with 500 and one log line; a command with it exits non-zero
** (app_exit). A constraint violation (DB_CONSTRAINT, which the engine
** answers 422), an empty result, and on PostgreSQL the statements
** refused after one because their transaction was aborted, leave no
** mark. */
int  db_query_failed(Db*);
const char *db_query_errmsg(Db*);     /* the first such failure's message */
int  db_failed(Db*);                  /* either mark is set */
/* Clears both marks (the dispatcher, before and after each request). */
void db_storage_clear(Db*);
/* Query failures of this process still marked on a connection, open or
** closed, that no one cleared: their number, and the first one's
** message in zMsg (a command's exit status, app_exit). */
int  db_failures_pending(char *zMsg, int nMsg);
/* Whether SQL compiles: the tables and columns it names exist. Its
** failure is an answer here, not an error, and leaves no mark. */
int  db_compiles_sql(Db*, const char *zSql);   /* src/db/ only; use the macros */
#define db_compiles(pDb, LIT) db_compiles_sql((pDb), SQL(LIT))

int  db_prepare_sql(Db*, Stmt*, const char *zSql);     /* src/db/ only; use the macros */
#define db_prepare(pDb, pStmt, LIT) db_prepare_sql((pDb), (pStmt), SQL(LIT))
int  db_bind_int64(Stmt*, int i, i64 v);
int  db_bind_text(Stmt*, int i, const char *z);        /* NULL binds NULL; copied */
int  db_bind_null(Stmt*, int i);
int  db_bind_text_static(Stmt*, int i, const char *z); /* not copied: z must outlive the step */
int  db_step(Stmt*);                                   /* DB_ROW, DB_DONE or an error */
/* Before the first step of a query that may return very many rows (a
** scan of a county-year, an export, the audit log): PostgreSQL then
** fetches them through a cursor, nBatch rows at a time (0: 5000; fewer
** for rows that are large, such as import entries of the audit log). */
void db_stream(Stmt*, int nBatch);
int  db_column_count(Stmt*);
int  db_column_is_null(Stmt*, int i);
i64  db_column_int64(Stmt*, int i);
const char *db_column_text(Stmt*, int i);              /* "" for NULL; valid until next step */
void db_finalize(Stmt*);                               /* returns a cached statement to the cache */
void db_reset(Stmt*);                                  /* ready to bind and step again */

/* Statements without results or parameters (DDL, pragmas). */
int  db_exec_sql(Db*, const char *zSql);
#define db_exec(pDb, LIT) db_exec_sql((pDb), SQL(LIT))

/* Dynamic SQL, for the engine's generated queries and DDL. */
typedef struct SqlBuf { Buf b; int nParam; } SqlBuf;
void sqlbuf_init(SqlBuf*);
void sqlbuf_free(SqlBuf*);
void sqlbuf_lit_(SqlBuf*, const char *zLit);
#define sql_lit(p, LIT) sqlbuf_lit_((p), SQL(LIT))
void sql_ident(SqlBuf*, const char *zIdent);   /* aborts unless [a-z_][a-z0-9_]* */
int  sql_param(SqlBuf*);                       /* appends ?N, returns N */
void sql_int(SqlBuf*, i64 v);                  /* an integer constant from C, not from users */
int  db_prepare_buf(Db*, Stmt*, SqlBuf*);
int  db_compiles_buf(Db*, SqlBuf*);        /* as db_compiles (above) */

/* The department-scope predicate, written once. A department lies in a
** scope when its path ("/1/4/9/") starts with the scope's path ("/1/4/"):
** substr(path, 1, length(scope)) = scope. substr(), not LIKE: a bound
** LIKE pattern makes SQLite re-prepare the statement at every call (it
** re-plans for the pattern's prefix), and a path holds no wildcards to
** escape.
**   SQL_PATH_UNDER(COL, LEN, PREFIX): the text for any two SQL operands,
**     e.g. SQL_PATH_UNDER("d.path", "length(p.path)", "p.path");
**   SQL_IN_SCOPE(COL, NLEN, NPATH): the same with the placeholders ?NLEN and
**     ?NPATH, in a literal statement, bound by db_bind_scope(q, NLEN, NPATH, zScope);
**   SQL_DEPT_IN_SCOPE(COL, NLEN, NPATH): "COL IN (the ids of the scope's
**     departments)", for a table's dept_id column;
**   sql_scope(b, zAlias): the predicate on zAlias.path (or path, for a NULL
**     zAlias) appended to a SqlBuf with two new placeholders; returns the
**     first (the length), the path being the next.
** The macros take literals and make one string literal, so a statement
** using them is still a literal for db_prepare and sql_lit. */
#define SQL_PATH_UNDER(COL, LEN, PREFIX) "substr(" COL ", 1, " LEN ")=" PREFIX
#define SQL_IN_SCOPE(COL, NLEN, NPATH) SQL_PATH_UNDER(COL, "?" #NLEN, "?" #NPATH)
#define SQL_DEPT_IN_SCOPE(COL, NLEN, NPATH) \
  COL " IN (SELECT id FROM dept WHERE " SQL_IN_SCOPE("path", NLEN, NPATH) ")"
int  db_bind_scope(Stmt*, int iLen, int iPath, const char *zScope);
int  sql_scope(SqlBuf*, const char *zAlias);

/* Transactions. A write transaction takes the write lock at once: one
** writer at a time per database (SQLite: BEGIN IMMEDIATE; PostgreSQL: a
** transaction-scoped advisory lock), so check-then-write is safe and the
** audit chain stays one chain with several servers. */
int  db_begin_write(Db*);
int  db_commit(Db*);
/* Successful outermost commits since open. The HTTP dispatcher compares it
** before and after a handler: a request that has committed keeps its
** answer even when a later statement fails (a 503 would make a client
** repeat a write that is done). db_commit_aside commits like db_commit
** but is not counted: bookkeeping beside the request's own effect (login
** counters), after which a failed read must still become a 503. */
int  db_commit_aside(Db*);
i64  db_commit_count(Db*);
/* Write transactions committed by this process on any of its connections
** (db_commit_aside's not counted): a cache of data read from the store is
** stale once it moves. Another process's writes do not move it. */
i64  db_write_gen(void);
void db_rollback(Db*);
int  db_in_txn(Db*);
/* A read transaction around a whole GET request: one snapshot, one lock. */
int  db_begin_read(Db*);
void db_end_read(Db*);
/* Bulk writes (imports): a page cache large enough that one big
** transaction does not spill to disk and read back. Off restores it. */
void db_bulk_mode(Db*, int bOn);
/* After a bulk load: refresh the planner's statistics of zTable (cheaply,
** best effort: never waits for a lock, leaves no error or storage mark). */
void db_refresh_stats(Db*, const char *zTable);
/* After rows were written with explicit ids: the next generated id follows
** the largest (PostgreSQL's sequence; nothing to do on SQLite). */
void db_sync_ids(Db*, const char *zTable);
/* Around migrations: two servers starting together take turns. */
void db_schema_lock(Db*, int bOn);

/* Bulk loading of one table inside the caller's write transaction:
** PostgreSQL streams one COPY FROM STDIN, SQLite steps a prepared
** INSERT per row. Texts are not copied before db_bulk_row returns.
** db_bulk_row/db_bulk_end return DB_OK, DB_CONSTRAINT (a batched backend
** may report it only at a later row or at the end) or DB_ERROR. */
typedef struct Bulk {
  Db *pDb; Stmt ins; Buf rows; SqlBuf sql; int nCol, iCol, bCopy;
  int bOpen;            /* a COPY is in progress */
  int rcDeferred;       /* an error the server reported when the COPY ended */
} Bulk;
int  db_bulk_begin(Db*, Bulk*, const char *zTable, const char *const *azCol, int nCol);
void db_bulk_int(Bulk*, i64);
void db_bulk_text(Bulk*, const char *z);   /* NULL for NULL */
int  db_bulk_row(Bulk*);
int  db_bulk_flush(Bulk*);                 /* sends every row so far and ends the COPY */
int  db_bulk_end(Bulk*);                   /* sends what is left, frees */
void db_bulk_abort(Bulk*);                 /* frees without sending */

/* A consistent copy of the whole database, taken while other connections
** keep writing, into the new SQLite file zOut (replaced if it exists): one
** snapshot through SQLite's online backup, written to "zOut.tmp-PID",
** synced, then renamed, so a file named zOut is always a whole copy.
** DB_ERROR with a Chinese db_errmsg(); always DB_ERROR on PostgreSQL,
** whose copies are pg_dump's job. */
int  db_backup(Db*, const char *zOut);

/* Dialect-dependent DDL fragments. */
const char *db_ddl_pk(Db*);      /* "id INTEGER PRIMARY KEY" / "id BIGSERIAL PRIMARY KEY" */
#endif
