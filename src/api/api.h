/*
** src/api/api.h — the JSON face of the handlers (/api/v1/…).
** Errors: {"error":{"code":N,"message":"…"}} or, for validation,
** 422 {"errors":[{"row":N,"field":"id","label":"中文","message":"…"}]}.
*/
#ifndef FZ_API_H
#define FZ_API_H
#include "http/req.h"
#include "engine/query.h"
#include "engine/todo.h"
#include "report/report.h"

struct Json;
/* The answer becomes a JSON document of this status, written through j. */
void api_json_begin(Req*, int status, struct Json *j);
void api_error(Req*, int status, const char *zMsg);
void api_errors(Req*);                       /* the ctx error list, status 422 */
void api_record(Req*, const Rec*, int status);
void api_list(Req*, const Query*, const RecList*);
void api_todo(Req*, const TodoQuery*, const TodoList*);
void api_indicators(Req*, int iYear, i64 iDept, IndValue *aVal, int nVal);
void api_breakdowns(Req*, int iYear, const BreakSet*, int nSet);
void api_counties(Req*, const CountyGrid*);    /* each indicator per county, and the total */
void api_schema(Buf*, const Actor*);         /* every kind the actor sees (NULL: all): fields, enums, deadlines, indicators */
void api_periods_md(Buf*);                  /* README's table of the built-in periods (markdown) */
void api_me(Req*);
void api_logins(Req*);                       /* 登录日志 (admin.c) */
void api_sessions(Req*);                     /* 在线用户 */
void api_kinds(Req*);                        /* 自定义台账 (kinds.c): the list */
void api_kind(Req*);                         /* …one definition (r->zArg, ?version=N) */
void api_kind_save(Req*);                    /* …add or change from the JSON body */
struct DrawView;
void api_draw(Req*, const Rec *pPlan, const struct DrawView*, const char **azProblem, int nProblem, int status);
/* The report's stored versions (report.c) */
void api_drafts(Req*, const DraftVersion*, int n);
void api_draft(Req*, const DraftVersion*, const char **azHtml, const DraftPara *aNew, int nNew, int status);
DraftPara *api_draft_body(Req*, int *pn, const char **pzErr);
/* Reads a JSON object body into an InputFn source. */
typedef struct JsonInput JsonInput;
JsonInput *api_json_input(Req*, const char **pzErr);
const char *api_json_get(void *pJsonInput, const Field*);     /* only a value of the field's JSON type */
const char *api_json_value(JsonInput*, const char *zName);    /* a top-level string, number or boolean as text */
/* Errors for keys that are not fields and values that are objects or arrays. */
void api_json_check(Req*, JsonInput*, const Kind*);
#endif
