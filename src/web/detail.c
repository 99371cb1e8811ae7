/*
** src/web/detail.c — one record: its fields, its statutory periods with
** due dates and legal basis, the workflow buttons the user may press, and
** the record's change history from the audit log.
*/
#include "web/web.h"
#include "audit/audit.h"
#include "engine/prule.h"
#include <string.h>

static void history(Req *r, const Rec *p){
  AuditEntry *a;
  int n;
  if( audit_record_history(&r->ctx, p->pKind, p->id, &a, &n) ) return;
  out_html(r, HTML("<h2>变更记录</h2><table class=\"list small\"><thead><tr><th>时间</th><th>操作人</th><th>操作</th></tr></thead><tbody>"));
  for(int i=0; i<n; i++){
    outf(r, "<tr><td class=\"nowrap\">%s</td><td>%s</td><td>%s</td></tr>", web_time(r, a[i].zAt), a[i].zWho,
         audit_action_label(p->pKind, a[i].zAction));
  }
  if( n==0 ){
    /* rows from a bulk import are logged in one batch entry */
    out_html(r, HTML("<tr><td colspan=\"3\">批量导入的记录，见审计日志中的导入批次</td></tr>"));
  }
  out_html(r, HTML("</tbody></table>"));
}

/* A pause of a period shown under the table of periods. */
typedef struct PauseLine { const Deadline *d; const Pause *p; const char *zText; } PauseLine;
#define PAUSE_LINE(P, T) do{ if( nLine<8 ) aLine[nLine++] = (PauseLine){ d, (P), (T) }; }while(0)

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
        const Field *aF[1];
        if( kind_step_fields(k, t, aF, 1) ){
          /* a step that asks for fields: its form (app.js: in a dialog) */
          outf(r, "<a class=\"btn primary\" href=\"/k/%s/%lld/do/%s\" data-step>%s</a>", k->zName, (long long)p->id, t->zId, t->zLabel);
          continue;
        }
        outf(r, "<form method=\"post\" action=\"/k/%s/%lld/do/%s\" class=\"inline\">", k->zName, (long long)p->id, t->zId);
        web_csrf_field(r);
        outf(r, "<button type=\"submit\" class=\"btn primary\">%s</button></form>", t->zLabel);
      }
    }
    if( rec_can_delete(&r->actor, p) ){      /* a closed record: the admin's alone */
      outf(r, "<form method=\"post\" action=\"/k/%s/%lld/delete\" class=\"inline confirm\" data-confirm=\"是否确认删除“%s”？\">",
           k->zName, (long long)p->id, rec_title(p));
      web_csrf_field(r);
      out_html(r, HTML("<button type=\"submit\" class=\"btn danger\">删除</button></form>"));
    }
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
    out_html(r, HTML("<h2>法定期限</h2><table class=\"list small periods\"><thead><tr><th>期限</th><th>届满日</th><th>情况</th><th>依据</th></tr></thead><tbody>"));
    const Deadline *pDeemed = 0;
    Day deemed = 0;
    PauseLine aLine[8];          /* a line per pause applied: which days, the basis */
    int nLine = 0;
    for(const Deadline *d=k->aDeadline; d->zName; d++){
      DeadlineStatus s;
      deadline_eval(&r->ctx, p, d, today, &s);
      if( !s.bApplies ) continue;
      char zDue[11] = "";
      if( s.bHasDue ) day_format(s.due, zDue);
      if( s.bDeemed && pDeemed==0 ){ pDeemed = d; deemed = s.deemed; }
      const char *zState;
      if( s.pHalt ){
        zState = "暂停计算";
      }else if( s.bMinimum ){
        /* a least time: only a recorded end can fall short of it */
        zState = !s.bHasDue ? "尚未起算" : !s.bDone ? "尚未结束" : s.bLate ? "期限不足" : "期限符合要求";
      }else{
        zState = !s.bHasDue ? "尚未起算"
          : s.bDone ? (s.bLate ? "逾期完成" : "按期完成")
          : s.bActive ? (s.bLate ? arena_printf(&r->arena, "已逾期%d个工作日", -s.nLeft)
                                 : arena_printf(&r->arena, "剩%d个工作日", s.nLeft))
          : "不再计算";
      }
      const char *zNote = "";
      char zA[11], zB[11];
      if( s.pHalt ){
        day_format(s.halted, zA);
        zNote = arena_printf(&r->arena, "（%s：自%s起暂停，待填写%s）", s.pHalt->zLabel, zA,
                             kind_field(k, s.pHalt->zTo)->zLabel);
        PAUSE_LINE(s.pHalt, arena_printf(&r->arena, "自%s起暂停计算，尚未结束", zA));
      }
      if( s.pRestart ){
        day_format(s.restart, zA);
        zNote = arena_printf(&r->arena, "（%s：自%s起重新计算）", s.pRestart->zLabel, zA);
        PAUSE_LINE(s.pRestart, arena_printf(&r->arena, "自%s起重新计算，此前经过的期间不计", zA));
      }
      if( s.pSuspend ){
        day_format(s.suspFrom, zA);
        day_format(s.suspTo, zB);
        const char *zDays = arena_printf(&r->arena, "%d%s", s.nSuspended, d->eUnit==PU_WORKDAYS ? "个工作日" : "日");
        zNote = arena_printf(&r->arena, "%s（%s %s至%s不计入，共%s）", zNote, s.pSuspend->zLabel, zA, zB, zDays);
        PAUSE_LINE(s.pSuspend, arena_printf(&r->arena, "%s至%s（含两端）不计入期限，共%s", zA, zB, zDays));
      }
      const char *zMore = "";   /* after the pauses: the start deemed, the extension, a date set */
      if( s.bDeemed ){
        char zD[11];
        day_format(s.deemed, zD);
        zMore = arena_printf(&r->arena, "（自%s日%s起算）", d->zDeemedAs, zD);
      }else if( s.bExtended ){
        zMore = "（含经批准的延长）";
      }else if( s.bHasDue && d->zExtFlag && rec_val(p, d->zExtFlag) && strcmp(rec_val(p, d->zExtFlag), "1")==0 ){
        zMore = "（所填延长不计入：适用的程序规定未准许延长）";
      }else if( s.bOnDate ){
        zMore = "（按填写的日期）";
      }
      if( zMore[0] ) zNote = arena_printf(&r->arena, "%s%s", zNote, zMore);
      const char *zExt = d->zExtBasis ? arena_printf(&r->arena, "；延长：%s", d->zExtBasis) : "";
      outf(r, "<tr class=\"%s\"><td>%s</td><td>%s%s",
           (s.bActive || s.bMinimum) && s.bLate ? "overdue" : s.bActive && s.nLeft<=todo_soon_days(&r->ctx) ? "due-soon" : "",
           d->zLabel, s.bMinimum && s.bHasDue ? "不早于" : "", zDue);
      if( s.bUnknownCal ){
        outf(r, "<small class=\"calgap\">（⚠节假日未完整登记：期间跨入%d年，该年的节假日安排尚未完整登记，"
                "按已登记的放假日和双休日推算）</small>", s.iCalYear);
      }
      /* 地方规定: the rule counted, or the declared default (默认规定) where one could be set */
      const char *zBasis = s.pRule || d->bLocal ? prule_source(&r->arena, d, s.pRule) : d->zBasis;
      if( s.pRule ) zNote = arena_printf(&r->arena, "%s（按%s计算）", zNote, prule_length_text(&r->arena, s.pRule->nLength, s.pRule->eUnit));
      outf(r, "</td><td>%s%s</td><td class=\"basis\">%s%s</td></tr>", zState, zNote, zBasis, zExt);
    }
    out_html(r, HTML("</tbody></table>"));
    for(int i=0; i<nLine; i++){
      outf(r, "<p class=\"deemed pause\">%s（%s）：%s（依据%s）</p>", aLine[i].d->zLabel, aLine[i].p->zLabel, aLine[i].zText, aLine[i].p->zBasis);
    }
    if( pDeemed ){
      char zD[11];
      day_format(deemed, zD);
      outf(r, "<p class=\"deemed\">%s日 %s（依据%s）</p>", pDeemed->zDeemedAs, zD, pDeemed->zDeemedBasis);
    }
  }
  if( !bPublic ) history(r, p);
  web_end(r);
}
