/*
** src/web/io_pages.c — the import page (upload, template link, result)
** (the audit log's pages are audit_pages.c).
*/
#include "web/web.h"
#include "audit/audit.h"
#include <string.h>

void web_import_form(Req *r, const Kind *k){
  web_begin(r, arena_printf(&r->arena, "导入%s", k->zLabel), k);
  web_errors_box(r);
  outf(r, "<p>支持 .xlsx，以及 UTF-8 或 GBK/GB18030 编码的 .csv 文件。第一行为表头，可使用中文列名或字段标识。"
          "导入为“全部成功或全部不写入”：任何一行有错，都不会写入任何数据，并逐行列出错误。"
          "<a href=\"/k/%s/template.xlsx\">下载导入模板</a></p>", k->zName);
  /* app.js posts it in place and shows the rows read, checked and written
  ** as the import runs (/api/v1/progress/KEY); without script it is a plain upload */
  outf(r, "<form method=\"post\" action=\"/k/%s/import\" enctype=\"multipart/form-data\" class=\"record import\">", k->zName);
  web_csrf_field(r);
  out_html(r, HTML("<div class=\"field wide\"><label for=\"file\">选择文件</label>"
                   "<input id=\"file\" type=\"file\" name=\"file\" accept=\".xlsx,.csv\" required></div>"
                   "<div class=\"notice trace progress field wide\" role=\"status\" aria-live=\"polite\" hidden></div>"
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
