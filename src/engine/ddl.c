/*
** src/engine/ddl.c — tables for the declared kinds.
**
** One typed table per kind, generated from aField: TEXT for text, dates and
** enum ids, BIGINT for integers, booleans and references. A field added to
** a declaration becomes a column on the next start (ALTER TABLE ADD
** COLUMN): the declaration is the migration. Indexes: department, state,
** the year date, and a UNIQUE index per F_UNIQUE field.
*/
#include "engine/ddl.h"
#include <stdio.h>
#include <string.h>

static int col_type_int(const Field *f){
  return field_is_int(f);
}

static int column_exists(Db *pDb, const Kind *k, const Field *f){
  SqlBuf b;
  Stmt q;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT ");
  sql_ident(&b, f->zName);
  sql_lit(&b, " FROM ");
  sql_ident(&b, k->zName);
  sql_lit(&b, " LIMIT 0");
  int ok = db_prepare_buf(pDb, &q, &b)==DB_OK;
  if( ok ) db_finalize(&q);
  sqlbuf_free(&b);
  return ok;
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
  sql_lit(&b, "CREATE TABLE IF NOT EXISTS ");
  sql_ident(&b, k->zName);
  sql_lit(&b, "(");
  buf_puts(&b.b, db_ddl_pk(pDb));    /* a dialect constant, not user text */
  sql_lit(&b, ", dept_id BIGINT NOT NULL, state TEXT NOT NULL,"
              " created_at TEXT NOT NULL, updated_at TEXT NOT NULL");
  for(const Field *f=k->aField; f->zName; f++){
    sql_lit(&b, ", ");
    sql_ident(&b, f->zName);
    if( col_type_int(f) ) sql_lit(&b, " BIGINT"); else sql_lit(&b, " TEXT");
  }
  sql_lit(&b, ")");
  if( run(pDb, &b) ) goto fail;
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
  /* Indexes, named <kind>__<what>. */
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
    sql_lit(&b, "CREATE ");
    if( f->flags & F_UNIQUE ) sql_lit(&b, "UNIQUE ");
    sql_lit(&b, "INDEX IF NOT EXISTS ");
    sql_ident(&b, k->zName); sql_lit(&b, "__"); sql_ident(&b, f->zName);
    sql_lit(&b, " ON "); sql_ident(&b, k->zName);
    sql_lit(&b, "(");
    /* unique within a version: the year leads (it also serves the year filter) */
    const Field *fy = kind_year_field(k);
    if( (f->flags & F_UNIQUE) && k->pVersion && fy!=f ){ sql_ident(&b, fy->zName); sql_lit(&b, ", "); }
    sql_ident(&b, f->zName); sql_lit(&b, ")");
    if( run(pDb, &b) ) goto fail;
  }
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
