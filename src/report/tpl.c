/*
** src/report/tpl.c — a paragraph of a stored draft as text and back.
**
** A draft (draft.c) stores the report as paragraphs the clerk edits. Each
** paragraph is plain text in which a figure stays live as a token:
**
**   {kind.ind}     a count (the numerator)       {kind.ind/}  its denominator
**   {kind.ind=}    the value ("96.4%")           {kind.ind%}  the value with
**   {kind.ind~}    both counts: 96.4%（2331/2418）               (rate, average)
**   {kind.ind^}    the change against last year: 同比下降33.3%（上年为3）
**   {kind.ind%|dept_only=12}   the same for one group of a breakdown
**   {kind@state}   the year's records of kind in that state
**   {party} {gov} {to} {we} {date} {frozen} {year}   settings and dates
**   {?…}           a prompt for the drafter, shaded, refused by a freeze
**   {br}           a line break (the title)
**   【…】          at the start: the 楷体 lead-in of a subsection, numbered
**                  （一）（二）… in order when the report is finished
**   {{ and }}      a brace as text
**
** A frozen document (a version's figures written out) uses the same text
** with each value after a '#': {>/k/…?year=2024&ind=…&part=num#2331} is a
** figure with its link, {party#中共某县委} a setting as it was. Nothing in
** it is computed again.
**
** Text between tokens is the clerk's: RUN_DATA, escaped by every renderer.
*/
#include "report/report_int.h"
#include <string.h>
#include <stdlib.h>

static const char *const azBlockName[] = {
  0, "title", "to", "h1", "p", "sign", "date", "foot", "point"
};

const char *tpl_block_name(BlockType e){
  return e>=BLK_TITLE && e<=BLK_POINT ? azBlockName[e] : "p";
}
BlockType tpl_block_type(const char *z){
  for(int i=BLK_TITLE; i<=BLK_POINT; i++) if( z && strcmp(z, azBlockName[i])==0 ) return (BlockType)i;
  return 0;
}

/* ---- writing ------------------------------------------------------------- */

static void put_escaped(Buf *b, const char *z){
  for(; *z; z++){
    if( *z=='{' || *z=='}' ) buf_putc(b, *z);
    buf_putc(b, *z);
  }
}

/* The link of a figure, as the HTML report writes it. */
void run_href(const Run *r, int iYear, Buf *h){
  if( r->zHref ){ buf_puts(h, r->zHref); return; }
  buf_puts(h, "/k/");
  buf_url(h, r->zKind);
  buf_raw_printf(h, "?year=%d", iYear);
  if( r->zInd ){
    buf_puts(h, "&ind=");
    buf_url(h, r->zInd);
    buf_puts(h, r->bDen ? "&part=den" : "&part=num");
  }else{
    buf_puts(h, "&state=");
    buf_url(h, r->zState);
  }
  if( r->zParam ){
    buf_puts(h, "&");
    buf_url(h, r->zParam);
    buf_puts(h, "=");
    buf_url(h, r->zParamValue);
  }
}

/*
** Block b as paragraph text. Live (bFrozen 0): a figure or setting is its
** token, so it is computed again whenever the draft is read. Frozen: every
** value is written out, a figure with its link.
*/
const char *tpl_write(Arena *a, const Block *b, int iYear, int bFrozen){
  Buf o;
  buf_init(&o);
  for(const Run *r=b->pFirst; r; r=r->pNext){
    if( !bFrozen && r->zTok ){
      buf_puts(&o, r->zTok);
      for(int i=0, n=r->nSpan; i<n && r->pNext; i++) r = r->pNext;
      continue;
    }
    switch( r->eType ){
      case RUN_BREAK: buf_puts(&o, "{br}"); break;
      case RUN_LEAD:  buf_puts(&o, "【"); put_escaped(&o, r->z); buf_puts(&o, "】"); break;
      case RUN_NOTE:  buf_puts(&o, "{?"); put_escaped(&o, r->z); buf_puts(&o, "}"); break;
      case RUN_FIG:
        if( r->zKind==0 && r->zHref==0 ){ put_escaped(&o, r->z); break; }
        buf_puts(&o, "{>");
        run_href(r, iYear, &o);
        buf_puts(&o, "#");
        put_escaped(&o, r->z);
        buf_puts(&o, "}");
        break;
      default:
        if( bFrozen && r->zTok && r->zTok[0]=='{' && r->eType==RUN_DATA ){
          /* a setting as it was: {party#中共某县委} */
          buf_append(&o, r->zTok, strcspn(r->zTok, "}"));
          buf_puts(&o, "#");
          put_escaped(&o, r->z);
          buf_puts(&o, "}");
        }else{
          put_escaped(&o, r->z);
        }
        break;
    }
  }
  const char *z = arena_strndup(a, o.z ? o.z : "", o.n);
  buf_free(&o);
  return z;
}

/* ---- reading ------------------------------------------------------------- */

/* A token's parts: kind, indicator or state, suffix, group. */
typedef struct Tok {
  char zKind[64], zName[64];
  char cSep;                /* '.' an indicator, '@' a state, 0 a setting */
  char cSuf;                /* 0 / = % ~ ^ */
  const char *zParam, *zValue;   /* a breakdown's group, or NULL */
} Tok;

static int is_name(const char *z, size_t n){
  if( n==0 || n>=64 ) return 0;
  for(size_t i=0; i<n; i++){
    char c = z[i];
    if( !((c>='a'&&c<='z')||(c>='0'&&c<='9')||c=='_') ) return 0;
  }
  return 1;
}

/* Splits "kind.ind%|param=value" (no braces); 0 when well formed. */
static int tok_parse(Arena *a, const char *z, Tok *t){
  memset(t, 0, sizeof *t);
  const char *zBar = strchr(z, '|');
  size_t n = zBar ? (size_t)(zBar-z) : strlen(z);
  if( zBar ){
    const char *e = strchr(zBar, '=');
    if( e==0 || e==zBar+1 || e[1]==0 ) return 1;
    t->zParam = arena_strndup(a, zBar+1, (size_t)(e-zBar-1));
    t->zValue = arena_strdup(a, e+1);
  }
  if( n>0 && strchr("/=%~^", z[n-1]) ){ t->cSuf = z[n-1]; n--; }
  const char *d = memchr(z, '.', n), *s = memchr(z, '@', n);
  const char *m = d ? d : s;
  if( m==0 ){
    if( t->cSuf || zBar || !is_name(z, n) ) return 1;
    memcpy(t->zName, z, n);
    return 0;
  }
  t->cSep = *m;
  size_t nk = (size_t)(m-z), ni = n-nk-1;
  if( !is_name(z, nk) || !is_name(m+1, ni) ) return 1;
  if( t->cSep=='@' && (t->cSuf || zBar) ) return 1;
  memcpy(t->zKind, z, nk);
  memcpy(t->zName, m+1, ni);
  return 0;
}

static const char *const azSetting[] = { "party", "gov", "to", "we", "date", "frozen", "year", "br", 0 };

/* Chinese reason a token cannot be read, or NULL when it can. */
static const char *tok_problem(Arena *a, const char *zTok){
  Tok t;
  if( zTok[0]=='?' ) return 0;
  if( tok_parse(a, zTok, &t) ) return "写法不对";
  if( t.cSep==0 ){
    for(int i=0; azSetting[i]; i++) if( strcmp(azSetting[i], t.zName)==0 ) return 0;
    return "不是可用的名称";
  }
  const Kind *k = kind_find(t.zKind);
  if( k==0 ) return "没有这类事项";
  if( t.cSep=='@' ) return kind_state(k, t.zName) ? 0 : "这类事项没有这个状态";
  const Indicator *ind = kind_indicator(k, t.zName);
  if( ind==0 ) return "这类事项没有这个指标";
  if( !report_suffix_ok(ind, t.cSuf) ) return "这个指标不能这样写（比率用%，平均数用~，同比只用于数量）";
  if( t.zParam ){
    if( strcmp(t.zParam, "dept_only")!=0 && strncmp(t.zParam, "f_", 2)!=0 ) return "分组写法不对";
  }
  return 0;
}

/*
** Walks the tokens of zTpl: xText gets literal text (unescaped), xTok a
** token's inside (unescaped). Returns 0, or 1 at an unmatched brace with
** *pzAt pointing at it.
*/
typedef struct TplWalk {
  Arena *a;
  void *pArg;
  void (*xText)(void*, const char *z);
  void (*xTok)(void*, const char *zTok);
  void (*xLead)(void*, const char *z);
} TplWalk;

static int tpl_walk(TplWalk *w, const char *zTpl, const char **pzAt){
  const char *z = zTpl;
  Buf t;
  buf_init(&t);
  if( strncmp(z, "【", strlen("【"))==0 && strstr(z, "】") ){
    const char *e = strstr(z, "】");
    if( w->xLead ) w->xLead(w->pArg, arena_strndup(w->a, z+strlen("【"), (size_t)(e-z-strlen("【"))));
    z = e + strlen("】");
  }
  while( *z ){
    if( (z[0]=='{' && z[1]=='{') || (z[0]=='}' && z[1]=='}') ){ buf_putc(&t, z[0]); z += 2; continue; }
    if( *z=='}' ) break;
    if( *z!='{' ){ buf_putc(&t, *z++); continue; }
    /* a token: up to the first single '}' */
    const char *s = z+1;
    Buf k;
    buf_init(&k);
    while( *s && !(s[0]=='}' && s[1]!='}') ){
      if( (s[0]=='}' && s[1]=='}') || (s[0]=='{' && s[1]=='{') ){ buf_putc(&k, s[0]); s += 2; continue; }
      if( s[0]=='{' ) break;
      buf_putc(&k, *s++);
    }
    if( *s!='}' ){ buf_free(&k); break; }
    if( t.n && w->xText ) w->xText(w->pArg, arena_strndup(w->a, t.z, t.n));
    t.n = 0;
    if( w->xTok ) w->xTok(w->pArg, arena_strndup(w->a, k.z ? k.z : "", k.n));
    buf_free(&k);
    z = s+1;
  }
  if( t.n && w->xText ) w->xText(w->pArg, arena_strndup(w->a, t.z, t.n));
  buf_free(&t);
  *pzAt = z;
  return *z!=0;      /* stopped at a brace without its pair */
}

/* ---- checking what a clerk typed ---------------------------------------- */

typedef struct Check { Arena *a; Buf *pErr; const char *zWhere; int n; } Check;

static void check_tok(void *pArg, const char *zTok){
  Check *c = pArg;
  const char *zWhy = tok_problem(c->a, zTok);
  if( zWhy && c->n++==0 ){
    buf_raw_printf(c->pErr, "%s：{%s} %s", c->zWhere, zTok, zWhy);
  }
}

/* 0 when every token of zTpl can be read; else 1 and one Chinese line in
** pErr naming zWhere ("第5段") and the token. */
int tpl_check(Arena *a, const char *zTpl, const char *zWhere, Buf *pErr){
  Check c = { a, pErr, zWhere, 0 };
  TplWalk w = { a, &c, 0, check_tok, 0 };
  const char *zAt = 0;
  if( tpl_walk(&w, zTpl, &zAt) ){
    buf_raw_printf(pErr, "%s：“%.*s”处的大括号没有配对（数字标记写成{…}，大括号本身请写成{{或}}）",
                   zWhere, zAt[0] && zAt[1] ? 2 : 1, zAt);
    return 1;
  }
  return c.n>0;
}

/* ---- reading into the document ------------------------------------------ */

typedef struct Read { Report *p; int bFrozen; } Read;

static void read_text(void *pArg, const char *z){ run_data(((Read*)pArg)->p, z); }
static void read_lead(void *pArg, const char *z){ run_lead(((Read*)pArg)->p, z); }

static const char *setting_value(Report *p, const char *zName){
  if( strcmp(zName, "party")==0 ) return p->zParty;
  if( strcmp(zName, "gov")==0 ) return p->zGov;
  if( strcmp(zName, "to")==0 ) return p->zTo;
  if( strcmp(zName, "we")==0 ) return p->zWe;
  if( strcmp(zName, "date")==0 ) return p->zDate;
  if( strcmp(zName, "frozen")==0 ) return p->zFrozen;
  if( strcmp(zName, "year")==0 ) return arena_printf(p->pCtx->pArena, "%d", p->iYear);
  return 0;
}

/* {kind@state}: the year's records of kind in that state. */
static void read_state(Report *p, const Kind *k, const char *zState){
  Query q;
  RecList l;
  query_init(p->pCtx, &q, k);
  q.iYear = p->iYear;
  q.zState = zState;
  q.iPage = 1;
  q.nSize = 1;
  if( rec_list(p->pCtx, &q, &l) ){ p->rc = FZ_INTERNAL; return; }
  run_state_count(p, k->zName, arena_strdup(p->pCtx->pArena, zState), (long long)l.nTotal);
}

/* {kind.ind%|param=value}: the group of a breakdown of that indicator. */
static void read_group(Report *p, const Kind *k, const Indicator *ind, const Tok *t){
  BreakSet *aSet;
  int nSet = 0;
  if( ind_breakdowns(p->pCtx, k, p->iYear, &aSet, &nSet) ){ p->rc = FZ_INTERNAL; return; }
  for(int i=0; i<nSet; i++){
    if( aSet[i].all.pInd!=ind ) continue;
    for(int j=0; j<aSet[i].nRow; j++){
      const BreakRow *w = &aSet[i].aRow[j];
      if( strcmp(w->zParam, t->zParam)==0 && strcmp(w->zValue, t->zValue)==0 ){
        run_rate_in(p, &w->v, w->zParam, w->zValue);
        return;
      }
    }
  }
  run_note(p, "（该单位本年度无此项数据）");
}

static void read_tok(void *pArg, const char *zTok){
  Read *rd = pArg;
  Report *p = rd->p;
  Arena *a = p->pCtx->pArena;
  if( zTok[0]=='?' ){ run_note(p, zTok+1); return; }
  if( strcmp(zTok, "br")==0 ){ run_break(p); return; }
  const char *zHash = rd->bFrozen ? strchr(zTok, '#') : 0;
  if( zHash ){
    const char *zText = zHash+1;
    if( zTok[0]=='>' ){
      Run *r = p->pCur ? p->pCur->pLast : 0;
      run_text(p, zText);
      r = r ? r->pNext : p->pCur->pFirst;
      r->eType = RUN_FIG;
      r->zHref = arena_strndup(a, zTok+1, (size_t)(zHash-zTok-1));
    }else{
      run_data(p, zText);
    }
    return;
  }
  Tok t;
  const char *zWhy = tok_problem(a, zTok);
  if( zWhy || tok_parse(a, zTok, &t) ){
    run_note(p, arena_printf(a, "〔无法识别的数字标记{%s}：%s〕", zTok, zWhy ? zWhy : "写法不对"));
    return;
  }
  if( t.cSep==0 ){
    const char *z = setting_value(p, t.zName);
    if( strcmp(t.zName, "year")==0 ) run_text(p, z);
    else run_setting(p, t.zName, z ? z : "");
    return;
  }
  const Kind *k = kind_find(t.zKind);
  if( t.cSep=='@' ){ read_state(p, k, t.zName); return; }
  if( t.zParam ){ read_group(p, k, kind_indicator(k, t.zName), &t); return; }
  if( run_figure(p, k, t.zName, t.cSuf) ){
    /* nothing to compare with: say so rather than leave a hole */
    if( p->rc==FZ_OK ) run_note(p, "（上年无可比数据）");
  }
}

/* Appends a block of type e read from zTpl to the document. A frozen
** document's values are taken as written; a live one's are computed. */
void tpl_read(Report *p, BlockType e, const char *zTpl, int bFrozen){
  Read rd = { p, bFrozen };
  doc_block(p, e);
  TplWalk w = { p->pCtx->pArena, &rd, read_text, read_tok, read_lead };
  const char *zAt = 0;
  if( tpl_walk(&w, zTpl, &zAt) ) run_data(p, zAt);   /* checked on save; shown as typed */
}
