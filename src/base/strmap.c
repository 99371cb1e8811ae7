/* src/base/strmap.c — string → integer hash map (see strmap.h). */
#include "base/strmap.h"
#include "base/arena.h"
#include <stdlib.h>
#include <string.h>

static size_t str_hash(const char *z){
  size_t h = 1469598103934665603ull;
  for(; *z; z++){ h ^= (unsigned char)*z; h *= 1099511628211ull; }
  return h;
}
void strmap_init(StrMap *m){ m->a = 0; m->nSlot = 0; m->nUsed = 0; }
void strmap_free(StrMap *m){
  for(size_t i=0; i<m->nSlot; i++) free(m->a[i].zKey);
  free(m->a);
  strmap_init(m);
}
static StrMapEnt *slot(const StrMap *m, const char *zKey){
  size_t i = str_hash(zKey) & (m->nSlot-1);
  while( m->a[i].zKey && strcmp(m->a[i].zKey, zKey)!=0 ) i = (i+1) & (m->nSlot-1);
  return &m->a[i];
}
int strmap_get(const StrMap *m, const char *zKey, int64_t *pV){
  if( m->nSlot==0 ) return 0;
  StrMapEnt *e = slot(m, zKey);
  if( e->zKey==0 ) return 0;
  if( pV ) *pV = e->v;
  return 1;
}
void strmap_set(StrMap *m, const char *zKey, int64_t v){
  if( (m->nUsed+1)*2 > m->nSlot ){
    StrMap n;
    n.nSlot = m->nSlot ? m->nSlot*2 : 64;
    n.a = calloc(n.nSlot, sizeof(StrMapEnt));
    if( n.a==0 ) abort();
    n.nUsed = m->nUsed;
    for(size_t i=0; i<m->nSlot; i++) if( m->a[i].zKey ) *slot(&n, m->a[i].zKey) = m->a[i];
    free(m->a);
    *m = n;
  }
  StrMapEnt *e = slot(m, zKey);
  if( e->zKey==0 ){
    size_t n = strlen(zKey);
    e->zKey = fz_malloc(n+1);
    memcpy(e->zKey, zKey, n+1);
    m->nUsed++;
  }
  e->v = v;
}
