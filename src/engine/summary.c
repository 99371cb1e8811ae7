/*
** src/engine/summary.c — the 工作台's content for its user (summary.h):
** which kinds are the user's work, their indicators, and the summary of
** what needs attention. No HTML here: src/web/dashboard.c renders it.
*/
#include "engine/summary.h"
#include "engine/where.h"
#include "engine/kinddef.h"
#include <string.h>
#include <stdlib.h>
#include <pthread.h>
#include <stdio.h>

/* Any record of k filed under zPath (a department path), in any year: 1, 0, or -1 on
** a database error. Through the dept_id index, stopping at the first. */
static int kind_has_records(Ctx *c, const Kind *k, const char *zPath){
  Where w;
  memset(&w, 0, sizeof w);
  sqlbuf_init(&w.b);
  sql_lit(&w.b, "SELECT 1 FROM ");
  sql_ident(&w.b, k->zName);
  sql_lit(&w.b, " WHERE dept_id IN (SELECT id FROM dept WHERE ");
  w_scope(&w, 0, zPath);
  sql_lit(&w.b, ") LIMIT 1");
  Stmt q;
  int rc = -1;
  if( db_prepare_buf(c->pDb, &q, &w.b)==0 ){
    w_bind(&w, &q);
    int s = db_step(&q);
    rc = s==DB_ROW ? 1 : s==DB_DONE ? 0 : -1;
    db_finalize(&q);
  }
  if( rc<0 ) err_internal(c, "dash: %s: %s", k->zName, db_errmsg(c->pDb));
  sqlbuf_free(&w.b);
  return rc;
}

/* The type of the actor's department (bureau, town …; "" for none), or
** NULL on a database error (recorded). */
static const char *actor_dtype(Ctx *c){
  Stmt q;
  const char *z = "";
  if( db_prepare(c->pDb, &q, "SELECT dtype FROM dept WHERE id=?1") ){
    err_internal(c, "dash dtype: %s", db_errmsg(c->pDb));
    return 0;
  }
  db_bind_int64(&q, 1, c->pActor->iDept);
  int rc = db_step(&q);
  if( rc==DB_ROW ) z = arena_strdup(c->pArena, db_column_text(&q, 0));
  else if( rc!=DB_DONE ) z = 0;
  db_finalize(&q);
  if( z==0 ) err_internal(c, "dash dtype: %s", db_errmsg(c->pDb));
  return z;
}

/* An indicator of k names departments of type zType: a "dtype" condition
** (the record's department, or the departments counted) listing it. */
static int kind_names_dtype(const Kind *k, const char *zType){
  if( zType[0]==0 || k->aIndicator==0 ) return 0;
  for(const Indicator *ind=k->aIndicator; ind->zName; ind++){
    const Expr *ax[2] = { &ind->num, &ind->den };
    for(int e=0; e<2; e++){
      for(const Cond *x=ax[e]->aCond; x->zOp; x++){
        int bDtype = x->eOp==CO_DTYPE || (x->eOp==CO_EQ && strcmp(x->zField, "dtype")==0
                                           && ax[e]->zKind && strcmp(ax[e]->zKind, IND_DEPTS)==0);
        if( bDtype && namelist_has(&x->aValue, zType) ) return 1;
      }
    }
  }
  return 0;
}

/* The kind's own department's work, for bOwn: 1, 0, or -1 on error. */
static int kind_is_own(Ctx *c, const Kind *k, const char *zType){
  const char *zMine = c->pActor->zDeptPath ? c->pActor->zDeptPath : "/";
  if( kind_names_dtype(k, zType) ) return 1;
  int rc = kind_has_records(c, k, zMine);
  /* a kind the county defined (kind_visible already) that nobody has
  ** recorded yet: every clerk may be the one to start it */
  if( rc==0 && k->iOwner ){
    int bAny = kind_has_records(c, k, k->zOwnerPath);
    rc = bAny<0 ? -1 : !bAny;
  }
  return rc;
}

/* The periods of k in the scope and iDept overdue today (a record with two
** periods overdue counts twice, as 待办 counts items): for each period
** that can run against someone, the records SQL says may be running (no
** done date, an active state) are judged by deadline_eval(), the
** definition the record page shows. Rows live in a scratch arena. */
static int kind_overdue(Ctx *c, const Kind *k, i64 iDept, long long *pn){
  *pn = 0;
  Day today = c->iToday;
  if( today==0 ) day_parse(c->zToday, &today);
  for(const Deadline *d=k->aDeadline; d && d->zName; d++){
    if( d->bMinimum ) continue;
    Where w;
    memset(&w, 0, sizeof w);
    sqlbuf_init(&w.b);
    rec_select_cols(&w.b, k);
    w_base(c, &w, k, 0, iDept, 0);
    sql_lit(&w.b, " AND "); sql_ident(&w.b, d->zDone); sql_lit(&w.b, " IS NULL");
    if( d->aActiveIn.n ){
      sql_lit(&w.b, " AND state IN (");
      for(int i=0; i<d->aActiveIn.n; i++){ if( i ) sql_lit(&w.b, ","); w_text(&w, d->aActiveIn.az[i]); }
      sql_lit(&w.b, ")");
    }
    Stmt st;
    if( db_prepare_buf(c->pDb, &st, &w.b) ){
      sqlbuf_free(&w.b);
      return err_internal(c, "dash overdue %s.%s: %s", k->zName, d->zName, db_errmsg(c->pDb));
    }
    w_bind(&w, &st);
    Arena *pMain = c->pArena, rows;
    arena_init(&rows);
    c->pArena = &rows;
    int r;
    while( (r = db_step(&st))==DB_ROW ){
      Rec *pRec = rec_new(c, k);
      rec_from_row(c, &st, pRec);
      DeadlineStatus s;
      deadline_eval(c, pRec, d, today, &s);
      if( s.bActive && s.bLate ) (*pn)++;
    }
    c->pArena = pMain;
    arena_free(&rows);
    db_finalize(&st);
    sqlbuf_free(&w.b);
    if( r!=DB_DONE ) return err_internal(c, "dash overdue %s.%s: %s", k->zName, d->zName, db_errmsg(c->pDb));
  }
  return FZ_OK;
}

/* Higher is worse for ind: a breakdown of it says so (纠错率, 败诉率). */
static int high_is_bad(const Kind *k, const Indicator *ind){
  for(const Breakdown *b=k->aBreakdown; b && b->zIndicator; b++){
    if( b->bHighIsBad && strcmp(b->zIndicator, ind->zName)==0 ) return 1;
  }
  return 0;
}

/* ---- last year's figures, kept across requests ---------------------------
** A year gone by changes only when something is written, and every write
** that can move a figure (a record, an import, a holiday, a setting, a
** custom kind's definition, the department tree) appends an audit entry
** in its own transaction: the audit log's last id, read in the request's
** snapshot, is the data's version. So the dashboard computes last year's
** values of a kind once per version (the view is then as fast as before
** it compared years) and every process — two servers on one database —
** sees a write at its next request. A slot is keyed by everything the
** values depend on: the kind (a redefined custom kind is a new Kind), the
** year, the department, the period's end (上年同期), today and the scope.
** Direct-mapped; one lock (held only to copy). Heap memory, replaced, never
** shrunk: MEMO_N slots of a kind's indicators at most. */
#define MEMO_N 128
typedef struct LastMemo {
  const Kind *k; int iYear; i64 iDept; long long iVersion;
  char zUntil[6], zToday[11], zScope[112];
  int nVal; IndValue *a;      /* malloc'd copy; NULL: empty slot */
} LastMemo;
/* The same for a kind's overdue count (it moves with today and the data). */
typedef struct DueMemo {
  const Kind *k; i64 iDept; long long iVersion;
  char zToday[11], zScope[112];
  long long n; int bSet;
} DueMemo;
static DueMemo aDueMemo[MEMO_N];
static LastMemo aMemo[MEMO_N];
static pthread_mutex_t memoLock = PTHREAD_MUTEX_INITIALIZER;

/* The data's version (the last audit id); -1 when it cannot be read (the
** figures are then computed, not kept: slower, never stale). */
static long long data_version(Ctx *c){
  Stmt q;
  long long v = -1;
  if( db_prepare(c->pDb, &q, "SELECT COALESCE(MAX(id),0) FROM audit") ) return -1;
  if( db_step(&q)==DB_ROW ) v = db_column_int64(&q, 0);
  db_finalize(&q);
  return v;
}

static LastMemo *memo_slot(const Kind *k, int iYear, i64 iDept, const char *zScope){
  unsigned long h = (unsigned long)iYear*2654435761u ^ (unsigned long)iDept*40503u;
  for(const char *z=k->zName; *z; z++) h = h*31 + (unsigned char)*z;
  for(const char *z=zScope; *z; z++) h = h*31 + (unsigned char)*z;
  h ^= h>>15;
  return &aMemo[h % MEMO_N];
}

/* kind_overdue through aDueMemo (iVersion < 0: not kept). */
static int kind_overdue(Ctx*, const Kind*, i64 iDept, long long *pn);
static int overdue_memo(Ctx *c, const Kind *k, i64 iDept, long long iVersion, long long *pn){
  const char *zScope = c->pActor->zDeptPath ? c->pActor->zDeptPath : "/";
  if( iVersion<0 || strlen(zScope)>=sizeof aDueMemo[0].zScope ) return kind_overdue(c, k, iDept, pn);
  DueMemo *m = &aDueMemo[memo_slot(k, 0, iDept, zScope) - aMemo];
  int bHit = 0;
  pthread_mutex_lock(&memoLock);
  if( m->bSet && m->k==k && m->iDept==iDept && m->iVersion==iVersion
   && strcmp(m->zToday, c->zToday)==0 && strcmp(m->zScope, zScope)==0 ){ *pn = m->n; bHit = 1; }
  pthread_mutex_unlock(&memoLock);
  if( bHit ) return FZ_OK;
  if( kind_overdue(c, k, iDept, pn) ) return FZ_INTERNAL;
  pthread_mutex_lock(&memoLock);
  m->k = k; m->iDept = iDept; m->iVersion = iVersion; m->n = *pn; m->bSet = 1;
  memcpy(m->zToday, c->zToday, sizeof m->zToday);
  snprintf(m->zScope, sizeof m->zScope, "%s", zScope);
  pthread_mutex_unlock(&memoLock);
  return FZ_OK;
}

/* Last year's values of k (nVal of them) into an arena copy: from the
** memo when its key and version match, else computed and kept. */
static int last_year(Ctx *c, const Kind *k, int iYear, i64 iDept, int nVal, long long iVersion, IndValue **pa){
  const char *zScope = c->pActor->zDeptPath ? c->pActor->zDeptPath : "/";
  int bMemo = iVersion>=0 && strlen(zScope)<sizeof aMemo[0].zScope;
  LastMemo *m = memo_slot(k, iYear, iDept, zScope);
  if( bMemo ){
    int bHit = 0;
    IndValue *a = arena_alloc(c->pArena, sizeof(IndValue)*(size_t)(nVal+1));
    pthread_mutex_lock(&memoLock);
    if( m->a && m->k==k && m->iYear==iYear && m->iDept==iDept && m->iVersion==iVersion && m->nVal==nVal
     && strcmp(m->zUntil, c->zYearUntil)==0 && strcmp(m->zToday, c->zToday)==0 && strcmp(m->zScope, zScope)==0 ){
      memcpy(a, m->a, sizeof(IndValue)*(size_t)nVal);
      bHit = 1;
    }
    pthread_mutex_unlock(&memoLock);
    if( bHit ){ *pa = a; return FZ_OK; }
  }
  if( ind_compute_kind(c, k, iYear, iDept, pa) ) return FZ_INTERNAL;
  if( !bMemo ) return FZ_OK;
  IndValue *copy = malloc(sizeof(IndValue)*(size_t)nVal);
  if( copy==0 ) return FZ_OK;
  memcpy(copy, *pa, sizeof(IndValue)*(size_t)nVal);
  pthread_mutex_lock(&memoLock);
  free(m->a);
  m->k = k; m->iYear = iYear; m->iDept = iDept; m->iVersion = iVersion; m->nVal = nVal; m->a = copy;
  memcpy(m->zUntil, c->zYearUntil, sizeof m->zUntil);
  memcpy(m->zToday, c->zToday, sizeof m->zToday);
  snprintf(m->zScope, sizeof m->zScope, "%s", zScope);
  pthread_mutex_unlock(&memoLock);
  return FZ_OK;
}

/* The rates of dk worse than last year, appended to p->aFell. */
static int kind_fell(Ctx *c, DashKind *dk, Dash *p, long long iVersion, int *pnAlloc){
  const Kind *k = dk->pKind;
  int bAny = 0;
  for(int i=0; i<dk->nVal; i++){
    const IndValue *v = &dk->aVal[i];
    if( v->pInd->eUnit==IU_PERCENT && !v->bEmpty ) bAny = 1;
  }
  if( !bAny ) return FZ_OK;
  int bSame = atoi(c->zToday)==p->iYear && strcmp(c->zToday+5, "12-31")!=0 && !k->pVersion;
  IndValue *aLast;
  if( bSame ) memcpy(c->zYearUntil, c->zToday+5, 6);
  int rc = last_year(c, k, p->iYear-1, p->iDept, dk->nVal, iVersion, &aLast);
  c->zYearUntil[0] = 0;
  if( rc ) return rc;
  for(int i=0; i<dk->nVal; i++){
    const IndValue *v = &dk->aVal[i], *w = &aLast[i];
    const Indicator *ind = v->pInd;
    if( ind->eUnit!=IU_PERCENT || v->bEmpty || w->bEmpty ) continue;
    /* a register as it stands now has no last year to differ from */
    if( !kind_year_field(k) && !k->pInForce && !ind_uses_year(ind) ) continue;
    double now = atof(v->zValue), last = atof(w->zValue);   /* as shown, rounded alike */
    int bBad = high_is_bad(k, ind);
    if( bBad ? !(now>last) : !(now<last) ) continue;
    p->aFell = arena_grow(c->pArena, p->aFell, p->nFell, pnAlloc, sizeof *p->aFell);
    p->aFell[p->nFell++] = (IndFall){ .pNow = v, .last = *w, .bRose = bBad };
    dk->nFell++;
  }
  return FZ_OK;
}

int dash_build(Ctx *c, int iYear, i64 iDept, int bOwn, Dash *p){
  memset(p, 0, sizeof *p);
  p->iYear = iYear;
  p->iDept = iDept;
  p->bOwn = bOwn;
  p->bSame = atoi(c->zToday)==iYear && strcmp(c->zToday+5, "12-31")!=0;
  const Kind *aK[KIND_MAX];
  int nK = kinds_for(c->pActor, aK, KIND_MAX);
  p->aKind = arena_alloc(c->pArena, sizeof(DashKind)*(size_t)(nK+1));
  const char *zType = bOwn ? actor_dtype(c) : "";
  if( zType==0 ) return FZ_INTERNAL;
  int nBelowAlloc = 0, nFellAlloc = 0;
  long long iVersion = data_version(c);
  for(int i=0; i<nK; i++){
    const Kind *k = aK[i];
    if( bOwn ){
      int b = kind_is_own(c, k, zType);
      if( b<0 ) return FZ_INTERNAL;
      if( b==0 ){ p->nHidden++; continue; }
    }
    DashKind *dk = &p->aKind[p->nKind++];
    dk->pKind = k;
    if( k->aIndicator && k->aIndicator[0].zName ){
      if( ind_compute_kind(c, k, iYear, iDept, &dk->aVal) ) return FZ_INTERNAL;
      while( k->aIndicator[dk->nVal].zName ) dk->nVal++;
    }
    for(int j=0; j<dk->nVal; j++){
      if( !dk->aVal[j].bBelowTarget ) continue;
      p->aBelow = arena_grow(c->pArena, p->aBelow, p->nBelow, &nBelowAlloc, sizeof *p->aBelow);
      p->aBelow[p->nBelow++] = &dk->aVal[j];
      dk->nBelow++;
    }
    if( kind_fell(c, dk, p, iVersion, &nFellAlloc) ) return FZ_INTERNAL;
    if( overdue_memo(c, k, iDept, iVersion, &dk->nOverdue) ) return FZ_INTERNAL;
    p->nOverdue += dk->nOverdue;
  }
  return FZ_OK;
}
