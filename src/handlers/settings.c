/*
** src/handlers/settings.c — 参数设置 (/admin/settings): the declared
** settings an admin may change, and saving one; 节假日 (/admin/holidays). Which row a change
** writes (the database's NAME or the admin's county's or city's NAME@ID)
** is decided by setting_save (src/engine/setting.c) from the actor;
** http_dispatch() already let only admins in (RT_ADMIN).
*/
#include "handlers/handlers.h"
#include "engine/setting.h"
#include "engine/holiday.h"
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

/* 节假日 (/admin/holidays): the calendar per year and adding a notice's
** days (holiday_add, src/engine/holiday.c: audited, and the running
** calendar and cal_day follow at once). */
void h_holidays(Req *r){ web_holidays(r); }

void h_holiday_add(Req *r){
  static const Field aF[] = { { "from", "开始日期", FT_TEXT }, { "to", "结束日期", FT_TEXT },
                              { "kind", "类型", FT_TEXT }, { "name", "名称", FT_TEXT } };
  const char *az[4];
  if( req_fields(r, aF, 4, az) ) return;
  int rc = holiday_add(&r->ctx, az[0], az[1], az[2], az[3]);
  const char *zGo = arena_printf(&r->arena, "/admin/holidays?year=%.4s&msg=holiday", az[0] ? az[0] : "");
  req_answer(r, rc, &(View){ .eView=VIEW_OK, .zGo=zGo, .eAgain=VIEW_HOLIDAYS });
}

/* 年度安排已完整登记 (holiday_mark, src/engine/holiday.c: checked, audited,
** the running calendar at once); undo=1 takes the mark away. */
void h_holiday_mark(Req *r){
  static const Field aF[] = { { "year", "年度", FT_TEXT }, { "notice", "依据通知", FT_TEXT },
                              { "undo", "撤销", FT_TEXT } };
  const char *az[3];
  if( req_fields(r, aF, 3, az) ) return;
  int rc = holiday_mark(&r->ctx, az[0], az[2], az[1]);
  const char *zGo = arena_printf(&r->arena, "/admin/holidays?year=%.4s&msg=holiday_%smark", az[0] ? az[0] : "",
                                 az[2] && az[2][0]=='1' ? "un" : "");
  req_answer(r, rc, &(View){ .eView=VIEW_OK, .zGo=zGo, .eAgain=VIEW_HOLIDAYS });
}
