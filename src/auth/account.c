/*
** src/auth/account.c — what an admin does to accounts, from the command line
** (fazhi user list|disable|enable|reset|role|move) and from the 用户管理 page
** (user_list_in, user_rename and the user_admin_* rules at the end, which
** call the same functions): each a check, then one
** transaction with the change, the end of the user's sessions where it
** matters, and an audit entry holding the user row before and after.
** Creating accounts and logging in live in user.c.
*/
#include "auth/auth.h"
#include "audit/audit.h"
#include "engine/record.h"
#include "base/json.h"
#include "engine/record.h"
#include <string.h>
#include <stdio.h>

/* Escapes LIKE's wildcards in zText and wraps it in %…% (ESCAPE '\\'). */
static const char *like_pattern(Arena *a, const char *zText){
  size_t n = strlen(zText);
  char *z = arena_alloc(a, 2*n+3), *p = z;
  *p++ = '%';
  for(size_t i=0; i<n; i++){
    if( zText[i]=='%' || zText[i]=='_' || zText[i]=='\\' ) *p++ = '\\';
    *p++ = zText[i];
  }
  *p++ = '%';
  *p = 0;
  return z;
}

int user_list_in(Ctx *c, const UserFilter *f, UserRow **paRow, int *pnRow){
  Stmt q;
  int n = 0, nAlloc = 32, rc;
  UserRow *a = arena_alloc(c->pArena, sizeof(UserRow)*(size_t)nAlloc);
  const char *zQuery = f && f->zQuery ? f->zQuery : "";
  *paRow = 0;
  *pnRow = 0;
  if( db_prepare(c->pDb, &q, "SELECT u.id, u.login, u.name, u.role, d.name, u.disabled, u.pw_temp, u.created_at,"
                             " u.dept_id, d.path"
                             " FROM users u JOIN dept d ON d.id=u.dept_id"
                             " WHERE " SQL_IN_SCOPE("d.path", 1, 2)
                             " AND (?3=0 OR u.id=?3)"
                             " AND (?4='' OR u.login LIKE ?5 ESCAPE '\\' OR u.name LIKE ?5 ESCAPE '\\')"
                             " AND (?6=0 OR EXISTS(SELECT 1 FROM dept f WHERE f.id=?6 AND "
                             SQL_PATH_UNDER("d.path", "length(f.path)", "f.path") "))"
                             " ORDER BY u.login") ){
    return err_internal(c, "user_list: %s", db_errmsg(c->pDb));
  }
  db_bind_scope(&q, 1, 2, f && f->zScope ? f->zScope : "/");
  db_bind_int64(&q, 3, f ? f->iUser : 0);
  db_bind_text(&q, 4, zQuery);
  db_bind_text(&q, 5, like_pattern(c->pArena, zQuery));
  db_bind_int64(&q, 6, f ? f->iDept : 0);
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
    p->iDept = db_column_int64(&q, 8);
    p->zDeptPath = arena_strdup(c->pArena, db_column_text(&q, 9));
  }
  db_finalize(&q);
  if( rc!=DB_DONE ) return err_internal(c, "user_list: %s", db_errmsg(c->pDb));
  *paRow = a;
  *pnRow = n;
  return FZ_OK;
}

int user_list(Ctx *c, UserRow **paRow, int *pnRow){
  return user_list_in(c, 0, paRow, pnRow);
}

int user_get_in(Ctx *c, const char *zScope, i64 iUser, UserRow *p){
  UserRow *a;
  int n;
  UserFilter f = { .zScope = zScope, .iUser = iUser };
  if( iUser<=0 ) return FZ_NOTFOUND;
  int rc = user_list_in(c, &f, &a, &n);
  if( rc ) return rc;
  if( n==0 ) return FZ_NOTFOUND;
  *p = a[0];
  return FZ_OK;
}

/* The one change every command makes: eWhat says which column takes the
** value (the hash for a reset), inside one write transaction with the
** audit entry; bEndSessions ends the user's sessions in it too. */
enum { UC_DISABLED, UC_PASSWORD, UC_ROLE, UC_DEPT, UC_NAME };
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
    case UC_NAME:
      rc = db_prepare(c->pDb, &q, "UPDATE users SET name=?2 WHERE id=?1");
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

int user_rename(Ctx *c, const char *zLogin, const char *zName){
  static const Field fName = { "name", "姓名", FT_TEXT };
  if( rec_text_checked(c, &fName, zName, 0)==0 ) return FZ_INVALID;
  if( zName==0 || zName[0]==0 ){ err_add(c, 0, &fName, "姓名不能为空"); return FZ_INVALID; }
  return user_change(c, zLogin, UC_NAME, 0, zName, "user_rename", 0);
}

/* ---- The same changes from the 用户管理 page (src/handlers/users.c) ----
** The page acts as c->pActor, an admin: the account is already known to lie
** in its scope (user_get_in). These add what the command line, run by the
** server's owner, does not need: a city's admin manages the admins of its
** counties only; nobody disables or demotes themselves; a department must
** lie in the admin's scope. Each refusal is a Chinese message in c->err
** (FZ_INVALID) or FZ_FORBIDDEN; nothing is changed then. */

static const Field fLoginF = { "login", "账号", FT_TEXT };
static const Field fNameF = { "name", "姓名", FT_TEXT };
static const Field fRoleF = { "role", "角色", FT_TEXT };
static const Field fDeptF = { "dept", "部门", FT_TEXT };

/* The role and department an admin may give: FZ_OK or FZ_INVALID (errors
** beside the fields). */
static int admin_may_give(Ctx *c, const char *zRole, i64 iDept){
  int rc = FZ_OK;
  if( zRole==0 || role_bits(zRole)==0 ){ err_add(c, 0, &fRoleF, "请选择角色"); rc = FZ_INVALID; }
  else if( c->pActor->bCity && strcmp(zRole, "admin")!=0 ){
    err_add(c, 0, &fRoleF, "市级管理员只能设立和管理所辖县（区）的管理员账号");
    rc = FZ_INVALID;
  }
  if( iDept<=0 || !dept_in_scope(c, iDept) ){ err_add(c, 0, &fDeptF, "请选择本级管理范围内的部门"); rc = FZ_INVALID; }
  return rc;
}

int user_admin_may(Ctx *c, const UserRow *p){
  if( c->pActor->bCity && strcmp(p->zRole, "admin")!=0 ) return FZ_FORBIDDEN;
  return FZ_OK;
}

int user_admin_create(Ctx *c, const char *zLogin, const char *zName, const char *zRole,
                      i64 iDept, char zPw[17]){
  int rc = admin_may_give(c, zRole, iDept);
  if( zLogin==0 || zLogin[0]==0 ){ err_add(c, 0, &fLoginF, "账号不能为空"); rc = FZ_INVALID; }
  else if( strcspn(zLogin, "/?#%& \t")!=strlen(zLogin) ){
    err_add(c, 0, &fLoginF, "账号不能含空格和 / ? # %% & 等符号");
    rc = FZ_INVALID;
  }
  if( zName==0 || zName[0]==0 ){ err_add(c, 0, &fNameF, "姓名不能为空"); rc = FZ_INVALID; }
  if( rc ) return rc;
  random_token(zPw, 8);                 /* one-time password: 16 hex characters */
  return user_create(c, zLogin, zName, zRole, iDept, zPw, 0);
}

int user_admin_edit(Ctx *c, const UserRow *p, const char *zName, const char *zRole, i64 iDept){
  int rc = user_admin_may(c, p);
  if( rc ) return rc;
  rc = admin_may_give(c, zRole, iDept);
  if( zName==0 || zName[0]==0 ){ err_add(c, 0, &fNameF, "姓名不能为空"); rc = FZ_INVALID; }
  else if( rec_text_checked(c, &fNameF, zName, 0)==0 ) rc = FZ_INVALID;
  if( rc==FZ_OK && p->id==c->pActor->iUser && strcmp(zRole, p->zRole)!=0 ){
    err_add(c, 0, &fRoleF, "不能更改自己的角色（请由其他管理员操作）");
    rc = FZ_INVALID;
  }
  if( rc ) return rc;
  if( strcmp(zName, p->zName)!=0 && (rc = user_rename(c, p->zLogin, zName))!=FZ_OK ) return rc;
  if( strcmp(zRole, p->zRole)!=0 && (rc = user_set_role(c, p->zLogin, zRole))!=FZ_OK ) return rc;
  if( iDept!=p->iDept && (rc = user_move(c, p->zLogin, iDept))!=FZ_OK ) return rc;
  return FZ_OK;
}

int user_admin_act(Ctx *c, const UserRow *p, int eAct, char zPw[17]){
  int rc = user_admin_may(c, p);
  if( rc ) return rc;
  switch( eAct ){
    case UA_DISABLE:
      if( p->id==c->pActor->iUser ){ err_add(c, 0, 0, "不能停用自己的账号"); return FZ_INVALID; }
      return user_set_disabled(c, p->zLogin, 1);
    case UA_ENABLE:  return user_set_disabled(c, p->zLogin, 0);
    case UA_RESET:
      if( p->id==c->pActor->iUser ){ err_add(c, 0, 0, "请在“个人中心”修改自己的密码"); return FZ_INVALID; }
      return user_reset(c, p->zLogin, zPw);
    default: {
      int nRemoved = 0;
      int rc2 = throttle_unlock(c, p->zLogin, &nRemoved);
      if( rc2==FZ_OK && nRemoved==0 ){       /* nothing was lifted: say so, not "已解除" */
        err_add(c, 0, 0, "账号“%s”当前没有登录限制，无需解除", p->zLogin);
        return FZ_CONFLICT;
      }
      return rc2;
    }
  }
}
