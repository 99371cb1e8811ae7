/*
** src/api/draw.c — a 双随机 draw as JSON (GET /api/v1/draw/ID), the same
** facts as the public page: pools' digest and sizes, the source's values,
** the picks, and the verification run for this request.
*/
#include "api/api.h"
#include "draw/draw.h"
#include "base/json.h"

void api_draw(Req *r, const Rec *pPlan, const DrawView *v, const char **azProblem, int nProblem, int status){
  Json j;
  api_json_begin(r, status, &j);
  json_obj_begin(&j);
  json_kint(&j, "plan_id", pPlan->id);
  json_kstr(&j, "plan_no", rec_val(pPlan, "plan_no"));
  json_kstr(&j, "state", pPlan->zState);
  json_kstr(&j, "source", rec_val(pPlan, "source"));
  json_kbool(&j, "fixed", v!=0);
  if( v ){
    json_kstr(&j, "fixed_at", v->row.zFixedAt);
    json_kstr(&j, "pool_sha256", v->row.zPoolSha);
    json_kint(&j, "pool_entities", v->nEntity);
    json_kint(&j, "pool_officers", v->nOfficer);
    json_kint(&j, "held_back", v->nHeld);
    json_kbool(&j, "drawn", v->row.zResult!=0);
    if( v->row.zResult ){
      json_kstr(&j, "drawn_at", v->row.zDrawnAt);
      json_kstr(&j, "values", v->row.zValues);
      json_kstr(&j, "key", v->row.zKey);
      json_key(&j, "picks");
      json_arr_begin(&j);
      for(int i=0; i<v->nPick; i++){
        const DrawPick *p = &v->aPick[i];
        json_obj_begin(&j);
        json_kstr(&j, "credit_code", p->zCode);
        json_kstr(&j, "name", p->zName);
        json_kstr(&j, "risk", p->zRisk);
        json_key(&j, "inspectors");
        json_arr_begin(&j);
        for(int t=0; t<p->nTeam; t++) json_str(&j, p->azCert[t]);
        json_arr_end(&j);
        json_obj_end(&j);
      }
      json_arr_end(&j);
    }
    json_kbool(&j, "verified", nProblem==0);
    json_key(&j, "problems");
    json_arr_begin(&j);
    for(int i=0; i<nProblem; i++) json_str(&j, azProblem[i]);
    json_arr_end(&j);
  }
  json_obj_end(&j);
}
