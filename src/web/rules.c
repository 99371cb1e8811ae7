/*
** src/web/rules.c — the 期限规则 page (/admin/rules): every declared
** statutory period with its state default and source, whether a province,
** city or county may set its own (Deadline.bLocal), and the 地方规定 the
** admin sees (its own units' and those above them; prule_rows,
** src/engine/prule.c), each with its source and days in force; a form
** adding a rule and a button ending one. After a refused change the page
** is drawn again with what was typed and the reasons.
*/
#include "web/web.h"
#include "engine/prule.h"
#include <string.h>

/* The reason for the field zField, or NULL. */
static const char *field_err(Req *r, const char *zField){
  for(int e=0; e<r->ctx.err.n; e++){
    if( r->ctx.err.a[e].zField && strcmp(r->ctx.err.a[e].zField, zField)==0 ) return r->ctx.err.a[e].zMsg;
  }
  return 0;
}
/* What was typed into zName (after a refused change), else "". */
static const char *typed(Req *r, const char *zName){
  const char *z = r->ctx.err.n ? req_param(r, zName) : 0;
  return z ? z : "";
}
static void err_line(Req *r, const char *zField){
  const char *z = field_err(r, zField);
  if( z ) outf(r, "<div class=\"err\">%s</div>", z);
}

static void rule_form(Req *r, const PruleRow *a, int n){
  PruleUnitOpt *aU;
  int nU;
  if( prule_units(&r->ctx, &aU, &nU) ) nU = 0;
  const char *zPeriod = typed(r, "period"), *zUnit = typed(r, "unit"), *zLevel = typed(r, "level"), *zPunit = typed(r, "punit");
  out_html(r, HTML("<section class=\"panel\"><h2>新增地方规定</h2>"));
  if( r->ctx.err.n && strcmp(r->zMethod, "POST")==0 ) web_errors_box(r);
  out_html(r, HTML("<form method=\"post\" action=\"/admin/rules\" class=\"record\">"));
  web_csrf_field(r);
  outf(r, "<div class=\"field wide\"><label for=\"r-period\">期限</label><select id=\"r-period\" name=\"period\" aria-invalid=\"%s\">",
       field_err(r, "kind") || field_err(r, "deadline") ? "true" : "false");
  for(int i=0; i<n; i++){
    if( !a[i].pDl->bLocal ) continue;
    const char *zV = arena_printf(&r->arena, "%s/%s", a[i].pKind->zName, a[i].pDl->zName);
    outf(r, "<option value=\"%s\"%s>%s·%s（默认%s）</option>", zV, strcmp(zV, zPeriod)==0 ? " selected" : "",
         a[i].pKind->zLabel, a[i].pDl->zLabel, prule_length_text(&r->arena, a[i].pDl->nLength, a[i].pDl->eUnit));
  }
  out_html(r, HTML("</select>"));
  err_line(r, "kind"); err_line(r, "deadline");
  out_html(r, HTML("<div class=\"help\">只列出可由地方规定的期限；由法律、行政法规规定的期限不能改变。</div></div>"));
  outf(r, "<div class=\"field\"><label for=\"r-unit\">适用地区</label><select id=\"r-unit\" name=\"unit\" aria-invalid=\"%s\">",
       field_err(r, "unit") ? "true" : "false");
  for(int i=0; i<nU; i++){
    const char *zId = arena_printf(&r->arena, "%lld", (long long)aU[i].id);
    outf(r, "<option value=\"%s\"%s>%s</option>", zId, strcmp(zId, zUnit)==0 ? " selected" : "", aU[i].zName);
  }
  out_html(r, HTML("</select>"));
  err_line(r, "unit");
  out_html(r, HTML("</div>"));
  static const char *const azLevel[][2] = { { "county", "县级规定" }, { "city", "市级规定" }, { "province", "省级规定" } };
  outf(r, "<div class=\"field\"><label for=\"r-level\">规定层级</label><select id=\"r-level\" name=\"level\" aria-invalid=\"%s\">",
       field_err(r, "level") ? "true" : "false");
  for(int i=0; i<3; i++) outf(r, "<option value=\"%s\"%s>%s</option>", azLevel[i][0], strcmp(zLevel, azLevel[i][0])==0 ? " selected" : "", azLevel[i][1]);
  out_html(r, HTML("</select>"));
  err_line(r, "level");
  out_html(r, HTML("<div class=\"help\">县（区）设县级规定；市、省设市级或省级规定，适用于其下各县（区），县级规定优先。</div></div>"));
  outf(r, "<div class=\"field\"><label for=\"r-length\">期限长度</label><input id=\"r-length\" name=\"length\" inputmode=\"numeric\" value=\"%s\" aria-invalid=\"%s\">",
       typed(r, "length"), field_err(r, "length") ? "true" : "false");
  err_line(r, "length");
  out_html(r, HTML("</div>"));
  static const char *const azPunit[][2] = { { "days", "日（自然日，届满日遇休息日顺延）" }, { "workdays", "工作日" }, { "months", "月" } };
  outf(r, "<div class=\"field\"><label for=\"r-punit\">计算单位</label><select id=\"r-punit\" name=\"punit\" aria-invalid=\"%s\">",
       field_err(r, "punit") ? "true" : "false");
  for(int i=0; i<3; i++) outf(r, "<option value=\"%s\"%s>%s</option>", azPunit[i][0], strcmp(zPunit, azPunit[i][0])==0 ? " selected" : "", azPunit[i][1]);
  out_html(r, HTML("</select>"));
  err_line(r, "punit");
  out_html(r, HTML("</div>"));
  outf(r, "<div class=\"field\"><label for=\"r-from\">施行日期</label><input id=\"r-from\" name=\"from\" type=\"date\" value=\"%s\" aria-invalid=\"%s\">",
       typed(r, "from"), field_err(r, "from") ? "true" : "false");
  err_line(r, "from");
  out_html(r, HTML("<div class=\"help\">自该日起开始计算的案件按本规定；此前开始的案件仍按原规定。</div></div>"));
  outf(r, "<div class=\"field wide\"><label for=\"r-basis\">依据</label><input id=\"r-basis\" name=\"basis\" value=\"%s\" aria-invalid=\"%s\" maxlength=\"200\">",
       typed(r, "basis"), field_err(r, "basis") ? "true" : "false");
  err_line(r, "basis");
  out_html(r, HTML("<div class=\"help\">文件名称和条款，如 某省行政规范性文件管理办法第二十条</div></div>"
                   "<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">保存</button></div></form>"
                   "<p class=\"help\">保存后立即生效（到期日、逾期提醒、指标和年度报告），并记入操作审计日志。</p></section>"));
}

void web_rules(Req *r){
  PruleRow *a;
  int n;
  web_begin(r, "期限规则", 0);
  out_html(r, HTML("<p class=\"about\">各台账的法定期限及其依据。模块声明的是默认期限（国家规定，或尚无地方规定时的通行做法）；标明“可由地方规定”的期限（如规范性文件报送备案、12345热线办理时限），"
                   "省、市、县（区）可以按本地规定另定长度，自施行日期起开始计算的案件适用，案件详情页显示所依据的规定。</p>"));
  if( prule_rows(&r->ctx, &a, &n) ){ out_html(r, HTML("<div class=\"notice bad\" role=\"alert\">读取期限规则失败</div>")); web_end(r); return; }
  rule_form(r, a, n);
  out_html(r, HTML("<h2>全部法定期限</h2><table class=\"list settings rules\"><thead><tr><th>台账</th><th>期限</th><th>默认期限及依据</th>"
                   "<th>地方规定</th></tr></thead><tbody>"));
  for(int i=0; i<n; i++){
    const Deadline *d = a[i].pDl;
    const char *zLen = d->zLengthField ? "按记录所填" : d->eUnit==PU_ONDATE ? "按所填日期" : prule_length_text(&r->arena, d->nLength, d->eUnit);
    outf(r, "<tr id=\"p-%s-%s\"><td data-l=\"台账\">%s</td><td data-l=\"期限\">%s</td><td data-l=\"默认期限\">%s<div class=\"hint\">%s</div></td><td data-l=\"地方规定\">",
         a[i].pKind->zName, d->zName, a[i].pKind->zLabel, d->zLabel, zLen, d->zBasis);
    if( !d->bLocal ) out_html(r, HTML("<span class=\"hint\">法定，不可由地方规定</span>"));
    else if( a[i].nRule==0 ) out_html(r, HTML("<span class=\"hint\">可由地方规定；未设定，按默认期限</span>"));
    for(int j=0; j<a[i].nRule; j++){
      const PeriodRule *p = a[i].apRule[j];
      outf(r, "<div class=\"rule\" id=\"rule-%lld\"><b>%s %s</b>：%s（%s）", (long long)p->id, p->zJurName, prule_level_label(p->zLevel),
           prule_length_text(&r->arena, p->nLength, p->eUnit), p->zBasis);
      if( p->zTo[0] ) outf(r, "<div class=\"hint\">%s起施行，%s止（编号%lld）</div>", p->zFrom, p->zTo, (long long)p->id);
      else outf(r, "<div class=\"hint\">%s起施行（编号%lld）</div>", p->zFrom, (long long)p->id);
      if( a[i].abEdit[j] && !p->zTo[0] ){
        outf(r, "<form method=\"post\" action=\"/admin/rules/end\" class=\"inline\"><input type=\"hidden\" name=\"id\" value=\"%lld\">", (long long)p->id);
        web_csrf_field(r);
        outf(r, "<label class=\"sr\" for=\"to-%lld\">停止施行日期</label><input id=\"to-%lld\" name=\"to\" type=\"date\" value=\"%s\">"
                "<button type=\"submit\" class=\"btn\">停止施行</button></form>", (long long)p->id, (long long)p->id, r->ctx.zToday);
      }
      out_html(r, HTML("</div>"));
    }
    out_html(r, HTML("</td></tr>"));
  }
  out_html(r, HTML("</tbody></table>"));
  web_end(r);
}
