/*
** src/api/kinds.c — custom kinds (自定义台账) over the JSON API:
**   GET  /api/v1/kinds      the custom kinds the user sees, each with its
**                           version and the records in the user's scope
**   GET  /api/v1/kinds/ID   its definition, as `fazhi kind export` writes it
**   POST /api/v1/kinds      add a kind or a new version (admins): 201
**                           {"id","version"}; 422 {"errors":[…]} naming
**                           each refused part by its JSON path ("field");
**                           a body with "extends" is a built-in kind's
**                           extension (kinddef.h kind_ext_json)
**   GET  /api/v1/kinds/KIND of a built-in: its extension in force (404: none)
** The work is the engine's (src/engine/kinddef.c).
*/
#include "api/api.h"
#include "http/view.h"
#include "base/json.h"
#include "engine/kinddef.h"
#include <cjson/cJSON.h>
#include <string.h>

void api_kinds(Req *r){
  KindDefRow *a;
  int n = kinddef_list(&r->ctx, &a);
  if( n<0 ){ req_answer(r, FZ_INTERNAL, &(View){ .eView=VIEW_OK }); return; }
  Json j;
  api_json_begin(r, 200, &j);
  json_obj_begin(&j);
  json_key(&j, "kinds");
  json_arr_begin(&j);
  for(int i=0; i<n; i++){
    json_obj_begin(&j);
    json_kstr(&j, "id", a[i].zName);
    json_kstr(&j, "label", a[i].zLabel);
    json_kstr(&j, "group", a[i].zGroup);
    json_kstr(&j, "shape", a[i].zShape);
    json_kstr(&j, "shape_label", a[i].zShapeLabel);
    json_kint(&j, "version", a[i].iVersion);
    json_kint(&j, "owner_id", a[i].iOwner);
    json_kstr(&j, "owner", a[i].zOwner);
    json_kint(&j, "records", a[i].nRecords);
    json_kstr(&j, "updated_at", a[i].zAt);
    json_kstr(&j, "updated_by", a[i].zBy);
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_obj_end(&j);
}

void api_kind(Req *r){
  int iVersion = req_param_int(r, "version", 0);
  const char *z = kinddef_export(&r->ctx, r->zArg, iVersion>0 ? iVersion : 0);
  if( z==0 ){
    req_answer(r, FZ_NOTFOUND, &(View){ .zNotFound="没有该自定义台账（或该版本）" });
    return;
  }
  r->status = 200;
  r->zContentType = "application/json; charset=utf-8";
  buf_reset(&r->out);
  buf_puts(&r->out, z);
}

void api_kind_save(Req *r){
  int iVersion = 0;
  int rc = kinddef_save(&r->ctx, buf_cstr(&r->body), r->body.n, 0, &iVersion);
  if( rc!=FZ_OK ){
    req_answer(r, rc, &(View){ .zForbidden="无权修改该台账：它属于上级或其他单位" });
    return;
  }
  /* the body parsed before it was saved: its id is a string */
  cJSON *p = cJSON_ParseWithLength(buf_cstr(&r->body), r->body.n);
  const cJSON *id = cJSON_GetObjectItemCaseSensitive(p, "id");
  if( !cJSON_IsString(id) ) id = cJSON_GetObjectItemCaseSensitive(p, "extends");   /* a built-in's extension */
  Json j;
  api_json_begin(r, iVersion==1 ? 201 : 200, &j);
  json_obj_begin(&j);
  json_kstr(&j, "id", cJSON_IsString(id) ? id->valuestring : "");
  json_kint(&j, "version", iVersion);
  json_obj_end(&j);
  cJSON_Delete(p);
}
