/*
** src/engine/query.c — turning a Query or an indicator's conditions into
** one parameterised SELECT, and running it.
**
** The WHERE clause is assembled from registry identifiers and ?N
** placeholders only; the values travel separately in a Where's argument
** list. Conditions SQL cannot express (whether a statutory period was met,
** which needs the holiday calendar) are applied in C to the rows SQL
** returns: rec_scan() then reads every candidate row.
*/
#include "engine/query.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

#include "engine/where.h"
#include "engine/todo.h"

void w_text(Where *w, const char *z){
  sql_param(&w->b);
  w->a[w->nArg].bInt = 0; w->a[w->nArg].z = z; w->nArg++;
}
void w_int(Where *w, i64 v){
  sql_param(&w->b);
  w->a[w->nArg].bInt = 1; w->a[w->nArg].v = v; w->nArg++;
}
void w_scope(Where *w, const char *zAlias, const char *zScope){
  sql_scope(&w->b, zAlias);
  w->a[w->nArg].bInt = 1; w->a[w->nArg].v = (i64)strlen(zScope); w->nArg++;
  w->a[w->nArg].bInt = 0; w->a[w->nArg].z = zScope; w->nArg++;
}
void w_bind(Where *w, Stmt *q){
  for(int i=0; i<w->nArg; i++){
    if( w->a[i].bInt ) db_bind_int64(q, i+1, w->a[i].v); else db_bind_text(q, i+1, w->a[i].z);
  }
}

static int is_int_field(const Field *f){
  return field_is_int(f);
}

/* "field IN (?, ?, …)" over a condition's list (the state when f is NULL). */
static void w_in(Where *w, const Field *f, const NameList *l, int bNot){
  sql_ident(&w->b, f ? f->zName : "state");
  if( bNot ) sql_lit(&w->b, " NOT IN ("); else sql_lit(&w->b, " IN (");
  for(int i=0; i<l->n; i++){
    if( i ) sql_lit(&w->b, ",");
    if( f && is_int_field(f) ) w_int(w, atoll(l->az[i])); else w_text(w, l->az[i]);
  }
  sql_lit(&w->b, ")");
}

/* "state IN (?, ?, …)" over a comma list a user gave (?state=a,b). */
static void w_in_states(Ctx *c, Where *w, const char *zList){
  sql_lit(&w->b, "state IN (");
  char *z = arena_strdup(c->pArena, zList);
  int n = 0;
  for(char *p=z, *e; p; p=e){
    e = strchr(p, ',');
    if( e ) *e++ = 0;
    if( n++ ) sql_lit(&w->b, ",");
    w_text(w, p);
  }
  sql_lit(&w->b, ")");
}

/* One indicator condition (its strings read by registry_compile()). */
void w_cond(Ctx *c, Where *w, const Kind *k, const Cond *x){
  if( x->eOp==CO_ONTIME || x->eOp==CO_LATE ){
    if( w->nPost < (int)(sizeof(w->aPost)/sizeof(w->aPost[0])) ) w->aPost[w->nPost++] = x;
    return;
  }
  sql_lit(&w->b, " AND ");
  if( x->eOp==CO_STATE ){ w_in(w, 0, &x->aValue, 0); return; }
  if( x->eOp==CO_OWN ){                   /* filed by the unit shown, or the scope's own: the last id of its path */
    i64 iUnit = w->iOwnUnit ? w->iOwnUnit : actor_unit(c->pActor);
    if( iUnit==0 ){                         /* the whole tree: its roots */
      sql_lit(&w->b, "dept_id IN (SELECT id FROM dept WHERE parent_id IS NULL)");
      return;
    }
    sql_lit(&w->b, "dept_id="); w_int(w, iUnit);
    return;
  }
  if( x->eOp==CO_DTYPE ){                 /* the record's department is of these types */
    sql_lit(&w->b, "dept_id IN (SELECT id FROM dept WHERE dtype IN (");
    for(int i=0; i<x->aValue.n; i++){
      if( i ) sql_lit(&w->b, ",");
      w_text(w, x->aValue.az[i]);
    }
    sql_lit(&w->b, "))");
    return;
  }
  const Field *f = kind_field(k, x->zField);
  if( x->eOp==CO_SETIF ){                 /* set, where the flag says it is needed */
    sql_lit(&w->b, "("); sql_ident(&w->b, f->zName); sql_lit(&w->b, " IS NOT NULL OR ");
    sql_ident(&w->b, kind_field(k, x->zValue)->zName); sql_lit(&w->b, " IS NULL OR ");
    sql_ident(&w->b, kind_field(k, x->zValue)->zName); sql_lit(&w->b, "<>1)");
    return;
  }
  if( x->eOp==CO_EQ ){ w_in(w, f, &x->aValue, 0); return; }
  if( x->eOp==CO_NE ){
    sql_lit(&w->b, "("); sql_ident(&w->b, f->zName); sql_lit(&w->b, " IS NULL OR ");
    w_in(w, f, &x->aValue, 1);
    sql_lit(&w->b, ")");
    return;
  }
  sql_ident(&w->b, f->zName);
  if( x->eOp==CO_YEAR ){
    if( c->iCountYear ){ sql_lit(&w->b, "="); w_int(w, c->iCountYear); }
    else sql_lit(&w->b, " IS NOT NULL");
    return;
  }
  if( x->eOp==CO_SET ){ sql_lit(&w->b, " IS NOT NULL"); return; }
  if( x->eOp==CO_UNSET ){ sql_lit(&w->b, " IS NULL"); return; }
  if( x->eOp==CO_LE ) sql_lit(&w->b, "<=");
  else sql_lit(&w->b, ">=");
  w_int(w, atoll(x->zValue));
}

/* The part of every query: scope, year, department. */
void w_base(Ctx *c, Where *w, const Kind *k, int iYear, i64 iDept, const Field *fy){
  /* The scope's predicate is db.h's (sql_scope, through w_scope). */
  /* +dept_id (SQLite): the scope is a filter, not an access path — in a
  ** county's own file, driving a count through the dept_id index fetches
  ** every row in random order, where the year's date index (or a plain
  ** scan) reads them in order. PostgreSQL plans with statistics, and in a
  ** province one county is a hundredth of the rows: there the index may
  ** well be the way in. */
  int bPlus = db_dialect(c->pDb)==DB_SQLITE;
  /* The whole tree in scope (the command line, a province-wide figure):
  ** no filter, which spares a hash probe per row of a province. */
  if( strcmp(c->pActor->zDeptPath, "/")==0 ){
    sql_lit(&w->b, " WHERE 1=1");
  }else{
    if( bPlus ) sql_lit(&w->b, " WHERE +dept_id"); else sql_lit(&w->b, " WHERE dept_id");
    sql_lit(&w->b, " IN (SELECT id FROM dept WHERE ");
    w_scope(w, 0, c->pActor->zDeptPath);
    sql_lit(&w->b, ")");
  }
  if( iDept && w->bDeptOnly ){
    sql_lit(&w->b, " AND dept_id="); w_int(w, iDept);
  }else if( iDept ){
    if( bPlus ) sql_lit(&w->b, " AND +dept_id"); else sql_lit(&w->b, " AND dept_id");
    sql_lit(&w->b, " IN (SELECT d.id FROM dept d, dept p WHERE p.id=");
    w_int(w, iDept);
    sql_lit(&w->b, " AND " SQL_PATH_UNDER("d.path", "length(p.path)", "p.path") ")");
  }
  if( fy==0 ) fy = kind_year_field(k);
  if( iYear && fy==0 && k->pInForce ){      /* in force on the year's last day, or today */
    const char *zEnd = arena_printf(c->pArena, "%04d-%s", iYear, c->zYearUntil[0] ? c->zYearUntil : "12-31");
    if( strcmp(c->zToday, zEnd)<0 ) zEnd = c->zToday;
    sql_lit(&w->b, " AND "); sql_ident(&w->b, k->pInForce->zFrom); sql_lit(&w->b, "<="); w_text(w, zEnd);
    sql_lit(&w->b, " AND ("); sql_ident(&w->b, k->pInForce->zTo); sql_lit(&w->b, " IS NULL OR ");
    sql_ident(&w->b, k->pInForce->zTo); sql_lit(&w->b, ">"); w_text(w, zEnd); sql_lit(&w->b, ")");
  }else if( iYear && fy && fy->eType==FT_INT ){    /* a versioned catalog: that year's version */
    sql_lit(&w->b, " AND "); sql_ident(&w->b, fy->zName); sql_lit(&w->b, "=");
    w_int(w, iYear);
  }else if( iYear && fy ){
    sql_lit(&w->b, " AND "); sql_ident(&w->b, fy->zName); sql_lit(&w->b, ">=");
    w_text(w, arena_printf(c->pArena, "%04d-01-01", iYear));
    sql_lit(&w->b, " AND "); sql_ident(&w->b, fy->zName); sql_lit(&w->b, "<=");
    w_text(w, arena_printf(c->pArena, "%04d-%s", iYear, c->zYearUntil[0] ? c->zYearUntil : "12-31"));
  }
}

static void w_query(Ctx *c, Where *w, const Query *q){
  const Kind *k = q->pKind;
  const Expr *xInd = q->pInd ? (q->bDen ? &q->pInd->den : &q->pInd->num) : 0;
  w->bDeptOnly = q->bDeptOnly;
  c->iCountYear = q->iYear;
  /* a side over another kind is read in that kind's own year */
  w_base(c, w, k, q->iYear, q->iDept,
         xInd && !xInd->zKind && q->pInd->zYearField ? kind_field(k, q->pInd->zYearField) : 0);
  if( q->zState ){ sql_lit(&w->b, " AND "); w_in_states(c, w, q->zState); }
  if( q->azFilter ){
    int i = 0;
    for(const Field *f=k->aField; f->zName; f++, i++){
      const char *z = q->azFilter[i];
      if( z==0 || z[0]==0 ) continue;
      sql_lit(&w->b, " AND ");
      if( z[0]=='=' && z[1]==0 ){           /* "=" alone: the field is empty */
        sql_ident(&w->b, f->zName);
        sql_lit(&w->b, " IS NULL");
        continue;
      }
      sql_ident(&w->b, f->zName);
      if( z[0]=='=' ){                      /* "=text": exactly that value (a breakdown's group) */
        z++;
        if( is_int_field(f) ){ sql_lit(&w->b, "="); w_int(w, atoll(z)); }
        else{ sql_lit(&w->b, "="); w_text(w, z); }
      }else if( f->eType==FT_TEXT || f->eType==FT_LONGTEXT ){
        /* contains the typed text literally: % _ and \ are not wildcards */
        Buf e;
        buf_init(&e);
        buf_putc(&e, '%');
        for(const char *p=z; *p; p++){
          if( *p=='%' || *p=='_' || *p=='\\' ) buf_putc(&e, '\\');
          buf_putc(&e, *p);
        }
        buf_putc(&e, '%');
        sql_lit(&w->b, " LIKE ");
        w_text(w, arena_strdup(c->pArena, buf_cstr(&e)));
        sql_lit(&w->b, " ESCAPE '\\'");
        buf_free(&e);
      }else if( is_int_field(f) ){
        sql_lit(&w->b, "="); w_int(w, atoll(z));
      }else{
        sql_lit(&w->b, "="); w_text(w, z);
      }
    }
  }
  if( q->nId>0 ){                         /* 导出选中: the rows ticked */
    sql_lit(&w->b, " AND id IN (");
    for(int j=0; j<q->nId; j++){
      if( j ) sql_lit(&w->b, ",");
      w_int(w, q->aId[j]);
    }
    sql_lit(&w->b, ")");
  }
  if( q->azFrom && q->azTo ){            /* a date field from / to (inclusive) */
    int i = 0;
    for(const Field *f=k->aField; f->zName; f++, i++){
      Day dv;
      if( f->eType!=FT_DATE ) continue;
      if( q->azFrom[i] && day_parse(q->azFrom[i], &dv)==CAL_OK ){
        sql_lit(&w->b, " AND "); sql_ident(&w->b, f->zName); sql_lit(&w->b, ">="); w_text(w, q->azFrom[i]);
      }
      if( q->azTo[i] && day_parse(q->azTo[i], &dv)==CAL_OK ){
        sql_lit(&w->b, " AND "); sql_ident(&w->b, f->zName); sql_lit(&w->b, "<="); w_text(w, q->azTo[i]);
      }
    }
  }
  if( xInd ){
    w->iOwnUnit = q->iDept;
    for(const Cond *cd=xInd->aCond; cd->zOp; cd++) w_cond(c, w, k, cd);
  }
  w->mDue = q->mDue;
}

/* Post-filter: deadline conditions and the due/overdue view. */
static int w_keep(Ctx *c, Where *w, Rec *r, Day today){
  for(int i=0; i<w->nPost; i++){
    const Cond *x = w->aPost[i];
    const Deadline *d = kind_deadline(r->pKind, x->zField);
    int bOn = deadline_ontime(c, r, d);
    if( x->eOp==CO_ONTIME ? !bOn : bOn ) return 0;
  }
  if( w->mDue ){
    if( r->pKind->aDeadline==0 ) return 0;
    int nSoon = todo_soon_days(c);
    for(const Deadline *d=r->pKind->aDeadline; d->zName; d++){
      DeadlineStatus s;
      deadline_eval(c, r, d, today, &s);
      if( !s.bActive ) continue;
      if( s.bLate ? (w->mDue & QUERY_OVERDUE) : s.nLeft<=nSoon && (w->mDue & QUERY_SOON) ) return 1;
    }
    return 0;
  }
  return 1;
}

void query_init(Ctx *c, Query *q, const Kind *k){
  memset(q, 0, sizeof(*q));
  q->pKind = k;
  q->azFilter = arena_alloc(c->pArena, sizeof(char*)*(size_t)(kind_nfield(k)+1));
  q->azFrom = arena_alloc(c->pArena, sizeof(char*)*(size_t)(kind_nfield(k)+1));
  q->azTo = arena_alloc(c->pArena, sizeof(char*)*(size_t)(kind_nfield(k)+1));
  q->iPage = 1;
  q->nSize = 20;
}

const char *query_sort_ok(const Kind *k, const char *zSort, int bPublic){
  if( zSort==0 ) return 0;
  if( strcmp(zSort, QUERY_SORT_DUE)==0 ) return k->aDeadline && !bPublic ? QUERY_SORT_DUE : 0;
  if( strcmp(zSort, "id")==0 ) return "id";
  const Field *f = kind_field(k, zSort);
  if( f==0 || (f->flags & F_HIDDEN) || (bPublic && !(f->flags & F_PUBLIC)) ) return 0;
  return f->zName;                         /* the registry's string, not the request's */
}

static void w_order(Where *w, const Query *q){
  const Kind *k = q->pKind;
  const Field *f = q->zSort && strcmp(q->zSort, QUERY_SORT_DUE)!=0 ? kind_field(k, q->zSort) : 0;
  sql_lit(&w->b, " ORDER BY ");
  if( f ){
    sql_ident(&w->b, f->zName);
    if( q->bDesc ) sql_lit(&w->b, " DESC, id DESC"); else sql_lit(&w->b, " ASC, id ASC");
  }else{
    if( q->bDesc || q->zSort==0 ) sql_lit(&w->b, "id DESC"); else sql_lit(&w->b, "id ASC");
  }
}

int rec_scan(Ctx *c, const Query *q, int (*xRow)(void*, Rec*), void *pArg){
  Where w;
  Stmt st;
  memset(&w, 0, sizeof(w));
  sqlbuf_init(&w.b);
  rec_select_cols(&w.b, q->pKind);
  w_query(c, &w, q);
  w_order(&w, q);
  Day today = 0;
  day_parse(c->zToday, &today);
  int rc = FZ_OK;
  if( db_prepare_buf(c->pDb, &st, &w.b) ){
    rc = err_internal(c, "rec_scan: %s", db_errmsg(c->pDb));
  }else{
    w_bind(&w, &st);
    db_stream(&st, 0);
    Arena *pMain = c->pArena;
    Arena rowArena;
    arena_init(&rowArena);
    while( db_step(&st)==DB_ROW ){
      if( q->bTransient ){ arena_free(&rowArena); arena_init(&rowArena); c->pArena = &rowArena; }
      Rec *r = rec_new(c, q->pKind);
      rec_from_row(c, &st, r);
      int bStop = w_keep(c, &w, r, today) && xRow(pArg, r);
      c->pArena = pMain;
      if( bStop ) break;
    }
    arena_free(&rowArena);
    db_finalize(&st);
  }
  sqlbuf_free(&w.b);
  return rc;
}

/* Page collector for lists that need the C post-filter. */
typedef struct PageCollect { RecList *pList; i64 iFirst, iEnd; Ctx *c; } PageCollect;
static int collect_row(void *p, Rec *r){
  PageCollect *pc = p;
  i64 i = pc->pList->nTotal++;
  if( i>=pc->iFirst && i<pc->iEnd ){
    pc->pList->aRow[pc->pList->nRow++] = r;
  }
  return 0;
}

typedef struct StateTally { const Kind *k; long long *an; } StateTally;
static int tally_state(void *pArg, Rec *r){
  StateTally *t = pArg;
  for(int i=0; t->k->aState[i].zId; i++){
    if( r->zState && strcmp(r->zState, t->k->aState[i].zId)==0 ){ t->an[i]++; break; }
  }
  return 0;
}

int rec_count_states(Ctx *c, const Query *q0, long long *an){
  const Kind *k = q0->pKind;
  int nState = 0;
  while( k->aState && k->aState[nState].zId ) an[nState++] = 0;
  if( nState==0 ) return FZ_OK;
  if( (c->pActor->mRole & R_PUBLIC) && !k->bPublic ) return FZ_NOTFOUND;
  Query q = *q0;
  q.zState = 0;
  Where w;
  memset(&w, 0, sizeof(w));
  sqlbuf_init(&w.b);
  sql_lit(&w.b, "SELECT state, COUNT(*) FROM ");
  sql_ident(&w.b, k->zName);
  w_query(c, &w, &q);
  if( w.nPost>0 || w.mDue ){
    /* counting needs the calendar: walk every candidate in C */
    sqlbuf_free(&w.b);
    StateTally t = { k, an };
    q.bTransient = 1;
    return rec_scan(c, &q, tally_state, &t);
  }
  sql_lit(&w.b, " GROUP BY state");
  Stmt st;
  if( db_prepare_buf(c->pDb, &st, &w.b) ){
    sqlbuf_free(&w.b);
    return err_internal(c, "rec_count_states: %s", db_errmsg(c->pDb));
  }
  w_bind(&w, &st);
  int rc;
  while( (rc = db_step(&st))==DB_ROW ){
    const char *z = db_column_text(&st, 0);
    for(int i=0; i<nState; i++) if( z && strcmp(z, k->aState[i].zId)==0 ){ an[i] = db_column_int64(&st, 1); break; }
  }
  db_finalize(&st);
  sqlbuf_free(&w.b);
  if( rc!=DB_DONE ) return err_internal(c, "rec_count_states: %s", db_errmsg(c->pDb));
  return FZ_OK;
}

/* ?sort=due: every candidate's id and the end of its most pressing
** running period (none: after all others), kept on the heap while the
** rows themselves pass through a transient arena. */
typedef struct DueKey { i64 id; Day due; } DueKey;
typedef struct DueCollect { Ctx *c; DueKey *a; int n, nAlloc; Day today; } DueCollect;
static int collect_due(void *p, Rec *r){
  DueCollect *dc = p;
  DeadlineStatus s;
  dc->a = fz_grow(dc->a, dc->n, &dc->nAlloc, sizeof *dc->a);
  dc->a[dc->n].id = r->id;
  dc->a[dc->n].due = deadline_first(dc->c, r, dc->today, &s, 0) ? s.due : (Day)0x7fffffff;
  dc->n++;
  return 0;
}
static int due_asc(const void *pA, const void *pB){
  const DueKey *a = pA, *b = pB;
  if( a->due!=b->due ) return a->due<b->due ? -1 : 1;
  return a->id<b->id ? -1 : a->id>b->id;
}
static int due_desc(const void *pA, const void *pB){
  const DueKey *a = pA, *b = pB;
  int bNoneA = a->due==(Day)0x7fffffff, bNoneB = b->due==(Day)0x7fffffff;
  if( bNoneA!=bNoneB ) return bNoneA - bNoneB;       /* no period: last either way */
  if( a->due!=b->due ) return a->due>b->due ? -1 : 1;
  return a->id>b->id ? -1 : a->id<b->id;
}

/* One page of q sorted by the 期限 column: the candidates' due dates in C,
** sorted, and the page's records read by id. */
static int rec_list_by_due(Ctx *c, const Query *q, RecList *pList, int iPage, int nSize){
  Query qs = *q;
  qs.bTransient = 1;
  qs.zSort = 0;
  DueCollect dc = { c, 0, 0, 0, 0 };
  day_parse(c->zToday, &dc.today);
  int rc = rec_scan(c, &qs, collect_due, &dc);
  if( rc==FZ_OK ){
    if( dc.n>1 ) qsort(dc.a, (size_t)dc.n, sizeof *dc.a, q->bDesc ? due_desc : due_asc);
    pList->nTotal = dc.n;
    for(i64 i=(i64)(iPage-1)*nSize; i<dc.n && pList->nRow<nSize && rc==FZ_OK; i++){
      Rec *r = 0;
      rc = rec_get(c, q->pKind, dc.a[i].id, &r);
      if( rc==FZ_OK ) pList->aRow[pList->nRow++] = r;
    }
  }
  free(dc.a);
  return rc;
}

int rec_list(Ctx *c, const Query *q, RecList *pList){
  memset(pList, 0, sizeof(*pList));
  if( (c->pActor->mRole & R_PUBLIC) && !q->pKind->bPublic ) return FZ_NOTFOUND;
  int nSize = q->nSize<=0 ? 200 : q->nSize>200 ? 200 : q->nSize;
  int iPage = q->iPage<1 ? 1 : q->iPage;
  if( q->zSort && strcmp(q->zSort, QUERY_SORT_DUE)==0 ){
    pList->aRow = arena_alloc(c->pArena, sizeof(Rec*)*(size_t)nSize);
    return rec_list_by_due(c, q, pList, iPage, nSize);
  }
  Where w;
  memset(&w, 0, sizeof(w));
  sqlbuf_init(&w.b);
  sql_lit(&w.b, "SELECT COUNT(*) FROM ");
  sql_ident(&w.b, q->pKind->zName);
  w_query(c, &w, q);
  int bPost = w.nPost>0 || w.mDue;
  pList->aRow = arena_alloc(c->pArena, sizeof(Rec*)*(size_t)nSize);
  if( bPost ){
    /* Counting needs the calendar: walk every candidate in C. */
    sqlbuf_free(&w.b);
    PageCollect pc = { pList, (i64)(iPage-1)*nSize, (i64)iPage*nSize, c };
    return rec_scan(c, q, collect_row, &pc);
  }
  Stmt st;
  int rc = FZ_OK;
  if( db_prepare_buf(c->pDb, &st, &w.b) ){
    rc = err_internal(c, "rec_list count: %s", db_errmsg(c->pDb));
    goto done;
  }
  w_bind(&w, &st);
  if( db_step(&st)==DB_ROW ) pList->nTotal = db_column_int64(&st, 0);
  db_finalize(&st);
  sqlbuf_free(&w.b);
  memset(&w, 0, sizeof(w));
  sqlbuf_init(&w.b);
  rec_select_cols(&w.b, q->pKind);
  w_query(c, &w, q);
  w_order(&w, q);
  sql_lit(&w.b, " LIMIT "); sql_int(&w.b, nSize);
  sql_lit(&w.b, " OFFSET "); sql_int(&w.b, (i64)(iPage-1)*nSize);
  if( db_prepare_buf(c->pDb, &st, &w.b) ){
    rc = err_internal(c, "rec_list: %s", db_errmsg(c->pDb));
    goto done;
  }
  w_bind(&w, &st);
  while( db_step(&st)==DB_ROW && pList->nRow<nSize ){
    Rec *r = rec_new(c, q->pKind);
    rec_from_row(c, &st, r);
    pList->aRow[pList->nRow++] = r;
  }
  db_finalize(&st);
done:
  sqlbuf_free(&w.b);
  return rc;
}


int rec_pick(Ctx *c, const Kind *k, const i64 *aId, int n, RecList *pList){
  memset(pList, 0, sizeof *pList);
  pList->aRow = arena_alloc(c->pArena, sizeof(Rec*)*(size_t)(n>0 ? n : 1));
  for(int i=0; i<n; i++){
    int bSeen = 0;
    for(int j=0; j<i; j++) if( aId[j]==aId[i] ) bSeen = 1;
    if( bSeen ) continue;
    pList->nTotal++;
    Rec *r = 0;
    int rc = rec_get(c, k, aId[i], &r);
    if( rc==FZ_OK ) pList->aRow[pList->nRow++] = r;
    else if( rc!=FZ_NOTFOUND ) return rc;
  }
  return FZ_OK;
}
