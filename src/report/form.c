/*
** src/report/form.c — the report editor's form, read into the paragraphs
** of a version (draft_from_form). The page that posts it is
** web/report_draft.c; draft_save stores what this returns.
**
** The form: for each paragraph i (0 ≤ i < n) t_i its type, x_i its text
** with tokens (the editor's script posts it) or c_i its text with 〔名称〕
** markers (the textarea without the script; read by draft_from_cn),
** o_i its place (a number; 3.5 goes between 3 and 4), s_i a point's
** state, k_i its key, del_i to delete it; rows nt_j/nx_j (or nc_j)/no_j (j < nn)
** add paragraphs; pa_j/pk_j/px_j (j < np) are the points the data
** proposed since, pa_j ticked to join them. A paragraph left empty is
** deleted; a newline inside one starts a new paragraph (in the title: a
** line break). A deleted point is kept as dropped so the data does not
** propose it again.
*/
#include "report/report_int.h"
#include <string.h>
#include <stdlib.h>

/* Text typed into a textarea: CR LF as LF, tabs as blanks, and blank
** lines and blanks at both ends gone. */
static char *clean_text(Arena *a, const char *z){
  char *o = arena_strdup(a, z ? z : ""), *w = o;
  for(const char *s=o; *s; s++) if( *s!='\r' ) *w++ = *s=='\t' ? ' ' : *s;
  *w = 0;
  while( w>o && (w[-1]=='\n' || w[-1]==' ' || w[-1]=='\t') ) *--w = 0;
  char *s = o;
  while( *s=='\n' || *s==' ' || *s=='\t' ) s++;
  return s;
}

/* A paragraph with the place the form gave it; iSeq keeps ties in order. */
typedef struct Row { double pos; int iSeq; DraftPara p; } Row;
static int row_cmp(const void *a, const void *b){
  const Row *x = a, *y = b;
  if( x->pos!=y->pos ) return x->pos<y->pos ? -1 : 1;
  return x->iSeq - y->iSeq;
}

typedef struct Form {
  Ctx *c;
  const char *(*xGet)(void*, const char*);
  void *pArg;
} Form;
/* The field zPrefix_i ("x_3"), NULL when absent. */
static const char *get(Form *f, const char *zPrefix, int i){
  return f->xGet(f->pArg, arena_printf(f->c->pArena, "%s_%d", zPrefix, i));
}

/* A whole number of the form (as req_param_int reads it): iDefault when
** absent, empty, not a number or beyond ±10⁹. */
static int get_int(Form *f, const char *zName, int iDefault){
  const char *z = f->xGet(f->pArg, zName);
  if( z==0 || z[0]==0 ) return iDefault;
  char *zEnd = 0;
  long v = strtol(z, &zEnd, 10);
  if( *zEnd || v<-1000000000L || v>1000000000L ) return iDefault;
  return (int)v;
}

/* The paragraphs of the form, kept or deleted, sorted by their places:
** *pm of them in *pa. Returns 0, or -1 with *pzBad when the form is
** incomplete. A place that is not a number is a user error (the row stays
** where it was). */
static int read_rows(Form *f, const DraftVersion *v, Row **pa, int *pm, const char **pzBad){
  Ctx *c = f->c;
  int n = get_int(f, "n", -1), nNew = get_int(f, "nn", 0);
  if( n<0 || n>5000 || nNew<0 || nNew>100 ){ *pzBad = "表单不完整，请刷新页面后重试"; return -1; }
  Row *a = arena_alloc(c->pArena, sizeof(Row)*(size_t)(n+nNew+1));
  int m = 0;
  for(int i=0; i<n+nNew; i++){
    int bNew = i>=n;
    int j = bNew ? i-n : i;
    const char *zT = get(f, bNew ? "nt" : "t", j);
    const char *zX = get(f, bNew ? "nx" : "x", j);
    const char *zC = get(f, bNew ? "nc" : "c", j);    /* the text in Chinese (〔〕 markers), cn.c */
    const char *zO = get(f, bNew ? "no" : "o", j);
    if( zC ) zX = zC;
    if( zT==0 || zX==0 ){
      *pzBad = arena_printf(c->pArena, "表单不完整（缺少%s第%d段），请刷新页面后重试", bNew ? "新增段落的" : "", j+1);
      return -1;
    }
    const char *zS = bNew ? "" : get(f, "s", j);
    const char *zK = bNew ? "" : get(f, "k", j);
    int bDel = !bNew && get(f, "del", j)!=0;
    const char *zText = clean_text(c->pArena, zX);
    if( bNew && zText[0]==0 ) continue;
    if( zC ){
      const char *zWhere = bNew ? arena_printf(c->pArena, "新增段落%d", j+1) : arena_printf(c->pArena, "第%d段", i+1);
      draft_from_cn(c, zText, strcmp(zT, "chart")==0, zWhere, &zText);
    }
    char *zEnd = 0;
    double pos = zO && zO[0] ? strtod(zO, &zEnd) : (double)(bNew ? n+1 : i+1);
    if( zEnd && (*zEnd || pos!=pos) ){
      /* kept where it was, so nothing she typed is lost when the page comes back */
      err_add(c, 0, 0, "%s的序号“%s”不是数字", bNew ? "新增段落" : arena_printf(c->pArena, "第%d段", i+1), zO);
      pos = bNew ? n+1 : i+1;
    }
    Row *w = &a[m];
    w->pos = pos;
    w->iSeq = i;
    w->p.zType = zT;
    w->p.zKey = zK ? zK : "";
    w->p.zState = zS ? zS : "";
    w->p.zTpl = zText;
    if( bDel || zText[0]==0 ){
      if( strcmp(zT, "point")!=0 || w->p.zKey[0]==0 ) continue;      /* gone */
      w->p.zState = "dropped";
      if( zText[0]==0 && !bNew ) w->p.zTpl = j<v->nPara ? v->aPara[j].zTpl : "";
    }
    m++;
  }
  qsort(a, (size_t)m, sizeof(Row), row_cmp);
  *pa = a;
  *pm = m;
  return 0;
}

/* The proposed points ticked to join, put after the last point of
** chapter 三 (or its heading). */
static int add_proposals(Form *f, Row **pa, int *pm, const char **pzBad){
  Ctx *c = f->c;
  Row *a = *pa;
  int m = *pm;
  int nProp = get_int(f, "np", 0);
  if( nProp<0 || nProp>500 ){ *pzBad = "表单不完整，请刷新页面后重试"; return -1; }
  Row *aIn = arena_alloc(c->pArena, sizeof(Row)*(size_t)(m+nProp+1));
  int iAt = m;
  for(int i=0; i<m; i++){
    if( strcmp(a[i].p.zType, "point")==0 ) iAt = i+1;
    else if( iAt==m && strcmp(a[i].p.zType, "h1")==0 && strncmp(a[i].p.zTpl, "三、", strlen("三、"))==0 ) iAt = i+1;
  }
  int mb = 0;
  for(int i=0; i<=m; i++){
    if( i==iAt ){
      for(int j=0; j<nProp; j++){
        if( get(f, "pa", j)==0 ) continue;
        const char *zK = get(f, "pk", j);
        const char *zX = get(f, "px", j);
        if( zK==0 || zX==0 ){ *pzBad = "表单不完整，请刷新页面后重试"; return -1; }
        aIn[mb].p.zType = "point";
        aIn[mb].p.zKey = zK;
        aIn[mb].p.zState = "";
        aIn[mb].p.zTpl = clean_text(c->pArena, zX);
        mb++;
      }
    }
    if( i<m ) aIn[mb++] = a[i];
  }
  *pa = aIn;
  *pm = mb;
  return 0;
}

/* A newline: a new paragraph of the same type (the title: a line break {br}). */
static DraftPara *split_lines(Arena *pArena, const Row *a, int m, int *pn){
  int nOut = 0;
  for(int i=0; i<m; i++) for(const char *s=a[i].p.zTpl; *s; s++) nOut += *s=='\n';
  DraftPara *aOut = arena_alloc(pArena, sizeof(DraftPara)*(size_t)(m+nOut+1));
  nOut = 0;
  for(int i=0; i<m; i++){
    DraftPara p = a[i].p;
    if( strcmp(p.zType, "title")==0 || strchr(p.zTpl, '\n')==0 ){
      if( strchr(p.zTpl, '\n') ){
        Buf b;
        buf_init(&b);
        for(const char *s=p.zTpl; *s; s++){ if( *s=='\n' ) buf_puts(&b, "{br}"); else buf_putc(&b, *s); }
        p.zTpl = arena_strdup(pArena, buf_cstr(&b));
        buf_free(&b);
      }
      aOut[nOut++] = p;
      continue;
    }
    for(const char *s=p.zTpl; *s; ){
      const char *e = strchr(s, '\n');
      size_t len = e ? (size_t)(e-s) : strlen(s);
      if( len ){
        aOut[nOut] = p;
        aOut[nOut].zTpl = arena_strndup(pArena, s, len);
        nOut++;
      }
      s += len + (e ? 1 : 0);
    }
  }
  *pn = nOut;
  return aOut;
}

int draft_from_form(Ctx *c, const DraftVersion *v, const char *(*xGet)(void*, const char*), void *pArg,
                    DraftPara **paOut, int *pnOut, const char **pzBad){
  Form f = { c, xGet, pArg };
  Row *a;
  int m;
  *paOut = 0;
  *pnOut = 0;
  if( read_rows(&f, v, &a, &m, pzBad) ) return -1;
  if( c->err.n ){
    /* the page again with what she typed */
    DraftPara *aTyped = arena_alloc(c->pArena, sizeof(DraftPara)*(size_t)(m+1));
    for(int i=0; i<m; i++) aTyped[i] = a[i].p;
    *paOut = aTyped;
    *pnOut = m;
    return FZ_INVALID;
  }
  if( add_proposals(&f, &a, &m, pzBad) ) return -1;
  *paOut = split_lines(c->pArena, a, m, pnOut);
  return FZ_OK;
}
