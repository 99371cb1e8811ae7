/*
** src/engine/record.h — records of any kind, through their declarations.
**
** A Rec holds one record as canonical text per field (dates YYYY-MM-DD,
** integers and booleans as decimal text, enums by id, references by id;
** NULL means empty). All memory is the context's arena.
*/
#ifndef FZ_RECORD_H
#define FZ_RECORD_H
#include "engine/ctx.h"
#include "calendar/calendar.h"

typedef struct Rec {
  const Kind *pKind;
  i64 id;
  i64 iDept;
  const char *zDeptName;
  const char *zState;
  const char **azVal;      /* kind_nfield() entries */
  const char *zCreated, *zUpdated;
  const char **azRefTitle; /* rec_get only: per FT_REF field, the referenced record's title */
  i64 iUnit;               /* its department's unit (dept_unit_id): set by the write, stored as unit_id */
} Rec;

/* Where input values come from: a form, a JSON body or an import row.
** xGet returns the raw text for a field, or NULL when the input does not
** mention it (an edit then keeps the old value). */
typedef const char *(*InputFn)(void *pArg, const Field *pField);

Rec *rec_new(Ctx*, const Kind*);
/* The department a new record of k starts in: the user's own, or for a
** kind whose records are the county's own (bUnitOwned) the unit their
** scope is (an admin's county; a clerk's scope is their department). */
i64 record_default_dept(const Actor*, const Kind*);
Rec *rec_copy(Ctx*, const Rec*);               /* same kind, values, department and state; for a change */
/* "field=value[,value]" holds for r (NULL: always) — a period's or a
** spawn rule's applies-when. */
int  rec_when(const Rec*, const When*);   /* the record meets a "field=value" condition (none: 1) */
int  rec_from_input(Ctx*, Rec *pRec, int iRow, InputFn, void *pArg);  /* parse + normalise; errors to ctx */
int  rec_check(Ctx*, Rec *pRec, int iRow);    /* required, states, refs, uniqueness, scope */
int  rec_check_local(Ctx*, Rec *pRec, int iRow);   /* the part that needs no database */
int  rec_check_unique(Ctx*, Rec *pRec, int iRow);
/* The kind's rules against other records (F_OWN, Roster, EnumVal.zVia,
** YearLimit; rules.c) for a new record (pOld NULL) or an edit of pOld;
** may rewrite a Roster value into its stored form. Errors to ctx. */
int  rec_check_rules(Ctx*, Rec *pRec, const Rec *pOld, int iRow);
/* An import's row that passed, counted for the YearLimit of the rows
** after it (Ctx.pImportLimit; no-op without it). */
void rec_rules_count(Ctx*, const Rec*);
/* The record of k whose f holds zVal, within the actor's county (any for
** the command line or a city's admin: then the lowest id); 0 if none. */
i64  rec_id_by_value(Ctx*, const Kind*, const Field*, const char *zVal, i64 iExcept);
/* The same within the unit iUnit (dept_unit_id: a plan's county), or
** with iUnit 0 in every county of the database (is a code shared?). */
/* Every record of k whose f holds zVal, in any unit: their number in *pn
** and "县名（第ID号）、…" (ordered by unit, then id), for a command that
** must not pick one county's record silently. */
const char *rec_ids_by_value(Ctx*, const Kind*, const Field*, const char *zVal, int *pn);
i64  rec_id_by_value_in(Ctx*, const Kind*, const Field*, const char *zVal, i64 iExcept, i64 iUnit);
/* The record other than iExcept holding r's value of the unique field f,
** within r's version when the kind is versioned; 0 if none. */
i64  rec_id_unique(Ctx*, const Rec *r, const Field *f, i64 iExcept);
const char *rec_version(const Rec*);           /* its version's year as text; NULL: not versioned */
/* Carries the version iFrom (in the actor's scope) into iFrom+1: copies of
** every record not in a final state and not yet in iFrom+1 (by its first
** unique field), marked as carried. Refused when there is nothing to
** copy. One transaction. */
int  rec_carry(Ctx*, const Kind*, int iFrom, int *pnCopied);
int  rec_get(Ctx*, const Kind*, i64 id, Rec **ppRec);      /* FZ_NOTFOUND outside scope */
int  rec_insert(Ctx*, Rec *pRec);             /* validates, writes, audits: one transaction */
int  rec_update(Ctx*, const Rec *pOld, Rec *pNew);
int  rec_delete(Ctx*, const Rec *pRec);
/* Whether the actor may change or delete r (the list's 操作 column, the
** detail page and rec_delete ask the same): a leader and the public
** never; a clerk not a record in a final state (结案, 办结 …: only an
** admin removes a closed record); the department scope is rec_get's. */
int  rec_can_edit(const Actor*, const Rec*);
int  rec_can_delete(const Actor*, const Rec*);
/* Deletes the records aId[0..n) of k all together or none: each must be
** in the actor's scope (else "不存在或不在您的数据权限范围内"), deletable
** by the actor and referred to by nothing; every refusal is an error
** naming the record, and then nothing is deleted (FZ_INVALID; FZ_NOTFOUND
** for no ids). One transaction, an audit entry per record. */
int  rec_delete_many(Ctx*, const Kind*, const i64 *aId, int n);
int  rec_transition(Ctx*, const Rec *pRec, const Transition*);
/* The same with the step's fields (kind_step_fields) taken from pIn, the
** record as the step's form or body left it (NULL: none given); the
** stamped date is still today when left empty. */
int  rec_transition_with(Ctx*, const Rec *pRec, const Rec *pIn, const Transition*);
/* A change made by a mechanism's own code (a draw fixing its pools): state
** and F_AUTO fields may change; validated and audited as zAction. Joins
** the caller's transaction when there is one. */
int  rec_apply(Ctx*, const Rec *pOld, Rec *pNew, const char *zAction);
const char *rec_val(const Rec*, const char *zField);
const char *rec_now_iso(Ctx*);                /* the timestamp written into created_at / updated_at */
const char *rec_title(const Rec*);
const char *rec_json(Ctx*, const Rec*);       /* canonical JSON (audit, API) */
void rec_json_buf(const Rec*, Buf*);          /* the same, appended to a buffer */
/* Compact form for bulk imports: a header ["id","dept_id","state",fields…],
** then per record [id,dept_id,"state",v…] with the values of aCol[] (field
** indexes in header order; -1 for a column the kind no longer has). */
void rec_json_header(const Kind*, Buf*);
void rec_json_row(const Rec*, const int *aCol, int nCol, Buf*);
const char *rec_display(Ctx*, const Rec*, const Field*);  /* enum label, 是/否, ref title */
const char *rec_ref_text(Ctx*, const Field*, const char *zId, int bCode);
int  rec_trans_allowed(const Actor*, const Rec*, const Transition*);
int  rec_parse_value(Ctx*, const Field*, const char *zIn, const char **pzOut, int iRow); /* one field */
/* Text a field of f's type may hold (utf8_check with what the type allows;
** CR LF made LF in long text): the value, or 0 after err_add naming f. */
const char *rec_text_checked(Ctx*, const Field *f, const char *z, int iRow);

/* The number proposed for a new record of k in iDept's county: f's
** pattern (Field.zNumbering) with the county's short name, this year and
** the highest number of the series the county's records hold, plus one.
** FZ_NOTFOUND when f has no pattern. Arena memory. */
typedef struct RecNumber {
  const char *zNext;       /* 示复〔2026〕524号 */
  const char *zPattern;    /* 示复〔2026〕N号 */
  long long nLast;         /* 523: the highest so far (0: none yet) */
} RecNumber;
int  rec_number_propose(Ctx*, const Kind*, const Field*, i64 iDept, RecNumber*);

/* Low-level write used by rec_insert and the bulk importer: no validation,
** no audit, inside the caller's transaction. */
int  rec_write_row(Ctx*, Rec *pRec);
/* Bulk load (import) inside the caller's write transaction; the caller
** assigns r->id. rec_bulk_add returns db_bulk_row's code. */
int  rec_bulk_begin(Ctx*, const Kind*, Bulk*);
int  rec_bulk_add(Bulk*, const Rec*);

/* Row plumbing shared with the list query and the importer */
void rec_select_cols(SqlBuf*, const Kind*);     /* SELECT id, dept_id, state, …, fields FROM kind */
/* mFlags: REC_SEL_DEPT adds the department's path and name and the
** referenced titles (rec_get), REC_SEL_UNIT the column unit_id last. */
#define REC_SEL_DEPT 1
#define REC_SEL_UNIT 2
void rec_select_cols_ex(SqlBuf*, const Kind*, int mFlags);
void rec_from_row(Ctx*, Stmt*, Rec*);

/* Department tree */
int  dept_lookup(Ctx*, const char *zNameOrId, i64 *piDept, const char **pzPath);
int  dept_in_scope(Ctx*, i64 iDept);
int  dept_disabled(Ctx*, i64 iDept);     /* 停用 (部门管理): no new users or records */
const char *dept_name(Ctx*, i64 iDept);
const char *dept_unit_path(Db*, Arena*, const char *zPath, const char *zTypes);  /* nearest county/city at or above */
const char *dept_root_path(Ctx*, i64 iDept);
/* The county (else city, else root) id whose records iDept's are unique
** among: what a kind table's unit_id holds; 0 for no department. */
i64  dept_unit_id(Ctx*, i64 iDept);   /* a county's or city's path ("/7/"), NULL when iDept is neither */
int  dept_root_named(Ctx*, const char *zName);   /* a parentless department (a county) so named exists */
int  dept_unit_count(Ctx*);                      /* the counties and cities of the database */

/* The departments of the scope zScope (a path; "/" for all), in tree
** order for a choice list: each department before its children, siblings
** by their order number (部门管理's 排序), then id — the county, its
** bureaus, 司法局 …, then 城关镇 and its villages, never the ids' text
** order. Arena memory; 0 or a database error code. Every page that
** offers departments takes them from here (web_dept_options). */
typedef struct DeptOption {
  i64 id;
  const char *zName;
  const char *zPath;      /* "/1/4/9/": its depth is its count of '/' less one */
  int bDisabled;          /* 停用: left out of a form's choices (but the current one) */
  int nDepth;             /* 0 for a top of the scope, 1 for its children … (the indentation) */
} DeptOption;
int  dept_options(Db*, Arena*, const char *zScope, DeptOption **pa, int *pn);
/* The name of the county (or city) a user of the scope zScope works in:
** the nearest county or city at or above it; else (the whole tree, a
** visitor) the county_name setting; "" when neither is known. */
const char *dept_county_name(Db*, Arena*, const char *zScope);

/* Deadlines (deadline.c) */
typedef struct DeadlineStatus {
  int bApplies;            /* the rule covers this record */
  int bHasDue;             /* start date present: a due date exists */
  Day due;
  int bDone;               /* the done-date is filled */
  int bLate;               /* done after due, or not done and today after due */
  int bActive;             /* still running (record in an active state, not done) */
  int nLeft;               /* working days left (active only; negative when overdue) */
  int bUnknownCal;         /* the period reaches a year whose holiday notice is not
                           ** entered whole (cal_year_known): its due date is a guess */
  int iCalYear;            /* …the first such year (0 when bUnknownCal is 0) */
  int bMinimum;            /* a least time (Deadline.bMinimum): bLate means 期限不足 */
  int bDeemed;             /* counted from the deemed start (视为受理), on day deemed */
  Day deemed;
  int bExtended;           /* an approved extension that counts was added */
  int bOnDate;             /* due is the date a person set (Deadline.zOnDate) */
  const Pause *pRestart;   /* counted anew from day restart (PM_RESTART), or NULL */
  Day restart;
  const Pause *pSuspend;   /* days suspFrom..suspTo left out (PM_SUSPEND), or NULL */
  Day suspFrom, suspTo;
  int nSuspended;          /* …that many days of the period's unit (working days of a working-day period) */
  const Pause *pHalt;      /* halted since day halted (a pause still open): no due date, or NULL */
  Day halted;
  const struct PeriodRule *pRule;  /* the 地方规定 counted instead of the declared length
                           ** (src/engine/prule.c), NULL: the declared one */
} DeadlineStatus;
void deadline_eval(Ctx*, const Rec*, const Deadline*, Day today, DeadlineStatus*);
int  deadline_ontime(Ctx*, const Rec*, const Deadline*);    /* 1 if met or not applicable */
int  deadline_ext_on(const Rec*, const Deadline*);          /* an approved extension that counts */
/* The active period of r due first (status in *pOut); NULL when none runs.
** ppHalt (may be NULL): the first period's pause still open (暂停计算), or NULL. */
const Deadline *deadline_first(Ctx*, const Rec*, Day today, DeadlineStatus *pOut, const Pause **ppHalt);
/* The same in SQL over the table cal_day (src/engine/deadline.c). */
int  deadline_cal_sync(Db*, char *zErr, int nErr);         /* rewrite cal_day if the calendar changed */
int  deadline_cal_verify(Db*, char zFirst[11]);            /* days of cal_day that differ (check) */
int  deadline_sql_ok(const Deadline*);                     /* expressible in SQL (not months) */
/* xText binds each applies-when, extension-when or state value; its text lives only during the call. */
/* zToday: the day a deemed start must lie before when zStart is unset (Ctx.zToday). */
/* pLocal: the 地方规定 in the scope (prule_sql), NULL: the declared length. */
struct PruleSql;
void deadline_sql_join(SqlBuf*, const Deadline*, int iAlias, const char *zToday, void (*xText)(void*, const char*), void*,
                       const struct PruleSql *pLocal);
void deadline_sql_ontime(SqlBuf*, const Deadline*, int iAlias, void (*xText)(void*, const char*), void*,
                         const struct PruleSql *pLocal);
void deadline_sql_outside(SqlBuf*, const Deadline*, int iAlias, const struct PruleSql *pLocal);
/* Overdue open records in SQL (the 待办 count; deadline.c). */
int  deadline_sql_due_ok(const Deadline*);   /* expressible (not a minimum, not months extended from the end, no pause, no local rule) */
/* " AND <applies> AND state IN (<zActiveIn>) AND <zDone> IS NULL": the
** records whose period may be running (no joins needed). */
void deadline_sql_active(SqlBuf*, const Deadline*, void (*xText)(void*, const char*), void*);
/* The joins deadline_sql_overdue() reads (deadline_sql_join's, and for
** months the day n months on). */
void deadline_sql_due_join(SqlBuf*, const Deadline*, int iAlias, const char *zToday, void (*xText)(void*, const char*), void*);
/* " AND …": today (zToday) is past the period's due day (DeadlineStatus.bLate
** of an active period); after deadline_sql_active(). */
void deadline_sql_overdue(SqlBuf*, const Deadline*, int iAlias, const char *zToday, void (*xText)(void*, const char*), void*);
#endif
