/*
** src/engine/indicator.c — indicators: numerator ÷ denominator over the
** records in scope and year, computed for all indicators of a kind at once.
**
** Every side of every indicator of a kind is one column of ONE SELECT:
**   SUM(CASE WHEN <its conditions> THEN 1 | field | field-minus ELSE 0 END)
** so a county-year is read once, not once per figure. Sides whose
** conditions need the holiday calendar (a statutory period met or missed)
** are summed in C during ONE scan that reads only the columns they use.
** Indicators with their own year field (e.g. 清理 by 清理日期) are
** computed by their own pass over that year. Results are kept in the
** context, so a report asking for thirty figures reads each kind once.
*/
#include "engine/where.h"
#include "engine/kinddef.h"
#include "engine/prule.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

typedef struct Side {
  const Indicator *pInd;
  const Expr *x;
  long long *pOut;           /* where the sum goes */
  int bPost;                 /* needs the C pass */
} Side;

static int expr_needs_calendar(const Expr *x){
  for(const Cond *c=x->aCond; c->zOp; c++){
    if( c->eOp==CO_ONTIME || c->eOp==CO_LATE ) return 1;
  }
  return 0;
}

/* A condition evaluated in C on a (partial) record. */
int ind_cond_match(Ctx *c, const Rec *r, const Cond *x){
  const char *v;
  switch( x->eOp ){
    case CO_ONTIME:
    case CO_LATE: {
      int bOn = deadline_ontime(c, r, kind_deadline(r->pKind, x->zField));
      return x->eOp==CO_ONTIME ? bOn : !bOn;
    }
    case CO_STATE: return namelist_has(&x->aValue, r->zState);
    case CO_DTYPE:
    case CO_OWN:   return 1;  /* SQL only: the self-check keeps them out of C passes */
    default: break;
  }
  v = rec_val(r, x->zField);
  switch( x->eOp ){
    case CO_SET:   return v!=0;
    case CO_YEAR:  return v!=0 && (c->iCountYear==0 || atoi(v)==c->iCountYear);
    case CO_UNSET: return v==0;
    case CO_SETIF: {
      const char *zIf = rec_val(r, x->zValue);
      return v!=0 || zIf==0 || strcmp(zIf, "1")!=0;
    }
    case CO_EQ:    return v && namelist_has(&x->aValue, v);
    case CO_NE:    return v==0 || !namelist_has(&x->aValue, v);
    case CO_LE:    return v && atoll(v) <= atoll(x->zValue);
    case CO_GE:    return v && atoll(v) >= atoll(x->zValue);
    default:       return 0;   /* not compiled: registry_selfcheck() refuses the kind first */
  }
}

/* The fields marked in aNeed, from column iCol on. The values are only
** read during this row: they point at the driver's copies. */
void ind_row_fields(Stmt *st, int iCol, Rec *r, const unsigned char *aNeed){
  int n = kind_nfield(r->pKind);
  for(int i=0; i<n; i++){
    if( !aNeed[i] ) continue;
    r->azVal[i] = db_column_is_null(st, iCol) ? 0 : db_column_text(st, iCol);
    iCol++;
  }
}

/* What the row adds to a side: its value when every condition holds, else 0. */
long long ind_row_value(Ctx *c, const Rec *r, const Expr *x){
  for(const Cond *cd=x->aCond; cd->zOp; cd++) if( !ind_cond_match(c, r, cd) ) return 0;
  return ind_side_value(r, x);
}

long long ind_side_value(const Rec *r, const Expr *x){
  if( x->eAgg==AGG_COUNT ) return 1;
  const char *a = rec_val(r, x->zField);
  const char *b = x->zMinus ? rec_val(r, x->zMinus) : 0;
  return (a ? atoll(a) : 0) - (b ? atoll(b) : 0);
}

/* Mark the fields a side reads in C (conditions, sums, and every field a
** referenced statutory period reads). */
void ind_need_fields(const Kind *k, const Expr *x, unsigned char *aNeed){
  const char *az[20];
  for(const Cond *c=x->aCond; c->zOp; c++){
    int n = 0;
    if( c->eOp==CO_ONTIME || c->eOp==CO_LATE ){
      const Deadline *d = kind_deadline(k, c->zField);
      az[n++] = d->zStart; az[n++] = d->zDone; az[n++] = d->zLengthField; az[n++] = d->zExtFlag;
      az[n++] = d->zOnDate;
      if( d->when.pField ) az[n++] = d->when.pField->zName;
      if( d->extWhen.pField ) az[n++] = d->extWhen.pField->zName;
      if( d->pDeemed ){ az[n++] = d->pDeemed->zStart; az[n++] = d->pDeemed->zDone; }
      for(int m=0; m<2; m++){
        const Deadline *dp = m ? d->pDeemed : d;
        for(const Pause *p=dp ? dp->aPause : 0; p && p->zLabel && n<18; p++){ az[n++] = p->zFrom; az[n++] = p->zTo; }
      }
    }else if( c->eOp!=CO_STATE ){
      az[n++] = c->zField;
      if( c->eOp==CO_SETIF ) az[n++] = c->zValue;
    }
    for(int j=0; j<n; j++){
      if( az[j]==0 ) continue;
      for(int i=0; k->aField[i].zName; i++) if( strcmp(k->aField[i].zName, az[j])==0 ) aNeed[i] = 1;
    }
  }
  if( x->eAgg==AGG_SUM ){
    for(int i=0; k->aField[i].zName; i++){
      if( strcmp(k->aField[i].zName, x->zField)==0 || (x->zMinus && strcmp(k->aField[i].zName, x->zMinus)==0) ) aNeed[i] = 1;
    }
  }
}

/* The kind a side counts: the indicator's own, or the one the side names
** (NULL: the side counts departments, which have no list of records). */
const Kind *ind_side_kind(const Kind *k, const Expr *x){
  if( x->zKind && strcmp(x->zKind, IND_DEPTS)==0 ) return 0;
  return x->zKind ? kind_find(x->zKind) : k;
}

/* The departments in the actor's scope (and iDept's subtree), of the
** dtypes a "dtype" = condition names. */
static int count_depts(Ctx *c, const Expr *x, i64 iDept, long long *pOut){
  Where w;
  memset(&w, 0, sizeof w);
  sqlbuf_init(&w.b);
  sql_lit(&w.b, "SELECT COUNT(*) FROM dept WHERE ");
  w_scope(&w, 0, c->pActor->zDeptPath);
  if( iDept ){
    sql_lit(&w.b, " AND id IN (SELECT d.id FROM dept d, dept p WHERE p.id=");
    w_int(&w, iDept);
    sql_lit(&w.b, " AND " SQL_PATH_UNDER("d.path", "length(p.path)", "p.path") ")");
  }
  for(const Cond *cd=x->aCond; cd->zOp; cd++){
    sql_lit(&w.b, " AND dtype IN (");
    for(int i=0; i<cd->aValue.n; i++){
      if( i ) sql_lit(&w.b, ",");
      w_text(&w, cd->aValue.az[i]);
    }
    sql_lit(&w.b, ")");
  }
  Stmt st;
  int rc = FZ_OK;
  if( db_prepare_buf(c->pDb, &st, &w.b) ) rc = err_internal(c, "count_depts: %s", db_errmsg(c->pDb));
  else{
    w_bind(&w, &st);
    if( db_step(&st)==DB_ROW ) *pOut = db_column_int64(&st, 0);
    db_finalize(&st);
  }
  sqlbuf_free(&w.b);
  return rc;
}

int ind_uses_year(const Indicator *ind){
  if( ind->zYearField ) return 1;
  const Expr *ax[2] = { &ind->num, &ind->den };
  for(int e=0; e<2; e++){
    for(const Cond *cd=ax[e]->aCond; cd->zOp; cd++) if( cd->eOp==CO_YEAR ) return 1;
  }
  return 0;
}

int ind_uses_own(const Indicator *ind){
  const Expr *ax[2] = { &ind->num, &ind->den };
  for(int e=0; e<2; e++){
    for(const Cond *cd=ax[e]->aCond; cd->zOp; cd++) if( cd->eOp==CO_OWN ) return 1;
  }
  return 0;
}

const Indicator *ind_for_list(const Kind *kList, const char *zInd, int bDen){
  const Kind *kOwner = kList;
  const char *zName = zInd, *dot = strchr(zInd, '.');
  if( dot ){
    char zK[64];
    if( (size_t)(dot-zInd)>=sizeof zK ) return 0;
    memcpy(zK, zInd, (size_t)(dot-zInd));
    zK[dot-zInd] = 0;
    kOwner = kind_find(zK);
    zName = dot+1;
    if( kOwner==0 ) return 0;
  }
  const Indicator *ind = kind_indicator(kOwner, zName);
  if( ind==0 ) return 0;
  const Expr *x = bDen && ind->eUnit!=IU_COUNT ? &ind->den : &ind->num;
  return ind_side_kind(kOwner, x)==kList ? ind : 0;
}

const char *ind_list_param(Ctx *c, const Kind *k, const Indicator *ind, int bDen){
  const Expr *x = bDen && ind->eUnit!=IU_COUNT ? &ind->den : &ind->num;
  return x->zKind ? arena_printf(c->pArena, "%s.%s", k->zName, ind->zName) : ind->zName;
}

/* The SQL value a side sums for a matching row. */
static void side_sql_value(SqlBuf *b, const Expr *x){
  if( x->eAgg==AGG_COUNT ){ sql_lit(b, "1"); return; }
  sql_lit(b, "COALESCE(");
  sql_ident(b, x->zField);
  sql_lit(b, ",0)");
  if( x->zMinus ){ sql_lit(b, " - COALESCE("); sql_ident(b, x->zMinus); sql_lit(b, ",0)"); }
}

/* " FROM kind [calendar joins] WHERE <scope, year, dept>", then prepare
** and bind. */
typedef struct BindArg { Ctx *c; Where *w; } BindArg;
static void bind_text_cb(void *p, const char *z);
static int from_prepare(Ctx *c, const Kind *k, Where *w, int iYear, i64 iDept, const Field *fYear,
                        const Deadline **aDl, const PruleSql *aLocal, int nDl, Stmt *pSt){
  sql_lit(&w->b, " FROM ");
  sql_ident(&w->b, k->zName);
  BindArg ba = { c, w };
  for(int i=0; i<nDl; i++) deadline_sql_join(&w->b, aDl[i], i, c->zToday, bind_text_cb, &ba, &aLocal[i]);
  w_base(c, w, k, iYear, iDept, fYear);
  if( db_prepare_buf(c->pDb, pSt, &w->b) ){
    return err_internal(c, "indicators %s: %s", k->zName, db_errmsg(c->pDb));
  }
  w_bind(w, pSt);
  return FZ_OK;
}

/* Binds a value of a period's applies-when list (copied: the caller's
** text is a temporary). */
static void bind_text_cb(void *p, const char *z){
  BindArg *a = p;
  w_text(a->w, arena_strdup(a->c->pArena, z));
}

/* The deadlines a side's "ontime"/"late" conditions name, added to aDl[]
** (the SQL joins) with the 地方规定 of the scope in aLocal[] (prule_sql:
** resolved once per scope and period, not per row); 0 if one of them can
** only be counted in C (months, or a rule in force there counting in
** another unit than the declared one). */
#define MAX_DL 8
static int side_sql_deadlines(Ctx *c, const Kind *k, const Expr *x, i64 iDept, const Deadline **aDl,
                              PruleSql *aLocal, int *pnDl){
  for(const Cond *cd=x->aCond; cd->zOp; cd++){
    if( cd->eOp!=CO_ONTIME && cd->eOp!=CO_LATE ) continue;
    const Deadline *d = kind_deadline(k, cd->zField);
    if( d==0 || !deadline_sql_ok(d) ) return 0;
    int j = 0;
    while( j<*pnDl && aDl[j]!=d ) j++;
    if( j==*pnDl ){
      if( *pnDl>=MAX_DL ) return 0;
      prule_sql(c, k, d, iDept, &aLocal[*pnDl]);
      if( aLocal[*pnDl].bMixed ) return 0;
      aDl[(*pnDl)++] = d;
    }
  }
  return 1;
}
static int dl_index(const Deadline **aDl, int nDl, const Deadline *d){
  for(int j=0; j<nDl; j++) if( aDl[j]==d ) return j;
  return -1;
}

/* Sums every side in aSide[] (all with the same year field) over one kind. */
static int sum_sides(Ctx *c, const Kind *k, Side *aSide, int nSide, int iYear, i64 iDept, const Field *fYear){
  int rc = FZ_OK;
  c->iCountYear = iYear;
  /* On PostgreSQL periods are counted in SQL: the calendar table joins the
  ** one scan, instead of every row of a county-year (or a province's
  ** hundred) travelling to this process. SQLite reads its file in process,
  ** where the C calendar beats two index lookups per row (1.00 s against
  ** 0.90 s for a 1,000,000-row county-year, bench/README.md). Both give
  ** the same figures: the seed test asserts them on both backends. */
  const Deadline *aDl[MAX_DL];
  PruleSql aLocal[MAX_DL];
  int nDl = 0;
  if( db_dialect(c->pDb)==DB_POSTGRES && !c->bPeriodsInC ){
    for(int i=0; i<nSide; i++){
      int nDl0 = nDl;
      if( aSide[i].bPost && side_sql_deadlines(c, k, aSide[i].x, iDept, aDl, aLocal, &nDl) ) aSide[i].bPost = 0;
      else nDl = nDl0;              /* the side stays in C: none of its periods joins */
    }
  }
  /* Pass 1: SQL sides, one SELECT, plus per period the rows whose dates
  ** lie outside the calendar table (then counted in C after all). */
  int nSql = 0;
  for(int i=0; i<nSide; i++) if( !aSide[i].bPost ) nSql++;
  if( nSql ){
    Where w;
    memset(&w, 0, sizeof w);
    sqlbuf_init(&w.b);
    w.iOwnUnit = iDept;
    sql_lit(&w.b, "SELECT ");
    int n = 0;
    for(int i=0; i<nSide; i++){
      if( aSide[i].bPost ) continue;
      if( n++ ) sql_lit(&w.b, ", ");
      if( aSide[i].x->eAgg==AGG_DISTINCT ) sql_lit(&w.b, "COUNT(DISTINCT CASE WHEN 1=1");
      else sql_lit(&w.b, "COALESCE(SUM(CASE WHEN 1=1");
      for(const Cond *cd=aSide[i].x->aCond; cd->zOp; cd++){
        if( cd->eOp==CO_ONTIME || cd->eOp==CO_LATE ){
          const Deadline *d = kind_deadline(k, cd->zField);
          sql_lit(&w.b, " AND ");
          BindArg ba = { c, &w };
          int iDl = dl_index(aDl, nDl, d);
          deadline_sql_ontime(&w.b, d, iDl, bind_text_cb, &ba, &aLocal[iDl]);
          if( cd->eOp==CO_ONTIME ) sql_lit(&w.b, "=1"); else sql_lit(&w.b, "=0");
        }else{
          w_cond(c, &w, k, cd);
        }
      }
      sql_lit(&w.b, " THEN ");
      if( aSide[i].x->eAgg==AGG_DISTINCT ){
        sql_ident(&w.b, aSide[i].x->zField);
        sql_lit(&w.b, " END)");
      }else{
        side_sql_value(&w.b, aSide[i].x);
        sql_lit(&w.b, " ELSE 0 END),0)");
      }
    }
    for(int j=0; j<nDl; j++){
      sql_lit(&w.b, ", COALESCE(SUM(");
      deadline_sql_outside(&w.b, aDl[j], j, &aLocal[j]);
      sql_lit(&w.b, "),0)");
    }
    Stmt st;
    rc = from_prepare(c, k, &w, iYear, iDept, fYear, aDl, aLocal, nDl, &st);
    if( rc==FZ_OK ){
      if( db_step(&st)==DB_ROW ){
        n = 0;
        for(int i=0; i<nSide; i++) if( !aSide[i].bPost ) *aSide[i].pOut = db_column_int64(&st, n++);
        for(int j=0; j<nDl; j++){
          if( db_column_int64(&st, n+j)==0 ) continue;
          /* dates beyond the table: every side on this period goes to C */
          for(int i=0; i<nSide; i++){
            if( aSide[i].bPost ) continue;
            for(const Cond *cd=aSide[i].x->aCond; cd->zOp; cd++){
              if( (cd->eOp==CO_ONTIME || cd->eOp==CO_LATE)
               && kind_deadline(k, cd->zField)==aDl[j] ){ aSide[i].bPost = 1; *aSide[i].pOut = 0; break; }
            }
          }
        }
      }
      db_finalize(&st);
    }
    sqlbuf_free(&w.b);
    if( rc ) return rc;
  }
  /* Pass 2: sides left to C (month periods, dates beyond the calendar
  ** table), one scan reading only the columns they use. */
  nSql = 0;
  for(int i=0; i<nSide; i++) if( !aSide[i].bPost ) nSql++;
  if( nSql==nSide ) return FZ_OK;
  int nField = kind_nfield(k);
  unsigned char *aNeed = arena_alloc(c->pArena, (size_t)nField+1);
  for(int i=0; i<nSide; i++) if( aSide[i].bPost ) ind_need_fields(k, aSide[i].x, aNeed);
  Where w;
  memset(&w, 0, sizeof w);
  sqlbuf_init(&w.b);
  /* unit_id: the 地方规定 of the record's unit (prule_for) without a
  ** lookup per row */
  sql_lit(&w.b, "SELECT state, unit_id");
  for(int i=0; i<nField; i++) if( aNeed[i] ){ sql_lit(&w.b, ", "); sql_ident(&w.b, k->aField[i].zName); }
  Stmt st;
  rc = from_prepare(c, k, &w, iYear, iDept, fYear, 0, 0, 0, &st);
  if( rc==FZ_OK ){
    Arena *pMain = c->pArena;
    Arena row;
    arena_init(&row);
    Rec *r = rec_new(c, k);
    db_stream(&st, 0);
    while( db_step(&st)==DB_ROW ){
      arena_free(&row);
      arena_init(&row);
      c->pArena = &row;
      r->zState = db_column_text(&st, 0);
      r->iUnit = db_column_is_null(&st, 1) ? 0 : db_column_int64(&st, 1);
      ind_row_fields(&st, 2, r, aNeed);
      for(int i=0; i<nSide; i++){
        if( aSide[i].bPost ) *aSide[i].pOut += ind_row_value(c, r, aSide[i].x);
      }
      c->pArena = pMain;
    }
    arena_free(&row);
    db_finalize(&st);
  }
  sqlbuf_free(&w.b);
  return rc;
}

/* num/den × nScale, rounded half away from zero to nDecimals, as text.
** Integer arithmetic only: every rate in the system is formatted here. */
void ind_format_rate(long long num, long long den, int nScale, int nDecimals, char *zOut, int nOut){
  long long p10 = 1;
  if( nDecimals>6 ) nDecimals = 6;
  for(int i=0; i<nDecimals; i++) p10 *= 10;
  int neg = (num<0) != (den<0);
  unsigned long long n = (unsigned long long)(num<0 ? -num : num);
  unsigned long long d = (unsigned long long)(den<0 ? -den : den);
  unsigned long long v = (n * (unsigned long long)nScale * (unsigned long long)p10 * 2 + d) / (2*d);
  if( nDecimals>0 ){
    char zFrac[24];
    snprintf(zFrac, sizeof zFrac, "%llu", v%(unsigned long long)p10 + (unsigned long long)p10);
    snprintf(zOut, (size_t)nOut, "%s%llu.%s", neg && v ? "-" : "", v/(unsigned long long)p10, zFrac+1);
  }else{
    snprintf(zOut, (size_t)nOut, "%s%llu", neg && v ? "-" : "", v);
  }
}

const char *ind_unit_suffix(const Kind *k, const Indicator *ind){
  if( ind->eUnit==IU_PERCENT ) return "%";
  if( ind->zUnitWord ) return ind->zUnitWord;
  if( ind_side_money(k, &ind->num) ) return "元";
  if( ind->zUnitSaid ) return ind->zUnitSaid;    /* as the report writes it: 人, 名, 人次 */
  if( ind->eUnit==IU_AVERAGE ) return "";
  return k->eShape==SHAPE_CATALOG ? "项" : "件";
}

int ind_side_money(const Kind *k, const Expr *x){
  if( x->eAgg!=AGG_SUM ) return 0;
  const Kind *ks = ind_side_kind(k, x);
  const Field *f = ks ? kind_field(ks, x->zField) : 0;
  return f && f->eType==FT_MONEY;
}

const char *ind_count_text(Arena *a, const IndValue *v, int bDen){
  const Expr *x = bDen ? &v->pInd->den : &v->pInd->num;
  long long n = bDen ? v->den : v->num;
  if( !ind_side_money(v->pKind, x) ) return arena_printf(a, "%lld", n);
  char z[32];
  return arena_strdup(a, money_format(n, z, sizeof z));
}

/* Is num/den × 100 below a target such as "100" or "99.5"? Exact, in
** thousandths: num*100*1000 < target*1000 * den. */
static int below_target(long long num, long long den, const char *zTarget){
  long long t1000 = 0;
  const char *z = zTarget;
  for(; *z>='0' && *z<='9'; z++) t1000 = t1000*10 + (*z-'0');
  t1000 *= 1000;
  if( *z=='.' ){
    long long scale = 100;
    for(z++; *z>='0' && *z<='9' && scale>0; z++, scale /= 10) t1000 += (*z-'0')*scale;
  }
  return num*100000 < t1000*den;
}

void ind_finish_value(const Kind *k, const Indicator *ind, IndValue *v){
  v->pKind = k;
  v->pInd = ind;
  int bMoney = ind->eUnit!=IU_PERCENT && ind_side_money(k, &ind->num);
  int bWan = bMoney && ind->zUnitWord && strcmp(ind->zUnitWord, "万元")==0;
  if( ind->eUnit==IU_COUNT && bMoney ){
    /* a sum of 分, in 元 with two decimals ("1,234.50元"), or in 万元 */
    if( bWan ) ind_format_rate(v->num, 1000000, 1, ind->nDecimals ? ind->nDecimals : 2, v->zValue, sizeof v->zValue);
    else money_format(v->num, v->zValue, sizeof v->zValue);
    snprintf(v->zText, sizeof v->zText, "%s%s", v->zValue, ind_unit_suffix(k, ind));
    return;
  }
  if( ind->eUnit==IU_COUNT ){
    snprintf(v->zValue, sizeof v->zValue, "%lld", v->num);
    snprintf(v->zText, sizeof v->zText, "%lld%s", v->num, ind_unit_suffix(k, ind));
    return;
  }
  if( v->den==0 ){
    v->bEmpty = 1;
    snprintf(v->zValue, sizeof v->zValue, "—");
    snprintf(v->zText, sizeof v->zText, "无数据");
    return;
  }
  if( bMoney ){
    /* an average of 分 per record, in 元 (or 万元) */
    long long den = v->den > (1LL<<40) ? 0 : v->den*(bWan ? 1000000 : 100);
    if( den ) ind_format_rate(v->num, den, 1, ind->nDecimals ? ind->nDecimals : 2, v->zValue, sizeof v->zValue);
    else snprintf(v->zValue, sizeof v->zValue, "—");
  }else ind_format_rate(v->num, v->den, ind->eUnit==IU_PERCENT ? 100 : 1, ind->nDecimals, v->zValue, sizeof v->zValue);
  snprintf(v->zText, sizeof v->zText, "%s%s", v->zValue, ind_unit_suffix(k, ind));
  if( ind->zTarget && ind->eUnit==IU_PERCENT ) v->bBelowTarget = below_target(v->num, v->den, ind->zTarget);
}

/* Results kept in the context for the rest of its request or job. */
typedef struct IndCache { struct IndCache *pNext; const Kind *k; int iYear; i64 iDept; char zUntil[6]; IndValue *a; } IndCache;

int ind_compute_kind(Ctx *c, const Kind *k, int iYear, i64 iDept, IndValue **paOut){
  *paOut = 0;
  for(IndCache *p=c->pIndCache; p; p=p->pNext){
    if( p->k==k && p->iYear==iYear && p->iDept==iDept && strcmp(p->zUntil, c->zYearUntil)==0 ){ *paOut = p->a; return FZ_OK; }
  }
  int nInd = 0;
  if( k->aIndicator ) while( k->aIndicator[nInd].zName ) nInd++;
  IndValue *a = arena_alloc(c->pErrArena, sizeof(IndValue)*(size_t)(nInd+1));
  Side *aSide = arena_alloc(c->pArena, sizeof(Side)*(size_t)(2*nInd+1));
  /* One batch per year field: the kind's own, then each override. */
  const char *azYear[16];
  int nYear = 0;
  azYear[nYear++] = 0;
  for(int i=0; i<nInd; i++){
    const char *z = k->aIndicator[i].zYearField;
    int bSeen = 0;
    for(int j=1; j<nYear; j++) if( strcmp(azYear[j], z ? z : "")==0 ) bSeen = 1;
    if( z && !bSeen && nYear<16 ) azYear[nYear++] = z;
  }
  for(int y=0; y<nYear; y++){
    int nSide = 0;
    for(int i=0; i<nInd; i++){
      const Indicator *ind = &k->aIndicator[i];
      const char *z = ind->zYearField;
      if( y==0 ? z!=0 : (z==0 || strcmp(z, azYear[y])!=0) ) continue;
      const Expr *ax[2] = { &ind->num, ind->eUnit!=IU_COUNT ? &ind->den : 0 };
      long long *ap[2] = { &a[i].num, &a[i].den };
      for(int e=0; e<2; e++){
        if( ax[e]==0 ) continue;
        if( ax[e]->zKind && strcmp(ax[e]->zKind, IND_DEPTS)==0 ){
          if( count_depts(c, ax[e], iDept, ap[e]) ) return FZ_INTERNAL;
          continue;
        }
        if( ax[e]->zKind ){
          /* a side over another kind: its own pass, in that kind's year */
          Side one = { ind, ax[e], ap[e], expr_needs_calendar(ax[e]) };
          if( sum_sides(c, kind_find(ax[e]->zKind), &one, 1, iYear, iDept, 0) ) return FZ_INTERNAL;
          continue;
        }
        aSide[nSide++] = (Side){ ind, ax[e], ap[e], expr_needs_calendar(ax[e]) };
      }
    }
    if( nSide==0 ) continue;
    const Field *fYear = y==0 ? 0 : kind_field(k, azYear[y]);
    if( sum_sides(c, k, aSide, nSide, iYear, iDept, fYear) ) return FZ_INTERNAL;
  }
  /* a coverage over the departments with nothing covered means the
  ** mechanism is not in use that year: no data, not 0% */
  for(int i=0; i<nInd; i++){
    const Expr *d = &k->aIndicator[i].den;
    if( d->zKind && strcmp(d->zKind, IND_DEPTS)==0 && a[i].num==0 ) a[i].den = 0;
  }
  for(int i=0; i<nInd; i++) ind_finish_value(k, &k->aIndicator[i], &a[i]);
  IndCache *p = arena_alloc(c->pErrArena, sizeof(IndCache));
  p->k = k; p->iYear = iYear; p->iDept = iDept; p->a = a;
  memcpy(p->zUntil, c->zYearUntil, sizeof p->zUntil);
  p->pNext = c->pIndCache;
  c->pIndCache = p;
  *paOut = a;
  return FZ_OK;
}

int ind_compute(Ctx *c, const Kind *k, const Indicator *ind, int iYear, i64 iDept, IndValue *v){
  IndValue *a;
  if( ind_compute_kind(c, k, iYear, iDept, &a) ) return FZ_INTERNAL;
  *v = a[ind - k->aIndicator];
  return FZ_OK;
}
