/*
** src/base/strmap.h — a string → integer hash map (open addressing) for
** the importer's caches: department names, referenced records, values
** already seen in a unique column. Keys are copied into the map's own
** arena; each entry keeps its hash so a probe compares strings only on a
** hash match. strmap_free frees everything at once.
*/
#ifndef FZ_STRMAP_H
#define FZ_STRMAP_H
#include <stddef.h>
#include <stdint.h>
#include "base/arena.h"
typedef struct StrMapEnt { const char *zKey; uint64_t h; int64_t v; } StrMapEnt;
typedef struct StrMap { StrMapEnt *a; size_t nSlot, nUsed; Arena keys; } StrMap;
void strmap_init(StrMap*);
void strmap_free(StrMap*);
int  strmap_get(const StrMap*, const char *zKey, int64_t *pV);   /* 1 if present */
void strmap_set(StrMap*, const char *zKey, int64_t v);
/* One probe: if zKey is present, returns 1 and its value in *pOld; else
** inserts it with v and returns 0. */
int  strmap_add(StrMap*, const char *zKey, int64_t v, int64_t *pOld);
#endif
