/*
** src/report/report_int.h — private to src/report/: the drafted document
** as data, shared by the part that writes it (text.c, from figures.c) and
** the parts that render it (md.c, html.c).
**
** A Doc is a list of Blocks (title, addressee, chapter heading, paragraph,
** signature, date, footnote); a Block is a list of Runs. A Run is template
** text, text that came from a setting (user data: escaped by every
** renderer), a figure (a number that links to the records behind it), the
** 楷体 lead-in of a subsection, a drafter's prompt, or a line break.
** Everything lives in the context's arena. Nothing outside src/report/
** includes this header.
*/
#ifndef FZ_REPORT_INT_H
#define FZ_REPORT_INT_H
#include "report/report.h"
#include "engine/query.h"

typedef enum RunType {
  RUN_TEXT = 1,   /* template text written in this module (trusted) */
  RUN_DATA,       /* text from a setting: escaped by the renderers */
  RUN_FIG,        /* a figure: zText, linked by zKind/zInd/bDen or zKind/zState */
  RUN_LEAD,       /* "（一）依法全面履行政府职能。": 楷体 in HTML */
  RUN_NOTE,       /* "（此部分由起草人根据实际填写…）": a prompt for the drafter */
  RUN_BREAK       /* line break inside the title (HTML only) */
} RunType;

typedef struct Run Run;
struct Run {
  RunType eType;
  const char *z;           /* the text (all types but RUN_BREAK) */
  const char *zKind;       /* RUN_FIG: kind the figure counts */
  const char *zInd;        /* RUN_FIG: indicator, or NULL when zState links it */
  int bDen;                /* RUN_FIG: 1 = the indicator's denominator */
  const char *zState;      /* RUN_FIG with zInd NULL: records of kind in this state */
  const char *zParam;      /* RUN_FIG: one more list filter (a breakdown's group), or NULL */
  const char *zParamValue;
  const char *zHref;       /* RUN_FIG of a frozen document: the link as it was written */
  const char *zTok;        /* where the text came from, as a draft token ("{k.i%}",
                              "{party}"); NULL for literal text (tpl.c) */
  int nSpan;               /* runs after this one that zTok also wrote ("（", counts, "）") */
  Run *pNext;
};

typedef enum BlockType {
  BLK_TITLE = 1,  /* 标题 (2号小标宋, centred) */
  BLK_TO,         /* 主送机关 ("市委、市政府：", flush left) */
  BLK_H1,         /* 一级标题 "一、…" (黑体) */
  BLK_P,          /* paragraph, first line indented two characters */
  BLK_SIGN,       /* 发文机关署名 (right) */
  BLK_DATE,       /* 成文日期 (right, 右空四字) */
  BLK_FOOT,       /* 统计期间 and data-freeze line */
  BLK_POINT,      /* one 不足 of chapter 三: joined with its neighbours into
                     the paragraph before ("一是…；二是…。") by doc_finish() */
  BLK_ANNEX,      /* "附件": 黑体, flush left, on a new page (annex.c) */
  BLK_CHART       /* a chart (pChart) after the report: the HTML draws it under
                     附图; Word and Markdown leave it out */
} BlockType;

typedef struct Block Block;
struct Block {
  BlockType eType;
  const char *zKey;        /* BLK_POINT: what it is about ("kind.ind", "kind.ind|param=value");
                              BLK_CHART: its spec ("近年变化：{kind.ind}", "分组比较：{kind.ind|by=dept}") */
  Chart *pChart;           /* BLK_CHART: the data drawn (NULL: nothing to draw) */
  Run *pFirst, *pLast;
  Block *pNext;
};

typedef struct Doc {
  int iYear;
  const char *zTitle;      /* the whole title as one line (HTML <title>) */
  Block *pFirst, *pLast;
} Doc;

/* The year's records of a kind in each of its states (fig_state_count). */
typedef struct StateCount { struct StateCount *pNext; const Kind *k; long long *an; } StateCount;

/* The state of one drafting: context, settings, the document so far and
** the clause punctuation of the sentence being written. */
typedef struct Report {
  Ctx *pCtx;
  int iYear;
  int rc;                  /* sticky: first FZ_INTERNAL; the draft is then discarded */
  const char *zCounty;     /* 浚县 */
  const char *zParty;      /* 中共浚县县委 */
  const char *zGov;        /* 浚县人民政府 */
  const char *zTo;         /* 市委、市政府： */
  const char *zWe;         /* 我县 / 我区 / 我市 */
  const char *zFrozen;     /* "2025年1月20日 18:00" */
  const char *zDate;       /* "2025年1月23日" (pCtx->zToday) */
  Doc doc;
  Block *pCur;             /* block receiving runs */
  int nClause;             /* clauses in the current sentence */
  const char *zPend;       /* punctuation owed before the next clause ("；") */
  int nSub;                /* subsections written under 一、 */
  Baseline *pBase;         /* last year's baseline, loaded when first needed */
  int bLastFromBase;       /* fig_last_year's figure came from it */
#define MAX_CHARTS 8
  const char *azChart[MAX_CHARTS];   /* 附图 of the breakdowns chapter 三 names */
  int nChart;
  StateCount *pStates;     /* state counts so far, one entry per kind */
} Report;

/* figures.c — settings, indicator values, dates as Chinese text */
void fig_settings(Report*);
int  fig_get(Report*, const char *zKind, const char *zInd, IndValue *pv);
int  fig_get_year(Report*, const char *zKind, const char *zInd, int iYear, IndValue *pv);
int  fig_last_year(Report*, const char *zKind, const char *zInd, IndValue *pv, int *pbSamePeriod);
const char *fig_cn_date(Report*, const char *zIso);
const char *fig_now(Report*);    /* this moment as the date line writes it (the pinned day in tests) */
const char *fig_cn_number(Report*, int n);
const char *fig_ind_label(Report*, const Kind*, const Indicator*);
int  fig_state_count(Report*, const Kind*, const char *zState, long long *pn); /* the year's records in zState */

/* report.c — building the Doc */
Block *doc_block(Report*, BlockType);
void run_text(Report*, const char *z);
void run_data(Report*, const char *z);
void run_lead(Report*, const char *z);     /* the head only: doc_finish() numbers it */
void run_setting(Report*, const char *zName, const char *zValue);
void run_note(Report*, const char *z);
void run_break(Report*);
void run_count(Report*, const IndValue*, int bDen);
void run_value(Report*, const IndValue*);
void run_rate(Report*, const IndValue*);
/* run_rate for one group of a breakdown: its figures link to the group's records. */
void run_rate_in(Report*, const IndValue*, const char *zParam, const char *zValue);
void run_state_count(Report*, const char *zKind, const char *zState, long long n);
void run_average(Report*, const IndValue*, const char *zUnit);   /* 3.5份（35/10） */
int  run_figure(Report*, const Kind*, const char *zInd, char cSuffix);
void doc_finish(Report*);
const char *lead_numbered(Report*, int n, const char *zHead);   /* "（n）head。" */
void doc_appendix(Report*);              /* annex.c: 附件：报告数字的统计口径 */
Block *doc_chart(Report*, const char *zSpec); /* tpl.c: a chart block from its spec, computed */
void doc_drop_last(Report*);                 /* report.c: takes the last block off again */
void clause(Report*);
void clause_semi(Report*);
void sentence_end(Report*);

/* text.c — the wording. The subsections that open chapter 一, in this
** order (the order the report has always had); the kinds declare their
** wording (ReportText, declared.c) and every other section follows in the
** order of the kinds. */
#define SEC_SERVICES "依法全面履行政府职能"
#define SEC_RULES    "健全依法行政制度体系"
#define SEC_DISPUTES "依法有效化解矛盾纠纷"
void text_compose(Report*);

/* declared.c — sentences the kinds declare (ReportText) */
int  declared_section(Report*, const char *zSection, int bOpen);
void declared_rest(Report*, const char *const *azDone);

/* report.c, draft.c — the document from the data or from a stored version */
void report_init(Report*, Ctx*, int iYear);
int report_compose(Ctx*, int iYear, i64 iVersion, int bRaw, const char *(*xFrozen)(Report*), Report*);
int draft_compose(Report*, const DraftVersion*);

/* tpl.c — a stored draft's paragraphs as text and back */
const char *tpl_block_name(BlockType);
BlockType   tpl_block_type(const char *zName);            /* 0 if unknown */
const char *tpl_write(Arena*, const Block*, int iYear, int bFrozen);
void        tpl_read(Report*, BlockType, const char *zTpl, int bFrozen);
int         tpl_check(Arena*, const char *zTpl, int bChart, const char *zWhere, Buf *pErr);
void        run_href(const Run*, int iYear, Buf*);        /* a figure's link: /k/KIND?year=… */
const char *tpl_tok_escape(Arena*, const char *z);        /* text to sit inside a token */
/* A token's parts: kind, indicator or state, suffix, group. */
typedef struct Tok {
  char zKind[64], zName[64];
  char cSep;                /* '.' an indicator, '@' a state, 0 a setting */
  char cSuf;                /* 0 / = % ~ ^ - */
  const char *zParam, *zValue;   /* a breakdown's group, or NULL */
} Tok;
int         tok_parse(Arena*, const char *zInside, Tok*);   /* "kind.ind%|p=v" (no braces): 0 when well formed */
const char *tok_problem(Arena*, const char *zInside);       /* why it cannot be read (Chinese), NULL when it can */
/* Walks the tokens of a paragraph: xText gets literal text (unescaped),
** xTok a token's inside (unescaped; zRaw/nRaw the token as written, braces
** included), xLead the 【】 lead-in's text. */
typedef struct TplWalk {
  Arena *a;
  void *pArg;
  void (*xText)(void*, const char *z);
  void (*xTok)(void*, const char *zTok);
  void (*xLead)(void*, const char *z);
  const char *zRaw;        /* during xTok: the token as written in the paragraph */
  size_t nRaw;
} TplWalk;
int tpl_walk(TplWalk*, const char *zTpl, const char **pzAt);

/* md.c, html.c — renderers; they cannot fail */
void md_render(const Doc*, Buf*);
int  docx_render(const Doc*, const char *zPath);   /* docx.c: GB/T 9704 layout; 0 or 1 */
void html_render(const Doc*, int bPublic, Buf*);
void html_article(const Doc*, int bPublic, Buf*);  /* its <style> and <article> alone (inside the layout) */   /* bPublic: no links, no department charts */
void html_runs(const Block*, int iYear, Buf*);   /* one block's runs (no element around them) */
/* The report's storage (store.c): every query on report_version,
** report_para, baseline_report and baseline_fig. Reads return FZ_*
** (errors recorded); writes, inside the caller's transaction, 0 or
** non-zero on a database error (-1: the row to change was not there). */
int store_version_list(Ctx*, i64 iScope, int iYear, DraftVersion **paOut, int *pnOut);
int store_version_get(Ctx*, i64 iScope, i64 id, DraftVersion*);
int store_version_add(Ctx*, i64 iScope, int iYear, int iBasedOn, i64 *piNew);
int store_paras_put(Ctx*, i64 id, const DraftPara*, int n, int bReplace);
int store_version_freeze(Ctx*, i64 id, const char *zDoc);
int store_baseline_put(Ctx*, i64 iScope, Baseline*, const char *zText);
int store_baseline_get(Ctx*, i64 iScope, int iYear, Baseline*);
int store_baseline_drop(Ctx*, i64 iScope, int iYear, const char *zKind, const char *zInd);

#endif
