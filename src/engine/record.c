/*
** src/engine/record.c — create, read, update, delete and move records of
** any kind, reading only the kind's declaration.
**
** Writes follow one pattern: parse and check everything into pCtx->err;
** if anything is wrong, write nothing; otherwise one transaction writes the
** row and its audit entry. Reads are scoped to the actor's department
** subtree by a bound parameter, never by SQL text.
*/
#include "engine/record.h"
#include "engine/kinddef.h"
#include "audit/audit.h"
#include "base/json.h"
#include "base/utf8.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <ctype.h>
#include <time.h>

static const char *now_iso(Ctx *c);
const char *rec_now_iso(Ctx *c){ return now_iso(c); }
static const char *now_iso(Ctx *c){
  time_t t = time(0);
  struct tm tm;
  gmtime_r(&t, &tm);
  char z[32];
  strftime(z, sizeof z, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return arena_strdup(c->pArena, z);
}

Rec *rec_new(Ctx *c, const Kind *k){
  Rec *r = arena_alloc(c->pArena, sizeof(Rec));
  r->pKind = k;
  r->azVal = arena_alloc(c->pArena, sizeof(char*)*(size_t)(kind_nfield(k)+1));
  r->zState = k->aState ? k->aState[0].zId : "active";
  return r;
}

/* Declarations name fields with the same literals the compiler merges, so
** a pointer match usually answers before any strcmp. */
static int field_index(const Kind *k, const char *zName){
  for(int i=0; k->aField[i].zName; i++) if( k->aField[i].zName==zName ) return i;
  for(int i=0; k->aField[i].zName; i++) if( strcmp(k->aField[i].zName, zName)==0 ) return i;
  return -1;
}
const char *rec_val(const Rec *r, const char *zField){
  int i = field_index(r->pKind, zField);
  return i<0 ? 0 : r->azVal[i];
}
const char *rec_title(const Rec *r){
  const Field *f = kind_title_field(r->pKind);
  const char *z = rec_val(r, f->zName);
  return z ? z : "";
}

/* ---- parsing one value ------------------------------------------------ */

/* The value without surrounding blanks. Returns the input itself when it
** has none (the usual case: no copy); the caller never writes to it. */
static char *trim(Ctx *c, const char *z){
  unsigned char c0 = (unsigned char)z[0];
  if( c0!=' ' && c0!='\t' && c0!='\r' && c0!='\n' && c0!=0xE3 && c0!=0 ){
    size_t n = strlen(z);
    unsigned char cl = (unsigned char)z[n-1];
    if( cl!=' ' && cl!='\t' && cl!='\r' && cl!='\n' && cl!=0x80 ) return (char*)z;
  }
  while( *z==' ' || *z=='\t' || *z=='\r' || *z=='\n' ) z++;
  /* also the ideographic space U+3000 that Chinese input methods produce */
  while( (unsigned char)z[0]==0xE3 && (unsigned char)z[1]==0x80 && (unsigned char)z[2]==0x80 ) z += 3;
  size_t n = strlen(z);
  while( n>0 && (z[n-1]==' ' || z[n-1]=='\t' || z[n-1]=='\r' || z[n-1]=='\n') ) n--;
  while( n>=3 && (unsigned char)z[n-3]==0xE3 && (unsigned char)z[n-2]==0x80 && (unsigned char)z[n-1]==0x80 ) n -= 3;
  return arena_strndup(c->pArena, z, n);
}

/* Only well-formed text is stored (src/base/utf8.h says what that is).
** What a field lets through, by type:
**   FT_LONGTEXT  tab and line feed; a CR LF pair (what a browser sends for
**                a textarea's line break, and many CSV files) is stored as
**                LF, so one text has one form however it came; a lone CR
**                (an overprint in a terminal, a hidden line in a log) is refused
**   FT_TEXT      no tab, no line break: a one-line value (a case number, a
**                name) with a tab in it is a paste from a table, and it
**                would not match the same value typed by hand
**   the others   (dates, numbers, choices, references) the same as FT_TEXT;
**                their own parse refuses the rest
** Returns the value to use (zIn itself, or a normalised copy) or 0 after
** adding the error for the field. */
const char *rec_text_checked(Ctx *c, const Field *f, const char *z, int iRow){
  unsigned mAllow = 0;
  if( f->eType==FT_LONGTEXT ){
    mAllow = UTF8_TAB|UTF8_LF;
    if( strchr(z, '\r') ){
      char *zOut = arena_strdup(c->pArena, z), *q = zOut;
      for(const char *p=z; *p; p++){
        if( p[0]=='\r' && p[1]=='\n' ) continue;
        *q++ = *p;
      }
      *q = 0;
      z = zOut;
    }
  }
  Utf8Bad bad;
  if( utf8_check(z, strlen(z), mAllow, &bad)==UTF8_OK ) return z;
  char zWhy[200];
  utf8_bad_text(&bad, zWhy, sizeof zWhy);
  if( bad.eWhy==UTF8_E_CONTROL && (bad.cp=='\t' || bad.cp=='\n' || bad.cp=='\r') && f->eType!=FT_LONGTEXT ){
    err_add(c, iRow, f, "含有%s，此项只能填一行", zWhy);
  }else{
    err_add(c, iRow, f, "含有%s", zWhy);
  }
  return 0;
}

static int parse_bool(const char *z){
  static const char *aYes[] = { "1", "是", "true", "TRUE", "yes", "Y", "y", "on", "√", "已", 0 };
  static const char *aNo[]  = { "0", "否", "false", "FALSE", "no", "N", "n", "off", "×", "未", 0 };
  for(int i=0; aYes[i]; i++) if( strcmp(z, aYes[i])==0 ) return 1;
  for(int i=0; aNo[i]; i++) if( strcmp(z, aNo[i])==0 ) return 0;
  return -1;
}

static const char *enum_choices(Ctx *c, const Field *f){
  Buf b;
  buf_init(&b);
  for(const EnumVal *e=f->aEnum; e->zId; e++){
    if( e!=f->aEnum ) buf_puts(&b, "、");
    buf_puts(&b, e->zLabel);
  }
  const char *z = arena_strdup(c->pArena, buf_cstr(&b));
  buf_free(&b);
  return z;
}

static const char *county_scope(Ctx *c, const char *zActor);

/* A reference is given as the record id, or (in imports) as the value of
** the referenced kind's first unique field or its title. Only records the
** actor may read resolve — except in public catalogs, whose codes and
** names are public anyway (a town records 办件 of a county-level item):
** those resolve within the actor's county. 2026-12-07: a second county's
** clerk could record an inspection of the first county's enterprise
** (issue 13 §4; tests/http/130-rules.sh). */
static int ref_lookup(Ctx *c, const Field *f, const char *z, i64 *pId){
  const Kind *k = kind_find(f->zRef);
  const Field *aTry[3] = { 0, 0, 0 };
  int n = 0;
  for(const Field *g=k->aField; g->zName && n<1; g++) if( g->flags & F_UNIQUE ) aTry[n++] = g;
  aTry[n++] = kind_title_field(k);
  char *zEnd = 0;
  long long v = strtoll(z, &zEnd, 10);
  SqlBuf b;
  Stmt q;
  int found = 0;
  const char *zScope = k->bPublic ? county_scope(c, c->pActor->zDeptPath) : c->pActor->zDeptPath;
  if( zEnd && *zEnd==0 && v>0 ){
    sqlbuf_init(&b);
    sql_lit(&b, "SELECT id FROM "); sql_ident(&b, k->zName);
    sql_lit(&b, " WHERE id=?1");
    sql_lit(&b, " AND " SQL_DEPT_IN_SCOPE("dept_id", 2, 3));
    if( db_prepare_buf(c->pDb, &q, &b)==DB_OK ){
      db_bind_int64(&q, 1, v);
      db_bind_scope(&q, 2, 3, zScope);
      if( db_step(&q)==DB_ROW ){ *pId = v; found = 1; }
      db_finalize(&q);
    }
    sqlbuf_free(&b);
    if( found ) return 1;
  }
  for(int i=0; i<n && !found; i++){
    sqlbuf_init(&b);
    sql_lit(&b, "SELECT id FROM "); sql_ident(&b, k->zName);
    sql_lit(&b, " WHERE "); sql_ident(&b, aTry[i]->zName);
    sql_lit(&b, "=?1");
    sql_lit(&b, " AND " SQL_DEPT_IN_SCOPE("dept_id", 2, 3));
    sql_lit(&b, " ORDER BY id LIMIT 1");
    if( db_prepare_buf(c->pDb, &q, &b)==DB_OK ){
      db_bind_text(&q, 1, z);
      db_bind_scope(&q, 2, 3, zScope);
      if( db_step(&q)==DB_ROW ){ *pId = db_column_int64(&q, 0); found = 1; }
      db_finalize(&q);
    }
    sqlbuf_free(&b);
  }
  return found;
}

/* zPath lies in the county of an actor at zActor (the county above it; a
** city's admin, above every county, the city; the command line's "/" sees
** every county of a province database). */
static int in_county(Ctx *c, const char *zActor, const char *zPath){
  const char *zScope = county_scope(c, zActor);
  return strncmp(zPath, zScope, strlen(zScope))==0;
}
/* The path prefix of that county (its city for a city's admin, its root
** otherwise; "/" for the command line). Arena memory. */
static const char *county_scope(Ctx *c, const char *zActor){
  if( zActor==0 || strcmp(zActor, "/")==0 ) return "/";
  const char *zUnit = dept_unit_path(c->pDb, c->pArena, zActor, "county");
  if( zUnit==0 ) zUnit = dept_unit_path(c->pDb, c->pArena, zActor, "city");
  if( zUnit ) return zUnit;
  const char *e = strchr(zActor+1, '/');
  size_t n = e ? (size_t)(e - zActor) + 1 : strlen(zActor);
  return arena_strndup(c->pArena, zActor, n);
}

int rec_parse_value(Ctx *c, const Field *f, const char *zIn, const char **pzOut, int iRow){
  *pzOut = 0;
  if( zIn==0 ) return 0;
  const char *z = trim(c, zIn);
  if( z[0]==0 ) return 0;
  int nErr0 = c->err.n;
  z = rec_text_checked(c, f, z, iRow);
  if( z==0 ) return 1;
  switch( f->eType ){
    case FT_TEXT: case FT_LONGTEXT: {
      int nMax = f->nMax ? f->nMax : (f->eType==FT_TEXT ? 200 : 20000);
      int nChar = utf8_chars(z);
      if( nChar>nMax ){ err_add(c, iRow, f, "长度不能超过%d个字，实际%d个字", nMax, nChar); break; }
      *pzOut = z;
      break;
    }
    case FT_INT: {
      char *zEnd = 0;
      const char *p = z;
      if( *p=='-' || *p=='+' ) p++;
      int bDigits = isdigit((unsigned char)*p);
      long long v = strtoll(z, &zEnd, 10);
      /* Excel writes whole numbers as "12.0" in some exports */
      if( zEnd && zEnd[0]=='.' ){ const char *q = zEnd+1; while( *q=='0' ) q++; if( *q==0 ) zEnd = (char*)q; }
      if( !bDigits || zEnd==0 || *zEnd ){ err_add(c, iRow, f, "应为整数，实际为“%s”", z); break; }
      if( (f->nMin || f->nMax) && (v<f->nMin || v>f->nMax) ){
        err_add(c, iRow, f, "应在%d到%d之间，实际为%lld", f->nMin, f->nMax, v); break;
      }
      /* canonical already (no sign, no leading zero, no ".0"): no copy */
      if( z[0]!='+' && !(z[0]=='0' && z[1]) && zEnd[0]==0 && strchr(z, '.')==0 ) *pzOut = z;
      else *pzOut = arena_printf(c->pArena, "%lld", v);
      break;
    }
    case FT_DATE: {
      Day d;
      if( day_parse(z, &d)!=CAL_OK ){
        err_add(c, iRow, f, "日期格式应为YYYY-MM-DD，实际为“%s”", z); break;
      }
      char zOut[11];
      day_format(d, zOut);
      *pzOut = strcmp(zOut, z)==0 ? z : arena_strdup(c->pArena, zOut);   /* already canonical: no copy */
      break;
    }
    case FT_ENUM: {
      const char *zId = enum_id(f, z);
      if( zId==0 ){ err_add(c, iRow, f, "应为以下之一：%s，实际为“%s”", enum_choices(c, f), z); break; }
      *pzOut = zId;
      break;
    }
    case FT_BOOL: {
      int b = parse_bool(z);
      if( b<0 ){ err_add(c, iRow, f, "应为“是”或“否”，实际为“%s”", z); break; }
      *pzOut = b ? "1" : "0";
      break;
    }
    case FT_DEPT: {
      /* any department of the county, by name or id: a unit reviewed need
      ** not be in the clerk's own scope */
      i64 id;
      const char *zPath = 0;
      if( dept_lookup(c, z, &id, &zPath) || !in_county(c, c->pActor->zDeptPath, zPath) ){
        err_add(c, iRow, f, "没有部门“%s”", z); break;
      }
      *pzOut = arena_printf(c->pArena, "%lld", (long long)id);
      break;
    }
    case FT_MONEY: {
      long long nFen;
      const char *zWhy = money_parse(z, &nFen);
      if( zWhy ){ err_add(c, iRow, f, "%s，实际为“%s”", zWhy, z); break; }
      *pzOut = arena_printf(c->pArena, "%lld", nFen);
      break;
    }
    case FT_REF: {
      i64 id;
      if( !ref_lookup(c, f, z, &id) ){
        err_add(c, iRow, f, "找不到%s“%s”", kind_find(f->zRef)->zLabel, z); break;
      }
      *pzOut = arena_printf(c->pArena, "%lld", (long long)id);
      break;
    }
  }
  return c->err.n>nErr0;
}

int rec_from_input(Ctx *c, Rec *r, int iRow, InputFn xGet, void *pArg){
  const Kind *k = r->pKind;
  int nErr0 = c->err.n;
  const char *zDept = xGet(pArg, &field_dept);
  if( zDept ){
    const char *z = trim(c, zDept);
    if( z[0]==0 ){
      r->iDept = 0;
    }else if( (z = rec_text_checked(c, &field_dept, z, iRow))==0 ){
      /* reported */
    }else{
      i64 iDept;
      const char *zPath;
      if( dept_lookup(c, z, &iDept, &zPath) ){
        err_add(c, iRow, &field_dept, "未知部门“%s”", z);
      }else{
        r->iDept = iDept;
        r->zDeptName = dept_name(c, iDept);
      }
    }
  }
  int i = 0;
  for(const Field *f=k->aField; f->zName; f++, i++){
    if( f->flags & F_AUTO ) continue;    /* the system's to set */
    const char *zIn = xGet(pArg, f);
    if( zIn==0 ) continue;               /* not mentioned: keep */
    const char *zOut = 0;
    if( rec_parse_value(c, f, zIn, &zOut, iRow)==0 ) r->azVal[i] = zOut;
  }
  return c->err.n>nErr0 ? FZ_INVALID : FZ_OK;
}

/* ---- checks over the whole record ------------------------------------- */

int rec_check(Ctx *c, Rec *r, int iRow){
  int nErr0 = c->err.n;
  if( r->iDept!=0 && !dept_in_scope(c, r->iDept) ){
    err_add(c, iRow, &field_dept, "无权为“%s”录入或修改数据", dept_name(c, r->iDept));
  }
  rec_check_local(c, r, iRow);
  rec_check_unique(c, r, iRow);
  return c->err.n>nErr0 ? FZ_INVALID : FZ_OK;
}

/* Everything but uniqueness, which writes check inside their transaction. */
static int rec_check_scope_local(Ctx *c, Rec *r){
  int nErr0 = c->err.n;
  if( r->iDept!=0 && !dept_in_scope(c, r->iDept) ){
    err_add(c, 0, &field_dept, "无权为“%s”录入或修改数据", dept_name(c, r->iDept));
  }
  rec_check_local(c, r, 0);
  return c->err.n>nErr0 ? FZ_INVALID : FZ_OK;
}

/* The checks that need no database: required fields, fields required in
** the record's state, periods not met before they start, no future dates. */
int rec_check_local(Ctx *c, Rec *r, int iRow){
  const Kind *k = r->pKind;
  int nErr0 = c->err.n;
  if( r->iDept==0 && !err_has(c, iRow, "dept_id") ) err_add(c, iRow, &field_dept, "不能为空");
  int i = 0;
  for(const Field *f=k->aField; f->zName; f++, i++){
    if( r->azVal[i] || err_has(c, iRow, f->zName) ) continue;
    if( f->flags & F_REQ ){
      err_add(c, iRow, f, "不能为空");
    }else if( namelist_has(&f->aReqIn, r->zState) ){
      const State *s = kind_state(k, r->zState);
      err_add(c, iRow, f, "状态为“%s”时不能为空", s ? s->zLabel : r->zState);
    }
  }
  /* A period given either as a date a person set or as a number of days
  ** (整改时限 or 整改期限): one of the two. */
  if( k->aDeadline ){
    for(const Deadline *d=k->aDeadline; d->zName; d++){
      if( d->zOnDate==0 || rec_val(r, d->zOnDate) || rec_val(r, d->zLengthField) ) continue;
      if( err_has(c, iRow, d->zOnDate) || err_has(c, iRow, d->zLengthField) ) continue;
      const Field *fl = kind_field(k, d->zLengthField);
      err_add(c, iRow, kind_field(k, d->zOnDate), "与「%s」至少填写一项", fl->zLabel);
    }
  }
  /* A period cannot be met before it starts (a due date, though, can be met early). */
  if( k->aDeadline ){
    for(const Deadline *d=k->aDeadline; d->zName; d++){
      if( d->eUnit==PU_ONDATE ) continue;
      const char *zS = rec_val(r, d->zStart), *zD = rec_val(r, d->zDone);
      if( zS && zD && strcmp(zD, zS)<0 && !err_has(c, iRow, d->zDone) ){
        const Field *fs = kind_field(k, d->zStart), *fd = kind_field(k, d->zDone);
        err_add(c, iRow, fd, "不能早于「%s」（%s）", fs->zLabel, zS);
      }
    }
  }
  /* Dates in the future cannot have happened: only done/start dates are
  ** checked, since 有效期至, a due date and similar fields lie ahead by nature. */
  if( k->aDeadline ){
    for(const Deadline *d=k->aDeadline; d->zName; d++){
      const char *az[2] = { d->zStart, d->zDone };
      for(int j=d->eUnit==PU_ONDATE; j<2; j++){
        if( j==1 && d->bMinimum ) continue;     /* a least time's end may be planned ahead (征求意见截止日期) */
        const char *zV = rec_val(r, az[j]);
        /* a field can start one period and end another: one message each */
        if( zV && strcmp(zV, c->zToday)>0 && !err_has(c, iRow, az[j]) ){
          err_add(c, iRow, kind_field(k, az[j]), "不能晚于今天（%s），实际为%s", c->zToday, zV);
        }
      }
    }
  }
  /* Dates declared as events (发现日期, 开庭日期) cannot lie ahead either. */
  i = 0;
  for(const Field *f=k->aField; f->zName; f++, i++){
    const char *zV = r->azVal[i];
    if( (f->flags & F_PAST) && zV && strcmp(zV, c->zToday)>0 && !err_has(c, iRow, f->zName) ){
      err_add(c, iRow, f, "不能晚于今天（%s），实际为%s", c->zToday, zV);
    }
  }
  /* A field that has a meaning only when another holds a value (联合部门
  ** only for a 联合抽查). 2026-12-07: was checked by the draw alone, when
  ** the pools were fixed (issue 13 §4). */
  i = 0;
  for(const Field *f=k->aField; f->zName; f++, i++){
    if( !f->zNeeds || r->azVal[i]==0 || err_has(c, iRow, f->zName) || rec_when(r, &f->needs) ) continue;
    const Field *fo = f->needs.pField;
    const char *zWant = f->needs.aValue.az[0];
    if( fo->eType==FT_BOOL ) zWant = strcmp(zWant, "1")==0 ? "是" : "否";
    else if( fo->eType==FT_ENUM && enum_label(fo, zWant) ) zWant = enum_label(fo, zWant);
    err_add(c, iRow, f, "填写了本项时，「%s」应为“%s”", fo->zLabel, zWant);
  }
  /* A part cannot exceed its whole (满意人次 ≤ 参评人次). */
  i = 0;
  for(const Field *f=k->aField; f->zName; f++, i++){
    if( !f->zNotAbove || r->azVal[i]==0 || err_has(c, iRow, f->zName) ) continue;
    const char *zV = r->azVal[i], *zMax = rec_val(r, f->zNotAbove);
    if( zMax==0 ){
      err_add(c, iRow, f, "填写了本项时，「%s」不能为空", kind_field(k, f->zNotAbove)->zLabel);
    }else if( atoll(zV) > atoll(zMax) ){
      err_add(c, iRow, f, "（%s）不能多于「%s」（%s）", zV, kind_field(k, f->zNotAbove)->zLabel, zMax);
    }
  }
  return c->err.n>nErr0 ? FZ_INVALID : FZ_OK;
}

/* The id of another record of kind k whose field f holds zVal, 0 if none:
** within the unit iUnit (a county: what uniqueness is about, whoever may
** read the record; 0: any unit), and within that year's version of a
** versioned catalog (zVersion; NULL: any). The order makes the lowest id
** the answer when several units hold the value. */
static i64 id_by_value(Ctx *c, const Kind *k, const Field *f, const char *zVal, i64 iExcept, const char *zVersion, i64 iUnit){
  SqlBuf b;
  Stmt q;
  i64 id = 0;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT id FROM "); sql_ident(&b, k->zName);
  sql_lit(&b, " WHERE "); sql_ident(&b, f->zName); sql_lit(&b, "=?1 AND id<>?2");
  b.nParam = 2;
  int iVer = 0, iU = 0;
  if( zVersion ){ sql_lit(&b, " AND "); sql_ident(&b, kind_year_field(k)->zName); sql_lit(&b, "="); iVer = sql_param(&b); }
  if( iUnit ){ sql_lit(&b, " AND unit_id="); iU = sql_param(&b); }
  sql_lit(&b, " ORDER BY id LIMIT 1");
  if( db_prepare_buf(c->pDb, &q, &b)==DB_OK ){
    db_bind_text(&q, 1, zVal);
    db_bind_int64(&q, 2, iExcept);
    if( iVer ) db_bind_int64(&q, iVer, atoll(zVersion));
    if( iU ) db_bind_int64(&q, iU, iUnit);
    if( db_step(&q)==DB_ROW ) id = db_column_int64(&q, 0);
    db_finalize(&q);
  }
  sqlbuf_free(&b);
  return id;
}
/* The actor's unit, for finding a record by its code: a county's user
** finds their county's; a city's admin or the command line ("/") any. */
static i64 actor_unit_scope(Ctx *c){
  const Actor *a = c->pActor;
  if( a->iDept==0 || a->bCity || a->zDeptPath==0 || strcmp(a->zDeptPath, "/")==0 ) return 0;
  return dept_unit_id(c, a->iDept);
}
i64 rec_id_by_value(Ctx *c, const Kind *k, const Field *f, const char *zVal, i64 iExcept){
  return id_by_value(c, k, f, zVal, iExcept, 0, actor_unit_scope(c));
}
i64 rec_id_by_value_in(Ctx *c, const Kind *k, const Field *f, const char *zVal, i64 iExcept, i64 iUnit){
  return id_by_value(c, k, f, zVal, iExcept, 0, iUnit);
}
const char *rec_ids_by_value(Ctx *c, const Kind *k, const Field *f, const char *zVal, int *pn){
  SqlBuf b;
  Stmt q;
  Buf out;
  *pn = 0;
  buf_init(&out);
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT t.id, COALESCE((SELECT name FROM dept WHERE dept.id=t.unit_id), '') FROM ");
  sql_ident(&b, k->zName);
  sql_lit(&b, " t WHERE t.");
  sql_ident(&b, f->zName);
  sql_lit(&b, "=?1 ORDER BY t.unit_id, t.id");
  if( db_prepare_buf(c->pDb, &q, &b)==DB_OK ){
    db_bind_text(&q, 1, zVal);
    while( db_step(&q)==DB_ROW ){
      if( (*pn)++ ) buf_puts(&out, "、");
      buf_puts(&out, db_column_text(&q, 1));
      buf_raw_printf(&out, "（第%lld号）", (long long)db_column_int64(&q, 0));
    }
    db_finalize(&q);
  }
  sqlbuf_free(&b);
  const char *z = arena_strdup(c->pArena, buf_cstr(&out));
  buf_free(&out);
  return z;
}
const char *rec_version(const Rec *r){
  if( !r->pKind->pVersion ) return 0;
  const char *z = rec_val(r, kind_year_field(r->pKind)->zName);
  return z ? z : "0";
}
i64 rec_id_unique(Ctx *c, const Rec *r, const Field *f, i64 iExcept){
  i64 iUnit = r->iDept ? dept_unit_id(c, r->iDept) : actor_unit_scope(c);   /* no department yet: the actor's */
  return id_by_value(c, r->pKind, f, rec_val(r, f->zName), iExcept, rec_version(r), iUnit);
}

int rec_check_unique(Ctx *c, Rec *r, int iRow){
  const Kind *k = r->pKind;
  int nErr0 = c->err.n;
  int i = 0;
  for(const Field *f=k->aField; f->zName; f++, i++){
    if( !(f->flags & F_UNIQUE) || r->azVal[i]==0 ) continue;
    if( rec_id_unique(c, r, f, r->id) ){
      if( k->pVersion ) err_add(c, iRow, f, "“%s”在%s年度清单中已存在，不能重复", r->azVal[i], rec_version(r));
      else err_add(c, iRow, f, "“%s”已存在，不能重复", r->azVal[i]);
    }
  }
  return c->err.n>nErr0 ? FZ_INVALID : FZ_OK;
}

/* ---- reading ------------------------------------------------------------ */

void rec_select_cols(SqlBuf *b, const Kind *k){
  rec_select_cols_ex(b, k, 0);
}
/* bDept: more columns after the fields — the department's path and name,
** then the title of each referenced record the actor may see — so one
** statement answers a record page: the record, its scope check and its
** links. With bDept the caller binds ?2 and ?3 to the length and text of
** the actor's department path (rec_get). */
void rec_select_cols_ex(SqlBuf *b, const Kind *k, int bDept){   /* bDept: REC_SEL_* flags */
  sql_lit(b, "SELECT id, dept_id, state, created_at, updated_at");
  for(const Field *f=k->aField; f->zName; f++){ sql_lit(b, ", "); sql_ident(b, f->zName); }
  if( bDept & REC_SEL_DEPT ){
    sql_lit(b, ", (SELECT path FROM dept WHERE dept.id=");
    sql_ident(b, k->zName);
    sql_lit(b, ".dept_id), (SELECT name FROM dept WHERE dept.id=");
    sql_ident(b, k->zName);
    sql_lit(b, ".dept_id)");
    for(const Field *f=k->aField; f->zName; f++){
      if( f->eType!=FT_REF ) continue;
      const Kind *kr = kind_find(f->zRef);
      sql_lit(b, ", (SELECT ");
      sql_ident(b, kind_title_field(kr)->zName);
      sql_lit(b, " FROM ");
      sql_ident(b, kr->zName);
      sql_lit(b, " WHERE ");
      sql_ident(b, kr->zName);
      sql_lit(b, ".id=");
      sql_ident(b, k->zName);
      sql_lit(b, ".");
      sql_ident(b, f->zName);
      if( !kr->bPublic ){
        sql_lit(b, " AND ");
        sql_ident(b, kr->zName);
        sql_lit(b, "." SQL_DEPT_IN_SCOPE("dept_id", 2, 3));
      }
      sql_lit(b, ")");
    }
  }
  if( bDept & REC_SEL_UNIT ) sql_lit(b, ", unit_id");
  sql_lit(b, " FROM ");
  sql_ident(b, k->zName);
}

void rec_from_row(Ctx *c, Stmt *q, Rec *r){
  r->id = db_column_int64(q, 0);
  r->iDept = db_column_int64(q, 1);
  r->zState = arena_strdup(c->pArena, db_column_text(q, 2));
  r->zCreated = arena_strdup(c->pArena, db_column_text(q, 3));
  r->zUpdated = arena_strdup(c->pArena, db_column_text(q, 4));
  int i = 0;
  for(const Field *f=r->pKind->aField; f->zName; f++, i++){
    r->azVal[i] = db_column_is_null(q, 5+i) ? 0 : arena_strdup(c->pArena, db_column_text(q, 5+i));
  }
}

int rec_get(Ctx *c, const Kind *k, i64 id, Rec **ppRec){
  const Actor *a = c->pActor;
  *ppRec = 0;
  if( (a->mRole & R_PUBLIC) && !k->bPublic ) return FZ_NOTFOUND;
  SqlBuf b;
  Stmt q;
  sqlbuf_init(&b);
  rec_select_cols_ex(&b, k, REC_SEL_DEPT);
  sql_lit(&b, " WHERE id=?1");
  int rc = FZ_NOTFOUND;
  if( db_prepare_buf(c->pDb, &q, &b) ){
    rc = err_internal(c, "rec_get %s: %s", k->zName, db_errmsg(c->pDb));
  }else{
    db_bind_int64(&q, 1, id);
    int bScopedRef = 0;
    for(const Field *f=k->aField; f->zName; f++) if( f->eType==FT_REF && !kind_find(f->zRef)->bPublic ) bScopedRef = 1;
    if( bScopedRef ) db_bind_scope(&q, 2, 3, a->zDeptPath);   /* SQL_DEPT_IN_SCOPE in rec_select_cols_ex */
    if( db_step(&q)==DB_ROW ){
      /* in scope: the department's path starts with the actor's subtree */
      int n = kind_nfield(k);
      const char *zPath = db_column_text(&q, 5+n);
      if( strncmp(zPath, a->zDeptPath, strlen(a->zDeptPath))==0 ){
        Rec *r = rec_new(c, k);
        rec_from_row(c, &q, r);
        r->zDeptName = arena_strdup(c->pArena, db_column_text(&q, 6+n));
        r->azRefTitle = arena_alloc(c->pArena, sizeof(char*)*(size_t)(n+1));
        int j = 7+n;
        for(int i=0; i<n; i++){
          if( k->aField[i].eType!=FT_REF ) continue;
          if( !db_column_is_null(&q, j) ) r->azRefTitle[i] = arena_strdup(c->pArena, db_column_text(&q, j));
          j++;
        }
        *ppRec = r;
        rc = FZ_OK;
      }
    }
    db_finalize(&q);
  }
  sqlbuf_free(&b);
  return rc;
}

/* ---- writing ------------------------------------------------------------ */

/* Integer text ("-12"): what an integer field holds, except an older
** database's department name no department had, kept as it was. */
static int is_int_text(const char *z){
  if( *z=='-' ) z++;
  if( *z==0 ) return 0;
  for(; *z; z++) if( *z<'0' || *z>'9' ) return 0;
  return 1;
}

static void bind_val(Stmt *q, int iParam, const Field *f, const char *z){
  if( z==0 ) db_bind_null(q, iParam);
  else if( field_is_int(f) && is_int_text(z) ) db_bind_int64(q, iParam, atoll(z));
  else db_bind_text(q, iParam, z);
}

/* INSERT of every column; the database assigns the id and RETURNING
** reports it. */
/* bId: the id is given too (the last parameter); otherwise the table picks it. */
static int insert_prepare(Ctx *c, const Kind *k, Stmt *q, int bId){
  SqlBuf b;
  sqlbuf_init(&b);
  sql_lit(&b, "INSERT INTO "); sql_ident(&b, k->zName);
  sql_lit(&b, "(dept_id, state, created_at, updated_at");
  for(const Field *f=k->aField; f->zName; f++){ sql_lit(&b, ", "); sql_ident(&b, f->zName); }
  sql_lit(&b, ", unit_id");
  if( bId ) sql_lit(&b, ", id");
  sql_lit(&b, ") VALUES(");
  int n = 5 + kind_nfield(k) + (bId ? 1 : 0);
  for(int i=0; i<n; i++){ if( i ) sql_lit(&b, ","); sql_param(&b); }
  sql_lit(&b, ") RETURNING id");
  int rc = db_prepare_buf(c->pDb, q, &b);
  sqlbuf_free(&b);
  return rc;
}
/* Texts are bound without copying: the record's arena outlives the step. */
static void insert_bind(Stmt *q, const Rec *r){
  db_bind_int64(q, 1, r->iDept);
  db_bind_text_static(q, 2, r->zState);
  db_bind_text_static(q, 3, r->zCreated);
  db_bind_text_static(q, 4, r->zUpdated);
  int i = 0;
  for(const Field *f=r->pKind->aField; f->zName; f++, i++){
    const char *z = r->azVal[i];
    if( z && field_is_int(f) && is_int_text(z) ) db_bind_int64(q, 5+i, atoll(z));
    else db_bind_text_static(q, 5+i, z);
  }
  db_bind_int64(q, 5+i, r->iUnit);
}

/* Bulk load (import): the caller assigns r->id; columns id, dept_id,
** state, created_at, updated_at, then every field. */
int rec_bulk_begin(Ctx *c, const Kind *k, Bulk *pBulk){
  const char **az = arena_alloc(c->pArena, sizeof(char*)*(size_t)(6+kind_nfield(k)));
  az[0] = "id"; az[1] = "dept_id"; az[2] = "state"; az[3] = "created_at"; az[4] = "updated_at";
  int n = 5;
  for(const Field *f=k->aField; f->zName; f++) az[n++] = f->zName;
  az[n++] = "unit_id";
  return db_bulk_begin(c->pDb, pBulk, k->zName, az, n);
}
int rec_bulk_add(Bulk *pBulk, const Rec *r){
  db_bulk_int(pBulk, r->id);
  db_bulk_int(pBulk, r->iDept);
  db_bulk_text(pBulk, r->zState);
  db_bulk_text(pBulk, r->zCreated);
  db_bulk_text(pBulk, r->zUpdated);
  int i = 0;
  for(const Field *f=r->pKind->aField; f->zName; f++, i++){
    const char *z = r->azVal[i];
    if( z && field_is_int(f) && is_int_text(z) ) db_bulk_int(pBulk, atoll(z));
    else db_bulk_text(pBulk, z);
  }
  db_bulk_int(pBulk, r->iUnit);
  return db_bulk_row(pBulk);
}

int rec_write_row(Ctx *c, Rec *r){
  Stmt q;
  if( r->zCreated==0 ) r->zCreated = r->zUpdated = now_iso(c);
  r->iUnit = dept_unit_id(c, r->iDept);
  /* SQLite would hand out the highest id again once its row is gone (its
  ** tables have no AUTOINCREMENT): the id is chosen past every id the log
  ** names, so a row deleted behind fazhi's back stays missing for check.
  ** PostgreSQL's sequences never go back. */
  i64 idNew = 0;
  if( db_dialect(c->pDb)==DB_SQLITE && (idNew = audit_next_id(c->pDb, r->pKind->zName, r->pKind->zName))==0 ) return DB_ERROR;
  if( insert_prepare(c, r->pKind, &q, idNew!=0) ) return DB_ERROR;
  insert_bind(&q, r);
  if( idNew ) db_bind_int64(&q, 6 + kind_nfield(r->pKind), idNew);
  int rc = db_step(&q);
  if( rc==DB_ROW ){ r->id = db_column_int64(&q, 0); rc = DB_OK; }
  db_finalize(&q);
  return rc;
}

static int rec_write_update(Ctx *c, const Rec *r);

/* Inside the write transaction, which serialises writers: uniqueness and
** the rules against other records (rules.c; pOld: the record before an
** edit, NULL for a new one) are checked where no other writer can slip in
** between check and write, and a
** constraint the database still raises is answered as the user error it
** is (FZ_INVALID), never as a 500. A check whose lookup failed (db.h,
** failed statements) found nothing, which is no answer: DB_ERROR then,
** before any write. Returns FZ_OK, FZ_INVALID (rolled back) or DB_ERROR. */
static int write_checked(Ctx *c, Rec *r, const Rec *pOld, int bInsert){
  rec_check_unique(c, r, 0);
  rec_check_rules(c, r, pOld, 0);        /* counts (a yearly cap) see only what is committed */
  if( db_failed(c->pDb) ) return DB_ERROR;
  if( c->err.n ){ db_rollback(c->pDb); return FZ_INVALID; }
  int rc = bInsert ? rec_write_row(c, r) : rec_write_update(c, r);
  if( rc==DB_CONSTRAINT ){
    db_rollback(c->pDb);
    rec_check_unique(c, r, 0);
    if( c->err.n==0 ) err_add(c, 0, 0, "与已有记录冲突，请刷新后重试");
    return FZ_INVALID;
  }
  return rc ? DB_ERROR : FZ_OK;
}

int rec_insert(Ctx *c, Rec *r){
  if( !actor_can_write(c->pActor) ) return FZ_FORBIDDEN;
  r->id = 0;
  int nErr0 = c->err.n;
  rec_check_scope_local(c, r);
  if( c->err.n || nErr0 ) return FZ_INVALID;
  if( db_begin_write(c->pDb) ) goto db_fail;
  int wc = write_checked(c, r, 0, 1);
  if( wc==FZ_INVALID ) return FZ_INVALID;
  if( wc ) goto db_fail;
  if( audit_append(c, "insert", r->pKind->zName, r->id, "", rec_json(c, r)) ) goto db_fail;
  if( db_commit(c->pDb) ) goto db_fail;
  return FZ_OK;
db_fail:
  {
    int rc = err_internal(c, "rec_insert %s: %s", r->pKind->zName, db_errmsg(c->pDb));
    db_rollback(c->pDb);
    return rc;
  }
}

static int rec_write_update(Ctx *c, const Rec *r){
  SqlBuf b;
  Stmt q;
  sqlbuf_init(&b);
  sql_lit(&b, "UPDATE "); sql_ident(&b, r->pKind->zName);
  sql_lit(&b, " SET dept_id=?1, state=?2, updated_at=?3, unit_id=?4");
  b.nParam = 4;
  for(const Field *f=r->pKind->aField; f->zName; f++){
    sql_lit(&b, ", "); sql_ident(&b, f->zName); sql_lit(&b, "="); sql_param(&b);
  }
  sql_lit(&b, " WHERE id="); int iId = sql_param(&b);
  int rc = db_prepare_buf(c->pDb, &q, &b);
  sqlbuf_free(&b);
  if( rc ) return rc;
  db_bind_int64(&q, 1, r->iDept);
  db_bind_text(&q, 2, r->zState);
  db_bind_text(&q, 3, r->zUpdated);
  db_bind_int64(&q, 4, dept_unit_id(c, r->iDept));
  int i = 0;
  for(const Field *f=r->pKind->aField; f->zName; f++, i++) bind_val(&q, 5+i, f, r->azVal[i]);
  db_bind_int64(&q, iId, r->id);
  rc = db_step(&q);
  db_finalize(&q);
  return rc==DB_DONE ? DB_OK : rc;
}

/* Shared tail of update and transition: check, write, audit. */
static int rec_save(Ctx *c, const Rec *pOld, Rec *pNew, const char *zAction){
  pNew->id = pOld->id;
  pNew->zCreated = pOld->zCreated;
  pNew->zUpdated = now_iso(c);
  rec_check_scope_local(c, pNew);
  if( c->err.n ) return FZ_INVALID;
  if( db_begin_write(c->pDb) ) goto db_fail;
  int wc = write_checked(c, pNew, pOld, 0);
  if( wc==FZ_INVALID ) return FZ_INVALID;
  if( wc ) goto db_fail;
  if( audit_append(c, zAction, pNew->pKind->zName, pNew->id, rec_json(c, pOld), rec_json(c, pNew)) ) goto db_fail;
  if( db_commit(c->pDb) ) goto db_fail;
  return FZ_OK;
db_fail:
  {
    int rc = err_internal(c, "rec_save %s: %s", pNew->pKind->zName, db_errmsg(c->pDb));
    db_rollback(c->pDb);
    return rc;
  }
}

Rec *rec_copy(Ctx *c, const Rec *p){
  Rec *n = rec_new(c, p->pKind);
  memcpy(n->azVal, p->azVal, sizeof(char*)*(size_t)kind_nfield(p->pKind));
  n->id = p->id;
  n->iDept = p->iDept;
  n->zDeptName = p->zDeptName;
  n->zState = p->zState;
  return n;
}

int rec_when(const Rec *r, const When *w){
  return w->pField==0 || namelist_has(&w->aValue, rec_val(r, w->pField->zName));
}

int rec_apply(Ctx *c, const Rec *pOld, Rec *pNew, const char *zAction){
  if( !actor_can_write(c->pActor) ) return FZ_FORBIDDEN;
  if( !dept_in_scope(c, pOld->iDept) ) return FZ_NOTFOUND;
  return rec_save(c, pOld, pNew, zAction);
}

int rec_update(Ctx *c, const Rec *pOld, Rec *pNew){
  if( !actor_can_write(c->pActor) ) return FZ_FORBIDDEN;
  if( !dept_in_scope(c, pOld->iDept) ) return FZ_NOTFOUND;
  pNew->zState = pOld->zState;          /* state moves only by transitions */
  return rec_save(c, pOld, pNew, "update");
}

int rec_trans_allowed(const Actor *a, const Rec *r, const Transition *t){
  return (a->mRole & t->mRole)!=0 && namelist_has(&t->aFrom, r->zState);
}

/* The value a Spawn rule gives one field of a record opened from line
** iLine (1-based) zLine of record r. */
static const char *spawn_value(Ctx *c, const Rec *r, const char *zRule, const char *zLine, int iLine){
  if( zRule[0]=='=' ) return zRule+1;
  if( strcmp(zRule, "@line")==0 ) return zLine;
  if( strcmp(zRule, "@seq")==0 ){
    const char *zKey = 0;
    for(const Field *f=r->pKind->aField; f->zName && !zKey; f++) if( f->flags & F_UNIQUE ) zKey = rec_val(r, f->zName);
    return arena_printf(c->pArena, "%s-%d", zKey ? zKey : "", iLine);
  }
  if( strncmp(zRule, "@today", 6)==0 ){
    Day d = (Day)c->iToday;
    if( zRule[6]=='+' ) d += (Day)atoi(zRule+7);
    char z[11];
    day_format(d, z);
    return arena_strdup(c->pArena, z);
  }
  return rec_val(r, zRule);
}

/* The records the kind's Spawn rules open after transition t, inside the
** caller's transaction; errors name the line they came from. */
static int rec_spawn(Ctx *c, const Rec *r, const Transition *t){
  if( r->pKind->aSpawn==0 ) return FZ_OK;
  for(const Spawn *s=r->pKind->aSpawn; s->zTrans; s++){
    if( strcmp(s->zTrans, t->zId)!=0 || !rec_when(r, &s->when) ) continue;
    const Kind *k = kind_find(s->zKind);
    const char *zAll = rec_val(r, s->zLines);
    int iLine = 0;
    for(const char *p=zAll ? zAll : ""; *p; ){
      const char *e = strchr(p, '\n');
      size_t n = e ? (size_t)(e-p) : strlen(p);
      char *zLine = arena_strndup(c->pArena, p, n);
      p += n + (e ? 1 : 0);
      while( n && (zLine[n-1]=='\r' || zLine[n-1]==' ') ) zLine[--n] = 0;
      while( *zLine==' ' ) zLine++;
      if( zLine[0]==0 ) continue;
      iLine++;
      Rec *pNew = rec_new(c, k);
      pNew->iDept = r->iDept;
      int nErr0 = c->err.n;
      for(const SpawnSet *v=s->aSet; v->zField; v++){
        const char *z = spawn_value(c, r, v->zValue, zLine, iLine);
        if( z==0 ) continue;
        if( strcmp(v->zField, "dept_id")==0 ){
          i64 iDept;
          if( dept_lookup(c, z, &iDept, 0) ) err_add(c, 0, kind_field(r->pKind, v->zValue), "没有部门“%s”", z);
          else pNew->iDept = iDept;
          continue;
        }
        const Field *f = kind_field(k, v->zField);
        const char *zOut = 0;
        if( rec_parse_value(c, f, z, &zOut, 0)==0 ) pNew->azVal[f - k->aField] = zOut;
      }
      int rc = c->err.n>nErr0 ? FZ_INVALID : rec_insert(c, pNew);
      if( rc ){
        const Field *fl = kind_field(r->pKind, s->zLines);
        err_add(c, 0, fl, "第%d条“%s”不能记入%s（见上）", iLine, zLine, k->zLabel);
        return rc;
      }
    }
  }
  return FZ_OK;
}

int rec_transition(Ctx *c, const Rec *pOld, const Transition *t){
  return rec_transition_with(c, pOld, 0, t);
}

int rec_transition_with(Ctx *c, const Rec *pOld, const Rec *pIn, const Transition *t){
  if( !rec_trans_allowed(c->pActor, pOld, t) ) return FZ_FORBIDDEN;
  Rec *pNew = rec_copy(c, pOld);
  pNew->zState = t->zTo;
  if( pIn ){
    /* only the step's own fields: the rest changes through 修改 */
    const Field *aF[64];
    int nF = kind_step_fields(pOld->pKind, t, aF, 64);
    for(int j=0; j<nF; j++){
      int i = (int)(aF[j] - pOld->pKind->aField);
      pNew->azVal[i] = pIn->azVal[i];
    }
  }
  if( t->zStamp ){
    int i = field_index(pOld->pKind, t->zStamp);
    if( pNew->azVal[i]==0 ) pNew->azVal[i] = arena_strdup(c->pArena, c->zToday);
  }
  if( pOld->pKind->aSpawn==0 ) return rec_save(c, pOld, pNew, t->zId);
  /* the transition and the records it opens: one transaction */
  if( db_begin_write(c->pDb) ) return err_internal(c, "rec_transition: %s", db_errmsg(c->pDb));
  int rc = rec_save(c, pOld, pNew, t->zId);
  if( rc==FZ_OK ) rc = rec_spawn(c, pNew, t);
  if( rc ){ db_rollback(c->pDb); return rc; }
  if( db_commit(c->pDb) ){
    rc = err_internal(c, "rec_transition: %s", db_errmsg(c->pDb));
    db_rollback(c->pDb);
  }
  return rc;
}

/* Records of any kind that point at r through a reference field. */
static int rec_count_referrers(Ctx *c, const Rec *r){
  int nErr0 = c->err.n;
  for(int i=0; i<kind_count(); i++){
    const Kind *k = kind_at(i);
    for(const Field *f=k->aField; f->zName; f++){
      if( f->eType!=FT_REF || strcmp(f->zRef, r->pKind->zName)!=0 ) continue;
      SqlBuf b;
      Stmt q;
      i64 n = 0;
      sqlbuf_init(&b);
      sql_lit(&b, "SELECT COUNT(*) FROM "); sql_ident(&b, k->zName);
      sql_lit(&b, " WHERE "); sql_ident(&b, f->zName); sql_lit(&b, "=?1");
      if( db_prepare_buf(c->pDb, &q, &b)==DB_OK ){
        db_bind_int64(&q, 1, r->id);
        if( db_step(&q)==DB_ROW ) n = db_column_int64(&q, 0);
        db_finalize(&q);
      }
      sqlbuf_free(&b);
      if( n ){
        err_add(c, 0, 0, "“%s”被%lld条%s（「%s」）引用，不能删除%s", rec_title(r), (long long)n, k->zLabel,
                f->zLabel, r->pKind->aTrans ? "；如不再使用，请改变其状态（如取消、废止）" : "");
      }
    }
  }
  return c->err.n - nErr0;
}

int rec_can_edit(const Actor *a, const Rec *r){
  (void)r;
  return actor_can_write(a);
}

int rec_can_delete(const Actor *a, const Rec *r){
  if( !actor_can_write(a) ) return 0;
  if( a->mRole & R_ADMIN ) return 1;
  const State *s = r->pKind->aState && r->zState ? kind_state(r->pKind, r->zState) : 0;
  return s==0 || !s->bFinal;
}

/* Why the actor may not delete r (errors naming it: closed, or referred
** to), or 0 when it may. */
static int delete_refused(Ctx *c, const Rec *r){
  if( rec_count_referrers(c, r) ) return 1;       /* first: not even an admin may */
  if( rec_can_delete(c->pActor, r) ) return 0;
  const State *s = kind_state(r->pKind, r->zState);
  err_add(c, 0, 0, "“%s”已办结（%s），只有管理员可以删除", rec_title(r), s ? s->zLabel : r->zState);
  return 1;
}

/* The row and its audit entry, inside the caller's write transaction. */
static int delete_row(Ctx *c, const Rec *r){
  SqlBuf b;
  Stmt q;
  sqlbuf_init(&b);
  sql_lit(&b, "DELETE FROM "); sql_ident(&b, r->pKind->zName); sql_lit(&b, " WHERE id=?1");
  int rc = db_prepare_buf(c->pDb, &q, &b);
  sqlbuf_free(&b);
  if( rc ) return rc;
  db_bind_int64(&q, 1, r->id);
  rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ) return rc ? rc : DB_ERROR;
  return audit_append(c, "delete", r->pKind->zName, r->id, rec_json(c, r), "") ? DB_ERROR : DB_OK;
}

int rec_delete(Ctx *c, const Rec *r){
  if( !actor_can_write(c->pActor) ) return FZ_FORBIDDEN;
  if( !dept_in_scope(c, r->iDept) ) return FZ_NOTFOUND;
  if( rec_count_referrers(c, r) ) return FZ_CONFLICT;
  if( !rec_can_delete(c->pActor, r) ){ delete_refused(c, r); return FZ_FORBIDDEN; }
  if( db_begin_write(c->pDb) || delete_row(c, r) || db_commit(c->pDb) ){
    int rc = err_internal(c, "rec_delete %s: %s", r->pKind->zName, db_errmsg(c->pDb));
    db_rollback(c->pDb);
    return rc;
  }
  return FZ_OK;
}

int rec_delete_many(Ctx *c, const Kind *k, const i64 *aId, int n){
  if( !actor_can_write(c->pActor) ) return FZ_FORBIDDEN;
  if( n<=0 ) return FZ_NOTFOUND;
  Rec **ap = arena_alloc(c->pArena, sizeof(Rec*)*(size_t)n);
  int nErr0 = c->err.n;
  /* everything is checked first: one refusal and nothing is deleted */
  for(int i=0; i<n; i++){
    ap[i] = 0;
    int bSeen = 0;
    for(int j=0; j<i; j++) if( aId[j]==aId[i] ) bSeen = 1;
    if( bSeen ) continue;
    int rc = rec_get(c, k, aId[i], &ap[i]);
    if( rc==FZ_NOTFOUND ){
      err_add(c, 0, 0, "%s第%lld号记录不存在，或不在您的数据权限范围内", k->zLabel, (long long)aId[i]);
      ap[i] = 0;
    }else if( rc ){
      return rc;
    }else{
      delete_refused(c, ap[i]);
    }
  }
  if( db_failed(c->pDb) ) return err_internal(c, "rec_delete_many %s: %s", k->zName, db_errmsg(c->pDb));
  if( c->err.n>nErr0 ) return FZ_INVALID;
  if( db_begin_write(c->pDb) ) goto db_fail;
  for(int i=0; i<n; i++) if( ap[i] && delete_row(c, ap[i]) ) goto db_fail;
  if( db_commit(c->pDb) ) goto db_fail;
  return FZ_OK;
db_fail:
  {
    int rc = err_internal(c, "rec_delete_many %s: %s", k->zName, db_errmsg(c->pDb));
    db_rollback(c->pDb);
    return rc;
  }
}

/* ---- presentation helpers --------------------------------------------- */

/* Canonical JSON of a record: the audit log stores it and `fazhi check`
** compares it with the table row, so it must depend only on stored values. */
const char *rec_json(Ctx *c, const Rec *r){
  Buf b;
  buf_init(&b);
  rec_json_buf(r, &b);
  const char *z = arena_strdup(c->pArena, buf_cstr(&b));
  buf_free(&b);
  return z;
}

void rec_json_buf(const Rec *r, Buf *pOut){
  Json j;
  json_init(&j, pOut);
  j.bExact = 1;        /* the audit log's form: see json_escape_exact */
  json_obj_begin(&j);
  json_kint(&j, "id", r->id);
  json_kint(&j, "dept_id", r->iDept);
  json_kstr(&j, "state", r->zState);
  int i = 0;
  for(const Field *f=r->pKind->aField; f->zName; f++, i++){
    if( r->azVal[i]==0 ) continue;      /* empty fields are left out: a field added later changes nothing */
    json_key(&j, f->zName);
    if( field_is_int(f) && is_int_text(r->azVal[i]) ) json_int(&j, atoll(r->azVal[i]));
    else json_str(&j, r->azVal[i]);
  }
  json_obj_end(&j);
}

/* The compact form bulk imports log: a header line naming the columns,
** then one JSON array per record in that order (see rec_json_row). */
void rec_json_header(const Kind *k, Buf *pOut){
  Json j;
  json_init(&j, pOut);
  j.bExact = 1;        /* the audit log's form: see json_escape_exact */
  json_arr_begin(&j);
  json_str(&j, "id"); json_str(&j, "dept_id"); json_str(&j, "state");
  for(const Field *f=k->aField; f->zName; f++) json_str(&j, f->zName);
  json_arr_end(&j);
}
void rec_json_row(const Rec *r, const int *aCol, int nCol, Buf *pOut){
  Json j;
  json_init(&j, pOut);
  j.bExact = 1;        /* the audit log's form: see json_escape_exact */
  json_arr_begin(&j);
  json_int(&j, r->id);
  json_int(&j, r->iDept);
  json_str(&j, r->zState);
  for(int c=0; c<nCol; c++){
    int i = aCol[c];
    const Field *f = i>=0 ? &r->pKind->aField[i] : 0;
    const char *z = f ? r->azVal[i] : 0;
    if( z==0 ) json_null(&j);
    else if( field_is_int(f) && is_int_text(z) ) json_int(&j, atoll(z));
    else json_str(&j, z);
  }
  json_arr_end(&j);
}

const char *rec_display(Ctx *c, const Rec *r, const Field *f){
  if( f==&field_dept ) return r->zDeptName ? r->zDeptName : dept_name(c, r->iDept);
  const char *z = rec_val(r, f->zName);
  if( z==0 ) return "";
  switch( f->eType ){
    case FT_ENUM: { const char *l = enum_label(f, z); return l ? l : z; }
    case FT_BOOL: return strcmp(z, "1")==0 ? "是" : "否";
    case FT_DEPT: return is_int_text(z) ? dept_name(c, atoll(z)) : z;   /* an older name no department had */
    case FT_MONEY: {
      char zM[32];
      return is_int_text(z) ? arena_strdup(c->pArena, money_format(atoll(z), zM, sizeof zM)) : z;
    }
    case FT_REF: {
      int i = (int)(f - r->pKind->aField);
      if( r->azRefTitle && i>=0 && i<kind_nfield(r->pKind) && r->azRefTitle[i] ) return r->azRefTitle[i];
      return rec_ref_text(c, f, z, 0);
    }
    default: return z;
  }
}

/* The referenced record of a FT_REF value, by its title, or (bCode) by the
** value the importer accepts back: its first unique field (e.g. 事项编码).
** Falls back to the bare id when the record is gone or outside the actor's
** scope: a reference must not reveal what the actor may not read. */
const char *rec_ref_text(Ctx *c, const Field *f, const char *zId, int bCode){
  const Kind *k = kind_find(f->zRef);
  const Field *t = 0;
  if( bCode ) for(const Field *g=k->aField; g->zName; g++) if( g->flags & F_UNIQUE ){ t = g; break; }
  if( t==0 ) t = kind_title_field(k);
  SqlBuf b;
  Stmt q;
  const char *zOut = zId;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT "); sql_ident(&b, t->zName); sql_lit(&b, " FROM "); sql_ident(&b, k->zName);
  sql_lit(&b, " WHERE id=?1");
  if( !k->bPublic ) sql_lit(&b, " AND " SQL_DEPT_IN_SCOPE("dept_id", 2, 3));
  if( db_prepare_buf(c->pDb, &q, &b)==DB_OK ){
    db_bind_int64(&q, 1, atoll(zId));
    if( !k->bPublic ) db_bind_scope(&q, 2, 3, c->pActor->zDeptPath);
    if( db_step(&q)==DB_ROW ) zOut = arena_strdup(c->pArena, db_column_text(&q, 0));
    db_finalize(&q);
  }
  sqlbuf_free(&b);
  return zOut;
}

i64 record_default_dept(const Actor *a, const Kind *k){
  i64 iUnit = k && k->bUnitOwned ? actor_unit(a) : 0;
  return iUnit ? iUnit : a->iDept;
}
