/*
** src/web/when.c — a stored UTC moment as the county reads it: local time
** in the time_zone setting, "2026-12-07 21:56" (calendar/clock.c); and
** the pager of the logs' pages (共N条, 上一页, 第 x / y 页, 下一页).
*/
#include "web/web.h"
#include "engine/setting.h"
#include "calendar/clock.h"

const char *web_time(Req *r, const char *zIso){
  char z[40];
  return arena_strdup(&r->arena, clock_local_iso(zIso, ctx_zone(&r->ctx), 0, z, sizeof z));
}

const char *web_time_unix(Req *r, i64 t){
  char z[40];
  return arena_strdup(&r->arena, clock_local_unix(t, ctx_zone(&r->ctx), 1, z, sizeof z));
}

void web_pager(Req *r, i64 nTotal, int nPage, int nSize){
  long long nPages = (nTotal + nSize - 1)/nSize;
  if( nPages<1 ) nPages = 1;
  outf(r, "<div class=\"pager\"><span>共 %lld 条</span>", (long long)nTotal);
  if( nPage>1 ){
    int nPrev = nPage>nPages ? (int)nPages : nPage-1;      /* past the end: back to the last page */
    outf(r, "<a class=\"btn\" href=\"%s\">上一页</a>", web_url_with(r, "page", arena_printf(&r->arena, "%d", nPrev)));
  }
  outf(r, "<span>第 %d / %lld 页</span>", nPage, nPages);
  if( nPage<nPages ) outf(r, "<a class=\"btn\" href=\"%s\">下一页</a>", web_url_with(r, "page", arena_printf(&r->arena, "%d", nPage+1)));
  out_html(r, HTML("</div>\n"));
}
