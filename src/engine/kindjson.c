/*
** src/engine/kindjson.c — one kind as JSON (kind_json, kinddef.h), and
** money as text (money_parse, money_format).
**
** The object is what `fazhi schema --json` prints per kind and what a
** custom kind's definition is (kinddef.c reads it back): a definition
** exported from one database is added into another unchanged. Keys that
** describe rules fazhi applies for every kind ("rounding", "counting")
** are printed for the reader and ignored when read.
*/
#include "engine/kinddef.h"
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

const char *kind_type_name(FieldType t){
  switch( t ){
    case FT_TEXT: return "text";
    case FT_LONGTEXT: return "longtext";
    case FT_INT: return "int";
    case FT_DATE: return "date";
    case FT_ENUM: return "enum";
    case FT_BOOL: return "bool";
    case FT_REF: return "ref";
    case FT_DEPT: return "dept";
    case FT_MONEY: return "money";
  }
  return "?";
}

/* "register" for a catalog counted in force at a date (a custom 名册), else
** the shape's own name. */
const char *kind_shape_name(const Kind *k){
  switch( k->eShape ){
    case SHAPE_CATALOG: return k->pInForce ? "register" : "catalog";
    case SHAPE_CASE: return "case";
    case SHAPE_ACTIVITY: return "activity";
    case SHAPE_LEDGER: return "ledger";
  }
  return "?";
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

static void field_json(Json *j, const Field *f){
  json_obj_begin(j);
  json_kstr(j, "id", f->zName);
  json_kstr(j, "label", f->zLabel);
  json_kstr(j, "type", kind_type_name(f->eType));
  json_kbool(j, "required", (f->flags & F_REQ)!=0);
  if( f->zReqIn ) json_kstr(j, "required_in_states", f->zReqIn);
  json_kbool(j, "unique", (f->flags & F_UNIQUE)!=0);
  json_kbool(j, "public", (f->flags & F_PUBLIC)!=0);
  json_kbool(j, "list", (f->flags & F_LIST)!=0);
  json_kbool(j, "filter", (f->flags & F_FILTER)!=0);
  if( f->flags & F_TITLE ) json_kbool(j, "title", 1);
  if( f->flags & F_YEAR ) json_kbool(j, "year_field", 1);
  if( f->flags & F_PAST ) json_kbool(j, "not_after_today", 1);
  if( f->flags & F_AUTO ) json_kbool(j, "set_by_system", 1);
  if( f->eType==FT_REF ) json_kstr(j, "ref", f->zRef);
  if( f->eType==FT_INT && (f->nMin || f->nMax) ){ json_kint(j, "min", f->nMin); json_kint(j, "max", f->nMax); }
  if( f->eType==FT_ENUM ){
    json_key(j, "values");
    json_arr_begin(j);
    for(const EnumVal *e=f->aEnum; e->zId; e++){
      json_obj_begin(j); json_kstr(j, "id", e->zId); json_kstr(j, "label", e->zLabel); json_obj_end(j);
    }
    json_arr_end(j);
  }
  if( f->zHelp ) json_kstr(j, "help", f->zHelp);
  if( f->zNumbering ) json_kstr(j, "numbering", f->zNumbering);
  if( f->zOtherParty ) json_kstr(j, "other_party", f->zOtherParty);
  json_obj_end(j);
}

static void ind_json(Json *j, const Indicator *x){
  json_obj_begin(j);
  json_kstr(j, "id", x->zName); json_kstr(j, "label", x->zLabel);
  json_kstr(j, "unit", x->eUnit==IU_PERCENT ? "percent" : x->eUnit==IU_COUNT ? "count" : "average");
  if( x->zUnitWord ) json_kstr(j, "unit_word", x->zUnitWord);
  json_key(j, "numerator"); expr(j, &x->num);
  if( x->eUnit!=IU_COUNT ){ json_key(j, "denominator"); expr(j, &x->den); }
  json_kint(j, "decimals", x->nDecimals);
  json_kstr(j, "rounding", "half-up");
  if( x->zTarget ) json_kstr(j, "target", x->zTarget);
  if( x->zHelp ) json_kstr(j, "help", x->zHelp);
  json_obj_end(j);
}

static void breakdown_json(Json *j, const Breakdown *b){
  json_obj_begin(j);
  json_kstr(j, "indicator", b->zIndicator);
  json_kstr(j, "by", b->zBy ? b->zBy : "dept_id");
  json_kbool(j, "high_is_bad", b->bHighIsBad);
  json_obj_end(j);
}

void kind_json(Json *j, const Kind *k){
  json_obj_begin(j);
  json_kstr(j, "id", k->zName);
  json_kstr(j, "label", k->zLabel);
  json_kstr(j, "group", k->zGroup);
  json_kstr(j, "shape", kind_shape_name(k));
  json_kbool(j, "public", k->bPublic);
  json_kint(j, "order", k->nOrder);
  if( k->iVersion ) json_kint(j, "version", k->iVersion);
  if( k->zAbout ) json_kstr(j, "about", k->zAbout);
  if( k->pInForce ){
    json_key(j, "in_force");
    json_obj_begin(j);
    json_kstr(j, "from", k->pInForce->zFrom);
    json_kstr(j, "to", k->pInForce->zTo);
    json_obj_end(j);
  }
  json_key(j, "fields");
  json_arr_begin(j);
  json_obj_begin(j);
  json_kstr(j, "id", "dept_id"); json_kstr(j, "label", "所属部门"); json_kstr(j, "type", "dept");
  json_kbool(j, "required", 1);
  json_obj_end(j);
  for(const Field *f=k->aField; f->zName; f++){
    if( f->flags & F_HIDDEN ) continue;    /* kept in the table, no longer part of the definition */
    field_json(j, f);
  }
  json_arr_end(j);
  json_key(j, "states");
  json_arr_begin(j);
  if( k->aState ) for(const State *s=k->aState; s->zId; s++){
    json_obj_begin(j); json_kstr(j, "id", s->zId); json_kstr(j, "label", s->zLabel); json_kbool(j, "final", s->bFinal); json_obj_end(j);
  }
  json_arr_end(j);
  json_key(j, "transitions");
  json_arr_begin(j);
  if( k->aTrans ) for(const Transition *t=k->aTrans; t->zId; t++){
    json_obj_begin(j);
    json_kstr(j, "id", t->zId); json_kstr(j, "label", t->zLabel);
    json_kstr(j, "from", t->zFrom); json_kstr(j, "to", t->zTo);
    json_key(j, "roles"); roles(j, t->mRole);
    if( t->zStamp ) json_kstr(j, "stamps", t->zStamp);
    json_obj_end(j);
  }
  json_arr_end(j);
  json_key(j, "deadlines");
  json_arr_begin(j);
  if( k->aDeadline ) for(const Deadline *d=k->aDeadline; d->zName; d++){
    json_obj_begin(j);
    json_kstr(j, "id", d->zName); json_kstr(j, "label", d->zLabel);
    json_kstr(j, "start", d->zStart);
    if( d->zLengthField ) json_kstr(j, "length_field", d->zLengthField); else json_kint(j, "length", d->nLength);
    json_kstr(j, "unit", d->eUnit==PU_WORKDAYS ? "workdays" : d->eUnit==PU_MONTHS ? "months" : d->eUnit==PU_ONDATE ? "date" : "days");
    json_kstr(j, "rule", d->bMinimum ? "minimum" : "deadline");
    if( d->zExtFlag ){
      json_kstr(j, "extension_flag", d->zExtFlag); json_kint(j, "extension", d->nExtension);
      json_kstr(j, "extension_counted_from", d->bExtFromEnd ? "end" : "start");
      if( d->zExtWhen ) json_kstr(j, "extension_when", d->zExtWhen);
      if( d->zExtBasis ) json_kstr(j, "extension_basis", d->zExtBasis);
    }
    if( d->zDeemed ){
      json_key(j, "deemed_start");
      json_obj_begin(j);
      json_kstr(j, "period", d->zDeemed); json_kstr(j, "as", d->zDeemedAs); json_kstr(j, "basis", d->zDeemedBasis);
      json_obj_end(j);
    }
    if( d->aPause ){
      json_key(j, "pauses");
      json_arr_begin(j);
      for(const Pause *p=d->aPause; p->zLabel; p++){
        json_obj_begin(j);
        json_kstr(j, "label", p->zLabel);
        json_kstr(j, "mode", p->eMode==PM_SUSPEND ? "suspend" : "restart");
        json_kstr(j, "from", p->zFrom); json_kstr(j, "to", p->zTo);
        json_kstr(j, "counting", p->eMode==PM_SUSPEND
          ? "自开始日至结束日（两端均含）不计入期限；开始于期限届满之后的不影响期限；尚未结束的，期限暂停计算"
          : "自通知日起暂停计算，自事件日起重新计算整个期限（事件日不计入）");
        json_kstr(j, "basis", p->zBasis);
        json_obj_end(j);
      }
      json_arr_end(j);
    }
    if( d->zReading ) json_kstr(j, "reading", d->zReading);
    if( d->zOnDate ) json_kstr(j, "date_field", d->zOnDate);
    json_kstr(j, "done", d->zDone);
    if( d->zWhen ) json_kstr(j, "applies_when", d->zWhen);
    if( d->zActiveIn ) json_kstr(j, "active_in", d->zActiveIn);
    json_kstr(j, "basis", d->zBasis);
    /* 地方规定 (prule.c): the declared length is the state default, which a
    ** province, city or county may replace by a rule in force from a date */
    if( d->bLocal ) json_kstr(j, "jurisdiction", "local: 声明的长度为默认，可由省（市）、县（区）规定替代（fazhi rule）");
    json_kstr(j, "counting", d->bMinimum
      ? "最短期间：起算日不计入；结束日早于期间末日的为期限不足；末日不因法定休假日顺延"
      : "起算日不计入；以日、月计的期间届满日为法定休假日的，顺延至其后第一个工作日");
    json_obj_end(j);
  }
  json_arr_end(j);
  json_key(j, "indicators");
  json_arr_begin(j);
  if( k->aIndicator ) for(const Indicator *x=k->aIndicator; x->zName; x++) ind_json(j, x);
  json_arr_end(j);
  if( k->aBreakdown ){
    json_key(j, "breakdowns");
    json_arr_begin(j);
    for(const Breakdown *b=k->aBreakdown; b->zIndicator; b++) breakdown_json(j, b);
    json_arr_end(j);
  }
  if( k->pReport ){
    const ReportText *t = k->pReport;
    json_key(j, "report");
    json_obj_begin(j);
    json_kstr(j, "section", t->zSection);
    if( t->zIntro ) json_kstr(j, "intro", t->zIntro);
    json_key(j, "sentences");
    json_arr_begin(j);
    for(int i=0; i<10 && t->azSentence[i]; i++) json_str(j, t->azSentence[i]);
    json_arr_end(j);
    if( t->bJoin ) json_kbool(j, "join", 1);
    json_obj_end(j);
  }
  if( k->pBase ){
    json_key(j, "extension");
    kind_ext_json(j, k);
  }
  json_obj_end(j);
}

static int count_sentences(const ReportText *t){
  int n = 0;
  while( t && n<10 && t->azSentence[n] ) n++;
  return n;
}

void kind_ext_json(Json *j, const Kind *k){
  const Kind *b = k->pBase;
  json_obj_begin(j);
  json_kstr(j, "extends", b->zName);
  if( k->iVersion ) json_kint(j, "version", k->iVersion);
  json_key(j, "fields");
  json_arr_begin(j);
  for(const Field *f=k->aField; f->zName; f++){
    if( !(f->flags & F_HIDDEN) && kind_field(b, f->zName)==0 ) field_json(j, f);
  }
  json_arr_end(j);
  json_key(j, "enum_values");
  json_obj_begin(j);
  for(const Field *fb=b->aField; fb->zName; fb++){
    const Field *f = kind_field(k, fb->zName);
    if( fb->eType!=FT_ENUM || f->aEnum==fb->aEnum ) continue;
    int n = 0;
    while( fb->aEnum[n].zId ) n++;
    json_key(j, fb->zName);
    json_arr_begin(j);
    for(const EnumVal *e=f->aEnum+n; e->zId; e++){
      json_obj_begin(j); json_kstr(j, "id", e->zId); json_kstr(j, "label", e->zLabel); json_obj_end(j);
    }
    json_arr_end(j);
  }
  json_obj_end(j);
  json_key(j, "indicators");
  json_arr_begin(j);
  for(const Indicator *x=k->aIndicator; x && x->zName; x++) if( kind_indicator(b, x->zName)==0 ) ind_json(j, x);
  json_arr_end(j);
  int nB = 0;
  while( b->aBreakdown && b->aBreakdown[nB].zIndicator ) nB++;
  json_key(j, "breakdowns");
  json_arr_begin(j);
  if( k->aBreakdown!=b->aBreakdown ) for(const Breakdown *p=k->aBreakdown+nB; p->zIndicator; p++) breakdown_json(j, p);
  json_arr_end(j);
  int nS = count_sentences(b->pReport), nK = count_sentences(k->pReport);
  if( nK>nS ){
    json_key(j, "report");
    json_obj_begin(j);
    if( b->pReport==0 ){
      json_kstr(j, "section", k->pReport->zSection);
      if( k->pReport->zIntro ) json_kstr(j, "intro", k->pReport->zIntro);
    }
    json_key(j, "sentences");
    json_arr_begin(j);
    for(int i=nS; i<nK; i++) json_str(j, k->pReport->azSentence[i]);
    json_arr_end(j);
    json_obj_end(j);
  }
  json_key(j, "targets");
  json_obj_begin(j);
  for(const Indicator *x=k->aIndicator; x && x->zName; x++){
    const Indicator *xb = kind_indicator(b, x->zName);
    if( xb==0 ) continue;
    int bT = (x->zTarget==0) != (xb->zTarget==0) || (x->zTarget && strcmp(x->zTarget, xb->zTarget)!=0);
    if( !bT && x->nDecimals==xb->nDecimals ) continue;
    json_key(j, x->zName);
    json_obj_begin(j);
    json_kstr(j, "target", x->zTarget ? x->zTarget : "");
    json_kint(j, "decimals", x->nDecimals);
    json_obj_end(j);
  }
  json_obj_end(j);
  json_obj_end(j);
}

/* ---- money ------------------------------------------------------------ */

/* Up to 10^15 分 (10 万亿元): far above any county's sums, far below i64. */
#define MONEY_MAX 1000000000000000LL

const char *money_parse(const char *zIn, long long *pFen){
  char z[64];
  size_t n = 0;
  const char *s = zIn;
  while( *s==' ' ) s++;
  if( *s=='-' ) return "不能为负数";
  if( strncmp(s, "¥", 2)==0 ) s += 2;
  else if( strncmp(s, "￥", 3)==0 ) s += 3;
  /* digits with thousands commas, one optional point, then an optional 元 */
  int bPoint = 0, nDec = 0, nDigit = 0;
  for(; *s; s++){
    if( *s>='0' && *s<='9' ){
      if( n+1>=sizeof z ) return "数额过大";
      z[n++] = *s;
      nDigit++;
      if( bPoint ) nDec++;
    }else if( *s==',' && !bPoint && nDigit>0 ){
      /* a thousands separator */
    }else if( strncmp(s, "，", 3)==0 && !bPoint && nDigit>0 ){
      s += 2;
    }else if( *s=='.' && !bPoint ){
      bPoint = 1;
      if( n+1>=sizeof z ) return "数额过大";
      z[n++] = '.';
    }else break;
  }
  if( strncmp(s, "元", 3)==0 ) s += 3;
  while( *s==' ' ) s++;
  if( *s || nDigit==0 ) return "应为金额（元），如 1234.50、1,234.50 或 1234.50元";
  if( nDec>2 ) return "最多两位小数（精确到分）";
  z[n] = 0;
  long long yuan = 0, fen = 0;
  const char *p = z;
  for(; *p && *p!='.'; p++){
    if( yuan > MONEY_MAX/10 ) return "数额过大";
    yuan = yuan*10 + (*p-'0');
  }
  if( *p=='.' ){
    p++;
    if( p[0] ) fen = (p[0]-'0')*10 + (p[1] ? p[1]-'0' : 0);
  }
  if( yuan > MONEY_MAX/100 ) return "数额过大";
  *pFen = yuan*100 + fen;
  return 0;
}

char *money_format(long long nFen, char *z, size_t n){
  char d[32];
  int bNeg = nFen<0;
  unsigned long long v = bNeg ? (unsigned long long)(-(nFen+1))+1 : (unsigned long long)nFen;
  snprintf(d, sizeof d, "%llu", v/100);
  size_t nd = strlen(d), o = 0;
  char out[48];
  if( bNeg ) out[o++] = '-';
  for(size_t i=0; i<nd; i++){
    if( i>0 && (nd-i)%3==0 ) out[o++] = ',';
    out[o++] = d[i];
  }
  snprintf(out+o, sizeof out - o, ".%02llu", v%100);
  snprintf(z, n, "%s", out);
  return z;
}

const char *money_plain(Arena *a, const char *zFen){
  if( zFen==0 || zFen[0]==0 || zFen[strspn(zFen, "-0123456789")] ) return zFen;
  long long v = atoll(zFen);
  unsigned long long u = v<0 ? (unsigned long long)(-(v+1))+1 : (unsigned long long)v;
  return arena_printf(a, "%s%llu.%02llu", v<0 ? "-" : "", u/100, u%100);
}
