/*
** src/chart/chart.c — the SVG of a Chart (chart.h).
*/
#include "chart/chart.h"

#define BAR_H      18
#define BAR_GAP    6
#define LABEL_W    210
#define PLOT_W     380
#define VALUE_W    70

#define COL_W      56
#define COL_GAP    18
#define PLOT_H     150

static const char *colour(int bBad){ return bBad ? "#d9822b" : "#1c64b4"; }

/* A value as a coordinate: not a number or infinite (a tampered frozen
** chart) counts as 0, and nothing reaches past the plot. */
static int scaled(double v, double vMax, int nPlot){
  if( !(v>0) || !(vMax>0) ) return 0;
  double x = v / vMax * nPlot;
  return x>=nPlot ? nPlot : (int)(x + 0.5);
}

static void bars(Buf *b, const Chart *c){
  double vMax = c->bPercent ? 100 : c->zRefText ? c->vRef : 0;
  for(int i=0; i<c->n; i++) if( c->a[i].v>vMax && c->a[i].v<1e15 ) vMax = c->a[i].v;
  if( !(vMax>0) ) vMax = 1;
  int w = LABEL_W + PLOT_W + VALUE_W, h = c->n*(BAR_H+BAR_GAP) + 24;
  buf_html(b, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
              "role=\"img\" aria-label=\"%s\">", w, h, w, h, c->zTitle);
  for(int i=0; i<c->n; i++){
    const ChartItem *g = &c->a[i];
    int y = i*(BAR_H+BAR_GAP) + 4;
    int bw = scaled(g->v, vMax, PLOT_W);
    buf_html(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">%s</text>",
             LABEL_W - 6, y + BAR_H - 5, g->zLabel);
    buf_html(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s：%s</title></rect>",
             LABEL_W, y, bw, BAR_H, colour(g->bBad), g->zLabel, g->zText);
    buf_html(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#333\">%s</text>",
             LABEL_W + bw + 4, y + BAR_H - 5, g->zText);
  }
  if( c->zRefText ){
    int x = LABEL_W + scaled(c->vRef, vMax, PLOT_W);
    buf_html(b, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#222\" stroke-dasharray=\"4 3\"/>"
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#222\">全县 %s</text>",
             x, x, h - 14, x + 3, h - 3, c->zRefText);
  }
  if( c->bPercent && c->vTarget>=0 ){
    int x = LABEL_W + scaled(c->vTarget, vMax, PLOT_W);
    buf_html(b, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#2b8a3e\"/>", x, x, h - 14);
  }
  buf_markup(b, HTML("</svg>"));
}

static void trend(Buf *b, const Chart *c){
  double vMax = c->bPercent ? 100 : 0;
  for(int i=0; i<c->n; i++) if( c->a[i].v>vMax && c->a[i].v<1e15 ) vMax = c->a[i].v;
  if( !(vMax>0) ) vMax = 1;
  int w = c->n*(COL_W+COL_GAP) + COL_GAP, h = PLOT_H + 40;
  buf_html(b, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
              "role=\"img\" aria-label=\"%s\">", w, h, w, h, c->zTitle);
  buf_html(b, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", PLOT_H + 16, w, PLOT_H + 16);
  for(int i=0; i<c->n; i++){
    const ChartItem *g = &c->a[i];
    int x = COL_GAP + i*(COL_W+COL_GAP);
    int bh = scaled(g->v, vMax, PLOT_H);
    int y = PLOT_H + 16 - bh;
    buf_html(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s年：%s</title></rect>",
             x, y, COL_W, bh, colour(g->bBad), g->zLabel, g->zText);
    buf_html(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">%s</text>",
             x + COL_W/2, y - 4, g->zText);
    buf_html(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">%s年</text>",
             x + COL_W/2, PLOT_H + 32, g->zLabel);
  }
  buf_markup(b, HTML("</svg>"));
}

void chart_svg(Buf *b, const Chart *c){
  if( c->n<=0 ) return;
  if( c->eType==CHART_TREND ) trend(b, c); else bars(b, c);
}
