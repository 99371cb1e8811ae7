/*
** src/base/json.c — JSON writer (see json.h).
*/
#include "base/json.h"
#include "base/utf8.h"
#include <string.h>
#include <stdio.h>

void json_init(Json *j, Buf *pOut){
  j->pOut = pOut;
  j->nDepth = 0;
  j->aFirst[0] = 1;
  j->bExact = 0;
}

/* Called before any value: writes the separating comma when needed. A value
** right after a key needs none. */
static int bAfterKey(Json *j){ return j->aFirst[j->nDepth]==2; }
static void json_sep(Json *j){
  if( bAfterKey(j) ){ j->aFirst[j->nDepth] = 0; return; }
  if( !j->aFirst[j->nDepth] ) buf_putc(j->pOut, ',');
  j->aFirst[j->nDepth] = 0;
}
static void json_open(Json *j, char c){
  json_sep(j);
  buf_putc(j->pOut, c);
  if( j->nDepth < (int)sizeof(j->aFirst)-1 ) j->nDepth++;
  j->aFirst[j->nDepth] = 1;
}
static void json_close(Json *j, char c){
  buf_putc(j->pOut, c);
  if( j->nDepth>0 ) j->nDepth--;
}
void json_obj_begin(Json *j){ json_open(j, '{'); }
void json_obj_end(Json *j){ json_close(j, '}'); }
void json_arr_begin(Json *j){ json_open(j, '['); }
void json_arr_end(Json *j){ json_close(j, ']'); }

/* A value stored before input was checked may hold bytes that are not
** UTF-8: json_escape() writes them as U+FFFD, so the JSON stays valid (a
** strict decoder refuses the whole document otherwise). Controls are
** escaped; noncharacters are valid JSON and pass. json_escape_exact()
** keeps such bytes as they are: the audit log's form of a record (with
** Json.bExact), which `fazhi check` hashes and compares with the log
** written when the value was stored, must not change with this repair. */
static void escape(Buf *b, const char *z);
void json_escape(Buf *b, const char *z){
  size_t nz = strlen(z);
  if( utf8_repair_needed(z, nz, 0, 0) ){
    Buf fix;
    buf_init(&fix);
    utf8_repair(&fix, z, nz, 0, 0);
    escape(b, buf_cstr(&fix));
    buf_free(&fix);
  }else{
    escape(b, z);
  }
}
void json_escape_exact(Buf *b, const char *z){ escape(b, z); }
static void escape(Buf *b, const char *z){
  static const char hex[] = "0123456789abcdef";
  buf_putc(b, '"');
  const char *s = z;
  for(; *z; z++){
    unsigned char c = (unsigned char)*z;
    if( c>=0x20 && c!='"' && c!='\\' && c!='<' && c!='>' && c!='&' ) continue;
    buf_append(b, s, (size_t)(z-s));
    switch( c ){
      case '"': buf_puts(b, "\\\""); break;
      case '\\': buf_puts(b, "\\\\"); break;
      case '\n': buf_puts(b, "\\n"); break;
      case '\r': buf_puts(b, "\\r"); break;
      case '\t': buf_puts(b, "\\t"); break;
      default: {
        char t[6] = { '\\', 'u', '0', '0', hex[c>>4], hex[c&15] };
        buf_append(b, t, 6);
      }
    }
    s = z+1;
  }
  buf_append(b, s, (size_t)(z-s));
  buf_putc(b, '"');
}

void json_key(Json *j, const char *zKey){
  json_sep(j);
  if( j->bExact ) json_escape_exact(j->pOut, zKey); else json_escape(j->pOut, zKey);
  buf_putc(j->pOut, ':');
  j->aFirst[j->nDepth] = 2;
}
void json_str(Json *j, const char *z){
  json_sep(j);
  if( z==0 ) buf_puts(j->pOut, "null");
  else if( j->bExact ) json_escape_exact(j->pOut, z);
  else json_escape(j->pOut, z);
}
void json_int(Json *j, long long v){
  char z[24];
  int n = sizeof z;
  unsigned long long u = v<0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
  json_sep(j);
  do{ z[--n] = (char)('0' + u%10); u /= 10; }while( u );
  if( v<0 ) z[--n] = '-';
  buf_append(j->pOut, z+n, sizeof z - (size_t)n);
}
void json_bool(Json *j, int b){ json_sep(j); buf_puts(j->pOut, b ? "true" : "false"); }
void json_null(Json *j){ json_sep(j); buf_puts(j->pOut, "null"); }
void json_raw(Json *j, const char *z){ json_sep(j); buf_puts(j->pOut, z); }
void json_kstr(Json *j, const char *k, const char *z){ json_key(j, k); json_str(j, z); }
void json_kint(Json *j, const char *k, long long v){ json_key(j, k); json_int(j, v); }
void json_kbool(Json *j, const char *k, int b){ json_key(j, k); json_bool(j, b); }
