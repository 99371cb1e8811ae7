/*
** src/report/extract.c — the figures of a report written by people (last
** year's, published as plain text), each with the words before it and the
** sentence it came from, and the places where they contradict each other:
**
**   a rate that no pair of the counts beside it gives ("270件，已办结214件，
**   法定期限结案率100%": 214/270 is 79.3%);
**   parts that add up to more than their whole ("调解案件28件，主动调解18件，
**   依申请调解12件": 18+12 = 30).
**
** Only figures written in digits count, followed by a unit (件, 项, %, 万元 …);
** years, document numbers and article numbers have no such unit. Nothing
** here touches the database: report_extract() reads text, the caller
** stores or prints what it finds.
*/
#include "report/extract.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

/* Units a figure can carry, longest first where one begins another. */
static const char *const azUnit[] = {
  "万元", "人次", "场次", "学时", "小时", "%", "％",
  "件", "项", "个", "人", "次", "份", "条", "名", "场", "期", "篇", "家", "户",
  "支", "台", "张", "起", "批", "处", "卷", "所", "元", "天", 0
};
/* Clause marks: a figure's label runs back to the nearest one. */
static const char *const azMark[] = { "，", "、", "；", "：", "。", "（", "）", "(", ")", ",", ";", ":", "\n", 0 };
/* Sentence ends. */
static const char *const azEnd[] = { "。", "；", "！", "？", ";", "\n", 0 };
/* Words between a label and its number that say nothing of what is counted. */
static const char *const azFiller[] = { "达到", "达", "为", "共计", "共", "累计", "约", "近", "超过", "突破", "总数为", "总数", 0 };

static int starts(const char *z, const char *zWord){ return strncmp(z, zWord, strlen(zWord))==0; }
static int ends_with(const char *z, size_t n, const char *zWord){
  size_t m = strlen(zWord);
  return n>=m && memcmp(z+n-m, zWord, m)==0;
}
static const char *one_of(const char *z, const char *const *az){
  for(int i=0; az[i]; i++) if( starts(z, az[i]) ) return az[i];
  return 0;
}

static void push_fig(Arena *a, Extract *x, const XFigure *f){
  x->aFig = arena_grow(a, x->aFig, x->nFig, &x->nFigAlloc, sizeof *x->aFig);
  x->aFig[x->nFig++] = *f;
}
static void push_finding(Arena *a, Extract *x, XFindingKind e, int iFig, const char *zMsg){
  x->aFinding = arena_grow(a, x->aFinding, x->nFinding, &x->nFindingAlloc, sizeof *x->aFinding);
  x->aFinding[x->nFinding++] = (XFinding){ e, iFig, zMsg };
}

/* The label of a figure whose number starts at zNum, within the sentence
** starting at zSent: back to the nearest clause mark, fillers dropped. */
static const char *label_before(Arena *a, const char *zSent, const char *zNum, int *piLabel){
  const char *p = zNum;
  while( p>zSent ){
    const char *q = p-1;
    while( q>zSent && ((unsigned char)*q & 0xC0)==0x80 ) q--;    /* one character back */
    if( one_of(q, azMark) ) break;
    p = q;
  }
  size_t n = (size_t)(zNum-p);
  for(int bMore=1; bMore; ){
    bMore = 0;
    for(int i=0; azFiller[i]; i++){
      if( ends_with(p, n, azFiller[i]) ){ n -= strlen(azFiller[i]); bMore = 1; break; }
    }
  }
  *piLabel = (int)(p - zSent);              /* before 其中, which belongs to the list */
  if( starts(p, "其中") && n>=strlen("其中") ){ p += strlen("其中"); n -= strlen("其中"); }
  return arena_strndup(a, p, n);
}

/* Two labels name the same thing in part: they share two characters in a row. */
static int share_two(const char *zA, const char *zB){
  for(const char *p=zA; *p; ){
    int n1 = (*p & 0x80) ? ((*p & 0xE0)==0xC0 ? 2 : (*p & 0xF0)==0xE0 ? 3 : 4) : 1;
    if( (int)strlen(p) < n1 ) break;
    if( p[n1]==0 ) break;
    int n2 = (p[n1] & 0x80) ? ((p[n1] & 0xE0)==0xC0 ? 2 : (p[n1] & 0xF0)==0xE0 ? 3 : 4) : 1;
    if( (int)strlen(p+n1) < n2 ) break;       /* a cut character at the end */
    char z[16];
    if( n1+n2 < (int)sizeof z ){
      memcpy(z, p, (size_t)(n1+n2));
      z[n1+n2] = 0;
      if( n1+n2>=4 && strstr(zB, z) ) return 1;       /* two CJK characters (or more than ASCII pairs) */
    }
    p += n1;
  }
  return 0;
}

/* The figures of one sentence. */
static void scan_sentence(Arena *a, Extract *x, const char *zSent, int iSent){
  for(const char *p=zSent; *p; ){
    if( !(*p>='0' && *p<='9') ){ p++; continue; }
    const char *zNum = p;
    int bDot = 0;
    while( (*p>='0' && *p<='9') || (*p=='.' && !bDot && p[1]>='0' && p[1]<='9') ){ if( *p=='.' ) bDot = 1; p++; }
    const char *zAfter = p;
    double v = atof(zNum);
    int nDec = 0;
    const char *dot = memchr(zNum, '.', (size_t)(zAfter-zNum));
    if( dot ) nDec = (int)(zAfter-dot-1);
    if( zNum>zSent && (zNum[-1]=='.' || (zNum[-1]>='0' && zNum[-1]<='9')) ) continue;
    int bApprox = 0;
    const char *q = zAfter;
    if( starts(q, "万") && !starts(q, "万元") ){ v *= 10000; q += strlen("万"); }
    else if( starts(q, "千") ){ v *= 1000; q += strlen("千"); }
    if( starts(q, "余") ){ bApprox = 1; q += strlen("余"); }
    else if( starts(q, "多") ){ bApprox = 1; q += strlen("多"); }
    const char *zUnit = one_of(q, azUnit);
    if( zUnit==0 ) continue;
    if( strcmp(zUnit, "％")==0 ) zUnit = "%";
    int iLabel = 0;
    const char *zLabel = label_before(a, zSent, zNum, &iLabel);
    if( ends_with(zLabel, strlen(zLabel), "约") || ends_with(zLabel, strlen(zLabel), "近") ) bApprox = 1;
    XFigure f = { v, arena_strndup(a, zNum, (size_t)(zAfter-zNum)), nDec, zUnit, bApprox, zLabel, iSent,
                  (int)(q + strlen(zUnit) - zSent), iLabel };
    push_fig(a, x, &f);
    p = q + strlen(zUnit);
  }
}

static int is_count(const XFigure *f){
  return strcmp(f->zUnit, "%")!=0 && strcmp(f->zUnit, "万元")!=0 && strcmp(f->zUnit, "元")!=0;
}

static int exact_counts(const Extract *x, int iFirst, int iEnd){
  int n = 0;
  for(int i=iFirst; i<iEnd; i++) if( is_count(&x->aFig[i]) && !x->aFig[i].bApprox ) n++;
  return n;
}

/* A stated rate against every ordered pair of the counts beside it: its
** sentence's, or the sentence before when its own has fewer than two
** ("实际划转256项。划转率78.8%"). */
static void check_rate(Arena *a, Extract *x, int iFig, int iFirst, int iEnd, int iPrevFirst){
  const XFigure *r = &x->aFig[iFig];
  if( r->bApprox ) return;
  if( exact_counts(x, iFirst, iEnd)<2 ){
    if( iPrevFirst<0 || exact_counts(x, iPrevFirst, iFirst)<2 ) return;   /* nothing to set it against */
    iEnd = iFirst;
    iFirst = iPrevFirst;
  }
  long long scale = 1;
  for(int i=0; i<r->nDec && i<6; i++) scale *= 10;
  if( r->v * (double)scale >= 9e15 ) return;     /* no rate is that large: not a figure to check */
  long long want = (long long)(r->v * (double)scale + 0.5);
  char zList[400];
  int n = 0;
  zList[0] = 0;
  for(int i=iFirst; i<iEnd; i++){
    const XFigure *fa = &x->aFig[i];
    if( !is_count(fa) || fa->bApprox ) continue;
    if( n < (int)sizeof zList - 80 ){             /* room for one more; the rest is left out whole */
      n += snprintf(zList+n, sizeof zList - (size_t)n, "%s%s%s", n ? "、" : "", fa->zNum, fa->zUnit);
    }
    for(int j=iFirst; j<iEnd; j++){
      const XFigure *fb = &x->aFig[j];
      if( j==i || !is_count(fb) || fb->bApprox || fb->v<=0 ) continue;
      double q = fa->v / fb->v * 100.0 * (double)scale;
      if( q >= 9e15 ) continue;                      /* far beyond any stated rate */
      if( (long long)(q + 0.5)==want ) return;       /* some pair gives it (rounded half up) */
    }
  }
  push_finding(a, x, XF_RATE, iFig, arena_printf(a, "“%s%s%%”无法由%s的数字（%s）得出：其中任何两个数之比都不是%s%%",
                                                   r->zLabel, r->zNum, x->aFig[iFirst].iSentence==r->iSentence ? "同句" : "上一句",
                                                   zList, r->zNum));
}

/* A whole followed by its parts — named like the whole ("调解案件28件，
** 主动调解18件，依申请调解12件"), or listed with 、 after 其中 — whose sum
** is larger than it. Parts of a different unit end the list. */
static void check_sum(Arena *a, Extract *x, int iFig, int iEnd, const char *zSent){
  const XFigure *w = &x->aFig[iFig];
  if( !is_count(w) || w->bApprox ) return;
  int iPart = iFig+1;
  if( iPart>=iEnd ) return;
  /* "其中" between the whole and its first part, or every part shares words with the whole */
  int bWhere = 0;
  if( x->aFig[iPart].iLabel >= w->iEnd ){
    size_t nEnd = (size_t)x->aFig[iPart].iLabel + strlen("其中"), nSent = strlen(zSent);
    if( nEnd > nSent ) nEnd = nSent;
    char *zBetween = arena_strndup(a, zSent + w->iEnd, nEnd - (size_t)w->iEnd);
    bWhere = strstr(zBetween, "其中")!=0;
  }
  double sum = 0;
  int n = 0;
  for(int i=iPart; i<iEnd; i++){
    const XFigure *f = &x->aFig[i];
    if( strcmp(f->zUnit, w->zUnit)!=0 || f->bApprox ) break;
    /* listed with 、 after 其中: the mark just before this part's label */
    int iL = f->iLabel;
    int bListed = bWhere && (i==iPart || (iL >= (int)strlen("、") && starts(zSent + iL - strlen("、"), "、")));
    if( !bListed && !share_two(w->zLabel, f->zLabel) ) break;
    sum += f->v;
    n++;
  }
  if( n<2 || sum <= w->v + 1e-9 ) return;
  push_finding(a, x, XF_SUM, iFig, arena_printf(a, "“%s%s%s”的%d个分项之和为%g%s，大于总数",
                                                  w->zLabel, w->zNum, w->zUnit, n, sum, w->zUnit));
}

int report_extract(Arena *a, const char *zText, Extract *x){
  memset(x, 0, sizeof *x);
  /* sentences */
  int nAlloc = 0;
  const char *zStart = zText;
  for(const char *p=zText; ; ){
    const char *zE = *p ? one_of(p, azEnd) : "";
    if( zE ){
      size_t n = (size_t)(p-zStart);
      while( n && (*zStart==' ' || *zStart=='\t' || *zStart=='\r') ){ zStart++; n--; }
      if( n ){
        x->azSentence = arena_grow(a, (void*)x->azSentence, x->nSentence, &nAlloc, sizeof *x->azSentence);
        x->azSentence[x->nSentence++] = arena_strndup(a, zStart, n);
      }
      if( *p==0 ) break;
      p += strlen(zE);
      zStart = p;
    }else{
      p++;
    }
  }
  int iPrevFirst = -1;
  for(int s=0; s<x->nSentence; s++){
    int iFirst = x->nFig;
    scan_sentence(a, x, x->azSentence[s], s);
    int iEnd = x->nFig;
    for(int i=iFirst; i<iEnd; i++){
      if( strcmp(x->aFig[i].zUnit, "%")==0 ) check_rate(a, x, i, iFirst, iEnd, iPrevFirst);
      else check_sum(a, x, i, iEnd, x->azSentence[s]);
    }
    if( iEnd>iFirst ) iPrevFirst = iFirst;     /* the last sentence with figures */
    else iPrevFirst = -1;                      /* a sentence without figures breaks the chain */
  }
  return 0;
}
