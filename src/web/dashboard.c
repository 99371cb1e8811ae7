/*
** src/web/dashboard.c — the 工作台: the year's indicators as cards, each
** with its numerator and denominator linked to the records behind them,
** and a count of periods overdue or about to fall due.
*/
#include "web/web.h"
#include "engine/holiday.h"
#include "auth/auth.h"
#include <string.h>
#include <stdlib.h>

void web_dashboard(Req *r, int iYear, i64 iDept, IndValue *aVal, int nVal){
  web_begin(r, "工作台", 0);
  outf(r, "<form class=\"query\" method=\"get\" action=\"/\"><label>年度<select name=\"year\">");
  int iNow = atoi(r->ctx.zToday);
  for(int y=iNow; y>=iNow-4; y--) outf(r, "<option value=\"%d\"%s>%d年</option>", y, y==iYear ? " selected" : "", y);
  out_html(r, HTML("</select></label><label>部门<select name=\"dept\">"));
  web_dept_options(r, iDept, 1);
  outf(r, "</select></label><button type=\"submit\" class=\"btn primary\">查看</button>"
          "<a class=\"btn\" href=\"/breakdown?year=%d\">分部门（单位）情况</a>"
          "<a class=\"btn\" href=\"/report.xlsx?year=%d\">下载指标表</a></form>", iYear, iYear);
  const char *zGroup = 0;
  const Kind *pPrev = 0;
  for(int i=0; i<nVal; i++){
    IndValue *v = &aVal[i];
    const Kind *k = v->pKind;
    if( k!=pPrev ){
      if( pPrev ) out_html(r, HTML("</div>"));
      if( zGroup==0 || strcmp(zGroup, k->zGroup)!=0 ) zGroup = k->zGroup;
      outf(r, "<h2><a href=\"/k/%s?year=%d\">%s</a></h2><div class=\"cards\">", k->zName, iYear, k->zLabel);
      pPrev = k;
    }
    const char *zDept = iDept ? arena_printf(&r->arena, "&dept=%lld", (long long)iDept) : "";   /* %s escapes & */
    const char *zYear = kind_year_field(k) || k->pInForce || ind_uses_year(v->pInd) ? arena_printf(&r->arena, "year=%d", iYear) : "year=all";
    outf(r, "<div class=\"card%s\" data-indicator=\"%s.%s\"><div class=\"label\">%s</div>",
         v->bBelowTarget ? " below" : "", k->zName, v->pInd->zName, v->pInd->zLabel);
    /* each side lists the records it counts (a coverage's 名录库 is another kind's) */
    const Kind *kN = ind_side_kind(k, &v->pInd->num), *kD = ind_side_kind(k, &v->pInd->den);
    const char *zN = ind_list_param(&r->ctx, k, v->pInd, 0), *zD = ind_list_param(&r->ctx, k, v->pInd, 1);
    outf(r, "<div class=\"value\"><a href=\"/k/%s?%s%s&amp;ind=%s&amp;part=num\">%s</a></div>",
         kN->zName, zYear, zDept, zN, v->zText);
    if( v->pInd->eUnit!=IU_COUNT && kD==0 ){      /* departments counted: no records to list */
      outf(r, "<div class=\"counts\"><a href=\"/k/%s?%s%s&amp;ind=%s&amp;part=num\" class=\"num\">%s</a> / "
              "<span class=\"den\">%s</span></div>", kN->zName, zYear, zDept, zN,
           ind_count_text(&r->arena, v, 0), ind_count_text(&r->arena, v, 1));
    }else if( v->pInd->eUnit!=IU_COUNT ){
      outf(r, "<div class=\"counts\"><a href=\"/k/%s?%s%s&amp;ind=%s&amp;part=num\" class=\"num\">%s</a> / "
              "<a href=\"/k/%s?%s%s&amp;ind=%s&amp;part=den\" class=\"den\">%s</a></div>",
           kN->zName, zYear, zDept, zN, ind_count_text(&r->arena, v, 0), kD->zName, zYear, zDept, zD, ind_count_text(&r->arena, v, 1));
    }
    if( v->pInd->zTarget ) outf(r, "<div class=\"target\">目标 %s%s%s</div>", v->pInd->zTarget,
                                ind_unit_suffix(k, v->pInd), v->bBelowTarget ? "，未达到" : "");
    /* periods counted on a year whose holiday notice is not entered whole */
    int yGap = holiday_ind_gap(&r->ctx, k, v->pInd, iYear);
    if( yGap ) outf(r, "<div class=\"calgap\" title=\"所计期限可能延伸到%d年，该年的节假日安排尚未完整登记，到期日按已登记的放假日和双休日推算\">"
                       "※%d年节假日安排未完整登记，此数可能有误</div>", yGap, yGap);
    /* a register counted as it stands now has no history to draw */
    if( zYear[5]!='a' ) outf(r, "<a class=\"trend\" href=\"/trend?kind=%s&amp;ind=%s&amp;year=%d%s\">近年变化</a>", k->zName, v->pInd->zName, iYear, zDept);
    out_html(r, HTML("</div>"));
  }
  if( pPrev ) out_html(r, HTML("</div>"));
  web_end(r);
}

void web_login(Req *r, const char *zError, const char *zNext){
  r->zContentType = "text/html; charset=utf-8";
  web_begin(r, "登录", 0);
  if( zError ) outf(r, "<div class=\"notice bad\" role=\"alert\">%s</div>", zError);
  char zPre[65];
  random_token(zPre, 32);
  req_set_cookie(r, "fz_pre", arena_strdup(&r->arena, zPre), 3600);
  outf(r, "<form method=\"post\" action=\"/login\" class=\"login\">"
          "<input type=\"hidden\" name=\"_pre\" value=\"%s\"><input type=\"hidden\" name=\"next\" value=\"%s\">"
          "<div class=\"field\"><label for=\"login\">账号</label><input id=\"login\" name=\"login\" autocomplete=\"username\" required></div>"
          "<div class=\"field\"><label for=\"password\">密码</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></div>"
          "<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">登 录</button></div></form>",
       zPre, zNext ? zNext : "/");
  web_end(r);
}
