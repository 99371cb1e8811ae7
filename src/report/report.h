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

/*
** Draft the report for calendar year iYear and append it to pOut.
**
** zFormat is "md" (Markdown: '# ' title, '## ' chapters, paragraphs) or
** "html" (a complete UTF-8 document laid out after GB/T 9704, where every
** figure links to the records behind it: /k/KIND?year=Y&ind=IND&part=num|den).
**
** Scope: the records of pCtx->pActor's department subtree. Settings read:
** county_name, county_party, county_gov, report_to, frozen_at (table
** `setting`). The date line is pCtx->zToday.
**
** Returns FZ_OK, or FZ_INTERNAL (unknown format, year outside 1900..2999,
** a database error, or an indicator the report names that is not declared;
** detail in pCtx->zInternal). On error pOut is left as it was. Temporary
** memory is pCtx->pArena; pOut belongs to the caller (buf_free).
*/
int report_write(Ctx *pCtx, int iYear, const char *zFormat, Buf *pOut);
/* The year's figures as a workbook at zPath: 指标 (every indicator with its
** numerator, denominator, target and last year's value), 指标口径 (how each
** is counted, in words) and 分部门情况. FZ_OK, or an error in the context. */
int report_xlsx(Ctx*, int iYear, const char *zPath);
/* The report as a Word document laid out to GB/T 9704 (A4, official
** margins and type area, 仿宋 body on a 22 × 28 grid, page numbers). */
int report_docx(Ctx*, int iYear, const char *zPath);

#endif
