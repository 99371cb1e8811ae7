/*
** src/handlers/rules.c — 期限规则 (/admin/rules): the 地方规定 of
** statutory periods. A rule is set and ended by prule_set and prule_end
** (src/engine/prule.c: checked, audited, every server at its next
** request); http_dispatch() already let only admins in (RT_ADMIN).
*/
#include "handlers/handlers.h"
#include "engine/prule.h"
#include "web/web.h"
#include <string.h>

void h_rules(Req *r){ web_rules(r); }

/* period is "kind/deadline" (the page's one select), or kind and
** deadline given apart (the JSON body). */
void h_rule_set(Req *r){
  static const Field aF[] = { { "period", "期限", FT_TEXT }, { "kind", "台账", FT_TEXT }, { "deadline", "期限", FT_TEXT },
                              { "unit", "适用地区", FT_TEXT }, { "level", "规定层级", FT_TEXT }, { "length", "期限长度", FT_TEXT },
                              { "punit", "计算单位", FT_TEXT }, { "basis", "依据", FT_TEXT }, { "from", "施行日期", FT_TEXT } };
  const char *az[9];
  if( req_fields(r, aF, 9, az) ) return;
  const char *zSlash = az[0] ? strchr(az[0], '/') : 0;
  if( zSlash ){ az[1] = arena_strndup(&r->arena, az[0], (size_t)(zSlash-az[0])); az[2] = zSlash+1; }
  i64 id = 0;
  int rc = prule_set(&r->ctx, az[1], az[2], az[3], az[4], az[5], az[6], az[7], az[8], &id);
  req_answer(r, rc, &(View){ .eView=VIEW_OK, .zGo="/admin/rules?msg=rule", .eAgain=VIEW_RULES, .n1=id });
}

void h_rule_end(Req *r){
  static const Field aF[] = { { "id", "规则编号", FT_TEXT }, { "to", "停止施行日期", FT_TEXT } };
  const char *az[2];
  if( req_fields(r, aF, 2, az) ) return;
  int rc = prule_end(&r->ctx, az[0], az[1]);
  req_answer(r, rc, &(View){ .eView=VIEW_OK, .zGo="/admin/rules?msg=rule_end", .eAgain=VIEW_RULES, .zNotFound="没有这条期限规则" });
}
