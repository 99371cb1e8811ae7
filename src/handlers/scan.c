/*
** src/handlers/scan.c — 扫码入企. Every enterprise has a printable QR code
** (/qr/ID) that opens /scan/CODE on a phone. Anyone sees the enterprise's
** inspections of this year there (so the enterprise sees who came, when
** and for what); a logged-in inspector logs an inspection: a registered
** item of the inspector's department, two officers with valid
** certificates, the result, optionally the plan. An enterprise at its
** yearly limit is warned about and logged only with a stated reason. The
** rules themselves are the engine's (src/engine/rules.c), on every path.
*/
#include "handlers/handlers.h"
#include "web/web.h"
#include "engine/setting.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const Kind kind_enterprise, kind_inspection, kind_inspection_item;

/* The enterprise of a scanned code: ?e=ID when the printed code says which
** (counties sharing a database may each list an entity under one code:
** h_qr adds it then), else the one of the user's county (the first for
** the public). */
static int load_enterprise(Req *r, const char *zCode, Rec **pp){
  const Field *fCode = kind_field(&kind_enterprise, "credit_code");
  const char *zE = req_param(r, "e");
  int rc = FZ_NOTFOUND;
  if( zE && zE[0] ){
    rc = rec_get(&r->ctx, &kind_enterprise, atoll(zE), pp);
    if( rc==FZ_OK && strcmp(rec_val(*pp, "credit_code"), zCode)!=0 ) rc = FZ_NOTFOUND;
  }
  if( rc==FZ_NOTFOUND ){
    i64 id = rec_id_by_value(&r->ctx, &kind_enterprise, fCode, zCode, 0);
    rc = id ? rec_get(&r->ctx, &kind_enterprise, id, pp) : FZ_NOTFOUND;
  }
  if( rc==FZ_NOTFOUND ) req_fail(r, 404, "没有这个市场主体（二维码无效或已注销）");
  else if( rc ) req_fail_internal(r);
  return rc;
}

/* This year's inspections of the enterprise, newest first: those done
** (a drawn task not yet carried out is not announced to the enterprise). */
static int load_visits(Req *r, const Rec *pEnt, ScanView *v){
  Stmt q;
  if( db_prepare(r->ctx.pDb, &q,
      "SELECT i.assigned, d.name, i.way, it.name, i.result, i.state, i.inspectors FROM inspection i"
      " JOIN dept d ON d.id=i.dept_id LEFT JOIN inspection_item it ON it.id=i.item"
      " WHERE i.enterprise_id=?1 AND i.state='done' AND i.assigned>=?2 AND i.assigned<=?3 ORDER BY i.assigned DESC, i.id DESC") ){
    return FZ_INTERNAL;
  }
  db_bind_int64(&q, 1, pEnt->id);
  db_bind_text(&q, 2, arena_printf(&r->arena, "%.4s-01-01", r->ctx.zToday));
  db_bind_text(&q, 3, arena_printf(&r->arena, "%.4s-12-31", r->ctx.zToday));
  int nAlloc = 0;
  while( db_step(&q)==DB_ROW ){
    if( v->nVisit==nAlloc ){
      nAlloc = nAlloc ? 2*nAlloc : 16;
      ScanVisit *a = arena_alloc(&r->arena, sizeof(ScanVisit)*(size_t)nAlloc);
      if( v->nVisit ) memcpy(a, v->aVisit, sizeof(ScanVisit)*(size_t)v->nVisit);
      v->aVisit = a;
    }
    ScanVisit *s = &v->aVisit[v->nVisit++];
    const Field *fWay = kind_field(&kind_inspection, "way"), *fRes = kind_field(&kind_inspection, "result");
    s->zDate = arena_strdup(&r->arena, db_column_text(&q, 0));
    s->zDept = arena_strdup(&r->arena, db_column_text(&q, 1));
    s->zWay = enum_label(fWay, db_column_text(&q, 2));
    s->zItem = arena_strdup(&r->arena, db_column_text(&q, 3));
    s->zResult = strcmp(db_column_text(&q, 5), "done")==0 ? enum_label(fRes, db_column_text(&q, 4)) : "待检查";
    s->zInspectors = arena_strdup(&r->arena, db_column_text(&q, 6));
  }
  db_finalize(&q);
  const char *zLimit = rec_val(pEnt, "yearly_limit");
  v->nLimit = zLimit ? atoi(zLimit) : 0;
  return FZ_OK;
}

/* The department's registered items, for the form. */
static int load_items(Req *r, ScanView *v){
  Stmt q;
  if( db_prepare(r->ctx.pDb, &q, "SELECT it.id, it.name FROM inspection_item it, dept d"
                                 " WHERE d.id=it.dept_id AND it.state='active' AND " SQL_IN_SCOPE("d.path", 1, 2) " ORDER BY it.item_no") ){
    return FZ_INTERNAL;
  }
  db_bind_scope(&q, 1, 2, r->actor.zDeptPath);
  int nAlloc = 0;
  while( db_step(&q)==DB_ROW ){
    if( v->nItem==nAlloc ){
      nAlloc = nAlloc ? 2*nAlloc : 16;
      ScanItem *a = arena_alloc(&r->arena, sizeof(ScanItem)*(size_t)nAlloc);
      if( v->nItem ) memcpy(a, v->aItem, sizeof(ScanItem)*(size_t)v->nItem);
      v->aItem = a;
    }
    v->aItem[v->nItem].id = db_column_int64(&q, 0);
    v->aItem[v->nItem].zName = arena_strdup(&r->arena, db_column_text(&q, 1));
    v->nItem++;
  }
  db_finalize(&q);
  return FZ_OK;
}

static void show(Req *r, const Rec *pEnt, int status, int bOverLimit){
  ScanView v;
  memset(&v, 0, sizeof v);
  v.bOverLimit = bOverLimit;
  if( load_visits(r, pEnt, &v) ){ req_fail_internal(r); return; }
  v.bCanLog = actor_can_write(&r->actor);
  if( v.bCanLog && load_items(r, &v) ){ req_fail_internal(r); return; }
  web_scan(r, pEnt, &v, status);
}

void h_scan(Req *r){
  Rec *pEnt;
  if( load_enterprise(r, r->zArg, &pEnt) ) return;
  show(r, pEnt, 200, 0);
}

void h_qr(Req *r){
  Rec *pEnt;
  int rc = rec_get(&r->ctx, &kind_enterprise, r->iId, &pEnt);
  if( rc==FZ_NOTFOUND ){ req_fail(r, 404, "市场主体不存在"); return; }
  if( rc ){ req_fail_internal(r); return; }
  /* The address printed into the code: the county's configured public
  ** address (setting public_url, e.g. https://fazhi.example.gov.cn), else
  ** the host this page was asked for, if it is a plain host[:port]. */
  Buf u;
  buf_init(&u);
  const char *zPublic = setting_get(r->ctx.pDb, &r->arena, "public_url");
  if( zPublic ) buf_puts(&u, zPublic);
  if( u.n==0 ){
    const char *zHost = req_in_header(r, "Host");
    int bPlain = zHost && zHost[0] && strspn(zHost, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")==strlen(zHost);
    buf_puts(&u, r->bHttps ? "https://" : "http://");
    buf_puts(&u, bPlain ? zHost : "127.0.0.1");
  }
  if( u.n && u.z[u.n-1]=='/' ) u.n--;
  buf_puts(&u, "/scan/");
  buf_url(&u, rec_val(pEnt, "credit_code"));
  if( rec_id_by_value_in(&r->ctx, &kind_enterprise, kind_field(&kind_enterprise, "credit_code"), rec_val(pEnt, "credit_code"), pEnt->id, 0) ){
    buf_raw_printf(&u, "?e=%lld", (long long)pEnt->id);   /* the code is another county's too: say which */
  }
  const char *zUrl = arena_strdup(&r->arena, buf_cstr(&u));
  buf_free(&u);
  web_qr_page(r, pEnt, zUrl);
}

void h_scan_log(Req *r){
  Rec *pEnt;
  if( load_enterprise(r, r->zArg, &pEnt) ) return;
  Ctx *c = &r->ctx;
  if( strcmp(pEnt->zState, "active")!=0 ){ req_fail(r, 409, "该市场主体已注销或吊销"); return; }
  const char *zItem = req_param(r, "item"), *zResult = req_param(r, "result");
  const char *zPlan = req_param(r, "plan_id"), *zNote = req_param(r, "note");
  const char *zWhy = req_param(r, "over_reason");
  const char *zCert1 = req_param(r, "cert1"), *zCert2 = req_param(r, "cert2");
  /* The rules (a registered item of the inspector's department, two
  ** officers of it valid today, the yearly limit) are the engine's, for
  ** every path (src/engine/rules.c); this page only numbers the visit. */
  ScanView v;
  memset(&v, 0, sizeof v);
  if( load_visits(r, pEnt, &v) ){ req_fail_internal(r); return; }
  Rec *p = rec_new(c, &kind_inspection);
  p->iDept = r->actor.iDept;
  c->zVia = "scan";                      /* way=qr is this page's to set */
  p->zState = "done";
  char zDay[9];
  snprintf(zDay, sizeof zDay, "%.4s%.2s%.2s", c->zToday, c->zToday+5, c->zToday+8);
  const char *zCode = rec_val(pEnt, "credit_code");
  const char *azIn[][2] = {
    { "insp_no", arena_printf(&r->arena, "SM%s-%s-%d", zDay, zCode, v.nVisit+1) },
    { "enterprise_id", arena_printf(&r->arena, "%lld", (long long)pEnt->id) },
    { "way", "qr" },
    { "plan_id", zPlan && zPlan[0] ? zPlan : 0 },
    { "item", zItem },
    { "inspectors", arena_printf(&r->arena, "%s、%s", zCert1 ? zCert1 : "", zCert2 ? zCert2 : "") },
    { "assigned", c->zToday },
    { "checked", c->zToday },
    { "result", zResult && zResult[0] ? zResult : 0 },
    { "note", zNote && zNote[0] ? zNote : 0 },
    { "over_reason", zWhy && zWhy[0] ? zWhy : 0 },
  };
  for(size_t i=0; i<sizeof azIn/sizeof azIn[0]; i++){
    const char *zOut = 0;
    if( azIn[i][1]==0 ) continue;
    const Field *f = kind_field(&kind_inspection, azIn[i][0]);
    if( rec_parse_value(c, f, azIn[i][1], &zOut, 0)==0 ) p->azVal[f - kind_inspection.aField] = zOut;
  }
  int rc = c->err.n ? FZ_INVALID : rec_insert(c, p);
  /* at the yearly limit with no reason: the page asks for one (409) */
  if( rc==FZ_INVALID && c->err.n==1 && err_has(c, 0, "over_reason") ){ c->err.n = 0; show(r, pEnt, 409, 1); return; }
  if( rc==FZ_INVALID ){ show(r, pEnt, 422, err_has(c, 0, "over_reason")); return; }
  if( rc==FZ_FORBIDDEN ){ req_fail(r, 403, "无权执行此操作"); return; }
  if( rc ){ req_fail_internal(r); return; }
  const char *zE = req_param(r, "e");
  req_redirect(r, zE && zE[0] ? arena_printf(&r->arena, "/scan/%s?e=%lld&msg=logged", zCode, (long long)pEnt->id)
                              : arena_printf(&r->arena, "/scan/%s?msg=logged", zCode));
}
