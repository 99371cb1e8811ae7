/*
** src/web/web.h — server-rendered pages in Chinese. HTML exists only in
** src/web/: every writer here escapes text by default (buf_html's %s).
*/
#ifndef FZ_WEB_H
#define FZ_WEB_H
#include "http/req.h"
#include "engine/query.h"
#include "engine/todo.h"
#include "report/report.h"

/* Frame */
void outf(Req*, const char *zFmt, ...) FMT(2,3);   /* %s escapes */
void out_html(Req*, Html);
void web_begin(Req*, const char *zTitle, const Kind *pActive);
/* A stored UTC moment (ISO text, or Unix seconds) in the county's time
** zone: "2026-12-07 21:56" ("…:05" for Unix seconds). Request arena. */
const char *web_time(Req*, const char *zIso);
const char *web_time_unix(Req*, i64 t);
/* 共N条 · 上一页 · 第 x / y 页 · 下一页 for a log of nTotal rows, nSize a page. */
void web_pager(Req*, i64 nTotal, int nPage, int nSize);
void web_end(Req*);
void web_error_page(Req*, int status, const char *zMsg);
void web_flash(Req*);                                /* ?msg= → a green notice */
void web_csrf_field(Req*);

const char *web_url_with(Req*, const char *zName, const char *zValue);  /* current URL, one param changed */
/* The <option>s of every department of zScope (NULL: the actor's scope)
** in tree order, indented by depth (dept_options): the one list of
** departments every filter and form offers. The value is the id, or with
** DEPT_OPT_NAME the name (a text field naming a party); DEPT_OPT_ALL
** puts 全部部门 first and keeps the disabled ones. Returns 1 when one of
** them was the selected one. */
#define DEPT_OPT_ALL  1
#define DEPT_OPT_NAME 2
int  web_dept_choices(Req*, const char *zScope, i64 iSelected, const char *zSelName, int mFlags);
void web_dept_options(Req*, i64 iSelected, int bAllOption);   /* the actor's scope, by id */
int  web_deadline_cell(Req*, const Rec*, int bCell);    /* 0 none, 1 due soon, 2 overdue */

/* Pages */
void web_login(Req*, const char *zError, const char *zNext);
void web_list(Req*, const Query*, const RecList*);
void web_todo(Req*, const TodoQuery*, const TodoList*);   /* 待办 (todo.c) */
void web_detail(Req*, const Rec*);
void web_form(Req*, const Kind*, const Rec *pRec /* NULL: new */, int bEdit);
struct Dash;
/* 工作台: d (engine/summary.h), then the state of iRep's report (its versions, newest first). */
void web_dashboard(Req*, const struct Dash *d, int iRep, const DraftVersion *aV, int nV);
/* 删除确认: the records about to be deleted, each refusal named, and the
** button that deletes them all (none when one may not be deleted). */
void web_delete_confirm(Req*, const Kind*, const RecList*);
void web_field(Req*, const Kind*, const Rec*, int bEdit, const Field*, const char *zV, const char *zErr);   /* one field of a form (form.c) */
const char *web_field_error(Req*, const char *zField);                  /* its error in r->ctx (NULL: none) */
void web_step(Req*, const Rec*, const Transition*);   /* a workflow step's form (step.c) */
void web_report(Req*, int iYear, i64 iVersion, const char *zBody);   /* /report in the layout (report_page.c) */
void web_breakdowns(Req*, int iYear, const BreakSet*, int nSet);
void web_bar_chart(Req*, const BreakSet*, int nMax);   /* chart.c: a breakdown's first nMax groups as SVG bars */
void web_trend(Req*, const Kind*, const Indicator*, int iYear, i64 iDept, const Chart*);   /* 近年变化 */
void web_counties(Req*, const CountyGrid*);          /* 各县（区）指标 */
void web_import_form(Req*, const Kind*);
void web_import_result(Req*, const Kind*, int nImported);
struct AuditEntry; struct AuditDetail;
/* 操作审计日志: one page of entries (audit_page), the query form, 共N条. */
void web_audit(Req*, const struct AuditEntry *a, int nRow, i64 nTotal, int nPage);
/* One entry in full, with its hashes (/audit/N). */
void web_audit_entry(Req*, const struct AuditEntry*, const struct AuditDetail*);
struct UserRow;
void web_users(Req*, const struct UserRow *a, int n);          /* 用户管理 (users.c) */
void web_user_form(Req*, const struct UserRow *p);             /* p NULL or id 0: a new account */
void web_user_secret(Req*, const struct UserRow *p, const char *zPw);
void web_logins(Req*);                               /* 登录日志 (admin_logins.c) */
void web_sessions(Req*);                             /* 在线用户 */
void web_settings(Req*);                             /* 参数设置 (settings.c) */
void web_rules(Req*);                                /* 期限规则 (rules.c) */
void web_holidays(Req*);                             /* 节假日 (settings.c) */
void web_password(Req*);                             /* 个人中心：修改密码 */
struct DeptRow; struct DeptMove;
void web_depts(Req*, const struct DeptRow*, int n, i64 iEdit);     /* 部门管理 (depts.c) */
void web_dept_move(Req*, const struct DeptRow*, i64 iParent, const struct DeptMove*);
struct KindDefRow; struct KindForm; struct KfVersion;
void web_kinds(Req*, const struct KindDefRow*, int n);              /* 自定义台账 (kinds.c) */
void web_kind_form(Req*, const struct KindForm*);
void web_kind_versions(Req*, const Kind*, const struct KfVersion*, int n);
void web_kind_json(Req*, const Kind*, int iVersion, const char *zJson);
struct ExtForm;
void web_kind_extend(Req*, const struct ExtForm*);                 /* 内置台账的扩展 (kinds.c) */
void web_errors_box(Req*);                           /* record-level and import errors */
struct DrawView;
void web_draw(Req*, const Rec *pPlan, const struct DrawView* /* NULL: not fixed */, const char **azProblem, int nProblem, int status);
/* 扫码入企 (engine/scan.c fills the ScanView, web/scan.c shows it) */
void web_scan(Req*, const Rec *pEnt, const ScanView*, int status);
void web_qr_page(Req*, const Rec *pEnt, const char *zUrl);
int  web_qr_svg(Req*, const char *zText);
const char *web_static(const char *zName, const char **pzType);   /* embedded assets */
/* The report's drafts (report_draft.c) */
typedef struct CompareSide { DraftVersion *pVersion /* NULL: the data now */; const char **azText; int n; } CompareSide;
void web_drafts(Req*, int iYear, const DraftVersion*, int n, const Baseline *pBase /* of iYear-1 */);
/* azHtml: each paragraph as it reads now (live versions); aNew: points the data proposes that it lacks */
void web_draft(Req*, const DraftVersion*, const char **azHtml, const DraftPara *aNew, int nNew);
void web_draft_compare(Req*, int iYear, const CompareSide *aSide /* two */, const DraftVersion *aAll, int nAll);
#endif
