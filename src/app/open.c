/*
** src/app/open.c — what every subcommand does first with a database, and
** county settings.
*/
#include "app/app.h"
#include "db/schema.h"
#include "engine/ddl.h"
#include "engine/thaw.h"
#include "engine/setting.h"
#include "engine/kinddef.h"
#include "engine/record.h"
#include "engine/holiday.h"
#include "engine/prule.h"
#include "calendar/calendar.h"
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "audit/audit.h"
#include "auth/auth.h"
#include "base/json.h"

static Db *open_db(const char *zDb, int bCreate){
  char zErr[400];
  char zSelf[300];
  if( sodium_init()<0 ){ fprintf(stderr, "libsodium 初始化失败\n"); return 0; }
  if( registry_selfcheck(zSelf, sizeof zSelf) ){
    fprintf(stderr, "fazhi: declarations are inconsistent: %s\n", zSelf);
    return 0;
  }
  Db *p = db_open(zDb, bCreate, zErr, sizeof zErr);
  if( p==0 ){ fprintf(stderr, "%s\n", zErr); return 0; }
  return p;
}

/* Tables made or upgraded, the holiday calendar loaded and synced.
** bKeepLock: the schema lock is left held (released with the connection). */
static int open_setup(Db *p, int bKeepLock){
  char zErr[400];
  /* Two servers starting together on one PostgreSQL database take turns. */
  db_schema_lock(p, 1);
  /* the custom kinds first, so their tables are synced with the rest */
  int rc = schema_migrate(p, zErr, sizeof zErr);
  if( rc==0 && kinddef_refresh_db(p) ){
    snprintf(zErr, sizeof zErr, "读取自定义台账失败：%s", db_errmsg(p));
    rc = 1;
  }
  /* a new database (bKeepLock: made inside its first transaction) has
  ** nothing to thaw, and probing its missing tables would abort that
  ** transaction on PostgreSQL */
  int bThaw = rc==0 && !bKeepLock && thaw_pending(p);
  if( rc==0 ) rc = ddl_sync_all(p, zErr, sizeof zErr);
  if( !bKeepLock ) db_schema_lock(p, 0);
  if( rc ){
    fprintf(stderr, "%s\n", zErr);
    return 1;
  }
  /* Holiday notices added after this build (e.g. the next year's) and
  ** the years marked whole: a server keeps them in step per request
  ** (holiday_refresh). */
  zone_load(p);                 /* "today" is the county's date (time_zone) */
  if( holiday_load(p) ){
    fprintf(stderr, "无法读取节假日表：%s\n", db_errmsg(p));
    return 1;
  }
  /* 地方规定 (period_rule): a server keeps them in step per request (prule_refresh) */
  if( prule_load(p) ){
    fprintf(stderr, "无法读取期限规则表：%s\n", db_errmsg(p));
    return 1;
  }
  /* …and the calendar as the table statutory periods are counted on in SQL. */
  if( deadline_cal_sync(p, zErr, sizeof zErr) ){
    fprintf(stderr, "%s\n", zErr);
    return 1;
  }
  /* 整改时限 frozen by an older version become 30-day periods (thaw.c) */
  if( bThaw ){
    int nDone = 0;
    if( thaw_spawned_due(p, &nDone) ){
      fprintf(stderr, "问题台账整改期限升级失败：%s\n", db_errmsg(p));
      return 1;
    }
    if( nDone ) fprintf(stderr, "问题台账：%d项评查、监督发现问题的整改时限改为按30日整改期限计算（遇法定休假日顺延）\n", nDone);
  }
  return 0;
}

Db *app_open(const char *zDb, int bCreate){
  Db *p = open_db(zDb, bCreate);
  if( p && open_setup(p, 0) ){
    db_close(p);
    return 0;
  }
  return p;
}

Db *app_open_begin(const char *zDb, int bCreate){
  Db *p = open_db(zDb, bCreate);
  if( p==0 ) return 0;
  int bFresh = schema_version(p)==0;
  if( !bFresh && open_setup(p, 0) ){ db_close(p); return 0; }
  if( bFresh ) db_schema_lock(p, 1);      /* before the write lock, in the order a starting server takes them */
  if( db_begin_write(p) ){
    fprintf(stderr, "无法开始写入“%s”：%s\n", zDb, db_errmsg(p));
    db_close(p);
    return 0;
  }
  /* A new database: its tables are made inside the transaction (DDL is
  ** transactional on both backends), under a schema lock kept until the
  ** connection closes, so a server started on it meanwhile waits. */
  if( bFresh && open_setup(p, 1) ){
    db_rollback(p);
    db_close(p);
    return 0;
  }
  return p;
}

void app_cli_actor(Db *pDb, Actor *a){
  memset(a, 0, sizeof *a);
  a->zLogin = "(命令行)";
  a->zName = "命令行";
  a->mRole = R_ADMIN;
  a->zDeptPath = "/";
  Stmt q;
  if( db_prepare(pDb, &q, "SELECT id FROM dept WHERE parent_id IS NULL ORDER BY id LIMIT 1")==DB_OK ){
    if( db_step(&q)==DB_ROW ) a->iDept = db_column_int64(&q, 0);
    db_finalize(&q);
  }
}

int app_exit(int rc){
  char zWhy[600];
  if( db_failures_pending(zWhy, sizeof zWhy)==0 ) return rc;
  for(char *s=zWhy; *s; s++) if( (unsigned char)*s < 0x20 ) *s = ' ';   /* one line */
  fprintf(stderr, "fazhi: 服务器内部错误：数据库查询失败：%s\n", zWhy);
  return rc ? rc : 1;
}

/*
** A city over counties of this database (fazhi city): the city department
** (made, as a root, when missing) becomes their parent, and each path of
** their subtrees begins with it, so a city admin's scope holds them and
** each county admin's stays its county. All or nothing; errors in Chinese.
*/
int city_group(Ctx *c, const char *zCity, const char *const *azCounty, int nCounty){
  Stmt q;
  i64 iCity = 0;
  const char *zCityPath = 0;
  if( db_begin_write(c->pDb) ) return err_internal(c, "city: %s", db_errmsg(c->pDb));
  /* the counties' subtrees move: the departments that change are logged */
  const char *zBefore = audit_rows(c, "dept", "");
  if( zBefore==0 ) goto db_fail;
  if( db_prepare(c->pDb, &q, "SELECT id, dtype, path FROM dept WHERE name=?1") ) goto db_fail;
  db_bind_text(&q, 1, zCity);
  if( db_step(&q)==DB_ROW ){
    iCity = db_column_int64(&q, 0);
    if( strcmp(db_column_text(&q, 1), "city")!=0 ) err_add(c, 0, 0, "“%s”是已有的部门，不是市", zCity);
    zCityPath = arena_strdup(c->pArena, db_column_text(&q, 2));
  }
  db_finalize(&q);
  if( c->err.n ){ db_rollback(c->pDb); return FZ_INVALID; }
  if( iCity==0 ){
    iCity = dept_insert(c, 0, "/", zCity, "city");
    if( iCity<=0 ) goto db_fail;        /* the name was free: found by name above */
    /* its creation is logged (dept_create): the grouping's entry starts from it */
    zBefore = audit_rows(c, "dept", "");
    if( zBefore==0 ) goto db_fail;
    zCityPath = arena_printf(c->pArena, "/%lld/", (long long)iCity);
  }
  for(int i=0; i<nCounty; i++){
    i64 iCounty = 0;
    const char *zPath = 0;
    int bRoot = 0, bCounty = 0;
    if( db_prepare(c->pDb, &q, "SELECT id, path, dtype, parent_id IS NULL FROM dept WHERE name=?1") ) goto db_fail;
    db_bind_text(&q, 1, azCounty[i]);
    if( db_step(&q)==DB_ROW ){
      iCounty = db_column_int64(&q, 0);
      zPath = arena_strdup(c->pArena, db_column_text(&q, 1));
      bCounty = strcmp(db_column_text(&q, 2), "county")==0;
      bRoot = db_column_int64(&q, 3)!=0;
    }
    db_finalize(&q);
    if( iCounty==0 ){ err_add(c, 0, 0, "没有县（区）“%s”", azCounty[i]); continue; }
    if( !bCounty ){ err_add(c, 0, 0, "“%s”不是县（区）", azCounty[i]); continue; }
    if( !bRoot ){ err_add(c, 0, 0, "“%s”已属于某个市", azCounty[i]); continue; }
    /* "/7/…" becomes "/12/7/…" for the county and all below it */
    if( db_prepare(c->pDb, &q, "UPDATE dept SET path=?1 || substr(path, 2) WHERE " SQL_IN_SCOPE("path", 2, 3)) ) goto db_fail;
    db_bind_text(&q, 1, zCityPath);
    db_bind_scope(&q, 2, 3, zPath);
    int rc = db_step(&q);
    db_finalize(&q);
    if( rc!=DB_DONE ) goto db_fail;
    if( db_prepare(c->pDb, &q, "UPDATE dept SET parent_id=?1 WHERE id=?2") ) goto db_fail;
    db_bind_int64(&q, 1, iCity);
    db_bind_int64(&q, 2, iCounty);
    rc = db_step(&q);
    db_finalize(&q);
    if( rc!=DB_DONE ) goto db_fail;
  }
  if( c->err.n ){ db_rollback(c->pDb); return FZ_INVALID; }
  int rc = audit_rows_log(c, "dept_city", "dept", "", iCity, zBefore);
  /* the counties' paths changed: servers reload the 地方规定, whose
  ** jurisdictions are matched by path (prule.c) */
  if( rc==0 ) rc = prule_gen_bump(c->pDb);
  if( rc || db_commit(c->pDb) ) goto db_fail;
  return FZ_OK;
db_fail:
  rc = err_internal(c, "city: %s", db_errmsg(c->pDb));
  db_rollback(c->pDb);
  return rc;
}

int county_create(Ctx *c, const char *zCounty, i64 *piRoot, i64 *piJustice){
  *piRoot = dept_add(c, 0, zCounty, "county");
  if( *piRoot==0 ) return 1;
  *piJustice = dept_add(c, *piRoot, arena_printf(c->pArena, "%s司法局", zCounty), "bureau");
  if( *piJustice==0 ) return 1;
  /* The database's own name: its first county (a province database keeps
  ** it; each county's name is its root department's). */
  if( setting_get(c->pDb, c->pArena, "county_name") ) return 0;
  return setting_set(c, "county_name", zCounty);
}
