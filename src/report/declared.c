/*
** src/report/declared.c — the report sentences a kind declares (its
** ReportText, kind.h): figures in braces become linked figure runs, a
** sentence with nothing to say is left out, and so is an optional segment
** in square brackets whose counts are all 0; the kinds naming one
** section share one subsection of chapter 一 (REPORT_SEC_DUTY: paragraphs
** at the head of chapter 二, without a lead-in).
**
** text.c names the sections that open chapter 一, in their order, with
** declared_section(), and then calls declared_rest() for every section
** still unwritten, in the order of the kinds.
*/
#include "report/report_int.h"
#include "engine/kinddef.h"
#include <string.h>

#define MAX_KINDS 64

/* The template without its optional segments ("[、涉企事项{enterprise}项]"). */
static const char *strip_optional(Report *p, const char *zTpl){
  if( strchr(zTpl, '[')==0 ) return zTpl;
  Buf b;
  buf_init(&b);
  for(const char *z=zTpl; *z; z++){
    if( *z=='[' ){
      const char *e = strchr(z, ']');
      if( e ){ z = e; continue; }
    }
    buf_putc(&b, *z);
  }
  const char *zOut = arena_strndup(p->pCtx->pArena, b.z ? b.z : "", b.n);
  buf_free(&b);
  return zOut;
}

/* The count a figure of a sentence stands for: a state's records (and
** *pv zeroed), or fills *pv from its indicator. Nonzero on failure (p->rc). */
static int fig_count(Report *p, const Kind *k, const ReportFig *f, IndValue *pv, long long *pn){
  if( f->zState[0] ){
    memset(pv, 0, sizeof *pv);
    return fig_state_count(p, k, f->zState, pn);
  }
  if( fig_get(p, k->zName, f->zInd, pv) ) return 1;
  *pn = f->cSuffix=='/' ? pv->den : pv->num;
  return 0;
}

/* Whether a sentence (its optional segments aside) has something to say:
** its first figure a count above 0, no empty rate or average, and last
** year's count for a year-on-year figure. With bAny (an optional segment):
** some count above 0 or some rate, and nothing empty. */
static int figures_say(Report *p, const Kind *k, const char *zTpl, int bAny){
  const char *z = zTpl, *zEnd;
  ReportFig f;
  int nFig = 0, bSome = 0;
  for(const char *a; (a = report_brace(z, &f, &zEnd))!=0; z = zEnd){
    if( f.bYear ) continue;
    IndValue v;
    long long n;
    char cSuf = f.cSuffix;
    if( fig_count(p, k, &f, &v, &n) ) return 0;
    if( (cSuf=='%' || cSuf=='~') && v.bEmpty ) return 0;
    if( cSuf=='^' ){
      IndValue w;
      int bSame;
      if( fig_last_year(p, k->zName, f.zInd, &w, &bSame) || w.num<=0 || w.num>1000000000LL ) return 0;
    }
    if( cSuf!=0 && cSuf!='/' ) bSome = 1;
    else if( n ) bSome = 1;
    if( nFig++==0 && !bAny && (cSuf==0 || cSuf=='/') && n==0 ) return 0;
  }
  return bAny ? bSome : 1;
}
static int has_figure(const char *z){
  const char *zEnd;
  ReportFig f;
  for(const char *a; (a = report_brace(z, &f, &zEnd))!=0; z = zEnd){
    if( !f.bYear ) return 1;
  }
  return 0;
}

/* Splits an optional segment's text (between its brackets) at the '|'
** outside braces: *pzFirst its usual wording, *pzAlone the wording it takes
** when the segments before it in its run are not written (NULL: none). */
static void seg_split(Report *p, const char *zSeg, const char **pzFirst, const char **pzAlone){
  int bInBrace = 0;
  *pzFirst = zSeg;
  *pzAlone = 0;
  for(const char *q=zSeg; *q; q++){
    if( *q=='{' ) bInBrace = 1;
    else if( *q=='}' ) bInBrace = 0;
    else if( *q=='|' && !bInBrace ){
      *pzFirst = arena_strndup(p->pCtx->pArena, zSeg, (size_t)(q-zSeg));
      *pzAlone = q+1;
      return;
    }
  }
}

/* A sentence says something when its fixed part does; a sentence whose
** figures are all optional ("较上年度[新增{added}项][、调整…]") when one of
** its segments does. */
static int sentence_says(Report *p, const Kind *k, const char *zTpl){
  const char *zFixed = strip_optional(p, zTpl);
  if( !figures_say(p, k, zFixed, 0) ) return 0;
  if( has_figure(zFixed) ) return 1;
  Arena *a = p->pCtx->pArena;
  for(const char *o=zTpl; (o = strchr(o, '['))!=0; o++){
    const char *e = strchr(o, ']');
    if( e==0 ) break;
    const char *zSeg, *zAlone;
    seg_split(p, arena_strndup(a, o+1, (size_t)(e-o-1)), &zSeg, &zAlone);
    if( figures_say(p, k, zSeg, 1) ) return 1;
  }
  return 0;
}

/* A figure as runs: {@state|ind} is the indicator's count when the two
** are equal, else the state's; {ind~份} the average with its unit. Nonzero
** when nothing was written (no last year to compare with, or a failure). */
static int fig_write(Report *p, const Kind *k, const ReportFig *f){
  if( f->zState[0] ){
    long long n;
    IndValue v;
    if( fig_state_count(p, k, f->zState, &n) ) return 1;
    if( f->zInd[0] ){
      if( fig_get(p, k->zName, f->zInd, &v) ) return 1;
      if( v.num==n ){ run_count(p, &v, 0); return 0; }
    }
    run_state_count(p, k->zName, arena_strdup(p->pCtx->pArena, f->zState), n);
    return 0;
  }
  if( f->zUnit[0] ){
    IndValue v;
    if( fig_get(p, k->zName, f->zInd, &v) ) return 1;
    run_average(p, &v, arena_strdup(p->pCtx->pArena, f->zUnit));
    return 0;
  }
  return run_figure(p, k, f->zInd, f->cSuffix);
}

static void part_write(Report *p, const Kind *k, const char *zTpl){
  const char *z = zTpl, *zEnd;
  ReportFig f;
  Arena *a = p->pCtx->pArena;
  for(const char *b; (b = report_brace(z, &f, &zEnd))!=0; z = zEnd){
    if( b>z ) run_text(p, arena_printf(a, "%.*s", (int)(b-z), z));
    if( f.bYear ){ run_text(p, arena_printf(a, "%d", p->iYear)); continue; }
    if( fig_write(p, k, &f) ) return;
  }
  if( *z ) run_text(p, arena_strdup(a, z));
}

/* The sentence, each optional segment written only when it has something
** to say: "其中行政执法事项{enforcement}项[、涉企事项{enterprise}项]" never
** says "涉企事项0项". In a run of adjacent segments the first one written
** takes its second wording ("[…|…]") or else drops a leading 、
** ("[新增{added}项][、调整{modified}项]" → 调整3项). */
static void sentence_write(Report *p, const Kind *k, const char *zTpl){
  Arena *a = p->pCtx->pArena;
  const char *z = zTpl;
  int bRunWritten = 0;
  for(const char *o; (o = strchr(z, '['))!=0 && strchr(o, ']'); ){
    const char *e = strchr(o, ']');
    /* a segment opening with ； begins the sentence's second half: a new run */
    int bRunGoesOn = o==z && z!=zTpl && z[-1]==']' && strncmp(o+1, "；", strlen("；"))!=0;
    if( !bRunGoesOn ) bRunWritten = 0;
    if( o>z ) part_write(p, k, arena_strndup(a, z, (size_t)(o-z)));
    const char *zSeg, *zAlone;
    seg_split(p, arena_strndup(a, o+1, (size_t)(e-o-1)), &zSeg, &zAlone);
    if( figures_say(p, k, zSeg, 1) ){
      if( bRunGoesOn && !bRunWritten ){
        if( zAlone ) zSeg = zAlone;
        else if( strncmp(zSeg, "、", strlen("、"))==0 ) zSeg += strlen("、");
      }
      part_write(p, k, zSeg);
      bRunWritten = 1;
    }
    z = e+1;
  }
  if( *z ) part_write(p, k, z);
}

/* The kinds with report text, in the order of chapter 一 (nOrder). */
static int declared_kinds(Report *p, const Kind **aOut){
  const Kind *aAll[MAX_KINDS];
  int n = kinds_in_scope(p->pCtx->pActor ? p->pCtx->pActor->zDeptPath : 0, aAll, MAX_KINDS), m = 0;
  for(int i=0; i<n; i++) if( aAll[i]->pReport ) aOut[m++] = aAll[i];
  return m;
}

/* One paragraph per kind of section zSection with something to say (a
** kind with bJoin continues the paragraph of the kind before it when that
** one wrote). When bOpen is 0 the first paragraph opens a new subsection.
** Returns the number of paragraphs written. */
int declared_section(Report *p, const char *zSection, int bOpen){
  const Kind *aK[MAX_KINDS];
  int n = declared_kinds(p, aK), nPara = 0, bPrevSaid = 0;
  for(int i=0; i<n && p->rc==0; i++){
    const ReportText *t = aK[i]->pReport;
    if( strcmp(t->zSection, zSection)!=0 ) continue;
    int nSay = 0;
    for(int j=0; j<10 && t->azSentence[j]; j++) nSay += sentence_says(p, aK[i], t->azSentence[j]);
    int bJoined = t->bJoin && bPrevSaid;
    bPrevSaid = nSay>0;
    if( nSay==0 ) continue;
    if( bJoined ){
      /* the paragraph of the kind before goes on */
    }else if( !bOpen && nPara==0 ){
      p->nSub++;
      doc_block(p, BLK_P);
      run_lead(p, zSection);
      if( t->zIntro ) run_text(p, t->zIntro);
    }else{
      doc_block(p, BLK_P);
      if( t->zIntro ) run_text(p, t->zIntro);
    }
    for(int j=0; j<10 && t->azSentence[j]; j++){
      if( sentence_says(p, aK[i], t->azSentence[j]) ) sentence_write(p, aK[i], t->azSentence[j]);
    }
    if( !bJoined ) nPara++;
  }
  return nPara;
}

/* Every declared section not in azDone (NULL-terminated), in order. */
void declared_rest(Report *p, const char *const *azDone){
  const Kind *aK[MAX_KINDS];
  int n = declared_kinds(p, aK);
  for(int i=0; i<n && p->rc==0; i++){
    const char *zSec = aK[i]->pReport->zSection;
    int bSeen = 0;
    for(int j=0; azDone[j] && !bSeen; j++) bSeen = strcmp(azDone[j], zSec)==0;
    for(int j=0; j<i && !bSeen; j++) bSeen = strcmp(aK[j]->pReport->zSection, zSec)==0;
    if( !bSeen ) declared_section(p, zSec, 0);
  }
}
