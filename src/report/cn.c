/*
** src/report/cn.c — the report editor's Chinese: a draft's paragraphs as
** the drafter reads and writes them, with every token (tpl.c) named in
** Chinese, and back.
**
** The tokens stay what a draft stores and the API speaks. The drafter
** sees them in one of two forms:
**
**   pieces   (the page with JavaScript) a paragraph as text and chips: a
**            figure is a chip with its Chinese name and its value now
**            (「行政复议纠错率 22.5%（9/40）」, linked to its records), a
**            prompt a yellow placeholder; each chip keeps its token, as
**            written, in a data attribute, so the page posts the tokens
**            back unchanged.
**   markers  (a textarea, the page without JavaScript) plain text in which
**            a token is its Chinese name in 〔〕:
**              〔行政复议纠错率〕        the indicator's own figure: a rate
**                                       with its counts, an average with its
**                                       sum and count, a count
**              〔行政复议纠错率·分子〕  ·分母  ·数值  ·同比   the other forms
**              〔行政复议（状态：驳回）〕  the year's records in a state
**              〔行政复议纠错率｜部门编号12〕 〔…｜被申请人=某局〕  one group
**              〔近年变化图…｜按部门〕      (a chart paragraph's grouping)
**              〔党委名称〕〔政府名称〕〔主送机关〕〔本级简称〕〔成文日期〕
**              〔数据截至时间〕〔报告年度〕〔换行〕
**              〔待填：…〕              a prompt for the drafter
**            A literal 〔 is written 〔〔, except before digits and 〕
**            (文号 such as 浚政〔2024〕3号 stay as they are); inside a
**            marker a backslash goes before \, 〔 and 〕. Braces are plain
**            text in this form (the store writes them {{ }}).
**
** cn_from_tpl and cn_to_tpl are inverse: a paragraph written out and read
** back is the same bytes (tests/http/196). Names come from the registry
** (kinds_in_order, each kind's aIndicator and aState), so a county's own
** kinds are named like the built-in ones; two figures that would share a
** name get their kind's id after it.
*/
#include "report/report_int.h"
#include "engine/kinddef.h"
#include <string.h>
#include <stdlib.h>

#define LB "〔"
#define RB "〕"
#define NB 3               /* bytes of 〔 and 〕 in UTF-8 */
#define PROMPT "待填："
#define UNREAD "无法识别："

/* ---- the names ----------------------------------------------------------- */

typedef struct Name {
  const char *zTok;        /* the token's inside, canonical: "reconsideration.correct_rate%" */
  const char *zName;       /* its Chinese name */
  const Kind *k;           /* NULL: a setting */
  const Indicator *ind;    /* an indicator's form, or NULL */
  char cSuf;               /* the form's suffix */
  int bMain;               /* the form the picker offers (an indicator's own figure, a state, a setting) */
} Name;

typedef struct Names { Name *a; int n; } Names;

static const struct { const char *zTok, *zName; } aSetting[] = {
  { "party", "党委名称" }, { "gov", "政府名称" }, { "to", "主送机关" }, { "we", "本级简称" },
  { "date", "成文日期" }, { "frozen", "数据截至时间" }, { "year", "报告年度" }, { "br", "换行" }, { 0, 0 }
};

/* The suffix that states an indicator's own figure. */
static char main_suffix(const Indicator *ind){
  return ind->eUnit==IU_PERCENT ? '%' : ind->eUnit==IU_AVERAGE ? '~' : 0;
}

/* The word after "·" for a form other than an indicator's own figure
** (suffix c; ^ and - are the count's and the rate's 同比, never both). */
static const char *form_word(char c){
  switch( c ){
    case 0:   return "分子";
    case '/': return "分母";
    case '=': return "数值";
    case '^': case '-': return "同比";
  }
  return "";
}

static void name_add(Arena *a, Names *p, int *pnAlloc, const char *zTok, const char *zName,
                     const Kind *k, const Indicator *ind, char cSuf, int bMain){
  p->a = arena_grow(a, p->a, p->n, pnAlloc, sizeof(Name));
  p->a[p->n++] = (Name){ zTok, zName, k, ind, cSuf, bMain };
}

static int name_cmp(const void *x, const void *y){
  return strcmp(((const Name*)x)->zName, ((const Name*)y)->zName);
}

/* Every name, sorted by name (unique). */
static void names_build(Arena *a, Names *p){
  int nAlloc = 0;
  memset(p, 0, sizeof *p);
  int nKind = kind_count();
  const Kind **aK = arena_alloc(a, sizeof(Kind*)*(size_t)(nKind+1));
  nKind = kinds_in_order(aK, nKind);
  for(int i=0; aSetting[i].zTok; i++) name_add(a, p, &nAlloc, aSetting[i].zTok, aSetting[i].zName, 0, 0, 0, 1);
  for(int i=0; i<nKind; i++){
    const Kind *k = aK[i];
    for(const Indicator *ind=k->aIndicator; ind && ind->zName; ind++){
      const char *zFull = ind_full_label(a, k, ind);
      static const char acSuf[] = { 0, '/', '=', '%', '~', '^', '-' };
      for(size_t j=0; j<sizeof acSuf; j++){
        char c = acSuf[j];
        if( !report_suffix_ok(ind, c) ) continue;
        int bMain = c==main_suffix(ind);
        const char *zTok = c ? arena_printf(a, "%s.%s%c", k->zName, ind->zName, c) : arena_printf(a, "%s.%s", k->zName, ind->zName);
        name_add(a, p, &nAlloc, zTok, bMain ? zFull : arena_printf(a, "%s·%s", zFull, form_word(c)), k, ind, c, bMain);
      }
    }
    for(const State *s=k->aState; s && s->zId; s++){
      name_add(a, p, &nAlloc, arena_printf(a, "%s@%s", k->zName, s->zId),
               arena_printf(a, "%s（状态：%s）", k->zLabel, s->zLabel), k, 0, 0, 1);
    }
  }
  qsort(p->a, (size_t)p->n, sizeof(Name), name_cmp);
  /* two figures of one name: each gets its kind's id, and the list is sorted again */
  int bDup = 0;
  for(int i=0; i+1<p->n; i++){
    if( strcmp(p->a[i].zName, p->a[i+1].zName)!=0 ) continue;
    const char *z = p->a[i].zName;
    for(int j=i; j<p->n && strcmp(p->a[j].zName, z)==0; j++){
      p->a[j].zName = arena_printf(a, "%s（%s）", z, p->a[j].k ? p->a[j].k->zName : p->a[j].zTok);
    }
    bDup = 1;
  }
  if( bDup ) qsort(p->a, (size_t)p->n, sizeof(Name), name_cmp);
}

static const Name *name_find(const Names *p, const char *zName){
  Name key = { 0, zName, 0, 0, 0, 0 };
  return bsearch(&key, p->a, (size_t)p->n, sizeof(Name), name_cmp);
}

/* The name of the token whose inside (no group) is zTok; NULL if none. */
static const Name *name_of_tok(const Names *p, const char *zTok){
  for(int i=0; i<p->n; i++) if( strcmp(p->a[i].zTok, zTok)==0 ) return &p->a[i];
  return 0;
}

/* ---- tokens as markers --------------------------------------------------- */

/* z with a backslash before \, 〔 and 〕 (text inside a marker). */
static void put_in_marker(Buf *b, const char *z){
  for(; *z; z++){
    if( *z=='\\' || strncmp(z, LB, NB)==0 || strncmp(z, RB, NB)==0 ) buf_putc(b, '\\');
    buf_putc(b, *z);
  }
}

/* Literal text: 〔 doubled, unless digits and 〕 follow it. */
static void put_text(Buf *b, const char *z){
  for(; *z; z++){
    if( strncmp(z, LB, NB)==0 ){
      size_t n = 0;
      while( z[NB+n]>='0' && z[NB+n]<='9' ) n++;
      if( n>0 && strncmp(z+NB+n, RB, NB)==0 ){
        buf_append(b, z, NB+n+NB);
        z += NB+n+NB-1;
        continue;
      }
      buf_puts(b, LB LB);
      z += NB-1;
      continue;
    }
    buf_putc(b, *z);
  }
}

/* The field of k whose label is zLabel, else named zLabel. */
static const Field *field_by_label(const Kind *k, const char *zLabel){
  for(int i=0, n=kind_nfield(k); i<n; i++) if( strcmp(k->aField[i].zLabel, zLabel)==0 ) return &k->aField[i];
  return kind_field(k, zLabel);
}

/* A token's marker text (between 〔 and 〕, unescaped), bChart: in a chart
** paragraph, where {kind.ind} is the indicator itself. */
static const char *tok_marker(Arena *a, const Names *p, const char *zIn, int bChart){
  if( zIn[0]=='?' ) return arena_printf(a, PROMPT "%s", zIn+1);
  Tok t;
  int bBad = bChart ? tok_parse(a, zIn, &t)!=0 : tok_problem(a, zIn)!=0 || tok_parse(a, zIn, &t)!=0;
  const Name *nm = 0;
  if( !bBad ){
    const char *zBase = t.cSep==0 ? t.zName : t.cSuf ? arena_printf(a, "%s%c%s%c", t.zKind, t.cSep, t.zName, t.cSuf)
                                                     : arena_printf(a, "%s%c%s", t.zKind, t.cSep, t.zName);
    nm = name_of_tok(p, zBase);
    if( nm && bChart && nm->ind && t.cSuf==0 && main_suffix(nm->ind) ){
      nm = name_of_tok(p, arena_printf(a, "%s%c", zBase, main_suffix(nm->ind)));
    }
  }
  if( nm==0 ){
    /* not a figure (a name typed that names none, or an old mistyped token) */
    for(const char *s=zIn; *s; s++) if( (unsigned char)*s>=0x80 ) return zIn;
    return arena_printf(a, UNREAD "%s", zIn);
  }
  if( t.zParam==0 ) return nm->zName;
  const Kind *k = nm->k;
  const char *zGroup;
  if( strcmp(t.zParam, "dept_only")==0 ){
    zGroup = arena_printf(a, "部门编号%s", t.zValue);
  }else if( strcmp(t.zParam, "by")==0 ){
    const Field *f = strcmp(t.zValue, "dept")==0 ? 0 : kind_field(k, t.zValue);
    zGroup = arena_printf(a, "按%s", strcmp(t.zValue, "dept")==0 ? "部门" : f ? f->zLabel : t.zValue);
  }else{
    const Field *f = strncmp(t.zParam, "f_", 2)==0 ? kind_field(k, t.zParam+2) : 0;
    zGroup = arena_printf(a, "%s=%s", f ? f->zLabel : t.zParam, t.zValue);
  }
  return arena_printf(a, "%s｜%s", nm->zName, zGroup);
}

typedef struct ToCn { Arena *a; const Names *p; int bChart; Buf *b; } ToCn;

static void cn_text(void *pArg, const char *z){ put_text(((ToCn*)pArg)->b, z); }
static void cn_tok(void *pArg, const char *zTok){
  ToCn *w = pArg;
  buf_puts(w->b, LB);
  put_in_marker(w->b, tok_marker(w->a, w->p, zTok, w->bChart));
  buf_puts(w->b, RB);
}
static void cn_lead(void *pArg, const char *z){
  ToCn *w = pArg;
  buf_puts(w->b, "【");
  buf_puts(w->b, z);
  buf_puts(w->b, "】");
}

static const char *from_tpl(Arena *a, const Names *p, const char *zTpl, int bChart){
  Buf b;
  buf_init(&b);
  ToCn w = { a, p, bChart, &b };
  TplWalk tw = { a, &w, cn_text, cn_tok, cn_lead, 0, 0 };
  const char *zAt = 0;
  if( tpl_walk(&tw, zTpl, &zAt) ) put_text(&b, zAt);    /* a brace without its pair: as it is */
  const char *z = arena_strndup(a, b.z ? b.z : "", b.n);
  buf_free(&b);
  return z;
}

/* ---- markers as tokens --------------------------------------------------- */

/* Literal text into a token paragraph: braces doubled. */
static void put_tpl_text(Buf *b, const char *z, size_t n){
  for(size_t i=0; i<n; i++){
    if( z[i]=='{' || z[i]=='}' ) buf_putc(b, z[i]);
    buf_putc(b, z[i]);
  }
}

/* The token (braces included) of marker text zIn; NULL with *pzWhy when
** it names no figure. */
static const char *marker_tok(Arena *a, const Names *p, const char *zIn, int bChart, const char **pzWhy){
  *pzWhy = 0;
  if( strncmp(zIn, PROMPT, strlen(PROMPT))==0 ){
    return arena_printf(a, "{?%s}", tpl_tok_escape(a, zIn+strlen(PROMPT)));
  }
  if( strncmp(zIn, UNREAD, strlen(UNREAD))==0 ){
    return arena_printf(a, "{%s}", tpl_tok_escape(a, zIn+strlen(UNREAD)));
  }
  const char *zBar = strstr(zIn, "｜");
  const char *zName = zBar ? arena_strndup(a, zIn, (size_t)(zBar-zIn)) : zIn;
  const Name *nm = name_find(p, zName);
  if( nm==0 ){ *pzWhy = "不是可插入的数字名称"; return 0; }
  const char *zTok = nm->zTok;
  if( bChart && nm->ind && nm->bMain && nm->cSuf ) zTok = arena_printf(a, "%s.%s", nm->k->zName, nm->ind->zName);
  if( zBar==0 ) return arena_printf(a, "{%s}", zTok);
  const char *zGroup = zBar + strlen("｜");
  if( nm->ind==0 ){ *pzWhy = "不能按部门或分组写"; return 0; }
  const char *zParam, *zValue;
  if( strncmp(zGroup, "部门编号", strlen("部门编号"))==0 ){
    zParam = "dept_only";
    zValue = zGroup + strlen("部门编号");
    if( zValue[0]==0 || strspn(zValue, "0123456789")!=strlen(zValue) ){ *pzWhy = "部门编号应为数字"; return 0; }
  }else if( strncmp(zGroup, "按", strlen("按"))==0 ){
    const char *zBy = zGroup + strlen("按");
    const Field *f = strcmp(zBy, "部门")==0 ? 0 : field_by_label(nm->k, zBy);
    if( strcmp(zBy, "部门")!=0 && f==0 ){ *pzWhy = "没有这样的分组"; return 0; }
    zParam = "by";
    zValue = f ? f->zName : "dept";
  }else{
    const char *zEq = strchr(zGroup, '=');
    const Field *f = zEq ? field_by_label(nm->k, arena_strndup(a, zGroup, (size_t)(zEq-zGroup))) : 0;
    if( f==0 ){ *pzWhy = "分组应写成“｜部门编号N”或“｜字段名称=值”"; return 0; }
    zParam = arena_printf(a, "f_%s", f->zName);
    zValue = zEq+1;
  }
  return arena_printf(a, "{%s|%s=%s}", zTok, zParam, tpl_tok_escape(a, zValue));
}

/* Marker text zCn as a token paragraph into *pzTpl. Returns the number of
** errors added to c (each naming zWhere): a marker that names no figure
** is kept as a token of its name, so the text comes back as typed. */
static int to_tpl(Ctx *c, const Names *p, const char *zCn, int bChart, const char *zWhere, const char **pzTpl){
  Arena *a = c->pArena;
  Buf b;
  buf_init(&b);
  int nErr = 0;
  const char *z = zCn;
  if( strncmp(z, "【", strlen("【"))==0 && strstr(z, "】") ){
    const char *e = strstr(z, "】") + strlen("】");
    /* a heading is words only: a figure marker in it would print as typed */
    for(const char *h=z; h<e; h++){
      if( strncmp(h, LB LB, 2*NB)==0 ){ h += 2*NB-1; continue; }
      if( strncmp(h, LB, NB)!=0 ) continue;
      const char *r = strstr(h, RB);
      if( r && r<e && (r==h+NB || strspn(h+NB, "0123456789")!=(size_t)(r-h-NB)) ){
        err_add(c, 0, 0, "%s：小标题（【】之内）不能插入数字，请把“%.*s”写在】之后", zWhere, (int)(r+NB-h), h);
        nErr++;
        break;
      }
    }
    put_tpl_text(&b, z, (size_t)(e-z));
    z = e;
  }
  while( *z ){
    if( strncmp(z, LB LB, 2*NB)==0 ){ buf_puts(&b, LB); z += 2*NB; continue; }
    if( strncmp(z, LB, NB)!=0 ){ put_tpl_text(&b, z, 1); z++; continue; }
    /* a marker: up to its first 〕 without a backslash before it */
    Buf m;
    buf_init(&m);
    const char *s = z+NB;
    while( *s && strncmp(s, RB, NB)!=0 ){
      if( s[0]=='\\' && s[1] ){ buf_putc(&m, s[1]); s += 2; continue; }
      buf_putc(&m, *s++);
    }
    const char *zIn = arena_strndup(a, m.z ? m.z : "", m.n);
    buf_free(&m);
    if( *s==0 ){
      int nCut = (int)(strlen(z)>30 ? 30 : strlen(z));
      while( nCut>0 && ((unsigned char)z[nCut] & 0xC0)==0x80 ) nCut--;   /* a whole character */
      err_add(c, 0, 0, "%s：“%.*s”处的〔没有配对的〕（数字写成〔名称〕；括号本身请写成〔〔）", zWhere, nCut, z);
      nErr++;
      put_tpl_text(&b, z, strlen(z));
      break;
    }
    if( zIn[0] && strspn(zIn, "0123456789")==strlen(zIn) ){     /* 〔2024〕 of a 文号 */
      put_tpl_text(&b, z, (size_t)(s+NB-z));
    }else{
      const char *zWhy;
      const char *zTok = marker_tok(a, p, zIn, bChart, &zWhy);
      if( zTok==0 ){
        err_add(c, 0, 0, "%s：“〔%s〕”%s（请从“插入数字”列表中选用；括号本身请写成〔〔）", zWhere, zIn, zWhy);
        nErr++;
        zTok = arena_printf(a, "{%s}", tpl_tok_escape(a, zIn));
      }
      buf_puts(&b, zTok);
    }
    z = s+NB;
  }
  *pzTpl = arena_strndup(a, b.z ? b.z : "", b.n);
  buf_free(&b);
  return nErr;
}

const char *draft_cn(Ctx *c, const char *zTpl, int bChart){
  Names p;
  names_build(c->pArena, &p);
  return from_tpl(c->pArena, &p, zTpl, bChart);
}

int draft_from_cn(Ctx *c, const char *zCn, int bChart, const char *zWhere, const char **pzTpl){
  Names p;
  names_build(c->pArena, &p);
  return to_tpl(c, &p, zCn, bChart, zWhere, pzTpl);
}

/* ---- the editor ---------------------------------------------------------- */

/* Token zTok (braces included) read alone: its text now and its link. */
static void tok_value(Report *r, const char *zTok, const char **pzValue, const char **pzHref){
  Arena *a = r->pCtx->pArena;
  tpl_read(r, BLK_P, zTok, 0);
  Buf t, h;
  buf_init(&t);
  buf_init(&h);
  for(Run *u=r->pCur->pFirst; u; u=u->pNext){
    if( u->eType!=RUN_BREAK ) buf_puts(&t, u->z);
    if( u->eType==RUN_FIG && u->zKind && h.n==0 ) run_href(u, r->iYear, &h);
  }
  *pzValue = arena_strndup(a, t.z ? t.z : "", t.n);
  *pzHref = h.n ? arena_strndup(a, h.z, h.n) : 0;
  buf_free(&t);
  buf_free(&h);
}

typedef struct Pieces { Report *r; const Names *p; int bChart; TplWalk *pW; DraftPiece *a; int n, nAlloc; } Pieces;

static DraftPiece *piece_add(Pieces *w, int eType){
  w->a = arena_grow(w->r->pCtx->pArena, w->a, w->n, &w->nAlloc, sizeof(DraftPiece));
  DraftPiece *d = &w->a[w->n++];
  d->eType = eType;
  return d;
}
static void pc_text(void *pArg, const char *z){ piece_add(pArg, PIECE_TEXT)->zText = z; }
static void pc_lead(void *pArg, const char *z){
  Pieces *w = pArg;
  piece_add(w, PIECE_TEXT)->zText = arena_printf(w->r->pCtx->pArena, "【%s】", z);
}
static void pc_tok(void *pArg, const char *zIn){
  Pieces *w = pArg;
  Arena *a = w->r->pCtx->pArena;
  DraftPiece *d = piece_add(w, zIn[0]=='?' ? PIECE_PROMPT : PIECE_FIG);
  d->zTok = arena_strndup(a, w->pW->zRaw, w->pW->nRaw);
  if( d->eType==PIECE_PROMPT ){ d->zText = zIn+1; return; }
  d->zText = tok_marker(a, w->p, zIn, w->bChart);
  d->zValue = "";
  if( w->bChart || strcmp(zIn, "br")==0 ) return;
  if( tok_problem(a, zIn) ){ d->zValue = "（无法识别，请删除后从列表中重新插入）"; return; }
  tok_value(w->r, d->zTok, &d->zValue, &d->zHref);
}

static DraftPiece *pieces_of(Report *r, const Names *p, const DraftPara *q, int *pn){
  Pieces w = { r, p, strcmp(q->zType, "chart")==0, 0, 0, 0, 0 };
  TplWalk tw = { r->pCtx->pArena, &w, pc_text, pc_tok, pc_lead, 0, 0 };
  w.pW = &tw;
  const char *zAt = 0;
  if( tpl_walk(&tw, q->zTpl, &zAt) ) pc_text(&w, zAt);
  *pn = w.n;
  return w.a;
}

/* The figure whose token's inside is zIn, appended to the picker's list. */
static void fig_add(Report *r, const Names *p, DraftFig **pa, int *pn, int *pnAlloc,
                    const char *zChapter, const char *zKind, const char *zIn){
  Arena *a = r->pCtx->pArena;
  const Name *nm = name_of_tok(p, zIn);
  if( nm==0 || r->rc ) return;
  *pa = arena_grow(a, *pa, *pn, pnAlloc, sizeof(DraftFig));
  DraftFig *f = &(*pa)[(*pn)++];
  f->zChapter = zChapter;
  f->zKind = zKind;
  f->zName = nm->zName;
  f->zTok = arena_printf(a, "{%s}", zIn);
  Buf b;
  buf_init(&b);
  buf_puts(&b, LB);
  put_in_marker(&b, nm->zName);
  buf_puts(&b, RB);
  f->zMarker = arena_strndup(a, b.z, b.n);
  buf_free(&b);
  tok_value(r, f->zTok, &f->zValue, &f->zHref);
}

/* The chapter a kind's figures are listed under. */
static const char *chapter_of(const Kind *k){
  if( k->pReport==0 ) return "其他事项（报告正文未写，可自行引用）";
  if( strcmp(k->pReport->zSection, REPORT_SEC_DUTY)==0 ) return "二、" REPORT_SEC_DUTY;
  return k->pReport->zSection;
}

/* Every figure the picker offers: a chapter at a time (chapter 一's
** subsections in the report's order, then 二, then kinds the report does
** not write about), each kind's own figures and states, then the names of
** the report. */
static int figures(Report *r, const Names *p, DraftFig **paOut, int *pnOut){
  Arena *a = r->pCtx->pArena;
  int nKind = kind_count();
  const Kind **aK = arena_alloc(a, sizeof(Kind*)*(size_t)(nKind+1));
  nKind = kinds_for(r->pCtx->pActor, aK, nKind);    /* the kinds the drafter sees, the county's own among them */
  const char **azCh = arena_alloc(a, sizeof(char*)*(size_t)(nKind+8));
  int nCh = 0;
  static const char *const azFirst[] = { SEC_SERVICES, SEC_RULES, SEC_DISPUTES, 0 };
  for(int i=0; azFirst[i]; i++) azCh[nCh++] = azFirst[i];
  for(int pass=0; pass<3; pass++){
    for(int i=0; i<nKind; i++){
      const char *z = chapter_of(aK[i]);
      int bDuty = strncmp(z, "二、", strlen("二、"))==0, bNone = aK[i]->pReport==0;
      if( pass!=(bNone ? 2 : bDuty ? 1 : 0) ) continue;
      int bHave = 0;
      for(int j=0; j<nCh && !bHave; j++) bHave = strcmp(azCh[j], z)==0;
      if( !bHave ) azCh[nCh++] = z;
    }
  }
  DraftFig *aF = 0;
  int n = 0, nAlloc = 0;
  for(int c=0; c<nCh; c++){
    for(int i=0; i<nKind; i++){
      const Kind *k = aK[i];
      if( strcmp(chapter_of(k), azCh[c])!=0 ) continue;
      /* the kind's figures in declaration order: indicators, then states */
      for(const Indicator *ind=k->aIndicator; ind && ind->zName; ind++){
        char cMain = main_suffix(ind);
        const char *zIn = cMain ? arena_printf(a, "%s.%s%c", k->zName, ind->zName, cMain) : arena_printf(a, "%s.%s", k->zName, ind->zName);
        fig_add(r, p, &aF, &n, &nAlloc, azCh[c], k->zLabel, zIn);
      }
      for(const State *s=k->aState; s && s->zId; s++){
        fig_add(r, p, &aF, &n, &nAlloc, azCh[c], k->zLabel, arena_printf(a, "%s@%s", k->zName, s->zId));
      }
    }
  }
  for(int i=0; aSetting[i].zTok; i++){
    if( strcmp(aSetting[i].zTok, "br")!=0 ) fig_add(r, p, &aF, &n, &nAlloc, "报告通用", "名称与日期", aSetting[i].zTok);
  }
  *paOut = aF;
  *pnOut = n;
  return r->rc;
}

static int editor(Ctx *c, const DraftVersion *v, const DraftPara *aNew, int nNew, DraftEditor *e){
  memset(e, 0, sizeof *e);
  Names p;
  names_build(c->pArena, &p);
  Report r;
  report_init(&r, c, v->iYear);
  int n = v->nPara + nNew;
  e->azCn = arena_alloc(c->pArena, sizeof(char*)*(size_t)(n+1));
  e->aaPiece = arena_alloc(c->pArena, sizeof(DraftPiece*)*(size_t)(n+1));
  e->anPiece = arena_alloc(c->pArena, sizeof(int)*(size_t)(n+1));
  for(int i=0; i<n && r.rc==0; i++){
    const DraftPara *q = i<v->nPara ? &v->aPara[i] : &aNew[i-v->nPara];
    e->azCn[i] = from_tpl(c->pArena, &p, q->zTpl, strcmp(q->zType, "chart")==0);
    e->aaPiece[i] = pieces_of(&r, &p, q, &e->anPiece[i]);
  }
  if( r.rc==0 ) figures(&r, &p, &e->aFig, &e->nFig);
  return r.rc;
}
int draft_editor(Ctx *c, const DraftVersion *v, const DraftPara *aNew, int nNew, DraftEditor *e){
  int iLens = kind_year_lens(c, v->iYear);     /* the year's definitions, in the picker too */
  int rc = editor(c, v, aNew, nNew, e);
  kind_year_lens(c, iLens);
  return rc;
}
