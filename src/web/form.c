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

/* The departments a field naming one offers: the whole county's (a unit
** reviewed need not be in the clerk's own scope; record.c reads FT_DEPT
** the same way), else the actor's scope. */
static const char *county_scope(Req *r){
  const char *z = dept_unit_path(r->ctx.pDb, &r->arena, r->actor.zDeptPath, "county,city");
  return z ? z : r->actor.zDeptPath;
}

/* A party's input (Field.zOtherParty): the departments by name, and 其他
** with the name typed in its own box (f_other; shown only when 其他 is
** chosen, with JavaScript). A value that is no department's name is 其他's. */
static void party_input(Req *r, const Field *f, const char *zV, const char *zInv){
  const char *zIn = r->ctx.err.n ? req_param(r, f->zName) : 0;
  if( zIn && (zIn[0]==0 || strcmp(zIn, "@other")==0) ){       /* typed, sent back after an error */
    const char *zO = req_param(r, arena_printf(&r->arena, "%s_other", f->zName));
    zV = zO ? zO : "";
  }
  outf(r, "<select id=\"f-%s\" name=\"%s\" class=\"party\" aria-invalid=\"%s\"><option value=\"\">请选择</option>",
       f->zName, f->zName, zInv);
  int bDept = web_dept_choices(r, county_scope(r), 0, zV, DEPT_OPT_NAME);
  int bOther = !bDept && zV[0];
  outf(r, "<option value=\"@other\"%s>其他（填写名称）</option></select>", bOther ? " selected" : "");
  outf(r, "<input id=\"f-%s-other\" name=\"%s_other\" class=\"party-other\" value=\"%s\" placeholder=\"不在部门名单中的，填写全称\""
          " aria-label=\"%s（其他）\">", f->zName, f->zName, bOther ? zV : "", f->zLabel);
}

/* One field of a form: its label (* when always required), the input its
** type takes holding zV, and zErr beside it (aria-invalid) or its hint.
** The add/edit form and a workflow step's form (step.c) write the same;
** p is the record (NULL: a new one of kind k), bEdit 0 proposes the next
** case number where the field declares a pattern (Field.zNumbering). */
void web_field(Req *r, const Kind *k, const Rec *p, int bEdit, const Field *f, const char *zV, const char *zErr){
  const char *zLabel = f->eType==FT_MONEY ? arena_printf(&r->arena, "%s（元）", f->zLabel) : f->zLabel;
  int bReq = (f->flags & F_REQ)!=0;
  outf(r, "<div class=\"field%s%s\"><label for=\"f-%s\">%s",
       zErr ? " has-error" : "", f->eType==FT_LONGTEXT ? " wide" : "", f->zName, zLabel);
  if( bReq ) out_html(r, HTML("<em>*</em>"));
  out_html(r, HTML("</label>"));
  const char *zInv = zErr ? "true" : "false";   /* aria-invalid */
  const char *zNumHelp = 0;                     /* the proposed number's note */
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
      /* the browser's date picker; it sends YYYY-MM-DD (and nothing for
      ** a date it cannot read), which the engine checks as always */
      outf(r, "<input type=\"date\" id=\"f-%s\" name=\"%s\" value=\"%s\" placeholder=\"YYYY-MM-DD\" class=\"date\""
              " min=\"1949-10-01\" max=\"2100-12-31\" autocomplete=\"off\" aria-invalid=\"%s\">",
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
    case FT_DEPT: {                      /* a department alone: chosen, not typed */
      const char *zId = r->ctx.err.n ? req_param(r, f->zName) : p ? rec_val(p, f->zName) : 0;
      outf(r, "<select id=\"f-%s\" name=\"%s\" aria-invalid=\"%s\"><option value=\"\">请选择</option>", f->zName, f->zName, zInv);
      web_dept_choices(r, county_scope(r), zId ? atoll(zId) : 0, 0, 0);
      out_html(r, HTML("</select>"));
      break;
    }
    default:
      if( f->zOtherParty ){ party_input(r, f, zV, zInv); break; }
      if( f->zNumbering && !bEdit && r->ctx.err.n==0 && zV[0]==0 ){
        RecNumber num;
        if( rec_number_propose(&r->ctx, k, f, record_default_dept(&r->actor, k), &num)==FZ_OK ){
          zV = num.zNext;
          zNumHelp = num.nLast ? arena_printf(&r->arena, "按编号规则“%s”建议为%s（本年度已编至%lld号），可以修改；已用的编号不能重复",
                                              num.zPattern, num.zNext, num.nLast)
                               : arena_printf(&r->arena, "按编号规则“%s”建议为%s（本年度第一件），可以修改；已用的编号不能重复",
                                              num.zPattern, num.zNext);
        }
      }
      outf(r, "<input id=\"f-%s\" name=\"%s\" value=\"%s\" aria-invalid=\"%s\">", f->zName, f->zName, zV, zInv);
  }
  if( zErr ) outf(r, "<div class=\"err\" id=\"e-%s\">%s</div>", f->zName, zErr);
  else if( zNumHelp ) outf(r, "<div class=\"help\">%s</div>", zNumHelp);
  else if( f->zHelp ) outf(r, "<div class=\"help\">%s</div>", f->zHelp);
  if( f->zOtherParty && !zErr ) outf(r, "<div class=\"help\">%s</div>", f->zOtherParty);
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
    web_field(r, k, p, bEdit, f, zV, zErr);
  }
  outf(r, "<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">确 定</button>"
          "<a class=\"btn\" href=\"%s\">取 消</a></div></form>",
       bEdit ? arena_printf(&r->arena, "/k/%s/%lld", k->zName, (long long)p->id) : arena_printf(&r->arena, "/k/%s", k->zName));
  web_end(r);
}
