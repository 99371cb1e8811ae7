/*
** src/handlers/settings.c — 参数设置 (/admin/settings): the declared
** settings an admin may change, and saving one. Which row a change
** writes (the database's NAME or the admin's county's or city's NAME@ID)
** is decided by setting_save (src/engine/setting.c) from the actor;
** http_dispatch() already let only admins in (RT_ADMIN).
*/
#include "handlers/handlers.h"
#include "engine/setting.h"
#include "web/web.h"

void h_settings(Req *r){ web_settings(r); }

void h_setting_save(Req *r){
  static const Field aF[] = { { "name", "设置名称", FT_TEXT }, { "value", "设置值", FT_TEXT } };
  const char *az[2];
  if( req_fields(r, aF, 2, az) ) return;
  int rc = setting_save(&r->ctx, az[0], az[1]);
  req_answer(r, rc, &(View){ .eView=VIEW_OK, .zGo="/admin/settings?msg=saved", .eAgain=VIEW_SETTINGS,
                             .zNotFound="没有这项设置", .zForbidden="这项设置由系统运维人员用 fazhi setting 设置" });
}
