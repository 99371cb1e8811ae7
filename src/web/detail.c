/*
** src/web/detail.c — one record: its fields, its statutory periods with
** due dates and legal basis, the workflow buttons the user may press, and
** the record's change history from the audit log.
*/
#include "web/web.h"
#include "audit/audit.h"
#include <string.h>

static void history(Req *r, const Rec *p){
  AuditEntry *a;
  int n;
  if( audit_record_history(&r->ctx, p->pKind, p->id, &a, &n) ) return;
  out_html(r, HTML("<h2>变更记录</h2><table class=\"list small\"><thead><tr><th>时间（UTC）</th><th>操作人</th><th>操作</th></tr></thead><tbody>"));
  for(int i=0; i<n; i++){
    outf(r, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>", a[i].zAt, a[i].zLogin, audit_action_label(p->pKind, a[i].zAction));
  }
  if( n==0 ){
    /* rows from a bulk import are logged in one batch entry */
    out_html(r, HTML("<tr><td colspan=\"3\">批量导入的记录，见审计日志中的导入批次</td></tr>"));
  }
  out_html(r, HTML("</tbody></table>"));
}

void web_detail(Req *r, const Rec *p){
  const Kind *k = p->pKind;
  int bPublic = (r->actor.mRole & R_PUBLIC)!=0;
  web_begin(r, arena_printf(&r->arena, "%s：%s", k->zLabel, rec_title(p)), k);
  web_errors_box(r);
  out_html(r, HTML("<div class=\"toolbar\">"));
  if( actor_can_write(&r->actor) ){
    outf(r, "<a class=\"btn success\" href=\"/k/%s/%lld/edit\">修改</a>", k->zName, (long long)p->id);
    if( k->aTrans ){
      for(const Transition *t=k->aTrans; t->zId; t++){
        if( !rec_trans_allowed(&r->actor, p, t) ) continue;
        outf(r, "<form method=\"post\" action=\"/k/%s/%lld/do/%s\" class=\"inline\">", k->zName, (long long)p->id, t->zId);
        web_csrf_field(r);
        outf(r, "<button type=\"submit\" class=\"btn primary\">%s</button></form>", t->zLabel);
      }
    }
    outf(r, "<form method=\"post\" action=\"/k/%s/%lld/delete\" class=\"inline confirm\" data-confirm=\"是否确认删除“%s”？\">",
         k->zName, (long long)p->id, rec_title(p));
    web_csrf_field(r);
    out_html(r, HTML("<button type=\"submit\" class=\"btn danger\">删除</button></form>"));
  }
  if( k->aLink ){
    for(const Link *l=k->aLink; l->zLabel; l++) outf(r, "<a class=\"btn primary\" href=\"%s%lld\">%s</a>", l->zHref, (long long)p->id, l->zLabel);
  }
  outf(r, "<a class=\"btn\" href=\"/k/%s\">返回列表</a></div>", k->zName);
  out_html(r, HTML("<table class=\"detail\"><tbody>"));
  outf(r, "<tr><th>所属部门</th><td>%s</td></tr>", p->zDeptName ? p->zDeptName : dept_name(&r->ctx, p->iDept));
  if( k->aState ){
    const State *s = kind_state(k, p->zState);
    outf(r, "<tr><th>状态</th><td><span class=\"state s-%s\">%s</span></td></tr>", p->zState, s ? s->zLabel : p->zState);
  }
  for(const Field *f=k->aField; f->zName; f++){
    if( (bPublic && !(f->flags & F_PUBLIC)) || (f->flags & F_HIDDEN) ) continue;
    const char *z = rec_display(&r->ctx, p, f);
    if( f->eType==FT_MONEY && z[0] ) z = arena_printf(&r->arena, "%s元", z);
    if( f->eType==FT_REF && rec_val(p, f->zName) ){
      outf(r, "<tr><th>%s</th><td><a href=\"/k/%s/%s\">%s</a></td></tr>", f->zLabel, f->zRef, rec_val(p, f->zName), z);
    }else{
      outf(r, "<tr><th>%s</th><td class=\"%s\">%s</td></tr>", f->zLabel, f->eType==FT_LONGTEXT ? "pre" : "", z);
    }
  }
  out_html(r, HTML("</tbody></table>"));
  if( k->aDeadline && !bPublic ){
    Day today = 0;
    day_parse(r->ctx.zToday, &today);
    out_html(r, HTML("<h2>法定期限</h2><table class=\"list small\"><thead><tr><th>期限</th><th>届满日</th><th>情况</th><th>依据</th></tr></thead><tbody>"));
    for(const Deadline *d=k->aDeadline; d->zName; d++){
      DeadlineStatus s;
      deadline_eval(&r->ctx, p, d, today, &s);
      if( !s.bApplies ) continue;
      char zDue[11] = "";
      if( s.bHasDue ) day_format(s.due, zDue);
      const char *zState = !s.bHasDue ? "尚未起算"
        : s.bDone ? (s.bLate ? "逾期完成" : "按期完成")
        : s.bActive ? (s.bLate ? arena_printf(&r->arena, "已逾期%d个工作日", -s.nLeft)
                               : arena_printf(&r->arena, "剩%d个工作日", s.nLeft))
        : "不再计算";
      outf(r, "<tr class=\"%s\"><td>%s</td><td>%s%s</td><td>%s</td><td class=\"basis\">%s</td></tr>",
           s.bActive && s.bLate ? "overdue" : s.bActive && s.nLeft<=DUE_SOON_WORKDAYS ? "due-soon" : "",
           d->zLabel, zDue, s.bUnknownCal ? "（⚠ 期间跨入尚未公布放假安排的年度，按双休日推算）" : "",
           zState, d->zBasis);
    }
    out_html(r, HTML("</tbody></table>"));
  }
  if( !bPublic ) history(r, p);
  web_end(r);
}
