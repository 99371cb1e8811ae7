/*
** src/engine/setting.h — the county's settings: one declared table
** (aSetting[], setting.c) and one reader. Rows live in the table
** `setting` (name, value). A setting that a county of a database holding
** several may hold for itself is stored as "NAME@ID", ID being the
** county's (or city's) department id; the plain NAME is the database's.
** Writes go through setting_set (here, audited), except the internal
** settings, which their own module writes; a value is first checked by
** setting_check. The 参数设置 page lists and saves through setting_rows
** and setting_save, which decide from the actor which row a change writes.
*/
#ifndef FZ_SETTING_H
#define FZ_SETTING_H
#include "db/db.h"
#include "base/arena.h"
#include "engine/ctx.h"

/* Who may change a setting. */
#define SET_CLI      1   /* the operator, by `fazhi setting` */
#define SET_INIT     2   /* written by init (county_name), not by hand */
#define SET_INTERNAL 3   /* machinery (a digest, a boundary): no one by hand, not audited,
                         ** not compared by the guarded-table check, not moved by migrate */
#define SET_DB       4   /* no command sets it: the operator writes the row (frozen_at) */

typedef struct Setting {
  const char *zName;      /* the row's name */
  const char *zLabel;     /* Chinese: what it is, with an example (`fazhi setting` lists it) */
  const char *zDefault;   /* the value when the row is missing (NULL: none; the reader's
                          ** caller derives one, e.g. the report's signatures from the county) */
  int eWho;               /* SET_CLI, SET_INIT, SET_INTERNAL or SET_DB */
  int bPerUnit;           /* a county (or city) may hold its own as NAME@ID */
} Setting;

extern const Setting aSetting[];
extern const int nSetting;
/* The declaration of zName ("NAME" or "NAME@ID", the latter only for a
** bPerUnit setting), NULL for a name not declared. */
const Setting *setting_find(const char *zName);
/* The one reader. *pz is the stored value (in a), else the declared
** default (NULL when none); DB_OK, or the database's error code. A name
** not declared is a programming error: the process aborts. */
int setting_read(Db*, Arena*, const char *zName, const char **pz);
/* A bPerUnit setting as the unit iUnit (a county's or city's id; 0 the
** database) holds it: its own NAME@ID row, else NAME, else the default. */
int setting_read_unit(Db*, Arena*, const char *zName, i64 iUnit, const char **pz);
/* The same, NULL on a database error. */
const char *setting_get(Db*, Arena*, const char *zName);

/* NULL when zValue is acceptable for the declared setting zName ("NAME"
** or "NAME@ID"), else the Chinese reason (static or a's memory): empty,
** a control character, or a public_url that is not an http(s) address. */
const char *setting_check(Arena*, const char *zName, const char *zValue);
/* Sets one setting with its audit entry (before and after), in the
** caller's write transaction or its own. 0 on success. A name not
** declared in aSetting[], or an internal one, is refused as an internal
** error (the callers check names and values first). */
int setting_set(Ctx*, const char *zName, const char *zValue);

/* One row of the 参数设置 page, for the acting admin. */
typedef struct SettingRow {
  const Setting *pSet;    /* the declaration (label, default) */
  const char *zKey;       /* the row a change writes: NAME (the operator) or NAME@ID
                          ** (the admin's county or city); NULL: shown, not editable here */
  const char *zValue;     /* the value in force for the admin: NAME@ID, else NAME, else NULL */
  int bInherited;         /* zValue is the database-wide NAME, not the unit's own row */
} SettingRow;
/* The SET_CLI settings the actor of c sees, in aSetting[] order: the
** operator (scope "/") every one, editing NAME; a county's admin the
** county ones (not city_*), a city's admin the city_* ones, editing
** NAME@ID where a unit may hold its own (bPerUnit), else read-only.
** Arena memory; 0 or a database error code. */
int setting_rows(Ctx*, SettingRow **pa, int *pn);
/* Saves zValue for the setting zName (a plain declared name) as the
** actor's page allows (setting_rows' zKey): FZ_OK, FZ_INVALID (the
** reason in c->err on the field "value"), FZ_FORBIDDEN (not the actor's
** to change), FZ_NOTFOUND (not declared), FZ_INTERNAL. */
int setting_save(Ctx*, const char *zName, const char *zValue);
/* The county's time zone (the time_zone setting) in minutes east of UTC,
** read once per context: pages show stored UTC moments with it. */
int ctx_zone(Ctx*);
/* Reads the time_zone setting for every context's "today" (ctx_init): at
** open, before the first request or command. */
void zone_load(Db*);
#endif
