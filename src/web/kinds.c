/*
** src/web/kinds.c — 自定义台账 (/admin/kinds): the list of the custom
** kinds with its toolbar (新增, 导入定义), the form that defines a kind
** (basic information, a table of fields, a table of indicators, the
** report's paragraph), a kind's 历史版本, and a definition as a file.
**
** The form works without JavaScript: a few empty rows, "再加5行" buttons
** that post the form back (nothing saved), a 「」 list under the report's
** sentences. app.js adds a row in place and inserts a 「指标名称」 marker
** where the cursor is. The rows and their input names are
** src/engine/kindform.h's; errors (c->err, renamed to those inputs by
** kindform_errors_to_inputs) are shown beside the cell they name, and
** all of them above the form.
*/
#include "web/web.h"
#include "engine/kinddef.h"
#include "engine/kindform.h"
#include "engine/extform.h"
#include <string.h>

/* The first error for form input zName, or NULL. */
static const char *kf_err(Req *r, const char *zName){
  for(int e=0; e<r->ctx.err.n; e++){
    const char *z = r->ctx.err.a[e].zField;
    if( z && strcmp(z, zName)==0 ) return r->ctx.err.a[e].zMsg;
  }
  return 0;
}

static const char *shape_label(const char *z){
  if( z && strcmp(z, "register")==0 ) return "名册";
  if( z && strcmp(z, "case")==0 ) return "案件";
  if( z && strcmp(z, "activity")==0 ) return "活动";
  return z ? z : "";
}

/* ---- the list ---------------------------------------------------------- */

static void import_panel(Req *r){
  const char *zNew = req_param(r, "new_id");
  int bOpen = r->ctx.err.n>0;
  outf(r, "<details class=\"panel kf-import\"%s><summary class=\"btn\">导入定义</summary>", bOpen ? " open" : "");
  if( bOpen ) web_errors_box(r);
  out_html(r, HTML("<form method=\"post\" action=\"/admin/kinds/import\" enctype=\"multipart/form-data\" class=\"record\">"));
  web_csrf_field(r);
  const char *zErr = kf_err(r, "file");
  outf(r, "<div class=\"field%s\"><label for=\"k-file\">定义文件（.json）</label>"
          "<input id=\"k-file\" type=\"file\" name=\"file\" accept=\".json,application/json\" aria-invalid=\"%s\">"
          "<div class=\"help\">另一县（区）在本页用“导出JSON”得到的文件</div></div>",
       zErr ? " has-error" : "", zErr ? "true" : "false");
  outf(r, "<div class=\"field\"><label for=\"k-newid\">新的标识（可不填）</label>"
          "<input id=\"k-newid\" name=\"new_id\" value=\"%s\" pattern=\"[a-z_][a-z0-9_]*\" autocomplete=\"off\">"
          "<div class=\"help\">本数据库中已有同一标识的台账时，另起一个小写英文标识，如 notary_b</div></div>",
       zNew ? zNew : "");
  out_html(r, HTML("<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">导 入</button></div></form></details>"));
}

/* 内置台账: the built-in kinds, each with its extension's version and the
** link to its page (/admin/kinds/KIND/extend). */
static void builtin_list(Req *r){
  out_html(r, HTML("<h2 class=\"kf-h\" id=\"builtin\">内置台账的扩展</h2>"
                   "<p class=\"about\">系统内置的台账也可以按本县（区）的需要增加字段、选项（如本县的普法阵地）、统计指标和年度报告的句子，"
                   "并设定指标的目标值和小数位，不需要修改程序。每次保存为新的版本并记入操作审计日志；不再使用的字段只是隐藏，已录入的数据保留。</p>"
                   "<div class=\"table-scroll\"><table class=\"list kinds\"><thead><tr><th>名称</th><th>菜单分组</th><th>扩展</th><th>操作</th>"
                   "</tr></thead><tbody>\n"));
  const Kind *aK[KIND_MAX];
  int nK = kinds_in_order(aK, KIND_MAX);
  for(int i=0; i<nK; i++){
    const Kind *k = aK[i];
    if( kind_builtin(k->zName)==0 ) continue;
    outf(r, "<tr><td data-l=\"名称\"><a href=\"/k/%s\">%s</a><div class=\"help\"><code>%s</code></div></td><td data-l=\"菜单分组\">%s</td>",
         k->zName, k->zLabel, k->zName, k->zGroup);
    if( k->pBase ) outf(r, "<td data-l=\"扩展\">第%d版</td>", k->iVersion);
    else out_html(r, HTML("<td data-l=\"扩展\" class=\"help\">未扩展</td>"));
    outf(r, "<td class=\"ops\"><a class=\"btn link\" href=\"/admin/kinds/%s/extend\">扩展</a></td></tr>\n", k->zName);
  }
  out_html(r, HTML("</tbody></table></div>\n"));
}

void web_kinds(Req *r, const KindDefRow *a, int n){
  web_begin(r, "自定义台账", 0);
  out_html(r, HTML("<p class=\"about\">本县（区）和上级市定义的台账。定义后即出现在左侧菜单中，与系统内置的台账一样录入、查询、导入导出、"
                   "统计指标并写入年度报告。每次修改保存为新的版本并记入操作审计日志：删除的字段只是不再显示，已录入的数据保留；"
                   "修改名称不改变标识，已有记录不受影响。</p>"));
  out_html(r, HTML("<div class=\"toolbar\"><a class=\"btn primary\" href=\"/admin/kinds/new\">新增</a>"));
  import_panel(r);
  outf(r, "<span class=\"help\">共 %d 个自定义台账</span></div>\n", n);
  if( n==0 ){
    out_html(r, HTML("<p class=\"empty\">还没有自定义台账。点“新增”定义一个，或导入其他县（区）导出的定义。</p>"));
    builtin_list(r);
    web_end(r);
    return;
  }
  out_html(r, HTML("<div class=\"table-scroll\"><table class=\"list kinds\"><thead><tr><th>名称</th><th>菜单分组</th><th>类型</th>"
                   "<th>版本</th><th>记录数</th><th>定义单位</th><th>更新时间/人</th><th>操作</th></tr></thead><tbody>\n"));
  for(int i=0; i<n; i++){
    const KindDefRow *p = &a[i];
    outf(r, "<tr><td><a href=\"/k/%s\">%s</a><div class=\"help\"><code>%s</code></div></td><td>%s</td><td>%s</td>"
            "<td>第%d版</td><td>%lld</td><td>%s</td><td>%s<div class=\"help\">%s</div></td><td class=\"ops\">",
         p->zName, p->zLabel, p->zName, p->zGroup, p->zShapeLabel ? p->zShapeLabel : shape_label(p->zShape), p->iVersion,
         (long long)p->nRecords, p->zOwner ? p->zOwner : "", p->zAt ? p->zAt : "", p->zBy ? p->zBy : "");
    /* 修改 where kinddef_save would take it: an admin at or above the owner unit */
    const Kind *k = kind_find(p->zName);
    const char *zMine = r->actor.zDeptPath ? r->actor.zDeptPath : "/";
    if( k && k->zOwnerPath && strncmp(k->zOwnerPath, zMine, strlen(zMine))==0 ){
      outf(r, "<a class=\"btn link\" href=\"/admin/kinds/%s/edit\">修改</a>", p->zName);
    }
    outf(r, "<a class=\"btn link\" href=\"/admin/kinds/%s/versions\">历史版本</a>"
            "<a class=\"btn link\" href=\"/admin/kinds/%s/export\">导出JSON</a></td></tr>\n", p->zName, p->zName);
  }
  out_html(r, HTML("</tbody></table></div>\n"));
  builtin_list(r);
  web_end(r);
}

/* ---- the form ---------------------------------------------------------- */

static void opt(Req *r, const char *zValue, const char *zLabel, const char *zSel){
  outf(r, "<option value=\"%s\"%s>%s</option>", zValue, zSel && strcmp(zSel, zValue)==0 ? " selected" : "", zLabel);
}

/* A cell with its input's error under it; returns the error. */
static const char *cell_open(Req *r, const char *zName, const char *zHead){
  const char *zErr = kf_err(r, zName);
  outf(r, "<td data-l=\"%s\" class=\"%s\">", zHead, zErr ? "has-error" : "");
  return zErr;
}
static void cell_close(Req *r, const char *zErr){
  if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
  out_html(r, HTML("</td>"));
}

static void text_cell(Req *r, const char *zName, const char *zHead, const char *zValue, const char *zExtra){
  const char *zErr = cell_open(r, zName, zHead);
  outf(r, "<input name=\"%s\" value=\"%s\" aria-label=\"%s\" aria-invalid=\"%s\" class=\"%s\">",
       zName, zValue ? zValue : "", zHead, zErr ? "true" : "false", zExtra ? zExtra : "");
  cell_close(r, zErr);
}

static void check_cell(Req *r, const char *zName, const char *zHead, int bOn){
  outf(r, "<td data-l=\"%s\" class=\"c\"><input type=\"checkbox\" name=\"%s\" value=\"1\" aria-label=\"%s\"%s></td>",
       zHead, zName, zHead, bOn ? " checked" : "");
}

static void field_row(Req *r, const KfField *f, int bEdit){
  int i = f->iRow;
  const char *zErr;
  const char *zP = arena_printf(&r->arena, "f%d_", i);
#define NM(COL) arena_printf(&r->arena, "%s%s", zP, COL)
  outf(r, "<tr class=\"%s\">", f->bOld ? "old" : "");
  if( f->bOld ){
    outf(r, "<td data-l=\"标识\"><code>%s</code><input type=\"hidden\" name=\"%s\" value=\"%s\">"
            "<input type=\"hidden\" name=\"%s\" value=\"1\"></td>", f->zId, NM("id"), f->zId, NM("old"));
  }else{
    text_cell(r, NM("id"), "标识", f->zId, "kf-id");
  }
  text_cell(r, NM("label"), "名称", f->zLabel, "kf-label");
  zErr = cell_open(r, NM("type"), "类型");
  if( f->bOld ){
    outf(r, "%s<input type=\"hidden\" name=\"%s\" value=\"%s\">", kindform_type_label(f->zType), NM("type"), f->zType);
  }else{
    outf(r, "<select name=\"%s\" aria-label=\"类型\">", NM("type"));
    for(int k=0; kindform_aType[k].zValue; k++) opt(r, kindform_aType[k].zValue, kindform_aType[k].zLabel, f->zType);
    out_html(r, HTML("</select>"));
  }
  cell_close(r, zErr);
  zErr = cell_open(r, NM("enum"), "选项");
  outf(r, "<textarea name=\"%s\" rows=\"2\" aria-label=\"选项（类型为选项时）\" placeholder=\"一行一个\" aria-invalid=\"%s\">%s</textarea>",
       NM("enum"), zErr ? "true" : "false", f->zEnum);
  cell_close(r, zErr);
  zErr = cell_open(r, NM("ref"), "引用台账");
  outf(r, "<select name=\"%s\" aria-label=\"引用的台账（类型为引用时）\"><option value=\"\">—</option>", NM("ref"));
  const Kind *aK[256];
  int nK = kinds_in_order(aK, 256);
  for(int k=0; k<nK; k++){
    if( !kind_visible(aK[k], &r->actor) ) continue;
    opt(r, aK[k]->zName, aK[k]->zLabel, f->zRef);
  }
  out_html(r, HTML("</select>"));
  cell_close(r, zErr);
  check_cell(r, NM("req"), "必填", f->bReq);
  check_cell(r, NM("list"), "列表列", f->bList);
  check_cell(r, NM("filter"), "筛选", f->bFilter);
  check_cell(r, NM("pub"), "公开", f->bPublic);
  text_cell(r, NM("help"), "说明", f->zHelp, "kf-help");
  if( bEdit ){
    if( f->bOld ){
      outf(r, "<td data-l=\"不再使用\" class=\"c\"><input type=\"checkbox\" name=\"%s\" value=\"1\" aria-label=\"不再使用（隐藏，数据保留）\"%s></td>",
           NM("drop"), f->bDrop ? " checked" : "");
    }else{
      out_html(r, HTML("<td data-l=\"不再使用\" class=\"c\"></td>"));
    }
  }
#undef NM
  out_html(r, HTML("</tr>\n"));
}

static void fields_table(Req *r, const KindForm *p, const char *zTitle){
  outf(r, "<section class=\"panel kf-part\" id=\"fields\"><h2>%s</h2>", zTitle);
  out_html(r, HTML("<p class=\"help\">每条记录都有“所属部门”，不必再加。标识用小写英文字母、数字和下划线（如 fee），留空则自动生成；"
                   "保存后标识和类型不能再改，名称、选项和其他设置可以改。类型为“选项”时在“选项”中一行写一个，如“notary 办证”或只写“办证”；"
                   "类型为“引用其他台账”时选择引用的台账。</p>"));
  out_html(r, HTML("<div class=\"table-scroll\"><table class=\"list kf\" id=\"kf-fields\" data-prefix=\"f\" data-count=\"nf\"><thead><tr>"
                   "<th>标识</th><th>名称</th><th>类型</th><th>选项</th><th>引用台账</th><th>必填</th><th>列表列</th><th>筛选</th>"
                   "<th>公开</th><th>说明</th>"));
  if( p->bEdit ) out_html(r, HTML("<th>不再使用</th>"));
  out_html(r, HTML("</tr></thead><tbody>\n"));
  for(int i=0; i<p->nField; i++) field_row(r, &p->aField[i], p->bEdit);
  out_html(r, HTML("</tbody></table></div>"));
  if( p->bEdit ) out_html(r, HTML("<p class=\"help\">最后一列“不再使用”：勾选的字段从表单、列表和导入模板中隐藏，已录入的数据保留在数据库中，不会删除。</p>"));
  out_html(r, HTML("<div class=\"toolbar\"><button type=\"button\" class=\"btn kf-add\" data-table=\"kf-fields\" hidden>添加一行</button>"
                   "<button type=\"submit\" name=\"more\" value=\"f\" class=\"btn\">再加5行</button></div></section>\n"));
}

static void ind_row(Req *r, const KindForm *p, const KfInd *x, const KfChoice *aCond, int nCond){
  static const KfChoice aAgg[] = {
    { "count", "计数（条数）" }, { "sum", "合计（字段求和）" }, { "distinct", "不同值的个数" },
    { "rate", "比率（%）" }, { "average", "平均值" }, { 0, 0 }
  };
  const char *zP = arena_printf(&r->arena, "i%d_", x->iRow), *zErr;
#define NM(COL) arena_printf(&r->arena, "%s%s", zP, COL)
  out_html(r, HTML("<tr>"));
  text_cell(r, NM("id"), "标识", x->zId, "kf-id");
  text_cell(r, NM("label"), "名称", x->zLabel, "kf-label");
  zErr = cell_open(r, NM("agg"), "统计方式");
  outf(r, "<select name=\"%s\" aria-label=\"统计方式\">", NM("agg"));
  for(int k=0; aAgg[k].zValue; k++) opt(r, aAgg[k].zValue, aAgg[k].zLabel, x->zAgg);
  out_html(r, HTML("</select>"));
  cell_close(r, zErr);
  zErr = cell_open(r, NM("field"), "字段");
  outf(r, "<select name=\"%s\" aria-label=\"统计的字段\"><option value=\"\">—</option>", NM("field"));
  int bFound = x->zField[0]==0;
  for(int i=0; i<p->nField; i++){
    const KfField *f = &p->aField[i];
    if( f->zId[0]==0 || f->bDrop ) continue;
    bFound |= strcmp(f->zId, x->zField)==0;
    opt(r, f->zId, arena_printf(&r->arena, "%s（%s）", f->zLabel[0] ? f->zLabel : f->zId, kindform_type_label(f->zType)), x->zField);
  }
  if( !bFound ) opt(r, x->zField, x->zField, x->zField);
  out_html(r, HTML("</select>"));
  cell_close(r, zErr);
  zErr = cell_open(r, NM("cond"), "条件");
  outf(r, "<select name=\"%s\" aria-label=\"统计哪些记录\"><option value=\"\">全部记录</option>", NM("cond"));
  bFound = x->zCond[0]==0;
  for(int k=0; k<nCond; k++){ bFound |= strcmp(aCond[k].zValue, x->zCond)==0; opt(r, aCond[k].zValue, aCond[k].zLabel, x->zCond); }
  if( !bFound ) opt(r, x->zCond, x->zCond, x->zCond);
  out_html(r, HTML("</select>"));
  cell_close(r, zErr);
  zErr = cell_open(r, NM("den"), "分母（比率）");
  outf(r, "<select name=\"%s\" aria-label=\"比率的分母\">", NM("den"));
  opt(r, "count", "全部记录数", x->zDen);
  bFound = x->zDen[0]==0 || strcmp(x->zDen, "count")==0;
  for(int k=0; k<nCond; k++){
    const char *zV = arena_printf(&r->arena, "count:%s", aCond[k].zValue);
    bFound |= strcmp(zV, x->zDen)==0;
    opt(r, zV, arena_printf(&r->arena, "记录数：%s", aCond[k].zLabel), x->zDen);
  }
  for(int i=0; i<p->nField; i++){
    const KfField *f = &p->aField[i];
    if( f->zId[0]==0 || f->bDrop || (strcmp(f->zType, "int")!=0 && strcmp(f->zType, "money")!=0) ) continue;
    const char *zV = arena_printf(&r->arena, "sum:%s", f->zId);
    bFound |= strcmp(zV, x->zDen)==0;
    opt(r, zV, arena_printf(&r->arena, "合计：%s", f->zLabel[0] ? f->zLabel : f->zId), x->zDen);
  }
  if( !bFound ) opt(r, x->zDen, x->zDen, x->zDen);
  out_html(r, HTML("</select>"));
  cell_close(r, zErr);
  zErr = cell_open(r, NM("unit"), "单位");
  outf(r, "<select name=\"%s\" aria-label=\"单位\">", NM("unit"));
  bFound = 0;
  for(int k=0; kindform_azUnit[k]; k++){ bFound |= strcmp(kindform_azUnit[k], x->zUnit)==0; opt(r, kindform_azUnit[k], kindform_azUnit[k], x->zUnit); }
  opt(r, "%", "%（比率）", x->zUnit);
  bFound |= strcmp(x->zUnit, "%")==0;
  if( !bFound && x->zUnit[0] ) opt(r, x->zUnit, x->zUnit, x->zUnit);
  out_html(r, HTML("</select>"));
  cell_close(r, zErr);
  text_cell(r, NM("dec"), "小数位", x->zDecimals, "kf-num");
  text_cell(r, NM("target"), "目标值", x->zTarget, "kf-num");
#undef NM
  out_html(r, HTML("</tr>\n"));
}

static void inds_table(Req *r, const KindForm *p, const char *zTitle){
  KfChoice *aCond = 0;
  int nCond = kindform_conditions(&r->ctx, p, &aCond);
  outf(r, "<section class=\"panel kf-part\" id=\"indicators\"><h2>%s</h2>", zTitle);
  out_html(r, HTML("<p class=\"help\">指标在工作台、分单位情况和年度报告中显示。计数统计符合条件的记录条数；合计、平均值统计所选字段（整数或金额）；"
                   "比率为符合条件的记录数（选了字段则为其合计）除以分母。条件和字段的选项来自上面的字段，新加的字段点“刷新选项”后出现。"
                   "小数位留空时计数为0位、比率和平均值为1位。</p>"
                   "<div class=\"table-scroll\"><table class=\"list kf\" id=\"kf-inds\" data-prefix=\"i\" data-count=\"ni\"><thead><tr>"
                   "<th>标识</th><th>名称</th><th>统计方式</th><th>字段</th><th>条件</th><th>分母（比率）</th><th>单位</th>"
                   "<th>小数位</th><th>目标值</th></tr></thead><tbody>\n"));
  for(int i=0; i<p->nInd; i++) ind_row(r, p, &p->aInd[i], aCond, nCond);
  out_html(r, HTML("</tbody></table></div><div class=\"toolbar\">"
                   "<button type=\"button\" class=\"btn kf-add\" data-table=\"kf-inds\" hidden>添加一行</button>"
                   "<button type=\"submit\" name=\"more\" value=\"i\" class=\"btn\">再加5行</button>"
                   "<button type=\"submit\" name=\"more\" value=\"0\" class=\"btn\">刷新选项</button></div></section>\n"));
}

/* A select of zName with the choices a (and "—" first unless bNoEmpty),
** keeping a stored value the choices lack. */
static void choice_select(Req *r, const char *zName, const char *zAria, const KfChoice *a, int n, const char *zSel, int bNoEmpty){
  outf(r, "<select name=\"%s\" aria-label=\"%s\">", zName, zAria);
  if( !bNoEmpty ) out_html(r, HTML("<option value=\"\">—</option>"));
  int bFound = zSel==0 || zSel[0]==0;
  for(int i=0; i<n; i++){ bFound |= strcmp(a[i].zValue, zSel)==0; opt(r, a[i].zValue, a[i].zLabel, zSel); }
  if( !bFound ) opt(r, zSel, zSel, zSel);
  out_html(r, HTML("</select>"));
}

/* A table cell holding one choice_select, with its column head (the phone's
** card label) and the error beside it. */
static void choice_cell(Req *r, const char *zName, const char *zHead, const char *zAria,
                        const KfChoice *a, int n, const char *zSel, int bNoEmpty){
  const char *zErr = cell_open(r, zName, zHead);
  choice_select(r, zName, zAria, a, n, zSel, bNoEmpty);
  cell_close(r, zErr);
}

/* 办理流程 (案件 only): states, transitions, deadlines. */
static void flow_part(Req *r, const KindForm *p){
  static const KfChoice aRoles[] = { { "admin,clerk", "管理员和经办人" }, { "admin", "仅管理员" } };
  static const KfChoice aUnit[] = { { "days", "日" }, { "workdays", "工作日" }, { "months", "月" } };
  KfChoice *aState = 0, *aDate = 0;
  int nState = kindform_states(&r->ctx, p, &aState), nDate = kindform_date_fields(&r->ctx, p, &aDate);
  int bErr = 0;
  for(int e=0; e<r->ctx.err.n && !bErr; e++){
    const char *z = r->ctx.err.a[e].zField;
    bErr = z && (z[0]=='t' || z[0]=='r' || z[0]=='d') && z[1]>='0' && z[1]<='9';
  }
  outf(r, "<details class=\"panel kf-part\" id=\"flow\"%s><summary><h2>办理流程（类型为案件时）</h2></summary>",
       strcmp(p->zShape, "case")==0 || bErr ? " open" : "");
  outf(r, "<input type=\"hidden\" name=\"nst\" value=\"%d\"><input type=\"hidden\" name=\"ntr\" value=\"%d\">"
          "<input type=\"hidden\" name=\"ndl\" value=\"%d\">", p->nState, p->nTrans, p->nDeadline);
  out_html(r, HTML("<p class=\"help\">案件按状态办理：新登记的案件处于第一个状态，经办人点“流转”的按钮进入下一状态，可同时把今天登记在一个日期字段中。"
                   "都不填时为“办理中”“已办结”两个状态和“办结”一个流转。法定期限从起算日期算起（起算日不计入），办结日期填写即为办结，"
                   "以日计的期限届满日为法定休假日的顺延。状态、日期字段的选项点“刷新选项”后更新。</p>"
                   "<h3>状态</h3><div class=\"table-scroll\"><table class=\"list kf\" id=\"kf-states\" data-prefix=\"t\" data-count=\"nst\">"
                   "<thead><tr><th>标识</th><th>名称</th><th>办结状态</th></tr></thead><tbody>"));
  for(int i=0; i<p->nState; i++){
    const KfState *x = &p->aState[i];
    const char *zP = arena_printf(&r->arena, "t%d_", x->iRow);
    out_html(r, HTML("<tr>"));
    text_cell(r, arena_printf(&r->arena, "%sid", zP), "标识", x->zId, "kf-id");
    text_cell(r, arena_printf(&r->arena, "%slabel", zP), "名称", x->zLabel, "kf-label");
    check_cell(r, arena_printf(&r->arena, "%sfinal", zP), "办结状态", x->bFinal);
    out_html(r, HTML("</tr>"));
  }
  out_html(r, HTML("</tbody></table></div><div class=\"toolbar\"><button type=\"button\" class=\"btn kf-add\" data-table=\"kf-states\" hidden>添加一行</button>"
                   "<button type=\"submit\" name=\"more\" value=\"t\" class=\"btn\">再加2行</button></div>"
                   "<h3>流转</h3><div class=\"table-scroll\"><table class=\"list kf\" id=\"kf-trans\" data-prefix=\"r\" data-count=\"ntr\">"
                   "<thead><tr><th>标识</th><th>按钮名称</th><th>从（状态）</th><th>到（状态）</th><th>登记日期的字段</th><th>谁可以操作</th></tr></thead><tbody>"));
  for(int i=0; i<p->nTrans; i++){
    const KfTrans *x = &p->aTrans[i];
    const char *zP = arena_printf(&r->arena, "r%d_", x->iRow);
#define NM(COL) arena_printf(&r->arena, "%s%s", zP, COL)
    out_html(r, HTML("<tr>"));
    text_cell(r, NM("id"), "标识", x->zId, "kf-id");
    text_cell(r, NM("label"), "按钮名称", x->zLabel, "kf-label");
    choice_cell(r, NM("from"), "从（状态）", "从哪个状态", aState, nState, x->zFrom, 0);
    choice_cell(r, NM("to"), "到（状态）", "到哪个状态", aState, nState, x->zTo, 0);
    choice_cell(r, NM("stamp"), "登记日期的字段", "流转时把今天登记在", aDate, nDate, x->zStamp, 0);
    choice_cell(r, NM("roles"), "谁可以操作", "谁可以操作", aRoles, 2, x->zRoles, 1);
#undef NM
    out_html(r, HTML("</tr>"));
  }
  out_html(r, HTML("</tbody></table></div><div class=\"toolbar\"><button type=\"button\" class=\"btn kf-add\" data-table=\"kf-trans\" hidden>添加一行</button>"
                   "<button type=\"submit\" name=\"more\" value=\"r\" class=\"btn\">再加2行</button></div>"
                   "<h3>法定期限</h3><div class=\"table-scroll\"><table class=\"list kf\" id=\"kf-deadlines\" data-prefix=\"d\" data-count=\"ndl\">"
                   "<thead><tr><th>标识</th><th>名称</th><th>起算日期</th><th>期限</th><th>单位</th><th>办结日期</th><th>法律依据</th></tr></thead><tbody>"));
  for(int i=0; i<p->nDeadline; i++){
    const KfDeadline *x = &p->aDeadline[i];
    const char *zP = arena_printf(&r->arena, "d%d_", x->iRow);
#define NM(COL) arena_printf(&r->arena, "%s%s", zP, COL)
    out_html(r, HTML("<tr>"));
    text_cell(r, NM("id"), "标识", x->zId, "kf-id");
    text_cell(r, NM("label"), "名称", x->zLabel, "kf-label");
    choice_cell(r, NM("start"), "起算日期", "期限从哪个日期起算", aDate, nDate, x->zStart, 0);
    text_cell(r, NM("len"), "期限", x->zLength, "kf-num");
    choice_cell(r, NM("unit"), "单位", "期限的单位", aUnit, 3, x->zUnit, 1);
    choice_cell(r, NM("done"), "办结日期", "填写即办结的日期", aDate, nDate, x->zDone, 0);
    text_cell(r, NM("basis"), "法律依据", x->zBasis, "kf-help");
#undef NM
    out_html(r, HTML("</tr>"));
  }
  out_html(r, HTML("</tbody></table></div><div class=\"toolbar\"><button type=\"button\" class=\"btn kf-add\" data-table=\"kf-deadlines\" hidden>添加一行</button>"
                   "<button type=\"submit\" name=\"more\" value=\"d\" class=\"btn\">再加2行</button></div></details>\n"));
}

static void report_part(Req *r, const KindForm *p){
  const char *azSec[64];
  int nSec = kindform_sections(azSec, 64);
  out_html(r, HTML("<section class=\"panel kf-part\" id=\"report\"><h2>年度报告</h2>"
                   "<p class=\"help\">年度报告“一、”部分中写入本台账的一段话。句子中要写入数字的地方写「指标名称」（用直角引号），"
                   "如：全年办理公证「办证件数」件，减免公证费「减免金额」元。「指标名称（同比）」写与上年相比的增减，「年度」写报告年度。"
                   "第一个数字为0的句子不写入报告；方括号[ ]中的部分在其中的数字为0时省略。</p><div class=\"record kf-basic\">"));
  const char *zErr = kf_err(r, "sec");
  outf(r, "<div class=\"field%s\"><label for=\"k-sec\">报告章节</label><select id=\"k-sec\" name=\"sec\" aria-invalid=\"%s\">"
          "<option value=\"\">不写入年度报告</option>", zErr ? " has-error" : "", zErr ? "true" : "false");
  int bFound = p->zSection[0]==0;
  for(int i=0; i<nSec; i++){ bFound |= strcmp(azSec[i], p->zSection)==0; opt(r, azSec[i], azSec[i], p->zSection); }
  if( !bFound ) opt(r, p->zSection, p->zSection, p->zSection);
  out_html(r, HTML("</select>"));
  if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
  out_html(r, HTML("</div>"));
  zErr = kf_err(r, "intro");
  outf(r, "<div class=\"field%s\"><label for=\"k-intro\">导语（段落的第一句，可不填）</label>"
          "<input id=\"k-intro\" name=\"intro\" value=\"%s\" aria-invalid=\"%s\">",
       zErr ? " has-error" : "", p->zIntro, zErr ? "true" : "false");
  if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
  out_html(r, HTML("</div></div>"));
  /* the markers the sentences may use */
  Buf b;
  buf_init(&b);
  for(int i=0; i<p->nInd; i++){
    if( p->aInd[i].zLabel[0]==0 ) continue;
    buf_puts(&b, "「"); buf_puts(&b, p->aInd[i].zLabel); buf_puts(&b, "」");
  }
  outf(r, "<p class=\"help\">可以写入的数字：%s「年度」</p>", b.n ? buf_cstr(&b) : "");
  buf_free(&b);
  int nShow = 3;
  for(int i=0; i<KF_SENTENCES; i++) if( p->azSentence[i][0] && i+2>nShow ) nShow = i+2;
  if( nShow>KF_SENTENCES ) nShow = KF_SENTENCES;
  out_html(r, HTML("<ol class=\"kf-sentences\">"));
  for(int i=0; i<nShow; i++){
    const char *zName = arena_printf(&r->arena, "s%d", i+1);
    zErr = kf_err(r, zName);
    outf(r, "<li class=\"field%s\"><label for=\"k-%s\">第%d句</label><textarea id=\"k-%s\" name=\"%s\" rows=\"2\" aria-invalid=\"%s\">%s</textarea>",
         zErr ? " has-error" : "", zName, i+1, zName, zName, zErr ? "true" : "false", p->azSentence[i]);
    outf(r, "<select class=\"kf-ins\" data-for=\"k-%s\" aria-label=\"在第%d句的光标处插入数字\" hidden><option value=\"\">插入数字…</option>", zName, i+1);
    for(int k=0; k<p->nInd; k++){
      if( p->aInd[k].zLabel[0] ) outf(r, "<option>%s</option>", p->aInd[k].zLabel);
    }
    out_html(r, HTML("<option>年度</option></select>"));
    if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
    out_html(r, HTML("</li>"));
  }
  out_html(r, HTML("</ol></section>\n"));
}

static void basic_part(Req *r, const KindForm *p){
  static const KfChoice aShape[] = {
    { "activity", "活动（按日期统计的事项，如普法活动）" }, { "register", "名册（在册的对象，如调解组织）" },
    { "case", "案件（有办理状态：办理中、已办结）" }, { 0, 0 }
  };
  const char *zErr;
  out_html(r, HTML("<section class=\"panel kf-part\" id=\"basic\"><h2>基本信息</h2><div class=\"record kf-basic\">"));
  zErr = kf_err(r, "id");
  if( p->bEdit ){
    outf(r, "<div class=\"field\"><label>标识</label><div><code>%s</code>（地址 /k/%s，不能修改）</div></div>", p->zId, p->zId);
  }else{
    outf(r, "<div class=\"field%s\"><label for=\"k-id\">标识<em>*</em></label>"
            "<input id=\"k-id\" name=\"id\" value=\"%s\" autocomplete=\"off\" aria-invalid=\"%s\" placeholder=\"如 notary\">",
         zErr ? " has-error" : "", p->zId, zErr ? "true" : "false");
    if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
    else out_html(r, HTML("<div class=\"help\">小写英文字母、数字和下划线，用作数据表和网址的名称，保存后不能修改</div>"));
    out_html(r, HTML("</div>"));
  }
  zErr = kf_err(r, "label");
  outf(r, "<div class=\"field%s\"><label for=\"k-label\">名称<em>*</em></label>"
          "<input id=\"k-label\" name=\"label\" value=\"%s\" aria-invalid=\"%s\" placeholder=\"如 公证\">",
       zErr ? " has-error" : "", p->zLabel, zErr ? "true" : "false");
  if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
  out_html(r, HTML("</div>"));
  zErr = kf_err(r, "group");
  outf(r, "<div class=\"field%s\"><label for=\"k-group\">菜单分组</label>"
          "<input id=\"k-group\" name=\"group\" value=\"%s\" list=\"k-groups\" aria-invalid=\"%s\">",
       zErr ? " has-error" : "", p->zGroup, zErr ? "true" : "false");
  out_html(r, HTML("<datalist id=\"k-groups\">"));
  const Kind *aK[256];
  int nK = kinds_in_order(aK, 256);
  for(int i=0; i<nK; i++){
    int bSeen = 0;
    for(int j=0; j<i && !bSeen; j++) bSeen = strcmp(aK[j]->zGroup, aK[i]->zGroup)==0;
    if( !bSeen ) outf(r, "<option value=\"%s\">", aK[i]->zGroup);
  }
  out_html(r, HTML("</datalist>"));
  if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
  else out_html(r, HTML("<div class=\"help\">左侧菜单中的分组，可选已有的，也可写新的（不超过12个字）；不填则为“自定义台账”</div>"));
  out_html(r, HTML("</div>"));
  zErr = kf_err(r, "shape");
  outf(r, "<div class=\"field%s\"><label for=\"k-shape\">类型<em>*</em></label><select id=\"k-shape\" name=\"shape\" aria-invalid=\"%s\">",
       zErr ? " has-error" : "", zErr ? "true" : "false");
  for(int i=0; aShape[i].zValue; i++) opt(r, aShape[i].zValue, aShape[i].zLabel, p->zShape);
  out_html(r, HTML("</select>"));
  if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
  out_html(r, HTML("</div>"));
  outf(r, "<div class=\"field\"><label class=\"check\"><input type=\"checkbox\" name=\"public\" value=\"1\"%s> 向公众公开"
          "（未登录的访问者可查看勾选了“公开”的字段）</label></div>", p->bPublic ? " checked" : "");
  KfChoice *aDate = 0;
  int nDate = kindform_date_fields(&r->ctx, p, &aDate);
  static const char *const azInf[2][3] = { { "inf_from", "在册起始日期（名册）", "如 聘任日期、成立日期" },
                                           { "inf_to", "在册终止日期（名册）", "如 解聘日期、撤销日期；未填的记录一直在册" } };
  for(int k=0; k<2; k++){
    const char *zSel = k ? p->zInfTo : p->zInfFrom;
    zErr = kf_err(r, azInf[k][0]);
    outf(r, "<div class=\"field%s\"><label for=\"k-%s\">%s</label><select id=\"k-%s\" name=\"%s\" aria-invalid=\"%s\">"
            "<option value=\"\">—</option>", zErr ? " has-error" : "", azInf[k][0], azInf[k][1], azInf[k][0], azInf[k][0], zErr ? "true" : "false");
    int bFound = zSel==0 || zSel[0]==0;
    for(int i=0; i<nDate; i++){ bFound |= strcmp(aDate[i].zValue, zSel)==0; opt(r, aDate[i].zValue, aDate[i].zLabel, zSel); }
    if( !bFound ) opt(r, zSel, zSel, zSel);
    out_html(r, HTML("</select>"));
    if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
    else outf(r, "<div class=\"help\">名册按某日在册的记录统计：%s。选项来自下面的日期字段</div>", azInf[k][2]);
    out_html(r, HTML("</div>"));
  }
  zErr = kf_err(r, "about");
  outf(r, "<div class=\"field wide%s\"><label for=\"k-about\">说明（显示在台账列表上方，可不填）</label>"
          "<textarea id=\"k-about\" name=\"about\" rows=\"2\" aria-invalid=\"%s\">%s</textarea>",
       zErr ? " has-error" : "", zErr ? "true" : "false", p->zAbout ? p->zAbout : "");
  if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
  out_html(r, HTML("</div>"));
  out_html(r, HTML("</div></section>\n"));
}

void web_kind_form(Req *r, const KindForm *p){
  web_begin(r, p->bEdit ? arena_printf(&r->arena, "修改台账：%s", p->zLabel) : "新增自定义台账", 0);
  if( r->ctx.err.n ){
    outf(r, "<div class=\"notice bad\" role=\"alert\"><p>共%d处需要修改，尚未保存：</p><ol class=\"errors\">", r->ctx.err.n);
    for(int e=0; e<r->ctx.err.n; e++) outf(r, "<li>%s</li>", r->ctx.err.a[e].zMsg);
    out_html(r, HTML("</ol></div>"));
  }
  if( p->nChange>=0 ){
    out_html(r, HTML("<div class=\"notice trace\" role=\"status\" id=\"preview\"><p>保存后将有以下改动（尚未保存）：</p><ul class=\"kf-changes\">"));
    for(int i=0; i<p->nChange; i++) outf(r, "<li>%s</li>", p->azChange[i]);
    if( p->nChange==0 ) out_html(r, HTML("<li>与现行版本相同，没有改动</li>"));
    out_html(r, HTML("</ul></div>"));
  }
  if( p->bEdit ){
    const Kind *k = kind_find(p->zId);
    const char *zMine = r->actor.zDeptPath ? r->actor.zDeptPath : "/";
    if( k && k->zOwnerPath && strncmp(k->zOwnerPath, zMine, strlen(zMine))!=0 ){
      out_html(r, HTML("<div class=\"notice bad\" role=\"alert\">这个台账由上级单位定义，本页只供查看；只有定义它的单位的管理员可以修改。</div>"));
    }
    outf(r, "<div class=\"notice\" role=\"note\">保存后成为第%d版，历次版本都可在“历史版本”中查看和导出。修改不会丢失已录入的数据："
            "不再使用的字段只是隐藏，数据保留；改名称不改标识，已有记录不受影响；新设为必填的字段只对新增和修改的记录适用。</div>",
         k ? k->iVersion+1 : 2);
    outf(r, "<form method=\"post\" action=\"/admin/kinds/%s/edit\" class=\"kf-form\" novalidate>", p->zId);
    outf(r, "<input type=\"hidden\" name=\"ver\" value=\"%d\">", k ? k->iVersion : 0);
  }else{
    out_html(r, HTML("<form method=\"post\" action=\"/admin/kinds/new\" class=\"kf-form\" novalidate>"));
  }
  web_csrf_field(r);
  /* Enter in a text box saves, not "再加5行": the first submit button of the form is the default */
  out_html(r, HTML("<button type=\"submit\" class=\"sr\" tabindex=\"-1\" aria-hidden=\"true\">保存</button>"));
  outf(r, "<input type=\"hidden\" name=\"nf\" value=\"%d\"><input type=\"hidden\" name=\"ni\" value=\"%d\">", p->nField, p->nInd);
  basic_part(r, p);
  fields_table(r, p, "字段");
  inds_table(r, p, "统计指标");
  flow_part(r, p);
  report_part(r, p);
  out_html(r, HTML("<div class=\"actions kf-actions\"><button type=\"submit\" class=\"btn primary\">保 存</button>"
                   "<button type=\"submit\" name=\"preview\" value=\"1\" class=\"btn\">预览改动</button>"
                   "<a class=\"btn\" href=\"/admin/kinds\">取 消</a></div></form>"));
  web_end(r);
}

/* ---- versions and the file ---------------------------------------------- */

void web_kind_versions(Req *r, const Kind *k, const KfVersion *a, int n){
  web_begin(r, arena_printf(&r->arena, "历史版本：%s", k->zLabel), 0);
  if( req_param(r, "msg") && strcmp(req_param(r, "msg"), "kind_saved")==0 && n>0 ){
    outf(r, "<div class=\"notice ok\" role=\"status\">已保存为第%d版。", a[0].pRow->iVersion);
    outf(r, "<a href=\"/k/%s\">打开“%s”台账</a></div>", k->zName, k->zLabel);
  }
  outf(r, "<div class=\"toolbar\"><a class=\"btn primary\" href=\"/admin/kinds/%s/edit\">修改</a>"
          "<a class=\"btn\" href=\"/k/%s\">打开台账</a><a class=\"btn\" href=\"/admin/kinds\">返回自定义台账</a></div>",
       k->zName, k->zName);
  for(int i=0; i<n; i++){
    const KfVersion *v = &a[i];
    outf(r, "<section class=\"panel kf-version\" id=\"v%d\"><h2>第%d版%s</h2><p class=\"help\">%s 由 %s 保存</p>",
         v->pRow->iVersion, v->pRow->iVersion, i==0 ? "（现行）" : "", v->pRow->zAt ? v->pRow->zAt : "", v->pRow->zBy ? v->pRow->zBy : "");
    if( v->nChange ){
      out_html(r, HTML("<ul class=\"kf-changes\">"));
      for(int j=0; j<v->nChange; j++) outf(r, "<li>%s</li>", v->azChange[j]);
      out_html(r, HTML("</ul>"));
    }else{
      out_html(r, HTML("<p class=\"help\">与上一版相同。</p>"));
    }
    outf(r, "<details><summary>定义（JSON）</summary><pre class=\"kf-json\">%s</pre></details>"
            "<p><a class=\"btn\" href=\"/admin/kinds/%s/export?version=%d\">导出第%d版（JSON）</a></p></section>",
         v->zJson, k->zName, v->pRow->iVersion, v->pRow->iVersion);
  }
  web_end(r);
}

void web_kind_json(Req *r, const Kind *k, int iVersion, const char *zJson){
  r->zContentType = "application/json; charset=utf-8";
  req_header(r, "Content-Disposition", arena_printf(&r->arena, "attachment; filename=\"%s-v%d.json\"", k->zName, iVersion));
  buf_puts(&r->out, zJson);
  if( zJson[0] && zJson[strlen(zJson)-1]!='\n' ) buf_putc(&r->out, '\n');
}

/* ---- 内置台账的扩展 (/admin/kinds/KIND/extend) ------------------------------ */

/* 新增选项: rows of (the built-in's enum field, id, name); the values an
** earlier version added are shown fixed (they stay: records may hold them). */
static void ext_enum_part(Req *r, const ExtForm *p){
  const Kind *b = kind_builtin(p->pKind->zName);
  KfChoice aF[64];
  int nF = 0;
  for(const Field *f=b->aField; f->zName && nF<64; f++){
    if( f->eType==FT_ENUM && !(f->flags & F_AUTO) ){ aF[nF].zValue = f->zName; aF[nF].zLabel = f->zLabel; nF++; }
  }
  out_html(r, HTML("<section class=\"panel kf-part\" id=\"enum\"><h2>枚举值</h2>"));
  if( nF==0 ){
    out_html(r, HTML("<p class=\"help\">这个台账没有选项字段。</p></section>\n"));
    return;
  }
  out_html(r, HTML("<p class=\"help\">为内置的选项字段增加本县（区）使用的选项，如普法阵地增加“进广场”。标识用小写英文字母、数字和下划线，"
                   "留空则自动生成；标识和名称都不能与已有的选项重复。已保存的选项不能删除（已有记录可能使用它），名称可以修改。现有选项：</p><ul class=\"help\">"));
  for(int i=0; i<nF; i++){
    const Field *f = kind_field(p->pKind, aF[i].zValue);
    outf(r, "<li>%s：", f->zLabel);
    for(const EnumVal *e=f->aEnum; e->zId; e++) outf(r, "%s%s", e==f->aEnum ? "" : "、", e->zLabel);
    out_html(r, HTML("</li>"));
  }
  outf(r, "</ul><input type=\"hidden\" name=\"ne\" value=\"%d\">", p->nEnum);
  out_html(r, HTML("<div class=\"table-scroll\"><table class=\"list kf\" id=\"kf-enum\"><thead><tr><th>字段</th><th>标识</th><th>名称</th>"
                   "</tr></thead><tbody>\n"));
  for(int i=0; i<p->nEnum; i++){
    const ExtEnum *e = &p->aEnum[i];
    const char *zP = arena_printf(&r->arena, "e%d_", e->iRow);
#define NM(COL) arena_printf(&r->arena, "%s%s", zP, COL)
    outf(r, "<tr class=\"%s\">", e->bOld ? "old" : "");
    if( e->bOld ){
      const Field *f = kind_field(b, e->zField);
      outf(r, "<td data-l=\"字段\">%s<input type=\"hidden\" name=\"%s\" value=\"%s\"><input type=\"hidden\" name=\"%s\" value=\"1\"></td>"
              "<td data-l=\"标识\"><code>%s</code><input type=\"hidden\" name=\"%s\" value=\"%s\"></td>",
           f ? f->zLabel : e->zField, NM("field"), e->zField, NM("old"), e->zId, NM("id"), e->zId);
    }else{
      choice_cell(r, NM("field"), "字段", "为哪个选项字段增加", aF, nF, e->zField[0] ? e->zField : aF[0].zValue, 1);
      text_cell(r, NM("id"), "标识", e->zId, "kf-id");
    }
    text_cell(r, NM("label"), "名称", e->zLabel, "kf-label");
#undef NM
    out_html(r, HTML("</tr>\n"));
  }
  out_html(r, HTML("</tbody></table></div><div class=\"toolbar\">"
                   "<button type=\"submit\" name=\"more\" value=\"e\" class=\"btn\">再加3行</button></div></section>\n"));
}

/* 目标与小数位: the built-in's indicators, each with its target and decimals
** (its other inputs hidden: the sentences name them by their names). */
static void ext_target_part(Req *r, const ExtForm *p){
  out_html(r, HTML("<section class=\"panel kf-part\" id=\"targets\"><h2>目标与小数位</h2>"
                   "<p class=\"help\">内置指标的目标值（数字，如 100 或 95.5；比率指标低于目标的在工作台上标出）和小数位（0到4位，比率默认1位，"
                   "四舍五入）。留空目标值表示不设目标。数量指标是整数，没有小数位。</p>"
                   "<div class=\"table-scroll\"><table class=\"list kf\" id=\"kf-targets\"><thead><tr><th>指标</th><th>类型</th>"
                   "<th>小数位</th><th>目标值</th></tr></thead><tbody>\n"));
  for(int i=0; i<p->nIndBase && i<p->f.nInd; i++){
    const KfInd *x = &p->f.aInd[i];
    const char *zP = arena_printf(&r->arena, "i%d_", x->iRow);
#define NM(COL) arena_printf(&r->arena, "%s%s", zP, COL)
    outf(r, "<tr><td data-l=\"指标\">%s<input type=\"hidden\" name=\"%s\" value=\"%s\"><input type=\"hidden\" name=\"%s\" value=\"%s\">"
            "<input type=\"hidden\" name=\"%s\" value=\"%s\"></td><td data-l=\"类型\">%s</td>",
         x->zLabel, NM("id"), x->zId, NM("label"), x->zLabel, NM("agg"), x->zAgg,
         strcmp(x->zAgg, "rate")==0 ? "比率（%）" : strcmp(x->zAgg, "average")==0 ? "平均值" : "数量");
    text_cell(r, NM("dec"), "小数位", x->zDecimals, "kf-num");
    text_cell(r, NM("target"), "目标值", x->zTarget, "kf-num");
#undef NM
    out_html(r, HTML("</tr>\n"));
  }
  out_html(r, HTML("</tbody></table></div></section>\n"));
}

/* 报告语句: the sentences added after the built-in's paragraph. */
static void ext_sentence_part(Req *r, const ExtForm *p){
  const ReportText *t = kind_builtin(p->pKind->zName)->pReport;
  if( t==0 ){ report_part(r, &p->f); return; }
  out_html(r, HTML("<section class=\"panel kf-part\" id=\"report\"><h2>报告语句</h2>"));
  outf(r, "<p class=\"help\">写在年度报告“%s”部分本台账段落之后的句子。要写入数字的地方写「指标名称」（用直角引号），"
          "内置指标和上面新增的指标都可以用；「指标名称（同比）」写与上年相比的增减，「年度」写报告年度。"
          "第一个数字为0的句子不写入报告；方括号[ ]中的部分在其中的数字为0时省略。</p>", t->zSection);
  Buf b;
  buf_init(&b);
  for(int i=0; i<p->f.nInd; i++){
    if( p->f.aInd[i].zLabel[0]==0 ) continue;
    buf_puts(&b, "「"); buf_puts(&b, p->f.aInd[i].zLabel); buf_puts(&b, "」");
  }
  outf(r, "<p class=\"help\">可以写入的数字：%s「年度」</p>", b.n ? buf_cstr(&b) : "");
  buf_free(&b);
  int nOld = 0;
  while( nOld<10 && t->azSentence[nOld] ) nOld++;
  int nShow = 2, nMax = 10-nOld;
  for(int i=0; i<KF_SENTENCES; i++) if( p->f.azSentence[i][0] && i+2>nShow ) nShow = i+2;
  if( nShow>nMax ) nShow = nMax;
  out_html(r, HTML("<ol class=\"kf-sentences\">"));
  for(int i=0; i<nShow; i++){
    const char *zName = arena_printf(&r->arena, "s%d", i+1), *zErr = kf_err(r, zName);
    outf(r, "<li class=\"field%s\"><label for=\"k-%s\">新增第%d句</label><textarea id=\"k-%s\" name=\"%s\" rows=\"2\" aria-invalid=\"%s\">%s</textarea>",
         zErr ? " has-error" : "", zName, i+1, zName, zName, zErr ? "true" : "false", p->f.azSentence[i]);
    outf(r, "<select class=\"kf-ins\" data-for=\"k-%s\" aria-label=\"在第%d句的光标处插入数字\" hidden><option value=\"\">插入数字…</option>", zName, i+1);
    for(int k=0; k<p->f.nInd; k++) if( p->f.aInd[k].zLabel[0] ) outf(r, "<option>%s</option>", p->f.aInd[k].zLabel);
    out_html(r, HTML("<option>年度</option></select>"));
    if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
    out_html(r, HTML("</li>"));
  }
  out_html(r, HTML("</ol></section>\n"));
}

static void ext_versions(Req *r, const ExtForm *p){
  if( p->nVer<=0 ) return;
  out_html(r, HTML("<section class=\"panel kf-part\" id=\"versions\"><h2>历史版本</h2><div class=\"table-scroll\"><table class=\"list\">"
                   "<thead><tr><th>版本</th><th>保存时间</th><th>保存人</th></tr></thead><tbody>"));
  for(int i=0; i<p->nVer; i++){
    outf(r, "<tr><td data-l=\"版本\">第%d版%s</td><td data-l=\"保存时间\">%s</td><td data-l=\"保存人\">%s</td></tr>",
         p->aVer[i].iVersion, i==0 ? "（现行）" : "", p->aVer[i].zAt ? p->aVer[i].zAt : "", p->aVer[i].zBy ? p->aVer[i].zBy : "");
  }
  outf(r, "</tbody></table></div><p class=\"help\">现行扩展的定义（JSON，可用 <code>fazhi kind extend %s 文件</code> 在其他县导入）："
          "<a href=\"/api/v1/kinds/%s\">下载</a></p></section>\n", p->pKind->zName, p->pKind->zName);
}

void web_kind_extend(Req *r, const ExtForm *p){
  const Kind *k = p->pKind;
  web_begin(r, arena_printf(&r->arena, "扩展内置台账：%s", k->zLabel), 0);
  if( r->ctx.err.n ){
    outf(r, "<div class=\"notice bad\" role=\"alert\"><p>共%d处需要修改，尚未保存：</p><ol class=\"errors\">", r->ctx.err.n);
    for(int e=0; e<r->ctx.err.n; e++) outf(r, "<li>%s</li>", r->ctx.err.a[e].zMsg);
    out_html(r, HTML("</ol></div>"));
  }
  const char *zMine = r->actor.zDeptPath ? r->actor.zDeptPath : "/";
  if( k->pBase && strncmp(k->zExtOwnerPath, zMine, strlen(zMine))!=0 ){
    out_html(r, HTML("<div class=\"notice bad\" role=\"alert\">这个台账的扩展由上级单位保存，本页只供查看；只有该单位的管理员可以修改。</div>"));
  }
  outf(r, "<div class=\"notice\" role=\"note\">%s保存后成为第%d版并记入操作审计日志。修改不会丢失已录入的数据："
          "不再使用的字段只是隐藏，数据保留；新增的选项一经保存不能删除。内置的字段、选项和指标不能修改，只能增加。</div>",
       k->pBase ? arena_printf(&r->arena, "现行扩展为第%d版。", k->iVersion) : "这个台账还没有扩展。", p->iVersion+1);
  outf(r, "<form method=\"post\" action=\"/admin/kinds/%s/extend\" class=\"kf-form\" novalidate>", k->zName);
  outf(r, "<input type=\"hidden\" name=\"ver\" value=\"%d\">", p->iVersion);
  web_csrf_field(r);
  out_html(r, HTML("<button type=\"submit\" class=\"sr\" tabindex=\"-1\" aria-hidden=\"true\">保存</button>"));
  outf(r, "<input type=\"hidden\" name=\"nf\" value=\"%d\"><input type=\"hidden\" name=\"ni\" value=\"%d\">", p->f.nField, p->f.nInd);
  fields_table(r, &p->f, "扩展字段");
  ext_enum_part(r, p);
  /* the extra indicators: their selects offer the built-in's fields too */
  KindForm v;
  extform_field_view(&r->ctx, p, &v);
  v.aInd = p->f.aInd + (p->nIndBase<p->f.nInd ? p->nIndBase : p->f.nInd);
  v.nInd = p->f.nInd - (p->nIndBase<p->f.nInd ? p->nIndBase : p->f.nInd);
  inds_table(r, &v, "指标（新增）");
  ext_sentence_part(r, p);
  ext_target_part(r, p);
  out_html(r, HTML("<div class=\"actions kf-actions\"><button type=\"submit\" class=\"btn primary\">保 存</button>"
                   "<a class=\"btn\" href=\"/admin/kinds#builtin\">返 回</a></div></form>"));
  ext_versions(r, p);
  web_end(r);
}
