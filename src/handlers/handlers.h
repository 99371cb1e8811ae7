/*
** src/handlers/handlers.h — the request handlers. Each serves both faces:
** it does the work through the engine, then answers with req_answer
** (http/view.h): a result code and a view, which the request's face
** renders as HTML (src/web) or JSON (src/api). Policy (login, role, CSRF) was enforced
** by http_dispatch() from the route's flags.
*/
#ifndef FZ_HANDLERS_H
#define FZ_HANDLERS_H
#include "http/req.h"
#include "http/view.h"
#include "engine/query.h"

/* The two faces a handler's answer goes through (http/view.h's Face):
** the HTML one in src/web/face.c, the JSON one in src/api/face.c; the
** route table hands them to http/ (route_face). */
extern const Face web_face;
extern const Face api_face;

void h_dashboard(Req*);         /* /api/v1/indicators */
void h_home(Req*);              /* 工作台 (GET /) */
void h_login_form(Req*);
void h_login(Req*);
void h_logout(Req*);
void h_me(Req*);
void h_password_form(Req*);
void h_password(Req*);
void h_static(Req*);
void h_schema(Req*);
void h_kinds_api(Req*);         /* 自定义台账 over the API (session.c) */
void h_kind_api(Req*);
void h_kind_save_api(Req*);
void h_report(Req*);
void h_audit_list(Req*);
void h_audit_entry(Req*);
void h_audit_export(Req*);
void h_users(Req*);            /* 用户管理 (users.c) */
void h_user_form(Req*);
void h_user_create(Req*);
void h_user_update(Req*);
void h_user_disable(Req*);
void h_user_enable(Req*);
void h_user_reset(Req*);
void h_user_unlock(Req*);
void h_logins(Req*);
void h_sessions(Req*);
void h_logins_api(Req*);
void h_sessions_api(Req*);
void h_session_end(Req*);
void h_settings(Req*);          /* 参数设置 */
void h_setting_save(Req*);
void h_holidays(Req*);          /* 节假日 */
void h_holiday_add(Req*);
void h_rules(Req*);             /* 期限规则 (rules.c) */
void h_rule_set(Req*);
void h_rule_end(Req*);
void h_holiday_mark(Req*);     /* 年度安排已完整登记, or its undo */
void h_todo(Req*);             /* 待办 (todo.c) */
void h_list(Req*);
void h_detail(Req*);
void h_form(Req*);
void h_create(Req*);
void h_update(Req*);
void h_delete(Req*);
void h_delete_confirm(Req*);   /* GET /k/:kind/delete?id=…: 删除确认 */
void h_delete_many(Req*);      /* POST /k/:kind/delete, /api/v1/k/:kind/delete: all or none */
int  req_ids(Req*, i64 **paId); /* the ids a request names (id=N…, ids=N,N); -1 answered */
void h_transition(Req*);
void h_step(Req*);            /* GET /k/KIND/ID/do/STEP: the step's form (web) */
void h_carry(Req*);             /* versioned catalogs: next year's version */
void h_breakdowns(Req*);       /* 分单位情况, /api/v1/breakdowns */
void h_trend(Req*);            /* 近年变化 of one indicator */
void h_counties(Req*);         /* 各县（区）指标 of a city's scope */
void h_report_file(Req*);      /* /report.docx (GB/T 9704) and /report.xlsx (the figures) */
void h_report_html(Req*);
void h_progress(Req*);
void h_export_csv(Req*);       /* /k/KIND/export.csv: the list as CSV, streamed as it is read */         /* /api/v1/progress/KEY: an import's counts as it runs */      /* /report.html: the report as one document, downloaded */
void h_drafts(Req*);           /* the report's stored versions (handlers/report.c) */
void h_draft_new(Req*);
void h_draft(Req*);
void h_draft_save(Req*);
void h_draft_freeze(Req*);
void h_draft_compare(Req*);
void h_public_report(Req*);
void h_baseline_import(Req*);  /* last year's report as the baseline */
void h_baseline_drop(Req*);    /* the latest frozen version, for the government web site */
void h_export(Req*);
void h_template(Req*);
void h_import_form(Req*);
void h_import(Req*);
void h_draw(Req*);
void h_draw_pool(Req*);
void h_draw_fix(Req*);
void h_draw_run(Req*);
void h_qr(Req*);
void h_scan(Req*);
void h_scan_log(Req*);
void h_depts(Req*);            /* 部门管理 (handlers/depts.c) */
void h_kinds(Req*);            /* 自定义台账 (handlers/kinds.c) */
void h_kind_form(Req*);
void h_kind_save(Req*);
void h_kind_versions(Req*);
void h_kind_export(Req*);
void h_kind_import(Req*);
void h_kind_extend(Req*);       /* 内置台账的扩展: its form, and saving it */
void h_kind_extend_save(Req*);
void h_dept_add(Req*);
void h_dept_rename(Req*);
void h_dept_type(Req*);
void h_dept_state(Req*);
void h_dept_move_form(Req*);
void h_dept_move(Req*);

/* helpers shared by handlers */
int  req_year(Req*);                    /* ?year=, default: the current year; 0 = all */
int  req_report_year(Req*);             /* ?year=, default: last year (the report's) */
/* ?version=ID (that stored version), =data (0: from the data), none: the
** year's latest version or 0; 1 when answered 400. */
int  req_report_version(Req*, int iYear, i64 *piVersion);
void query_from_req(Req*, Query*);      /* list filters, sort, paging, trace */
#endif
