/*
** src/http/view.h — one answer path for both faces.
**
** A handler does its work through the engine, gets a result code (FZ_OK,
** FZ_INVALID, FZ_NOTFOUND, …) and fills a View: what the answer shows.
** req_answer(r, rc, &view) maps the code to the HTTP status and hands the
** view to the request's face: the page (src/web/face.c) or the JSON
** document (src/api/face.c). The handler never asks which face it serves.
**
** The faces also read a request's input (a form's fields or the JSON
** body's members): req_input, req_fields, req_rec_input and the others
** below ask the face, so the same handler reads both.
**
** http/ never looks into the data a view points at (the struct tags are
** only declared here); the two faces do.
*/
#ifndef FZ_VIEW_H
#define FZ_VIEW_H
#include "http/req.h"

struct Query; struct RecList; struct IndValue; struct BreakSet; struct CountyGrid;
struct DrawView; struct DraftVersion; struct UserRow; struct DraftPara; struct Baseline;
struct DeptRow; struct DeptMove;
struct KindDefRow; struct KindForm; struct KfVersion;
struct TodoQuery; struct TodoList;

/* What a view shows. The comment names the page and the JSON document. */
enum {
  VIEW_NONE = 0,    /* nothing more: the answer's body is already written (a report, a file) */
  VIEW_OK,          /* web: zGo; JSON {"ok":true} */
  VIEW_LIST,        /* pQuery, pList: the list page; {"total":N,"rows":[…]} */
  VIEW_RECORD,      /* pRec: the detail page; the record */
  VIEW_SAVED,       /* pRec just written: web zGo; the record as stored now */
  VIEW_FORM,        /* pKind, pForm (NULL: new), bEdit: the form with what was typed (web only) */
  VIEW_DELETED,     /* pRec: web zGo; {"deleted":ID} */
  VIEW_CARRIED,     /* n1 the year carried from, n2 the records copied: web zGo; {"from","to","copied"} */
  VIEW_IMPORTED,    /* pKind, n1 records imported: the result page; {"imported":N} */
  VIEW_IMPORT_FORM, /* pKind: the upload form with the errors (web only) */
  VIEW_INDICATORS,  /* iYear, iDept, aVal/nVal: the dashboard; the indicators */
  VIEW_BREAKDOWNS,  /* iYear, aSet/nSet: 分单位情况 */
  VIEW_COUNTIES,    /* pGrid: 各县（区）指标 */
  VIEW_DRAW,        /* pRec the plan, pDraw (NULL: not fixed), azProblem/nProblem: the draw */
  VIEW_DRAFTS,      /* iYear, aDraft/nDraft, pBase: the report's versions */
  VIEW_DRAFT,       /* pDraft, azHtml, aNew/nNew: one version */
  VIEW_LOGIN,       /* pActor, zToken, zCsrf: web the cookie and zGo; JSON the token */
  VIEW_LOGIN_FORM,  /* zError, zNext: the login page again (web only) */
  VIEW_PASSWORD,    /* the password form again (web only) */
  VIEW_USERS,       /* aUser/nUser: 用户管理 (web only) */
  VIEW_USER_FORM,   /* aUser (NULL: a new account): its form with what was typed (web only) */
  VIEW_USER_SECRET, /* aUser, zSecret: the one-time password, shown once (web only) */
  VIEW_SETTINGS,    /* 参数设置 again with the errors (web only) */
  VIEW_HOLIDAYS,    /* 节假日 again with the errors (web only) */
  VIEW_RULES,       /* 期限规则 again with the errors (web only) */
  VIEW_DEPTS,       /* aDeptRow/nDeptRow, iDept (the one edited, 0 none): 部门管理 (web only) */
  VIEW_DEPT_MOVE,   /* aDeptRow[0] the department, n1 its new parent, pDeptMove: the move's confirmation (web only) */
  VIEW_KINDS,       /* aKindDef/nKindDef: 自定义台账, the custom kinds (web only) */
  VIEW_KIND_FORM,   /* pKindForm: a definition's form with what was typed (web only) */
  VIEW_KIND_VERSIONS, /* pKind, aKindVer/nKindVer: a custom kind's 历史版本 (web only) */
  VIEW_KIND_JSON,   /* pKind, n1 the version, zJson: the definition as a file to save (web only) */
  VIEW_KIND_EXTEND, /* pExtForm: a built-in kind's extension, its form with what was typed (web only) */
  VIEW_DELETE_CONFIRM, /* pKind, pList (nTotal the ids asked for): 删除确认, the records with a confirm button (web only) */
  VIEW_DELETED_MANY, /* pKind, n1 records deleted: web zGo; {"deleted":N} */
  VIEW_TODO,        /* pTodoQ, pTodo: 待办; {"overdue","due_soon","total","counts":[…],"rows":[…]} */
  VIEW_STEP,        /* pRec, pTrans: a workflow step's form with what was typed (web only) */
  VIEW_REPORT,      /* iYear, n1 the version (0: the data), zBody the report's markup: /report in the layout (web only) */
  VIEW_PROGRESS     /* pProgress (NULL: not started): {"started","read","checked","written","done","seconds"} (JSON only: the import page polls it) */
};

typedef struct View {
  int eView;              /* VIEW_*: what FZ_OK shows */
  int status;             /* FZ_OK's status (0: 200) */
  const char *zGo;        /* web face, FZ_OK: 303 to this local address instead of a page */
  /* Failures. FZ_INVALID (422) and FZ_CONFLICT (409): the JSON face lists
  ** the context's errors ({"errors":[…]}), or answers {"error":…} with
  ** zError; the web face shows eAgain (the form or page again, with the
  ** errors), else an error page with zError or the first error. */
  int eAgain;             /* VIEW_*: the web face's page for FZ_INVALID/FZ_CONFLICT (0: error page) */
  int iFail;              /* the failure's status in place of 422/409 (0: from the code) */
  const char *zError;     /* the failure's message (NULL: the context's errors) */
  const char *zHint;      /* web face, eAgain: one more error line below the context's */
  const char *zNotFound;  /* FZ_NOTFOUND's message (NULL: a record outside the scope) */
  const char *zForbidden; /* FZ_FORBIDDEN's message (NULL: 无权执行此操作) */
  /* the data (which members a view reads: see VIEW_*) */
  const Kind *pKind;
  const Rec *pRec;
  const Rec *pForm;       /* VIEW_FORM: the record edited (NULL: a new one) */
  int bEdit;
  const struct Query *pQuery;
  const struct RecList *pList;
  int iYear;
  i64 iDept;
  struct IndValue *aVal; int nVal;
  const struct BreakSet *aSet; int nSet;
  const struct CountyGrid *pGrid;
  const struct DrawView *pDraw;
  const char **azProblem; int nProblem;
  const struct DraftVersion *aDraft; int nDraft;   /* VIEW_DRAFTS: the list; VIEW_DRAFT: aDraft[0] */
  const char **azHtml;
  const struct DraftPara *aNew; int nNew;
  const struct Baseline *pBase;
  const Actor *pActor;
  const char *zToken, *zCsrf, *zNext;
  long long n1, n2;
  const struct UserRow *aUser; int nUser;   /* VIEW_USERS, VIEW_USER_FORM, VIEW_USER_SECRET */
  const char *zSecret;                      /* VIEW_USER_SECRET: the one-time password */
  const struct DeptRow *aDeptRow; int nDeptRow;
  const struct DeptMove *pDeptMove;
  const struct KindDefRow *aKindDef; int nKindDef;   /* VIEW_KINDS */
  const struct KindForm *pKindForm;                  /* VIEW_KIND_FORM */
  const struct KfVersion *aKindVer; int nKindVer;    /* VIEW_KIND_VERSIONS */
  const char *zJson;                                 /* VIEW_KIND_JSON */
  const struct ExtForm *pExtForm;                    /* VIEW_KIND_EXTEND */
  const struct TodoQuery *pTodoQ;                    /* VIEW_TODO: the filters … */
  const struct TodoList *pTodo;                      /* … and the items */
  const Transition *pTrans;                          /* VIEW_STEP, VIEW_SAVED by a step */
  const char *zBody;                                 /* VIEW_REPORT: markup of src/report (trusted) */
  const struct ProgressSnap *pProgress;              /* VIEW_PROGRESS */
} View;

/* One face of the server: how it reads a request and renders a view. */
typedef struct Face {
  int nListSize;                              /* a list's rows per page unless ?size= says */
  int bBareFilter;                            /* list filters by the field's own name too (?state=…), not only f_NAME */
  void (*xView)(Req*, const View*);           /* render v (status already set) */
  void (*xErrors)(Req*, int status);          /* the context's user errors; NULL: the web (eAgain) */
  /* zName's value: a form field, or the JSON body's member as text; 1 when
  ** answered (a body that is not JSON: 400) */
  int  (*xValue)(Req*, const char *zName, const char **pz);
  /* a member only a JSON body carries (the web face: none) */
  int  (*xBody)(Req*, const char *zName, const char **pz);
  /* n text fields (JSON: strings only); 1 when answered */
  int  (*xFields)(Req*, const Field *aF, int n, const char **az);
  int  (*xRecord)(Req*, Rec*);                /* a record's values; 1 when answered */
  /* a version's paragraphs: FZ_OK, FZ_INVALID (errors; *pa what was typed), -1 answered */
  int  (*xDraft)(Req*, const struct DraftVersion*, struct DraftPara **pa, int *pn);
  int  (*xLoginCheck)(Req*);                  /* the login's own CSRF / content check; 1 when answered */
  void (*xError)(Req*, int status, const char *zMsg);   /* an error answer (req_fail's page or JSON) */
  const char *zName;                          /* "web" or "api": the channel the login log names */
} Face;
/* The two faces are defined in src/web/face.c and src/api/face.c; http/
** reaches them only through the route table (route_face in route.c), as
** it reaches the error page, so that http/ depends on neither. */
const Face *route_face(int bApi);

/* The answer to rc with v: FZ_OK renders v at v->status; FZ_INVALID 422,
** FZ_CONFLICT 409 (see View); FZ_NOTFOUND 404 and FZ_FORBIDDEN 403 with
** their messages; anything else is an internal error (500, logged). */
void req_answer(Req*, int rc, const View *v);
const Face *req_face(Req*);
int  req_input(Req*, const char *zName, const char **pz);
int  req_body_value(Req*, const char *zName, const char **pz);
int  req_fields(Req*, const Field *aF, int n, const char **az);
int  req_rec_input(Req*, Rec*);
/* The same where values are optional: a JSON request with no body gives none. */
int  req_rec_input_opt(Req*, Rec*);
int  req_draft_input(Req*, const struct DraftVersion*, struct DraftPara **pa, int *pn);
int  req_login_check(Req*);
/* A visitor asked for what needs a login: 401, or the login page that
** comes back to zNext. */
void req_need_login(Req*, const char *zNext);
#endif
