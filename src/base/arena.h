/*
** src/base/arena.h — bump allocator owned by one request (or one CLI job).
**
** Every allocation lives until arena_free(); there is no per-object free.
** Allocation never returns NULL: on malloc failure the process aborts.
** Sizes are bounded at the inputs (request limits, page-size caps), not here.
*/
#ifndef FZ_ARENA_H
#define FZ_ARENA_H
#include <stddef.h>
#include <stdarg.h>

#define FMT(a,b) __attribute__((format(printf,a,b)))

typedef struct ArenaBlock ArenaBlock;
typedef struct ArenaDefer ArenaDefer;
typedef struct Arena {
  ArenaBlock *pBlock;      /* current block, newest first */
  ArenaDefer *pDefer;      /* cleanups run by arena_free, newest first */
  char aFirst[4096];       /* first allocations come from here: no malloc for small requests */
  size_t nFirstUsed;
} Arena;

void  arena_init(Arena*);
void *arena_alloc(Arena*, size_t n);             /* 16-byte aligned, zeroed */
char *arena_strdup(Arena*, const char *z);       /* NULL stays NULL */
/* An array a of nUsed elements of szElem bytes with room for one more:
** a itself, or (full, *pnAlloc elements) a copy twice as large. */
void *arena_grow(Arena*, void *a, int nUsed, int *pnAlloc, size_t szElem);
/* The same for an array on the heap (realloc; abort on failure): a, or a
** itself grown to twice *pnAlloc (16 when 0). The one growth of an array
** of either kind: tools/codecheck flags a hand-written one. */
void *fz_grow(void *a, int nUsed, int *pnAlloc, size_t szElem);
char *arena_strndup(Arena*, const char *z, size_t n);
char *arena_printf(Arena*, const char *zFmt, ...) FMT(2,3);
char *arena_vprintf(Arena*, const char *zFmt, va_list) FMT(2,0);
void  arena_defer(Arena*, void (*x)(void*), void *p);
void  arena_free(Arena*);

void *fz_malloc(size_t n);     /* malloc or abort */
void *fz_realloc(void *p, size_t n);
#endif
