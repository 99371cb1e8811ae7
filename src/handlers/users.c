/*
** src/handlers/users.c — 用户管理 (/admin/users, admins only: RT_ADMIN):
** the accounts of the admin's scope, add, edit, disable/enable, reset a
** password, lift login throttling. An account outside the admin's scope is
** 404 (user_get_in); the rules of what an admin may do are in
** src/auth/account.c (user_admin_*), which writes the audit entries.
** The same handlers answer /api/v1/users (GET, POST), /api/v1/users/:id
** (PUT) and /api/v1/users/:id/disable|enable|reset|unlock (POST).
*/
#include "handlers/handlers.h"
#include "auth/auth.h"
#include <stdlib.h>

#define USER_NOT_FOUND "没有这个账号"
#define USER_FORBIDDEN "市级管理员只能管理所辖县（区）的管理员账号"

/* GET /admin/users?dept=&q=: the list, filtered by a department's subtree
** and part of a login or name. */
void h_users(Req *r){
  UserFilter f = { .zScope = r->actor.zDeptPath, .zQuery = req_param(r, "q"),
                   .iDept = req_param_int(r, "dept", 0) };
  UserRow *a = 0;
  int n = 0;
  int rc = user_list_in(&r->ctx, &f, &a, &n);
  req_answer(r, rc, &(View){ .eView=VIEW_USERS, .aUser=a, .nUser=n });
}

/* GET /admin/users/new and /admin/users/:id/edit: the form. */
void h_user_form(Req *r){
  UserRow u = { 0 };
  int rc = r->iId ? user_get_in(&r->ctx, r->actor.zDeptPath, r->iId, &u) : FZ_OK;
  if( rc==FZ_OK && r->iId ) rc = user_admin_may(&r->ctx, &u);
  req_answer(r, rc, &(View){ .eView=VIEW_USER_FORM, .aUser=r->iId ? &u : 0,
                             .zNotFound=USER_NOT_FOUND, .zForbidden=USER_FORBIDDEN });
}

/* POST /admin/users/new: login, name, role, dept; the one-time password
** is shown once. */
void h_user_create(Req *r){
  static const Field aF[] = { { "login", "账号", FT_TEXT }, { "name", "姓名", FT_TEXT },
                              { "role", "角色", FT_TEXT }, { "dept", "部门", FT_DEPT } };
  const char *az[4];
  char zPw[17] = "";
  if( req_fields(r, aF, 4, az) ) return;
  int rc = user_admin_create(&r->ctx, az[0], az[1], az[2], az[3] ? atoll(az[3]) : 0, zPw);
  UserRow u = { .zLogin = az[0], .zName = az[1] };
  req_answer(r, rc, &(View){ .eView=VIEW_USER_SECRET, .aUser=&u, .zSecret=zPw, .eAgain=VIEW_USER_FORM });
}

/* POST /admin/users/:id/edit: name, role, dept. */
void h_user_update(Req *r){
  static const Field aF[] = { { "name", "姓名", FT_TEXT }, { "role", "角色", FT_TEXT }, { "dept", "部门", FT_DEPT } };
  const char *az[3];
  UserRow u = { 0 };
  if( req_fields(r, aF, 3, az) ) return;
  int rc = user_get_in(&r->ctx, r->actor.zDeptPath, r->iId, &u);
  if( rc==FZ_OK ) rc = user_admin_edit(&r->ctx, &u, az[0], az[1], az[2] ? atoll(az[2]) : 0);
  if( rc==FZ_OK ) session_cache_invalidate();      /* a new role or department ended its sessions */
  req_answer(r, rc, &(View){ .eView=VIEW_OK, .zGo="/admin/users?msg=updated", .aUser=&u, .eAgain=VIEW_USER_FORM,
                             .zNotFound=USER_NOT_FOUND, .zForbidden=USER_FORBIDDEN });
}

/* The row actions: one account of the scope, one change. */
static void user_act(Req *r, int eAct, const char *zGo){
  UserRow u = { 0 };
  char zPw[17] = "";
  int rc = user_get_in(&r->ctx, r->actor.zDeptPath, r->iId, &u);
  if( rc==FZ_OK ) rc = user_admin_act(&r->ctx, &u, eAct, zPw);
  if( rc==FZ_OK ) session_cache_invalidate();      /* disabling and resetting end the sessions */
  req_answer(r, rc, &(View){ .eView = eAct==UA_RESET ? VIEW_USER_SECRET : VIEW_OK, .zGo=zGo, .aUser=&u,
                             .zSecret=zPw, .zNotFound=USER_NOT_FOUND, .zForbidden=USER_FORBIDDEN });
}
void h_user_disable(Req *r){ user_act(r, UA_DISABLE, "/admin/users?msg=user_disabled"); }
void h_user_enable(Req *r){ user_act(r, UA_ENABLE, "/admin/users?msg=user_enabled"); }
void h_user_reset(Req *r){ user_act(r, UA_RESET, 0); }
void h_user_unlock(Req *r){ user_act(r, UA_UNLOCK, "/admin/users?msg=user_unlocked"); }
