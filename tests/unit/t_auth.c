/*
** tests/unit/t_auth.c — unit tests for src/auth: the password policy
** (pw_weak) and the login throttle's counting (throttle.c) with a clock
** the test sets, so the delays and the hour-long windows are checked
** exactly. Runs on SQLite, or on PostgreSQL with FZ_TEST_PG.
*/
#include "app/app.h"
#include "auth/auth.h"
#include "t.h"
#include <stdlib.h>
#include <unistd.h>

static void t_pw_weak(void){
  T_EQ_STR(pw_weak("short", "u"), "至少需要10个字符");
  T_EQ_STR(pw_weak("123456789", "u"), "至少需要10个字符");
  T_CHECK(pw_weak("法治政府建设很重要吧", "u")==0);          /* 10 characters, 30 bytes */
  T_EQ_STR(pw_weak("法治政府建设很重要", "u"), "至少需要10个字符");  /* 9 characters */
  T_EQ_STR(pw_weak("zhangsan2026", "ZhangSan2026"), "不能与账号相同");
  T_EQ_STR(pw_weak("xxxxxxxxxxxx", "u"), "不能全部是同一个字符");
  T_EQ_STR(pw_weak("1234567890", "u"), "是最常见的密码之一，很容易被猜中");
  T_EQ_STR(pw_weak("PASSWORD123", "u"), "是最常见的密码之一，很容易被猜中");
  T_EQ_STR(pw_weak("qwertyuiop", "u"), "是最常见的密码之一，很容易被猜中");
  T_EQ_STR(pw_weak("123456789a", "u"), "是最常见的密码之一，很容易被猜中");
  T_EQ_STR(pw_weak("admin12345", "u"), "是最常见的密码之一，很容易被猜中");
  T_CHECK(pw_weak("Neu-Pass-2026", "u")==0);
  T_CHECK(pw_weak("0f3a9c2b7d1e4a5b", "admin")==0);              /* a one-time password */
}

static Db *t_open(void){
  char zPath[] = "/tmp/fazhi-t-auth.XXXXXX";
  int fd = mkstemp(zPath);
  if( fd>=0 ) close(fd);
  Db *p = app_open(t_db_target(zPath), 1);
  if( p==0 ){ fprintf(stderr, "  cannot open %s\n", zPath); exit(1); }
  return p;
}

/* n attempts at zLogin from zAddr at time now, each failing; returns how
** many were let through to the password check. */
static int t_fail(Db *p, Arena *a, const char *zLogin, const char *zAddr, i64 now, int n){
  int nChecked = 0;
  for(int i=0; i<n; i++){
    Throttle t;
    if( throttle_begin(p, a, zLogin, zAddr, now, &t) ){ T_CHECK(0); return -1; }
    nChecked += t.bAllowed;
    throttle_end(p, a, &t, 0);
  }
  return nChecked;
}
static int t_try(Db *p, Arena *a, const char *zLogin, const char *zAddr, i64 now, int bRight){
  Throttle t;
  if( throttle_begin(p, a, zLogin, zAddr, now, &t) ){ T_CHECK(0); return -1; }
  throttle_end(p, a, &t, t.bAllowed && bRight);
  return t.bAllowed;
}

static void t_throttle(void){
  Db *p = t_open();
  Arena a;
  arena_init(&a);
  i64 t0 = 1800000000;
  /* the pair: 5 checked an hour, then refused until the window ends */
  T_EQ_INT(t_fail(p, &a, "admin", "10.0.0.1", t0, 8), THROTTLE_PAIR_MAX);
  T_EQ_INT(t_try(p, &a, "admin", "10.0.0.1", t0+3599, 1), 0);
  T_EQ_INT(t_try(p, &a, "admin", "10.0.0.2", t0+10, 1), 1);          /* another address */
  ThrottleRow *aRow;
  int nRow = 0, bPair = 0;
  T_EQ_INT(throttle_list(p, &a, t0+10, &aRow, &nRow), FZ_OK);        /* locked keys are listed */
  for(int i=0; i<nRow; i++) if( strcmp(aRow[i].zKey, "ua:admin 10.0.0.1")==0 ) bPair = 1;
  T_CHECK(bPair);
  T_EQ_INT(t_try(p, &a, "admin", "10.0.0.1", t0+3601, 1), 1);        /* the next hour */
  /* a success takes its count back: 100 logins from an office address */
  for(int i=0; i<100; i++) T_EQ_INT(t_try(p, &a, "u", "10.5.0.1", t0, 1), 1);
  /* the account: after 10, failing addresses are refused, clean ones not */
  T_EQ_INT(t_fail(p, &a, "leader", "10.1.0.1", t0, 4), 4);
  T_EQ_INT(t_fail(p, &a, "leader", "10.1.0.2", t0, 4), 4);
  T_EQ_INT(t_fail(p, &a, "leader", "10.1.0.3", t0, 4), 2);           /* 9th and 10th */
  T_EQ_INT(t_try(p, &a, "leader", "10.1.0.1", t0+5, 1), 0);
  T_EQ_INT(t_try(p, &a, "leader", "10.1.0.9", t0+5, 1), 1);          /* the owner */
  /* the address: 20 at once, then 1, 4, 9 s … apart */
  i64 t1 = t0 + 100000;
  int n = 0;
  for(int i=0; i<20; i++){ char z[20]; snprintf(z, sizeof z, "x%d", i); n += t_try(p, &a, z, "10.2.0.1", t1, 0); }
  T_EQ_INT(n, 20);
  /* the 20th set 1 s; each attempt let through after that sets (n-19)^2 s,
  ** n counting the refused ones too */
  T_EQ_INT(t_try(p, &a, "y1", "10.2.0.1", t1, 0), 0);                /* n=21, within 1 s */
  T_EQ_INT(t_try(p, &a, "y2", "10.2.0.1", t1+1, 0), 1);              /* n=22: next after 9 s */
  T_EQ_INT(t_try(p, &a, "y3", "10.2.0.1", t1+9, 0), 0);              /* n=23 */
  T_EQ_INT(t_try(p, &a, "y4", "10.2.0.1", t1+10, 0), 1);             /* n=24: next after 25 s */
  T_EQ_INT(t_try(p, &a, "y5", "10.2.0.1", t1+34, 0), 0);
  T_EQ_INT(t_try(p, &a, "y6", "10.2.0.1", t1+35, 0), 1);             /* n=26 */
  /* after 100 attempts in the hour the address is refused until it ends */
  for(int i=0; i<74; i++) t_try(p, &a, "z", "10.2.0.1", t1+36+i, 0);
  T_EQ_INT(t_try(p, &a, "zz", "10.2.0.1", t1+3000, 1), 0);
  T_EQ_INT(t_try(p, &a, "zz", "10.2.0.1", t1+3600, 1), 1);
  arena_free(&a);
  db_close(p);
}

static const TestCase aTest[] = {
  { "pw_weak", t_pw_weak },
  { "throttle", t_throttle },
};

int main(int argc, char **argv){ return t_main(argc, argv, aTest, T_COUNT(aTest)); }
