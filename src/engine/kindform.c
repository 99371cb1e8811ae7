/*
** src/engine/kindform.c — the 自定义台账 form as a definition and back
** (see kindform.h). Reads and writes JSON with cJSON; runs no SQL and
** stores nothing: kinddef_save (kinddef.c) checks and stores what
** kindform_json builds.
*/
#include "engine/kindform.h"
#include "engine/kinddef.h"
#include <cjson/cJSON.h>
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

/* The words kinddef.c accepts after a figure, in the order the select offers them. */
const char *const kindform_azUnit[] = {
  "件", "人", "人次", "次", "场", "家", "个", "元", "万元", "份", "条", "项", "名", "篇", "期", "期次", "户", "所",
  "部", "起", "批", "天", "小时", "课时", "册", "支", "处", "座", "宗", "笔", 0
};

/* ---- small helpers --------------------------------------------------- */

/* z without leading and trailing blanks (ASCII and the ideographic space), arena copy; "" for NULL. */
static const char *trim(Ctx *c, const char *z){
  if( z==0 ) return "";
  while( *z==' ' || *z=='\t' || *z=='\r' || *z=='\n' || strncmp(z, "\xe3\x80\x80", 3)==0 ) z += (*z & 0x80) ? 3 : 1;
  size_t n = strlen(z);
  for(;;){
    if( n>0 && (z[n-1]==' ' || z[n-1]=='\t' || z[n-1]=='\r' || z[n-1]=='\n') ){ n--; continue; }
    if( n>=3 && memcmp(z+n-3, "\xe3\x80\x80", 3)==0 ){ n -= 3; continue; }
    break;
  }
  return arena_strndup(c->pArena, z, n);
}
static int is_on(const char *z){ return z && z[0] && strcmp(z, "0")!=0; }
static int is_id(const char *z){
  if( z==0 || !((z[0]>='a' && z[0]<='z') || z[0]=='_') ) return 0;
  for(const char *p=z; *p; p++) if( !((*p>='a' && *p<='z') || (*p>='0' && *p<='9') || *p=='_') ) return 0;
  return 1;
}
static const char *jstr(const cJSON *o, const char *zKey){
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, zKey);
  return cJSON_IsString(v) ? v->valuestring : 0;
}
static int jbool(const cJSON *o, const char *zKey){
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, zKey);
  return cJSON_IsTrue(v);
}
static void jset(cJSON *o, const char *zKey, cJSON *v){
  if( cJSON_GetObjectItemCaseSensitive(o, zKey) ) cJSON_ReplaceItemInObjectCaseSensitive(o, zKey, v);
  else cJSON_AddItemToObject(o, zKey, v);
}
static void jset_str(cJSON *o, const char *zKey, const char *z){ jset(o, zKey, cJSON_CreateString(z)); }
static void jset_bool(cJSON *o, const char *zKey, int b){ jset(o, zKey, cJSON_CreateBool(b)); }
static const char *adup(Ctx *c, const char *z){ return arena_strdup(c->pArena, z ? z : ""); }

/* An error beside form input zInput (NULL: the form as a whole). */
static void form_err(Ctx *c, const char *zInput, const char *zMsg){
  Field f = { .zName = zInput ? arena_strdup(c->pErrArena, zInput) : 0, .zLabel = 0 };
  err_add(c, 0, zInput ? &f : 0, "%s", zMsg);
}
static const char *row_input(Ctx *c, char cKind, int iRow, const char *zCol){
  return arena_printf(c->pArena, "%c%d_%s", cKind, iRow, zCol);
}

/* ---- reading the posted form ----------------------------------------- */

void kindform_more(Ctx *c, KindForm *p, int bInd, int n){
  if( n<=0 ) return;
  if( bInd ){
    int m = p->nInd + n > KF_MAX_ROWS ? KF_MAX_ROWS : p->nInd + n;
    KfInd *a = arena_alloc(c->pArena, sizeof(KfInd)*(size_t)(m ? m : 1));
    if( p->nInd ) memcpy(a, p->aInd, sizeof(KfInd)*(size_t)p->nInd);
    for(int i=p->nInd; i<m; i++){
      a[i] = (KfInd){ .zId="", .zLabel="", .zAgg="count", .zField="", .zCond="", .zDen="count", .zUnit="件",
                      .zDecimals="", .zTarget="", .iRow=i+1, .iJson=-1 };
    }
    p->aInd = a; p->nInd = m;
  }else{
    int m = p->nField + n > KF_MAX_ROWS ? KF_MAX_ROWS : p->nField + n;
    KfField *a = arena_alloc(c->pArena, sizeof(KfField)*(size_t)(m ? m : 1));
    if( p->nField ) memcpy(a, p->aField, sizeof(KfField)*(size_t)p->nField);
    for(int i=p->nField; i<m; i++){
      a[i] = (KfField){ .zId="", .zLabel="", .zType="text", .zEnum="", .zRef="", .zHelp="", .bList=1, .iRow=i+1, .iJson=-1 };
    }
    p->aField = a; p->nField = m;
  }
}

void kindform_more_flow(Ctx *c, KindForm *p, char cPart, int n){
  if( n<=0 ) return;
  if( cPart=='t' ){
    int m = p->nState + n;
    KfState *a = arena_alloc(c->pArena, sizeof(KfState)*(size_t)m);
    if( p->nState ) memcpy(a, p->aState, sizeof(KfState)*(size_t)p->nState);
    for(int i=p->nState; i<m; i++) a[i] = (KfState){ .zId="", .zLabel="", .iRow=i+1, .iJson=-1 };
    p->aState = a; p->nState = m;
  }else if( cPart=='r' ){
    int m = p->nTrans + n;
    KfTrans *a = arena_alloc(c->pArena, sizeof(KfTrans)*(size_t)m);
    if( p->nTrans ) memcpy(a, p->aTrans, sizeof(KfTrans)*(size_t)p->nTrans);
    for(int i=p->nTrans; i<m; i++) a[i] = (KfTrans){ .zId="", .zLabel="", .zFrom="", .zTo="", .zStamp="", .zRoles="admin,clerk", .iRow=i+1, .iJson=-1 };
    p->aTrans = a; p->nTrans = m;
  }else{
    int m = p->nDeadline + n;
    KfDeadline *a = arena_alloc(c->pArena, sizeof(KfDeadline)*(size_t)m);
    if( p->nDeadline ) memcpy(a, p->aDeadline, sizeof(KfDeadline)*(size_t)p->nDeadline);
    for(int i=p->nDeadline; i<m; i++){
      a[i] = (KfDeadline){ .zId="", .zLabel="", .zStart="", .zLength="", .zUnit="days", .zDone="", .zBasis="", .iRow=i+1, .iJson=-1 };
    }
    p->aDeadline = a; p->nDeadline = m;
  }
}

void kindform_blank(Ctx *c, KindForm *p, int nField, int nInd){
  memset(p, 0, sizeof *p);
  p->nChange = -1;
  p->zId = p->zLabel = p->zGroup = p->zSection = p->zIntro = p->zAbout = p->zInfFrom = p->zInfTo = "";
  p->zShape = "activity";
  for(int i=0; i<KF_SENTENCES; i++) p->azSentence[i] = "";
  kindform_more(c, p, 0, nField);
  kindform_more(c, p, 1, nInd);
  kindform_more_flow(c, p, 't', 3);
  kindform_more_flow(c, p, 'r', 2);
  kindform_more_flow(c, p, 'd', 1);
}

void kindform_read(Ctx *c, KindForm *p, KfGet xGet, void *pArg){
  memset(p, 0, sizeof *p);
  p->nChange = -1;
  p->zId = trim(c, xGet(pArg, "id"));
  p->zLabel = trim(c, xGet(pArg, "label"));
  p->zGroup = trim(c, xGet(pArg, "group"));
  p->zShape = trim(c, xGet(pArg, "shape"));
  p->zAbout = trim(c, xGet(pArg, "about"));
  p->zInfFrom = trim(c, xGet(pArg, "inf_from"));
  p->zInfTo = trim(c, xGet(pArg, "inf_to"));
  p->bPublic = is_on(xGet(pArg, "public"));
  int nf = atoi(trim(c, xGet(pArg, "nf"))), ni = atoi(trim(c, xGet(pArg, "ni")));
  if( nf<0 ) nf = 0;
  if( ni<0 ) ni = 0;
  kindform_more(c, p, 0, nf);
  kindform_more(c, p, 1, ni);
  for(int i=0; i<p->nField; i++){
    KfField *f = &p->aField[i];
    int r = i+1;
    f->zId = trim(c, xGet(pArg, row_input(c, 'f', r, "id")));
    f->zLabel = trim(c, xGet(pArg, row_input(c, 'f', r, "label")));
    f->zType = trim(c, xGet(pArg, row_input(c, 'f', r, "type")));
    f->zEnum = trim(c, xGet(pArg, row_input(c, 'f', r, "enum")));
    f->zRef = trim(c, xGet(pArg, row_input(c, 'f', r, "ref")));
    f->zHelp = trim(c, xGet(pArg, row_input(c, 'f', r, "help")));
    f->bReq = is_on(xGet(pArg, row_input(c, 'f', r, "req")));
    f->bList = is_on(xGet(pArg, row_input(c, 'f', r, "list")));
    f->bFilter = is_on(xGet(pArg, row_input(c, 'f', r, "filter")));
    f->bPublic = is_on(xGet(pArg, row_input(c, 'f', r, "pub")));
    f->bOld = is_on(xGet(pArg, row_input(c, 'f', r, "old")));
    f->bDrop = f->bOld && is_on(xGet(pArg, row_input(c, 'f', r, "drop")));
  }
  for(int i=0; i<p->nInd; i++){
    KfInd *x = &p->aInd[i];
    int r = i+1;
    x->zId = trim(c, xGet(pArg, row_input(c, 'i', r, "id")));
    x->zLabel = trim(c, xGet(pArg, row_input(c, 'i', r, "label")));
    x->zAgg = trim(c, xGet(pArg, row_input(c, 'i', r, "agg")));
    x->zField = trim(c, xGet(pArg, row_input(c, 'i', r, "field")));
    x->zCond = trim(c, xGet(pArg, row_input(c, 'i', r, "cond")));
    x->zDen = trim(c, xGet(pArg, row_input(c, 'i', r, "den")));
    x->zUnit = trim(c, xGet(pArg, row_input(c, 'i', r, "unit")));
    x->zDecimals = trim(c, xGet(pArg, row_input(c, 'i', r, "dec")));
    x->zTarget = trim(c, xGet(pArg, row_input(c, 'i', r, "target")));
  }
  int nst = atoi(trim(c, xGet(pArg, "nst"))), ntr = atoi(trim(c, xGet(pArg, "ntr"))), ndl = atoi(trim(c, xGet(pArg, "ndl")));
  kindform_more_flow(c, p, 't', nst>KF_MAX_ROWS ? KF_MAX_ROWS : nst);
  kindform_more_flow(c, p, 'r', ntr>KF_MAX_ROWS ? KF_MAX_ROWS : ntr);
  kindform_more_flow(c, p, 'd', ndl>KF_MAX_ROWS ? KF_MAX_ROWS : ndl);
  for(int i=0; i<p->nState; i++){
    KfState *x = &p->aState[i];
    x->zId = trim(c, xGet(pArg, row_input(c, 't', i+1, "id")));
    x->zLabel = trim(c, xGet(pArg, row_input(c, 't', i+1, "label")));
    x->bFinal = is_on(xGet(pArg, row_input(c, 't', i+1, "final")));
  }
  for(int i=0; i<p->nTrans; i++){
    KfTrans *x = &p->aTrans[i];
    x->zId = trim(c, xGet(pArg, row_input(c, 'r', i+1, "id")));
    x->zLabel = trim(c, xGet(pArg, row_input(c, 'r', i+1, "label")));
    x->zFrom = trim(c, xGet(pArg, row_input(c, 'r', i+1, "from")));
    x->zTo = trim(c, xGet(pArg, row_input(c, 'r', i+1, "to")));
    x->zStamp = trim(c, xGet(pArg, row_input(c, 'r', i+1, "stamp")));
    x->zRoles = trim(c, xGet(pArg, row_input(c, 'r', i+1, "roles")));
  }
  for(int i=0; i<p->nDeadline; i++){
    KfDeadline *x = &p->aDeadline[i];
    x->zId = trim(c, xGet(pArg, row_input(c, 'd', i+1, "id")));
    x->zLabel = trim(c, xGet(pArg, row_input(c, 'd', i+1, "label")));
    x->zStart = trim(c, xGet(pArg, row_input(c, 'd', i+1, "start")));
    x->zLength = trim(c, xGet(pArg, row_input(c, 'd', i+1, "len")));
    x->zUnit = trim(c, xGet(pArg, row_input(c, 'd', i+1, "unit")));
    x->zDone = trim(c, xGet(pArg, row_input(c, 'd', i+1, "done")));
    x->zBasis = trim(c, xGet(pArg, row_input(c, 'd', i+1, "basis")));
  }
  p->zSection = trim(c, xGet(pArg, "sec"));
  p->zIntro = trim(c, xGet(pArg, "intro"));
  for(int i=0; i<KF_SENTENCES; i++){
    p->azSentence[i] = trim(c, xGet(pArg, arena_printf(c->pArena, "s%d", i+1)));
  }
}

static int state_blank(const KfState *x){ return x->zId[0]==0 && x->zLabel[0]==0; }
static int trans_blank(const KfTrans *x){ return x->zId[0]==0 && x->zLabel[0]==0; }
static int deadline_blank(const KfDeadline *x){ return x->zId[0]==0 && x->zLabel[0]==0; }

int kindform_states(Ctx *c, const KindForm *p, KfChoice **pa){
  KfChoice *a = arena_alloc(c->pArena, sizeof(KfChoice)*(size_t)(p->nState+1));
  int n = 0;
  for(int i=0; i<p->nState; i++){
    if( state_blank(&p->aState[i]) || p->aState[i].zId[0]==0 ) continue;
    a[n].zValue = p->aState[i].zId;
    a[n].zLabel = p->aState[i].zLabel[0] ? p->aState[i].zLabel : p->aState[i].zId;
    n++;
  }
  *pa = a;
  return n;
}

static int field_blank(const KfField *f){ return !f->bOld && f->zId[0]==0 && f->zLabel[0]==0; }
static int ind_blank(const KfInd *x){ return x->zId[0]==0 && x->zLabel[0]==0; }

/* ---- conditions: "a=x&b:set" <-> where[] ------------------------------ */

static cJSON *where_json(const char *zCond){
  cJSON *a = cJSON_CreateArray();
  const char *z = zCond ? zCond : "";
  while( *z ){
    const char *e = strchr(z, '&');
    size_t n = e ? (size_t)(e-z) : strlen(z);
    char zOne[256];
    if( n>=sizeof zOne ) n = sizeof zOne - 1;
    memcpy(zOne, z, n); zOne[n] = 0;
    char *pEq = strchr(zOne, '='), *pColon = strchr(zOne, ':');
    if( pColon && pEq && pColon<pEq ) pEq = 0;    /* "a:!=:x", "a:<=:5": the op holds the '=' */
    cJSON *o = cJSON_CreateObject();
    if( pEq ){
      *pEq = 0;
      cJSON_AddStringToObject(o, "field", zOne);
      cJSON_AddStringToObject(o, "op", "=");
      cJSON_AddStringToObject(o, "value", pEq+1);
    }else if( pColon ){
      *pColon = 0;
      char *pVal = strchr(pColon+1, ':');           /* "a:op:value", as where_text writes it */
      if( pVal ) *pVal++ = 0;
      cJSON_AddStringToObject(o, "field", zOne);
      cJSON_AddStringToObject(o, "op", pColon+1);
      if( pVal ) cJSON_AddStringToObject(o, "value", pVal);
    }else{
      cJSON_AddStringToObject(o, "field", zOne);
      cJSON_AddStringToObject(o, "op", "set");
    }
    cJSON_AddItemToArray(a, o);
    z += n;
    if( *z=='&' ) z++;
  }
  return a;
}

/* where[] as "a=x&b:set" (arena). */
static const char *where_text(Ctx *c, const cJSON *aWhere){
  Buf b;
  buf_init(&b);
  const cJSON *w;
  cJSON_ArrayForEach(w, aWhere){
    const char *zF = jstr(w, "field"), *zOp = jstr(w, "op"), *zV = jstr(w, "value");
    if( zF==0 || zOp==0 ) continue;
    if( b.n ) buf_putc(&b, '&');
    buf_puts(&b, zF);
    if( strcmp(zOp, "=")==0 ){ buf_putc(&b, '='); buf_puts(&b, zV ? zV : ""); }
    else{ buf_putc(&b, ':'); buf_puts(&b, zOp); if( zV ){ buf_putc(&b, ':'); buf_puts(&b, zV); } }
  }
  const char *z = adup(c, b.n ? buf_cstr(&b) : "");
  buf_free(&b);
  return z;
}

/* ---- report sentences: 「marker」 <-> {token} ------------------------- */

#define LQ "\xe3\x80\x8c"    /* 「 */
#define RQ "\xe3\x80\x8d"    /* 」 */

/* The suffix words of a marker and the token suffix each stands for. */
static const struct { const char *zWord; char cSuffix; } aSuffix[] = {
  { "（同比）", '^' }, { "（分子）", '0' }, { "（分母）", '/' }, { "（数值）", '=' }, { 0, 0 }
};

/* The suffix a bare 「名称」 takes for an indicator of this aggregation:
** a rate with its counts, an average with its sum and count, else the count. */
static char default_suffix(const char *zAgg){
  if( zAgg && strcmp(zAgg, "rate")==0 ) return '%';
  if( zAgg && strcmp(zAgg, "average")==0 ) return '~';
  return 0;
}

/* zSentence with its markers as tokens (arena), or NULL after an error
** beside input zInput. */
static const char *sentence_tokens(Ctx *c, const KindForm *p, const char *zSentence, const char *zInput, int iNo){
  if( strchr(zSentence, '{') || strchr(zSentence, '}') ){
    form_err(c, zInput, arena_printf(c->pArena, "第%d句：句子中不能有花括号“{ }”；要写入数字，请用「指标名称」", iNo));
    return 0;
  }
  Buf b;
  buf_init(&b);
  const char *z = zSentence;
  int bBad = 0;
  while( *z ){
    const char *q = strstr(z, LQ);
    if( q==0 ){ buf_puts(&b, z); break; }
    buf_append(&b, z, (size_t)(q-z));
    const char *e = strstr(q+3, RQ);
    if( e==0 ){
      form_err(c, zInput, arena_printf(c->pArena, "第%d句：「后面缺少配对的」", iNo));
      bBad = 1;
      break;
    }
    char *zName = arena_strndup(c->pArena, q+3, (size_t)(e-q-3));
    z = e+3;
    if( strcmp(zName, "年度")==0 ){ buf_puts(&b, "{year}"); continue; }
    char cSuffix = 1;                       /* 1: the indicator's default */
    for(int s=0; aSuffix[s].zWord; s++){
      size_t nw = strlen(aSuffix[s].zWord), nn = strlen(zName);
      if( nn>nw && strcmp(zName+nn-nw, aSuffix[s].zWord)==0 ){ zName[nn-nw] = 0; cSuffix = aSuffix[s].cSuffix; break; }
    }
    const KfInd *x = 0;
    for(int i=0; i<p->nInd && !x; i++) if( !ind_blank(&p->aInd[i]) && strcmp(p->aInd[i].zLabel, zName)==0 ) x = &p->aInd[i];
    if( x==0 ){
      Buf names;
      buf_init(&names);
      for(int i=0; i<p->nInd; i++){
        if( ind_blank(&p->aInd[i]) || p->aInd[i].zLabel[0]==0 ) continue;
        if( names.n ) buf_puts(&names, "、");
        buf_puts(&names, "「"); buf_puts(&names, p->aInd[i].zLabel); buf_puts(&names, "」");
      }
      form_err(c, zInput, arena_printf(c->pArena, "第%d句：「%s」不是本台账的指标名称", iNo, zName));
      if( names.n ) c->err.a[c->err.n-1].zMsg = arena_printf(c->pErrArena, "%s（本台账的指标：%s）", c->err.a[c->err.n-1].zMsg, buf_cstr(&names));
      else c->err.a[c->err.n-1].zMsg = arena_printf(c->pErrArena, "%s（请先在“统计指标”中定义指标）", c->err.a[c->err.n-1].zMsg);
      buf_free(&names);
      bBad = 1;
      continue;
    }
    if( cSuffix==1 ) cSuffix = default_suffix(x->zAgg);
    buf_putc(&b, '{');
    buf_puts(&b, x->zId);
    if( cSuffix && cSuffix!='0' ) buf_putc(&b, cSuffix);
    buf_putc(&b, '}');
  }
  const char *zOut = bBad ? 0 : adup(c, b.n ? buf_cstr(&b) : "");
  buf_free(&b);
  return zOut;
}

/* zSentence with its tokens as markers (arena); a token naming no
** indicator is left as written. */
static const char *sentence_markers(Ctx *c, const KindForm *p, const char *zSentence){
  Buf b;
  buf_init(&b);
  const char *z = zSentence;
  while( *z ){
    const char *q = strchr(z, '{'), *e = q ? strchr(q, '}') : 0;
    if( q==0 || e==0 ){ buf_puts(&b, z); break; }
    buf_append(&b, z, (size_t)(q-z));
    char *zTok = arena_strndup(c->pArena, q+1, (size_t)(e-q-1));
    z = e+1;
    if( strcmp(zTok, "year")==0 ){ buf_puts(&b, LQ "年度" RQ); continue; }
    size_t n = strlen(zTok);
    char cSuffix = 0;
    if( n>1 && strchr("%~^/=", zTok[n-1]) ){ cSuffix = zTok[n-1]; zTok[n-1] = 0; }
    const KfInd *x = 0;
    for(int i=0; i<p->nInd && !x; i++) if( strcmp(p->aInd[i].zId, zTok)==0 ) x = &p->aInd[i];
    if( x==0 ){ buf_putc(&b, '{'); buf_puts(&b, zTok); if( cSuffix ) buf_putc(&b, cSuffix); buf_putc(&b, '}'); continue; }
    buf_puts(&b, LQ);
    buf_puts(&b, x->zLabel);
    if( cSuffix!=default_suffix(x->zAgg) ){
      char cWant = cSuffix ? cSuffix : '0';
      for(int s=0; aSuffix[s].zWord; s++) if( aSuffix[s].cSuffix==cWant ) buf_puts(&b, aSuffix[s].zWord);
    }
    buf_puts(&b, RQ);
  }
  const char *zOut = adup(c, b.n ? buf_cstr(&b) : "");
  buf_free(&b);
  return zOut;
}

/* ---- a definition into the form --------------------------------------- */

int kindform_from_def(Ctx *c, KindForm *p, const char *zJson, int nBlank){
  memset(p, 0, sizeof *p);
  p->nChange = -1;
  cJSON *o = zJson ? cJSON_Parse(zJson) : 0;
  if( !cJSON_IsObject(o) ){ cJSON_Delete(o); return err_internal(c, "kindform: the stored definition does not parse"); }
  p->bEdit = 1;
  p->zBase = zJson;
  p->zId = adup(c, jstr(o, "id"));
  p->zLabel = adup(c, jstr(o, "label"));
  p->zGroup = adup(c, jstr(o, "group"));
  p->zShape = adup(c, jstr(o, "shape"));
  p->zAbout = adup(c, jstr(o, "about"));
  const cJSON *pIF = cJSON_GetObjectItemCaseSensitive(o, "in_force");
  p->zInfFrom = adup(c, jstr(pIF, "from"));
  p->zInfTo = adup(c, jstr(pIF, "to"));
  p->bPublic = jbool(o, "public");
  const cJSON *aF = cJSON_GetObjectItemCaseSensitive(o, "fields"), *f;
  int n = 0;
  cJSON_ArrayForEach(f, aF){ n++; }
  kindform_more(c, p, 0, n + nBlank);
  int i = 0;
  cJSON_ArrayForEach(f, aF){
    const char *zId = jstr(f, "id");
    if( zId==0 || strcmp(zId, "dept_id")==0 ) continue;     /* every record's 所属部门, not the county's */
    KfField *x = &p->aField[i++];
    x->zId = adup(c, zId);
    x->zLabel = adup(c, jstr(f, "label"));
    x->zType = adup(c, jstr(f, "type"));
    x->zRef = adup(c, jstr(f, "ref"));
    x->zHelp = adup(c, jstr(f, "help"));
    x->bReq = jbool(f, "required");
    x->bList = jbool(f, "list");
    x->bFilter = jbool(f, "filter");
    x->bPublic = jbool(f, "public");
    x->bOld = 1;
    Buf b;
    buf_init(&b);
    const cJSON *v;
    cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(f, "values")){
      if( b.n ) buf_putc(&b, '\n');
      buf_puts(&b, jstr(v, "id") ? jstr(v, "id") : "");
      buf_putc(&b, ' ');
      buf_puts(&b, jstr(v, "label") ? jstr(v, "label") : "");
    }
    x->zEnum = adup(c, b.n ? buf_cstr(&b) : "");
    buf_free(&b);
  }
  /* drop the rows the skipped dept_id left unused beyond nBlank */
  p->nField = i + nBlank;
  for(int k=0; k<p->nField; k++) p->aField[k].iRow = k+1;

  const cJSON *aI = cJSON_GetObjectItemCaseSensitive(o, "indicators"), *y;
  n = 0;
  cJSON_ArrayForEach(y, aI){ n++; }
  kindform_more(c, p, 1, n + nBlank);
  i = 0;
  cJSON_ArrayForEach(y, aI){
    KfInd *x = &p->aInd[i++];
    const char *zUnit = jstr(y, "unit");
    const cJSON *pNum = cJSON_GetObjectItemCaseSensitive(y, "numerator");
    const cJSON *pDen = cJSON_GetObjectItemCaseSensitive(y, "denominator");
    const char *zNumAgg = jstr(pNum, "agg");
    x->zId = adup(c, jstr(y, "id"));
    x->zLabel = adup(c, jstr(y, "label"));
    x->zCond = where_text(c, cJSON_GetObjectItemCaseSensitive(pNum, "where"));
    x->zField = adup(c, jstr(pNum, "field"));
    x->zDen = "count";
    if( zUnit && strcmp(zUnit, "percent")==0 ){
      x->zAgg = "rate";
      if( zNumAgg && strcmp(zNumAgg, "sum")!=0 ) x->zField = "";
      const char *zDenAgg = jstr(pDen, "agg"), *zDenCond = where_text(c, cJSON_GetObjectItemCaseSensitive(pDen, "where"));
      if( zDenAgg && strcmp(zDenAgg, "sum")==0 ) x->zDen = arena_printf(c->pArena, "sum:%s", jstr(pDen, "field") ? jstr(pDen, "field") : "");
      else if( zDenCond[0] ) x->zDen = arena_printf(c->pArena, "count:%s", zDenCond);
      x->zUnit = "%";
    }else if( zUnit && strcmp(zUnit, "average")==0 ){
      x->zAgg = "average";
    }else{
      x->zAgg = zNumAgg && strcmp(zNumAgg, "sum")==0 ? "sum" : zNumAgg && strcmp(zNumAgg, "distinct")==0 ? "distinct" : "count";
      if( strcmp(x->zAgg, "count")==0 ) x->zField = "";
    }
    const char *zWord = jstr(y, "unit_word");
    if( zWord ) x->zUnit = adup(c, zWord);
    else if( strcmp(x->zAgg, "rate")!=0 ) x->zUnit = "";
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(y, "decimals");
    x->zDecimals = cJSON_IsNumber(d) ? arena_printf(c->pArena, "%d", d->valueint) : "";
    x->zTarget = adup(c, jstr(y, "target"));
  }
  p->nInd = i + nBlank;
  for(int k=0; k<p->nInd; k++) p->aInd[k].iRow = k+1;

  const cJSON *v2;
  n = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "states"));
  kindform_more_flow(c, p, 't', n + 1);
  i = 0;
  cJSON_ArrayForEach(v2, cJSON_GetObjectItemCaseSensitive(o, "states")){
    KfState *x = &p->aState[i++];
    x->zId = adup(c, jstr(v2, "id"));
    x->zLabel = adup(c, jstr(v2, "label"));
    x->bFinal = jbool(v2, "final");
  }
  n = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "transitions"));
  kindform_more_flow(c, p, 'r', n + 1);
  i = 0;
  cJSON_ArrayForEach(v2, cJSON_GetObjectItemCaseSensitive(o, "transitions")){
    KfTrans *x = &p->aTrans[i++];
    x->zId = adup(c, jstr(v2, "id"));
    x->zLabel = adup(c, jstr(v2, "label"));
    x->zFrom = adup(c, jstr(v2, "from"));
    x->zTo = adup(c, jstr(v2, "to"));
    x->zStamp = adup(c, jstr(v2, "stamps"));
    int bClerk = 0;
    const cJSON *pr;
    cJSON_ArrayForEach(pr, cJSON_GetObjectItemCaseSensitive(v2, "roles")){ if( cJSON_IsString(pr) && strcmp(pr->valuestring, "clerk")==0 ) bClerk = 1; }
    x->zRoles = bClerk || cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(v2, "roles"))==0 ? "admin,clerk" : "admin";
  }
  n = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "deadlines"));
  kindform_more_flow(c, p, 'd', n + 1);
  i = 0;
  cJSON_ArrayForEach(v2, cJSON_GetObjectItemCaseSensitive(o, "deadlines")){
    KfDeadline *x = &p->aDeadline[i++];
    x->zId = adup(c, jstr(v2, "id"));
    x->zLabel = adup(c, jstr(v2, "label"));
    x->zStart = adup(c, jstr(v2, "start"));
    const cJSON *pl = cJSON_GetObjectItemCaseSensitive(v2, "length");
    x->zLength = cJSON_IsNumber(pl) ? arena_printf(c->pArena, "%d", pl->valueint) : "";
    x->zUnit = adup(c, jstr(v2, "unit"));
    x->zDone = adup(c, jstr(v2, "done"));
    x->zBasis = adup(c, jstr(v2, "basis"));
  }

  const cJSON *pRep = cJSON_GetObjectItemCaseSensitive(o, "report");
  p->zSection = adup(c, jstr(pRep, "section"));
  p->zIntro = adup(c, jstr(pRep, "intro"));
  for(int k=0; k<KF_SENTENCES; k++) p->azSentence[k] = "";
  const cJSON *s;
  i = 0;
  cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(pRep, "sentences")){
    if( i<KF_SENTENCES && cJSON_IsString(s) ) p->azSentence[i++] = sentence_markers(c, p, s->valuestring);
  }
  cJSON_Delete(o);
  return FZ_OK;
}

/* ---- the form into a definition --------------------------------------- */

/* A made-up id "<prefix>N" not among the form's ids. */
static const char *new_id(Ctx *c, const KindForm *p, char cPrefix, int *pNext){
  for(;;){
    const char *z = arena_printf(c->pArena, "%c%d", cPrefix, (*pNext)++);
    int bUsed = 0;
    for(int i=0; i<p->nField && !bUsed; i++) bUsed = strcmp(p->aField[i].zId, z)==0;
    for(int i=0; i<p->nInd && !bUsed; i++) bUsed = strcmp(p->aInd[i].zId, z)==0;
    if( !bUsed ) return z;
  }
}

/* The enum lines of row f, "id 标签" or "标签" each, into *pazId and
** *pazLabel (arena): a line's id is its first word when that is an id
** and a label follows; a line of a label only gets vN, N the smallest
** not written elsewhere. A line that is an id alone is left out (with
** bReport, an error names it). Returns the count of the others. */
static int enum_lines(Ctx *c, const KfField *f, const char ***pazId, const char ***pazLabel, int bReport, int *pbBad){
  const char *zInput = row_input(c, 'f', f->iRow, "enum");
  const char **azId = 0, **azLabel = 0;
  int n = 0, nAlloc = 0, nAlloc2 = 0, iLine = 0, bBad = 0;
  for(const char *z=f->zEnum; *z; ){
    const char *e = strchr(z, '\n');
    size_t m = e ? (size_t)(e-z) : strlen(z);
    const char *zLine = trim(c, arena_strndup(c->pArena, z, m));
    z += m;
    if( *z=='\n' ) z++;
    iLine++;
    if( zLine[0]==0 ) continue;
    const char *zSp = strpbrk(zLine, " \t"), *zId = 0, *zLabel = zLine;
    if( zSp ){
      const char *zFirst = arena_strndup(c->pArena, zLine, (size_t)(zSp-zLine));
      if( is_id(zFirst) ){ zId = zFirst; zLabel = trim(c, zSp); }
    }
    if( zId==0 && is_id(zLine) ){
      if( bReport ){
        form_err(c, zInput, arena_printf(c->pArena, "字段“%s”的选项第%d行“%s”：请在标识后写上中文名称，如“%s 公证”；只写名称时标识自动生成",
                                         f->zLabel, iLine, zLine, zLine));
      }
      bBad = 1;
      continue;
    }
    azId = arena_grow(c->pArena, azId, n, &nAlloc, sizeof *azId);
    azLabel = arena_grow(c->pArena, azLabel, n, &nAlloc2, sizeof *azLabel);
    azId[n] = zId;
    azLabel[n] = zLabel;
    n++;
  }
  if( pbBad ) *pbBad = bBad;
  int nNext = 1;
  for(int i=0; i<n; i++){
    while( azId[i]==0 ){
      const char *zTry = arena_printf(c->pArena, "v%d", nNext++);
      int bUsed = 0;
      for(int j=0; j<n && !bUsed; j++) bUsed = azId[j] && strcmp(azId[j], zTry)==0;
      if( !bUsed ) azId[i] = zTry;
    }
  }
  *pazId = azId;
  *pazLabel = azLabel;
  return n;
}

/* The enum values of row f as JSON (a refused line left out, its error added). */
static cJSON *enum_json(Ctx *c, const KfField *f){
  const char **azId, **azLabel;
  int n = enum_lines(c, f, &azId, &azLabel, 1, 0);
  cJSON *a = cJSON_CreateArray();
  for(int i=0; i<n; i++){
    cJSON *v = cJSON_CreateObject();
    cJSON_AddStringToObject(v, "id", azId[i]);
    cJSON_AddStringToObject(v, "label", azLabel[i]);
    cJSON_AddItemToArray(a, v);
  }
  return a;
}

void kindform_fill_ids(Ctx *c, KindForm *p){
  int nNextF = 1, nNextI = 1;
  for(int i=0; i<p->nField; i++){
    KfField *f = &p->aField[i];
    if( field_blank(f) ) continue;
    if( f->zId[0]==0 ) f->zId = new_id(c, p, 'f', &nNextF);
    const char **azId, **azLabel;
    int bBad = 0;
    int n = strcmp(f->zType, "enum")==0 ? enum_lines(c, f, &azId, &azLabel, 0, &bBad) : -1;
    if( n<=0 || bBad ) continue;       /* what was typed stays, for its error to name */
    Buf b;
    buf_init(&b);
    for(int k=0; k<n; k++){
      if( k ) buf_putc(&b, '\n');
      buf_puts(&b, azId[k]);
      buf_putc(&b, ' ');
      buf_puts(&b, azLabel[k]);
    }
    f->zEnum = adup(c, buf_cstr(&b));
    buf_free(&b);
  }
  for(int i=0; i<p->nInd; i++){
    if( !ind_blank(&p->aInd[i]) && p->aInd[i].zId[0]==0 ) p->aInd[i].zId = new_id(c, p, 'i', &nNextI);
  }
  /* a workflow row's id: state1, step1, period1 …, not used by another row of its table */
  for(int i=0, k=1; i<p->nState; i++){
    if( state_blank(&p->aState[i]) || p->aState[i].zId[0] ) continue;
    for(int bUsed=1; bUsed; k++){
      const char *z = arena_printf(c->pArena, "state%d", k);
      bUsed = 0;
      for(int j=0; j<p->nState && !bUsed; j++) bUsed = strcmp(p->aState[j].zId, z)==0;
      if( !bUsed ) p->aState[i].zId = z;
    }
  }
  for(int i=0, k=1; i<p->nTrans; i++){
    if( trans_blank(&p->aTrans[i]) || p->aTrans[i].zId[0] ) continue;
    for(int bUsed=1; bUsed; k++){
      const char *z = arena_printf(c->pArena, "step%d", k);
      bUsed = 0;
      for(int j=0; j<p->nTrans && !bUsed; j++) bUsed = strcmp(p->aTrans[j].zId, z)==0;
      if( !bUsed ) p->aTrans[i].zId = z;
    }
  }
  for(int i=0, k=1; i<p->nDeadline; i++){
    if( deadline_blank(&p->aDeadline[i]) || p->aDeadline[i].zId[0] ) continue;
    for(int bUsed=1; bUsed; k++){
      const char *z = arena_printf(c->pArena, "period%d", k);
      bUsed = 0;
      for(int j=0; j<p->nDeadline && !bUsed; j++) bUsed = strcmp(p->aDeadline[j].zId, z)==0;
      if( !bUsed ) p->aDeadline[i].zId = z;
    }
  }
}

/* The numerator and denominator of indicator x. */
static void ind_exprs(cJSON *o, const KfInd *x){
  cJSON *pNum = cJSON_CreateObject();
  const char *zAgg = x->zAgg[0] ? x->zAgg : "count";
  int bRate = strcmp(zAgg, "rate")==0, bAvg = strcmp(zAgg, "average")==0;
  if( bRate ){
    cJSON_AddStringToObject(pNum, "agg", x->zField[0] ? "sum" : "count");
    if( x->zField[0] ) cJSON_AddStringToObject(pNum, "field", x->zField);
  }else if( bAvg ){
    cJSON_AddStringToObject(pNum, "agg", "sum");
    cJSON_AddStringToObject(pNum, "field", x->zField);
  }else{
    cJSON_AddStringToObject(pNum, "agg", zAgg);
    if( strcmp(zAgg, "count")!=0 ) cJSON_AddStringToObject(pNum, "field", x->zField);
  }
  cJSON_AddItemToObject(pNum, "where", where_json(x->zCond));
  jset(o, "numerator", pNum);
  if( bRate || bAvg ){
    cJSON *pDen = cJSON_CreateObject();
    if( bAvg ){
      cJSON_AddStringToObject(pDen, "agg", "count");
      cJSON_AddItemToObject(pDen, "where", where_json(x->zCond));
    }else if( strncmp(x->zDen, "sum:", 4)==0 ){
      cJSON_AddStringToObject(pDen, "agg", "sum");
      cJSON_AddStringToObject(pDen, "field", x->zDen+4);
      cJSON_AddItemToObject(pDen, "where", cJSON_CreateArray());
    }else{
      cJSON_AddStringToObject(pDen, "agg", "count");
      cJSON_AddItemToObject(pDen, "where", where_json(strncmp(x->zDen, "count:", 6)==0 ? x->zDen+6 : ""));
    }
    jset(o, "denominator", pDen);
  }else{
    cJSON_DeleteItemFromObjectCaseSensitive(o, "denominator");
  }
  jset_str(o, "unit", bRate ? "percent" : bAvg ? "average" : "count");
}

/* The object in array a whose "id" is zId (NULL: none). */
static cJSON *by_id(cJSON *a, const char *zId){
  cJSON *o;
  cJSON_ArrayForEach(o, a){ const char *z = jstr(o, "id"); if( z && strcmp(z, zId)==0 ) return o; }
  return 0;
}

/* A 案件's states, transitions and deadlines from the rows into o (each
** row's stored object the start, so members the page does not show are
** kept); with no rows at all, a new case starts with 办理中 → 已办结. */
static void flow_json(KindForm *p, cJSON *o){
  int nRows = 0;
  for(int i=0; i<p->nState; i++) nRows += !state_blank(&p->aState[i]);
  for(int i=0; i<p->nTrans; i++) nRows += !trans_blank(&p->aTrans[i]);
  if( nRows==0 ){
    jset(o, "states", cJSON_Parse("[{\"id\":\"open\",\"label\":\"办理中\",\"final\":false},"
                                  "{\"id\":\"closed\",\"label\":\"已办结\",\"final\":true}]"));
    jset(o, "transitions", cJSON_Parse("[{\"id\":\"close\",\"label\":\"办结\",\"from\":\"open\",\"to\":\"closed\","
                                       "\"roles\":[\"admin\",\"clerk\"]}]"));
  }else{
    cJSON *aOld = cJSON_GetObjectItemCaseSensitive(o, "states"), *a = cJSON_CreateArray();
    int n = 0;
    for(int i=0; i<p->nState; i++){
      KfState *x = &p->aState[i];
      x->iJson = -1;
      if( state_blank(x) ) continue;
      cJSON *pOld = by_id(aOld, x->zId), *y = pOld ? cJSON_Duplicate(pOld, 1) : cJSON_CreateObject();
      jset_str(y, "id", x->zId);
      jset_str(y, "label", x->zLabel);
      jset_bool(y, "final", x->bFinal);
      cJSON_AddItemToArray(a, y);
      x->iJson = n++;
    }
    jset(o, "states", a);
    aOld = cJSON_GetObjectItemCaseSensitive(o, "transitions");
    a = cJSON_CreateArray();
    n = 0;
    for(int i=0; i<p->nTrans; i++){
      KfTrans *x = &p->aTrans[i];
      x->iJson = -1;
      if( trans_blank(x) ) continue;
      cJSON *pOld = by_id(aOld, x->zId), *y = pOld ? cJSON_Duplicate(pOld, 1) : cJSON_CreateObject();
      jset_str(y, "id", x->zId);
      jset_str(y, "label", x->zLabel);
      jset_str(y, "from", x->zFrom);
      jset_str(y, "to", x->zTo);
      cJSON *aR = cJSON_CreateArray();
      cJSON_AddItemToArray(aR, cJSON_CreateString("admin"));
      if( strcmp(x->zRoles, "admin")!=0 ) cJSON_AddItemToArray(aR, cJSON_CreateString("clerk"));
      jset(y, "roles", aR);
      if( x->zStamp[0] ) jset_str(y, "stamps", x->zStamp);
      else cJSON_DeleteItemFromObjectCaseSensitive(y, "stamps");
      cJSON_AddItemToArray(a, y);
      x->iJson = n++;
    }
    jset(o, "transitions", a);
  }
  cJSON *aOld = cJSON_GetObjectItemCaseSensitive(o, "deadlines"), *a = cJSON_CreateArray();
  int n = 0;
  for(int i=0; i<p->nDeadline; i++){
    KfDeadline *x = &p->aDeadline[i];
    x->iJson = -1;
    if( deadline_blank(x) ) continue;
    cJSON *pOld = by_id(aOld, x->zId), *y = pOld ? cJSON_Duplicate(pOld, 1) : cJSON_CreateObject();
    jset_str(y, "id", x->zId);
    jset_str(y, "label", x->zLabel);
    jset_str(y, "start", x->zStart);
    size_t nd = strspn(x->zLength, "0123456789");
    if( x->zLength[0]==0 && pOld && cJSON_GetObjectItemCaseSensitive(pOld, "length_field") ){
      /* each record's own length (a definition from schema --json, 办件's 承诺时限): kept as stored */
    }else if( nd>0 && nd<9 && x->zLength[nd]==0 ) jset(y, "length", cJSON_CreateNumber(atoi(x->zLength)));
    else jset_str(y, "length", x->zLength);           /* kinddef.c names what is wrong with it */
    jset_str(y, "unit", x->zUnit[0] ? x->zUnit : "days");
    jset_str(y, "done", x->zDone);
    jset_str(y, "basis", x->zBasis);
    cJSON_AddItemToArray(a, y);
    x->iJson = n++;
  }
  jset(o, "deadlines", a);
}

/* 分单位情况 (breakdowns): this page has no part for them, so a kind it
** makes has each indicator (the first 10) broken down by 所属部门, kept in
** step as indicators come and go. Breakdowns a definition file brought
** (another grouping field, high_is_bad, a chosen few) are not the page's:
** they are kept, less those naming an indicator no longer there. */
static cJSON *breakdowns_default(const cJSON *aInd){
  cJSON *a = cJSON_CreateArray();
  const cJSON *x;
  cJSON_ArrayForEach(x, aInd){
    const cJSON *pId = cJSON_GetObjectItemCaseSensitive(x, "id");
    if( !cJSON_IsString(pId) || cJSON_GetArraySize(a)>=10 ) continue;
    cJSON *y = cJSON_CreateObject();
    cJSON_AddStringToObject(y, "indicator", pId->valuestring);
    cJSON_AddItemToArray(a, y);
  }
  return a;
}
static void breakdowns_json(cJSON *o, const cJSON *aOldI, cJSON *aI){
  cJSON *aOld = cJSON_GetObjectItemCaseSensitive(o, "breakdowns"), *a;
  cJSON *pWas = breakdowns_default(aOldI), *pNone = cJSON_CreateArray();
  int bPage = cJSON_Compare(aOld ? aOld : pNone, pWas, 1);
  cJSON_Delete(pWas);
  cJSON_Delete(pNone);
  if( bPage ){
    a = breakdowns_default(aI);
  }else{
    const cJSON *b;
    a = cJSON_CreateArray();
    cJSON_ArrayForEach(b, aOld){
      const cJSON *pInd = cJSON_GetObjectItemCaseSensitive(b, "indicator");
      if( !cJSON_IsString(pInd) || by_id(aI, pInd->valuestring) ) cJSON_AddItemToArray(a, cJSON_Duplicate(b, 1));
    }
  }
  if( cJSON_GetArraySize(a)==0 ){
    cJSON_Delete(a);
    cJSON_DeleteItemFromObjectCaseSensitive(o, "breakdowns");
  }else{
    jset(o, "breakdowns", a);
  }
}

int kindform_json(Ctx *c, KindForm *p, const char **pz){
  int nErr0 = c->err.n;
  kindform_fill_ids(c, p);
  cJSON *o = p->zBase ? cJSON_Parse(p->zBase) : 0;
  if( !cJSON_IsObject(o) ){
    cJSON_Delete(o);
    o = cJSON_CreateObject();
  }
  cJSON *aOldF = cJSON_DetachItemFromObjectCaseSensitive(o, "fields");
  cJSON *aOldI = cJSON_DetachItemFromObjectCaseSensitive(o, "indicators");
  jset_str(o, "id", p->zId);
  jset_str(o, "label", p->zLabel);
  jset_str(o, "group", p->zGroup);
  jset_str(o, "shape", p->zShape);
  jset_bool(o, "public", p->bPublic);
  if( p->zAbout && p->zAbout[0] ) jset_str(o, "about", p->zAbout);
  else cJSON_DeleteItemFromObjectCaseSensitive(o, "about");
  if( strcmp(p->zShape, "register")==0 ){
    cJSON *pIF = cJSON_CreateObject();
    cJSON_AddStringToObject(pIF, "from", p->zInfFrom ? p->zInfFrom : "");
    cJSON_AddStringToObject(pIF, "to", p->zInfTo ? p->zInfTo : "");
    jset(o, "in_force", pIF);
  }else{
    cJSON_DeleteItemFromObjectCaseSensitive(o, "in_force");
  }
  if( strcmp(p->zShape, "case")==0 ) flow_json(p, o);
  else{
    jset(o, "states", cJSON_CreateArray());
    jset(o, "transitions", cJSON_CreateArray());
    jset(o, "deadlines", cJSON_CreateArray());
  }
  if( !cJSON_GetObjectItemCaseSensitive(o, "states") ) cJSON_AddItemToObject(o, "states", cJSON_CreateArray());
  if( !cJSON_GetObjectItemCaseSensitive(o, "transitions") ) cJSON_AddItemToObject(o, "transitions", cJSON_CreateArray());
  if( !cJSON_GetObjectItemCaseSensitive(o, "deadlines") ) cJSON_AddItemToObject(o, "deadlines", cJSON_CreateArray());

  /* fields: the stored object of an old field is the start (members the
  ** page does not show are kept); a dropped one is left out. */
  cJSON *aF = cJSON_CreateArray();
  int nJson = 0, nNextF = 1, nNextI = 1;
  cJSON *pDept = by_id(aOldF, "dept_id");
  if( pDept ){ cJSON_AddItemToArray(aF, cJSON_Duplicate(pDept, 1)); nJson++; }
  for(int i=0; i<p->nField; i++){
    KfField *f = &p->aField[i];
    f->iJson = -1;
    if( field_blank(f) || f->bDrop ) continue;
    if( f->zId[0]==0 ) f->zId = new_id(c, p, 'f', &nNextF);
    cJSON *pOld = f->bOld ? by_id(aOldF, f->zId) : 0;
    cJSON *x = pOld ? cJSON_Duplicate(pOld, 1) : cJSON_CreateObject();
    jset_str(x, "id", f->zId);
    jset_str(x, "label", f->zLabel);
    jset_str(x, "type", f->zType[0] ? f->zType : "text");
    jset_bool(x, "required", f->bReq);
    jset_bool(x, "list", f->bList);
    jset_bool(x, "filter", f->bFilter);
    jset_bool(x, "public", f->bPublic);
    if( strcmp(f->zType, "ref")==0 ) jset_str(x, "ref", f->zRef);
    else cJSON_DeleteItemFromObjectCaseSensitive(x, "ref");
    if( f->zHelp[0] ) jset_str(x, "help", f->zHelp);
    else cJSON_DeleteItemFromObjectCaseSensitive(x, "help");
    if( strcmp(f->zType, "enum")==0 ){
      cJSON *aV = enum_json(c, f);
      if( aV ) jset(x, "values", aV);
    }else{
      cJSON_DeleteItemFromObjectCaseSensitive(x, "values");
    }
    cJSON_AddItemToArray(aF, x);
    f->iJson = nJson++;
  }
  cJSON_AddItemToObject(o, "fields", aF);

  /* indicators */
  cJSON *aI = cJSON_CreateArray();
  nJson = 0;
  for(int i=0; i<p->nInd; i++){
    KfInd *x = &p->aInd[i];
    x->iJson = -1;
    if( ind_blank(x) ) continue;
    if( x->zId[0]==0 ) x->zId = new_id(c, p, 'i', &nNextI);
    for(int j=0; j<i; j++){
      if( !ind_blank(&p->aInd[j]) && x->zLabel[0] && strcmp(p->aInd[j].zLabel, x->zLabel)==0 ){
        form_err(c, row_input(c, 'i', x->iRow, "label"),
                 arena_printf(c->pArena, "指标名称“%s”与第%d行相同：报告句子按名称引用指标，名称不能重复", x->zLabel, p->aInd[j].iRow));
        break;
      }
    }
    cJSON *pOld = by_id(aOldI, x->zId);
    cJSON *y = pOld ? cJSON_Duplicate(pOld, 1) : cJSON_CreateObject();
    jset_str(y, "id", x->zId);
    jset_str(y, "label", x->zLabel);
    ind_exprs(y, x);
    const char *zAgg = x->zAgg[0] ? x->zAgg : "count";
    if( strcmp(zAgg, "rate")!=0 && x->zUnit[0] ) jset_str(y, "unit_word", x->zUnit);
    else cJSON_DeleteItemFromObjectCaseSensitive(y, "unit_word");
    if( x->zDecimals[0] ){
      char *zEnd = 0;
      long d = strtol(x->zDecimals, &zEnd, 10);
      if( *zEnd || d<0 || d>4 ){
        form_err(c, row_input(c, 'i', x->iRow, "dec"), arena_printf(c->pArena, "指标“%s”的小数位应为0至4的整数", x->zLabel));
      }else{
        jset(y, "decimals", cJSON_CreateNumber((double)d));
      }
    }else{
      jset(y, "decimals", cJSON_CreateNumber(strcmp(zAgg, "rate")==0 || strcmp(zAgg, "average")==0 ? 1 : 0));
    }
    if( x->zTarget[0] ) jset_str(y, "target", x->zTarget);
    else cJSON_DeleteItemFromObjectCaseSensitive(y, "target");
    cJSON_AddItemToArray(aI, y);
    x->iJson = nJson++;
  }
  cJSON_AddItemToObject(o, "indicators", aI);
  breakdowns_json(o, aOldI, aI);

  /* the report's paragraph */
  int nSay = 0;
  for(int i=0; i<KF_SENTENCES; i++) if( p->azSentence[i][0] ) nSay++;
  /* words for the report but no place in it: named on the 报告章节 select
  ** (the sentences are still read, for their own errors) */
  int bNoSec = (nSay || p->zIntro[0]) && p->zSection[0]==0;
  if( bNoSec ) form_err(c, "sec", "写了报告的导语或句子，请选择“报告章节”（写入年度报告的哪一部分）；不写入报告的，请删去导语和句子");
  if( nSay || p->zSection[0] || p->zIntro[0] ){
    cJSON *pRep = cJSON_CreateObject(), *aS = cJSON_CreateArray();
    int bJoin = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(o, "report"), "join"));
    cJSON_AddStringToObject(pRep, "section", p->zSection);
    if( p->zIntro[0] ) cJSON_AddStringToObject(pRep, "intro", p->zIntro);
    if( bJoin ) cJSON_AddBoolToObject(pRep, "join", 1);
    int bBad = 0;
    for(int i=0; i<KF_SENTENCES; i++){
      if( p->azSentence[i][0]==0 ) continue;
      const char *zTok = sentence_tokens(c, p, p->azSentence[i], arena_printf(c->pArena, "s%d", i+1), i+1);
      if( zTok ) cJSON_AddItemToArray(aS, cJSON_CreateString(zTok));
      else bBad = 1;
    }
    cJSON_AddItemToObject(pRep, "sentences", aS);
    /* a sentence refused here: the rest is checked without the report (no
    ** second, misleading refusal of a paragraph short of that sentence) */
    if( bBad || bNoSec ){ cJSON_Delete(pRep); cJSON_DeleteItemFromObjectCaseSensitive(o, "report"); }
    else jset(o, "report", pRep);
  }else{
    cJSON_DeleteItemFromObjectCaseSensitive(o, "report");
  }
  cJSON_Delete(aOldF);
  cJSON_Delete(aOldI);
  char *z = cJSON_Print(o);
  cJSON_Delete(o);
  if( z==0 ) return err_internal(c, "kindform: cJSON_Print failed");
  *pz = adup(c, z);
  free(z);
  return c->err.n>nErr0 ? FZ_INVALID : FZ_OK;
}

/* ---- errors by JSON path to form inputs ------------------------------- */

/* "name[N]" at z: N, and *pzRest after the ']' (skipping a '.'); -1 when not. */
static int path_index(const char *z, const char *zName, const char **pzRest){
  size_t n = strlen(zName);
  if( strncmp(z, zName, n)!=0 || z[n]!='[' ) return -1;
  char *zEnd = 0;
  long i = strtol(z+n+1, &zEnd, 10);
  if( zEnd==z+n+1 || *zEnd!=']' ) return -1;
  zEnd++;
  if( *zEnd=='.' ) zEnd++;
  *pzRest = zEnd;
  return (int)i;
}

static const char *field_col(const char *zMember){
  static const struct { const char *zJson, *zCol; } a[] = {
    { "id", "id" }, { "label", "label" }, { "type", "type" }, { "values", "enum" }, { "ref", "ref" },
    { "help", "help" }, { "required", "req" }, { "list", "list" }, { "filter", "filter" }, { "public", "pub" }, { 0, 0 }
  };
  for(int i=0; a[i].zJson; i++){
    size_t n = strlen(a[i].zJson);
    if( strncmp(zMember, a[i].zJson, n)==0 && (zMember[n]==0 || zMember[n]=='.' || zMember[n]=='[') ) return a[i].zCol;
  }
  return "label";
}
static const char *ind_col(const char *zMember){
  if( strncmp(zMember, "numerator", 9)==0 ){
    if( strstr(zMember, "where") ) return "cond";
    if( strstr(zMember, "field") ) return "field";
    return "agg";
  }
  if( strncmp(zMember, "denominator", 11)==0 ) return "den";
  if( strncmp(zMember, "unit", 4)==0 ) return "unit";
  if( strncmp(zMember, "decimals", 8)==0 ) return "dec";
  if( strncmp(zMember, "target", 6)==0 ) return "target";
  if( strncmp(zMember, "id", 2)==0 ) return "id";
  return "label";
}

void kindform_errors_to_inputs(Ctx *c, const KindForm *p, int iFrom){
  for(int e=iFrom; e<c->err.n; e++){
    ErrItem *x = &c->err.a[e];
    const char *z = x->zField, *zRest = 0, *zTo = 0;
    if( z==0 ) continue;
    int j;
    if( (j = path_index(z, "fields", &zRest))>=0 ){
      for(int i=0; i<p->nField && !zTo; i++){
        if( p->aField[i].iJson==j ) zTo = row_input(c, 'f', p->aField[i].iRow, field_col(zRest));
      }
    }else if( (j = path_index(z, "indicators", &zRest))>=0 ){
      for(int i=0; i<p->nInd && !zTo; i++){
        if( p->aInd[i].iJson==j ) zTo = row_input(c, 'i', p->aInd[i].iRow, ind_col(zRest));
      }
    }else if( (j = path_index(z, "states", &zRest))>=0 ){
      for(int i=0; i<p->nState && !zTo; i++){
        if( p->aState[i].iJson==j ) zTo = row_input(c, 't', p->aState[i].iRow, strncmp(zRest, "final", 5)==0 ? "final" : strncmp(zRest, "id", 2)==0 ? "id" : "label");
      }
    }else if( (j = path_index(z, "transitions", &zRest))>=0 ){
      static const char *const azCol[][2] = { { "id", "id" }, { "from", "from" }, { "to", "to" }, { "stamps", "stamp" }, { "roles", "roles" }, { 0, 0 } };
      const char *zCol = "label";
      for(int k=0; azCol[k][0]; k++) if( strncmp(zRest, azCol[k][0], strlen(azCol[k][0]))==0 ) zCol = azCol[k][1];
      for(int i=0; i<p->nTrans && !zTo; i++) if( p->aTrans[i].iJson==j ) zTo = row_input(c, 'r', p->aTrans[i].iRow, zCol);
    }else if( (j = path_index(z, "deadlines", &zRest))>=0 ){
      static const char *const azCol[][2] = { { "id", "id" }, { "start", "start" }, { "length", "len" }, { "unit", "unit" },
                                              { "done", "done" }, { "basis", "basis" }, { 0, 0 } };
      const char *zCol = "label";
      for(int k=0; azCol[k][0]; k++) if( strncmp(zRest, azCol[k][0], strlen(azCol[k][0]))==0 ) zCol = azCol[k][1];
      for(int i=0; i<p->nDeadline && !zTo; i++) if( p->aDeadline[i].iJson==j ) zTo = row_input(c, 'd', p->aDeadline[i].iRow, zCol);
    }else if( strncmp(z, "report", 6)==0 ){
      const char *zS = z+6;
      if( *zS=='.' ) zS++;
      if( (j = path_index(zS, "sentences", &zRest))>=0 ){
        /* the j-th non-empty sentence */
        for(int i=0, k=0; i<KF_SENTENCES && !zTo; i++){
          if( p->azSentence[i][0]==0 ) continue;
          if( k++==j ) zTo = arena_printf(c->pArena, "s%d", i+1);
        }
      }else if( strncmp(zS, "intro", 5)==0 ){
        zTo = "intro";
      }else{
        zTo = "sec";
      }
    }else if( strcmp(z, "id")==0 || strcmp(z, "label")==0 || strcmp(z, "group")==0 || strcmp(z, "shape")==0
           || strcmp(z, "public")==0 || strcmp(z, "about")==0 ){
      zTo = z;
    }else if( strncmp(z, "in_force", 8)==0 ){
      zTo = strcmp(z, "in_force.to")==0 ? "inf_to" : "inf_from";
    }
    x->zField = zTo ? arena_strdup(c->pErrArena, zTo) : 0;
  }
}

/* ---- what changed between two versions -------------------------------- */

const KfChoice kindform_aType[] = {
  { "text", "单行文字" }, { "longtext", "多行文字" }, { "int", "整数" }, { "money", "金额（元）" },
  { "date", "日期" }, { "enum", "选项" }, { "bool", "是/否" }, { "dept", "部门" }, { "ref", "引用其他台账" }, { 0, 0 }
};
const char *kindform_type_label(const char *z){
  for(int i=0; z && kindform_aType[i].zValue; i++) if( strcmp(z, kindform_aType[i].zValue)==0 ) return kindform_aType[i].zLabel;
  return z ? z : "";
}
#define type_label kindform_type_label

int kindform_date_fields(Ctx *c, const KindForm *p, KfChoice **pa){
  KfChoice *a = arena_alloc(c->pArena, sizeof(KfChoice)*(size_t)(p->nField+1));
  int n = 0;
  for(int i=0; i<p->nField; i++){
    const KfField *f = &p->aField[i];
    if( field_blank(f) || f->bDrop || f->zId[0]==0 || strcmp(f->zType, "date")!=0 ) continue;
    a[n].zValue = f->zId;
    a[n].zLabel = f->zLabel[0] ? f->zLabel : f->zId;
    n++;
  }
  *pa = a;
  return n;
}

int kindform_conditions(Ctx *c, const KindForm *p, KfChoice **pa){
  KfChoice *a = 0;
  int n = 0, nAlloc = 0;
#define ADD(V, L) do{ a = arena_grow(c->pArena, a, n, &nAlloc, sizeof *a); a[n].zValue = (V); a[n].zLabel = (L); n++; }while(0)
  for(int i=0; i<p->nField; i++){
    const KfField *f = &p->aField[i];
    if( field_blank(f) || f->bDrop || f->zId[0]==0 ) continue;
    const char *zL = f->zLabel[0] ? f->zLabel : f->zId;
    if( strcmp(f->zType, "enum")==0 ){
      const char **azId, **azLabel;
      int m = enum_lines(c, f, &azId, &azLabel, 0, 0);
      for(int k=0; k<m; k++){
        ADD(arena_printf(c->pArena, "%s=%s", f->zId, azId[k]), arena_printf(c->pArena, "%s为“%s”", zL, azLabel[k]));
      }
    }else if( strcmp(f->zType, "bool")==0 ){
      ADD(arena_printf(c->pArena, "%s=1", f->zId), arena_printf(c->pArena, "%s为“是”", zL));
      ADD(arena_printf(c->pArena, "%s=0", f->zId), arena_printf(c->pArena, "%s为“否”", zL));
    }else{
      ADD(arena_printf(c->pArena, "%s:set", f->zId), arena_printf(c->pArena, "%s已填写", zL));
      ADD(arena_printf(c->pArena, "%s:unset", f->zId), arena_printf(c->pArena, "%s未填写", zL));
    }
  }
#undef ADD
  *pa = a;
  return n;
}

static int same_json(const cJSON *a, const cJSON *b){ return cJSON_Compare(a, b, 1); }

int kindform_diff(Ctx *c, const char *zOld, const char *zNew, const char ***paz){
  cJSON *a = zOld ? cJSON_Parse(zOld) : cJSON_CreateObject(), *b = cJSON_Parse(zNew);
  const char **az = 0;
  int n = 0, nAlloc = 0;
#define SAY(...) do{ az = arena_grow(c->pArena, az, n, &nAlloc, sizeof *az); az[n++] = arena_printf(c->pArena, __VA_ARGS__); }while(0)
  if( !cJSON_IsObject(a) || !cJSON_IsObject(b) ){ cJSON_Delete(a); cJSON_Delete(b); *paz = 0; return -1; }
  if( zOld==0 ){
    SAY("新建台账“%s”", jstr(b, "label") ? jstr(b, "label") : "");
  }else{
    static const struct { const char *zKey, *zWhat; } aTop[] = { { "label", "名称" }, { "group", "菜单分组" }, { "shape", "类型" }, { 0, 0 } };
    for(int i=0; aTop[i].zKey; i++){
      const char *x = jstr(a, aTop[i].zKey), *y = jstr(b, aTop[i].zKey);
      if( x && y && strcmp(x, y)!=0 ) SAY("%s由“%s”改为“%s”", aTop[i].zWhat, x, y);
    }
    if( jbool(a, "public")!=jbool(b, "public") ) SAY("%s", jbool(b, "public") ? "改为向公众公开" : "改为不公开");
  }
  const cJSON *aFa = cJSON_GetObjectItemCaseSensitive(a, "fields"), *aFb = cJSON_GetObjectItemCaseSensitive(b, "fields"), *f;
  cJSON_ArrayForEach(f, aFb){
    const char *zId = jstr(f, "id"), *zL = jstr(f, "label");
    if( zId==0 || strcmp(zId, "dept_id")==0 ) continue;
    const cJSON *g = by_id((cJSON*)aFa, zId);
    if( g==0 ){ SAY("新增字段“%s”（%s，标识 %s）", zL ? zL : "", type_label(jstr(f, "type")), zId); continue; }
    const char *zGl = jstr(g, "label");
    if( zGl && zL && strcmp(zGl, zL)!=0 ) SAY("字段“%s”改名为“%s”：标识 %s 不变，已有记录不受影响", zGl, zL, zId);
    if( !jbool(g, "required") && jbool(f, "required") ) SAY("字段“%s”改为必填：只对新增和修改的记录适用，已有记录不受影响", zL ? zL : zId);
    if( jbool(g, "required") && !jbool(f, "required") ) SAY("字段“%s”改为选填", zL ? zL : zId);
    const cJSON *v, *aVa = cJSON_GetObjectItemCaseSensitive(g, "values"), *aVb = cJSON_GetObjectItemCaseSensitive(f, "values");
    cJSON_ArrayForEach(v, aVb){
      const cJSON *w = by_id((cJSON*)aVa, jstr(v, "id") ? jstr(v, "id") : "");
      if( w==0 ) SAY("字段“%s”新增选项“%s”", zL ? zL : zId, jstr(v, "label") ? jstr(v, "label") : "");
      else if( jstr(w, "label") && jstr(v, "label") && strcmp(jstr(w, "label"), jstr(v, "label"))!=0 )
        SAY("字段“%s”的选项“%s”改名为“%s”，已有记录随之显示新名称", zL ? zL : zId, jstr(w, "label"), jstr(v, "label"));
    }
    cJSON_ArrayForEach(v, aVa){
      if( by_id((cJSON*)aVb, jstr(v, "id") ? jstr(v, "id") : "")==0 )
        SAY("字段“%s”去掉选项“%s”", zL ? zL : zId, jstr(v, "label") ? jstr(v, "label") : "");
    }
    static const struct { const char *zKey, *zOn, *zOff; } aFlag[] = {
      { "list", "列入列表", "不再列入列表" }, { "filter", "可用于筛选", "不再用于筛选" }, { "public", "向公众公开", "不再向公众公开" }, { 0, 0, 0 }
    };
    for(int i=0; aFlag[i].zKey; i++){
      if( jbool(g, aFlag[i].zKey)!=jbool(f, aFlag[i].zKey) ) SAY("字段“%s”%s", zL ? zL : zId, jbool(f, aFlag[i].zKey) ? aFlag[i].zOn : aFlag[i].zOff);
    }
  }
  cJSON_ArrayForEach(f, aFa){
    const char *zId = jstr(f, "id");
    if( zId==0 || strcmp(zId, "dept_id")==0 ) continue;
    if( by_id((cJSON*)aFb, zId)==0 ) SAY("字段“%s”（标识 %s）不再显示：已录入的数据保留，不会删除", jstr(f, "label") ? jstr(f, "label") : "", zId);
  }
  const cJSON *aIa = cJSON_GetObjectItemCaseSensitive(a, "indicators"), *aIb = cJSON_GetObjectItemCaseSensitive(b, "indicators"), *x;
  cJSON_ArrayForEach(x, aIb){
    const char *zId = jstr(x, "id"), *zL = jstr(x, "label");
    const cJSON *y = zId ? by_id((cJSON*)aIa, zId) : 0;
    if( y==0 ){ SAY("新增指标“%s”", zL ? zL : ""); continue; }
    if( jstr(y, "label") && zL && strcmp(jstr(y, "label"), zL)!=0 ) SAY("指标“%s”改名为“%s”", jstr(y, "label"), zL);
    cJSON *y2 = cJSON_Duplicate(y, 1), *x2 = cJSON_Duplicate(x, 1);
    cJSON_DeleteItemFromObjectCaseSensitive(y2, "label");
    cJSON_DeleteItemFromObjectCaseSensitive(x2, "label");
    if( !same_json(y2, x2) ) SAY("指标“%s”的统计方式、单位或目标值有改动", zL ? zL : zId);
    cJSON_Delete(y2);
    cJSON_Delete(x2);
  }
  cJSON_ArrayForEach(x, aIa){
    const char *zId = jstr(x, "id");
    if( zId && by_id((cJSON*)aIb, zId)==0 ) SAY("删除指标“%s”", jstr(x, "label") ? jstr(x, "label") : zId);
  }
  const cJSON *ra = cJSON_GetObjectItemCaseSensitive(a, "report"), *rb = cJSON_GetObjectItemCaseSensitive(b, "report");
  if( zOld && !(ra==0 && rb==0) && !(ra && rb && same_json(ra, rb)) ){
    SAY("%s", rb==0 ? "不再写入年度报告" : ra==0 ? "新增年度报告中的段落" : "年度报告中的段落有改动");
  }
  for(const char *const *pk = (const char *const[]){ "states", "transitions", "deadlines", 0 }; *pk; pk++){
    const cJSON *sa = cJSON_GetObjectItemCaseSensitive(a, *pk), *sb = cJSON_GetObjectItemCaseSensitive(b, *pk);
    if( zOld && !(cJSON_GetArraySize(sa)==0 && cJSON_GetArraySize(sb)==0) && !(sa && sb && same_json(sa, sb)) ){
      SAY("%s有改动", strcmp(*pk, "states")==0 ? "办理状态" : strcmp(*pk, "transitions")==0 ? "办理环节" : "办理期限");
    }
  }
#undef SAY
  cJSON_Delete(a);
  cJSON_Delete(b);
  *paz = az;
  return n;
}

int kindform_sections(const char **az, int nMax){
  const Kind *aK[256];
  int nK = kinds_in_order(aK, 256), n = 0;
  for(int i=0; i<nK && n<nMax; i++){
    const ReportText *t = aK[i]->pReport;
    if( t==0 || t->zSection==0 || aK[i]->iOwner || strcmp(t->zSection, REPORT_SEC_DUTY)==0 ) continue;
    int bSeen = 0;
    for(int j=0; j<n && !bSeen; j++) bSeen = strcmp(az[j], t->zSection)==0;
    if( !bSeen ) az[n++] = t->zSection;
  }
  return n;
}

int kindform_history(Ctx *c, const char *zName, KfVersion **pa){
  KindDefRow *aRow = 0;
  int n = kinddef_versions(c, zName, &aRow);
  *pa = 0;
  if( n<=0 ) return n;
  KfVersion *a = arena_alloc(c->pArena, sizeof(KfVersion)*(size_t)n);
  for(int i=0; i<n; i++){
    a[i].pRow = &aRow[i];
    a[i].zJson = kinddef_export(c, zName, aRow[i].iVersion);
    if( a[i].zJson==0 ) return -1;
  }
  for(int i=0; i<n; i++){
    /* newest first: the one before version i is i+1 */
    a[i].nChange = kindform_diff(c, i+1<n ? a[i+1].zJson : 0, a[i].zJson, &a[i].azChange);
    if( a[i].nChange<0 ) a[i].nChange = 0;
  }
  *pa = a;
  return n;
}

#define KF_UPLOAD_MAX (1024*1024)

int kindform_upload(Ctx *c, const char *zPath, const char *zNewId, const char **pz, size_t *pn){
  Field fFile = { .zName = "file", .zLabel = "定义文件" };
  FILE *in = zPath ? fopen(zPath, "rb") : 0;
  if( in==0 ){
    err_add(c, 0, &fFile, "没有收到文件：请选择另一县（区）导出的台账定义文件（.json）");
    return FZ_INVALID;
  }
  char *z = arena_alloc(c->pArena, KF_UPLOAD_MAX + 2);
  size_t n = fread(z, 1, KF_UPLOAD_MAX + 1, in);
  fclose(in);
  if( n==0 ){ err_add(c, 0, &fFile, "文件是空的：请选择另一县（区）导出的台账定义文件（.json）"); return FZ_INVALID; }
  if( n>KF_UPLOAD_MAX ){ err_add(c, 0, &fFile, "文件过大（超过1 MB）：台账定义文件通常只有几 KB，请确认选择的是导出的定义文件"); return FZ_INVALID; }
  z[n] = 0;
  if( n>=3 && memcmp(z, "\xef\xbb\xbf", 3)==0 ){ z += 3; n -= 3; }     /* a BOM some editors write */
  cJSON *o = cJSON_ParseWithLength(z, n);
  if( o==0 ){
    const char *zAt = cJSON_GetErrorPtr();
    int iLine = 1;
    if( zAt && zAt>=z && zAt<=z+n ) for(const char *q=z; q<zAt; q++) if( *q=='\n' ) iLine++;
    err_add(c, 0, &fFile, "文件不是有效的台账定义（JSON 格式有误，在第%d行附近）：请使用“导出JSON”得到的文件，不要用其他软件改动其格式", iLine);
    return FZ_INVALID;
  }
  if( !cJSON_IsObject(o) || !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(o, "id")) ){
    cJSON_Delete(o);
    err_add(c, 0, &fFile, "文件不是台账定义：应为“导出JSON”得到的一个台账的定义（含标识 id、名称 label、字段 fields 等）");
    return FZ_INVALID;
  }
  if( zNewId && zNewId[0] ){
    jset_str(o, "id", zNewId);
    cJSON_DeleteItemFromObjectCaseSensitive(o, "version");
    char *zOut = cJSON_Print(o);
    cJSON_Delete(o);
    if( zOut==0 ) return err_internal(c, "kindform: cJSON_Print failed");
    *pz = adup(c, zOut);
    *pn = strlen(*pz);
    free(zOut);
    return FZ_OK;
  }
  cJSON_Delete(o);
  *pz = z;
  *pn = n;
  return FZ_OK;
}
