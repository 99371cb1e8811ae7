/*
** src/web/when.c — a stored UTC moment as the county reads it: local time
** in the time_zone setting, "2026-12-07 21:56" (calendar/clock.c).
*/
#include "web/web.h"
#include "engine/setting.h"
#include "calendar/clock.h"

const char *web_time(Req *r, const char *zIso){
  char z[40];
  return arena_strdup(&r->arena, clock_local_iso(zIso, ctx_zone(&r->ctx), 0, z, sizeof z));
}

const char *web_time_unix(Req *r, i64 t){
  char z[40];
  return arena_strdup(&r->arena, clock_local_unix(t, ctx_zone(&r->ctx), 1, z, sizeof z));
}
