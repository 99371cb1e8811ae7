/*
** src/app/demo.h — private to the demo county (demo.c builds the county
** and the first mechanisms' records; demo_cases.c the later mechanisms').
*/
#ifndef FZ_DEMO_H
#define FZ_DEMO_H
#include "engine/ctx.h"
#include "calendar/calendar.h"
#include "io/table.h"

typedef struct Gen {
  Ctx *c;
  unsigned long long s;      /* xorshift state */
  Day today;
} Gen;

/* A table being built: header + rows of arena strings. */
typedef struct Tab { Ctx *c; IoTable t; int nAlloc, nCol; } Tab;

unsigned demo_rnd(Gen*, unsigned n);              /* 0..n-1 */
int  demo_chance(Gen*, int nPerMille);
int  demo_pick(Gen*, const int *aWeight, int n);   /* index 0..n-1, by weight */
void demo_tab_init(Tab*, Ctx*, const char *const *azHead);
char **demo_tab_row(Tab*);                        /* a new row of "" cells */
int  demo_tab_import(Tab*, const char *zKind, int bQuiet);   /* imports and frees */
const char *demo_ymd(Gen*, Day);
Day  demo_rnd_workday(Gen*, Day from, Day to);
Day  demo_add_workdays(Day, int n);
void demo_set_today(Ctx*, Day);                   /* the simulated clerk's today */
int  demo_set_field(Ctx*, const Kind*, i64 id, const char *zField, const char *zVal);   /* an edit of one field */
int  demo_do(Ctx*, const Kind*, i64 id, const char *zTrans);                          /* a transition */

/* What the later mechanisms' generators need to know of the county. */
typedef struct DemoCounty {
  Gen *g;
  Arena *a;
  int iYear;                 /* the full year */
  Day y0, yEnd;              /* 1 January of iYear .. today */
  const char *zCounty;       /* 示范县 */
  const char *zJustice;      /* 示范县司法局 */
  const char *const *azDept; /* bureaus, then towns */
  int nBureau, nTown;
  int bQuiet;
} DemoCounty;
const char *demo_person(DemoCounty*);            /* "王某" */
int demo_cases(DemoCounty*);                     /* demo_cases.c: 0 on success */
int demo_inspections(DemoCounty*);               /* demo_inspect.c */
int demo_activities(DemoCounty*);                /* demo_activity.c */
int demo_lists(DemoCounty*);                     /* demo_lists.c: 权责清单, 制度, 主动公开 */
int demo_public_services(DemoCounty*);           /* demo_public.c: 公共法律服务, 安置帮教 */
int demo_kinds(DemoCounty*);                     /* demo_kinds.c: the example 自定义台账 and their records */

/* The example definitions of examples/kinds/ (自定义台账示例), embedded
** in the binary by tools/mkexamples (build/gen/examples.c): file name and
** JSON text, in file-name order, ended by { 0, 0 }. */
typedef struct DemoExample {
  const char *zFile;         /* "notarization.json" */
  const char *zJson;         /* the definition, as `fazhi kind add` reads it */
} DemoExample;
extern const DemoExample aDemoExample[];
#endif
