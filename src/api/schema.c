/*
** src/api/schema.c — every declared kind as JSON: fields with types,
** flags and enum values, states and transitions, deadline rules with their
** legal basis, indicators with their filters. `fazhi schema --json` and
** GET /api/v1/schema print it; import templates and docs read it. One
** kind's object is the engine's kind_json (a custom kind's definition is
** that same object, src/engine/kinddef.h). Custom kinds are those the
** actor sees (NULL: every one the registry holds).
*/
#include "api/api.h"
#include "base/json.h"
#include "engine/kinddef.h"

void api_schema(Buf *pOut, const Actor *pActor){
  Json j;
  json_init(&j, pOut);
  json_obj_begin(&j);
  json_key(&j, "kinds");
  json_arr_begin(&j);
  for(int i=0; i<kind_count(); i++){
    if( pActor==0 || kind_visible(kind_at(i), pActor) ) kind_json(&j, kind_at(i));
  }
  json_arr_end(&j);
  json_obj_end(&j);
  buf_putc(pOut, '\n');
}
