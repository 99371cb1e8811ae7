/*
** src/web/breakdown.c — 分单位情况: each declared breakdown as a table,
** worst first, with the county's figure above it; every count links to
** the records behind it, filtered to the group.
*/
#include "web/web.h"
#include <stdlib.h>
#include <string.h>

/* "/k/KIND?year=Y&ind=I&part=P&PARAM=VALUE", escaped by outf's %s. */
static const char *group_href(Req *r, const BreakSet *s, int iYear, const BreakRow *g, const char *zPart){
  Buf b;
  buf_init(&b);
  buf_url(&b, g->zValue);
  const char *z = arena_printf(&r->arena, "/k/%s?year=%d&ind=%s&part=%s&%s=%.*s", s->pKind->zName, iYear,
                               s->pBd->zIndicator, zPart, g->zParam, (int)b.n, b.z ? b.z : "");
  buf_free(&b);
  return z;
}

static void figure_cells(Req *r, const BreakSet *s, int iYear, const BreakRow *g){
  const IndValue *v = &g->v;
  outf(r, "<td class=\"num\"><a href=\"%s\">%s</a></td>", group_href(r, s, iYear, g, "num"), v->zText);
  if( v->pInd->eUnit==IU_COUNT ){
    out_html(r, HTML("<td></td>"));
  }else{
    outf(r, "<td class=\"num\"><a href=\"%s\">%s</a> / <a href=\"%s\">%s</a></td>",
         group_href(r, s, iYear, g, "num"), ind_count_text(&r->arena, v, 0),
         group_href(r, s, iYear, g, "den"), ind_count_text(&r->arena, v, 1));
  }
}

void web_breakdowns(Req *r, int iYear, const BreakSet *a, int nSet){
  web_begin(r, "分单位情况", 0);
  outf(r, "<form class=\"query\" method=\"get\" action=\"/breakdown\"><label>年度<select name=\"year\">");
  int iNow = atoi(r->ctx.zToday);
  for(int y=iNow; y>=iNow-4; y--) outf(r, "<option value=\"%d\"%s>%d年</option>", y, y==iYear ? " selected" : "", y);
  out_html(r, HTML("</select></label><button type=\"submit\" class=\"btn primary\">查看</button>"
                   "<a class=\"btn\" href=\"/\">返回工作台</a></form>"));
  out_html(r, HTML("<p class=\"about\">各项指标按部门（单位）分列，较弱的排在前面；数字链接到其背后的记录。</p>"));
  for(int i=0; i<nSet; i++){
    const BreakSet *s = &a[i];
    const Field *fBy = s->pBd->zBy ? kind_field(s->pKind, s->pBd->zBy) : 0;
    const BreakRow *pLag = ind_breakdown_laggard(s, 3);
    outf(r, "<h2>%s：%s（按%s）</h2>", s->pKind->zLabel, s->all.pInd->zLabel, fBy ? fBy->zLabel : "所属部门");
    outf(r, "<p>全县 %s", s->all.zText);
    if( s->all.pInd->eUnit!=IU_COUNT && !s->all.bEmpty ){
      outf(r, "（%s/%s）", ind_count_text(&r->arena, &s->all, 0), ind_count_text(&r->arena, &s->all, 1));
    }
    if( s->all.pInd->zTarget ) outf(r, "，目标 %s%%", s->all.pInd->zTarget);
    out_html(r, HTML("</p>"));
    if( s->nRow==0 ){ out_html(r, HTML("<p class=\"empty\">本年度无数据。</p>")); continue; }
    web_bar_chart(r, s, 12);
    outf(r, "<table class=\"list\" data-breakdown=\"%s.%s\"><thead><tr><th>序号</th><th>%s</th><th>%s</th><th>分子 / 分母</th></tr></thead><tbody>",
         s->pKind->zName, s->pBd->zIndicator, fBy ? fBy->zLabel : "所属部门", s->all.pInd->zLabel);
    for(int g=0; g<s->nRow; g++){
      const BreakRow *w = &s->aRow[g];
      if( w==pLag ) out_html(r, HTML("<tr class=\"lag\">")); else out_html(r, HTML("<tr>"));
      outf(r, "<td>%d</td><td>%s</td>", g+1, w->zKey);
      figure_cells(r, s, iYear, w);
      out_html(r, HTML("</tr>"));
    }
    out_html(r, HTML("</tbody></table>"));
  }
  web_end(r);
}
