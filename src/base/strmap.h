/*
** src/base/strmap.h — a string → integer hash map (open addressing) for
** the importer's caches: department names, referenced records, values
** already seen in a unique column. Keys are copied; strmap_free frees all.
*/
#ifndef FZ_STRMAP_H
#define FZ_STRMAP_H
#include <stddef.h>
#include <stdint.h>
typedef struct StrMapEnt { char *zKey; int64_t v; } StrMapEnt;
typedef struct StrMap { StrMapEnt *a; size_t nSlot, nUsed; } StrMap;
void strmap_init(StrMap*);
void strmap_free(StrMap*);
int  strmap_get(const StrMap*, const char *zKey, int64_t *pV);   /* 1 if present */
void strmap_set(StrMap*, const char *zKey, int64_t v);
#endif
