/*
** src/engine/prule.h — 地方规定: a province's, city's or county's own
** length of a statutory period (prule.c). The declared Deadline is the
** state default; a Deadline with bLocal may be replaced, for the records
** of one jurisdiction (a unit of the department tree and every unit below
** it), by a row of the table period_rule in force from a date. A record
** counts with the rule in force on its start date, the deepest
** jurisdiction above its unit first; with none, the declared length.
*/
#ifndef FZ_PRULE_H
#define FZ_PRULE_H
#include "engine/record.h"

#define PRULE_LEN_MAX 366        /* the longest length a rule may set, in its unit */

typedef struct PeriodRule {
  i64 id;                  /* period_rule.id */
  const char *zKind;       /* the kind's name */
  const char *zDeadline;   /* the Deadline's name */
  i64 iJur;                /* the jurisdiction: a unit's dept id */
  const char *zJurPath;    /* its path ("/1/4/"); "" when the unit is gone */
  const char *zJurName;    /* its name (示范县) */
  const char *zLevel;      /* "province", "city" or "county" */
  int nLength;             /* the length, in eUnit */
  PeriodUnit eUnit;        /* PU_DAYS, PU_WORKDAYS or PU_MONTHS */
  const char *zBasis;      /* the provision, quoted */
  Day from, to;            /* first and last day in force; to 0: still in force */
  char zFrom[11], zTo[11]; /* the same as text (zTo "" when open) */
  const char *zBy, *zAt;   /* who wrote it, when (UTC) */
} PeriodRule;

/* The rule of a[0..n) in force for a record of kind zKind's period
** zDeadline whose unit is iUnit (its path zUnitPath, NULL when not
** known: then only a rule of iUnit itself applies), started on day
** start: among the rules for that period whose jurisdiction is iUnit or
** lies above it (its path a prefix of zUnitPath) and whose days in force
** hold start, the one of the deepest jurisdiction. NULL: none, the
** declared length counts. Pure: the unit tests call it on arrays. */
const PeriodRule *prule_pick(const PeriodRule *a, int n, const char *zKind, const char *zDeadline,
                             i64 iUnit, const char *zUnitPath, Day start);

/* The rules as the database has them, and the change counter (setting
** prule_gen) read first: at start (app_open), and again by prule_refresh
** once per request when another process (a second server, `fazhi rule`)
** changed them. A replaced set stays allocated (a request may still read
** it). 0, or a database error code (the rules in force stay). */
int prule_load(Db*);
int prule_refresh(Ctx*);
/* One more change of the rules (setting prule_gen), in the caller's write
** transaction (prule_set, prule_end, fazhi migrate). 0 on success. */
int prule_gen_bump(Db*);

/* The rule counted for r's period d (deadline_eval): NULL when d is not
** bLocal, no rule is in force for r's unit on its start date, or r has
** no start. The record's unit is r->iUnit, else its department's unit
** (dept_unit_id, memoised in the context). */
const PeriodRule *prule_for(Ctx*, const Rec*, const Deadline*);

/* The longest day count a rule of k's period d may run, wide as
** holiday.c reckons (working days at two calendar days each plus a
** fortnight, months at 31 days, with d's extension); 0 when none. */
int prule_reach(const Kind*, const Deadline*);

/* "30日", "3个工作日", "3个月" (arena memory). */
const char *prule_length_text(Arena*, int nLength, PeriodUnit);
/* "省级规定", "市级规定", "县级规定" */
const char *prule_level_label(const char *zLevel);
/* The source of d's period as a case shows it: "依据：BASIS（省级规定，
** 2026-01-01起施行）" for a rule, "依据：BASIS（默认规定）" for the
** declared length (arena memory). */
const char *prule_source(Arena*, const Deadline*, const PeriodRule*);

/* The SQL path (deadline.c, indicator.c): the rules that may govern the
** records of the scope (dept iDept's subtree, 0: the actor's) for d, as one
** CASE over unit_id and the start's day number. nCase 0: none, the
** declared length for every row. bMixed: a rule in force there counts in
** another unit than the declared one (the SQL shapes differ: count d in C). */
typedef struct PruleCase { int nUnit; const i64 *aUnit; Day from, to; int nLength; } PruleCase;
typedef struct PruleSql {
  int nCase;               /* rules in scope, deepest jurisdiction first */
  PruleCase *aCase;        /* nUnit 0: every record of the scope (the rule's jurisdiction holds it whole) */
  int bMixed;
} PruleSql;
/* Fills *p for k's period d over the scope (arena memory). */
void prule_sql(Ctx*, const Kind*, const Deadline*, i64 iDept, PruleSql *p);

/* ---- changes (the 期限规则 page and `fazhi rule`) ---------------------- */

/* A new rule: kind zKind's period zDeadline for the unit zUnit (a dept
** id or name: a county, a city or the root; NULL: the actor's own unit),
** issued at level zLevel ("province", "city", "county"; NULL: "county"
** for a county, "city" for another unit), zLength in zPunit ("days",
** "workdays", "months"), quoting zBasis, in force from zFrom. A rule of
** the same period and unit still in force from an earlier day ends the
** day before (its successor); one from a later day, or from the same day,
** is refused. Audited ("@period_rule"), guarded by `fazhi check`, every
** server sees it at its next request. FZ_OK (*piId the new id);
** FZ_INVALID with the reasons in c->err on "kind", "deadline" (unknown;
** not overridable: the message names the law that fixes it), "unit"
** (unknown, not a unit, outside the actor's scope), "level", "length",
** "punit", "basis", "from"; FZ_FORBIDDEN (not an admin); FZ_INTERNAL. */
int prule_set(Ctx*, const char *zKind, const char *zDeadline, const char *zUnit, const char *zLevel,
              const char *zLength, const char *zPunit, const char *zBasis, const char *zFrom, i64 *piId);
/* Ends rule zId: its last day in force becomes zTo (not before its first
** day; NULL or "": today); a rule already ended is refused. Same checks, audit and reach as prule_set;
** FZ_NOTFOUND for a rule outside the actor's scope. */
int prule_end(Ctx*, const char *zId, const char *zTo);

/* Every declared period for the page and `fazhi rule list`: its default,
** whether it may be overridden, and the rules the actor sees (those of
** its units and of the units above them), each with bEdit when the actor
** may end it. Arena memory. */
typedef struct PruleRow {
  const Kind *pKind;
  const Deadline *pDl;
  int nRule;
  const PeriodRule **apRule;   /* newest first */
  int *abEdit;
} PruleRow;
int prule_rows(Ctx*, PruleRow **pa, int *pn);
/* The units a rule may be set for by the actor (county, city, root in its
** scope), by path. 0, or a database error code. Arena memory. */
typedef struct PruleUnitOpt { i64 id; const char *zName; int bCounty; int bRoot; } PruleUnitOpt;
int prule_units(Ctx*, PruleUnitOpt **pa, int *pn);
#endif
