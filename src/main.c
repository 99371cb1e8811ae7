/*
** src/main.c — fazhi's subcommands: the table aCommand[] and dispatch.
** Each command parses its options and calls the code that does the job;
** the web UI calls the same code.
*/
#include "app/app.h"
#include "auth/auth.h"
#include "audit/audit.h"
#include "api/api.h"
#include "http/req.h"
#include "report/report.h"
#include "transfer/transfer.h"
#include "calendar/calendar.h"
#include "draw/draw.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "report/extract.h"
#include "io/table.h"
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>
#include <libxml/parser.h>

/* A command's arguments and the options it takes: zOpts is its entry of
** aCommand[], e.g. "--db= --year= -o= --appendix" (a trailing '=' means
** the option takes a value). main() has refused anything else already. */
typedef struct Opts { int argc; char **argv; const char *zOpts; } Opts;

/* Does zSpec list zName? *pbValue: it takes a value. */
static int opt_known(const char *zSpec, const char *zName, int *pbValue){
  size_t n = strlen(zName);
  for(const char *p=zSpec; p && *p; ){
    while( *p==' ' ) p++;
    const char *e = p;
    while( *e && *e!=' ' ) e++;
    size_t m = (size_t)(e-p);
    int bValue = m>0 && p[m-1]=='=';
    if( bValue ) m--;
    if( m==n && m>0 && strncmp(p, zName, n)==0 ){ *pbValue = bValue; return 1; }
    p = e;
  }
  return 0;
}
static int is_option(const char *z){ return z[0]=='-' && z[1]!=0; }

/* --name VALUE, or NULL. --flag (no value) returns "". */
static const char *opt(Opts *o, const char *zName, int bFlag){
  for(int i=0; i<o->argc; i++){
    if( strcmp(o->argv[i], zName)==0 ){
      if( bFlag ) return "";
      return i+1<o->argc ? o->argv[i+1] : 0;
    }
  }
  return 0;
}
/* The n-th argument that is not an option or an option's value. */
static const char *arg(Opts *o, int n){
  for(int i=0; i<o->argc; i++){
    if( is_option(o->argv[i]) ){
      int bValue = 1;
      opt_known(o->zOpts, o->argv[i], &bValue);
      if( bValue ) i++;
      continue;
    }
    if( n--==0 ) return o->argv[i];
  }
  return 0;
}
/* Refuses an option the command does not take, and an option without its
** value (a missing one, or another option where the value should be): a
** mistyped option must not be silently ignored. 0 if all is well. */
static int opts_check(const char *zCmd, Opts *o){
  for(int i=0; i<o->argc; i++){
    const char *z = o->argv[i];
    if( !is_option(z) ) continue;
    int bValue = 0;
    if( !opt_known(o->zOpts, z, &bValue) ){
      fprintf(stderr, "fazhi %s 没有选项“%s”。", zCmd, z);
      if( o->zOpts && o->zOpts[0] ){
        fprintf(stderr, "可用的选项：");
        for(const char *p=o->zOpts; *p; p++) if( *p!='=' ) fputc(*p, stderr);
      }else{
        fprintf(stderr, "该命令不带选项");
      }
      fprintf(stderr, "（fazhi %s --help 查看用法）\n", zCmd);
      return 1;
    }
    if( bValue ){
      if( i+1>=o->argc || (o->argv[i+1][0]=='-' && o->argv[i+1][1]=='-') ){
        fprintf(stderr, "选项 %s 缺少值（fazhi %s --help 查看用法）\n", z, zCmd);
        return 1;
      }
      i++;
    }
  }
  return 0;
}
static const char *need_db(Opts *o){
  const char *z = opt(o, "--db", 0);
  if( z==0 ) fprintf(stderr, "缺少 --db 参数（数据库文件）\n");
  return z;
}

/* What a subcommand working on a county database holds: the connection,
** an arena, the command-line actor (county admin scope) and the context. */
typedef struct Cli { Db *pDb; Arena a; Actor act; Ctx c; } Cli;
static int cli_open(Cli *p, const char *zDb, int bCreate){
  p->pDb = app_open(zDb, bCreate);
  if( p->pDb==0 ) return 1;
  arena_init(&p->a);
  app_cli_actor(p->pDb, &p->act);
  ctx_init(&p->c, p->pDb, &p->a, &p->act);
  return 0;
}
static void cli_close(Cli *p){
  arena_free(&p->a);
  db_close(p->pDb);
}

static int print_errors(Ctx *c){
  for(int i=0; i<c->err.n; i++) fprintf(stderr, "%s\n", err_text(c, &c->err.a[i]));
  return 1;
}

static int cmd_init(Opts *o){
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
  {
    Stmt q;
    int bSame = 0;
    if( db_prepare(cli.pDb, &q, "SELECT 1 FROM dept WHERE parent_id IS NULL AND name=?1")==DB_OK ){
      db_bind_text(&q, 1, zCounty);
      bSame = db_step(&q)==DB_ROW;
      db_finalize(&q);
    }
    if( bSame ){
      fprintf(stderr, "数据库中已经有“%s”，未做任何改动\n", zCounty);
      goto done;
    }
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

static int cmd_serve(Opts *o){
  const char *zDb = need_db(o);
  if( zDb==0 ) return 2;
  const char *zListen = opt(o, "--listen", 0);
  const char *zThreads = opt(o, "--threads", 0);
  int nThreads = zThreads ? atoi(zThreads) : 0;
  if( zThreads && (nThreads<1 || nThreads>256) ){
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
  char zErr[200];
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
  return http_serve(zDb, zListen ? zListen : "127.0.0.1:8080", nThreads);
}

static int cmd_demo(Opts *o){
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

static int cmd_import(Opts *o){
  const char *zDb = need_db(o), *zKind = arg(o, 0), *zFile = arg(o, 1);
  if( zDb==0 ) return 2;
  if( zKind==0 || zFile==0 ){ fprintf(stderr, "用法：fazhi import --db FILE KIND FILE.csv|FILE.xlsx\n"); return 2; }
  const Kind *k = kind_find(zKind);
  if( k==0 ){ fprintf(stderr, "未知的数据类别“%s”（用 fazhi schema --json 查看全部类别）\n", zKind); return 2; }
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  Ctx *c = &cli.c;
  int n = 0;
  int rc = import_file(c, k, zFile, &n);
  if( rc ){
    if( c->err.n ) fprintf(stderr, "导入失败，未写入任何数据。共%d处错误：\n", c->err.n);
    print_errors(c);
  }else{
    printf("导入成功：%s %d条\n", k->zLabel, n);
  }
  cli_close(&cli);
  return rc ? 1 : 0;
}

static int cmd_export(Opts *o){
  const char *zDb = need_db(o), *zKind = arg(o, 0), *zOut = opt(o, "-o", 0);
  const char *zFormat = opt(o, "--format", 0), *zYear = opt(o, "--year", 0);
  if( zDb==0 ) return 2;
  if( zFormat==0 ) zFormat = "xlsx";
  const Kind *k = zKind ? kind_find(zKind) : 0;
  if( k==0 || zOut==0 ){ fprintf(stderr, "用法：fazhi export --db FILE KIND [--year Y] [--format xlsx|csv|json] -o FILE\n"); return 2; }
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  Ctx *c = &cli.c;
  Query q;
  query_init(c, &q, k);
  q.iYear = zYear ? atoi(zYear) : 0;
  q.nSize = 0;
  q.bTransient = 1;
  q.zSort = "id";
  long long n = 0;
  int rc = export_query(c, &q, zFormat, zOut, &n);
  if( rc ) print_errors(c); else printf("已导出%s %lld条到 %s\n", k->zLabel, n, zOut);
  cli_close(&cli);
  return rc ? 1 : 0;
}

static int cmd_report(Opts *o){
  const char *zDb = need_db(o), *zOut = opt(o, "-o", 0), *zFormat = opt(o, "--format", 0);
  const char *zYear = opt(o, "--year", 0);
  if( zDb==0 ) return 2;
  if( zFormat==0 ) zFormat = "md";
  int bFile = strcmp(zFormat, "xlsx")==0 || strcmp(zFormat, "docx")==0;
  if( strcmp(zFormat, "md")!=0 && strcmp(zFormat, "html")!=0 && !bFile ){
    fprintf(stderr, "--format 应为 md、html、docx 或 xlsx\n"); return 2;
  }
  if( bFile && zOut==0 ){ fprintf(stderr, "%s 须用 -o 指定输出文件\n", zFormat); return 2; }
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  Ctx *c = &cli.c;
  int iYear = zYear ? atoi(zYear) : atoi(c->zToday) - 1;
  /* --version N: the year's 第N版; data: drafted from the data now;
  ** without it the year's latest version, if it has one */
  const char *zVersion = opt(o, "--version", 0);
  i64 iVersion = 0;
  if( zVersion==0 ){
    iVersion = draft_latest(c, iYear);
    if( iVersion ) fprintf(stderr, "使用%d年度报告的最新版本（--version data 则根据最新数据重新起草）\n", iYear);
  }else if( strcmp(zVersion, "data")!=0 ){
    DraftVersion *aV;
    int nV, iNo = atoi(zVersion);
    if( draft_list(c, iYear, &aV, &nV) ){ fprintf(stderr, "读取报告版本失败：%s\n", c->zInternal); cli_close(&cli); return 1; }
    for(int i=0; i<nV; i++) if( aV[i].iNo==iNo ) iVersion = aV[i].id;
    if( iVersion==0 ){
      fprintf(stderr, "%d年度报告没有第%s版（共%d个版本）\n", iYear, zVersion, nV);
      cli_close(&cli);
      return 2;
    }
  }
  if( bFile ){
    int bX = strcmp(zFormat, "xlsx")==0;
    int rx = bX ? report_xlsx(c, iYear, zOut) : report_docx(c, iYear, iVersion, opt(o, "--appendix", 1)!=0, zOut);
    if( rx ) fprintf(stderr, "生成%s失败：%s\n", bX ? "指标表" : "报告", c->zInternal);
    else fprintf(stderr, "已生成%d年度%s：%s\n", iYear, bX ? "指标表" : "报告（Word）", zOut);
    cli_close(&cli);
    return rx ? 1 : 0;
  }
  Buf b;
  buf_init(&b);
  int rc = report_write(c, iYear, iVersion, zFormat, &b);
  if( rc==0 ){
    FILE *f = zOut ? fopen(zOut, "wb") : stdout;
    if( f==0 ){ fprintf(stderr, "无法写入“%s”\n", zOut); rc = 1; }
    else{
      fwrite(b.z, 1, b.n, f);
      if( zOut ){ fclose(f); fprintf(stderr, "已生成%d年度报告：%s\n", iYear, zOut); }
    }
  }
  buf_free(&b);
  cli_close(&cli);
  return rc ? 1 : 0;
}

/* fazhi city --db F 某市 县1 县2 …: a city over counties of the database. */
static int cmd_city(Opts *o){
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

/* fazhi counties --db F --year Y [-o FILE.xlsx]: each indicator across the
** counties of a city's (province's) database, and their sum. */
static int cmd_counties(Opts *o){
  const char *zDb = need_db(o), *zOut = opt(o, "-o", 0), *zYear = opt(o, "--year", 0);
  if( zDb==0 ) return 2;
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  Ctx *c = &cli.c;
  int iYear = zYear ? atoi(zYear) : atoi(c->zToday) - 1;
  Buf b;
  buf_init(&b);
  int rc = report_counties(c, iYear, zOut, &b);
  if( rc ) fprintf(stderr, "生成失败：%s\n", c->zInternal);
  else if( zOut ) fprintf(stderr, "已生成%d年各县指标表：%s\n", iYear, zOut);
  else fwrite(b.z, 1, b.n, stdout);
  buf_free(&b);
  cli_close(&cli);
  return rc ? 1 : 0;
}

static int cmd_schema(Opts *o){
  (void)o;
  Buf b;
  buf_init(&b);
  api_schema(&b);
  fwrite(b.z, 1, b.n, stdout);
  buf_free(&b);
  return 0;
}

/* fazhi backup --db F -o FILE: a consistent copy of a SQLite database
** while servers keep writing (db_backup); PostgreSQL is copied by pg_dump,
** whose command line is printed instead. */
static int cmd_backup(Opts *o){
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

static int cmd_check(Opts *o){
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
      printf("用户、部门、设置、节假日、报告版本、比较基准、双随机抽取共%lld行，均与日志最后一次记载一致。\n", (long long)rep.nGuarded);
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

/* Reads a whole file (the downloaded pool); NULL with a message. */
static char *slurp(const char *zPath){
  FILE *f = fopen(zPath, "rb");
  if( f==0 ){ fprintf(stderr, "无法打开文件 %s\n", zPath); return 0; }
  Buf b;
  buf_init(&b);
  char a[65536];
  size_t n;
  while( (n = fread(a, 1, sizeof a, f))>0 ) buf_append(&b, a, n);
  fclose(f);
  return buf_detach(&b, 0);
}

/* fazhi extract FILE [--all]: the figures of a report written by people
** (last year's, as plain text) and the places they contradict each other. */
/* fazhi baseline --db F --year Y 报告.txt: last year's published report
** as the baseline for year on year (baseline.c). */
/* A report's plain text (UTF-8), read whole; NULL after saying why. */
static char *slurp_text(const char *zFile){
  char *z = slurp(zFile);
  if( z && io_utf8_check(z, strlen(z))!=strlen(z) ){
    fprintf(stderr, "“%s”不是UTF-8编码的文本；请先另存为UTF-8\n", zFile);
    free(z);
    return 0;
  }
  return z;
}

static int cmd_baseline(Opts *o){
  const char *zDb = need_db(o), *zFile = arg(o, 0), *zYear = opt(o, "--year", 0);
  if( zDb==0 ) return 2;
  if( zFile==0 || zYear==0 ){ fprintf(stderr, "用法：fazhi baseline --db FILE --year 年度 报告.txt\n"); return 2; }
  char *z = slurp_text(zFile);
  if( z==0 ) return 1;
  Cli cli;
  if( cli_open(&cli, zDb, 0) ){ free(z); return 1; }
  Ctx *c = &cli.c;
  Baseline b;
  int rc = baseline_import(c, atoi(zYear), z, &b);
  free(z);
  if( rc ){
    print_errors(c);
    if( rc==FZ_INTERNAL ) fprintf(stderr, "导入失败：%s\n", c->zInternal);
    cli_close(&cli);
    return 1;
  }
  printf("已将%d年度报告作为比较基准：从%d个数字中对应上%d项指标。\n", b.iYear, b.nFig, b.n);
  for(int i=0; i<b.n; i++){
    printf("  %s·%s  %s  （原文：%s）\n", b.a[i].k->zLabel, b.a[i].ind->zLabel, b.a[i].zValue, b.a[i].zSentence);
  }
  for(int i=0; i<b.nFinding; i++) printf("注意：%s\n", b.azFinding[i]);
  cli_close(&cli);
  return 0;
}

static int cmd_extract(Opts *o){
  const char *zFile = arg(o, 0);
  if( zFile==0 ){ fprintf(stderr, "用法：fazhi extract 报告.txt [--all]\n"); return 2; }
  char *z = slurp_text(zFile);
  if( z==0 ) return 1;
  Arena a;
  arena_init(&a);
  Extract x;
  report_extract(&a, z, &x);
  printf("共%d句，提取带单位的数字%d个。\n", x.nSentence, x.nFig);
  if( opt(o, "--all", 1) ){
    for(int i=0; i<x.nFig; i++){
      const XFigure *f = &x.aFig[i];
      printf("%4d  第%d句  %s  %s%s%s\n", i+1, f->iSentence+1, f->zLabel, f->zNum, f->bApprox ? "余" : "", f->zUnit);
    }
  }
  static const struct { XFindingKind e; const char *zHead, *zNone; } aGroup[] = {
    { XF_SUM,  "以下数字相互矛盾（分项之和大于总数）：", "未发现分项之和大于总数之处。" },
    { XF_RATE, "以下比率无法由邻近的数字得出，请核对统计口径：", "全部比率都能由邻近的数字得出，或旁边没有可核对的数字。" },
  };
  for(int gi=0; gi<2; gi++){
    int n = 0;
    for(int i=0; i<x.nFinding; i++){
      const XFinding *g = &x.aFinding[i];
      if( g->eKind!=aGroup[gi].e ) continue;
      if( n++==0 ) printf("%s\n", aGroup[gi].zHead);
      printf("%d. %s\n   原句：%s\n", n, g->zMsg, x.azSentence[x.aFig[g->iFig].iSentence]);
    }
    if( n==0 ) printf("%s\n", aGroup[gi].zNone);
  }
  arena_free(&a);
  free(z);
  return 0;
}

static void print_picks(const char *zResult){
  int i = 0;
  for(const char *p=zResult; *p; ){
    const char *e = strchr(p, '\n');
    printf("%4d  %.*s\n", ++i, (int)(e-p), p);
    p = e+1;
  }
}

/* fazhi draw verify --pool FILE --values V: recompute a published draw
** from its pool file alone, as anyone can. */
static int draw_offline(Opts *o){
  const char *zPool = opt(o, "--pool", 0), *zValues = opt(o, "--values", 0);
  if( zPool==0 || zValues==0 ){ fprintf(stderr, "用法：fazhi draw verify --pool 名录文件 --values \"随机数\"\n"); return 2; }
  char *z = slurp(zPool);
  if( z==0 ) return 1;
  unsigned char h[32];
  char zHex[65], zErr[300];
  sha256(z, strlen(z), h);
  sha256_hex(h, zHex);
  Buf key, res;
  buf_init(&key);
  buf_init(&res);
  Arena a;
  arena_init(&a);
  int rc = 0;
  if( draw_key(zValues, &key, zErr, sizeof zErr) || draw_compute(&a, z, buf_cstr(&key), &res, zErr, sizeof zErr) ){
    fprintf(stderr, "%s\n", zErr);
    rc = 1;
  }else{
    printf("名录摘要（SHA-256）：%s\n关键字串：%s\n抽中（统一社会信用代码  检查人员执法证号）：\n", zHex, buf_cstr(&key));
    print_picks(buf_cstr(&res));
  }
  arena_free(&a);
  buf_free(&key);
  buf_free(&res);
  free(z);
  return rc;
}

static int cmd_draw(Opts *o){
  if( arg(o, 0) && strcmp(arg(o, 0), "verify")==0 && opt(o, "--pool", 0) ) return draw_offline(o);
  const char *zDb = need_db(o), *zPlan = arg(o, 0), *zAct = arg(o, 1);
  if( zDb==0 ) return 2;
  if( zPlan==0 || zAct==0 || (strcmp(zAct, "fix") && strcmp(zAct, "run") && strcmp(zAct, "verify")) ){
    fprintf(stderr, "用法：fazhi draw --db FILE 计划编号 fix|run|verify [--values \"随机数\"]\n");
    return 2;
  }
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  Ctx *c = &cli.c;
  const Kind *k = kind_find("inspection_plan");
  /* a city's database holds several counties, each with its own plan
  ** numbers: a number more than one of them uses names no plan */
  int nSame = 0;
  const char *zSame = rec_ids_by_value(c, k, kind_field(k, "plan_no"), zPlan, &nSame);
  if( nSame>1 ){
    fprintf(stderr, "计划编号“%s”有%d个县（区）在用：%s；请改用计划的序号（即括号中的号数）指定\n", zPlan, nSame, zSame);
    cli_close(&cli);
    return 1;
  }
  i64 iPlan = rec_id_by_value(c, k, kind_field(k, "plan_no"), zPlan, 0);
  if( iPlan==0 ) iPlan = atoll(zPlan);
  int rc = 1;
  if( strcmp(zAct, "fix")==0 ){
    rc = draw_fix(c, iPlan);
    DrawRow d;
    if( rc==FZ_OK && draw_load(c, iPlan, &d)==FZ_OK ) printf("名录已固定。名录摘要（SHA-256）：%s\n请在随机源开奖前公布此摘要。\n", d.zPoolSha);
  }else if( strcmp(zAct, "run")==0 ){
    const char *zValues = opt(o, "--values", 0);
    if( zValues==0 ){ fprintf(stderr, "缺少 --values 参数（随机源公布的随机数）\n"); cli_close(&cli); return 2; }
    rc = draw_run(c, iPlan, zValues);
    DrawRow d;
    if( rc==FZ_OK && draw_load(c, iPlan, &d)==FZ_OK ){
      printf("抽取完成。关键字串：%s\n", d.zKey);
      print_picks(d.zResult);
    }
  }else{
    rc = draw_verify(c, iPlan);
    DrawRow d;
    if( rc==FZ_OK && draw_load(c, iPlan, &d)==FZ_OK ){
      printf("复核通过：名录摘要 %s 与名录一致%s。\n", d.zPoolSha,
             d.zResult ? "；按名录和随机数重算的抽取结果与记录一致，检查记录与之相符" : "（尚未抽取）");
    }
  }
  if( rc ){
    if( c->err.n ) print_errors(c);
    else if( rc==FZ_FORBIDDEN ) fprintf(stderr, "无权执行此操作\n");
    else fprintf(stderr, "操作失败：%s\n", c->zInternal[0] ? c->zInternal : "内部错误");
  }
  cli_close(&cli);
  return rc ? 1 : 0;
}

static int cmd_migrate(Opts *o){
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
  int rc = migrate_county(&cli.c, pSrc, zFrom, opt(o, "--login-prefix", 0), &res);
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

/* fazhi user --db FILE VERB …: accounts from the command line. Every verb
** but list and locks changes one account (or lock) and is audited by the
** function it calls (src/auth/account.c, throttle.c). */
static int cmd_user(Opts *o){
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
        const char *zWhat = a[i].zAddr[0]==0 ? "账号（仅允许未失败过的地址尝试）"
                          : a[i].zLogin[0]==0 ? "地址（所有账号）" : "账号在该地址";
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

static int cmd_dept(Opts *o){
  /* fazhi dept --db FILE add NAME [--parent NAME] [--type bureau|town|village] */
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
  int nUnit = 0;
  {
    Stmt q;
    if( db_prepare(cli.pDb, &q, "SELECT COUNT(*) FROM dept WHERE dtype IN ('county','city')")==DB_OK ){
      if( db_step(&q)==DB_ROW ) nUnit = (int)db_column_int64(&q, 0);
      db_finalize(&q);
    }
  }
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
static int cmd_setting(Opts *o){
  static const struct { const char *zName, *zAbout; } aKnown[] = {
    { "public_url", "对外访问地址，印在扫码入企二维码里，如 https://fazhi.example.gov.cn" },
    { "county_party", "报告署名的党委名称，如 中共示范县委" },
    { "county_gov", "报告署名的政府名称，如 示范县人民政府" },
    { "report_to", "报告的主送机关，如 市委、市政府：" },
    { "city_name", "市（省）库：全市报告的名称，如 示范市" },
    { "city_party", "市（省）库：全市报告署名的党委名称，如 中共示范市委" },
    { "city_gov", "市（省）库：全市报告署名的政府名称，如 示范市人民政府" },
    { "city_report_to", "市（省）库：全市报告的主送机关，如 省委、省政府：" },
  };
  const char *zDb = need_db(o), *zName = arg(o, 0), *zValue = arg(o, 1), *zCounty = opt(o, "--county", 0);
  if( zDb==0 ) return 2;
  int iKnown = -1;
  for(int i=0; i<(int)(sizeof aKnown/sizeof aKnown[0]); i++) if( zName && strcmp(zName, aKnown[i].zName)==0 ) iKnown = i;
  if( iKnown<0 || zValue==0 ){
    fprintf(stderr, "用法：fazhi setting --db FILE [--county 县名] 名称 值\n可设置的名称：\n");
    for(int i=0; i<(int)(sizeof aKnown/sizeof aKnown[0]); i++) fprintf(stderr, "  %-14s %s\n", aKnown[i].zName, aKnown[i].zAbout);
    fprintf(stderr, "一个库中有多个县时，county_party、county_gov、report_to 用 --county 指明是哪个县的；有多个市时，city_* 用 --county 指明是哪个市的。\n");
    return 2;
  }
  if( strcmp(zName, "public_url")==0 ){
    const char *zHost = strncmp(zValue, "https://", 8)==0 ? zValue+8 : strncmp(zValue, "http://", 7)==0 ? zValue+7 : 0;
    if( zHost==0 || zHost[0]==0 || strspn(zHost, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:/_")!=strlen(zHost) ){
      fprintf(stderr, "public_url 应为 http:// 或 https:// 开头的地址（只含字母、数字、点、横线、冒号和路径），实际为“%s”\n", zValue);
      return 2;
    }
  }
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

static int cmd_holiday(Opts *o){
  /* fazhi holiday --db FILE add YYYY-MM-DD off|work 名称 : a State Council
  ** notice published after this build (e.g. next year's), stored in the
  ** database and loaded at every start. */
  const char *zDb = need_db(o);
  if( zDb==0 ) return 2;
  const char *zVerb = arg(o, 0), *zDate = arg(o, 1), *zKind = arg(o, 2), *zName = arg(o, 3);
  if( zVerb==0 || strcmp(zVerb, "add")!=0 || zName==0 || (strcmp(zKind, "off")!=0 && strcmp(zKind, "work")!=0) ){
    fprintf(stderr, "用法：fazhi holiday --db FILE add YYYY-MM-DD off|work 名称\n"
                    "  off  = 放假日；work = 调休上班日（周六或周日）\n");
    return 2;
  }
  Day d;
  if( day_parse(zDate, &d) ){ fprintf(stderr, "日期无效：“%s”（应为YYYY-MM-DD）\n", zDate); return 2; }
  if( zKind[0]=='w' && day_weekday(d)<6 ){ fprintf(stderr, "调休上班日应为周六或周日，%s不是\n", zDate); return 2; }
  char zNorm[11];
  day_format(d, zNorm);
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  Db *p = cli.pDb;
  int rc = holiday_set(&cli.c, zNorm, zKind[0]=='o' ? "o" : "w", zName);
  if( rc ) fprintf(stderr, "保存失败：%s\n", db_errmsg(p));
  else printf("已登记：%s %s（%s）。重启服务后生效。\n", zNorm, zKind[0]=='o' ? "放假" : "调休上班", zName);
  cli_close(&cli);
  return rc ? 1 : 0;
}

static int cmd_help(Opts *o);

typedef struct Command {
  const char *zName;
  int (*xCmd)(Opts*);
  const char *zOpts;          /* the options it takes; "=": with a value (opts_check) */
  const char *zHelp;          /* Chinese, then English */
} Command;

static const Command aCommand[] = {
  { "backup", cmd_backup, "--db= -o=", "backup --db FILE -o 备份.db   服务运行中备份SQLite数据库（一致的快照；PostgreSQL 打印 pg_dump 命令）\n"
                          "                             (a consistent copy while the server runs)" },
  { "baseline", cmd_baseline, "--db= --year=", "baseline --db FILE --year Y 报告.txt\n"
                          "                             将上年度已发布的报告（纯文本）作为比较基准：提取其中的数字并对应到指标，\n"
                          "                             同比、近年变化和指标表的上年数值以这些数字为准（import last year's report as the baseline）" },
  { "check",  cmd_check, "--db= --anchor=", "check --db FILE [--anchor 条目号:哈希]\n"
                          "                             核验审计哈希链（以密钥签署）、全部记录，以及用户、部门、设置、节假日、报告版本、比较基准、抽取；\n"
                          "                             打印链头；--anchor 核验日志第N条仍是当初记下的哈希（发现截断或改写）\n"
                          "                             （verify the keyed audit chain, every record and guarded table; print the head; check an anchor）" },
  { "city",   cmd_city, "--db=",   "city --db FILE 市名 县1 [县2 …]\n"
                          "                             市（省）库：把库中的县（区）归入一个市，市管理员可查看各县数据、各县指标对比和全市报告\n"
                          "                             （group counties of the database under a city）" },
  { "counties", cmd_counties, "--db= --year= -o=", "counties --db FILE [--year Y] [-o FILE.xlsx]\n"
                          "                             市（省）库：各县（区）的全部指标并列，末列为合计（各县记录之和）；全市报告用 fazhi report\n"
                          "                             （a city's database: every indicator for each county side by side, and their sum）" },
  { "demo",   cmd_demo, "--db= --year= --no-serve --listen=",   "demo [--db demo.db] [--year Y] [--no-serve] [--listen ADDR]\n"
                          "                             生成演示县（一整年数据）并启动服务（create a demo county with a year of data and serve it）" },
  { "dept",   cmd_dept, "--db= --parent= --type=",   "dept --db FILE add 部门名称 [--parent 上级部门] [--type bureau|town|village]\n"
                          "                             添加部门或乡镇（add a department to the tree）" },
  { "draw",   cmd_draw, "--db= --values= --pool=",   "draw --db FILE 计划编号 fix|run|verify [--values \"随机数\"]\n"
                          "                             双随机：固定并公布名录、按公开随机数抽取、复核（fix the pools, draw, verify）；\n"
                          "                             几个县用同一计划编号时请改用计划序号\n"
                          "  fazhi draw verify --pool pool.txt --values \"随机数\"\n"
                          "                             仅凭公布的名录文件重算抽取结果（recompute a draw from its published pool）" },
  { "export", cmd_export, "--db= --year= --format= -o=", "export --db FILE KIND [--year Y] [--format xlsx|csv|json] -o FILE\n"
                          "                             导出记录（export records）" },
  { "extract", cmd_extract, "--all", "extract 报告.txt [--all]    从往年报告文本中提取数字，检查相互矛盾之处（比率与数字对不上、分项之和大于总数）\n"
                          "                             （read a report's figures and flag contradictions among them）" },
  { "help",   cmd_help, "",   "help                       显示本帮助（this help）" },
  { "holiday", cmd_holiday, "--db=", "holiday --db FILE add YYYY-MM-DD off|work 名称\n"
                          "                             登记国务院新公布的放假/调休日（load a later holiday notice）" },
  { "import", cmd_import, "--db=", "import --db FILE KIND FILE 从CSV（UTF-8或GBK）或XLSX导入，全部成功或全部不写入\n"
                          "                             (import CSV/XLSX, all or nothing)" },
  { "init",   cmd_init, "--db= --county= --admin=",   "init --db FILE --county 县名 [--admin 账号]\n"
                          "                             新建县数据库（在市/省库中则新增一个县）和管理员，打印一次性密码（create a county and its admin）" },
  { "migrate", cmd_migrate, "--from= --to= --login-prefix=", "migrate --from FILE.db --to postgresql://… [--login-prefix 前缀]\n"
                          "                             将县数据库迁入PostgreSQL（可多个县迁入同一省/市库），全部成功或不做改动\n"
                          "                             (move a county into PostgreSQL; several counties into one database)" },
  { "report", cmd_report, "--db= --year= --format= --version= --appendix -o=", "report --db FILE --year Y --format md|html|docx|xlsx [--version N|data] [--appendix] -o FILE\n"
                          "                             生成法治政府建设年度报告；docx 按 GB/T 9704 公文格式排版；\n"
                          "                             xlsx 为全部指标及其分子、分母、目标、上年数值、口径和分部门情况；\n"
                          "                             已在网页上起草的，默认输出最新版本，--version N 输出第N版，--version data 根据最新数据重新起草；\n"
                          "                             docx 加 --appendix 附“报告数字的统计口径”\n"
                          "                             （write the annual report; xlsx: every figure, its definition and breakdowns;\n"
                          "                             the latest stored draft by default, --version N or data）" },
  { "schema", cmd_schema, "--json", "schema --json              输出全部类别、字段、枚举、期限规则与指标（print every declaration as JSON）" },
  { "serve",  cmd_serve, "--db= --listen= --threads= --max-per-ip= --header-timeout= --trusted-proxy= --https",
                          "serve --db FILE [--listen 127.0.0.1:8080] [--threads N] [--max-per-ip N] [--header-timeout S]\n"
                          "                             [--trusted-proxy 127.0.0.1[,地址…]] [--https]\n"
                          "                             启动网页和API服务（serve the web UI and /api/v1/）；\n"
                          "                             --max-per-ip：同一客户端地址最多同时连接数（默认128，0为不限，放在nginx之后时设为0）；\n"
                          "                             --header-timeout：请求头须在连接后S秒内收齐、请求体平均每秒不少于1 KiB（默认10，0为不限）；\n"
                          "                             --trusted-proxy：只相信这些反向代理发来的 X-Forwarded-For、X-Real-IP、X-Forwarded-Proto\n"
                          "                             （据此按每个用户自己的地址限制登录失败）；--https：服务位于HTTPS之后（会话Cookie加Secure，发送HSTS）" },
  { "setting", cmd_setting, "--db= --county=", "setting --db FILE 名称 值\n"
                          "                             设置对外访问地址（public_url）、报告署名等（set the public address, report names）" },
  { "user",   cmd_user, "--db=",   "user --db FILE add 账号 姓名 admin|clerk|leader 部门\n"
                          "                             新建用户并打印一次性密码（首次登录须修改）（add a user）\n"
                          "  fazhi user --db FILE list | disable 账号 | enable 账号 | reset 账号 | role 账号 角色 | move 账号 部门\n"
                          "                             列出账号、停用、启用、重置为一次性密码、更改角色、调整部门（均记入审计日志）\n"
                          "  fazhi user --db FILE locks | unlock 账号|地址\n"
                          "                             列出因登录失败受限的账号和地址、解除限制（manage accounts and login locks）" },
};
#define N_COMMAND ((int)(sizeof(aCommand)/sizeof(aCommand[0])))

static int cmd_help(Opts *o){
  (void)o;
  printf("fazhi — 县级法治政府建设工作管理系统 (rule-of-law government work system for a county)\n\n"
         "用法 (usage): fazhi 命令 [选项]\n\n");
  for(int i=0; i<N_COMMAND; i++) printf("  fazhi %s\n", aCommand[i].zHelp);
  printf("\nKIND（数据类别）:");
  for(int i=0; i<kind_count(); i++) printf(" %s(%s)", kind_at(i)->zName, kind_at(i)->zLabel);
  printf("\n\n--db 可以是SQLite数据库文件（一个县），也可以是PostgreSQL数据库（一个市或省，可由多台服务器共用）：\n"
         "  --db postgresql://用户@主机:端口/库名   或   --db \"host=127.0.0.1 port=5432 dbname=fazhi\"\n"
         "(--db takes a SQLite file or a PostgreSQL URI / libpq conninfo)");
  printf("\n\n环境变量 FAZHI_QUIET=1 关闭访问日志 (no access log)；FAZHI_TODAY=YYYY-MM-DD 固定“今天”（测试用）。\n");
  printf("审计密钥：SQLite 库 F 的密钥在 F.key（0600，首次写入时创建）；PostgreSQL 库用 FAZHI_KEY_FILE=密钥文件路径（不存在时首次写入创建）\n"
         "或 FAZHI_KEY=密钥文件的内容。(the audit chain's key: F.key beside a SQLite file; FAZHI_KEY_FILE or FAZHI_KEY for PostgreSQL)\n");
  return 0;
}

int main(int argc, char **argv){
  xmlInitParser();     /* once, before any thread reads an xlsx */
  if( argc<2 || strcmp(argv[1], "--help")==0 || strcmp(argv[1], "-h")==0 ){
    Opts o = { 0, 0, "" };
    cmd_help(&o);
    return argc<2 ? 2 : 0;
  }
  for(int i=1; i<N_COMMAND; i++){
    if( strcmp(aCommand[i-1].zName, aCommand[i].zName)>=0 ){ fprintf(stderr, "aCommand[] not sorted\n"); return 3; }
  }
  for(int i=0; i<N_COMMAND; i++){
    if( strcmp(argv[1], aCommand[i].zName)==0 ){
      /* A value given here may be stored (a name, a setting, a login):
      ** each must be one line of well-formed UTF-8 without control
      ** characters or noncharacters (src/base/utf8.h), or nothing runs. */
      for(int k=2; k<argc; k++){
        Utf8Bad bad;
        char zWhy[200];
        if( utf8_check(argv[k], strlen(argv[k]), 0, &bad)==UTF8_OK ) continue;
        utf8_bad_text(&bad, zWhy, sizeof zWhy);
        Buf shown;                      /* the argument, each bad character shown as U+FFFD */
        buf_init(&shown);
        utf8_repair(&shown, argv[k], strlen(argv[k]), 0, 1);
        if( k>2 && argv[k-1][0]=='-' && argv[k-1][1]=='-' ){
          fprintf(stderr, "%s 的值“%s”含有%s，命令未执行\n", argv[k-1], buf_cstr(&shown), zWhy);
        }else{
          fprintf(stderr, "参数“%s”含有%s，命令未执行\n", buf_cstr(&shown), zWhy);
        }
        buf_free(&shown);
        return 2;
      }
      Opts o = { argc-2, argv+2, aCommand[i].zOpts };
      if( opt(&o, "--help", 1) || opt(&o, "-h", 1) ){ printf("fazhi %s\n", aCommand[i].zHelp); return 0; }
      if( opts_check(aCommand[i].zName, &o) ) return 2;
      return aCommand[i].xCmd(&o);
    }
  }
  fprintf(stderr, "未知命令“%s”。运行 fazhi --help 查看全部命令。\n", argv[1]);
  return 2;
}
