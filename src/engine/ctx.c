/*
** src/engine/ctx.c — the acting context and its error list (see ctx.h).
*/
#include "engine/ctx.h"
#include "calendar/calendar.h"
#include <string.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <stdatomic.h>

/* The county's time zone in minutes east of UTC, for "today": the
** time_zone setting as last read (ctx_zone, zone_load in setting.c);
** Beijing time until then. */
static atomic_int nZoneMin = 480;
void ctx_zone_known(int nMin){ atomic_store(&nZoneMin, nMin); }

void ctx_init(Ctx *c, Db *pDb, Arena *pArena, const Actor *pActor){
  memset(c, 0, sizeof(*c));
  c->pDb = pDb;
  c->pArena = pArena;
  c->pErrArena = pArena;
  c->pActor = pActor;
  const char *zPin = getenv("FAZHI_TODAY");   /* tests pin "today" for deadline checks */
  if( zPin && strlen(zPin)==10 ){
    memcpy(c->zToday, zPin, 11);
  }else{
    /* the county's date, not the server's: a server on UTC would count
    ** 00:00–08:00 Beijing time as the day before (time_zone, ctx_zone) */
    time_t now = time(0) + (time_t)atomic_load(&nZoneMin)*60;
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(c->zToday, sizeof c->zToday, "%Y-%m-%d", &tm);
  }
  Day d = 0;
  day_parse(c->zToday, &d);
  c->iToday = d;
}

const Field field_dept = { "dept_id", "所属部门", FT_REF, F_REQ|F_LIST|F_FILTER|F_PUBLIC };

void err_add(Ctx *c, int iRow, const Field *pField, const char *zFmt, ...){
  c->err.a = arena_grow(c->pErrArena, c->err.a, c->err.n, &c->err.nAlloc, sizeof *c->err.a);
  va_list ap;
  va_start(ap, zFmt);
  ErrItem *e = &c->err.a[c->err.n++];
  e->iRow = iRow;
  e->zField = pField ? pField->zName : 0;
  e->zLabel = pField ? pField->zLabel : 0;
  e->zMsg = arena_vprintf(c->pErrArena, zFmt, ap);
  va_end(ap);
}

int err_has(Ctx *c, int iRow, const char *zField){
  for(int i=c->err.n-1; i>=0 && c->err.a[i].iRow==iRow; i--){
    const char *z = c->err.a[i].zField;
    if( z && zField && strcmp(z, zField)==0 ) return 1;
  }
  return 0;
}

int err_internal(Ctx *c, const char *zFmt, ...){
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(c->zInternal, sizeof c->zInternal, zFmt, ap);
  va_end(ap);
  /* a failure of the database itself (db.h) is no bug: say so; a failed
  ** statement is logged once, with its text, by whoever answers for it
  ** (http_dispatch, app_exit) */
  if( c->pDb && db_storage_failed(c->pDb) ) fprintf(stderr, "fazhi: 数据库暂时不可用：%s\n", c->zInternal);
  else if( !(c->pDb && db_query_failed(c->pDb)) ) fprintf(stderr, "fazhi: internal error: %s\n", c->zInternal);
  return FZ_INTERNAL;
}

const char *err_text(Ctx *c, const ErrItem *e){
  if( e->iRow>0 && e->zLabel ) return arena_printf(c->pArena, "第%d行「%s」：%s", e->iRow, e->zLabel, e->zMsg);
  if( e->iRow>0 ) return arena_printf(c->pArena, "第%d行：%s", e->iRow, e->zMsg);
  if( e->zLabel ) return arena_printf(c->pArena, "「%s」：%s", e->zLabel, e->zMsg);
  return e->zMsg;
}
int actor_can_write(const Actor *a){ return a && (a->mRole & R_STAFF)!=0; }
i64 actor_unit(const Actor *a){
  const char *zPath = a && a->zDeptPath ? a->zDeptPath : "/";
  size_t n = strlen(zPath);
  if( n<=1 ) return 0;
  const char *p = zPath + n - 1;
  while( p>zPath && p[-1]!='/' ) p--;
  return atoll(p);
}
