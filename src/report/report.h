/*
** src/report/report.h — the annual 法治政府建设 report (LAW.md §2,
** DOMAIN.md "The annual report").
**
** One call drafts the county's report for a year from the records the
** actor may see: figures come from the declared indicators (never from
** literals), the narrative around them is template text the clerk edits,
** the weaknesses are proposed from indicators below their targets, and the
** sections only people can write are left as marked prompts. Callers: the
** `fazhi report` subcommand and the report page.
*/
#ifndef FZ_REPORT_H
#define FZ_REPORT_H
#include "engine/ctx.h"
#include "engine/query.h"
#include "chart/chart.h"

/*
** Draft the report for calendar year iYear and append it to pOut.
**
** iVersion 0 drafts it from the data as it is now; otherwise it is that
** stored version of the clerk's (see below) — FZ_NOTFOUND when it is not
** one of her department's versions of year iYear.
**
** zFormat is "md" (Markdown: '# ' title, '## ' chapters, paragraphs) or
** "html" (a complete UTF-8 document laid out after GB/T 9704, where every
** figure links to the records behind it: /k/KIND?year=Y&ind=IND&part=num|den)
** or "public" (the same for the government web site: figures without
** links, no charts of departments side by side).
**
** Scope: the records of pCtx->pActor's department subtree. Settings read
** (table `setting`, figures.c): county_name, county_party, county_gov,
** report_to — "NAME@ID" for county ID of a database of several — the
** city_* names for a city's report, and frozen_at. The date line is
** pCtx->zToday.
**
** Returns FZ_OK, or FZ_INTERNAL (unknown format, year outside 1900..2999,
** a database error, or an indicator the report names that is not declared;
** detail in pCtx->zInternal). On error pOut is left as it was. Temporary
** memory is pCtx->pArena; pOut belongs to the caller (buf_free).
*/
int report_write(Ctx *pCtx, int iYear, i64 iVersion, const char *zFormat, Buf *pOut);
/* The year's figures as a workbook at zPath: 指标 (every indicator with its
** numerator, denominator, target and last year's value), 指标口径 (how each
** is counted, in words) and 分部门情况. FZ_OK, or an error in the context. */
int report_xlsx(Ctx*, int iYear, const char *zPath);
/* The report as a Word document laid out to GB/T 9704 (A4, official
** margins and type area, 仿宋 body on a 22 × 28 grid, page numbers).
** bAppendix adds 附件：报告数字的统计口径, how each figure it states is
** counted (ind_define), on pages of its own. */
int report_docx(Ctx*, int iYear, i64 iVersion, int bAppendix, const char *zPath);
/* The report as one HTML document at zPath (report_write's "html"), to be
** downloaded. zFormat "inlay" of report_write is the article alone with
** its style, for the page inside the system's layout. */
int report_html_file(Ctx*, int iYear, i64 iVersion, const char *zPath);

/* The holiday calendar under the year's figures (figures.c): the first
** year not known (cal_year_known: its State Council notice not entered
** whole) that a period counted by one of the year's figures may reach —
** holiday_ind_gap over every indicator that counts a period met or missed
** — or 0. While it is not 0 the draft says so to the drafter, each such
** figure is marked ※, and a version cannot be frozen. */
int report_cal_gap(Ctx*, int iYear);

/* An indicator's definition in words (define.c): the method, what the
** numerator and denominator count (zDen NULL for a count), which date
** puts a record in the year, and the declaration's note (or NULL). */
typedef struct IndDef { const char *zMethod, *zNum, *zDen, *zYear, *zHelp; } IndDef;
void ind_define(Ctx*, const Kind*, const Indicator*, IndDef*);
/* An indicator named as a sentence names it (figures.c): 行政复议 +
** 法定期限结案率 -> 行政复议法定期限结案率, the shared part said once. */
const char *ind_full_label(Arena*, const Kind*, const Indicator*);

/*
** Stored drafts (draft.c). The clerk's report is a numbered version of
** paragraphs per department and year. A paragraph is text in which each
** figure is a token ({reconsideration.ontime_rate%}, tpl.c) computed
** whenever the version is read, until the version is frozen: then its
** document is written out with every value and never changes; an edit
** after that is a new version (draft_create with iFrom).
**
** Scope: the actor's department. Writes need a writing role (FZ_FORBIDDEN).
** User errors (FZ_INVALID, FZ_CONFLICT) are in the context, in Chinese.
*/
/* Whose drafts and baselines: the department at the root of the actor's
** scope (the county for a county admin); the command line's "/" is the
** county when the database holds one, else 0. */
i64 report_scope(Ctx*);

typedef struct DraftPara {
  const char *zType;       /* title | to | h1 | p | point | sign | date | foot */
  const char *zTpl;        /* the text with its tokens */
  const char *zKey;        /* point: the indicator (and group) it is about, "" otherwise */
  const char *zState;      /* point: "" accepted, "proposed" (by the data), "dropped" */
} DraftPara;
typedef struct DraftVersion {
  i64 id;
  int iYear, iNo;
  int iBasedOn;            /* the version no it was copied from; 0: drafted from the data */
  const char *zCreatedAt, *zCreatedBy;
  const char *zFrozenAt, *zFrozenBy;   /* NULL while live */
  const char *zFrozenDoc;
  DraftPara *aPara;        /* draft_load only */
  int nPara;
} DraftVersion;
int draft_list(Ctx*, int iYear, DraftVersion **paOut, int *pnOut);   /* newest first, no paragraphs */
i64 draft_latest(Ctx*, int iYear);                                   /* 0 when there is none */
i64 draft_published(Ctx*, int iYear);                 /* the latest frozen version, 0 when none */
int draft_load(Ctx*, i64 id, DraftVersion*);
int draft_create(Ctx*, int iYear, i64 iFrom /* 0: from the data */, i64 *piNew);
int draft_save(Ctx*, i64 id, const DraftPara*, int n);
/* The editor's form (form.c) read through xGet (a field's value by name,
** NULL when absent) into the paragraphs draft_save takes: FZ_OK;
** FZ_INVALID with the user errors in the context and *paOut what was
** typed, to show again; -1 when the form is incomplete (*pzBad says so,
** in Chinese: answer 400). v is the version as stored. */
int draft_from_form(Ctx*, const DraftVersion *v, const char *(*xGet)(void*, const char*), void *pArg,
                    DraftPara **paOut, int *pnOut, const char **pzBad);
/* Refused (FZ_INVALID) while a point is still "proposed" or a prompt for
** the drafter is left; FZ_CONFLICT when already frozen. */
int draft_freeze(Ctx*, i64 id);
/* The points the data proposes now that version id lacks (by key). */
int draft_proposals(Ctx*, i64 id, DraftPara **paOut, int *pnOut);
/* Each paragraph of a loaded version with its figures computed, as HTML
** (escaped text, figures linked to their records); NULL on error. */
const char **draft_para_html(Ctx*, const DraftVersion*);

/*
** The editor in Chinese (cn.c): the drafter never reads or types a token.
** A paragraph is shown as pieces (text, figure chips with their Chinese
** names and values, prompts) or, in a textarea, as text with 〔名称〕
** markers; draft_from_cn reads the markers back into tokens.
*/
enum { PIECE_TEXT = 1, PIECE_FIG, PIECE_PROMPT };
typedef struct DraftPiece {
  int eType;               /* PIECE_* */
  const char *zText;       /* TEXT: the text; FIG: its Chinese name; PROMPT: the prompt */
  const char *zTok;        /* FIG, PROMPT: the token as stored, braces included */
  const char *zValue;      /* FIG: what it reads now ("22.5%（9/40）"; "" for a chart's or a line break) */
  const char *zHref;       /* FIG: the records behind it, or NULL */
} DraftPiece;
/* A figure the drafter may insert (the picker). */
typedef struct DraftFig {
  const char *zChapter;    /* the report's section it belongs to */
  const char *zKind;       /* the kind's label ("名称与日期" for the report's names) */
  const char *zName;       /* its Chinese name, as a marker names it */
  const char *zTok;        /* its token */
  const char *zMarker;     /* its marker, as the textarea takes it: 〔行政复议纠错率〕 */
  const char *zValue, *zHref;   /* what it reads now; its records (or NULL) */
} DraftFig;
typedef struct DraftEditor {
  const char **azCn;       /* paragraph i (then aNew's) with 〔〕 markers */
  DraftPiece **aaPiece;    /* the same as pieces */
  int *anPiece;
  DraftFig *aFig;          /* every figure of every kind (the registry's), by chapter and kind */
  int nFig;
} DraftEditor;
/* The editor of v (and the points aNew the data proposes): FZ_OK or FZ_INTERNAL. */
int draft_editor(Ctx*, const DraftVersion *v, const DraftPara *aNew, int nNew, DraftEditor*);
/* A paragraph's tokens as 〔〕 markers (bChart: a chart paragraph). */
const char *draft_cn(Ctx*, const char *zTpl, int bChart);
/* Marker text zCn as a paragraph of tokens (*pzTpl); returns the number
** of user errors added to the context, each naming zWhere ("第3段"). */
int draft_from_cn(Ctx*, const char *zCn, int bChart, const char *zWhere, const char **pzTpl);

/* The finished report's paragraphs as plain text, from the data
** (iVersion 0) or a stored version: the comparison of versions. */
int report_paragraphs(Ctx*, int iYear, i64 iVersion, const char ***pazText, int *pn);

/*
** Last year's report as the baseline (baseline.c): for a county that
** started using fazhi this year, the figures of the report it published
** (plain text) matched to indicators, each with its sentence. Importing a
** year again replaces it. Year on year, 近年变化 and the workbook's 上年数值
** take a year's baseline figure over its records (a county's first
** records of a year seldom cover all of it).
*/
typedef struct BaseFig {
  const Kind *k;
  const Indicator *ind;
  const char *zValue;      /* as written: "270", "96.4" */
  double v;
  const char *zUnit;       /* import only */
  const char *zLabel;      /* the words it followed */
  const char *zSentence;   /* the sentence it came from */
} BaseFig;
typedef struct Baseline {
  int iYear;
  const char *zImportedAt, *zImportedBy;   /* NULL: none for that year */
  BaseFig *a;
  int n;
  int nFig;                /* import: figures read in the text */
  const char **azFinding;  /* import: contradictions among them (extract.c) */
  int nFinding;
} Baseline;
int baseline_import(Ctx*, int iYear, const char *zText, Baseline*);
int baseline_load(Ctx*, int iYear, Baseline*);
const BaseFig *baseline_find(const Baseline*, const Kind*, const Indicator*);
/* Takes one figure out of a year's baseline (read as the wrong indicator). */
int baseline_drop(Ctx*, int iYear, const char *zKind, const char *zInd);

/* A database of several counties (counties.c): every indicator of the
** year for each county in the actor's scope, and for the whole scope (the
** last value of each row: sums of the counties' records). */
typedef struct CountyRow { const Kind *pKind; const Indicator *pInd; IndValue *aVal; } CountyRow;
typedef struct CountyGrid {
  int iYear;
  int nCounty;
  i64 *aId;
  const char **azName;
  CountyRow *aRow;         /* every indicator, in the dashboard's order */
  int nRow;
} CountyGrid;
int report_county_grid(Ctx*, int iYear, CountyGrid*);
const char *county_cell(Arena*, const IndValue*);     /* "96.4%（2331/2418）", "270件", "—" */
/* The grid as a workbook at zPath, or (zPath NULL) a Markdown table in pOut. */
int report_counties(Ctx*, int iYear, const char *zPath, Buf *pOut);

/* Charts (charts.c): a breakdown's first nMax groups; one indicator over
** the nYears years up to iYear, from the first with data (c->n may be
** below 2: nothing to compare). */
void chart_breakdown(Arena*, const BreakSet*, int nMax, Chart*);
int  chart_trend(Ctx*, const Kind*, const Indicator*, int iYear, int nYears, i64 iDept /* 0: whole scope */, Chart*);
#define CHART_YEARS 5      /* how far back 近年变化 looks, on a page and in the report */

#endif
