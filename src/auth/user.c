/*
** src/auth/user.c — user accounts, login with throttling, and loading the
** Actor (role and department scope) a session acts as.
*/
#include "auth/auth.h"
#include "audit/audit.h"
#include "engine/record.h"
#include <string.h>
#include <stdio.h>
#include <time.h>

unsigned role_bits(const char *z){
  if( z==0 ) return 0;
  if( strcmp(z, "admin")==0 ) return R_ADMIN;
  if( strcmp(z, "clerk")==0 ) return R_CLERK;
  if( strcmp(z, "leader")==0 ) return R_LEADER;
  return 0;
}
const char *role_label(unsigned m){
  if( m & R_ADMIN ) return "县级管理员";
  if( m & R_CLERK ) return "部门录入员";
  if( m & R_LEADER ) return "领导（只读）";
  return "公众";
}

int user_create(Ctx *c, const char *zLogin, const char *zName, const char *zRole,
                i64 iDept, const char *zPw, i64 *piUser){
  char zHash[256];
  Stmt q;
  if( role_bits(zRole)==0 ){ err_add(c, 0, 0, "未知角色“%s”（应为 admin、clerk 或 leader）", zRole); return FZ_INVALID; }
  if( strlen(zPw) < PW_MIN_LEN ){ err_add(c, 0, 0, "密码至少需要%d个字符", PW_MIN_LEN); return FZ_INVALID; }
  if( pw_hash(zPw, zHash, sizeof zHash) ) return err_internal(c, "password hashing failed");
  if( db_begin_write(c->pDb) ) goto db_fail;
  if( db_prepare(c->pDb, &q, "SELECT 1 FROM users WHERE login=?1") ) goto db_fail;
  db_bind_text(&q, 1, zLogin);
  int bExists = db_step(&q)==DB_ROW;
  db_finalize(&q);
  if( bExists ){
    db_rollback(c->pDb);
    err_add(c, 0, 0, "账号“%s”已存在", zLogin);
    return FZ_INVALID;
  }
  if( db_prepare(c->pDb, &q, "INSERT INTO users(id, login, name, role, dept_id, pw_hash, created_at)"
                             " VALUES((SELECT COALESCE(MAX(id),0)+1 FROM users), ?1, ?2, ?3, ?4, ?5, ?6)"
                             " RETURNING id") ) goto db_fail;
  db_bind_text(&q, 1, zLogin);
  db_bind_text(&q, 2, zName);
  db_bind_text(&q, 3, zRole);
  db_bind_int64(&q, 4, iDept);
  db_bind_text(&q, 5, zHash);
  db_bind_text(&q, 6, rec_now_iso(c));
  i64 id = 0;
  if( db_step(&q)==DB_ROW ) id = db_column_int64(&q, 0);
  db_finalize(&q);
  if( id==0 ) goto db_fail;
  /* the whole row as logged (src/audit/guard.c), which check compares */
  if( audit_rows_log(c, "user_create", "users", arena_printf(c->pArena, "%lld", (long long)id), id, "") ) goto db_fail;
  if( db_commit(c->pDb) ) goto db_fail;
  if( piUser ) *piUser = id;
  return FZ_OK;
db_fail:
  {
    int rc = err_internal(c, "user_create: %s", db_errmsg(c->pDb));
    db_rollback(c->pDb);
    return rc;
  }
}

/* The subtree an actor may see: a county admin (司法局 / 依法治县办) the
** whole county — the county or city their department belongs to (a city's
** admin so sees its counties) — else the first level of the department
** path ("/1/"); others their own department and below. */
void actor_scope_set(Db *pDb, Arena *a, Actor *p){
  const char *zPath = p->zDeptPath;
  p->bCity = 0;
  if( !(p->mRole & R_ADMIN) || zPath==0 || zPath[0]!='/' ) return;
  const char *zUnit = dept_unit_path(pDb, a, zPath, "county,city");
  if( zUnit ){
    p->zDeptPath = zUnit;
    const char *zCity = dept_unit_path(pDb, a, zUnit, "city");
    p->bCity = zCity && strcmp(zCity, zUnit)==0;
    return;
  }
  const char *e = strchr(zPath+1, '/');
  if( e ) p->zDeptPath = arena_strndup(a, zPath, (size_t)(e-zPath)+1);
}

/* Columns 0..5 of q: users.id, login, name, role, dept_id, dept.path; the
** caller then sets the scope (actor_scope_set). */
void actor_from_row(Stmt *q, Arena *a, Actor *p){
  p->iUser = db_column_int64(q, 0);
  p->zLogin = arena_strdup(a, db_column_text(q, 1));
  p->zName = arena_strdup(a, db_column_text(q, 2));
  p->mRole = role_bits(db_column_text(q, 3));
  p->iDept = db_column_int64(q, 4);
  p->zDeptPath = arena_strdup(a, db_column_text(q, 5));
}

int actor_load(Db *pDb, Arena *a, i64 iUser, Actor *p){
  Stmt q;
  int rc = FZ_NOTFOUND;
  if( db_prepare(pDb, &q, "SELECT u.id, u.login, u.name, u.role, u.dept_id, d.path"
                          " FROM users u JOIN dept d ON d.id=u.dept_id"
                          " WHERE u.id=?1 AND u.disabled=0") ) return FZ_INTERNAL;
  db_bind_int64(&q, 1, iUser);
  if( db_step(&q)==DB_ROW ){
    actor_from_row(&q, a, p);
    rc = FZ_OK;
  }
  db_finalize(&q);
  if( rc==FZ_OK ) actor_scope_set(pDb, a, p);
  return rc;
}

/* Throttling state for one key: returns seconds still locked, 0 if free. */
static i64 throttle_locked(Db *pDb, const char *zKey, i64 now){
  Stmt q;
  i64 until = 0;
  if( db_prepare(pDb, &q, "SELECT locked_until FROM login_fail WHERE fkey=?1") ) return 0;
  db_bind_text(&q, 1, zKey);
  if( db_step(&q)==DB_ROW ) until = db_column_int64(&q, 0);
  db_finalize(&q);
  return until>now ? until-now : 0;
}

static void throttle_fail(Db *pDb, const char *zKey, int nMax, i64 now){
  Stmt q;
  i64 n = 0, first = now;
  db_begin_write(pDb);
  if( db_prepare(pDb, &q, "SELECT n, first_at FROM login_fail WHERE fkey=?1")==DB_OK ){
    db_bind_text(&q, 1, zKey);
    if( db_step(&q)==DB_ROW ){ n = db_column_int64(&q, 0); first = db_column_int64(&q, 1); }
    db_finalize(&q);
  }
  if( now-first > 15*60 ){ n = 0; first = now; }
  n++;
  i64 until = n>=nMax ? now + 15*60 : 0;
  if( db_prepare(pDb, &q, "DELETE FROM login_fail WHERE fkey=?1")==DB_OK ){
    db_bind_text(&q, 1, zKey);
    db_step(&q);
    db_finalize(&q);
  }
  if( db_prepare(pDb, &q, "INSERT INTO login_fail(fkey, n, first_at, locked_until) VALUES(?1,?2,?3,?4)")==DB_OK ){
    db_bind_text(&q, 1, zKey);
    db_bind_int64(&q, 2, n);
    db_bind_int64(&q, 3, first);
    db_bind_int64(&q, 4, until);
    db_step(&q);
    db_finalize(&q);
  }
  db_commit(pDb);
}

static void throttle_clear(Db *pDb, const char *zKey){
  Stmt q;
  if( db_prepare(pDb, &q, "DELETE FROM login_fail WHERE fkey=?1")==DB_OK ){
    db_bind_text(&q, 1, zKey);
    db_step(&q);
    db_finalize(&q);
  }
}

int user_login(Db *pDb, Arena *a, const char *zLogin, const char *zPw, const char *zAddr,
               Actor *pActor, char *zErr, int nErr){
  i64 now = (i64)time(0);
  const char *zUKey = arena_printf(a, "u:%s", zLogin);
  const char *zIKey = arena_printf(a, "ip:%s", zAddr ? zAddr : "");
  i64 wait = throttle_locked(pDb, zUKey, now);
  i64 wait2 = throttle_locked(pDb, zIKey, now);
  if( wait2>wait ) wait = wait2;
  if( wait ){
    snprintf(zErr, (size_t)nErr, "登录失败次数过多，请%lld分钟后再试", (long long)(wait+59)/60);
    return FZ_FORBIDDEN;
  }
  Stmt q;
  i64 iUser = 0;
  char zHash[256] = "";
  if( db_prepare(pDb, &q, "SELECT id, pw_hash FROM users WHERE login=?1 AND disabled=0") ) return FZ_INTERNAL;
  db_bind_text(&q, 1, zLogin);
  if( db_step(&q)==DB_ROW ){
    iUser = db_column_int64(&q, 0);
    snprintf(zHash, sizeof zHash, "%s", db_column_text(&q, 1));
  }
  db_finalize(&q);
  /* The attempt counts before the (slow) check, so parallel guesses cannot
  ** all pass the lock test first; a success clears it again below. */
  throttle_fail(pDb, zUKey, 5, now);
  /* Verify against a dummy hash for unknown logins too, so timing does not
  ** reveal which accounts exist. */
  static const char zDummy[] =
    "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  int ok = pw_verify(iUser ? zHash : zDummy, zPw) && iUser;
  if( !ok ){
    throttle_fail(pDb, zIKey, 20, now);
    snprintf(zErr, (size_t)nErr, "账号或密码错误");
    return FZ_INVALID;
  }
  db_begin_write(pDb);
  throttle_clear(pDb, zUKey);
  db_commit(pDb);
  return actor_load(pDb, a, iUser, pActor);
}

int user_set_password(Ctx *c, i64 iUser, const char *zOld, const char *zNew, const char *zNew2,
                      const char *zKeepSession){
  Stmt q;
  char zHash[256] = "", zLogin[128] = "";
  if( db_prepare(c->pDb, &q, "SELECT pw_hash, login FROM users WHERE id=?1") ) return err_internal(c, "%s", db_errmsg(c->pDb));
  db_bind_int64(&q, 1, iUser);
  if( db_step(&q)==DB_ROW ){
    snprintf(zHash, sizeof zHash, "%s", db_column_text(&q, 0));
    snprintf(zLogin, sizeof zLogin, "%s", db_column_text(&q, 1));
  }
  db_finalize(&q);
  static const Field fOld = { "old", "原密码", FT_TEXT }, fNew = { "new", "新密码", FT_TEXT }, fNew2 = { "new2", "确认新密码", FT_TEXT };
  /* Wrong old passwords count toward the login throttle: a stolen session
  ** cannot be used to guess the password. */
  i64 now = (i64)time(0);
  const char *zUKey = arena_printf(c->pArena, "u:%s", zLogin);
  i64 wait = throttle_locked(c->pDb, zUKey, now);
  if( wait ){
    err_add(c, 0, &fOld, "错误次数过多，请%lld分钟后再试", (long long)(wait+59)/60);
    return FZ_INVALID;
  }
  if( zOld==0 || !pw_verify(zHash, zOld) ){
    throttle_fail(c->pDb, zUKey, 5, now);
    err_add(c, 0, &fOld, "不正确");
  }
  if( zNew==0 || strlen(zNew)<PW_MIN_LEN ) err_add(c, 0, &fNew, "至少需要%d个字符", PW_MIN_LEN);
  else if( zOld && strcmp(zNew, zOld)==0 ) err_add(c, 0, &fNew, "不能与原密码相同");
  if( zNew && (zNew2==0 || strcmp(zNew, zNew2)!=0) ) err_add(c, 0, &fNew2, "两次输入的新密码不一致");
  if( c->err.n ) return FZ_INVALID;
  if( pw_hash(zNew, zHash, sizeof zHash) ) return err_internal(c, "password hashing failed");
  if( db_begin_write(c->pDb) ) goto db_fail;
  const char *zKey = arena_printf(c->pArena, "%lld", (long long)iUser);
  const char *zBefore = audit_rows(c, "users", zKey);
  if( zBefore==0 ) goto db_fail;
  if( db_prepare(c->pDb, &q, "UPDATE users SET pw_hash=?1 WHERE id=?2") ) goto db_fail;
  db_bind_text(&q, 1, zHash);
  db_bind_int64(&q, 2, iUser);
  int rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ) goto db_fail;
  /* every other session of this user ends: a stolen session does not survive the change */
  if( db_prepare(c->pDb, &q, "DELETE FROM session WHERE user_id=?1 AND token_hash<>?2") ) goto db_fail;
  db_bind_int64(&q, 1, iUser);
  db_bind_text(&q, 2, zKeepSession ? zKeepSession : "");
  rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ) goto db_fail;
  if( audit_rows_log(c, "password_change", "users", zKey, iUser, zBefore) ) goto db_fail;
  if( db_commit(c->pDb) ) goto db_fail;
  return FZ_OK;
db_fail:
  rc = err_internal(c, "user_set_password: %s", db_errmsg(c->pDb));
  db_rollback(c->pDb);
  return rc;
}
