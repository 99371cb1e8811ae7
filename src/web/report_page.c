/*
** src/web/report_page.c — the annual report inside the layout (/report):
** the menu, the breadcrumb and the phone drawer like every page, a
** toolbar with the year and the downloads (下载Word, 下载HTML, 下载xlsx,
** each of the version shown), then the report's own markup (src/report's
** html_article: its style scoped to article.gw, every figure a link).
** The public copy (/public/report) stays a document of its own.
*/
#include "web/web.h"
#include <stdlib.h>

void web_report(Req *r, int iYear, i64 iVersion, const char *zBody){
  web_begin(r, "法治政府建设年度报告", 0);
  /* the version shown, carried to the downloads (none: the latest, or the data) */
  const char *zV = iVersion ? arena_printf(&r->arena, "&version=%lld", (long long)iVersion) : "";
  const char *zAsked = req_param(r, "version");
  if( iVersion==0 && zAsked && zAsked[0] ) zV = "&version=data";
  out_html(r, HTML("<form method=\"get\" action=\"/report\" class=\"query noprint\"><label>年度"
                   "<select name=\"year\" class=\"autosubmit\">"));
  int iNow = atoi(r->ctx.zToday);
  for(int y=iNow; y>=iNow-5; y--) outf(r, "<option value=\"%d\"%s>%d年度</option>", y, y==iYear ? " selected" : "", y);
  if( iYear>iNow || iYear<iNow-5 ) outf(r, "<option value=\"%d\" selected>%d年度</option>", iYear, iYear);
  out_html(r, HTML("</select></label><button type=\"submit\" class=\"btn\">查看</button></form>"));
  outf(r, "<div class=\"toolbar noprint\"><a class=\"btn primary\" href=\"/report.docx?year=%d%s\">下载Word</a>"
          "<a class=\"btn\" href=\"/report.html?year=%d%s\">下载HTML</a>"
          "<a class=\"btn\" href=\"/report.xlsx?year=%d\" title=\"报告中的数字与统计口径\">下载xlsx</a>"
          "<a class=\"btn\" href=\"/report/drafts?year=%d\">报告起草与版本</a></div>",
       iYear, zV, iYear, zV, iYear, iYear);
  out_html(r, HTML("<div class=\"report-inlay\">"));
  buf_puts(&r->out, zBody);          /* src/report's markup: its text went through buf_html */
  out_html(r, HTML("</div>"));
  web_end(r);
}
