/* src/engine/ddl.h — kind tables generated from declarations. */
#ifndef FZ_DDL_H
#define FZ_DDL_H
#include "db/db.h"
#include "engine/kind.h"
int ddl_sync_kind(Db*, const Kind*, char *zErr, int nErr);
int ddl_sync_all(Db*, char *zErr, int nErr);
/* 1 when k's table exists without column zCol (ddl_sync_kind() will add it). */
int ddl_column_missing(Db*, const Kind*, const char *zCol);
#endif
