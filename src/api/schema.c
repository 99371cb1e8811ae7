/*
** src/api/schema.c — every declared kind as JSON: fields with types,
** flags and enum values, states and transitions, deadline rules with their
** legal basis, indicators with their filters. `fazhi schema --json` and
** GET /api/v1/schema print it; import templates and docs read it.
*/
#include "api/api.h"
#include "base/json.h"

static const char *type_name(FieldType t){
  switch( t ){
    case FT_TEXT: return "text";
    case FT_LONGTEXT: return "longtext";
    case FT_INT: return "int";
    case FT_DATE: return "date";
    case FT_ENUM: return "enum";
    case FT_BOOL: return "bool";
    case FT_REF: return "ref";
    case FT_DEPT: return "dept";
  }
  return "?";
}
static const char *shape_name(Shape s){
  return s==SHAPE_CATALOG ? "catalog" : s==SHAPE_CASE ? "case" : s==SHAPE_ACTIVITY ? "activity" : "ledger";
}
static void roles(Json *j, unsigned m){
  json_arr_begin(j);
  if( m & R_ADMIN ) json_str(j, "admin");
  if( m & R_CLERK ) json_str(j, "clerk");
  if( m & R_LEADER ) json_str(j, "leader");
  json_arr_end(j);
}
static void expr(Json *j, const Expr *x){
  json_obj_begin(j);
  json_kstr(j, "agg", x->eAgg==AGG_SUM ? "sum" : x->eAgg==AGG_DISTINCT ? "distinct" : "count");
  if( x->eAgg!=AGG_COUNT ){ json_kstr(j, "field", x->zField); if( x->zMinus ) json_kstr(j, "minus", x->zMinus); }
  if( x->zKind ) json_kstr(j, "kind", x->zKind);
  json_key(j, "where");
  json_arr_begin(j);
  for(const Cond *c=x->aCond; c->zOp; c++){
    json_obj_begin(j);
    json_kstr(j, "field", c->zField && c->zField[0] ? c->zField : "state");
    json_kstr(j, "op", c->zOp);
    if( c->zValue ) json_kstr(j, "value", c->zValue);
    json_obj_end(j);
  }
  json_arr_end(j);
  json_obj_end(j);
}

void api_schema(Buf *pOut){
  Json j;
  json_init(&j, pOut);
  json_obj_begin(&j);
  json_key(&j, "kinds");
  json_arr_begin(&j);
  for(int i=0; i<kind_count(); i++){
    const Kind *k = kind_at(i);
    json_obj_begin(&j);
    json_kstr(&j, "id", k->zName);
    json_kstr(&j, "label", k->zLabel);
    json_kstr(&j, "group", k->zGroup);
    json_kstr(&j, "shape", shape_name(k->eShape));
    json_kbool(&j, "public", k->bPublic);
    json_key(&j, "fields");
    json_arr_begin(&j);
    json_obj_begin(&j);
    json_kstr(&j, "id", "dept_id"); json_kstr(&j, "label", "所属部门"); json_kstr(&j, "type", "dept");
    json_kbool(&j, "required", 1);
    json_obj_end(&j);
    for(const Field *f=k->aField; f->zName; f++){
      json_obj_begin(&j);
      json_kstr(&j, "id", f->zName);
      json_kstr(&j, "label", f->zLabel);
      json_kstr(&j, "type", type_name(f->eType));
      json_kbool(&j, "required", (f->flags & F_REQ)!=0);
      if( f->zReqIn ) json_kstr(&j, "required_in_states", f->zReqIn);
      json_kbool(&j, "unique", (f->flags & F_UNIQUE)!=0);
      json_kbool(&j, "public", (f->flags & F_PUBLIC)!=0);
      if( f->flags & F_YEAR ) json_kbool(&j, "year_field", 1);
      if( f->flags & F_PAST ) json_kbool(&j, "not_after_today", 1);
      if( f->flags & F_AUTO ) json_kbool(&j, "set_by_system", 1);
      if( f->eType==FT_REF ) json_kstr(&j, "ref", f->zRef);
      if( f->eType==FT_INT && (f->nMin || f->nMax) ){ json_kint(&j, "min", f->nMin); json_kint(&j, "max", f->nMax); }
      if( f->eType==FT_ENUM ){
        json_key(&j, "values");
        json_arr_begin(&j);
        for(const EnumVal *e=f->aEnum; e->zId; e++){
          json_obj_begin(&j); json_kstr(&j, "id", e->zId); json_kstr(&j, "label", e->zLabel); json_obj_end(&j);
        }
        json_arr_end(&j);
      }
      if( f->zHelp ) json_kstr(&j, "help", f->zHelp);
      json_obj_end(&j);
    }
    json_arr_end(&j);
    json_key(&j, "states");
    json_arr_begin(&j);
    if( k->aState ) for(const State *s=k->aState; s->zId; s++){
      json_obj_begin(&j); json_kstr(&j, "id", s->zId); json_kstr(&j, "label", s->zLabel); json_kbool(&j, "final", s->bFinal); json_obj_end(&j);
    }
    json_arr_end(&j);
    json_key(&j, "transitions");
    json_arr_begin(&j);
    if( k->aTrans ) for(const Transition *t=k->aTrans; t->zId; t++){
      json_obj_begin(&j);
      json_kstr(&j, "id", t->zId); json_kstr(&j, "label", t->zLabel);
      json_kstr(&j, "from", t->zFrom); json_kstr(&j, "to", t->zTo);
      json_key(&j, "roles"); roles(&j, t->mRole);
      if( t->zStamp ) json_kstr(&j, "stamps", t->zStamp);
      json_obj_end(&j);
    }
    json_arr_end(&j);
    json_key(&j, "deadlines");
    json_arr_begin(&j);
    if( k->aDeadline ) for(const Deadline *d=k->aDeadline; d->zName; d++){
      json_obj_begin(&j);
      json_kstr(&j, "id", d->zName); json_kstr(&j, "label", d->zLabel);
      json_kstr(&j, "start", d->zStart);
      if( d->zLengthField ) json_kstr(&j, "length_field", d->zLengthField); else json_kint(&j, "length", d->nLength);
      json_kstr(&j, "unit", d->eUnit==PU_WORKDAYS ? "workdays" : d->eUnit==PU_MONTHS ? "months" : d->eUnit==PU_ONDATE ? "date" : "days");
      json_kstr(&j, "rule", d->bMinimum ? "minimum" : "deadline");
      if( d->zExtFlag ){
        json_kstr(&j, "extension_flag", d->zExtFlag); json_kint(&j, "extension", d->nExtension);
        json_kstr(&j, "extension_counted_from", d->bExtFromEnd ? "end" : "start");
        if( d->zExtWhen ) json_kstr(&j, "extension_when", d->zExtWhen);
        if( d->zExtBasis ) json_kstr(&j, "extension_basis", d->zExtBasis);
      }
      if( d->zDeemed ){
        json_key(&j, "deemed_start");
        json_obj_begin(&j);
        json_kstr(&j, "period", d->zDeemed); json_kstr(&j, "as", d->zDeemedAs); json_kstr(&j, "basis", d->zDeemedBasis);
        json_obj_end(&j);
      }
      if( d->zOnDate ) json_kstr(&j, "date_field", d->zOnDate);
      json_kstr(&j, "done", d->zDone);
      if( d->zWhen ) json_kstr(&j, "applies_when", d->zWhen);
      json_kstr(&j, "basis", d->zBasis);
      json_kstr(&j, "counting", d->bMinimum
        ? "最短期间：起算日不计入；结束日早于期间末日的为期限不足；末日不因法定休假日顺延"
        : "起算日不计入；以日、月计的期间届满日为法定休假日的，顺延至其后第一个工作日");
      json_obj_end(&j);
    }
    json_arr_end(&j);
    json_key(&j, "indicators");
    json_arr_begin(&j);
    if( k->aIndicator ) for(const Indicator *x=k->aIndicator; x->zName; x++){
      json_obj_begin(&j);
      json_kstr(&j, "id", x->zName); json_kstr(&j, "label", x->zLabel);
      json_kstr(&j, "unit", x->eUnit==IU_PERCENT ? "percent" : x->eUnit==IU_COUNT ? "count" : "average");
      json_key(&j, "numerator"); expr(&j, &x->num);
      if( x->eUnit!=IU_COUNT ){ json_key(&j, "denominator"); expr(&j, &x->den); }
      json_kint(&j, "decimals", x->nDecimals);
      json_kstr(&j, "rounding", "half-up");
      if( x->zTarget ) json_kstr(&j, "target", x->zTarget);
      if( x->zHelp ) json_kstr(&j, "help", x->zHelp);
      json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_obj_end(&j);
  buf_putc(pOut, '\n');
}
