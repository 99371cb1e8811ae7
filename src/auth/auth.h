/*
** src/auth/auth.h — users, passwords, sessions and failed-login throttling.
**
** Passwords: Argon2id (libsodium crypto_pwhash_str) with OWASP's minimum
** (19 MiB, 2 passes) so a login does not double the server's memory.
** Sessions: a 256-bit random token in an HttpOnly SameSite cookie; only its
** SHA-256 is stored, with a per-session CSRF token for forms.
** Throttling: 5 failures for one login, or 20 from one address, within
** 15 minutes lock further attempts for 15 minutes.
*/
#ifndef FZ_AUTH_H
#define FZ_AUTH_H
#include "engine/ctx.h"

#define SESSION_HOURS 12
#define PW_MIN_LEN 8

unsigned role_bits(const char *zRole);          /* "admin" -> R_ADMIN … ; 0 if unknown */
const char *role_label(unsigned mRole);          /* 县级管理员 / 部门录入员 / 领导 / 公众 */
int  pw_hash(const char *zPw, char *zOut, int nOut);
int  pw_verify(const char *zHash, const char *zPw);
void random_token(char *zOut, int nBytes);      /* hex, 2*nBytes+1 chars */

int  user_create(Ctx*, const char *zLogin, const char *zName, const char *zRole,
                 i64 iDept, const char *zPw, i64 *piUser);
/* Checks a password, with throttling. On success fills *pActor (arena
** strings) and returns FZ_OK; otherwise a Chinese reason in zErr. */
int  user_login(Db*, Arena*, const char *zLogin, const char *zPw, const char *zAddr,
                Actor *pActor, char *zErr, int nErr);
int  actor_load(Db*, Arena*, i64 iUser, Actor *pActor);
/* Checks the old password and the new one (length, confirmation); audited. */
int  user_set_password(Ctx*, i64 iUser, const char *zOld, const char *zNew, const char *zNew2,
                       const char *zKeepSession /* token hash of the session to keep */);
void session_token_hash(const char *zToken, char zOut[65]);
/* users.id, login, name, role, dept_id, dept.path; then actor_scope_set */
void actor_from_row(Stmt*, Arena*, Actor*);
void actor_scope_set(Db*, Arena*, Actor*);     /* zDeptPath becomes what the actor may see */

int  session_create(Db*, i64 iUser, char zToken[65], char zCsrf[65]);
int  session_load(Db*, Arena*, const char *zToken, Actor *pActor, const char **pzCsrf);
void session_delete(Db*, const char *zToken);
#endif
