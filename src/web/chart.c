/*
** src/web/chart.c — a breakdown drawn on a page: its groups as bars
** (src/chart draws them, src/report/charts.c gathers them).
*/
#include "web/web.h"

void web_bar_chart(Req *r, const BreakSet *s, int nMax){
  Chart c;
  chart_breakdown(&r->arena, s, nMax, &c);
  chart_svg(&r->out, &c);
}
