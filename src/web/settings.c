/*
** src/web/settings.c — the 参数设置 page: each declared setting the admin
** sees (setting_rows, src/engine/setting.c) with its Chinese label, its
** default and the value in force, and a one-field form per editable row
** posting name and value to /admin/settings. After a refused save the
** page is drawn again with the typed value and the reason beside it.
** Also the 节假日 page: a year of the calendar as twelve month grids
** (holiday_month, src/engine/holiday.c) and the form adding a notice's days.
*/
#include "web/web.h"
#include "engine/setting.h"
#include "engine/holiday.h"
#include <string.h>
#include <stdlib.h>

/* The reason for the field zField, or NULL. */
static const char *field_error(Req *r, const char *zField){
  for(int e=0; e<r->ctx.err.n; e++){
    if( r->ctx.err.a[e].zField && strcmp(r->ctx.err.a[e].zField, zField)==0 ) return r->ctx.err.a[e].zMsg;
  }
  return 0;
}

void web_settings(Req *r){
  SettingRow *a;
  int n;
  const char *zPosted = req_param(r, "name"), *zErr = field_error(r, "value");
  web_begin(r, "参数设置", 0);
  out_html(r, HTML("<p class=\"about\">报告署名、主送机关、对外访问地址等参数。县（区）管理员设置本县（区）的值，"
                   "市管理员设置本市的值；全库共用的参数由系统运维人员用 <code>fazhi setting</code> 设置。"
                   "每次修改都记入操作审计日志。</p>"));
  if( setting_rows(&r->ctx, &a, &n) ){ out_html(r, HTML("<div class=\"notice bad\" role=\"alert\">读取设置失败</div>")); web_end(r); return; }
  out_html(r, HTML("<table class=\"list settings\"><thead><tr><th>参数</th><th>说明</th><th>默认值</th><th>当前值</th><th>操作</th></tr></thead><tbody>"));
  for(int i=0; i<n; i++){
    const Setting *s = a[i].pSet;
    int bThis = zPosted && strcmp(zPosted, s->zName)==0 && r->ctx.err.n>0;
    const char *zShow = bThis ? req_param(r, "value") : a[i].zValue;
    outf(r, "<tr id=\"s-%s\"><td><code>%s</code></td><td>%s</td><td data-l=\"默认值\">%s</td><td data-l=\"当前值\">", s->zName, s->zName, s->zLabel,
         s->zDefault ? s->zDefault : "（无）");
    if( a[i].zValue ) outf(r, "%s", a[i].zValue);
    if( a[i].bInherited ) out_html(r, HTML("<span class=\"hint\">（沿用全库设置）</span>"));
    else out_html(r, HTML("<span class=\"hint\">未设置</span>"));
    out_html(r, HTML("</td><td>"));
    if( a[i].zKey ){
      out_html(r, HTML("<form method=\"post\" action=\"/admin/settings\" class=\"inline\">"));
      web_csrf_field(r);
      outf(r, "<input type=\"hidden\" name=\"name\" value=\"%s\">"
              "<label class=\"sr\" for=\"v-%s\">%s 的新值</label>"
              "<input id=\"v-%s\" name=\"value\" value=\"%s\" aria-invalid=\"%s\">"
              "<button type=\"submit\" class=\"btn primary\">保存</button>",
           s->zName, s->zName, s->zName, s->zName, zShow ? zShow : "", bThis && zErr ? "true" : "false");
      if( bThis && zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
      out_html(r, HTML("</form>"));
    }else{
      out_html(r, HTML("<span class=\"hint\">由系统运维人员设置</span>"));
    }
    out_html(r, HTML("</td></tr>"));
  }
  out_html(r, HTML("</tbody></table>"));
  web_end(r);
}

/* One labelled input of the holiday form, with its error beside it. */
static void holiday_input(Req *r, const char *zName, const char *zLabel, const char *zType, const char *zHint){
  const char *zErr = field_error(r, zName), *zVal = r->ctx.err.n ? req_param(r, zName) : 0;
  outf(r, "<div class=\"field\"><label for=\"h-%s\">%s</label><input id=\"h-%s\" name=\"%s\" type=\"%s\" value=\"%s\" aria-invalid=\"%s\">",
       zName, zLabel, zName, zName, zType, zVal ? zVal : "", zErr ? "true" : "false");
  if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
  else if( zHint ) outf(r, "<div class=\"help\">%s</div>", zHint);
  out_html(r, HTML("</div>"));
}

static void holiday_form(Req *r, int iYear){
  const char *zKind = r->ctx.err.n ? req_param(r, "kind") : 0, *zErr = field_error(r, "kind");
  int bWork = zKind && strcmp(zKind, "work")==0;
  out_html(r, HTML("<section class=\"panel\"><h2>登记国务院办公厅通知的节假日安排</h2>"));
  if( r->ctx.err.n && strcmp(r->zPath, "/admin/holidays")==0 ) web_errors_box(r);
  outf(r, "<form method=\"post\" action=\"/admin/holidays?year=%d\" class=\"record holiday-form\">", iYear);
  web_csrf_field(r);
  holiday_input(r, "from", "开始日期", "date", 0);
  holiday_input(r, "to", "结束日期", "date", "单独一天可不填");
  outf(r, "<div class=\"field\"><label for=\"h-kind\">类型</label><select id=\"h-kind\" name=\"kind\" aria-invalid=\"%s\">"
          "<option value=\"off\"%s>放假</option><option value=\"work\"%s>调休上班</option></select>",
       zErr ? "true" : "false", bWork ? "" : " selected", bWork ? " selected" : "");
  if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
  out_html(r, HTML("</div>"));
  holiday_input(r, "name", "名称", "text", "如 2027年春节");
  out_html(r, HTML("<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">登记</button></div></form>"
                   "<p class=\"help\">登记后立即生效：办理期限按新的日历重新计算，并记入操作审计日志。</p></section>"));
}

static void holiday_grid(Req *r, int iYear, int m){
  static const char *const azHead[] = { "一", "二", "三", "四", "五", "六", "日" };
  HolidayCell a[42];
  holiday_month(iYear, m, a);
  outf(r, "<table class=\"month\"><caption>%d月</caption><thead><tr>", m);
  for(int i=0; i<7; i++) outf(r, "<th scope=\"col\" class=\"%s\">%s</th>", i>=5 ? "we" : "", azHead[i]);
  out_html(r, HTML("</tr></thead><tbody>"));
  for(int w=0; w<6; w++){
    if( w==5 && a[35].iDay==0 ) break;
    out_html(r, HTML("<tr>"));
    for(int i=0; i<7; i++){
      const HolidayCell *p = &a[w*7+i];
      const char *zClass = p->eKind=='o' ? "off" : p->eKind=='w' ? "work" : p->bWeekend ? "we" : "";
      if( p->iDay==0 ){ out_html(r, HTML("<td></td>")); continue; }
      outf(r, "<td class=\"%s\" id=\"d-%04d-%02d-%02d\"", zClass, iYear, m, p->iDay);
      if( p->zName ) outf(r, " title=\"%s%s\"", p->eKind=='o' ? "放假：" : "调休上班：", p->zName);
      outf(r, "><b>%d</b>", p->iDay);
      if( p->eKind ) outf(r, "<small>%s</small>", p->eKind=='o' ? "休" : "班");
      out_html(r, HTML("</td>"));
    }
    out_html(r, HTML("</tr>"));
  }
  out_html(r, HTML("</tbody></table>"));
}

/* The named days of the year in order, one line per run of days. */
static void holiday_list(Req *r, int iYear){
  Day d0 = day_from_ymd(iYear, 1, 1), d1 = day_from_ymd(iYear, 12, 31);
  out_html(r, HTML("<table class=\"list holidays\"><thead><tr><th>日期</th><th>类型</th><th>名称</th></tr></thead><tbody>"));
  int nRow = 0;
  for(Day d=d0; d<=d1; d++){
    int bWork = cal_is_workday(d, 0), w = day_weekday(d);
    const char *zName = cal_day_name(d);
    if( zName==0 && (bWork || w>=6) ) continue;
    char k = bWork ? 'w' : 'o';
    Day e = d;
    while( e<d1 && cal_is_workday(e+1, 0)==bWork && cal_day_name(e+1) && zName && strcmp(cal_day_name(e+1), zName)==0 ) e++;
    char zA[11], zB[11];
    day_format(d, zA);
    day_format(e, zB);
    outf(r, "<tr><td>%s%s%s</td><td>%s</td><td>%s</td></tr>", zA, e>d ? " 至 " : "", e>d ? zB : "",
         k=='o' ? "放假" : "调休上班", zName ? zName : "");
    nRow++;
    d = e;
  }
  out_html(r, HTML("</tbody></table>"));
  if( nRow==0 ) out_html(r, HTML("<p class=\"empty\">这一年没有登记放假或调休上班的日子。</p>"));
}

/* The year's state (holiday_year_get: the calendar's one rule in words)
** and, where the admin may act, the 年度安排已完整登记 form or its undo. */
static void holiday_state(Req *r, int iYear){
  HolidayYear h;
  int bMarkForm = strcmp(r->zPath, "/admin/holidays/complete")==0;
  if( holiday_year_get(&r->ctx, iYear, &h) ){ out_html(r, HTML("<div class=\"notice bad\" role=\"alert\">读取节假日安排失败</div>")); return; }
  if( bMarkForm ) web_errors_box(r);          /* a refused mark or undo: the reasons first */
  if( h.eState==CAL_YEAR_NONE ){
    outf(r, "<div class=\"notice warn\" role=\"status\" id=\"year-state\">%d年的节假日安排尚未登记：在登记之前，跨入这一年的期限按周一至周五为工作日推算，"
            "并标注“节假日未完整登记”。</div>", iYear);
  }else if( h.eState==CAL_YEAR_PARTIAL ){
    outf(r, "<div class=\"notice warn\" role=\"status\" id=\"year-state\">%d年的节假日安排未完整登记（尚缺%s的放假日）：跨入这一年的期限按已登记的放假、"
            "调休上班日和周一至周五为工作日推算，并标注“节假日未完整登记”；年度统计中依赖这些期限的数字在报告中标注。"
            "请按国务院办公厅通知登记全部节日的安排。</div>", iYear, h.zMissing);
  }else{
    outf(r, "<div class=\"notice ok\" role=\"status\" id=\"year-state\">%d年节假日安排：%s", iYear, h.zState);
    if( h.zNotice ) outf(r, "。依据：%s（%s 于 %s 标记）", h.zNotice, h.zMarkedBy, h.zMarkedAt);
    out_html(r, HTML("</div>"));
  }
  if( h.bMarked ){
    outf(r, "<form method=\"post\" action=\"/admin/holidays/complete\" class=\"inline\">");
    web_csrf_field(r);
    outf(r, "<input type=\"hidden\" name=\"year\" value=\"%d\"><input type=\"hidden\" name=\"undo\" value=\"1\">"
            "<button type=\"submit\" class=\"btn\">撤销“年度安排已完整登记”标记</button></form>", iYear);
    return;
  }
  if( h.eState!=CAL_YEAR_PARTIAL ) return;
  out_html(r, HTML("<section class=\"panel\"><h2>年度安排已完整登记</h2>"
                   "<p class=\"help\">通知的全部放假和调休上班日都已登记，但通知未列某个节日（或用了别的名称）时，在此标记。标记记入操作审计日志。</p>"));
  outf(r, "<form method=\"post\" action=\"/admin/holidays/complete\" class=\"record holiday-form\">");
  web_csrf_field(r);
  outf(r, "<input type=\"hidden\" name=\"year\" value=\"%d\">", iYear);
  const char *zErr = bMarkForm ? field_error(r, "notice") : 0, *zVal = bMarkForm ? req_param(r, "notice") : 0;
  outf(r, "<div class=\"field\"><label for=\"h-notice\">依据通知</label><input id=\"h-notice\" name=\"notice\" value=\"%s\" aria-invalid=\"%s\">",
       zVal ? zVal : "", zErr ? "true" : "false");
  if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
  else outf(r, "<div class=\"help\">如 国务院办公厅关于%d年部分节假日安排的通知</div>", iYear);
  out_html(r, HTML("</div><div class=\"actions\"><button type=\"submit\" class=\"btn primary\">标记为年度安排已完整登记</button></div></form></section>"));
}

void web_holidays(Req *r){
  int iToday = atoi(r->ctx.zToday), iYear = req_param_int(r, "year", iToday);
  if( iYear<HOLIDAY_YEAR_MIN || iYear>HOLIDAY_YEAR_MAX ) iYear = iToday;
  web_begin(r, "节假日", 0);
  out_html(r, HTML("<p class=\"about\">办理期限按国务院办公厅公布的节假日安排计算：放假日不计为工作日，调休上班日（周六或周日）计为工作日，"
                   "期限最后一天是休息日的顺延至其后第一个工作日。一个年度的安排登记完整（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节的放假日均已登记，"
                   "或管理员标记年度安排已完整登记）之前，跨入该年度的期限都标注“节假日未完整登记”。</p>"));
  out_html(r, HTML("<form method=\"get\" action=\"/admin/holidays\" class=\"toolbar\"><label for=\"y\">年度</label><select id=\"y\" name=\"year\">"));
  int yLast = iToday;
  for(int y=HOLIDAY_YEAR_MIN; y<=HOLIDAY_YEAR_MAX; y++) if( cal_year_info(y, 0)!=CAL_YEAR_NONE && y>yLast ) yLast = y;
  for(int y=HOLIDAY_YEAR_MIN; y<=HOLIDAY_YEAR_MAX; y++){
    int e = cal_year_info(y, 0);
    if( e==CAL_YEAR_NONE && y!=iYear && y!=yLast+1 && y!=iToday ) continue;
    outf(r, "<option value=\"%d\"%s>%d年%s</option>", y, y==iYear ? " selected" : "", y,
         e==CAL_YEAR_COMPLETE ? "" : e==CAL_YEAR_PARTIAL ? "（未完整）" : "（未登记）");
  }
  out_html(r, HTML("</select><button type=\"submit\" class=\"btn primary\">查看</button></form>"));
  holiday_state(r, iYear);
  holiday_form(r, iYear);
  out_html(r, HTML("<p class=\"legend\"><span class=\"off\">休</span> 放假　<span class=\"work\">班</span> 调休上班　<span class=\"we\">六</span> 周末</p>"
                   "<div class=\"months\">"));
  for(int m=1; m<=12; m++) holiday_grid(r, iYear, m);
  out_html(r, HTML("</div>"));
  outf(r, "<h2>%d年放假和调休上班安排</h2>", iYear);
  holiday_list(r, iYear);
  web_end(r);
}
