/*
** src/audit/view.c — the log as the pages read it: the actions' Chinese
** names, one page of the log as an administrator may see it, and one
** record's change history. Plain rows in the caller's arena; the pages
** (web/io_pages.c, web/detail.c) only render them.
*/
#include "audit/audit.h"
#include "engine/record.h"
#include "engine/setting.h"
#include "calendar/calendar.h"
#include <stdio.h>
#include <time.h>
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
  { "kind_add", "新增自定义台账" }, { "kind_change", "修改自定义台账（新版本）" }, { "kind_extend", "扩展内置台账（新版本）" },
};

/* The record kind k's own transition label for zAction (k may be NULL),
** else the action's name from aAction[], else zAction itself. */
const char *audit_action_label(const Kind *k, const char *zAction){
  if( k && k->aTrans ) for(const Transition *t=k->aTrans; t->zId; t++) if( strcmp(t->zId, zAction)==0 ) return t->zLabel;
  for(size_t i=0; i<sizeof aAction/sizeof aAction[0]; i++) if( strcmp(aAction[i].zId, zAction)==0 ) return aAction[i].zLabel;
  return zAction;
}

/* The columns entry_add reads, from audit joined with the acting user and
** their department (both may be gone: a user_id of 0 is the command line). */
#define ENTRY_COLS "audit.id, audit.at, audit.login, audit.action, audit.kind, audit.rec_id, "
#define ENTRY_FROM " FROM audit LEFT JOIN users eu ON eu.id=audit.user_id LEFT JOIN dept ed ON ed.id=eu.dept_id"

/* Appends the current row of q (ENTRY_COLS, then the hash, the user's
** name and department, and user_id) to *pa, growing it in the context's
** arena. */
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
  const char *zName = db_column_text(q, 7), *zDept = db_column_text(q, 8);
  if( db_column_int64(q, 9)==0 ) e->zWho = "系统（命令行）";
  else if( zName && zName[0] && zDept && zDept[0] ) e->zWho = arena_printf(c->pArena, "%s（%s）", zName, zDept);
  else if( zName && zName[0] ) e->zWho = arena_strdup(c->pArena, zName);
  else e->zWho = e->zLogin;
}

/* The Chinese names of the log's own actions, in aAction[] order, for the
** 操作 filter: *pzLabel and the id of the i-th, NULL past the end. */
const char *audit_action_at(int i, const char **pzLabel){
  if( i<0 || (size_t)i>=sizeof aAction/sizeof aAction[0] ) return 0;
  *pzLabel = aAction[i].zLabel;
  return aAction[i].zId;
}

/* A local day YYYY-MM-DD (the county's zone, ctx_zone) as the stored UTC
** moment its midnight is, plus nDays; NULL when it is not a real day. */
static const char *day_bound(Ctx *c, const char *z, int nDays){
  Day d;
  if( z==0 || day_parse(z, &d) ) return 0;
  long long t = ((long long)(d + nDays))*86400 - (long long)ctx_zone(c)*60;
  time_t tt = (time_t)t;
  struct tm tm;
  char zOut[32];
  gmtime_r(&tt, &tm);
  strftime(zOut, sizeof zOut, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return arena_strdup(c->pArena, zOut);
}

int audit_filter(Ctx *c, const char *zWho, const char *zAction, const char *zKind,
                 const char *zFrom, const char *zTo, AuditFilter *f){
  static const Field fFrom = { "from", "开始日期", FT_DATE, 0 }, fTo = { "to", "结束日期", FT_DATE, 0 };
  static const Field fKind = { "kind", "对象", FT_TEXT, 0 };
  memset(f, 0, sizeof *f);
  f->zWho = zWho && zWho[0] ? zWho : "";
  /* the person as the page shows them: 系统（命令行）, or 姓名（部门） */
  if( strcmp(f->zWho, "系统（命令行）")==0 || strcmp(f->zWho, "系统")==0 ) f->zWho = "(命令行)";
  else{
    const char *zParen = strstr(f->zWho, "（");
    size_t n = strlen(f->zWho);
    if( zParen && zParen>f->zWho && n>=3 && strcmp(f->zWho+n-3, "）")==0 ){
      f->zWho = arena_strndup(c->pArena, f->zWho, (size_t)(zParen - f->zWho));
    }
  }
  f->zAction = zAction && zAction[0] ? zAction : "";
  f->zKind = zKind && zKind[0] ? zKind : "";
  f->zFrom = f->zTo = "";
  if( f->zKind[0] && kind_find(f->zKind)==0 ) err_add(c, 0, &fKind, "没有这类记录：“%s”", f->zKind);
  if( zFrom && zFrom[0] && (f->zFrom = day_bound(c, zFrom, 0))==0 ) err_add(c, 0, &fFrom, "请输入正确的日期，如2026-01-31");
  if( zTo && zTo[0] && (f->zTo = day_bound(c, zTo, 1))==0 ) err_add(c, 0, &fTo, "请输入正确的日期，如2026-01-31");
  if( f->zFrom==0 ) f->zFrom = "";
  if( f->zTo==0 ) f->zTo = "";
  if( c->err.n==0 && f->zFrom[0] && f->zTo[0] && strcmp(f->zFrom, f->zTo)>=0 ){
    err_add(c, 0, &fTo, "结束日期不能早于开始日期");
  }
  return c->err.n ? FZ_INVALID : FZ_OK;
}

/* The statement of audit_page/audit_entry (eWhat: the count, a page of
** nSize, one entry in full), then the scope's
** condition and the filter's. Parameters: ?1 offset, ?2 everything,
** ?3 the operator's entries, ?4/?5 the scope, ?6 who, ?7 action, ?8 kind,
** ?9/?10 from/to (UTC), ?11 one entry's id (0: any), ?12… the kinds. */
enum { SCOPED_COUNT, SCOPED_PAGE, SCOPED_ENTRY };
static int prepare_scoped(Ctx *c, Stmt *q, int eWhat, int bAll, int nSize){
  SqlBuf b;
  sqlbuf_init(&b);
  if( eWhat==SCOPED_COUNT ) sql_lit(&b, "SELECT count(*)");
  else if( eWhat==SCOPED_PAGE ) sql_lit(&b, "SELECT " ENTRY_COLS "audit.hash, eu.name, ed.name, audit.user_id");
  else sql_lit(&b, "SELECT " ENTRY_COLS "audit.hash, eu.name, ed.name, audit.user_id,"
                   " audit.prev_hash, audit.before, audit.after");
  sql_lit(&b, ENTRY_FROM " WHERE (?2=1 OR (audit.user_id=0 AND ?3=1)"
              " OR audit.user_id IN (SELECT u.id FROM users u JOIN dept d ON d.id=u.dept_id WHERE "
              SQL_IN_SCOPE("d.path", 4, 5) ")");
  for(int i=0; i<kind_count() && !bAll; i++){
    sql_lit(&b, " OR (audit.kind=?"); sql_int(&b, 12+i);     /* bound below: the kind's name */
    sql_lit(&b, " AND EXISTS (SELECT 1 FROM "); sql_ident(&b, kind_at(i)->zName);
    sql_lit(&b, " t JOIN dept d ON d.id=t.dept_id WHERE t.id=audit.rec_id AND " SQL_IN_SCOPE("d.path", 4, 5) "))");
  }
  sql_lit(&b, ") AND (?6='' OR audit.login=?6 OR eu.name=?6) AND (?7='' OR audit.action=?7)"
              " AND (?8='' OR audit.kind=?8) AND (?9='' OR audit.at>=?9) AND (?10='' OR audit.at<?10)"
              " AND (?11=0 OR audit.id=?11)");
  /* The count and one entry are one row: LIMIT 1 OFFSET ?1 (bound 0), so
  ** every statement uses ?1 (PostgreSQL must infer each parameter's type). */
  if( eWhat==SCOPED_PAGE ){
    sql_lit(&b, " ORDER BY audit.id DESC LIMIT "); sql_int(&b, nSize); sql_lit(&b, " OFFSET ?1");
  }else{
    sql_lit(&b, " LIMIT 1 OFFSET ?1");
  }
  int rc = db_prepare_buf(c->pDb, q, &b);
  sqlbuf_free(&b);
  return rc;
}
static void bind_scoped(Stmt *q, const char *zScope, int bAll, int bOperator, const AuditFilter *f,
                        i64 iOffset, i64 iEntry){
  db_bind_int64(q, 1, iOffset);
  db_bind_int64(q, 2, bAll);
  db_bind_int64(q, 3, bOperator);
  db_bind_scope(q, 4, 5, zScope);
  db_bind_text(q, 6, f->zWho);
  db_bind_text(q, 7, f->zAction);
  db_bind_text(q, 8, f->zKind);
  db_bind_text(q, 9, f->zFrom);
  db_bind_text(q, 10, f->zTo);
  db_bind_int64(q, 11, iEntry);
  for(int i=0; i<kind_count() && !bAll; i++) db_bind_text(q, 12+i, kind_at(i)->zName);
}

/* Whether the operator's entries (user_id 0) are the scope's: it holds
** every root of the department tree. */
static int scope_is_operator(Ctx *c, const char *zScope){
  Stmt q;
  if( strcmp(zScope, "/")==0 ) return 1;
  int bOperator = 0;
  if( db_prepare(c->pDb, &q, "SELECT count(*) FROM dept WHERE parent_id IS NULL"
                             " AND NOT " SQL_IN_SCOPE("path", 1, 2))==DB_OK ){
    db_bind_scope(&q, 1, 2, zScope);
    bOperator = db_step(&q)==DB_ROW && db_column_int64(&q, 0)==0;
    db_finalize(&q);
  }
  return bOperator;
}

/* Page nPage (from 1) of nSize entries (0: AUDIT_PAGE_SIZE), newest
** first, of what an administrator whose scope is the department path
** zScope may see and f selects (f NULL: all):
**   - everything, when zScope is the whole tree ("/");
**   - what the users of the scope did;
**   - whatever was done to a record of the scope, by whomever (a city's
**     admin, the operator): one primary-key probe of that kind's table;
**   - the command line's entries (user_id 0: init, migrate, city, imports
**     by the operator) only when the scope holds every root of the
**     department tree: in a database of several counties they are the
**     operator's.
** *pnTotal (may be NULL) all such entries. 0, or a database error code
** (*pn then holds the rows read so far). */
int audit_page(Ctx *c, const char *zScope, const AuditFilter *f, int nPage, int nSize,
               AuditEntry **pa, int *pn, i64 *pnTotal){
  static const AuditFilter fAll = { "", "", "", "", "" };
  Stmt q;
  int nAlloc = 0, rc;
  *pa = 0; *pn = 0;
  if( f==0 ) f = &fAll;
  if( nPage<1 ) nPage = 1;
  if( nSize<=0 ) nSize = AUDIT_PAGE_SIZE;
  int bAll = strcmp(zScope, "/")==0, bOperator = scope_is_operator(c, zScope);
  if( pnTotal ){
    *pnTotal = 0;
    if( (rc = prepare_scoped(c, &q, SCOPED_COUNT, bAll, 0)) ) return rc;
    bind_scoped(&q, zScope, bAll, bOperator, f, 0, 0);
    if( (rc = db_step(&q))==DB_ROW ) *pnTotal = db_column_int64(&q, 0);
    db_finalize(&q);
    if( rc!=DB_ROW ) return rc;
  }
  if( (rc = prepare_scoped(c, &q, SCOPED_PAGE, bAll, nSize)) ) return rc;
  bind_scoped(&q, zScope, bAll, bOperator, f, (i64)(nPage-1)*nSize, 0);
  while( (rc = db_step(&q))==DB_ROW ) entry_add(c, &q, pa, pn, &nAlloc);
  db_finalize(&q);
  return rc==DB_DONE ? 0 : rc;
}

int audit_entry(Ctx *c, const char *zScope, i64 id, AuditEntry *pOut, AuditDetail *pDetail){
  static const AuditFilter fAll = { "", "", "", "", "" };
  Stmt q;
  AuditEntry *a = 0;
  int n = 0, nAlloc = 0, rc;
  int bAll = strcmp(zScope, "/")==0, bOperator = scope_is_operator(c, zScope);
  if( id<=0 ) return FZ_NOTFOUND;
  if( prepare_scoped(c, &q, SCOPED_ENTRY, bAll, 0) ) return FZ_INTERNAL;
  bind_scoped(&q, zScope, bAll, bOperator, &fAll, 0, id);
  if( (rc = db_step(&q))==DB_ROW ){
    entry_add(c, &q, &a, &n, &nAlloc);
    *pOut = a[0];
    pDetail->zPrevHash = arena_strdup(c->pArena, db_column_text(&q, 10));
    pDetail->zBefore = arena_strdup(c->pArena, db_column_text(&q, 11));
    pDetail->zAfter = arena_strdup(c->pArena, db_column_text(&q, 12));
  }
  db_finalize(&q);
  return rc==DB_ROW ? FZ_OK : rc==DB_DONE ? FZ_NOTFOUND : FZ_INTERNAL;
}

/* The last 50 entries about record iRec of kind k, newest first (zHash
** left empty). Rows from a bulk import have none:
** they are logged in one batch entry. 0, or a database error code. */
int audit_record_history(Ctx *c, const Kind *k, i64 iRec, AuditEntry **pa, int *pn){
  Stmt q;
  int nAlloc = 0, rc;
  *pa = 0; *pn = 0;
  if( (rc = db_prepare(c->pDb, &q, "SELECT " ENTRY_COLS "'', eu.name, ed.name, audit.user_id" ENTRY_FROM
                                   " WHERE audit.kind=?1 AND audit.rec_id=?2 ORDER BY audit.id DESC LIMIT 50")) ) return rc;
  db_bind_text(&q, 1, k->zName);
  db_bind_int64(&q, 2, iRec);
  while( (rc = db_step(&q))==DB_ROW ) entry_add(c, &q, pa, pn, &nAlloc);
  db_finalize(&q);
  return rc==DB_DONE ? 0 : rc;
}
