/*
** src/http/answer.c — req_answer: a handler's result code and view become
** the answer of the request's face (view.h). The face is the route's:
** r->bApi (RT_API) picks api_face, else web_face.
*/
#include "http/view.h"
#include <string.h>

const Face *req_face(Req *r){ return route_face(r->bApi); }
#define face req_face

/* FZ_INVALID / FZ_CONFLICT: the user's errors, in the face's form. */
static void answer_invalid(Req *r, int status, const View *v){
  const Face *f = face(r);
  if( v->zError && f->xErrors ){ req_fail(r, status, v->zError); return; }
  if( f->xErrors ){ f->xErrors(r, status); return; }
  if( v->eAgain ){
    View again = *v;
    again.eView = v->eAgain;
    if( v->zHint ) err_add(&r->ctx, 0, 0, "%s", v->zHint);
    r->status = status;
    f->xView(r, &again);
    r->status = status;
    return;
  }
  if( v->zError ){ req_fail(r, status, v->zError); return; }
  if( r->ctx.err.n ){ req_fail(r, status, err_text(&r->ctx, &r->ctx.err.a[0])); return; }
  req_fail_internal(r);
}

void req_answer(Req *r, int rc, const View *v){
  switch( rc ){
    case FZ_OK:
      r->status = v->status ? v->status : 200;
      if( v->zGo && !r->bApi ){ req_redirect(r, v->zGo); return; }
      if( v->eView!=VIEW_NONE ) face(r)->xView(r, v);
      return;
    case FZ_INVALID:
    case FZ_CONFLICT:
      answer_invalid(r, v->iFail ? v->iFail : rc==FZ_CONFLICT ? 409 : 422, v);
      return;
    case FZ_NOTFOUND:
      req_fail(r, 404, v->zNotFound ? v->zNotFound : "记录不存在，或不在您的数据权限范围内");
      return;
    case FZ_FORBIDDEN:
      req_fail(r, 403, v->zForbidden ? v->zForbidden : "无权执行此操作");
      return;
    default:
      req_fail_internal(r);
      return;
  }
}

int req_input(Req *r, const char *zName, const char **pz){ return face(r)->xValue(r, zName, pz); }
int req_body_value(Req *r, const char *zName, const char **pz){ return face(r)->xBody(r, zName, pz); }
int req_fields(Req *r, const Field *aF, int n, const char **az){ return face(r)->xFields(r, aF, n, az); }
int req_rec_input(Req *r, Rec *p){ return face(r)->xRecord(r, p); }
int req_rec_input_opt(Req *r, Rec *p){
  if( r->bApi && r->body.n==0 ) return 0;   /* a step's JSON body may be left out */
  return face(r)->xRecord(r, p);
}
int req_draft_input(Req *r, const struct DraftVersion *v, struct DraftPara **pa, int *pn){
  return face(r)->xDraft(r, v, pa, pn);
}
int req_login_check(Req *r){ return face(r)->xLoginCheck(r); }

void req_need_login(Req *r, const char *zNext){
  if( r->bApi ){ req_fail(r, 401, "请先登录"); return; }
  req_redirect(r, arena_printf(&r->arena, "/login?next=%s", zNext));
}
