/*
** src/engine/holiday.c — the State Council's holiday notices a county
** adds to the calendar (the table `holiday`: day, dkind 'o' 放假 | 'w'
** 调休上班, name), by `fazhi holiday add` and the 节假日 page.
**
** Every due date and on-time rate is counted on the calendar, so a change
** is audited like a record (holiday_set) and reaches what counts at once:
** the calendar in memory (cal_apply: the running server's C arithmetic)
** and the table cal_day (deadline_cal_sync: the same periods counted in
** SQL, which `fazhi check` compares with the calendar). Not here: the
** built-in notices (src/calendar/holidays.c) and the loading at start
** (src/app/open.c).
*/
#include "engine/holiday.h"
#include "engine/record.h"
#include "audit/audit.h"
#include "base/utf8.h"
#include <pthread.h>
#include <string.h>
#include <stdio.h>

int holiday_set(Ctx *c, const char *zDay, const char *zKind, const char *zName){
  Stmt q;
  int rc = 1;
  Db *pDb = c->pDb;
  if( db_begin_write(pDb) ) return 1;
  const char *zBefore = audit_rows(c, "holiday", zDay);
  if( zBefore && db_prepare(pDb, &q, "DELETE FROM holiday WHERE day=?1")==DB_OK ){
    db_bind_text(&q, 1, zDay);
    rc = db_step(&q)!=DB_DONE;
    db_finalize(&q);
  }
  if( rc==0 && db_prepare(pDb, &q, "INSERT INTO holiday(day, dkind, name) VALUES(?1, ?2, ?3)")==DB_OK ){
    db_bind_text(&q, 1, zDay);
    db_bind_text(&q, 2, zKind);
    db_bind_text(&q, 3, zName);
    rc = db_step(&q)!=DB_DONE;
    db_finalize(&q);
  }
  /* every due date and on-time rate depends on it: logged like a record */
  if( rc==0 ) rc = audit_rows_log(c, "holiday_set", "holiday", zDay, 0, zBefore);
  if( rc ){ db_rollback(pDb); return 1; }
  return db_commit(pDb);
}

static const Field fFrom = { "from", "开始日期", FT_DATE };
static const Field fTo   = { "to",   "结束日期", FT_DATE };
static const Field fKind = { "kind", "类型",     FT_TEXT };
static const Field fName = { "name", "名称",     FT_TEXT };
static const char *const azWeek[] = { "", "周一", "周二", "周三", "周四", "周五", "周六", "周日" };

/* A date of the form in [HOLIDAY_YEAR_MIN, HOLIDAY_YEAR_MAX], else an error on f. */
static int date_in(Ctx *c, const Field *f, const char *z, Day *pd){
  int y;
  if( z==0 || z[0]==0 ){ err_add(c, 0, f, "请填写日期"); return 1; }
  if( day_parse(z, pd) ){ err_add(c, 0, f, "日期无效：“%s”（应为YYYY-MM-DD）", z); return 1; }
  day_ymd(*pd, &y, 0, 0);
  if( y<HOLIDAY_YEAR_MIN || y>HOLIDAY_YEAR_MAX ){
    err_add(c, 0, f, "只能登记%d年至%d年的日期，“%s”不在其中", HOLIDAY_YEAR_MIN, HOLIDAY_YEAR_MAX, z);
    return 1;
  }
  return 0;
}

/* Every day of the range as it would be written, or the user errors. */
static int holiday_check(Ctx *c, const char *zFrom, const char *zTo, const char *zKind,
                         const char *zName, CalHoliday **pa, int *pn){
  Day d0 = 0, d1 = 0;
  char k = zKind && strcmp(zKind, "off")==0 ? 'o' : zKind && strcmp(zKind, "work")==0 ? 'w' : 0;
  int bTo = zTo && zTo[0];
  date_in(c, &fFrom, zFrom, &d0);
  if( bTo ) date_in(c, &fTo, zTo, &d1); else d1 = d0;
  if( k==0 ) err_add(c, 0, &fKind, "请选择“放假”或“调休上班”");
  if( zName==0 || zName[0]==0 ) err_add(c, 0, &fName, "请填写名称，如 2027年春节");
  else if( rec_text_checked(c, &fName, zName, 0) && utf8_chars(zName)>40 ) err_add(c, 0, &fName, "名称最多40个字");
  if( c->err.n ) return FZ_INVALID;
  if( d1<d0 ){ err_add(c, 0, &fTo, "结束日期早于开始日期"); return FZ_INVALID; }
  if( d1-d0>=HOLIDAY_RANGE_MAX ){ err_add(c, 0, &fTo, "一次最多登记%d天", HOLIDAY_RANGE_MAX); return FZ_INVALID; }
  *pn = 0;
  *pa = arena_alloc(c->pArena, sizeof(CalHoliday)*(size_t)(d1-d0+1));
  for(Day d=d0; d<=d1; d++){
    char zDay[11];
    int w = day_weekday(d), bWork = cal_is_workday(d, 0);
    const char *zHas = cal_day_name(d);
    day_format(d, zDay);
    if( k=='w' && w<6 ){
      err_add(c, 0, bTo ? &fTo : &fFrom, "%s是%s，本来就是工作日，无需登记调休上班（调休上班日应为周六或周日）", zDay, azWeek[w]);
    }else if( zHas && (k=='o' ? !bWork : bWork) ){
      err_add(c, 0, bTo ? &fTo : &fFrom, "%s已登记为%s（%s）", zDay, k=='o' ? "放假" : "调休上班", zHas);
    }
    CalHoliday *h = &(*pa)[(*pn)++];
    h->zDate = arena_strdup(c->pArena, zDay);
    h->cKind = k;
    h->zName = zName;
    h->zSource = "";
  }
  return c->err.n ? FZ_INVALID : FZ_OK;
}

/* One change at a time in this process: cal_apply and cal_undo must not
** interleave with another request's. */
static pthread_mutex_t holidayLock = PTHREAD_MUTEX_INITIALIZER;

int holiday_add(Ctx *c, const char *zFrom, const char *zTo, const char *zKind, const char *zName){
  CalHoliday *a;
  int n, rc;
  char zErr[400];
  CalUndo undo;
  if( (rc = holiday_check(c, zFrom, zTo, zKind, zName, &a, &n)) ) return rc;
  pthread_mutex_lock(&holidayLock);
  rc = db_begin_write(c->pDb)!=DB_OK;
  for(int i=0; i<n && rc==0; i++){
    rc = holiday_set(c, a[i].zDate, a[i].cKind=='o' ? "o" : "w", a[i].zName);
  }
  int bApplied = rc==0 && cal_apply(a, n, &undo)==CAL_OK;
  if( !bApplied ) rc = 1;
  if( rc==0 ) rc = deadline_cal_sync(c->pDb, zErr, sizeof zErr);   /* cal_day, as check compares it */
  if( rc==0 ) rc = db_commit(c->pDb)!=DB_OK;
  if( rc ){
    db_rollback(c->pDb);
    if( bApplied ) cal_undo(&undo);
  }
  pthread_mutex_unlock(&holidayLock);
  return rc ? err_internal(c, "holiday_add: %s", db_errmsg(c->pDb)) : FZ_OK;
}

void holiday_month(int y, int m, HolidayCell aCell[42]){
  Day d1 = day_from_ymd(y, m, 1);
  int nLen = day_month_length(y, m), iLead = day_weekday(d1)-1;
  memset(aCell, 0, sizeof(HolidayCell)*42);
  for(int i=0; i<nLen; i++){
    HolidayCell *p = &aCell[iLead+i];
    Day d = d1+i;
    int w = day_weekday(d), bWork = cal_is_workday(d, 0);
    p->iDay = i+1;
    p->bWeekend = w>=6;
    p->eKind = (w>=6 && bWork) ? 'w' : (!bWork && cal_day_name(d)) || (w<6 && !bWork) ? 'o' : 0;
    p->zName = p->eKind ? cal_day_name(d) : 0;
  }
}
