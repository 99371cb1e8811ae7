/*
** src/audit/audit.h — the append-only, hash-chained change log.
**
** Every create, update, delete, workflow step and import is one row:
** who, when, the action, the record, its canonical JSON before and after,
** the previous row's hash and this row's hash. audit_verify() recomputes
** the chain and compares every record's current row with its last logged
** state, so an edited, deleted or bypassed change is found.
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
  i64 nRecords;        /* records compared with the log */
  i64 nArchived;       /* entries of migrated counties' own logs, verified */
  int nMigrations;
  int nProblems;
  Buf text;            /* one Chinese line per problem (first 100) */
} AuditReport;
int audit_verify(Db*, AuditReport*);   /* 0 = all good */
void audit_hash(const char *zPrev, i64 id, const char *zAt, i64 iUser, const char *zLogin,
                const char *zAction, const char *zKind, i64 iRec, const char *zBefore,
                const char *zAfter, char zOut[65]);
#endif
