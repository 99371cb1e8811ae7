/* src/engine/ddl.h — kind tables generated from declarations. */
#ifndef FZ_DDL_H
#define FZ_DDL_H
#include "db/db.h"
#include "engine/kind.h"
int ddl_sync_kind(Db*, const Kind*, char *zErr, int nErr);
int ddl_sync_all(Db*, char *zErr, int nErr);
/* A custom kind's table inside the caller's write transaction, without
** probing the catalog (a failed probe would abort a PostgreSQL
** transaction): pPrev NULL, the table is created (it must not exist);
** else the columns of fields pPrev lacks are added. Indexes either way. */
int ddl_kind_define(Db*, const Kind *k, const Kind *pPrev, char *zErr, int nErr);
#endif
