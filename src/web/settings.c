/*
** src/web/settings.c — the 参数设置 page: each declared setting the admin
** sees (setting_rows, src/engine/setting.c) with its Chinese label, its
** default and the value in force, and a one-field form per editable row
** posting name and value to /admin/settings. After a refused save the
** page is drawn again with the typed value and the reason beside it.
*/
#include "web/web.h"
#include "engine/setting.h"
#include <string.h>

/* The reason for the field "value", or NULL. */
static const char *value_error(Req *r){
  for(int e=0; e<r->ctx.err.n; e++){
    if( r->ctx.err.a[e].zField && strcmp(r->ctx.err.a[e].zField, "value")==0 ) return r->ctx.err.a[e].zMsg;
  }
  return 0;
}

void web_settings(Req *r){
  SettingRow *a;
  int n;
  const char *zPosted = req_param(r, "name"), *zErr = value_error(r);
  web_begin(r, "参数设置", 0);
  out_html(r, HTML("<p class=\"about\">报告署名、主送机关、对外访问地址等参数。县（区）管理员设置本县（区）的值，"
                   "市管理员设置本市的值；全库共用的参数由系统运维人员用 <code>fazhi setting</code> 设置。"
                   "每次修改都记入操作审计日志。</p>"));
  if( setting_rows(&r->ctx, &a, &n) ){ out_html(r, HTML("<div class=\"notice bad\" role=\"alert\">读取设置失败</div>")); web_end(r); return; }
  out_html(r, HTML("<table class=\"list settings\"><thead><tr><th>参数</th><th>说明</th><th>默认值</th><th>当前值</th><th>操作</th></tr></thead><tbody>"));
  for(int i=0; i<n; i++){
    const Setting *s = a[i].pSet;
    int bThis = zPosted && strcmp(zPosted, s->zName)==0 && r->ctx.err.n>0;
    const char *zShow = bThis ? req_param(r, "value") : a[i].zValue;
    outf(r, "<tr id=\"s-%s\"><td><code>%s</code></td><td>%s</td><td>%s</td><td>", s->zName, s->zName, s->zLabel,
         s->zDefault ? s->zDefault : "（无，由系统按县名生成）");
    if( a[i].zValue ) outf(r, "%s", a[i].zValue);
    if( a[i].bInherited ) out_html(r, HTML("<span class=\"hint\">（沿用全库设置）</span>"));
    else out_html(r, HTML("<span class=\"hint\">未设置</span>"));
    out_html(r, HTML("</td><td>"));
    if( a[i].zKey ){
      out_html(r, HTML("<form method=\"post\" action=\"/admin/settings\" class=\"inline\">"));
      web_csrf_field(r);
      outf(r, "<input type=\"hidden\" name=\"name\" value=\"%s\">"
              "<label class=\"sr\" for=\"v-%s\">%s 的新值</label>"
              "<input id=\"v-%s\" name=\"value\" value=\"%s\" aria-invalid=\"%s\">"
              "<button type=\"submit\" class=\"btn primary\">保存</button>",
           s->zName, s->zName, s->zName, s->zName, zShow ? zShow : "", bThis && zErr ? "true" : "false");
      if( bThis && zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
      out_html(r, HTML("</form>"));
    }else{
      out_html(r, HTML("<span class=\"hint\">由系统运维人员设置</span>"));
    }
    out_html(r, HTML("</td></tr>"));
  }
  out_html(r, HTML("</tbody></table>"));
  web_end(r);
}
