/* src/db/schema.h — fixed tables and their migrations. */
#ifndef FZ_SCHEMA_H
#define FZ_SCHEMA_H
#include "db/db.h"
int schema_migrate(Db*, char *zErr, int nErr);   /* idempotent */
int schema_version(Db*);
#endif
