/*
** src/db/schema.c — the fixed tables, as ordered migrations.
**
** Kind tables are not here: they are generated from the declarations by
** src/engine/ddl.c. Each migration runs once, inside one transaction, and
** is recorded in schema_version. Append new migrations; never edit one that
** has shipped.
*/
#include "db/schema.h"
#include <stdio.h>
#include <time.h>

/* eDialect 0: every backend; DB_SQLITE / DB_POSTGRES: only that one (the
** version is recorded on every backend either way). */
typedef struct Migration { int iVersion; int eDialect; const char *zSql; } Migration;

static const Migration aMigration[] = {
  { 1, 0,
    /* settings: county name, data-freeze moment, etc. */
    "CREATE TABLE setting("
    "  name TEXT PRIMARY KEY,"          /* setting id */
    "  value TEXT NOT NULL"             /* its value, text */
    ");"
    /* The department tree: county -> bureaus, towns -> villages. path is
    ** "/1/4/9/" (ids from the root) so a subtree is path LIKE '/1/4/%'. */
    "CREATE TABLE dept("
    "  id BIGINT PRIMARY KEY,"
    "  parent_id BIGINT,"               /* NULL for the county */
    "  name TEXT NOT NULL UNIQUE,"      /* 浚县司法局 */
    "  dtype TEXT NOT NULL,"            /* county | bureau | town | village */
    "  path TEXT NOT NULL,"
    "  sort_no BIGINT NOT NULL DEFAULT 0"
    ");"
    "CREATE INDEX dept_path ON dept(path);"
    /* People who log in. role: admin | clerk | leader. */
    "CREATE TABLE users("
    "  id BIGINT PRIMARY KEY,"
    "  login TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"             /* real name, shown in the audit log */
    "  role TEXT NOT NULL,"
    "  dept_id BIGINT NOT NULL REFERENCES dept(id),"
    "  pw_hash TEXT NOT NULL,"          /* Argon2id, libsodium crypto_pwhash_str */
    "  disabled BIGINT NOT NULL DEFAULT 0,"
    "  created_at TEXT NOT NULL"
    ");"
    /* Sessions: only the SHA-256 of the cookie token is stored. */
    "CREATE TABLE session("
    "  token_hash TEXT PRIMARY KEY,"
    "  user_id BIGINT NOT NULL REFERENCES users(id),"
    "  csrf TEXT NOT NULL,"             /* per-session CSRF token for forms */
    "  created_at BIGINT NOT NULL,"     /* unix seconds */
    "  expires_at BIGINT NOT NULL"
    ");"
    /* Failed-login throttling, per login name and per client address. */
    "CREATE TABLE login_fail("
    "  fkey TEXT PRIMARY KEY,"          /* 'u:<login>' or 'ip:<addr>' */
    "  n BIGINT NOT NULL,"              /* failures in the current window */
    "  first_at BIGINT NOT NULL,"
    "  locked_until BIGINT NOT NULL"
    ");"
    /* The append-only, hash-chained change log. id is assigned as the last
    ** id + 1 inside the write transaction, so a gap means a deleted row. */
    "CREATE TABLE audit("
    "  id BIGINT PRIMARY KEY,"
    "  at TEXT NOT NULL,"               /* ISO-8601 UTC */
    "  user_id BIGINT NOT NULL,"        /* 0 = command line */
    "  login TEXT NOT NULL,"
    "  action TEXT NOT NULL,"           /* insert | update | delete | <transition> | import | login … */
    "  kind TEXT NOT NULL,"             /* '' for non-record events */
    "  rec_id BIGINT NOT NULL,"         /* 0 for batch events */
    "  before TEXT NOT NULL,"           /* canonical record JSON, '' when none */
    "  after TEXT NOT NULL,"            /* canonical record JSON; import: one line per record */
    "  prev_hash TEXT NOT NULL,"
    "  hash TEXT NOT NULL"              /* sha256(prev_hash | every column above) */
    ");"
    "CREATE INDEX audit_rec ON audit(kind, rec_id);"
    /* Holiday / make-up workday entries beyond the built-in calendar. */
    "CREATE TABLE holiday("
    "  day TEXT PRIMARY KEY,"           /* YYYY-MM-DD */
    "  dkind TEXT NOT NULL,"            /* 'o' off, 'w' make-up workday */
    "  name TEXT NOT NULL"
    ");"
  },
  { 2, DB_SQLITE,
    /* SQLite backstop: the audit log refuses UPDATE and DELETE. */
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
    " BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;"
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
    " BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;"
  },
  { 3, DB_POSTGRES,
    /* PostgreSQL backstop: the same refusal, and no TRUNCATE either. */
    "CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS"
    " $$ BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$;"
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
    " FOR EACH ROW EXECUTE FUNCTION audit_append_only();"
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
    " FOR EACH ROW EXECUTE FUNCTION audit_append_only();"
    "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit"
    " FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();"
  },
  { 4, 0,
    /* Counties moved in from another database (fazhi migrate): how their
    ** ids moved, and their own audit log, verbatim, as a chain of its own
    ** whose entry count and last hash the migration row and the target's
    ** "migrate" audit entry record. */
    "CREATE TABLE migration("
    "  id BIGINT PRIMARY KEY,"
    "  at TEXT NOT NULL,"
    "  source TEXT NOT NULL,"           /* the source database as given */
    "  n_audit BIGINT NOT NULL,"        /* entries of the source's log */
    "  last_hash TEXT NOT NULL,"        /* its last entry's hash */
    "  map TEXT NOT NULL"               /* JSON: id offsets, renamed departments */
    ");"
    "CREATE TABLE audit_archive("
    "  migration_id BIGINT NOT NULL,"
    "  id BIGINT NOT NULL,"             /* the entry's id in its own log */
    "  at TEXT NOT NULL, user_id BIGINT NOT NULL, login TEXT NOT NULL,"
    "  action TEXT NOT NULL, kind TEXT NOT NULL, rec_id BIGINT NOT NULL,"
    "  before TEXT NOT NULL, after TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,"
    "  PRIMARY KEY(migration_id, id)"
    ");"
  },
  { 5, 0,
    /* The holiday calendar as a table, for statutory periods counted in
    ** SQL (src/engine/deadline.c writes it from the C calendar). */
    "CREATE TABLE cal_day("
    "  cday TEXT PRIMARY KEY,"          /* YYYY-MM-DD */
    "  cdn BIGINT NOT NULL UNIQUE,"     /* days since 1970-01-01 */
    "  cwn BIGINT NOT NULL,"            /* working days up to and including this day */
    "  cwork BIGINT NOT NULL,"          /* 1 on a working day */
    "  croll TEXT NOT NULL"             /* this day, or the next working day after a rest day */
    ");"
    "CREATE INDEX cal_day_wn ON cal_day(cwn, cwork);"
  },
  { 6, DB_POSTGRES,
    /* The audit log holds every imported record's JSON: with PostgreSQL's
    ** default compression (pglz) storing it costs more than the records
    ** themselves; lz4 is several times faster. Skipped on a server built
    ** without lz4. */
    "DO $$ BEGIN"
    "  ALTER TABLE audit ALTER COLUMN before SET COMPRESSION lz4, ALTER COLUMN after SET COMPRESSION lz4;"
    "  ALTER TABLE audit_archive ALTER COLUMN before SET COMPRESSION lz4, ALTER COLUMN after SET COMPRESSION lz4;"
    " EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;"
    " END $$;"
  },
  { 7, 0,
    /* 双随机 draws (src/draw/): the pools as fixed and published before the
    ** draw, in their canonical text, and the draw from the source's value.
    ** Written once each; the audit log holds the same texts. */
    "CREATE TABLE draw("
    "  plan_id BIGINT PRIMARY KEY,"     /* inspection_plan.id */
    "  fixed_at TEXT NOT NULL,"         /* ISO-8601 UTC */
    "  fixed_by TEXT NOT NULL,"         /* login */
    "  pool TEXT NOT NULL,"             /* canonical pool text (src/draw/select.c) */
    "  pool_sha256 TEXT NOT NULL,"
    "  drawn_at TEXT,"                  /* NULL until drawn */
    "  drawn_by TEXT,"
    "  draw_values TEXT,"               /* the source's values as typed */
    "  draw_key TEXT,"                  /* RFC 3797 key string */
    "  result TEXT"                     /* a line per entity: code TAB certs */
    ");"
  },
  { 8, 0,
    /* Drafts of the annual report (src/report/draft.c): numbered versions
    ** per department and year, each a list of paragraphs whose figures are
    ** tokens computed when read. Freezing a version writes its document
    ** out with every value (frozen_doc) and it never changes again; a
    ** later edit makes a new version. */
    "CREATE TABLE report_version("
    "  id BIGINT PRIMARY KEY,"
    "  dept_id BIGINT NOT NULL,"        /* whose report: the drafter's department */
    "  year BIGINT NOT NULL,"
    "  no BIGINT NOT NULL,"             /* 1, 2, … per department and year */
    "  based_on BIGINT NOT NULL,"       /* the version no it was copied from; 0: drafted from the data */
    "  created_at TEXT NOT NULL,"       /* ISO-8601 UTC */
    "  created_by TEXT NOT NULL,"       /* login */
    "  frozen_at TEXT,"                 /* NULL while the figures are live */
    "  frozen_by TEXT,"
    "  frozen_doc TEXT,"                /* a line per block: type TAB text with values (tpl.c) */
    "  UNIQUE(dept_id, year, no)"
    ");"
    "CREATE TABLE report_para("
    "  version_id BIGINT NOT NULL,"
    "  pos BIGINT NOT NULL,"            /* 1, 2, … in reading order */
    "  btype TEXT NOT NULL,"            /* title | to | h1 | p | point | sign | date | foot */
    "  tpl TEXT NOT NULL,"              /* the paragraph with its figure tokens (tpl.c) */
    "  pkey TEXT NOT NULL,"             /* point: the indicator (and group) it is about */
    "  pstate TEXT NOT NULL,"           /* point: '' kept, 'proposed' not yet accepted, 'dropped' */
    "  PRIMARY KEY(version_id, pos)"
    ");"
  },
  { 9, 0,
    /* Last year's report as a baseline (src/report/baseline.c): the text
    ** as imported, and the figures matched to indicators with their
    ** sentences. Per department (the report's) and year. */
    "CREATE TABLE baseline_report("
    "  dept_id BIGINT NOT NULL,"
    "  year BIGINT NOT NULL,"
    "  imported_at TEXT NOT NULL,"
    "  imported_by TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  PRIMARY KEY(dept_id, year)"
    ");"
    "CREATE TABLE baseline_fig("
    "  dept_id BIGINT NOT NULL,"
    "  year BIGINT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  ind TEXT NOT NULL,"
    "  value TEXT NOT NULL,"            /* as written in the report */
    "  label TEXT NOT NULL,"            /* the words it followed */
    "  sentence TEXT NOT NULL,"
    "  PRIMARY KEY(dept_id, year, kind, ind)"
    ");"
  },
  { 10, 0,
    /* Login throttling by address, by account and by the pair
    ** (src/auth/throttle.c), replacing version 1's table whose locks
    ** anyone could set on any account. Each attempt is counted and
    ** checked in one upsert; a success takes its count back. */
    "DROP TABLE login_fail;"
    "CREATE TABLE login_fail("
    "  fkey TEXT PRIMARY KEY,"          /* 'ip:<addr>', 'u:<login>' or 'ua:<login> <addr>' */
    "  login TEXT NOT NULL,"            /* the account ('' for an address key) */
    "  addr TEXT NOT NULL,"             /* the client address ('' for an account key) */
    "  n BIGINT NOT NULL,"              /* attempts counted in the window (successes taken back) */
    "  first_at BIGINT NOT NULL,"       /* unix seconds the hour-long window began */
    "  locked_until BIGINT NOT NULL,"   /* no attempt is checked before this moment (0: none) */
    "  ok BIGINT NOT NULL"              /* 1: the latest counted attempt was let through */
    ");"
    /* 1: the password was handed out (init, user add, reset) and must be
    ** changed before anything else is done. */
    "ALTER TABLE users ADD COLUMN pw_temp BIGINT NOT NULL DEFAULT 0;"
  },
  { 11, 0,
    /* Login throttling, continued (src/auth/throttle.c): indexes for the
    ** cleanup of ended windows (first_at), the admin's list of locks
    ** (locked_until) and unlock by account or address; and the places an
    ** account last logged in from, whose attempts the account-wide limits
    ** spare so the owner is not locked out by guesses from elsewhere. */
    "CREATE INDEX login_fail_first ON login_fail(first_at);"
    "CREATE INDEX login_fail_until ON login_fail(locked_until);"
    "CREATE INDEX login_fail_login ON login_fail(login);"
    "CREATE INDEX login_fail_addr ON login_fail(addr);"
    "CREATE TABLE login_known("
    "  fkey TEXT PRIMARY KEY,"          /* 'a:<login> <addr>' or 'd:<login> <sha256 of the device token, hex>' */
    "  login TEXT NOT NULL,"            /* the account */
    "  at BIGINT NOT NULL"              /* unix seconds of its latest successful login there */
    ");"
    "CREATE INDEX login_known_at ON login_known(at);"
  },
  { 12, 0,
    /* 停用 of a department (部门管理): hidden from the forms' choices, no
    ** new accounts or records; its records stay. */
    "ALTER TABLE dept ADD COLUMN disabled BIGINT NOT NULL DEFAULT 0;"
  },
  { 13, 0,
    /* The login log (src/auth/loginlog.c): one row per login attempt,
    ** written by the login path with the throttle's end; never the
    ** password. Volatile like session (not guarded): rows older than
    ** LOGIN_LOG_DAYS are pruned. Sessions keep the address they were
    ** opened from, for the admin's list of who is online. */
    "CREATE TABLE login_log("
    "  id BIGINT PRIMARY KEY,"          /* 1 + the largest id, under the write lock */
    "  at BIGINT NOT NULL,"             /* unix seconds */
    "  login TEXT NOT NULL,"            /* as typed (at most 64 bytes) */
    "  addr TEXT NOT NULL,"             /* the client address (through --trusted-proxy) */
    "  result TEXT NOT NULL,"           /* ok | temp | bad | throttled | disabled */
    "  channel TEXT NOT NULL"           /* web | api */
    ");"
    "CREATE INDEX login_log_at ON login_log(at);"
    "CREATE INDEX login_log_login ON login_log(login);"
    "ALTER TABLE session ADD COLUMN addr TEXT NOT NULL DEFAULT '';"
  },
  { 14, 0,
    /* Kinds a county defines (自定义台账, src/engine/kinddef.c): one row per
    ** version of a definition, the JSON `fazhi schema --json` prints for
    ** one kind. Guarded (src/audit/guard.c): every row is logged when
    ** written and compared by `fazhi check`. The kind's records live in a
    ** table of its own, named by the kind. */
    "CREATE TABLE kind_def("
    "  id BIGINT PRIMARY KEY,"          /* audit_next_id: never reused */
    "  name TEXT NOT NULL,"             /* the kind's id: its table and URL name */
    "  version BIGINT NOT NULL,"        /* 1, 2, … */
    "  owner_id BIGINT NOT NULL,"       /* the unit (a county's or city's dept id) that defined it */
    "  def TEXT NOT NULL,"              /* the definition, as kind_json prints it */
    "  created_by TEXT NOT NULL,"       /* login, or (命令行) */
    "  created_at TEXT NOT NULL,"       /* UTC, YYYY-MM-DD HH:MM:SS */
    "  UNIQUE(name, version)"
    ");"
  },
  { 18, 0,
    /* 年度安排已完整登记 (src/engine/holiday.c, holiday_mark): an admin's
    ** word that a year's State Council holiday notice is entered whole
    ** although its rows do not name a day off of each of the seven
    ** festivals; without it (or them) every period reaching the year is
    ** flagged. Guarded like holiday (src/audit/guard.c). */
    "CREATE TABLE holiday_year("
    "  year BIGINT PRIMARY KEY,"
    "  notice TEXT NOT NULL,"           /* the notice the admin entered it from, as cited */
    "  marked_by TEXT NOT NULL,"        /* login of the admin ('(命令行)' for the command line) */
    "  marked_at TEXT NOT NULL"         /* UTC, YYYY-MM-DD HH:MM:SS */
    ");"
  },
  { 17, 0,
    /* 地方规定 (src/engine/prule.c): a province's, city's or county's own
    ** length of a period its Deadline declares overridable (bLocal), in
    ** force from valid_from to valid_to (the last day; NULL: still in
    ** force). A record counts with the rule in force on its start date,
    ** the deepest jurisdiction above its unit first. Guarded
    ** (src/audit/guard.c): every row is logged when written and compared
    ** by `fazhi check`. */
    "CREATE TABLE period_rule("
    "  id BIGINT PRIMARY KEY,"          /* audit_next_id: never reused */
    "  kind TEXT NOT NULL,"             /* the kind's name (normative_doc) */
    "  deadline TEXT NOT NULL,"         /* the Deadline's name (filing) */
    "  unit_id BIGINT NOT NULL,"        /* the jurisdiction: a county's, city's or the root's dept id */
    "  level TEXT NOT NULL,"            /* province | city | county: who issued it */
    "  length BIGINT NOT NULL,"         /* the period's length in punit */
    "  punit TEXT NOT NULL,"            /* days | workdays | months */
    "  basis TEXT NOT NULL,"            /* the provision, quoted (XX省规范性文件备案规定第X条) */
    "  valid_from TEXT NOT NULL,"       /* YYYY-MM-DD: first day in force */
    "  valid_to TEXT,"                  /* YYYY-MM-DD: last day in force, NULL: open */
    "  created_by TEXT NOT NULL,"       /* login, or (命令行) */
    "  created_at TEXT NOT NULL"        /* UTC, YYYY-MM-DD HH:MM:SS */
    ");"
    "CREATE INDEX period_rule_kind ON period_rule(kind, deadline, unit_id);"
  },
};

int schema_migrate(Db *pDb, char *zErr, int nErr){
  char zNow[32];
  time_t t = time(0);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(zNow, sizeof zNow, "%Y-%m-%dT%H:%M:%SZ", &tm);
  if( db_exec(pDb, "CREATE TABLE IF NOT EXISTS schema_version("
                   " version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)") ){
    snprintf(zErr, (size_t)nErr, "%s", db_errmsg(pDb));
    return 1;
  }
  for(size_t i=0; i<sizeof(aMigration)/sizeof(aMigration[0]); i++){
    const Migration *m = &aMigration[i];
    if( db_begin_write(pDb) ) goto fail;
    Stmt q;
    int bDone = 0;
    if( db_prepare(pDb, &q, "SELECT 1 FROM schema_version WHERE version=?1") ) goto fail_rb;
    db_bind_int64(&q, 1, m->iVersion);
    bDone = db_step(&q)==DB_ROW;
    db_finalize(&q);
    if( !bDone ){
      if( (m->eDialect==0 || m->eDialect==db_dialect(pDb)) && db_exec_sql(pDb, m->zSql) ) goto fail_rb;
      if( db_prepare(pDb, &q, "INSERT INTO schema_version(version, applied_at)"
                              " VALUES(?1, ?2)") ) goto fail_rb;
      db_bind_int64(&q, 1, m->iVersion);
      db_bind_text(&q, 2, zNow);
      int rc = db_step(&q);
      db_finalize(&q);
      if( rc!=DB_DONE ) goto fail_rb;
    }
    if( db_commit(pDb) ) goto fail;
  }
  return 0;
fail_rb:
  snprintf(zErr, (size_t)nErr, "数据库迁移失败：%s", db_errmsg(pDb));
  db_rollback(pDb);
  return 1;
fail:
  snprintf(zErr, (size_t)nErr, "数据库迁移失败：%s", db_errmsg(pDb));
  return 1;
}

int schema_version(Db *pDb){
  Stmt q;
  int v = 0;
  if( !db_compiles(pDb, "SELECT version FROM schema_version") ) return 0;   /* a new database */
  if( db_prepare(pDb, &q, "SELECT MAX(version) FROM schema_version") ) return 0;
  if( db_step(&q)==DB_ROW ) v = (int)db_column_int64(&q, 0);
  db_finalize(&q);
  return v;
}
