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
#include "base/sha256.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

void deadline_eval(Ctx *c, const Rec *r, const Deadline *d, Day today, DeadlineStatus *s){
  (void)c;
  memset(s, 0, sizeof(*s));
  s->bApplies = rec_when(r, &d->when);
  if( !s->bApplies ) return;
  const char *zStart = rec_val(r, d->zStart);
  Day start;
  if( zStart==0 || day_parse(zStart, &start)!=CAL_OK ) return;
  int nLen = d->nLength;
  if( d->zLengthField ){
    const char *z = rec_val(r, d->zLengthField);
    if( z==0 ) return;
    nLen = atoi(z);
  }
  if( d->zExtFlag ){
    const char *z = rec_val(r, d->zExtFlag);
    if( z && strcmp(z, "1")==0 ) nLen += d->nExtension;
  }
  int rc;
  if( nLen<=0 || d->eUnit==PU_ONDATE ){
    s->due = start;            /* 即办: due the day it was received; or a due date */
    rc = CAL_OK;
  }else if( d->eUnit==PU_WORKDAYS ){
    rc = cal_add_workdays(start, nLen, &s->due);
  }else if( d->eUnit==PU_MONTHS ){
    rc = cal_add_months(start, nLen, &s->due);
  }else{
    rc = cal_add_days(start, nLen, &s->due);
  }
  s->bUnknownCal = rc==CAL_UNKNOWN;
  if( s->bUnknownCal ){
    s->iCalYear = cal_range_gap(start, s->due);
    if( s->iCalYear==0 ) day_ymd(s->due, &s->iCalYear, 0, 0);   /* a rest day looked at past due */
  }
  s->bHasDue = 1;
  const char *zDone = rec_val(r, d->zDone);
  Day done;
  if( zDone && day_parse(zDone, &done)==CAL_OK ){
    s->bDone = 1;
    s->bLate = done > s->due;
    return;
  }
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

/* The length of d for this row, as SQL. */
static void sql_len(SqlBuf *b, const Deadline *d){
  sql_lit(b, "(");
  if( d->zLengthField ) sql_ident(b, d->zLengthField); else sql_int(b, d->nLength);
  if( d->zExtFlag ){
    sql_lit(b, " + CASE WHEN "); sql_ident(b, d->zExtFlag); sql_lit(b, "=1 THEN ");
    sql_int(b, d->nExtension); sql_lit(b, " ELSE 0 END");
  }
  sql_lit(b, ")");
}
static void sql_alias(SqlBuf *b, const char *zPre, int i, const char *zCol){
  sqlbuf_lit_(b, zPre);                 /* "s" or "e": literals of this file */
  sql_int(b, i);
  sql_lit(b, ".");
  sql_ident(b, zCol);
}

/* " LEFT JOIN cal_day sI … LEFT JOIN cal_day eI …": the days of d for
** each row, all on unique keys, so no row is multiplied.
**   working days: sI the start, eI the done day. With W = cwn and
**     V(f) = 2·W(f) − cwork(f), a done day f is within n working days of
**     s exactly when V(f) ≤ 2·(W(s) + n) − 1: the due day is the working
**     day with W = W(s) + n (V = 2W − 1 there), a rest day before it has
**     a smaller V, a rest day after it a larger one. Both joins have a
**     few hundred distinct keys a year, which the planner caches.
**   calendar days: sI the start, eI the day start + n (its croll is due). */
void deadline_sql_join(SqlBuf *b, const Deadline *d, int i){
  sql_lit(b, " LEFT JOIN cal_day s"); sql_int(b, i);
  sql_lit(b, " ON "); sql_alias(b, "s", i, "cday"); sql_lit(b, "="); sql_ident(b, d->zStart);
  sql_lit(b, " LEFT JOIN cal_day e"); sql_int(b, i); sql_lit(b, " ON ");
  if( d->eUnit==PU_WORKDAYS ){
    sql_alias(b, "e", i, "cday"); sql_lit(b, "="); sql_ident(b, d->zDone);
  }else{
    sql_alias(b, "e", i, "cdn"); sql_lit(b, "="); sql_alias(b, "s", i, "cdn");
    sql_lit(b, " + ");
    sql_len(b, d);
  }
}

/* 1 when the row met d (or d does not apply, or has no due date), else 0:
** deadline_ontime() as SQL. zWhen's values are bound through xText. */
void deadline_sql_ontime(SqlBuf *b, const Deadline *d, int i, void (*xText)(void*, const char*), void *pArg){
  sql_lit(b, "(CASE");
  if( d->when.pField ){
    const char *zField = d->when.pField->zName;
    sql_lit(b, " WHEN "); sql_ident(b, zField); sql_lit(b, " IS NULL OR "); sql_ident(b, zField);
    sql_lit(b, " NOT IN (");
    for(int k=0; k<d->when.aValue.n; k++){
      if( k ) sql_lit(b, ",");
      xText(pArg, d->when.aValue.az[k]);
    }
    sql_lit(b, ") THEN 1");
  }
  sql_lit(b, " WHEN "); sql_ident(b, d->zStart); sql_lit(b, " IS NULL THEN 1");
  if( d->zLengthField ){ sql_lit(b, " WHEN "); sql_ident(b, d->zLengthField); sql_lit(b, " IS NULL THEN 1"); }
  sql_lit(b, " WHEN "); sql_ident(b, d->zDone); sql_lit(b, " IS NULL THEN 0");
  /* 即办 (length 0): due the day it started */
  sql_lit(b, " WHEN "); sql_len(b, d); sql_lit(b, "<=0 THEN CASE WHEN ");
  sql_ident(b, d->zDone); sql_lit(b, " <= "); sql_ident(b, d->zStart); sql_lit(b, " THEN 1 ELSE 0 END");
  if( d->eUnit==PU_WORKDAYS ){
    sql_lit(b, " WHEN 2*"); sql_alias(b, "e", i, "cwn"); sql_lit(b, " - "); sql_alias(b, "e", i, "cwork");
    sql_lit(b, " <= 2*("); sql_alias(b, "s", i, "cwn"); sql_lit(b, " + "); sql_len(b, d);
    sql_lit(b, ") - 1 THEN 1");
  }else{
    sql_lit(b, " WHEN "); sql_ident(b, d->zDone); sql_lit(b, " <= "); sql_alias(b, "e", i, "croll");
    sql_lit(b, " THEN 1");
  }
  sql_lit(b, " ELSE 0 END)");
}

/* 1 when the row's dates lie outside cal_day, so the SQL above cannot
** judge it (the caller then counts in C). */
void deadline_sql_outside(SqlBuf *b, const Deadline *d, int i){
  sql_lit(b, "(CASE WHEN "); sql_ident(b, d->zStart); sql_lit(b, " IS NOT NULL AND (");
  sql_alias(b, "s", i, "cday"); sql_lit(b, " IS NULL OR ");
  if( d->eUnit==PU_WORKDAYS ){
    sql_ident(b, d->zDone); sql_lit(b, " IS NOT NULL AND "); sql_alias(b, "e", i, "cday"); sql_lit(b, " IS NULL");
  }else{
    sql_lit(b, "("); sql_len(b, d); sql_lit(b, ">0 AND "); sql_alias(b, "e", i, "cdn"); sql_lit(b, " IS NULL)");
  }
  sql_lit(b, ") THEN 1 ELSE 0 END)");
}
