/*
** src/api/api.c — JSON renderers for the handlers, and reading JSON bodies.
** Records are {"id":…, "dept_id":…, "dept":"…", "state":"…", "state_label":"…",
** "fields":{id: value}, "labels":{id: display text}, "deadlines":[…]}.
** Counts are integers; a rate is given with its two counts.
*/
#include "api/api.h"
#include "auth/auth.h"
#include "base/json.h"
#include "base/json_scan.h"
#include "engine/kinddef.h"
#include "engine/prule.h"
#include <cjson/cJSON.h>
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

void api_json_begin(Req *r, int status, Json *j){
  r->status = status;
  r->zContentType = "application/json; charset=utf-8";
  buf_reset(&r->out);
  json_init(j, &r->out);
}

void api_error(Req *r, int status, const char *zMsg){
  Json j;
  api_json_begin(r, status, &j);
  json_obj_begin(&j);
  json_key(&j, "error");
  json_obj_begin(&j);
  json_kint(&j, "code", status);
  json_kstr(&j, "message", zMsg);
  json_obj_end(&j);
  json_obj_end(&j);
}

void api_errors(Req *r){
  Json j;
  api_json_begin(r, 422, &j);
  json_obj_begin(&j);
  json_key(&j, "errors");
  json_arr_begin(&j);
  for(int i=0; i<r->ctx.err.n; i++){
    const ErrItem *e = &r->ctx.err.a[i];
    json_obj_begin(&j);
    json_kint(&j, "row", e->iRow);
    json_kstr(&j, "field", e->zField);
    json_kstr(&j, "label", e->zLabel);
    json_kstr(&j, "message", err_text(&r->ctx, e));
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_obj_end(&j);
}

/* A period's pauses as applied to one record: "halted" (a pause still
** open: no due date), "restart" (counted anew from a day), "suspension"
** (days left out, and how many in the period's unit). */
static void pause_json(Json *j, const Deadline *d, const DeadlineStatus *st){
  char zA[11], zB[11];
  if( st->pHalt ){
    day_format(st->halted, zA);
    json_key(j, "halted");
    json_obj_begin(j);
    json_kstr(j, "label", st->pHalt->zLabel); json_kstr(j, "since", zA);
    json_kstr(j, "basis", st->pHalt->zBasis);
    json_obj_end(j);
  }
  if( st->pRestart ){
    day_format(st->restart, zA);
    json_key(j, "restart");
    json_obj_begin(j);
    json_kstr(j, "label", st->pRestart->zLabel); json_kstr(j, "from", zA);
    json_kstr(j, "basis", st->pRestart->zBasis);
    json_obj_end(j);
  }
  if( st->pSuspend ){
    day_format(st->suspFrom, zA);
    day_format(st->suspTo, zB);
    json_key(j, "suspension");
    json_obj_begin(j);
    json_kstr(j, "label", st->pSuspend->zLabel); json_kstr(j, "from", zA); json_kstr(j, "to", zB);
    json_kint(j, "not_counted", st->nSuspended);
    json_kstr(j, "unit", d->eUnit==PU_WORKDAYS ? "workdays" : "days");
    json_kstr(j, "basis", st->pSuspend->zBasis);
    json_obj_end(j);
  }
}

static void record_body(Req *r, Json *j, const Rec *p, int bFull){
  const Kind *k = p->pKind;
  int bPublic = (r->actor.mRole & R_PUBLIC)!=0;
  json_obj_begin(j);
  json_kint(j, "id", p->id);
  json_kstr(j, "kind", k->zName);
  json_kint(j, "dept_id", p->iDept);
  json_kstr(j, "dept", p->zDeptName ? p->zDeptName : dept_name(&r->ctx, p->iDept));
  json_kstr(j, "state", p->zState);
  const State *s = kind_state(k, p->zState);
  json_kstr(j, "state_label", s ? s->zLabel : p->zState);
  json_key(j, "fields");
  json_obj_begin(j);
  int i = 0;
  for(const Field *f=k->aField; f->zName; f++, i++){
    if( bPublic && !(f->flags & F_PUBLIC) ) continue;
    json_key(j, f->zName);
    const char *z = p->azVal[i];
    if( z==0 ) json_null(j);
    else if( (f->eType==FT_INT || f->eType==FT_REF || f->eType==FT_DEPT) && z[strspn(z, "-0123456789")]==0 ) json_int(j, atoll(z));
    else if( f->eType==FT_BOOL ) json_bool(j, strcmp(z, "1")==0);
    else if( f->eType==FT_MONEY ) json_str(j, money_plain(&r->arena, z));   /* "1234.50": exact, as sent back */
    else json_str(j, z);
  }
  json_obj_end(j);
  if( bFull ){
    json_key(j, "labels");
    json_obj_begin(j);
    for(const Field *f=k->aField; f->zName; f++){
      if( bPublic && !(f->flags & F_PUBLIC) ) continue;
      if( f->eType==FT_ENUM || f->eType==FT_BOOL || f->eType==FT_REF || f->eType==FT_DEPT ){
        if( rec_val(p, f->zName) ) json_kstr(j, f->zName, rec_display(&r->ctx, p, f));
      }
    }
    json_obj_end(j);
    if( k->aDeadline && !bPublic ){
      Day today = 0;
      day_parse(r->ctx.zToday, &today);
      json_key(j, "deadlines");
      json_arr_begin(j);
      for(const Deadline *d=k->aDeadline; d->zName; d++){
        DeadlineStatus st;
        deadline_eval(&r->ctx, p, d, today, &st);
        if( !st.bApplies || (!st.bHasDue && !st.pHalt) ) continue;
        char zDue[11];
        day_format(st.due, zDue);
        json_obj_begin(j);
        json_kstr(j, "name", d->zName);
        json_kstr(j, "label", d->zLabel);
        if( st.bHasDue ) json_kstr(j, "due", zDue); else { json_key(j, "due"); json_null(j); }
        pause_json(j, d, &st);
        json_kbool(j, "done", st.bDone);
        json_kbool(j, "late", st.bLate);
        json_kbool(j, "active", st.bActive);
        if( st.bActive ) json_kint(j, "workdays_left", st.nLeft);
        json_kbool(j, "calendar_incomplete", st.bUnknownCal);
        if( st.bUnknownCal ) json_kint(j, "calendar_incomplete_year", st.iCalYear);
        if( st.bMinimum ){ json_kbool(j, "minimum", 1); json_kbool(j, "short", st.bDone && st.bLate); }
        if( st.bDeemed ){
          char zD[11];
          day_format(st.deemed, zD);
          json_key(j, "deemed_start");
          json_obj_begin(j);
          json_kstr(j, "as", d->zDeemedAs);
          json_kstr(j, "date", zD);
          json_kstr(j, "basis", d->zDeemedBasis);
          json_obj_end(j);
        }
        if( st.bExtended ) json_kbool(j, "extended", 1);
        if( st.bOnDate ) json_kbool(j, "set_date", 1);
        json_kstr(j, "basis", st.pRule ? st.pRule->zBasis : d->zBasis);
        if( st.pRule || d->bLocal ){
          /* 地方规定: where the period's length comes from */
          const PeriodRule *pr = st.pRule;
          json_key(j, "source");
          json_obj_begin(j);
          json_kstr(j, "level", pr ? pr->zLevel : "state");
          json_kstr(j, "text", prule_source(&r->arena, d, pr));
          json_kint(j, "length", pr ? pr->nLength : d->nLength);
          json_kstr(j, "unit", (pr ? pr->eUnit : d->eUnit)==PU_WORKDAYS ? "workdays" : (pr ? pr->eUnit : d->eUnit)==PU_MONTHS ? "months" : "days");
          if( pr ){
            json_kint(j, "rule_id", pr->id);
            json_kstr(j, "jurisdiction", pr->zJurName);
            json_kstr(j, "in_force_from", pr->zFrom);
            if( pr->zTo[0] ) json_kstr(j, "in_force_to", pr->zTo);
            json_kstr(j, "statutory_basis", d->zBasis);
          }
          json_obj_end(j);
        }
        json_obj_end(j);
      }
      json_arr_end(j);
    }
  }
  json_obj_end(j);
}

void api_record(Req *r, const Rec *p, int status){
  Json j;
  api_json_begin(r, status, &j);
  record_body(r, &j, p, 1);
}

void api_list(Req *r, const Query *q, const RecList *pList){
  Json j;
  api_json_begin(r, 200, &j);
  json_obj_begin(&j);
  json_kint(&j, "total", pList->nTotal);
  json_kint(&j, "page", q->iPage<1 ? 1 : q->iPage);
  json_kint(&j, "size", q->nSize);
  json_key(&j, "rows");
  json_arr_begin(&j);
  for(int i=0; i<pList->nRow; i++) record_body(r, &j, pList->aRow[i], 0);
  json_arr_end(&j);
  json_obj_end(&j);
}

void api_indicators(Req *r, int iYear, i64 iDept, IndValue *aVal, int nVal){
  Json j;
  api_json_begin(r, 200, &j);
  json_obj_begin(&j);
  json_kint(&j, "year", iYear);
  json_kint(&j, "dept_id", iDept);
  json_key(&j, "indicators");
  json_arr_begin(&j);
  for(int i=0; i<nVal; i++){
    IndValue *v = &aVal[i];
    json_obj_begin(&j);
    json_kstr(&j, "kind", v->pKind->zName);
    json_kstr(&j, "name", v->pInd->zName);
    json_kstr(&j, "label", v->pInd->zLabel);
    json_kint(&j, "numerator", v->num);
    if( v->pInd->eUnit!=IU_COUNT ) json_kint(&j, "denominator", v->den);
    json_kstr(&j, "value", v->bEmpty ? 0 : v->zValue);
    json_kstr(&j, "text", v->zText);
    json_kstr(&j, "unit", v->pInd->eUnit==IU_PERCENT ? "%" : v->pInd->eUnit==IU_COUNT ? "count" : "average");
    if( v->pInd->zTarget ){ json_kstr(&j, "target", v->pInd->zTarget); json_kbool(&j, "below_target", v->bBelowTarget); }
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_obj_end(&j);
}

static void json_figure(Json *j, const IndValue *v){
  json_kint(j, "numerator", v->num);
  if( v->pInd->eUnit!=IU_COUNT ) json_kint(j, "denominator", v->den);
  json_kstr(j, "value", v->bEmpty ? 0 : v->zValue);
  json_kstr(j, "text", v->zText);
  if( v->pInd->zTarget ) json_kbool(j, "below_target", v->bBelowTarget);
}

/* GET /api/v1/counties: each indicator per county of the scope, and the whole. */
void api_counties(Req *r, const CountyGrid *g){
  Json j;
  api_json_begin(r, 200, &j);
  json_obj_begin(&j);
  json_kint(&j, "year", g->iYear);
  json_key(&j, "counties");
  json_arr_begin(&j);
  for(int i=0; i<g->nCounty; i++){
    json_obj_begin(&j);
    json_kint(&j, "id", g->aId[i]);
    json_kstr(&j, "name", g->azName[i]);
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_key(&j, "indicators");
  json_arr_begin(&j);
  for(int k=0; k<g->nRow; k++){
    const CountyRow *w = &g->aRow[k];
    json_obj_begin(&j);
    json_kstr(&j, "kind", w->pKind->zName);
    json_kstr(&j, "name", w->pInd->zName);
    json_kstr(&j, "label", w->pInd->zLabel);
    json_key(&j, "by_county");
    json_arr_begin(&j);
    for(int i=0; i<g->nCounty; i++){
      json_obj_begin(&j);
      json_figure(&j, &w->aVal[i]);
      json_obj_end(&j);
    }
    json_arr_end(&j);
    json_key(&j, "total");
    json_obj_begin(&j);
    json_figure(&j, &w->aVal[g->nCounty]);
    json_obj_end(&j);
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_obj_end(&j);
}

void api_breakdowns(Req *r, int iYear, const BreakSet *a, int nSet){
  Json j;
  api_json_begin(r, 200, &j);
  json_obj_begin(&j);
  json_kint(&j, "year", iYear);
  json_key(&j, "breakdowns");
  json_arr_begin(&j);
  for(int i=0; i<nSet; i++){
    const BreakSet *s = &a[i];
    const Field *fBy = s->pBd->zBy ? kind_field(s->pKind, s->pBd->zBy) : 0;
    json_obj_begin(&j);
    json_kstr(&j, "kind", s->pKind->zName);
    json_kstr(&j, "indicator", s->pBd->zIndicator);
    json_kstr(&j, "label", s->all.pInd->zLabel);
    json_kstr(&j, "by", fBy ? fBy->zName : "dept_id");
    json_kstr(&j, "by_label", fBy ? fBy->zLabel : "所属部门");
    json_kbool(&j, "high_is_bad", s->pBd->bHighIsBad);
    json_key(&j, "county");
    json_obj_begin(&j);
    json_figure(&j, &s->all);
    json_obj_end(&j);
    json_key(&j, "rows");
    json_arr_begin(&j);
    for(int g=0; g<s->nRow; g++){
      json_obj_begin(&j);
      json_kstr(&j, "group", s->aRow[g].zKey);
      json_kstr(&j, "param", s->aRow[g].zParam);
      json_kstr(&j, "param_value", s->aRow[g].zValue);
      json_figure(&j, &s->aRow[g].v);
      json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_obj_end(&j);
}

void api_me(Req *r){
  Json j;
  api_json_begin(r, 200, &j);
  json_obj_begin(&j);
  json_kint(&j, "id", r->actor.iUser);
  json_kstr(&j, "login", r->actor.zLogin);
  json_kstr(&j, "name", r->actor.zName);
  json_kstr(&j, "role", role_label(r->actor.mRole));
  json_kint(&j, "dept_id", r->actor.iDept);
  json_kstr(&j, "dept", dept_name(&r->ctx, r->actor.iDept));
  json_kstr(&j, "csrf", r->zCsrf);
  json_obj_end(&j);
}

/* ---- JSON bodies ---------------------------------------------------------- */

struct JsonInput { cJSON *pRoot; Req *r; };

static void json_input_free(void *p){ cJSON_Delete(((JsonInput*)p)->pRoot); }

/* The field a body's key names in kind k (id, Chinese label, or the
** department), or 0. */
static const Field *key_field(const Kind *k, const char *zKey){
  if( strcmp(zKey, "dept_id")==0 || strcmp(zKey, "所属部门")==0 ) return &field_dept;
  if( k==0 ) return 0;
  const Field *f = kind_field(k, zKey);
  if( f==0 ){
    for(const Field *g=k->aField; g->zName; g++) if( strcmp(g->zLabel, zKey)==0 ) f = g;
  }
  return f;
}

/* Before cJSON reads the body, its strings are checked (json_scan.h): a
** \u0000, a raw NUL, a lone surrogate escape or bytes that are not UTF-8
** are an error naming the field (the key's field of r->pKind, or the key
** itself) in r->ctx.err, and the body is not read: *pzErr is that
** message and 0 is returned, as for a body that is no JSON object (then
** r->ctx.err is left empty). Callers answer 422 when r->ctx.err has
** entries, 400 otherwise. */
JsonInput *api_json_input(Req *r, const char **pzErr){
  const char *z = buf_cstr(&r->body);
  JsonScanBad bad;
  if( json_scan_strings(z, r->body.n, 1, &bad) ){
    char zWhy[200];
    json_scan_text(&bad, zWhy, sizeof zWhy);
    const Field *f = bad.bInKey ? 0 : key_field(r->pKind, bad.zKey);
    if( bad.bInKey ){
      err_add(&r->ctx, 0, 0, "字段名含有%s", zWhy);
    }else if( f ){
      err_add(&r->ctx, 0, f, "含有%s", zWhy);
    }else{
      Field *pF = arena_alloc(&r->arena, sizeof(Field));
      pF->zName = pF->zLabel = bad.zKey[0] ? arena_strdup(&r->arena, bad.zKey) : "（请求体）";
      pF->eType = FT_TEXT;
      err_add(&r->ctx, 0, pF, "含有%s", zWhy);
    }
    *pzErr = err_text(&r->ctx, &r->ctx.err.a[r->ctx.err.n-1]);
    return 0;
  }
  cJSON *pRoot = cJSON_ParseWithLength(z, r->body.n);
  if( pRoot==0 || !cJSON_IsObject(pRoot) ){
    cJSON_Delete(pRoot);
    *pzErr = "请求体不是有效的JSON对象";
    return 0;
  }
  JsonInput *j = arena_alloc(&r->arena, sizeof(JsonInput));
  j->pRoot = pRoot;
  j->r = r;
  arena_defer(&r->arena, json_input_free, j);
  return j;
}

/* A value's JSON type must be the field's (null, meaning "empty", always
** is):
**   FT_TEXT, FT_LONGTEXT, FT_DATE, FT_ENUM   a string
**   FT_INT                                  a number without a fraction
**   FT_BOOL                                 true or false ("是", 1 are not
**                                           taken: a client sending 1 for
**                                           a yes/no field has its types wrong)
**   FT_REF, FT_DEPT, dept_id                a number (the record's or the
**                                           department's id) or a string (the
**                                           code, title or department name,
**                                           as an import may give it)
** so true is never 1 (plan_id:true once attached a record to plan 1) and
** 20260101 is never a date. Returns the message for a wrong type, or 0. */
static const char *json_type_error(Req *r, const Field *f, const cJSON *v){
  if( cJSON_IsNull(v) ) return 0;
  const char *zGot = cJSON_IsString(v) ? "文本" : cJSON_IsNumber(v) ? "数字"
                   : cJSON_IsBool(v) ? (cJSON_IsTrue(v) ? "布尔值true" : "布尔值false")
                   : cJSON_IsArray(v) ? "数组" : "对象";
  switch( f->eType ){
    case FT_TEXT: case FT_LONGTEXT:
      if( cJSON_IsString(v) ) return 0;
      return arena_printf(&r->arena, "应为文本，收到的是%s", zGot);
    case FT_DATE:
      if( cJSON_IsString(v) ) return 0;
      return arena_printf(&r->arena, "应为文本（日期，如\"2026-06-30\"），收到的是%s", zGot);
    case FT_ENUM:
      if( cJSON_IsString(v) ) return 0;
      return arena_printf(&r->arena, "应为文本（选项之一），收到的是%s", zGot);
    case FT_BOOL:
      if( cJSON_IsBool(v) ) return 0;
      return arena_printf(&r->arena, "应为布尔值true或false，收到的是%s", zGot);
    case FT_INT:
      if( cJSON_IsNumber(v) ){
        double d = v->valuedouble;
        if( d>=-9007199254740992.0 && d<=9007199254740992.0 && d==(double)(long long)d ) return 0;
        return arena_printf(&r->arena, "应为整数，收到的是%g", d);
      }
      return arena_printf(&r->arena, "应为整数（数字），收到的是%s", zGot);
    case FT_MONEY:
      if( cJSON_IsString(v) || cJSON_IsNumber(v) ) return 0;
      return arena_printf(&r->arena, "应为金额（数字或文本，如\"1234.50\"），收到的是%s", zGot);
    case FT_REF: case FT_DEPT:
      if( cJSON_IsString(v) ) return 0;
      if( cJSON_IsNumber(v) ){
        double d = v->valuedouble;
        if( d>=1 && d<=9007199254740992.0 && d==(double)(long long)d ) return 0;
        return arena_printf(&r->arena, "应为编号（正整数），收到的是%g", d);
      }
      return arena_printf(&r->arena, "应为编号（数字）或名称（文本），收到的是%s", zGot);
  }
  return 0;
}

/* The value of v as text (strings, numbers, booleans), or 0. */
static const char *json_scalar(Req *r, const cJSON *v){
  if( cJSON_IsNull(v) ) return "";
  if( cJSON_IsString(v) ) return arena_strdup(&r->arena, v->valuestring);
  if( cJSON_IsBool(v) ) return cJSON_IsTrue(v) ? "1" : "0";
  if( cJSON_IsNumber(v) ){
    double d = v->valuedouble;
    if( d>=-9007199254740992.0 && d<=9007199254740992.0 && d==(double)(long long)d ){
      return arena_printf(&r->arena, "%lld", (long long)d);
    }
    return arena_printf(&r->arena, "%g", d);
  }
  return 0;
}

/* Values may be keyed by field id or Chinese label; a "fields" object (as
** records are returned) is accepted too. A value of the wrong JSON type
** is not read (api_json_check reports it). */
const char *api_json_get(void *p, const Field *f){
  JsonInput *j = p;
  cJSON *pObj = j->pRoot;
  cJSON *pFields = cJSON_GetObjectItemCaseSensitive(pObj, "fields");
  if( cJSON_IsObject(pFields) ) pObj = pFields;
  cJSON *v = cJSON_GetObjectItemCaseSensitive(pObj, f->zName);
  if( v==0 ) v = cJSON_GetObjectItemCaseSensitive(pObj, f->zLabel);
  if( v==0 && pObj!=j->pRoot ) v = cJSON_GetObjectItemCaseSensitive(j->pRoot, f->zName);
  if( v==0 || json_type_error(j->r, f, v) ) return 0;
  if( f->eType==FT_MONEY && cJSON_IsNumber(v) ){
    /* to two decimals as sent; a third is refused by money_parse, so keep it */
    char z[64];
    snprintf(z, sizeof z, "%.3f", v->valuedouble);
    size_t n = strlen(z);
    if( n && z[n-1]=='0' ) z[n-1] = 0;
    return arena_strdup(&j->r->arena, z);
  }
  return json_scalar(j->r, v);     /* objects and arrays: api_json_check has reported them */
}

const char *api_json_value(JsonInput *j, const char *zName){
  cJSON *v = cJSON_GetObjectItemCaseSensitive(j->pRoot, zName);
  if( v && cJSON_IsArray(v) ){            /* a list ("ids": [3, 4]): its scalars joined by commas */
    Buf b;
    buf_init(&b);
    for(const cJSON *e=v->child; e; e=e->next){
      const char *z = json_scalar(j->r, e);
      if( z==0 ) continue;
      if( b.n ) buf_putc(&b, ',');
      buf_puts(&b, z);
    }
    const char *z = arena_strdup(&j->r->arena, buf_cstr(&b));
    buf_free(&b);
    return z;
  }
  return v ? json_scalar(j->r, v) : 0;
}

void api_json_check(Req *r, JsonInput *j, const Kind *k){
  cJSON *pObj = j->pRoot;
  cJSON *pFields = cJSON_GetObjectItemCaseSensitive(pObj, "fields");
  for(int pass=0; pass<2; pass++){
    cJSON *o = pass==0 ? pObj : pFields;
    if( !cJSON_IsObject(o) ) continue;
    for(cJSON *v=o->child; v; v=v->next){
      const char *zKey = v->string;
      if( pass==0 && strcmp(zKey, "fields")==0 ) continue;
      if( strcmp(zKey, "id")==0 || strcmp(zKey, "kind")==0 || strcmp(zKey, "state")==0
       || strcmp(zKey, "state_label")==0 || strcmp(zKey, "dept")==0 || strcmp(zKey, "labels")==0
       || strcmp(zKey, "deadlines")==0 ) continue;      /* what the API returns may be sent back */
      const Field *f = key_field(k, zKey);
      const char *zType;
      if( f==0 ){
        err_add(&r->ctx, 0, 0, "未知字段“%s”（可用字段见 /api/v1/schema）", zKey);
      }else if( cJSON_IsObject(v) || cJSON_IsArray(v) ){
        err_add(&r->ctx, 0, f, "应为文本、数字或布尔值，不能是对象或数组");
      }else if( (zType = json_type_error(r, f, v))!=0 ){
        err_add(&r->ctx, 0, f, "%s", zType);
      }
    }
  }
}

/* 待办: {"today","soon_days","overdue","due_soon","total","page","size",
** "counts":[{kind,label,overdue,due_soon}],"rows":[{kind,kind_label,id,
** title,dept_id,dept,deadline,deadline_label,basis,due,state,days_left,
** url}]}; state is "overdue" or "due_soon", days_left negative when
** overdue (working days). */
void api_todo(Req *r, const TodoQuery *q, const TodoList *l){
  Json j;
  api_json_begin(r, 200, &j);
  json_obj_begin(&j);
  json_kstr(&j, "today", r->ctx.zToday);
  json_kint(&j, "soon_days", l->nSoonDays);
  json_kint(&j, "overdue", l->nOverdue);
  json_kint(&j, "due_soon", l->nSoon);
  json_kint(&j, "total", l->nTotal);
  json_kint(&j, "page", q->iPage<1 ? 1 : q->iPage);
  json_kint(&j, "size", q->nSize<1 ? 20 : q->nSize>200 ? 200 : q->nSize);
  json_key(&j, "counts");
  json_arr_begin(&j);
  for(int i=0; i<l->nCount; i++){
    json_obj_begin(&j);
    json_kstr(&j, "kind", l->aCount[i].pKind->zName);
    json_kstr(&j, "label", l->aCount[i].pKind->zLabel);
    json_kint(&j, "overdue", l->aCount[i].nOverdue);
    json_kint(&j, "due_soon", l->aCount[i].nSoon);
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_key(&j, "rows");
  json_arr_begin(&j);
  for(int i=0; i<l->nItem; i++){
    const TodoItem *it = &l->aItem[i];
    char zDue[11];
    day_format(it->s.due, zDue);
    json_obj_begin(&j);
    json_kstr(&j, "kind", it->pKind->zName);
    json_kstr(&j, "kind_label", it->pKind->zLabel);
    json_kint(&j, "id", it->pRec->id);
    json_kstr(&j, "title", rec_title(it->pRec));
    json_kint(&j, "dept_id", it->pRec->iDept);
    json_kstr(&j, "dept", dept_name(&r->ctx, it->pRec->iDept));
    json_kstr(&j, "deadline", it->pDl->zName);
    json_kstr(&j, "deadline_label", it->pDl->zLabel);
    json_kstr(&j, "basis", it->s.pRule ? it->s.pRule->zBasis : it->pDl->zBasis);   /* 地方规定: the rule counted */
    json_kstr(&j, "due", zDue);
    json_kstr(&j, "state", it->s.bLate ? "overdue" : "due_soon");
    json_kint(&j, "days_left", it->s.nLeft);
    if( it->s.bUnknownCal ) json_kbool(&j, "calendar_incomplete", 1);
    json_kstr(&j, "url", arena_printf(&r->arena, "/k/%s/%lld", it->pKind->zName, (long long)it->pRec->id));
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_obj_end(&j);
}
