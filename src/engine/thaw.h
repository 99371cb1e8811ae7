/* src/engine/thaw.h — issue 16's one-off upgrade of frozen rectification dates (thaw.c). */
#ifndef FZ_THAW_H
#define FZ_THAW_H
#include "db/db.h"
/* 1 when the rectification table exists without its 整改期限 column: the
** next table sync adds it, and thaw_spawned_due() should then run. */
int thaw_pending(Db*);
/* Rewrites the stored frozen 发现日期 + 30 dates to the 30-day rule,
** audited; *pnDone the records changed. 1 on a database error. */
int thaw_spawned_due(Db*, int *pnDone);
#endif
