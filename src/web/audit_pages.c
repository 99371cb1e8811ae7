/*
** src/web/audit_pages.c — 操作审计日志: the log as an administrator's scope
** may see it (audit_page in src/audit/view.c), with the query form
** (person, action, kind, dates), 共N条 and page numbers, the xlsx export of
** the same query (/audit.xlsx), and one entry in full (/audit/N), the
** only place its hashes are shown.
*/
#include "web/web.h"
#include "audit/audit.h"
#include <string.h>

/* The message c->err holds for field zName, or NULL. */
static const char *field_error(Req *r, const char *zName){
  for(int e=0; e<r->ctx.err.n; e++){
    if( r->ctx.err.a[e].zField && strcmp(r->ctx.err.a[e].zField, zName)==0 ) return r->ctx.err.a[e].zMsg;
  }
  return 0;
}

static void text_field(Req *r, const char *zName, const char *zLabel, const char *zType, const char *zHint){
  const char *zV = req_param(r, zName), *zErr = field_error(r, zName);
  outf(r, "<label class=\"%s\">%s<input type=\"%s\" name=\"%s\" value=\"%s\" placeholder=\"%s\" aria-invalid=\"%s\">",
       zErr ? "has-error" : "", zLabel, zType, zName, zV ? zV : "", zHint, zErr ? "true" : "false");
  if( zErr ) outf(r, "<span class=\"err\">%s</span>", zErr);
  out_html(r, HTML("</label>"));
}

static void query_form(Req *r){
  const char *zAction = req_param(r, "action"), *zKind = req_param(r, "kind");
  out_html(r, HTML("<form class=\"query\" method=\"get\" action=\"/audit\" role=\"search\">"));
  text_field(r, "who", "操作人", "text", "账号或姓名");
  out_html(r, HTML("<label>操作<select name=\"action\"><option value=\"\">全部</option>"));
  const char *zLabel;
  for(int i=0; audit_action_at(i, &zLabel); i++){
    const char *zId = audit_action_at(i, &zLabel);
    outf(r, "<option value=\"%s\"%s>%s</option>", zId, zAction && strcmp(zAction, zId)==0 ? " selected" : "", zLabel);
  }
  out_html(r, HTML("</select></label><label class=\""));
  outf(r, "%s\">对象<select name=\"kind\"><option value=\"\">全部</option>", field_error(r, "kind") ? "has-error" : "");
  const Kind *ak[256];
  int nk = kinds_in_order(ak, 256);
  for(int i=0; i<nk; i++){
    outf(r, "<option value=\"%s\"%s>%s</option>", ak[i]->zName, zKind && strcmp(zKind, ak[i]->zName)==0 ? " selected" : "",
         ak[i]->zLabel);
  }
  out_html(r, HTML("</select>"));
  if( field_error(r, "kind") ) outf(r, "<span class=\"err\">%s</span>", field_error(r, "kind"));
  out_html(r, HTML("</label>"));
  text_field(r, "from", "开始日期", "date", "");
  text_field(r, "to", "结束日期", "date", "");
  out_html(r, HTML("<button type=\"submit\" class=\"btn primary\">搜索</button>"
                   "<a class=\"btn\" href=\"/audit\">重置</a></form>\n"));
}

/* The current query's parameters, without page, for the export link. */
static const char *export_href(Req *r){
  Buf b;
  buf_init(&b);
  buf_puts(&b, "/audit.xlsx");
  char cSep = '?';
  static const char *const azKeep[] = { "who", "action", "kind", "from", "to", 0 };
  for(int i=0; azKeep[i]; i++){
    const char *z = req_param(r, azKeep[i]);
    if( z==0 || z[0]==0 ) continue;
    buf_putc(&b, cSep); cSep = '&';
    buf_puts(&b, azKeep[i]); buf_putc(&b, '=');
    buf_url(&b, z);
  }
  const char *zOut = arena_strdup(&r->arena, buf_cstr(&b));
  buf_free(&b);
  return zOut;
}

void web_audit(Req *r, const AuditEntry *a, int nRow, i64 nTotal, int nPage){
  web_begin(r, "操作审计日志", 0);
  out_html(r, HTML("<p class=\"about\">每一次新增、修改、删除、流转和导入都记入只能追加的哈希链日志；"
                   "运行 <code>fazhi check</code> 可以核验日志未被篡改、删除或绕过。点击序号查看一条日志的全部内容和哈希。</p>"));
  query_form(r);
  outf(r, "<div class=\"toolbar\"><a class=\"btn\" href=\"%s\">导出</a></div>", export_href(r));
  out_html(r, HTML("<div class=\"table-scroll\"><table class=\"list\"><thead><tr><th>序号</th><th>时间</th><th>操作人</th>"
                   "<th>操作</th><th>对象</th></tr></thead><tbody>"));
  for(int i=0; i<nRow; i++){
    const Kind *k = kind_find(a[i].zKind);
    i64 iRec = a[i].iRec;
    outf(r, "<tr><td><a href=\"/audit/%lld\">%lld</a></td><td class=\"nowrap\">%s</td><td>%s</td><td>%s</td>",
         (long long)a[i].id, (long long)a[i].id, web_time(r, a[i].zAt), a[i].zWho, audit_action_label(k, a[i].zAction));
    if( k && iRec ) outf(r, "<td><a href=\"/k/%s/%lld\">%s #%lld</a></td></tr>", k->zName, (long long)iRec, k->zLabel, (long long)iRec);
    else outf(r, "<td>%s</td></tr>", k ? k->zLabel : audit_object_label(a[i].zKind));
  }
  if( nRow==0 ) out_html(r, HTML("<tr><td colspan=\"5\" class=\"empty\">暂无数据</td></tr>"));
  out_html(r, HTML("</tbody></table></div>"));
  web_pager(r, nTotal, nPage, AUDIT_PAGE_SIZE);
  web_end(r);
}

void web_audit_entry(Req *r, const AuditEntry *e, const AuditDetail *d){
  const Kind *k = kind_find(e->zKind);
  web_begin(r, arena_printf(&r->arena, "审计日志第%lld条", (long long)e->id), 0);
  out_html(r, HTML("<div class=\"toolbar\"><a class=\"btn\" href=\"/audit\">返回日志</a></div>"
                   "<table class=\"detail\"><tbody>"));
  outf(r, "<tr><th>序号</th><td>%lld</td></tr><tr><th>时间</th><td>%s</td></tr>", (long long)e->id, web_time(r, e->zAt));
  if( strcmp(e->zWho, e->zLogin)==0 || strcmp(e->zWho, "系统（命令行）")==0 ) outf(r, "<tr><th>操作人</th><td>%s</td></tr>", e->zWho);
  else outf(r, "<tr><th>操作人</th><td>%s（账号 %s）</td></tr>", e->zWho, e->zLogin);
  outf(r, "<tr><th>操作</th><td>%s</td></tr>", audit_action_label(k, e->zAction));
  if( k && e->iRec ) outf(r, "<tr><th>对象</th><td><a href=\"/k/%s/%lld\">%s #%lld</a></td></tr>", k->zName, (long long)e->iRec, k->zLabel, (long long)e->iRec);
  else if( e->zKind[0] ) outf(r, "<tr><th>对象</th><td>%s</td></tr>", k ? k->zLabel : audit_object_label(e->zKind));
  outf(r, "<tr><th>变更前</th><td><pre class=\"json\">%s</pre></td></tr>", d->zBefore[0] ? d->zBefore : "（无）");
  outf(r, "<tr><th>变更后</th><td><pre class=\"json\">%s</pre></td></tr>", d->zAfter[0] ? d->zAfter : "（无）");
  if( d->zPrevHash[0] ) outf(r, "<tr><th>前一条的哈希</th><td><code class=\"hash\">%s</code></td></tr>", d->zPrevHash);
  else out_html(r, HTML("<tr><th>前一条的哈希</th><td>（无：日志的第一条）</td></tr>"));
  outf(r, "<tr><th>本条哈希</th><td><code class=\"hash\">%s</code></td></tr>", e->zHash);
  out_html(r, HTML("</tbody></table>"));
  web_end(r);
}
