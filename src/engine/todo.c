/*
** src/engine/todo.c — 待办 (see todo.h): the periods running in the
** actor's scope, overdue or due soon, across every kind; and the count of
** overdue ones that every page's header shows.
**
** The list reads, per kind and period, the records whose period may be
** running (deadline_sql_active: the rule applies, an active state, no
** done date; the state index finds them) and evaluates each in C with
** deadline_eval(), the definition the record page shows. The header's
** count is one statement: per kind and period, the same records less
** those not yet overdue, judged over cal_day (deadline_sql_overdue);
** t_periods.c checks that both say the same for every day of a range.
*/
#include "engine/todo.h"
#include "engine/setting.h"
#include "engine/kinddef.h"
#include "engine/where.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <time.h>

int todo_soon_days(Ctx *c){
  if( c->nSoonDays>0 ) return c->nSoonDays;
  const char *z = 0;
  int n = 0;
  /* the county's (or city's) own value: the county of the actor's department */
  i64 iUnit = c->pActor->iDept ? dept_unit_id(c, c->pActor->iDept) : actor_unit(c->pActor);
  if( setting_read_unit(c->pDb, c->pArena, "due_soon_days", iUnit, &z)==DB_OK && z ) n = atoi(z);
  if( n<1 || n>30 ) n = atoi(setting_find("due_soon_days")->zDefault);   /* a row written before the check */
  c->nSoonDays = n;
  return n;
}

/* Binds a value of a period's lists (copied: the caller's text is a temporary). */
/* Binds a value of a period's lists (copied: the caller's text is a
** temporary). A Where holds 160 values: past 150 a value is not bound
** (bOver set, NULL written) and the caller counts in C instead. */
typedef struct TodoBind { Ctx *c; Where *w; int bOver; } TodoBind;
static void todo_text(void *p, const char *z){
  TodoBind *a = p;
  if( a->w->nArg >= 150 ){ a->bOver = 1; sql_lit(&a->w->b, "NULL"); return; }
  w_text(a->w, arena_strdup(a->c->pArena, z));
}

/* The kinds with a period that can run against someone, that the actor
** sees (q: only q's kind); *pn of them. Arena memory. */
static const Kind **todo_kinds(Ctx *c, const Kind *pOnly, int *pn){
  const Kind *aK[KIND_MAX];
  int nK = kinds_for(c->pActor, aK, KIND_MAX), n = 0;
  const Kind **a = arena_alloc(c->pArena, sizeof(Kind*)*(size_t)(nK+1));
  for(int i=0; i<nK; i++){
    const Kind *k = aK[i];
    if( k->aDeadline==0 || (pOnly && k!=pOnly) ) continue;
    int bAny = 0;
    for(const Deadline *d=k->aDeadline; d->zName; d++) if( !d->bMinimum ) bAny = 1;
    if( bAny ) a[n++] = k;
  }
  *pn = n;
  return a;
}

typedef struct Collect {
  Ctx *c;
  const TodoQuery *q;
  TodoList *pL;
  Day today;
  int nSoon;
  TodoItem *a; int n, nAlloc;  /* the items of q's kind and state (before paging) */
  TodoCount *pCount;           /* the current kind's counts */
} Collect;

int todo_month_parse(const char *z, int *pY, int *pM){
  if( strlen(z)!=7 || z[4]!='-' || strspn(z, "0123456789")!=4 || strspn(z+5, "0123456789")!=2 ) return 0;
  int y = atoi(z), m = atoi(z+5);
  if( y<2000 || y>2099 || m<1 || m>12 ) return 0;
  *pY = y; *pM = m;
  return 1;
}

static int month_ok(const TodoQuery *q, Day due){
  if( q->iYear==0 ) return 1;
  int y, m;
  day_ymd(due, &y, &m, 0);
  return y==q->iYear && m==q->iMonth;
}

/* One kind's open records for period d: each evaluated in C. */
static int collect_kind(Collect *p, const Kind *k, const Deadline *d, int bWanted){
  Ctx *c = p->c;
  Where w;
  Stmt st;
  memset(&w, 0, sizeof(w));
  sqlbuf_init(&w.b);
  rec_select_cols(&w.b, k);                 /* … FROM k */
  w_base(c, &w, k, 0, p->q->iDept, 0);
  TodoBind tb = { c, &w, 0 };
  deadline_sql_active(&w.b, d, todo_text, &tb);
  int rc = FZ_OK;
  if( tb.bOver ){
    sqlbuf_free(&w.b);
    return err_internal(c, "todo %s.%s: more than 150 values in its conditions", k->zName, d->zName);
  }
  if( db_prepare_buf(c->pDb, &st, &w.b) ){
    rc = err_internal(c, "todo %s.%s: %s", k->zName, d->zName, db_errmsg(c->pDb));
    sqlbuf_free(&w.b);
    return rc;
  }
  w_bind(&w, &st);
  int r;
  while( (r = db_step(&st))==DB_ROW ){      /* open records only: few, kept in the request's arena */
    Rec *pRec = rec_new(c, k);
    rec_from_row(c, &st, pRec);
    DeadlineStatus s;
    deadline_eval(c, pRec, d, p->today, &s);
    if( !s.bActive || d->bMinimum ) continue;
    int bLate = s.bLate, bSoon = !s.bLate && s.nLeft<=p->nSoon;
    if( !(bLate || bSoon) || !month_ok(p->q, s.due) ) continue;
    if( bLate ) p->pCount->nOverdue++; else p->pCount->nSoon++;
    if( !bWanted ) continue;
    if( bLate ) p->pL->nOverdue++; else p->pL->nSoon++;
    int mState = p->q->mState ? p->q->mState : TODO_OVERDUE|TODO_SOON;
    if( !(mState & (bLate ? TODO_OVERDUE : TODO_SOON)) ) continue;
    p->a = arena_grow(c->pArena, p->a, p->n, &p->nAlloc, sizeof(TodoItem));
    TodoItem *it = &p->a[p->n++];
    it->pKind = k;
    it->pDl = d;
    it->pRec = pRec;
    it->s = s;
  }
  db_finalize(&st);
  sqlbuf_free(&w.b);
  if( r!=DB_DONE ) return err_internal(c, "todo %s.%s: %s", k->zName, d->zName, db_errmsg(c->pDb));
  return FZ_OK;
}

/* Earliest due first; then the kind (by its id), the record and the
** period (its place in the kind's aDeadline), so a page is always the same. */
static int item_cmp(const void *pa, const void *pb){
  const TodoItem *a = pa, *b = pb;
  if( a->s.due!=b->s.due ) return a->s.due < b->s.due ? -1 : 1;
  if( a->pKind!=b->pKind ) return strcmp(a->pKind->zName, b->pKind->zName);
  if( a->pRec->id!=b->pRec->id ) return a->pRec->id < b->pRec->id ? -1 : 1;
  return a->pDl < b->pDl ? -1 : a->pDl > b->pDl;
}

int todo_list(Ctx *c, const TodoQuery *q, TodoList *pL){
  memset(pL, 0, sizeof(*pL));
  pL->nSoonDays = todo_soon_days(c);
  int nK;
  const Kind **aK = todo_kinds(c, 0, &nK);
  pL->aCount = arena_alloc(c->pArena, sizeof(TodoCount)*(size_t)(nK+1));
  Collect p;
  memset(&p, 0, sizeof(p));
  p.c = c; p.q = q; p.pL = pL; p.nSoon = pL->nSoonDays;
  p.today = c->iToday;
  if( p.today==0 ) day_parse(c->zToday, &p.today);
  for(int i=0; i<nK; i++){
    const Kind *k = aK[i];
    p.pCount = &pL->aCount[pL->nCount++];
    p.pCount->pKind = k;
    for(const Deadline *d=k->aDeadline; d->zName; d++){
      if( d->bMinimum ) continue;
      int rc = collect_kind(&p, k, d, q->pKind==0 || q->pKind==k);
      if( rc ) return rc;
    }
  }
  if( p.n>1 ) qsort(p.a, (size_t)p.n, sizeof(TodoItem), item_cmp);
  pL->nTotal = p.n;
  int nSize = q->nSize<1 ? 20 : q->nSize>200 ? 200 : q->nSize;
  int iPage = q->iPage<1 ? 1 : q->iPage;
  i64 iFirst = (i64)(iPage-1)*nSize;
  if( iFirst<p.n ){
    pL->aItem = p.a + iFirst;
    pL->nItem = p.n - iFirst < nSize ? (int)(p.n - iFirst) : nSize;
  }
  return FZ_OK;
}

/* Appends "SELECT COUNT(*) AS n FROM k <joins> WHERE <scope> AND <open>
** AND <overdue>" for period d of k. */
static int count_part(Ctx *c, Where *w, const Kind *k, const Deadline *d){
  TodoBind tb = { c, w, 0 };
  sql_lit(&w->b, "SELECT COUNT(*) AS n FROM ");
  sql_ident(&w->b, k->zName);
  deadline_sql_due_join(&w->b, d, 0, c->zToday, todo_text, &tb);
  w_base(c, w, k, 0, 0, 0);
  deadline_sql_active(&w->b, d, todo_text, &tb);
  deadline_sql_overdue(&w->b, d, 0, c->zToday, todo_text, &tb);
  return tb.bOver;
}

/* The badge's last counts, per worker thread (no lock): a scope's count
** is kept while this process has committed no write, on the same day, for
** at most TODO_CACHE_S seconds (another server or a command may have
** written: their changes show within that time). Measured on the demo
** county (bench/README.md's way, wrk on a page): the statement is ~3 ms of
** CPU, most of it reading the 涉企检查 and 执法案件 done since the start
** (their 公示 periods run in the final state); a page is ~0.3 ms. */
#define TODO_CACHE_N 8
#define TODO_CACHE_S 30
typedef struct TodoMemo { char zScope[96]; char zToday[11]; i64 iGen; time_t tAt; long long n; } TodoMemo;
static _Thread_local TodoMemo aMemo[TODO_CACHE_N];
static _Thread_local int iMemoNext;

static int count_overdue(Ctx*, long long*);
int todo_overdue_count(Ctx *c, long long *pn){
  const char *zScope = c->pActor->zDeptPath ? c->pActor->zDeptPath : "/";
  i64 iGen = db_write_gen();
  time_t now = time(0);
  int bMemo = !c->bPeriodsInC && strlen(zScope) < sizeof(aMemo[0].zScope);
  for(int i=0; bMemo && i<TODO_CACHE_N; i++){
    TodoMemo *m = &aMemo[i];
    if( m->iGen==iGen && now - m->tAt < TODO_CACHE_S && now >= m->tAt
     && strcmp(m->zScope, zScope)==0 && strcmp(m->zToday, c->zToday)==0 ){
      *pn = m->n;
      return FZ_OK;
    }
  }
  int rc = count_overdue(c, pn);
  if( rc==FZ_OK && bMemo ){
    TodoMemo *m = &aMemo[iMemoNext];
    iMemoNext = (iMemoNext + 1) % TODO_CACHE_N;
    snprintf(m->zScope, sizeof m->zScope, "%s", zScope);
    memcpy(m->zToday, c->zToday, sizeof m->zToday);
    m->iGen = iGen;                       /* read before counting: a write meanwhile makes it stale */
    m->tAt = now;
    m->n = *pn;
  }
  return rc;
}

/* The overdue items as todo_list counts them (C): of kind k, or of every
** kind (k NULL). */
static int count_in_c(Ctx *c, const Kind *k, long long *pn){
  TodoList l;
  TodoQuery q;
  memset(&q, 0, sizeof(q));
  q.pKind = k;
  q.mState = TODO_OVERDUE;
  q.nSize = 1;
  int rc = todo_list(c, &q, &l);
  *pn = l.nOverdue;
  return rc;
}

/* Whether SQL can judge every running period of k (deadline_sql_due_ok). */
static int kind_sql_ok(const Kind *k){
  for(const Deadline *d=k->aDeadline; d && d->zName; d++) if( !d->bMinimum && !deadline_sql_due_ok(d) ) return 0;
  return 1;
}

static int count_overdue(Ctx *c, long long *pn){
  *pn = 0;
  int nK;
  const Kind **aK = todo_kinds(c, 0, &nK);
  if( c->bPeriodsInC ) return count_in_c(c, 0, pn);
  /* a kind with a period SQL cannot judge (a pause, a local rule …): the
  ** list's own count of that kind; the others in SQL */
  const Kind **aSql = arena_alloc(c->pArena, sizeof(*aSql)*(size_t)(nK+1));
  int nSql = 0;
  for(int i=0; i<nK; i++){
    if( kind_sql_ok(aK[i]) ){ aSql[nSql++] = aK[i]; continue; }
    long long n = 0;
    int rc = count_in_c(c, aK[i], &n);
    if( rc ) return rc;
    *pn += n;
  }
  aK = aSql;
  nK = nSql;
  if( nK==0 ) return FZ_OK;
  /* one statement: the sum of each period's count. Where holds 160
  ** values; a part binds about ten, so a long list of kinds is split. */
  int iK = 0;
  const Deadline *d = aK[0]->aDeadline;
  while( iK<nK ){
    Where w;
    memset(&w, 0, sizeof(w));
    sqlbuf_init(&w.b);
    sql_lit(&w.b, "SELECT SUM(n) FROM (");
    int nPart = 0;
    while( iK<nK && w.nArg<100 ){
      if( d->zName==0 ){ if( ++iK<nK ) d = aK[iK]->aDeadline; continue; }
      if( !d->bMinimum ){
        if( nPart++ ) sql_lit(&w.b, " UNION ALL ");
        if( count_part(c, &w, aK[iK], d) ){   /* too many values to bind: in C */
          sqlbuf_free(&w.b);
          *pn = 0;
          return count_in_c(c, 0, pn);
        }
      }
      d++;
    }
    sql_lit(&w.b, ") u");
    if( nPart==0 ){ sqlbuf_free(&w.b); break; }
    Stmt st;
    if( db_prepare_buf(c->pDb, &st, &w.b) ){
      int rc = err_internal(c, "todo count: %s", db_errmsg(c->pDb));
      sqlbuf_free(&w.b);
      return rc;
    }
    w_bind(&w, &st);
    int r = db_step(&st);
    if( r==DB_ROW ) *pn += db_column_int64(&st, 0);
    db_finalize(&st);
    sqlbuf_free(&w.b);
    if( r!=DB_ROW ) return err_internal(c, "todo count: %s", db_errmsg(c->pDb));
  }
  return FZ_OK;
}
