/*
** src/base/buf.h — a growable byte buffer and the escaping writers on it.
**
** A Buf is malloc()ed (not arena) because response bodies are handed to
** libmicrohttpd, which frees them. Writers:
**   buf_append/buf_puts      raw bytes (callers: renderers with literal markup)
**   buf_html(b, fmt, ...)    printf where every %s is HTML-escaped (& < > " ')
**   buf_url(b, z)            percent-encodes a query value
** Html is a markup fragment: only string literals (HTML("…")) can make one,
** so user text cannot reach the page unescaped by accident.
*/
#ifndef FZ_BUF_H
#define FZ_BUF_H
#include <stddef.h>
#include <stdarg.h>
#include "base/arena.h"

typedef struct Buf { char *z; size_t n, nAlloc; } Buf;
typedef struct Html { const char *z; } Html;
#define HTML(LIT) ((Html){ "" LIT "" })

void  buf_init(Buf*);
void  buf_reset(Buf*);                       /* n=0, keeps memory */
void  buf_free(Buf*);
void  buf_append(Buf*, const char *z, size_t n);
void  buf_puts(Buf*, const char *z);
void  buf_putc(Buf*, char c);
void  buf_raw_printf(Buf*, const char *zFmt, ...) FMT(2,3);   /* no escaping: numbers, identifiers */
char *buf_cstr(Buf*);                        /* NUL-terminated view */
char *buf_detach(Buf*, size_t *pn);          /* caller (or MHD) frees */

void  buf_html(Buf*, const char *zFmt, ...) FMT(2,3);
void  buf_vhtml(Buf*, const char *zFmt, va_list) FMT(2,0);
void  buf_html_esc(Buf*, const char *z);     /* escape one string */
void  buf_markup(Buf*, Html);
void  buf_url(Buf*, const char *z);          /* percent-encode for a query value */
#endif
