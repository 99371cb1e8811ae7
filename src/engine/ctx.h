/*
** src/engine/ctx.h — who is acting, on which database, and the user errors
** collected so far. Web requests, API requests and CLI jobs each make one.
**
** User errors are sticky (SQLite's pParse->nErr pattern): validators add to
** pCtx->err and the caller checks err.n once; nothing is written while
** err.n>0.
*/
#ifndef FZ_CTX_H
#define FZ_CTX_H
#include "base/arena.h"
#include "db/db.h"
#include "engine/kind.h"

/* Result codes */
#define FZ_OK        0
#define FZ_INVALID   1    /* user errors are in pCtx->err */
#define FZ_NOTFOUND  2    /* missing, or outside the actor's scope */
#define FZ_FORBIDDEN 3
#define FZ_INTERNAL  4    /* logged; the user sees a generic message */
#define FZ_CONFLICT  5    /* refused because of other records (errors in pCtx->err) */

typedef struct Actor {
  i64 iUser;              /* 0 = anonymous / command line */
  const char *zLogin;
  const char *zName;
  unsigned mRole;         /* one R_* bit */
  i64 iDept;
  const char *zDeptPath;  /* "/1/4/" — the subtree the actor may see */
  int bCity;              /* an admin of a city: sees several counties */
  int bPwTemp;            /* logged in with a one-time password: must change it first */
} Actor;

typedef struct ErrItem {
  int iRow;               /* import row (as the user sees it), 0 for forms */
  const char *zField;     /* field id, NULL for record-level errors */
  const char *zLabel;     /* the field's Chinese label (or the import column header) */
  const char *zMsg;       /* Chinese, complete */
} ErrItem;
typedef struct ErrList { int n, nAlloc; ErrItem *a; } ErrList;

typedef struct Ctx {
  Db *pDb;
  Arena *pArena;
  Arena *pErrArena;       /* where error texts live (the importer swaps pArena per row) */
  const Actor *pActor;
  ErrList err;
  char zToday[11];        /* YYYY-MM-DD, local time; tests may pin it */
  int iToday;             /* zToday as a calendar Day (days since 1970), set by ctx_init */
  char zInternal[300];    /* detail of the last internal error, for the log */
  void *pIndCache;        /* indicator results computed in this context (indicator.c) */
  int bPeriodsInC;        /* count statutory periods in C on every backend (tests compare both) */
  int iCountYear;         /* the year a figure or list is computed for (0: all): the "year" condition */
  char zYearUntil[6];     /* "MM-DD": a year's figures end on that day (the same period last
                          ** year, for a year still running); "" = the whole year */
  const char *zVia;       /* the mechanism's own page writing ("scan"), for EnumVal.zVia; NULL: form, API, import */
  int bTrusted;           /* the mechanism's own code applied its rules itself (a draw, the demo
                          ** generator): Roster, F_OWN and YearLimit are not checked again */
  struct StrMap *pImportLimit;   /* an import's rows so far per "ref\tyear" (YearLimit, rules.c), or 0 */
  i64 iImportFirstId;     /* …and its first id: its rows are counted in that map, not in the table */
  int nZoneMin, bZoneRead; /* the time_zone setting, read once (ctx_zone in setting.c) */
  int nSoonDays;          /* the due_soon_days setting, read once (todo_soon_days in todo.c); 0 unread */
  i64 aUnitMemo[64][2];   /* dept id -> its unit (dept_unit_id), direct-mapped; zeroed by ctx_init */
  struct Progress *pProgress;   /* long work's counts as it goes (an import, a migration); 0: none */
} Ctx;

void ctx_init(Ctx*, Db*, Arena*, const Actor*);
/* The county's time zone (minutes east of UTC) as the time_zone setting
** was last read: ctx_init's "today" is the county's date in it. */
void ctx_zone_known(int nMin);
void err_add(Ctx*, int iRow, const Field *pField, const char *zFmt, ...) FMT(4,5);
int  err_internal(Ctx*, const char *zFmt, ...) FMT(2,3);    /* returns FZ_INTERNAL */
int  err_has(Ctx*, int iRow, const char *zField);   /* this row already has an error on this field */
const char *err_text(Ctx*, const ErrItem*);   /* "第12行「收到申请日期」：…" */
extern const Field field_dept;                 /* the built-in 所属部门 column */
int  actor_can_write(const Actor*);
/* The unit the actor's scope is: the last id of its path ("/1/4/" → 4); 0
** for the whole tree ("/"). */
i64  actor_unit(const Actor*);
/*
** A unit of work on the store: one web or API request, run on its worker's
** connection in one transaction (a GET in one read snapshot that cannot
** write). The faces (src/http) drive a request through these and never
** call the store themselves; unit.c is their one door to it.
*/
typedef enum StoreHealth {
  STORE_OK = 0,            /* nothing failed */
  STORE_DOWN,              /* the database is unreachable, full, read-only, locked too long: retry later (503) */
  STORE_QUERY_FAILED       /* a statement failed for another reason (a bug, a damaged schema): 500 */
} StoreHealth;
Db  *store_connect(const char *zTarget, char *zErr, int nErr);  /* an existing database, or 0 + zErr */
int  store_is_shared(const char *zTarget);  /* PostgreSQL: several servers may share the database */
int  ctx_store_shared(Ctx*);                /* this context's database is such a one */
void ctx_health_reset(Ctx*);                /* a new request: an answered failure is forgotten */
StoreHealth ctx_health(Ctx*);               /* the store's verdict on the work so far */
const char *ctx_health_why(Ctx*);           /* the database's message for it (never NULL) */
int  ctx_failed(Ctx*);                      /* any statement failed (ctx_health()!=STORE_OK) */
/* Opens the unit: with bRead, one read snapshot in which nothing can be
** written. Returns 0, or 1 when the store refused (see ctx_health()).
** *pnCommit is what ctx_unit_end() compares. */
int  ctx_unit_begin(Ctx*, int bRead, i64 *pnCommit);
/* Closes it: ends the snapshot, rolls back whatever the handler left open.
** Returns 1 when a statement failed after the unit committed its write
** (the write stands; the caller answers as committed and logs). */
int  ctx_unit_end(Ctx*, int bRead, i64 nCommit);
void ctx_unit_abandon(Ctx*);                /* a transaction left open (an aborted request): rolled back */
#endif
