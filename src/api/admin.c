/*
** src/api/admin.c — the JSON face of 系统管理's 登录日志 and 在线用户
** (/api/v1/admin/logins, /api/v1/admin/sessions): the rows
** src/auth/loginlog.c returns for the admin's scope, as the pages show
** them (web/admin_logins.c).
*/
#include "api/api.h"
#include "http/view.h"
#include "auth/auth.h"
#include "base/json.h"

/* {"total":N,"page":P,"rows":[{"id","at","login","name","addr","result",
** "result_label","channel"}…]}; a filter that cannot be read: 422 with
** {"errors":[…]} naming result, from or to. */
void api_logins(Req *r){
  LoginLogFilter f;
  if( login_log_filter(&r->ctx, req_param(r, "login"), req_param(r, "result"),
                       req_param(r, "from"), req_param(r, "to"), &f) ){
    req_answer(r, FZ_INVALID, &(View){ .eView=VIEW_OK });
    return;
  }
  int nPage = req_param_int(r, "page", 1), nRow = 0;
  if( nPage<1 ) nPage = 1;
  LoginLogRow *a = 0;
  i64 nTotal = 0;
  if( login_log_page(&r->ctx, r->actor.zDeptPath, &f, nPage, &a, &nRow, &nTotal) ){
    req_answer(r, FZ_INTERNAL, &(View){ .eView=VIEW_OK });
    return;
  }
  Json j;
  api_json_begin(r, 200, &j);
  json_obj_begin(&j);
  json_kint(&j, "total", nTotal);
  json_kint(&j, "page", nPage);
  json_key(&j, "rows");
  json_arr_begin(&j);
  for(int i=0; i<nRow; i++){
    json_obj_begin(&j);
    json_kint(&j, "id", a[i].id);
    json_kint(&j, "at", a[i].tAt);
    json_kstr(&j, "login", a[i].zLogin);
    json_kstr(&j, "name", a[i].zName);
    json_kstr(&j, "addr", a[i].zAddr);
    json_kstr(&j, "result", a[i].zResult);
    json_kstr(&j, "result_label", login_result_label(a[i].zResult));
    json_kstr(&j, "channel", a[i].zChannel);
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_obj_end(&j);
}

/* {"total":N,"rows":[{"id","login","name","dept","addr","created","expires"}…]};
** "id" is what POST /api/v1/admin/sessions/end takes. */
void api_sessions(Req *r){
  SessionRow *a = 0;
  int nRow = 0;
  if( session_list(&r->ctx, r->actor.zDeptPath, req_param(r, "login"), &a, &nRow) ){
    req_answer(r, FZ_INTERNAL, &(View){ .eView=VIEW_OK });
    return;
  }
  Json j;
  api_json_begin(r, 200, &j);
  json_obj_begin(&j);
  json_kint(&j, "total", nRow);
  json_key(&j, "rows");
  json_arr_begin(&j);
  for(int i=0; i<nRow; i++){
    json_obj_begin(&j);
    json_kstr(&j, "id", a[i].zId);
    json_kstr(&j, "login", a[i].zLogin);
    json_kstr(&j, "name", a[i].zName);
    json_kstr(&j, "dept", a[i].zDept);
    json_kstr(&j, "addr", a[i].zAddr);
    json_kint(&j, "created", a[i].tCreated);
    json_kint(&j, "expires", a[i].tExpires);
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_obj_end(&j);
}
