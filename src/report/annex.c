/*
** src/report/annex.c — 附件：报告数字的统计口径, the Word report's
** appendix (switched on by the caller): every indicator whose figures the
** finished document states, in the order first stated, with how it is
** counted (ind_define) — the trace of a printed figure to its query.
*/
#include "report/report_int.h"
#include <string.h>

#define MAX_USED 400

/* The indicator behind a figure: its link names the list kind and the
** "ind" parameter ("name", or "kind.name" for a side over another kind). */
static const Indicator *fig_indicator(const Run *r, const Kind **pk){
  char zKind[64], zInd[130];
  zKind[0] = zInd[0] = 0;
  if( r->zHref ){
    /* a frozen document: /k/KIND?year=Y&ind=IND&part=… */
    const char *s = r->zHref, *q = strchr(s, '?'), *i = strstr(s, "&ind=");
    if( strncmp(s, "/k/", 3)!=0 || q==0 || i==0 || q-s-3>=(long)sizeof zKind ) return 0;
    memcpy(zKind, s+3, (size_t)(q-s-3));
    zKind[q-s-3] = 0;
    i += 5;
    size_t n = strcspn(i, "&");
    if( n>=sizeof zInd ) return 0;
    memcpy(zInd, i, n);
    zInd[n] = 0;
  }else if( r->zKind && r->zInd ){
    if( strlen(r->zKind)>=sizeof zKind || strlen(r->zInd)>=sizeof zInd ) return 0;
    memcpy(zKind, r->zKind, strlen(r->zKind)+1);
    memcpy(zInd, r->zInd, strlen(r->zInd)+1);
  }else{
    return 0;
  }
  char *d = strchr(zInd, '.');
  const Kind *k = kind_find(d ? (*d = 0, zInd) : zKind);
  const Indicator *ind = k ? kind_indicator(k, d ? d+1 : zInd) : 0;
  *pk = k;
  return ind;
}

void doc_appendix(Report *p){
  const Kind *aK[MAX_USED];
  const Indicator *aI[MAX_USED];
  int n = 0;
  for(const Block *b=p->doc.pFirst; b; b=b->pNext){
    for(const Run *r=b->pFirst; r; r=r->pNext){
      if( r->eType!=RUN_FIG ) continue;
      const Kind *k = 0;
      const Indicator *ind = fig_indicator(r, &k);
      if( ind==0 ) continue;
      int bSeen = 0;
      for(int i=0; i<n && !bSeen; i++) bSeen = aI[i]==ind;
      if( !bSeen && n<MAX_USED ){ aK[n] = k; aI[n] = ind; n++; }
    }
  }
  if( n==0 ) return;
  Arena *a = p->pCtx->pArena;
  doc_block(p, BLK_ANNEX);
  run_text(p, "附件");
  doc_block(p, BLK_TITLE);
  run_text(p, "报告数字的统计口径");
  doc_block(p, BLK_P);
  run_text(p, arena_printf(a, "报告中的数字均由系统按下列口径从记录中计算（注明“据上年度报告”的除外）：按“统计年度依据”所列的日期或年度字段归入%d年，"
                              "“不分年度”的按当前在册的记录计算；比率、平均数按分子、分母计算。", p->iYear));
  for(int i=0; i<n; i++){
    IndDef d;
    ind_define(p->pCtx, aK[i], aI[i], &d);
    doc_block(p, BLK_P);
    run_text(p, arena_printf(a, "%d．%s·%s：%s。%s：%s", i+1, aK[i]->zLabel, aI[i]->zLabel, d.zMethod,
                             d.zDen ? "分子" : aI[i]->num.eAgg==AGG_SUM ? "求和对象" : "计数对象", d.zNum));
    if( d.zDen ) run_text(p, arena_printf(a, "；分母：%s", d.zDen));
    run_text(p, arena_printf(a, "；统计年度依据：%s。", d.zYear));
    if( d.zHelp ){
      size_t m = strlen(d.zHelp);
      int bStop = m>=3 && (strcmp(d.zHelp+m-3, "。")==0 || strcmp(d.zHelp+m-3, "）")==0);
      run_text(p, arena_printf(a, "说明：%s%s", d.zHelp, bStop ? "" : "。"));
    }
  }
}
