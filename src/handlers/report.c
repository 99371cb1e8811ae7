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
#include "api/api.h"
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

/* A failed report call: a version that is not the clerk's is 404. */
static void report_fail(Req *r, int rc){
  if( rc==FZ_NOTFOUND ) req_fail(r, 404, "没有这个报告版本（或它不属于您的单位、不是这一年度的）");
  else if( rc==FZ_FORBIDDEN ) req_fail(r, 403, "您的账号只能查看，不能起草或修改报告");
  else if( (rc==FZ_INVALID || rc==FZ_CONFLICT) && r->bApi ){ api_errors(r); if( rc==FZ_CONFLICT ) r->status = 409; }
  else if( (rc==FZ_INVALID || rc==FZ_CONFLICT) && r->ctx.err.n ) req_fail(r, rc==FZ_CONFLICT ? 409 : 422, r->ctx.err.a[0].zMsg);
  else req_fail_internal(r);
}

void h_report(Req *r){
  int iYear = req_report_year(r);
  i64 iVersion;
  if( req_report_version(r, iYear, &iVersion) ) return;
  int bMd = strcmp(r->zPath, "/report.md")==0;
  int rc = report_write(&r->ctx, iYear, iVersion, bMd ? "md" : "html", &r->out);
  if( rc ){ report_fail(r, rc); return; }
  r->zContentType = bMd ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8";
}

static void drafts_page(Req *r, int iYear, const Baseline *pImported){
  DraftVersion *a;
  int n;
  if( draft_list(&r->ctx, iYear, &a, &n) ){ req_fail_internal(r); return; }
  if( r->bApi ){ api_drafts(r, a, n); return; }
  Baseline base;
  if( pImported==0 ){
    if( baseline_load(&r->ctx, iYear-1, &base) ){ req_fail_internal(r); return; }
    pImported = &base;
  }
  web_drafts(r, iYear, a, n, pImported);
}

void h_drafts(Req *r){ drafts_page(r, req_report_year(r), 0); }

/* POST /report/baseline: last year's published report, pasted as text,
** as the baseline of the report year's year on year. */
void h_baseline_import(Req *r){
  int iYear = req_report_year(r);
  Baseline b;
  int rc = baseline_import(&r->ctx, iYear-1, req_param(r, "text"), &b);
  if( rc==FZ_INVALID ){ r->status = 422; drafts_page(r, iYear, 0); return; }
  if( rc ){ report_fail(r, rc); return; }
  drafts_page(r, iYear, &b);
}

void h_draft_new(Req *r){
  int iYear = req_report_year(r);
  i64 iFrom = req_param_int(r, "from", 0), id = 0;
  const char *zIn;
  if( r->bApi ){
    /* {"year":2025} or {"from":ID} */
    if( req_input(r, "year", &zIn) ) return;
    if( zIn && zIn[0] ) iYear = atoi(zIn);
    if( req_input(r, "from", &zIn) ) return;
    if( zIn && zIn[0] ) iFrom = atoll(zIn);
  }
  int rc = draft_create(&r->ctx, iYear, iFrom, &id);
  if( rc ){ report_fail(r, rc); return; }
  if( r->bApi ){
    DraftVersion v;
    if( draft_load(&r->ctx, id, &v) ){ req_fail_internal(r); return; }
    api_draft(r, &v, 0, 0, 0, 201);
    return;
  }
  req_redirect(r, arena_printf(&r->arena, "/report/v/%lld?msg=%s", (long long)id, iFrom ? "copied" : "drafted"));
}

static void draft_page(Req *r, const DraftVersion *v, int status){
  DraftPara *aNew = 0;
  int nNew = 0;
  const char **azHtml = 0;
  if( v->zFrozenAt==0 ){
    if( draft_proposals(&r->ctx, v->id, &aNew, &nNew) ){ req_fail_internal(r); return; }
    azHtml = draft_para_html(&r->ctx, v);
    if( azHtml==0 ){ req_fail_internal(r); return; }
  }
  r->status = status;
  if( r->bApi ) api_draft(r, v, azHtml, aNew, nNew, status);
  else web_draft(r, v, azHtml, aNew, nNew);
}

void h_draft(Req *r){
  DraftVersion v;
  int rc = draft_load(&r->ctx, r->iId, &v);
  if( rc ){ report_fail(r, rc); return; }
  draft_page(r, &v, 200);
}

/* Text typed into a textarea: CR LF as LF, and trailing blanks gone. */
static char *clean_text(Req *r, const char *z){
  char *o = arena_strdup(&r->arena, z ? z : ""), *w = o;
  for(const char *s=o; *s; s++) if( *s!='\r' ) *w++ = *s=='\t' ? ' ' : *s;
  *w = 0;
  while( w>o && (w[-1]=='\n' || w[-1]==' ' || w[-1]=='\t') ) *--w = 0;
  char *s = o;
  while( *s=='\n' || *s==' ' || *s=='\t' ) s++;
  return s;
}

typedef struct Row { double pos; int iSeq; DraftPara p; } Row;
static int row_cmp(const void *a, const void *b){
  const Row *x = a, *y = b;
  if( x->pos!=y->pos ) return x->pos<y->pos ? -1 : 1;
  return x->iSeq - y->iSeq;
}

/*
** The editor's form: for each paragraph i (0 ≤ i < n) t_i type, x_i text,
** o_i its place (a number; 3.5 goes between 3 and 4), s_i a point's
** state, k_i its key, del_i to delete it; rows nt_j/nx_j/no_j add
** paragraphs. A paragraph left empty is deleted; a newline inside one
** starts a new paragraph (in the title: a line break). A deleted point is
** kept as dropped so the data does not propose it again.
*/
/* PUT /api/v1/report/v/ID: the paragraphs as sent, in order. */
static void draft_save_api(Req *r, DraftVersion *v){
  int n = 0;
  const char *zErr;
  DraftPara *a = api_draft_body(r, &n, &zErr);
  if( a==0 && r->ctx.err.n ){ api_errors(r); return; }
  if( a==0 ){ api_error(r, 400, zErr); return; }
  int rc = draft_save(&r->ctx, v->id, a, n);
  if( rc ){ report_fail(r, rc); return; }
  if( draft_load(&r->ctx, v->id, v) ){ req_fail_internal(r); return; }
  draft_page(r, v, 200);
}

void h_draft_save(Req *r){
  DraftVersion v;
  int rc = draft_load(&r->ctx, r->iId, &v);
  if( rc ){ report_fail(r, rc); return; }
  if( r->bApi ){ draft_save_api(r, &v); return; }
  int n = req_param_int(r, "n", -1), nNew = req_param_int(r, "nn", 0);
  if( n<0 || n>5000 || nNew<0 || nNew>100 ){ req_fail(r, 400, "表单不完整，请刷新页面后重试"); return; }
  Row *a = arena_alloc(&r->arena, sizeof(Row)*(size_t)(n+nNew+1));
  int m = 0;
  for(int i=0; i<n+nNew; i++){
    int bNew = i>=n;
    int j = bNew ? i-n : i;
    const char *zT = req_param(r, arena_printf(&r->arena, bNew ? "nt_%d" : "t_%d", j));
    const char *zX = req_param(r, arena_printf(&r->arena, bNew ? "nx_%d" : "x_%d", j));
    const char *zO = req_param(r, arena_printf(&r->arena, bNew ? "no_%d" : "o_%d", j));
    if( zT==0 || zX==0 ){
      req_fail(r, 400, arena_printf(&r->arena, "表单不完整（缺少%s第%d段），请刷新页面后重试", bNew ? "新增段落的" : "", j+1));
      return;
    }
    const char *zS = bNew ? "" : req_param(r, arena_printf(&r->arena, "s_%d", j));
    const char *zK = bNew ? "" : req_param(r, arena_printf(&r->arena, "k_%d", j));
    int bDel = !bNew && req_param(r, arena_printf(&r->arena, "del_%d", j))!=0;
    char *zText = clean_text(r, zX);
    if( bNew && zText[0]==0 ) continue;
    char *zEnd = 0;
    double pos = zO && zO[0] ? strtod(zO, &zEnd) : (double)(bNew ? n+1 : i+1);
    if( zEnd && (*zEnd || pos!=pos) ){
      /* kept where it was, so nothing she typed is lost when the page comes back */
      err_add(&r->ctx, 0, 0, "%s的序号“%s”不是数字", bNew ? "新增段落" : arena_printf(&r->arena, "第%d段", i+1), zO);
      pos = bNew ? n+1 : i+1;
    }
    Row *w = &a[m];
    w->pos = pos;
    w->iSeq = i;
    w->p.zType = zT;
    w->p.zKey = zK ? zK : "";
    w->p.zState = zS ? zS : "";
    w->p.zTpl = zText;
    int bPoint = strcmp(zT, "point")==0;
    if( bDel || zText[0]==0 ){
      if( !bPoint || w->p.zKey[0]==0 ) continue;      /* gone */
      w->p.zState = "dropped";
      if( zText[0]==0 && !bNew ) w->p.zTpl = j<v.nPara ? v.aPara[j].zTpl : "";
    }
    m++;
  }
  qsort(a, (size_t)m, sizeof(Row), row_cmp);
  if( r->ctx.err.n ){
    /* the page again with what she typed */
    v.aPara = arena_alloc(&r->arena, sizeof(DraftPara)*(size_t)(m+1));
    for(int i=0; i<m; i++) v.aPara[i] = a[i].p;
    v.nPara = m;
    draft_page(r, &v, 422);
    return;
  }
  /* points the data proposed since, ticked to join: after the last point
  ** of chapter 三 (or its heading) */
  int nProp = req_param_int(r, "np", 0);
  if( nProp<0 || nProp>500 ){ req_fail(r, 400, "表单不完整，请刷新页面后重试"); return; }
  Row *aIn = arena_alloc(&r->arena, sizeof(Row)*(size_t)(m+nProp+1));
  int iAt = m;
  for(int i=0; i<m; i++){
    if( strcmp(a[i].p.zType, "point")==0 ) iAt = i+1;
    else if( iAt==m && strcmp(a[i].p.zType, "h1")==0 && strncmp(a[i].p.zTpl, "三、", strlen("三、"))==0 ) iAt = i+1;
  }
  int mb = 0;
  for(int i=0; i<=m; i++){
    if( i==iAt ){
      for(int j=0; j<nProp; j++){
        if( req_param(r, arena_printf(&r->arena, "pa_%d", j))==0 ) continue;
        const char *zK = req_param(r, arena_printf(&r->arena, "pk_%d", j));
        const char *zX = req_param(r, arena_printf(&r->arena, "px_%d", j));
        if( zK==0 || zX==0 ){ req_fail(r, 400, "表单不完整，请刷新页面后重试"); return; }
        aIn[mb].p.zType = "point";
        aIn[mb].p.zKey = zK;
        aIn[mb].p.zState = "";
        aIn[mb].p.zTpl = clean_text(r, zX);
        mb++;
      }
    }
    if( i<m ) aIn[mb++] = a[i];
  }
  a = aIn;
  m = mb;
  /* a newline: a new paragraph of the same type (the title: a line break) */
  int nOut = 0;
  for(int i=0; i<m; i++) for(const char *s=a[i].p.zTpl; *s; s++) nOut += *s=='\n';
  DraftPara *aOut = arena_alloc(&r->arena, sizeof(DraftPara)*(size_t)(m+nOut+1));
  nOut = 0;
  for(int i=0; i<m; i++){
    DraftPara p = a[i].p;
    if( strcmp(p.zType, "title")==0 || strchr(p.zTpl, '\n')==0 ){
      if( strchr(p.zTpl, '\n') ){
        Buf b;
        buf_init(&b);
        for(const char *s=p.zTpl; *s; s++){ if( *s=='\n' ) buf_puts(&b, "{br}"); else buf_putc(&b, *s); }
        p.zTpl = arena_strdup(&r->arena, buf_cstr(&b));
        buf_free(&b);
      }
      aOut[nOut++] = p;
      continue;
    }
    for(const char *s=p.zTpl; *s; ){
      const char *e = strchr(s, '\n');
      size_t len = e ? (size_t)(e-s) : strlen(s);
      if( len ){
        aOut[nOut] = p;
        aOut[nOut].zTpl = arena_strndup(&r->arena, s, len);
        nOut++;
      }
      s += len + (e ? 1 : 0);
    }
  }
  rc = draft_save(&r->ctx, v.id, aOut, nOut);
  if( rc==FZ_INVALID || rc==FZ_CONFLICT ){
    /* show what she typed with the errors: it is not lost */
    v.aPara = aOut;
    v.nPara = nOut;
    draft_page(r, &v, rc==FZ_CONFLICT ? 409 : 422);
    return;
  }
  if( rc ){ report_fail(r, rc); return; }
  req_redirect(r, arena_printf(&r->arena, "/report/v/%lld?msg=saved", (long long)v.id));
}

void h_draft_freeze(Req *r){
  DraftVersion v;
  int rc = draft_freeze(&r->ctx, r->iId);
  if( r->bApi ){
    if( rc ){ report_fail(r, rc); return; }
    if( draft_load(&r->ctx, r->iId, &v) ){ req_fail_internal(r); return; }
    api_draft(r, &v, 0, 0, 0, 200);
    return;
  }
  if( rc==FZ_INVALID || rc==FZ_CONFLICT ){
    if( draft_load(&r->ctx, r->iId, &v) ){ req_fail_internal(r); return; }
    draft_page(r, &v, rc==FZ_CONFLICT ? 409 : 422);
    return;
  }
  if( rc ){ report_fail(r, rc); return; }
  req_redirect(r, arena_printf(&r->arena, "/report/v/%lld?msg=frozen", (long long)r->iId));
}

/* ?a=ID&b=ID (either may be "data": the draft from the data now). */
void h_draft_compare(Req *r){
  int iYear = req_report_year(r);
  const char *azSide[2] = { req_param(r, "a"), req_param(r, "b") };
  CompareSide aSide[2];
  memset(aSide, 0, sizeof aSide);
  for(int i=0; i<2; i++){
    const char *z = azSide[i];
    if( z && z[0] && strcmp(z, "data")!=0 ){
      char *zEnd;
      long long id = strtoll(z, &zEnd, 10);
      if( *zEnd || id<=0 ){ req_fail(r, 400, "版本号应为数字"); return; }
      DraftVersion v;
      int rc = draft_load(&r->ctx, id, &v);
      if( rc ){ report_fail(r, rc); return; }
      iYear = v.iYear;
      aSide[i].pVersion = arena_alloc(&r->arena, sizeof(DraftVersion));
      *aSide[i].pVersion = v;
    }
  }
  for(int i=0; i<2; i++){
    /* each version in its own year (two years' reports may be compared too) */
    int rc = report_paragraphs(&r->ctx, aSide[i].pVersion ? 0 : iYear, aSide[i].pVersion ? aSide[i].pVersion->id : 0,
                               &aSide[i].azText, &aSide[i].n);
    if( rc ){ report_fail(r, rc); return; }
  }
  DraftVersion *aAll;
  int nAll;
  if( draft_list(&r->ctx, iYear, &aAll, &nAll) ){ req_fail_internal(r); return; }
  web_draft_compare(r, iYear, aSide, aAll, nAll);
}

/* The published report: the latest frozen version of the county, read as
** the public reads it whoever asks (a bureau clerk sees the county's). */
void h_public_report(Req *r){
  int iYear = req_report_year(r);
  Actor pub = { 0, "", "公众", R_PUBLIC, 0, "/" };
  i64 iCounty = req_param_int(r, "county", 0);
  if( iCounty ){
    const char *zPath = dept_root_path(&r->ctx, iCounty);
    if( zPath==0 ){ req_fail(r, 404, "没有这个县"); return; }
    pub.iDept = iCounty;
    pub.zDeptPath = zPath;
  }
  r->ctx.pActor = &pub;
  i64 id = draft_published(&r->ctx, iYear);
  int rc = id ? report_write(&r->ctx, iYear, id, "public", &r->out) : FZ_NOTFOUND;
  r->ctx.pActor = &r->actor;
  if( rc==FZ_NOTFOUND ){
    req_fail(r, 404, arena_printf(&r->arena, "%d年度法治政府建设情况报告尚未发布（起草人冻结报告的某一版本后即在此公开）", iYear));
    return;
  }
  if( rc ){ req_fail_internal(r); return; }
  r->zContentType = "text/html; charset=utf-8";
}

/* POST /report/baseline/drop: one figure of last year's report taken out. */
void h_baseline_drop(Req *r){
  int iYear = req_report_year(r);
  int rc = baseline_drop(&r->ctx, iYear-1, req_param(r, "kind"), req_param(r, "ind"));
  if( rc==FZ_NOTFOUND ){ req_fail(r, 404, "上年度报告中没有这一项"); return; }
  if( rc ){ report_fail(r, rc); return; }
  req_redirect(r, arena_printf(&r->arena, "/report/drafts?year=%d&msg=dropped", iYear));
}
