/*
** src/base/log.h — the access log: one line per request, written by a
** background thread every half second (and at exit), so a request costs a
** memcpy under a mutex instead of a write system call.
*/
#ifndef FZ_LOG_H
#define FZ_LOG_H
#include <stdio.h>
#include "base/arena.h"
void log_start(FILE *pOut);          /* starts the flusher; before serving */
void log_line(const char *zFmt, ...) FMT(1,2);   /* a newline is added */
void log_stop(void);                 /* flushes what is left */
#endif
