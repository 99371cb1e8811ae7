/*
** src/report/html.c — the drafted report as one HTML document.
**
** A complete UTF-8 page (zh-CN) whose inline style approximates GB/T 9704
** (LAW.md §7): A4 type area 156 mm wide, 3号仿宋 (16 pt) body on a 22-line
** pitch, 2号小标宋 (22 pt) title, 黑体 for "一、", 楷体 for "（一）", the date
** 右空四字. Every figure is a link to the records behind it:
**   /k/KIND?year=Y&ind=IND&part=num|den    an indicator's numerator/denominator
**   /k/KIND?year=Y&state=STATE             a count derived from states
** All text goes through buf_html(), whose %s escapes; markup is literal.
** Drafter prompts are shaded so nobody sends them by mistake.
*/
#include "report/report_int.h"
#include <string.h>

/* The page's own rules (a document of its own); zStyle is the article's,
** also written when the report sits inside the system's layout (/report,
** which prints on A4 as well: the layout's menu and bars do not print). */
static const char zPageStyle[] =
  "body{margin:0;background:#f4f4f4;color:#000}";
static const char zStyle[] =
  "@page{size:A4;margin:37mm 26mm 35mm 28mm}"
  ".gw{box-sizing:content-box;width:156mm;max-width:100%;margin:0 auto;padding:37mm 26mm 35mm 28mm;"
  "background:#fff;font-family:FangSong,\"仿宋_GB2312\",\"仿宋\",STFangsong,\"AR PL UMing CN\","
  "\"Noto Serif CJK SC\",serif;font-size:16pt;line-height:28.95pt}"
  ".gw h1{font-family:\"方正小标宋简体\",\"FZXiaoBiaoSong-B05S\",\"小标宋\",\"Noto Serif CJK SC\","
  "SimSun,serif;font-size:22pt;font-weight:normal;line-height:1.5;text-align:center;"
  "margin:0 0 28.95pt}"
  ".gw h2{font-family:\"黑体\",SimHei,\"Noto Sans CJK SC\",sans-serif;font-size:16pt;"
  "font-weight:normal;margin:0;text-indent:2em}"
  ".gw p{margin:0;text-indent:2em;text-align:justify}"
  ".gw p.to{text-indent:0}"
  ".gw .l2{font-family:\"楷体_GB2312\",\"楷体\",KaiTi,STKaiti,\"AR PL UKai CN\",serif}"
  ".gw p.sign{margin-top:57.9pt;text-align:right;text-indent:0;padding-right:2em}"
  ".gw p.date{text-align:right;text-indent:0;padding-right:4em}"
  ".gw p.foot{margin-top:28.95pt;font-size:14pt;text-indent:0}"
  ".gw .note{background:#fff3bf;color:#7a4b00}"
  ".gw h2.figs{margin-top:57.9pt;text-indent:0}.gw figure.chart{margin:14pt 0;break-inside:avoid}"
  ".gw figure.chart figcaption{font-size:14pt;text-align:center}.gw figure.chart svg{display:block;max-width:100%;height:auto;margin:0 auto}"
  ".gw p.annex{text-indent:0;font-family:\"黑体\",SimHei,\"Noto Sans CJK SC\",sans-serif;break-before:page;margin-top:57.9pt}"
  ".gw a{color:inherit;text-decoration:none;border-bottom:1px dotted #1c64b4}"
  ".gw a:hover{background:#e7f0fb}"
  "@media screen and (max-width:220mm){.gw{width:auto;padding:8mm 5mm}}"
  "@media print{body{background:#fff}.gw{width:auto;padding:0}.gw a{border:0}}";

/* bPublic: the government web site's copy: figures without links. An
** indicator's list filters by fields the public may not read, so an
** anonymous reader's list would not be the figure's records. */
static void html_runs_for(const Block *b, int iYear, int bPublic, Buf *pOut){
  for(const Run *r=b->pFirst; r; r=r->pNext){
    if( bPublic && r->eType==RUN_FIG ){ buf_html(pOut, "%s", r->z); continue; }
    switch( r->eType ){
      case RUN_BREAK: buf_markup(pOut, HTML("<br>")); break;
      case RUN_LEAD:  buf_html(pOut, "<span class=\"l2\">%s</span>", r->z); break;
      case RUN_NOTE:  buf_html(pOut, "<span class=\"note\">%s</span>", r->z); break;
      case RUN_FIG: {
        Buf h;
        buf_init(&h);
        run_href(r, iYear, &h);
        buf_html(pOut, "<a href=\"%s\">%s</a>", buf_cstr(&h), r->z);
        buf_free(&h);
        break;
      }
      default: buf_html(pOut, "%s", r->z); break;
    }
  }
}

void html_runs(const Block *b, int iYear, Buf *pOut){ html_runs_for(b, iYear, 0, pOut); }

void html_render(const Doc *pDoc, int bPublic, Buf *pOut){
  buf_markup(pOut, HTML("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"));
  buf_html(pOut, "<title>%s</title>\n", pDoc->zTitle);
  buf_markup(pOut, HTML("<style>"));
  buf_puts(pOut, zPageStyle);             /* constants of this file */
  buf_markup(pOut, HTML("</style>\n</head>\n<body>\n"));
  html_article(pDoc, bPublic, pOut);
  buf_markup(pOut, HTML("</body>\n</html>\n"));
}

/* The article alone with its style: the report inside the system's
** layout (/report), the same text and links as the document. */
void html_article(const Doc *pDoc, int bPublic, Buf *pOut){
  buf_markup(pOut, HTML("<style>"));
  buf_puts(pOut, zStyle);
  buf_markup(pOut, HTML("</style>\n<article class=\"gw\">\n"));
  int nFig = 0;
  for(const Block *b=pDoc->pFirst; b; b=b->pNext){
    /* charts come after the report, whatever the drafter's order; the
    ** public copy keeps the year-by-year figures, not departments set
    ** side by side */
    if( b->eType==BLK_CHART ) continue;
    switch( b->eType ){
      case BLK_TITLE: buf_markup(pOut, HTML("<h1>")); break;
      case BLK_H1:    buf_markup(pOut, HTML("<h2>")); break;
      case BLK_TO:    buf_markup(pOut, HTML("<p class=\"to\">")); break;
      case BLK_SIGN:  buf_markup(pOut, HTML("<p class=\"sign\">")); break;
      case BLK_DATE:  buf_markup(pOut, HTML("<p class=\"date\">")); break;
      case BLK_FOOT:  buf_markup(pOut, HTML("<p class=\"foot\">")); break;
      case BLK_ANNEX: buf_markup(pOut, HTML("<p class=\"annex\">")); break;
      default:        buf_markup(pOut, HTML("<p>")); break;
    }
    html_runs_for(b, pDoc->iYear, bPublic, pOut);
    switch( b->eType ){
      case BLK_TITLE: buf_markup(pOut, HTML("</h1>\n")); break;
      case BLK_H1:    buf_markup(pOut, HTML("</h2>\n")); break;
      default:        buf_markup(pOut, HTML("</p>\n")); break;
    }
  }
  for(const Block *b=pDoc->pFirst; b; b=b->pNext){
    if( b->eType!=BLK_CHART || b->pChart==0 ) continue;
    if( bPublic && b->pChart->eType==CHART_BARS ) continue;
    if( nFig++==0 ) buf_markup(pOut, HTML("<h2 class=\"figs\">附图</h2>\n"));
    buf_html(pOut, "<figure class=\"chart\"><figcaption>图%d　%s</figcaption>", nFig, b->pChart->zTitle);
    chart_svg(pOut, b->pChart);
    buf_markup(pOut, HTML("</figure>\n"));
  }
  buf_markup(pOut, HTML("</article>\n"));
}
