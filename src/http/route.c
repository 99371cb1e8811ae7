/*
** src/http/route.c — aRoute[], every URL the server answers, with the
** policy for each. Web pages and the JSON API share handlers: the same
** function answers /k/… with HTML and /api/v1/k/… with JSON.
*/
#include "http/req.h"
#include "handlers/handlers.h"
#include <string.h>
#include <stdlib.h>

static const Route aRoute[] = {
  /* web */
  { "GET",  "/",                         RT_LOGIN,            h_home },
  { "GET",  "/breakdown",                RT_LOGIN,            h_breakdowns },
  { "GET",  "/todo",                     RT_LOGIN,            h_todo },
  { "GET",  "/trend",                    RT_LOGIN,            h_trend },
  { "GET",  "/counties",                 RT_LOGIN,            h_counties },
  { "GET",  "/login",                    RT_PUBLIC|RT_PWOK,   h_login_form },
  { "POST", "/login",                    RT_PUBLIC|RT_NOCSRF|RT_PWOK, h_login },
  { "POST", "/logout",                   RT_LOGIN|RT_PWOK,    h_logout },
  { "GET",  "/account",                  RT_LOGIN|RT_PWOK,    h_password_form },
  { "POST", "/account",                  RT_LOGIN|RT_PWOK,    h_password },
  { "GET",  "/static/:arg",              RT_PUBLIC|RT_PWOK,   h_static },
  { "GET",  "/report",                   RT_LOGIN,            h_report },
  { "GET",  "/report.md",                RT_LOGIN,            h_report },
  { "GET",  "/report.xlsx",              RT_LOGIN,            h_report_file },
  { "GET",  "/report.docx",              RT_LOGIN,            h_report_file },
  { "GET",  "/report.html",              RT_LOGIN,            h_report_html },
  { "GET",  "/report/drafts",            RT_LOGIN,            h_drafts },
  { "GET",  "/public/report",            RT_PUBLIC,           h_public_report },
  { "POST", "/report/drafts",            RT_LOGIN|RT_WRITE,   h_draft_new },
  { "POST", "/report/baseline",          RT_LOGIN|RT_WRITE,   h_baseline_import },
  { "POST", "/report/baseline/drop",     RT_LOGIN|RT_WRITE,   h_baseline_drop },
  { "GET",  "/report/compare",           RT_LOGIN,            h_draft_compare },
  { "GET",  "/report/v/:id",             RT_LOGIN,            h_draft },
  { "POST", "/report/v/:id",             RT_LOGIN|RT_WRITE,   h_draft_save },
  { "POST", "/report/v/:id/freeze",      RT_LOGIN|RT_WRITE,   h_draft_freeze },
  { "GET",  "/audit",                    RT_LOGIN|RT_ADMIN,   h_audit_list },
  { "GET",  "/audit.xlsx",               RT_LOGIN|RT_ADMIN,   h_audit_export },
  { "GET",  "/audit/:id",                RT_LOGIN|RT_ADMIN,   h_audit_entry },
  { "GET",  "/admin/users",              RT_LOGIN|RT_ADMIN,   h_users },
  { "GET",  "/admin/users/new",          RT_LOGIN|RT_ADMIN,   h_user_form },
  { "POST", "/admin/users/new",          RT_LOGIN|RT_ADMIN,   h_user_create },
  { "GET",  "/admin/users/:id/edit",     RT_LOGIN|RT_ADMIN,   h_user_form },
  { "POST", "/admin/users/:id/edit",     RT_LOGIN|RT_ADMIN,   h_user_update },
  { "POST", "/admin/users/:id/disable",  RT_LOGIN|RT_ADMIN,   h_user_disable },
  { "POST", "/admin/users/:id/enable",   RT_LOGIN|RT_ADMIN,   h_user_enable },
  { "POST", "/admin/users/:id/reset",    RT_LOGIN|RT_ADMIN,   h_user_reset },
  { "POST", "/admin/users/:id/unlock",   RT_LOGIN|RT_ADMIN,   h_user_unlock },
  { "GET",  "/admin/logins",             RT_LOGIN|RT_ADMIN,   h_logins },
  { "GET",  "/admin/sessions",           RT_LOGIN|RT_ADMIN,   h_sessions },
  { "POST", "/admin/sessions/end",       RT_LOGIN|RT_ADMIN,   h_session_end },
  { "GET",  "/admin/settings",           RT_LOGIN|RT_ADMIN,   h_settings },
  { "POST", "/admin/settings",           RT_LOGIN|RT_ADMIN,   h_setting_save },
  { "GET",  "/admin/holidays",           RT_LOGIN|RT_ADMIN,   h_holidays },
  { "POST", "/admin/holidays",           RT_LOGIN|RT_ADMIN,   h_holiday_add },
  { "POST", "/admin/holidays/complete",  RT_LOGIN|RT_ADMIN,   h_holiday_mark },
  { "GET",  "/admin/rules",              RT_LOGIN|RT_ADMIN,   h_rules },
  { "POST", "/admin/rules",              RT_LOGIN|RT_ADMIN,   h_rule_set },
  { "POST", "/admin/rules/end",          RT_LOGIN|RT_ADMIN,   h_rule_end },
  { "GET",  "/admin/depts",              RT_LOGIN|RT_ADMIN,   h_depts },
  { "POST", "/admin/depts",              RT_LOGIN|RT_ADMIN,   h_dept_add },
  { "POST", "/admin/depts/:id/rename",   RT_LOGIN|RT_ADMIN,   h_dept_rename },
  { "POST", "/admin/depts/:id/type",     RT_LOGIN|RT_ADMIN,   h_dept_type },
  { "POST", "/admin/depts/:id/state",    RT_LOGIN|RT_ADMIN,   h_dept_state },
  { "GET",  "/admin/depts/:id/move",     RT_LOGIN|RT_ADMIN,   h_dept_move_form },
  { "POST", "/admin/depts/:id/move",     RT_LOGIN|RT_ADMIN,   h_dept_move },
  { "GET",  "/admin/kinds",              RT_LOGIN|RT_ADMIN,   h_kinds },
  { "GET",  "/admin/kinds/new",          RT_LOGIN|RT_ADMIN,   h_kind_form },
  { "POST", "/admin/kinds/new",          RT_LOGIN|RT_ADMIN,   h_kind_save },
  { "POST", "/admin/kinds/import",       RT_LOGIN|RT_ADMIN|RT_UPLOAD, h_kind_import },
  { "GET",  "/admin/kinds/:kind/edit",   RT_LOGIN|RT_ADMIN,   h_kind_form },
  { "POST", "/admin/kinds/:kind/edit",   RT_LOGIN|RT_ADMIN,   h_kind_save },
  { "GET",  "/admin/kinds/:kind/versions", RT_LOGIN|RT_ADMIN, h_kind_versions },
  { "GET",  "/admin/kinds/:kind/export", RT_LOGIN|RT_ADMIN,   h_kind_export },
  { "GET",  "/admin/kinds/:kind/extend", RT_LOGIN|RT_ADMIN,   h_kind_extend },
  { "POST", "/admin/kinds/:kind/extend", RT_LOGIN|RT_ADMIN,   h_kind_extend_save },
  { "GET",  "/k/:kind",                  RT_PUBLIC,           h_list },
  { "GET",  "/k/:kind/new",              RT_LOGIN|RT_WRITE,   h_form },
  { "POST", "/k/:kind/new",              RT_LOGIN|RT_WRITE,   h_create },
  { "GET",  "/k/:kind/export.csv",       RT_LOGIN,            h_export_csv },
  { "GET",  "/k/:kind/export.xlsx",      RT_LOGIN,            h_export },
  { "GET",  "/k/:kind/template.xlsx",    RT_LOGIN,            h_template },
  { "GET",  "/k/:kind/delete",           RT_LOGIN|RT_WRITE,   h_delete_confirm },
  { "POST", "/k/:kind/delete",           RT_LOGIN|RT_WRITE,   h_delete_many },
  { "GET",  "/k/:kind/import",           RT_LOGIN|RT_WRITE,   h_import_form },
  { "POST", "/k/:kind/import",           RT_LOGIN|RT_WRITE|RT_UPLOAD, h_import },
  { "POST", "/k/:kind/carry",            RT_LOGIN|RT_WRITE,   h_carry },
  { "GET",  "/k/:kind/:id",              RT_PUBLIC,           h_detail },
  { "GET",  "/k/:kind/:id/edit",         RT_LOGIN|RT_WRITE,   h_form },
  { "POST", "/k/:kind/:id/edit",         RT_LOGIN|RT_WRITE,   h_update },
  { "POST", "/k/:kind/:id/delete",       RT_LOGIN|RT_WRITE,   h_delete },
  { "GET",  "/k/:kind/:id/do/:arg",      RT_LOGIN|RT_WRITE,   h_step },
  { "POST", "/k/:kind/:id/do/:arg",      RT_LOGIN|RT_WRITE,   h_transition },
  { "GET",  "/draw/:id",                 RT_PUBLIC,           h_draw },
  { "GET",  "/draw/:id/pool.txt",        RT_PUBLIC,           h_draw_pool },
  { "POST", "/draw/:id/fix",             RT_LOGIN|RT_WRITE,   h_draw_fix },
  { "POST", "/draw/:id/run",             RT_LOGIN|RT_WRITE,   h_draw_run },
  { "GET",  "/qr/:id",                   RT_LOGIN,            h_qr },
  { "GET",  "/scan/:arg",                RT_PUBLIC,           h_scan },
  { "POST", "/scan/:arg",                RT_LOGIN|RT_WRITE,   h_scan_log },
  /* JSON API: same handlers */
  { "POST", "/api/v1/login",             RT_API|RT_PUBLIC|RT_NOCSRF|RT_PWOK, h_login },
  { "POST", "/api/v1/logout",            RT_API|RT_LOGIN|RT_PWOK, h_logout },
  { "GET",  "/api/v1/me",                RT_API|RT_LOGIN,     h_me },
  { "GET",  "/api/v1/admin/logins",      RT_API|RT_LOGIN|RT_ADMIN, h_logins_api },
  { "GET",  "/api/v1/admin/sessions",    RT_API|RT_LOGIN|RT_ADMIN, h_sessions_api },
  { "POST", "/api/v1/admin/sessions/end", RT_API|RT_LOGIN|RT_ADMIN, h_session_end },
  { "POST", "/api/v1/admin/rules",       RT_API|RT_LOGIN|RT_ADMIN, h_rule_set },
  { "POST", "/api/v1/admin/rules/end",   RT_API|RT_LOGIN|RT_ADMIN, h_rule_end },
  { "POST", "/api/v1/password",          RT_API|RT_LOGIN|RT_PWOK, h_password },
  { "GET",  "/api/v1/schema",            RT_API|RT_PUBLIC,    h_schema },
  { "GET",  "/api/v1/kinds",             RT_API|RT_LOGIN,     h_kinds_api },
  { "POST", "/api/v1/kinds",             RT_API|RT_LOGIN|RT_ADMIN|RT_WRITE, h_kind_save_api },
  { "GET",  "/api/v1/kinds/:name",       RT_API|RT_LOGIN,     h_kind_api },
  { "GET",  "/api/v1/indicators",        RT_API|RT_LOGIN,     h_dashboard },
  { "GET",  "/api/v1/todo",              RT_API|RT_LOGIN,     h_todo },
  { "GET",  "/api/v1/breakdowns",        RT_API|RT_LOGIN,     h_breakdowns },
  { "GET",  "/api/v1/counties",          RT_API|RT_LOGIN,     h_counties },
  { "GET",  "/api/v1/k/:kind",           RT_API|RT_PUBLIC,    h_list },
  { "POST", "/api/v1/k/:kind",           RT_API|RT_LOGIN|RT_WRITE, h_create },
  { "POST", "/api/v1/k/:kind/delete",    RT_API|RT_LOGIN|RT_WRITE, h_delete_many },
  { "POST", "/api/v1/k/:kind/import",    RT_API|RT_LOGIN|RT_WRITE|RT_UPLOAD, h_import },
  { "GET",  "/api/v1/progress/:arg",     RT_API|RT_LOGIN,     h_progress },
  { "POST", "/api/v1/k/:kind/carry",     RT_API|RT_LOGIN|RT_WRITE, h_carry },
  { "GET",  "/api/v1/k/:kind/:id",       RT_API|RT_PUBLIC,    h_detail },
  { "PUT",  "/api/v1/k/:kind/:id",       RT_API|RT_LOGIN|RT_WRITE, h_update },
  { "DELETE","/api/v1/k/:kind/:id",      RT_API|RT_LOGIN|RT_WRITE, h_delete },
  { "POST", "/api/v1/k/:kind/:id/do/:arg", RT_API|RT_LOGIN|RT_WRITE, h_transition },
  { "GET",  "/api/v1/users",             RT_API|RT_LOGIN|RT_ADMIN, h_users },
  { "POST", "/api/v1/users",             RT_API|RT_LOGIN|RT_ADMIN, h_user_create },
  { "PUT",  "/api/v1/users/:id",         RT_API|RT_LOGIN|RT_ADMIN, h_user_update },
  { "POST", "/api/v1/users/:id/disable", RT_API|RT_LOGIN|RT_ADMIN, h_user_disable },
  { "POST", "/api/v1/users/:id/enable",  RT_API|RT_LOGIN|RT_ADMIN, h_user_enable },
  { "POST", "/api/v1/users/:id/reset",   RT_API|RT_LOGIN|RT_ADMIN, h_user_reset },
  { "POST", "/api/v1/users/:id/unlock",  RT_API|RT_LOGIN|RT_ADMIN, h_user_unlock },
  { "GET",  "/api/v1/report/drafts",     RT_API|RT_LOGIN,     h_drafts },
  { "POST", "/api/v1/report/drafts",     RT_API|RT_LOGIN|RT_WRITE, h_draft_new },
  { "GET",  "/api/v1/report/v/:id",      RT_API|RT_LOGIN,     h_draft },
  { "PUT",  "/api/v1/report/v/:id",      RT_API|RT_LOGIN|RT_WRITE, h_draft_save },
  { "POST", "/api/v1/report/v/:id/freeze", RT_API|RT_LOGIN|RT_WRITE, h_draft_freeze },
  { "GET",  "/api/v1/draw/:id",          RT_API|RT_PUBLIC,    h_draw },
  { "POST", "/api/v1/draw/:id/fix",      RT_API|RT_LOGIN|RT_WRITE, h_draw_fix },
  { "POST", "/api/v1/draw/:id/run",      RT_API|RT_LOGIN|RT_WRITE, h_draw_run },
};

int route_count(void){ return (int)(sizeof(aRoute)/sizeof(aRoute[0])); }
const Route *route_at(int i){ return i>=0 && i<route_count() ? &aRoute[i] : 0; }

/* Matches one pattern segment by segment; fills r->pKind, r->iId, r->zArg.
** Literal segments win over captures because the table lists them first
** (/k/:kind/new before /k/:kind/:id). */
static int match_one(Req *r, const char *zPat, const char *zPath){
  const Kind *pKind = 0;
  i64 iId = 0;
  const char *zArg = 0;
  while( *zPat && *zPath ){
    if( *zPat!='/' || *zPath!='/' ) return 0;
    zPat++; zPath++;
    const char *pe = strchr(zPat, '/');
    const char *se = strchr(zPath, '/');
    size_t np = pe ? (size_t)(pe-zPat) : strlen(zPat);
    size_t ns = se ? (size_t)(se-zPath) : strlen(zPath);
    if( np>0 && zPat[0]==':' ){
      char *zSeg = arena_strndup(&r->arena, zPath, ns);
      if( ns==0 ) return 0;
      if( np==5 && memcmp(zPat, ":kind", 5)==0 ){
        pKind = kind_find(zSeg);
        if( pKind==0 ) return 0;
      }else if( np==3 && memcmp(zPat, ":id", 3)==0 ){
        char *zEnd = 0;
        iId = strtoll(zSeg, &zEnd, 10);
        if( *zEnd || iId<=0 ) return 0;
      }else{
        zArg = zSeg;
      }
    }else if( np!=ns || memcmp(zPat, zPath, np)!=0 ){
      return 0;
    }
    zPat += np;
    zPath += ns;
  }
  if( *zPat || *zPath ) return 0;
  r->pKind = pKind;
  r->iId = iId;
  r->zArg = zArg;
  return 1;
}

void route_error(Req *r, int status, const char *zMsg){ route_face(r->bApi)->xError(r, status, zMsg); }
const Face *route_face(int bApi){ return bApi ? &api_face : &web_face; }

const Route *route_match(Req *r, const char *zMethod, const char *zPath){
  int bPathMatched = 0;
  for(int i=0; i<route_count(); i++){
    if( !match_one(r, aRoute[i].zPattern, zPath) ) continue;
    bPathMatched = 1;
    if( strcmp(aRoute[i].zMethod, zMethod)==0 ) return &aRoute[i];
    /* HTML forms can only POST: let them reach PUT/DELETE handlers via
    ** their own POST routes above; nothing else to do here. */
  }
  if( bPathMatched ) r->status = 405;
  return 0;
}
