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
** built-in notices (src/calendar/holidays.c) and the rule that says when
** a year is whole (cal_year_info, src/calendar/calendar.c): this file
** only stores the admin's mark (holiday_year) and words the rule.
**
** Several processes on one database (two servers on PostgreSQL, a server
** and `fazhi holiday`): each change adds one to the internal setting
** holiday_gen in its transaction; every request reads it (holiday_refresh,
** one row) and a process whose calendar was loaded at another value loads
** the rows again.
*/
#include "engine/holiday.h"
#include "engine/record.h"
#include "engine/query.h"
#include "engine/setting.h"
#include "engine/prule.h"
#include "audit/audit.h"
#include "base/utf8.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <time.h>

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

/* One change at a time in this process: cal_apply, cal_mark, cal_undo
** and cal_replace must not interleave with another request's. */
static pthread_mutex_t holidayLock = PTHREAD_MUTEX_INITIALIZER;

/* The value of holiday_gen the calendar in force was loaded at (-1: not
** loaded from a database). */
static atomic_llong calGen = -1;

/* The change counter (0 when the row is missing); -1 on a database error. */
static long long gen_read(Db *p){
  Arena a;
  const char *z = 0;
  arena_init(&a);
  int rc = setting_read(p, &a, "holiday_gen", &z);
  long long g = rc!=DB_OK ? -1 : z ? atoll(z) : 0;
  arena_free(&a);
  return g;
}

/* One more change, in the caller's write transaction. 0 on success. */
int holiday_gen_bump(Db *p){
  long long g = gen_read(p);
  Stmt q;
  char z[24];
  if( g<0 ) return 1;
  snprintf(z, sizeof z, "%lld", g+1);
  if( db_exec(p, "DELETE FROM setting WHERE name='holiday_gen'") ) return 1;
  if( db_prepare(p, &q, "INSERT INTO setting(name, value) VALUES('holiday_gen', ?1)") ) return 1;
  db_bind_text(&q, 1, z);
  int rc = db_step(&q)!=DB_DONE;
  db_finalize(&q);
  return rc;
}

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
  if( rc==0 ) rc = holiday_gen_bump(c->pDb);             /* other processes load it again */
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

/* ---- whole years -------------------------------------------------------- */

static const Field fYear   = { "year",   "年度",     FT_INT };
static const Field fNotice = { "notice", "依据通知", FT_TEXT };

/* The festivals of mNamed's complement, "春节、清明节" ("" when none). */
static const char *missing_text(Arena *a, unsigned mNamed){
  const char *z = "";
  for(int i=0; i<CAL_FESTIVALS; i++){
    if( mNamed & (1u<<i) ) continue;
    z = arena_printf(a, "%s%s%s", z, z[0] ? "、" : "", cal_festival_name(i));
  }
  return z;
}

int holiday_year_get(Ctx *c, int iYear, HolidayYear *h){
  CalYearInfo info;
  Stmt q;
  memset(h, 0, sizeof *h);
  h->iYear = iYear;
  h->eState = cal_year_info(iYear, &info);
  h->bBuiltin = info.bBuiltin;
  h->bMarked = info.bMarked;
  h->zMissing = missing_text(c->pArena, info.mNamed);
  if( h->eState==CAL_YEAR_NONE ) h->zState = "未登记";
  else if( h->eState==CAL_YEAR_PARTIAL ) h->zState = arena_printf(c->pArena, "未完整：尚缺%s", h->zMissing);
  else if( info.bBuiltin ) h->zState = "已完整（内置）";
  else if( info.bMarked ) h->zState = "已完整（管理员已标记）";
  else h->zState = "已完整（七个节日均已登记）";
  int rc = db_prepare(c->pDb, &q, "SELECT notice, marked_by, marked_at FROM holiday_year WHERE year=?1");
  if( rc ) return rc;
  db_bind_int64(&q, 1, iYear);
  rc = db_step(&q);
  if( rc==DB_ROW ){
    h->zNotice = arena_strdup(c->pArena, db_column_text(&q, 0));
    h->zMarkedBy = arena_strdup(c->pArena, db_column_text(&q, 1));
    h->zMarkedAt = arena_strdup(c->pArena, db_column_text(&q, 2));
  }
  db_finalize(&q);
  return rc==DB_ROW || rc==DB_DONE ? DB_OK : rc;
}

/* The year of zYear, checked, or 0 with the reason on "year". */
static int year_in(Ctx *c, const char *zYear){
  char *zEnd = 0;
  long y = zYear && zYear[0] ? strtol(zYear, &zEnd, 10) : 0;
  if( zYear==0 || zYear[0]==0 ){ err_add(c, 0, &fYear, "请填写年度，如 2027"); return 0; }
  if( *zEnd || y<HOLIDAY_YEAR_MIN || y>HOLIDAY_YEAR_MAX ){
    err_add(c, 0, &fYear, "年度应为%d至%d之间的年份，“%s”不是", HOLIDAY_YEAR_MIN, HOLIDAY_YEAR_MAX, zYear);
    return 0;
  }
  return (int)y;
}

int holiday_mark(Ctx *c, const char *zYear, const char *zUndo, const char *zNotice){
  int bUndo = zUndo && strcmp(zUndo, "1")==0;
  int y = year_in(c, zYear);
  CalYearInfo info;
  if( y ){
    int e = cal_year_info(y, &info);
    if( bUndo ){
      if( !info.bMarked ) err_add(c, 0, &fYear, "%d年没有“年度安排已完整登记”的标记", y);
    }else if( info.bBuiltin ){
      err_add(c, 0, &fYear, "%d年的节假日安排已内置于系统（国务院办公厅通知全文），无需标记", y);
    }else if( info.bMarked ){
      err_add(c, 0, &fYear, "%d年已标记为年度安排已完整登记", y);
    }else if( e==CAL_YEAR_COMPLETE ){
      err_add(c, 0, &fYear, "%d年七个节日的放假日均已登记，年度安排已完整，无需标记", y);
    }else if( e==CAL_YEAR_NONE ){
      err_add(c, 0, &fYear, "%d年尚未登记任何放假日：请先按国务院办公厅通知登记各节日的放假和调休上班日，再标记已完整登记", y);
    }
  }
  if( !bUndo ){
    if( zNotice==0 || zNotice[0]==0 ) err_add(c, 0, &fNotice, "请填写所依据的通知，如 国务院办公厅关于%d年部分节假日安排的通知", y ? y : 2027);
    else if( rec_text_checked(c, &fNotice, zNotice, 0) && utf8_chars(zNotice)>100 ) err_add(c, 0, &fNotice, "依据通知最多100个字");
  }
  if( c->err.n ) return FZ_INVALID;

  char zKey[12], zNow[32];
  snprintf(zKey, sizeof zKey, "%d", y);
  time_t t = time(0);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(zNow, sizeof zNow, "%Y-%m-%d %H:%M:%S", &tm);
  CalUndo undo;
  Stmt q;
  int bApplied = 0;
  pthread_mutex_lock(&holidayLock);
  int rc = db_begin_write(c->pDb)!=DB_OK;
  const char *zBefore = rc ? 0 : audit_rows(c, "holiday_year", zKey);
  if( zBefore==0 ) rc = 1;
  if( rc==0 && (rc = db_prepare(c->pDb, &q, "DELETE FROM holiday_year WHERE year=?1")!=DB_OK)==0 ){
    db_bind_int64(&q, 1, y);
    rc = db_step(&q)!=DB_DONE;
    db_finalize(&q);
  }
  if( rc==0 && !bUndo ){
    rc = db_prepare(c->pDb, &q, "INSERT INTO holiday_year(year, notice, marked_by, marked_at) VALUES(?1, ?2, ?3, ?4)")!=DB_OK;
    if( rc==0 ){
      db_bind_int64(&q, 1, y);
      db_bind_text(&q, 2, zNotice);
      db_bind_text(&q, 3, c->pActor && c->pActor->zLogin ? c->pActor->zLogin : "");
      db_bind_text(&q, 4, zNow);
      rc = db_step(&q)!=DB_DONE;
      db_finalize(&q);
    }
  }
  if( rc==0 ) rc = holiday_gen_bump(c->pDb);
  if( rc==0 ) rc = audit_rows_log(c, bUndo ? "holiday_year_undo" : "holiday_year", "holiday_year", zKey, 0, zBefore);
  if( rc==0 ){ bApplied = cal_mark(y, !bUndo, &undo)==CAL_OK; rc = !bApplied; }
  if( rc==0 ) rc = db_commit(c->pDb)!=DB_OK;
  if( rc ){
    db_rollback(c->pDb);
    if( bApplied ) cal_undo(&undo);
  }
  pthread_mutex_unlock(&holidayLock);
  return rc ? err_internal(c, "holiday_mark: %s", db_errmsg(c->pDb)) : FZ_OK;
}

/* ---- one calendar for every process on the database ---------------------- */

int holiday_load(Db *p){
  Arena a;
  Stmt q;
  int rc, n = 0, nAlloc = 0, nMark = 0, nMarkAlloc = 0;
  CalHoliday *aH = 0;
  int *aMark = 0;
  arena_init(&a);
  long long g = gen_read(p);          /* first: the rows read next are at least as new */
  if( g<0 ){ arena_free(&a); return DB_ERROR; }
  rc = db_prepare(p, &q, "SELECT day, dkind, name FROM holiday ORDER BY day");
  while( rc==DB_OK && (rc = db_step(&q))==DB_ROW ){
    aH = arena_grow(&a, aH, n, &nAlloc, sizeof aH[0]);
    aH[n].zDate = arena_strdup(&a, db_column_text(&q, 0));
    aH[n].cKind = db_column_text(&q, 1)[0];
    aH[n].zName = arena_strdup(&a, db_column_text(&q, 2));
    aH[n].zSource = "";
    n++;
    rc = DB_OK;
  }
  if( rc==DB_DONE ) rc = DB_OK;
  db_finalize(&q);
  memset(&q, 0, sizeof q);             /* finalizing an unprepared statement is a no-op */
  if( rc==DB_OK ) rc = db_prepare(p, &q, "SELECT year FROM holiday_year ORDER BY year");
  while( rc==DB_OK && (rc = db_step(&q))==DB_ROW ){
    aMark = arena_grow(&a, aMark, nMark, &nMarkAlloc, sizeof aMark[0]);
    aMark[nMark++] = (int)db_column_int64(&q, 0);
    rc = DB_OK;
  }
  if( rc==DB_DONE ) rc = DB_OK;
  db_finalize(&q);
  if( rc==DB_OK ){
    pthread_mutex_lock(&holidayLock);
    cal_replace(aH, n, aMark, nMark);
    atomic_store(&calGen, g);
    pthread_mutex_unlock(&holidayLock);
  }
  arena_free(&a);
  return rc;
}

int holiday_refresh(Ctx *c){
  long long g = gen_read(c->pDb);
  if( g<0 ) return DB_ERROR;
  if( g==atomic_load(&calGen) ) return 0;
  return holiday_load(c->pDb);
}

/* The largest value of k's FT_INT field zField among its records (0 when
** none): the longest a period whose length each record gives may be. */
static int field_max(Ctx *c, const Kind *k, const char *zField){
  SqlBuf b;
  Stmt q;
  int n = 0;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT MAX(");
  sql_ident(&b, zField);
  sql_lit(&b, ") FROM ");
  sql_ident(&b, k->zName);
  if( db_prepare_buf(c->pDb, &q, &b)==DB_OK ){
    if( db_step(&q)==DB_ROW ) n = (int)db_column_int64(&q, 0);
    db_finalize(&q);
  }
  sqlbuf_free(&b);
  return n<0 ? 0 : n;
}

/* The longest day count a period of d (of kind k) may run, wide: working
** days at two calendar days each plus a fortnight, months at 31 days, a
** length from a field at the largest value the records hold. */
static int period_reach(Ctx *c, const Kind *k, const Deadline *d){
  int n = d->zLengthField ? field_max(c, k, d->zLengthField) : d->nLength;
  n += d->zExtFlag ? d->nExtension : 0;
  int nLocal = prule_reach(k, d);      /* a 地方规定 may be longer (prule.c) */
  if( d->eUnit==PU_WORKDAYS ) n = n*2 + 14;
  else if( d->eUnit==PU_MONTHS ) n = n*31 + 7;
  else n += 14;                        /* and the rest days it may roll over */
  return nLocal>n ? nLocal : n;
}

int holiday_ind_gap(Ctx *c, const Kind *k, const Indicator *ind, int iYear){
  const Expr *ae[2] = { &ind->num, &ind->den };
  int nReach = -1;
  for(int s=0; s<2; s++){
    const Kind *kSide = ind_side_kind(k, ae[s]);
    for(const Cond *q=ae[s]->aCond; q->zOp && kSide; q++){
      if( q->eOp!=CO_ONTIME && q->eOp!=CO_LATE ) continue;
      const Deadline *d = kind_deadline(kSide, q->zField);
      if( d==0 || d->eUnit==PU_ONDATE ) continue;
      int n = period_reach(c, kSide, d);
      if( n>nReach ) nReach = n;
    }
  }
  if( nReach<0 || iYear<CAL_YEAR_MIN+1 || iYear>=CAL_YEAR_MAX ) return 0;
  return cal_range_gap(day_from_ymd(iYear-1, 1, 1), day_from_ymd(iYear, 12, 31) + nReach);
}
