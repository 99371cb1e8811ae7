/*
** src/audit/audit.h — the append-only, hash-chained change log.
**
** Every create, update, delete, workflow step and import is one row:
** who, when, the action, the record, its canonical JSON before and after,
** the previous row's hash and this row's hash (an HMAC under the key kept
** outside the database, key.c). Changes to the guarded tables (guard.c)
** are rows too, kind "@TABLE", holding the rows' canonical lines.
** audit_verify() recomputes the chain and compares every record's and
** every guarded row's current state with its last logged state, so an
** edited, deleted or bypassed change is found; the chain's head, kept
** outside (audit_anchor), finds a cut tail.
*/
#ifndef FZ_AUDIT_H
#define FZ_AUDIT_H
#include "engine/ctx.h"

/* Inside the caller's write transaction. */
int audit_append(Ctx*, const char *zAction, const char *zKind, i64 iRec,
                 const char *zBefore, const char *zAfter);
/* n entries in a row with the same action, record and before (an import's). */
int audit_append_many(Ctx*, const char *zAction, const char *zKind, i64 iRec,
                      const char *zBefore, const char *const *azAfter, int n);

typedef struct AuditReport {
  i64 nRows;           /* audit rows read */
  i64 nUnkeyed;        /* of them, written before the chain had a key (plain SHA-256) */
  int bKeyed;          /* the chain has a key (found, or its marker is in the database) */
  i64 nGuarded;        /* rows of guarded tables (users, departments, …) compared */
  i64 nHead;           /* the chain head: the last entry's id (0: empty) */
  char zHead[65];      /* …and its hash */
  i64 nRecords;        /* records compared with the log */
  i64 nArchived;       /* entries of migrated counties' own logs, verified */
  int nMigrations;
  int nProblems;
  Buf text;            /* one Chinese line per problem (first 100) */
} AuditReport;
int audit_verify(Db*, AuditReport*);   /* 0 = all good */
void audit_problem(AuditReport*, const char *zFmt, ...) FMT(2,3);
/* Does entry n of the chain have a hash starting with zHash (16 to 64 hex
** digits)? 0 yes; else 1 with a Chinese line in zMsg. */
int audit_anchor(Db*, i64 n, const char *zHash, char *zMsg, int nMsg);
/* The chain head now: the last entry's id (0 when empty) and hash. */
/* The id a new row of zTable should take: past both the table's highest
** id and the highest id the log names for zKind (a record kind, or "@"
** and a guarded table), so that an id deleted behind fazhi's back is never
** handed out again and the deletion stays visible to check. 0 on a
** database error. */
i64 audit_next_id(Db*, const char *zTable, const char *zKind);
int audit_head(Db*, i64 *pn, char zHash[65]);

/* The log as the pages read it (view.c). */
typedef struct AuditEntry {
  i64 id;                 /* the entry's place in the chain */
  const char *zAt;        /* when, UTC, as stored */
  const char *zLogin;     /* who ("(命令行)" for the command line) */
  const char *zWho;       /* who, as a person reads it: "姓名（部门）", "系统（命令行）" */
  const char *zAction;    /* "insert", a transition id, "user_role", … */
  const char *zKind;      /* the record's kind, "@TABLE" for a guarded table, "" */
  i64 iRec;               /* the record's id, 0 for none */
  const char *zHash;      /* the entry's hash, hex */
} AuditEntry;
#define AUDIT_PAGE_SIZE 50
/* The Chinese name of an action: kind k's transition label (k may be
** NULL), else the log's own name for it, else zAction as stored. */
const char *audit_action_label(const Kind *k, const char *zAction);
/* What an entry's kind names when it is no record kind: a guarded table
** ("@dept" → 部门, from aGuard[] in guard.c); otherwise zKind as stored. */
const char *audit_object_label(const char *zKind);
/* What the 操作审计日志 page asks for: "" for any. */
typedef struct AuditFilter {
  const char *zWho;       /* a login, or a person's name, exactly */
  const char *zAction;    /* an action id (audit_action_at, or a kind's transition) */
  const char *zKind;      /* a kind's name */
  const char *zFrom, *zTo;/* UTC moments, [zFrom, zTo) (audit_filter turns local days into them) */
} AuditFilter;
/* Reads a filter from its text (dates YYYY-MM-DD, days in the county's
** zone, both included): FZ_OK, or FZ_INVALID with a Chinese message per
** field ("kind", "from", "to") in c->err. */
int audit_filter(Ctx*, const char *zWho, const char *zAction, const char *zKind,
                 const char *zFrom, const char *zTo, AuditFilter *f);
/* The log's own actions for the filter: the i-th id and *pzLabel, NULL past the end. */
const char *audit_action_at(int i, const char **pzLabel);
/* Page nPage (from 1) of nSize entries (0: AUDIT_PAGE_SIZE) of the log
** as an administrator of the department path zScope may see it and f
** selects (NULL: all), newest first; *pnTotal (NULL: not counted) all
** such entries. 0 or a database error code. */
int audit_page(Ctx*, const char *zScope, const AuditFilter *f, int nPage, int nSize,
               AuditEntry **pa, int *pn, i64 *pnTotal);
/* One entry in full, when the scope may see it. */
typedef struct AuditDetail {
  const char *zPrevHash;  /* the hash it chains to */
  const char *zBefore, *zAfter;  /* the record (or row) before and after, canonical JSON; "" none */
} AuditDetail;
/* FZ_OK, FZ_NOTFOUND (none, or not the scope's), FZ_INTERNAL. */
int audit_entry(Ctx*, const char *zScope, i64 id, AuditEntry *pOut, AuditDetail *pDetail);
/* The last 50 entries about one record, newest first (zHash empty). */
int audit_record_history(Ctx*, const Kind*, i64 iRec, AuditEntry **pa, int *pn);

/* The chain's key (key.c). bHave=0: none. iFrom: the first entry written
** under it; entries before it are plain SHA-256. */
typedef struct AuditKey { int bHave; unsigned char a[32]; i64 iFrom; } AuditKey;
/* 0 found, 1 none, 2 unreadable or malformed (message in zErr). */
int  audit_key_load(const char *zDb, AuditKey*, char *zErr, int nErr);
int  audit_key_create(const char *zDb, i64 iFrom, AuditKey*, char *zErr, int nErr);
/* Whether the cached key of zDb was found to sign its chain's newest
** entry (bSet: it was, remember so); 0 when not cached. */
int  audit_key_checked(const char *zDb, int bSet);
void audit_key_forget(const char *zDb);    /* drops it from this process's cache */
void audit_key_discard(const char *zDb);   /* …and removes the file just made (its write rolled back) */
const char *audit_key_where(const char *zDb, char *zBuf, size_t nBuf);  /* for messages */
/* SQLite: the key of zDb written to zOut.key (0600) for a backup zOut;
** 0 copied, 1 no key, 2 error (Chinese line in zErr). */
int  audit_key_copy(const char *zDb, const char *zOut, char *zErr, int nErr);
/* For serve, before it starts: 1 (a Chinese reason in zMsg) when the chain
** is keyed and its key cannot be had, so nothing could be written; 0
** otherwise, zMsg holding a warning or "". */
int  audit_key_ready(Db*, char *zMsg, int nMsg);

/* Guarded tables (guard.c): users, dept, setting, holiday, report_version
** (with its paragraphs), baseline_report (with its figures), draw. A write
** to one of them, inside its write transaction:
**     const char *zBefore = audit_rows(c, "users", zKey);   before the change
**     … the change …
**     audit_rows_log(c, "user_role", "users", zKey, iRec, zBefore);
** zKey is the row's key as text ("12"; for a baseline "DEPT/YEAR"; a
** setting's name, a holiday's day), or "" for the whole table (a change to
** many rows). The entry (kind "@TABLE") holds the canonical lines of the
** rows that differ, before and after; nothing is written when none do.
** audit_rows returns arena memory, 0 on a database error. */
const char *audit_rows(Ctx*, const char *zTable, const char *zKey);
int audit_rows_log(Ctx*, const char *zAction, const char *zTable, const char *zKey, i64 iRec,
                   const char *zBefore);
/* One entry per guarded table holding every row not yet logged as it is:
** the starting point of a chain that existed before its tables were
** guarded. */
int audit_rows_snapshot(Ctx*, const char *zAction);
/* A change to many tables at once (fazhi migrate): every guarded table
** before (arena memory, 0 on error), then one entry per table that changed. */
const char **audit_rows_begin(Ctx*);
int audit_rows_end(Ctx*, const char *zAction, const char **azBefore);
typedef struct GuardState GuardState;
GuardState *guard_state_new(void);
void guard_state_free(GuardState*);
void guard_state_entry(GuardState*, const char *zKind, const char *zBefore, const char *zAfter,
                       AuditReport*, i64 iEntry);
void guard_state_check(Db*, GuardState*, AuditReport*);

void audit_hash(const AuditKey *pKey, const char *zPrev, i64 id, const char *zAt, i64 iUser, const char *zLogin,
                const char *zAction, const char *zKind, i64 iRec, const char *zBefore,
                const char *zAfter, char zOut[65]);
#endif
