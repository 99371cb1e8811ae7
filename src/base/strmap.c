/* src/base/strmap.c — string → integer hash map (see strmap.h). */
#include "base/strmap.h"
#include <stdlib.h>
#include <string.h>

static uint64_t str_hash(const char *z){
  uint64_t h = 1469598103934665603ull;
  for(; *z; z++){ h ^= (unsigned char)*z; h *= 1099511628211ull; }
  return h | 1;               /* 0 marks an empty slot */
}
void strmap_init(StrMap *m){ m->a = 0; m->nSlot = 0; m->nUsed = 0; arena_init(&m->keys); }
void strmap_free(StrMap *m){
  free(m->a);
  arena_free(&m->keys);
  m->a = 0; m->nSlot = 0; m->nUsed = 0;
}
static StrMapEnt *slot(const StrMap *m, const char *zKey, uint64_t h){
  size_t i = (size_t)h & (m->nSlot-1);
  while( m->a[i].h && !(m->a[i].h==h && strcmp(m->a[i].zKey, zKey)==0) ) i = (i+1) & (m->nSlot-1);
  return &m->a[i];
}
static void grow(StrMap *m){
  size_t nNew = m->nSlot ? m->nSlot*2 : 64;
  StrMapEnt *a = calloc(nNew, sizeof(StrMapEnt));
  if( a==0 ) abort();
  for(size_t i=0; i<m->nSlot; i++){
    if( !m->a[i].h ) continue;
    size_t j = (size_t)m->a[i].h & (nNew-1);
    while( a[j].h ) j = (j+1) & (nNew-1);
    a[j] = m->a[i];
  }
  free(m->a);
  m->a = a;
  m->nSlot = nNew;
}
int strmap_get(const StrMap *m, const char *zKey, int64_t *pV){
  if( m->nSlot==0 ) return 0;
  StrMapEnt *e = slot(m, zKey, str_hash(zKey));
  if( !e->h ) return 0;
  if( pV ) *pV = e->v;
  return 1;
}
int strmap_add(StrMap *m, const char *zKey, int64_t v, int64_t *pOld){
  if( (m->nUsed+1)*2 > m->nSlot ) grow(m);
  uint64_t h = str_hash(zKey);
  StrMapEnt *e = slot(m, zKey, h);
  if( e->h ){
    if( pOld ) *pOld = e->v;
    return 1;
  }
  e->h = h;
  e->zKey = arena_strdup(&m->keys, zKey);
  e->v = v;
  m->nUsed++;
  return 0;
}
void strmap_set(StrMap *m, const char *zKey, int64_t v){
  int64_t old;
  if( strmap_add(m, zKey, v, &old) ) slot(m, zKey, str_hash(zKey))->v = v;
}
