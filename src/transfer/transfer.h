/*
** src/transfer/transfer.h — records in and out of files: import from
** CSV/XLSX (all or nothing), export of a query to XLSX/CSV/JSON, and the
** import template with drop-down lists. Web pages, the API and the
** command line all call these.
*/
#ifndef FZ_TRANSFER_H
#define FZ_TRANSFER_H
#include "engine/query.h"
#include "io/table.h"

int import_table(Ctx*, const Kind*, const IoTable*, int *pnImported);
int import_file(Ctx*, const Kind*, const char *zPath, int *pnImported);
/* Writes every record of the query to zPath. zFormat: "xlsx", "csv" or "json". */
int export_query(Ctx*, const Query*, const char *zFormat, const char *zPath, long long *pnRows);
int export_template(Ctx*, const Kind*, const char *zPath);
/* The query's records as CSV written into a pipe as they are read: *pFd
** is its read end, to be sent as the answer while a thread of its own
** (its own connection to zDb, one read snapshot, the actor's scope and
** the query copied) writes; the download starts at once and the file is
** never whole in memory or on disk. A failure after the start ends the
** file with a line saying it is incomplete. FZ_OK or FZ_INTERNAL. */
int export_stream_csv(Ctx*, const Query*, const char *zDb, int *pFd);
/* The export's first column (the record's number): 编号, or 系统编号
** where the kind has a field named 编号; the importer skips it. */
const char *export_id_header(const Kind*);
/* The 操作审计日志 query (audit_page's scope and filter) as an xlsx file at
** zPath, newest first, at most 200,000 rows; *pnRows written. FZ_OK or
** FZ_INTERNAL. */
struct AuditFilter;
int audit_export_xlsx(Ctx*, const char *zScope, const struct AuditFilter*, const char *zPath, long long *pnRows);
#endif
