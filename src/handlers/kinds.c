/*
** src/handlers/kinds.c — 自定义台账 (/admin/kinds, admins only: RT_ADMIN):
** the custom kinds the admin's unit and its city defined, the form that
** defines one or makes a new version of it, its versions, a definition
** exported as JSON and one imported from another county.
**
** The form becomes a definition in src/engine/kindform.c; the definition
** is checked, stored (a numbered, audited version) and served by
** kinddef_save (src/engine/kinddef.c), the same function `fazhi kind add`
** and /api/v1/kinds call. A kind of another county, or a built-in one, is
** 404 here; a city's kind that a county admin sees is refused by
** kinddef_save (403).
**
** A built-in kind's page (/admin/kinds/:kind/extend, 内置台账的扩展) is
** the same form narrowed to what a county adds to it (extform.h), saved
** by kinddef_save as the extension's next version.
*/
#include "handlers/handlers.h"
#include "engine/kinddef.h"
#include "engine/kindform.h"
#include "engine/extform.h"
#include <string.h>

#define KIND_NOT_FOUND  "没有这个自定义台账（或它不属于您的单位）"
#define KIND_FORBIDDEN  "这个台账由上级单位定义，只有定义它的单位的管理员可以修改"
#define KIND_CONFLICT   "这个台账的定义刚被其他人修改过，请重新打开修改页面，在最新的版本上修改"

/* The route's kind when it is a custom kind the actor may see. */
static int custom_kind(Req *r){
  return r->pKind && kinddef_is_custom(r->pKind->zName) && kind_visible(r->pKind, &r->actor) ? FZ_OK : FZ_NOTFOUND;
}

/* The list, also the page a refused import comes back to. */
static void kinds_page(Req *r, int rc, const char *zGo){
  KindDefRow *a = 0;
  int n = 0;
  if( rc!=FZ_OK || zGo==0 ){
    n = kinddef_list(&r->ctx, &a);
    if( n<0 ){ rc = FZ_INTERNAL; n = 0; }
  }
  req_answer(r, rc, &(View){ .eView = zGo ? VIEW_OK : VIEW_KINDS, .zGo=zGo, .eAgain=VIEW_KINDS, .aKindDef=a, .nKindDef=n,
                             .zForbidden=KIND_FORBIDDEN });
}

void h_kinds(Req *r){ kinds_page(r, FZ_OK, 0); }

/* GET /admin/kinds/new and /admin/kinds/:kind/edit: the form, empty or
** holding the version in force. */
void h_kind_form(Req *r){
  KindForm f;
  int rc = FZ_OK;
  if( r->pKind==0 ) kindform_blank(&r->ctx, &f, 6, 2);
  else if( (rc = custom_kind(r))==FZ_OK ){
    const char *zJson = kinddef_export(&r->ctx, r->pKind->zName, 0);
    rc = zJson ? kindform_from_def(&r->ctx, &f, zJson, 2) : FZ_NOTFOUND;
  }
  req_answer(r, rc, &(View){ .eView=VIEW_KIND_FORM, .pKindForm=&f, .zNotFound=KIND_NOT_FOUND });
}

static const char *form_get(void *pArg, const char *zName){ return req_param((Req*)pArg, zName); }

/* The posted form; editing, its id and the version it was opened on are
** the route's kind's (a change made meanwhile is a conflict). */
static int posted_form(Req *r, KindForm *f){
  kindform_read(&r->ctx, f, form_get, r);
  if( r->pKind==0 ) return FZ_OK;
  int rc = custom_kind(r);
  if( rc ) return rc;
  f->bEdit = 1;
  f->zId = r->pKind->zName;
  f->zBase = kinddef_export(&r->ctx, r->pKind->zName, 0);
  if( f->zBase==0 ) return FZ_NOTFOUND;
  if( req_param_int(r, "ver", r->pKind->iVersion)!=r->pKind->iVersion ){
    err_add(&r->ctx, 0, 0, "%s", KIND_CONFLICT);
    return FZ_CONFLICT;
  }
  return FZ_OK;
}

/* The form again with five more rows of fields (zMore "f") or
** indicators ("i"), two more of a 案件's states ("t"), transitions ("r")
** or deadlines ("d"), or its choices refreshed ("0"); nothing saved. */
static void form_more(Req *r, KindForm *f, const char *zMore){
  kindform_fill_ids(&r->ctx, f);
  if( zMore[0]=='f' || zMore[0]=='i' ) kindform_more(&r->ctx, f, zMore[0]=='i', 5);
  else if( zMore[0]=='t' || zMore[0]=='r' || zMore[0]=='d' ) kindform_more_flow(&r->ctx, f, zMore[0], 2);
  req_answer(r, FZ_OK, &(View){ .eView=VIEW_KIND_FORM, .pKindForm=f });
}

/* 预览改动: the form again saying what saving zJson would change. */
static void form_preview(Req *r, KindForm *f, const char *zJson){
  f->nChange = kindform_diff(&r->ctx, f->zBase, zJson, &f->azChange);
  req_answer(r, FZ_OK, &(View){ .eView=VIEW_KIND_FORM, .pKindForm=f });
}

/* Saves zJson as the kind's next version; refused, its errors are renamed
** to the form's inputs. After the form's own refusals (rc FZ_INVALID)
** kinddef_save still reads the rest, adding its reasons, and saves nothing. */
static int form_save(Req *r, const KindForm *f, const char *zJson, int rc){
  int iFrom = r->ctx.err.n;
  int rcSave = f->bEdit ? kinddef_save(&r->ctx, zJson, strlen(zJson), 0, 0) : kinddef_add(&r->ctx, zJson, strlen(zJson), 0, 0);
  kindform_errors_to_inputs(&r->ctx, f, iFrom);
  return rc==FZ_OK ? rcSave : rc;
}

/* POST /admin/kinds/new and /admin/kinds/:kind/edit: with "more" or
** "preview" the form comes back (form_more, form_preview) and nothing is
** saved; else the definition is saved as a new version and the versions
** page says what changed, or the form comes back with the errors beside
** their parts and what was typed. */
void h_kind_save(Req *r){
  KindForm f;
  const char *zMore = req_param(r, "more"), *zJson = 0;
  int rc = posted_form(r, &f);
  if( rc==FZ_OK && zMore ){ form_more(r, &f, zMore); return; }
  if( rc==FZ_OK ) rc = kindform_json(&r->ctx, &f, &zJson);
  if( rc==FZ_OK && req_param(r, "preview") ){ form_preview(r, &f, zJson); return; }
  if( rc==FZ_OK || (rc==FZ_INVALID && zJson) ) rc = form_save(r, &f, zJson, rc);
  req_answer(r, rc, &(View){ .eView=VIEW_OK, .eAgain=VIEW_KIND_FORM, .pKindForm=&f,
                             .zGo=arena_printf(&r->arena, "/admin/kinds/%s/versions?msg=kind_saved", f.zId),
                             .zNotFound=KIND_NOT_FOUND, .zForbidden=KIND_FORBIDDEN });
}

/* GET /admin/kinds/:kind/versions: every version, who and when, what each changed. */
void h_kind_versions(Req *r){
  KfVersion *a = 0;
  int rc = custom_kind(r), n = 0;
  if( rc==FZ_OK ) n = kindform_history(&r->ctx, r->pKind->zName, &a);
  if( rc==FZ_OK && n<=0 ) rc = n<0 ? FZ_INTERNAL : FZ_NOTFOUND;
  req_answer(r, rc, &(View){ .eView=VIEW_KIND_VERSIONS, .pKind=r->pKind, .aKindVer=a, .nKindVer=n,
                             .zNotFound=KIND_NOT_FOUND });
}

/* GET /admin/kinds/:kind/export?version=N: the definition as a file (the
** version in force without ?version). */
void h_kind_export(Req *r){
  int rc = custom_kind(r), iVersion = req_param_int(r, "version", 0);
  const char *zJson = rc==FZ_OK ? kinddef_export(&r->ctx, r->pKind->zName, iVersion) : 0;
  if( rc==FZ_OK && zJson==0 ) rc = FZ_NOTFOUND;
  req_answer(r, rc, &(View){ .eView=VIEW_KIND_JSON, .pKind=r->pKind, .n1=iVersion ? iVersion : (r->pKind ? r->pKind->iVersion : 0),
                             .zJson=zJson, .zNotFound=KIND_NOT_FOUND });
}

/* POST /admin/kinds/import: a definition file another county exported
** (with "id", a new id for it), saved as the admin's unit's kind. */
void h_kind_import(Req *r){
  const char *zJson = 0;
  size_t n = 0;
  int rc = kindform_upload(&r->ctx, r->zUploadPath, req_param(r, "new_id"), &zJson, &n);
  if( rc==FZ_OK ) rc = kinddef_add(&r->ctx, zJson, n, 0, 0);
  kinds_page(r, rc, rc==FZ_OK ? "/admin/kinds?msg=kind_imported" : 0);
}

/* ---- 内置台账的扩展 (/admin/kinds/:kind/extend) ----------------------------- */

#define EXT_NOT_FOUND "没有这个内置台账"
#define EXT_FORBIDDEN "这个台账的扩展由上级单位保存，只有该单位的管理员可以修改"

/* The route's kind when it is a built-in one. */
static int builtin_kind(Req *r){
  return r->pKind && kind_builtin(r->pKind->zName) ? FZ_OK : FZ_NOTFOUND;
}

/* GET: the form holding the extension in force (none: empty rows). */
void h_kind_extend(Req *r){
  ExtForm f;
  int rc = builtin_kind(r);
  if( rc==FZ_OK ) rc = extform_load(&r->ctx, &f, r->pKind, 2);
  req_answer(r, rc, &(View){ .eView=VIEW_KIND_EXTEND, .pExtForm=&f, .zNotFound=EXT_NOT_FOUND });
}

/* The form again with more rows: fields ("f"), indicators ("i"), enum
** values ("e"), or its choices refreshed ("0"); nothing saved. */
static void extend_more(Req *r, ExtForm *f, const char *zMore){
  kindform_fill_ids(&r->ctx, &f->f);
  if( zMore[0]=='f' || zMore[0]=='i' ) kindform_more(&r->ctx, &f->f, zMore[0]=='i', 3);
  else if( zMore[0]=='e' ) extform_more_enum(&r->ctx, f, 3);
  req_answer(r, FZ_OK, &(View){ .eView=VIEW_KIND_EXTEND, .pExtForm=f });
}

/* The posted form as the next version of the extension: FZ_CONFLICT when
** another admin saved one since the page was opened; refused, the errors
** renamed to the form's inputs. */
static int extend_save(Req *r, ExtForm *f){
  if( f->iVersion!=(r->pKind->pBase ? r->pKind->iVersion : 0) ){
    err_add(&r->ctx, 0, 0, "%s", KIND_CONFLICT);
    return FZ_CONFLICT;
  }
  const char *zJson = 0;
  int rc = extform_json(&r->ctx, f, &zJson), iFrom = r->ctx.err.n;
  if( rc!=FZ_OK && !(rc==FZ_INVALID && zJson) ) return rc;
  int rcSave = kinddef_save(&r->ctx, zJson, strlen(zJson), 0, 0);
  extform_errors_to_inputs(&r->ctx, f, iFrom);
  return rc==FZ_OK ? rcSave : rc;
}

/* POST: with "more" the form comes back; else the extension is saved as
** a new version and the page comes back saying so, or with the errors
** beside their parts and what was typed. */
void h_kind_extend_save(Req *r){
  ExtForm f;
  int rc = builtin_kind(r);
  const char *zMore = req_param(r, "more");
  if( rc==FZ_OK ) extform_read(&r->ctx, &f, r->pKind, form_get, r);
  if( rc==FZ_OK && zMore ){ extend_more(r, &f, zMore); return; }
  if( rc==FZ_OK ) rc = extend_save(r, &f);
  req_answer(r, rc, &(View){ .eView=VIEW_OK, .eAgain=VIEW_KIND_EXTEND, .pExtForm=&f,
                             .zGo=arena_printf(&r->arena, "/admin/kinds/%s/extend?msg=kind_extended", r->pKind ? r->pKind->zName : ""),
                             .zNotFound=EXT_NOT_FOUND, .zForbidden=EXT_FORBIDDEN });
}
