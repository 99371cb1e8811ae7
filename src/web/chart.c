/*
** src/web/chart.c — inline SVG charts where people would rather look than
** read: a breakdown as horizontal bars, worst first, with the county's
** figure (and the target) as vertical lines. Presentation attributes only
** (no style attributes, no script): the pages' CSP allows nothing more.
*/
#include "web/web.h"
#include <stdlib.h>
#include <string.h>

#define BAR_H      18
#define BAR_GAP    6
#define LABEL_W    210
#define PLOT_W     380
#define VALUE_W    70

static double fig_value(const IndValue *v){
  if( v->bEmpty ) return 0;
  if( v->pInd->eUnit==IU_COUNT ) return (double)v->num;
  return atof(v->zValue);
}

void web_bar_chart(Req *r, const BreakSet *s, int nMax){
  int n = s->nRow < nMax ? s->nRow : nMax;
  if( n==0 ) return;
  double vMax = fig_value(&s->all);
  int bPct = s->all.pInd->eUnit==IU_PERCENT;
  if( bPct ) vMax = 100;
  for(int i=0; i<n; i++){ double v = fig_value(&s->aRow[i].v); if( v>vMax ) vMax = v; }
  if( vMax<=0 ) vMax = 1;
  int w = LABEL_W + PLOT_W + VALUE_W, h = n*(BAR_H+BAR_GAP) + 24;
  outf(r, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
          "role=\"img\" aria-label=\"%s按%s分列（较弱的在上）\">",
       w, h, w, h, s->all.pInd->zLabel, s->pBd->zBy ? kind_field(s->pKind, s->pBd->zBy)->zLabel : "部门");
  for(int i=0; i<n; i++){
    const BreakRow *g = &s->aRow[i];
    int y = i*(BAR_H+BAR_GAP) + 4;
    int bw = (int)(fig_value(&g->v) / vMax * PLOT_W + 0.5);
    int bBad = g->v.bBelowTarget;
    outf(r, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">%s</text>",
         LABEL_W - 6, y + BAR_H - 5, g->zKey);
    outf(r, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s：%s</title></rect>",
         LABEL_W, y, bw, BAR_H, bBad ? "#d9822b" : "#1c64b4", g->zKey, g->v.zText);
    outf(r, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#333\">%s</text>",
         LABEL_W + bw + 4, y + BAR_H - 5, g->v.zText);
  }
  /* the county's figure, and the target when there is one */
  int xAll = LABEL_W + (int)(fig_value(&s->all) / vMax * PLOT_W + 0.5);
  outf(r, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#222\" stroke-dasharray=\"4 3\"/>"
          "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#222\">全县 %s</text>",
       xAll, xAll, h - 14, xAll + 3, h - 3, s->all.zText);
  if( bPct && s->all.pInd->zTarget ){
    int xT = LABEL_W + (int)(atof(s->all.pInd->zTarget) / vMax * PLOT_W + 0.5);
    outf(r, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#2b8a3e\"/>", xT, xT, h - 14);
  }
  out_html(r, HTML("</svg>"));
}
