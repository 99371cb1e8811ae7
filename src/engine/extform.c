/*
** src/engine/extform.c — the 内置台账的扩展 page's form as an extension
** definition and back (see extform.h). The rows are kindform.c's: the
** built-in kind as served is written as a definition holding only what
** the form shows (the extra fields, every indicator, the extra sentences)
** and read into a KindForm; the posted form goes through kindform_json
** and the result is cut into the extension's parts.
*/
#include "engine/extform.h"
#include "engine/kinddef.h"
#include "base/json.h"
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static const char *adup(Ctx *c, const char *z){ return arena_strdup(c->pArena, z ? z : ""); }
static const char *jstr(const cJSON *o, const char *zKey){
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, zKey);
  return cJSON_IsString(v) ? v->valuestring : 0;
}
static int nsentences(const ReportText *t){
  int n = 0;
  while( t && n<10 && t->azSentence[n] ) n++;
  return n;
}
static int nindicators(const Kind *k){
  int n = 0;
  while( k->aIndicator && k->aIndicator[n].zName ) n++;
  return n;
}

/* kind_json's object of k as text (cJSON owned by the caller). */
static cJSON *kind_obj(const Kind *k){
  Buf b;
  buf_init(&b);
  Json j;
  json_init(&j, &b);
  kind_json(&j, k);
  cJSON *o = cJSON_Parse(buf_cstr(&b));
  buf_free(&b);
  return o;
}

/* The definition the form shows of k (arena text): the extra fields, every
** indicator (the built-in's first), the extra sentences in the built-in's
** section. */
static const char *form_def(Ctx *c, const Kind *k){
  const Kind *b = kind_builtin(k->zName);
  cJSON *o = kind_obj(k);
  if( o==0 ) return 0;
  cJSON *aF = cJSON_DetachItemFromObjectCaseSensitive(o, "fields"), *aKeep = cJSON_CreateArray(), *f;
  cJSON_ArrayForEach(f, aF){
    const char *zId = jstr(f, "id");
    if( zId && strcmp(zId, "dept_id")!=0 && kind_field(b, zId)==0 ) cJSON_AddItemToArray(aKeep, cJSON_Duplicate(f, 1));
  }
  cJSON_Delete(aF);
  cJSON_AddItemToObject(o, "fields", aKeep);
  cJSON_DeleteItemFromObjectCaseSensitive(o, "report");
  cJSON *pRep = cJSON_CreateObject(), *aS = cJSON_CreateArray();
  cJSON_AddStringToObject(pRep, "section", k->pReport ? k->pReport->zSection : "");
  if( b->pReport==0 && k->pReport && k->pReport->zIntro ) cJSON_AddStringToObject(pRep, "intro", k->pReport->zIntro);
  for(int i=nsentences(b->pReport); i<nsentences(k->pReport); i++) cJSON_AddItemToArray(aS, cJSON_CreateString(k->pReport->azSentence[i]));
  cJSON_AddItemToObject(pRep, "sentences", aS);
  cJSON_AddItemToObject(o, "report", pRep);
  cJSON_ReplaceItemInObjectCaseSensitive(o, "shape", cJSON_CreateString("activity"));
  char *z = cJSON_PrintUnformatted(o);
  cJSON_Delete(o);
  const char *zOut = adup(c, z);
  free(z);
  return zOut;
}

void extform_more_enum(Ctx *c, ExtForm *p, int n){
  if( n<=0 ) return;
  int m = p->nEnum + n > KF_MAX_ROWS ? KF_MAX_ROWS : p->nEnum + n;
  ExtEnum *a = arena_alloc(c->pArena, sizeof(ExtEnum)*(size_t)(m ? m : 1));
  if( p->nEnum ) memcpy(a, p->aEnum, sizeof(ExtEnum)*(size_t)p->nEnum);
  for(int i=p->nEnum; i<m; i++) a[i] = (ExtEnum){ .zField="", .zId="", .zLabel="", .iRow=i+1, .iJson=-1 };
  p->aEnum = a;
  p->nEnum = m;
}

int extform_load(Ctx *c, ExtForm *p, const Kind *k, int nBlank){
  memset(p, 0, sizeof *p);
  p->pKind = k;
  p->iVersion = k->pBase ? k->iVersion : 0;
  const Kind *b = kind_builtin(k->zName);
  const char *zDef = form_def(c, k);
  if( zDef==0 || kindform_from_def(c, &p->f, zDef, nBlank) ) return err_internal(c, "extform: %s does not print", k->zName);
  p->f.zId = k->zName;
  p->f.zLabel = k->zLabel;
  p->nIndBase = nindicators(b);
  /* the values earlier versions added */
  for(const Field *fb=b->aField; fb->zName; fb++){
    if( fb->eType!=FT_ENUM ) continue;
    const Field *f = kind_field(k, fb->zName);
    int n = 0;
    while( fb->aEnum[n].zId ) n++;
    for(const EnumVal *e=f->aEnum+n; e->zId; e++){
      extform_more_enum(c, p, 1);
      ExtEnum *x = &p->aEnum[p->nEnum-1];
      x->zField = fb->zName; x->zId = e->zId; x->zLabel = e->zLabel; x->bOld = 1;
    }
  }
  extform_more_enum(c, p, nBlank);
  KindDefRow *aVer = 0;
  p->nVer = k->pBase ? kinddef_versions(c, k->zName, &aVer) : 0;
  if( p->nVer<0 ) return err_internal(c, "extform: versions of %s", k->zName);
  p->aVer = aVer;
  return FZ_OK;
}

static const char *trim(Ctx *c, const char *z){
  if( z==0 ) return "";
  while( *z==' ' || *z=='\t' || *z=='\r' || *z=='\n' ) z++;
  size_t n = strlen(z);
  while( n>0 && (z[n-1]==' ' || z[n-1]=='\t' || z[n-1]=='\r' || z[n-1]=='\n') ) n--;
  return arena_strndup(c->pArena, z, n);
}

void extform_read(Ctx *c, ExtForm *p, const Kind *k, KfGet xGet, void *pArg){
  memset(p, 0, sizeof *p);
  p->pKind = k;
  const Kind *b = kind_builtin(k->zName);
  kindform_read(c, &p->f, xGet, pArg);
  p->f.zId = k->zName;
  p->f.zLabel = k->zLabel;
  p->f.zShape = "activity";
  p->f.bEdit = 1;
  p->f.zBase = form_def(c, k);
  if( b->pReport ){ p->f.zSection = b->pReport->zSection; p->f.zIntro = ""; }
  /* the built-in's indicator rows are the declaration's, whatever was posted but target and decimals */
  p->nIndBase = nindicators(b);
  if( p->f.nInd<p->nIndBase ) kindform_more(c, &p->f, 1, p->nIndBase-p->f.nInd);
  for(int i=0; i<p->nIndBase; i++){
    const Indicator *x = &b->aIndicator[i];
    KfInd *y = &p->f.aInd[i];
    y->zId = x->zName;
    y->zLabel = x->zLabel;
    y->zAgg = x->eUnit==IU_PERCENT ? "rate" : x->eUnit==IU_AVERAGE ? "average" : "count";
    y->zField = ""; y->zCond = ""; y->zDen = "count"; y->zUnit = x->eUnit==IU_PERCENT ? "%" : "";
  }
  const char *zVer = xGet(pArg, "ver");
  p->iVersion = zVer ? atoi(zVer) : 0;
  const char *zNe = xGet(pArg, "ne");
  int ne = zNe ? atoi(zNe) : 0;
  extform_more_enum(c, p, ne<0 ? 0 : ne>KF_MAX_ROWS ? KF_MAX_ROWS : ne);
  for(int i=0; i<p->nEnum; i++){
    ExtEnum *x = &p->aEnum[i];
    x->zField = trim(c, xGet(pArg, arena_printf(c->pArena, "e%d_field", i+1)));
    x->zId = trim(c, xGet(pArg, arena_printf(c->pArena, "e%d_id", i+1)));
    x->zLabel = trim(c, xGet(pArg, arena_printf(c->pArena, "e%d_label", i+1)));
    const char *zOld = xGet(pArg, arena_printf(c->pArena, "e%d_old", i+1));
    x->bOld = zOld && zOld[0]=='1';
  }
}

/* An id for a value typed without one: v1, v2 … not used by field f (the
** built-in's values and the form's rows). */
static const char *value_id(Ctx *c, const ExtForm *p, const Field *f){
  for(int n=1; ; n++){
    const char *z = arena_printf(c->pArena, "v%d", n);
    int bUsed = enum_label(f, z)!=0;
    for(int i=0; i<p->nEnum && !bUsed; i++) bUsed = strcmp(p->aEnum[i].zField, f->zName)==0 && strcmp(p->aEnum[i].zId, z)==0;
    if( !bUsed ) return z;
  }
}

int extform_json(Ctx *c, ExtForm *p, const char **pz){
  const Kind *k = p->pKind, *b = kind_builtin(k->zName);
  const char *zForm = 0;
  int rc = kindform_json(c, &p->f, &zForm);
  cJSON *o = zForm ? cJSON_Parse(zForm) : 0;
  if( o==0 ) return rc ? rc : err_internal(c, "extform: the form's definition does not parse");
  cJSON *x = cJSON_CreateObject();
  cJSON_AddStringToObject(x, "extends", k->zName);
  cJSON_AddItemToObject(x, "fields", cJSON_DetachItemFromObjectCaseSensitive(o, "fields"));
  /* enum values, by field in the order of the rows */
  cJSON *pE = cJSON_CreateObject();
  for(int i=0; i<p->nEnum; i++){
    ExtEnum *e = &p->aEnum[i];
    e->iJson = -1;
    if( e->zId[0]==0 && e->zLabel[0]==0 ) continue;
    const Field *f = kind_field(b, e->zField);
    if( f && f->eType==FT_ENUM && e->zId[0]==0 ) e->zId = value_id(c, p, f);
    cJSON *a = cJSON_GetObjectItemCaseSensitive(pE, e->zField[0] ? e->zField : "?");
    if( a==0 ){ a = cJSON_CreateArray(); cJSON_AddItemToObject(pE, e->zField[0] ? e->zField : "?", a); }
    cJSON *v = cJSON_CreateObject();
    cJSON_AddStringToObject(v, "id", e->zId);
    cJSON_AddStringToObject(v, "label", e->zLabel);
    e->iJson = cJSON_GetArraySize(a);
    cJSON_AddItemToArray(a, v);
  }
  cJSON_AddItemToObject(x, "enum_values", pE);
  /* indicators: the extra ones; the built-in's give their targets and decimals */
  cJSON *aI = cJSON_GetObjectItemCaseSensitive(o, "indicators"), *y, *aNew = cJSON_CreateArray(), *pT = cJSON_CreateObject();
  cJSON_ArrayForEach(y, aI){
    const char *zId = jstr(y, "id");
    if( zId && kind_indicator(b, zId) ){
      cJSON *t = cJSON_CreateObject();
      cJSON_AddStringToObject(t, "target", jstr(y, "target") ? jstr(y, "target") : "");
      const cJSON *d = cJSON_GetObjectItemCaseSensitive(y, "decimals");
      if( d ) cJSON_AddItemToObject(t, "decimals", cJSON_Duplicate(d, 1));
      cJSON_AddItemToObject(pT, zId, t);
    }else{
      cJSON_AddItemToArray(aNew, cJSON_Duplicate(y, 1));
    }
  }
  cJSON_AddItemToObject(x, "indicators", aNew);
  for(int i=0; i<p->f.nInd; i++){
    if( i<p->nIndBase ) p->f.aInd[i].iJson = -1;
    else if( p->f.aInd[i].iJson>=0 ) p->f.aInd[i].iJson -= p->nIndBase;
  }
  /* the breakdowns the extension in force has (the page does not edit them) */
  cJSON *pOld = 0;
  if( k->pBase ){
    Buf bb;
    buf_init(&bb);
    Json j;
    json_init(&j, &bb);
    kind_ext_json(&j, k);
    pOld = cJSON_Parse(buf_cstr(&bb));
    buf_free(&bb);
  }
  cJSON *aB = cJSON_DetachItemFromObjectCaseSensitive(pOld, "breakdowns");
  cJSON_AddItemToObject(x, "breakdowns", aB ? aB : cJSON_CreateArray());
  cJSON_Delete(pOld);
  /* the extra sentences */
  cJSON *pRep = cJSON_GetObjectItemCaseSensitive(o, "report");
  cJSON *aS = cJSON_GetObjectItemCaseSensitive(pRep, "sentences");
  if( cJSON_GetArraySize(aS)>0 ){
    cJSON *r = cJSON_CreateObject();
    if( b->pReport==0 ){
      if( jstr(pRep, "section") ) cJSON_AddStringToObject(r, "section", jstr(pRep, "section"));
      if( jstr(pRep, "intro") ) cJSON_AddStringToObject(r, "intro", jstr(pRep, "intro"));
    }
    cJSON_AddItemToObject(r, "sentences", cJSON_Duplicate(aS, 1));
    cJSON_AddItemToObject(x, "report", r);
  }
  cJSON_AddItemToObject(x, "targets", pT);
  cJSON_Delete(o);
  char *z = cJSON_Print(x);
  cJSON_Delete(x);
  if( z==0 ) return err_internal(c, "extform: cJSON_Print failed");
  *pz = adup(c, z);
  free(z);
  return rc;
}

void extform_errors_to_inputs(Ctx *c, const ExtForm *p, int iFrom){
  int n = c->err.n - iFrom;
  if( n<=0 ) return;
  const char **az = arena_alloc(c->pArena, sizeof(char*)*(size_t)n);
  int *aMine = arena_alloc(c->pArena, sizeof(int)*(size_t)n);
  for(int e=iFrom; e<c->err.n; e++){
    ErrItem *x = &c->err.a[e];
    const char *z = x->zField;
    if( z==0 ) continue;
    if( strncmp(z, "targets.", 8)==0 ){
      const char *zId = z+8, *zDot = strchr(zId, '.');
      size_t m = zDot ? (size_t)(zDot-zId) : strlen(zId);
      aMine[e-iFrom] = 1;
      for(int i=0; i<p->nIndBase; i++){
        const KfInd *y = &p->f.aInd[i];
        if( strlen(y->zId)==m && memcmp(y->zId, zId, m)==0 ){
          az[e-iFrom] = arena_printf(c->pArena, "i%d_%s", y->iRow, zDot && strcmp(zDot, ".decimals")==0 ? "dec" : "target");
        }
      }
    }else if( strncmp(z, "enum_values.", 12)==0 ){
      const char *zF = z+12, *zB = strchr(zF, '[');
      aMine[e-iFrom] = 1;
      if( zB ){
        size_t m = (size_t)(zB-zF);
        int j = atoi(zB+1);
        const char *zCol = strstr(zB, "].id") ? "id" : "label";
        for(int i=0; i<p->nEnum; i++){
          const ExtEnum *v = &p->aEnum[i];
          if( v->iJson==j && strlen(v->zField)==m && memcmp(v->zField, zF, m)==0 ) az[e-iFrom] = arena_printf(c->pArena, "e%d_%s", v->iRow, zCol);
        }
      }else{
        for(int i=0; i<p->nEnum && !az[e-iFrom]; i++){
          if( strcmp(p->aEnum[i].zField, zF)==0 ) az[e-iFrom] = arena_printf(c->pArena, "e%d_field", p->aEnum[i].iRow);
        }
      }
    }
    if( aMine[e-iFrom] ) x->zField = 0;
  }
  kindform_errors_to_inputs(c, &p->f, iFrom);
  for(int e=iFrom; e<c->err.n; e++){
    if( aMine[e-iFrom] ) c->err.a[e].zField = az[e-iFrom] ? arena_strdup(c->pErrArena, az[e-iFrom]) : 0;
  }
}

void extform_field_view(Ctx *c, const ExtForm *p, KindForm *pView){
  const Kind *b = kind_builtin(p->pKind->zName);
  *pView = p->f;
  int n = kind_nfield(b);
  KfField *a = arena_alloc(c->pArena, sizeof(KfField)*(size_t)(n+p->f.nField+1));
  int m = 0;
  for(const Field *f=b->aField; f->zName; f++){
    if( f->flags & (F_HIDDEN|F_AUTO) ) continue;
    KfField *x = &a[m++];
    memset(x, 0, sizeof *x);
    x->zId = f->zName;
    x->zLabel = f->zLabel;
    x->zType = kind_type_name(f->eType);
    x->zRef = f->zRef ? f->zRef : "";
    x->zHelp = "";
    x->bOld = 1;
    x->iRow = -1;
    Buf bb;
    buf_init(&bb);
    /* the values as served: the built-in's and the ones added */
    const Field *fk = kind_field(p->pKind, f->zName);
    for(const EnumVal *e=f->eType==FT_ENUM ? fk->aEnum : 0; e && e->zId; e++){
      if( bb.n ) buf_putc(&bb, '\n');
      buf_puts(&bb, e->zId); buf_putc(&bb, ' '); buf_puts(&bb, e->zLabel);
    }
    x->zEnum = adup(c, bb.n ? buf_cstr(&bb) : "");
    buf_free(&bb);
  }
  memcpy(a+m, p->f.aField, sizeof(KfField)*(size_t)p->f.nField);
  pView->aField = a;
  pView->nField = m + p->f.nField;
}
