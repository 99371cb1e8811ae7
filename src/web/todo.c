/*
** src/web/todo.c — the 待办 page: every user's home. The periods overdue
** and due soon in the user's scope, apart, earliest first; filters by
** kind, department, month and state; counts per kind; each row links to
** its record and names its statutory basis.
*/
#include "web/web.h"
#include "engine/prule.h"
#include <string.h>
#include <stdlib.h>

/* /todo with q's filters, one of them changed: zKind (NULL keep, "" none),
** zMonth (NULL keep, "" none), mState (-1 keep). The page starts at 1. */
static const char *todo_url(Req *r, const TodoQuery *q, const char *zKind, const char *zMonth, int mState){
  Buf b;
  buf_init(&b);
  buf_puts(&b, "/todo?");
  if( zKind==0 ) zKind = q->pKind ? q->pKind->zName : "";
  if( zKind[0] ){ buf_puts(&b, "kind="); buf_url(&b, zKind); buf_putc(&b, '&'); }
  if( q->iDept ) buf_raw_printf(&b, "dept=%lld&", (long long)q->iDept);
  if( zMonth==0 ) zMonth = q->iYear ? arena_printf(&r->arena, "%04d-%02d", q->iYear, q->iMonth) : "";
  if( zMonth[0] ){ buf_puts(&b, "month="); buf_url(&b, zMonth); buf_putc(&b, '&'); }
  if( mState<0 ) mState = q->mState;
  if( mState==TODO_OVERDUE ) buf_puts(&b, "state=overdue&");
  if( mState==TODO_SOON ) buf_puts(&b, "state=soon&");
  b.n--;                                   /* the last '&' or '?' */
  const char *z = arena_strdup(&r->arena, buf_cstr(&b));
  buf_free(&b);
  return z;
}

static void todo_form(Req *r, const TodoQuery *q, const TodoList *l){
  out_html(r, HTML("<form class=\"query\" method=\"get\" action=\"/todo\" role=\"search\"><label>事项<select name=\"kind\"><option value=\"\">全部</option>"));
  for(int i=0; i<l->nCount; i++){
    const Kind *k = l->aCount[i].pKind;
    outf(r, "<option value=\"%s\"%s>%s</option>", k->zName, k==q->pKind ? " selected" : "", k->zLabel);
  }
  out_html(r, HTML("</select></label><label>部门<select name=\"dept\">"));
  web_dept_options(r, q->iDept, 1);
  const char *zMonth = q->iYear ? arena_printf(&r->arena, "%04d-%02d", q->iYear, q->iMonth) : "";
  outf(r, "</select></label><label>到期月份<input type=\"month\" name=\"month\" value=\"%s\" placeholder=\"2026-06\"></label>", zMonth);
  outf(r, "<label>状态<select name=\"state\"><option value=\"\">全部</option>"
          "<option value=\"overdue\"%s>已逾期</option><option value=\"soon\"%s>即将到期</option></select></label>"
          "<button type=\"submit\" class=\"btn primary\">搜索</button><a class=\"btn\" href=\"/todo\">重置</a></form>\n",
       q->mState==TODO_OVERDUE ? " selected" : "", q->mState==TODO_SOON ? " selected" : "");
}

void web_todo(Req *r, const TodoQuery *q, const TodoList *l){
  web_begin(r, "待办", 0);
  /* the two states apart, and the month at one click */
  char zNow[8];
  memcpy(zNow, r->ctx.zToday, 7);
  zNow[7] = 0;
  outf(r, "<div class=\"todo-sum\"><a class=\"todo-n late%s\" href=\"%s\">已逾期<b>%d</b></a>",
       q->mState==TODO_OVERDUE ? " on" : "", todo_url(r, q, 0, 0, TODO_OVERDUE), l->nOverdue);
  outf(r, "<a class=\"todo-n soon%s\" href=\"%s\">即将到期<b>%d</b><small>%d个工作日内</small></a>",
       q->mState==TODO_SOON ? " on" : "", todo_url(r, q, 0, 0, TODO_SOON), l->nSoon, l->nSoonDays);
  outf(r, "<a class=\"todo-n%s\" href=\"%s\">全部<b>%d</b></a>",
       q->mState==0 ? " on" : "", todo_url(r, q, 0, 0, 0), l->nOverdue + l->nSoon);
  int bThis = q->iYear && atoi(zNow)==q->iYear && atoi(zNow+5)==q->iMonth;
  outf(r, "<span class=\"todo-month\"><a class=\"chip%s\" href=\"%s\">本月到期</a><a class=\"chip%s\" href=\"%s\">不限月份</a></span></div>\n",
       bThis ? " on" : "", todo_url(r, q, 0, zNow, -1), q->iYear==0 ? " on" : "", todo_url(r, q, 0, "", -1));
  todo_form(r, q, l);
  /* counts per kind (of the department and month chosen) */
  out_html(r, HTML("<div class=\"todo-kinds\">"));
  for(int i=0; i<l->nCount; i++){
    const TodoCount *n = &l->aCount[i];
    if( n->nOverdue==0 && n->nSoon==0 ) continue;
    outf(r, "<a class=\"chip%s\" href=\"%s\" data-kind=\"%s\">%s <span class=\"late\">逾期%d</span> <span class=\"soon\">临期%d</span></a>",
         n->pKind==q->pKind ? " on" : "", todo_url(r, q, n->pKind->zName, 0, -1), n->pKind->zName,
         n->pKind->zLabel, n->nOverdue, n->nSoon);
  }
  out_html(r, HTML("</div>\n<table class=\"list cardlist todo\"><thead><tr><th>期限情况</th><th>到期日</th><th>事项</th>"
                   "<th>记录</th><th>期限</th><th>法定依据</th><th>所属部门</th></tr></thead><tbody>\n"));
  for(int i=0; i<l->nItem; i++){
    const TodoItem *it = &l->aItem[i];
    char zDue[11];
    day_format(it->s.due, zDue);
    const char *zTitle = rec_title(it->pRec);
    outf(r, "<tr class=\"%s\" data-kind=\"%s\">", it->s.bLate ? "overdue" : "due-soon", it->pKind->zName);
    if( it->s.bLate ) outf(r, "<td class=\"dl late\" data-l=\"期限情况\">已逾期%d个工作日</td>", -it->s.nLeft);
    else if( it->s.nLeft==0 ) out_html(r, HTML("<td class=\"dl soon\" data-l=\"期限情况\">今日到期</td>"));
    else outf(r, "<td class=\"dl soon\" data-l=\"期限情况\">剩%d个工作日</td>", it->s.nLeft);
    outf(r, "<td data-l=\"到期日\" class=\"nowrap\">%s%s</td><td data-l=\"事项\">%s</td>", zDue,
         it->s.bUnknownCal ? "⚠" : "", it->pKind->zLabel);
    outf(r, "<td data-l=\"记录\"><a href=\"/k/%s/%lld\">%s</a></td>", it->pKind->zName, (long long)it->pRec->id,
         zTitle[0] ? zTitle : arena_printf(&r->arena, "第%lld号", (long long)it->pRec->id));
    /* 地方规定: the rule the period was counted by, as the case page says */
    const char *zBasis = it->s.pRule || it->pDl->bLocal ? prule_source(&r->arena, it->pDl, it->s.pRule)
                       : it->pDl->zBasis ? it->pDl->zBasis : "";
    outf(r, "<td data-l=\"期限\">%s</td><td data-l=\"法定依据\" class=\"basis\">%s</td><td data-l=\"所属部门\">%s</td></tr>\n",
         it->pDl->zLabel, zBasis, dept_name(&r->ctx, it->pRec->iDept));
  }
  if( l->nItem==0 ) out_html(r, HTML("<tr><td colspan=\"7\" class=\"empty\">没有已逾期或即将到期的事项</td></tr>"));
  out_html(r, HTML("</tbody></table>\n"));
  int nSize = q->nSize<1 ? 20 : q->nSize>200 ? 200 : q->nSize;
  web_pager(r, l->nTotal, q->iPage<1 ? 1 : q->iPage, nSize);
  web_end(r);
}
