/*
** src/handlers/report.c — the annual report and its stored drafts.
**
**   GET  /report[.md]            the report (?year=, ?version=ID|data)
**   GET  /report/drafts          the versions of a year, and a new one
**   POST /report/drafts          a new version: from the data, or a copy (from=ID)
**   GET  /report/v/:id           a version: its editor, or the frozen text
**   POST /report/v/:id           the clerk's paragraphs, order and points
**   POST /report/v/:id/freeze    freeze it
**   GET  /report/compare         two versions (or one and the data) side by side
**
** Which report the outputs show: ?version=ID that version, ?version=data
** the draft from the data as it is now, and without it the latest version
** when the year has one, else the draft from the data.
*/
#include "handlers/handlers.h"
#include "report/report.h"
#include "web/web.h"
#include <string.h>
#include <stdlib.h>

/* The report's year: ?year=, else last year (the report is written in
** spring about the year before). */
int req_report_year(Req *r){
  int iYear = req_param(r, "year") ? req_year(r) : 0;
  return iYear ? iYear : atoi(r->ctx.zToday) - 1;
}

int req_report_version(Req *r, int iYear, i64 *piVersion){
  const char *z = req_param(r, "version");
  *piVersion = 0;
  if( z && strcmp(z, "data")==0 ) return 0;
  if( z && z[0] ){
    char *zEnd;
    long long id = strtoll(z, &zEnd, 10);
    if( *zEnd || id<=0 ){ req_fail(r, 400, "版本号应为数字"); return 1; }
    *piVersion = id;
    return 0;
  }
  *piVersion = draft_latest(&r->ctx, iYear);
  return 0;
}

/* The messages of the report's failures: a version that is not the
** clerk's is 404; a reader's account may not write. */
#define REPORT_FAILS \
  .zNotFound="没有这个报告版本（或它不属于您的单位、不是这一年度的）", \
  .zForbidden="您的账号只能查看，不能起草或修改报告"

static void report_fail(Req *r, int rc){
  req_answer(r, rc, &(View){ REPORT_FAILS });
}

/* The report's article for the page inside the layout, in the request's
** arena (*pz); report_write's code. */
static int report_inlay(Req *r, int iYear, i64 iVersion, const char **pz){
  Buf b;
  buf_init(&b);
  int rc = report_write(&r->ctx, iYear, iVersion, "inlay", &b);
  *pz = rc ? 0 : arena_strndup(&r->arena, b.z ? b.z : "", b.n);
  buf_free(&b);
  return rc;
}

void h_report(Req *r){
  int iYear = req_report_year(r);
  i64 iVersion;
  if( req_report_version(r, iYear, &iVersion) ) return;
  if( strcmp(r->zPath, "/report")==0 ){      /* inside the layout, with its downloads */
    const char *zBody = 0;
    int rc = report_inlay(r, iYear, iVersion, &zBody);
    req_answer(r, rc, &(View){ .eView=VIEW_REPORT, .iYear=iYear, .n1=iVersion, .zBody=zBody, REPORT_FAILS });
    return;
  }
  int rc = report_write(&r->ctx, iYear, iVersion, "md", &r->out);
  if( rc ){ report_fail(r, rc); return; }
  r->zContentType = "text/markdown; charset=utf-8";
}

/* The versions of iYear with last year's baseline (pImported: the one
** just imported), answered for rc. */
static void drafts_page(Req *r, int rc, int iYear, const Baseline *pImported){
  View v = { .eView=VIEW_DRAFTS, .eAgain=VIEW_DRAFTS, .iYear=iYear, REPORT_FAILS };
  DraftVersion *a = 0;
  Baseline base;
  if( rc==FZ_OK || rc==FZ_INVALID || rc==FZ_CONFLICT ){
    if( draft_list(&r->ctx, iYear, &a, &v.nDraft) ){ req_fail_internal(r); return; }
    if( pImported==0 && baseline_load(&r->ctx, iYear-1, &base) ){ req_fail_internal(r); return; }
    v.aDraft = a;
    v.pBase = pImported ? pImported : &base;
  }
  req_answer(r, rc, &v);
}

void h_drafts(Req *r){ drafts_page(r, FZ_OK, req_report_year(r), 0); }

/* POST /report/baseline: last year's published report, pasted as text,
** as the baseline of the report year's year on year. */
void h_baseline_import(Req *r){
  int iYear = req_report_year(r);
  Baseline b;
  int rc = baseline_import(&r->ctx, iYear-1, req_param(r, "text"), &b);
  drafts_page(r, rc, iYear, rc==FZ_OK ? &b : 0);
}

/* One version answered for rc: its page or document (with each
** paragraph as it reads now and the points the data proposes, while it
** is live and bLive), or, refused, the page again with the errors. */
static void draft_page(Req *r, int rc, const DraftVersion *v, int bLive, int status, const char *zGo){
  View w = { .eView=VIEW_DRAFT, .eAgain=VIEW_DRAFT, .aDraft=v, .status=status, .zGo=zGo, REPORT_FAILS };
  if( bLive && v->zFrozenAt==0 && (rc==FZ_OK || rc==FZ_INVALID || rc==FZ_CONFLICT) ){
    DraftPara *aNew = 0;
    if( draft_proposals(&r->ctx, v->id, &aNew, &w.nNew) ){ req_fail_internal(r); return; }
    w.aNew = aNew;
    w.azHtml = draft_para_html(&r->ctx, v);
    if( w.azHtml==0 ){ req_fail_internal(r); return; }
  }
  req_answer(r, rc, &w);
}

/* POST /report/drafts: a new version, from the data or a copy of
** another (from=ID; the JSON body: {"year":2025} or {"from":ID}). */
void h_draft_new(Req *r){
  int iYear = req_report_year(r);
  i64 iFrom = req_param_int(r, "from", 0), id = 0;
  const char *zYear, *zFrom;
  if( req_body_value(r, "year", &zYear) || req_body_value(r, "from", &zFrom) ) return;
  if( zYear && zYear[0] ) iYear = atoi(zYear);
  if( zFrom && zFrom[0] ) iFrom = atoll(zFrom);
  int rc = draft_create(&r->ctx, iYear, iFrom, &id);
  DraftVersion v;
  if( rc==FZ_OK && draft_load(&r->ctx, id, &v) ) rc = FZ_INTERNAL;
  if( rc ){ report_fail(r, rc); return; }
  draft_page(r, rc, &v, 0, 201, arena_printf(&r->arena, "/report/v/%lld?msg=%s", (long long)id, iFrom ? "copied" : "drafted"));
}

void h_draft(Req *r){
  DraftVersion v;
  int rc = draft_load(&r->ctx, r->iId, &v);
  if( rc ){ report_fail(r, rc); return; }
  draft_page(r, FZ_OK, &v, 1, 200, 0);
}

/* POST /report/v/ID (the editor's form, report/form.c) or PUT
** /api/v1/report/v/ID (the paragraphs as sent): saved, the version
** again; refused, what she typed with the errors: it is not lost. */
void h_draft_save(Req *r){
  DraftVersion v;
  DraftPara *a = 0;
  int n = 0, rc = draft_load(&r->ctx, r->iId, &v);
  if( rc ){ report_fail(r, rc); return; }
  if( (rc = req_draft_input(r, &v, &a, &n))<0 ) return;
  if( rc==FZ_OK ) rc = draft_save(&r->ctx, v.id, a, n);
  if( rc==FZ_INVALID || rc==FZ_CONFLICT ){ v.aPara = a; v.nPara = n; }
  if( rc==FZ_OK && draft_load(&r->ctx, v.id, &v) ) rc = FZ_INTERNAL;
  draft_page(r, rc, &v, 1, 200, arena_printf(&r->arena, "/report/v/%lld?msg=saved", (long long)v.id));
}

void h_draft_freeze(Req *r){
  DraftVersion v;
  int rc = draft_freeze(&r->ctx, r->iId);
  if( (rc==FZ_OK || rc==FZ_INVALID || rc==FZ_CONFLICT) && draft_load(&r->ctx, r->iId, &v) ) rc = FZ_INTERNAL;
  draft_page(r, rc, &v, 1, 200, arena_printf(&r->arena, "/report/v/%lld?msg=frozen", (long long)r->iId));
}

/* One side of a comparison: ?a= or ?b= z, a version's id or "data"
** (or nothing: the draft from the data now); *piYear becomes the
** version's year. 1 when answered. */
static int compare_side(Req *r, const char *z, int *piYear, CompareSide *pSide){
  if( z==0 || z[0]==0 || strcmp(z, "data")==0 ) return 0;
  char *zEnd;
  long long id = strtoll(z, &zEnd, 10);
  if( *zEnd || id<=0 ){ req_fail(r, 400, "版本号应为数字"); return 1; }
  DraftVersion v;
  int rc = draft_load(&r->ctx, id, &v);
  if( rc ){ report_fail(r, rc); return 1; }
  *piYear = v.iYear;
  pSide->pVersion = arena_alloc(&r->arena, sizeof(DraftVersion));
  *pSide->pVersion = v;
  return 0;
}

/* ?a=ID&b=ID (either may be "data": the draft from the data now), each
** version in its own year (two years' reports may be compared too). */
void h_draft_compare(Req *r){
  int iYear = req_report_year(r), nAll = 0, rc = FZ_OK;
  CompareSide aSide[2];
  memset(aSide, 0, sizeof aSide);
  if( compare_side(r, req_param(r, "a"), &iYear, &aSide[0]) || compare_side(r, req_param(r, "b"), &iYear, &aSide[1]) ) return;
  for(int i=0; i<2 && rc==FZ_OK; i++){
    const DraftVersion *v = aSide[i].pVersion;
    rc = report_paragraphs(&r->ctx, v ? 0 : iYear, v ? v->id : 0, &aSide[i].azText, &aSide[i].n);
  }
  if( rc ){ report_fail(r, rc); return; }
  DraftVersion *aAll;
  if( draft_list(&r->ctx, iYear, &aAll, &nAll) ){ req_fail_internal(r); return; }
  web_draft_compare(r, iYear, aSide, aAll, nAll);
}

/* The public's eyes on ?county= (none: the first county): 1 when answered. */
static int public_actor(Req *r, Actor *pPub){
  *pPub = (Actor){ 0, "", "公众", R_PUBLIC, 0, "/" };
  i64 iCounty = req_param_int(r, "county", 0);
  if( iCounty==0 ) return 0;
  const char *zPath = dept_root_path(&r->ctx, iCounty);
  if( zPath==0 ){ req_fail(r, 404, "没有这个县"); return 1; }
  pPub->iDept = iCounty;
  pPub->zDeptPath = zPath;
  return 0;
}

/* The published report: the latest frozen version of the county, read as
** the public reads it whoever asks (a bureau clerk sees the county's). */
void h_public_report(Req *r){
  int iYear = req_report_year(r);
  Actor pub;
  if( public_actor(r, &pub) ) return;
  r->ctx.pActor = &pub;
  i64 id = draft_published(&r->ctx, iYear);
  int rc = id ? report_write(&r->ctx, iYear, id, "public", &r->out) : FZ_NOTFOUND;
  r->ctx.pActor = &r->actor;
  if( rc==FZ_OK ) r->zContentType = "text/html; charset=utf-8";
  else req_answer(r, rc, &(View){ .zNotFound=arena_printf(&r->arena,
         "%d年度法治政府建设情况报告尚未发布（起草人冻结报告的某一版本后即在此公开）", iYear) });
}

/* POST /report/baseline/drop: one figure of last year's report taken out. */
void h_baseline_drop(Req *r){
  int iYear = req_report_year(r);
  int rc = baseline_drop(&r->ctx, iYear-1, req_param(r, "kind"), req_param(r, "ind"));
  if( rc==FZ_NOTFOUND ){ req_fail(r, 404, "上年度报告中没有这一项"); return; }
  if( rc ){ report_fail(r, rc); return; }
  req_redirect(r, arena_printf(&r->arena, "/report/drafts?year=%d&msg=dropped", iYear));
}
