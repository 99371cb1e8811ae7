/*
** src/handlers/scan.c — 扫码入企. Every enterprise has a printable QR code
** (/qr/ID) that opens /scan/CODE on a phone. Anyone sees the enterprise's
** inspections of this year there (so the enterprise sees who came, when
** and for what); a logged-in inspector logs an inspection: a registered
** item of the inspector's department, two officers with valid
** certificates, the result, optionally the plan. An enterprise at its
** yearly limit is warned about and logged only with a stated reason. The
** page's queries and the logging are the engine's (src/engine/scan.c), the
** rules too (src/engine/rules.c, on every path); this file answers.
*/
#include "handlers/handlers.h"
#include "web/web.h"
#include "engine/setting.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const Kind kind_enterprise;

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

/* The enterprise's page: this year's visits, and the logging form for
** staff (status: 200, or the form refused with its errors). */
static void show(Req *r, const Rec *pEnt, int status, int bOverLimit){
  ScanView v;
  memset(&v, 0, sizeof v);
  v.bOverLimit = bOverLimit;
  v.bCanLog = actor_can_write(&r->actor);
  if( scan_visits(&r->ctx, pEnt, &v) || (v.bCanLog && (scan_items(&r->ctx, &v) || scan_officers(&r->ctx, pEnt, &v))) ){ req_fail_internal(r); return; }
  web_scan(r, pEnt, &v, status);
}

void h_scan(Req *r){
  Rec *pEnt;
  if( load_enterprise(r, r->zArg, &pEnt) ) return;
  show(r, pEnt, 200, 0);
}

/* The address printed into the code: the county's configured public
** address (setting public_url, e.g. https://fazhi.example.gov.cn), else
** the host this page was asked for, if it is a plain host[:port]; with
** ?e=ID when the code is another county's too (say which). */
static const char *scan_url(Req *r, const Rec *pEnt){
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
    buf_raw_printf(&u, "?e=%lld", (long long)pEnt->id);
  }
  const char *zUrl = arena_strdup(&r->arena, buf_cstr(&u));
  buf_free(&u);
  return zUrl;
}

void h_qr(Req *r){
  Rec *pEnt;
  int rc = rec_get(&r->ctx, &kind_enterprise, r->iId, &pEnt);
  if( rc==FZ_NOTFOUND ){ req_fail(r, 404, "市场主体不存在"); return; }
  if( rc ){ req_fail_internal(r); return; }
  web_qr_page(r, pEnt, scan_url(r, pEnt));
}

static const char *form_param(void *pArg, const char *zName){ return req_param((Req*)pArg, zName); }

/* An inspection logged from the page (engine/scan.c); at the yearly
** limit with no reason the page asks for one (409). */
void h_scan_log(Req *r){
  Rec *pEnt;
  if( load_enterprise(r, r->zArg, &pEnt) ) return;
  Ctx *c = &r->ctx;
  if( strcmp(pEnt->zState, "active")!=0 ){ req_fail(r, 409, "该市场主体已注销或吊销"); return; }
  int rc = scan_log(c, pEnt, form_param, r);
  if( rc==FZ_INVALID && c->err.n==1 && err_has(c, 0, "over_reason") ){ c->err.n = 0; show(r, pEnt, 409, 1); return; }
  if( rc==FZ_INVALID ){ show(r, pEnt, 422, err_has(c, 0, "over_reason")); return; }
  if( rc ){ req_answer(r, rc, &(View){ 0 }); return; }
  const char *zE = req_param(r, "e"), *zCode = rec_val(pEnt, "credit_code");
  req_redirect(r, zE && zE[0] ? arena_printf(&r->arena, "/scan/%s?e=%lld&msg=logged", zCode, (long long)pEnt->id)
                              : arena_printf(&r->arena, "/scan/%s?msg=logged", zCode));
}
