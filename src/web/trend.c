/*
** src/web/trend.c — 近年变化: one indicator over the last five years as
** columns (a year still running beside the same period of the years
** before), each year's figure linked to the records behind it.
*/
#include "web/web.h"
#include <stdlib.h>
#include <string.h>

void web_trend(Req *r, const Kind *k, const Indicator *ind, int iYear, i64 iDept, const Chart *c){
  web_begin(r, arena_printf(&r->arena, "近年变化：%s%s", ind_full_label(&r->arena, k, ind),
                            iDept ? arena_printf(&r->arena, "（%s）", dept_name(&r->ctx, iDept)) : ""), k);
  outf(r, "<div class=\"toolbar\"><a class=\"btn\" href=\"/?year=%d\">返回工作台</a>"
          "<a class=\"btn\" href=\"/breakdown?year=%d&amp;kind=%s\">分部门（单位）情况</a></div>", iYear, iYear, k->zName);
  if( c->n<2 ){
    out_html(r, HTML("<p class=\"empty\">有数据的年度不足两年，暂无可比较的变化。</p>"));
  }else{
    chart_svg(&r->out, c);
  }
  const Kind *kN = ind_side_kind(k, &ind->num);
  const char *zN = ind_list_param(&r->ctx, k, ind, 0);
  out_html(r, HTML("<table class=\"list small\"><thead><tr><th>年度</th><th>数值</th></tr></thead><tbody>"));
  /* the same period of each year when the year runs: the list counts what the column does */
  int bSame = atoi(r->ctx.zToday)==iYear && strcmp(r->ctx.zToday+5, "12-31")!=0 && !k->pVersion;
  const char *zUntil = arena_printf(&r->arena, "%s%s", bSame ? arena_printf(&r->arena, "&until=%s", r->ctx.zToday+5) : "",
                                    iDept ? arena_printf(&r->arena, "&dept=%lld", (long long)iDept) : "");
  for(int i=c->n-1; i>=0; i--){
    if( c->a[i].bBase ){          /* from that year's published report: no records behind it here */
      outf(r, "<tr><td>%s年</td><td>%s（据该年度报告）</td></tr>", c->a[i].zLabel, c->a[i].zText);
      continue;
    }
    outf(r, "<tr><td>%s年</td><td><a href=\"/k/%s?year=%s&amp;ind=%s&amp;part=num%s\">%s</a></td></tr>",
         c->a[i].zLabel, kN->zName, c->a[i].zLabel, zN, zUntil, c->a[i].zText);
  }
  out_html(r, HTML("</tbody></table>"));
  if( c->n && c->zTitle ) outf(r, "<p class=\"help\">%s</p>", c->zTitle);
  web_end(r);
}
