/*
** src/app/cmd_admin.c — the subcommands that set up a county's database
** and its people: init (a county and its admin), dept, user, holiday,
** setting and city. Each parses its arguments, calls the function that
** does the job (the web UI's admin pages call the same ones) and prints
** the outcome in Chinese.
*/
#include "app/cli.h"
#include "engine/setting.h"
#include "engine/holiday.h"
#include "app/app.h"
#include "auth/auth.h"
#include "engine/record.h"
#include "calendar/calendar.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* fazhi init --db F --county 县名 [--admin 账号]: a county (its root and
** 司法局) and its admin with a one-time password, in one transaction. */
int cmd_init(Opts *o){
  const char *zDb = need_db(o), *zCounty = opt(o, "--county", 0), *zAdmin = opt(o, "--admin", 0);
  if( zDb==0 ) return 2;
  if( zCounty==0 ){ fprintf(stderr, "缺少 --county 参数（县名，如 示范县）\n"); return 2; }
  if( zAdmin==0 ) zAdmin = "admin";
  Cli cli;
  if( cli_open(&cli, zDb, 1) ) return 1;
  Ctx *c = &cli.c;
  int rc = 1;
  /* A county database is made once; a city or province database takes one
  ** county after another (each its own root in the department tree). */
  if( dept_root_named(c, zCounty) ){
    fprintf(stderr, "数据库中已经有“%s”，未做任何改动\n", zCounty);
    goto done;
  }
  int bMore = cli.act.iDept!=0;
  i64 iRoot, iJustice;
  char zPw[17];
  random_token(zPw, 8);                  /* one-time password: 16 hex characters */
  /* One transaction: a county without its admin (a login already taken)
  ** is not left behind. */
  if( db_begin_write(cli.pDb) ){ fprintf(stderr, "%s\n", db_errmsg(cli.pDb)); goto done; }
  if( county_create(c, zCounty, &iRoot, &iJustice)
   || user_create(c, zAdmin, "县级管理员", "admin", iJustice, zPw, 0) ){
    db_rollback(cli.pDb);
    print_errors(c);
    goto done;
  }
  if( db_commit(cli.pDb) ){ fprintf(stderr, "%s\n", db_errmsg(cli.pDb)); goto done; }
  /* 2026-12-07: a second county's admin got no password printed (issue 13 §5) */
  printf(bMore ? "已在数据库中新增县：%s（%s）\n" : "已创建%s的数据库：%s\n", zCounty, zDb);
  printf("管理员账号：%s\n一次性密码：%s\n请登录后立即修改密码。\n", zAdmin, zPw);
  rc = 0;
done:
  cli_close(&cli);
  return rc;
}

/* fazhi city --db F 某市 县1 县2 …: a city over counties of the database. */
int cmd_city(Opts *o){
  const char *zDb = need_db(o), *zCity = arg(o, 0);
  if( zDb==0 ) return 2;
  const char *az[256];
  int n = 0;
  while( arg(o, n+1) ){
    if( n==256 ){ fprintf(stderr, "一次最多归入256个县（区），请分几次运行\n"); return 2; }
    az[n] = arg(o, n+1);
    for(int i=0; i<n; i++) if( strcmp(az[i], az[n])==0 ){ fprintf(stderr, "县（区）“%s”写了两次\n", az[n]); return 2; }
    n++;
  }
  if( zCity==0 || n==0 ){ fprintf(stderr, "用法：fazhi city --db FILE 市名 县1 [县2 …]\n"); return 2; }
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  int rc = city_group(&cli.c, zCity, az, n);
  if( rc ){
    print_errors(&cli.c);
    if( rc==FZ_INTERNAL ) fprintf(stderr, "失败：%s\n", cli.c.zInternal);
    fprintf(stderr, "未做任何改动。\n");
  }else{
    printf("已将%d个县（区）归入%s；可用 fazhi user add 为%s添加管理员，其可查看所属各县的数据和全市报告。\n", n, zCity, zCity);
  }
  cli_close(&cli);
  return rc ? 1 : 0;
}

/* fazhi user --db FILE VERB …: accounts from the command line. Every verb
** but list and locks changes one account (or lock) and is audited by the
** function it calls (src/auth/account.c, throttle.c). */
int cmd_user(Opts *o){
  static const char zUsage[] =
    "用法：fazhi user --db FILE 操作 …\n"
    "  add 账号 姓名 admin|clerk|leader 部门   新建账号，打印一次性密码\n"
    "  list                                   列出全部账号\n"
    "  disable 账号 | enable 账号              停用（其会话随即失效）/ 重新启用\n"
    "  reset 账号                             重置为新的一次性密码并打印\n"
    "  role 账号 admin|clerk|leader           更改角色\n"
    "  move 账号 部门                         调整所属部门\n"
    "  locks                                  列出因登录失败被限制的账号和地址\n"
    "  unlock 账号|地址                       解除该账号或地址的登录限制\n";
  enum { V_ADD, V_DISABLE, V_ENABLE, V_LIST, V_LOCKS, V_MOVE, V_RESET, V_ROLE, V_UNLOCK };
  static const struct { const char *zVerb; int nArg; } aVerb[] = {   /* in the enum's order */
    { "add", 4 }, { "disable", 1 }, { "enable", 1 }, { "list", 0 }, { "locks", 0 },
    { "move", 2 }, { "reset", 1 }, { "role", 2 }, { "unlock", 1 },
  };
  const char *zDb = need_db(o);
  if( zDb==0 ) return 2;
  const char *zVerb = arg(o, 0);
  int iVerb = -1;
  for(int i=0; zVerb && i<(int)(sizeof aVerb/sizeof aVerb[0]); i++) if( strcmp(zVerb, aVerb[i].zVerb)==0 ) iVerb = i;
  if( iVerb<0 ){
    if( zVerb ) fprintf(stderr, "未知操作“%s”\n", zVerb);
    fputs(zUsage, stderr);
    return 2;
  }
  if( arg(o, aVerb[iVerb].nArg)==0 || arg(o, aVerb[iVerb].nArg+1)!=0 ){
    fprintf(stderr, "fazhi user %s 需要%d个参数\n", zVerb, aVerb[iVerb].nArg);
    fputs(zUsage, stderr);
    return 2;
  }
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  Ctx *c = &cli.c;
  const char *zLogin = arg(o, 1);
  int rc = FZ_OK;
  i64 iDept = 0;
  char zPw[17];
  switch( iVerb ){
    case V_ADD:                                 /* add LOGIN NAME ROLE DEPT */
      if( dept_lookup(c, arg(o, 4), &iDept, 0) ){
        fprintf(stderr, "未知部门“%s”\n", arg(o, 4));
        rc = FZ_INVALID;
        break;
      }
      random_token(zPw, 8);
      rc = user_create(c, zLogin, arg(o, 2), arg(o, 3), iDept, zPw, 0);
      if( rc==FZ_OK ) printf("已创建账号 %s，一次性密码：%s\n首次登录后须修改密码。\n", zLogin, zPw);
      break;
    case V_LIST: {                              /* list */
      UserRow *a;
      int n;
      rc = user_list(c, &a, &n);
      if( rc ) break;
      printf("%-16s %-10s %-14s %-8s %s\n", "账号", "姓名", "角色", "状态", "部门");
      for(int i=0; i<n; i++){
        printf("%-16s %-10s %-14s %-8s %s\n", a[i].zLogin, a[i].zName, role_label(role_bits(a[i].zRole)),
               a[i].bDisabled ? "已停用" : a[i].bPwTemp ? "待改密码" : "正常", a[i].zDept);
      }
      printf("共%d个账号\n", n);
      break;
    }
    case V_LOCKS: {                             /* locks */
      ThrottleRow *a;
      int n;
      i64 now = (i64)time(0);
      rc = throttle_list(cli.pDb, &cli.a, now, &a, &n);
      if( rc ){ err_internal(c, "%s", db_errmsg(cli.pDb)); break; }
      if( n==0 ){ printf("没有被限制登录的账号或地址。\n"); break; }
      for(int i=0; i<n; i++){
        const char *k = a[i].zKey;
        const char *zWhat = strncmp(k, "ip:", 3)==0 ? "地址（所有账号）"
                          : strncmp(k, "ua:", 3)==0 ? "账号在该地址"
                          : strncmp(k, "uc:", 3)==0 ? "账号（新地址的尝试也已用完，仅允许曾成功登录的地址和设备）"
                          : strncmp(k, "ud:", 3)==0 ? "账号在曾成功登录的设备上"
                          : "账号（仅允许曾成功登录的地址和设备、本小时尝试不足3次的地址）";
        i64 nLeft = a[i].tUntil - now;
        printf("%-16s %-16s %s：本小时%lld次，还剩%lld分%02lld秒\n", a[i].zLogin[0] ? a[i].zLogin : "-",
               a[i].zAddr[0] ? a[i].zAddr : "-", zWhat, (long long)a[i].n, (long long)nLeft/60, (long long)nLeft%60);
      }
      printf("共%d项；用 fazhi user --db FILE unlock 账号|地址 解除\n", n);
      break;
    }
    case V_DISABLE: case V_ENABLE:              /* disable / enable LOGIN */
      rc = user_set_disabled(c, zLogin, iVerb==V_DISABLE);
      if( rc==FZ_OK ) printf(iVerb==V_DISABLE ? "已停用账号 %s，其登录会话已全部失效\n" : "已启用账号 %s\n", zLogin);
      break;
    case V_RESET:                               /* reset LOGIN */
      rc = user_reset(c, zLogin, zPw);
      if( rc==FZ_OK ) printf("已重置账号 %s 的密码，一次性密码：%s\n首次登录后须修改密码。\n", zLogin, zPw);
      break;
    case V_ROLE:                                /* role LOGIN ROLE */
      rc = user_set_role(c, zLogin, arg(o, 2));
      if( rc==FZ_OK ) printf("已将账号 %s 的角色改为%s\n", zLogin, role_label(role_bits(arg(o, 2))));
      break;
    case V_MOVE:                                /* move LOGIN DEPT */
      if( dept_lookup(c, arg(o, 2), &iDept, 0) ){
        fprintf(stderr, "未知部门“%s”\n", arg(o, 2));
        rc = FZ_INVALID;
        break;
      }
      rc = user_move(c, zLogin, iDept);
      if( rc==FZ_OK ) printf("已将账号 %s 调整到 %s\n", zLogin, arg(o, 2));
      break;
    default: {                                  /* V_UNLOCK: LOGIN|ADDR */
      int n = 0;
      rc = throttle_unlock(c, zLogin, &n);
      if( rc==FZ_OK && n==0 ){
        fprintf(stderr, "“%s”没有登录限制（用 fazhi user --db FILE locks 查看）\n", zLogin);
        rc = FZ_INVALID;
      }else if( rc==FZ_OK ){
        printf("已解除“%s”的登录限制（%d项）\n", zLogin, n);
      }
      break;
    }
  }
  if( rc ){
    print_errors(c);
    if( rc==FZ_INTERNAL ) fprintf(stderr, "失败：%s\n", c->zInternal);
  }
  cli_close(&cli);
  return rc ? 1 : 0;
}

/* fazhi dept --db FILE add NAME [--parent NAME] [--type bureau|town|village]:
** a department under the county (which a database of several must name). */
int cmd_dept(Opts *o){
  const char *zDb = need_db(o);
  if( zDb==0 ) return 2;
  const char *zVerb = arg(o, 0), *zName = arg(o, 1);
  const char *zParent = opt(o, "--parent", 0), *zType = opt(o, "--type", 0);
  if( zType==0 ) zType = "bureau";
  if( zVerb==0 || strcmp(zVerb, "add")!=0 || zName==0 ){
    fprintf(stderr, "用法：fazhi dept --db FILE add 部门名称 [--parent 上级部门] [--type bureau|town|village]\n");
    return 2;
  }
  if( strcmp(zType, "bureau")!=0 && strcmp(zType, "town")!=0 && strcmp(zType, "village")!=0 ){
    fprintf(stderr, "--type 应为 bureau（部门）、town（乡镇/街道）或 village（村/社区）\n");
    return 2;
  }
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  Ctx *c = &cli.c;
  int rc = 1;
  i64 iParent = cli.act.iDept;
  int nUnit = dept_unit_count(c);
  if( iParent==0 ){
    fprintf(stderr, "数据库尚未初始化：请先运行 fazhi init\n");
  }else if( zParent==0 && nUnit>1 ){
    fprintf(stderr, "库中有多个县（区）或市：请用 --parent 指明上级部门\n");
  }else if( zParent && dept_lookup(c, zParent, &iParent, 0) ){
    fprintf(stderr, "未知的上级部门“%s”\n", zParent);
  }else if( dept_add(c, iParent, zName, zType)==0 ){
    print_errors(c);
  }else{
    printf("已添加部门：%s\n", zName);
    rc = 0;
  }
  cli_close(&cli);
  return rc;
}

/* fazhi setting --db FILE NAME VALUE: the few settings a county sets by hand. */
int cmd_setting(Opts *o){
  const char *zDb = need_db(o), *zName = arg(o, 0), *zValue = arg(o, 1), *zCounty = opt(o, "--county", 0);
  if( zDb==0 ) return 2;
  /* the names aSetting[] (src/engine/setting.c) lets the operator set */
  const Setting *s = zName && strchr(zName, '@')==0 ? setting_find(zName) : 0;
  if( s && s->eWho!=SET_CLI ) s = 0;
  if( s==0 || zValue==0 || (zCounty && !s->bPerUnit) ){
    if( zName && s==0 ) fprintf(stderr, "未知的设置名称“%s”\n", zName);
    else if( s && zValue && zCounty ) fprintf(stderr, "%s 是全库共用的设置，不能用 --county 按县（区）或市分别设置\n", zName);
    fprintf(stderr, "用法：fazhi setting --db FILE [--county 县名] 名称 值\n可设置的名称：\n");
    for(int i=0; i<nSetting; i++){
      if( aSetting[i].eWho==SET_CLI ) fprintf(stderr, "  %-14s %s\n", aSetting[i].zName, aSetting[i].zLabel);
    }
    fprintf(stderr, "一个库中有多个县时，county_party、county_gov、report_to 用 --county 指明是哪个县的；有多个市时，city_* 用 --county 指明是哪个市的。\n");
    return 2;
  }
  Arena aCheck;
  arena_init(&aCheck);
  const char *zWhy = setting_check(&aCheck, zName, zValue);   /* the same check as the 参数设置 page */
  if( zWhy ){
    fprintf(stderr, "%s %s\n", zName, zWhy);
    arena_free(&aCheck);
    return 2;
  }
  arena_free(&aCheck);
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  if( zCounty ){
    /* one county's names in a database of several */
    i64 iDept = 0;
    if( dept_lookup(&cli.c, zCounty, &iDept, 0) || dept_root_path(&cli.c, iDept)==0 ){
      fprintf(stderr, "没有县（区）或市“%s”\n", zCounty);
      cli_close(&cli);
      return 2;
    }
    zName = arena_printf(cli.c.pArena, "%s@%lld", zName, (long long)iDept);
  }
  int rc = setting_set(&cli.c, zName, zValue);
  if( rc ) fprintf(stderr, "设置失败：%s\n", db_errmsg(cli.pDb));
  else printf("已设置 %s = %s\n", zName, zValue);
  cli_close(&cli);
  return rc ? 1 : 0;
}

/* fazhi holiday: the State Council notices published after this build
** (e.g. next year's), stored in the database; through holiday_add and
** holiday_mark, as the 节假日 page adds and marks (the same checks, the
** audit entry, cal_day rewritten at once; a running server loads the
** change at its next request).
**   add YYYY-MM-DD off|work 名称    one day of a notice
**   status [YEAR]                  whether each year's notice is whole
**   complete YEAR 依据通知          年度安排已完整登记
**   uncomplete YEAR                takes that mark away */
static int holiday_usage(void){
  fprintf(stderr, "用法：fazhi holiday --db FILE add YYYY-MM-DD off|work 名称\n"
                  "      fazhi holiday --db FILE status [年度]\n"
                  "      fazhi holiday --db FILE complete 年度 依据通知\n"
                  "      fazhi holiday --db FILE uncomplete 年度\n"
                  "  off  = 放假日；work = 调休上班日（周六或周日）\n"
                  "  status：各年度节假日安排是否完整（七个节日的放假日均已登记，或已标记）\n"
                  "  complete：登记完通知的全部安排后，标记该年度安排已完整登记\n");
  return 2;
}

/* One line of `fazhi holiday status`. */
static int holiday_status_line(Cli *cli, int y){
  HolidayYear h;
  if( holiday_year_get(&cli->c, y, &h) ){ fprintf(stderr, "读取失败：%s\n", db_errmsg(cli->pDb)); return 1; }
  printf("%d年  %s", y, h.zState);
  if( h.zNotice ) printf("  依据：%s（%s，%s）", h.zNotice, h.zMarkedBy, h.zMarkedAt);
  printf("\n");
  return 0;
}

int cmd_holiday(Opts *o){
  const char *zDb = need_db(o);
  if( zDb==0 ) return 2;
  const char *zVerb = arg(o, 0);
  if( zVerb==0 ) return holiday_usage();
  if( strcmp(zVerb, "status")==0 || strcmp(zVerb, "complete")==0 || strcmp(zVerb, "uncomplete")==0 ){
    const char *zYear = arg(o, 1), *zNotice = arg(o, 2);
    int bStatus = zVerb[0]=='s';
    if( !bStatus && (zYear==0 || (zVerb[0]=='c' && zNotice==0)) ) return holiday_usage();
    if( bStatus && zNotice ) return holiday_usage();
    Cli cli;
    if( cli_open(&cli, zDb, 0) ) return 1;
    int rc = FZ_OK;
    if( bStatus && zYear ){
      int y = atoi(zYear);
      if( strspn(zYear, "0123456789")!=strlen(zYear) || y<HOLIDAY_YEAR_MIN || y>HOLIDAY_YEAR_MAX ){
        fprintf(stderr, "年度应为%d至%d之间的年份，“%s”不是\n", HOLIDAY_YEAR_MIN, HOLIDAY_YEAR_MAX, zYear);
        rc = FZ_INVALID;
      }else if( holiday_status_line(&cli, y) ) rc = FZ_INTERNAL;
    }else if( bStatus ){
      /* every year with something entered, and the year after the last */
      int yLast = 0;
      for(int y=HOLIDAY_YEAR_MIN; y<=HOLIDAY_YEAR_MAX && rc==FZ_OK; y++){
        if( cal_year_info(y, 0)==CAL_YEAR_NONE ) continue;
        if( holiday_status_line(&cli, y) ) rc = FZ_INTERNAL;
        yLast = y;
      }
      if( rc==FZ_OK && yLast && yLast<HOLIDAY_YEAR_MAX && holiday_status_line(&cli, yLast+1) ) rc = FZ_INTERNAL;
    }else{
      rc = holiday_mark(&cli.c, zYear, zVerb[0]=='u' ? "1" : 0, zNotice);
      if( cli.c.err.n ) print_errors(&cli.c);
      if( rc==FZ_INTERNAL ) fprintf(stderr, "保存失败：%s\n", db_errmsg(cli.pDb));
      else if( rc==FZ_OK ) holiday_status_line(&cli, atoi(zYear));
    }
    cli_close(&cli);
    return rc==FZ_OK ? 0 : rc==FZ_INVALID ? 2 : 1;
  }
  const char *zDate = arg(o, 1), *zKind = arg(o, 2), *zName = arg(o, 3);
  if( strcmp(zVerb, "add")!=0 || zName==0 || (strcmp(zKind, "off")!=0 && strcmp(zKind, "work")!=0) ){
    return holiday_usage();
  }
  Day d;
  if( day_parse(zDate, &d) ){ fprintf(stderr, "日期无效：“%s”（应为YYYY-MM-DD）\n", zDate); return 2; }
  if( zKind[0]=='w' && day_weekday(d)<6 ){ fprintf(stderr, "调休上班日应为周六或周日，%s不是\n", zDate); return 2; }
  char zNorm[11];
  day_format(d, zNorm);
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  /* the 节假日 page's path: the same checks (a day already set so, the
  ** years 2000-2100), the audit entry, and cal_day rewritten at once */
  int rc = holiday_add(&cli.c, zNorm, 0, zKind, zName);
  if( cli.c.err.n ) print_errors(&cli.c);
  if( rc==FZ_INTERNAL ) fprintf(stderr, "保存失败：%s\n", db_errmsg(cli.pDb));
  else if( rc==FZ_OK ){
    int y;
    day_ymd(d, &y, 0, 0);
    printf("已登记：%s %s（%s）。运行中的服务在下一个请求时生效。\n", zNorm, zKind[0]=='o' ? "放假" : "调休上班", zName);
    holiday_status_line(&cli, y);
  }
  cli_close(&cli);
  return rc==FZ_OK ? 0 : rc==FZ_INVALID ? 2 : 1;
}
