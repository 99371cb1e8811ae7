/*
** src/web/counties.c — 各县（区）指标: in a city's (province's) scope, every
** indicator of the year for each county side by side and for the whole,
** each figure linked to the records behind it.
*/
#include "web/web.h"
#include <stdlib.h>

void web_counties(Req *r, const CountyGrid *g){
  web_begin(r, arena_printf(&r->arena, "%d年各县（区）指标", g->iYear), 0);
  outf(r, "<form class=\"query\" method=\"get\" action=\"/counties\"><label>年度<select name=\"year\" class=\"autosubmit\">");
  int iNow = atoi(r->ctx.zToday);
  for(int y=iNow; y>=iNow-4; y--) outf(r, "<option value=\"%d\"%s>%d年</option>", y, y==g->iYear ? " selected" : "", y);
  outf(r, "</select></label><button type=\"submit\" class=\"btn\">查看</button>"
          "<a class=\"btn\" href=\"/report/drafts?year=%d\">全市（本级）报告</a></form>", g->iYear);
  if( g->nCounty<2 ){
    out_html(r, HTML("<p class=\"empty\">您的范围内只有一个县（区）。多个县（区）迁入同一数据库并用 fazhi city 归入一个市后，市级管理员在此对比各县（区）的指标。</p>"));
    web_end(r);
    return;
  }
  out_html(r, HTML("<p class=\"about\">合计为各县（区）记录之和：比率是分子之和除以分母之和，不是各县比率的平均。</p>"
                   "<table class=\"list\"><thead><tr><th>类别</th><th>指标</th>"));
  for(int i=0; i<g->nCounty; i++) outf(r, "<th>%s</th>", g->azName[i]);
  out_html(r, HTML("<th>合计</th></tr></thead><tbody>"));
  for(int k=0; k<g->nRow; k++){
    const CountyRow *w = &g->aRow[k];
    const Kind *kN = ind_side_kind(w->pKind, &w->pInd->num);
    const char *zN = ind_list_param(&r->ctx, w->pKind, w->pInd, 0);
    outf(r, "<tr><td>%s</td><td>%s</td>", w->pKind->zLabel, w->pInd->zLabel);
    for(int i=0; i<=g->nCounty; i++){
      const char *zCell = county_cell(&r->arena, &w->aVal[i]);
      /* an "own" indicator's sum is no one list (each county's own records) */
      int bSumOfOwn = i==g->nCounty && ind_uses_own(w->pInd);
      if( kN==0 || w->aVal[i].bEmpty || bSumOfOwn ){ outf(r, "<td class=\"num\">%s</td>", zCell); continue; }
      const char *zDept = i<g->nCounty ? arena_printf(&r->arena, "&dept=%lld", (long long)g->aId[i]) : "";
      outf(r, "<td class=\"num\"><a href=\"/k/%s?year=%d&amp;ind=%s&amp;part=num%s\">%s</a></td>",
           kN->zName, g->iYear, zN, zDept, zCell);
    }
    out_html(r, HTML("</tr>"));
  }
  out_html(r, HTML("</tbody></table>"));
  web_end(r);
}
