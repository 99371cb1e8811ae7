/*
** src/auth/org.c — the department tree's writes: add (fazhi dept add, the
** county set-up, the demo and 部门管理), rename, type and order, move,
** disable. Each checks first (the actor's scope: another county's
** department is "not found"), then runs one write transaction whose audit
** entry holds the dept rows before and after (audit_rows/audit_rows_log),
** so `fazhi check` compares the tree with its log. Reads for the page
** (dept_tree, dept_get, the move's counts) live here too.
*/
#include "auth/auth.h"
#include "audit/audit.h"
#include "engine/record.h"
#include "engine/prule.h"
#include <string.h>
#include <stdlib.h>

static const Field fName = { "name", "部门名称", FT_TEXT };
static const Field fParent = { "parent", "上级部门", FT_TEXT };
static const Field fType = { "dtype", "类型", FT_TEXT };
static const Field fSort = { "sort_no", "排序", FT_TEXT };

const char *dept_type_label(const char *zType){
  static const char *const az[] = { "county", "县", "city", "市", "bureau", "部门", "town", "乡镇",
                                    "village", "村（社区）", 0 };
  for(int i=0; az[i]; i+=2) if( zType && strcmp(az[i], zType)==0 ) return az[i+1];
  return zType ? zType : "";
}

/* A new department under zParentPath ("/" for a root), inside the
** caller's write transaction, with its audit entry. iSort 0: its id.
** Its id, -1 when the name is taken, 0 on a database error. */
static i64 dept_insert_sorted(Ctx *c, i64 iParent, const char *zParentPath, const char *zName, const char *zType, i64 iSort){
  Stmt q;
  i64 id = audit_next_id(c->pDb, "dept", "@dept");   /* never a deleted department's id */
  if( id==0 || db_prepare(c->pDb, &q, "INSERT INTO dept(id, parent_id, name, dtype, path, sort_no) VALUES(?1,?2,?3,?4,?5,?6)") ) return 0;
  db_bind_int64(&q, 1, id);
  if( iParent ) db_bind_int64(&q, 2, iParent); else db_bind_null(&q, 2);
  db_bind_text(&q, 3, zName);
  db_bind_text(&q, 4, zType);
  db_bind_text(&q, 5, arena_printf(c->pArena, "%s%lld/", zParentPath, (long long)id));
  db_bind_int64(&q, 6, iSort ? iSort : id);
  int rc = db_step(&q);
  db_finalize(&q);
  if( rc==DB_CONSTRAINT ) return -1;
  if( rc!=DB_DONE ) return 0;
  rc = audit_rows_log(c, "dept_create", "dept", arena_printf(c->pArena, "%lld", (long long)id), id, "");
  return rc ? 0 : id;
}

i64 dept_insert(Ctx *c, i64 iParent, const char *zParentPath, const char *zName, const char *zType){
  return dept_insert_sorted(c, iParent, zParentPath, zName, zType, 0);
}

static i64 dept_add_sorted(Ctx *c, i64 iParent, const char *zName, const char *zType, i64 iSort){
  Stmt q;
  const char *zParentPath = "/";
  if( rec_text_checked(c, &fName, zName, 0)==0 ) return 0;    /* one line of valid text */
  if( iParent && dept_disabled(c, iParent) ){
    err_add(c, 0, &fParent, "上级部门“%s”已停用", dept_name(c, iParent));
    return 0;
  }
  if( iParent ){
    if( db_prepare(c->pDb, &q, "SELECT path FROM dept WHERE id=?1") ) return 0;
    db_bind_int64(&q, 1, iParent);
    if( db_step(&q)==DB_ROW ) zParentPath = arena_strdup(c->pArena, db_column_text(&q, 0));
    db_finalize(&q);
  }
  if( db_begin_write(c->pDb) ) return 0;
  i64 id = dept_insert_sorted(c, iParent, zParentPath, zName, zType, iSort);
  if( id<0 ){
    db_rollback(c->pDb);
    err_add(c, 0, &fName, "部门“%s”无法添加（名称重复？）", zName);
    return 0;
  }
  if( id==0 || db_commit(c->pDb) ){
    db_rollback(c->pDb);
    err_internal(c, "dept_add: %s", db_errmsg(c->pDb));
    return 0;
  }
  return id;
}

i64 dept_add(Ctx *c, i64 iParent, const char *zName, const char *zType){
  return dept_add_sorted(c, iParent, zName, zType, 0);
}

/* A DeptRow from the current row of a query whose columns are id,
** parent_id, name, dtype, path, sort_no, disabled and the count of active
** users (dept_get and dept_tree). Arena strings. */
static void dept_row_fill(Ctx *c, Stmt *pq, DeptRow *p){
  p->id = db_column_int64(pq, 0);
  p->iParent = db_column_is_null(pq, 1) ? 0 : db_column_int64(pq, 1);
  p->zName = arena_strdup(c->pArena, db_column_text(pq, 2));
  p->zType = arena_strdup(c->pArena, db_column_text(pq, 3));
  p->zPath = arena_strdup(c->pArena, db_column_text(pq, 4));
  p->iSort = db_column_int64(pq, 5);
  p->bDisabled = db_column_int64(pq, 6)!=0;
  p->nUser = db_column_int64(pq, 7);
}

/* Fills p from a dept row of the actor's scope: FZ_NOTFOUND outside it. */
int dept_get(Ctx *c, i64 id, DeptRow *p){
  Stmt q;
  int rc = FZ_NOTFOUND;
  memset(p, 0, sizeof *p);
  if( db_prepare(c->pDb, &q, "SELECT d.id, d.parent_id, d.name, d.dtype, d.path, d.sort_no, d.disabled,"
                             " (SELECT COUNT(*) FROM users u WHERE u.dept_id=d.id AND u.disabled=0)"
                             " FROM dept d WHERE d.id=?1 AND " SQL_IN_SCOPE("d.path", 2, 3)) ){
    return err_internal(c, "dept_get: %s", db_errmsg(c->pDb));
  }
  db_bind_int64(&q, 1, id);
  db_bind_scope(&q, 2, 3, c->pActor->zDeptPath);
  if( db_step(&q)==DB_ROW ){
    dept_row_fill(c, &q, p);
    p->bTop = strcmp(p->zPath, c->pActor->zDeptPath ? c->pActor->zDeptPath : "/")==0 || p->iParent==0;
    rc = FZ_OK;
  }
  db_finalize(&q);
  return rc;
}

static int depth_of(const char *zPath){
  int n = 0;
  for(const char *p=zPath; *p; p++) if( *p=='/' ) n++;
  return n;
}

/* Pre-order from row i's children: siblings by sort_no, then id. */
static void tree_walk(DeptRow *aIn, int nIn, i64 iParent, int nDepth, DeptRow *aOut, int *pnOut, char *aUsed){
  for(;;){
    int iBest = -1;
    for(int i=0; i<nIn; i++){
      if( aUsed[i] || aIn[i].iParent!=iParent ) continue;
      if( iBest<0 || aIn[i].iSort<aIn[iBest].iSort
       || (aIn[i].iSort==aIn[iBest].iSort && aIn[i].id<aIn[iBest].id) ) iBest = i;
    }
    if( iBest<0 ) return;
    aUsed[iBest] = 1;
    aOut[*pnOut] = aIn[iBest];
    aOut[(*pnOut)++].nDepth = nDepth;
    tree_walk(aIn, nIn, aIn[iBest].id, nDepth+1, aOut, pnOut, aUsed);
  }
}

int dept_tree(Ctx *c, DeptRow **pa, int *pn){
  Stmt q;
  int n = 0, nAlloc = 0, rc;
  DeptRow *a = 0;
  *pa = 0; *pn = 0;
  if( db_prepare(c->pDb, &q, "SELECT d.id, d.parent_id, d.name, d.dtype, d.path, d.sort_no, d.disabled,"
                             " (SELECT COUNT(*) FROM users u WHERE u.dept_id=d.id AND u.disabled=0)"
                             " FROM dept d WHERE " SQL_IN_SCOPE("d.path", 1, 2) " ORDER BY d.path") ){
    return err_internal(c, "dept_tree: %s", db_errmsg(c->pDb));
  }
  db_bind_scope(&q, 1, 2, c->pActor->zDeptPath);
  while( (rc = db_step(&q))==DB_ROW ){
    a = arena_grow(c->pArena, a, n, &nAlloc, sizeof *a);
    DeptRow *p = &a[n++];
    memset(p, 0, sizeof *p);
    dept_row_fill(c, &q, p);
  }
  db_finalize(&q);
  if( rc!=DB_DONE ) return err_internal(c, "dept_tree: %s", db_errmsg(c->pDb));
  if( n==0 ) return FZ_OK;
  /* the tops: rows whose parent is outside the scope (the shallowest) */
  int nTop = depth_of(a[0].zPath);
  for(int i=1; i<n; i++) if( depth_of(a[i].zPath)<nTop ) nTop = depth_of(a[i].zPath);
  DeptRow *aOut = arena_alloc(c->pArena, sizeof(DeptRow)*(size_t)n);
  char *aUsed = arena_alloc(c->pArena, (size_t)n);
  memset(aUsed, 0, (size_t)n);
  int nOut = 0;
  for(int i=0; i<n; i++){
    if( aUsed[i] || depth_of(a[i].zPath)!=nTop ) continue;
    aUsed[i] = 1;
    aOut[nOut] = a[i];
    aOut[nOut].bTop = 1;
    aOut[nOut++].nDepth = 0;
    tree_walk(a, n, a[i].id, 1, aOut, &nOut, aUsed);
  }
  *pa = aOut;
  *pn = nOut;
  return FZ_OK;
}

/* The types a page may give a department: the tree's inner kinds. A
** county or city is made by fazhi init / fazhi city (its unit_id). */
static int type_ok(const char *z){
  return z && (strcmp(z, "bureau")==0 || strcmp(z, "town")==0 || strcmp(z, "village")==0);
}

/* An order number: digits, at most 9; *pi 0 when empty. 1 when bad. */
static int sort_parse(Ctx *c, const char *z, i64 *pi){
  *pi = 0;
  if( z==0 || z[0]==0 ) return 0;
  size_t n = strlen(z);
  if( n>9 || strspn(z, "0123456789")!=n ){
    err_add(c, 0, &fSort, "排序应为不超过9位的非负整数");
    return 1;
  }
  *pi = atoll(z);
  return 0;
}

/* Is zName free (but for iSelf)? An error beside the name when not. */
static int name_free(Ctx *c, const char *zName, i64 iSelf){
  Stmt q;
  int bTaken = 0;
  if( db_prepare(c->pDb, &q, "SELECT 1 FROM dept WHERE name=?1 AND id<>?2") ) return 0;
  db_bind_text(&q, 1, zName);
  db_bind_int64(&q, 2, iSelf);
  bTaken = db_step(&q)==DB_ROW;
  db_finalize(&q);
  if( bTaken ) err_add(c, 0, &fName, "已有名为“%s”的部门，部门名称不能重复", zName);
  return !bTaken;
}

static int name_check(Ctx *c, const char *zName, i64 iSelf){
  int nErr0 = c->err.n;
  if( zName==0 || zName[0]==0 ){ err_add(c, 0, &fName, "请填写部门名称"); return 0; }
  if( rec_text_checked(c, &fName, zName, 0)==0 ) return c->err.n==nErr0;
  return name_free(c, zName, iSelf);
}

int dept_create(Ctx *c, i64 iParent, const char *zName, const char *zType, const char *zSort, i64 *piNew){
  DeptRow p;
  i64 iSort = 0;
  *piNew = 0;
  if( iParent==0 || dept_get(c, iParent, &p)!=FZ_OK ) err_add(c, 0, &fParent, "请选择上级部门");
  else if( p.bDisabled ) err_add(c, 0, &fParent, "上级部门“%s”已停用", p.zName);
  if( !type_ok(zType) ) err_add(c, 0, &fType, "请选择类型：部门、乡镇或村（社区）");
  sort_parse(c, zSort, &iSort);
  name_check(c, zName, 0);
  if( c->err.n ) return FZ_INVALID;
  *piNew = dept_add_sorted(c, iParent, zName, zType, iSort);
  if( *piNew==0 ) return c->err.n ? FZ_INVALID : FZ_INTERNAL;
  return FZ_OK;
}

/* One UPDATE of row id's dept columns inside an audited transaction. */
static int dept_write(Ctx *c, const char *zAction, i64 id, const char *zName, const char *zType, i64 iSort, int bDisabled){
  Stmt q;
  const char *zKey = arena_printf(c->pArena, "%lld", (long long)id);
  if( db_begin_write(c->pDb) ) return err_internal(c, "dept: %s", db_errmsg(c->pDb));
  const char *zBefore = audit_rows(c, "dept", zKey);
  int rc = zBefore==0 || db_prepare(c->pDb, &q, "UPDATE dept SET name=?2, dtype=?3, sort_no=?4, disabled=?5 WHERE id=?1");
  if( rc==0 ){
    db_bind_int64(&q, 1, id);
    db_bind_text(&q, 2, zName);
    db_bind_text(&q, 3, zType);
    db_bind_int64(&q, 4, iSort);
    db_bind_int64(&q, 5, bDisabled);
    int e = db_step(&q);
    db_finalize(&q);
    if( e==DB_CONSTRAINT ){
      db_rollback(c->pDb);
      err_add(c, 0, &fName, "已有名为“%s”的部门，部门名称不能重复", zName);
      return FZ_INVALID;
    }
    rc = e!=DB_DONE || audit_rows_log(c, zAction, "dept", zKey, id, zBefore);
  }
  if( rc || db_commit(c->pDb) ){
    rc = err_internal(c, "dept: %s", db_errmsg(c->pDb));
    db_rollback(c->pDb);
    return rc;
  }
  return FZ_OK;
}

int dept_rename(Ctx *c, i64 id, const char *zName){
  DeptRow p;
  int rc = dept_get(c, id, &p);
  if( rc ) return rc;
  if( !name_check(c, zName, id) ) return FZ_INVALID;
  return dept_write(c, "dept_rename", id, zName, p.zType, p.iSort, p.bDisabled);
}

int dept_set_type(Ctx *c, i64 id, const char *zType, const char *zSort){
  DeptRow p;
  i64 iSort = 0;
  int rc = dept_get(c, id, &p);
  if( rc ) return rc;
  int bUnit = strcmp(p.zType, "county")==0 || strcmp(p.zType, "city")==0;
  if( bUnit && strcmp(zType ? zType : "", p.zType)!=0 ) err_add(c, 0, &fType, "县、市的类型不能在此修改");
  else if( !bUnit && !type_ok(zType) ) err_add(c, 0, &fType, "请选择类型：部门、乡镇或村（社区）");
  if( sort_parse(c, zSort, &iSort)==0 && (zSort==0 || zSort[0]==0) ) err_add(c, 0, &fSort, "请填写排序");
  if( c->err.n ) return FZ_INVALID;
  return dept_write(c, "dept_type", id, p.zName, zType, iSort, p.bDisabled);
}

int dept_set_disabled(Ctx *c, i64 id, int bDisabled){
  DeptRow p;
  Stmt q;
  int rc = dept_get(c, id, &p);
  if( rc ) return rc;
  if( bDisabled && p.bTop ){ err_add(c, 0, 0, "不能停用本级（县、市）"); return FZ_INVALID; }
  if( bDisabled ){
    i64 nUser = 0;
    if( db_prepare(c->pDb, &q, "SELECT COUNT(*) FROM users WHERE disabled=0 AND " SQL_DEPT_IN_SCOPE("dept_id", 1, 2)) ){
      return err_internal(c, "dept: %s", db_errmsg(c->pDb));
    }
    db_bind_scope(&q, 1, 2, p.zPath);
    if( db_step(&q)==DB_ROW ) nUser = db_column_int64(&q, 0);
    db_finalize(&q);
    if( nUser ){
      err_add(c, 0, 0, "“%s”及其下级还有%lld个在用账号，请先停用或调走这些账号", p.zName, (long long)nUser);
      return FZ_CONFLICT;
    }
  }
  return dept_write(c, bDisabled ? "dept_disable" : "dept_enable", id, p.zName, p.zType, p.iSort, bDisabled);
}

/* The checks of a move, and what it changes (pm). */
static int move_check(Ctx *c, i64 id, i64 iParent, DeptRow *p, DeptRow *pNew){
  int rc = dept_get(c, id, p);
  if( rc ) return rc;
  if( p->bTop || strcmp(p->zType, "county")==0 || strcmp(p->zType, "city")==0 ){
    err_add(c, 0, &fParent, "县、市不能在此移动（多县合并请用 fazhi city）");
    return FZ_INVALID;
  }
  if( iParent==0 || dept_get(c, iParent, pNew)!=FZ_OK ){ err_add(c, 0, &fParent, "请选择新的上级部门"); return FZ_INVALID; }
  if( strncmp(pNew->zPath, p->zPath, strlen(p->zPath))==0 ){
    err_add(c, 0, &fParent, "不能移到它自己或它的下级之下");
  }else if( pNew->id==p->iParent ){
    err_add(c, 0, &fParent, "已在“%s”之下", pNew->zName);
  }else if( dept_unit_id(c, id)!=dept_unit_id(c, iParent) ){
    /* records keep their county's numbering (unit_id): no move across counties */
    err_add(c, 0, &fParent, "不能把部门移到其他县（区）：各县（区）的数据分别编号和统计");
  }else if( pNew->bDisabled ){
    err_add(c, 0, &fParent, "“%s”已停用", pNew->zName);
  }
  return c->err.n ? FZ_INVALID : FZ_OK;
}

int dept_move_count(Ctx *c, i64 id, i64 iParent, DeptMove *pm){
  DeptRow p, n;
  Stmt q;
  memset(pm, 0, sizeof *pm);
  int rc = move_check(c, id, iParent, &p, &n);
  if( rc ) return rc;
  pm->zFrom = dept_name(c, p.iParent);
  pm->zTo = n.zName;
  if( db_prepare(c->pDb, &q, "SELECT (SELECT COUNT(*) FROM dept WHERE " SQL_IN_SCOPE("path", 1, 2) "),"
                             " (SELECT COUNT(*) FROM users WHERE " SQL_DEPT_IN_SCOPE("dept_id", 1, 2) ")") ){
    return err_internal(c, "dept_move: %s", db_errmsg(c->pDb));
  }
  db_bind_scope(&q, 1, 2, p.zPath);
  if( db_step(&q)==DB_ROW ){ pm->nDept = db_column_int64(&q, 0); pm->nUser = db_column_int64(&q, 1); }
  db_finalize(&q);
  for(int i=0; i<kind_count(); i++){
    SqlBuf b;
    sqlbuf_init(&b);
    sql_lit(&b, "SELECT COUNT(*) FROM ");
    sql_ident(&b, kind_at(i)->zName);
    sql_lit(&b, " WHERE " SQL_DEPT_IN_SCOPE("dept_id", 1, 2));
    rc = db_prepare_buf(c->pDb, &q, &b);
    sqlbuf_free(&b);
    if( rc ) return err_internal(c, "dept_move: %s", db_errmsg(c->pDb));
    db_bind_scope(&q, 1, 2, p.zPath);
    if( db_step(&q)==DB_ROW ) pm->nRecord += db_column_int64(&q, 0);
    db_finalize(&q);
  }
  return FZ_OK;
}

int dept_move(Ctx *c, i64 id, i64 iParent){
  DeptRow p, n;
  Stmt q;
  int rc = move_check(c, id, iParent, &p, &n);
  if( rc ) return rc;
  if( db_begin_write(c->pDb) ) return err_internal(c, "dept_move: %s", db_errmsg(c->pDb));
  const char *zBefore = audit_rows(c, "dept", "");
  if( zBefore==0 ) goto db_fail;
  /* "/1/4/9/…" becomes "/1/6/9/…" for the department and all below it */
  if( db_prepare(c->pDb, &q, "UPDATE dept SET path=?1 || substr(path, ?4) WHERE " SQL_IN_SCOPE("path", 2, 3)) ) goto db_fail;
  db_bind_text(&q, 1, n.zPath);
  db_bind_scope(&q, 2, 3, p.zPath);
  size_t nOwn = strlen(p.zPath) - 1;             /* p.zPath ends "/9/": 9 starts after the '/' before it */
  while( nOwn>0 && p.zPath[nOwn-1]!='/' ) nOwn--;
  db_bind_int64(&q, 4, (i64)nOwn + 1);            /* substr counts from 1 */
  rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ) goto db_fail;
  if( db_prepare(c->pDb, &q, "UPDATE dept SET parent_id=?1 WHERE id=?2") ) goto db_fail;
  db_bind_int64(&q, 1, iParent);
  db_bind_int64(&q, 2, id);
  rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ) goto db_fail;
  /* prule_gen_bump: paths changed, and the 地方规定 match jurisdictions by path */
  if( audit_rows_log(c, "dept_move", "dept", "", id, zBefore) || prule_gen_bump(c->pDb) || db_commit(c->pDb) ) goto db_fail;
  return FZ_OK;
db_fail:
  rc = err_internal(c, "dept_move: %s", db_errmsg(c->pDb));
  db_rollback(c->pDb);
  return rc;
}
