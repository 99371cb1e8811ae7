/*
** src/api/report.c — the report's stored versions as JSON:
**
**   GET  /api/v1/report/drafts?year=Y   [{id, no, year, based_on, created_at, …}]
**   GET  /api/v1/report/v/ID            the version with its paragraphs
**                                       ({type, text, key, state}, and "html":
**                                       each as it reads now, while live)
**   PUT  /api/v1/report/v/ID            {"paragraphs":[{type, text, key, state}]}
**                                       in reading order: the whole version
*/
#include "api/api.h"
#include "base/json.h"
#include <cjson/cJSON.h>
#include "base/json_scan.h"
#include <string.h>

static void version_fields(Json *j, const DraftVersion *v){
  json_kint(j, "id", v->id);
  json_kint(j, "year", v->iYear);
  json_kint(j, "no", v->iNo);
  json_kint(j, "based_on", v->iBasedOn);
  json_kstr(j, "created_at", v->zCreatedAt);
  json_kstr(j, "created_by", v->zCreatedBy);
  json_kstr(j, "frozen_at", v->zFrozenAt);
  json_kstr(j, "frozen_by", v->zFrozenBy);
}

void api_drafts(Req *r, const DraftVersion *a, int n){
  Json j;
  api_json_begin(r, 200, &j);
  json_obj_begin(&j);
  json_key(&j, "versions");
  json_arr_begin(&j);
  for(int i=0; i<n; i++){
    json_obj_begin(&j);
    version_fields(&j, &a[i]);
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_obj_end(&j);
}

void api_draft(Req *r, const DraftVersion *v, const char **azHtml, const DraftPara *aNew, int nNew, int status){
  Json j;
  api_json_begin(r, status, &j);
  json_obj_begin(&j);
  version_fields(&j, v);
  json_key(&j, "paragraphs");
  json_arr_begin(&j);
  for(int i=0; i<v->nPara; i++){
    const DraftPara *p = &v->aPara[i];
    json_obj_begin(&j);
    json_kstr(&j, "type", p->zType);
    json_kstr(&j, "text", p->zTpl);
    json_kstr(&j, "key", p->zKey);
    json_kstr(&j, "state", p->zState);
    if( azHtml ) json_kstr(&j, "html", azHtml[i]);
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_key(&j, "new_proposals");
  json_arr_begin(&j);
  for(int i=0; i<nNew; i++){
    json_obj_begin(&j);
    json_kstr(&j, "key", aNew[i].zKey);
    json_kstr(&j, "text", aNew[i].zTpl);
    json_obj_end(&j);
  }
  json_arr_end(&j);
  json_obj_end(&j);
}

/* {"paragraphs":[{"type":"p","text":"…","key":"","state":""},…]}: NULL
** with *pzErr (Chinese) when the body is not that shape, or (also in
** r->ctx.err) when a string holds \u0000 or a lone surrogate (json_scan.h;
** bytes that are not UTF-8 are left to draft_save, which names the paragraph). */
DraftPara *api_draft_body(Req *r, int *pn, const char **pzErr){
  JsonScanBad bad;
  if( json_scan_strings(buf_cstr(&r->body), r->body.n, 0, &bad) ){
    char zWhy[200];
    json_scan_text(&bad, zWhy, sizeof zWhy);
    *pzErr = arena_printf(&r->arena, "请求体的“%s”含有%s", bad.zKey, zWhy);
    err_add(&r->ctx, 0, 0, "%s", *pzErr);     /* a value refused (422), not a body of the wrong shape (400) */
    return 0;
  }
  cJSON *pRoot = cJSON_ParseWithLength(buf_cstr(&r->body), r->body.n);
  cJSON *pArr = pRoot ? cJSON_GetObjectItemCaseSensitive(pRoot, "paragraphs") : 0;
  DraftPara *a = 0;
  *pzErr = 0;
  if( !cJSON_IsArray(pArr) ){
    *pzErr = "请求体应为 {\"paragraphs\":[{\"type\":…,\"text\":…}]}";
    goto done;
  }
  int n = cJSON_GetArraySize(pArr), i = 0;
  a = arena_alloc(&r->arena, sizeof(DraftPara)*(size_t)(n+1));
  for(cJSON *e=pArr->child; e; e=e->next, i++){
    cJSON *t = cJSON_GetObjectItemCaseSensitive(e, "type");
    cJSON *x = cJSON_GetObjectItemCaseSensitive(e, "text");
    cJSON *k = cJSON_GetObjectItemCaseSensitive(e, "key");
    cJSON *s = cJSON_GetObjectItemCaseSensitive(e, "state");
    if( !cJSON_IsString(t) || !cJSON_IsString(x) || (k && !cJSON_IsString(k)) || (s && !cJSON_IsString(s)) ){
      *pzErr = arena_printf(&r->arena, "第%d段：type 和 text 应为文本（key、state 可省略）", i+1);
      a = 0;
      goto done;
    }
    a[i].zType = arena_strdup(&r->arena, t->valuestring);
    a[i].zTpl = arena_strdup(&r->arena, x->valuestring);
    a[i].zKey = k ? arena_strdup(&r->arena, k->valuestring) : "";
    a[i].zState = s ? arena_strdup(&r->arena, s->valuestring) : "";
  }
  *pn = n;
done:
  cJSON_Delete(pRoot);
  return a;
}
