/*
** src/engine/number.c — the number a new record is proposed (案号 示复〔2026〕
** 524号) from its field's declared pattern (Field.zNumbering) and the
** numbers the county's records of the year already hold. A proposal only:
** the clerk may change it, and uniqueness is still F_UNIQUE's check when
** the record is written (rec_check_unique), so two clerks proposed the same
** number cannot both save it.
*/
#include "engine/record.h"
#include "engine/setting.h"
#include <string.h>
#include <stdlib.h>

/* The county's short name for numbers: its county_short setting (the
** county's own NAME@ID row first), else the first character of its name. */
static const char *county_short(Ctx *c, i64 iUnit){
  const char *z = 0;
  if( iUnit ) z = setting_get(c->pDb, c->pArena, arena_printf(c->pArena, "county_short@%lld", (long long)iUnit));
  if( z==0 || z[0]==0 ) z = setting_get(c->pDb, c->pArena, "county_short");
  if( z && z[0] ) return z;
  const char *zName = iUnit ? dept_name(c, iUnit) : dept_county_name(c->pDb, c->pArena, c->pActor->zDeptPath);
  if( zName==0 || zName[0]==0 ) return "";
  size_t n = 1;
  while( ((unsigned char)zName[n] & 0xC0)==0x80 ) n++;       /* one UTF-8 character */
  return arena_strndup(c->pArena, zName, n);
}

/* The pattern with {short} and {year} written out, split at {n}. */
static int pattern_parts(Ctx *c, const char *zPat, const char *zShort, int iYear, const char **pzPre, const char **pzPost){
  Buf b;
  buf_init(&b);
  const char *zN = 0;
  for(const char *p=zPat; *p; ){
    if( strncmp(p, "{short}", 7)==0 ){ buf_puts(&b, zShort); p += 7; }
    else if( strncmp(p, "{year}", 6)==0 ){ buf_raw_printf(&b, "%04d", iYear); p += 6; }
    else if( strncmp(p, "{n}", 3)==0 && zN==0 ){
      *pzPre = arena_strdup(c->pArena, buf_cstr(&b));
      buf_free(&b);
      buf_init(&b);
      zN = p; p += 3;
    }else buf_putc(&b, *p++);
  }
  *pzPost = arena_strdup(c->pArena, buf_cstr(&b));
  buf_free(&b);
  return zN ? 0 : 1;
}

int rec_number_propose(Ctx *c, const Kind *k, const Field *f, i64 iDept, RecNumber *pOut){
  memset(pOut, 0, sizeof *pOut);
  if( f==0 || f->zNumbering==0 ) return FZ_NOTFOUND;
  i64 iUnit = dept_unit_id(c, iDept);
  const char *zPre = 0, *zPost = 0;
  if( pattern_parts(c, f->zNumbering, county_short(c, iUnit), atoi(c->zToday), &zPre, &zPost) ) return FZ_NOTFOUND;
  /* the year's numbers so far: prefix…suffix, digits between */
  Buf like;
  buf_init(&like);
  for(const char *p=zPre; *p; p++){ if( *p=='%' || *p=='_' || *p=='\\' ) buf_putc(&like, '\\'); buf_putc(&like, *p); }
  buf_putc(&like, '%');
  for(const char *p=zPost; *p; p++){ if( *p=='%' || *p=='_' || *p=='\\' ) buf_putc(&like, '\\'); buf_putc(&like, *p); }
  SqlBuf b;
  Stmt q;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT "); sql_ident(&b, f->zName); sql_lit(&b, " FROM "); sql_ident(&b, k->zName);
  sql_lit(&b, " WHERE unit_id=?1 AND "); sql_ident(&b, f->zName); sql_lit(&b, " LIKE ?2 ESCAPE '\\'");
  int rc = db_prepare_buf(c->pDb, &q, &b);
  sqlbuf_free(&b);
  if( rc ){ buf_free(&like); return err_internal(c, "rec_number_propose %s: %s", k->zName, db_errmsg(c->pDb)); }
  db_bind_int64(&q, 1, iUnit);
  db_bind_text(&q, 2, buf_cstr(&like));
  long long nMax = 0;
  size_t nPre = strlen(zPre), nPost = strlen(zPost);
  while( (rc = db_step(&q))==DB_ROW ){
    const char *z = db_column_text(&q, 0);
    size_t n = z ? strlen(z) : 0;
    if( n<=nPre+nPost ) continue;
    size_t nMid = n - nPre - nPost;
    if( nMid>9 || strspn(z+nPre, "0123456789")!=nMid ) continue;     /* 示复〔2026〕补1号: not a number of the series */
    long long v = atoll(z+nPre);
    if( v>nMax ) nMax = v;
  }
  db_finalize(&q);
  buf_free(&like);
  if( rc!=DB_DONE ) return err_internal(c, "rec_number_propose %s: %s", k->zName, db_errmsg(c->pDb));
  pOut->nLast = nMax;
  pOut->zNext = arena_printf(c->pArena, "%s%lld%s", zPre, nMax+1, zPost);
  pOut->zPattern = arena_printf(c->pArena, "%sN%s", zPre, zPost);
  return FZ_OK;
}
