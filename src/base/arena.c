/*
** src/base/arena.c — the request arena (see arena.h).
*/
#include "base/arena.h"
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

struct ArenaBlock { ArenaBlock *pNext; size_t nUsed, nSize; char a[]; };
struct ArenaDefer { ArenaDefer *pNext; void (*x)(void*); void *p; };

void *fz_malloc(size_t n){
  void *p = malloc(n ? n : 1);
  if( p==0 ){ fputs("fazhi: out of memory\n", stderr); abort(); }
  return p;
}
void *fz_realloc(void *p, size_t n){
  void *q = realloc(p, n ? n : 1);
  if( q==0 ){ fputs("fazhi: out of memory\n", stderr); abort(); }
  return q;
}

void arena_init(Arena *a){
  a->pBlock = 0;
  a->pDefer = 0;
  a->nFirstUsed = 0;
}

void *arena_alloc(Arena *a, size_t n){
  n = (n + 15) & ~(size_t)15;
  if( a->pBlock==0 && a->nFirstUsed + n <= sizeof(a->aFirst) ){
    /* aFirst is not guaranteed 16-aligned inside the struct: align the offset
    ** against its real address. */
    size_t off = a->nFirstUsed;
    size_t mis = ((size_t)(a->aFirst + off)) & 15;
    if( mis ) off += 16 - mis;
    if( off + n <= sizeof(a->aFirst) ){
      a->nFirstUsed = off + n;
      memset(a->aFirst + off, 0, n);
      return a->aFirst + off;
    }
  }
  ArenaBlock *b = a->pBlock;
  if( b==0 || b->nUsed + n > b->nSize ){
    size_t sz = n > 32768 ? n : 32768;
    b = fz_malloc(sizeof(ArenaBlock) + sz);
    b->nUsed = 0;
    b->nSize = sz;
    b->pNext = a->pBlock;
    a->pBlock = b;
  }
  void *p = b->a + b->nUsed;
  b->nUsed += n;
  memset(p, 0, n);
  return p;
}

char *arena_strndup(Arena *a, const char *z, size_t n){
  if( z==0 ) return 0;
  char *p = arena_alloc(a, n+1);
  memcpy(p, z, n);
  p[n] = 0;
  return p;
}
char *arena_strdup(Arena *a, const char *z){
  return z ? arena_strndup(a, z, strlen(z)) : 0;
}

char *arena_vprintf(Arena *a, const char *zFmt, va_list ap){
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(0, 0, zFmt, ap2);
  va_end(ap2);
  if( n<0 ) n = 0;
  char *p = arena_alloc(a, (size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, zFmt, ap);
  return p;
}
char *arena_printf(Arena *a, const char *zFmt, ...){
  va_list ap;
  va_start(ap, zFmt);
  char *p = arena_vprintf(a, zFmt, ap);
  va_end(ap);
  return p;
}

void arena_defer(Arena *a, void (*x)(void*), void *p){
  ArenaDefer *d = arena_alloc(a, sizeof(*d));
  d->x = x;
  d->p = p;
  d->pNext = a->pDefer;
  a->pDefer = d;
}

void arena_free(Arena *a){
  for(ArenaDefer *d=a->pDefer; d; d=d->pNext) d->x(d->p);
  a->pDefer = 0;
  ArenaBlock *b = a->pBlock;
  while( b ){ ArenaBlock *n = b->pNext; free(b); b = n; }
  a->pBlock = 0;
  a->nFirstUsed = 0;
}

void *arena_grow(Arena *p, void *a, int nUsed, int *pnAlloc, size_t szElem){
  if( a && nUsed<*pnAlloc ) return a;
  int nNew = *pnAlloc>0 ? *pnAlloc*2 : 16;
  void *b = arena_alloc(p, szElem*(size_t)nNew);
  if( a && nUsed>0 ) memcpy(b, a, szElem*(size_t)nUsed);
  *pnAlloc = nNew;
  return b;
}

void *fz_grow(void *a, int nUsed, int *pnAlloc, size_t szElem){
  if( a && nUsed<*pnAlloc ) return a;
  int nNew = *pnAlloc>0 ? *pnAlloc*2 : 16;
  a = fz_realloc(a, szElem*(size_t)nNew);
  *pnAlloc = nNew;
  return a;
}
