/*
** src/web/depts.c — 部门管理: the department tree of the admin's scope
** (query form, 新增 form, the indented table with 操作), the panel that
** edits one department (rename, type and order, move, 停用), and the
** move's confirmation. Renders the rows src/auth/org.c returns.
*/
#include "web/web.h"
#include "auth/auth.h"
#include <string.h>

/* The context's error for field zField, or NULL. */
static const char *field_err(Req *r, const char *zField){
  for(int e=0; e<r->ctx.err.n; e++){
    const ErrItem *p = &r->ctx.err.a[e];
    if( p->zField && strcmp(p->zField, zField)==0 ) return p->zMsg;
  }
  return 0;
}

/* Opens a labelled field; the error beside it when there is one. */
static void field_open(Req *r, const char *zId, const char *zLabel, const char *zErr){
  outf(r, "<div class=\"field%s\"><label for=\"%s\">%s</label>", zErr ? " has-error" : "", zId, zLabel);
}
static void field_close(Req *r, const char *zErr){
  if( zErr ) outf(r, "<div class=\"err\">%s</div>", zErr);
  out_html(r, HTML("</div>"));
}

/* The value typed before a failed post (bMine: the form that failed), else zDefault. */
static const char *typed(Req *r, int bMine, const char *zName, const char *zDefault){
  const char *z = bMine ? req_param(r, zName) : 0;
  return z ? z : zDefault;
}

static const char *indent(Req *r, int nDepth){
  char *z = arena_alloc(&r->arena, (size_t)nDepth*3 + 1);
  for(int i=0; i<nDepth; i++) memcpy(z + i*3, "　", 3);
  z[nDepth*3] = 0;
  return z;
}

/* <option>s of the tree's departments that may be a parent: not
** disabled, and not inside pSkip's subtree. */
static void parent_options(Req *r, const DeptRow *a, int n, const DeptRow *pSkip, i64 iSel){
  out_html(r, HTML("<option value=\"\">请选择</option>"));
  for(int i=0; i<n; i++){
    if( a[i].bDisabled && a[i].id!=iSel ) continue;
    if( pSkip && strncmp(a[i].zPath, pSkip->zPath, strlen(pSkip->zPath))==0 ) continue;
    outf(r, "<option value=\"%lld\"%s>%s%s</option>", (long long)a[i].id, a[i].id==iSel ? " selected" : "",
         indent(r, a[i].nDepth), a[i].zName);
  }
}

static void type_select(Req *r, const char *zId, const char *zSel, int bUnit){
  static const char *const az[] = { "bureau", "town", "village", 0 };
  outf(r, "<select id=\"%s\" name=\"dtype\">", zId);
  if( bUnit ) outf(r, "<option value=\"%s\" selected>%s</option>", zSel, dept_type_label(zSel));
  else{
    for(int i=0; az[i]; i++){
      outf(r, "<option value=\"%s\"%s>%s</option>", az[i], zSel && strcmp(zSel, az[i])==0 ? " selected" : "",
           dept_type_label(az[i]));
    }
  }
  out_html(r, HTML("</select>"));
}

static void add_form(Req *r, const DeptRow *a, int n, int bMine){
  const char *zErr;
  out_html(r, HTML("<details class=\"panel\"" ));
  if( bMine && r->ctx.err.n ) out_html(r, HTML(" open"));
  out_html(r, HTML("><summary class=\"btn primary\">新增部门</summary>"
                   "<form method=\"post\" action=\"/admin/depts\" class=\"record\">"));
  web_csrf_field(r);
  zErr = bMine ? field_err(r, "name") : 0;
  field_open(r, "a-name", "部门名称", zErr);
  outf(r, "<input id=\"a-name\" name=\"name\" maxlength=\"200\" value=\"%s\" aria-invalid=\"%s\">",
       typed(r, bMine, "name", ""), zErr ? "true" : "false");
  field_close(r, zErr);
  zErr = bMine ? field_err(r, "parent") : 0;
  field_open(r, "a-parent", "上级部门", zErr);
  out_html(r, HTML("<select id=\"a-parent\" name=\"parent\">"));
  parent_options(r, a, n, 0, req_param_int(r, "parent", n ? (int)a[0].id : 0));
  out_html(r, HTML("</select>"));
  field_close(r, zErr);
  zErr = bMine ? field_err(r, "dtype") : 0;
  field_open(r, "a-dtype", "类型", zErr);
  type_select(r, "a-dtype", typed(r, bMine, "dtype", "bureau"), 0);
  field_close(r, zErr);
  zErr = bMine ? field_err(r, "sort_no") : 0;
  field_open(r, "a-sort", "排序", zErr);
  outf(r, "<input id=\"a-sort\" name=\"sort_no\" pattern=\"[0-9]*\" value=\"%s\" placeholder=\"留空则排在最后\">",
       typed(r, bMine, "sort_no", ""));
  field_close(r, zErr);
  out_html(r, HTML("<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">保 存</button></div></form></details>"));
}

/* The panel of one department: rename, type and order, move, 停用/启用. */
static void edit_panel(Req *r, const DeptRow *a, int n, const DeptRow *d, int bMine){
  const char *zErr;
  const char *zKey = bMine ? req_param(r, "_form") : 0;
  outf(r, "<section class=\"panel\" id=\"edit\"><h2>修改部门：%s</h2>", d->zName);
  for(int e=0; bMine && e<r->ctx.err.n; e++){
    if( r->ctx.err.a[e].zField==0 ) outf(r, "<div class=\"notice error\" role=\"alert\">%s</div>", r->ctx.err.a[e].zMsg);
  }
  int bName = zKey && strcmp(zKey, "rename")==0;
  outf(r, "<form method=\"post\" action=\"/admin/depts/%lld/rename\" class=\"record\">", (long long)d->id);
  web_csrf_field(r);
  out_html(r, HTML("<input type=\"hidden\" name=\"_form\" value=\"rename\">"));
  zErr = bName ? field_err(r, "name") : 0;
  field_open(r, "e-name", "部门名称", zErr);
  outf(r, "<input id=\"e-name\" name=\"name\" maxlength=\"200\" value=\"%s\" aria-invalid=\"%s\">",
       typed(r, bName, "name", d->zName), zErr ? "true" : "false");
  field_close(r, zErr);
  out_html(r, HTML("<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">重命名</button></div></form>"));

  int bType = zKey && strcmp(zKey, "type")==0;
  int bUnit = strcmp(d->zType, "county")==0 || strcmp(d->zType, "city")==0;
  outf(r, "<form method=\"post\" action=\"/admin/depts/%lld/type\" class=\"record\">", (long long)d->id);
  web_csrf_field(r);
  out_html(r, HTML("<input type=\"hidden\" name=\"_form\" value=\"type\">"));
  zErr = bType ? field_err(r, "dtype") : 0;
  field_open(r, "e-dtype", "类型", zErr);
  type_select(r, "e-dtype", typed(r, bType, "dtype", d->zType), bUnit);
  field_close(r, zErr);
  zErr = bType ? field_err(r, "sort_no") : 0;
  field_open(r, "e-sort", "排序", zErr);
  outf(r, "<input id=\"e-sort\" name=\"sort_no\" pattern=\"[0-9]*\" value=\"%s\">",
       typed(r, bType, "sort_no", arena_printf(&r->arena, "%lld", (long long)d->iSort)));
  field_close(r, zErr);
  out_html(r, HTML("<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">保存类型和排序</button></div></form>"));

  if( !d->bTop && !bUnit ){
    int bMove = !bName && !bType && bMine;
    outf(r, "<form method=\"get\" action=\"/admin/depts/%lld/move\" class=\"record\">", (long long)d->id);
    zErr = bMove ? field_err(r, "parent") : 0;
    field_open(r, "e-parent", "移动到（新的上级部门）", zErr);
    out_html(r, HTML("<select id=\"e-parent\" name=\"parent\">"));
    parent_options(r, a, n, d, bMove ? req_param_int(r, "parent", 0) : 0);
    out_html(r, HTML("</select>"));
    field_close(r, zErr);
    out_html(r, HTML("<div class=\"actions\"><button type=\"submit\" class=\"btn\">下一步：查看影响</button></div></form>"));
  }
  out_html(r, HTML("<p><a class=\"btn\" href=\"/admin/depts\">返 回</a></p></section>"));
}

void web_depts(Req *r, const DeptRow *a, int n, i64 iEdit){
  const char *zQ = req_param(r, "q");
  web_begin(r, "部门管理", 0);
  out_html(r, HTML("<p class=\"about\">本级及下级部门（县—部门、乡镇—村（社区））。每项新增、重命名、移动、修改类型排序和停用都记入审计日志，"
                   "由 <code>fazhi check</code> 核验。停用的部门不再出现在表单的部门选项中，不能再添加账号和记录，已有记录保留。</p>"));
  const DeptRow *d = 0;
  for(int i=0; i<n; i++) if( a[i].id==iEdit ) d = &a[i];
  if( d==0 ) web_errors_box(r);
  if( d ) edit_panel(r, a, n, d, 1);
  out_html(r, HTML("<form class=\"query\" method=\"get\" action=\"/admin/depts\" role=\"search\">"));
  outf(r, "<label>部门名称<input name=\"q\" value=\"%s\" placeholder=\"请输入部门名称\"></label>", zQ ? zQ : "");
  out_html(r, HTML("<button type=\"submit\" class=\"btn primary\">搜索</button><a class=\"btn\" href=\"/admin/depts\">重置</a></form>"));
  out_html(r, HTML("<div class=\"toolbar\">"));
  add_form(r, a, n, d==0);
  out_html(r, HTML("</div><div class=\"table-wrap\"><table class=\"list\"><thead><tr><th>部门名称</th><th>类型</th><th>排序</th>"
                   "<th>在用账号</th><th>状态</th><th>操作</th></tr></thead><tbody>"));
  int nShown = 0;
  for(int i=0; i<n; i++){
    if( zQ && zQ[0] && strstr(a[i].zName, zQ)==0 ) continue;
    nShown++;
    if( a[i].bDisabled ) out_html(r, HTML("<tr class=\"muted\">"));
    else out_html(r, HTML("<tr>"));
    outf(r, "<td>%s%s</td><td>%s</td><td>%lld</td><td>%lld</td><td>%s</td>",
         zQ && zQ[0] ? "" : indent(r, a[i].nDepth), a[i].zName, dept_type_label(a[i].zType), (long long)a[i].iSort,
         (long long)a[i].nUser, a[i].bDisabled ? "停用" : "正常");
    outf(r, "<td class=\"ops\"><a href=\"/admin/depts?edit=%lld#edit\">修改</a>", (long long)a[i].id);
    if( !a[i].bTop ){
      outf(r, " <form method=\"post\" action=\"/admin/depts/%lld/state\" class=\"inline\">", (long long)a[i].id);
      web_csrf_field(r);
      outf(r, "<input type=\"hidden\" name=\"disabled\" value=\"%d\"><button type=\"submit\" class=\"btn link\">%s</button></form>",
           !a[i].bDisabled, a[i].bDisabled ? "启用" : "停用");
    }
    out_html(r, HTML("</td></tr>"));
  }
  out_html(r, HTML("</tbody></table></div>"));
  if( nShown==0 ) out_html(r, HTML("<p class=\"empty\">没有符合条件的部门。</p>"));
  web_end(r);
}

void web_dept_move(Req *r, const DeptRow *d, i64 iParent, const DeptMove *m){
  web_begin(r, "移动部门", 0);
  outf(r, "<div class=\"notice\" role=\"alert\">将“%s”从“%s”移到“%s”之下：它和它的下级共%lld个部门，"
          "其中%lld个账号、%lld条记录（各类台账合计）的数据范围随之改变：原上级部门的人员将不再能看到这些数据，新上级部门的人员将能看到。确认移动吗？</div>",
       d->zName, m->zFrom, m->zTo, (long long)m->nDept, (long long)m->nUser, (long long)m->nRecord);
  outf(r, "<form method=\"post\" action=\"/admin/depts/%lld/move\" class=\"record\">", (long long)d->id);
  web_csrf_field(r);
  outf(r, "<input type=\"hidden\" name=\"parent\" value=\"%lld\">", (long long)iParent);
  outf(r, "<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">确认移动</button>"
          "<a class=\"btn\" href=\"/admin/depts?edit=%lld#edit\">取 消</a></div></form>", (long long)d->id);
  web_end(r);
}
