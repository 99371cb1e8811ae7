/*
** src/engine/thaw.c — issue 16's upgrade of stored rectification periods.
**
** Before, 案卷评查 and 执法监督 opened their 问题台账 items with 整改时限
** set to a date frozen when they were opened (发现日期 + 30), never moved
** past a holiday (2025-09-05 + 30 = Sun 2025-10-05, inside 国庆). Now they
** open with 整改期限（日） = 30, a period the calendar counts (2025-10-09).
** When that column is first added to an existing database, each stored
** item that carries exactly the frozen date — source 案卷评查, 行政执法监督
** or 法治督察 (the spawning rules' sources), 整改时限 = 发现日期 + 30 and
** no 整改期限 — is rewritten to the rule: 整改期限 30, 整改时限 cleared.
** A 整改时限 a person chose (any other date) is kept as set. Each change
** goes through the audited update path, so `fazhi check` sees it logged.
*/
#include "engine/thaw.h"
#include "engine/ddl.h"
#include "engine/record.h"
#include <stdio.h>
#include <string.h>

int thaw_pending(Db *p){
  const Kind *k = kind_find("rectification");
  return k && ddl_column_missing(p, k, "days");
}

int thaw_spawned_due(Db *p, int *pnDone){
  const Kind *k = kind_find("rectification");
  Arena a;
  arena_init(&a);
  Actor act = { .zLogin = "upgrade", .zName = "系统升级（整改期限按日计算）", .mRole = R_ADMIN, .zDeptPath = "/" };
  Ctx c;
  ctx_init(&c, p, &a, &act);
  *pnDone = 0;
  int rc = 0, nId = 0, nAlloc = 0;
  i64 *aId = 0;
  Stmt q;
  if( db_prepare(p, &q, "SELECT id, found, due FROM rectification"
                        " WHERE days IS NULL AND due IS NOT NULL"
                        " AND source IN ('file_review','supervision','inspection') ORDER BY id") ){
    arena_free(&a);
    return 1;
  }
  while( db_step(&q)==DB_ROW ){
    Day found, due;
    if( db_column_is_null(&q, 1) || day_parse(db_column_text(&q, 1), &found)!=CAL_OK ) continue;
    if( day_parse(db_column_text(&q, 2), &due)!=CAL_OK || due!=found+30 ) continue;
    aId = arena_grow(&a, aId, nId, &nAlloc, sizeof(i64));
    aId[nId++] = db_column_int64(&q, 0);
  }
  db_finalize(&q);
  for(int i=0; i<nId && rc==0; i++){
    Rec *pOld = 0;
    if( rec_get(&c, k, aId[i], &pOld)!=FZ_OK || pOld==0 ) continue;
    Rec *pNew = rec_copy(&c, pOld);
    pNew->azVal[kind_field(k, "due") - k->aField] = 0;
    pNew->azVal[kind_field(k, "days") - k->aField] = "30";
    c.err.n = 0;
    int rcU = rec_update(&c, pOld, pNew);
    if( rcU==FZ_OK ) (*pnDone)++;
    else if( rcU!=FZ_INVALID ) rc = 1;     /* a record that no longer validates keeps its date */
  }
  arena_free(&a);
  return rc;
}
