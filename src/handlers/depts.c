/*
** src/handlers/depts.c — 部门管理 (/admin/depts): the department tree of
** the admin's scope, and its writes through src/auth/org.c (the same
** functions the command line's dept add uses), each audited there.
** RT_ADMIN in the route table keeps clerks and leaders out (403); a
** department outside the admin's scope is 404 (org.c's dept_get).
*/
#include "handlers/handlers.h"
#include "auth/auth.h"

/* The tree of the actor's scope into v (VIEW_DEPTS). */
static int tree_view(Req *r, View *v){
  DeptRow *a;
  int n;
  int rc = dept_tree(&r->ctx, &a, &n);
  v->eView = VIEW_DEPTS;
  v->aDeptRow = a;
  v->nDeptRow = n;
  return rc;
}

/* A write's answer: back to the tree with a notice, or the tree again
** with the errors beside the fields (of the department iDept's forms,
** or of the add form when 0). */
static void dept_done(Req *r, int rc, i64 iDept, const char *zGo){
  View v = { .eView=VIEW_OK, .zGo=zGo, .eAgain=VIEW_DEPTS, .iDept=iDept };
  if( rc==FZ_INVALID || rc==FZ_CONFLICT ){
    int e = tree_view(r, &v);
    if( e ) rc = e;
  }
  req_answer(r, rc, &v);
}

void h_depts(Req *r){
  View v = { .iDept=req_param_int(r, "edit", 0) };
  DeptRow d;
  int rc = tree_view(r, &v);
  if( rc==FZ_OK && v.iDept ) rc = dept_get(&r->ctx, v.iDept, &d);   /* another county's: 404 */
  req_answer(r, rc, &v);
}

void h_dept_add(Req *r){
  i64 iNew = 0;
  int rc = dept_create(&r->ctx, req_param_int(r, "parent", 0), req_param(r, "name"), req_param(r, "dtype"),
                       req_param(r, "sort_no"), &iNew);
  dept_done(r, rc, 0, "/admin/depts?msg=created");
}

void h_dept_rename(Req *r){
  dept_done(r, dept_rename(&r->ctx, r->iId, req_param(r, "name")), r->iId, "/admin/depts?msg=updated");
}

void h_dept_type(Req *r){
  int rc = dept_set_type(&r->ctx, r->iId, req_param(r, "dtype"), req_param(r, "sort_no"));
  dept_done(r, rc, r->iId, "/admin/depts?msg=updated");
}

void h_dept_state(Req *r){
  int rc = dept_set_disabled(&r->ctx, r->iId, req_param_int(r, "disabled", 0)!=0);
  dept_done(r, rc, r->iId, "/admin/depts?msg=updated");
}

/* The confirmation: how many accounts and records change scope. */
void h_dept_move_form(Req *r){
  DeptRow d;
  DeptMove m;
  i64 iParent = req_param_int(r, "parent", 0);
  int rc = dept_get(&r->ctx, r->iId, &d);
  if( rc==FZ_OK ) rc = dept_move_count(&r->ctx, r->iId, iParent, &m);
  if( rc!=FZ_OK ){ dept_done(r, rc, r->iId, 0); return; }
  req_answer(r, FZ_OK, &(View){ .eView=VIEW_DEPT_MOVE, .aDeptRow=&d, .nDeptRow=1, .n1=iParent, .pDeptMove=&m });
}

void h_dept_move(Req *r){
  dept_done(r, dept_move(&r->ctx, r->iId, req_param_int(r, "parent", 0)), r->iId, "/admin/depts?msg=moved");
}
