/*
** src/engine/query.h — filtered, scoped, sorted, paged lists of records,
** and the indicators computed over the same filters.
*/
#ifndef FZ_QUERY_H
#define FZ_QUERY_H
#include "engine/record.h"

typedef struct Query {
  const Kind *pKind;
  int iYear;                  /* 0 = every year */
  i64 iDept;                  /* 0 = the actor's whole scope; else that subtree */
  int bDeptOnly;              /* iDept itself, not its subtree (a breakdown's group) */
  const char **azFilter;      /* per field (kind_nfield entries): the query-form value or NULL */
  const char *zState;         /* one state or NULL */
  const char *zSort;          /* a field name, "id", QUERY_SORT_DUE or NULL (query_sort_ok says which) */
  int bDesc;
  int iPage, nSize;           /* 1-based page; nSize capped at 200 (0 = all, exports) */
  const Indicator *pInd;      /* trace: the records behind an indicator … */
  int bDen;                   /* … its denominator (1) or numerator (0) */
  int mDue;                   /* only records with a period running that is overdue (QUERY_OVERDUE)
                              ** or due within todo_soon_days working days (QUERY_SOON) */
  const char **azFrom, **azTo;/* per field (kind_nfield entries): a date field's range (从/至), or NULL */
  int bTransient;             /* rec_scan: rows live only during their callback (exports, sums) */
  const i64 *aId; int nId;    /* only these records (导出选中); nId 0: no such limit */
} Query;

/* ?sort=due: by the date the most pressing running period ends (the 期限
** column), records with none last. Counted in C (the calendar), so the
** list reads every candidate's dates to sort them. */
#define QUERY_SORT_DUE "due"
/* The name a list may sort k by: a field the kind declares (not one a
** later version hid; for the public, a public one), or QUERY_SORT_DUE
** when k has periods; anything else is not a sort (the caller ignores
** it). Never SQL text: w_order writes the field's registry name. */
const char *query_sort_ok(const Kind*, const char *zSort, int bPublic);
#define QUERY_OVERDUE 1           /* Query.mDue bits (the list's 已逾期 and 即将到期) */
#define QUERY_SOON    2

typedef struct RecList { int nRow; Rec **aRow; i64 nTotal; } RecList;

void query_init(Ctx*, Query*, const Kind*);
int  rec_list(Ctx*, const Query*, RecList*);
/* The records aId[0..n) of k the actor may see, in the order given (a
** repeated id once): nRow of them, nTotal the different ids asked for
** (the rest are missing or outside the scope). For a confirmation page. */
int  rec_pick(Ctx*, const Kind*, const i64 *aId, int n, RecList*);
/* The records q matches in each state of its kind (q->zState is ignored):
** an[i] for the kind's aState[i], in one pass. */
int  rec_count_states(Ctx*, const Query*, long long *an);
/* Streams every matching record (exports, the report's annexes). xRow returns non-zero to stop. */
int  rec_scan(Ctx*, const Query*, int (*xRow)(void*, Rec*), void*);

typedef struct IndValue {
  const Kind *pKind;
  const Indicator *pInd;
  long long num, den;
  int bEmpty;                 /* denominator zero: no value */
  char zValue[32];            /* "96.4" — rounded half up, as everywhere */
  char zText[64];             /* "96.4%" / "65件" / "5.2" */
  int bBelowTarget;
} IndValue;
int  ind_compute(Ctx*, const Kind*, const Indicator*, int iYear, i64 iDept, IndValue*);
/* Every indicator of a kind, in declaration order (one pass over the records). */
int  ind_compute_kind(Ctx*, const Kind*, int iYear, i64 iDept, IndValue **paOut);
void ind_format_rate(long long num, long long den, int nScale, int nDecimals, char *zOut, int nOut);
/* From num and den: the value's text, empty, below target (a sum of values). */
void ind_finish_value(const Kind*, const Indicator*, IndValue*);
/* The word after a value: "%" for a rate, the indicator's zUnitWord, "元"
** for a sum of money, the word the report writes after the count
** (zUnitSaid), else 项 (catalogs) or 件; "" for an average. */
const char *ind_unit_suffix(const Kind*, const Indicator*);
/* Side x of an indicator of k sums a money field (FT_MONEY, in 分). */
int ind_side_money(const Kind*, const Expr*);
/* v's numerator (bDen: denominator) as text: a count, or 元 with two
** decimals ("1,234.50") for a sum of money. Arena memory. */
const char *ind_count_text(Arena*, const IndValue*, int bDen);
/* An indicator counted within a year although its kind has no year field:
** it has a year field of its own or a "year" condition. */
int ind_uses_year(const Indicator*);
/* An indicator with an "own" condition: each unit's own records, so a sum
** over units is the sum of their figures, not one unit's. */
int ind_uses_own(const Indicator*);
/* The kind a side of an indicator of k counts: k, or the other kind it names. */
const Kind *ind_side_kind(const Kind *k, const Expr*);
/* The indicator whose numerator (or denominator, bDen) counts records of
** kList, named "ind" (kList's own) or "kind.ind" (a side over kList of
** another kind's indicator: a coverage's 名录库); NULL if none. */
const Indicator *ind_for_list(const Kind *kList, const char *zInd, int bDen);
/* The "ind" parameter that lists the records behind a side: "name" or "kind.name". */
const char *ind_list_param(Ctx*, const Kind*, const Indicator*, int bDen);

/* One group of a breakdown: its name, the list parameter and value that
** select exactly its records (dept_only, ID or f_FIELD, =VALUE), and its figure. */
typedef struct BreakRow { const char *zKey; const char *zParam; const char *zValue; IndValue v; } BreakRow;
/* The breakdown's groups in the actor's scope and the year, worst first
** (groups without data last). */
int  ind_breakdown(Ctx*, const Kind*, const Breakdown*, int iYear, BreakRow **paRow, int *pnRow);
/* Every declared breakdown of the year (of one kind, or all), with the
** county figure beside each: what the 分单位情况 page, the API and the
** report's section 三 read. */
typedef struct BreakSet { const Kind *pKind; const Breakdown *pBd; IndValue all; BreakRow *aRow; int nRow; } BreakSet;
int  ind_breakdowns(Ctx*, const Kind *pOnly, int iYear, BreakSet **paSet, int *pnSet);
/* The group that lags: the worst, with at least nMin in its denominator
** (a count: numerator), and below target or (bHighIsBad) above the county
** by half again; NULL if none. */
const BreakRow *ind_breakdown_laggard(const BreakSet*, int nMin);

/* 扫码入企 (scan.c): the page behind an enterprise's QR code. */
typedef struct ScanVisit { const char *zDate, *zDept, *zWay, *zItem, *zResult, *zInspectors; } ScanVisit;
typedef struct ScanItem { i64 id; const char *zName; } ScanItem;
typedef struct ScanOfficer { const char *zCert, *zName, *zExpires; int bExpired, bRecused; } ScanOfficer;
typedef struct ScanView {
  ScanVisit *aVisit; int nVisit;   /* this year's inspections */
  int nLimit;                      /* yearly limit, 0 none */
  int bCanLog, bOverLimit;         /* the form is shown; the limit warning with its confirmation */
  ScanItem *aItem; int nItem;      /* the inspector's department's registered items */
  ScanOfficer *aOfficer; int nOfficer;  /* its on-duty enforcement officers (expired ones marked) */
} ScanView;
int scan_visits(Ctx*, const Rec *pEnt, ScanView*);   /* this year's inspections done, and the limit */
int scan_items(Ctx*, ScanView*);                     /* the actor's department's registered items */
int scan_officers(Ctx*, const Rec *pEnt, ScanView*); /* the actor's department's on-duty officers */
/* Logs an inspection of pEnt from the page's form (xGet: a field by name). */
int scan_log(Ctx*, const Rec *pEnt, const char *(*xGet)(void*, const char*), void *pArg);
#endif
