/*
** src/db/sqlbuf.c — the builder for dynamic SQL (see db.h).
**
** Only three things go in: string literals, identifiers that match
** [a-z_][a-z0-9_]* (the registry's field and table names), and ?N
** placeholders. A user's text can therefore never become SQL.
*/
#include "db/db.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sqlbuf_init(SqlBuf *p){ buf_init(&p->b); p->nParam = 0; }
void sqlbuf_free(SqlBuf *p){ buf_free(&p->b); }
void sqlbuf_lit_(SqlBuf *p, const char *z){ buf_puts(&p->b, z); }

void sql_ident(SqlBuf *p, const char *z){
  const char *s = z;
  if( !(*s=='_' || (*s>='a' && *s<='z')) ) goto bad;
  for(; *s; s++){
    if( !(*s=='_' || (*s>='a' && *s<='z') || (*s>='0' && *s<='9')) ) goto bad;
  }
  buf_puts(&p->b, z);
  return;
bad:
  fprintf(stderr, "fazhi: invalid SQL identifier \"%s\"\n", z);
  abort();
}

int sql_param(SqlBuf *p){
  p->nParam++;
  buf_raw_printf(&p->b, "?%d", p->nParam);
  return p->nParam;
}
void sql_int(SqlBuf *p, i64 v){ buf_raw_printf(&p->b, "%lld", (long long)v); }

int sql_scope(SqlBuf *p, const char *zAlias){
  sql_lit(p, "substr(");
  if( zAlias ){ sql_ident(p, zAlias); sql_lit(p, "."); }
  sql_lit(p, "path, 1, ");
  int iLen = sql_param(p);
  sql_lit(p, ")=");
  sql_param(p);
  return iLen;
}

/* Binds the scope's length and path to the placeholders of SQL_IN_SCOPE or sql_scope. */
int db_bind_scope(Stmt *q, int iLen, int iPath, const char *zScope){
  int rc = db_bind_int64(q, iLen, (i64)strlen(zScope));
  return rc ? rc : db_bind_text(q, iPath, zScope);
}
