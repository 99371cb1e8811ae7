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
    if( throttle_begin(p, a, zLogin, zAddr, 0, now, &t) ){ T_CHECK(0); return -1; }
    nChecked += t.bAllowed;
    throttle_end(p, a, &t, 0, 0);
  }
  return nChecked;
}
/* One attempt, with the device token zDevice (or NULL), right or wrong,
** ended as user_login ends it; whether it was let through. */
static int t_try_dev(Db *p, Arena *a, const char *zLogin, const char *zAddr, const char *zDevice,
                     i64 now, int bRight){
  Throttle t;
  if( throttle_begin(p, a, zLogin, zAddr, zDevice, now, &t) ){ T_CHECK(0); return -1; }
  throttle_end(p, a, &t, t.bAllowed && bRight, 1);
  return t.bAllowed;
}
static int t_try(Db *p, Arena *a, const char *zLogin, const char *zAddr, i64 now, int bRight){
  return t_try_dev(p, a, zLogin, zAddr, 0, now, bRight);
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
  /* 9th, 10th, and an 11th while the address is clean (its 3rd) */
  T_EQ_INT(t_fail(p, &a, "leader", "10.1.0.3", t0, 4), 3);
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

/* 2026-12-07 (review of issue 13): a guesser with many addresses was not
** limited (every IPv6 address was its own key, and any address new to the
** account skipped the account's limit), and the owner was locked out by a
** single typo while the account was under attack (clean meant "no other
** attempt at all from this address in its hour"). */
static void t_throttle_many(void){
  Db *p = t_open();
  Arena a;
  arena_init(&a);
  i64 t0 = 1800000000;
  /* IPv6: one /64 is one address */
  T_EQ_STR(throttle_addr_key(&a, "2001:db8:1:2::5"), "2001:db8:1:2::/64");
  T_EQ_STR(throttle_addr_key(&a, "2001:db8:1:2:ffff:1:2:3"), "2001:db8:1:2::/64");
  T_EQ_STR(throttle_addr_key(&a, "10.0.0.1"), "10.0.0.1");
  int n = 0;
  for(int i=1; i<=8; i++){
    char z[64];
    snprintf(z, sizeof z, "2001:db8:1:2::%x", i);
    n += t_fail(p, &a, "admin", z, t0, 1);
  }
  T_EQ_INT(n, THROTTLE_PAIR_MAX);                     /* 8 hosts of one /64: the pair limit */
  /* the owner logged in yesterday from 10.9.0.1 (a known address) and
  ** from a browser at 10.9.0.2 (a known device) */
  const char *zDev = "5f2b7c1e9a3d4b6c8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d";
  T_EQ_INT(t_try(p, &a, "fuyi", "10.9.0.1", t0-86400, 1), 1);
  T_EQ_INT(t_try_dev(p, &a, "fuyi", "10.9.0.2", zDev, t0-86400, 1), 1);
  /* a guesser with 300 addresses, 3 tries from each, in one hour */
  n = 0;
  for(int i=0; i<300; i++){
    char z[32];
    snprintf(z, sizeof z, "10.%d.%d.1", 20+i/200, i%200);
    n += t_fail(p, &a, "fuyi", z, t0+i, 3);
  }
  T_EQ_INT(n, THROTTLE_ACCOUNT_MAX+THROTTLE_CLEAN_MAX);
  T_EQ_INT(n, 20);                                   /* as the README says */
  /* a new address without the device is refused for the rest of the hour … */
  T_EQ_INT(t_try(p, &a, "fuyi", "10.30.0.1", t0+400, 1), 0);
  /* … but the owner is not: from the known address, a typo, then the
  ** right password; from the known device at an address never seen */
  T_EQ_INT(t_try(p, &a, "fuyi", "10.9.0.1", t0+401, 0), 1);
  T_EQ_INT(t_try(p, &a, "fuyi", "10.9.0.1", t0+402, 1), 1);
  T_EQ_INT(t_try_dev(p, &a, "fuyi", "10.31.0.1", zDev, t0+403, 0), 1);
  T_EQ_INT(t_try_dev(p, &a, "fuyi", "10.31.0.1", zDev, t0+404, 1), 1);
  /* a known device is spared its address's limit: 100 attempts from
  ** 10.32.0.1 at other accounts refuse the address, not the device */
  for(int i=0; i<100; i++){ char z[20]; snprintf(z, sizeof z, "w%d", i); t_try(p, &a, z, "10.32.0.1", t0+500, 0); }
  T_EQ_INT(t_try(p, &a, "leader", "10.32.0.1", t0+501, 1), 0);
  T_EQ_INT(t_try_dev(p, &a, "fuyi", "10.32.0.1", zDev, t0+502, 1), 1);
  /* the device has its own limit: 5 wrong passwords an hour, wherever */
  for(int i=0; i<THROTTLE_PAIR_MAX; i++){
    char z[32];
    snprintf(z, sizeof z, "10.33.0.%d", i+1);
    T_EQ_INT(t_try_dev(p, &a, "fuyi", z, zDev, t0+600+i, 0), 1);
  }
  T_EQ_INT(t_try_dev(p, &a, "fuyi", "10.33.1.1", zDev, t0+700, 1), 0);
  /* a device token unknown to the account is no help */
  T_EQ_INT(t_try_dev(p, &a, "fuyi", "10.34.0.1", "00000000000000000000000000000000000000000000000000000000000000ff", t0+701, 1), 0);
  /* the next hour everything is checked again */
  T_EQ_INT(t_try(p, &a, "fuyi", "10.30.0.1", t0+3700, 1), 1);
  arena_free(&a);
  db_close(p);
}

static const TestCase aTest[] = {
  { "pw_weak", t_pw_weak },
  { "throttle", t_throttle },
  { "throttle_many", t_throttle_many },
};

int main(int argc, char **argv){ return t_main(argc, argv, aTest, T_COUNT(aTest)); }
