/*
** src/base/buf.c — growable buffer and its escaping printf (see buf.h).
**
** buf_vhtml() walks the format itself so that %s escapes while gcc's
** format(printf) attribute still checks every argument type: the accepted
** conversions are the standard ones (%s %d %i %u %x %c %f %% with flags,
** width, precision and the l, ll, z length modifiers).
*/
#include "base/buf.h"
#include "base/utf8.h"
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

void buf_init(Buf *b){ b->z = 0; b->n = 0; b->nAlloc = 0; }
void buf_reset(Buf *b){ b->n = 0; if( b->z ) b->z[0] = 0; }
void buf_free(Buf *b){ free(b->z); buf_init(b); }

static void buf_grow(Buf *b, size_t n){
  if( b->n + n + 1 <= b->nAlloc ) return;
  size_t a = b->nAlloc ? b->nAlloc*2 : 1024;
  while( a < b->n + n + 1 ) a *= 2;
  b->z = fz_realloc(b->z, a);
  b->nAlloc = a;
}
void buf_append(Buf *b, const char *z, size_t n){
  buf_grow(b, n);
  memcpy(b->z + b->n, z, n);
  b->n += n;
  b->z[b->n] = 0;
}
void buf_puts(Buf *b, const char *z){ if( z ) buf_append(b, z, strlen(z)); }
void buf_putc(Buf *b, char c){ buf_append(b, &c, 1); }
char *buf_cstr(Buf *b){ buf_grow(b, 0); b->z[b->n] = 0; return b->z; }
char *buf_detach(Buf *b, size_t *pn){
  char *z = buf_cstr(b);
  if( pn ) *pn = b->n;
  buf_init(b);
  return z;
}

static void buf_vraw(Buf *b, const char *zFmt, va_list ap) FMT(2,0);
static void buf_vraw(Buf *b, const char *zFmt, va_list ap){
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(0, 0, zFmt, ap2);
  va_end(ap2);
  if( n<=0 ) return;
  buf_grow(b, (size_t)n);
  vsnprintf(b->z + b->n, (size_t)n + 1, zFmt, ap);
  b->n += (size_t)n;
}
void buf_raw_printf(Buf *b, const char *zFmt, ...){
  va_list ap;
  va_start(ap, zFmt);
  buf_vraw(b, zFmt, ap);
  va_end(ap);
}

/* Text stored before input was checked (src/base/utf8.h) may hold bytes
** that are not UTF-8, controls or noncharacters, which neither HTML nor the
** XML of a .docx may carry: they are written as U+FFFD. Text that is valid
** (all text stored since) costs one extra pass. */
static void html_esc(Buf *b, const char *z);
void buf_html_esc(Buf *b, const char *z){
  if( z==0 ) return;
  size_t n = strlen(z);
  if( utf8_repair_needed(z, n, UTF8_TAB|UTF8_LF|UTF8_CR, 1) ){
    Buf fix;
    buf_init(&fix);
    utf8_repair(&fix, z, n, UTF8_TAB|UTF8_LF|UTF8_CR, 1);
    html_esc(b, buf_cstr(&fix));
    buf_free(&fix);
  }else{
    html_esc(b, z);
  }
}
static void html_esc(Buf *b, const char *z){
  const char *s = z;
  for(; *z; z++){
    const char *e = 0;
    switch( *z ){
      case '&': e = "&amp;"; break;
      case '<': e = "&lt;"; break;
      case '>': e = "&gt;"; break;
      case '"': e = "&quot;"; break;
      case '\'': e = "&#39;"; break;
    }
    if( e ){
      buf_append(b, s, (size_t)(z-s));
      buf_puts(b, e);
      s = z+1;
    }
  }
  buf_append(b, s, (size_t)(z-s));
}

void buf_markup(Buf *b, Html h){ buf_puts(b, h.z); }

void buf_url(Buf *b, const char *z){
  static const char hex[] = "0123456789ABCDEF";
  for(; z && *z; z++){
    unsigned char c = (unsigned char)*z;
    if( (c>='a'&&c<='z') || (c>='A'&&c<='Z') || (c>='0'&&c<='9') || c=='-' || c=='_' || c=='.' || c=='~' ){
      buf_putc(b, (char)c);
    }else{
      char t[3] = { '%', hex[c>>4], hex[c&15] };
      buf_append(b, t, 3);
    }
  }
}

/* The spec strings passed to snprintf below are copied from zFmt, which the
** compiler has already checked against the arguments (FMT attribute). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
void buf_vhtml(Buf *b, const char *zFmt, va_list ap){
  const char *p = zFmt;
  while( *p ){
    const char *q = strchr(p, '%');
    if( q==0 ){ buf_puts(b, p); return; }
    buf_append(b, p, (size_t)(q-p));
    /* Collect one conversion spec into zSpec. */
    char zSpec[32];
    size_t n = 0;
    zSpec[n++] = *q++;
    while( *q && strchr("-+ #0123456789.*lzh", *q) && n<sizeof(zSpec)-2 ) zSpec[n++] = *q++;
    char c = *q ? *q++ : 0;
    zSpec[n++] = c;
    zSpec[n] = 0;
    p = q;
    int bLong = strstr(zSpec, "ll")!=0 ? 2 : strchr(zSpec, 'l')!=0 ? 1 : 0;
    int bSize = strchr(zSpec, 'z')!=0;
    int bStar = strchr(zSpec, '*')!=0;
    int iStar = bStar ? va_arg(ap, int) : 0;
    switch( c ){
      case '%': buf_putc(b, '%'); break;
      case 's': {
        const char *z = va_arg(ap, const char*);
        const char *zDot = strchr(zSpec, '.');
        if( !bStar && zDot && zDot[1]>='0' && zDot[1]<='9' ){ bStar = 1; iStar = atoi(zDot+1); }  /* %.12s */
        if( bStar && z ){
          /* %.*s: escape at most iStar bytes */
          size_t m = strnlen(z, iStar<0 ? 0 : (size_t)iStar);
          char *t = fz_malloc(m+1);
          memcpy(t, z, m); t[m] = 0;
          buf_html_esc(b, t);
          free(t);
        }else{
          buf_html_esc(b, z);
        }
        break;
      }
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'c': {
        char t[64];
        if( bSize ){
          size_t v = va_arg(ap, size_t);
          if( bStar ) snprintf(t, sizeof t, zSpec, iStar, v); else snprintf(t, sizeof t, zSpec, v);
        }else if( bLong==2 ){
          long long v = va_arg(ap, long long);
          if( bStar ) snprintf(t, sizeof t, zSpec, iStar, v); else snprintf(t, sizeof t, zSpec, v);
        }else if( bLong==1 ){
          long v = va_arg(ap, long);
          if( bStar ) snprintf(t, sizeof t, zSpec, iStar, v); else snprintf(t, sizeof t, zSpec, v);
        }else{
          int v = va_arg(ap, int);
          if( bStar ) snprintf(t, sizeof t, zSpec, iStar, v); else snprintf(t, sizeof t, zSpec, v);
        }
        buf_puts(b, t);
        break;
      }
      case 'f': case 'g': case 'e': {
        char t[64];
        double v = va_arg(ap, double);
        if( bStar ) snprintf(t, sizeof t, zSpec, iStar, v); else snprintf(t, sizeof t, zSpec, v);
        buf_puts(b, t);
        break;
      }
      default:
        abort();   /* a conversion we do not support: a programming error */
    }
  }
}
#pragma GCC diagnostic pop

void buf_html(Buf *b, const char *zFmt, ...){
  va_list ap;
  va_start(ap, zFmt);
  buf_vhtml(b, zFmt, ap);
  va_end(ap);
}
