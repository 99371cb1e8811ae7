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
#include <string.h>
#include <stdio.h>

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

/* A count: the numerator of v (or its denominator when bDen), linked to
** the records it counts. */
void run_count(Report *p, const IndValue *v, int bDen){
  if( v->pInd==0 ) return;              /* an indicator that failed: p->rc is set */
  Run *r = run_add(p, RUN_FIG,
                   arena_printf(p->pCtx->pArena, "%lld", bDen ? v->den : v->num));
  /* a side over another kind lists that kind's records; departments have no list */
  const Kind *kSide = ind_side_kind(v->pKind, bDen ? &v->pInd->den : &v->pInd->num);
  if( kSide==0 ){ r->eType = RUN_TEXT; return; }
  r->zKind = kSide->zName;
  r->zInd = ind_list_param(p->pCtx, v->pKind, v->pInd, bDen);
  r->bDen = bDen;
}

/* The value of a rate or average ("96.4%", "3.5"), linked to its numerator. */
void run_value(Report *p, const IndValue *v){
  if( v->pInd==0 ) return;
  Run *r = run_add(p, RUN_FIG, arena_strdup(p->pCtx->pArena, v->zText));
  r->zKind = v->pKind->zName;
  r->zInd = v->pInd->zName;
}

/* "96.4%（2331/2418）": a rate is never printed without its two counts. */
void run_rate(Report *p, const IndValue *v){
  run_value(p, v);
  run_text(p, "（");
  run_count(p, v, 0);
  run_text(p, "/");
  run_count(p, v, 1);
  run_text(p, "）");
}

void run_rate_in(Report *p, const IndValue *v, const char *zParam, const char *zValue){
  Run *pLast = p->pCur ? p->pCur->pLast : 0;
  if( v->pInd->eUnit==IU_COUNT ) run_count(p, v, 0); else run_rate(p, v);
  for(Run *r = pLast ? pLast->pNext : p->pCur->pFirst; r; r = r->pNext){
    if( r->eType==RUN_FIG ){ r->zParam = zParam; r->zParamValue = zValue; }
  }
}

/* A count derived from several indicators, linked to the records of kind
** in zState (the list page's state filter shows exactly those records). */
void run_state_count(Report *p, const char *zKind, const char *zState, long long n){
  Run *r = run_add(p, RUN_FIG, arena_printf(p->pCtx->pArena, "%lld", n));
  r->zKind = zKind;
  r->zState = zState;
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

/* The whole document, drafted before anything is rendered. */
static int compose(Ctx *pCtx, int iYear, Report *r){
  if( iYear<1900 || iYear>2999 ) return err_internal(pCtx, "report: bad year %d", iYear);
  memset(r, 0, sizeof *r);
  r->pCtx = pCtx;
  r->iYear = iYear;
  r->doc.iYear = iYear;
  fig_settings(r);
  if( r->rc==FZ_OK ) text_compose(r);
  return r->rc;
}

/* The report as a .docx file at zPath (docx.c). */
int report_docx(Ctx *pCtx, int iYear, const char *zPath){
  Report r;
  int rc = compose(pCtx, iYear, &r);
  if( rc ) return rc;
  if( docx_render(&r.doc, zPath) ) return err_internal(pCtx, "report_docx: writing %s failed", zPath);
  return FZ_OK;
}

int report_write(Ctx *pCtx, int iYear, const char *zFormat, Buf *pOut){
  int bHtml;
  if( zFormat && strcmp(zFormat, "html")==0 ) bHtml = 1;
  else if( zFormat && strcmp(zFormat, "md")==0 ) bHtml = 0;
  else return err_internal(pCtx, "report_write: unknown format %s", zFormat ? zFormat : "(null)");
  Report r;
  int rc = compose(pCtx, iYear, &r);
  if( rc ) return rc;
  if( bHtml ) html_render(&r.doc, pOut); else md_render(&r.doc, pOut);
  return FZ_OK;
}
