/*
** src/handlers/draw.c — /draw/ID: a plan's 双随机 draw, for anyone to read
** and recompute; staff fix the pools and run the draw from here. The same
** handlers answer /api/v1/draw/ID with JSON.
*/
#include "handlers/handlers.h"
#include "draw/draw.h"
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

/* The plan's draw with a fresh verification, answered for rc (the
** fix's or the draw's result, FZ_OK for a page); the action's errors,
** already in the context, are shown above it. */
static void show(Req *r, const Rec *pPlan, int rc, int status, const char *zGo){
  DrawView d;
  int rcView = draw_view(&r->ctx, pPlan->id, &d);
  if( rcView && rcView!=FZ_NOTFOUND ){ req_fail_internal(r); return; }
  int bFixed = rcView==FZ_OK;
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
  req_answer(r, rc, &(View){ .eView=VIEW_DRAW, .eAgain=VIEW_DRAW, .status=status, .zGo=zGo,
    .pRec=pPlan, .pDraw=bFixed ? &d : 0, .azProblem=azProblem, .nProblem=nProblem,
    .zNotFound="抽查计划不存在，或不在您的数据权限范围内" });
}

void h_draw(Req *r){
  Rec *pPlan;
  if( load_plan(r, &pPlan) ) return;
  show(r, pPlan, FZ_OK, 200, 0);
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

/* A fix or a draw done: the plan's page (web) or its draw as it is now
** (JSON); refused: the page with the reasons (409 when the pools are
** fixed already or the draw was run, else 422). */
static void after_action(Req *r, const Rec *pPlan, int rc, const char *zMsg){
  Rec *pNew = (Rec*)pPlan;
  if( rc==FZ_NOTFOUND && r->ctx.err.n ) rc = FZ_INVALID;
  if( rc==FZ_OK && rec_get(&r->ctx, &kind_inspection_plan, pPlan->id, &pNew) ){ req_fail_internal(r); return; }
  if( rc==FZ_OK || rc==FZ_INVALID || rc==FZ_CONFLICT ){
    show(r, pNew, rc, 200, arena_printf(&r->arena, "/draw/%lld?msg=%s", (long long)pPlan->id, zMsg));
  }else{
    req_answer(r, rc, &(View){ .zNotFound="抽查计划不存在，或不在您的数据权限范围内" });
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
