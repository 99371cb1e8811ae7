/*
** src/report/baseline.c — last year's report, written by people, as the
** baseline of a county that started using fazhi this year: its figures
** (extract.c) matched to the indicators by what the sentence calls them,
** each kept with the sentence it came from. Year on year ({ind^}),
** 近年变化 and the workbook take a year's baseline figure over its records.
**
** Matching: a figure's label (the words before it in its clause) is set
** against each indicator's names — its label, its label with its kind's,
** and the names people use for it (Indicator.zAlias) — by the share of a
** name's two-character pieces found in the label; a rate only with a
** rate, a count only with a count, heads (人, 名) not with bodies (支, 个). The
** best pairs go first, each figure
** and each indicator used once. Approximate figures (6500余条) are not a
** baseline.
*/
#include "report/report_int.h"
#include "engine/kinddef.h"
#include "report/extract.h"
#include "io/table.h"
#include "base/utf8.h"
#include "audit/audit.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

#define MIN_SCORE 0.75

/* The UTF-8 characters of z as offsets (at most nMax). */
static int chars(const char *z, int *aOff, int nMax){
  int n = 0;
  for(int i=0; z[i] && n<nMax; i++) if( ((unsigned char)z[i] & 0xC0)!=0x80 ) aOff[n++] = i;
  return n;
}

/* The share of zName's two-character pieces that occur in zLabel. */
static double coverage(const char *zName, const char *zLabel){
  int a[64];
  int n = chars(zName, a, 63);
  if( n<2 ) return 0;
  a[n] = (int)strlen(zName);
  int nHit = 0;
  for(int i=0; i+1<n; i++){
    char zBi[32];
    int len = a[i+2<=n ? i+2 : n] - a[i];
    if( len<=0 || len>=(int)sizeof zBi ) continue;
    memcpy(zBi, zName+a[i], (size_t)len);
    zBi[len] = 0;
    if( strstr(zLabel, zBi) ) nHit++;
  }
  return (double)nHit / (double)(n-1);
}

/* How well one of the indicator's names fits the label; *pnChar the
** length of that name in characters, *pbAlias whether it is one of the
** names people use for it (zAlias). */
static double best_score(Arena *a, const Kind *k, const Indicator *ind, const char *zLabel, int *pnChar, int *pbAlias){
  int aOff[64];
  const char *zBest = ind->zLabel;
  double s = coverage(ind->zLabel, zLabel);
  const char *zFull = ind_full_label(a, k, ind);
  double t = coverage(zFull, zLabel);
  if( t>s ){ s = t; zBest = zFull; }
  *pbAlias = 0;
  if( ind->zAlias ){
    char z[512];
    snprintf(z, sizeof z, "%s", ind->zAlias);
    for(char *zSave=0, *p=strtok_r(z, "|", &zSave); p; p=strtok_r(0, "|", &zSave)){
      t = coverage(p, zLabel);
      if( t>s || (t==s && !*pbAlias && t>0) ){ s = t; zBest = arena_strdup(a, p); *pbAlias = 1; }
    }
  }
  *pnChar = chars(zBest, aOff, 63);
  return s;
}

static int is_rate_unit(const char *z){ return strcmp(z, "%")==0 || strcmp(z, "％")==0; }
static int is_money_unit(const char *z){ return strcmp(z, "万元")==0 || strcmp(z, "元")==0; }

typedef struct Cand { int iFig; const Kind *k; const Indicator *ind; double score; int nChar, iSeq; } Cand;
/* best first; on a tie the longer name (完成审计项目 before 审计项目), then
** the order found (figures in reading order, indicators as declared) */
static int cand_cmp(const void *x, const void *y){
  const Cand *a = x, *b = y;
  if( a->score!=b->score ) return a->score>b->score ? -1 : 1;
  if( a->nChar!=b->nChar ) return b->nChar - a->nChar;
  return a->iSeq - b->iSeq;
}

/* A figure that can stand as last year's: not glued to a thousands
** separator ("4,885" is read as 885), a count no larger than any county's. */
static int plausible(const XFigure *g, const char *zSentence){
  if( g->v>1e9 || g->v<0 ) return 0;
  const char *zAt = strstr(zSentence, g->zNum);
  while( zAt ){
    if( zAt>zSentence && (zAt[-1]==',' || zAt[-1]=='.') && zAt-1>zSentence && zAt[-2]>='0' && zAt[-2]<='9' ) return 0;
    zAt = strstr(zAt+1, g->zNum);
  }
  return 1;
}

/* The action a count's name says, against the one its figure follows:
** 受理 (received) is not 化解、完成、办结、调结 (done). */
static int verb_clash(const Indicator *ind, const char *zLabel){
  static const char *const azDone[] = { "化解", "完成", "办结", "调结", "审结", "结案", "任务", 0 };
  if( ind->eUnit!=IU_COUNT || strstr(ind->zLabel, "受理")==0 ) return 0;
  for(int i=0; azDone[i]; i++) if( strstr(zLabel, azDone[i]) ) return 1;
  return 0;
}

/* Whether a unit counts heads (人, 名, 位) or bodies and places (支, 个, 家,
** 所, 处): 979人 is not a number of teams. 0 for the rest — 人次, 次, 件 and
** "件（人）次" may each stand for the same tally of services. */
static int unit_class(const char *z){
  static const char *const azHeads[] = { "人", "名", "位", 0 };
  static const char *const azBodies[] = { "支", "个", "家", "所", "处", 0 };
  if( strncmp(z, "人次", strlen("人次"))==0 ) return 0;
  for(int i=0; azHeads[i]; i++) if( strncmp(z, azHeads[i], strlen(azHeads[i]))==0 ) return 1;
  for(int i=0; azBodies[i]; i++) if( strncmp(z, azBodies[i], strlen(azBodies[i]))==0 ) return 2;
  return 0;
}
/* The unit the kind's own report sentence puts after a count ("{members}人"). */
static int ind_unit_class(const Kind *k, const Indicator *ind){
  if( k->pReport==0 ) return 0;
  char zTok[80];
  snprintf(zTok, sizeof zTok, "{%s}", ind->zName);
  for(int j=0; j<10 && k->pReport->azSentence[j]; j++){
    const char *z = strstr(k->pReport->azSentence[j], zTok);
    if( z ) return unit_class(z + strlen(zTok));
  }
  return 0;
}

int baseline_import(Ctx *c, int iYear, const char *zText, Baseline *pOut){
  memset(pOut, 0, sizeof *pOut);
  if( !actor_can_write(c->pActor) ) return FZ_FORBIDDEN;
  if( iYear<2000 || iYear>2999 ){ err_add(c, 0, 0, "年度“%d”无效：应为四位数的年份", iYear); return FZ_INVALID; }
  if( zText==0 || strlen(zText)<20 ){ err_add(c, 0, 0, "没有收到报告全文：请粘贴上年度法治政府建设情况报告的文字"); return FZ_INVALID; }
  if( strlen(zText)>2000000 ){ err_add(c, 0, 0, "报告全文超过2 MB：请只粘贴报告正文"); return FZ_INVALID; }
  Utf8Bad bad;
  if( utf8_check(zText, strlen(zText), UTF8_TAB|UTF8_LF|UTF8_CR, &bad) ){
    /* its sentences are kept: only valid text (src/base/utf8.h) */
    char zWhy[200];
    err_add(c, 0, 0, "报告全文含有%s：请从网页或Word中复制文字后粘贴，或先另存为UTF-8", utf8_bad_text(&bad, zWhy, sizeof zWhy));
    return FZ_INVALID;
  }
  Extract x;
  if( report_extract(c->pArena, zText, &x) ){ err_add(c, 0, 0, "无法读取这份报告的文字（应为UTF-8纯文本）"); return FZ_INVALID; }
  /* every (figure, indicator) pair worth considering */
  int nCand = 0, nAlloc = 0;
  Cand *aCand = 0;
  const Kind *aK[64];
  int nK = kinds_in_scope(c->pActor ? c->pActor->zDeptPath : 0, aK, 64);
  for(int f=0; f<x.nFig; f++){
    const XFigure *g = &x.aFig[f];
    if( g->bApprox || g->zLabel==0 || g->zLabel[0]==0 || is_money_unit(g->zUnit) ) continue;
    if( !plausible(g, x.azSentence[g->iSentence]) ) continue;
    for(int i=0; i<nK; i++){
      if( aK[i]->aIndicator==0 ) continue;
      for(const Indicator *ind=aK[i]->aIndicator; ind->zName; ind++){
        if( ind->eUnit==IU_AVERAGE ) continue;
        if( (ind->eUnit==IU_PERCENT)!=is_rate_unit(g->zUnit) ) continue;
        if( ind->eUnit==IU_COUNT && strchr(g->zNum, '.') ) continue;     /* a count is whole: 1.6万件 is not 1.6 */
        if( ind->eUnit==IU_COUNT ){                                       /* heads with heads, bodies with bodies */
          int a = unit_class(g->zUnit), b = ind_unit_class(aK[i], ind);
          if( a && b && a!=b ) continue;
        }
        int nChar, bAlias;
        double s = best_score(c->pArena, aK[i], ind, g->zLabel, &nChar, &bAlias);
        if( s<MIN_SCORE ) continue;
        /* a name of its own (已办结, 发现问题), not one people use for this
        ** very thing, only where the sentence is about the kind */
        if( (!bAlias || nChar<4) && coverage(aK[i]->zLabel, x.azSentence[g->iSentence])<0.6 ) continue;
        /* what was done must agree: 化解、完成 are not 受理 */
        if( verb_clash(ind, g->zLabel) ) continue;
        aCand = arena_grow(c->pArena, aCand, nCand, &nAlloc, sizeof *aCand);
        aCand[nCand] = (Cand){ f, aK[i], ind, s, nChar, nCand };
        nCand++;
      }
    }
  }
  if( nCand ) qsort(aCand, (size_t)nCand, sizeof(Cand), cand_cmp);
  pOut->iYear = iYear;
  pOut->a = arena_alloc(c->pArena, sizeof(BaseFig)*(size_t)(nCand+1));
  char *bFigUsed = arena_alloc(c->pArena, (size_t)x.nFig+1);
  memset(bFigUsed, 0, (size_t)x.nFig+1);
  for(int i=0; i<nCand; i++){
    const Cand *p = &aCand[i];
    if( bFigUsed[p->iFig] ) continue;
    int bIndUsed = 0;
    for(int j=0; j<pOut->n && !bIndUsed; j++) bIndUsed = pOut->a[j].ind==p->ind;
    if( bIndUsed ) continue;
    bFigUsed[p->iFig] = 1;
    const XFigure *g = &x.aFig[p->iFig];
    BaseFig *b = &pOut->a[pOut->n++];
    b->k = p->k;
    b->ind = p->ind;
    b->zValue = g->zNum;
    b->v = g->v;
    b->zUnit = g->zUnit;
    b->zLabel = g->zLabel;
    b->zSentence = x.azSentence[g->iSentence];
  }
  pOut->nFig = x.nFig;
  pOut->azFinding = arena_alloc(c->pArena, sizeof(char*)*(size_t)(x.nFinding+2));
  if( strstr(zText, arena_printf(c->pArena, "%d年", iYear))==0 ){
    pOut->azFinding[pOut->nFinding++] = arena_printf(c->pArena,
        "报告全文中没有出现“%d年”：请确认这是%d年度的报告", iYear, iYear);
  }
  for(int i=0; i<x.nFinding; i++) pOut->azFinding[pOut->nFinding++] = x.aFinding[i].zMsg;

  /* stored whole or not at all, replacing that year's */
  i64 iScope = report_scope(c);
  if( db_begin_write(c->pDb) ) return err_internal(c, "baseline: %s", db_errmsg(c->pDb));
  int rc;
  const char *zKey = arena_printf(c->pArena, "%lld/%d", (long long)iScope, iYear);
  const char *zBefore = audit_rows(c, "baseline_report", zKey);
  if( zBefore==0 ) goto db_fail;
  if( store_baseline_put(c, iScope, pOut, zText) ) goto db_fail;
  if( audit_rows_log(c, "baseline_import", "baseline_report", zKey, iYear, zBefore) ) goto db_fail;
  if( db_commit(c->pDb) ) goto db_fail;
  return FZ_OK;
db_fail:
  rc = err_internal(c, "baseline: %s", db_errmsg(c->pDb));
  db_rollback(c->pDb);
  return rc;
}

int baseline_load(Ctx *c, int iYear, Baseline *pOut){
  return store_baseline_get(c, report_scope(c), iYear, pOut);
}

const BaseFig *baseline_find(const Baseline *b, const Kind *k, const Indicator *ind){
  for(int i=0; i<b->n; i++) if( b->a[i].k==k && b->a[i].ind==ind ) return &b->a[i];
  return 0;
}

int baseline_drop(Ctx *c, int iYear, const char *zKind, const char *zInd){
  if( !actor_can_write(c->pActor) ) return FZ_FORBIDDEN;
  const Kind *k = zKind ? kind_find(zKind) : 0;
  if( k==0 || zInd==0 || kind_indicator(k, zInd)==0 ) return FZ_NOTFOUND;
  i64 iScope = report_scope(c);
  if( db_begin_write(c->pDb) ) return err_internal(c, "baseline: %s", db_errmsg(c->pDb));
  int rc;
  const char *zKey = arena_printf(c->pArena, "%lld/%d", (long long)iScope, iYear);
  const char *zBefore = audit_rows(c, "baseline_report", zKey);
  if( zBefore==0 ) goto db_fail;
  rc = store_baseline_drop(c, iScope, iYear, zKind, zInd);
  if( rc<0 ){ db_rollback(c->pDb); return FZ_NOTFOUND; }
  if( rc ) goto db_fail;
  if( audit_rows_log(c, "baseline_drop", "baseline_report", zKey, iYear, zBefore) ) goto db_fail;
  if( db_commit(c->pDb) ) goto db_fail;
  return FZ_OK;
db_fail:
  rc = err_internal(c, "baseline: %s", db_errmsg(c->pDb));
  db_rollback(c->pDb);
  return rc;
}
