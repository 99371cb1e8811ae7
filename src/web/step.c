/*
** src/web/step.c — one workflow step of a record (受理, 结案 …): a small
** form with exactly the fields its next state needs (kind_step_fields),
** the step's own date prefilled with today. Without script it is a page
** of its own (GET /k/KIND/ID/do/STEP); app.js opens the same form in a
** dialog over the record's page and, when the step is refused, shows
** this page's errors there, each beside its field.
**
** Errors that name no field of the form (a field every save requires,
** left empty by an old import) are listed on top: they are mended with
** 修改 first.
*/
#include "web/web.h"
#include <string.h>

/* Whether the error e is written beside one of the form's fields. */
static int on_form(const ErrItem *e, const Field **aF, int nF){
  for(int i=0; i<nF && e->zField; i++) if( strcmp(e->zField, aF[i]->zName)==0 ) return 1;
  return 0;
}

/* What a field of the step shows: what was just typed (after an error),
** else the stored value, else today for the step's own date. */
static const char *step_value(Req *r, const Rec *p, const Transition *t, const Field *f){
  if( r->ctx.err.n ){
    const char *z = req_param(r, f->zName);
    if( z ) return z;
  }
  const char *z = f->eType==FT_REF || f->eType==FT_DEPT || f->eType==FT_MONEY ? rec_display(&r->ctx, p, f) : rec_val(p, f->zName);
  if( (z==0 || z[0]==0) && t->zStamp && strcmp(t->zStamp, f->zName)==0 ) z = r->ctx.zToday;
  return z ? z : "";
}

void web_step(Req *r, const Rec *p, const Transition *t){
  const Kind *k = p->pKind;
  const Field *aF[64];
  int nF = kind_step_fields(k, t, aF, 64);
  web_begin(r, arena_printf(&r->arena, "%s：%s（%s）", k->zLabel, t->zLabel, rec_title(p)), k);
  int nOther = 0;
  for(int i=0; i<r->ctx.err.n; i++) if( !on_form(&r->ctx.err.a[i], aF, nF) ) nOther++;
  if( nOther ){
    out_html(r, HTML("<div class=\"notice bad\" role=\"alert\"><ul>"));
    for(int i=0; i<r->ctx.err.n; i++){
      if( !on_form(&r->ctx.err.a[i], aF, nF) ) outf(r, "<li>%s</li>", err_text(&r->ctx, &r->ctx.err.a[i]));
    }
    outf(r, "</ul><p>请先点击“修改”补全上述内容，再执行“%s”。</p></div>", t->zLabel);
  }
  outf(r, "<form method=\"post\" action=\"/k/%s/%lld/do/%s\" class=\"record step\" novalidate>",
       k->zName, (long long)p->id, t->zId);
  web_csrf_field(r);
  if( nF==0 ) outf(r, "<p class=\"field wide\">确定对“%s”执行“%s”？</p>", rec_title(p), t->zLabel);
  for(int i=0; i<nF; i++) web_field(r, k, p, 1, aF[i], step_value(r, p, t, aF[i]), web_field_error(r, aF[i]->zName));
  outf(r, "<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">确 定</button>"
          "<a class=\"btn cancel\" href=\"/k/%s/%lld\">取 消</a></div></form>", k->zName, (long long)p->id);
  web_end(r);
}
