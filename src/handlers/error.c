/*
** src/handlers/error.c — the error answer of either face. http/ reaches
** it through route_error (src/http/route.c), so that http/ does not
** include the renderers (the layer table in tools/codecheck.c).
*/
#include "handlers/handlers.h"
#include "web/web.h"
#include "api/api.h"

void h_error(Req *r, int status, const char *zMsg){
  if( r->bApi ) api_error(r, status, zMsg);
  else web_error_page(r, status, zMsg);
}
