/*
** src/engine/setting.c — the declared settings and their one reader (see
** setting.h).
*/
#include "engine/setting.h"
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
  { "county_name", "县（区）名称：页面标题和报告用，由 fazhi init 写入", 0, SET_INIT, 1 },
  { "frozen_at", "报告的数据截止时间，如 2025-01-20 18:00（不设则为当天）", 0, SET_DB, 0 },
  { "cal_fingerprint", "内置节假日日历的摘要，启动时核对并重写（内部）", 0, SET_INTERNAL, 0 },
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

const char *setting_get(Db *pDb, Arena *a, const char *zName){
  const char *z;
  return setting_read(pDb, a, zName, &z) ? 0 : z;
}
