/*
** src/engine/dept.c — the department tree as the engine sees it: names,
** lookups and the scope test (is this department inside the actor's
** subtree?). Scope is a path prefix: "/1/4/9/" lies inside "/1/4/".
*/
#include "engine/record.h"
#include "engine/setting.h"
#include <string.h>
#include <stdlib.h>

int dept_lookup(Ctx *c, const char *z, i64 *piDept, const char **pzPath){
  Stmt q;
  int rc = 1;
  char *zEnd = 0;
  long long v = strtoll(z, &zEnd, 10);
  if( zEnd && *zEnd==0 && v>0 ){
    if( db_prepare(c->pDb, &q, "SELECT id, path FROM dept WHERE id=?1") ) return 1;
    db_bind_int64(&q, 1, v);
  }else{
    if( db_prepare(c->pDb, &q, "SELECT id, path FROM dept WHERE name=?1") ) return 1;
    db_bind_text(&q, 1, z);
  }
  if( db_step(&q)==DB_ROW ){
    *piDept = db_column_int64(&q, 0);
    if( pzPath ) *pzPath = arena_strdup(c->pArena, db_column_text(&q, 1));
    rc = 0;
  }
  db_finalize(&q);
  return rc;
}

int dept_in_scope(Ctx *c, i64 iDept){
  Stmt q;
  int ok = 0;
  if( db_prepare(c->pDb, &q, "SELECT path FROM dept WHERE id=?1") ) return 0;
  db_bind_int64(&q, 1, iDept);
  if( db_step(&q)==DB_ROW ){
    const char *zPath = db_column_text(&q, 0);
    const char *zScope = c->pActor->zDeptPath;
    ok = zScope && strncmp(zPath, zScope, strlen(zScope))==0;
  }
  db_finalize(&q);
  return ok;
}

int dept_disabled(Ctx *c, i64 iDept){
  Stmt q;
  int b = 0;
  if( db_prepare(c->pDb, &q, "SELECT disabled FROM dept WHERE id=?1") ) return 0;
  db_bind_int64(&q, 1, iDept);
  if( db_step(&q)==DB_ROW ) b = db_column_int64(&q, 0)!=0;
  db_finalize(&q);
  return b;
}

const char *dept_name(Ctx *c, i64 iDept){
  Stmt q;
  const char *z = "";
  if( db_prepare(c->pDb, &q, "SELECT name FROM dept WHERE id=?1") ) return z;
  db_bind_int64(&q, 1, iDept);
  if( db_step(&q)==DB_ROW ) z = arena_strdup(c->pArena, db_column_text(&q, 0));
  db_finalize(&q);
  return z;
}

/* The path of a county or city (or of a department without a parent), NULL if iDept is none. */
const char *dept_root_path(Ctx *c, i64 iDept){
  Stmt q;
  const char *z = 0;
  if( db_prepare(c->pDb, &q, "SELECT path FROM dept WHERE id=?1 AND (parent_id IS NULL OR dtype IN ('county','city'))") ) return 0;
  db_bind_int64(&q, 1, iDept);
  if( db_step(&q)==DB_ROW ) z = arena_strdup(c->pArena, db_column_text(&q, 0));
  db_finalize(&q);
  return z;
}

/* The path of the nearest department at or above zPath whose type is in
** zTypes ("county", "county,city"); NULL when there is none. A path names
** its ancestors ("/12/7/31/"), so each is one indexed lookup by path. */
const char *dept_unit_path(Db *pDb, Arena *a, const char *zPath, const char *zTypes){
  if( zPath==0 || zPath[0]!='/' ) return 0;
  size_t n = strlen(zPath);
  Stmt q;
  if( db_prepare(pDb, &q, "SELECT dtype FROM dept WHERE path=?1") ) return 0;
  while( n>1 ){
    char *zPrefix = arena_strndup(a, zPath, n);
    db_bind_text(&q, 1, zPrefix);
    int bHit = db_step(&q)==DB_ROW && list_has(zTypes, db_column_text(&q, 0));
    db_reset(&q);
    if( bHit ){ db_finalize(&q); return zPrefix; }
    n--;                                   /* back to the '/' before the last id */
    while( n>1 && zPath[n-1]!='/' ) n--;
  }
  db_finalize(&q);
  return 0;
}

/* The unit a department's records are unique within: its nearest county
** at or above it, else its nearest city, else its root. Several counties
** may share one database (under a city or a province): each keeps its own
** case numbers, credit codes and item codes (issue 13 §5). The kind
** tables store it in unit_id, under a UNIQUE index (unit_id, value), so
** the database itself holds the rule against two writers at once; the
** start-up DDL (ddl.c) fills the column the same way for older rows.
** Memoised in the context (a bulk import asks for every row). 0 when
** iDept is no department. */
i64 dept_unit_id(Ctx *c, i64 iDept){
  unsigned h = (unsigned)iDept % (unsigned)(sizeof c->aUnitMemo/sizeof c->aUnitMemo[0]);
  if( iDept && c->aUnitMemo[h][0]==iDept ) return c->aUnitMemo[h][1];
  Stmt q;
  const char *zPath = 0;
  if( db_prepare(c->pDb, &q, "SELECT path FROM dept WHERE id=?1") ) return 0;
  db_bind_int64(&q, 1, iDept);
  if( db_step(&q)==DB_ROW ) zPath = arena_strdup(c->pArena, db_column_text(&q, 0));
  db_finalize(&q);
  if( zPath==0 ) return 0;
  const char *zUnit = dept_unit_path(c->pDb, c->pArena, zPath, "county");
  if( zUnit==0 ) zUnit = dept_unit_path(c->pDb, c->pArena, zPath, "city");
  i64 iUnit = 0;
  if( zUnit ){                               /* the last id of "/12/7/" */
    size_t n = strlen(zUnit);
    const char *p = zUnit + n - 1;
    while( p>zUnit && p[-1]!='/' ) p--;
    iUnit = atoll(p);
  }else{
    iUnit = atoll(zPath+1);                  /* the root: the first id */
  }
  c->aUnitMemo[h][0] = iDept;
  c->aUnitMemo[h][1] = iUnit;
  return iUnit;
}

/* Is there a department without a parent (a county, city or province
** of the database: fazhi init makes one per county) named zName? 0 also
** when the query cannot run. */
int dept_root_named(Ctx *c, const char *zName){
  Stmt q;
  int bFound = 0;
  if( db_prepare(c->pDb, &q, "SELECT 1 FROM dept WHERE parent_id IS NULL AND name=?1") ) return 0;
  db_bind_text(&q, 1, zName);
  bFound = db_step(&q)==DB_ROW;
  db_finalize(&q);
  return bFound;
}

/* How many counties and cities the database holds: 1 for a county's own
** database, more for a city's or a province's (a new department must
** then name its parent). 0 when the query cannot run. */
int dept_unit_count(Ctx *c){
  Stmt q;
  int n = 0;
  if( db_prepare(c->pDb, &q, "SELECT COUNT(*) FROM dept WHERE dtype IN ('county','city')") ) return 0;
  if( db_step(&q)==DB_ROW ) n = (int)db_column_int64(&q, 0);
  db_finalize(&q);
  return n;
}

/* Siblings in the order 部门管理 gives them: sort_no, then id. */
typedef struct OptSort { DeptOption o; i64 iParent, iSort; } OptSort;
static int opt_cmp(const void *pA, const void *pB){
  const OptSort *a = pA, *b = pB;
  if( a->iParent!=b->iParent ) return a->iParent<b->iParent ? -1 : 1;
  if( a->iSort!=b->iSort ) return a->iSort<b->iSort ? -1 : 1;
  return a->o.id<b->o.id ? -1 : a->o.id>b->o.id;
}

/* Appends aIn's node i and, depth first, its children (a run of aIn,
** which is sorted by parent) to aOut. */
static void opt_walk(const OptSort *aIn, int nIn, int i, int nDepth, DeptOption *aOut, int *pnOut){
  aOut[*pnOut] = aIn[i].o;
  aOut[(*pnOut)++].nDepth = nDepth;
  i64 id = aIn[i].o.id;
  int lo = 0, hi = nIn;                    /* the first row whose parent is id */
  while( lo<hi ){
    int mid = (lo+hi)/2;
    if( aIn[mid].iParent<id ) lo = mid+1; else hi = mid;
  }
  for(int j=lo; j<nIn && aIn[j].iParent==id; j++) opt_walk(aIn, nIn, j, nDepth+1, aOut, pnOut);
}

int dept_options(Db *pDb, Arena *a, const char *zScope, DeptOption **pa, int *pn){
  Stmt q;
  int rc, n = 0, nAlloc = 0;
  OptSort *aIn = 0;
  *pa = 0; *pn = 0;
  if( (rc = db_prepare(pDb, &q, "SELECT id, name, path, disabled, coalesce(parent_id,0), sort_no FROM dept"
                                " WHERE " SQL_IN_SCOPE("path", 1, 2))) ) return rc;
  db_bind_scope(&q, 1, 2, zScope);
  while( (rc = db_step(&q))==DB_ROW ){
    aIn = arena_grow(a, aIn, n, &nAlloc, sizeof *aIn);
    OptSort *o = &aIn[n++];
    memset(o, 0, sizeof *o);
    o->o.id = db_column_int64(&q, 0);
    o->o.zName = arena_strdup(a, db_column_text(&q, 1));
    o->o.zPath = arena_strdup(a, db_column_text(&q, 2));
    o->o.bDisabled = db_column_int64(&q, 3)!=0;
    o->iParent = db_column_int64(&q, 4);
    o->iSort = db_column_int64(&q, 5);
  }
  db_finalize(&q);
  if( rc!=DB_DONE ) return rc;
  if( n==0 ) return 0;
  qsort(aIn, (size_t)n, sizeof *aIn, opt_cmp);
  /* the tops: the scope's own department, or the roots of the whole tree */
  DeptOption *aOut = arena_alloc(a, sizeof(DeptOption)*(size_t)n);
  int nOut = 0;
  for(int i=0; i<n; i++){
    if( aIn[i].iParent==0 || strcmp(aIn[i].o.zPath, zScope)==0 ) opt_walk(aIn, n, i, 0, aOut, &nOut);
  }
  *pa = aOut;
  *pn = nOut;
  return 0;
}

const char *dept_county_name(Db *pDb, Arena *a, const char *zScope){
  Stmt q;
  const char *z = "";
  const char *zPath = zScope ? zScope : "/";
  const char *zUnit = strcmp(zPath, "/")!=0 ? dept_unit_path(pDb, a, zPath, "county,city") : 0;
  if( zUnit && db_prepare(pDb, &q, "SELECT name FROM dept WHERE path=?1")==DB_OK ){
    db_bind_text(&q, 1, zUnit);
    if( db_step(&q)==DB_ROW ) z = arena_strdup(a, db_column_text(&q, 0));
    db_finalize(&q);
    if( z[0] ) return z;
  }
  const char *zSet = setting_get(pDb, a, "county_name");
  return zSet ? zSet : z;
}
