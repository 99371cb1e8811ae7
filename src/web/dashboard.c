/*
** src/web/dashboard.c — the 工作台, as src/engine/summary.c builds it for
** its user: the summary first (indicators below target, those worse than
** last year, the records overdue, the report's state), then a section
** per kind that folds (<details>: no script needed), with the year's
** indicators as cards, each value linked to the records behind it. The
** leader's sections start folded; the admin's and a clerk's open (a
** clerk sees the kinds their department records, ?all=1 every kind).
*/
#include "web/web.h"
#include "engine/holiday.h"
#include "auth/auth.h"
#include "engine/summary.h"
#include <string.h>
#include <stdlib.h>

/* One indicator's card: its value linked to the records counted, the two
** counts of a rate, the target, a calendar gap, the trend link. */
static void card(Req *r, const IndValue *v, int iYear, i64 iDept){
  const Kind *k = v->pKind;
  const char *zDept = iDept ? arena_printf(&r->arena, "&dept=%lld", (long long)iDept) : "";   /* %s escapes & */
  const char *zYear = kind_year_field(k) || k->pInForce || ind_uses_year(v->pInd) ? arena_printf(&r->arena, "year=%d", iYear) : "year=all";
  outf(r, "<div class=\"card%s\" id=\"i-%s-%s\" data-indicator=\"%s.%s\"><div class=\"label\">%s</div>",
       v->bBelowTarget ? " below" : "", k->zName, v->pInd->zName, k->zName, v->pInd->zName, v->pInd->zLabel);
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

/* The report's state: its newest version (aV newest first), linked to /report. */
static void report_state(Req *r, int iRep, const DraftVersion *aV, int nV){
  outf(r, "<a class=\"tile\" href=\"/report/drafts?year=%d\"><span class=\"t-label\">%d年度法治政府建设报告</span>", iRep, iRep);
  if( nV==0 ) out_html(r, HTML("<span class=\"t-value small\">尚未起草</span><span class=\"t-note\">可按数据生成草稿</span>"));
  else if( aV[0].zFrozenAt ) outf(r, "<span class=\"t-value small\">第%d版 已冻结</span><span class=\"t-note\">%s</span>", aV[0].iNo, web_time(r, aV[0].zFrozenAt));
  else{
    int iFrozen = 0;
    for(int i=1; i<nV && !iFrozen; i++) if( aV[i].zFrozenAt ) iFrozen = aV[i].iNo;
    outf(r, "<span class=\"t-value small\">第%d版 草稿</span>", aV[0].iNo);
    if( iFrozen ) outf(r, "<span class=\"t-note\">第%d版已冻结</span>", iFrozen);
    else out_html(r, HTML("<span class=\"t-note\">尚无冻结版本</span>"));
  }
  out_html(r, HTML("</a>"));
}

/* Summary first: four tiles, then what they count, each linked. */
static void summary(Req *r, const Dash *d, int iRep, const DraftVersion *aV, int nV){
  const char *zLast = d->bSame ? "上年同期" : "上年";
  out_html(r, HTML("<section class=\"summary\" aria-label=\"概览\">"));
  /* what the figures cover: the year (so far); the department chosen is in the form below */
  outf(r, "<p class=\"sum-when\">%d年", d->iYear);
  if( d->bSame ) outf(r, "（1月1日至%d月%d日）", atoi(r->ctx.zToday+5), atoi(r->ctx.zToday+8));
  if( d->bOwn ) out_html(r, HTML(" · 本部门登记的事项"));
  out_html(r, HTML("</p><div class=\"tiles\">"));
  outf(r, "<a class=\"tile%s\" href=\"#below\"><span class=\"t-label\">未达到目标</span><span class=\"t-value\">%d项</span></a>",
       d->nBelow ? " bad" : "", d->nBelow);
  outf(r, "<a class=\"tile%s\" href=\"#fell\"><span class=\"t-label\">较%s下降</span><span class=\"t-value\">%d项</span></a>",
       d->nFell ? " warn" : "", zLast, d->nFell);
  outf(r, "<a class=\"tile%s\" href=\"#overdue\"><span class=\"t-label\">已逾期</span><span class=\"t-value\">%lld项</span></a>",
       d->nOverdue ? " bad" : "", d->nOverdue);
  report_state(r, iRep, aV, nV);
  out_html(r, HTML("</div><div class=\"sum-lists\">"));
  out_html(r, HTML("<div class=\"sum-list\" id=\"below\"><h2>未达到目标的指标</h2>"));
  if( d->nBelow==0 ) out_html(r, HTML("<p class=\"muted\">无</p>"));
  else out_html(r, HTML("<ul>"));
  for(int i=0; i<d->nBelow; i++){
    const IndValue *v = d->aBelow[i];
    outf(r, "<li><a href=\"#i-%s-%s\">%s · %s</a> <b>%s</b>（目标%s%%）</li>", v->pKind->zName, v->pInd->zName,
         v->pKind->zLabel, v->pInd->zLabel, v->zText, v->pInd->zTarget);
  }
  if( d->nBelow ) out_html(r, HTML("</ul>"));
  outf(r, "</div><div class=\"sum-list\" id=\"fell\"><h2>较%s下降的指标</h2>", zLast);
  if( d->nFell==0 ) out_html(r, HTML("<p class=\"muted\">无</p>"));
  else out_html(r, HTML("<ul>"));
  for(int i=0; i<d->nFell; i++){
    const IndFall *f = &d->aFell[i];
    const IndValue *v = f->pNow;
    outf(r, "<li><a href=\"#i-%s-%s\">%s · %s</a> <b>%s</b>，%s为%s%s</li>", v->pKind->zName, v->pInd->zName,
         v->pKind->zLabel, v->pInd->zLabel, v->zText, zLast, f->last.zText, f->bRose ? "（上升为差）" : "");
  }
  if( d->nFell ) out_html(r, HTML("</ul>"));
  out_html(r, HTML("</div><div class=\"sum-list\" id=\"overdue\"><h2>已逾期的法定期限</h2>"));
  if( d->nOverdue==0 ) out_html(r, HTML("<p class=\"muted\">无</p>"));
  else out_html(r, HTML("<ul>"));
  const char *zDept = d->iDept ? arena_printf(&r->arena, "&dept=%lld", (long long)d->iDept) : "";
  for(int i=0; i<d->nKind; i++){
    const DashKind *dk = &d->aKind[i];
    if( dk->nOverdue ) outf(r, "<li><a href=\"/k/%s?due=1%s\">%s</a> <b>%lld项</b></li>", dk->pKind->zName, zDept, dk->pKind->zLabel, dk->nOverdue);
  }
  if( d->nOverdue ) out_html(r, HTML("</ul>"));
  out_html(r, HTML("</div></div></section>"));
}

/* The section of a kind: folded unless bOpen, its summary line saying
** what is inside (indicators, below target, worse, overdue). */
static void section(Req *r, const Dash *d, const DashKind *dk, int bOpen){
  const Kind *k = dk->pKind;
  outf(r, "<details class=\"dsec\" id=\"k-%s\" data-kind=\"%s\"%s><summary><span class=\"d-name\">%s</span><span class=\"d-note\">",
       k->zName, k->zName, bOpen ? " open" : "", k->zLabel);
  if( dk->nVal ) outf(r, "%d项指标", dk->nVal); else out_html(r, HTML("无指标"));
  if( dk->nBelow ) outf(r, " · <em class=\"bad\">%d项未达标</em>", dk->nBelow);
  if( dk->nFell ) outf(r, " · <em class=\"warn\">%d项下降</em>", dk->nFell);
  if( dk->nOverdue ) outf(r, " · <em class=\"bad\">逾期%lld项</em>", dk->nOverdue);
  outf(r, "</span></summary><p class=\"d-open\"><a href=\"/k/%s?year=%d\">打开%s台账</a></p>", k->zName, d->iYear, k->zLabel);
  if( dk->nVal ){
    out_html(r, HTML("<div class=\"cards\">"));
    for(int i=0; i<dk->nVal; i++) card(r, &dk->aVal[i], d->iYear, d->iDept);
    out_html(r, HTML("</div>"));
  }
  out_html(r, HTML("</details>"));
}

void web_dashboard(Req *r, const Dash *d, int iRep, const DraftVersion *aV, int nV){
  web_begin(r, "工作台", 0);
  summary(r, d, iRep, aV, nV);
  /* the year and department asked for, below the summary: on a phone the summary is the first screen */
  outf(r, "<form class=\"query\" method=\"get\" action=\"/\"><label>年度<select name=\"year\">");
  int iNow = atoi(r->ctx.zToday);
  for(int y=iNow; y>=iNow-4; y--) outf(r, "<option value=\"%d\"%s>%d年</option>", y, y==d->iYear ? " selected" : "", y);
  out_html(r, HTML("</select></label><label>部门<select name=\"dept\">"));
  web_dept_options(r, d->iDept, 1);
  out_html(r, HTML("</select></label>"));
  if( r->actor.mRole & R_CLERK ) outf(r, "<input type=\"hidden\" name=\"all\" value=\"%d\">", d->bOwn ? 0 : 1);
  outf(r, "<button type=\"submit\" class=\"btn primary\">查看</button>"
          "<a class=\"btn\" href=\"/breakdown?year=%d\">分部门（单位）情况</a>"
          "<a class=\"btn\" href=\"/report.xlsx?year=%d\">下载指标表</a></form>", d->iYear, d->iYear);
  /* the leader reads the summary and opens what interests him; the admin
  ** and a clerk (their own kinds only) work in the sections */
  int bOpen = !(r->actor.mRole & R_LEADER);
  outf(r, "<div class=\"dsec-head\"><h2>各类事项指标</h2><span class=\"muted\">共%d类", d->nKind);
  if( d->bOwn ) outf(r, "，为本部门登记的事项</span><a href=\"%s\">显示全部%d类</a>", web_url_with(r, "all", "1"), d->nKind + d->nHidden);
  else if( r->actor.mRole & R_CLERK ) outf(r, "</span><a href=\"%s\">只看本部门的事项</a>", web_url_with(r, "all", "0"));
  else out_html(r, HTML("，点击类别名称展开或收起</span>"));
  out_html(r, HTML("</div>"));
  if( d->nKind==0 ) out_html(r, HTML("<p class=\"muted\">本部门尚未登记任何事项。</p>"));
  /* app.js remembers each section's state per user (data-store) */
  outf(r, "<div class=\"dsecs\" data-store=\"dash:%s\">", r->actor.zLogin ? r->actor.zLogin : "");
  for(int i=0; i<d->nKind; i++) section(r, d, &d->aKind[i], bOpen);
  out_html(r, HTML("</div>"));
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
