/*
** src/engine/kinddef.c — custom kinds (自定义台账): a definition read
** from JSON into a Kind, checked, stored as a numbered version with its
** table's DDL and an audit entry, and loaded into the registry (see
** kinddef.h).
**
** Reading (def_build): the JSON is scanned for bad strings (NUL, lone
** surrogates, bad UTF-8) before cJSON parses it; then every part is read
** and checked, each refusal a Chinese message naming the part and its
** JSON path (ErrItem.zField: "fields[2].id") in c->err; then the Kind is
** compiled and self-checked as a built-in is (kind_selfcheck). Memory of
** a built Kind is a heap arena that is never freed once the kind is
** published (the registry's snapshots are never freed either).
**
** A built-in kind's extension (ext_build) is read with the same parts
** (read_field, read_indicators, read_breakdowns, sentence_read) into a
** copy of the declaration, and saved and loaded by the same paths.
**
** Versions: a field of an earlier version that the new one leaves out is
** kept in the Kind as a hidden field (F_HIDDEN|F_AUTO, its old type): its
** column and values stay, no form, list, import or detail page shows it,
** `fazhi check` still compares it. A field's type never changes.
*/
#include "engine/kinddef.h"
#include "engine/ddl.h"
#include "engine/record.h"
#include "engine/setting.h"
#include "audit/audit.h"
#include "base/json_scan.h"
#include "base/utf8.h"
#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The words an indicator's value may be counted in (a fixed list: the
** report writes them after the figure). */
static const char *const azUnitWord[] = {
  "件", "人", "人次", "次", "家", "元", "万元", "份", "条", "项", "个", "场", "名", "篇", "期",
  "户", "所", "部", "起", "批", "天", "小时", "课时", "册", "期次", "支", "处", "座", "宗", "笔", "场次", "卷", 0
};

/* SQL words a kind or field id may not be (ids become table and column
** names, written unquoted on both backends). */
static const char *const azSqlWord[] = {
  "abort", "action", "add", "after", "all", "alter", "always", "analyse", "analyze", "and", "any",
  "array", "as", "asc", "asymmetric", "attach", "authorization", "autoincrement", "before", "begin",
  "between", "binary", "both", "by", "cascade", "case", "cast", "check", "collate", "column",
  "commit", "conflict", "constraint", "create", "cross", "current", "current_date", "current_time",
  "current_timestamp", "current_user", "database", "default", "deferrable", "deferred", "delete",
  "desc", "detach", "distinct", "do", "drop", "each", "else", "end", "escape", "except",
  "exclude", "exclusive", "exists", "explain", "fail", "false", "fetch", "filter", "first",
  "following", "for", "foreign", "freeze", "from", "full", "generated", "glob", "grant", "group",
  "groups", "having", "if", "ignore", "ilike", "immediate", "in", "index", "indexed", "initially",
  "inner", "insert", "instead", "intersect", "into", "is", "isnull", "join", "key", "last",
  "lateral", "leading", "left", "like", "limit", "match", "materialized", "natural", "no", "not",
  "nothing", "notnull", "null", "nulls", "of", "offset", "on", "only", "or", "order", "others",
  "outer", "over", "partition", "placing", "plan", "pragma", "preceding", "primary", "query",
  "raise", "range", "recursive", "references", "regexp", "reindex", "release", "rename", "replace",
  "restrict", "returning", "right", "rollback", "row", "rows", "savepoint", "select",
  "session_user", "set", "similar", "some", "symmetric", "table", "temp", "temporary", "then",
  "ties", "to", "trailing", "transaction", "trigger", "true", "unbounded", "union", "unique",
  "update", "user", "using", "vacuum", "values", "variadic", "verbose", "view", "virtual", "when",
  "where", "window", "with", "without", 0
};

/* Columns every kind table has. */
static const char *const azReservedCol[] = { "id", "dept_id", "state", "created_at", "updated_at", "unit_id", 0 };

static int in_words(const char *const *az, const char *z){
  for(int i=0; az[i]; i++) if( strcmp(az[i], z)==0 ) return 1;
  return 0;
}

const char *kind_unit_word_at(const char *z){
  const char *zBest = 0;
  size_t nBest = 0;
  for(int i=0; azUnitWord[i]; i++){
    size_t n = strlen(azUnitWord[i]);
    if( n>nBest && strncmp(z, azUnitWord[i], n)==0 ){ zBest = azUnitWord[i]; nBest = n; }
  }
  return zBest;
}

/* [a-z][a-z0-9_]{nMin-1,30}: a kind, field, state or figure id. */
static int id_ok(const char *z, int nMin){
  size_t n = z ? strlen(z) : 0;
  if( n<(size_t)nMin || n>31 || !(z[0]>='a' && z[0]<='z') ) return 0;
  for(size_t i=0; i<n; i++){
    char ch = z[i];
    if( !((ch>='a'&&ch<='z') || (ch>='0'&&ch<='9') || ch=='_') ) return 0;
  }
  return 1;
}
/* An enum value's id: [a-z0-9_]{1,31}. */
static int value_id_ok(const char *z){
  size_t n = z ? strlen(z) : 0;
  if( n==0 || n>31 ) return 0;
  return strspn(z, "abcdefghijklmnopqrstuvwxyz0123456789_")==n;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct Def {
  Ctx *c;
  Arena *a;                /* the Kind's memory */
  const Kind *pPrev;       /* the version in force (NULL: a new kind) */
  int bLoad;               /* reading a stored version: the id's owner and table are not asked */
  const Kind *pBase;       /* reading a built-in's extension: the declaration (ext_build) */
} Def;

static void derr(Def *d, const char *zPath, const char *zFmt, ...) FMT(3,4);
static void derr(Def *d, const char *zPath, const char *zFmt, ...){
  Ctx *c = d->c;
  c->err.a = arena_grow(c->pErrArena, c->err.a, c->err.n, &c->err.nAlloc, sizeof *c->err.a);
  ErrItem *e = &c->err.a[c->err.n++];
  memset(e, 0, sizeof *e);
  e->zField = arena_strdup(c->pErrArena, zPath);
  va_list ap;
  va_start(ap, zFmt);
  e->zMsg = arena_vprintf(c->pErrArena, zFmt, ap);
  va_end(ap);
}

static const char *path(Def *d, const char *zFmt, ...) FMT(2,3);
static const char *path(Def *d, const char *zFmt, ...){
  va_list ap;
  va_start(ap, zFmt);
  const char *z = arena_vprintf(d->c->pArena, zFmt, ap);
  va_end(ap);
  return z;
}

/* Keys of o not in the space-separated list zKeys are refused: a
** misspelt "requried" must not pass as nothing. */
static void keys_ok(Def *d, const cJSON *o, const char *zKeys, const char *zPath, const char *zPart){
  for(const cJSON *v=o->child; v; v=v->next){
    size_t n = strlen(v->string);
    int bOk = 0;
    for(const char *p=zKeys; *p && !bOk; ){
      const char *e = strchr(p, ' ');
      size_t m = e ? (size_t)(e-p) : strlen(p);
      bOk = m==n && memcmp(p, v->string, n)==0;
      p += m + (e ? 1 : 0);
    }
    if( !bOk ){
      derr(d, *zPath ? path(d, "%s.%s", zPath, v->string) : v->string,
           "%s不认识的项“%s”（可用：%s）", zPart, v->string, zKeys);
    }
  }
}

/* The string o[zKey] copied into the Kind's memory; NULL when absent. A
** value that is not a string, is empty though bReq, holds a control
** character or is longer than nMax characters is refused. */
static const char *jstr(Def *d, const cJSON *o, const char *zKey, int bReq, int nMax,
                        const char *zPath, const char *zPart, const char *zWhat){
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, zKey);
  const char *zP = *zPath ? path(d, "%s.%s", zPath, zKey) : zKey;
  if( v==0 || cJSON_IsNull(v) ){
    if( bReq ) derr(d, zP, "%s缺少%s（%s）", zPart, zWhat, zKey);
    return 0;
  }
  if( !cJSON_IsString(v) ){ derr(d, zP, "%s%s（%s）应为文本", zPart, zWhat, zKey); return 0; }
  const char *z = v->valuestring;
  if( z[0]==0 ){
    if( bReq ) derr(d, zP, "%s%s（%s）不能为空", zPart, zWhat, zKey);
    return 0;
  }
  for(const char *s=z; *s; s++){
    if( (unsigned char)*s<0x20 ){ derr(d, zP, "%s%s不能含换行或控制字符", zPart, zWhat); return 0; }
  }
  if( utf8_chars(z)>nMax ){ derr(d, zP, "%s%s不能超过%d个字", zPart, zWhat, nMax); return 0; }
  return arena_strdup(d->a, z);
}

static int jbool(Def *d, const cJSON *o, const char *zKey, const char *zPath, const char *zPart){
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, zKey);
  if( v==0 || cJSON_IsNull(v) ) return 0;
  if( !cJSON_IsBool(v) ){
    derr(d, *zPath ? path(d, "%s.%s", zPath, zKey) : zKey, "%s“%s”应为 true 或 false", zPart, zKey);
    return 0;
  }
  return cJSON_IsTrue(v);
}

/* A whole number o[zKey] in nLo..nHi (*pn unchanged when absent). */
static void jint(Def *d, const cJSON *o, const char *zKey, int nLo, int nHi, int *pn,
                 const char *zPath, const char *zPart){
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, zKey);
  if( v==0 || cJSON_IsNull(v) ) return;
  double x = cJSON_IsNumber(v) ? v->valuedouble : -1e300;
  if( x!=(double)(long long)x || x<nLo || x>nHi ){
    derr(d, *zPath ? path(d, "%s.%s", zPath, zKey) : zKey, "%s“%s”应为%d到%d之间的整数", zPart, zKey, nLo, nHi);
    return;
  }
  *pn = (int)x;
}

static const cJSON *jarr(Def *d, const cJSON *o, const char *zKey, const char *zPath, const char *zPart){
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, zKey);
  if( v==0 || cJSON_IsNull(v) ) return 0;
  if( !cJSON_IsArray(v) ){ derr(d, *zPath ? path(d, "%s.%s", zPath, zKey) : zKey, "%s“%s”应为数组", zPart, zKey); return 0; }
  return v;
}

static const struct { const char *zName; FieldType e; const char *zLabel; } aType[] = {
  { "text", FT_TEXT, "文本" }, { "longtext", FT_LONGTEXT, "长文本" }, { "int", FT_INT, "整数" },
  { "money", FT_MONEY, "金额" }, { "date", FT_DATE, "日期" }, { "enum", FT_ENUM, "选项" },
  { "dept", FT_DEPT, "部门" }, { "bool", FT_BOOL, "是/否" }, { "ref", FT_REF, "引用" },
};
static const char *type_label(FieldType e){
  for(size_t i=0; i<sizeof aType/sizeof aType[0]; i++) if( aType[i].e==e ) return aType[i].zLabel;
  return "?";
}

/* The part's name in messages: 字段“金额”（fee）. */
static const char *field_part(Def *d, const Field *f, int i){
  if( f->zLabel && f->zName ) return path(d, "字段“%s”（%s）：", f->zLabel, f->zName);
  if( f->zName ) return path(d, "字段 %s：", f->zName);
  return path(d, "第%d个字段：", i);
}

static void read_field(Def *d, const cJSON *o, int i, Field *f){
  const char *zP = path(d, "fields[%d]", i);
  if( !cJSON_IsObject(o) ){ derr(d, zP, "第%d个字段应为对象", i); return; }
  int nErr0 = d->c->err.n;
  f->zName = jstr(d, o, "id", 1, 31, zP, path(d, "第%d个字段：", i), "标识");
  f->zLabel = jstr(d, o, "label", 1, 30, zP, path(d, "第%d个字段：", i), "名称");
  const char *zPart = field_part(d, f, i);
  keys_ok(d, o, "id label type required required_in_states unique public list filter title year_field"
                " not_after_today ref min max values help numbering other_party", zP, zPart);
  if( f->zName && !id_ok(f->zName, 1) ){
    derr(d, path(d, "%s.id", zP), "%s标识应以小写字母开头，只含小写字母、数字和下划线，不超过31个字符", zPart);
  }else if( f->zName && (in_words(azReservedCol, f->zName) || in_words(azSqlWord, f->zName)) ){
    derr(d, path(d, "%s.id", zP), "%s标识“%s”是系统保留字，请换一个", zPart, f->zName);
  }
  const char *zType = jstr(d, o, "type", 1, 20, zP, zPart, "类型");
  if( zType ){
    for(size_t t=0; t<sizeof aType/sizeof aType[0]; t++) if( strcmp(aType[t].zName, zType)==0 ) f->eType = aType[t].e;
    if( f->eType==0 ){
      derr(d, path(d, "%s.type", zP), "%s未知的类型“%s”（可用：text 文本、longtext 长文本、int 整数、money 金额、"
           "date 日期、enum 选项、dept 部门、bool 是/否、ref 引用）", zPart, zType);
    }
  }
  unsigned fl = 0;
  if( jbool(d, o, "required", zP, zPart) ) fl |= F_REQ;
  if( jbool(d, o, "unique", zP, zPart) ) fl |= F_UNIQUE;
  if( jbool(d, o, "public", zP, zPart) ) fl |= F_PUBLIC;
  if( jbool(d, o, "list", zP, zPart) ) fl |= F_LIST;
  if( jbool(d, o, "filter", zP, zPart) ) fl |= F_FILTER;
  if( jbool(d, o, "title", zP, zPart) ) fl |= F_TITLE;
  if( jbool(d, o, "year_field", zP, zPart) ) fl |= F_YEAR;
  if( jbool(d, o, "not_after_today", zP, zPart) ) fl |= F_PAST;
  f->flags = fl;
  f->zReqIn = jstr(d, o, "required_in_states", 0, 200, zP, zPart, "必填的状态");
  f->zHelp = jstr(d, o, "help", 0, 200, zP, zPart, "填写说明");
  f->zNumbering = jstr(d, o, "numbering", 0, 60, zP, zPart, "编号规则");
  f->zOtherParty = jstr(d, o, "other_party", 0, 200, zP, zPart, "允许填写部门以外单位的依据");
  if( f->zNumbering && (f->eType!=FT_TEXT || !(fl & F_UNIQUE) || !strstr(f->zNumbering, "{n}")) ){
    derr(d, path(d, "%s.numbering", zP), "%s编号规则只用于不重复（unique）的文本字段，且须含 {n}（序号），如 \"{short}证〔{year}〕{n}号\"", zPart);
  }
  if( f->zOtherParty && f->eType!=FT_TEXT ){
    derr(d, path(d, "%s.other_party", zP), "%s只有文本字段可以“从部门中选择或填写其他单位”；只能是部门的，用 dept 类型", zPart);
  }
  if( (fl & (F_YEAR|F_PAST)) && f->eType && f->eType!=FT_DATE ){
    derr(d, zP, "%s只有日期字段能作为年度字段或“不晚于今天”", zPart);
  }
  if( (fl & F_FILTER) && (f->eType==FT_LONGTEXT || f->eType==FT_MONEY) ){
    derr(d, path(d, "%s.filter", zP), "%s%s不能作为筛选条件", zPart, f->eType==FT_MONEY ? "金额" : "长文本");
  }
  if( f->eType==FT_INT ){
    jint(d, o, "min", -2000000000, 2000000000, &f->nMin, zP, zPart);
    jint(d, o, "max", -2000000000, 2000000000, &f->nMax, zP, zPart);
    if( f->nMin>f->nMax ) derr(d, path(d, "%s.max", zP), "%s最大值小于最小值", zPart);
  }else if( cJSON_GetObjectItemCaseSensitive(o, "min") || cJSON_GetObjectItemCaseSensitive(o, "max") ){
    derr(d, zP, "%s只有整数字段有最小值和最大值", zPart);
  }
  const char *zRef = jstr(d, o, "ref", 0, 31, zP, zPart, "引用的台账");
  if( f->eType==FT_REF ){
    const Kind *kr = zRef ? kind_find(zRef) : 0;
    if( zRef==0 ) derr(d, path(d, "%s.ref", zP), "%s引用字段须写明引用的台账（ref）", zPart);
    else if( kr==0 || (!d->bLoad && !kind_visible(kr, d->c->pActor)) ) derr(d, path(d, "%s.ref", zP), "%s没有台账“%s”", zPart, zRef);
    else if( kr->pVersion ) derr(d, path(d, "%s.ref", zP), "%s不能引用按年度版本管理的台账“%s”", zPart, kr->zLabel);
    f->zRef = zRef;
  }else if( zRef ){
    derr(d, path(d, "%s.ref", zP), "%s只有引用字段（ref）有引用的台账", zPart);
  }
  const cJSON *aV = jarr(d, o, "values", zP, zPart);
  if( f->eType==FT_ENUM ){
    int n = aV ? cJSON_GetArraySize(aV) : 0;
    if( n==0 ){
      derr(d, path(d, "%s.values", zP), "%s选项字段至少要有一个选项（values）", zPart);
    }else if( n>60 ){
      derr(d, path(d, "%s.values", zP), "%s选项不能超过60个", zPart);
    }else{
      EnumVal *a = arena_alloc(d->a, sizeof(EnumVal)*(size_t)(n+1));
      int j = 0;
      for(const cJSON *v=aV->child; v; v=v->next, j++){
        const char *zVP = path(d, "%s.values[%d]", zP, j);
        const char *zVPart = path(d, "%s第%d个选项：", zPart, j+1);
        if( !cJSON_IsObject(v) ){ derr(d, zVP, "%s应为 {\"id\":…, \"label\":…}", zVPart); continue; }
        keys_ok(d, v, "id label", zVP, zVPart);
        a[j].zId = jstr(d, v, "id", 1, 31, zVP, zVPart, "标识");
        a[j].zLabel = jstr(d, v, "label", 1, 30, zVP, zVPart, "名称");
        if( a[j].zId && !value_id_ok(a[j].zId) ) derr(d, path(d, "%s.id", zVP), "%s标识只能含小写字母、数字和下划线", zVPart);
        for(int m=0; m<j; m++){
          if( a[j].zId && a[m].zId && strcmp(a[m].zId, a[j].zId)==0 ) derr(d, path(d, "%s.id", zVP), "%s标识“%s”重复", zVPart, a[j].zId);
          if( a[j].zLabel && a[m].zLabel && strcmp(a[m].zLabel, a[j].zLabel)==0 ) derr(d, path(d, "%s.label", zVP), "%s名称“%s”重复", zVPart, a[j].zLabel);
        }
      }
      f->aEnum = a;
    }
  }else if( aV ){
    derr(d, path(d, "%s.values", zP), "%s只有选项字段（enum）有选项", zPart);
  }
  if( d->c->err.n>nErr0 ) return;
  /* a stored value must stay readable: the type never changes */
  const Field *fo = d->pPrev ? kind_field(d->pPrev, f->zName) : 0;
  if( fo && fo->eType!=f->eType && !(d->pBase && kind_field(d->pBase, f->zName)) ){
    derr(d, path(d, "%s.type", zP), "%s类型不能修改（原为%s，现为%s）：已录入的数据按原类型保存；如需新类型，请新增一个字段",
         zPart, type_label(fo->eType), type_label(f->eType));
  }
}

static const char *state_list_check(Def *d, const Kind *k, const char *zList, const char *zP, const char *zPart){
  if( zList==0 ) return 0;
  char buf[256];
  snprintf(buf, sizeof buf, "%s", zList);
  for(char *zSave=0, *p=strtok_r(buf, ",", &zSave); p; p=strtok_r(0, ",", &zSave)){
    if( !kind_state(k, p) ){ derr(d, zP, "%s没有状态“%s”", zPart, p); return 0; }
  }
  return zList;
}

static void read_states(Def *d, const cJSON *root, Kind *k){
  const cJSON *aS = jarr(d, root, "states", "", "");
  const cJSON *aT = jarr(d, root, "transitions", "", "");
  int nS = aS ? cJSON_GetArraySize(aS) : 0, nT = aT ? cJSON_GetArraySize(aT) : 0;
  if( k->eShape!=SHAPE_CASE ){
    if( nS || nT ) derr(d, "states", "只有案件（case）有状态和流转；名册、活动没有");
    return;
  }
  if( nS<2 || nS>20 ){ derr(d, "states", "案件至少要有两个状态（如 办理中、已办结），最多20个"); return; }
  if( nT<1 || nT>30 ){ derr(d, "transitions", "案件至少要有一个流转（如 办结），最多30个"); return; }
  State *aState = arena_alloc(d->a, sizeof(State)*(size_t)(nS+1));
  int i = 0, bFinal = 0;
  for(const cJSON *v=aS->child; v; v=v->next, i++){
    const char *zP = path(d, "states[%d]", i), *zPart = path(d, "第%d个状态：", i+1);
    if( !cJSON_IsObject(v) ){ derr(d, zP, "%s应为对象", zPart); continue; }
    keys_ok(d, v, "id label final", zP, zPart);
    aState[i].zId = jstr(d, v, "id", 1, 31, zP, zPart, "标识");
    aState[i].zLabel = jstr(d, v, "label", 1, 20, zP, zPart, "名称");
    aState[i].bFinal = jbool(d, v, "final", zP, zPart);
    bFinal |= aState[i].bFinal;
    if( aState[i].zId && !id_ok(aState[i].zId, 1) ) derr(d, path(d, "%s.id", zP), "%s标识应以小写字母开头，只含小写字母、数字和下划线", zPart);
    for(int m=0; m<i; m++){
      if( aState[i].zId && aState[m].zId && strcmp(aState[i].zId, aState[m].zId)==0 ) derr(d, path(d, "%s.id", zP), "%s标识“%s”重复", zPart, aState[i].zId);
    }
  }
  if( !bFinal ) derr(d, "states", "至少要有一个办结状态（\"final\": true）");
  for(i=0; i<nS; i++) if( aState[i].zId==0 ) return;
  k->aState = aState;
  Transition *aTrans = arena_alloc(d->a, sizeof(Transition)*(size_t)(nT+1));
  i = 0;
  for(const cJSON *v=aT->child; v; v=v->next, i++){
    Transition *t = &aTrans[i];
    const char *zP = path(d, "transitions[%d]", i), *zPart = path(d, "第%d个流转：", i+1);
    if( !cJSON_IsObject(v) ){ derr(d, zP, "%s应为对象", zPart); continue; }
    keys_ok(d, v, "id label from to roles stamps", zP, zPart);
    t->zId = jstr(d, v, "id", 1, 31, zP, zPart, "标识");
    t->zLabel = jstr(d, v, "label", 1, 20, zP, zPart, "名称");
    if( t->zLabel ) zPart = path(d, "流转“%s”：", t->zLabel);
    if( t->zId && !id_ok(t->zId, 1) ) derr(d, path(d, "%s.id", zP), "%s标识应以小写字母开头，只含小写字母、数字和下划线", zPart);
    for(int m=0; m<i; m++) if( t->zId && aTrans[m].zId && strcmp(t->zId, aTrans[m].zId)==0 ) derr(d, path(d, "%s.id", zP), "%s标识“%s”重复", zPart, t->zId);
    t->zFrom = state_list_check(d, k, jstr(d, v, "from", 1, 200, zP, zPart, "起始状态"), path(d, "%s.from", zP), zPart);
    t->zTo = jstr(d, v, "to", 1, 31, zP, zPart, "目标状态");
    if( t->zTo && !kind_state(k, t->zTo) ){ derr(d, path(d, "%s.to", zP), "%s没有状态“%s”", zPart, t->zTo); t->zTo = 0; }
    const cJSON *aR = jarr(d, v, "roles", zP, zPart);
    for(const cJSON *r=aR ? aR->child : 0; r; r=r->next){
      const char *z = cJSON_IsString(r) ? r->valuestring : "";
      if( strcmp(z, "admin")==0 ) t->mRole |= R_ADMIN;
      else if( strcmp(z, "clerk")==0 ) t->mRole |= R_CLERK;
      else derr(d, path(d, "%s.roles", zP), "%s角色只能是 admin（管理员）或 clerk（部门经办人）", zPart);
    }
    if( t->mRole==0 ) t->mRole = R_STAFF;
    t->zStamp = jstr(d, v, "stamps", 0, 31, zP, zPart, "登记日期的字段");
    if( t->zStamp && (!kind_field(k, t->zStamp) || kind_field(k, t->zStamp)->eType!=FT_DATE) ){
      derr(d, path(d, "%s.stamps", zP), "%s“%s”不是本台账的日期字段", zPart, t->zStamp);
    }
    if( t->zFrom==0 || t->zTo==0 ) t->zId = 0;
  }
  for(i=0; i<nT; i++) if( aTrans[i].zId==0 ) return;
  k->aTrans = aTrans;
}

static void read_deadlines(Def *d, const cJSON *root, Kind *k){
  const cJSON *aD = jarr(d, root, "deadlines", "", "");
  int n = aD ? cJSON_GetArraySize(aD) : 0;
  if( n==0 ) return;
  if( k->eShape!=SHAPE_CASE ){ derr(d, "deadlines", "只有案件（case）有法定期限"); return; }
  if( n>10 ){ derr(d, "deadlines", "法定期限不能超过10个"); return; }
  Deadline *a = arena_alloc(d->a, sizeof(Deadline)*(size_t)(n+1));
  int i = 0, nErr0 = d->c->err.n;
  for(const cJSON *v=aD->child; v; v=v->next, i++){
    Deadline *p = &a[i];
    const char *zP = path(d, "deadlines[%d]", i), *zPart = path(d, "第%d个期限：", i+1);
    if( !cJSON_IsObject(v) ){ derr(d, zP, "%s应为对象", zPart); continue; }
    keys_ok(d, v, "id label start length length_field unit done basis active_in counting rule", zP, zPart);
    p->zName = jstr(d, v, "id", 1, 31, zP, zPart, "标识");
    p->zLabel = jstr(d, v, "label", 1, 30, zP, zPart, "名称");
    if( p->zLabel ) zPart = path(d, "期限“%s”：", p->zLabel);
    if( p->zName && !id_ok(p->zName, 1) ) derr(d, path(d, "%s.id", zP), "%s标识应以小写字母开头，只含小写字母、数字和下划线", zPart);
    p->zStart = jstr(d, v, "start", 1, 31, zP, zPart, "起算日期字段");
    p->zDone = jstr(d, v, "done", 1, 31, zP, zPart, "办结日期字段");
    const char *azF[2] = { p->zStart, p->zDone };
    for(int j=0; j<2; j++){
      const Field *f = azF[j] ? kind_field(k, azF[j]) : 0;
      if( azF[j] && (f==0 || f->eType!=FT_DATE) ) derr(d, path(d, "%s.%s", zP, j ? "done" : "start"), "%s“%s”不是本台账的日期字段", zPart, azF[j]);
    }
    jint(d, v, "length", 1, 3650, &p->nLength, zP, zPart);
    /* or each record's own length in an integer field (办件's 承诺时限), as schema --json prints it */
    p->zLengthField = jstr(d, v, "length_field", 0, 31, zP, zPart, "期限长度字段");
    if( p->zLengthField ){
      const Field *f = kind_field(k, p->zLengthField);
      if( f==0 || f->eType!=FT_INT ) derr(d, path(d, "%s.length_field", zP), "%s“%s”不是本台账的整数字段", zPart, p->zLengthField);
      if( p->nLength ) derr(d, path(d, "%s.length", zP), "%s期限长度（length）和期限长度字段（length_field）只能写一个", zPart);
    }else if( p->nLength==0 ) derr(d, path(d, "%s.length", zP), "%s缺少期限长度（length，1到3650，或 length_field 整数字段）", zPart);
    const char *zU = jstr(d, v, "unit", 1, 20, zP, zPart, "单位");
    if( zU ){
      if( strcmp(zU, "days")==0 ) p->eUnit = PU_DAYS;
      else if( strcmp(zU, "workdays")==0 ) p->eUnit = PU_WORKDAYS;
      else if( strcmp(zU, "months")==0 ) p->eUnit = PU_MONTHS;
      else derr(d, path(d, "%s.unit", zP), "%s单位只能是 days（日）、workdays（工作日）或 months（月）", zPart);
    }
    const char *zRule = jstr(d, v, "rule", 0, 20, zP, zPart, "规则");
    if( zRule && strcmp(zRule, "minimum")==0 ) p->bMinimum = 1;   /* a least time: too short is the finding */
    else if( zRule && strcmp(zRule, "deadline")!=0 ){
      derr(d, path(d, "%s.rule", zP), "%s规则只能是 deadline（办理期限）或 minimum（最短期间）", zPart);
    }
    p->zBasis = jstr(d, v, "basis", 1, 300, zP, zPart, "法律依据");
    p->zActiveIn = state_list_check(d, k, jstr(d, v, "active_in", 0, 200, zP, zPart, "计算期限的状态"), path(d, "%s.active_in", zP), zPart);
  }
  if( d->c->err.n==nErr0 ) k->aDeadline = a;
}

/* The indicators' unit: count, percent (a rate), average. */
static void read_expr(Def *d, const Kind *k, const cJSON *o, Expr *x, const char *zP, const char *zPart){
  if( !cJSON_IsObject(o) ){ derr(d, zP, "%s应为对象", zPart); return; }
  keys_ok(d, o, "agg field where", zP, zPart);
  const char *zAgg = jstr(d, o, "agg", 0, 20, zP, zPart, "统计方式");
  if( zAgg==0 || strcmp(zAgg, "count")==0 ) x->eAgg = AGG_COUNT;
  else if( strcmp(zAgg, "sum")==0 ) x->eAgg = AGG_SUM;
  else if( strcmp(zAgg, "distinct")==0 ) x->eAgg = AGG_DISTINCT;
  else derr(d, path(d, "%s.agg", zP), "%s统计方式只能是 count（计数）、sum（求和）或 distinct（不同值个数）", zPart);
  x->zField = jstr(d, o, "field", x->eAgg!=AGG_COUNT, 31, zP, zPart, "统计的字段");
  if( x->eAgg==AGG_SUM && x->zField ){
    const Field *f = kind_field(k, x->zField);
    if( f==0 || (f->flags & F_HIDDEN) || (f->eType!=FT_INT && f->eType!=FT_MONEY) ) derr(d, path(d, "%s.field", zP), "%s求和的“%s”不是本台账的整数或金额字段", zPart, x->zField);
  }else if( x->eAgg==AGG_DISTINCT && x->zField && strcmp(x->zField, "dept_id")!=0 && !kind_field(k, x->zField) ){
    derr(d, path(d, "%s.field", zP), "%s没有字段“%s”", zPart, x->zField);
  }
  const cJSON *aW = jarr(d, o, "where", zP, zPart);
  int n = aW ? cJSON_GetArraySize(aW) : 0;
  if( n>5 ){ derr(d, path(d, "%s.where", zP), "%s条件不能超过5个", zPart); return; }
  int i = 0;
  for(const cJSON *v=aW ? aW->child : 0; v; v=v->next, i++){
    Cond *c = &x->aCond[i];
    const char *zCP = path(d, "%s.where[%d]", zP, i), *zCPart = path(d, "%s条件第%d条：", zPart, i+1);
    if( !cJSON_IsObject(v) ){ derr(d, zCP, "%s应为对象", zCPart); continue; }
    keys_ok(d, v, "field op value", zCP, zCPart);
    const char *zF = jstr(d, v, "field", 1, 31, zCP, zCPart, "字段");
    const char *zOp = jstr(d, v, "op", 1, 10, zCP, zCPart, "比较方式");
    const char *zV = 0;
    const cJSON *pv = cJSON_GetObjectItemCaseSensitive(v, "value");
    if( pv && cJSON_IsString(pv) ) zV = arena_strdup(d->a, pv->valuestring);
    else if( pv && cJSON_IsNumber(pv) ) zV = arena_printf(d->a, "%lld", (long long)pv->valuedouble);
    else if( pv && !cJSON_IsNull(pv) ) derr(d, path(d, "%s.value", zCP), "%s取值应为文本", zCPart);
    if( zF==0 || zOp==0 ) continue;
    static const char *const azOp[] = { "=", "!=", "set", "unset", "<=", ">=", "state", "ontime", "late", 0 };
    if( !in_words(azOp, zOp) ){
      derr(d, path(d, "%s.op", zCP), "%s比较方式“%s”不可用（可用：= != set unset <= >= state ontime late）", zCPart, zOp);
      continue;
    }
    if( strcmp(zOp, "ontime")==0 || strcmp(zOp, "late")==0 ){   /* field: one of this kind's deadlines */
      if( k->aDeadline==0 || kind_deadline(k, zF)==0 ){ derr(d, path(d, "%s.field", zCP), "%s没有期限“%s”", zCPart, zF); continue; }
      c->zField = zF; c->zOp = arena_strdup(d->a, zOp);
      continue;
    }
    if( strcmp(zOp, "state")==0 || strcmp(zF, "state")==0 ){
      if( strcmp(zOp, "state")!=0 || strcmp(zF, "state")!=0 ){ derr(d, zCP, "%s状态条件写作 {\"field\":\"state\",\"op\":\"state\",\"value\":\"状态标识\"}", zCPart); continue; }
      if( k->aState==0 ){ derr(d, zCP, "%s只有案件有状态", zCPart); continue; }
      if( zV==0 || zV[0]==0 ){ derr(d, path(d, "%s.value", zCP), "%s状态条件没有取值", zCPart); continue; }
      if( !state_list_check(d, k, zV, path(d, "%s.value", zCP), zCPart) ) continue;
      c->zField = ""; c->zOp = arena_strdup(d->a, zOp); c->zValue = zV;
      continue;
    }
    if( strcmp(zF, "dept_id")==0 ){
      derr(d, path(d, "%s.field", zCP), "%s所属部门不能作为条件：按部门的情况请用分单位情况（breakdowns），或用部门字段（dept）", zCPart);
      continue;
    }
    const Field *f = kind_field(k, zF);
    if( f==0 || (f->flags & F_HIDDEN) ){ derr(d, path(d, "%s.field", zCP), "%s没有字段“%s”", zCPart, zF); continue; }
    int bList = strcmp(zOp, "=")==0 || strcmp(zOp, "!=")==0;
    if( bList ){
      if( f->eType!=FT_ENUM && f->eType!=FT_BOOL && f->eType!=FT_DEPT ){
        derr(d, path(d, "%s.op", zCP), "%s“%s”（%s）不能按取值筛选：只有选项、是/否和部门字段可以", zCPart, f->zLabel, f->zName);
        continue;
      }
      if( zV==0 || zV[0]==0 ){ derr(d, path(d, "%s.value", zCP), "%s筛选条件为空：“%s”没有写取值", zCPart, f->zLabel); continue; }
      char buf[256];
      snprintf(buf, sizeof buf, "%s", zV);
      int bBad = 0;
      if( zV[strlen(zV)-1]==',' || strstr(zV, ",,") || zV[0]==',' ){ derr(d, path(d, "%s.value", zCP), "%s取值中有空项", zCPart); continue; }
      for(char *zSave=0, *p=strtok_r(buf, ",", &zSave); p && !bBad; p=strtok_r(0, ",", &zSave)){
        if( f->eType==FT_ENUM && !enum_label(f, p) ){
          derr(d, path(d, "%s.value", zCP), "%s“%s”（%s）没有选项“%s”", zCPart, f->zLabel, f->zName, p);
          bBad = 1;
        }else if( f->eType==FT_BOOL && strcmp(p, "1")!=0 && strcmp(p, "0")!=0 ){
          derr(d, path(d, "%s.value", zCP), "%s是/否字段的取值写 1（是）或 0（否），不是“%s”", zCPart, p);
          bBad = 1;
        }else if( f->eType==FT_DEPT && strspn(p, "0123456789")!=strlen(p) ){
          derr(d, path(d, "%s.value", zCP), "%s部门写部门编号，不是“%s”", zCPart, p);
          bBad = 1;
        }
      }
      if( bBad ) continue;
    }else if( zOp[0]=='<' || zOp[0]=='>' ){
      if( f->eType!=FT_INT ){ derr(d, path(d, "%s.op", zCP), "%s只有整数字段能比较大小", zCPart); continue; }
      if( zV==0 || zV[0]==0 || strspn(zV, "-0123456789")!=strlen(zV) ){ derr(d, path(d, "%s.value", zCP), "%s取值应为整数", zCPart); continue; }
    }else{
      zV = 0;       /* set / unset take none */
    }
    c->zField = f->zName;
    c->zOp = arena_strdup(d->a, zOp);
    c->zValue = zV;
  }
  /* a condition refused leaves a hole: close the list after the good ones */
  int m = 0;
  for(int j=0; j<i; j++) if( x->aCond[j].zOp ) x->aCond[m++] = x->aCond[j];
  for(int j=m; j<6; j++) memset(&x->aCond[j], 0, sizeof x->aCond[j]);
}

static void read_indicators(Def *d, const cJSON *root, Kind *k){
  const cJSON *aI = jarr(d, root, "indicators", "", "");
  int n = aI ? cJSON_GetArraySize(aI) : 0;
  if( n==0 ) return;
  if( n>20 ){ derr(d, "indicators", "指标不能超过20个"); return; }
  Indicator *a = arena_alloc(d->a, sizeof(Indicator)*(size_t)(n+1));
  int i = 0, nErr0 = d->c->err.n;
  for(const cJSON *v=aI->child; v; v=v->next, i++){
    Indicator *p = &a[i];
    const char *zP = path(d, "indicators[%d]", i), *zPart = path(d, "第%d个指标：", i+1);
    if( !cJSON_IsObject(v) ){ derr(d, zP, "%s应为对象", zPart); continue; }
    p->zName = jstr(d, v, "id", 1, 31, zP, zPart, "标识");
    p->zLabel = jstr(d, v, "label", 1, 30, zP, zPart, "名称");
    if( p->zLabel ) zPart = path(d, "指标“%s”：", p->zLabel);
    keys_ok(d, v, "id label unit unit_word numerator denominator decimals rounding target help", zP, zPart);
    if( p->zName && (!id_ok(p->zName, 1) || strcmp(p->zName, "year")==0) ){
      derr(d, path(d, "%s.id", zP), "%s标识应以小写字母开头，只含小写字母、数字和下划线（year 除外）", zPart);
    }
    for(int m=0; m<i; m++) if( p->zName && a[m].zName && strcmp(p->zName, a[m].zName)==0 ) derr(d, path(d, "%s.id", zP), "%s标识“%s”重复", zPart, p->zName);
    const char *zU = jstr(d, v, "unit", 0, 20, zP, zPart, "指标类型");
    if( zU==0 || strcmp(zU, "count")==0 ) p->eUnit = IU_COUNT;
    else if( strcmp(zU, "percent")==0 || strcmp(zU, "rate")==0 ) p->eUnit = IU_PERCENT;
    else if( strcmp(zU, "average")==0 ) p->eUnit = IU_AVERAGE;
    else{ derr(d, path(d, "%s.unit", zP), "%s指标类型只能是 count（数量或合计）、percent（比率）或 average（平均）", zPart); continue; }
    p->zUnitWord = jstr(d, v, "unit_word", 0, 10, zP, zPart, "计量单位");
    if( p->zUnitWord && !in_words(azUnitWord, p->zUnitWord) ){
      Buf b;
      buf_init(&b);
      for(int w=0; azUnitWord[w]; w++){ if( w ) buf_puts(&b, " "); buf_puts(&b, azUnitWord[w]); }
      derr(d, path(d, "%s.unit_word", zP), "%s未知的计量单位“%s”（可用：%s）", zPart, p->zUnitWord, buf_cstr(&b));
      buf_free(&b);
    }
    if( p->zUnitWord && p->eUnit==IU_PERCENT ) derr(d, path(d, "%s.unit_word", zP), "%s比率以%%表示，没有计量单位", zPart);
    const cJSON *pN = cJSON_GetObjectItemCaseSensitive(v, "numerator");
    const cJSON *pD = cJSON_GetObjectItemCaseSensitive(v, "denominator");
    if( pN==0 ) derr(d, path(d, "%s.numerator", zP), "%s缺少分子（numerator）", zPart);
    else read_expr(d, k, pN, &p->num, path(d, "%s.numerator", zP), path(d, "%s分子", zPart));
    if( p->eUnit==IU_COUNT ){
      if( pD ) derr(d, path(d, "%s.denominator", zP), "%s数量指标没有分母", zPart);
    }else if( pD==0 ){
      derr(d, path(d, "%s.denominator", zP), "%s比率和平均指标须有分母（denominator）", zPart);
    }else{
      read_expr(d, k, pD, &p->den, path(d, "%s.denominator", zP), path(d, "%s分母", zPart));
    }
    p->nDecimals = p->eUnit==IU_COUNT ? 0 : 1;
    jint(d, v, "decimals", 0, 4, &p->nDecimals, zP, zPart);
    p->zTarget = jstr(d, v, "target", 0, 12, zP, zPart, "目标值");
    if( p->zTarget ){
      const char *t = p->zTarget;
      size_t nd = strspn(t, "0123456789");
      if( nd==0 || (t[nd] && (t[nd]!='.' || strspn(t+nd+1, "0123456789")!=strlen(t+nd+1) || t[nd+1]==0)) ){
        derr(d, path(d, "%s.target", zP), "%s目标值应为数字，如 100 或 99.5", zPart);
      }
    }
    p->zHelp = jstr(d, v, "help", 0, 200, zP, zPart, "说明");
  }
  if( d->c->err.n==nErr0 ) k->aIndicator = a;
}

/* Figures by department ("by": "dept_id") or by an enum, bool or dept
** field, worst first (high_is_bad: a higher value is the weaker). */
static void read_breakdowns(Def *d, const cJSON *root, Kind *k){
  const cJSON *aB = jarr(d, root, "breakdowns", "", "");
  int n = aB ? cJSON_GetArraySize(aB) : 0;
  if( n==0 ) return;
  if( n>10 ){ derr(d, "breakdowns", "分单位情况不能超过10项"); return; }
  Breakdown *a = arena_alloc(d->a, sizeof(Breakdown)*(size_t)(n+1));
  int i = 0, nErr0 = d->c->err.n;
  for(const cJSON *v=aB->child; v; v=v->next, i++){
    const char *zP = path(d, "breakdowns[%d]", i), *zPart = path(d, "第%d项分单位情况：", i+1);
    if( !cJSON_IsObject(v) ){ derr(d, zP, "%s应为对象", zPart); continue; }
    keys_ok(d, v, "indicator by high_is_bad", zP, zPart);
    a[i].zIndicator = jstr(d, v, "indicator", 1, 31, zP, zPart, "指标");
    const char *zBy = jstr(d, v, "by", 0, 31, zP, zPart, "分组字段");
    a[i].bHighIsBad = jbool(d, v, "high_is_bad", zP, zPart);
    if( a[i].zIndicator && !kind_indicator(k, a[i].zIndicator) ) derr(d, path(d, "%s.indicator", zP), "%s本台账没有指标“%s”", zPart, a[i].zIndicator);
    if( zBy && strcmp(zBy, "dept_id")!=0 ){
      const Field *f = kind_field(k, zBy);
      if( f==0 || (f->eType!=FT_ENUM && f->eType!=FT_BOOL && f->eType!=FT_DEPT) || (f->flags & F_HIDDEN) ){
        derr(d, path(d, "%s.by", zP), "%s“%s”不是本台账的选项、是/否或部门字段", zPart, zBy);
      }
      a[i].zBy = zBy;
    }
  }
  if( d->c->err.n==nErr0 ) k->aBreakdown = a;
}

/* The subsections of chapter 一 the built-in kinds write in (a custom
** kind's sentences join one of them). */
static int section_known(const char *zSection){
  for(int i=0; i<kind_count(); i++){
    const Kind *k = kind_at(i);
    if( k->iOwner==0 && k->pReport && strcmp(k->pReport->zSection, zSection)==0 ) return 1;
  }
  return 0;
}
static void section_list(Buf *b){
  for(int i=0; i<kind_count(); i++){
    const Kind *k = kind_at(i);
    if( k->iOwner || !k->pReport || strcmp(k->pReport->zSection, REPORT_SEC_DUTY)==0 ) continue;
    int bSeen = 0;
    for(int j=0; j<i && !bSeen; j++){
      const Kind *kj = kind_at(j);
      bSeen = kj->pReport && strcmp(kj->pReport->zSection, k->pReport->zSection)==0;
    }
    if( !bSeen ){ if( b->n ) buf_puts(b, "；"); buf_puts(b, k->pReport->zSection); }
  }
}

/* One report sentence (zP its JSON path, zPart its name in messages),
** every brace checked against k; a copy in the Kind's memory, or NULL
** with the reason in c->err. */
static const char *sentence_read(Def *d, const Kind *k, const cJSON *v, const char *zP, const char *zPart){
  if( !cJSON_IsString(v) || v->valuestring[0]==0 ){ derr(d, zP, "%s应为非空文本", zPart); return 0; }
  if( utf8_chars(v->valuestring)>500 ){ derr(d, zP, "%s不能超过500个字", zPart); return 0; }
  const char *z = v->valuestring, *zEnd;
  ReportFig fig;
  int nFig = 0, bBad = 0;
  for(const char *b; !bBad && (b = report_brace(z, &fig, &zEnd))!=0; z = zEnd){
    const char *zTok = arena_strndup(d->c->pArena, b, (size_t)(zEnd-b));
    nFig++;
    if( fig.bBad ){ derr(d, zP, "%s“%s”无法识别（写作 {指标标识}、{指标标识%%}、{@状态} 或 {year}）", zPart, zTok); bBad = 1; continue; }
    if( fig.bYear ) continue;
    if( fig.zState[0] && !kind_state(k, fig.zState) ){ derr(d, zP, "%s“%s”：本台账没有状态“%s”", zPart, zTok, fig.zState); bBad = 1; continue; }
    const Indicator *ind = fig.zInd[0] ? kind_indicator(k, fig.zInd) : 0;
    if( fig.zInd[0] && ind==0 ){ derr(d, zP, "%s“%s”：本台账没有指标“%s”", zPart, zTok, fig.zInd); bBad = 1; continue; }
    if( ind && !report_suffix_ok(ind, fig.cSuffix) ){
      derr(d, zP, "%s“%s”：指标“%s”不能这样写（%%只用于比率，~只用于平均，^只用于数量）", zPart, zTok, ind->zLabel);
      bBad = 1;
    }
  }
  if( !bBad && nFig==0 ) derr(d, zP, "%s没有任何数字（{指标标识}）", zPart);
  return bBad || nFig==0 ? 0 : arena_strdup(d->a, v->valuestring);
}

static void read_report(Def *d, const cJSON *root, Kind *k){
  const cJSON *o = cJSON_GetObjectItemCaseSensitive(root, "report");
  if( o==0 || cJSON_IsNull(o) ) return;
  if( !cJSON_IsObject(o) ){ derr(d, "report", "报告（report）应为对象"); return; }
  keys_ok(d, o, "section intro sentences join", "report", "报告：");
  ReportText *t = arena_alloc(d->a, sizeof(ReportText));
  int nErr0 = d->c->err.n;
  t->zSection = jstr(d, o, "section", 1, 60, "report", "报告：", "所在部分");
  if( t->zSection && (!section_known(t->zSection) || strcmp(t->zSection, REPORT_SEC_DUTY)==0) ){
    Buf b;
    buf_init(&b);
    section_list(&b);
    derr(d, "report.section", "报告：没有“%s”这一部分（可选：%s）", t->zSection, buf_cstr(&b));
    buf_free(&b);
  }
  t->zIntro = jstr(d, o, "intro", 0, 300, "report", "报告：", "开头语");
  t->bJoin = jbool(d, o, "join", "report", "报告：");
  const cJSON *aS = jarr(d, o, "sentences", "report", "报告：");
  int n = aS ? cJSON_GetArraySize(aS) : 0;
  if( n==0 ) derr(d, "report.sentences", "报告：至少要有一句（sentences）");
  if( n>10 ) derr(d, "report.sentences", "报告：句子不能超过10句");
  int i = 0;
  for(const cJSON *v=aS ? aS->child : 0; v && i<10; v=v->next, i++){
    t->azSentence[i] = sentence_read(d, k, v, path(d, "report.sentences[%d]", i), path(d, "报告句子第%d句：", i+1));
  }
  if( d->c->err.n==nErr0 ) k->pReport = t;
}

/* The fields of the new version in the order of the version in force,
** those it leaves out kept hidden (their column and values stay; nothing
** shows them), then the new ones. The order never changes from version
** to version: a record's logged image lists its fields in this order and
** `fazhi check` compares it (2026-12-07: a field removed from the middle
** went to the end, and check called every older record tampered). */
static Field *fields_with_hidden(Def *d, Field *aF, int n){
  if( d->pPrev==0 ) return aF;
  int nOld = kind_nfield(d->pPrev), m = 0;
  Field *a = arena_alloc(d->a, sizeof(Field)*(size_t)(n+nOld+1));
  char *aUsed = arena_alloc(d->a, (size_t)n+1);
  for(const Field *fo=d->pPrev->aField; fo->zName; fo++){
    int iIn = -1;
    for(int i=0; i<n && iIn<0; i++) if( strcmp(aF[i].zName, fo->zName)==0 ) iIn = i;
    if( iIn>=0 ){ a[m++] = aF[iIn]; aUsed[iIn] = 1; continue; }
    Field *f = &a[m++];
    memset(f, 0, sizeof *f);
    f->zName = arena_strdup(d->a, fo->zName);
    f->zLabel = arena_strdup(d->a, fo->zLabel);
    f->eType = fo->eType;
    f->flags = F_HIDDEN|F_AUTO;
    f->zRef = arena_strdup(d->a, fo->zRef);
    f->aEnum = fo->aEnum;          /* process-lifetime: the old Kind is never freed */
  }
  for(int i=0; i<n; i++) if( !aUsed[i] ) a[m++] = aF[i];
  return a;
}

/* The definition root into a Kind in d->a; NULL with c->err filled. */
static Kind *def_build(Def *d, const cJSON *root){
  Ctx *c = d->c;
  int nErr0 = c->err.n;
  if( !cJSON_IsObject(root) ){ derr(d, "", "定义应为一个JSON对象"); return 0; }
  keys_ok(d, root, "id label group shape public order version about in_force fields states transitions"
                   " deadlines indicators report breakdowns", "", "");
  Kind *k = arena_alloc(d->a, sizeof(Kind));
  k->zName = jstr(d, root, "id", 1, 31, "", "台账", "标识");
  k->zLabel = jstr(d, root, "label", 1, 20, "", "台账", "名称");
  k->zGroup = jstr(d, root, "group", 0, 12, "", "台账", "菜单分组");
  if( k->zGroup==0 ) k->zGroup = "自定义台账";
  k->zAbout = jstr(d, root, "about", 0, 500, "", "台账", "说明");
  k->bPublic = jbool(d, root, "public", "", "台账");
  k->nOrder = 900;
  jint(d, root, "order", 1, 9999, &k->nOrder, "", "台账");
  if( k->zName ){
    if( !id_ok(k->zName, 2) || strstr(k->zName, "__") ){
      derr(d, "id", "台账标识“%s”应以小写字母开头，只含小写字母、数字和下划线（不连用两个），2到31个字符", k->zName);
    }else if( kind_builtin(k->zName) ){
      derr(d, "id", "台账标识“%s”是内置台账“%s”的标识，请换一个", k->zName, kind_builtin(k->zName)->zLabel);
    }else if( in_words(azSqlWord, k->zName) || strncmp(k->zName, "sqlite_", 7)==0 || strncmp(k->zName, "pg_", 3)==0 ){
      derr(d, "id", "台账标识“%s”是系统保留字，请换一个", k->zName);
    }
  }
  const char *zShape = jstr(d, root, "shape", 1, 20, "", "台账", "形态");
  if( zShape ){
    if( strcmp(zShape, "register")==0 ) k->eShape = SHAPE_CATALOG;
    else if( strcmp(zShape, "activity")==0 ) k->eShape = SHAPE_ACTIVITY;
    else if( strcmp(zShape, "case")==0 ) k->eShape = SHAPE_CASE;
    else derr(d, "shape", "台账形态只能是 register（名册）、activity（活动）或 case（案件），不是“%s”", zShape);
  }
  /* fields, the department pseudo-field (schema --json prints it) aside */
  const cJSON *aF = jarr(d, root, "fields", "", "台账");
  int nF = aF ? cJSON_GetArraySize(aF) : 0;
  Field *aField = arena_alloc(d->a, sizeof(Field)*(size_t)(nF+1));
  int n = 0, i = 0;
  for(const cJSON *v=aF ? aF->child : 0; v; v=v->next, i++){
    const cJSON *id = cJSON_IsObject(v) ? cJSON_GetObjectItemCaseSensitive(v, "id") : 0;
    if( cJSON_IsString(id) && strcmp(id->valuestring, "dept_id")==0 ) continue;
    Field *f = &aField[n];
    read_field(d, v, i, f);
    for(int j=0; j<n && f->zName; j++){
      if( aField[j].zName && strcmp(aField[j].zName, f->zName)==0 ){
        derr(d, path(d, "fields[%d].id", i), "%s标识重复：与第%d个字段“%s”相同", field_part(d, f, i), j+1, aField[j].zLabel ? aField[j].zLabel : "");
      }
      if( aField[j].zLabel && f->zLabel && strcmp(aField[j].zLabel, f->zLabel)==0 ){
        derr(d, path(d, "fields[%d].label", i), "%s名称与第%d个字段相同（导入时按名称认列）", field_part(d, f, i), j+1);
      }
    }
    n++;
  }
  if( n==0 ) derr(d, "fields", "台账至少要有一个字段（fields）");
  if( n>60 ) derr(d, "fields", "字段不能超过60个");
  if( c->err.n>nErr0 ) return 0;
  /* the title: the one marked, else the first text field, else the first */
  int bTitle = 0;
  for(int j=0; j<n; j++) if( aField[j].flags & F_TITLE ){
    if( bTitle ) derr(d, path(d, "fields"), "只能有一个字段作为标题（title）");
    bTitle = 1;
  }
  if( !bTitle ){
    int t = 0;
    for(int j=n-1; j>=0; j--) if( aField[j].eType==FT_TEXT ) t = j;
    aField[t].flags |= F_TITLE;
  }
  /* the year: the date marked year_field, else (activity, case) the first required date */
  int nYear = 0;
  for(int j=0; j<n; j++) if( aField[j].flags & F_YEAR ) nYear++;
  if( nYear>1 ) derr(d, "fields", "只能有一个年度字段（year_field）");
  if( k->eShape==SHAPE_CATALOG ){
    if( nYear ) derr(d, "fields", "名册按在册期间统计，没有年度字段（year_field）");
  }else if( nYear==0 ){
    for(int j=0; j<n && nYear==0; j++) if( aField[j].eType==FT_DATE && (aField[j].flags & F_REQ) ){ aField[j].flags |= F_YEAR; nYear = 1; }
    if( nYear==0 ) derr(d, "fields", "%s须有一个必填的日期字段，确定每条记录属于哪一年（或标明 year_field）",
                        k->eShape==SHAPE_ACTIVITY ? "活动" : "案件");
  }
  k->aField = fields_with_hidden(d, aField, n);
  /* a register's period in force */
  const cJSON *pIF = cJSON_GetObjectItemCaseSensitive(root, "in_force");
  if( k->eShape==SHAPE_CATALOG ){
    if( !cJSON_IsObject(pIF) ){
      derr(d, "in_force", "名册须写明在册期间：\"in_force\": {\"from\": 起始日期字段, \"to\": 终止日期字段}");
    }else{
      InForce *p = arena_alloc(d->a, sizeof(InForce));
      keys_ok(d, pIF, "from to", "in_force", "在册期间：");
      p->zFrom = jstr(d, pIF, "from", 1, 31, "in_force", "在册期间：", "起始日期字段");
      p->zTo = jstr(d, pIF, "to", 1, 31, "in_force", "在册期间：", "终止日期字段");
      const char *az[2] = { p->zFrom, p->zTo };
      for(int j=0; j<2; j++){
        const Field *f = az[j] ? kind_field(k, az[j]) : 0;
        if( az[j] && (f==0 || f->eType!=FT_DATE || (f->flags & F_HIDDEN)) ) derr(d, j ? "in_force.to" : "in_force.from", "在册期间：“%s”不是本台账的日期字段", az[j]);
      }
      if( p->zFrom && p->zTo && strcmp(p->zFrom, p->zTo)==0 ) derr(d, "in_force", "在册期间：起止不能是同一个字段");
      k->pInForce = p;
    }
  }else if( pIF ){
    derr(d, "in_force", "只有名册（register）有在册期间");
  }
  if( c->err.n>nErr0 ) return 0;
  read_states(d, root, k);
  /* required_in_states names states */
  for(Field *f=k->aField; f->zName; f++){
    if( f->zReqIn && k->aState==0 ) derr(d, "fields", "%s只有案件有“在某些状态必填”", field_part(d, f, 0));
    else if( f->zReqIn ) state_list_check(d, k, f->zReqIn, "fields", field_part(d, f, 0));
  }
  read_deadlines(d, root, k);
  if( c->err.n>nErr0 ) return 0;
  read_indicators(d, root, k);
  if( c->err.n>nErr0 ) return 0;
  read_report(d, root, k);
  read_breakdowns(d, root, k);
  if( c->err.n>nErr0 ) return 0;
  /* the rules every kind is held to, as a built-in is at start-up */
  char zErr[300];
  if( kind_selfcheck(k, zErr, sizeof zErr) ){
    derr(d, "", "定义不一致：%s", zErr);
    return 0;
  }
  return k;
}

/* ---- a built-in kind extended (内置台账的扩展) ---------------------------- */

/* Whether the JSON object o sets zKey to true. */
static int jtrue(const cJSON *o, const char *zKey){
  return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, zKey));
}

/* The extension's fields: each read as a custom kind's, none named like a
** built-in field or a fixed column, none the kind's title, year or a
** unique value (the built-in declares those). aOut: room for them. */
static int ext_fields(Def *d, const cJSON *root, const Kind *pBase, Field *aOut, int nMax){
  const cJSON *aF = jarr(d, root, "fields", "", "扩展：");
  int n = 0, i = 0;
  for(const cJSON *v=aF ? aF->child : 0; v; v=v->next, i++){
    if( n>=nMax ){ derr(d, "fields", "扩展字段不能超过%d个", nMax); break; }
    Field *f = &aOut[n];
    int nErr0 = d->c->err.n;
    read_field(d, v, i, f);
    const char *zPart = field_part(d, f, i), *zP = path(d, "fields[%d]", i);
    if( cJSON_IsObject(v) && (jtrue(v, "title") || jtrue(v, "year_field") || jtrue(v, "unique")) ){
      derr(d, zP, "%s扩展字段不能作为标题、年度字段或唯一值（由内置台账规定）", zPart);
    }
    const Field *fb = f->zName ? kind_field(pBase, f->zName) : 0;
    if( fb ){
      derr(d, path(d, "%s.id", zP), "%s标识“%s”与内置字段“%s”重复，请换一个标识", zPart, f->zName, fb->zLabel);
    }
    for(const Field *g=pBase->aField; f->zLabel && g->zName; g++){
      if( !(g->flags & F_HIDDEN) && strcmp(g->zLabel, f->zLabel)==0 && g!=fb ){
        derr(d, path(d, "%s.label", zP), "%s名称与内置字段“%s”（%s）相同（导入时按名称认列）", zPart, g->zLabel, g->zName);
      }
    }
    for(int j=0; j<n && f->zName; j++){
      if( aOut[j].zName && strcmp(aOut[j].zName, f->zName)==0 ) derr(d, path(d, "%s.id", zP), "%s标识重复：与第%d个扩展字段相同", zPart, j+1);
      else if( aOut[j].zLabel && f->zLabel && strcmp(aOut[j].zLabel, f->zLabel)==0 ) derr(d, path(d, "%s.label", zP), "%s名称与第%d个扩展字段相同", zPart, j+1);
    }
    if( d->c->err.n==nErr0 ) f->flags &= ~(unsigned)(F_TITLE|F_YEAR|F_UNIQUE);
    n++;
  }
  return n;
}

/* The values enum_values adds to the built-in enum field f (a copy in
** the Kind's memory): { "field": [{"id":…, "label":…}, …] }. Neither an
** id nor a label may repeat one the field has. Values an earlier version
** added and this one leaves out stay (records may hold them). */
static void ext_enum(Def *d, const cJSON *aV, Field *f, const Field *fPrev, const char *zP){
  const char *zPart = path(d, "选项字段“%s”（%s）：", f->zLabel, f->zName);
  if( !cJSON_IsArray(aV) ){ derr(d, zP, "%s应为数组：[{\"id\":…, \"label\":…}]", zPart); return; }
  int nOld = 0, nNew = cJSON_GetArraySize(aV), nPrev = 0;
  while( f->aEnum[nOld].zId ) nOld++;
  while( fPrev && fPrev->aEnum && fPrev->aEnum[nPrev].zId ) nPrev++;
  if( nOld+nNew>60 ){ derr(d, zP, "%s选项不能超过60个", zPart); return; }
  EnumVal *a = arena_alloc(d->a, sizeof(EnumVal)*(size_t)(nOld+nNew+nPrev+1));
  memcpy(a, f->aEnum, sizeof(EnumVal)*(size_t)nOld);
  int m = nOld, j = 0;
  for(const cJSON *v=aV->child; v; v=v->next, j++){
    const char *zVP = path(d, "%s[%d]", zP, j), *zVPart = path(d, "%s新增第%d个选项：", zPart, j+1);
    if( !cJSON_IsObject(v) ){ derr(d, zVP, "%s应为 {\"id\":…, \"label\":…}", zVPart); continue; }
    keys_ok(d, v, "id label", zVP, zVPart);
    const char *zId = jstr(d, v, "id", 1, 31, zVP, zVPart, "标识");
    const char *zLabel = jstr(d, v, "label", 1, 30, zVP, zVPart, "名称");
    if( zId && !value_id_ok(zId) ){ derr(d, path(d, "%s.id", zVP), "%s标识只能含小写字母、数字和下划线", zVPart); continue; }
    if( zId==0 || zLabel==0 ) continue;
    int bBad = 0;
    for(int k=0; k<m && !bBad; k++){
      int bBuiltin = k<nOld;
      if( strcmp(a[k].zId, zId)==0 ){
        derr(d, path(d, "%s.id", zVP), "%s标识“%s”与%s选项“%s”重复", zVPart, zId, bBuiltin ? "已有的" : "新增的", a[k].zLabel);
        bBad = 1;
      }else if( strcmp(a[k].zLabel, zLabel)==0 ){
        derr(d, path(d, "%s.label", zVP), "%s名称“%s”与%s选项（%s）重复", zVPart, zLabel, bBuiltin ? "已有的" : "新增的", a[k].zId);
        bBad = 1;
      }
    }
    if( bBad ) continue;
    a[m].zId = zId;
    a[m].zLabel = zLabel;
    a[m++].zVia = 0;
  }
  /* an earlier version's values stay */
  for(int p=0; p<nPrev; p++){
    int bIn = 0;
    for(int k=0; k<m && !bIn; k++) bIn = strcmp(a[k].zId, fPrev->aEnum[p].zId)==0;
    if( !bIn ) a[m++] = fPrev->aEnum[p];
  }
  memset(&a[m], 0, sizeof a[m]);
  f->aEnum = a;
}

/* targets: { "indicator": {"target": "95.5", "decimals": 2} } over the
** kind's indicators (built-in or added); a target "" removes it. */
static void ext_targets(Def *d, const cJSON *root, Kind *k){
  const cJSON *o = cJSON_GetObjectItemCaseSensitive(root, "targets");
  if( o==0 || cJSON_IsNull(o) ) return;
  if( !cJSON_IsObject(o) ){ derr(d, "targets", "目标与小数位（targets）应为对象：{\"指标标识\": {\"target\": \"95\", \"decimals\": 2}}"); return; }
  for(const cJSON *v=o->child; v; v=v->next){
    const char *zP = path(d, "targets.%s", v->string);
    Indicator *ind = (Indicator*)kind_indicator(k, v->string);
    if( ind==0 ){ derr(d, zP, "目标与小数位：本台账没有指标“%s”", v->string); continue; }
    const char *zPart = path(d, "目标与小数位“%s”（%s）：", ind->zLabel, ind->zName);
    if( !cJSON_IsObject(v) ){ derr(d, zP, "%s应为 {\"target\": …, \"decimals\": …}", zPart); continue; }
    keys_ok(d, v, "target decimals", zP, zPart);
    const cJSON *pT = cJSON_GetObjectItemCaseSensitive(v, "target");
    if( pT && !cJSON_IsNull(pT) ){
      const char *t = cJSON_IsString(pT) ? pT->valuestring
                    : cJSON_IsNumber(pT) ? arena_printf(d->a, "%.6g", pT->valuedouble) : 0;
      size_t nd = t ? strspn(t, "0123456789") : 0;
      if( t && t[0]==0 ){
        ind->zTarget = 0;
      }else if( t==0 || nd==0 || strlen(t)>12
             || (t[nd] && (t[nd]!='.' || t[nd+1]==0 || strspn(t+nd+1, "0123456789")!=strlen(t+nd+1))) ){
        derr(d, path(d, "%s.target", zP), "%s目标值应为数字，如 100 或 99.5，不是“%s”", zPart,
             t ? t : cJSON_IsBool(pT) ? (cJSON_IsTrue(pT) ? "true" : "false") : "（非文本）");
      }else{
        ind->zTarget = arena_strdup(d->a, t);
      }
    }
    const cJSON *pD = cJSON_GetObjectItemCaseSensitive(v, "decimals");
    if( pD && !cJSON_IsNull(pD) ){
      double x = cJSON_IsNumber(pD) ? pD->valuedouble : -1;
      if( x!=(double)(int)x || x<0 || x>4 ){
        derr(d, path(d, "%s.decimals", zP), "%s小数位应为0到4之间的整数", zPart);
      }else if( ind->eUnit==IU_COUNT && x!=0 ){
        derr(d, path(d, "%s.decimals", zP), "%s数量指标是整数，没有小数位", zPart);
      }else{
        ind->nDecimals = (int)x;
      }
    }
  }
}

/* The extension root (kinddef.h) over the built-in pBase, d->pPrev the
** extension in force (NULL: none yet), into a Kind in d->a: a copy of
** pBase whose arrays are copies too (kind_compile writes their runtime
** members; the declaration's own stay untouched), with the extension's
** parts added. NULL with c->err filled. */
static Kind *ext_build(Def *d, const cJSON *root, const Kind *pBase){
  Ctx *c = d->c;
  int nErr0 = c->err.n;
  if( !cJSON_IsObject(root) ){ derr(d, "", "扩展定义应为一个JSON对象"); return 0; }
  keys_ok(d, root, "extends version fields enum_values indicators breakdowns report targets", "", "扩展：");
  Kind *k = arena_alloc(d->a, sizeof(Kind));
  *k = *pBase;
  k->pBase = pBase;
  d->pBase = pBase;
  /* fields: the built-in's (copied), the extension's, an earlier version's kept hidden */
  int nBase = kind_nfield(pBase), nPrev = d->pPrev ? kind_nfield(d->pPrev) : 0;
  Field *aNew = arena_alloc(d->a, sizeof(Field)*31);
  int nNew = ext_fields(d, root, pBase, aNew, 30);
  Field *a = arena_alloc(d->a, sizeof(Field)*(size_t)(nBase+nNew+nPrev+1));
  memcpy(a, pBase->aField, sizeof(Field)*(size_t)nBase);
  int m = nBase;
  /* the earlier version's fields keep their places (a record's logged
  ** image lists its fields in this order; `fazhi check` compares it),
  ** those left out hidden; then the new ones */
  char *aUsed = arena_alloc(d->a, (size_t)nNew+1);
  for(int i=0; i<nPrev; i++){
    const Field *fo = &d->pPrev->aField[i];
    if( kind_field(pBase, fo->zName) ) continue;
    int jIn = -1;
    for(int j=0; j<nNew && jIn<0; j++) if( aNew[j].zName && strcmp(aNew[j].zName, fo->zName)==0 ) jIn = j;
    if( jIn>=0 ){ a[m++] = aNew[jIn]; aUsed[jIn] = 1; continue; }
    Field *f = &a[m++];
    memset(f, 0, sizeof *f);
    f->zName = fo->zName; f->zLabel = fo->zLabel; f->eType = fo->eType; f->zRef = fo->zRef;
    f->aEnum = fo->aEnum;          /* process-lifetime: the old Kind is never freed */
    f->flags = F_HIDDEN|F_AUTO;
  }
  for(int j=0; j<nNew; j++) if( !aUsed[j] ) a[m++] = aNew[j];
  for(int i=0; i<nBase; i++){
    if( a[i].pRoster ){
      Roster *r = arena_alloc(d->a, sizeof(Roster));
      *r = *a[i].pRoster;
      a[i].pRoster = r;
    }
  }
  k->aField = a;
  if( c->err.n>nErr0 ) return 0;     /* the rest names fields */
  /* the values added to the built-in's enum fields */
  const cJSON *pE = cJSON_GetObjectItemCaseSensitive(root, "enum_values");
  if( pE && !cJSON_IsNull(pE) && !cJSON_IsObject(pE) ){
    derr(d, "enum_values", "新增选项（enum_values）应为对象：{\"字段标识\": [{\"id\":…, \"label\":…}]}");
  }
  for(const cJSON *v=cJSON_IsObject(pE) ? pE->child : 0; v; v=v->next){
    Field *f = 0;
    for(int i=0; i<nBase; i++) if( strcmp(a[i].zName, v->string)==0 ) f = &a[i];
    if( f==0 || f->eType!=FT_ENUM ){
      derr(d, path(d, "enum_values.%s", v->string), "新增选项：“%s”不是%s的选项字段%s", v->string, pBase->zLabel,
           kind_field(k, v->string) ? "（扩展字段的选项写在该字段的 values 中）" : "");
      continue;
    }
    ext_enum(d, v, f, d->pPrev ? kind_field(d->pPrev, f->zName) : 0, path(d, "enum_values.%s", v->string));
  }
  /* an earlier version's added values stay even when enum_values leaves the field out */
  for(int i=0; d->pPrev && i<nBase; i++){
    const Field *fp = kind_field(d->pPrev, a[i].zName);
    if( a[i].eType!=FT_ENUM || fp==0 || fp->aEnum==pBase->aField[i].aEnum ) continue;
    if( a[i].aEnum==pBase->aField[i].aEnum ) a[i].aEnum = fp->aEnum;
  }
  /* indicators: the built-in's (copied) and the extension's, read as a custom kind's */
  int nIndBase = 0;
  while( pBase->aIndicator && pBase->aIndicator[nIndBase].zName ) nIndBase++;
  k->aIndicator = 0;
  read_indicators(d, root, k);
  int nIndNew = 0;
  while( k->aIndicator && k->aIndicator[nIndNew].zName ) nIndNew++;
  for(int i=0; i<nIndNew; i++){
    const Indicator *ib = kind_indicator(pBase, k->aIndicator[i].zName);
    if( ib ) derr(d, path(d, "indicators[%d].id", i), "指标“%s”：标识“%s”与内置指标“%s”重复，请换一个标识",
                  k->aIndicator[i].zLabel, ib->zName, ib->zLabel);
  }
  Indicator *aInd = arena_alloc(d->a, sizeof(Indicator)*(size_t)(nIndBase+nIndNew+1));
  if( nIndBase ) memcpy(aInd, pBase->aIndicator, sizeof(Indicator)*(size_t)nIndBase);
  if( nIndNew ) memcpy(aInd+nIndBase, k->aIndicator, sizeof(Indicator)*(size_t)nIndNew);
  k->aIndicator = aInd;
  if( c->err.n>nErr0 ) return 0;
  ext_targets(d, root, k);
  /* breakdowns: the built-in's and the extension's */
  int nBrBase = 0, nBrNew = 0;
  while( pBase->aBreakdown && pBase->aBreakdown[nBrBase].zIndicator ) nBrBase++;
  k->aBreakdown = 0;
  read_breakdowns(d, root, k);
  while( k->aBreakdown && k->aBreakdown[nBrNew].zIndicator ) nBrNew++;
  if( nBrNew ){
    Breakdown *aB = arena_alloc(d->a, sizeof(Breakdown)*(size_t)(nBrBase+nBrNew+1));
    if( nBrBase ) memcpy(aB, pBase->aBreakdown, sizeof(Breakdown)*(size_t)nBrBase);
    memcpy(aB+nBrBase, k->aBreakdown, sizeof(Breakdown)*(size_t)nBrNew);
    k->aBreakdown = aB;
  }else{
    k->aBreakdown = pBase->aBreakdown;
  }
  /* sentences: after the built-in's in its paragraph, or a paragraph of their own */
  const cJSON *pR = cJSON_GetObjectItemCaseSensitive(root, "report");
  if( pBase->pReport && pR && !cJSON_IsNull(pR) ){
    if( !cJSON_IsObject(pR) ){ derr(d, "report", "报告（report）应为对象：{\"sentences\": [句子, …]}"); return 0; }
    keys_ok(d, pR, "section intro sentences join", "report", "报告：");
    const char *zSec = jstr(d, pR, "section", 0, 60, "report", "报告：", "所在部分");
    if( zSec && strcmp(zSec, pBase->pReport->zSection)!=0 ){
      derr(d, "report.section", "报告：%s的句子写在“%s”部分，不能移到别处", pBase->zLabel, pBase->pReport->zSection);
    }
    ReportText *t = arena_alloc(d->a, sizeof(ReportText));
    *t = *pBase->pReport;
    int nOld = 0;
    while( nOld<10 && t->azSentence[nOld] ) nOld++;
    const cJSON *aS = jarr(d, pR, "sentences", "report", "报告：");
    int nS = aS ? cJSON_GetArraySize(aS) : 0, i = 0;
    if( nOld+nS>10 ) derr(d, "report.sentences", "报告：%s已有%d句，最多还能加%d句", pBase->zLabel, nOld, 10-nOld);
    for(const cJSON *v=aS ? aS->child : 0; v && nOld+i<10; v=v->next, i++){
      t->azSentence[nOld+i] = sentence_read(d, k, v, path(d, "report.sentences[%d]", i), path(d, "新增报告句子第%d句：", i+1));
    }
    k->pReport = t;
  }else if( pBase->pReport==0 ){
    k->pReport = 0;
    read_report(d, root, k);
  }
  if( c->err.n>nErr0 ) return 0;
  /* the arrays kind_compile writes in, copied */
  int n = 0;
  if( pBase->aTrans ){
    while( pBase->aTrans[n].zId ) n++;
    Transition *t = arena_alloc(d->a, sizeof(Transition)*(size_t)(n+1));
    memcpy(t, pBase->aTrans, sizeof(Transition)*(size_t)n);
    k->aTrans = t;
  }
  if( pBase->aDeadline ){
    for(n=0; pBase->aDeadline[n].zName; n++){}
    Deadline *x = arena_alloc(d->a, sizeof(Deadline)*(size_t)(n+1));
    memcpy(x, pBase->aDeadline, sizeof(Deadline)*(size_t)n);
    for(int i=0; i<n; i++) x[i].pDeemed = 0;   /* found again in the copy */
    k->aDeadline = x;
  }
  if( pBase->aSpawn ){
    for(n=0; pBase->aSpawn[n].zTrans; n++){}
    Spawn *x = arena_alloc(d->a, sizeof(Spawn)*(size_t)(n+1));
    memcpy(x, pBase->aSpawn, sizeof(Spawn)*(size_t)n);
    k->aSpawn = x;
  }
  char zErr[300];
  if( kind_selfcheck(k, zErr, sizeof zErr) ){
    derr(d, "", "扩展后的定义不一致：%s", zErr);
    return 0;
  }
  return k;
}

/* ---- the registry's custom kinds ---------------------------------------- */

static pthread_mutex_t loadLock = PTHREAD_MUTEX_INITIALIZER;

/* The mark the snapshot is compared with: the newest definition's id and
** the newest department's (a city made over counties moves their paths,
** which the owners' paths are read from). Two primary-key lookups. */
static int def_mark(Db *pDb, long long *pMark){
  Stmt q;
  int rc = db_prepare(pDb, &q, "SELECT (SELECT coalesce(max(id), 0) FROM kind_def), (SELECT coalesce(max(id), 0) FROM dept)");
  if( rc ) return rc;
  rc = db_step(&q);
  *pMark = rc==DB_ROW ? (db_column_int64(&q, 0)<<24) + db_column_int64(&q, 1) : 0;
  db_finalize(&q);
  return rc==DB_ROW ? 0 : rc;
}

/* One stored version text into a Kind (pPrev: the version before it). */
static const Kind *def_load_one(Db *pDb, const char *zText, const Kind *pPrev, i64 iOwner,
                                const char *zOwnerPath, int iVersion, const char *zSavedAt){
  Arena tmp;
  arena_init(&tmp);
  Actor act = { .zLogin = "(载入)", .mRole = R_ADMIN, .zDeptPath = "/" };
  Ctx c;
  ctx_init(&c, pDb, &tmp, &act);
  Arena *a = fz_malloc(sizeof(Arena));
  arena_init(a);
  Def d = { &c, a, pPrev, 1 };
  cJSON *root = cJSON_Parse(zText);
  const Kind *pBase = root ? kind_builtin(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(root, "extends"))) : 0;
  Kind *k = pBase ? ext_build(&d, root, pBase) : root ? def_build(&d, root) : 0;
  cJSON_Delete(root);
  if( k && pBase ){
    k->iExtOwner = iOwner;
    k->zExtOwnerPath = arena_strdup(a, zOwnerPath);
    k->iVersion = iVersion;
    k->pOlder = pPrev;
    k->zSavedAt = arena_strdup(a, zSavedAt);
  }else if( k ){
    k->iOwner = iOwner;
    k->zOwnerPath = arena_strdup(a, zOwnerPath);
    k->iVersion = iVersion;
    k->pOlder = pPrev;
    k->zSavedAt = arena_strdup(a, zSavedAt);
  }else{
    fprintf(stderr, "fazhi: custom kind definition (version %d) does not load: %s\n", iVersion,
            c.err.n ? c.err.a[0].zMsg : "not JSON");
    arena_free(a);
    free(a);
  }
  arena_free(&tmp);
  return k;
}

/* Every definition, each name's versions in order, into the registry. */
static int def_load_all(Db *pDb, long long iMark){
  Stmt q;
  int rc = db_prepare(pDb, &q, "SELECT kind_def.name, kind_def.version, kind_def.owner_id, dept.path, kind_def.def,"
                               " kind_def.created_at"
                               " FROM kind_def LEFT JOIN dept ON dept.id=kind_def.owner_id"
                               " ORDER BY kind_def.name, kind_def.version");
  if( rc ) return rc;
  const Kind *aK[KIND_MAX];
  int n = 0;
  const Kind *pPrev = 0;
  char zPrev[64] = "";
  while( (rc = db_step(&q))==DB_ROW ){
    const char *zName = db_column_text(&q, 0);
    if( strcmp(zName, zPrev)!=0 ){
      if( pPrev && n<KIND_MAX ) aK[n++] = pPrev;
      pPrev = 0;
      snprintf(zPrev, sizeof zPrev, "%s", zName);
    }
    const Kind *k = def_load_one(pDb, db_column_text(&q, 4), pPrev, db_column_int64(&q, 2),
                                 db_column_text(&q, 3), (int)db_column_int64(&q, 1), db_column_text(&q, 5));
    if( k ){
      pPrev = k;
      /* a later definition may refer to this one: publish as we go */
      const Kind *aNow[KIND_MAX];
      int m = 0;
      for(int i=0; i<n; i++) aNow[m++] = aK[i];
      if( m<KIND_MAX ) aNow[m++] = k;
      registry_publish(aNow, m, -1);
    }
  }
  if( pPrev && n<KIND_MAX ) aK[n++] = pPrev;
  db_finalize(&q);
  if( rc!=DB_DONE ) return rc;
  registry_publish(aK, n, iMark);
  return 0;
}

int kinddef_refresh_db(Db *pDb){
  long long iMark;
  int rc = def_mark(pDb, &iMark);
  if( rc || iMark==registry_mark() ) return rc;
  pthread_mutex_lock(&loadLock);
  if( iMark!=registry_mark() ) rc = def_load_all(pDb, iMark);
  pthread_mutex_unlock(&loadLock);
  return rc;
}

int kinddef_refresh(Ctx *c){ return kinddef_refresh_db(c->pDb); }

/* ---- a past year's definitions ------------------------------------------ */

/* The lens of this thread: the year and the UTC time its versions must
** have been saved before ("" none). */
static _Thread_local int tLensYear;
static _Thread_local char tLensCut[20];
static _Thread_local int tLensZone;

/* 1 January of iYear+1, 00:00 in the zone, as UTC text. */
static void year_cut(int iYear, int nZoneMin, char *z, size_t n){
  struct tm tm = { .tm_year = iYear+1-1900, .tm_mon = 0, .tm_mday = 1 };
  time_t t = timegm(&tm) - (time_t)nZoneMin*60;
  gmtime_r(&t, &tm);
  strftime(z, n, "%Y-%m-%d %H:%M:%S", &tm);
}

static const Kind *as_of_cut(const Kind *k, const char *zCut){
  if( k==0 || (k->iOwner==0 && k->pBase==0) || zCut[0]==0 ) return k;   /* a built-in as declared: one definition */
  while( k->pOlder && k->zSavedAt && strcmp(k->zSavedAt, zCut)>=0 ) k = k->pOlder;
  return k;
}

const Kind *kind_as_of(const Kind *k, int iYear, int nZoneMin){
  char zCut[20] = "";
  if( iYear ) year_cut(iYear, nZoneMin, zCut, sizeof zCut);
  return as_of_cut(k, zCut);
}

int kind_year_lens(Ctx *c, int iYear){
  int iOld = tLensYear;
  if( iYear!=tLensYear ){
    tLensYear = iYear;
    tLensCut[0] = 0;
    if( iYear ){
      tLensZone = c ? ctx_zone(c) : 480;
      year_cut(iYear, tLensZone, tLensCut, sizeof tLensCut);
    }
  }
  return iOld;
}

const Kind *kind_lens(const Kind *k){ return tLensCut[0] ? as_of_cut(k, tLensCut) : k; }

/* ---- who sees what ------------------------------------------------------- */

int kind_visible(const Kind *k, const Actor *a){
  if( k==0 ) return 0;
  if( k->zOwnerPath==0 ) return 1;
  if( a==0 ) return 0;
  if( a->mRole & R_PUBLIC ) return k->bPublic;
  const char *zP = a->zDeptPath ? a->zDeptPath : "/";
  size_t nP = strlen(zP), nO = strlen(k->zOwnerPath);
  /* under the owner (its county, a city's counties), or above it (a city's admin, the operator) */
  return strncmp(zP, k->zOwnerPath, nO)==0 || strncmp(k->zOwnerPath, zP, nP)==0;
}

/* The actor may change k: an admin at or above its owner. */
static int kind_changeable(const Kind *k, const Actor *a){
  if( !(a->mRole & R_ADMIN) ) return 0;
  const char *zP = a->zDeptPath ? a->zDeptPath : "/";
  return strncmp(k->zOwnerPath, zP, strlen(zP))==0;
}

/* ---- saving -------------------------------------------------------------- */

static const char *owner_path(Ctx *c, i64 iOwner){
  Stmt q;
  const char *z = 0;
  if( db_prepare(c->pDb, &q, "SELECT path FROM dept WHERE id=?1 AND (dtype IN ('county','city') OR parent_id IS NULL)") ) return 0;
  db_bind_int64(&q, 1, iOwner);
  if( db_step(&q)==DB_ROW ) z = arena_strdup(c->pArena, db_column_text(&q, 0));
  db_finalize(&q);
  return z;
}

/* Whether a table (not a custom kind's) is named zName: a system table. */
static int table_exists(Db *pDb, const char *zName){
  SqlBuf b;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT 1 FROM ");
  sql_ident(&b, zName);
  sql_lit(&b, " LIMIT 0");
  int ok = db_compiles_buf(pDb, &b);
  sqlbuf_free(&b);
  return ok;
}

static int next_version(Ctx *c, const char *zName, int *piVersion){
  Stmt q;
  int rc = db_prepare(c->pDb, &q, "SELECT max(version) FROM kind_def WHERE name=?1");
  if( rc ) return rc;
  db_bind_text(&q, 1, zName);
  rc = db_step(&q);
  *piVersion = 1 + (rc==DB_ROW ? (int)db_column_int64(&q, 0) : 0);
  db_finalize(&q);
  return rc==DB_ROW ? 0 : rc;
}

/* Whether kind_def holds a version of zName (another admin's, saved since
** the registry this request reads was published). */
static int def_stored(Ctx *c, const char *zName){
  int iNext = 1;
  return next_version(c, zName, &iNext)==0 && iNext>1;
}

/* kinddef_save and kinddef_add: bAddOnly refuses an id in use. */
static int def_save(Ctx *c, const char *zJson, size_t n, i64 iOwner, int *piVersion, int bAddOnly){
  if( piVersion ) *piVersion = 0;
  if( !(c->pActor->mRole & R_ADMIN) ) return FZ_FORBIDDEN;
  if( kinddef_refresh(c) ) return err_internal(c, "kinddef_save: refresh: %s", db_errmsg(c->pDb));
  JsonScanBad bad;
  Def d = { c, 0, 0, 0 };
  if( json_scan_strings(zJson, n, 1, &bad) ){
    char zWhy[200];
    json_scan_text(&bad, zWhy, sizeof zWhy);
    derr(&d, bad.zKey, "定义中“%s”含有%s", bad.zKey[0] ? bad.zKey : "（顶层）", zWhy);
    return FZ_INVALID;
  }
  cJSON *root = cJSON_ParseWithLength(zJson, n);
  if( root==0 ){
    derr(&d, "", "定义不是有效的JSON");
    return FZ_INVALID;
  }
  /* a built-in kind's extension (内置台账的扩展) */
  const cJSON *pExt = cJSON_GetObjectItemCaseSensitive(root, "extends");
  const Kind *pBase = 0;
  if( pExt && !cJSON_IsNull(pExt) ){
    pBase = kind_builtin(cJSON_GetStringValue(pExt));
    if( pBase==0 ){
      derr(&d, "extends", "没有内置台账“%s”（extends 写内置台账的标识，如 law_publicity）",
           cJSON_IsString(pExt) ? pExt->valuestring : "（非文本）");
      cJSON_Delete(root);
      return FZ_INVALID;
    }
  }
  /* the version in force, and whose it is */
  const cJSON *pId = cJSON_GetObjectItemCaseSensitive(root, "id");
  const Kind *pPrev = pBase ? kind_find(pBase->zName) : cJSON_IsString(pId) ? kind_find(pId->valuestring) : 0;
  if( pBase && pPrev->pBase==0 ) pPrev = 0;           /* not extended yet */
  if( pPrev && pBase ){
    const char *zP = c->pActor->zDeptPath ? c->pActor->zDeptPath : "/";
    if( strncmp(pPrev->zExtOwnerPath, zP, strlen(zP))!=0 ){ cJSON_Delete(root); return FZ_FORBIDDEN; }
  }
  if( !pBase && pPrev && pPrev->iOwner==0 ) pPrev = 0;   /* a built-in's id: def_build refuses it */
  if( !pBase && pPrev && bAddOnly && kind_visible(pPrev, c->pActor) ){
    derr(&d, "id", "台账标识“%s”已存在（台账“%s”），请换一个标识", pPrev->zName, pPrev->zLabel);
    cJSON_Delete(root);
    return FZ_CONFLICT;
  }
  if( !pBase && pPrev && !kind_visible(pPrev, c->pActor) ){
    derr(&d, "id", "台账标识“%s”已被其他单位使用（同一数据库内台账标识不能重复），请换一个标识", pId->valuestring);
    cJSON_Delete(root);
    return FZ_INVALID;
  }
  if( !pBase && pPrev && !kind_changeable(pPrev, c->pActor) ){
    cJSON_Delete(root);
    return FZ_FORBIDDEN;
  }
  Arena *a = fz_malloc(sizeof(Arena));
  arena_init(a);
  d.a = a;
  d.pPrev = pPrev;
  Kind *k = pBase ? ext_build(&d, root, pBase) : def_build(&d, root);
  cJSON_Delete(root);
  const char *zOwnerPath = 0;
  if( k ){
    if( pPrev ){
      iOwner = pBase ? pPrev->iExtOwner : pPrev->iOwner;
    }else if( iOwner==0 ){
      iOwner = c->pActor->iUser ? actor_unit(c->pActor) : dept_unit_id(c, c->pActor->iDept);
    }
    zOwnerPath = owner_path(c, iOwner);
    const char *zP = c->pActor->zDeptPath ? c->pActor->zDeptPath : "/";
    if( zOwnerPath==0 ){
      derr(&d, "", "所属单位不存在，或不是县（区）、市");
    }else if( strncmp(zOwnerPath, zP, strlen(zP))!=0 ){
      arena_free(a); free(a);
      return FZ_FORBIDDEN;                             /* not the actor's own unit or one below */
    }else if( pPrev==0 && !pBase && table_exists(c->pDb, k->zName) ){
      if( def_stored(c, k->zName) ){       /* another admin added it since this request began */
        derr(&d, "id", "台账标识“%s”已存在（其他管理员刚刚新增了它），请换一个标识", k->zName);
        arena_free(a); free(a);
        return FZ_CONFLICT;
      }
      derr(&d, "id", "台账标识“%s”与系统的数据表重名，请换一个", k->zName);
    }else if( pPrev==0 && !pBase && kind_count()>=KIND_MAX ){
      derr(&d, "", "台账已达上限（共%d个），不能再新增", KIND_MAX);
    }
  }
  if( k==0 || c->err.n ){
    arena_free(a); free(a);
    return FZ_INVALID;
  }
  if( pBase ){
    k->iExtOwner = iOwner;
    k->zExtOwnerPath = arena_strdup(a, zOwnerPath);
  }else{
    k->iOwner = iOwner;
    k->zOwnerPath = arena_strdup(a, zOwnerPath);
  }
  int iVersion = 0, rc;
  char zErr[400];
  rc = db_begin_write(c->pDb)!=DB_OK;
  /* The version is read inside the write transaction: two admins saving
  ** one id at once (each checked against the registry of its own request)
  ** are told apart here, the second refused in words (409), not by the
  ** UNIQUE(name, version) constraint (a 500). */
  if( rc==0 ) rc = next_version(c, k->zName, &iVersion)!=0;
  if( rc==0 && iVersion!=(pPrev ? pPrev->iVersion : 0)+1 ){
    db_rollback(c->pDb);
    if( pPrev==0 ){
      derr(&d, "id", "台账标识“%s”已存在（其他管理员刚刚新增了它），请换一个标识", k->zName);
    }else{
      derr(&d, "id", "台账“%s”已由其他管理员保存为第%d版，请重新打开后再修改", k->zLabel, iVersion-1);
    }
    arena_free(a); free(a);
    return FZ_CONFLICT;
  }
  k->iVersion = iVersion;
  /* the stored text: the definition as kind_json (an extension: kind_ext_json) prints it, its version in it */
  Buf b;
  buf_init(&b);
  Json j;
  json_init(&j, &b);
  if( pBase ) kind_ext_json(&j, k); else kind_json(&j, k);
  buf_putc(&b, '\n');
  time_t now = time(0);
  struct tm tm;
  gmtime_r(&now, &tm);
  char zAt[32];
  strftime(zAt, sizeof zAt, "%Y-%m-%d %H:%M:%S", &tm);
  i64 id = rc ? 0 : audit_next_id(c->pDb, "kind_def", "@kind_def");
  const char *zKey = arena_printf(c->pArena, "%lld", (long long)id);
  const char *zBefore = id ? audit_rows(c, "kind_def", zKey) : 0;
  if( zBefore==0 ) rc = 1;
  if( rc==0 ){
    Stmt q;
    rc = db_prepare(c->pDb, &q, "INSERT INTO kind_def(id, name, version, owner_id, def, created_by, created_at)"
                                " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)")!=DB_OK;
    if( rc==0 ){
      db_bind_int64(&q, 1, id);
      db_bind_text(&q, 2, k->zName);
      db_bind_int64(&q, 3, iVersion);
      db_bind_int64(&q, 4, iOwner);
      db_bind_text(&q, 5, buf_cstr(&b));
      db_bind_text(&q, 6, c->pActor->zLogin ? c->pActor->zLogin : "(命令行)");
      db_bind_text(&q, 7, zAt);
      rc = db_step(&q)!=DB_DONE;
      db_finalize(&q);
    }
  }
  if( rc==0 ) rc = ddl_kind_define(c->pDb, k, pPrev ? pPrev : pBase, zErr, sizeof zErr);
  if( rc==0 ) rc = audit_rows_log(c, pBase ? "kind_extend" : pPrev ? "kind_change" : "kind_add", "kind_def", zKey, 0, zBefore);
  if( rc==0 ) rc = db_commit(c->pDb)!=DB_OK;
  buf_free(&b);
  if( rc ){
    db_rollback(c->pDb);
    arena_free(a); free(a);
    return err_internal(c, "kinddef_save %s: %s", k->zName, db_errmsg(c->pDb));
  }
  if( piVersion ) *piVersion = iVersion;
  /* the Kind checked here was never published: the registry reads the
  ** stored versions back (the others on their next request) */
  arena_free(a);
  free(a);
  if( kinddef_refresh(c) ) return err_internal(c, "kinddef_save: refresh: %s", db_errmsg(c->pDb));
  return FZ_OK;
}

int kinddef_save(Ctx *c, const char *zJson, size_t n, i64 iOwner, int *piVersion){
  return def_save(c, zJson, n, iOwner, piVersion, 0);
}
int kinddef_add(Ctx *c, const char *zJson, size_t n, i64 iOwner, int *piVersion){
  return def_save(c, zJson, n, iOwner, piVersion, 1);
}

/* ---- reading back ---------------------------------------------------------- */

static const char *shape_label(const Kind *k){
  return k->eShape==SHAPE_CASE ? "案件" : k->eShape==SHAPE_ACTIVITY ? "活动" : "名册";
}

/* Records of k in the actor's scope; -1 on a database error. */
static i64 record_count(Ctx *c, const Kind *k){
  SqlBuf b;
  Stmt q;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT count(*) FROM ");
  sql_ident(&b, k->zName);
  sql_lit(&b, " WHERE " SQL_DEPT_IN_SCOPE("dept_id", 1, 2));
  int rc = db_prepare_buf(c->pDb, &q, &b);
  sqlbuf_free(&b);
  if( rc ) return -1;
  db_bind_scope(&q, 1, 2, c->pActor->zDeptPath ? c->pActor->zDeptPath : "/");
  i64 n = db_step(&q)==DB_ROW ? db_column_int64(&q, 0) : -1;
  db_finalize(&q);
  return n;
}

static int rows_read(Ctx *c, Stmt *q, KindDefRow **pa){
  int n = 0, nAlloc = 0, rc;
  *pa = 0;
  while( (rc = db_step(q))==DB_ROW ){
    const Kind *k = kind_find(db_column_text(q, 0));
    if( k==0 || (k->iOwner==0 && k->pBase==0) || !kind_visible(k, c->pActor) ) continue;
    *pa = arena_grow(c->pArena, *pa, n, &nAlloc, sizeof **pa);
    KindDefRow *p = &(*pa)[n++];
    memset(p, 0, sizeof *p);
    p->zName = k->zName;
    p->zLabel = k->zLabel;
    p->zGroup = k->zGroup;
    p->zShape = kind_shape_name(k);
    p->zShapeLabel = shape_label(k);
    p->iVersion = (int)db_column_int64(q, 1);
    p->iOwner = db_column_int64(q, 2);
    p->zOwner = arena_strdup(c->pArena, db_column_text(q, 3));
    p->zAt = arena_strdup(c->pArena, db_column_text(q, 4));
    p->zBy = arena_strdup(c->pArena, db_column_text(q, 5));
    p->nRecords = -1;
  }
  return rc==DB_DONE ? n : -1;
}

int kinddef_list(Ctx *c, KindDefRow **pa){
  Stmt q;
  *pa = 0;
  if( db_prepare(c->pDb, &q, "SELECT d.name, d.version, d.owner_id, coalesce(dept.name, ''), d.created_at, d.created_by"
                             " FROM kind_def d LEFT JOIN dept ON dept.id=d.owner_id"
                             " WHERE d.version=(SELECT max(version) FROM kind_def e WHERE e.name=d.name)"
                             " ORDER BY d.name") ) return -1;
  int n = rows_read(c, &q, pa);
  db_finalize(&q);
  if( n<0 ) return -1;
  /* the custom kinds only: a built-in's extension is on its own page */
  int m = 0;
  for(int i=0; i<n; i++) if( !kind_builtin((*pa)[i].zName) ) (*pa)[m++] = (*pa)[i];
  n = m;
  for(int i=0; i<n; i++){
    (*pa)[i].nRecords = record_count(c, kind_find((*pa)[i].zName));
    if( (*pa)[i].nRecords<0 ) return -1;
  }
  /* by menu order, then name */
  for(int i=1; i<n; i++){
    KindDefRow t = (*pa)[i];
    int oi = kind_find(t.zName)->nOrder, j = i;
    while( j>0 && kind_find((*pa)[j-1].zName)->nOrder > oi ){ (*pa)[j] = (*pa)[j-1]; j--; }
    (*pa)[j] = t;
  }
  return n;
}

int kinddef_versions(Ctx *c, const char *zName, KindDefRow **pa){
  Stmt q;
  *pa = 0;
  if( db_prepare(c->pDb, &q, "SELECT d.name, d.version, d.owner_id, coalesce(dept.name, ''), d.created_at, d.created_by"
                             " FROM kind_def d LEFT JOIN dept ON dept.id=d.owner_id"
                             " WHERE d.name=?1 ORDER BY d.version DESC") ) return -1;
  db_bind_text(&q, 1, zName);
  int n = rows_read(c, &q, pa);
  db_finalize(&q);
  for(int i=0; i<n; i++) (*pa)[i].nRecords = 0;
  return n;
}

const char *kinddef_export(Ctx *c, const char *zName, int iVersion){
  const Kind *k = kind_find(zName);
  if( k==0 || (k->iOwner==0 && k->pBase==0) || !kind_visible(k, c->pActor) ) return 0;
  Stmt q;
  const char *z = 0;
  if( db_prepare(c->pDb, &q, "SELECT def FROM kind_def WHERE name=?1 AND (version=?2 OR (?2=0 AND version="
                             "(SELECT max(version) FROM kind_def WHERE name=?1)))") ) return 0;
  db_bind_text(&q, 1, zName);
  db_bind_int64(&q, 2, iVersion);
  if( db_step(&q)==DB_ROW ) z = arena_strdup(c->pArena, db_column_text(&q, 0));
  db_finalize(&q);
  return z;
}

int kinds_in_scope(const char *zPath, const Kind **aOut, int nMax){
  Actor a = { .mRole = R_ADMIN, .zDeptPath = zPath ? zPath : "/" };
  return kinds_for(&a, aOut, nMax);
}

int kinds_for(const Actor *a, const Kind **aOut, int nMax){
  const Kind *aAll[KIND_MAX];
  int n = kinds_in_order(aAll, KIND_MAX), m = 0;
  for(int i=0; i<n && m<nMax; i++) if( a==0 || kind_visible(aAll[i], a) ) aOut[m++] = aAll[i];
  return m;
}
