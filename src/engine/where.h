/*
** src/engine/where.h — the WHERE-clause builder shared by lists (query.c)
** and indicators (indicator.c). Internal to src/engine/.
**
** Values travel in a[] beside the SQL text, in placeholder order; the SQL
** holds only registry identifiers and ?N. Conditions that need the holiday
** calendar ("ontime", "late") are not SQL: w_cond() sets them aside in
** aPost[] for the caller to evaluate in C.
*/
#ifndef FZ_WHERE_H
#define FZ_WHERE_H
#include "engine/query.h"

typedef struct Arg { int bInt; i64 v; const char *z; } Arg;
typedef struct Where {
  SqlBuf b;
  int nArg;
  Arg a[160];
  const Cond *aPost[12];    /* deadline conditions, evaluated in C */
  int nPost;
  int mDue;                 /* keep only rows with a period overdue / due soon (Query.mDue) */
  int bDeptOnly;            /* w_base: the department itself, not its subtree */
  i64 iOwnUnit;             /* "own" condition: this department (0: the scope's own unit) */
} Where;

void w_text(Where*, const char *z);            /* appends ?N bound to text */
void w_int(Where*, i64 v);                     /* appends ?N bound to an integer */
void w_scope(Where*, const char *zAlias, const char *zScope);   /* sql_scope on [zAlias.]path, bound to zScope */
void w_bind(Where*, Stmt*);
/* " WHERE <scope> [AND <dept subtree>] [AND <year>]" */
void w_base(Ctx*, Where*, const Kind*, int iYear, i64 iDept, const Field *pYearField);
/* " AND <condition>", or set aside in aPost[] */
void w_cond(Ctx*, Where*, const Kind*, const Cond*);

/* indicator.c's C pass, shared with the breakdowns (breakdown.c) */
int  ind_cond_match(Ctx*, const Rec*, const Cond*);
void ind_row_fields(Stmt*, int iCol, Rec*, const unsigned char *aNeed);   /* marked fields from column iCol */
long long ind_row_value(Ctx*, const Rec*, const Expr*);                  /* the side's value for a row, 0 if it fails a condition */
long long ind_side_value(const Rec*, const Expr*);
void ind_need_fields(const Kind*, const Expr*, unsigned char *aNeed);   /* marks the fields an Expr reads */
#endif
