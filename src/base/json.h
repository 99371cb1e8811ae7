/*
** src/base/json.h — the JSON writer. No printf into JSON anywhere else.
**
** Strings are escaped, with < > & written as \u003c \u003e \u0026 so JSON
** can sit inside an HTML page. Commas are managed by a small nesting stack.
*/
#ifndef FZ_JSON_H
#define FZ_JSON_H
#include "base/buf.h"

typedef struct Json {
  Buf *pOut;
  int nDepth;
  unsigned char aFirst[64];   /* per nesting level: no value written yet */
  unsigned char bExact;       /* strings byte for byte, bad UTF-8 kept (see json_escape) */
} Json;

void json_init(Json*, Buf*);
void json_obj_begin(Json*);
void json_obj_end(Json*);
void json_arr_begin(Json*);
void json_arr_end(Json*);
void json_key(Json*, const char *zKey);          /* next value belongs to this key */
void json_str(Json*, const char *z);             /* NULL -> null */
void json_int(Json*, long long v);
void json_bool(Json*, int b);
void json_null(Json*);
void json_raw(Json*, const char *zJson);         /* already-valid JSON text */
/* shorthands: key + value */
void json_kstr(Json*, const char *zKey, const char *z);
void json_kint(Json*, const char *zKey, long long v);
void json_kbool(Json*, const char *zKey, int b);
void json_escape(Buf*, const char *z);           /* quoted, escaped string; bad UTF-8 as U+FFFD */
void json_escape_exact(Buf*, const char *z);     /* the same, bytes kept as they are */
#endif
