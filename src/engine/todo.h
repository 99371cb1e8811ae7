/*
** src/engine/todo.h — 待办: the statutory periods running in the actor's
** scope that are overdue (已逾期) or due within N working days (即将到期,
** N the due_soon_days setting), across every kind with periods.
**
** One item is one period of one record (a record with two periods running
** is two items). A minimum period (Deadline.bMinimum) runs against no one
** and is never an item. The list is evaluated by deadline_eval() (C) over
** the open records SQL selects; the header's count of overdue items is one
** SQL statement over cal_day (deadline_sql_overdue), which agrees with
** it (tests/unit/t_periods.c compares both).
*/
#ifndef FZ_TODO_H
#define FZ_TODO_H
#include "engine/query.h"

#define TODO_OVERDUE 1        /* TodoQuery.mState bits */
#define TODO_SOON    2

typedef struct TodoQuery {
  const Kind *pKind;          /* one kind, or NULL: every kind the actor sees */
  i64 iDept;                  /* that department's subtree (0: the whole scope) */
  int iYear, iMonth;          /* due in that month (iYear 0: any) */
  int mState;                 /* TODO_OVERDUE | TODO_SOON (0: both) */
  int iPage, nSize;           /* 1-based page, rows per page (≤ 200) */
} TodoQuery;

typedef struct TodoItem {
  const Kind *pKind;
  const Deadline *pDl;        /* the period (its zLabel, zBasis) */
  Rec *pRec;                  /* the record (arena memory) */
  DeadlineStatus s;           /* deadline_eval's answer: s.due, s.nLeft, s.bLate */
} TodoItem;

typedef struct TodoCount {
  const Kind *pKind;
  int nOverdue, nSoon;        /* under the query's department and month, any kind and state */
} TodoCount;

typedef struct TodoList {
  int nSoonDays;              /* N of 即将到期 */
  i64 nTotal;                 /* items matching the whole query */
  int nOverdue, nSoon;        /* of the query's kind, department and month, by state */
  TodoItem *aItem; int nItem; /* the page asked for, by due date (earliest first) */
  TodoCount *aCount; int nCount;   /* per kind with periods the actor sees, in menu order */
} TodoList;

/* The due_soon_days setting as the actor's county holds it (read once per
** context). */
int todo_soon_days(Ctx*);
/* "YYYY-MM" read into *pY, *pM (2000–2099): 1, else 0. */
int todo_month_parse(const char *z, int *pY, int *pM);
/* The list for q: FZ_OK or FZ_INTERNAL. Arena memory. */
int todo_list(Ctx*, const TodoQuery *q, TodoList*);
/* The number of overdue items in the actor's whole scope (the header's
** badge): one statement over the kinds whose periods SQL can judge
** (deadline_sql_due_ok), todo_list's count for the others (a pause, a
** local rule); all in C when c->bPeriodsInC. */
int todo_overdue_count(Ctx*, long long *pn);
#endif
