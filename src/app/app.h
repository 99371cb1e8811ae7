/*
** src/app/app.h — opening a county database for a subcommand, creating a
** county, and the demo county.
*/
#ifndef FZ_APP_H
#define FZ_APP_H
#include "engine/ctx.h"
#include "engine/setting.h"

/* Opens (bCreate: creates) the database, migrates the fixed tables, syncs
** the kind tables with the declarations, loads extra holiday entries. */
Db  *app_open(const char *zDb, int bCreate);
/* As app_open, for a command that must leave the database as it found it
** when it fails or is killed (fazhi migrate): a write transaction is left
** open, and on a database without fazhi's tables they are made inside it,
** so nothing stays, not even empty tables, unless the caller commits. On
** a database that has them, a pending upgrade is committed first, as
** app_open does. The caller ends the transaction (db_commit or
** db_rollback). */
Db  *app_open_begin(const char *zDb, int bCreate);
/* The command-line actor: county admin scope, logged as "(命令行)". */
void app_cli_actor(Db*, Actor*);
/* The exit status of a command that returned rc: when a statement failed
** during it (db.h, failed statements) and nothing cleared that, whatever
** it printed may lack data, so the failure is printed on stderr
** ("fazhi: 服务器内部错误：数据库查询失败：…" with the statement) and the
** status is non-zero (rc, or 1). Else rc. */
int  app_exit(int rc);
/* County root department plus the Justice Bureau; returns their ids. */
int  county_create(Ctx*, const char *zCounty, i64 *piRoot, i64 *piJustice);
int  city_group(Ctx*, const char *zCity, const char *const *azCounty, int nCounty);   /* FZ_OK or errors */
int  demo_build(Db*, int iYear, int bQuiet);

/* Moves the county in pSrc into c's database (src/app/migrate.c). */
typedef struct MigrateResult {
  i64 iMigration, nRecords, nAudit, iDeptOffset;
  char zCounty[128];
} MigrateResult;
int  migrate_county(Ctx *c, Db *pSrc, const char *zSource, const char *zLoginPrefix, MigrateResult*);
#endif
