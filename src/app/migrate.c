/*
** src/app/migrate.c — moving a county into another database (SQLite file
** to PostgreSQL; several counties into one province database).
**
** All or nothing, in one write transaction on the target (the caller's,
** when it opened the target with app_open_begin: then a new target's
** tables are made in it too, and a migration killed early leaves no empty
** tables behind). Any failure is reported in Chinese, naming what the
** target refused: a record by its kind, its id in the source, its field
** and value. The source must
** pass `fazhi check` first. Ids are shifted past what the target already
** holds (department, user, record and reference ids alike), so counties
** never collide; a department whose name the target already uses is
** prefixed with its county's name, and a login the target already has is
** refused unless --login-prefix renames every login of the county.
**
** The audit log: the source's entries are kept verbatim, with their
** original ids and hashes, in audit_archive under a new migration row
** (its entry count and last hash). The target's own chain gets one
** "migrate" entry naming the source, that count and that hash, followed by
** "import" entries holding every moved record as written, so `fazhi check`
** verifies the target's chain, each archived chain against its migrate
** entry, and every record against its last logged state.
*/
#include "app/app.h"
#include "engine/holiday.h"
#include "engine/prule.h"
#include "audit/audit.h"
#include "base/json.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "engine/record.h"
#include "engine/kinddef.h"
#include "engine/ddl.h"
#include "base/progress.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MIGRATE_CHUNK 10000      /* records per audit entry, as an import writes them */

typedef struct Mig {
  Db *pSrc, *pDst;
  Ctx *c;                    /* on the target, as the command-line actor */
  Ctx src;                   /* on the source */
  const char *zPrefix;       /* for logins, or "" */
  i64 iDeptOff, iUserOff, iMigOff;
  i64 *aKindOff;             /* per kind (registry order) */
  i64 iNewRoot;
  const char *zCounty;
  Buf renamed;               /* JSON array of renamed departments */
  i64 nRecords;
  const char *zStage;        /* what is being written, for an error: 部门, 账号, 行政复议记录… */
  const Kind *pClash;        /* the kind whose rows the target refused (a UNIQUE index) */
} Mig;

static i64 max_id(Db *p, const char *zTable){
  SqlBuf b;
  Stmt q;
  i64 n = 0;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT COALESCE(MAX(id),0) FROM ");
  sql_ident(&b, zTable);
  if( db_prepare_buf(p, &q, &b)==DB_OK ){
    if( db_step(&q)==DB_ROW ) n = db_column_int64(&q, 0);
    db_finalize(&q);
  }
  sqlbuf_free(&b);
  return n;
}

static int name_taken(Db *p, const char *zName){
  Stmt q;
  int b = 0;
  if( db_prepare(p, &q, "SELECT 1 FROM dept WHERE name=?1")==DB_OK ){
    db_bind_text(&q, 1, zName);
    b = db_step(&q)==DB_ROW;
    db_finalize(&q);
  }
  return b;
}

/* "/1/4/" shifted by n: "/1001/1004/". */
static char *shift_path(Arena *a, const char *zPath, i64 n){
  Buf b;
  buf_init(&b);
  for(const char *s=zPath; *s; ){
    if( *s=='/' ){ buf_putc(&b, '/'); s++; continue; }
    char *e;
    long long v = strtoll(s, &e, 10);
    buf_raw_printf(&b, "%lld", v + (long long)n);
    s = e>s ? e : s+1;
  }
  char *z = arena_strdup(a, buf_cstr(&b));
  buf_free(&b);
  return z;
}

static int move_depts(Mig *m){
  Ctx *c = m->c;
  Stmt q, ins;
  int rc = 0;
  if( db_prepare(m->pSrc, &q, "SELECT id, parent_id, name, dtype, path, sort_no FROM dept ORDER BY path") ) return 1;
  if( db_prepare(m->pDst, &ins, "INSERT INTO dept(id, parent_id, name, dtype, path, sort_no)"
                                " VALUES(?1,?2,?3,?4,?5,?6)") ){ db_finalize(&q); return 1; }
  Json j;
  json_init(&j, &m->renamed);
  json_arr_begin(&j);
  while( rc==0 && db_step(&q)==DB_ROW ){
    i64 id = db_column_int64(&q, 0) + m->iDeptOff;
    int bRoot = db_column_is_null(&q, 1);
    const char *zName = db_column_text(&q, 2);
    if( bRoot ){
      m->iNewRoot = id;
      m->zCounty = arena_strdup(c->pArena, zName);
      if( name_taken(m->pDst, zName) ){
        err_add(c, 0, 0, "目标数据库中已有“%s”：这个县可能已经迁移过，未做任何改动", zName);
        rc = 1;
        break;
      }
    }
    if( !bRoot && name_taken(m->pDst, zName) ){
      const char *zNew = arena_printf(c->pArena, "%s%s", m->zCounty ? m->zCounty : "", zName);
      if( name_taken(m->pDst, zNew) ){
        err_add(c, 0, 0, "部门“%s”在目标数据库中已存在，改名为“%s”也已存在", zName, zNew);
        rc = 1;
        break;
      }
      json_obj_begin(&j);
      json_kstr(&j, "from", zName);
      json_kstr(&j, "to", zNew);
      json_obj_end(&j);
      zName = zNew;
    }
    db_bind_int64(&ins, 1, id);
    if( bRoot ) db_bind_null(&ins, 2); else db_bind_int64(&ins, 2, db_column_int64(&q, 1) + m->iDeptOff);
    db_bind_text(&ins, 3, zName);
    db_bind_text(&ins, 4, db_column_text(&q, 3));
    db_bind_text(&ins, 5, shift_path(c->pArena, db_column_text(&q, 4), m->iDeptOff));
    db_bind_int64(&ins, 6, db_column_int64(&q, 5) + m->iDeptOff);
    if( db_step(&ins)!=DB_DONE ) rc = 1;
    db_reset(&ins);
  }
  json_arr_end(&j);
  db_finalize(&q);
  db_finalize(&ins);
  return rc;
}

static int move_users(Mig *m){
  Ctx *c = m->c;
  Stmt q, ins, chk;
  int rc = 0, nClash = 0;
  if( db_prepare(m->pSrc, &q, "SELECT id, login, name, role, dept_id, pw_hash, disabled, created_at, pw_temp"
                              " FROM users ORDER BY id") ) return 1;
  if( db_prepare(m->pDst, &chk, "SELECT 1 FROM users WHERE login=?1") ){ db_finalize(&q); return 1; }
  if( db_prepare(m->pDst, &ins, "INSERT INTO users(id, login, name, role, dept_id, pw_hash, disabled, created_at, pw_temp)"
                                " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)") ){ db_finalize(&q); db_finalize(&chk); return 1; }
  while( rc==0 && db_step(&q)==DB_ROW ){
    const char *zLogin = arena_printf(c->pArena, "%s%s", m->zPrefix, db_column_text(&q, 1));
    db_bind_text(&chk, 1, zLogin);
    int bTaken = db_step(&chk)==DB_ROW;
    db_reset(&chk);
    if( bTaken ){
      if( nClash++ < 10 ) err_add(c, 0, 0, "账号“%s”在目标数据库中已存在", zLogin);
      continue;
    }
    db_bind_int64(&ins, 1, db_column_int64(&q, 0) + m->iUserOff);
    db_bind_text(&ins, 2, zLogin);
    db_bind_text(&ins, 3, db_column_text(&q, 2));
    db_bind_text(&ins, 4, db_column_text(&q, 3));
    db_bind_int64(&ins, 5, db_column_int64(&q, 4) + m->iDeptOff);
    db_bind_text(&ins, 6, db_column_text(&q, 5));
    db_bind_int64(&ins, 7, db_column_int64(&q, 6));
    db_bind_text(&ins, 8, db_column_text(&q, 7));
    db_bind_int64(&ins, 9, db_column_int64(&q, 8));     /* a one-time password stays one-time */
    if( db_step(&ins)!=DB_DONE ) rc = 1;
    db_reset(&ins);
  }
  if( nClash ){
    err_add(c, 0, 0, "共%d个账号重名；可用 --login-prefix 前缀 为本县全部账号加前缀（如 --login-prefix xx-）", nClash);
    rc = 1;
  }
  db_finalize(&q);
  db_finalize(&chk);
  db_finalize(&ins);
  return rc;
}

/* Settings the target lacks are copied; one it has with another value is
** kept as NAME@<county root id>, so nothing is lost. Holidays: the union. */
static int move_settings(Mig *m){
  Stmt q, get, ins;
  int rc = 0;
  if( db_prepare(m->pSrc, &q, "SELECT name, value FROM setting ORDER BY name") ) return 1;
  if( db_prepare(m->pDst, &get, "SELECT value FROM setting WHERE name=?1") ){ db_finalize(&q); return 1; }
  if( db_prepare(m->pDst, &ins, "INSERT INTO setting(name, value) VALUES(?1,?2)") ){
    db_finalize(&q); db_finalize(&get); return 1;
  }
  while( rc==0 && db_step(&q)==DB_ROW ){
    const char *zName = db_column_text(&q, 0), *zValue = db_column_text(&q, 1);
    /* not the source's internal ones (its key boundary, its calendar
    ** digest): the target has its own */
    const Setting *s = setting_find(zName);
    if( s && s->eWho==SET_INTERNAL ) continue;
    db_bind_text(&get, 1, zName);
    int bHas = db_step(&get)==DB_ROW;
    int bSame = bHas && strcmp(db_column_text(&get, 0), zValue)==0;
    db_reset(&get);
    if( bSame ) continue;
    db_bind_text(&ins, 1, bHas ? arena_printf(m->c->pArena, "%s@%lld", zName, (long long)m->iNewRoot) : zName);
    db_bind_text(&ins, 2, zValue);
    if( db_step(&ins)!=DB_DONE ) rc = 1;
    db_reset(&ins);
  }
  db_finalize(&q);
  db_finalize(&get);
  db_finalize(&ins);
  if( rc ) return rc;
  if( db_prepare(m->pSrc, &q, "SELECT day, dkind, name FROM holiday ORDER BY day") ) return 1;
  if( db_prepare(m->pDst, &get, "SELECT 1 FROM holiday WHERE day=?1") ){ db_finalize(&q); return 1; }
  if( db_prepare(m->pDst, &ins, "INSERT INTO holiday(day, dkind, name) VALUES(?1,?2,?3)") ){
    db_finalize(&q); db_finalize(&get); return 1;
  }
  while( rc==0 && db_step(&q)==DB_ROW ){
    db_bind_text(&get, 1, db_column_text(&q, 0));
    int bHas = db_step(&get)==DB_ROW;
    db_reset(&get);
    if( bHas ) continue;
    for(int i=0; i<3; i++) db_bind_text(&ins, i+1, db_column_text(&q, i));
    if( db_step(&ins)!=DB_DONE ) rc = 1;
    db_reset(&ins);
  }
  db_finalize(&q);
  db_finalize(&get);
  db_finalize(&ins);
  if( rc ) return rc;
  /* the years an admin marked whole (年度安排已完整登记), where the target has no mark */
  if( db_prepare(m->pSrc, &q, "SELECT year, notice, marked_by, marked_at FROM holiday_year ORDER BY year") ) return 1;
  if( db_prepare(m->pDst, &get, "SELECT 1 FROM holiday_year WHERE year=?1") ){ db_finalize(&q); return 1; }
  if( db_prepare(m->pDst, &ins, "INSERT INTO holiday_year(year, notice, marked_by, marked_at) VALUES(?1,?2,?3,?4)") ){
    db_finalize(&q); db_finalize(&get); return 1;
  }
  while( rc==0 && db_step(&q)==DB_ROW ){
    db_bind_int64(&get, 1, db_column_int64(&q, 0));
    int bHas = db_step(&get)==DB_ROW;
    db_reset(&get);
    if( bHas ) continue;
    db_bind_int64(&ins, 1, db_column_int64(&q, 0));
    for(int i=1; i<4; i++) db_bind_text(&ins, i+1, db_column_text(&q, i));
    if( db_step(&ins)!=DB_DONE ) rc = 1;
    db_reset(&ins);
  }
  db_finalize(&q);
  db_finalize(&get);
  db_finalize(&ins);
  if( rc==0 ) rc = holiday_gen_bump(m->pDst);    /* servers on the target load them */
  return rc;
}

/* The county's 地方规定 (period_rule): its rules name its own units, so
** they move with their department ids shifted and new ids past the
** target's; the guarded-table entry of the migration logs them. */
static int move_prules(Mig *m){
  Stmt q, ins;
  int rc = 0;
  i64 iNext = audit_next_id(m->pDst, "period_rule", "@period_rule");
  if( iNext==0 ) return 1;
  if( db_prepare(m->pSrc, &q, "SELECT kind, deadline, unit_id, level, length, punit, basis, valid_from, valid_to,"
                              " created_by, created_at FROM period_rule ORDER BY id") ) return 1;
  if( db_prepare(m->pDst, &ins, "INSERT INTO period_rule(id, kind, deadline, unit_id, level, length, punit, basis,"
                                " valid_from, valid_to, created_by, created_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)") ){
    db_finalize(&q); return 1;
  }
  int n = 0;
  while( rc==0 && db_step(&q)==DB_ROW ){
    db_bind_int64(&ins, 1, iNext++);
    db_bind_text(&ins, 2, db_column_text(&q, 0));
    db_bind_text(&ins, 3, db_column_text(&q, 1));
    db_bind_int64(&ins, 4, db_column_int64(&q, 2) + m->iDeptOff);
    db_bind_text(&ins, 5, db_column_text(&q, 3));
    db_bind_int64(&ins, 6, db_column_int64(&q, 4));
    for(int i=5; i<10; i++){
      if( db_column_is_null(&q, i) ) db_bind_null(&ins, i+2); else db_bind_text(&ins, i+2, db_column_text(&q, i));
    }
    if( db_step(&ins)!=DB_DONE ) rc = 1;
    db_reset(&ins);
    n++;
  }
  db_finalize(&q);
  db_finalize(&ins);
  if( rc==0 && n ) rc = prule_gen_bump(m->pDst);   /* servers on the target load them */
  return rc;
}

/* A login of the moved county as it is known in the target. */
static const char *prefixed(Mig *m, const char *zLogin){
  if( m->zPrefix==0 || m->zPrefix[0]==0 || zLogin[0]==0 ) return zLogin;
  return arena_printf(m->c->pArena, "%s%s", m->zPrefix, zLogin);
}

/* "dept_only=12" in a draft's text (a breakdown group's token or link)
** names a department by id: moved with the departments. */
static const char *shift_dept_ids(Mig *m, const char *z){
  static const char zTag[] = "dept_only=";
  if( strstr(z, zTag)==0 ) return z;
  Buf b;
  buf_init(&b);
  for(const char *s=z; *s; ){
    const char *t = strstr(s, zTag);
    if( t==0 ){ buf_puts(&b, s); break; }
    t += sizeof zTag - 1;
    buf_append(&b, s, (size_t)(t-s));
    char *zEnd;
    long long id = strtoll(t, &zEnd, 10);
    if( zEnd>t ) buf_raw_printf(&b, "%lld", id + (long long)m->iDeptOff);
    s = zEnd;
  }
  const char *zOut = arena_strdup(m->c->pArena, buf_cstr(&b));
  buf_free(&b);
  return zOut;
}

/*
** Copies every row q reads into ins, column by column as zCols says:
**   'i' an integer as it is      'v' an integer + iOff (an id of this table)
**   'd' a department id (+ the county's department offset)
**   't' a text as it is          'l' a login (prefixed as the county's users)
**   's' a text naming departments ("dept_only=12"), their ids shifted
** A NULL stays NULL. Both statements are the caller's; they are finalized.
*/
static int copy_rows(Mig *m, Stmt *q, Stmt *ins, const char *zCols, i64 iOff){
  int rc = 0;
  while( rc==0 && db_step(q)==DB_ROW ){
    for(int i=0; zCols[i]; i++){
      if( db_column_is_null(q, i) ){ db_bind_null(ins, i+1); continue; }
      const char *z = db_column_text(q, i);
      switch( zCols[i] ){
        case 'v': db_bind_int64(ins, i+1, db_column_int64(q, i) + iOff); break;
        case 'd': db_bind_int64(ins, i+1, db_column_int64(q, i) + m->iDeptOff); break;
        case 'i': db_bind_int64(ins, i+1, db_column_int64(q, i)); break;
        case 'l': db_bind_text(ins, i+1, prefixed(m, z)); break;
        case 's': db_bind_text(ins, i+1, shift_dept_ids(m, z)); break;
        default:  db_bind_text(ins, i+1, z); break;
      }
    }
    if( db_step(ins)!=DB_DONE ) rc = 1;
    db_reset(ins);
  }
  db_finalize(q);
  db_finalize(ins);
  return rc;
}

/* The report's stored versions, its baselines and the 双随机 draws: their
** ids and the department and plan ids they name move with the county. */
static int move_drafts_and_draws(Mig *m, i64 iPlanOff){
  Stmt q, ins;
  i64 iOff = max_id(m->pDst, "report_version");
  if( db_prepare(m->pSrc, &q, "SELECT id, dept_id, year, no, based_on, created_at, created_by,"
                              " frozen_at, frozen_by, frozen_doc FROM report_version ORDER BY id") ) return 1;
  if( db_prepare(m->pDst, &ins, "INSERT INTO report_version(id, dept_id, year, no, based_on, created_at,"
                                " created_by, frozen_at, frozen_by, frozen_doc) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)") ){
    db_finalize(&q); return 1;
  }
  if( copy_rows(m, &q, &ins, "vdiiitltls", iOff) ) return 1;
  if( db_prepare(m->pSrc, &q, "SELECT version_id, pos, btype, tpl, pkey, pstate FROM report_para ORDER BY version_id, pos") ) return 1;
  if( db_prepare(m->pDst, &ins, "INSERT INTO report_para(version_id, pos, btype, tpl, pkey, pstate) VALUES(?1,?2,?3,?4,?5,?6)") ){
    db_finalize(&q); return 1;
  }
  if( copy_rows(m, &q, &ins, "vitsst", iOff) ) return 1;
  /* last year's reports imported as baselines, with their figures */
  if( db_prepare(m->pSrc, &q, "SELECT dept_id, year, imported_at, imported_by, text FROM baseline_report") ) return 1;
  if( db_prepare(m->pDst, &ins, "INSERT INTO baseline_report(dept_id, year, imported_at, imported_by, text)"
                                " VALUES(?1,?2,?3,?4,?5)") ){ db_finalize(&q); return 1; }
  if( copy_rows(m, &q, &ins, "ditlt", 0) ) return 1;
  if( db_prepare(m->pSrc, &q, "SELECT dept_id, year, kind, ind, value, label, sentence FROM baseline_fig") ) return 1;
  if( db_prepare(m->pDst, &ins, "INSERT INTO baseline_fig(dept_id, year, kind, ind, value, label, sentence)"
                                " VALUES(?1,?2,?3,?4,?5,?6,?7)") ){ db_finalize(&q); return 1; }
  if( copy_rows(m, &q, &ins, "dittttt", 0) ) return 1;
  if( db_prepare(m->pSrc, &q, "SELECT plan_id, fixed_at, fixed_by, pool, pool_sha256, drawn_at, drawn_by,"
                              " draw_values, draw_key, result FROM draw ORDER BY plan_id") ) return 1;
  if( db_prepare(m->pDst, &ins, "INSERT INTO draw(plan_id, fixed_at, fixed_by, pool, pool_sha256, drawn_at,"
                                " drawn_by, draw_values, draw_key, result) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)") ){
    db_finalize(&q); return 1;
  }
  return copy_rows(m, &q, &ins, "vtlttttltt", iPlanOff) ? 1 : 0;
}

static const char *const azAuditCol[] = {
  "migration_id", "id", "at", "user_id", "login", "action", "kind", "rec_id",
  "before", "after", "prev_hash", "hash",
};

/* Every record of kind k in the source, in id order (the columns
** rec_select_cols names): prepares *pq; a DB_ code. */
static int src_records(Mig *m, const Kind *k, Stmt *pq){
  SqlBuf b;
  sqlbuf_init(&b);
  rec_select_cols(&b, k);
  sql_lit(&b, " ORDER BY id");
  int rc = db_prepare_buf(m->pSrc, pq, &b);
  sqlbuf_free(&b);
  return rc;
}

/* The source's own archive (a county moved before) comes along, then the
** source's log becomes the archive of this migration. Returns the number
** of entries and the last hash of the source's log; zDigest: SHA-256 folded over each entry's plain hash of its content
** (audit_hash without a key), so that the target, which does not hold the
** source's key, can still tell an archived entry was changed: the digest
** is in the keyed "migrate" entry. */
static int archive_audit(Mig *m, i64 iMig, i64 *pnEntries, char zLast[65], char zDigest[65]){
  Bulk bk;
  Stmt q;
  int rc = 0;
  Sha256 dg;
  sha256_init(&dg);
  *pnEntries = 0;
  zLast[0] = 0;
  if( db_bulk_begin(m->pDst, &bk, "audit_archive", azAuditCol, 12) ) return 1;
  if( db_prepare(m->pSrc, &q, "SELECT migration_id, id, at, user_id, login, action, kind, rec_id,"
                              " before, after, prev_hash, hash FROM audit_archive"
                              " ORDER BY migration_id, id")==DB_OK ){
    db_stream(&q, 20);
    while( rc==0 && db_step(&q)==DB_ROW ){
      db_bulk_int(&bk, db_column_int64(&q, 0) + m->iMigOff);
      db_bulk_int(&bk, db_column_int64(&q, 1));
      for(int i=2; i<12; i++){
        if( i==3 || i==7 ) db_bulk_int(&bk, db_column_int64(&q, i));
        else db_bulk_text(&bk, db_column_text(&q, i));
      }
      rc = db_bulk_row(&bk);
    }
    db_finalize(&q);
  }else rc = 1;
  if( rc==0 && db_prepare(m->pSrc, &q, "SELECT id, at, user_id, login, action, kind, rec_id,"
                                       " before, after, prev_hash, hash FROM audit ORDER BY id")==DB_OK ){
    db_stream(&q, 20);
    while( rc==0 && db_step(&q)==DB_ROW ){
      db_bulk_int(&bk, iMig);
      for(int i=0; i<11; i++){
        if( i==0 || i==2 || i==6 ) db_bulk_int(&bk, db_column_int64(&q, i));
        else db_bulk_text(&bk, db_column_text(&q, i));
      }
      rc = db_bulk_row(&bk);
      (*pnEntries)++;
      snprintf(zLast, 65, "%s", db_column_text(&q, 10));
      char zH[65];
      audit_hash(0, db_column_text(&q, 9), db_column_int64(&q, 0), db_column_text(&q, 1), db_column_int64(&q, 2),
                 db_column_text(&q, 3), db_column_text(&q, 4), db_column_text(&q, 5), db_column_int64(&q, 6),
                 db_column_text(&q, 7), db_column_text(&q, 8), zH);
      sha256_update(&dg, zH, 64);
    }
    db_finalize(&q);
  }else if( rc==0 ) rc = 1;
  unsigned char h[32];
  sha256_final(&dg, h);
  sha256_hex(h, zDigest);
  if( rc ){ db_bulk_abort(&bk); return 1; }
  return db_bulk_end(&bk)!=DB_OK;
}

static int copy_migrations(Mig *m){
  Stmt q, ins;
  int rc = 0;
  if( db_prepare(m->pSrc, &q, "SELECT id, at, source, n_audit, last_hash, map FROM migration ORDER BY id") ) return 1;
  if( db_prepare(m->pDst, &ins, "INSERT INTO migration(id, at, source, n_audit, last_hash, map)"
                                " VALUES(?1,?2,?3,?4,?5,?6)") ){ db_finalize(&q); return 1; }
  while( rc==0 && db_step(&q)==DB_ROW ){
    db_bind_int64(&ins, 1, db_column_int64(&q, 0) + m->iMigOff);
    db_bind_text(&ins, 2, db_column_text(&q, 1));
    db_bind_text(&ins, 3, db_column_text(&q, 2));
    db_bind_int64(&ins, 4, db_column_int64(&q, 3));
    db_bind_text(&ins, 5, db_column_text(&q, 4));
    db_bind_text(&ins, 6, db_column_text(&q, 5));
    if( db_step(&ins)!=DB_DONE ) rc = 1;
    db_reset(&ins);
  }
  db_finalize(&q);
  db_finalize(&ins);
  return rc;
}

static int write_chunk(Mig *m, const Kind *k, Buf *pLines){
  if( pLines->n==0 ) return 0;
  if( pLines->z[pLines->n-1]=='\n' ) pLines->z[--pLines->n] = 0;
  int rc = audit_append(m->c, "import", k->zName, 0, "", buf_cstr(pLines));
  buf_reset(pLines);
  return rc;
}

/* The county's own 台账 (自定义台账): every version of every definition
** (kind_def, guarded: the rows are logged with the other guarded tables at
** the end), ids shifted past the target's and owners with the department
** tree; then each kind's table is made in the target from its newest
** version (its removed fields kept as columns) and the registry is read
** again from the target, inside this transaction, so the kinds' records
** move like a built-in's. An id the target already uses for a kind (or a
** table) is refused by name: a kind's id is its table's name, one per
** database. */
static int move_kind_defs(Mig *m){
  Ctx *c = m->c;
  Stmt q, chk, ins;
  int rc = 0, nClash = 0;
  i64 iOff = audit_next_id(m->pDst, "kind_def", "@kind_def") - 1;
  if( iOff<0 ) return 1;
  if( db_prepare(m->pSrc, &q, "SELECT id, name, version, owner_id, def, created_by, created_at FROM kind_def"
                              " ORDER BY name, version") ) return 1;
  if( db_prepare(m->pDst, &chk, "SELECT 1 FROM kind_def WHERE name=?1") ){ db_finalize(&q); return 1; }
  if( db_prepare(m->pDst, &ins, "INSERT INTO kind_def(id, name, version, owner_id, def, created_by, created_at)"
                                " VALUES(?1,?2,?3,?4,?5,?6,?7)") ){ db_finalize(&q); db_finalize(&chk); return 1; }
  while( rc==0 && db_step(&q)==DB_ROW ){
    const char *zName = db_column_text(&q, 1);
    int bTaken = 0;
    if( db_column_int64(&q, 2)==1 ){            /* a kind's first version: is its id free in the target? */
      db_bind_text(&chk, 1, zName);
      bTaken = db_step(&chk)==DB_ROW || kind_builtin(zName)!=0;
      db_reset(&chk);
    }
    if( bTaken ){
      const Kind *k = kind_find(zName);
      if( nClash++ < 10 ){
        err_add(c, 0, 0, "自定义台账“%s”（标识 %s）：目标数据库已有标识相同的台账（一个数据库中台账标识不能重复），"
                         "请先在源数据库中改用别的标识（导出定义、改标识后导入，再导入记录）", k ? k->zLabel : zName, zName);
      }
      continue;
    }
    db_bind_int64(&ins, 1, db_column_int64(&q, 0) + iOff);
    db_bind_text(&ins, 2, zName);
    db_bind_int64(&ins, 3, db_column_int64(&q, 2));
    db_bind_int64(&ins, 4, db_column_int64(&q, 3) + m->iDeptOff);
    db_bind_text(&ins, 5, db_column_text(&q, 4));
    const char *zBy = db_column_text(&q, 5);
    db_bind_text(&ins, 6, zBy[0]=='(' ? zBy : prefixed(m, zBy));     /* (命令行) stays */
    db_bind_text(&ins, 7, db_column_text(&q, 6));
    if( db_step(&ins)!=DB_DONE ) rc = 1;
    db_reset(&ins);
  }
  db_finalize(&q);
  db_finalize(&chk);
  db_finalize(&ins);
  if( rc || nClash ) return 1;
  /* each moved kind's table, from the registry as read from the source */
  for(int i=0; i<kind_count(); i++){
    const Kind *k = kind_at(i);
    char zErr[400];
    if( k->iOwner==0 ) continue;
    if( ddl_kind_define(m->pDst, k, 0, zErr, sizeof zErr) ){
      err_add(c, 0, 0, "自定义台账“%s”：%s", k->zLabel, zErr);
      return 1;
    }
  }
  registry_publish(0, 0, -1);     /* read anew even when the target's mark equals the source's */
  return kinddef_refresh_db(m->pDst) ? 1 : 0;
}

/* Whether the source defines custom kind zName (the target's own custom
** kinds have no table there). */
static int src_defines(Mig *m, const char *zName){
  Stmt q;
  int b = 0;
  if( db_prepare(m->pSrc, &q, "SELECT 1 FROM kind_def WHERE name=?1")==DB_OK ){
    db_bind_text(&q, 1, zName);
    b = db_step(&q)==DB_ROW;
    db_finalize(&q);
  }
  return b;
}

/* Every record of one kind: ids, departments and references shifted,
** written in bulk and logged in import form. */
static int move_kind(Mig *m, int iKind){
  const Kind *k = kind_at(iKind);
  if( k->iOwner && !src_defines(m, k->zName) ) return 0;    /* another county's kind, already in the target */
  int nField = kind_nfield(k);
  int *aAllCol = arena_alloc(m->c->pArena, sizeof(int)*(size_t)(nField+1));
  i64 *aRefOff = arena_alloc(m->c->pArena, sizeof(i64)*(size_t)(nField+1));
  for(int i=0; i<nField; i++){
    aAllCol[i] = i;
    aRefOff[i] = -1;
    const Field *f = &k->aField[i];
    if( f->eType==FT_DEPT ){ aRefOff[i] = m->iDeptOff; continue; }   /* a department moves with the tree */
    if( f->eType!=FT_REF ) continue;
    for(int j=0; j<kind_count(); j++) if( strcmp(kind_at(j)->zName, f->zRef)==0 ) aRefOff[i] = m->aKindOff[j];
  }
  Stmt q;
  Bulk bk;
  Buf lines;
  int rc = 0, nChunk = 0;
  if( src_records(m, k, &q) ) return 1;
  if( rec_bulk_begin(m->c, k, &bk) ){ db_finalize(&q); return 1; }
  db_stream(&q, 0);
  buf_init(&lines);
  Arena rowArena;
  arena_init(&rowArena);
  Arena *pSrcArena = m->src.pArena;
  m->src.pArena = &rowArena;
  Progress *pg = m->c->pProgress;     /* read from the source, written to the target */
  while( rc==0 && db_step(&q)==DB_ROW ){
    if( pg ){ pg->nRead++; pg->nWritten = m->nRecords; progress_tick(pg); }
    arena_free(&rowArena);
    arena_init(&rowArena);
    Rec *r = rec_new(&m->src, k);
    rec_from_row(&m->src, &q, r);
    r->id += m->aKindOff[iKind];
    r->iDept += m->iDeptOff;
    for(int i=0; i<nField; i++){
      if( aRefOff[i]>0 && r->azVal[i] && r->azVal[i][strspn(r->azVal[i], "0123456789")]==0 ){   /* ids only */
        r->azVal[i] = arena_printf(&rowArena, "%lld", atoll(r->azVal[i]) + (long long)aRefOff[i]);
      }
    }
    r->iUnit = dept_unit_id(m->c, r->iDept);   /* unique values are the county's own (issue 13 §5) */
    rc = rec_bulk_add(&bk, r);
    if( rc==DB_CONSTRAINT ) m->pClash = k;
    if( rc ) break;
    if( lines.n==0 ){ rec_json_header(k, &lines); buf_putc(&lines, '\n'); }
    rec_json_row(r, aAllCol, nField, &lines);
    buf_putc(&lines, '\n');
    m->nRecords++;
    if( ++nChunk==MIGRATE_CHUNK ){
      rc = write_chunk(m, k, &lines);
      nChunk = 0;
    }
  }
  m->src.pArena = pSrcArena;
  if( pg ) pg->nWritten = m->nRecords;
  db_finalize(&q);
  if( rc==0 ){
    rc = db_bulk_end(&bk);
    if( rc==DB_CONSTRAINT ) m->pClash = k;
  }else{
    db_bulk_abort(&bk);
  }
  if( bk.rcDeferred==DB_CONSTRAINT ) m->pClash = k;   /* the COPY ended early, under an audit entry */
  if( rc==0 ) rc = write_chunk(m, k, &lines);
  if( rc==0 ) db_sync_ids(m->pDst, k->zName);
  arena_free(&rowArena);
  buf_free(&lines);
  return rc ? 1 : 0;
}

/* Does the target hold value zVal in field f of kind k (in year zYear of
** a versioned kind, whose uniqueness holds within a year)? */
static int value_taken(Mig *m, const Kind *k, const Field *f, const char *zVal, const Field *fy, const char *zYear){
  SqlBuf b;
  Stmt q;
  int bTaken = 0;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT 1 FROM ");
  sql_ident(&b, k->zName);
  sql_lit(&b, " WHERE ");
  sql_ident(&b, f->zName);
  sql_lit(&b, "=?1");
  if( fy && fy!=f ){ sql_lit(&b, " AND "); sql_ident(&b, fy->zName); sql_lit(&b, "=?2"); }
  sql_lit(&b, " LIMIT 1");
  if( db_prepare_buf(m->pDst, &q, &b)==DB_OK ){
    db_bind_text(&q, 1, zVal);
    if( fy && fy!=f ) db_bind_text(&q, 2, zYear);
    bTaken = db_step(&q)==DB_ROW;
    db_finalize(&q);
  }
  sqlbuf_free(&b);
  return bTaken;
}

/* The target refused a record of kind k: a UNIQUE index. Through COPY
** the refusal surfaces rows later or only at the end, and the transaction
** is gone by then; so, after the rollback, the kind's records are read
** from the source again and each unique value is looked up in the target
** as it is now (as before the migration). The first one taken is named:
** kind, the record's id in the source, field and value. */
static void name_clash(Mig *m, const Kind *k, const char *zWhy){
  Ctx *c = m->c;
  int nErr0 = c->err.n;
  const Field *fy = k->pVersion ? kind_year_field(k) : 0;
  Stmt q;
  int rc = src_records(m, k, &q);
  if( rc==DB_OK ){
    Arena rowArena;
    arena_init(&rowArena);
    Arena *pSrcArena = m->src.pArena;
    m->src.pArena = &rowArena;
    while( c->err.n==nErr0 && db_step(&q)==DB_ROW ){
      arena_free(&rowArena);
      arena_init(&rowArena);
      Rec *r = rec_new(&m->src, k);
      rec_from_row(&m->src, &q, r);
      int i = 0;
      for(const Field *f=k->aField; f->zName && c->err.n==nErr0; f++, i++){
        if( !(f->flags & F_UNIQUE) || r->azVal[i]==0 ) continue;
        if( !value_taken(m, k, f, r->azVal[i], fy, fy ? rec_val(r, fy->zName) : 0) ) continue;
        err_add(c, 0, 0, "%s：源数据库中编号%lld的记录，「%s」为“%s”，目标数据库中已有相同%s的记录，不能重复",
                k->zLabel, (long long)r->id, f->zLabel, r->azVal[i], f->zLabel);
      }
    }
    m->src.pArena = pSrcArena;
    arena_free(&rowArena);
    db_finalize(&q);
  }
  if( c->err.n==nErr0 ){
    err_add(c, 0, 0, "%s：有记录与目标数据库中已有的记录冲突（数据库报告：%s）", k->zLabel, zWhy);
  }
}

/* First bad byte sequence of z (not UTF-8 at all: what PostgreSQL refuses
** with an English error), described into zWhy; 0 when well formed. Control
** characters and noncharacters are well formed here: an earlier version
** stored them, and PostgreSQL takes them. */
static int text_malformed(const char *z, char *zWhy, size_t nWhy){
  size_t n = strlen(z);
  int iChar = 0;
  for(size_t i=0; i<n; ){
    unsigned cp;
    int k = utf8_decode((const unsigned char*)z+i, n-i, &cp);
    iChar++;
    if( k==0 ){
      snprintf(zWhy, nWhy, "第%d个字起的字节 %02X 不是有效的UTF-8编码", iChar, (unsigned char)z[i]);
      return 1;
    }
    i += (size_t)k;
  }
  return 0;
}

/* Before anything is written: every record's text in the source is
** well-formed UTF-8, which PostgreSQL requires (text stored by a version
** before the checks may not be). Each bad one is named by kind, id and
** field; at most 20. The archived audit log (audit_archive) is copied
** byte for byte and is not scanned here. */
static int scan_text(Mig *m){
  Ctx *c = m->c;
  int nBad = 0;
  for(int iK=0; iK<kind_count() && nBad<20; iK++){
    const Kind *k = kind_at(iK);
    Stmt q;
    if( src_records(m, k, &q) ) return 1;
    db_stream(&q, 0);
    int nCol = 5 + kind_nfield(k);
    while( db_step(&q)==DB_ROW && nBad<20 ){
      if( c->pProgress ){ c->pProgress->nChecked++; progress_tick(c->pProgress); }   /* checked: read before anything is written */
      for(int i=2; i<nCol; i++){
        char zWhy[120];
        if( db_column_is_null(&q, i) || !text_malformed(db_column_text(&q, i), zWhy, sizeof zWhy) ) continue;
        const char *zField = i==2 ? "状态" : i==3 ? "创建时间" : i==4 ? "修改时间" : k->aField[i-5].zLabel;
        err_add(c, 0, 0, "源数据库中%s第%lld号记录的“%s”含有无效字符（%s），PostgreSQL不能存入；请先在源数据库中改正此项再迁移",
                k->zLabel, (long long)db_column_int64(&q, 0), zField, zWhy);
        nBad++;
      }
    }
    db_finalize(&q);
  }
  return nBad ? 1 : 0;
}

int migrate_county(Ctx *c, Db *pSrc, const char *zSource, const char *zLoginPrefix, MigrateResult *pRes){
  Mig m;
  memset(&m, 0, sizeof m);
  memset(pRes, 0, sizeof *pRes);
  m.pSrc = pSrc;
  m.pDst = c->pDb;
  m.c = c;
  m.zPrefix = zLoginPrefix ? zLoginPrefix : "";
  Arena srcArena;
  arena_init(&srcArena);
  Actor srcActor = { .zLogin = "migrate", .mRole = R_ADMIN, .zDeptPath = "/" };
  ctx_init(&m.src, pSrc, &srcArena, &srcActor);
  buf_init(&m.renamed);
  /* the kinds as the source defines them (its own 台账 among them): what
  ** its check and its text scan read, and what moves */
  if( kinddef_refresh_db(pSrc) ){
    err_add(c, 0, 0, "无法读取源数据库的自定义台账：%s", db_errmsg(pSrc));
    goto fail_early;
  }

  /* Its text must be text the target can store (named, before the check's
  ** broader verdict). */
  if( scan_text(&m) ){
    if( c->err.n==0 ) err_add(c, 0, 0, "无法读取源数据库：%s", db_errmsg(pSrc));
    goto fail_early;
  }
  /* The source must be intact: what moves is what its log vouches for. */
  AuditReport rep;
  if( audit_verify(pSrc, &rep) ){
    err_add(c, 0, 0, "源数据库核验未通过（fazhi check），不能迁移：%s", buf_cstr(&rep.text));
    buf_free(&rep.text);
    goto fail_early;
  }
  pRes->nAudit = rep.nRows;
  buf_free(&rep.text);
  if( max_id(pSrc, "dept")==0 ){ err_add(c, 0, 0, "源数据库中没有县（未初始化）"); goto fail_early; }

  m.zStage = "开始写入";
  if( db_begin_write(m.pDst) ) goto fail;
  /* the guarded tables before: every row moved in is logged at the end */
  const char **azGuardBefore = audit_rows_begin(c);
  if( azGuardBefore==0 ) goto fail;
  m.iDeptOff = max_id(m.pDst, "dept");
  m.iUserOff = max_id(m.pDst, "users");
  m.iMigOff = max_id(m.pDst, "migration");

  m.zStage = "部门";
  if( move_depts(&m) ) goto fail;
  m.zStage = "自定义台账定义";
  if( move_kind_defs(&m) ) goto fail;
  /* the target's kinds now (its own custom kinds and the moved ones) */
  m.aKindOff = arena_alloc(c->pArena, sizeof(i64)*(size_t)(kind_count()+1));
  for(int i=0; i<kind_count(); i++) m.aKindOff[i] = max_id(m.pDst, kind_at(i)->zName);
  m.zStage = "账号";
  if( move_users(&m) ) goto fail;
  m.zStage = "设置和节假日";
  if( move_settings(&m) ) goto fail;
  m.zStage = "期限规则";
  if( move_prules(&m) ) goto fail;
  m.zStage = "此前的迁移登记";
  if( copy_migrations(&m) ) goto fail;
  i64 iMig = max_id(pSrc, "migration") + m.iMigOff + 1;
  char zLast[65], zDigest[65];
  i64 nEntries;
  m.zStage = "原审计日志存档";
  if( archive_audit(&m, iMig, &nEntries, zLast, zDigest) ) goto fail;

  /* The map: how this county's ids moved, and what was renamed. */
  Buf map;
  buf_init(&map);
  {
    Json j;
    json_init(&j, &map);
    json_obj_begin(&j);
    json_kint(&j, "migration", iMig);
    json_kstr(&j, "source", zSource);
    json_kstr(&j, "county", m.zCounty);
    json_kint(&j, "entries", nEntries);
    json_kstr(&j, "last_hash", zLast);
    json_kstr(&j, "content_sha256", zDigest);
    json_kint(&j, "dept_offset", m.iDeptOff);
    json_kint(&j, "user_offset", m.iUserOff);
    json_kstr(&j, "login_prefix", m.zPrefix);
    json_key(&j, "id_offsets");
    json_obj_begin(&j);
    for(int i=0; i<kind_count(); i++) json_kint(&j, kind_at(i)->zName, m.aKindOff[i]);
    json_obj_end(&j);
    json_key(&j, "renamed");
    json_raw(&j, buf_cstr(&m.renamed));
    json_obj_end(&j);
  }
  Stmt q;
  int rc = 1;
  m.zStage = "迁移登记";
  char zNow[32];
  time_t t = time(0);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(zNow, sizeof zNow, "%Y-%m-%dT%H:%M:%SZ", &tm);
  if( db_prepare(m.pDst, &q, "INSERT INTO migration(id, at, source, n_audit, last_hash, map)"
                             " VALUES(?1,?2,?3,?4,?5,?6)")==DB_OK ){
    db_bind_int64(&q, 1, iMig);
    db_bind_text(&q, 2, zNow);
    db_bind_text(&q, 3, zSource);
    db_bind_int64(&q, 4, nEntries);
    db_bind_text(&q, 5, zLast);
    db_bind_text(&q, 6, buf_cstr(&map));
    rc = db_step(&q)!=DB_DONE;
    db_finalize(&q);
  }
  if( rc==0 ) rc = audit_append(c, "migrate", "", iMig, "", buf_cstr(&map));
  buf_free(&map);
  if( rc ) goto fail;
  for(int i=0; i<kind_count(); i++){
    m.zStage = arena_printf(c->pArena, "%s记录", kind_at(i)->zLabel);
    if( move_kind(&m, i) ) goto fail;
  }
  i64 iPlanOff = 0;
  for(int i=0; i<kind_count(); i++) if( kind_at(i)==kind_find("inspection_plan") ) iPlanOff = m.aKindOff[i];
  m.zStage = "报告版本、基线和抽取";
  if( move_drafts_and_draws(&m, iPlanOff) ) goto fail;
  m.zStage = "审计日志";
  if( audit_rows_end(c, "migrate_rows", azGuardBefore) ) goto fail;
  m.zStage = "提交";
  if( db_commit(m.pDst) ) goto fail;
  pRes->iMigration = iMig;
  pRes->nRecords = m.nRecords;
  pRes->iDeptOffset = m.iDeptOff;
  snprintf(pRes->zCounty, sizeof pRes->zCounty, "%s", m.zCounty ? m.zCounty : "");
  arena_free(&srcArena);
  buf_free(&m.renamed);
  return FZ_OK;

fail:
  /* Everything is undone first (a refused record is then looked for in
  ** the target as it was); what went wrong is said in Chinese. A refusal
  ** the checks above did not explain is a database error: its text also
  ** goes to stderr for the operator. */
  {
    const char *zWhy = arena_strdup(c->pArena, db_errmsg(m.pDst));
    int nErr0 = c->err.n;
    db_rollback(m.pDst);
    if( nErr0==0 && m.pClash ) name_clash(&m, m.pClash, zWhy);
    if( c->err.n==0 ){
      err_internal(c, "migrate (%s): %s", m.zStage ? m.zStage : "", zWhy);
      err_add(c, 0, 0, "写入目标数据库时出错（%s）：%s", m.zStage ? m.zStage : "", zWhy);
    }
  }
fail_early:
  arena_free(&srcArena);
  buf_free(&m.renamed);
  return FZ_INVALID;
}
