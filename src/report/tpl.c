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
**   {kind.ind-}    a rate's change: 较上年下降2.1个百分点（上年为99.1%）
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
  0, "title", "to", "h1", "p", "sign", "date", "foot", "point", "annex", "chart"
};

const char *tpl_block_name(BlockType e){
  return e>=BLK_TITLE && e<=BLK_CHART ? azBlockName[e] : "p";
}
/* The types a draft may hold (an appendix is made for Word, never stored). */
BlockType tpl_block_type(const char *z){
  for(int i=BLK_TITLE; i<=BLK_CHART; i++){
    if( i!=BLK_ANNEX && z && strcmp(z, azBlockName[i])==0 ) return (BlockType)i;
  }
  return 0;
}

/* ---- writing ------------------------------------------------------------- */

static const char *chart_write(Arena*, const Chart*);

/* Text between tokens: a brace is written twice. */
static void put_escaped(Buf *b, const char *z){
  for(; *z; z++){
    if( *z=='{' || *z=='}' ) buf_putc(b, *z);
    buf_putc(b, (unsigned char)*z<0x20 ? ' ' : *z);     /* a tab in a record's text: a paragraph is one line */
  }
}
/* Text inside a token (a prompt, a value written out): a backslash
** before \, { and }, so the token ends at its first bare '}'. */
static void put_tok_escaped(Buf *b, const char *z){
  for(; *z; z++){
    if( *z=='\\' || *z=='{' || *z=='}' ) buf_putc(b, '\\');
    buf_putc(b, (unsigned char)*z<0x20 ? ' ' : *z);
  }
}
const char *tpl_tok_escape(Arena *a, const char *z){
  Buf b;
  buf_init(&b);
  put_tok_escaped(&b, z);
  const char *zOut = arena_strdup(a, buf_cstr(&b));
  buf_free(&b);
  return zOut;
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
  if( b->eType==BLK_CHART ){
    if( !bFrozen ) return b->zKey ? b->zKey : "";
    return b->pChart ? chart_write(a, b->pChart) : "";
  }
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
      case RUN_NOTE:  buf_puts(&o, "{?"); put_tok_escaped(&o, r->z); buf_puts(&o, "}"); break;
      case RUN_FIG:
        if( r->zKind==0 && r->zHref==0 ){ put_escaped(&o, r->z); break; }
        buf_puts(&o, "{>");
        run_href(r, iYear, &o);
        buf_puts(&o, "#");
        put_tok_escaped(&o, r->z);
        buf_puts(&o, "}");
        break;
      default:
        if( bFrozen && r->zTok && r->zTok[0]=='{' && r->eType==RUN_DATA ){
          /* a setting as it was: {party#中共某县委} */
          buf_append(&o, r->zTok, strcspn(r->zTok, "}"));
          buf_puts(&o, "#");
          put_tok_escaped(&o, r->z);
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

static int is_name(const char *z, size_t n){
  if( n==0 || n>=64 ) return 0;
  for(size_t i=0; i<n; i++){
    char c = z[i];
    if( !((c>='a'&&c<='z')||(c>='0'&&c<='9')||c=='_') ) return 0;
  }
  return 1;
}

/* Splits "kind.ind%|param=value" (no braces); 0 when well formed. */
int tok_parse(Arena *a, const char *z, Tok *t){
  memset(t, 0, sizeof *t);
  const char *zBar = strchr(z, '|');
  size_t n = zBar ? (size_t)(zBar-z) : strlen(z);
  if( zBar ){
    const char *e = strchr(zBar, '=');
    if( e==0 || e==zBar+1 || e[1]==0 ) return 1;
    t->zParam = arena_strndup(a, zBar+1, (size_t)(e-zBar-1));
    t->zValue = arena_strdup(a, e+1);
  }
  if( n>0 && strchr("/=%~^-", z[n-1]) ){ t->cSuf = z[n-1]; n--; }
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
const char *tok_problem(Arena *a, const char *zTok){
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
  if( !report_suffix_ok(ind, t.cSuf) ) return "这个指标不能这样写（比率用%，平均数用~，同比：数量用^，比率用-）";
  if( t.zParam ){
    if( strcmp(t.zParam, "dept_only")!=0 && strncmp(t.zParam, "f_", 2)!=0 ) return "分组应写成|dept_only=部门编号或|f_字段==值";
  }
  return 0;
}

/*
** Walks the tokens of zTpl (TplWalk, report_int.h). Returns 0, or 1 at an
** unmatched brace with *pzAt pointing at it.
*/
int tpl_walk(TplWalk *w, const char *zTpl, const char **pzAt){
  const char *z = zTpl;
  Buf t;
  buf_init(&t);
  if( strncmp(z, "【", strlen("【"))==0 && strstr(z, "】") ){
    const char *e = strstr(z, "】");
    Buf h;
    buf_init(&h);
    for(const char *s=z+strlen("【"); s<e; s++){
      buf_putc(&h, *s);
      if( (s[0]=='{' || s[0]=='}') && s+1<e && s[1]==s[0] ) s++;    /* {{ and }} */
    }
    if( w->xLead ) w->xLead(w->pArg, arena_strdup(w->a, buf_cstr(&h)));
    buf_free(&h);
    z = e + strlen("】");
  }
  while( *z ){
    if( (z[0]=='{' && z[1]=='{') || (z[0]=='}' && z[1]=='}') ){ buf_putc(&t, z[0]); z += 2; continue; }
    if( *z=='}' ) break;
    if( *z!='{' ){ buf_putc(&t, *z++); continue; }
    /* a token: up to its first '}' without a backslash before it */
    const char *s = z+1;
    Buf k;
    buf_init(&k);
    while( *s && *s!='}' ){
      if( s[0]=='\\' && s[1] ){ buf_putc(&k, s[1]); s += 2; continue; }
      if( s[0]=='{' ) break;
      buf_putc(&k, *s++);
    }
    if( *s!='}' ){ buf_free(&k); break; }
    if( t.n && w->xText ) w->xText(w->pArg, arena_strndup(w->a, t.z, t.n));
    t.n = 0;
    w->zRaw = z;
    w->nRaw = (size_t)(s+1-z);
    if( w->xTok ) w->xTok(w->pArg, arena_strndup(w->a, k.z ? k.z : "", k.n));
    buf_free(&k);
    z = s+1;
  }
  if( t.n && w->xText ) w->xText(w->pArg, arena_strndup(w->a, t.z, t.n));
  buf_free(&t);
  *pzAt = z;
  return *z!=0;      /* stopped at a brace without its pair */
}

/* ---- charts -------------------------------------------------------------- */

/* A chart paragraph is its spec: 近年变化：{kind.ind} (that figure over the
** last five years) or 分组比较：{kind.ind|by=dept} (a breakdown's groups,
** by department or by the field the breakdown declares). */
static const char zTrendSpec[] = "近年变化：";
static const char zBarsSpec[] = "分组比较：";

typedef struct ChartSpec { int bTrend; const Kind *k; const Indicator *ind; const Breakdown *pBd; } ChartSpec;

static const char *chart_spec(Arena *a, const char *zSpec, ChartSpec *cs){
  memset(cs, 0, sizeof *cs);
  cs->bTrend = strncmp(zSpec, zTrendSpec, strlen(zTrendSpec))==0;
  if( !cs->bTrend && strncmp(zSpec, zBarsSpec, strlen(zBarsSpec))!=0 ){
    return "图表应写成“近年变化：{事项.指标}”或“分组比较：{事项.指标|by=dept}”";
  }
  const char *z = zSpec + strlen(cs->bTrend ? zTrendSpec : zBarsSpec);
  size_t n = strlen(z);
  Tok t;
  if( n<3 || z[0]!='{' || z[n-1]!='}' || tok_parse(a, arena_strndup(a, z+1, n-2), &t)
   || t.cSep!='.' || t.cSuf ) return "图表中的指标写法不对";
  cs->k = kind_find(t.zKind);
  cs->ind = cs->k ? kind_indicator(cs->k, t.zName) : 0;
  if( cs->ind==0 ) return "没有这个指标";
  if( cs->bTrend ) return t.zParam ? "近年变化不分组" : 0;
  if( t.zParam==0 || strcmp(t.zParam, "by")!=0 ) return "分组比较须写明 |by=dept 或分组字段";
  for(const Breakdown *bd=cs->k->aBreakdown; bd && bd->zIndicator; bd++){
    if( strcmp(bd->zIndicator, cs->ind->zName)!=0 ) continue;
    if( bd->zBy ? strcmp(bd->zBy, t.zValue)==0 : strcmp(t.zValue, "dept")==0 ) cs->pBd = bd;
  }
  return cs->pBd ? 0 : "这个指标没有这样的分组";
}

/* The chart's data now; NULL when there is nothing to draw (fewer than
** two years with data, a breakdown without groups). */
static Chart *chart_compute(Report *p, const ChartSpec *cs){
  Ctx *c = p->pCtx;
  Chart *ch = arena_alloc(c->pArena, sizeof(Chart));
  if( cs->bTrend ){
    if( chart_trend(c, cs->k, cs->ind, p->iYear, CHART_YEARS, 0, ch) ){ p->rc = FZ_INTERNAL; return 0; }
    return ch->n>=2 ? ch : 0;
  }
  BreakSet *aSet;
  int nSet;
  if( ind_breakdowns(c, cs->k, p->iYear, &aSet, &nSet) ){ p->rc = FZ_INTERNAL; return 0; }
  for(int i=0; i<nSet; i++){
    if( aSet[i].pBd!=cs->pBd ) continue;
    chart_breakdown(c->pArena, &aSet[i], 12, ch);
    return ch->n>0 ? ch : 0;
  }
  return 0;
}

Block *doc_chart(Report *p, const char *zSpec){
  ChartSpec cs;
  Block *b = doc_block(p, BLK_CHART);
  b->zKey = zSpec;
  if( chart_spec(p->pCtx->pArena, zSpec, &cs)==0 ) b->pChart = chart_compute(p, &cs);
  return b;
}

/* A frozen chart: type, title, percent flag, reference, target, then an
** item each (label, value, text, bad), fields apart by US, items by RS. */
#define US "\x1f"
#define RS "\x1e"
static const char *chart_write(Arena *a, const Chart *ch){
  Buf b;
  buf_init(&b);
  buf_raw_printf(&b, "%d" US "%s" US "%d" US "%s" US "%.6g" US "%.6g", ch->eType, ch->zTitle, ch->bPercent,
                 ch->zRefText ? ch->zRefText : "", ch->vRef, ch->vTarget);
  for(int i=0; i<ch->n; i++){
    buf_raw_printf(&b, RS "%s" US "%.6g" US "%s" US "%d", ch->a[i].zLabel, ch->a[i].v, ch->a[i].zText, ch->a[i].bBad);
  }
  const char *z = arena_strdup(a, buf_cstr(&b));
  buf_free(&b);
  return z;
}

/* The next field of a frozen chart, up to US or RS (or the end). */
static const char *chart_field(Arena *a, const char **pz){
  const char *z = *pz;
  size_t n = strcspn(z, US RS);
  *pz = z[n]==0x1f ? z+n+1 : z+n;
  return arena_strndup(a, z, n);
}
static Chart *chart_read(Arena *a, const char *z){
  Chart *ch = arena_alloc(a, sizeof(Chart));
  memset(ch, 0, sizeof *ch);
  ch->eType = atoi(chart_field(a, &z));
  ch->zTitle = chart_field(a, &z);
  ch->bPercent = atoi(chart_field(a, &z));
  ch->zRefText = chart_field(a, &z);
  if( ch->zRefText[0]==0 ) ch->zRefText = 0;
  ch->vRef = atof(chart_field(a, &z));
  ch->vTarget = atof(chart_field(a, &z));
  int n = 0;
  for(const char *s=z; *s; s++) n += *s==0x1e;
  ch->a = arena_alloc(a, sizeof(ChartItem)*(size_t)(n+1));
  while( *z==0x1e && ch->n<n ){
    z++;
    ChartItem *it = &ch->a[ch->n++];
    it->zLabel = chart_field(a, &z);
    it->v = atof(chart_field(a, &z));
    it->zText = chart_field(a, &z);
    it->bBad = atoi(chart_field(a, &z));
  }
  return ch;
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
** pErr naming zWhere ("第5段") and the token. A chart paragraph (bChart)
** is its spec. */
int tpl_check(Arena *a, const char *zTpl, int bChart, const char *zWhere, Buf *pErr){
  if( bChart ){
    ChartSpec cs;
    const char *zWhy = chart_spec(a, zTpl, &cs);
    if( zWhy ) buf_raw_printf(pErr, "%s：%s", zWhere, zWhy);
    return zWhy!=0;
  }
  /* A heading (【…】 opening the paragraph) is words only: tpl_walk copies
  ** it as it stands, so a figure in it would print as its token. */
  if( strncmp(zTpl, "【", strlen("【"))==0 && strstr(zTpl, "】") ){
    const char *e = strstr(zTpl, "】");
    for(const char *s=zTpl; s<e; s++){
      if( s[0]=='{' && s[1]=='{' ){ s++; continue; }
      if( s[0]=='{' ){
        buf_raw_printf(pErr, "%s：小标题（【】之内）不能插入数字，请把数字写在】之后", zWhere);
        return 1;
      }
    }
  }
  Check c = { a, pErr, zWhere, 0 };
  TplWalk w = { a, &c, 0, check_tok, 0, 0, 0 };
  const char *zAt = 0;
  if( tpl_walk(&w, zTpl, &zAt) ){
    int n = 1;                     /* the brace and the whole character after it */
    if( zAt[1] ){ n++; while( ((unsigned char)zAt[n] & 0xC0)==0x80 ) n++; }
    buf_raw_printf(pErr, "%s：“%.*s”处的大括号没有配对（数字标记写成{…}，大括号本身请写成{{或}}）",
                   zWhere, n, zAt);
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
  long long n;
  if( fig_state_count(p, k, zState, &n) ) return;
  run_state_count(p, k->zName, arena_strdup(p->pCtx->pArena, zState), n);
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
  if( e==BLK_CHART ){
    if( !bFrozen ){ doc_chart(p, zTpl); return; }
    Block *b = doc_block(p, e);
    if( zTpl[0] ) b->pChart = chart_read(p->pCtx->pArena, zTpl);
    return;
  }
  doc_block(p, e);
  TplWalk w = { p->pCtx->pArena, &rd, read_text, read_tok, read_lead, 0, 0 };
  const char *zAt = 0;
  if( tpl_walk(&w, zTpl, &zAt) ) run_data(p, zAt);   /* checked on save; shown as typed */
}
