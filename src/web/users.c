/*
** src/web/users.c — 用户管理 (/admin/users): the accounts of the admin's
** scope with a department filter and a search box, the form to add or
** edit one, and the page that shows a one-time password once.
** The handlers are in src/handlers/users.c; every change is made in
** src/auth/account.c. Each action is a POST form carrying the CSRF token;
** the destructive ones ask for a confirmation first (class "confirm").
*/
#include "web/web.h"
#include "auth/auth.h"
#include <string.h>

/* The status a clerk reads: 已停用 wins over 待改密码. */
static const char *user_status(const UserRow *p){
  if( p->bDisabled ) return "已停用";
  if( p->bPwTemp ) return "待改密码";
  return "正常";
}

/* One action button of a row: a POST form with the CSRF token, with a
** confirmation question when zConfirm is set. */
static void user_action(Req *r, const UserRow *p, const char *zAct, const char *zLabel, const char *zConfirm){
  if( zConfirm ){
    outf(r, "<form method=\"post\" action=\"/admin/users/%lld/%s\" class=\"inline confirm\" data-confirm=\"%s\">",
         (long long)p->id, zAct, zConfirm);
  }else{
    outf(r, "<form method=\"post\" action=\"/admin/users/%lld/%s\" class=\"inline\">", (long long)p->id, zAct);
  }
  web_csrf_field(r);
  outf(r, "<button type=\"submit\" class=\"btn link\">%s</button></form>", zLabel);
}

/* "2026-12-07T16:49:03Z" as 2026-12-07 16:49 (arena memory). */

void web_users(Req *r, const UserRow *a, int n){
  const char *zQ = req_param(r, "q");
  web_begin(r, "用户管理", 0);
  out_html(r, HTML("<p class=\"about\">账号的新增、修改、停用、重置密码和解除登录限制都记入操作审计日志。"
                   "新账号和重置后的密码是一次性密码，只显示一次，用户首次登录后须修改。</p>"));
  out_html(r, HTML("<form class=\"query\" method=\"get\" action=\"/admin/users\" role=\"search\">"
                   "<label>部门<select name=\"dept\">"));
  web_dept_options(r, req_param_int(r, "dept", 0), 1);
  outf(r, "</select></label><label>账号或姓名<input name=\"q\" value=\"%s\" placeholder=\"请输入账号或姓名\"></label>"
          "<button type=\"submit\" class=\"btn primary\">搜索</button><a class=\"btn\" href=\"/admin/users\">重置</a></form>\n",
       zQ ? zQ : "");
  out_html(r, HTML("<div class=\"toolbar\"><a class=\"btn primary\" href=\"/admin/users/new\">新增</a>"));
  outf(r, "<span class=\"help\">共 %d 个账号</span></div>\n", n);
  out_html(r, HTML("<div class=\"table-scroll\"><table class=\"list\"><thead><tr><th>账号</th><th>姓名</th><th>角色</th>"
                   "<th>部门</th><th>状态</th><th>创建时间</th><th>操作</th></tr></thead><tbody>\n"));
  for(int i=0; i<n; i++){
    const UserRow *p = &a[i];
    outf(r, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td><span class=\"tag%s\">%s</span></td><td>%s</td><td class=\"ops\">",
         p->zLogin, p->zName, role_label(role_bits(p->zRole)), p->zDept, p->bDisabled ? " off" : "",
         user_status(p), web_time(r, p->zCreated));
    if( user_admin_may(&r->ctx, p)==FZ_OK ){
      outf(r, "<a class=\"btn link\" href=\"/admin/users/%lld/edit\">修改</a>", (long long)p->id);
      if( p->id!=r->actor.iUser ){
        if( p->bDisabled ) user_action(r, p, "enable", "启用", 0);
        else user_action(r, p, "disable", "停用", arena_printf(&r->arena, "确认要停用“%s”（%s）吗？停用后该账号立即退出登录。", p->zName, p->zLogin));
        user_action(r, p, "reset", "重置密码", arena_printf(&r->arena, "确认要重置“%s”的密码吗？原密码立即失效。", p->zName));
      }
      user_action(r, p, "unlock", "解除登录限制", 0);
    }
    out_html(r, HTML("</td></tr>\n"));
  }
  out_html(r, HTML("</tbody></table></div>\n"));
  if( n==0 ) out_html(r, HTML("<p class=\"empty\">没有符合条件的账号。</p>"));
  web_end(r);
}

/* The first error the context holds for field zField, or NULL. */
static const char *field_error(Req *r, const char *zField){
  for(int e=0; e<r->ctx.err.n; e++){
    if( r->ctx.err.a[e].zField && strcmp(r->ctx.err.a[e].zField, zField)==0 ) return r->ctx.err.a[e].zMsg;
  }
  return 0;
}

/* A field's opening: its box, label and the error beside it. */
static const char *field_open(Req *r, const char *zName, const char *zLabel){
  const char *zErr = field_error(r, zName);
  outf(r, "<div class=\"field%s\"><label for=\"f-%s\">%s<em>*</em></label>", zErr ? " has-error" : "", zName, zLabel);
  return zErr;
}
static void field_close(Req *r, const char *zName, const char *zErr){
  if( zErr ) outf(r, "<div class=\"err\" id=\"e-%s\">%s</div>", zName, zErr);
  out_html(r, HTML("</div>\n"));
}

void web_user_form(Req *r, const UserRow *p){
  static const char *azRole[] = { "admin", "clerk", "leader" };
  const char *zName = req_param(r, "name"), *zRole = req_param(r, "role"), *zLogin = req_param(r, "login");
  i64 iDept = req_param_int(r, "dept", 0);
  if( p && p->id==0 ) p = 0;              /* a new account that was refused: its form again */
  if( p && zName==0 ){ zName = p->zName; zRole = p->zRole; iDept = p->iDept; }
  web_begin(r, p ? "修改账号" : "新增账号", 0);
  int nOther = 0;
  for(int e=0; e<r->ctx.err.n; e++) if( r->ctx.err.a[e].zField==0 ) nOther++;
  if( nOther ){
    out_html(r, HTML("<div class=\"notice bad\" role=\"alert\"><ul>"));
    for(int e=0; e<r->ctx.err.n; e++) if( r->ctx.err.a[e].zField==0 ) outf(r, "<li>%s</li>", r->ctx.err.a[e].zMsg);
    out_html(r, HTML("</ul></div>"));
  }
  if( p ) outf(r, "<form method=\"post\" action=\"/admin/users/%lld/edit\" class=\"record\" novalidate>", (long long)p->id);
  else out_html(r, HTML("<form method=\"post\" action=\"/admin/users/new\" class=\"record\" novalidate>"));
  web_csrf_field(r);
  const char *zErr;
  if( p ){
    outf(r, "<div class=\"field\"><label>账号</label><div>%s</div></div>\n", p->zLogin);
  }else{
    zErr = field_open(r, "login", "账号");
    outf(r, "<input id=\"f-login\" name=\"login\" value=\"%s\" autocomplete=\"off\" aria-invalid=\"%s\">",
         zLogin ? zLogin : "", zErr ? "true" : "false");
    field_close(r, "login", zErr);
  }
  zErr = field_open(r, "name", "姓名");
  outf(r, "<input id=\"f-name\" name=\"name\" value=\"%s\" aria-invalid=\"%s\">", zName ? zName : "", zErr ? "true" : "false");
  field_close(r, "name", zErr);
  zErr = field_open(r, "role", "角色");
  outf(r, "<select id=\"f-role\" name=\"role\" aria-invalid=\"%s\"><option value=\"\">请选择</option>", zErr ? "true" : "false");
  for(int i=0; i<3; i++){
    if( r->actor.bCity && strcmp(azRole[i], "admin")!=0 ) continue;   /* a city's admin manages county admins only */
    outf(r, "<option value=\"%s\"%s>%s</option>", azRole[i], zRole && strcmp(zRole, azRole[i])==0 ? " selected" : "",
         role_label(role_bits(azRole[i])));
  }
  out_html(r, HTML("</select>"));
  field_close(r, "role", zErr);
  zErr = field_open(r, "dept", "部门");
  outf(r, "<select id=\"f-dept\" name=\"dept\" aria-invalid=\"%s\"><option value=\"\">请选择</option>", zErr ? "true" : "false");
  web_dept_options(r, iDept, 0);
  out_html(r, HTML("</select>"));
  field_close(r, "dept", zErr);
  if( !p ) out_html(r, HTML("<p class=\"help field wide\">保存后显示一次性密码（只显示一次），请当面或以安全方式交给用户；用户首次登录后须修改密码。</p>"));
  out_html(r, HTML("<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">确 定</button>"
                   "<a class=\"btn\" href=\"/admin/users\">取 消</a></div></form>"));
  web_end(r);
}

void web_user_secret(Req *r, const UserRow *p, const char *zPw){
  web_begin(r, "一次性密码", 0);
  outf(r, "<div class=\"notice ok\" role=\"status\">账号“%s”（%s）的一次性密码如下。它只显示这一次，"
          "离开本页后无法再查看；用户用它登录后须立即设置自己的密码。</div>", p->zLogin, p->zName);
  outf(r, "<table class=\"detail\"><tr><th>账号</th><td>%s</td></tr><tr><th>一次性密码</th>"
          "<td><code class=\"digest\" id=\"one-time-password\">%s</code></td></tr></table>", p->zLogin, zPw);
  out_html(r, HTML("<p><a class=\"btn primary\" href=\"/admin/users\">返回用户管理</a></p>"));
  web_end(r);
}
