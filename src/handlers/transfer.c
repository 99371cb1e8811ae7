/*
** src/handlers/transfer.c — export of the current query, the import
** template, and imports (upload form, multipart or raw body).
*/
#include "handlers/handlers.h"
#include "transfer/transfer.h"
#include "report/report.h"
#include "web/web.h"
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <time.h>

static const char *tmp_file(Req *r){ return req_temp_path(r, "out"); }

static void attach(Req *r, const char *zPath, const char *zBase, const char *zExt, const char *zType){
  char zStamp[32];
  time_t t = time(0);
  struct tm tm;
  localtime_r(&t, &tm);
  strftime(zStamp, sizeof zStamp, "%Y%m%d%H%M%S", &tm);
  r->zSendFile = zPath;
  r->zContentType = zType;
  req_header(r, "Content-Disposition", arena_printf(&r->arena,
      "attachment; filename=\"%s_%s.%s\"", zBase, zStamp, zExt));
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
  attach(r, zPath, r->pKind->zName, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

void h_template(Req *r){
  const char *zPath = tmp_file(r);
  if( zPath==0 || export_template(&r->ctx, r->pKind, zPath) ){
    if( zPath ) unlink(zPath);
    req_fail_internal(r);
    return;
  }
  attach(r, zPath, arena_printf(&r->arena, "%s_template", r->pKind->zName), "xlsx",
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
  attach(r, zPath, arena_printf(&r->arena, bDocx ? "report_%d" : "figures_%d", iYear), bDocx ? "docx" : "xlsx", bDocx ? zDocxType : zXlsxType);
}

void h_import_form(Req *r){ web_import_form(r, r->pKind); }

void h_import(Req *r){
  int n = 0, rc = FZ_OK;
  if( r->zUploadPath==0 ){
    err_add(&r->ctx, 0, 0, "没有收到文件，请选择要导入的 .xlsx 或 .csv 文件");
  }else{
    rc = import_file(&r->ctx, r->pKind, r->zUploadPath, &n);
  }
  if( rc!=FZ_INTERNAL ) rc = r->ctx.err.n ? FZ_INVALID : FZ_OK;
  req_answer(r, rc, &(View){ .eView=VIEW_IMPORTED, .eAgain=VIEW_IMPORT_FORM, .pKind=r->pKind, .n1=n });
}
