/*
** src/transfer/audit_export.c — the 操作审计日志 query as an xlsx workbook
** (/audit.xlsx): the rows the page lists, every page of them, newest
** first, times in the county's zone, up to AUDIT_EXPORT_MAX rows.
*/
#include "transfer/transfer.h"
#include "audit/audit.h"
#include "engine/setting.h"
#include "calendar/clock.h"

#define AUDIT_EXPORT_MAX 200000
#define AUDIT_EXPORT_PAGE 2000

int audit_export_xlsx(Ctx *c, const char *zScope, const AuditFilter *f, const char *zPath, long long *pnRows){
  static const char *const azHead[] = { "序号", "时间", "操作人", "账号", "操作", "对象", "记录编号", "哈希" };
  static const double aWidth[] = { 10, 18, 24, 14, 16, 18, 10, 66 };
  XlsxOut *x = xlsx_out_open(zPath, "操作审计日志", 1);
  if( x==0 ) return err_internal(c, "xlsx open failed: %s", zPath);
  xlsx_out_header(x, 8, azHead, aWidth);
  int nZone = ctx_zone(c), iRow = 0, rc = 0, bMore = 0;
  for(int nPage=1; iRow<AUDIT_EXPORT_MAX; nPage++){
    AuditEntry *a;
    int n;
    Arena *pSave = c->pArena, page;
    arena_init(&page);
    c->pArena = &page;                 /* one page's rows at a time */
    rc = audit_page(c, zScope, f, nPage, AUDIT_EXPORT_PAGE, &a, &n, 0);
    if( !rc && iRow + n > AUDIT_EXPORT_MAX ) bMore = 1;    /* rows past the cap */
    for(int i=0; i<n && !rc && iRow<AUDIT_EXPORT_MAX; i++){
      const Kind *k = kind_find(a[i].zKind);
      char zAt[40];
      iRow++;
      xlsx_out_int(x, iRow, 0, a[i].id);
      xlsx_out_str(x, iRow, 1, clock_local_iso(a[i].zAt, nZone, 1, zAt, sizeof zAt));
      xlsx_out_str(x, iRow, 2, a[i].zWho);
      xlsx_out_str(x, iRow, 3, a[i].zLogin);
      xlsx_out_str(x, iRow, 4, audit_action_label(k, a[i].zAction));
      xlsx_out_str(x, iRow, 5, k ? k->zLabel : audit_object_label(a[i].zKind));
      if( a[i].iRec ) xlsx_out_int(x, iRow, 6, a[i].iRec);
      xlsx_out_str(x, iRow, 7, a[i].zHash);
    }
    c->pArena = pSave;
    arena_free(&page);
    if( rc || n<AUDIT_EXPORT_PAGE ) break;
    if( iRow>=AUDIT_EXPORT_MAX ){ bMore = 1; break; }   /* a full last page: there may be more */
  }
  /* never silently short: the file says where it stops */
  if( bMore ) xlsx_out_str(x, iRow+1, 1, "仅导出了最新的200000条；更早的日志请缩小日期范围后分批导出");
  if( xlsx_out_close(x) && rc==0 ) return err_internal(c, "xlsx write failed: %s", zPath);
  if( rc ) return err_internal(c, "audit export: database error %d", rc);
  *pnRows = iRow;
  return FZ_OK;
}
