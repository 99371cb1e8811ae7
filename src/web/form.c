/*
** src/web/form.c — the add/edit form of any kind. Each field's input
** follows its type; a validation error appears beside its field (and the
** input is marked aria-invalid), in Chinese, as the engine wrote it.
*/
#include "web/web.h"
#include <string.h>
#include <stdlib.h>

static const char *field_error(Req *r, const char *zField){
  for(int i=0; i<r->ctx.err.n; i++){
    const ErrItem *e = &r->ctx.err.a[i];
    if( e->zField && strcmp(e->zField, zField)==0 ) return e->zMsg;
  }
  return 0;
}

/* What to show in an input: what the user just typed (after an error),
** else the stored value. */
static const char *field_value(Req *r, const Rec *p, const Field *f){
  if( r->ctx.err.n ){
    const char *z = req_param(r, f->zName);
    if( z ) return z;
  }
  if( p==0 ) return "";
  if( f->eType==FT_REF || f->eType==FT_DEPT || f->eType==FT_MONEY ){
    const char *z = rec_display(&r->ctx, p, f);
    return z;
  }
  const char *z = rec_val(p, f->zName);
  return z ? z : "";
}

/* One field of a form: its label (* when always required), the input its
** type takes holding zV, and zErr beside it (aria-invalid) or its hint.
** The add/edit form and a workflow step's form (step.c) write the same. */
void web_field(Req *r, const Field *f, const char *zV, const char *zErr){
  const char *zLabel = f->eType==FT_MONEY ? arena_printf(&r->arena, "%s（元）", f->zLabel) : f->zLabel;
  int bReq = (f->flags & F_REQ)!=0;
  outf(r, "<div class=\"field%s%s\"><label for=\"f-%s\">%s",
       zErr ? " has-error" : "", f->eType==FT_LONGTEXT ? " wide" : "", f->zName, zLabel);
  if( bReq ) out_html(r, HTML("<em>*</em>"));
  out_html(r, HTML("</label>"));
  const char *zInv = zErr ? "true" : "false";   /* aria-invalid */
  switch( f->eType ){
    case FT_LONGTEXT:
      outf(r, "<textarea id=\"f-%s\" name=\"%s\" rows=\"4\" aria-invalid=\"%s\">%s</textarea>", f->zName, f->zName, zInv, zV);
      break;
    case FT_ENUM:
      outf(r, "<select id=\"f-%s\" name=\"%s\" aria-invalid=\"%s\"><option value=\"\">请选择</option>", f->zName, f->zName, zInv);
      for(const EnumVal *e=f->aEnum; e->zId; e++){
        int bSel = strcmp(zV, e->zId)==0 || strcmp(zV, e->zLabel)==0;
        outf(r, "<option value=\"%s\"%s>%s</option>", e->zId, bSel ? " selected" : "", e->zLabel);
      }
      out_html(r, HTML("</select>"));
      break;
    case FT_BOOL:
      outf(r, "<select id=\"f-%s\" name=\"%s\" aria-invalid=\"%s\"><option value=\"\">请选择</option>"
              "<option value=\"1\"%s>是</option><option value=\"0\"%s>否</option></select>",
           f->zName, f->zName, zInv, strcmp(zV, "1")==0 ? " selected" : "", strcmp(zV, "0")==0 ? " selected" : "");
      break;
    case FT_DATE:
      /* type=text with a pattern hint: the browser's date widget would
      ** hide what the clerk typed when it is invalid. */
      outf(r, "<input id=\"f-%s\" name=\"%s\" value=\"%s\" placeholder=\"YYYY-MM-DD\" class=\"date\" autocomplete=\"off\" aria-invalid=\"%s\">",
           f->zName, f->zName, zV, zInv);
      break;
    case FT_INT:
      outf(r, "<input id=\"f-%s\" name=\"%s\" value=\"%s\" inputmode=\"numeric\" aria-invalid=\"%s\">", f->zName, f->zName, zV, zInv);
      break;
    case FT_MONEY:
      outf(r, "<input id=\"f-%s\" name=\"%s\" value=\"%s\" inputmode=\"decimal\" placeholder=\"如 1234.50\" aria-invalid=\"%s\">", f->zName, f->zName, zV, zInv);
      break;
    case FT_REF:
      outf(r, "<input id=\"f-%s\" name=\"%s\" value=\"%s\" placeholder=\"编号、名称或ID\" aria-invalid=\"%s\">", f->zName, f->zName, zV, zInv);
      break;
    case FT_DEPT:
      outf(r, "<input id=\"f-%s\" name=\"%s\" value=\"%s\" placeholder=\"部门全称\" aria-invalid=\"%s\">", f->zName, f->zName, zV, zInv);
      break;
    default:
      outf(r, "<input id=\"f-%s\" name=\"%s\" value=\"%s\" aria-invalid=\"%s\">", f->zName, f->zName, zV, zInv);
  }
  if( zErr ) outf(r, "<div class=\"err\" id=\"e-%s\">%s</div>", f->zName, zErr);
  else if( f->zHelp ) outf(r, "<div class=\"help\">%s</div>", f->zHelp);
  out_html(r, HTML("</div>\n"));
}

const char *web_field_error(Req *r, const char *zField){ return field_error(r, zField); }

void web_form(Req *r, const Kind *k, const Rec *p, int bEdit){
  const char *zTitle = bEdit ? arena_printf(&r->arena, "修改%s", k->zLabel)
                             : arena_printf(&r->arena, "新增%s", k->zLabel);
  web_begin(r, zTitle, k);
  /* Errors not tied to one field go on top. */
  int nOther = 0;
  for(int i=0; i<r->ctx.err.n; i++) if( r->ctx.err.a[i].zField==0 ) nOther++;
  if( nOther ){
    out_html(r, HTML("<div class=\"notice bad\" role=\"alert\"><ul>"));
    for(int i=0; i<r->ctx.err.n; i++){
      if( r->ctx.err.a[i].zField==0 ) outf(r, "<li>%s</li>", r->ctx.err.a[i].zMsg);
    }
    out_html(r, HTML("</ul></div>"));
  }
  if( r->ctx.err.n ){
    outf(r, "<div class=\"notice bad\" role=\"alert\">请修改标红的%d处后再保存。</div>", r->ctx.err.n);
  }
  if( bEdit ) outf(r, "<form method=\"post\" action=\"/k/%s/%lld/edit\" class=\"record\" novalidate>", k->zName, (long long)p->id);
  else outf(r, "<form method=\"post\" action=\"/k/%s/new\" class=\"record\" novalidate>", k->zName);
  web_csrf_field(r);
  /* Department */
  {
    const char *zErr = field_error(r, "dept_id");
    i64 iSel = p ? p->iDept : record_default_dept(&r->actor, k);
    const char *zIn = r->ctx.err.n ? req_param(r, "dept_id") : 0;
    if( zIn ) iSel = atoll(zIn);
    outf(r, "<div class=\"field%s\"><label for=\"f-dept_id\">所属部门<em>*</em></label>"
            "<select id=\"f-dept_id\" name=\"dept_id\" aria-invalid=\"%s\">", zErr ? " has-error" : "", zErr ? "true" : "false");
    web_dept_options(r, iSel, 0);
    out_html(r, HTML("</select>"));
    if( zErr ) outf(r, "<div class=\"err\" id=\"e-dept_id\">%s</div>", zErr);
    out_html(r, HTML("</div>"));
  }
  /* a field first required in a later state is entered at the step that
  ** reaches it (web_step), unless it already holds a value */
  const char *zState = p ? p->zState : k->aState ? k->aState[0].zId : 0;
  for(const Field *f=k->aField; f->zName; f++){
    if( f->flags & F_AUTO ) continue;
    const char *zV = field_value(r, p, f);
    const char *zErr = field_error(r, f->zName);
    if( field_later(f, zState) && zV[0]==0 && zErr==0 ) continue;
    web_field(r, f, zV, zErr);
  }
  outf(r, "<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">确 定</button>"
          "<a class=\"btn\" href=\"%s\">取 消</a></div></form>",
       bEdit ? arena_printf(&r->arena, "/k/%s/%lld", k->zName, (long long)p->id) : arena_printf(&r->arena, "/k/%s", k->zName));
  web_end(r);
}
