/*
** src/engine/registry.c — aKind[], the table of every declared kind.
**
** Sorted by name so kind_find() can bisect; registry_selfcheck() proves at
** start-up (and in the unit tests) that the declarations are coherent:
** sorted and unique names, identifiers SQL can carry, enum fields with
** values, references and deadline fields that resolve, transitions that
** name declared states, and indicator conditions over declared fields.
*/
#include "engine/kinddef.h"
#include "base/arena.h"
#include <stdatomic.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>

extern const Kind kind_audit_project;
extern const Kind kind_disclosure_request;
extern const Kind kind_emergency;
extern const Kind kind_enforcement_case;
extern const Kind kind_enterprise;
extern const Kind kind_file_review;
extern const Kind kind_hotline_ticket;
extern const Kind kind_inspection;
extern const Kind kind_inspection_item;
extern const Kind kind_inspection_plan;
extern const Kind kind_law_publicity;
extern const Kind kind_leader_duty;
extern const Kind kind_legal_aid;
extern const Kind kind_legal_counsel;
extern const Kind kind_legal_service;
extern const Kind kind_legality_review;
extern const Kind kind_litigation;
extern const Kind kind_major_decision;
extern const Kind kind_mediation;
extern const Kind kind_mediation_org;
extern const Kind kind_monitor;
extern const Kind kind_normative_doc;
extern const Kind kind_officer;
extern const Kind kind_power_item;
extern const Kind kind_proposal;
extern const Kind kind_publication;
extern const Kind kind_publicity_force;
extern const Kind kind_reconsideration;
extern const Kind kind_rectification;
extern const Kind kind_regulation;
extern const Kind kind_rescue_team;
extern const Kind kind_resettlement;
extern const Kind kind_service_case;
extern const Kind kind_service_item;
extern const Kind kind_study_session;
extern const Kind kind_supervision;

static const Kind *const aKind[] = {
  &kind_audit_project,
  &kind_disclosure_request,
  &kind_emergency,
  &kind_enforcement_case,
  &kind_enterprise,
  &kind_file_review,
  &kind_hotline_ticket,
  &kind_inspection,
  &kind_inspection_item,
  &kind_inspection_plan,
  &kind_law_publicity,
  &kind_leader_duty,
  &kind_legal_aid,
  &kind_legal_counsel,
  &kind_legal_service,
  &kind_legality_review,
  &kind_litigation,
  &kind_major_decision,
  &kind_mediation,
  &kind_mediation_org,
  &kind_monitor,
  &kind_normative_doc,
  &kind_officer,
  &kind_power_item,
  &kind_proposal,
  &kind_publication,
  &kind_publicity_force,
  &kind_reconsideration,
  &kind_rectification,
  &kind_regulation,
  &kind_rescue_team,
  &kind_resettlement,
  &kind_service_case,
  &kind_service_item,
  &kind_study_session,
  &kind_supervision,
};
#define N_KIND ((int)(sizeof(aKind)/sizeof(aKind[0])))

static void registry_compile(void);

/* The custom kinds of the database (kinddef.c), published as a snapshot
** that is never changed once visible: a change builds a new one and swaps
** the pointer, so readers on worker threads take no lock. Snapshots and
** the Kinds they point to are never freed (definitions change rarely; a
** request may still hold the old ones). Customs keep the order they were
** first added in, a changed kind taking its old place, so kind_at(i) is
** stable while a loop runs. */
typedef struct CustomSet {
  int n;
  const Kind *const *a;
  const Kind *const *aOver;    /* N_KIND slots: a built-in's extended Kind (kinddef.c), NULL where none */
  long long iMark;             /* what kinddef_refresh compares (the newest definition's id) */
  const struct CustomSet *pPrev;  /* the set it replaced: kept (a request may still read it), and
                               ** reachable, so a leak checker sees process-lifetime memory, not a leak */
} CustomSet;
static const CustomSet emptySet = { 0, 0, 0, -1, 0 };
static _Atomic(const CustomSet*) pCustom = &emptySet;

static const CustomSet *customs(void){
  return atomic_load_explicit(&pCustom, memory_order_acquire);
}

static int builtin_index(const char *zName);

void registry_publish(const Kind *const *aNew, int n, long long iMark){
  const Kind **a = fz_malloc(sizeof(Kind*) * (size_t)(n ? n : 1));
  const Kind **aOver = fz_malloc(sizeof(Kind*) * (size_t)N_KIND);
  int m = 0;
  /* an extended built-in takes its declaration's slot */
  memset(aOver, 0, sizeof(Kind*) * (size_t)N_KIND);
  for(int j=0; j<n; j++){
    int i = aNew[j] && aNew[j]->pBase ? builtin_index(aNew[j]->zName) : -1;
    if( i>=0 ) aOver[i] = aNew[j];
  }
  /* the old order first (a changed kind in its old place), then the new kinds */
  const CustomSet *pOld = customs();
  for(int i=0; i<pOld->n; i++){
    for(int j=0; j<n; j++) if( aNew[j] && strcmp(aNew[j]->zName, pOld->a[i]->zName)==0 ){ a[m++] = aNew[j]; break; }
  }
  for(int j=0; j<n; j++){
    int bSeen = aNew[j] && aNew[j]->pBase;
    for(int i=0; i<m && !bSeen; i++) bSeen = a[i]==aNew[j];
    if( !bSeen && aNew[j] ) a[m++] = aNew[j];
  }
  CustomSet *p = fz_malloc(sizeof *p);
  p->n = m;
  p->a = a;
  p->aOver = aOver;
  p->iMark = iMark;
  p->pPrev = pOld;
  atomic_store_explicit(&pCustom, p, memory_order_release);
}

long long registry_mark(void){ return customs()->iMark; }

int kind_count(void){ return N_KIND + customs()->n; }
/* The built-in at i as served: its extension when the county made one. */
static const Kind *served(const CustomSet *p, int i){
  return p->aOver && p->aOver[i] ? kind_lens(p->aOver[i]) : aKind[i];
}

const Kind *kind_at(int i){
  registry_compile();
  const CustomSet *p = customs();
  if( i>=0 && i<N_KIND ) return served(p, i);
  return i>=N_KIND && i<N_KIND+p->n ? kind_lens(p->a[i-N_KIND]) : 0;
}

int kinds_in_order(const Kind **a, int nMax){
  int n = 0;
  registry_compile();
  const CustomSet *p = customs();
  for(int i=0; i<N_KIND+p->n && n<nMax; i++){
    const Kind *k = i<N_KIND ? served(p, i) : kind_lens(p->a[i-N_KIND]);
    int j = n++;
    while( j>0 && a[j-1]->nOrder > k->nOrder ){ a[j] = a[j-1]; j--; }
    a[j] = k;
  }
  return n;
}

/* aKind[]'s index of zName, or -1. */
static int builtin_index(const char *zName){
  int lo = 0, hi = N_KIND-1;
  if( zName==0 ) return -1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    int c = strcmp(zName, aKind[mid]->zName);
    if( c==0 ) return mid;
    if( c<0 ) hi = mid-1; else lo = mid+1;
  }
  return -1;
}

const Kind *kind_builtin(const char *zName){
  registry_compile();
  int i = builtin_index(zName);
  return i<0 ? 0 : aKind[i];
}

const Kind *kind_find(const char *zName){
  registry_compile();
  int i = builtin_index(zName);
  const CustomSet *p = customs();
  if( i>=0 ) return served(p, i);
  if( zName==0 ) return 0;
  for(int j=0; j<p->n; j++) if( strcmp(p->a[j]->zName, zName)==0 ) return kind_lens(p->a[j]);
  return 0;
}

int kinddef_is_custom(const char *zName){
  return zName && kind_builtin(zName)==0 && kind_find(zName)!=0;
}

const Field *kind_field(const Kind *k, const char *zName){
  if( zName==0 ) return 0;
  for(const Field *f=k->aField; f->zName; f++) if( strcmp(f->zName, zName)==0 ) return f;
  return 0;
}
int kind_nfield(const Kind *k){
  int n = 0;
  while( k->aField[n].zName ) n++;
  return n;
}
const State *kind_state(const Kind *k, const char *zId){
  if( k->aState==0 || zId==0 ) return 0;
  for(const State *s=k->aState; s->zId; s++) if( strcmp(s->zId, zId)==0 ) return s;
  return 0;
}
const Transition *kind_trans(const Kind *k, const char *zId){
  if( k->aTrans==0 || zId==0 ) return 0;
  for(const Transition *t=k->aTrans; t->zId; t++) if( strcmp(t->zId, zId)==0 ) return t;
  return 0;
}
/* A workflow step asks for what its next state needs (issue 17 §4): the
** date the transition stamps (its own date) and the fields t->zTo requires
** (Field.zReqIn) that the states it leaves do not — not those every save
** requires, which the record already holds (nor 受理日期 again at 结案),
** nor the system's own or hidden ones. */
int kind_step_fields(const Kind *k, const Transition *t, const Field **aOut, int nMax){
  int n = 0;
  for(const Field *f=k->aField; f->zName && n<nMax; f++){
    if( f->flags & (F_AUTO|F_HIDDEN) ) continue;
    int bStamp = t->zStamp && strcmp(t->zStamp, f->zName)==0;
    int bNew = !(f->flags & F_REQ) && namelist_has(&f->aReqIn, t->zTo);
    if( bNew ){                  /* not when every state the step leaves already requires it */
      int bHeld = t->aFrom.n>0;
      for(int i=0; i<t->aFrom.n; i++) if( !namelist_has(&f->aReqIn, t->aFrom.az[i]) ) bHeld = 0;
      bNew = !bHeld;
    }
    if( bStamp || bNew ) aOut[n++] = f;
  }
  return n;
}

/* A field that belongs to a state after zState: required only in states
** other than zState (受理日期 of a case 待审查). Entered at the step that
** reaches its state, so the forms before it leave it out. */
int field_later(const Field *f, const char *zState){
  return !(f->flags & F_REQ) && f->aReqIn.n>0 && zState && !namelist_has(&f->aReqIn, zState);
}

const Deadline *kind_deadline(const Kind *k, const char *zName){
  if( k->aDeadline==0 || zName==0 ) return 0;
  for(const Deadline *d=k->aDeadline; d->zName; d++) if( strcmp(d->zName, zName)==0 ) return d;
  return 0;
}
const Indicator *kind_indicator(const Kind *k, const char *zName){
  if( k->aIndicator==0 || zName==0 ) return 0;
  for(const Indicator *i=k->aIndicator; i->zName; i++) if( strcmp(i->zName, zName)==0 ) return i;
  return 0;
}
const Field *kind_year_field(const Kind *k){
  for(const Field *f=k->aField; f->zName; f++) if( f->flags & F_YEAR ) return f;
  return 0;
}
const Field *kind_title_field(const Kind *k){
  for(const Field *f=k->aField; f->zName; f++) if( f->flags & F_TITLE ) return f;
  return &k->aField[0];
}

const char *enum_label(const Field *f, const char *zId){
  if( f->aEnum==0 || zId==0 ) return 0;
  for(const EnumVal *e=f->aEnum; e->zId; e++) if( strcmp(e->zId, zId)==0 ) return e->zLabel;
  return 0;
}
const char *enum_id(const Field *f, const char *z){
  if( f->aEnum==0 || z==0 ) return 0;
  for(const EnumVal *e=f->aEnum; e->zId; e++){
    if( strcmp(e->zId, z)==0 || strcmp(e->zLabel, z)==0 ) return e->zId;
  }
  return 0;
}

int list_has(const char *zList, const char *zItem){
  if( zList==0 || zItem==0 ) return 0;
  size_t n = strlen(zItem);
  const char *p = zList;
  while( *p ){
    const char *e = strchr(p, ',');
    size_t m = e ? (size_t)(e-p) : strlen(p);
    if( m==n && memcmp(p, zItem, n)==0 ) return 1;
    if( !e ) break;
    p = e+1;
  }
  return 0;
}

/* ---- reading the declarations' strings once ------------------------------ */

int namelist_has(const NameList *l, const char *zItem){
  if( zItem==0 ) return 0;
  for(int i=0; i<l->n; i++) if( strcmp(l->az[i], zItem)==0 ) return 1;
  return 0;
}

/* zList split at its commas into *pOut (process-lifetime memory; an empty
** list for NULL). Returns 1 when an item is empty ("a,,b", "a,"). A list
** already read is left as it is: the declarations do not change, and a
** kind checked twice (the unit tests) allocates nothing more. */
/* Process-lifetime memory for the compiled lists: one arena, reachable
** from here (a kind built at run time, or checked and dropped by
** kinddef_save, leaves its few lists here rather than unreachable). */
static Arena lifeArena;
static pthread_mutex_t mxLife = PTHREAD_MUTEX_INITIALIZER;
static void *life_alloc(size_t n){
  pthread_mutex_lock(&mxLife);
  void *p = arena_alloc(&lifeArena, n);
  pthread_mutex_unlock(&mxLife);
  return p;
}

static int list_read(const char *zList, NameList *pOut){
  if( pOut->az ) return 0;
  pOut->n = 0;
  if( zList==0 ) return 0;
  int n = 1;
  for(const char *q=zList; *q; q++) n += *q==',';
  const char **az = life_alloc(sizeof(char*) * (size_t)n);
  const char *p = zList;
  for(int i=0; i<n; i++){
    const char *e = strchr(p, ',');
    size_t m = e ? (size_t)(e-p) : strlen(p);
    if( m==0 ) return 1;           /* the few bytes stay in lifeArena */
    char *z = life_alloc(m+1);
    memcpy(z, p, m);
    z[m] = 0;
    az[i] = z;
    p = e ? e+1 : p+m;
  }
  pOut->az = az;
  pOut->n = n;
  return 0;
}

/* "field=value[,value]" of kind k into *w: the field must be k's, and each
** value one the field stores (an enum id; 1 or 0 for a bool). NULL: no
** condition. Returns 1 (and zErr) when it does not read. */
static int when_read(const Kind *k, const char *zWhen, When *w, const char *zWhere, char *zErr, int nErr){
  if( w->pField ) return 0;        /* read before */
  if( zWhen==0 ) return 0;
  const char *eq = strchr(zWhen, '=');
  char zF[64];
  int n = eq ? (int)(eq-zWhen) : 0;
  if( n<=0 || n>=(int)sizeof zF ){
    snprintf(zErr, (size_t)nErr, "%s: %s: \"%s\" is not field=value", k->zName, zWhere, zWhen);
    return 1;
  }
  memcpy(zF, zWhen, (size_t)n);
  zF[n] = 0;
  const Field *pF = kind_field(k, zF);
  if( pF==0 ){
    snprintf(zErr, (size_t)nErr, "%s: %s: \"%s\" names an unknown field", k->zName, zWhere, zWhen);
    return 1;
  }
  if( list_read(eq+1, &w->aValue) || w->aValue.n==0 ){
    snprintf(zErr, (size_t)nErr, "%s: %s: \"%s\" has an empty value", k->zName, zWhere, zWhen);
    return 1;
  }
  for(int i=0; i<w->aValue.n; i++){
    const char *v = w->aValue.az[i];
    int bOk = pF->eType==FT_ENUM ? enum_label(pF, v)!=0
            : pF->eType==FT_BOOL ? (strcmp(v, "1")==0 || strcmp(v, "0")==0) : 1;
    if( !bOk ){
      snprintf(zErr, (size_t)nErr, "%s: %s: \"%s\": %s has no value %s", k->zName, zWhere, zWhen, zF, v);
      return 1;
    }
  }
  w->pField = pF;                 /* last: a When with its field is one read in full */
  return 0;
}

static const struct { const char *zOp; CondOp eOp; } aCondOp[] = {
  { "=", CO_EQ }, { "!=", CO_NE }, { "set", CO_SET }, { "unset", CO_UNSET }, { "setif", CO_SETIF },
  { "<=", CO_LE }, { ">=", CO_GE }, { "state", CO_STATE }, { "year", CO_YEAR }, { "dtype", CO_DTYPE },
  { "own", CO_OWN }, { "ontime", CO_ONTIME }, { "late", CO_LATE },
};

static int conds_read(const Kind *k, const Indicator *ind, Cond *aCond, char *zErr, int nErr){
  for(Cond *c=aCond; c->zOp; c++){
    if( c->eOp ) continue;         /* read before */
    CondOp e = 0;
    for(size_t i=0; i<sizeof aCondOp/sizeof aCondOp[0]; i++) if( strcmp(aCondOp[i].zOp, c->zOp)==0 ) e = aCondOp[i].eOp;
    if( e==0 ){
      snprintf(zErr, (size_t)nErr, "%s/%s: unknown condition \"%s\"", k->zName, ind->zName, c->zOp);
      return 1;
    }
    int bList = e==CO_EQ || e==CO_NE || e==CO_STATE || e==CO_DTYPE;
    if( list_read(bList ? c->zValue : 0, &c->aValue) ){
      snprintf(zErr, (size_t)nErr, "%s/%s: empty item in \"%s\"", k->zName, ind->zName, c->zValue);
      return 1;
    }
    c->eOp = e;                    /* last: a Cond with its op is one read in full */
  }
  return 0;
}

/* Each count's zUnitSaid: the unit word written right after its first
** plain figure ({ind}, not {ind/} or {ind^}) in k's report sentences
** (持证执法人员{officers}人 → 人, 调解员{mediators}名 → 名). */
static void units_said(const Kind *k){
  const ReportText *t = k->pReport;
  for(int i=0; t && i<10 && t->azSentence[i]; i++){
    const char *z = t->azSentence[i], *zEnd;
    ReportFig f;
    for(; report_brace(z, &f, &zEnd)!=0; z = zEnd){
      if( f.bBad || f.bYear || f.cSuffix || f.zInd[0]==0 ) continue;
      Indicator *ind = (Indicator*)kind_indicator(k, f.zInd);
      if( ind && ind->eUnit==IU_COUNT && ind->zUnitSaid==0 ) ind->zUnitSaid = kind_unit_word_at(zEnd);
    }
  }
}

/* The declared members are not changed; the arrays behind a Kind are not
** const (kind.h), so the runtime members may be written here. */
int kind_compile(const Kind *k, char *zErr, int nErr){
  for(Field *f=k->aField; f->zName; f++){
    if( list_read(f->zReqIn, &f->aReqIn) ){ snprintf(zErr, (size_t)nErr, "%s.%s: empty item in zReqIn", k->zName, f->zName); return 1; }
    if( when_read(k, f->zNeeds, &f->needs, f->zName, zErr, nErr) ) return 1;
    if( f->pRoster ){
      Roster *p = f->pRoster;
      const Kind *kr = kind_find(p->zKind);
      if( list_read(p->zOn, &p->aOn) || list_read(p->zState, &p->aState) ){
        snprintf(zErr, (size_t)nErr, "%s.%s: empty item in the roster's zOn or zState", k->zName, f->zName);
        return 1;
      }
      for(int j=0; j<p->aOn.n; j++){
        const Field *fo = kind_field(k, p->aOn.az[j]);
        if( fo==0 || fo->eType!=FT_DATE ){
          snprintf(zErr, (size_t)nErr, "%s.%s: roster zOn names %s, not a date field", k->zName, f->zName, p->aOn.az[j]);
          return 1;
        }
      }
      for(int j=0; kr && j<p->aState.n; j++){
        if( !kind_state(kr, p->aState.az[j]) ){
          snprintf(zErr, (size_t)nErr, "%s.%s: roster state %s is not %s's", k->zName, f->zName, p->aState.az[j], p->zKind);
          return 1;
        }
      }
    }
  }
  for(Transition *t=k->aTrans; t && t->zId; t++){
    if( list_read(t->zFrom, &t->aFrom) ){ snprintf(zErr, (size_t)nErr, "%s/%s: empty item in zFrom", k->zName, t->zId); return 1; }
  }
  for(Deadline *d=k->aDeadline; d && d->zName; d++){
    if( when_read(k, d->zWhen, &d->when, d->zName, zErr, nErr) ) return 1;
    if( when_read(k, d->zExtWhen, &d->extWhen, d->zName, zErr, nErr) ) return 1;
    if( d->zDeemed && d->pDeemed==0 ){
      d->pDeemed = kind_deadline(k, d->zDeemed);
      if( d->pDeemed==0 || d->pDeemed==d ){
        snprintf(zErr, (size_t)nErr, "%s/%s: zDeemed names no other period: %s", k->zName, d->zName, d->zDeemed);
        return 1;
      }
    }
    if( list_read(d->zActiveIn, &d->aActiveIn) ){ snprintf(zErr, (size_t)nErr, "%s/%s: empty item in zActiveIn", k->zName, d->zName); return 1; }
  }
  for(Indicator *ind=k->aIndicator; ind && ind->zName; ind++){
    if( conds_read(k, ind, ind->num.aCond, zErr, nErr) || conds_read(k, ind, ind->den.aCond, zErr, nErr) ) return 1;
  }
  units_said(k);
  for(Spawn *s=k->aSpawn; s && s->zTrans; s++){
    if( when_read(k, s->zWhen, &s->when, s->zTrans, zErr, nErr) ) return 1;
  }
  return 0;
}

static int bCompiled;              /* registry_compile() has run */
static char zCompileErr[300];      /* its first fault, for registry_selfcheck() */

/* Every kind's strings read once, on first use of the registry. */
static void registry_compile(void){
  if( bCompiled ) return;
  bCompiled = 1;                   /* first: kind_compile() looks kinds up */
  for(int i=0; i<N_KIND; i++){
    if( kind_compile(aKind[i], zCompileErr, sizeof zCompileErr) ) return;
  }
}

static int ident_ok(const char *z){
  if( z==0 || !((*z>='a'&&*z<='z')||*z=='_') ) return 0;
  for(; *z; z++) if( !((*z>='a'&&*z<='z')||(*z>='0'&&*z<='9')||*z=='_') ) return 0;
  return 1;
}

/* Every state named in a comma list must be declared. */
static int states_ok(const Kind *k, const char *zList){
  char buf[256];
  if( zList==0 ) return 1;
  snprintf(buf, sizeof buf, "%s", zList);
  for(char *zSave=0, *p=strtok_r(buf, ",", &zSave); p; p=strtok_r(0, ",", &zSave)){
    if( !kind_state(k, p) ) return 0;
  }
  return 1;
}

static int is_ident(const char *z, int n){
  if( n<=0 || n>=64 ) return 0;
  for(int i=0; i<n; i++){
    char ch = z[i];
    if( !((ch>='a'&&ch<='z')||(ch>='0'&&ch<='9')||ch=='_') ) return 0;
  }
  return 1;
}

/* Reads "ind", "ind%", "ind~份", "@state", "@state|ind" or "year" (the
** text between the braces, n bytes) into *f; sets f->bBad when it is none
** of them. */
static void fig_parse(const char *z, int n, ReportFig *f){
  memset(f, 0, sizeof *f);
  const char *zBar = memchr(z, '|', (size_t)n);
  if( z[0]=='@' ){
    int ns = zBar ? (int)(zBar-z-1) : n-1;
    if( !is_ident(z+1, ns) ){ f->bBad = 1; return; }
    memcpy(f->zState, z+1, (size_t)ns);
    if( zBar ){
      int ni = n - (int)(zBar-z) - 1;
      if( !is_ident(zBar+1, ni) ){ f->bBad = 1; return; }
      memcpy(f->zInd, zBar+1, (size_t)ni);
    }
    return;
  }
  if( zBar ){ f->bBad = 1; return; }
  const char *zTilde = memchr(z, '~', (size_t)n);
  if( zTilde ){
    int nu = n - (int)(zTilde-z) - 1;
    if( nu>=(int)sizeof f->zUnit || memchr(zTilde+1, '{', (size_t)nu) ){ f->bBad = 1; return; }
    memcpy(f->zUnit, zTilde+1, (size_t)nu);
    f->cSuffix = '~';
    n = (int)(zTilde-z);
  }else if( n>0 && (z[n-1]=='/' || z[n-1]=='%' || z[n-1]=='^') ){
    f->cSuffix = z[--n];
  }
  if( !is_ident(z, n) ){ f->bBad = 1; return; }
  memcpy(f->zInd, z, (size_t)n);
  if( strcmp(f->zInd, "year")==0 ){
    if( f->cSuffix ){ f->bBad = 1; return; }
    f->zInd[0] = 0;
    f->bYear = 1;
  }
}

const char *report_brace(const char *z, ReportFig *pFig, const char **pzEnd){
  const char *a = strchr(z, '{');
  if( a==0 ) return 0;
  const char *e = strchr(a, '}');
  if( e==0 ){
    memset(pFig, 0, sizeof *pFig);
    pFig->bBad = 1;
    *pzEnd = a + strlen(a);
    return a;
  }
  *pzEnd = e+1;
  fig_parse(a+1, (int)(e-(a+1)), pFig);
  return a;
}

int report_suffix_ok(const Indicator *ind, char cSuf){
  switch( cSuf ){
    case 0:   return 1;
    case '/': case '=': return ind->eUnit!=IU_COUNT;
    case '%': return ind->eUnit==IU_PERCENT;
    case '~': return ind->eUnit==IU_AVERAGE;
    case '^': return ind->eUnit==IU_COUNT;
    case '-': return ind->eUnit==IU_PERCENT;
    default:  return 0;
  }
}

/* Every brace of a kind's report sentences names one of its indicators,
** with a suffix the indicator has a value for, or one of its states; every
** optional segment (and each wording of one, '|' apart) has a figure. */
static int report_text_ok(const Kind *k, char *zErr, int nErr){
  const ReportText *t = k->pReport;
  if( t==0 ) return 0;
  if( t->zSection==0 || t->azSentence[0]==0 ){ snprintf(zErr, (size_t)nErr, "%s: report text without section or sentence", k->zName); return 1; }
  for(int i=0; i<10 && t->azSentence[i]; i++){
    const char *z = t->azSentence[i], *zEnd;
    ReportFig f;
    int nFig = 0;
    for(const char *a; (a = report_brace(z, &f, &zEnd))!=0; z = zEnd){
      const Indicator *ind = f.zInd[0] ? kind_indicator(k, f.zInd) : 0;
      int bOk;
      if( f.bBad ) bOk = 0;
      else if( f.bYear ) bOk = 1;
      else if( f.zState[0] ) bOk = kind_state(k, f.zState) && (f.zInd[0]==0 || (ind && ind->eUnit==IU_COUNT));
      else bOk = ind && report_suffix_ok(ind, f.cSuffix) && (f.zUnit[0]==0 || ind->eUnit==IU_AVERAGE);
      if( !bOk ){
        snprintf(zErr, (size_t)nErr, "%s: report sentence %d: bad figure %.*s", k->zName, i+1, (int)(zEnd-a), a);
        return 1;
      }
      if( !f.bYear ) nFig++;
    }
    if( strchr(t->azSentence[i], '}') && nFig==0 ){
      snprintf(zErr, (size_t)nErr, "%s: report sentence %d: stray brace", k->zName, i+1);
      return 1;
    }
    /* optional segments: "[…]" or "[…|…]", not nested, each wording with a figure of its own */
    const char *zOpen = 0, *zPart = 0;
    int bInBrace = 0;
    for(const char *q=t->azSentence[i]; *q; q++){
      if( *q=='{' ) bInBrace = 1;
      else if( *q=='}' ) bInBrace = 0;
      if( bInBrace ) continue;
      if( (*q=='[' && zOpen) || (*q==']' && !zOpen) ){
        snprintf(zErr, (size_t)nErr, "%s: report sentence %d: unbalanced [ ]", k->zName, i+1);
        return 1;
      }
      if( *q=='|' && !zOpen ){
        snprintf(zErr, (size_t)nErr, "%s: report sentence %d: '|' outside an optional segment", k->zName, i+1);
        return 1;
      }
      if( *q=='[' ){
        zOpen = zPart = q;
      }else if( *q=='|' || *q==']' ){
        const char *b = strchr(zPart, '{');
        if( b==0 || b>q ){
          snprintf(zErr, (size_t)nErr, "%s: report sentence %d: optional segment without a figure", k->zName, i+1);
          return 1;
        }
        if( *q=='|' && zPart!=zOpen ){
          snprintf(zErr, (size_t)nErr, "%s: report sentence %d: more than two wordings in a segment", k->zName, i+1);
          return 1;
        }
        zPart = q;
        if( *q==']' ) zOpen = 0;
      }
    }
    if( zOpen ){
      snprintf(zErr, (size_t)nErr, "%s: report sentence %d: unbalanced [ ]", k->zName, i+1);
      return 1;
    }
  }
  return 0;
}

static const char *reserved[] = { "id", "dept_id", "state", "created_at", "updated_at", "unit_id", 0 };

int field_is_int(const Field *f){
  return f->eType==FT_INT || f->eType==FT_BOOL || f->eType==FT_REF || f->eType==FT_DEPT || f->eType==FT_MONEY;
}

/* Everything the declaration rules ask of one kind, its strings read. */
static int kind_check(const Kind *k, char *zErr, int nErr){
#define FAIL(...) do{ snprintf(zErr, (size_t)nErr, __VA_ARGS__); return 1; }while(0)
  if( !ident_ok(k->zName) ) FAIL("bad kind name %s", k->zName);
  for(const Field *f=k->aField; f->zName; f++){
    if( !ident_ok(f->zName) ) FAIL("%s: bad field name %s", k->zName, f->zName);
    for(int r=0; reserved[r]; r++) if( strcmp(reserved[r], f->zName)==0 ) FAIL("%s.%s: reserved", k->zName, f->zName);
    for(const Field *g=k->aField; g<f; g++) if( strcmp(g->zName, f->zName)==0 ) FAIL("%s.%s twice", k->zName, f->zName);
    if( f->eType==FT_ENUM && (f->aEnum==0 || f->aEnum[0].zId==0) ) FAIL("%s.%s: enum without values", k->zName, f->zName);
    if( f->eType==FT_REF && kind_find(f->zRef)==0 ) FAIL("%s.%s: unknown ref %s", k->zName, f->zName, f->zRef ? f->zRef : "");
    if( !states_ok(k, f->zReqIn) ) FAIL("%s.%s: zReqIn names an undeclared state", k->zName, f->zName);
    if( (f->flags & F_AUTO) && (f->flags & F_REQ || f->zReqIn) ) FAIL("%s.%s: a field the system sets cannot be required of the user", k->zName, f->zName);
    if( (f->flags & F_PAST) && f->eType!=FT_DATE ) FAIL("%s.%s: F_PAST on a non-date", k->zName, f->zName);
    if( f->zNotAbove && (f->eType!=FT_INT || !kind_field(k, f->zNotAbove) || kind_field(k, f->zNotAbove)->eType!=FT_INT) )
      FAIL("%s.%s: zNotAbove needs two integer fields", k->zName, f->zName);
    if( f->zOtherParty && f->eType!=FT_TEXT )
      FAIL("%s.%s: zOtherParty is for a text field (a department alone is FT_DEPT)", k->zName, f->zName);
    if( f->zNumbering && (f->eType!=FT_TEXT || !(f->flags & F_UNIQUE) || !strstr(f->zNumbering, "{n}")) )
      FAIL("%s.%s: zNumbering needs a unique text field and a pattern with {n}", k->zName, f->zName);
    if( (f->flags & F_YEAR) && f->eType!=FT_DATE && !(f->eType==FT_INT && k->pVersion) )
      FAIL("%s.%s: a year field is a date, or the year of a versioned catalog", k->zName, f->zName);
    /* a reference by code would not say which year's version it means */
    if( f->eType==FT_REF && kind_find(f->zRef) && kind_find(f->zRef)->pVersion ) FAIL("%s.%s: refers to a versioned catalog", k->zName, f->zName);
    /* the rules against other records (rules.c) */
    if( (f->flags & F_OWN) && f->eType!=FT_REF ) FAIL("%s.%s: F_OWN on a non-reference", k->zName, f->zName);
    if( f->eType==FT_ENUM ){
      for(const EnumVal *e=f->aEnum; e->zId; e++){
        if( e->zVia && strcmp(e->zVia, "scan")!=0 ) FAIL("%s.%s: unknown zVia %s", k->zName, f->zName, e->zVia);
      }
    }
    if( f->zNeeds ){
      const char *eq = strchr(f->zNeeds, '=');
      char zN[64];
      size_t n = eq ? (size_t)(eq - f->zNeeds) : 0;
      if( n==0 || n>=sizeof zN ) FAIL("%s.%s: zNeeds is not field=value", k->zName, f->zName);
      memcpy(zN, f->zNeeds, n); zN[n] = 0;
      if( !kind_field(k, zN) ) FAIL("%s.%s: zNeeds names an unknown field", k->zName, f->zName);
    }
    if( f->pRoster ){
      const Roster *p = f->pRoster;
      const Kind *kr = kind_find(p->zKind);
      if( f->eType!=FT_TEXT || !kr ) FAIL("%s.%s: a roster is a text field naming a known register", k->zName, f->zName);
      const Field *fk = kind_field(kr, p->zKey), *fu = kind_field(kr, p->zUntil);
      if( !fk || !(fk->flags & F_UNIQUE) || !kind_field(kr, p->zName) || !fu || fu->eType!=FT_DATE )
        FAIL("%s.%s: roster key, name or until field wrong", k->zName, f->zName);
      if( p->zEnumField && (!kind_field(kr, p->zEnumField) || !enum_label(kind_field(kr, p->zEnumField), p->zEnumValue)) )
        FAIL("%s.%s: roster enum condition wrong", k->zName, f->zName);
      if( p->zRecuse && (!kind_field(kr, p->zRecuse) || !p->zAgainst || !kind_field(k, p->zAgainst)
                         || kind_field(k, p->zAgainst)->eType!=FT_REF) )
        FAIL("%s.%s: roster recusal wrong", k->zName, f->zName);
      if( p->nMin<1 || !p->zWhat ) FAIL("%s.%s: roster needs nMin and zWhat", k->zName, f->zName);
    }
  }
  if( k->pLimit ){
    const Field *fr = kind_field(k, k->pLimit->zRef), *fw = kind_field(k, k->pLimit->zReason), *fy = kind_year_field(k);
    const Field *fm = fr && fr->eType==FT_REF ? kind_field(kind_find(fr->zRef), k->pLimit->zMax) : 0;
    if( !fr || !fm || fm->eType!=FT_INT || !fw || !fy || fy->eType!=FT_DATE || !k->pLimit->zBasis )
      FAIL("%s: a yearly limit needs a reference, its integer cap, a reason field, a date year field and a basis", k->zName);
  }
  if( k->pInForce ){
    const Field *ff = kind_field(k, k->pInForce->zFrom), *ft = kind_field(k, k->pInForce->zTo);
    if( !ff || ff->eType!=FT_DATE || !ft || ft->eType!=FT_DATE || kind_year_field(k) )
      FAIL("%s: in force between two date fields, and no year field", k->zName);
  }
  if( k->pVersion ){
    const Field *fy = kind_year_field(k), *fc = kind_field(k, k->pVersion->zChange);
    if( !fy || fy->eType!=FT_INT ) FAIL("%s: a versioned catalog needs an integer F_YEAR field", k->zName);
    if( !fc || fc->eType!=FT_ENUM || !enum_label(fc, k->pVersion->zCarried) ) FAIL("%s: bad version change field", k->zName);
    for(int c=0; c<4 && k->pVersion->azClear[c]; c++)
      if( !kind_field(k, k->pVersion->azClear[c]) ) FAIL("%s: version clears unknown %s", k->zName, k->pVersion->azClear[c]);
    int bKey = 0;
    for(const Field *f=k->aField; f->zName; f++) if( f->flags & F_UNIQUE ) bKey = 1;
    if( !bKey ) FAIL("%s: a versioned catalog needs a unique field to know its items across years", k->zName);
  }
  if( k->aTrans ){
    for(const Transition *t=k->aTrans; t->zId; t++){
      if( !states_ok(k, t->zFrom) || !kind_state(k, t->zTo) ) FAIL("%s/%s: undeclared state", k->zName, t->zId);
      if( t->zStamp ){
        const Field *f = kind_field(k, t->zStamp);
        if( !f || f->eType!=FT_DATE ) FAIL("%s/%s: stamp is not a date field", k->zName, t->zId);
      }
    }
  }
  if( k->aDeadline ){
    for(const Deadline *d=k->aDeadline; d->zName; d++){
      const Field *fs = kind_field(k, d->zStart), *fd = kind_field(k, d->zDone);
      if( !fs || fs->eType!=FT_DATE ) FAIL("%s/%s: start is not a date field", k->zName, d->zName);
      if( !fd || fd->eType!=FT_DATE ) FAIL("%s/%s: done is not a date field", k->zName, d->zName);
      if( d->zLengthField && (!kind_field(k, d->zLengthField) || kind_field(k, d->zLengthField)->eType!=FT_INT) )
        FAIL("%s/%s: length field is not an integer", k->zName, d->zName);
      if( d->eUnit==PU_ONDATE ){
        if( d->nLength || d->zLengthField || d->zExtFlag || d->zOnDate || d->zDeemed || d->bMinimum )
          FAIL("%s/%s: a due date has no length", k->zName, d->zName);
      }else if( d->nLength<=0 && !d->zLengthField ) FAIL("%s/%s: no length", k->zName, d->zName);
      if( (d->zExtWhen || d->bExtFromEnd || d->zExtBasis) && !d->zExtFlag ) FAIL("%s/%s: extension rules without an extension", k->zName, d->zName);
      if( !d->zDeemed != !d->zDeemedAs || !d->zDeemed != !d->zDeemedBasis ) FAIL("%s/%s: a deemed start needs its name and basis", k->zName, d->zName);
      if( d->zExtWhen && !d->zExtFlag ) FAIL("%s/%s: zExtWhen without an extension", k->zName, d->zName);
      if( d->zOnDate && (!kind_field(k, d->zOnDate) || kind_field(k, d->zOnDate)->eType!=FT_DATE) )
        FAIL("%s/%s: zOnDate is not a date field", k->zName, d->zName);
      if( d->zOnDate && !d->zLengthField ) FAIL("%s/%s: zOnDate needs a length field to fall back on", k->zName, d->zName);
      if( d->zDeemed ){
        const Deadline *p = kind_deadline(k, d->zDeemed);
        /* one step only, counted in working or calendar days (the SQL joins follow it) */
        if( !p || p==d || p->zDeemed || p->zOnDate || p->bMinimum || p->zLengthField || p->zExtFlag || p->zWhen
         || (p->eUnit!=PU_WORKDAYS && p->eUnit!=PU_DAYS) )
          FAIL("%s/%s: zDeemed must name a plain working- or calendar-day period", k->zName, d->zName);
        if( d->zOnDate || d->bMinimum ) FAIL("%s/%s: a deemed start on a due date or minimum", k->zName, d->zName);
      }
      if( d->bMinimum && d->eUnit!=PU_DAYS && d->eUnit!=PU_WORKDAYS ) FAIL("%s/%s: a minimum in days or working days only", k->zName, d->zName);
      if( d->bMinimum && (d->zExtFlag || d->zOnDate) ) FAIL("%s/%s: a minimum has no extension or due date", k->zName, d->zName);
      if( d->zExtFlag && (!kind_field(k, d->zExtFlag) || kind_field(k, d->zExtFlag)->eType!=FT_BOOL) )
        FAIL("%s/%s: extension flag is not a bool", k->zName, d->zName);
      if( !states_ok(k, d->zActiveIn) ) FAIL("%s/%s: undeclared state", k->zName, d->zName);
      if( d->zBasis==0 ) FAIL("%s/%s: no legal basis", k->zName, d->zName);
      int nMode[3] = { 0, 0, 0 };
      for(const Pause *p=d->aPause; p && p->zLabel; p++){
        const Field *ff = kind_field(k, p->zFrom), *ft = kind_field(k, p->zTo);
        if( !ff || ff->eType!=FT_DATE || !ft || ft->eType!=FT_DATE || ff==ft )
          FAIL("%s/%s: pause %s needs two date fields", k->zName, d->zName, p->zLabel);
        if( (p->eMode!=PM_SUSPEND && p->eMode!=PM_RESTART) || nMode[p->eMode]++ )
          FAIL("%s/%s: at most one suspension and one restart", k->zName, d->zName);
        if( p->zBasis==0 ) FAIL("%s/%s: pause %s has no basis", k->zName, d->zName, p->zLabel);
        if( d->bMinimum || d->eUnit==PU_ONDATE ) FAIL("%s/%s: a minimum or due date has no pause", k->zName, d->zName);
        /* the SQL counts one suspension of a plain period in days or working days (deadline.c) */
        if( p->eMode==PM_SUSPEND && (d->eUnit==PU_MONTHS || d->bExtFromEnd) )
          FAIL("%s/%s: a suspension in days or working days, extension from the start", k->zName, d->zName);
        if( p->eMode==PM_RESTART && d->zDeemed ) FAIL("%s/%s: a restart of a deemed-start period", k->zName, d->zName);
      }
      if( d->zDeemed ){
        const Deadline *pd = kind_deadline(k, d->zDeemed);
        if( pd && deadline_pause(pd, PM_SUSPEND) ) FAIL("%s/%s: the deemed period may restart, not be suspended", k->zName, d->zName);
      }
      /* a 地方规定 replaces the length and unit (prule.c): not a length a
      ** record gives, a deemed start or a due date a person sets */
      if( d->bLocal && (d->zLengthField || d->zOnDate || d->zDeemed || d->eUnit==PU_ONDATE) )
        FAIL("%s/%s: a local rule replaces a plain length only", k->zName, d->zName);
    }
  }
  if( report_text_ok(k, zErr, nErr) ) return 1;
  if( k->zTrend && kind_indicator(k, k->zTrend)==0 ){
    snprintf(zErr, (size_t)nErr, "%s: zTrend names no indicator: %s", k->zName, k->zTrend);
    return 1;
  }
  if( k->aSpawn ){
    for(const Spawn *s=k->aSpawn; s->zTrans; s++){
      const Kind *kt = kind_find(s->zKind);
      const Field *fl = kind_field(k, s->zLines);
      if( !kind_trans(k, s->zTrans) || !kt || !fl || fl->eType!=FT_LONGTEXT ) FAIL("%s: bad spawn on %s", k->zName, s->zTrans);
      if( s->zWhen ){
        const char *eq = strchr(s->zWhen, '=');
        char zF[64];
        snprintf(zF, sizeof zF, "%.*s", eq ? (int)(eq - s->zWhen) : 0, s->zWhen);
        if( !eq || !kind_field(k, zF) ) FAIL("%s: spawn on %s: bad condition %s", k->zName, s->zTrans, s->zWhen);
      }
      for(const SpawnSet *v=s->aSet; v->zField; v++){
        if( strcmp(v->zField, "dept_id")!=0 && !kind_field(kt, v->zField) ) FAIL("%s: spawn sets unknown %s.%s", k->zName, kt->zName, v->zField);
        if( v->zValue[0]!='=' && v->zValue[0]!='@' && !kind_field(k, v->zValue) ) FAIL("%s: spawn reads unknown field %s", k->zName, v->zValue);
      }
    }
  }
  if( k->aBreakdown ){
    for(const Breakdown *b=k->aBreakdown; b->zIndicator; b++){
      const Field *f = b->zBy ? kind_field(k, b->zBy) : 0;
      const Indicator *bi = kind_indicator(k, b->zIndicator);
      if( !bi ) FAIL("%s: breakdown of unknown indicator %s", k->zName, b->zIndicator);
      /* groups are summed row by row: no distinct counts, no sides elsewhere */
      int bDtype = 0;
      for(const Cond *cd=bi->num.aCond; cd->zOp; cd++) if( cd->eOp==CO_DTYPE || cd->eOp==CO_OWN ) bDtype = 1;
      for(const Cond *cd=bi->den.aCond; cd->zOp; cd++) if( cd->eOp==CO_DTYPE || cd->eOp==CO_OWN ) bDtype = 1;
      if( bi->num.eAgg==AGG_DISTINCT || bi->den.eAgg==AGG_DISTINCT || bi->num.zKind || bi->den.zKind || bDtype )
        FAIL("%s: breakdown of %s, which is not a sum over rows", k->zName, b->zIndicator);
      if( b->zBy && (!f || f->eType==FT_LONGTEXT || f->eType==FT_DATE) ) FAIL("%s: breakdown by %s", k->zName, b->zBy);
    }
  }
  if( k->aIndicator ){
    for(const Indicator *ind=k->aIndicator; ind->zName; ind++){
      if( ind->zYearField && (!kind_field(k, ind->zYearField) || kind_field(k, ind->zYearField)->eType!=FT_DATE) )
        FAIL("%s/%s: year field is not a date", k->zName, ind->zName);
      const Expr *ax[2] = { &ind->num, &ind->den };
      for(int e=0; e<2; e++){
        if( e==1 && ind->eUnit==IU_COUNT ) continue;
        const Expr *x = ax[e];
        if( x->zKind && strcmp(x->zKind, IND_DEPTS)==0 ){
          /* departments: counted, by dtype only, as a denominator (they have no list of records) */
          if( x->eAgg!=AGG_COUNT || e==0 ) FAIL("%s/%s: departments are counted, as a denominator", k->zName, ind->zName);
          for(const Cond *c=x->aCond; c->zOp; c++)
            if( strcmp(c->zField, "dtype")!=0 || c->eOp!=CO_EQ || c->aValue.n==0 )
              FAIL("%s/%s: departments by dtype only", k->zName, ind->zName);
          continue;
        }
        const Kind *kx = x->zKind ? kind_find(x->zKind) : k;   /* the side's fields are that kind's */
        if( kx==0 ) FAIL("%s/%s: side over unknown kind %s", k->zName, ind->zName, x->zKind);
        if( x->eAgg==AGG_SUM && (!kind_field(kx, x->zField) || (x->zMinus && !kind_field(kx, x->zMinus))) )
          FAIL("%s/%s: bad sum field", k->zName, ind->zName);
        if( x->eAgg==AGG_DISTINCT && !kind_field(kx, x->zField) && strcmp(x->zField, "dept_id")!=0 ) FAIL("%s/%s: bad distinct field", k->zName, ind->zName);
        for(const Cond *c=x->aCond; c->zOp; c++){
          if( c->eOp==CO_STATE ){
            if( c->aValue.n==0 ) FAIL("%s/%s: state without states", k->zName, ind->zName);
            for(int j=0; j<c->aValue.n; j++)
              if( !kind_state(kx, c->aValue.az[j]) ) FAIL("%s/%s: bad state %s", k->zName, ind->zName, c->aValue.az[j]);
          }else if( c->eOp==CO_DTYPE || c->eOp==CO_OWN ){
            if( c->eOp==CO_DTYPE && c->aValue.n==0 ) FAIL("%s/%s: dtype without types", k->zName, ind->zName);
            for(const Cond *d=x->aCond; d->zOp; d++)
              if( d->eOp==CO_ONTIME || d->eOp==CO_LATE ) FAIL("%s/%s: dtype is SQL only, no periods beside it", k->zName, ind->zName);
          }else if( c->eOp==CO_ONTIME || c->eOp==CO_LATE ){
            if( !kind_deadline(kx, c->zField) ) FAIL("%s/%s: unknown deadline %s", k->zName, ind->zName, c->zField);
            if( x->eAgg==AGG_DISTINCT ) FAIL("%s/%s: a distinct count is SQL only, no periods", k->zName, ind->zName);
          }else{
            const Field *f = kind_field(kx, c->zField);
            if( !f ) FAIL("%s/%s: unknown field %s", k->zName, ind->zName, c->zField);
            if( c->eOp==CO_YEAR && f->eType!=FT_INT ) FAIL("%s/%s: a year condition needs an integer field", k->zName, ind->zName);
            if( c->eOp==CO_SETIF && (!kind_field(kx, c->zValue) || kind_field(kx, c->zValue)->eType!=FT_BOOL) )
              FAIL("%s/%s: setif needs a bool field, not %s", k->zName, ind->zName, c->zValue ? c->zValue : "");
            if( (c->eOp==CO_EQ || c->eOp==CO_NE) && c->aValue.n==0 ) FAIL("%s/%s: %s %s without values", k->zName, ind->zName, f->zName, c->zOp);
            if( (c->eOp==CO_LE || c->eOp==CO_GE) && (c->zValue==0 || c->zValue[0]==0 || strspn(c->zValue, "-0123456789")!=strlen(c->zValue)) )
              FAIL("%s/%s: %s %s needs a whole number", k->zName, ind->zName, f->zName, c->zOp);
            for(int j=0; f->eType==FT_ENUM && j<c->aValue.n; j++)
              if( !enum_label(f, c->aValue.az[j]) ) FAIL("%s/%s: %s has no value %s", k->zName, ind->zName, f->zName, c->aValue.az[j]);
            for(int j=0; f->eType==FT_BOOL && j<c->aValue.n; j++)
              if( strcmp(c->aValue.az[j], "1")!=0 && strcmp(c->aValue.az[j], "0")!=0 )
                FAIL("%s/%s: %s is 1 or 0, not %s", k->zName, ind->zName, f->zName, c->aValue.az[j]);
          }
        }
      }
    }
  }
  return 0;
#undef FAIL
}

int kind_selfcheck(const Kind *k, char *zErr, int nErr){
  return kind_compile(k, zErr, nErr) || kind_check(k, zErr, nErr);
}

int registry_selfcheck(char *zErr, int nErr){
  registry_compile();
  if( zCompileErr[0] ){ snprintf(zErr, (size_t)nErr, "%s", zCompileErr); return 1; }
  for(int i=0; i<N_KIND; i++){
    if( i>0 && strcmp(aKind[i-1]->zName, aKind[i]->zName)>=0 ){
      snprintf(zErr, (size_t)nErr, "aKind[] not sorted at %s", aKind[i]->zName);
      return 1;
    }
    if( kind_check(aKind[i], zErr, nErr) ) return 1;
  }
  return 0;
}
