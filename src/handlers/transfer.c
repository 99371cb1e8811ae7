/*
** src/handlers/transfer.c — export of the current query, the import
** template, and imports (upload form, multipart or raw body).
*/
#include "handlers/handlers.h"
#include "transfer/transfer.h"
#include "report/report.h"
#include "audit/audit.h"
#include "web/web.h"
#include "base/progress.h"
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <time.h>

static const char *tmp_file(Req *r){ return req_temp_path(r, "out"); }

/* Now in the county's zone as YYYYMMDD (bTime: YYYYMMDDHHMMSS), for file names. */
static const char *stamp(Req *r, int bTime){
  char z[40];
  const char *zNow = web_time_unix(r, (i64)time(0));      /* "2026-12-07 21:56:05" */
  snprintf(z, sizeof z, "%.4s%.2s%.2s", zNow, zNow+5, zNow+8);
  if( bTime ) snprintf(z+8, sizeof z-8, "%.2s%.2s%.2s", zNow+11, zNow+14, zNow+17);
  return arena_strdup(&r->arena, z);
}

/* Sends zPath as a download named zName (Chinese, UTF-8) with extension
** zExt: the name for browsers in RFC 6266/5987's filename*, an ASCII one
** (zAscii and the time, for clients that read only filename) beside it. */
static void attach(Req *r, const char *zPath, const char *zAscii, const char *zName, const char *zExt, const char *zType){
  Buf b;
  buf_init(&b);
  buf_raw_printf(&b, "attachment; filename=\"%s_%s.%s\"; filename*=UTF-8''", zAscii, stamp(r, 1), zExt);
  buf_url(&b, zName);
  buf_raw_printf(&b, ".%s", zExt);
  r->zSendFile = zPath;
  r->zContentType = zType;
  req_header(r, "Content-Disposition", arena_strdup(&r->arena, buf_cstr(&b)));
  buf_free(&b);
}

void h_export(Req *r){
  Query q;
  query_from_req(r, &q);
  q.nSize = 0;
  q.bTransient = 1;
  const char *zPath = tmp_file(r);
  long long n = 0;
  if( zPath==0 || export_query(&r->ctx, &q, "xlsx", zPath, &n) ){
    if( zPath ) unlink(zPath);
    req_fail_internal(r);
    return;
  }
  attach(r, zPath, r->pKind->zName, arena_printf(&r->arena, "%s_%s", r->pKind->zLabel, stamp(r, 0)), "xlsx",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

/* /k/KIND/export.csv: the list's query as CSV, streamed: the download
** starts at once, written as the records are read (export_stream_csv). */
void h_export_csv(Req *r){
  Query q;
  query_from_req(r, &q);
  int fd = -1;
  if( export_stream_csv(&r->ctx, &q, req_store_target(r), &fd) ){ req_fail_internal(r); return; }
  r->iSendPipe = fd + 1;
  attach(r, 0, r->pKind->zName, arena_printf(&r->arena, "%s_%s", r->pKind->zLabel, stamp(r, 0)), "csv", "text/csv; charset=utf-8");
}

void h_template(Req *r){
  const char *zPath = tmp_file(r);
  if( zPath==0 || export_template(&r->ctx, r->pKind, zPath) ){
    if( zPath ) unlink(zPath);
    req_fail_internal(r);
    return;
  }
  attach(r, zPath, arena_printf(&r->arena, "%s_template", r->pKind->zName),
         arena_printf(&r->arena, "%s_导入模板", r->pKind->zLabel), "xlsx",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

static const char *const zXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
static const char *const zDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/* The report as Word (/report.docx, ?version= as /report reads it) or
** its figures workbook (/report.xlsx). */
void h_report_file(Req *r){
  int iYear = req_report_year(r), bDocx = strcmp(r->zPath, "/report.docx")==0;
  i64 iVersion = 0;
  if( bDocx && req_report_version(r, iYear, &iVersion) ) return;
  const char *zPath = tmp_file(r);
  int rc = zPath==0 ? FZ_INTERNAL : bDocx ? report_docx(&r->ctx, iYear, iVersion, req_param_int(r, "appendix", 0)!=0, zPath) : report_xlsx(&r->ctx, iYear, zPath);
  if( rc ){
    if( zPath ) unlink(zPath);
    req_answer(r, rc==FZ_NOTFOUND ? rc : FZ_INTERNAL, &(View){ .zNotFound="没有这个报告版本（或它不属于您的单位、不是这一年度的）" });
    return;
  }
  const char *zTitle = arena_printf(&r->arena, "%s%d年法治政府建设情况报告", dept_county_name(r->ctx.pDb, &r->arena, r->actor.zDeptPath), iYear);
  attach(r, zPath, arena_printf(&r->arena, bDocx ? "report_%d" : "figures_%d", iYear),
         bDocx ? zTitle : arena_printf(&r->arena, "%s_数字与统计口径", zTitle),
         bDocx ? "docx" : "xlsx", bDocx ? zDocxType : zXlsxType);
}

/* /report.html: the report as one HTML document (?version= as /report
** reads it), to keep or send: the page /report's 下载HTML. */
void h_report_html(Req *r){
  int iYear = req_report_year(r);
  i64 iVersion = 0;
  if( req_report_version(r, iYear, &iVersion) ) return;
  const char *zPath = tmp_file(r);
  int rc = zPath==0 ? FZ_INTERNAL : report_html_file(&r->ctx, iYear, iVersion, zPath);
  if( rc ){
    if( zPath ) unlink(zPath);
    req_answer(r, rc==FZ_NOTFOUND ? rc : FZ_INTERNAL, &(View){ .zNotFound="没有这个报告版本（或它不属于您的单位、不是这一年度的）" });
    return;
  }
  attach(r, zPath, arena_printf(&r->arena, "report_%d", iYear), arena_printf(&r->arena, "%s%d年法治政府建设情况报告",
         dept_county_name(r->ctx.pDb, &r->arena, r->actor.zDeptPath), iYear), "html", "text/html; charset=utf-8");
}

/* /audit.xlsx: the 操作审计日志 page's query, every page of it. */
void h_audit_export(Req *r){
  AuditFilter f;
  if( audit_filter(&r->ctx, req_param(r, "who"), req_param(r, "action"), req_param(r, "kind"),
                   req_param(r, "from"), req_param(r, "to"), &f) ){
    req_answer(r, FZ_INVALID, &(View){ 0 });
    return;
  }
  const char *zPath = tmp_file(r);
  long long n = 0;
  if( zPath==0 || audit_export_xlsx(&r->ctx, r->actor.zDeptPath, &f, zPath, &n) ){
    if( zPath ) unlink(zPath);
    req_fail_internal(r);
    return;
  }
  attach(r, zPath, "audit", "操作审计日志", "xlsx", zXlsxType);
}

void h_import_form(Req *r){ web_import_form(r, r->pKind); }

/* GET /api/v1/progress/KEY: the counts of the user's import running under
** KEY (the import page's random key, its _progress field); "started":
** false while its upload is still arriving (or for a key not the user's:
** the same answer, so it tells nothing of other people's work). */
void h_progress(Req *r){
  ProgressSnap s;
  int bFound = progress_peek(r->zArg, r->actor.iUser, &s);
  req_answer(r, FZ_OK, &(View){ .eView=VIEW_PROGRESS, .pProgress=bFound ? &s : 0 });
}

void h_import(Req *r){
  int n = 0, rc = FZ_OK;
  Progress pg;                   /* read, checked, written: the page polls /api/v1/progress/KEY */
  progress_start(&pg, 0, 0);
  if( progress_share(&pg, req_param(r, "_progress"), r->actor.iUser)==0 ) r->ctx.pProgress = &pg;
  if( r->zUploadPath==0 ){
    err_add(&r->ctx, 0, 0, "没有收到文件，请选择要导入的 .xlsx 或 .csv 文件");
  }else{
    rc = import_file(&r->ctx, r->pKind, r->zUploadPath, &n);
  }
  progress_end(&pg);
  r->ctx.pProgress = 0;
  if( rc!=FZ_INTERNAL ) rc = r->ctx.err.n ? FZ_INVALID : FZ_OK;
  req_answer(r, rc, &(View){ .eView=VIEW_IMPORTED, .eAgain=VIEW_IMPORT_FORM, .pKind=r->pKind, .n1=n });
}
