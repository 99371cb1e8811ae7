/*
** src/engine/ddl.c — tables for the declared kinds.
**
** One typed table per kind, generated from aField: TEXT for text, dates and
** enum ids, BIGINT for integers, booleans and references. A field added to
** a declaration becomes a column on the next start (ALTER TABLE ADD
** COLUMN): the declaration is the migration. Indexes: department, state,
** the year date, and per F_UNIQUE field a plain index on the value and a
** UNIQUE index on (unit_id, [version,] value): a value is unique within a
** county (unit_id, the county of the record's department; see
** dept_unit_id), so counties sharing a database keep their own numbers
** while the database still refuses a second writer's duplicate within one.
*/
#include "engine/ddl.h"
#include "base/arena.h"
#include <stdio.h>
#include <string.h>

/* Whether table k has column zCol. */
static int has_column(Db *pDb, const Kind *k, const char *zCol){
  SqlBuf b;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT ");
  sql_ident(&b, zCol);
  sql_lit(&b, " FROM ");
  sql_ident(&b, k->zName);
  sql_lit(&b, " LIMIT 0");
  int ok = db_compiles_buf(pDb, &b);
  sqlbuf_free(&b);
  return ok;
}

static int run(Db *pDb, SqlBuf *b);
static int make_indexes(Db *pDb, const Kind *k, SqlBuf *pB);
static void create_sql(Db *pDb, const Kind *k, SqlBuf *b, int bIfNot);

/* A table of an older version, whose values were unique in the whole
** database: add unit_id, fill it from each row's department (innermost
** unit first: a county's rows take the county, the rest their city or
** root, as dept_unit_id says), and drop the database-wide UNIQUE indexes
** (named like the plain ones that replace them). One transaction. */
static int add_unit(Db *pDb, const Kind *k){
  SqlBuf b;
  Stmt q;
  sqlbuf_init(&b);
  if( db_begin_write(pDb) ) return 1;
  sql_lit(&b, "ALTER TABLE "); sql_ident(&b, k->zName); sql_lit(&b, " ADD COLUMN unit_id BIGINT");
  if( run(pDb, &b) ) goto fail;
  /* counties, then cities, then roots; deepest first within each */
  if( db_prepare(pDb, &q, "SELECT id, path FROM dept WHERE dtype IN ('county','city') OR parent_id IS NULL"
                          " ORDER BY CASE dtype WHEN 'county' THEN 0 WHEN 'city' THEN 1 ELSE 2 END, length(path) DESC, id") ) goto fail;
  {
    i64 aId[1024];
    const char *azPath[1024];
    Arena a;
    arena_init(&a);
    int n = 0, rc = 0;
    for(;;){
      int bRow = db_step(&q)==DB_ROW;
      if( bRow && n<1024 ){
        aId[n] = db_column_int64(&q, 0);
        azPath[n++] = arena_strdup(&a, db_column_text(&q, 1));
        continue;
      }
      db_finalize(&q);
      if( bRow ) rc = 1;                     /* more than 1024 units: not expected; refuse loudly */
      break;
    }
    for(int i=0; i<n && rc==0; i++){
      SqlBuf u;
      Stmt s;
      sqlbuf_init(&u);
      sql_lit(&u, "UPDATE "); sql_ident(&u, k->zName);
      sql_lit(&u, " SET unit_id=?1 WHERE unit_id IS NULL AND " SQL_DEPT_IN_SCOPE("dept_id", 2, 3));
      if( db_prepare_buf(pDb, &s, &u) ){ rc = 1; sqlbuf_free(&u); break; }
      db_bind_int64(&s, 1, aId[i]);
      db_bind_scope(&s, 2, 3, azPath[i]);
      if( db_step(&s)!=DB_DONE ) rc = 1;
      db_finalize(&s);
      sqlbuf_free(&u);
    }
    arena_free(&a);
    if( rc ) goto fail;
  }
  for(const Field *f=k->aField; f->zName; f++){
    if( !(f->flags & F_UNIQUE) ) continue;
    sql_lit(&b, "DROP INDEX IF EXISTS ");
    sql_ident(&b, k->zName); sql_lit(&b, "__"); sql_ident(&b, f->zName);
    if( run(pDb, &b) ) goto fail;
  }
  sqlbuf_free(&b);
  return db_commit(pDb);
fail:
  sqlbuf_free(&b);
  db_rollback(pDb);
  return 1;
}

static int col_type_int(const Field *f){
  return field_is_int(f);
}

static int column_exists(Db *pDb, const Kind *k, const Field *f){
  return has_column(pDb, k, f->zName);
}

static int run(Db *pDb, SqlBuf *b){
  int rc = db_exec_sql(pDb, buf_cstr(&b->b));
  sqlbuf_free(b);
  sqlbuf_init(b);
  return rc;
}

int ddl_sync_kind(Db *pDb, const Kind *k, char *zErr, int nErr){
  SqlBuf b;
  sqlbuf_init(&b);
  create_sql(pDb, k, &b, 1);
  if( run(pDb, &b) ) goto fail;
  if( !has_column(pDb, k, "unit_id") && add_unit(pDb, k) ) goto fail;
  for(const Field *f=k->aField; f->zName; f++){
    if( column_exists(pDb, k, f) ) continue;
    sql_lit(&b, "ALTER TABLE ");
    sql_ident(&b, k->zName);
    sql_lit(&b, " ADD COLUMN ");
    sql_ident(&b, f->zName);
    if( col_type_int(f) ) sql_lit(&b, " BIGINT"); else sql_lit(&b, " TEXT");
    if( run(pDb, &b) ) goto fail;
  }
  /* A department field kept as text by an older version: names become
  ** ids (the casts let the same statement run on a BIGINT column, where
  ** it changes nothing). */
  for(const Field *f=k->aField; f->zName; f++){
    if( f->eType!=FT_DEPT ) continue;
    sql_lit(&b, "UPDATE "); sql_ident(&b, k->zName); sql_lit(&b, " SET "); sql_ident(&b, f->zName);
    sql_lit(&b, "=(SELECT id FROM dept WHERE dept.name=CAST("); sql_ident(&b, k->zName); sql_lit(&b, ".");
    sql_ident(&b, f->zName); sql_lit(&b, " AS TEXT)) WHERE CAST("); sql_ident(&b, f->zName);
    sql_lit(&b, " AS TEXT) IN (SELECT name FROM dept)");
    if( run(pDb, &b) ) goto fail;
  }
  if( make_indexes(pDb, k, &b) ) goto fail;
  sqlbuf_free(&b);
  return 0;
fail:
  snprintf(zErr, (size_t)nErr, "建表失败（%s）：%s", k->zName, db_errmsg(pDb));
  sqlbuf_free(&b);
  return 1;
}

/* Indexes, named <kind>__<what>: department, state, and per F_UNIQUE,
** F_YEAR or FT_REF field (IF NOT EXISTS: run again, nothing changes). */
static int make_indexes(Db *pDb, const Kind *k, SqlBuf *pB){
  SqlBuf b = *pB;
  const char *azIdx[] = { "dept_id", "state", 0 };
  for(int i=0; azIdx[i]; i++){
    sql_lit(&b, "CREATE INDEX IF NOT EXISTS ");
    sql_ident(&b, k->zName); sql_lit(&b, "__"); sql_ident(&b, azIdx[i]);
    sql_lit(&b, " ON "); sql_ident(&b, k->zName);
    sql_lit(&b, "("); sql_ident(&b, azIdx[i]); sql_lit(&b, ")");
    if( run(pDb, &b) ) goto fail;
  }
  for(const Field *f=k->aField; f->zName; f++){
    if( !(f->flags & (F_UNIQUE|F_YEAR)) && f->eType!=FT_REF ) continue;
    sql_lit(&b, "CREATE INDEX IF NOT EXISTS ");
    sql_ident(&b, k->zName); sql_lit(&b, "__"); sql_ident(&b, f->zName);
    sql_lit(&b, " ON "); sql_ident(&b, k->zName);
    sql_lit(&b, "(");
    /* within a version: the year leads (it also serves the year filter) */
    const Field *fy = kind_year_field(k);
    if( (f->flags & F_UNIQUE) && k->pVersion && fy!=f ){ sql_ident(&b, fy->zName); sql_lit(&b, ", "); }
    sql_ident(&b, f->zName); sql_lit(&b, ")");
    if( run(pDb, &b) ) goto fail;
    if( !(f->flags & F_UNIQUE) ) continue;
    /* unique within a county (and a version) */
    sql_lit(&b, "CREATE UNIQUE INDEX IF NOT EXISTS ");
    sql_ident(&b, k->zName); sql_lit(&b, "__unit__"); sql_ident(&b, f->zName);
    sql_lit(&b, " ON "); sql_ident(&b, k->zName);
    sql_lit(&b, "(unit_id, ");
    if( k->pVersion && fy!=f ){ sql_ident(&b, fy->zName); sql_lit(&b, ", "); }
    sql_ident(&b, f->zName); sql_lit(&b, ")");
    if( run(pDb, &b) ) goto fail;
  }
  *pB = b;
  return 0;
fail:
  *pB = b;
  return 1;
}

/* The CREATE TABLE of k: the fixed columns, then one per field. */
static void create_sql(Db *pDb, const Kind *k, SqlBuf *b, int bIfNot){
  if( bIfNot ) sql_lit(b, "CREATE TABLE IF NOT EXISTS "); else sql_lit(b, "CREATE TABLE ");
  sql_ident(b, k->zName);
  sql_lit(b, "(");
  buf_puts(&b->b, db_ddl_pk(pDb));    /* a dialect constant, not user text */
  sql_lit(b, ", dept_id BIGINT NOT NULL, state TEXT NOT NULL,"
             " created_at TEXT NOT NULL, updated_at TEXT NOT NULL, unit_id BIGINT");
  for(const Field *f=k->aField; f->zName; f++){
    sql_lit(b, ", ");
    sql_ident(b, f->zName);
    if( col_type_int(f) ) sql_lit(b, " BIGINT"); else sql_lit(b, " TEXT");
  }
  sql_lit(b, ")");
}

int ddl_kind_define(Db *pDb, const Kind *k, const Kind *pPrev, char *zErr, int nErr){
  SqlBuf b;
  sqlbuf_init(&b);
  if( pPrev==0 ){
    create_sql(pDb, k, &b, 0);
    if( run(pDb, &b) ) goto fail;
  }else{
    for(const Field *f=k->aField; f->zName; f++){
      if( kind_field(pPrev, f->zName) ) continue;
      sql_lit(&b, "ALTER TABLE ");
      sql_ident(&b, k->zName);
      sql_lit(&b, " ADD COLUMN ");
      sql_ident(&b, f->zName);
      if( col_type_int(f) ) sql_lit(&b, " BIGINT"); else sql_lit(&b, " TEXT");
      if( run(pDb, &b) ) goto fail;
    }
  }
  if( make_indexes(pDb, k, &b) ) goto fail;
  sqlbuf_free(&b);
  return 0;
fail:
  snprintf(zErr, (size_t)nErr, "建表失败（%s）：%s", k->zName, db_errmsg(pDb));
  sqlbuf_free(&b);
  return 1;
}

int ddl_sync_all(Db *pDb, char *zErr, int nErr){
  for(int i=0; i<kind_count(); i++){
    if( ddl_sync_kind(pDb, kind_at(i), zErr, nErr) ) return 1;
  }
  return 0;
}
