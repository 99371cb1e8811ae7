/*
** src/engine/kindform.h — the 自定义台账 page's form (/admin/kinds) as a
** kind definition and back.
**
** The page shows a definition (kinddef.h: the JSON `fazhi schema --json`
** prints per kind) as rows a county admin fills in: basic information, a
** table of fields, a table of indicators and the report's paragraph. The
** admin never writes JSON or brace tokens: a sentence names its figures
** as 「指标名称」 markers, which kindform_json turns into the engine's
** tokens ({id}, {id%} …) and kindform_from_def turns back.
**
** This file only translates: kinddef_save (kinddef.c) checks and stores
** the definition it builds. An error kinddef_save reports names a JSON
** path ("fields[2].label"); kindform_errors_to_inputs renames it to the
** form input beside which the page shows it ("f3_label").
**
** Form input names (the page, src/web/kinds.c, writes them; the tests post
** them): id label group shape public about inf_from inf_to; nf and, for row i (1-based), fI_id
** fI_label fI_type fI_enum fI_ref fI_req fI_list fI_filter fI_pub fI_help
** fI_old (a field of the version in force) fI_drop; ni and iI_id iI_label
** iI_agg iI_field iI_cond iI_den iI_unit iI_dec iI_target; a 案件's nst
** and tI_id tI_label tI_final (states), ntr and rI_id rI_label rI_from
** rI_to rI_stamp rI_roles (transitions), ndl and dI_id dI_label dI_start
** dI_len dI_unit dI_done dI_basis (deadlines); sec intro and the
** sentences sI (I 1..KF_SENTENCES).
*/
#ifndef FZ_KINDFORM_H
#define FZ_KINDFORM_H
#include "engine/ctx.h"

#define KF_MAX_ROWS   120      /* field or indicator rows a form may carry */
#define KF_SENTENCES  10       /* report sentences (ReportText.azSentence) */

typedef struct KfField {
  const char *zId;         /* the column id ("" on a new row: made up as f1, f2 …) */
  const char *zLabel;      /* 名称 */
  const char *zType;       /* text longtext int money date enum bool ref dept */
  const char *zEnum;       /* FT_ENUM: a value a line, "id 标签" or "标签" (an id is made up) */
  const char *zRef;        /* FT_REF: the kind referred to */
  const char *zHelp;       /* 说明 */
  int bReq, bList, bFilter, bPublic;
  int bOld;                /* in the version in force: its id and type are fixed */
  int bDrop;               /* bOld and left out of the new version: hidden, its values kept */
  int iRow;                /* the row on the page (1-based) */
  int iJson;               /* its index in the definition's fields[] (-1: not written) */
} KfField;

typedef struct KfInd {
  const char *zId, *zLabel;
  const char *zAgg;        /* count sum distinct rate average */
  const char *zField;      /* sum, distinct, average: the field; rate: the numerator's summed field ("": a count) */
  const char *zCond;       /* the records counted: "" all, "FIELD=VALUE", "FIELD:set", "FIELD:unset" */
  const char *zDen;        /* rate: "count" (all records), "count:COND" or "sum:FIELD" */
  const char *zUnit;       /* 件 人 人次 … (a rate: %) */
  const char *zDecimals;   /* "" : 0 for counts, 1 for rates and averages */
  const char *zTarget;     /* "" none */
  int iRow, iJson;
} KfInd;

/* A choice of the page's selects: the value posted and what it shows. */
typedef struct KfChoice { const char *zValue; const char *zLabel; } KfChoice;

/* A 案件's workflow rows: its states, the transitions between them (the
** button, who may press it, the date field it stamps) and its statutory
** deadlines (from one date field to another, N days, working days or
** months, the legal basis). */
typedef struct KfState { const char *zId, *zLabel; int bFinal; int iRow, iJson; } KfState;
typedef struct KfTrans {
  const char *zId, *zLabel, *zFrom, *zTo, *zStamp;
  const char *zRoles;      /* "admin,clerk" or "admin" */
  int iRow, iJson;
} KfTrans;
typedef struct KfDeadline {
  const char *zId, *zLabel, *zStart, *zLength, *zUnit, *zDone, *zBasis;
  int iRow, iJson;
} KfDeadline;

typedef struct KindForm {
  const char *zId, *zLabel, *zGroup;
  const char *zShape;      /* register activity case */
  const char *zAbout;      /* one paragraph for the list page ("" none) */
  const char *zInfFrom, *zInfTo;   /* register: the date fields (ids) it is in force from and to */
  int bPublic;
  int bEdit;               /* a new version of the kind zId (else a new kind) */
  KfField *aField; int nField;   /* every row posted or shown, blank ones too */
  KfInd *aInd; int nInd;
  KfState *aState; int nState;           /* 案件 only */
  KfTrans *aTrans; int nTrans;
  KfDeadline *aDeadline; int nDeadline;
  const char *zSection, *zIntro;
  const char *azSentence[KF_SENTENCES];   /* as the admin writes them, with 「」 markers */
  const char *zBase;       /* editing: the definition in force, whose parts the page
                           ** does not edit (states, transitions, deadlines …) are kept */
  const char **azChange;   /* 预览改动: what saving would change (kindform_diff), shown above the form */
  int nChange;             /* …how many (-1: no preview asked) */
} KindForm;

/* An empty form for a new kind: nField field rows, nInd indicator rows. */
void kindform_blank(Ctx*, KindForm*, int nField, int nInd);

/* One value of a form input: the page's xGet (NULL when absent). */
typedef const char *(*KfGet)(void *pArg, const char *zName);

/* Reads the posted form into *p (arena memory of c). Never fails: what
** is wrong is found by kindform_json. */
void kindform_read(Ctx*, KindForm*, KfGet, void *pArg);

/* The form of the definition zJson (the version in force, for editing),
** with nBlank empty rows after the fields and after the indicators.
** FZ_OK, or FZ_INTERNAL when zJson does not parse. */
int kindform_from_def(Ctx*, KindForm*, const char *zJson, int nBlank);

/* Gives every filled row without an id one (f1, i1 …, not used by
** another row) and every enum line without an id one (v1 …), written
** into the rows, so the page shows them and conditions can name them. */
void kindform_fill_ids(Ctx*, KindForm*);

/* Adds n empty rows to the fields (bInd 0) or the indicators (1). */
void kindform_more(Ctx*, KindForm*, int bInd, int n);
/* Adds n empty rows to a 案件's states ('t'), transitions ('r') or deadlines ('d'). */
void kindform_more_flow(Ctx*, KindForm*, char cPart, int n);

/* The states of the form as they stand (ids filled), for the transitions' selects; the count. */
int kindform_states(Ctx*, const KindForm*, KfChoice **pa);

/* The definition JSON of the form (arena memory) in *pz: FZ_OK, or
** FZ_INVALID with the reasons in c->err named by the form inputs (an
** enum line that is an id alone, a 「marker」 naming no indicator, a
** brace, a duplicate indicator name, decimals out of range); nothing else
** is checked here. *pz is set either way (without what was refused, and
** without the report when a sentence was), so that kinddef_save can add
** its own reasons for the rest and the admin sees them all at once. */
int kindform_json(Ctx*, KindForm*, const char **pz);

/* Renames the errors kinddef_save reported, c->err.a[iFrom] on (zField a
** JSON path such as "fields[2].label"), to the form inputs they concern
** ("f3_label"); a path the form has no input for becomes a record-level
** error (zField NULL). */
void kindform_errors_to_inputs(Ctx*, const KindForm*, int iFrom);

/* What changed from definition zOld (NULL: none, a new kind) to zNew, one
** Chinese line each ("新增字段“金额”", "字段“备注”不再显示，已录入的数据保留",
** "字段“类别”改名为“业务类别”，标识 cat 不变，已有记录不受影响" …), in *paz (arena);
** returns the count, 0 when the two say the same, -1 when one does not parse. */
int kindform_diff(Ctx*, const char *zOld, const char *zNew, const char ***paz);

/* The conditions an indicator may count under, from the form's fields
** as they stand (ids filled): "FIELD=VALUE" for each enum value and for
** 是/否, "FIELD:set" and "FIELD:unset" for the other fields. In *pa
** (arena); the count. */
int kindform_conditions(Ctx*, const KindForm*, KfChoice **pa);

/* The date fields of the form as it stands (ids filled), for a
** register's 在册起止日期 selects; the count. */
int kindform_date_fields(Ctx*, const KindForm*, KfChoice **pa);

/* The type ids a field may have with their Chinese names, NULL-ended. */
extern const KfChoice kindform_aType[];
const char *kindform_type_label(const char *zType);

/* One stored version for the 历史版本 page: its row, its definition and
** what it changed from the version before (kindform_diff). */
struct KindDefRow;
typedef struct KfVersion {
  const struct KindDefRow *pRow;   /* kinddef_versions' row */
  const char *zJson;               /* the definition of this version */
  const char **azChange; int nChange;   /* against the version before (the first: 新建台账…) */
} KfVersion;
/* Every version of the custom kind zName the actor may see, newest
** first, in *pa (arena): the count, 0 when it is none the actor may see,
** -1 on a database error. */
int kindform_history(Ctx*, const char *zName, KfVersion **pa);

/* A definition file uploaded for 导入定义 (zPath NULL: none sent) read
** into *pz and *pn (arena), with zNewId, when not empty, as its id (a county
** taking in a kind whose id is already used). FZ_OK, or FZ_INVALID with
** the reason (no file, too large, not JSON: the line, not an object). */
int kindform_upload(Ctx*, const char *zPath, const char *zNewId, const char **pz, size_t *pn);

/* The subsections of the annual report's chapter 一 that built-in kinds
** speak in (ReportText.zSection of the kinds in order, each once; not
** chapter 二's leaders' duties): where a custom kind's paragraph may go.
** The count. */
int kindform_sections(const char **az, int nMax);

/* The units an indicator may state (件, 人, 人次 …, 元), NULL-terminated. */
extern const char *const kindform_azUnit[];
#endif
