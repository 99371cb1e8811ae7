/*
** src/engine/summary.h — what the 工作台 (the home page) shows for its
** user: the kinds that are the user's work, their indicators of a year,
** and the summary above them (below target, fallen against last year,
** overdue records). The page itself is src/web/dashboard.c; the handler
** h_home (src/handlers/overview.c) adds the report's state.
*/
#ifndef FZ_SUMMARY_H
#define FZ_SUMMARY_H
#include "engine/query.h"

/* One indicator worse than last year. */
typedef struct IndFall {
  const IndValue *pNow;       /* this year's value (in its DashKind's aVal) */
  IndValue last;              /* last year's, or its same period while the year runs */
  int bRose;                  /* a figure where higher is worse (纠错率, 败诉率) rose; else the rate fell */
} IndFall;

/* One section of the dashboard: a kind with its indicators. */
typedef struct DashKind {
  const Kind *pKind;
  IndValue *aVal; int nVal;   /* its indicators of the year, in declaration order */
  int nBelow, nFell;          /* how many of them are below target, worse than last year */
  long long nOverdue;         /* its records (any year) with a period overdue today */
} DashKind;

typedef struct Dash {
  int iYear; i64 iDept;
  int bSame;                  /* the year still runs: "last year" is its same period (上年同期) */
  int bOwn;                   /* only the kinds the user's department records (a clerk's default) */
  int nHidden;                /* the kinds the actor may see that bOwn leaves out */
  DashKind *aKind; int nKind; /* the sections, in menu order */
  const IndValue **aBelow; int nBelow;   /* every value below its target */
  IndFall *aFell; int nFell;             /* every rate worse than last year */
  long long nOverdue;                    /* the records of all sections overdue today */
} Dash;

/*
** The dashboard of iYear (iDept: one department's subtree of the scope, 0
** the whole scope) for the context's actor. With bOwn (used for clerks),
** only the kinds their department records: those with a record filed in
** their scope (any year), the kinds their county defined (custom kinds
** visible to them), and the kinds whose indicators name their
** department's type (法律顾问覆盖率 counts every bureau and town). Else
** every kind the actor sees (kinds_for).
**
** Worse than last year: a rate (only rates: fewer 复议 cases is not a
** worsening) with data in both years whose value, rounded as shown, fell;
** or rose, for a figure whose declared breakdown says higher is worse. A
** year still running is set against the same period of last year, as the
** report does; a kind without a year (a register as it stands now) is not
** compared. Overdue: a record with an active period past its due date
** (deadline_eval's nLeft < 0), any year, in the scope and iDept.
** Arena memory; FZ_OK or FZ_INTERNAL.
*/
int dash_build(Ctx*, int iYear, i64 iDept, int bOwn, Dash*);
#endif
