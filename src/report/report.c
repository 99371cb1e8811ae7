/*
** src/report/report.c — report_write() and the primitives that build the
** drafted document (report_int.h): blocks, runs and the clause
** punctuation of Chinese sentences.
**
** Not here: what the report says (text.c), where figures and settings come
** from (figures.c), and how the document is written out (md.c, html.c).
** The whole document is built before a byte is rendered, so a database
** error leaves the caller's buffer untouched.
*/
#include "report/report_int.h"
#include "engine/holiday.h"
#include "engine/kinddef.h"
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

/* Append a new block of type e to the document and make it current. */
Block *doc_block(Report *p, BlockType e){
  Block *b = arena_alloc(p->pCtx->pArena, sizeof(Block));
  b->eType = e;
  if( p->doc.pLast ) p->doc.pLast->pNext = b; else p->doc.pFirst = b;
  p->doc.pLast = b;
  p->pCur = b;
  p->nClause = 0;
  p->zPend = 0;
  return b;
}

void doc_drop_last(Report *p){
  Block *pPrev = 0;
  for(Block *b=p->doc.pFirst; b && b!=p->doc.pLast; b=b->pNext) pPrev = b;
  if( pPrev ) pPrev->pNext = 0; else p->doc.pFirst = 0;
  p->doc.pLast = p->pCur = pPrev;
}

static Run *run_add(Report *p, RunType e, const char *z){
  Run *r = arena_alloc(p->pCtx->pArena, sizeof(Run));
  r->eType = e;
  r->z = z;
  if( p->pCur==0 ) doc_block(p, BLK_P);
  Block *b = p->pCur;
  if( b->pLast ) b->pLast->pNext = r; else b->pFirst = r;
  b->pLast = r;
  return r;
}

/* z must outlive the drafting: a literal or arena memory. */
void run_text(Report *p, const char *z){ run_add(p, RUN_TEXT, z); }
void run_data(Report *p, const char *z){ run_add(p, RUN_DATA, z); }
void run_lead(Report *p, const char *z){ run_add(p, RUN_LEAD, z); }
void run_note(Report *p, const char *z){ run_add(p, RUN_NOTE, z); }
void run_break(Report *p){ run_add(p, RUN_BREAK, ""); }

/* A setting's text (RUN_DATA) that a draft writes as {zName}. */
void run_setting(Report *p, const char *zName, const char *zValue){
  run_add(p, RUN_DATA, zValue)->zTok = arena_printf(p->pCtx->pArena, "{%s}", zName);
}

/* The draft token of an indicator figure: {kind.ind} + suffix. */
static const char *fig_tok(Report *p, const IndValue *v, const char *zSuffix){
  return arena_printf(p->pCtx->pArena, "{%s.%s%s}", v->pKind->zName, v->pInd->zName, zSuffix);
}

/* After the runs of a figure v whose token run is rTok: the mark ※ when a
** period it counts may reach a year whose holiday notice is not entered
** whole (holiday_ind_gap), inside the token's span, so a draft stores the
** token alone and the mark comes and goes with the calendar. */
static void fig_cal_mark(Report *p, const IndValue *v, Run *rTok){
  int y = holiday_ind_gap(p->pCtx, v->pKind, v->pInd, p->iYear);
  if( y==0 || rTok==0 ) return;
  run_add(p, RUN_NOTE, arena_printf(p->pCtx->pArena, "※%d年节假日安排未完整登记，此数可能有误", y));
  rTok->nSpan++;
}

/* A count: the numerator of v (or its denominator when bDen), linked to
** the records it counts (no mark: see run_count). */
static Run *count_run(Report *p, const IndValue *v, int bDen){
  if( v->pInd==0 ) return 0;            /* an indicator that failed: p->rc is set */
  Run *r = run_add(p, RUN_FIG,
                   ind_count_text(p->pCtx->pArena, v, bDen));
  r->zTok = fig_tok(p, v, bDen ? "/" : "");
  /* a side over another kind lists that kind's records; departments have no list */
  const Kind *kSide = ind_side_kind(v->pKind, bDen ? &v->pInd->den : &v->pInd->num);
  if( kSide==0 ){ r->eType = RUN_TEXT; return r; }
  r->zKind = kSide->zName;
  r->zInd = ind_list_param(p->pCtx, v->pKind, v->pInd, bDen);
  r->bDen = bDen;
  return r;
}
void run_count(Report *p, const IndValue *v, int bDen){
  Run *r = count_run(p, v, bDen);
  if( r ) fig_cal_mark(p, v, r);
}

/* The value of a rate or average ("96.4%", "3.5"), linked to its numerator. */
static Run *value_run(Report *p, const IndValue *v){
  Run *r = run_add(p, RUN_FIG, arena_strdup(p->pCtx->pArena, v->zText));
  r->zKind = v->pKind->zName;
  r->zInd = v->pInd->zName;
  r->zTok = fig_tok(p, v, "=");
  return r;
}
void run_value(Report *p, const IndValue *v){
  if( v->pInd==0 ) return;
  fig_cal_mark(p, v, value_run(p, v));
}

/* "96.4%（2331/2418）": a rate is never printed without its two counts. */
void run_rate(Report *p, const IndValue *v){
  if( v->pInd==0 ) return;
  Run *r = value_run(p, v);
  r->zTok = fig_tok(p, v, v->pInd->eUnit==IU_AVERAGE ? "~" : "%");
  r->nSpan = 5;
  run_text(p, "（");
  count_run(p, v, 0);
  run_text(p, "/");
  count_run(p, v, 1);
  run_text(p, "）");
  fig_cal_mark(p, v, r);
}

/* "平均申请材料3.5份（35/10）": an average with its unit, its sum and its
** count (a draft writes {kind.ind=}份（{kind.ind}/{kind.ind/}）). */
void run_average(Report *p, const IndValue *v, const char *zUnit){
  if( v->pInd==0 ) return;
  run_value(p, v);
  run_text(p, zUnit);
  run_text(p, "（");
  count_run(p, v, 0);
  run_text(p, "/");
  count_run(p, v, 1);
  run_text(p, "）");
}

void run_rate_in(Report *p, const IndValue *v, const char *zParam, const char *zValue){
  if( v->pInd==0 ) return;
  Run *pLast = p->pCur ? p->pCur->pLast : 0;
  if( v->pInd->eUnit==IU_COUNT ) run_count(p, v, 0); else run_rate(p, v);
  Run *pFirst = pLast ? pLast->pNext : p->pCur->pFirst;
  for(Run *r = pFirst; r; r = r->pNext){
    if( r->eType==RUN_FIG ){ r->zParam = zParam; r->zParamValue = zValue; }
  }
  /* {kind.ind%|dept_only=12}: the draft asks for the same group again */
  size_t n = strlen(pFirst->zTok);
  pFirst->zTok = arena_printf(p->pCtx->pArena, "%.*s|%s=%s}", (int)(n-1), pFirst->zTok, zParam,
                              tpl_tok_escape(p->pCtx->pArena, zValue));
}

/* A count derived from several indicators, linked to the records of kind
** in zState (the list page's state filter shows exactly those records,
** and a draft's {kind@state} counts them). */
void run_state_count(Report *p, const char *zKind, const char *zState, long long n){
  Run *r = run_add(p, RUN_FIG, arena_printf(p->pCtx->pArena, "%lld", n));
  r->zKind = zKind;
  r->zState = zState;
  r->zTok = arena_printf(p->pCtx->pArena, "{%s@%s}", zKind, zState);
}

/*
** The figure a brace of report text names, as runs: {ind} a count, {ind/}
** its denominator, {ind=} its value, {ind%} / {ind~} the value with both
** counts, {ind^} the change against last year (the same period of last
** year while iYear runs), {ind-} a rate's change against last year in
** percentage points. Returns 0 when written, 1 when there is nothing to
** say (no last year to compare with) or the indicator failed.
*/
int run_figure(Report *p, const Kind *k, const char *zInd, char cSuf){
  Arena *a = p->pCtx->pArena;
  IndValue v;
  if( fig_get(p, k->zName, zInd, &v) ) return 1;
  if( cSuf=='%' || cSuf=='~' ){
    run_rate(p, &v);
  }else if( cSuf=='=' ){
    run_value(p, &v);
  }else if( cSuf=='^' ){
    /* the change in tenths of a percent, rounded half up, in integers */
    IndValue w;
    int bSame;
    if( fig_last_year(p, k->zName, zInd, &w, &bSame) || w.num<=0 || w.num>1000000000LL || v.num>1000000000LL ) return 1;
    long long d = v.num - w.num, ad = d<0 ? -d : d;
    long long t = (ad*2000 + w.num) / (2*w.num);
    const char *zLast = bSame ? "上年同期" : "上年";
    const char *zChange = d==0 ? arena_printf(a, "与%s持平", zLast)
                               : arena_printf(a, "同比%s%lld.%lld%%", d<0 ? "下降" : "增长", t/10, t%10);
    char zW[32];
    if( v.pInd && ind_side_money(v.pKind, &v.pInd->num) ) money_format(w.num, zW, sizeof zW);   /* 分 → 元 */
    else snprintf(zW, sizeof zW, "%lld", (long long)w.num);
    run_text(p, arena_printf(a, "%s（%s为%s%s）", zChange, zLast, zW,
                             p->bLastFromBase ? "，据上年度报告" : ""));
    p->pCur->pLast->zTok = fig_tok(p, &v, "^");
  }else if( cSuf=='-' ){
    /* a rate against last year's, in percentage points (tenths, half up) */
    IndValue w;
    int bSame;
    if( fig_last_year(p, k->zName, zInd, &w, &bSame) || w.bEmpty || v.bEmpty ) return 1;
    long long t = llround((atof(v.zValue) - atof(w.zValue)) * 10);
    long long at = t<0 ? -t : t;
    const char *zLast = bSame ? "上年同期" : "上年";
    const char *zChange = t==0 ? arena_printf(a, "与%s持平", zLast)
                               : arena_printf(a, "较%s%s%lld.%lld个百分点", zLast, t<0 ? "下降" : "提高", at/10, at%10);
    run_text(p, arena_printf(a, "%s（%s为%s）", zChange, zLast, w.zText));
    p->pCur->pLast->zTok = fig_tok(p, &v, "-");
  }else{
    run_count(p, &v, cSuf=='/');
  }
  return 0;
}

/* ---- finishing: what a draft leaves to the renderer --------------------- */

/* A subsection's lead-in as the report prints it: "（三）依法有效化解矛盾纠纷。" */
const char *lead_numbered(Report *p, int n, const char *zHead){
  return arena_printf(p->pCtx->pArena, "（%s）%s。", fig_cn_number(p, n), zHead);
}

/* The runs of b moved to the end of a (b left empty). */
static void runs_move(Block *a, Block *b){
  if( b->pFirst==0 ) return;
  if( a->pLast ) a->pLast->pNext = b->pFirst; else a->pFirst = b->pFirst;
  a->pLast = b->pLast;
  b->pFirst = b->pLast = 0;
}

static int ends_with(const Block *b, const char *zEnd){
  if( b->pLast==0 || b->pLast->z==0 ) return 0;
  size_t n = strlen(b->pLast->z), m = strlen(zEnd);
  return n>=m && memcmp(b->pLast->z + n - m, zEnd, m)==0;
}

/*
** Number the subsections and join the points of chapter 三, so that a
** clerk's reordering renumbers them:
**   a lead-in "依法全面履行政府职能" becomes "（一）依法全面履行政府职能。",
**   counted within its chapter;
**   consecutive points become "一是…；二是…。", appended to the paragraph
**   before them when it ends with "：" (their introduction), else a
**   paragraph of their own.
** A frozen document is stored finished and is not finished again.
*/
void doc_finish(Report *p){
  Arena *a = p->pCtx->pArena;
  int nLead = 0;
  Block *pPrev = 0;
  for(Block *b=p->doc.pFirst; b; b=b->pNext){
    if( b->eType==BLK_H1 ) nLead = 0;
    for(Run *r=b->pFirst; r; r=r->pNext){
      if( r->eType==RUN_LEAD ) r->z = lead_numbered(p, ++nLead, r->z);
    }
    if( b->eType==BLK_POINT ){
      Block *pInto = pPrev && pPrev->eType==BLK_P && ends_with(pPrev, "：") ? pPrev : b;
      Block *pLast = b;
      int nPoint = 0;
      for(Block *c=b; c && c->eType==BLK_POINT; c=c->pNext){
        Block tmp = { 0 };
        Run *pNum = arena_alloc(a, sizeof(Run));
        pNum->eType = RUN_TEXT;
        pNum->z = arena_printf(a, "%s%s是", nPoint ? "；" : "", fig_cn_number(p, nPoint+1));
        tmp.pFirst = tmp.pLast = pNum;
        runs_move(&tmp, c);
        if( c!=pInto ) runs_move(pInto, &tmp);
        else { c->pFirst = tmp.pFirst; c->pLast = tmp.pLast; }
        nPoint++;
        pLast = c;
      }
      Run *pEnd = arena_alloc(a, sizeof(Run));
      pEnd->eType = RUN_TEXT;
      pEnd->z = "。";
      if( pInto->pLast ) pInto->pLast->pNext = pEnd; else pInto->pFirst = pEnd;
      pInto->pLast = pEnd;
      /* the joined points leave the list; a point that is its own paragraph stays, as a paragraph */
      if( pInto==b ){ b->eType = BLK_P; b->pNext = pLast->pNext; p->doc.pLast = b->pNext ? p->doc.pLast : b; }
      else { pPrev->pNext = pLast->pNext; if( pLast==p->doc.pLast ) p->doc.pLast = pPrev; b = pPrev; }
    }
    pPrev = b;
  }
}

/*
** Clause punctuation. clause() starts a clause: it writes the "；" owed by
** clause_semi(), or "，" after an earlier clause of the same sentence.
** sentence_end() closes a sentence that has clauses with "。". A "；" is
** therefore never followed directly by "。" when the second half of a
** sentence turns out to be empty.
*/
void clause(Report *p){
  if( p->zPend ){
    run_text(p, p->zPend);
    p->zPend = 0;
  }else if( p->nClause>0 ){
    run_text(p, "，");
  }
  p->nClause++;
}
void clause_semi(Report *p){
  if( p->nClause>0 ) p->zPend = "；";
}
void sentence_end(Report *p){
  if( p->nClause>0 ) run_text(p, "。");
  p->nClause = 0;
  p->zPend = 0;
}

/* An empty document of year iYear with the county's settings read. */
void report_init(Report *r, Ctx *pCtx, int iYear){
  memset(r, 0, sizeof *r);
  r->pCtx = pCtx;
  r->iYear = iYear;
  r->doc.iYear = iYear;
  fig_settings(r);
}

/* The whole document, drafted before anything is rendered: from the data
** (iVersion 0; bRaw leaves it as a new draft stores it: points apart,
** lead-ins unnumbered) or a stored version of that year. xFrozen, when
** given, says when the data were frozen (a freeze in progress). */
static int compose(Ctx *pCtx, int iYear, i64 iVersion, int bRaw,
                   const char *(*xFrozen)(Report*), Report *r){
  DraftVersion v;
  if( iVersion ){
    int rc = draft_load(pCtx, iVersion, &v);
    if( rc ) return rc;
    if( iYear==0 ) iYear = v.iYear;
    if( v.iYear!=iYear ) return FZ_NOTFOUND;
  }
  if( iYear<1900 || iYear>2999 ) return err_internal(pCtx, "report: bad year %d", iYear);
  report_init(r, pCtx, iYear);
  if( xFrozen && r->rc==FZ_OK ) r->zFrozen = xFrozen(r);
  if( r->rc ) return r->rc;
  if( iVersion ) return draft_compose(r, &v);
  text_compose(r);
  if( r->rc==FZ_OK && !bRaw ) doc_finish(r);
  return r->rc;
}

/* A year's report is drafted with the custom kinds' definitions in force
** at the end of that year (kind_year_lens); a stored version names its
** year, read first. */
int report_compose(Ctx *pCtx, int iYear, i64 iVersion, int bRaw,
                   const char *(*xFrozen)(Report*), Report *r){
  int iY = iYear;
  DraftVersion v;
  if( iY==0 && iVersion && draft_load(pCtx, iVersion, &v)==FZ_OK ) iY = v.iYear;
  int iLens = kind_year_lens(pCtx, iY);
  int rc = compose(pCtx, iYear, iVersion, bRaw, xFrozen, r);
  kind_year_lens(pCtx, iLens);
  return rc;
}

/* The report as a .docx file at zPath (docx.c). */
static int docx_in_lens(Ctx *pCtx, int iYear, i64 iVersion, int bAppendix, const char *zPath){
  Report r;
  int rc = report_compose(pCtx, iYear, iVersion, 0, 0, &r);
  if( rc ) return rc;
  if( bAppendix ) doc_appendix(&r);      /* the indicators as defined that year */
  if( docx_render(&r.doc, zPath) ) return err_internal(pCtx, "report_docx: writing %s failed", zPath);
  return FZ_OK;
}
int report_docx(Ctx *pCtx, int iYear, i64 iVersion, int bAppendix, const char *zPath){
  int iLens = kind_year_lens(pCtx, iYear);
  int rc = docx_in_lens(pCtx, iYear, iVersion, bAppendix, zPath);
  kind_year_lens(pCtx, iLens);
  return rc;
}

int report_write(Ctx *pCtx, int iYear, i64 iVersion, const char *zFormat, Buf *pOut){
  int bHtml, bPublic = 0, bInlay = 0;
  if( zFormat && strcmp(zFormat, "html")==0 ) bHtml = 1;
  else if( zFormat && strcmp(zFormat, "inlay")==0 ) bHtml = bInlay = 1;
  else if( zFormat && strcmp(zFormat, "public")==0 ) bHtml = bPublic = 1;
  else if( zFormat && strcmp(zFormat, "md")==0 ) bHtml = 0;
  else return err_internal(pCtx, "report_write: unknown format %s", zFormat ? zFormat : "(null)");
  Report r;
  int rc = report_compose(pCtx, iYear, iVersion, 0, 0, &r);
  if( rc ) return rc;
  if( bInlay ) html_article(&r.doc, 0, pOut);
  else if( bHtml ) html_render(&r.doc, bPublic, pOut); else md_render(&r.doc, pOut);
  return FZ_OK;
}

/* The report as one HTML document at zPath (a download of /report). */
int report_html_file(Ctx *pCtx, int iYear, i64 iVersion, const char *zPath){
  Buf b;
  buf_init(&b);
  int rc = report_write(pCtx, iYear, iVersion, "html", &b);
  if( rc==FZ_OK ){
    FILE *f = fopen(zPath, "wb");
    if( f==0 || fwrite(b.z, 1, b.n, f)!=b.n ) rc = err_internal(pCtx, "report_html_file: writing %s failed", zPath);
    if( f && fclose(f) && rc==FZ_OK ) rc = err_internal(pCtx, "report_html_file: closing %s failed", zPath);
  }
  buf_free(&b);
  return rc;
}
