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

/* Inserts the account; zPw is hashed; bTemp marks it one-time. The
** audit entry holds the new row as check compares it (audit_rows_log). */
static int user_insert(Ctx *c, const char *zLogin, const char *zName, const char *zRole,
                       i64 iDept, const char *zPw, int bTemp, i64 *piUser){
  char zHash[256];
  Stmt q;
  static const Field fLogin = { "login", "账号", FT_TEXT }, fName = { "name", "姓名", FT_TEXT };
  int bBad = rec_text_checked(c, &fLogin, zLogin, 0)==0;
  if( rec_text_checked(c, &fName, zName, 0)==0 ) bBad = 1;
  if( bBad ) return FZ_INVALID;              /* one line of valid text each */
  if( role_bits(zRole)==0 ){ err_add(c, 0, 0, "未知角色“%s”（应为 admin、clerk 或 leader）", zRole); return FZ_INVALID; }
  if( zLogin==0 || zLogin[0]==0 ){ err_add(c, 0, 0, "账号不能为空"); return FZ_INVALID; }
  if( dept_disabled(c, iDept) ){ err_add(c, 0, 0, "“%s”已停用，不能再添加账号", dept_name(c, iDept)); return FZ_INVALID; }
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
  i64 idNew = audit_next_id(c->pDb, "users", "@users");   /* never a deleted user's id */
  if( idNew==0 ) goto db_fail;
  if( db_prepare(c->pDb, &q, "INSERT INTO users(id, login, name, role, dept_id, pw_hash, created_at, pw_temp)"
                             " VALUES(?8, ?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                             " RETURNING id") ) goto db_fail;
  db_bind_int64(&q, 8, idNew);
  db_bind_text(&q, 1, zLogin);
  db_bind_text(&q, 2, zName);
  db_bind_text(&q, 3, zRole);
  db_bind_int64(&q, 4, iDept);
  db_bind_text(&q, 5, zHash);
  db_bind_text(&q, 6, rec_now_iso(c));
  db_bind_int64(&q, 7, bTemp ? 1 : 0);
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
    int rc2 = err_internal(c, "user_create: %s", db_errmsg(c->pDb));
    db_rollback(c->pDb);
    return rc2;
  }
}

int user_create(Ctx *c, const char *zLogin, const char *zName, const char *zRole,
                i64 iDept, const char *zPw, i64 *piUser){
  const char *zWhy = pw_weak(zPw, zLogin);
  if( zWhy ){ err_add(c, 0, 0, "密码%s", zWhy); return FZ_INVALID; }
  return user_insert(c, zLogin, zName, zRole, iDept, zPw, 1, piUser);
}

int user_create_demo(Ctx *c, const char *zLogin, const char *zName, const char *zRole,
                     i64 iDept, const char *zPw){
  return user_insert(c, zLogin, zName, zRole, iDept, zPw, 0, 0);
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

/* Columns 0..6 of q: users.id, login, name, role, dept_id, dept.path,
** pw_temp; the caller then sets the scope (actor_scope_set). */
void actor_from_row(Stmt *q, Arena *a, Actor *p){
  p->iUser = db_column_int64(q, 0);
  p->zLogin = arena_strdup(a, db_column_text(q, 1));
  p->zName = arena_strdup(a, db_column_text(q, 2));
  p->mRole = role_bits(db_column_text(q, 3));
  p->iDept = db_column_int64(q, 4);
  p->zDeptPath = arena_strdup(a, db_column_text(q, 5));
  p->bPwTemp = db_column_int64(q, 6)!=0;
}

int actor_load(Db *pDb, Arena *a, i64 iUser, Actor *p){
  Stmt q;
  int rc = FZ_NOTFOUND;
  if( db_prepare(pDb, &q, "SELECT u.id, u.login, u.name, u.role, u.dept_id, d.path, u.pw_temp"
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

/* A hash to verify against when the login does not exist, so timing does
** not reveal which accounts exist. */
static const char zDummyHash[] =
  "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

int user_login(Db *pDb, Arena *a, const char *zLogin, const char *zPw, const char *zAddr,
               const char *zDevice, const char *zChannel, Actor *pActor, char *zErr, int nErr){
  Throttle t;
  snprintf(zErr, (size_t)nErr, "账号或密码错误");
  /* Counted and checked in one statement per key, before the (slow)
  ** password check: parallel guesses each get their own number. */
  if( throttle_begin(pDb, a, zLogin, zAddr, zDevice, (i64)time(0), &t) ) return FZ_INTERNAL;
  t.zLogAddr = zAddr, t.zChannel = zChannel;       /* the login log's row, written by throttle_end */
  if( !t.bAllowed ){
    throttle_message(&t, zErr, nErr);
    t.zLogResult = "throttled";
    return throttle_end(pDb, a, &t, 0, 0) ? FZ_INTERNAL : FZ_FORBIDDEN;
  }
  Stmt q;
  i64 iUser = 0;
  int bDisabled = 0, bTemp = 0;
  char zHash[256] = "";
  if( db_prepare(pDb, &q, "SELECT id, pw_hash, disabled, pw_temp FROM users WHERE login=?1") ) return FZ_INTERNAL;
  db_bind_text(&q, 1, zLogin);
  if( db_step(&q)==DB_ROW ){
    iUser = db_column_int64(&q, 0);
    snprintf(zHash, sizeof zHash, "%s", db_column_text(&q, 1));
    bDisabled = db_column_int64(&q, 2)!=0;
    bTemp = db_column_int64(&q, 3)!=0;
  }
  db_finalize(&q);
  /* a disabled account is answered as an unknown one (same hash work) */
  int bKnown = iUser && !bDisabled;
  int ok = pw_verify(bKnown ? zHash : zDummyHash, zPw) && bKnown;
  t.zLogResult = ok ? (bTemp ? "temp" : "ok") : bDisabled ? "disabled" : "bad";
  if( throttle_end(pDb, a, &t, ok, 1) ) return FZ_INTERNAL;
  if( !ok ) return FZ_INVALID;
  /* The account was disabled between the two reads: as a wrong password
  ** (a storage failure is answered 503 by the dispatcher). */
  int rc = actor_load(pDb, a, iUser, pActor);
  return rc==FZ_NOTFOUND ? FZ_INVALID : rc;
}

int user_set_password(Ctx *c, i64 iUser, const char *zOld, const char *zNew, const char *zNew2,
                      const char *zKeepSession, const char *zAddr){
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
  /* Old passwords are checked like logins, throttled the same way: a
  ** stolen session cannot be used to guess the password. */
  Throttle t;
  if( throttle_begin(c->pDb, c->pArena, zLogin, zAddr, 0, (i64)time(0), &t) ) return err_internal(c, "throttle: %s", db_errmsg(c->pDb));
  if( !t.bAllowed ){
    if( t.nWait<60 ) err_add(c, 0, &fOld, "错误次数过多，请%lld秒后再试", (long long)t.nWait);
    else err_add(c, 0, &fOld, "错误次数过多，请%lld分钟后再试", (long long)(t.nWait+59)/60);
    if( throttle_end(c->pDb, c->pArena, &t, 0, 0) ) return err_internal(c, "throttle: %s", db_errmsg(c->pDb));
    return FZ_INVALID;
  }
  int bOldOk = zOld!=0 && pw_verify(zHash, zOld);
  if( throttle_end(c->pDb, c->pArena, &t, bOldOk, 0) ) return err_internal(c, "throttle: %s", db_errmsg(c->pDb));
  if( !bOldOk ) err_add(c, 0, &fOld, "不正确");
  const char *zWhy = zNew==0 ? "不能为空" : zOld && strcmp(zNew, zOld)==0 ? "不能与原密码相同" : pw_weak(zNew, zLogin);
  if( zWhy ) err_add(c, 0, &fNew, "%s", zWhy);
  if( zNew && (zNew2==0 || strcmp(zNew, zNew2)!=0) ) err_add(c, 0, &fNew2, "两次输入的新密码不一致");
  if( c->err.n ) return FZ_INVALID;
  if( pw_hash(zNew, zHash, sizeof zHash) ) return err_internal(c, "password hashing failed");
  if( db_begin_write(c->pDb) ) goto db_fail;
  const char *zKey = arena_printf(c->pArena, "%lld", (long long)iUser);
  const char *zBefore = audit_rows(c, "users", zKey);
  if( zBefore==0 ) goto db_fail;
  if( db_prepare(c->pDb, &q, "UPDATE users SET pw_hash=?1, pw_temp=0 WHERE id=?2") ) goto db_fail;
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
