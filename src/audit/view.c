/*
** src/audit/view.c — the log as the pages read it: the actions' Chinese
** names, one page of the log as an administrator may see it, and one
** record's change history. Plain rows in the caller's arena; the pages
** (web/io_pages.c, web/detail.c) only render them.
*/
#include "audit/audit.h"
#include "engine/record.h"
#include <string.h>

/* Every action the log records besides a kind's own transitions, with the
** name a clerk reads. An action not listed shows as stored. */
static const struct { const char *zId, *zLabel; } aAction[] = {
  { "insert", "新增" }, { "update", "修改" }, { "delete", "删除" }, { "import", "导入" },
  { "migrate", "迁入县（区）" }, { "dept_create", "新设部门" }, { "dept_city", "归入市" },
  { "user_create", "新建账号" }, { "password_change", "修改密码" }, { "holiday_set", "修改节假日" },
  { "holiday_year", "标记节假日年度安排已完整登记" }, { "holiday_year_undo", "撤销节假日年度完整标记" },
  { "user_disable", "停用账号" }, { "user_enable", "启用账号" }, { "user_reset", "重置密码" },
  { "user_role", "更改角色" }, { "user_move", "调整部门" }, { "user_rename", "修改姓名" },
  { "login_lock", "登录锁定" }, { "login_unlock", "解除登录锁定" },
  { "session_end", "强制退出" },
  { "pool", "固定抽查名录" }, { "draw", "抽取" }, { "report_new", "起草报告" }, { "report_save", "修改报告" },
  { "report_freeze", "冻结报告" }, { "baseline_import", "导入上年报告" }, { "baseline_drop", "删除上年报告数字" },
  { "setting_set", "修改设置" }, { "guard_start", "启用审计密钥（各表起始快照）" }, { "migrate_rows", "迁入（账号、部门等）" },
};

/* The record kind k's own transition label for zAction (k may be NULL),
** else the action's name from aAction[], else zAction itself. */
const char *audit_action_label(const Kind *k, const char *zAction){
  if( k && k->aTrans ) for(const Transition *t=k->aTrans; t->zId; t++) if( strcmp(t->zId, zAction)==0 ) return t->zLabel;
  for(size_t i=0; i<sizeof aAction/sizeof aAction[0]; i++) if( strcmp(aAction[i].zId, zAction)==0 ) return aAction[i].zLabel;
  return zAction;
}

/* Appends the current row of q (id, at, login, action, kind, rec_id, hash)
** to *pa, growing it in the context's arena. */
static void entry_add(Ctx *c, Stmt *q, AuditEntry **pa, int *pn, int *pnAlloc){
  *pa = arena_grow(c->pArena, *pa, *pn, pnAlloc, sizeof **pa);
  AuditEntry *e = &(*pa)[(*pn)++];
  e->id = db_column_int64(q, 0);
  e->zAt = arena_strdup(c->pArena, db_column_text(q, 1));
  e->zLogin = arena_strdup(c->pArena, db_column_text(q, 2));
  e->zAction = arena_strdup(c->pArena, db_column_text(q, 3));
  e->zKind = arena_strdup(c->pArena, db_column_text(q, 4));
  e->iRec = db_column_int64(q, 5);
  e->zHash = arena_strdup(c->pArena, db_column_text(q, 6));
}

/* Page nPage (from 1) of AUDIT_PAGE_SIZE entries, newest first, of what
** an administrator whose scope is the department path zScope may see:
**   - everything, when zScope is the whole tree ("/");
**   - what the users of the scope did;
**   - whatever was done to a record of the scope, by whomever (a city's
**     admin, the operator): one primary-key probe of that kind's table;
**   - the command line's entries (user_id 0: init, migrate, city, imports
**     by the operator) only when the scope holds every root of the
**     department tree: in a database of several counties they are the
**     operator's.
** 0, or a database error code (*pn then holds the rows read so far). */
int audit_page(Ctx *c, const char *zScope, int nPage, AuditEntry **pa, int *pn){
  Stmt q;
  int nAlloc = 0;
  *pa = 0; *pn = 0;
  if( nPage<1 ) nPage = 1;
  int bAll = strcmp(zScope, "/")==0, bOperator = bAll;
  if( !bAll && db_prepare(c->pDb, &q, "SELECT count(*) FROM dept WHERE parent_id IS NULL"
                                      " AND NOT " SQL_IN_SCOPE("path", 1, 2))==DB_OK ){
    db_bind_scope(&q, 1, 2, zScope);
    bOperator = db_step(&q)==DB_ROW && db_column_int64(&q, 0)==0;
    db_finalize(&q);
  }
  SqlBuf b;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT id, at, login, action, kind, rec_id, hash FROM audit"
              " WHERE ?2=1 OR (user_id=0 AND ?3=1)"
              " OR user_id IN (SELECT u.id FROM users u JOIN dept d ON d.id=u.dept_id WHERE "
              SQL_IN_SCOPE("d.path", 4, 5) ")");
  for(int i=0; i<kind_count() && !bAll; i++){
    sql_lit(&b, " OR (kind=?"); sql_int(&b, 6+i);            /* bound below: the kind's name */
    sql_lit(&b, " AND EXISTS (SELECT 1 FROM "); sql_ident(&b, kind_at(i)->zName);
    sql_lit(&b, " t JOIN dept d ON d.id=t.dept_id WHERE t.id=audit.rec_id AND " SQL_IN_SCOPE("d.path", 4, 5) "))");
  }
  sql_lit(&b, " ORDER BY id DESC LIMIT "); sql_int(&b, AUDIT_PAGE_SIZE); sql_lit(&b, " OFFSET ?1");
  int rc = db_prepare_buf(c->pDb, &q, &b);
  sqlbuf_free(&b);
  if( rc ) return rc;
  db_bind_int64(&q, 1, (i64)(nPage-1)*AUDIT_PAGE_SIZE);
  db_bind_int64(&q, 2, bAll);
  db_bind_int64(&q, 3, bOperator);
  db_bind_scope(&q, 4, 5, zScope);
  for(int i=0; i<kind_count() && !bAll; i++) db_bind_text(&q, 6+i, kind_at(i)->zName);
  while( (rc = db_step(&q))==DB_ROW ) entry_add(c, &q, pa, pn, &nAlloc);
  db_finalize(&q);
  return rc==DB_DONE ? 0 : rc;
}

/* The last 50 entries about record iRec of kind k, newest first (zHash
** left empty). Rows from a bulk import have none:
** they are logged in one batch entry. 0, or a database error code. */
int audit_record_history(Ctx *c, const Kind *k, i64 iRec, AuditEntry **pa, int *pn){
  Stmt q;
  int nAlloc = 0, rc;
  *pa = 0; *pn = 0;
  if( (rc = db_prepare(c->pDb, &q, "SELECT id, at, login, action, kind, rec_id, '' FROM audit"
                                   " WHERE kind=?1 AND rec_id=?2 ORDER BY id DESC LIMIT 50")) ) return rc;
  db_bind_text(&q, 1, k->zName);
  db_bind_int64(&q, 2, iRec);
  while( (rc = db_step(&q))==DB_ROW ) entry_add(c, &q, pa, pn, &nAlloc);
  db_finalize(&q);
  return rc==DB_DONE ? 0 : rc;
}
