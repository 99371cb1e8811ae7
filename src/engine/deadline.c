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
#include <string.h>
#include <stdlib.h>

static int when_applies(const Rec *r, const char *zWhen){
  if( zWhen==0 ) return 1;
  const char *eq = strchr(zWhen, '=');
  if( eq==0 ) return 1;
  char zField[64];
  size_t n = (size_t)(eq-zWhen);
  if( n>=sizeof zField ) return 1;
  memcpy(zField, zWhen, n);
  zField[n] = 0;
  const char *v = rec_val(r, zField);
  return v && list_has(eq+1, v);
}

void deadline_eval(Ctx *c, const Rec *r, const Deadline *d, Day today, DeadlineStatus *s){
  (void)c;
  memset(s, 0, sizeof(*s));
  s->bApplies = when_applies(r, d->zWhen);
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
  if( nLen<=0 ){
    s->due = start;            /* 即办: due the day it was received */
    rc = CAL_OK;
  }else if( d->eUnit==PU_WORKDAYS ){
    rc = cal_add_workdays(start, nLen, &s->due);
  }else if( d->eUnit==PU_MONTHS ){
    rc = cal_add_months(start, nLen, &s->due);
  }else{
    rc = cal_add_days(start, nLen, &s->due);
  }
  s->bUnknownCal = rc==CAL_UNKNOWN;
  s->bHasDue = 1;
  const char *zDone = rec_val(r, d->zDone);
  Day done;
  if( zDone && day_parse(zDone, &done)==CAL_OK ){
    s->bDone = 1;
    s->bLate = done > s->due;
    return;
  }
  if( d->zActiveIn && !list_has(d->zActiveIn, r->zState) ) return;
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
