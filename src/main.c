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
#include "report/extract.h"
#include "io/table.h"
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <libxml/parser.h>

typedef struct Opts { int argc; char **argv; } Opts;

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
  static const char *azFlag[] = { "--no-serve", "--json", "--quiet", "--all", "--appendix", 0 };
  for(int i=0; i<o->argc; i++){
    if( o->argv[i][0]=='-' && o->argv[i][1]=='-' ){
      int bFlag = 0;
      for(int j=0; azFlag[j]; j++) if( strcmp(o->argv[i], azFlag[j])==0 ) bFlag = 1;
      if( !bFlag ) i++;
      continue;
    }
    if( n--==0 ) return o->argv[i];
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
  Db *p = app_open(zDb, 0);
  if( p==0 ) return 1;
  db_close(p);
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

static int cmd_check(Opts *o){
  const char *zDb = need_db(o);
  if( zDb==0 ) return 2;
  Db *p = app_open(zDb, 0);
  if( p==0 ) return 1;
  AuditReport rep;
  int rc = audit_verify(p, &rep);
  if( rc==0 ){
    printf("检查通过：审计日志%lld条，哈希链完整；%lld条记录与日志一致。\n", (long long)rep.nRows, (long long)rep.nRecords);
    if( rep.nMigrations ){
      printf("迁入的%d个县的原审计日志共%lld条，各自的哈希链完整，与迁移条目相符。\n",
             rep.nMigrations, (long long)rep.nArchived);
    }
  }else{
    printf("检查发现%d个问题：\n%s", rep.nProblems, buf_cstr(&rep.text));
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
  Cli cli;
  if( cli_open(&cli, zTo, 1) ){ db_close(pSrc); return 1; }
  MigrateResult res;
  int rc = migrate_county(&cli.c, pSrc, zFrom, opt(o, "--login-prefix", 0), &res);
  if( rc ){
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

static int cmd_user(Opts *o){
  /* fazhi user --db FILE add LOGIN NAME ROLE DEPT */
  const char *zDb = need_db(o);
  if( zDb==0 ) return 2;
  const char *zVerb = arg(o, 0);
  if( zVerb==0 || strcmp(zVerb, "add")!=0 || arg(o, 4)==0 ){
    fprintf(stderr, "用法：fazhi user --db FILE add 账号 姓名 admin|clerk|leader 部门名称\n");
    return 2;
  }
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  Ctx *c = &cli.c;
  i64 iDept;
  int rc = 1;
  if( dept_lookup(c, arg(o, 4), &iDept, 0) ){
    fprintf(stderr, "未知部门“%s”\n", arg(o, 4));
  }else{
    char zPw[17];
    random_token(zPw, 8);
    if( user_create(c, arg(o, 1), arg(o, 2), arg(o, 3), iDept, zPw, 0) ) print_errors(c);
    else{ printf("已创建账号 %s，一次性密码：%s\n", arg(o, 1), zPw); rc = 0; }
  }
  cli_close(&cli);
  return rc;
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
  int rc = setting_set(cli.pDb, zName, zValue);
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
  Stmt q;
  int rc = 1;
  if( db_begin_write(p)==0 ){
    if( db_prepare(p, &q, "DELETE FROM holiday WHERE day=?1")==DB_OK ){
      db_bind_text(&q, 1, zNorm); db_step(&q); db_finalize(&q);
    }
    if( db_prepare(p, &q, "INSERT INTO holiday(day, dkind, name) VALUES(?1, ?2, ?3)")==DB_OK ){
      db_bind_text(&q, 1, zNorm);
      db_bind_text(&q, 2, zKind[0]=='o' ? "o" : "w");
      db_bind_text(&q, 3, zName);
      rc = db_step(&q)!=DB_DONE;
      db_finalize(&q);
    }
    /* every due date and on-time rate depends on it: logged like a record */
    if( rc==0 ){
      char zAfter[300];
      snprintf(zAfter, sizeof zAfter, "%s %s %s", zNorm, zKind[0]=='o' ? "o" : "w", zName);
      rc = audit_append(&cli.c, "holiday_set", "", 0, "", zAfter);
    }
    if( rc ) db_rollback(p); else rc = db_commit(p);
  }
  if( rc ) fprintf(stderr, "保存失败：%s\n", db_errmsg(p));
  else printf("已登记：%s %s（%s）。重启服务后生效。\n", zNorm, zKind[0]=='o' ? "放假" : "调休上班", zName);
  cli_close(&cli);
  return rc ? 1 : 0;
}

static int cmd_help(Opts *o);

typedef struct Command {
  const char *zName;
  int (*xCmd)(Opts*);
  const char *zHelp;          /* Chinese, then English */
} Command;

static const Command aCommand[] = {
  { "baseline", cmd_baseline, "baseline --db FILE --year Y 报告.txt\n"
                          "                             将上年度已发布的报告（纯文本）作为比较基准：提取其中的数字并对应到指标，\n"
                          "                             同比、近年变化和指标表的上年数值以这些数字为准（import last year's report as the baseline）" },
  { "check",  cmd_check,  "check --db FILE            核验审计哈希链与全部记录（verify the audit chain and every record）" },
  { "city",   cmd_city,   "city --db FILE 市名 县1 [县2 …]\n"
                          "                             市（省）库：把库中的县（区）归入一个市，市管理员可查看各县数据、各县指标对比和全市报告\n"
                          "                             （group counties of the database under a city）" },
  { "counties", cmd_counties, "counties --db FILE [--year Y] [-o FILE.xlsx]\n"
                          "                             市（省）库：各县（区）的全部指标并列，末列为合计（各县记录之和）；全市报告用 fazhi report\n"
                          "                             （a city's database: every indicator for each county side by side, and their sum）" },
  { "demo",   cmd_demo,   "demo [--db demo.db] [--year Y] [--no-serve] [--listen ADDR]\n"
                          "                             生成演示县（一整年数据）并启动服务（create a demo county with a year of data and serve it）" },
  { "dept",   cmd_dept,   "dept --db FILE add 部门名称 [--parent 上级部门] [--type bureau|town|village]\n"
                          "                             添加部门或乡镇（add a department to the tree）" },
  { "draw",   cmd_draw,   "draw --db FILE 计划编号 fix|run|verify [--values \"随机数\"]\n"
                          "                             双随机：固定并公布名录、按公开随机数抽取、复核（fix the pools, draw, verify）\n"
                          "  fazhi draw verify --pool pool.txt --values \"随机数\"\n"
                          "                             仅凭公布的名录文件重算抽取结果（recompute a draw from its published pool）" },
  { "export", cmd_export, "export --db FILE KIND [--year Y] [--format xlsx|csv|json] -o FILE\n"
                          "                             导出记录（export records）" },
  { "extract", cmd_extract, "extract 报告.txt [--all]    从往年报告文本中提取数字，检查相互矛盾之处（比率与数字对不上、分项之和大于总数）\n"
                          "                             （read a report's figures and flag contradictions among them）" },
  { "help",   cmd_help,   "help                       显示本帮助（this help）" },
  { "holiday", cmd_holiday, "holiday --db FILE add YYYY-MM-DD off|work 名称\n"
                          "                             登记国务院新公布的放假/调休日（load a later holiday notice）" },
  { "import", cmd_import, "import --db FILE KIND FILE 从CSV（UTF-8或GBK）或XLSX导入，全部成功或全部不写入\n"
                          "                             (import CSV/XLSX, all or nothing)" },
  { "init",   cmd_init,   "init --db FILE --county 县名 [--admin 账号]\n"
                          "                             新建县数据库（在市/省库中则新增一个县）和管理员，打印一次性密码（create a county and its admin）" },
  { "migrate", cmd_migrate, "migrate --from FILE.db --to postgresql://… [--login-prefix 前缀]\n"
                          "                             将县数据库迁入PostgreSQL（可多个县迁入同一省/市库），全部成功或不做改动\n"
                          "                             (move a county into PostgreSQL; several counties into one database)" },
  { "report", cmd_report, "report --db FILE --year Y --format md|html|docx|xlsx [--version N|data] [--appendix] -o FILE\n"
                          "                             生成法治政府建设年度报告；docx 按 GB/T 9704 公文格式排版；\n"
                          "                             xlsx 为全部指标及其分子、分母、目标、上年数值、口径和分部门情况；\n"
                          "                             已在网页上起草的，默认输出最新版本，--version N 输出第N版，--version data 根据最新数据重新起草；\n"
                          "                             docx 加 --appendix 附“报告数字的统计口径”\n"
                          "                             （write the annual report; xlsx: every figure, its definition and breakdowns;\n"
                          "                             the latest stored draft by default, --version N or data）" },
  { "schema", cmd_schema, "schema --json              输出全部类别、字段、枚举、期限规则与指标（print every declaration as JSON）" },
  { "serve",  cmd_serve,  "serve --db FILE [--listen 127.0.0.1:8080] [--threads N]\n"
                          "                             启动网页和API服务（serve the web UI and /api/v1/）" },
  { "setting", cmd_setting, "setting --db FILE 名称 值\n"
                          "                             设置对外访问地址（public_url）、报告署名等（set the public address, report names）" },
  { "user",   cmd_user,   "user --db FILE add 账号 姓名 admin|clerk|leader 部门\n"
                          "                             新建用户并打印一次性密码（add a user）" },
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
  return 0;
}

int main(int argc, char **argv){
  xmlInitParser();     /* once, before any thread reads an xlsx */
  if( argc<2 || strcmp(argv[1], "--help")==0 || strcmp(argv[1], "-h")==0 ){
    Opts o = { 0, 0 };
    cmd_help(&o);
    return argc<2 ? 2 : 0;
  }
  for(int i=1; i<N_COMMAND; i++){
    if( strcmp(aCommand[i-1].zName, aCommand[i].zName)>=0 ){ fprintf(stderr, "aCommand[] not sorted\n"); return 3; }
  }
  for(int i=0; i<N_COMMAND; i++){
    if( strcmp(argv[1], aCommand[i].zName)==0 ){
      Opts o = { argc-2, argv+2 };
      if( opt(&o, "--help", 1) || opt(&o, "-h", 1) ){ printf("fazhi %s\n", aCommand[i].zHelp); return 0; }
      return aCommand[i].xCmd(&o);
    }
  }
  fprintf(stderr, "未知命令“%s”。运行 fazhi --help 查看全部命令。\n", argv[1]);
  return 2;
}
