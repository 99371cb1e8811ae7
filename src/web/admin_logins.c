/*
** src/web/admin_logins.c — 系统管理 pages 登录日志 (/admin/logins) and
** 在线用户 (/admin/sessions). They render the rows src/auth/loginlog.c
** returns for the admin's scope; the force-logout form posts to
** /admin/sessions/end (handlers/session.c).
*/
#include "web/web.h"
#include "auth/auth.h"
#include <string.h>
#include <time.h>


/* The message c->err holds for field zName, or NULL. */
static const char *field_error(Req *r, const char *zName){
  for(int e=0; e<r->ctx.err.n; e++){
    if( r->ctx.err.a[e].zField && strcmp(r->ctx.err.a[e].zField, zName)==0 ) return r->ctx.err.a[e].zMsg;
  }
  return 0;
}

/* A filter's date field: its value, and the message beside it when bad. */
static void date_field(Req *r, const char *zName, const char *zLabel){
  const char *zV = req_param(r, zName), *zErr = field_error(r, zName);
  outf(r, "<label class=\"%s\">%s<input type=\"date\" name=\"%s\" value=\"%s\" aria-invalid=\"%s\">", zErr ? "has-error" : "",
       zLabel, zName, zV ? zV : "", zErr ? "true" : "false");
  if( zErr ) outf(r, "<span class=\"err\">%s</span>", zErr);
  out_html(r, HTML("</label>"));
}

void web_logins(Req *r){
  LoginLogFilter f;
  int bBad = login_log_filter(&r->ctx, req_param(r, "login"), req_param(r, "result"),
                              req_param(r, "from"), req_param(r, "to"), &f)!=FZ_OK;
  int nPage = req_param_int(r, "page", 1);
  if( nPage<1 ) nPage = 1;
  LoginLogRow *a = 0;
  int nRow = 0;
  i64 nTotal = 0;
  if( bBad ) r->status = 422;                      /* nothing is listed for a filter that cannot be read */
  else login_log_page(&r->ctx, r->actor.zDeptPath, &f, nPage, &a, &nRow, &nTotal);
  web_begin(r, "登录日志", 0);
  out_html(r, HTML("<p class=\"about\">每一次登录尝试（成功或失败）都记入登录日志，保留180天；不记录密码。"
                   "地址为服务器看到的客户端地址（经可信反向代理时为其转告的地址）。</p>"));
  out_html(r, HTML("<form class=\"query\" method=\"get\" action=\"/admin/logins\" role=\"search\">"));
  outf(r, "<label>账号<input name=\"login\" value=\"%s\" placeholder=\"请输入账号\"></label>", f.zLogin ? f.zLogin : "");
  out_html(r, HTML("<label>结果<select name=\"result\"><option value=\"\">全部</option>"));
  const char *zSel = req_param(r, "result");
  for(int i=0; i<login_result_count(); i++){
    const char *zLabel, *zId = login_result_at(i, &zLabel);
    outf(r, "<option value=\"%s\"%s>%s</option>", zId, zSel && strcmp(zSel, zId)==0 ? " selected" : "", zLabel);
  }
  out_html(r, HTML("</select></label>"));
  if( field_error(r, "result") ) outf(r, "<span class=\"err\">%s</span>", field_error(r, "result"));
  date_field(r, "from", "开始日期");
  date_field(r, "to", "结束日期");
  out_html(r, HTML("<button type=\"submit\" class=\"btn primary\">搜索</button>"
                   "<a class=\"btn\" href=\"/admin/logins\">重置</a></form>\n"));
  out_html(r, HTML("<div class=\"tablewrap\"><table class=\"list\"><thead><tr><th>时间</th><th>账号</th><th>姓名</th><th>地址</th>"
                   "<th>结果</th><th>渠道</th></tr></thead><tbody>\n"));
  for(int i=0; i<nRow; i++){
    const LoginLogRow *p = &a[i];
    int bOk = strcmp(p->zResult, "ok")==0 || strcmp(p->zResult, "temp")==0;
    outf(r, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"%s\">%s</td><td>%s</td></tr>\n",
         web_time_unix(r, p->tAt), p->zLogin, p->zName, p->zAddr, bOk ? "ok" : "bad", login_result_label(p->zResult),
         strcmp(p->zChannel, "api")==0 ? "API" : "网页");
  }
  if( nRow==0 ) out_html(r, HTML("<tr><td colspan=\"6\" class=\"empty\">暂无数据</td></tr>"));
  out_html(r, HTML("</tbody></table></div>\n"));
  web_pager(r, nTotal, nPage, LOGIN_LOG_PAGE);
  web_end(r);
}

void web_sessions(Req *r){
  const char *zLogin = req_param(r, "login");
  SessionRow *a = 0;
  int nRow = 0;
  session_list(&r->ctx, r->actor.zDeptPath, zLogin, &a, &nRow);
  char zMine[65] = "";
  if( r->zToken ) session_token_hash(r->zToken, zMine);
  web_begin(r, zLogin && zLogin[0] ? arena_printf(&r->arena, "在线用户：%s", zLogin) : "在线用户", 0);
  const char *zMsg = req_param(r, "msg");
  if( zMsg && strcmp(zMsg, "ended")==0 ) out_html(r, HTML("<div class=\"notice ok\" role=\"status\">已强制退出：该会话已结束，用户须重新登录</div>"));
  out_html(r, HTML("<p class=\"about\">当前未过期的登录会话（每次登录一个，12小时后过期）。强制退出即结束该会话，"
                   "该用户的下一次操作将转到登录页；操作记入审计日志。</p>"));
  out_html(r, HTML("<form class=\"query\" method=\"get\" action=\"/admin/sessions\" role=\"search\">"));
  outf(r, "<label>账号<input name=\"login\" value=\"%s\" placeholder=\"请输入账号\"></label>", zLogin ? zLogin : "");
  out_html(r, HTML("<button type=\"submit\" class=\"btn primary\">搜索</button>"
                   "<a class=\"btn\" href=\"/admin/sessions\">重置</a></form>\n"));
  out_html(r, HTML("<div class=\"tablewrap\"><table class=\"list\"><thead><tr><th>账号</th><th>姓名</th><th>部门</th><th>登录地址</th>"
                   "<th>登录时间</th><th>过期时间</th><th>操作</th></tr></thead><tbody>\n"));
  for(int i=0; i<nRow; i++){
    const SessionRow *p = &a[i];
    outf(r, "<tr><td><a href=\"/admin/sessions?login=%s\" title=\"该用户的全部会话\">%s</a></td><td>%s</td><td>%s</td>"
            "<td>%s</td><td>%s</td><td>%s</td><td>", p->zLogin, p->zLogin, p->zName, p->zDept, p->zAddr,
         web_time_unix(r, p->tCreated), web_time_unix(r, p->tExpires));
    int bMine = strcmp(p->zId, zMine)==0;          /* ending it logs this admin out */
    outf(r, "<form method=\"post\" action=\"/admin/sessions/end\" class=\"inline confirm\" data-confirm=\"%s\">",
         bMine ? "这是您当前的会话，强制退出后需要重新登录，是否确认？" : arena_printf(&r->arena, "是否确认强制退出“%s”的这个会话？", p->zLogin));
    web_csrf_field(r);
    outf(r, "<input type=\"hidden\" name=\"id\" value=\"%s\"><button type=\"submit\" class=\"btn danger\">强制退出</button>"
            "</form> <a href=\"/admin/logins?login=%s\">登录日志</a>%s</td></tr>\n", p->zId, p->zLogin, bMine ? "（当前会话）" : "");
  }
  if( nRow==0 ) out_html(r, HTML("<tr><td colspan=\"7\" class=\"empty\">暂无数据</td></tr>"));
  out_html(r, HTML("</tbody></table></div>\n"));
  outf(r, "<div class=\"pager\"><span>共 %d 条</span></div>\n", nRow);
  web_end(r);
}
