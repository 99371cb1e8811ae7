/*
** src/engine/extform.h — the page that extends a built-in kind
** (/admin/kinds/KIND/extend, 内置台账的扩展) as an extension definition
** and back.
**
** The page is the 自定义台账 form (kindform.h) narrowed to what a county
** may add to a built-in kind: its extra fields (the field rows), the
** values it adds to the kind's enum fields (rows of their own), its extra
** indicators (indicator rows after the built-in's), its extra report
** sentences (with 「指标名称」 markers that may name the built-in's
** indicators too) and every indicator's target and decimals (the
** built-in's indicator rows, of which only those two inputs show). The
** built-in's own rows are posted back as hidden inputs so that markers
** and duplicate names are checked against them.
**
** Form inputs besides kindform.h's: ver (the extension version the page
** was opened on), ne and, for row i (1-based), eI_field eI_id eI_label
** eI_old (a value an earlier version added: fixed, it stays).
**
** This file only translates: kinddef_save (kinddef.c) checks and stores
** the extension definition (kinddef.h, kind_ext_json) it builds.
*/
#ifndef FZ_EXTFORM_H
#define FZ_EXTFORM_H
#include "engine/kindform.h"

/* A value the county adds to one of the built-in's enum fields. */
typedef struct ExtEnum {
  const char *zField;      /* the built-in enum field's id ("venue") */
  const char *zId, *zLabel;/* the value ("square", 进广场) */
  int bOld;                /* saved by an earlier version: shown fixed, kept */
  int iRow;                /* its row on the page (1-based) */
  int iJson;               /* its index in enum_values[zField] (-1: not written) */
} ExtEnum;

typedef struct ExtForm {
  const Kind *pKind;       /* the built-in kind as served (its extension in force, if any) */
  KindForm f;              /* fields: the extra ones; indicators: the built-in's first (nIndBase
                           ** rows, only target and decimals editable), then the extra ones;
                           ** sentences: the extra ones */
  int nIndBase;            /* the built-in's indicator rows */
  ExtEnum *aEnum; int nEnum;  /* the added enum values, blank rows too */
  int iVersion;            /* the extension version the page was opened on (0: none yet) */
  const struct KindDefRow *aVer; int nVer;   /* extform_load: the extension's versions, newest first */
} ExtForm;

/* The form of built-in kind k as served (its extension in force, or
** none), with nBlank empty rows after the fields, the extra indicators
** and the enum values. FZ_OK, or FZ_INTERNAL. */
int extform_load(Ctx*, ExtForm*, const Kind *k, int nBlank);

/* Reads the posted form of built-in kind k into *p (arena memory). */
void extform_read(Ctx*, ExtForm*, const Kind *k, KfGet, void *pArg);

/* Adds n empty enum-value rows. */
void extform_more_enum(Ctx*, ExtForm*, int n);

/* The extension definition JSON of the form (arena) in *pz: FZ_OK, or
** FZ_INVALID with the form's own refusals in c->err (as kindform_json);
** *pz is set either way so that kinddef_save can add its reasons. */
int extform_json(Ctx*, ExtForm*, const char **pz);

/* Renames the errors kinddef_save reported from c->err.a[iFrom] on (JSON
** paths of the extension: "fields[1].id", "enum_values.venue[0].label",
** "targets.events.decimals" …) to the page's inputs. */
void extform_errors_to_inputs(Ctx*, const ExtForm*, int iFrom);

/* The choices a built-in-or-extra indicator may count under and sum, from
** the kind as served plus the form's extra fields: a KindForm whose
** fields are both (for the indicator rows' selects). */
void extform_field_view(Ctx*, const ExtForm*, KindForm *pView);
#endif
