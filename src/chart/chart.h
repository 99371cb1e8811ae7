/*
** src/chart/chart.h — inline SVG charts where people would rather look
** than read, for the web pages and the HTML report alike:
**
**   CHART_BARS   groups as horizontal bars (a breakdown, worst first), with
**                the whole county's figure and the target as vertical lines
**   CHART_TREND  one figure year by year as columns (the last is the year
**                reported on)
**
** Presentation attributes only (no style attribute, no script): the pages'
** CSP allows nothing more. Every text is escaped.
*/
#ifndef FZ_CHART_H
#define FZ_CHART_H
#include "base/buf.h"

enum { CHART_BARS = 1, CHART_TREND = 2 };

typedef struct ChartItem {
  const char *zLabel;      /* a group's name, or the year "2025" */
  double v;                /* its value (a count, or a percentage 0..100) */
  const char *zText;       /* as printed: "96.4%", "270件" */
  int bBad;                /* drawn in the warning colour (below target) */
  int bBase;               /* a figure of that year's published report, not of records */
} ChartItem;

typedef struct Chart {
  int eType;
  const char *zTitle;      /* what it shows: the figure caption and the SVG's label */
  ChartItem *a;
  int n;
  int bPercent;            /* values are percentages: the scale runs to 100 */
  const char *zRefText;    /* bars: the county's figure ("96.4%"), NULL none */
  double vRef;
  double vTarget;          /* bars: the target line, < 0 none */
  int bAnyBase;            /* some item is bBase */
} Chart;

void chart_svg(Buf*, const Chart*);
#endif
