/*
** src/handlers/draw.c — /draw/ID: a plan's 双随机 draw, for anyone to read
** and recompute; staff fix the pools and run the draw from here. The same
** handlers answer /api/v1/draw/ID with JSON.
*/
#include "handlers/handlers.h"
#include "draw/draw.h"
#include "web/web.h"
#include "api/api.h"
#include <string.h>

extern const Kind kind_inspection_plan;

static int load_plan(Req *r, Rec **pp){
  int rc = rec_get(&r->ctx, &kind_inspection_plan, r->iId, pp);
  if( rc==FZ_NOTFOUND ){
    req_fail(r, 404, arena_printf(&r->arena, "抽查计划第%lld号不存在，或不在您的数据权限范围内", (long long)r->iId));
  }else if( rc ){
    req_fail_internal(r);
  }
  return rc;
}

/* The page (or JSON) with a fresh verification; errors already in the
** context (a refused fix or draw) are shown above it. */
static void show(Req *r, const Rec *pPlan, int status){
  DrawView v;
  int rc = draw_view(&r->ctx, pPlan->id, &v);
  if( rc && rc!=FZ_NOTFOUND ){ req_fail_internal(r); return; }
  int bFixed = rc==FZ_OK;
  /* verification problems are listed apart from the action's errors */
  int nProblem = 0;
  const char **azProblem = 0;
  if( bFixed ){
    int n0 = r->ctx.err.n;
    if( draw_verify(&r->ctx, pPlan->id)==FZ_INTERNAL ){ req_fail_internal(r); return; }
    nProblem = r->ctx.err.n - n0;
    azProblem = arena_alloc(&r->arena, sizeof(char*)*(size_t)(nProblem+1));
    for(int i=0; i<nProblem; i++) azProblem[i] = r->ctx.err.a[n0+i].zMsg;
    r->ctx.err.n = n0;
  }
  if( r->bApi ) api_draw(r, pPlan, bFixed ? &v : 0, azProblem, nProblem, status);
  else web_draw(r, pPlan, bFixed ? &v : 0, azProblem, nProblem, status);
}

void h_draw(Req *r){
  Rec *pPlan;
  if( load_plan(r, &pPlan) ) return;
  show(r, pPlan, 200);
}

/* The pool text itself, byte for byte what was digested. */
void h_draw_pool(Req *r){
  Rec *pPlan;
  if( load_plan(r, &pPlan) ) return;
  DrawRow d;
  int rc = draw_load(&r->ctx, pPlan->id, &d);
  if( rc==FZ_NOTFOUND ){ req_fail(r, 404, "本计划尚未固定名录"); return; }
  if( rc ){ req_fail_internal(r); return; }
  r->status = 200;
  r->zContentType = "text/plain; charset=utf-8";
  buf_reset(&r->out);
  buf_puts(&r->out, d.zPool);
}

static void after_action(Req *r, const Rec *pPlan, int rc, const char *zMsg){
  if( rc==FZ_OK ){
    if( r->bApi ){
      Rec *pNew;
      if( rec_get(&r->ctx, &kind_inspection_plan, pPlan->id, &pNew) ) { req_fail_internal(r); return; }
      show(r, pNew, 200);
    }else{
      req_redirect(r, arena_printf(&r->arena, "/draw/%lld?msg=%s", (long long)pPlan->id, zMsg));
    }
  }else if( rc==FZ_FORBIDDEN ){
    req_fail(r, 403, "无权执行此操作");
  }else if( rc==FZ_NOTFOUND && r->ctx.err.n==0 ){
    req_fail(r, 404, "抽查计划不存在，或不在您的数据权限范围内");
  }else if( rc==FZ_INTERNAL ){
    req_fail_internal(r);
  }else{
    int status = rc==FZ_CONFLICT ? 409 : 422;
    if( r->bApi ){ api_errors(r); r->status = status; return; }
    show(r, pPlan, status);
  }
}

void h_draw_fix(Req *r){
  Rec *pPlan;
  if( load_plan(r, &pPlan) ) return;
  after_action(r, pPlan, draw_fix(&r->ctx, pPlan->id), "fixed");
}

void h_draw_run(Req *r){
  Rec *pPlan;
  if( load_plan(r, &pPlan) ) return;
  const char *zValues = 0;
  if( req_input(r, "values", &zValues) ) return;
  after_action(r, pPlan, draw_run(&r->ctx, pPlan->id, zValues ? zValues : ""), "drawn");
}
