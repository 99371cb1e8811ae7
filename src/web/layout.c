/*
** src/web/layout.c — the page frame (top bar, module menu on the left,
** content), error pages, notices and the CSRF field. The layout follows
** the RuoYi grammar county clerks already know.
*/
#include "web/web.h"
#include "engine/kinddef.h"
#include "auth/auth.h"
#include <string.h>
#include <stdarg.h>

void outf(Req *r, const char *zFmt, ...){
  va_list ap;
  va_start(ap, zFmt);
  buf_vhtml(&r->out, zFmt, ap);
  va_end(ap);
}
void out_html(Req *r, Html h){ buf_markup(&r->out, h); }

void web_csrf_field(Req *r){
  if( r->zCsrf ) outf(r, "<input type=\"hidden\" name=\"_csrf\" value=\"%s\">", r->zCsrf);
}

/* The menu's groups fold (details/summary, no script needed); web_begin
** opens the group of the marked item afterwards. */
static void menu_group(Req *r, int *pbOpen, const char *zLabel){
  if( *pbOpen ) out_html(r, HTML("</details>"));
  outf(r, "<details class=\"group\"><summary>%s</summary>", zLabel);
  *pbOpen = 1;
}

/* The text between zStart and zEnd at or after z, as a copy (NULL when
** absent). The menu's own escaped markup: it goes back out as it is. */
static char *menu_between(Req *r, const char *z, const char *zStart, const char *zEnd){
  const char *a = z ? strstr(z, zStart) : 0;
  if( a==0 ) return 0;
  a += strlen(zStart);
  const char *b = strstr(a, zEnd);
  return b ? arena_strndup(&r->arena, a, (size_t)(b-a)) : 0;
}

/* The menu just written to r->out from iNav on: the item marked "on" (the
** page, or the page it belongs to) opens its group, the other groups stay
** folded (all are open when the marked item is in no group, as on the
** 工作台, or no item is marked), and the breadcrumb is
** 首页 / group / item / page title, from the same markup. */
static void menu_finish(Req *r, size_t iNav, const char *zTitle){
  char *zNav = arena_strndup(&r->arena, r->out.z + iNav, r->out.n - iNav);
  r->out.n = iNav;
  const char *zOn = strstr(zNav, " class=\"on\"");
  const char *zDet = 0;                      /* the <details of the marked item's group */
  for(const char *p=zNav; zOn && (p = strstr(p, "<details"))!=0 && p<zOn; p++) zDet = p;
  if( zOn && zOn>zNav ){
    const char *p;
    for(p=zOn; p>zNav && !(p[0]=='<' && p[1]=='a'); p--){}
    if( p[0]=='<' && p[1]=='a' ) zOn = p;      /* the marked <a */
  }
  if( zDet ){
    buf_append(&r->out, zNav, (size_t)(zDet - zNav) + 8);
    buf_puts(&r->out, " open");
    buf_puts(&r->out, zDet + 8);
  }else{
    for(const char *p=zNav, *q; *p; p=q){
      q = strstr(p, "<details");
      if( q==0 ){ buf_puts(&r->out, p); break; }
      buf_append(&r->out, p, (size_t)(q - p) + 8);
      buf_puts(&r->out, " open");
      q += 8;
    }
  }
  out_html(r, HTML("</nav>\n<label for=\"menu-open\" class=\"backdrop\" aria-hidden=\"true\"></label>\n"
                   "<main class=\"content\"><nav class=\"crumb\" aria-label=\"当前位置\"><a href=\"/\">首页</a>"));
  const char *zGroup = zDet ? menu_between(r, zDet, "<summary>", "</summary>") : 0;
  const char *zItem = zOn ? menu_between(r, zOn, ">", "</a>") : 0;
  const char *zHref = zOn ? menu_between(r, zOn, "href=\"", "\"") : 0;
  Buf t;                                     /* the title as it will read */
  buf_init(&t);
  buf_html(&t, "%s", zTitle);
  const char *zPage = buf_cstr(&t);
  if( zGroup ){ out_html(r, HTML("<span class=\"sep\">/</span><span>")); buf_puts(&r->out, zGroup); out_html(r, HTML("</span>")); }
  if( zItem && zHref && strcmp(zHref, "/")!=0 ){
    size_t n = strlen(zItem);
    if( strcmp(zItem, zPage)==0 ) zPage = 0;                    /* the item's own page */
    else if( strncmp(zPage, zItem, n)==0 && strncmp(zPage+n, "：", 3)==0 ) zPage += n+3;   /* 行政复议：案号 */
    if( zPage ){                                                 /* a page below the item: link back to it */
      out_html(r, HTML("<span class=\"sep\">/</span><a href=\""));
      buf_puts(&r->out, zHref);
      out_html(r, HTML("\">"));
      buf_puts(&r->out, zItem);
      out_html(r, HTML("</a>"));
    }else{
      out_html(r, HTML("<span class=\"sep\">/</span><span aria-current=\"page\">"));
      buf_puts(&r->out, zItem);
      out_html(r, HTML("</span>"));
    }
  }
  if( zPage && !(zHref && strcmp(zHref, "/")==0 && strcmp(r->zPath, "/")==0) ){
    out_html(r, HTML("<span class=\"sep\">/</span><span aria-current=\"page\">"));
    buf_puts(&r->out, zPage);
    out_html(r, HTML("</span>"));
  }
  buf_free(&t);
  out_html(r, HTML("</nav>"));
}

void web_begin(Req *r, const char *zTitle, const Kind *pActive){
  /* the county (or city) the user works in; the county_name setting for visitors */
  const char *zCounty = dept_county_name(r->ctx.pDb, &r->arena, r->actor.zDeptPath);
  outf(r, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
          "<title>%s - %s法治政府建设管理系统</title>"
          "<link rel=\"stylesheet\" href=\"/static/app.css\">"
          "<script src=\"/static/app.js\" defer></script></head><body>\n",
       zTitle, zCounty);
  /* The menu button: a checkbox before the page, so CSS alone opens the
  ** drawer on a phone (and folds the menu away on a desktop). */
  out_html(r, HTML("<input type=\"checkbox\" id=\"menu-open\" class=\"menu-toggle\" autocomplete=\"off\" aria-label=\"菜单\" aria-controls=\"menu\">\n"));
  out_html(r, HTML("<header class=\"top\"><label for=\"menu-open\" class=\"menu-btn\" title=\"展开或收起菜单\">"
                   "<span class=\"bars\" aria-hidden=\"true\"></span><span class=\"menu-word\">菜单</span></label>"));
  outf(r, "<a class=\"brand\" href=\"/\">%s法治政府建设管理系统</a>", zCounty);
  long long nLate = 0;
  if( r->zToken && !r->actor.bPwTemp && todo_overdue_count(&r->ctx, &nLate)==FZ_OK ){
    /* the overdue periods of the user's scope, on every page: one statement */
    outf(r, "<a class=\"late-badge%s\" href=\"/todo?state=overdue\" title=\"已逾期的法定期限%lld项\">"
            "<span class=\"late-word\">已逾期</span><b>%lld</b></a>", nLate ? "" : " none", nLate, nLate);
  }
  if( r->zToken ){
    outf(r, "<a class=\"who\" href=\"/account\" title=\"个人中心：修改密码\">%s<span class=\"who-role\">（%s·%s）</span></a>", r->actor.zName,
         role_label(r->actor.mRole), dept_name(&r->ctx, r->actor.iDept));
    out_html(r, HTML("<form method=\"post\" action=\"/logout\" class=\"inline\">"));
    web_csrf_field(r);
    out_html(r, HTML("<button type=\"submit\" class=\"btn link\">退出</button></form>"));
  }else{
    out_html(r, HTML("<a class=\"who\" href=\"/login\">登录</a>"));
  }
  out_html(r, HTML("</header>\n<div class=\"frame\"><nav class=\"menu\" id=\"menu\" aria-label=\"功能菜单\">"));
  size_t iNav = r->out.n;
  int bGroup = 0;                                          /* a <details> is open */
  if( r->zToken ){
    outf(r, "<a href=\"/todo\" class=\"%s\">待办</a>", strcmp(r->zPath, "/todo")==0 ? "on" : "");
    outf(r, "<a href=\"/\" class=\"%s\">工作台</a>", pActive==0 && strcmp(r->zPath, "/")==0 ? "on" : "");
  }
  const Kind *aK[64];
  int nK = kinds_for(&r->actor, aK, 64);
  const char *zGroup = 0;
  for(int i=0; i<nK; i++){
    /* menu in group order of first appearance, kinds within */
    const Kind *g = aK[i];
    int bSeen = 0;
    for(int j=0; j<i; j++) if( strcmp(aK[j]->zGroup, g->zGroup)==0 ) bSeen = 1;
    if( bSeen ) continue;
    zGroup = g->zGroup;
    int bAny = 0;
    for(int j=i; j<nK; j++){
      const Kind *k = aK[j];
      if( strcmp(k->zGroup, zGroup)!=0 ) continue;
      if( !r->zToken && !k->bPublic ) continue;
      if( !bAny ){ menu_group(r, &bGroup, zGroup); bAny = 1; }
      outf(r, "<a href=\"/k/%s\" class=\"%s\">%s</a>", k->zName, k==pActive ? "on" : "", k->zLabel);
    }
  }
  if( !r->zToken ){
    menu_group(r, &bGroup, "年度报告");
    outf(r, "<a href=\"/public/report\" class=\"%s\">法治政府建设情况报告</a>", strcmp(r->zPath, "/public/report")==0 ? "on" : "");
  }
  if( r->zToken ){
    menu_group(r, &bGroup, "年度报告");
    outf(r, "<a href=\"/report\" class=\"%s\">法治政府建设年度报告</a>", strcmp(r->zPath, "/report")==0 ? "on" : "");
    outf(r, "<a href=\"/report/drafts\" class=\"%s\">报告起草与版本</a>", strncmp(r->zPath, "/report/", 8)==0 ? "on" : "");
    if( r->actor.bCity ) outf(r, "<a href=\"/counties\" class=\"%s\">各县（区）指标</a>", strcmp(r->zPath, "/counties")==0 ? "on" : "");
    if( r->actor.mRole & R_ADMIN ) outf(r, "<a href=\"/audit\" class=\"%s\">操作审计日志</a>", strcmp(r->zPath, "/audit")==0 ? "on" : "");
  }
  int bSys = r->zToken && (r->actor.mRole & R_ADMIN);      /* 系统管理: admins only, one line per page */
  if( bSys ) menu_group(r, &bGroup, "系统管理");
  if( bSys ) outf(r, "<a href=\"/admin/users\" class=\"%s\">用户管理</a>", strncmp(r->zPath, "/admin/users", 12)==0 ? "on" : "");
  if( bSys ) outf(r, "<a href=\"/admin/depts\" class=\"%s\">部门管理</a>", strncmp(r->zPath, "/admin/depts", 12)==0 ? "on" : "");
  if( bSys ) outf(r, "<a href=\"/admin/kinds\" class=\"%s\">自定义台账</a>", strncmp(r->zPath, "/admin/kinds", 12)==0 ? "on" : "");
  if( bSys ) outf(r, "<a href=\"/admin/settings\" class=\"%s\">参数设置</a>", strcmp(r->zPath, "/admin/settings")==0 ? "on" : "");
  if( bSys ) outf(r, "<a href=\"/admin/holidays\" class=\"%s\">节假日</a>", strcmp(r->zPath, "/admin/holidays")==0 ? "on" : "");
  if( bSys ) outf(r, "<a href=\"/admin/rules\" class=\"%s\">期限规则</a>", strcmp(r->zPath, "/admin/rules")==0 ? "on" : "");
  if( bSys ) outf(r, "<a href=\"/admin/logins\" class=\"%s\">登录日志</a>", strcmp(r->zPath, "/admin/logins")==0 ? "on" : "");
  if( bSys ) outf(r, "<a href=\"/admin/sessions\" class=\"%s\">在线用户</a>", strcmp(r->zPath, "/admin/sessions")==0 ? "on" : "");
  if( bGroup ) out_html(r, HTML("</details>"));
  menu_finish(r, iNav, zTitle);
  outf(r, "<h1>%s</h1>\n", zTitle);
  web_flash(r);
}

void web_end(Req *r){
  out_html(r, HTML("</main></div>\n</body></html>\n"));
}

void web_flash(Req *r){
  static const struct { const char *zId, *zText; } aMsg[] = {
    { "created", "新增成功" }, { "updated", "修改成功" }, { "deleted", "删除成功" },
    { "moved", "操作成功" }, { "password", "密码已修改" },
    { "user_disabled", "账号已停用" }, { "user_enabled", "账号已启用" }, { "user_unlocked", "已解除该账号的登录限制" },
    { "logged", "入企检查已登记" }, { "fixed", "名录已固定，摘要已生成，可以公布" }, { "drawn", "抽取完成，已向检查人员下达检查任务" },
    { "carried", "已沿用上年度清单生成本年度清单，请逐项调整" },
    { "drafted", "已根据最新数据起草新版本" }, { "copied", "已生成新版本，可继续修改" },
    { "saved", "已保存" }, { "holiday", "已登记：到期日和按期率按新的日历计算" },
    { "holiday_mark", "已标记：该年度节假日安排已完整登记，跨入该年度的期限不再标注" },
    { "rule", "已保存：自施行日期起开始计算的案件按新规定计算期限" }, { "rule_end", "已停止施行：此后开始计算的案件不再适用该规定" },
    { "holiday_unmark", "已撤销标记：该年度节假日安排按未完整登记处理" }, { "frozen", "已冻结：本版本的文字和数字不会再改变" },
    { "kind_imported", "已导入：台账已出现在左侧菜单中，可在“修改”中调整" },
    { "kind_extended", "已保存为新版本：增加的字段、选项、指标和报告语句即时生效，已录入的数据不受影响" },
    { "dropped", "已删除：该指标不再以上年度报告中的这个数字作为上年数值" }, { 0, 0 }
  };
  const char *z = req_param(r, "msg");
  if( z==0 ) return;
  if( strcmp(z, "deleted_n")==0 ){        /* 批量删除 */
    outf(r, "<div class=\"notice ok\" role=\"status\">删除成功：已删除%d条记录</div>", req_param_int(r, "n", 0));
    return;
  }
  for(int i=0; aMsg[i].zId; i++){
    if( strcmp(z, aMsg[i].zId)==0 ) outf(r, "<div class=\"notice ok\" role=\"status\">%s</div>", aMsg[i].zText);
  }
}

void web_errors_box(Req *r){
  int n = r->ctx.err.n;
  if( n==0 ) return;
  int nShow = n>2000 ? 2000 : n;
  outf(r, "<div class=\"notice bad\" role=\"alert\"><p>共发现%d处错误，未写入任何数据%s：</p><ol class=\"errors\">",
       n, n>nShow ? "（以下列出前2000处）" : "");
  for(int i=0; i<nShow; i++){
    outf(r, "<li>%s</li>", err_text(&r->ctx, &r->ctx.err.a[i]));
  }
  out_html(r, HTML("</ol></div>"));
}

void web_error_page(Req *r, int status, const char *zMsg){
  r->status = status;
  r->zContentType = "text/html; charset=utf-8";
  web_begin(r, status==404 ? "未找到" : status==403 ? "无权访问" : "出错了", 0);
  outf(r, "<div class=\"notice bad\" role=\"alert\">%s</div>", zMsg);
  out_html(r, HTML("<p><a href=\"/\">返回工作台</a></p>"));
  web_end(r);
}
