/*
** src/engine/setting.h — the county's settings: one declared table
** (aSetting[], setting.c) and one reader. Rows live in the table
** `setting` (name, value). A setting that a county of a database holding
** several may hold for itself is stored as "NAME@ID", ID being the
** county's (or city's) department id; the plain NAME is the database's.
** Writes go through setting_set (src/app/open.c, audited), except the
** internal settings, which their own module writes.
*/
#ifndef FZ_SETTING_H
#define FZ_SETTING_H
#include "db/db.h"
#include "base/arena.h"

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
/* The same, NULL on a database error. */
const char *setting_get(Db*, Arena*, const char *zName);
#endif
