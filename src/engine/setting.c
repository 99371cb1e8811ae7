/*
** src/engine/setting.c — the declared settings and their one reader (see
** setting.h).
*/
#include "engine/setting.h"
#include "calendar/clock.h"
#include "engine/record.h"
#include "audit/audit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* In the order `fazhi setting` lists them. */
const Setting aSetting[] = {
  { "public_url", "对外访问地址，印在扫码入企二维码里，如 https://fazhi.example.gov.cn", 0, SET_CLI, 0 },
  { "county_party", "报告署名的党委名称，如 中共示范县委", 0, SET_CLI, 1 },
  { "county_gov", "报告署名的政府名称，如 示范县人民政府", 0, SET_CLI, 1 },
  { "report_to", "报告的主送机关，如 市委、市政府：", 0, SET_CLI, 1 },
  { "city_name", "市（省）库：全市报告的名称，如 示范市", 0, SET_CLI, 1 },
  { "city_party", "市（省）库：全市报告署名的党委名称，如 中共示范市委", 0, SET_CLI, 1 },
  { "city_gov", "市（省）库：全市报告署名的政府名称，如 示范市人民政府", 0, SET_CLI, 1 },
  { "city_report_to", "市（省）库：全市报告的主送机关，如 省委、省政府：", 0, SET_CLI, 1 },
  { "time_zone", "页面显示时间所用的时区，如 +08:00 或 Asia/Shanghai（北京时间，默认）；数据库中一律存UTC", CLOCK_DEFAULT_ZONE, SET_CLI, 0 },
  { "due_soon_days", "待办“即将到期”：期限届满前多少个工作日起列入（1至30的整数，默认5）", "5", SET_CLI, 1 },
  { "county_name", "县（区）名称：页面标题和报告用，由 fazhi init 写入", 0, SET_INIT, 1 },
  { "county_short", "县（区）简称，案号、文号用字，如 示（示复〔2026〕1号）；不设则取县（区）名称的第一个字", 0, SET_CLI, 1 },
  { "frozen_at", "报告的数据截止时间，如 2025-01-20 18:00（不设则为当天）", 0, SET_DB, 0 },
  { "cal_fingerprint", "内置节假日日历的摘要，启动时核对并重写（内部）", 0, SET_INTERNAL, 0 },
  { "holiday_gen", "节假日日历的修改次数，各服务进程据此重新载入日历（内部）", 0, SET_INTERNAL, 0 },
  { "prule_gen", "期限规则（地方规定）的修改次数，各服务进程据此重新载入（内部）", 0, SET_INTERNAL, 0 },
  { "audit_key_from", "审计链启用密钥的起始序号（内部）", 0, SET_INTERNAL, 0 },
};
const int nSetting = (int)(sizeof aSetting/sizeof aSetting[0]);

const Setting *setting_find(const char *zName){
  const char *zAt = strchr(zName, '@');
  size_t n = zAt ? (size_t)(zAt - zName) : strlen(zName);
  if( zAt && (zAt[1]==0 || strspn(zAt+1, "0123456789")!=strlen(zAt+1)) ) return 0;
  for(int i=0; i<nSetting; i++){
    if( strncmp(aSetting[i].zName, zName, n)==0 && aSetting[i].zName[n]==0 ){
      return zAt && !aSetting[i].bPerUnit ? 0 : &aSetting[i];
    }
  }
  return 0;
}

int setting_read(Db *pDb, Arena *a, const char *zName, const char **pz){
  const Setting *s = setting_find(zName);
  Stmt q;
  int rc;
  if( s==0 ){
    fprintf(stderr, "fazhi: setting \"%s\" is not declared in aSetting[]\n", zName);
    abort();
  }
  *pz = s->zDefault;
  if( (rc = db_prepare(pDb, &q, "SELECT value FROM setting WHERE name=?1")) ) return rc;
  db_bind_text(&q, 1, zName);
  rc = db_step(&q);
  if( rc==DB_ROW ) *pz = arena_strdup(a, db_column_text(&q, 0));
  db_finalize(&q);
  return rc==DB_ROW || rc==DB_DONE ? DB_OK : rc;
}

int setting_read_unit(Db *pDb, Arena *a, const char *zName, i64 iUnit, const char **pz){
  const Setting *s = setting_find(zName);
  Stmt q;
  int rc;
  if( s==0 || !s->bPerUnit ){
    fprintf(stderr, "fazhi: setting \"%s\" is not a per-unit setting of aSetting[]\n", zName);
    abort();
  }
  *pz = s->zDefault;
  /* the unit's own row sorts first (the longer name) */
  if( (rc = db_prepare(pDb, &q, "SELECT value FROM setting WHERE name=?1 OR name=?2 ORDER BY length(name) DESC")) ) return rc;
  db_bind_text(&q, 1, zName);
  db_bind_text(&q, 2, iUnit ? arena_printf(a, "%s@%lld", zName, (long long)iUnit) : zName);
  rc = db_step(&q);
  if( rc==DB_ROW ) *pz = arena_strdup(a, db_column_text(&q, 0));
  db_finalize(&q);
  return rc==DB_ROW || rc==DB_DONE ? DB_OK : rc;
}

const char *setting_get(Db *pDb, Arena *a, const char *zName){
  const char *z;
  return setting_read(pDb, a, zName, &z) ? 0 : z;
}

const char *setting_check(Arena *a, const char *zName, const char *zValue){
  if( zValue==0 || zValue[0]==0 ) return "不能为空";
  for(const char *z=zValue; *z; z++){
    if( (unsigned char)*z < 0x20 ) return "只能是一行文字，不能含换行或控制字符";
  }
  int nMin;
  if( strcmp(zName, "time_zone")==0 && clock_zone_parse(zValue, &nMin) ){
    return arena_printf(a, "应为与UTC的时差，如 +08:00、UTC+8 或 Asia/Shanghai（整刻钟，不超过±14:00），实际为“%s”", zValue);
  }
  if( strncmp(zName, "due_soon_days", 13)==0 && (zName[13]==0 || zName[13]=='@') ){
    int n = (int)strspn(zValue, "0123456789");
    if( zValue[n]!=0 || n>2 || atoi(zValue)<1 || atoi(zValue)>30 ){
      return arena_printf(a, "应为1至30之间的整数（工作日数），实际为“%s”", zValue);
    }
  }
  if( strncmp(zName, "public_url", 10)==0 && (zName[10]==0 || zName[10]=='@') ){
    const char *zHost = strncmp(zValue, "https://", 8)==0 ? zValue+8 : strncmp(zValue, "http://", 7)==0 ? zValue+7 : 0;
    if( zHost==0 || zHost[0]==0 || strspn(zHost, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:/_")!=strlen(zHost) ){
      return arena_printf(a, "应为 http:// 或 https:// 开头的地址（只含字母、数字、点、横线、冒号和路径），实际为“%s”", zValue);
    }
  }
  return 0;
}

int setting_set(Ctx *c, const char *zName, const char *zValue){
  Stmt q;
  int rc = 1;
  Db *pDb = c->pDb;
  const Setting *s = setting_find(zName);
  if( s==0 || s->eWho==SET_INTERNAL ) return err_internal(c, "setting_set: %s is not declared, or internal", zName);
  if( db_begin_write(pDb) ) return 1;
  const char *zBefore = audit_rows(c, "setting", zName);
  if( zBefore && db_prepare(pDb, &q, "DELETE FROM setting WHERE name=?1")==DB_OK ){
    db_bind_text(&q, 1, zName);
    rc = db_step(&q)!=DB_DONE;
    db_finalize(&q);
  }
  if( rc==0 && db_prepare(pDb, &q, "INSERT INTO setting(name, value) VALUES(?1, ?2)")==DB_OK ){
    db_bind_text(&q, 1, zName);
    db_bind_text(&q, 2, zValue);
    rc = db_step(&q)!=DB_DONE;
    db_finalize(&q);
  }
  if( rc==0 ) rc = audit_rows_log(c, "setting_set", "setting", zName, 0, zBefore);
  if( rc ){ db_rollback(pDb); return 1; }
  return db_commit(pDb);
}

/* The row the actor may write for s, NULL when none (see SettingRow);
** *pbShow: s is listed for the actor at all. The actor's unit is 0 for the
** whole database (scope "/"), else a county admin's county or a city
** admin's city (actor_scope_set in src/auth/user.c made the scope so). */
static const char *row_key(Ctx *c, const Setting *s, int *pbShow){
  i64 iUnit = actor_unit(c->pActor);
  int bCitySet = strncmp(s->zName, "city_", 5)==0;
  *pbShow = s->eWho==SET_CLI;
  if( !*pbShow ) return 0;
  if( iUnit==0 ) return s->zName;
  *pbShow = !s->bPerUnit || bCitySet==(c->pActor->bCity!=0);
  if( !*pbShow || !s->bPerUnit ) return 0;
  return arena_printf(c->pArena, "%s@%lld", s->zName, (long long)iUnit);
}

int setting_rows(Ctx *c, SettingRow **pa, int *pn){
  int nAlloc = 0, rc = DB_OK;
  *pa = 0; *pn = 0;
  for(int i=0; i<nSetting && rc==DB_OK; i++){
    const Setting *s = &aSetting[i];
    int bShow;
    const char *zKey = row_key(c, s, &bShow);
    if( !bShow ) continue;
    *pa = arena_grow(c->pArena, *pa, *pn, &nAlloc, sizeof **pa);
    SettingRow *p = &(*pa)[(*pn)++];
    memset(p, 0, sizeof *p);
    p->pSet = s;
    p->zKey = zKey;
    const char *zOwn = 0;
    if( zKey && strcmp(zKey, s->zName)!=0 ) rc = setting_read(c->pDb, c->pArena, zKey, &zOwn);
    if( rc==DB_OK && zOwn==s->zDefault ) zOwn = 0;    /* no row of the unit's own */
    if( rc==DB_OK && zOwn==0 ){
      rc = setting_read(c->pDb, c->pArena, s->zName, &p->zValue);
      p->bInherited = zKey && strcmp(zKey, s->zName)!=0 && p->zValue && p->zValue!=s->zDefault;
      if( p->zValue==s->zDefault ) p->zValue = 0;
    }else{
      p->zValue = zOwn;
    }
  }
  return rc;
}

int setting_save(Ctx *c, const char *zName, const char *zValue){
  static const Field fValue = { "value", "设置值", FT_TEXT };
  const Setting *s = zName && strchr(zName, '@')==0 ? setting_find(zName) : 0;
  int bShow = 0;
  const char *zKey = s ? row_key(c, s, &bShow) : 0;
  if( s==0 || !bShow ) return FZ_NOTFOUND;
  if( zKey==0 ) return FZ_FORBIDDEN;
  const char *zWhy = setting_check(c->pArena, zKey, zValue);
  if( zWhy ){
    err_add(c, 0, &fValue, "%s", zWhy);
    return FZ_INVALID;
  }
  if( rec_text_checked(c, &fValue, zValue, 0)==0 ) return FZ_INVALID;   /* valid UTF-8 text */
  return setting_set(c, zKey, zValue) ? FZ_INTERNAL : FZ_OK;
}

int ctx_zone(Ctx *c){
  if( !c->bZoneRead ){
    const char *z = c->pDb ? setting_get(c->pDb, c->pArena, "time_zone") : 0;
    if( z==0 || clock_zone_parse(z, &c->nZoneMin) ) clock_zone_parse(CLOCK_DEFAULT_ZONE, &c->nZoneMin);
    c->bZoneRead = 1;
    ctx_zone_known(c->nZoneMin);         /* the next context's "today" follows it */
  }
  return c->nZoneMin;
}

void zone_load(Db *pDb){
  Arena a;
  int nMin;
  arena_init(&a);
  const char *z = setting_get(pDb, &a, "time_zone");
  if( z==0 || clock_zone_parse(z, &nMin) ) clock_zone_parse(CLOCK_DEFAULT_ZONE, &nMin);
  ctx_zone_known(nMin);
  arena_free(&a);
}
