/*
** src/report/declared.c — the report sentences a kind declares (its
** ReportText, kind.h): figures in braces become linked figure runs, a
** sentence with nothing to say is left out, and so is an optional segment
** in square brackets whose counts are all 0; the kinds naming one
** section share one subsection of chapter 一 (REPORT_SEC_DUTY: paragraphs
** at the head of chapter 二, without a lead-in).
**
** text.c writes the subsections whose wording needs arithmetic across
** indicators (the 复议 counts that must add up); it calls
** declared_section() at the end of such a subsection so that declared
** sentences of the same section join it, and declared_rest() after them
** for every section still unwritten.
*/
#include "report/report_int.h"
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

/* Whether a sentence (its optional segments aside) has something to say:
** its first figure a count above 0, no empty rate or average, and last
** year's count for a year-on-year figure. With bAny (an optional segment):
** some count above 0 or some rate, and nothing empty. */
static int figures_say(Report *p, const Kind *k, const char *zTpl, int bAny){
  const char *z = zTpl, *zEnd;
  char zName[64], cSuf;
  int nFig = 0, bSome = 0;
  for(const char *a; (a = report_brace(z, zName, sizeof zName, &cSuf, &zEnd))!=0; z = zEnd){
    if( strcmp(zName, "year")==0 ) continue;
    IndValue v;
    if( fig_get(p, k->zName, zName, &v) ) return 0;
    if( (cSuf=='%' || cSuf=='~') && v.bEmpty ) return 0;
    if( cSuf=='^' ){
      IndValue w;
      int bSame;
      if( fig_last_year(p, k->zName, zName, &w, &bSame) || w.num<=0 || w.num>1000000000LL ) return 0;
    }
    long long n = cSuf=='/' ? v.den : v.num;
    if( cSuf!=0 && cSuf!='/' ) bSome = 1;
    else if( n ) bSome = 1;
    if( nFig++==0 && !bAny && (cSuf==0 || cSuf=='/') && n==0 ) return 0;
  }
  return bAny ? bSome : 1;
}
static int has_figure(const char *z){
  const char *zEnd;
  char zName[64], cSuf;
  for(const char *a; (a = report_brace(z, zName, sizeof zName, &cSuf, &zEnd))!=0; z = zEnd){
    if( strcmp(zName, "year")!=0 ) return 1;
  }
  return 0;
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
    if( figures_say(p, k, arena_strndup(a, o+1, (size_t)(e-o-1)), 1) ) return 1;
  }
  return 0;
}

static void part_write(Report *p, const Kind *k, const char *zTpl){
  const char *z = zTpl, *zEnd;
  char zName[64], cSuf;
  Arena *a = p->pCtx->pArena;
  for(const char *b; (b = report_brace(z, zName, sizeof zName, &cSuf, &zEnd))!=0; z = zEnd){
    if( b>z ) run_text(p, arena_printf(a, "%.*s", (int)(b-z), z));
    if( strcmp(zName, "year")==0 ){ run_text(p, arena_printf(a, "%d", p->iYear)); continue; }
    if( run_figure(p, k, zName, cSuf) ) return;
  }
  if( *z ) run_text(p, arena_strdup(a, z));
}

/* The sentence, each optional segment written only when it has something
** to say: "其中行政执法事项{enforcement}项[、涉企事项{enterprise}项]" never
** says "涉企事项0项". In a run of adjacent segments the first one written
** drops a leading 、 ("[新增{added}项][、调整{modified}项]" → 调整3项). */
static void sentence_write(Report *p, const Kind *k, const char *zTpl){
  Arena *a = p->pCtx->pArena;
  const char *z = zTpl;
  int bRunWritten = 0;
  for(const char *o; (o = strchr(z, '['))!=0 && strchr(o, ']'); ){
    const char *e = strchr(o, ']');
    int bRunGoesOn = o==z && z!=zTpl && z[-1]==']';
    if( !bRunGoesOn ) bRunWritten = 0;
    if( o>z ) part_write(p, k, arena_strndup(a, z, (size_t)(o-z)));
    const char *zSeg = arena_strndup(a, o+1, (size_t)(e-o-1));
    if( figures_say(p, k, zSeg, 1) ){
      if( bRunGoesOn && !bRunWritten && strncmp(zSeg, "、", strlen("、"))==0 ) zSeg += strlen("、");
      part_write(p, k, zSeg);
      bRunWritten = 1;
    }
    z = e+1;
  }
  if( *z ) part_write(p, k, z);
}

/* The kinds with report text, in the order of chapter 一 (nOrder). */
static int declared_kinds(const Kind **aOut){
  const Kind *aAll[MAX_KINDS];
  int n = kinds_in_order(aAll, MAX_KINDS), m = 0;
  for(int i=0; i<n; i++) if( aAll[i]->pReport ) aOut[m++] = aAll[i];
  return m;
}

/* One paragraph per kind of section zSection with something to say. When
** bOpen is 0 the first such paragraph opens a new subsection. Returns the
** number of paragraphs written. */
int declared_section(Report *p, const char *zSection, int bOpen){
  const Kind *aK[MAX_KINDS];
  int n = declared_kinds(aK), nPara = 0;
  for(int i=0; i<n && p->rc==0; i++){
    const ReportText *t = aK[i]->pReport;
    if( strcmp(t->zSection, zSection)!=0 ) continue;
    int nSay = 0;
    for(int j=0; j<10 && t->azSentence[j]; j++) nSay += sentence_says(p, aK[i], t->azSentence[j]);
    if( nSay==0 ) continue;
    if( !bOpen && nPara==0 ){
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
    nPara++;
  }
  return nPara;
}

/* Every declared section not in azDone (NULL-terminated), in order. */
void declared_rest(Report *p, const char *const *azDone){
  const Kind *aK[MAX_KINDS];
  int n = declared_kinds(aK);
  for(int i=0; i<n && p->rc==0; i++){
    const char *zSec = aK[i]->pReport->zSection;
    int bSeen = 0;
    for(int j=0; azDone[j] && !bSeen; j++) bSeen = strcmp(azDone[j], zSec)==0;
    for(int j=0; j<i && !bSeen; j++) bSeen = strcmp(aK[j]->pReport->zSection, zSec)==0;
    if( !bSeen ) declared_section(p, zSec, 0);
  }
}
