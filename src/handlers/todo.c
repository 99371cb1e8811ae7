/*
** src/handlers/todo.c — 待办 (/todo, /api/v1/todo): the periods overdue or
** due soon in the actor's scope, filtered by kind, department, month of the
** due date and state (overdue, soon).
*/
#include "handlers/handlers.h"
#include "engine/kinddef.h"
#include "engine/todo.h"
#include <string.h>
#include <stdlib.h>

void h_todo(Req *r){
  TodoQuery q;
  memset(&q, 0, sizeof(q));
  const char *zKind = req_param(r, "kind"), *zMonth = req_param(r, "month"), *zState = req_param(r, "state");
  if( zKind && zKind[0] && ((q.pKind = kind_find(zKind))==0 || !kind_visible(q.pKind, &r->actor)) ){
    req_fail(r, 404, "没有这类事项"); return;
  }
  if( zMonth && zMonth[0] && !todo_month_parse(zMonth, &q.iYear, &q.iMonth) ){
    req_fail(r, 400, "月份应写作“2026-06”（年-月）"); return;
  }
  q.mState = zState && strcmp(zState, "overdue")==0 ? TODO_OVERDUE : zState && strcmp(zState, "soon")==0 ? TODO_SOON : 0;
  q.iDept = req_param_int(r, "dept", 0);
  q.iPage = req_param_int(r, "page", 1);
  q.nSize = req_param_int(r, "size", req_face(r)->nListSize);
  TodoList l;
  req_answer(r, todo_list(&r->ctx, &q, &l), &(View){ .eView=VIEW_TODO, .pTodoQ=&q, .pTodo=&l });
}
