/*
** src/auth/account.c — what an admin does to accounts from the command line
** (fazhi user list|disable|enable|reset|role|move): each a check, then one
** transaction with the change, the end of the user's sessions where it
** matters, and an audit entry holding the user row before and after.
** Creating accounts and logging in live in user.c.
*/
#include "auth/auth.h"
#include "audit/audit.h"
#include "engine/record.h"
#include "base/json.h"
#include <string.h>
#include <stdio.h>

int user_list(Ctx *c, UserRow **paRow, int *pnRow){
  Stmt q;
  int n = 0, nAlloc = 32, rc;
  UserRow *a = arena_alloc(c->pArena, sizeof(UserRow)*(size_t)nAlloc);
  *paRow = 0;
  *pnRow = 0;
  if( db_prepare(c->pDb, &q, "SELECT u.id, u.login, u.name, u.role, d.name, u.disabled, u.pw_temp, u.created_at"
                             " FROM users u JOIN dept d ON d.id=u.dept_id ORDER BY u.login") ){
    return err_internal(c, "user_list: %s", db_errmsg(c->pDb));
  }
  while( (rc = db_step(&q))==DB_ROW ){
    a = arena_grow(c->pArena, a, n, &nAlloc, sizeof *a);
    UserRow *p = &a[n++];
    p->id = db_column_int64(&q, 0);
    p->zLogin = arena_strdup(c->pArena, db_column_text(&q, 1));
    p->zName = arena_strdup(c->pArena, db_column_text(&q, 2));
    p->zRole = arena_strdup(c->pArena, db_column_text(&q, 3));
    p->zDept = arena_strdup(c->pArena, db_column_text(&q, 4));
    p->bDisabled = db_column_int64(&q, 5)!=0;
    p->bPwTemp = db_column_int64(&q, 6)!=0;
    p->zCreated = arena_strdup(c->pArena, db_column_text(&q, 7));
  }
  db_finalize(&q);
  if( rc!=DB_DONE ) return err_internal(c, "user_list: %s", db_errmsg(c->pDb));
  *paRow = a;
  *pnRow = n;
  return FZ_OK;
}

/* The one change every command makes: eWhat says which column takes the
** value (the hash for a reset), inside one write transaction with the
** audit entry; bEndSessions ends the user's sessions in it too. */
enum { UC_DISABLED, UC_PASSWORD, UC_ROLE, UC_DEPT };
static int user_change(Ctx *c, const char *zLogin, int eWhat, i64 iValue, const char *zValue,
                       const char *zAction, int bEndSessions){
  Stmt q;
  int rc;
  i64 iUser = 0;
  if( db_begin_write(c->pDb) ) goto db_fail;
  if( db_prepare(c->pDb, &q, "SELECT id FROM users WHERE login=?1") ) goto db_fail;
  db_bind_text(&q, 1, zLogin);
  if( db_step(&q)==DB_ROW ) iUser = db_column_int64(&q, 0);
  db_finalize(&q);
  if( iUser==0 ){
    db_rollback(c->pDb);
    err_add(c, 0, 0, "没有账号“%s”（用 fazhi user --db FILE list 查看全部账号）", zLogin);
    return FZ_INVALID;
  }
  /* the row as logged before and after (src/audit/guard.c), which check compares */
  const char *zKey = arena_printf(c->pArena, "%lld", (long long)iUser);
  const char *zBefore = audit_rows(c, "users", zKey);
  if( zBefore==0 ) goto db_fail;
  switch( eWhat ){
    case UC_DISABLED:
      rc = db_prepare(c->pDb, &q, "UPDATE users SET disabled=?2 WHERE id=?1");
      if( rc==DB_OK ) db_bind_int64(&q, 2, iValue);
      break;
    case UC_PASSWORD:
      rc = db_prepare(c->pDb, &q, "UPDATE users SET pw_hash=?2, pw_temp=1 WHERE id=?1");
      if( rc==DB_OK ) db_bind_text(&q, 2, zValue);
      break;
    case UC_ROLE:
      rc = db_prepare(c->pDb, &q, "UPDATE users SET role=?2 WHERE id=?1");
      if( rc==DB_OK ) db_bind_text(&q, 2, zValue);
      break;
    default:
      rc = db_prepare(c->pDb, &q, "UPDATE users SET dept_id=?2 WHERE id=?1");
      if( rc==DB_OK ) db_bind_int64(&q, 2, iValue);
      break;
  }
  if( rc ) goto db_fail;
  db_bind_int64(&q, 1, iUser);
  rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ) goto db_fail;
  if( bEndSessions ){
    if( db_prepare(c->pDb, &q, "DELETE FROM session WHERE user_id=?1") ) goto db_fail;
    db_bind_int64(&q, 1, iUser);
    rc = db_step(&q);
    db_finalize(&q);
    if( rc!=DB_DONE ) goto db_fail;
  }
  if( audit_rows_log(c, zAction, "users", zKey, iUser, zBefore) ) goto db_fail;
  if( db_commit(c->pDb) ) goto db_fail;
  return FZ_OK;
db_fail:
  rc = err_internal(c, "%s: %s", zAction, db_errmsg(c->pDb));
  db_rollback(c->pDb);
  return rc;
}

int user_set_disabled(Ctx *c, const char *zLogin, int bDisabled){
  return user_change(c, zLogin, UC_DISABLED, bDisabled ? 1 : 0, 0,
                     bDisabled ? "user_disable" : "user_enable", bDisabled);
}

int user_reset(Ctx *c, const char *zLogin, char zPw[17]){
  char zHash[256];
  random_token(zPw, 8);                 /* one-time password: 16 hex characters */
  if( pw_hash(zPw, zHash, sizeof zHash) ) return err_internal(c, "password hashing failed");
  return user_change(c, zLogin, UC_PASSWORD, 0, zHash, "user_reset", 1);
}

int user_set_role(Ctx *c, const char *zLogin, const char *zRole){
  if( role_bits(zRole)==0 ){
    err_add(c, 0, 0, "未知角色“%s”（应为 admin、clerk 或 leader）", zRole ? zRole : "");
    return FZ_INVALID;
  }
  return user_change(c, zLogin, UC_ROLE, 0, zRole, "user_role", 1);
}

int user_move(Ctx *c, const char *zLogin, i64 iDept){
  if( dept_disabled(c, iDept) ){ err_add(c, 0, 0, "“%s”已停用，不能再调入账号", dept_name(c, iDept)); return FZ_INVALID; }
  return user_change(c, zLogin, UC_DEPT, iDept, 0, "user_move", 1);
}
