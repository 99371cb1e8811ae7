/*
** src/engine/kinddef.h — kinds a county defines at run time (自定义台账).
**
** A custom kind is a Kind (kind.h) built from a JSON definition: the very
** object `fazhi schema --json` prints for one kind (kind_json), so a kind
** exported from one database is added into another unchanged. Once added
** it is served by every path a built-in kind is (list, form, detail, API,
** import, export, dashboard, indicators, report, check): its records live
** in a real table named by its id, made by ddl_sync_kind.
**
** Definitions are stored in the table kind_def, one row per version
** (name, version, owner unit, the JSON text, who, when); every add or
** change is a new version written in one transaction with the new columns
** and an audit entry, and `fazhi check` compares the rows with the log.
** A field left out of a later version is kept as a hidden column (its
** values stay); a field's type never changes.
**
** The registry (registry.c) serves built-ins plus the custom kinds of the
** database as an immutable snapshot behind an atomic pointer: readers take
** no lock, a change publishes a new snapshot, old Kinds are never freed.
** kinddef_refresh() is called once per request and per command that opens
** a database (one indexed query) so a definition another process added is
** seen by the next request.
**
** A built-in kind grows the same way (内置台账的扩展): an extension
** definition ({"extends": KIND, …}, kind_ext_json) adds fields (real
** columns of the built-in's table), enum values, indicators, breakdowns,
** report sentences, and sets targets and decimals; it is stored in
** kind_def under the built-in's name, one row per version, checked,
** audited and loaded as a custom kind is, and served in the built-in's
** place (kind_find; kind_builtin gives the C declaration).
**
** Visibility: a custom kind has an owner unit (a county, or a city for all
** its counties). kind_visible() says whether an actor may see it at all;
** data scope (records by department) is unchanged.
*/
#ifndef FZ_KINDDEF_H
#define FZ_KINDDEF_H
#include "engine/ctx.h"
#include "base/json.h"

/* One custom kind as the lists show it (kinddef_list, kinddef_versions).
** Arena memory of the Ctx. */
typedef struct KindDefRow {
  const char *zName;       /* the kind's id (its table and URL name) */
  const char *zLabel;      /* 公证 */
  const char *zGroup;      /* menu group */
  const char *zShape;      /* "register", "activity" or "case" */
  const char *zShapeLabel; /* 名册, 活动, 案件 */
  int iVersion;            /* the version (1, 2, …): the newest in kinddef_list */
  i64 iOwner;              /* the owner unit's department id */
  const char *zOwner;      /* …and its name (示范县, 示范市) */
  i64 nRecords;            /* records of the kind in the actor's scope (kinddef_list only; 0 in versions) */
  const char *zAt;         /* when this version was saved (UTC, "YYYY-MM-DD HH:MM:SS") */
  const char *zBy;         /* who saved it (login; "(命令行)" for the command line) */
} KindDefRow;

/* Adds a kind, or a new version of one the actor may change, from its
** definition JSON (zJson, n bytes). iOwner: the owner unit's department id
** for a new kind (0: the actor's own unit — the county of a county admin,
** the city of a city admin; for the command line, the database's county);
** ignored for a change (the owner stays). Checks everything first:
**   FZ_OK        saved; *piVersion (may be NULL) is the new version;
**   FZ_INVALID   refused, the Chinese reasons in c->err, each with zField
**                the JSON path ("fields[2].id") and a message naming the
**                part ("字段“金额”（fee）：…"); nothing written;
**   FZ_CONFLICT  another admin saved the same id meanwhile (a new kind
**                added by two at once, or a version saved since this
**                request read the registry): the Chinese reason in c->err
**                ("台账标识“X”已存在…"); nothing written;
**   FZ_FORBIDDEN not an admin, or the kind is another unit's;
**   FZ_INTERNAL  a database failure (rolled back).
** The writes (kind_def row, table and columns, audit entry) are one
** transaction; the registry is refreshed after it. */
int kinddef_save(Ctx*, const char *zJson, size_t n, i64 iOwner, int *piVersion);
/* The same for a new kind only (the browser's 新增 and 导入定义): an id the
** actor's registry already holds is FZ_CONFLICT, "台账标识“X”已存在". */
int kinddef_add(Ctx*, const char *zJson, size_t n, i64 iOwner, int *piVersion);

/* The custom kinds the actor may see (kind_visible), by menu order then
** name, newest version each, with the count of records in the actor's
** scope. *pa in the ctx arena; returns the count, or -1 on a database
** error. */
int kinddef_list(Ctx*, KindDefRow **pa);

/* Every version of custom kind zName (or of built-in zName's extension),
** newest first; -1 on a database error, 0 when absent or not visible to
** the actor. */
int kinddef_versions(Ctx*, const char *zName, KindDefRow **pa);

/* The definition JSON of zName's version iVersion (0: the newest), as
** stored (the text `kind export` writes); ctx arena; NULL when absent or
** not visible to the actor. */
const char *kinddef_export(Ctx*, const char *zName, int iVersion);

/* The registry's side (registry.c): the built-in kind zName (NULL for a
** custom or unknown one); publish a new snapshot of the custom kinds
** (aNew: every custom kind, process-lifetime memory, compiled); the mark
** of the snapshot in force (-1 before the first). */
const Kind *kind_builtin(const char *zName);
void registry_publish(const Kind *const *aNew, int n, long long iMark);
long long registry_mark(void);
/* The most kinds a snapshot holds, built-in and custom (the arrays that
** list kinds are this long). */
#define KIND_MAX 64

/* A past year is read with the definition in force then. kind_as_of: the
** version of custom kind k in force at the end of year iYear in the
** county's time (zone: minutes east of UTC) — the newest saved before
** 1 January of the next year; when every version is later (a kind defined
** after that year, its records of the year entered since), its first
** version. A built-in kind as declared, or iYear 0: k itself; a built-in's
** extension (内置台账的扩展) is read by its versions as a custom kind is.
** kind_year_lens: on the calling thread, until put back, kind_find,
** kind_at and kinds_in_order give each custom kind as kind_as_of gives it
** for iYear (0: the versions in force now); returns the year it replaces,
** for the caller to restore. The annual report sets it while it drafts and
** renders a year (src/report/report.c), so a report of 2025 drafted in
** 2026 keeps 2025's fields, labels, indicators and sentences. */
const Kind *kind_as_of(const Kind*, int iYear, int nZoneMin);
int kind_year_lens(Ctx*, int iYear);
const Kind *kind_lens(const Kind*);    /* k as the thread's lens gives it (what registry.c answers) */

/* Whether zName is a custom kind (not a built-in), any owner. */
int kinddef_is_custom(const char *zName);

/* Reads the database's newest definition id (one indexed query) and, when
** it moved since the snapshot was built, loads the definitions anew and
** publishes a new registry snapshot. Cheap when nothing changed. 0, or a
** database error code (the old snapshot stays in force). */
int kinddef_refresh(Ctx*);
int kinddef_refresh_db(Db*);           /* the same, for a database being opened */

/* Whether the actor may see kind k: every built-in; a custom kind when the
** actor's department path lies under the owner unit's path (its county, or
** its city's counties), or the actor administers a unit above the owner
** (a city admin sees its counties' kinds), or the actor is the operator
** (scope "/"). The public (iUser 0, R_PUBLIC) sees a public custom kind. */
int kind_visible(const Kind*, const Actor*);
/* kinds_in_order (by nOrder) of the kinds the actor sees (a NULL: all);
** the menu, the dashboard, the breakdowns and the report list kinds so. */
int kinds_for(const Actor*, const Kind **aOut, int nMax);
/* The same for a department scope whoever reads it (the report of a
** county, also as the public reads it: every kind of that county). */
int kinds_in_scope(const char *zPath, const Kind **aOut, int nMax);

/* One kind as JSON: the object `fazhi schema --json` prints per kind and
** the definition format kinddef_save reads (src/api/schema.c prints every
** kind with it). */
void kind_json(Json*, const Kind*);
/* A built-in kind's extension (k->pBase set) as its definition: what the
** county added to the declaration (kinddef_save reads it back; stored in
** kind_def under the built-in's name; kind_json prints it as "extension"):
**   {"extends": "law_publicity", "version": 2,
**    "fields": [ a custom kind's field, … ],
**    "enum_values": {"venue": [{"id": "square", "label": "进广场"}]},
**    "indicators": [ a custom kind's indicator, … ],
**    "breakdowns": [ {"indicator": …, "by": …}, … ],
**    "report": {"sentences": [ after the built-in's, … ]},
**    "targets": {"events": {"target": "100", "decimals": 0}}}
** A field left out of a later version is kept hidden, its values stay;
** an enum value once added stays (records may hold it). */
void kind_ext_json(Json*, const Kind*);
const char *kind_type_name(FieldType);        /* "text", "money", … */
const char *kind_shape_name(const Kind*);     /* "register", "activity", "case", "catalog", "ledger" */

/* Money (FT_MONEY): zIn ("1234.5", "1,234.50", "1234.50元") into *pFen (分);
** 0 on success, else the Chinese reason (static text). */
const char *money_parse(const char *zIn, long long *pFen);
/* nFen as "1,234.50" into z (at least 32 bytes); returns z. */
char *money_format(long long nFen, char *z, size_t n);
/* A stored amount (分, as text) as plain 元 without separators ("1234.50"),
** what the API returns; zFen itself when it is not a whole number. */
const char *money_plain(Arena*, const char *zFen);
#endif
