/*
** src/engine/deadline.c — statutory periods, derived when read.
**
** A period runs from its start date (the start day does not count) for its
** length in calendar days, working days or months; a calendar-day or month
** period that ends on a rest day ends on the next working day instead (the
** calendar module applies 民法典 Art 201–203). An approved extension adds
** its length. Nothing here is stored: a changed rule or holiday notice
** changes every due date at once.
*/
#include "engine/record.h"
#include "engine/setting.h"
#include "engine/prule.h"
#include "base/sha256.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

/* The end of nLen units after start, by d's unit (a minimum's calendar
** days do not move past a rest day). */
static int period_end(const Deadline *d, Day start, int nLen, Day *pDue){
  if( d->eUnit==PU_WORKDAYS ) return cal_add_workdays(start, nLen, pDue);
  if( d->eUnit==PU_MONTHS ) return cal_add_months(start, nLen, pDue);
  if( d->bMinimum ){
    *pDue = start + nLen;         /* no rest-day rule: the holiday tables do not enter */
    return CAL_OK;
  }
  return cal_add_days(start, nLen, pDue);
}

int deadline_ext_on(const Rec *r, const Deadline *d){
  if( d->zExtFlag==0 ) return 0;
  const char *z = rec_val(r, d->zExtFlag);
  if( z==0 || strcmp(z, "1")!=0 ) return 0;
  return d->zExtWhen==0 || rec_when(r, &d->extWhen);
}

const Pause *deadline_pause(const Deadline *d, PauseMode e){
  for(const Pause *p=d->aPause; p && p->zLabel; p++) if( p->eMode==e ) return p;
  return 0;
}

/* The date in r's field zField, when set and valid. */
static int rec_day(const Rec *r, const char *zField, Day *pDay){
  const char *z = zField ? rec_val(r, zField) : 0;
  return z && day_parse(z, pDay)==CAL_OK;
}

/* The suspension (PM_SUSPEND) of a period of nTotal units (extension
** included) counted from start: the units left out, added to its length.
** 0 when there is none or it began after the unsuspended end (for
** working days the nTotal-th working day, for calendar days start +
** nTotal before any rest-day move: deadline_sql_* compare the same). A
** suspension still open halts the period (s->pHalt; returns -1) unless
** the period was met, which then ends it. */
static int suspended(const Rec *r, const Deadline *d, Day start, int nTotal, DeadlineStatus *s){
  const Pause *p = deadline_pause(d, PM_SUSPEND);
  Day a, b, end0;
  if( p==0 || nTotal<=0 || !rec_day(r, p->zFrom, &a) ) return 0;
  if( d->eUnit==PU_WORKDAYS ) cal_add_workdays(start, nTotal, &end0); else end0 = start + nTotal;
  if( a > end0 ) return 0;
  if( !rec_day(r, p->zTo, &b) && !rec_day(r, d->zDone, &b) ){
    s->pHalt = p;
    s->halted = a;
    return -1;
  }
  Day a1 = a > start ? a : start + 1;   /* the start day is not counted anyway */
  int n = b < a1 ? 0 : d->eUnit==PU_WORKDAYS ? cal_count_workdays(a1, b) : (int)(b - a1 + 1);
  s->pSuspend = p;
  s->suspFrom = a;
  s->suspTo = b;
  s->nSuspended = n;
  return n;
}

void deadline_eval(Ctx *c, const Rec *r, const Deadline *d, Day today, DeadlineStatus *s){
  memset(s, 0, sizeof(*s));
  /* 地方规定: the rule in force for the record's unit on its start date
  ** replaces the declared length and unit (prule.c) */
  Deadline dLocal;
  const PeriodRule *pRule = prule_for(c, r, d);
  if( pRule ){
    dLocal = *d;
    dLocal.nLength = pRule->nLength;
    dLocal.eUnit = pRule->eUnit;
    d = &dLocal;
    s->pRule = pRule;
  }
  s->bMinimum = d->bMinimum;
  s->bApplies = rec_when(r, &d->when);
  if( !s->bApplies ) return;
  int rc = CAL_OK;
  Day from = 0;                 /* the day the period is counted from: where a calendar gap is looked for */
  const char *zOn = d->zOnDate ? rec_val(r, d->zOnDate) : 0;
  if( zOn && day_parse(zOn, &s->due)==CAL_OK ){
    s->bOnDate = 1;             /* a date a person set: due that day */
  }else{
    const char *zStart = rec_val(r, d->zStart);
    Day start;
    int bStart = zStart && day_parse(zStart, &start)==CAL_OK;
    if( d->pDeemed ){
      /* 视为受理: the deemed period's end, when it comes first */
      DeadlineStatus ds;
      deadline_eval(c, r, d->pDeemed, today, &ds);
      /* with zStart unset, only once the deemed period is over (or the
      ** period met): a case still within its review is not yet accepted */
      if( ds.bHasDue && (bStart ? ds.due < start
                                : (d->aActiveIn.n==0 || namelist_has(&d->aActiveIn, r->zState))
                                  && (today > ds.due || rec_val(r, d->zDone))) ){
        start = ds.due;
        bStart = 1;
        s->bDeemed = 1;
        s->deemed = ds.due;
        s->bUnknownCal = ds.bUnknownCal;
        s->iCalYear = ds.iCalYear;
      }
    }
    if( !bStart ) return;
    const Pause *pr = deadline_pause(d, PM_RESTART);
    Day t;
    if( pr && rec_day(r, pr->zTo, &t) ){
      start = t;                 /* counted anew from the event (补正 received) */
      s->pRestart = pr;
      s->restart = t;
    }else if( pr && rec_day(r, pr->zFrom, &t) ){
      s->pHalt = pr;             /* waiting for it: nothing is due */
      s->halted = t;
      return;
    }
    from = start;
    int nLen = d->nLength;
    if( d->zLengthField ){
      const char *z = rec_val(r, d->zLengthField);
      if( z==0 ) return;
      nLen = atoi(z);
    }
    int bExt = deadline_ext_on(r, d);
    if( nLen>0 && d->eUnit!=PU_ONDATE ){
      int nSkip = suspended(r, d, start, nLen + (bExt ? d->nExtension : 0), s);
      if( nSkip<0 ) return;      /* halted: no due date until the suspension's end is entered */
      nLen += nSkip;
    }
    if( nLen<=0 || d->eUnit==PU_ONDATE ){
      s->due = start;            /* 即办: due the day it was received; or a due date */
    }else if( bExt && d->bExtFromEnd ){
      /* the extension runs from the end of the first period, as moved */
      s->bExtended = 1;
      rc = period_end(d, start, nLen, &s->due);
      int rc2 = period_end(d, s->due, d->nExtension, &s->due);
      if( rc==CAL_OK ) rc = rc2;
    }else{
      s->bExtended = bExt;
      rc = period_end(d, start, nLen + (bExt ? d->nExtension : 0), &s->due);
    }
  }
  if( rc==CAL_UNKNOWN && !s->bUnknownCal ){
    s->bUnknownCal = 1;
    s->iCalYear = cal_range_gap(from ? from : s->due, s->due);
    if( s->iCalYear==0 ) day_ymd(s->due, &s->iCalYear, 0, 0);   /* a rest day looked at past due */
  }
  s->bHasDue = 1;
  const char *zDone = rec_val(r, d->zDone);
  Day done;
  if( zDone && day_parse(zDone, &done)==CAL_OK ){
    s->bDone = 1;
    s->bLate = d->bMinimum ? done < s->due : done > s->due;
    return;
  }
  if( d->bMinimum ) return;      /* a least time runs against no one */
  if( d->aActiveIn.n && !namelist_has(&d->aActiveIn, r->zState) ) return;
  s->bActive = 1;
  if( today <= s->due ){
    s->nLeft = today==s->due ? 0 : cal_count_workdays(today+1, s->due);
  }else{
    s->bLate = 1;
    s->nLeft = -cal_count_workdays(s->due+1, today);
    if( s->nLeft==0 ) s->nLeft = -1;   /* overdue over a weekend still counts as overdue */
  }
}

int deadline_ontime(Ctx *c, const Rec *r, const Deadline *d){
  DeadlineStatus s;
  Day today = c->iToday;
  if( today==0 ) day_parse(c->zToday, &today);    /* zToday set by hand (tests) */
  deadline_eval(c, r, d, today, &s);
  if( !s.bApplies || !s.bHasDue ) return 1;
  if( d->bMinimum ) return !(s.bDone && s.bLate);   /* only a recorded end can be too early */
  return s.bDone && !s.bLate;
}

/* ---- the same periods in SQL ---------------------------------------------
** Indicators count "met the period" over a whole county-year (or a
** province's hundred) in the one aggregate scan that sums every figure.
** The holiday calendar is there as the table cal_day, one row per day of
** CAL_SQL_FROM..CAL_SQL_TO: cdn the day number, cwn the number of working
** days up to and including it, cwork 1 on a working day, croll the day
** itself or, on a rest day, the next working day. It is derived from the
** C calendar (built-in tables plus the holiday table) and rewritten when
** that changes, so both definitions of a due date agree by construction:
**   n working days after s:  the working day whose cwn is cwn(s) + n
**   n calendar days after s: croll of the day s + n
** Month periods stay in C (deadline_sql_ok() says which). */
#define CAL_SQL_FROM_Y 2000
#define CAL_SQL_TO_Y   2099

int deadline_sql_ok(const Deadline *d){ return d->eUnit!=PU_MONTHS; }

static int cal_fp_same(Db *p, const char *zFp){
  Arena a;
  const char *z;
  arena_init(&a);
  int bSame = setting_read(p, &a, "cal_fingerprint", &z)==DB_OK && z && strcmp(z, zFp)==0;
  arena_free(&a);
  return bSame;
}

int deadline_cal_sync(Db *p, char *zErr, int nErr){
  Day a = day_from_ymd(CAL_SQL_FROM_Y, 1, 1), b = day_from_ymd(CAL_SQL_TO_Y, 12, 31);
  int n = (int)(b - a + 1);
  unsigned char *aWork = malloc((size_t)n);
  if( aWork==0 ) abort();
  for(int i=0; i<n; i++) aWork[i] = (unsigned char)cal_is_workday(a+i, 0);
  unsigned char h[32];
  char zFp[65];
  sha256(aWork, (size_t)n, h);
  sha256_hex(h, zFp);
  int rc = 0;
  Stmt q;
  /* Checked first without the write lock: every command and server start
  ** passes here, and must not wait behind a long import. */
  if( cal_fp_same(p, zFp) ) goto done;
  if( db_begin_write(p) ){ rc = 1; goto done; }
  if( cal_fp_same(p, zFp) ){ db_commit(p); goto done; }   /* another process just wrote it */
  if( db_exec(p, "DELETE FROM cal_day") || db_exec(p, "DELETE FROM setting WHERE name='cal_fingerprint'") ){ rc = 1; goto fail; }
  static const char *const azCol[] = { "cday", "cdn", "cwn", "cwork", "croll" };
  Bulk bk;
  if( db_bulk_begin(p, &bk, "cal_day", azCol, 5) ){ rc = 1; goto fail; }
  Day *aRoll = malloc(sizeof(Day)*(size_t)n);
  if( aRoll==0 ) abort();
  Day next = b;
  for(int i=n-1; i>=0; i--){ if( aWork[i] ) next = a+i; aRoll[i] = next>=a+i ? next : a+i; }
  i64 wn = 0;
  for(int i=0; i<n && rc==0; i++){
    char zDay[11], zRoll[11];
    wn += aWork[i];
    day_format(a+i, zDay);
    day_format(aRoll[i], zRoll);
    db_bulk_text(&bk, zDay);
    db_bulk_int(&bk, a+i);
    db_bulk_int(&bk, wn);
    db_bulk_int(&bk, aWork[i]);
    db_bulk_text(&bk, zRoll);
    rc = db_bulk_row(&bk) ? 1 : 0;
  }
  free(aRoll);
  if( rc ){ db_bulk_abort(&bk); goto fail; }
  if( db_bulk_end(&bk) ){ rc = 1; goto fail; }
  if( db_prepare(p, &q, "INSERT INTO setting(name, value) VALUES('cal_fingerprint', ?1)") ){ rc = 1; goto fail; }
  db_bind_text(&q, 1, zFp);
  rc = db_step(&q)!=DB_DONE;
  db_finalize(&q);
  if( rc ) goto fail;
  if( db_commit(p) ){ rc = 1; goto fail; }
  goto done;
fail:
  snprintf(zErr, (size_t)nErr, "节假日日历表更新失败：%s", db_errmsg(p));
  db_rollback(p);
done:
  free(aWork);
  return rc;
}

/* For fazhi check: does cal_day hold exactly what the C calendar (built-in
** tables plus the holiday table) says? The sync above trusts its
** fingerprint; a row edited behind its back would move every period
** counted in SQL. Returns the number of days that differ (missing, extra
** or changed), the first of them in zFirst ("" when none); -1 on a
** database error. */
int deadline_cal_verify(Db *p, char zFirst[11]){
  Day a = day_from_ymd(CAL_SQL_FROM_Y, 1, 1), b = day_from_ymd(CAL_SQL_TO_Y, 12, 31);
  int n = (int)(b - a + 1), nBad = 0;
  unsigned char *aWork = malloc((size_t)n);
  Day *aRoll = malloc(sizeof(Day)*(size_t)n);
  if( aWork==0 || aRoll==0 ) abort();
  for(int i=0; i<n; i++) aWork[i] = (unsigned char)cal_is_workday(a+i, 0);
  Day next = b;
  for(int i=n-1; i>=0; i--){ if( aWork[i] ) next = a+i; aRoll[i] = next>=a+i ? next : a+i; }
  zFirst[0] = 0;
  Stmt q;
  if( db_prepare(p, &q, "SELECT cday, cdn, cwn, cwork, croll FROM cal_day ORDER BY cdn") ){
    free(aWork); free(aRoll);
    return -1;
  }
  db_stream(&q, 0);
  i64 wn = 0;
  int i = 0;
  while( db_step(&q)==DB_ROW ){
    i64 cdn = db_column_int64(&q, 1);
    while( i<n && a+i<cdn ){                 /* days missing from the table */
      if( nBad++==0 ) day_format(a+i, zFirst);
      wn += aWork[i];
      i++;
    }
    if( i>=n || a+i!=cdn ){ if( nBad++==0 ) snprintf(zFirst, 11, "%s", db_column_text(&q, 0)); continue; }
    wn += aWork[i];
    char zDay[11], zRoll[11];
    day_format(a+i, zDay);
    day_format(aRoll[i], zRoll);
    if( strcmp(db_column_text(&q, 0), zDay)!=0 || db_column_int64(&q, 2)!=wn
     || db_column_int64(&q, 3)!=aWork[i] || strcmp(db_column_text(&q, 4), zRoll)!=0 ){
      if( nBad++==0 ) snprintf(zFirst, 11, "%s", zDay);
    }
    i++;
  }
  db_finalize(&q);
  for(; i<n; i++) if( nBad++==0 ) day_format(a+i, zFirst);
  free(aWork);
  free(aRoll);
  return nBad;
}

static void sql_alias(SqlBuf *b, const char *zPre, int i, const char *zCol){
  sqlbuf_lit_(b, zPre);                 /* "s", "e", "m", "n", "r", "x": literals of this file */
  sql_int(b, i);
  sql_lit(b, ".");
  sql_ident(b, zCol);
}
/* The length of d's first period for this row, as SQL: with 地方规定 in
** the scope (pL), the first in force for the row's unit_id on its start
** (sI.cdn, the start's day number), deepest jurisdiction first, else the
** declared length. Only integers from the rules enter the text. */
static void sql_base_len(SqlBuf *b, const Deadline *d, int i, const PruleSql *pL){
  if( d->zLengthField ){ sql_ident(b, d->zLengthField); return; }
  if( pL==0 || pL->nCase==0 ){ sql_int(b, d->nLength); return; }
  sql_lit(b, "(CASE");
  for(int k=0; k<pL->nCase; k++){
    const PruleCase *x = &pL->aCase[k];
    sql_lit(b, " WHEN ");
    if( x->nUnit ){
      sql_lit(b, "unit_id IN (");
      for(int u=0; u<x->nUnit; u++){ if( u ) sql_lit(b, ","); sql_int(b, x->aUnit[u]); }
      sql_lit(b, ") AND ");
    }
    sql_alias(b, "s", i, "cdn"); sql_lit(b, " >= "); sql_int(b, x->from);
    if( x->to ){ sql_lit(b, " AND "); sql_alias(b, "s", i, "cdn"); sql_lit(b, " <= "); sql_int(b, x->to); }
    sql_lit(b, " THEN "); sql_int(b, x->nLength);
  }
  sql_lit(b, " ELSE "); sql_int(b, d->nLength); sql_lit(b, " END)");
}
/* "field IN (?,?)" of a When (its values bound through xText). */
static void sql_when_in(SqlBuf *b, const When *w, void (*xText)(void*, const char*), void *pArg){
  sql_ident(b, w->pField->zName); sql_lit(b, " IN (");
  for(int k=0; k<w->aValue.n; k++){
    if( k ) sql_lit(b, ",");
    xText(pArg, w->aValue.az[k]);
  }
  sql_lit(b, ")");
}
/* 1 when the row's approved extension counts (deadline_ext_on()), as SQL. */
static void sql_ext_on(SqlBuf *b, const Deadline *d, void (*xText)(void*, const char*), void *pArg){
  sql_lit(b, "("); sql_ident(b, d->zExtFlag); sql_lit(b, "=1");
  if( d->extWhen.pField ){ sql_lit(b, " AND "); sql_when_in(b, &d->extWhen, xText, pArg); }
  sql_lit(b, ")");
}
/* The whole length in working days (the extension adds to the count). */
static void sql_len(SqlBuf *b, const Deadline *d, int i, const PruleSql *pL, void (*xText)(void*, const char*), void *pArg){
  sql_lit(b, "(");
  sql_base_len(b, d, i, pL);
  if( d->zExtFlag ){
    sql_lit(b, " + CASE WHEN "); sql_ext_on(b, d, xText, pArg); sql_lit(b, " THEN ");
    sql_int(b, d->nExtension); sql_lit(b, " ELSE 0 END");
  }
  sql_lit(b, ")");
}
/* The day d counts from before any deemed start, as SQL: zStart, or a
** restart's zTo once set; NULL while the restart is awaited (its zFrom
** set, zTo not) — deadline_eval()'s halt. */
static void sql_start0(SqlBuf *b, const Deadline *d){
  const Pause *p = deadline_pause(d, PM_RESTART);
  if( p==0 ){ sql_ident(b, d->zStart); return; }
  sql_lit(b, "(CASE WHEN "); sql_ident(b, d->zStart); sql_lit(b, " IS NULL THEN NULL WHEN ");
  sql_ident(b, p->zTo); sql_lit(b, " IS NOT NULL THEN "); sql_ident(b, p->zTo);
  sql_lit(b, " WHEN "); sql_ident(b, p->zFrom); sql_lit(b, " IS NOT NULL THEN NULL ELSE ");
  sql_ident(b, d->zStart); sql_lit(b, " END)");
}
/* The suspension's first day uI lies within the unsuspended period
** counted from sI (deadline.c suspended()): for working days fewer than
** the length of working days lie after sI and before uI; for calendar
** days uI is at most sI + the length. */
static void sql_susp_in(SqlBuf *b, const Deadline *d, int i, const PruleSql *pL, void (*xText)(void*, const char*), void *pArg){
  sql_lit(b, "(");
  if( d->eUnit==PU_WORKDAYS ){
    sql_alias(b, "u", i, "cwn"); sql_lit(b, " - "); sql_alias(b, "u", i, "cwork"); sql_lit(b, " - ");
    sql_alias(b, "s", i, "cwn"); sql_lit(b, " < "); sql_len(b, d, i, pL, xText, pArg);
  }else{
    sql_alias(b, "u", i, "cdn"); sql_lit(b, " <= "); sql_alias(b, "s", i, "cdn"); sql_lit(b, " + "); sql_len(b, d, i, pL, xText, pArg);
  }
  sql_lit(b, ")");
}
/* " + the units the suspension leaves out", as SQL (nothing when d has
** none): working days in [max(uI, sI+1), vI] = cwn(vI) − max(cwn(uI) −
** cwork(uI), cwn(sI)); calendar days vI − max(uI, sI+1) + 1; never below 0. */
static void sql_susp(SqlBuf *b, const Deadline *d, int i, const PruleSql *pL, void (*xText)(void*, const char*), void *pArg){
  if( deadline_pause(d, PM_SUSPEND)==0 ) return;
  sql_lit(b, " + (CASE WHEN "); sql_alias(b, "u", i, "cday"); sql_lit(b, " IS NOT NULL AND ");
  sql_alias(b, "v", i, "cday"); sql_lit(b, " IS NOT NULL AND "); sql_susp_in(b, d, i, pL, xText, pArg);
  sql_lit(b, " THEN (CASE WHEN ");
  if( d->eUnit==PU_WORKDAYS ){
    /* X = max(cwn(u) − cwork(u), cwn(s)); skip = max(cwn(v) − X, 0) */
    #define SUSP_X(b) do{ sql_lit(b, "(CASE WHEN "); sql_alias(b, "u", i, "cwn"); sql_lit(b, " - "); \
      sql_alias(b, "u", i, "cwork"); sql_lit(b, " > "); sql_alias(b, "s", i, "cwn"); sql_lit(b, " THEN "); \
      sql_alias(b, "u", i, "cwn"); sql_lit(b, " - "); sql_alias(b, "u", i, "cwork"); sql_lit(b, " ELSE "); \
      sql_alias(b, "s", i, "cwn"); sql_lit(b, " END)"); }while(0)
    sql_alias(b, "v", i, "cwn"); sql_lit(b, " > "); SUSP_X(b);
    sql_lit(b, " THEN "); sql_alias(b, "v", i, "cwn"); sql_lit(b, " - "); SUSP_X(b);
    #undef SUSP_X
  }else{
    /* Y = max(u, s+1); skip = max(v − Y + 1, 0) */
    #define SUSP_Y(b) do{ sql_lit(b, "(CASE WHEN "); sql_alias(b, "u", i, "cdn"); sql_lit(b, " > "); \
      sql_alias(b, "s", i, "cdn"); sql_lit(b, " THEN "); sql_alias(b, "u", i, "cdn"); sql_lit(b, " ELSE "); \
      sql_alias(b, "s", i, "cdn"); sql_lit(b, " + 1 END)"); }while(0)
    sql_alias(b, "v", i, "cdn"); sql_lit(b, " >= "); SUSP_Y(b);
    sql_lit(b, " THEN "); sql_alias(b, "v", i, "cdn"); sql_lit(b, " - "); SUSP_Y(b); sql_lit(b, " + 1");
    #undef SUSP_Y
  }
  sql_lit(b, " ELSE 0 END) ELSE 0 END)");
}

/* The deemed start (视为受理): the end of d->pDeemed, as SQL (NULL when
** its start is unset or beyond the table). */
static void sql_deemed(SqlBuf *b, const Deadline *d, int i){
  sql_alias(b, "n", i, d->pDeemed->eUnit==PU_WORKDAYS ? "cday" : "croll");
}
/* The start the period runs from: zStart, or the deemed start when that
** comes first (and, with zStart unset, in the states of zActiveIn once
** the deemed period is over — before zToday — or the period met). */
static void sql_start(SqlBuf *b, const Deadline *d, int i, const char *zToday,
                      void (*xText)(void*, const char*), void *pArg){
  if( d->pDeemed==0 ){ sql_start0(b, d); return; }
  sql_lit(b, "(CASE WHEN "); sql_ident(b, d->zStart); sql_lit(b, " IS NOT NULL AND (");
  sql_deemed(b, d, i); sql_lit(b, " IS NULL OR "); sql_ident(b, d->zStart); sql_lit(b, " <= "); sql_deemed(b, d, i);
  sql_lit(b, ") THEN "); sql_ident(b, d->zStart);
  sql_lit(b, " WHEN "); sql_ident(b, d->zStart); sql_lit(b, " IS NOT NULL THEN "); sql_deemed(b, d, i);
  sql_lit(b, " WHEN ");
  if( d->aActiveIn.n ){
    sql_lit(b, "state IN (");
    for(int k=0; k<d->aActiveIn.n; k++){
      if( k ) sql_lit(b, ",");
      xText(pArg, d->aActiveIn.az[k]);
    }
    sql_lit(b, ") AND ");
  }
  sql_lit(b, "("); sql_ident(b, d->zDone); sql_lit(b, " IS NOT NULL OR "); sql_deemed(b, d, i);
  sql_lit(b, " < "); xText(pArg, zToday); sql_lit(b, ") THEN "); sql_deemed(b, d, i);
  sql_lit(b, " END)");
}

/* " LEFT JOIN cal_day sI … LEFT JOIN cal_day eI …": the days of d for
** each row, all on unique keys, so no row is multiplied.
**   deemed start: mI the deemed period's start, nI its end (the working
**     day whose cwn is cwn(mI) + n; or croll of mI + n), then sI the
**     earlier of zStart and that end (sql_start()).
**   working days: sI the start, eI the done day. With W = cwn and
**     V(f) = 2·W(f) − cwork(f), a done day f is within n working days of
**     s exactly when V(f) ≤ 2·(W(s) + n) − 1: the due day is the working
**     day with W = W(s) + n (V = 2W − 1 there), a rest day before it has
**     a smaller V, a rest day after it a larger one. As a minimum, f is
**     late enough exactly when W(f) ≥ W(s) + n. Both joins have a few
**     hundred distinct keys a year, which the planner caches.
**   calendar days: sI the start, eI the day start + n (its croll is due;
**     a minimum's end is eI itself); an extension counted from the end
**     (bExtFromEnd): rI the day eI.croll and xI the day rI + the extension
**     when it counts (else rI itself), and xI.croll is due. */
/* The deemed start's joins (mI, nI) and the start's (sI), as above. */
static void sql_join_start(SqlBuf *b, const Deadline *d, int i, const char *zToday,
                           void (*xText)(void*, const char*), void *pArg){
  if( d->pDeemed ){
    const Deadline *p = d->pDeemed;
    sql_lit(b, " LEFT JOIN cal_day m"); sql_int(b, i);
    sql_lit(b, " ON "); sql_alias(b, "m", i, "cday"); sql_lit(b, "="); sql_start0(b, p);
    sql_lit(b, " LEFT JOIN cal_day n"); sql_int(b, i); sql_lit(b, " ON ");
    if( p->eUnit==PU_WORKDAYS ){
      sql_alias(b, "n", i, "cwn"); sql_lit(b, "="); sql_alias(b, "m", i, "cwn"); sql_lit(b, " + ");
      sql_int(b, p->nLength); sql_lit(b, " AND "); sql_alias(b, "n", i, "cwork"); sql_lit(b, "=1");
    }else{
      sql_alias(b, "n", i, "cdn"); sql_lit(b, "="); sql_alias(b, "m", i, "cdn"); sql_lit(b, " + ");
      sql_int(b, p->nLength);
    }
  }
  sql_lit(b, " LEFT JOIN cal_day s"); sql_int(b, i);
  sql_lit(b, " ON "); sql_alias(b, "s", i, "cday"); sql_lit(b, "="); sql_start(b, d, i, zToday, xText, pArg);
}
void deadline_sql_join(SqlBuf *b, const Deadline *d, int i, const char *zToday,
                       void (*xText)(void*, const char*), void *pArg, const PruleSql *pL){
  sql_join_start(b, d, i, zToday, xText, pArg);
  const Pause *ps = deadline_pause(d, PM_SUSPEND);
  if( ps ){
    /* uI the suspension's first day, vI its last (or the day the period was met) */
    sql_lit(b, " LEFT JOIN cal_day u"); sql_int(b, i);
    sql_lit(b, " ON "); sql_alias(b, "u", i, "cday"); sql_lit(b, "="); sql_ident(b, ps->zFrom);
    sql_lit(b, " LEFT JOIN cal_day v"); sql_int(b, i);
    sql_lit(b, " ON "); sql_alias(b, "v", i, "cday"); sql_lit(b, "=COALESCE(");
    sql_ident(b, ps->zTo); sql_lit(b, ", "); sql_ident(b, d->zDone); sql_lit(b, ")");
  }
  sql_lit(b, " LEFT JOIN cal_day e"); sql_int(b, i); sql_lit(b, " ON ");
  if( d->eUnit==PU_WORKDAYS ){
    sql_alias(b, "e", i, "cday"); sql_lit(b, "="); sql_ident(b, d->zDone);
  }else{
    sql_alias(b, "e", i, "cdn"); sql_lit(b, "="); sql_alias(b, "s", i, "cdn");
    sql_lit(b, " + ");
    if( !(d->zExtFlag && d->bExtFromEnd) ) sql_len(b, d, i, pL, xText, pArg);
    else sql_base_len(b, d, i, pL);
    sql_susp(b, d, i, pL, xText, pArg);
    if( d->zExtFlag && d->bExtFromEnd ){
      sql_lit(b, " LEFT JOIN cal_day r"); sql_int(b, i);
      sql_lit(b, " ON "); sql_alias(b, "r", i, "cday"); sql_lit(b, "="); sql_alias(b, "e", i, "croll");
      sql_lit(b, " LEFT JOIN cal_day x"); sql_int(b, i);
      sql_lit(b, " ON "); sql_alias(b, "x", i, "cdn"); sql_lit(b, "="); sql_alias(b, "r", i, "cdn");
      sql_lit(b, " + CASE WHEN "); sql_ext_on(b, d, xText, pArg); sql_lit(b, " THEN ");
      sql_int(b, d->nExtension); sql_lit(b, " ELSE 0 END");
    }
  }
}

/* 1 when the row met d (or d does not apply, or has no due date), else 0:
** deadline_ontime() as SQL; for a minimum, 1 when long enough. zWhen's
** values are bound through xText. */
void deadline_sql_ontime(SqlBuf *b, const Deadline *d, int i, void (*xText)(void*, const char*), void *pArg,
                         const PruleSql *pL){
  sql_lit(b, "(CASE");
  if( d->when.pField ){
    const char *zField = d->when.pField->zName;
    sql_lit(b, " WHEN "); sql_ident(b, zField); sql_lit(b, " IS NULL OR NOT ");
    sql_when_in(b, &d->when, xText, pArg);
    sql_lit(b, " THEN 1");
  }
  if( d->zOnDate ){
    /* a date a person set is the due date */
    sql_lit(b, " WHEN "); sql_ident(b, d->zOnDate); sql_lit(b, " IS NOT NULL THEN CASE WHEN ");
    sql_ident(b, d->zDone); sql_lit(b, " IS NOT NULL AND "); sql_ident(b, d->zDone); sql_lit(b, " <= ");
    sql_ident(b, d->zOnDate); sql_lit(b, " THEN 1 ELSE 0 END");
  }
  /* the start: zStart itself, or (deemed) the day joined as sI */
  sql_lit(b, " WHEN ");
  if( d->pDeemed ) sql_alias(b, "s", i, "cday"); else sql_start0(b, d);
  sql_lit(b, " IS NULL THEN 1");
  if( d->zLengthField ){ sql_lit(b, " WHEN "); sql_ident(b, d->zLengthField); sql_lit(b, " IS NULL THEN 1"); }
  const Pause *ps = deadline_pause(d, PM_SUSPEND);
  if( ps ){
    /* halted by a suspension still open: no due date, as in C */
    sql_lit(b, " WHEN "); sql_ident(b, ps->zFrom); sql_lit(b, " IS NOT NULL AND "); sql_ident(b, ps->zTo);
    sql_lit(b, " IS NULL AND "); sql_ident(b, d->zDone); sql_lit(b, " IS NULL AND "); sql_base_len(b, d, i, pL);
    sql_lit(b, " > 0 AND "); sql_susp_in(b, d, i, pL, xText, pArg); sql_lit(b, " THEN 1");
  }
  sql_lit(b, " WHEN "); sql_ident(b, d->zDone); if( d->bMinimum ) sql_lit(b, " IS NULL THEN 1"); else sql_lit(b, " IS NULL THEN 0");
  /* 即办 (length 0): due the day it started */
  sql_lit(b, " WHEN "); sql_base_len(b, d, i, pL); sql_lit(b, "<=0 THEN CASE WHEN ");
  sql_ident(b, d->zDone); sql_lit(b, " <= ");
  if( d->pDeemed ) sql_alias(b, "s", i, "cday"); else sql_start0(b, d);
  sql_lit(b, " THEN 1 ELSE 0 END");
  if( d->eUnit==PU_WORKDAYS && d->bMinimum ){
    sql_lit(b, " WHEN "); sql_alias(b, "e", i, "cwn"); sql_lit(b, " >= "); sql_alias(b, "s", i, "cwn");
    sql_lit(b, " + "); sql_base_len(b, d, i, pL); sql_lit(b, " THEN 1");
  }else if( d->eUnit==PU_WORKDAYS ){
    sql_lit(b, " WHEN 2*"); sql_alias(b, "e", i, "cwn"); sql_lit(b, " - "); sql_alias(b, "e", i, "cwork");
    sql_lit(b, " <= 2*("); sql_alias(b, "s", i, "cwn"); sql_lit(b, " + "); sql_len(b, d, i, pL, xText, pArg);
    sql_susp(b, d, i, pL, xText, pArg);
    sql_lit(b, ") - 1 THEN 1");
  }else if( d->bMinimum ){
    sql_lit(b, " WHEN "); sql_ident(b, d->zDone); sql_lit(b, " >= "); sql_alias(b, "e", i, "cday");
    sql_lit(b, " THEN 1");
  }else{
    sql_lit(b, " WHEN "); sql_ident(b, d->zDone); sql_lit(b, " <= ");
    sql_alias(b, d->zExtFlag && d->bExtFromEnd ? "x" : "e", i, "croll");
    sql_lit(b, " THEN 1");
  }
  sql_lit(b, " ELSE 0 END)");
}

/* 1 when the row's dates lie outside cal_day, so the SQL above cannot
** judge it (the caller then counts in C). */
void deadline_sql_outside(SqlBuf *b, const Deadline *d, int i, const PruleSql *pL){
  sql_lit(b, "(CASE WHEN ");
  if( d->zOnDate ){ sql_ident(b, d->zOnDate); sql_lit(b, " IS NULL AND "); }
  sql_lit(b, "(");
  if( d->pDeemed ){
    sql_start0(b, d->pDeemed); sql_lit(b, " IS NOT NULL AND "); sql_deemed(b, d, i); sql_lit(b, " IS NULL OR ");
  }
  if( d->pDeemed ) sql_ident(b, d->zStart); else sql_start0(b, d);
  sql_lit(b, " IS NOT NULL AND "); sql_alias(b, "s", i, "cday"); sql_lit(b, " IS NULL OR ");
  const Pause *ps = deadline_pause(d, PM_SUSPEND);
  if( ps ){
    sql_ident(b, ps->zFrom); sql_lit(b, " IS NOT NULL AND ("); sql_alias(b, "u", i, "cday"); sql_lit(b, " IS NULL OR COALESCE(");
    sql_ident(b, ps->zTo); sql_lit(b, ", "); sql_ident(b, d->zDone); sql_lit(b, ") IS NOT NULL AND ");
    sql_alias(b, "v", i, "cday"); sql_lit(b, " IS NULL) OR ");
  }
  sql_alias(b, "s", i, "cday"); sql_lit(b, " IS NOT NULL AND ");
  if( d->eUnit==PU_WORKDAYS ){
    sql_ident(b, d->zDone); sql_lit(b, " IS NOT NULL AND "); sql_alias(b, "e", i, "cday"); sql_lit(b, " IS NULL");
  }else{
    sql_lit(b, "("); sql_base_len(b, d, i, pL); sql_lit(b, ">0 AND ");
    sql_alias(b, d->zExtFlag && d->bExtFromEnd ? "x" : "e", i, "cdn"); sql_lit(b, " IS NULL)");
  }
  sql_lit(b, ") THEN 1 ELSE 0 END)");
}

/* The most pressing period of r still being counted: the active one due
** first, with its status in *pOut; NULL (and *pOut zeroed) when none is
** running. The list's 期限 column shows it and sorts by it. */
const Deadline *deadline_first(Ctx *c, const Rec *r, Day today, DeadlineStatus *pOut, const Pause **ppHalt){
  const Deadline *pBest = 0;
  memset(pOut, 0, sizeof *pOut);
  if( ppHalt ) *ppHalt = 0;
  if( r->pKind->aDeadline==0 ) return 0;
  for(const Deadline *d=r->pKind->aDeadline; d->zName; d++){
    DeadlineStatus s;
    deadline_eval(c, r, d, today, &s);
    if( ppHalt && s.pHalt && *ppHalt==0 ) *ppHalt = s.pHalt;
    if( !s.bActive ) continue;
    if( pBest==0 || s.due < pOut->due ){ pBest = d; *pOut = s; }
  }
  return pBest;
}

/* ---- overdue open records in SQL (the 待办 count) -----------------------
** For a record still running (done unset, in zActiveIn, the rule applies),
** deadline_eval() says overdue when today T is past the due day. Over
** cal_day, with W(x) = cwn of day x, the due day by rule, with the joins
** of deadline_sql_due_join():
**   a date a person set (zOnDate): that day;
**   length ≤ 0 (即办): the start, sI;
**   working days: the working day with W = W(sI) + n; T is past it
**     exactly when 2·W(T) − cwork(T) ≥ 2·(W(sI) + n) (as above);
**   calendar days and months: croll of eI (xI when an extension runs
**     from the end); for months eI is the corresponding day n months on,
**     or the month's last day (民法典 Art 202), found in cal_day by text.
** Month periods whose extension runs from the moved end, periods with a
** pause (补正, 第三方意见) and periods a local rule may set (地方规定) are
** left to C (deadline_sql_due_ok). */
int deadline_sql_due_ok(const Deadline *d){
  return !d->bMinimum && !(d->eUnit==PU_MONTHS && d->zExtFlag && d->bExtFromEnd)
      && d->aPause==0 && !d->bLocal;
}

void deadline_sql_active(SqlBuf *b, const Deadline *d, void (*xText)(void*, const char*), void *pArg){
  if( d->when.pField ){ sql_lit(b, " AND "); sql_when_in(b, &d->when, xText, pArg); }
  if( d->aActiveIn.n ){
    sql_lit(b, " AND state IN (");
    for(int k=0; k<d->aActiveIn.n; k++){
      if( k ) sql_lit(b, ",");
      xText(pArg, d->aActiveIn.az[k]);
    }
    sql_lit(b, ")");
  }
  sql_lit(b, " AND "); sql_ident(b, d->zDone); sql_lit(b, " IS NULL");
}

void deadline_sql_due_join(SqlBuf *b, const Deadline *d, int i, const char *zToday,
                           void (*xText)(void*, const char*), void *pArg){
  if( d->eUnit!=PU_MONTHS ){
    deadline_sql_join(b, d, i, zToday, xText, pArg, 0);
    return;
  }
  /* eI: the latest day of month k = months(sI) + n not after the start's
  ** day of the month (its text YYYY-MM-DD built from sI's) */
  sql_join_start(b, d, i, zToday, xText, pArg);
  sql_lit(b, " LEFT JOIN cal_day e"); sql_int(b, i);
  sql_lit(b, " ON "); sql_alias(b, "e", i, "cday"); sql_lit(b, "=(SELECT MAX(cm.cday) FROM cal_day cm WHERE cm.cday>=");
  for(int bHi=0; bHi<2; bHi++){
    if( bHi ) sql_lit(b, " AND cm.cday<=");
    sql_lit(b, "CAST((CAST(substr("); sql_alias(b, "s", i, "cday"); sql_lit(b, ",1,4) AS INTEGER)*12+CAST(substr(");
    sql_alias(b, "s", i, "cday"); sql_lit(b, ",6,2) AS INTEGER)-1+"); sql_len(b, d, i, 0, xText, pArg);
    sql_lit(b, ")/12 AS TEXT)||'-'||substr(CAST(101+(CAST(substr("); sql_alias(b, "s", i, "cday");
    sql_lit(b, ",1,4) AS INTEGER)*12+CAST(substr("); sql_alias(b, "s", i, "cday"); sql_lit(b, ",6,2) AS INTEGER)-1+");
    sql_len(b, d, i, 0, xText, pArg); sql_lit(b, ")%12 AS TEXT),2,2)||'-'||");
    if( bHi ){ sql_lit(b, "substr("); sql_alias(b, "s", i, "cday"); sql_lit(b, ",9,2)"); }
    else sql_lit(b, "'01'");
  }
  sql_lit(b, ")");
}

/* W(today) or cwork(today), today bound through xText. */
static void sql_today(SqlBuf *b, const char *zCol, const char *zToday, void (*xText)(void*, const char*), void *pArg){
  sql_lit(b, "(SELECT ");
  sql_ident(b, zCol);
  sql_lit(b, " FROM cal_day WHERE cday=");
  xText(pArg, zToday);
  sql_lit(b, ")");
}

void deadline_sql_overdue(SqlBuf *b, const Deadline *d, int i, const char *zToday,
                          void (*xText)(void*, const char*), void *pArg){
  sql_lit(b, " AND (CASE");
  if( d->zOnDate ){
    sql_lit(b, " WHEN "); sql_ident(b, d->zOnDate); sql_lit(b, " IS NOT NULL THEN CASE WHEN ");
    sql_ident(b, d->zOnDate); sql_lit(b, "<"); xText(pArg, zToday); sql_lit(b, " THEN 1 ELSE 0 END");
  }
  sql_lit(b, " WHEN "); sql_alias(b, "s", i, "cday"); sql_lit(b, " IS NULL THEN 0");
  if( d->zLengthField ){ sql_lit(b, " WHEN "); sql_ident(b, d->zLengthField); sql_lit(b, " IS NULL THEN 0"); }
  /* 即办 (or a due date as the unit): due the day it started */
  sql_lit(b, " WHEN ");
  if( d->eUnit==PU_ONDATE ) sql_lit(b, "1=1"); else{ sql_base_len(b, d, i, 0); sql_lit(b, "<=0"); }
  sql_lit(b, " THEN CASE WHEN "); sql_alias(b, "s", i, "cday"); sql_lit(b, "<"); xText(pArg, zToday);
  sql_lit(b, " THEN 1 ELSE 0 END");
  if( d->eUnit==PU_WORKDAYS ){
    sql_lit(b, " WHEN 2*"); sql_today(b, "cwn", zToday, xText, pArg); sql_lit(b, "-");
    sql_today(b, "cwork", zToday, xText, pArg); sql_lit(b, ">=2*("); sql_alias(b, "s", i, "cwn");
    sql_lit(b, "+"); sql_len(b, d, i, 0, xText, pArg); sql_lit(b, ") THEN 1");
  }else{
    const char *zE = d->zExtFlag && d->bExtFromEnd ? "x" : "e";
    sql_lit(b, " WHEN "); sql_alias(b, zE, i, "croll"); sql_lit(b, "<"); xText(pArg, zToday); sql_lit(b, " THEN 1");
  }
  sql_lit(b, " ELSE 0 END)=1");
}
