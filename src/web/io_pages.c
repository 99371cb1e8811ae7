/*
** src/web/io_pages.c — the import page (upload, template link, result)
** and the audit-log page.
*/
#include "web/web.h"
#include <string.h>

void web_import_form(Req *r, const Kind *k){
  web_begin(r, arena_printf(&r->arena, "导入%s", k->zLabel), k);
  web_errors_box(r);
  outf(r, "<p>支持 .xlsx，以及 UTF-8 或 GBK/GB18030 编码的 .csv 文件。第一行为表头，可使用中文列名或字段标识。"
          "导入为“全部成功或全部不写入”：任何一行有错，都不会写入任何数据，并逐行列出错误。"
          "<a href=\"/k/%s/template.xlsx\">下载导入模板</a></p>", k->zName);
  outf(r, "<form method=\"post\" action=\"/k/%s/import\" enctype=\"multipart/form-data\" class=\"record\">", k->zName);
  web_csrf_field(r);
  out_html(r, HTML("<div class=\"field wide\"><label for=\"file\">选择文件</label>"
                   "<input id=\"file\" type=\"file\" name=\"file\" accept=\".xlsx,.csv\" required></div>"
                   "<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">开始导入</button>"));
  outf(r, "<a class=\"btn\" href=\"/k/%s\">取 消</a></div></form>", k->zName);
  web_end(r);
}

void web_import_result(Req *r, const Kind *k, int nImported){
  web_begin(r, arena_printf(&r->arena, "导入%s", k->zLabel), k);
  outf(r, "<div class=\"notice ok\" role=\"status\">导入成功：共写入%d条%s记录。</div>", nImported, k->zLabel);
  outf(r, "<p><a class=\"btn primary\" href=\"/k/%s\">查看列表</a></p>", k->zName);
  web_end(r);
}

/* How the log names an action for a clerk: the record's own transition
** label, or the action's Chinese name; an unknown one as stored. */
static const char *action_label(const Kind *k, const char *zAction){
  static const struct { const char *zId, *zLabel; } aName[] = {
    { "insert", "新增" }, { "update", "修改" }, { "delete", "删除" }, { "import", "导入" },
    { "migrate", "迁入县（区）" }, { "dept_create", "新设部门" }, { "dept_city", "归入市" },
    { "user_create", "新建账号" }, { "password_change", "修改密码" }, { "holiday_set", "修改节假日" },
    { "user_disable", "停用账号" }, { "user_enable", "启用账号" }, { "user_reset", "重置密码" },
    { "user_role", "更改角色" }, { "user_move", "调整部门" },
    { "login_lock", "登录锁定" }, { "login_unlock", "解除登录锁定" },
    { "pool", "固定抽查名录" }, { "draw", "抽取" }, { "report_new", "起草报告" }, { "report_save", "修改报告" },
    { "report_freeze", "冻结报告" }, { "baseline_import", "导入上年报告" }, { "baseline_drop", "删除上年报告数字" },
    { "setting_set", "修改设置" }, { "guard_start", "启用审计密钥（各表起始快照）" }, { "migrate_rows", "迁入（账号、部门等）" },
  };
  if( k && k->aTrans ) for(const Transition *t=k->aTrans; t->zId; t++) if( strcmp(t->zId, zAction)==0 ) return t->zLabel;
  for(size_t i=0; i<sizeof aName/sizeof aName[0]; i++) if( strcmp(aName[i].zId, zAction)==0 ) return aName[i].zLabel;
  return zAction;
}

void web_audit(Req *r){
  Stmt q;
  int nPage = req_param_int(r, "page", 1);
  if( nPage<1 ) nPage = 1;
  web_begin(r, "操作审计日志", 0);
  out_html(r, HTML("<p class=\"about\">每一次新增、修改、删除、流转和导入都记入只能追加的哈希链日志；"
                   "运行 <code>fazhi check</code> 可以核验日志未被篡改、删除或绕过。</p>"));
  out_html(r, HTML("<table class=\"list\"><thead><tr><th>序号</th><th>时间（UTC）</th><th>操作人</th><th>操作</th><th>对象</th><th>哈希</th></tr></thead><tbody>"));
  /* An admin sees what the users of their scope did. In a database of
  ** several counties the command line's entries (init, migrate, city,
  ** imports by the operator) are the operator's: shown only to an admin
  ** whose scope holds every root of the department tree. */
  const char *zScope = r->actor.zDeptPath;
  int bAll = strcmp(zScope, "/")==0, bOperator = bAll, nRow = 0;
  if( !bAll && db_prepare(r->ctx.pDb, &q, "SELECT count(*) FROM dept WHERE parent_id IS NULL AND substr(path, 1, ?1)<>?2")==DB_OK ){
    db_bind_int64(&q, 1, (i64)strlen(zScope));
    db_bind_text(&q, 2, zScope);
    bOperator = db_step(&q)==DB_ROW && db_column_int64(&q, 0)==0;
    db_finalize(&q);
  }
  /* …and whatever was done to a record of their scope, by whomever (a
  ** city's admin, the operator): one primary-key probe of that kind's table */
  SqlBuf b;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT id, at, login, action, kind, rec_id, hash FROM audit"
              " WHERE ?2=1 OR (user_id=0 AND ?3=1)"
              " OR user_id IN (SELECT u.id FROM users u JOIN dept d ON d.id=u.dept_id WHERE substr(d.path, 1, ?4)=?5)");
  for(int i=0; i<kind_count() && !bAll; i++){
    sql_lit(&b, " OR (kind=?"); sql_int(&b, 6+i);            /* bound below: the kind's name */
    sql_lit(&b, " AND EXISTS (SELECT 1 FROM "); sql_ident(&b, kind_at(i)->zName);
    sql_lit(&b, " t JOIN dept d ON d.id=t.dept_id WHERE t.id=audit.rec_id AND substr(d.path, 1, ?4)=?5))");
  }
  sql_lit(&b, " ORDER BY id DESC LIMIT 50 OFFSET ?1");
  int rcPrep = db_prepare_buf(r->ctx.pDb, &q, &b);
  sqlbuf_free(&b);
  if( rcPrep==DB_OK ){
    db_bind_int64(&q, 1, (i64)(nPage-1)*50);
    db_bind_int64(&q, 2, bAll);
    db_bind_int64(&q, 3, bOperator);
    db_bind_int64(&q, 4, (i64)strlen(zScope));
    db_bind_text(&q, 5, zScope);
    for(int i=0; i<kind_count() && !bAll; i++) db_bind_text(&q, 6+i, kind_at(i)->zName);
    while( db_step(&q)==DB_ROW ){
      nRow++;
      const Kind *k = kind_find(db_column_text(&q, 4));
      i64 iRec = db_column_int64(&q, 5);
      outf(r, "<tr><td>%lld</td><td>%s</td><td>%s</td><td>%s</td>", (long long)db_column_int64(&q, 0),
           db_column_text(&q, 1), db_column_text(&q, 2), action_label(k, db_column_text(&q, 3)));
      if( k && iRec ) outf(r, "<td><a href=\"/k/%s/%lld\">%s #%lld</a></td>", k->zName, (long long)iRec, k->zLabel, (long long)iRec);
      else outf(r, "<td>%s</td>", k ? k->zLabel : "");
      outf(r, "<td><code>%.12s…</code></td></tr>", db_column_text(&q, 6));
    }
    db_finalize(&q);
  }
  out_html(r, HTML("</tbody></table>"));
  if( nRow==0 ) out_html(r, HTML("<p class=\"empty\">没有更多日志。</p>"));
  out_html(r, HTML("<div class=\"pager\">"));
  if( nPage>1 ) outf(r, "<a class=\"btn\" href=\"/audit?page=%d\">上一页</a>", nPage-1);
  if( nRow==50 ) outf(r, "<a class=\"btn\" href=\"/audit?page=%d\">下一页</a>", nPage+1);
  out_html(r, HTML("</div>"));
  web_end(r);
}

void web_password(Req *r){
  static const struct { const char *zName, *zLabel, *zAuto; } aF[] = {
    { "old", "原密码", "current-password" }, { "new", "新密码", "new-password" }, { "new2", "确认新密码", "new-password" },
  };
  web_begin(r, "个人中心：修改密码", 0);
  outf(r, "<p class=\"about\">账号：%s　姓名：%s　部门：%s</p>", r->actor.zLogin, r->actor.zName,
       dept_name(&r->ctx, r->actor.iDept));
  if( r->actor.bPwTemp ){
    out_html(r, HTML("<div class=\"notice\" role=\"alert\">您使用的是管理员发放的一次性密码，须先设置自己的密码才能使用本系统。"
                     "新密码至少10个字符，不能与账号相同，不能全部是同一个字符，也不能是常见密码。</div>"));
  }
  out_html(r, HTML("<form method=\"post\" action=\"/account\" class=\"record\">"));
  web_csrf_field(r);
  for(int i=0; i<3; i++){
    const char *zErr = 0;
    for(int e=0; e<r->ctx.err.n; e++) if( r->ctx.err.a[e].zField && strcmp(r->ctx.err.a[e].zField, aF[i].zName)==0 ) zErr = r->ctx.err.a[e].zMsg;
    outf(r, "<div class=\"field wide%s\"><label for=\"f-%s\">%s</label>"
            "<input id=\"f-%s\" name=\"%s\" type=\"password\" autocomplete=\"%s\" aria-invalid=\"%s\">",
         zErr ? " has-error" : "", aF[i].zName, aF[i].zLabel, aF[i].zName, aF[i].zName, aF[i].zAuto, zErr ? "true" : "false");
    if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
    out_html(r, HTML("</div>"));
  }
  out_html(r, HTML("<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">修改密码</button></div></form>"));
  web_end(r);
}
