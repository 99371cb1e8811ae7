/*
** src/app/cmd_serve.c — the subcommands that run a database and keep it
** sound: serve, demo (a demo county, then serve it), backup, check (the
** audit chain and everything it guards) and migrate (a county into
** PostgreSQL). Each parses its arguments, calls the layer that does the
** job and prints the outcome.
*/
#include "app/cli.h"
#include "app/app.h"
#include "audit/audit.h"
#include "http/req.h"
#include "draw/draw.h"
#include "engine/record.h"
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

/* fazhi serve --db F [--listen ADDR] [--threads N] [--max-per-ip N]
** [--header-timeout S] [--trusted-proxy A,B] [--https]. Refuses to start
** on a keyed audit chain whose key cannot be found. */
int cmd_serve(Opts *o){
  const char *zDb = need_db(o);
  if( zDb==0 ) return 2;
  const char *zListen = opt(o, "--listen", 0);
  const char *zThreads = opt(o, "--threads", 0);
  char *zTEnd = 0;
  long nThreads = zThreads ? strtol(zThreads, &zTEnd, 10) : 0;
  if( zThreads && (zThreads[0]<'0' || zThreads[0]>'9' || *zTEnd || nThreads<1 || nThreads>256) ){
    fprintf(stderr, "--threads 应为 1 到 256 之间的整数（工作线程数，默认等于CPU核数）\n");
    return 2;
  }
  const char *zPerIp = opt(o, "--max-per-ip", 0), *zHeader = opt(o, "--header-timeout", 0);
  char *zEnd = 0;
  long nPerIp = zPerIp ? strtol(zPerIp, &zEnd, 10) : HTTP_PER_IP_DEFAULT;
  if( zPerIp && (zPerIp[0]==0 || *zEnd || nPerIp<0 || nPerIp>100000) ){
    fprintf(stderr, "--max-per-ip 应为 0 到 100000 之间的整数（同一地址最多同时连接数，0 为不限，默认%d）\n", HTTP_PER_IP_DEFAULT);
    return 2;
  }
  long nHeader = zHeader ? strtol(zHeader, &zEnd, 10) : HTTP_HEADER_TIMEOUT_DEFAULT;
  if( zHeader && (zHeader[0]==0 || *zEnd || nHeader<0 || nHeader>3600) ){
    fprintf(stderr, "--header-timeout 应为 0 到 3600 之间的秒数（请求头须在此时间内收齐，0 为不限，默认%d）\n", HTTP_HEADER_TIMEOUT_DEFAULT);
    return 2;
  }
  http_limits((unsigned)nPerIp, (unsigned)nHeader);
  if( nPerIp==0 && opt(o, "--trusted-proxy", 0)==0 ){
    /* allowed (a proxy that sends no client address), but most likely
    ** the README's nginx line without its first half */
    fprintf(stderr, "警告：--max-per-ip 0 而没有 --trusted-proxy：若本服务在 nginx 之后，所有用户共用 nginx 的地址，"
            "一人登录失败多次会使全体受限，HTTPS 也无从得知。请改为 --trusted-proxy 127.0.0.1 --max-per-ip 0"
            "（nginx 在其他机器上时写它的地址）。\n");
  }
  char zErr[300];
  if( http_trust_set(opt(o, "--trusted-proxy", 0), opt(o, "--https", 1)!=0, zErr, sizeof zErr) ){
    fprintf(stderr, "%s\n", zErr);
    return 2;
  }
  Db *p = app_open(zDb, 0);
  if( p==0 ) return 1;
  char zMsg[1500];
  int bNoKey = audit_key_ready(p, zMsg, sizeof zMsg);
  db_close(p);
  if( zMsg[0] ) fprintf(stderr, "%s\n", zMsg);
  if( bNoKey ) return 1;
  return http_serve(zDb, zListen ? zListen : "127.0.0.1:8080", (int)nThreads);
}

/* fazhi demo [--db F] [--year Y] [--no-serve] [--listen ADDR]: a demo
** county with a year of data (unless the database has one), then serve it. */
int cmd_demo(Opts *o){
  const char *zDb = opt(o, "--db", 0);
  if( zDb==0 ) zDb = "demo.db";
  const char *zYear = opt(o, "--year", 0);
  Arena a;
  arena_init(&a);
  Actor act;
  Ctx c;
  ctx_init(&c, 0, &a, &act);
  int iYear = zYear ? atoi(zYear) : atoi(c.zToday) - 1;
  arena_free(&a);
  if( iYear<2023 || iYear>2100 ){ fprintf(stderr, "--year 应为 2023 以后的年份\n"); return 2; }
  /* An existing file (or a PostgreSQL database that already holds a
  ** county) is served as it is. */
  FILE *f = db_is_postgres(zDb) ? 0 : fopen(zDb, "rb");
  int bExisted = f!=0;
  if( f ) fclose(f);
  Db *p = app_open(zDb, 1);
  if( p==0 ) return 1;
  Actor act0;
  app_cli_actor(p, &act0);
  if( act0.iDept ){
    printf("使用已有的演示数据库 %s（%s可重新生成）\n", db_is_postgres(zDb) ? "PostgreSQL" : zDb,
           db_is_postgres(zDb) ? "换一个空数据库" : "删除该文件");
    db_close(p);
  }else{
    int rc = demo_build(p, iYear, 0);
    db_close(p);
    if( rc ){ if( !bExisted && !db_is_postgres(zDb) ) remove(zDb); return 1; }
  }
  printf("\n演示账号（仅用于演示，密码公开）：\n"
         "  admin     / demo-2026   县级管理员（司法局，可见全县数据）\n"
         "  leader    / demo-2026   县政府领导（只读）\n"
         "  zhengwu   / demo-2026   县政务服务和大数据管理局录入员\n"
         "  shichang  / demo-2026   县市场监督管理局录入员\n"
         "  fuyi      / demo-2026   司法局行政复议录入员\n"
         "  chengguan / demo-2026   城关镇录入员\n");
  if( opt(o, "--no-serve", 1) ) return 0;
  const char *zListen = opt(o, "--listen", 0);
  return http_serve(zDb, zListen ? zListen : "127.0.0.1:8080", 0);
}

/* fazhi backup --db F -o FILE: a consistent copy of a SQLite database
** while servers keep writing (db_backup); PostgreSQL is copied by pg_dump,
** whose command line is printed instead. */
int cmd_backup(Opts *o){
  const char *zDb = need_db(o), *zOut = opt(o, "-o", 0);
  if( zDb==0 ) return 2;
  if( zOut==0 || zOut[0]==0 ){ fprintf(stderr, "用法：fazhi backup --db 县.db -o 备份文件.db\n"); return 2; }
  if( db_is_postgres(zDb) ){
    fprintf(stderr, "PostgreSQL 数据库请用 pg_dump 备份（同样是运行中的一致快照），例如：\n"
                    "  pg_dump -Fc -f 备份文件.dump \"%s\"\n"
                    "恢复：createdb 新库名 && pg_restore -d 新库名 备份文件.dump，然后 fazhi check --db 新库 核验。\n", zDb);
    return 2;
  }
  char zErr[300];
  Db *p = db_open(zDb, 0, zErr, sizeof zErr);
  if( p==0 ){ fprintf(stderr, "%s\n", zErr); return 1; }
  int rc = db_backup(p, zOut);
  if( rc ) fprintf(stderr, "%s\n", db_errmsg(p));
  db_close(p);
  if( rc ) return 1;
  /* the audit chain's key goes with the copy, or the copy cannot be checked */
  int rk = audit_key_copy(zDb, zOut, zErr, sizeof zErr);
  if( rk==2 ){ fprintf(stderr, "%s\n", zErr); return 1; }
  printf("已备份到 %s（运行中的一致快照）%s。可用 fazhi check --db %s 核验备份。\n", zOut,
         rk==0 ? "，审计密钥在其旁的 .key 文件中（异地保存时请与备份分开存放）" : "", zOut);
  return 0;
}

/* fazhi check --db F [--anchor N:HASH]: the audit chain, the guarded
** tables, the calendar table and every draw; 1 on any problem. */
int cmd_check(Opts *o){
  const char *zDb = need_db(o), *zAnchor = opt(o, "--anchor", 0);
  if( zDb==0 ) return 2;
  i64 nAnchor = 0;
  const char *zAnchorHash = 0;
  if( opt(o, "--anchor", 1) ){
    const char *zColon = zAnchor ? strchr(zAnchor, ':') : 0;
    nAnchor = zColon ? atoll(zAnchor) : 0;
    if( zColon==0 || nAnchor<1 || zColon==zAnchor || strspn(zAnchor, "0123456789")!=(size_t)(zColon-zAnchor) ){
      fprintf(stderr, "--anchor 应为 条目号:哈希，如 --anchor 1234:3f9a0c1d2e4b5a69（fazhi check 所印的链头，或冻结报告末尾所载）\n");
      return 2;
    }
    zAnchorHash = zColon+1;
  }
  Db *p = app_open(zDb, 0);
  if( p==0 ) return 1;
  AuditReport rep;
  int rc = audit_verify(p, &rep);
  /* the calendar table every statutory period in SQL is counted on */
  char zDay[11];
  int nCal = deadline_cal_verify(p, zDay);
  if( nCal ){
    if( nCal<0 ) audit_problem(&rep, "无法读取节假日日历表：%s", db_errmsg(p));
    else audit_problem(&rep, "节假日日历表（cal_day）有%d天与节假日安排不符（自%s起；被直接修改）", nCal, zDay);
    rc = 1;
  }
  if( rc==0 ){
    printf("检查通过：审计日志%lld条，哈希链完整；%lld条记录与日志一致。\n", (long long)rep.nRows, (long long)rep.nRecords);
    if( rep.bKeyed ){
      printf("用户、部门、设置、节假日、报告版本、比较基准、双随机抽取、自定义台账定义共%lld行，均与日志最后一次记载一致。\n", (long long)rep.nGuarded);
    }
    if( rep.nMigrations ){
      printf("迁入的%d个县的原审计日志共%lld条，各自的哈希链完整，与迁移条目相符。\n",
             rep.nMigrations, (long long)rep.nArchived);
    }
  }else{
    printf("检查发现%d个问题：\n%s", rep.nProblems, buf_cstr(&rep.text));
  }
  if( !rep.bKeyed ){
    printf("注意：本库的审计日志尚未启用密钥（由旧版本写入），用户、部门、设置等尚未受核验；下一次通过本系统写入时自动生成密钥并开始核验。\n");
  }else if( rep.nUnkeyed ){
    printf("其中前%lld条为启用密钥之前写入（普通SHA-256哈希）。\n", (long long)rep.nUnkeyed);
  }
  /* The head: kept outside the database (printed, filed, published with
  ** a frozen report), it catches a later cut or rewrite of the log. */
  if( rep.nHead ) printf("审计日志链头：第%lld条 %s\n（请另行保存；日后用 fazhi check --anchor %lld:%s 可证明此前的日志未被截断或改写）\n",
                         (long long)rep.nHead, rep.zHead, (long long)rep.nHead, rep.zHead);
  if( zAnchorHash ){
    char zMsg[400];
    if( audit_anchor(p, nAnchor, zAnchorHash, zMsg, sizeof zMsg) ){
      printf("%s\n", zMsg);
      rc = 1;
    }else{
      printf("%s\n", zMsg);
    }
  }
  /* every 双随机 draw recomputed from its published pool and values */
  {
    Arena a;
    arena_init(&a);
    Actor admin = { .zLogin = "check", .mRole = R_ADMIN, .zDeptPath = "/" };
    Ctx ctx;
    ctx_init(&ctx, p, &a, &admin);
    int nDraws = 0;
    int drc = draw_verify_all(&ctx, &nDraws);
    if( drc==FZ_OK && nDraws ) printf("双随机抽取%d次，均按公布的名录和随机数复核一致。\n", nDraws);
    else if( drc ){
      printf("双随机抽取复核发现%d个问题：\n", ctx.err.n ? ctx.err.n : 1);
      for(int i=0; i<ctx.err.n; i++) printf("%s\n", ctx.err.a[i].zMsg);
      if( ctx.err.n==0 ) printf("%s\n", ctx.zInternal);
      rc = 1;
    }
    arena_free(&a);
  }
  buf_free(&rep.text);
  db_close(p);
  return rc ? 1 : 0;
}

/* fazhi migrate --from F.db --to postgresql://… [--login-prefix P]: all or nothing. */
int cmd_migrate(Opts *o){
  const char *zFrom = opt(o, "--from", 0), *zTo = opt(o, "--to", 0);
  if( zFrom==0 || zTo==0 ){
    fprintf(stderr, "用法：fazhi migrate --from 县数据库.db --to postgresql://… [--login-prefix 前缀]\n");
    return 2;
  }
  if( strcmp(zFrom, zTo)==0 ){ fprintf(stderr, "--from 与 --to 不能是同一个数据库\n"); return 2; }
  Db *pSrc = app_open(zFrom, 0);
  if( pSrc==0 ) return 1;
  /* All or nothing, from the first table made in a new target to the
  ** last record: one transaction, opened here with the tables. */
  Cli cli;
  cli.pDb = app_open_begin(zTo, 1);
  if( cli.pDb==0 ){ db_close(pSrc); return 1; }
  arena_init(&cli.a);
  app_cli_actor(cli.pDb, &cli.act);
  ctx_init(&cli.c, cli.pDb, &cli.a, &cli.act);
  MigrateResult res;
  Progress pg;
  CliProgress cp;
  cli_progress_start(&pg, &cp, "迁移", "条");
  cli.c.pProgress = &pg;
  int rc = migrate_county(&cli.c, pSrc, zFrom, opt(o, "--login-prefix", 0), &res);
  if( rc ) pg.nWritten = 0;                /* all or nothing: none of it stays */
  progress_end(&pg);
  cli.c.pProgress = 0;
  if( rc==FZ_OK && db_commit(cli.pDb) ){
    err_add(&cli.c, 0, 0, "提交到目标数据库失败：%s", db_errmsg(cli.pDb));
    rc = FZ_INTERNAL;
  }
  if( rc ){
    db_rollback(cli.pDb);
    fprintf(stderr, "迁移未完成，目标数据库未做任何改动：\n");
    print_errors(&cli.c);
  }else{
    printf("已将%s迁入目标数据库（迁移第%lld号）：%lld条记录，原审计日志%lld条已存档并接入哈希链。\n"
           "请运行 fazhi check --db 目标数据库 核验。\n",
           res.zCounty, (long long)res.iMigration, (long long)res.nRecords, (long long)res.nAudit);
  }
  cli_close(&cli);
  db_close(pSrc);
  return rc ? 1 : 0;
}
