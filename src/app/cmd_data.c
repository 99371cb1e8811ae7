/*
** src/app/cmd_data.c — the subcommands that move records and reports in
** and out of a database: import, export, report, counties, baseline,
** extract, draw and schema. Each parses its arguments, calls the layer
** that does the job (transfer, report, draw, api) and prints the outcome.
*/
#include "app/cli.h"
#include "app/app.h"
#include "api/api.h"
#include "report/report.h"
#include "report/extract.h"
#include "transfer/transfer.h"
#include "draw/draw.h"
#include "base/sha256.h"
#include "io/table.h"
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

/* fazhi import --db F KIND FILE: all rows or none. */
int cmd_import(Opts *o){
  const char *zDb = need_db(o), *zKind = arg(o, 0), *zFile = arg(o, 1);
  if( zDb==0 ) return 2;
  if( zKind==0 || zFile==0 ){ fprintf(stderr, "用法：fazhi import --db FILE KIND FILE.csv|FILE.xlsx\n"); return 2; }
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;      /* first: the database's custom kinds are kinds too */
  const Kind *k = kind_find(zKind);
  if( k==0 ){
    fprintf(stderr, "未知的数据类别“%s”（用 fazhi schema --json --db FILE 查看全部类别）\n", zKind);
    cli_close(&cli);
    return 2;
  }
  Ctx *c = &cli.c;
  int n = 0;
  Progress pg;
  CliProgress cp;
  cli_progress_start(&pg, &cp, "导入", "行");
  c->pProgress = &pg;
  int rc = import_file(c, k, zFile, &n);
  progress_end(&pg);
  c->pProgress = 0;
  if( rc ){
    if( c->err.n ) fprintf(stderr, "导入失败，未写入任何数据。共%d处错误：\n", c->err.n);
    print_errors(c);
  }else{
    printf("导入成功：%s %d条\n", k->zLabel, n);
  }
  cli_close(&cli);
  return rc ? 1 : 0;
}

/* fazhi export --db F KIND [--year Y] [--format xlsx|csv|json] -o FILE. */
int cmd_export(Opts *o){
  const char *zDb = need_db(o), *zKind = arg(o, 0), *zOut = opt(o, "-o", 0);
  const char *zFormat = opt(o, "--format", 0), *zYear = opt(o, "--year", 0);
  if( zDb==0 ) return 2;
  if( zFormat==0 ) zFormat = "xlsx";
  if( zKind==0 || zOut==0 ){ fprintf(stderr, "用法：fazhi export --db FILE KIND [--year Y] [--format xlsx|csv|json] -o FILE\n"); return 2; }
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;      /* first: the database's custom kinds are kinds too */
  const Kind *k = kind_find(zKind);
  if( k==0 ){
    fprintf(stderr, "用法：fazhi export --db FILE KIND [--year Y] [--format xlsx|csv|json] -o FILE\n"
                    "未知的数据类别“%s”\n", zKind);
    cli_close(&cli);
    return 2;
  }
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

/* fazhi report --db F [--year Y] [--format md|html|docx|xlsx] [--version N|data] [-o FILE]. */
int cmd_report(Opts *o){
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

/* fazhi counties --db F --year Y [-o FILE.xlsx]: each indicator across the
** counties of a city's (province's) database, and their sum. */
int cmd_counties(Opts *o){
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

/* fazhi schema --json [--db F]: every declaration as JSON (with --db, the
** database's custom kinds too); --periods: README's table of the built-in
** periods (markdown). */
int cmd_schema(Opts *o){
  if( opt(o, "--periods", 1) ){
    Buf m;
    buf_init(&m);
    api_periods_md(&m);
    fwrite(m.z, 1, m.n, stdout);
    buf_free(&m);
    return 0;
  }
  const char *zDb = opt(o, "--db", 0);
  Cli cli;
  if( zDb && cli_open(&cli, zDb, 0) ) return 1;    /* with a database: its custom kinds too */
  Buf b;
  buf_init(&b);
  api_schema(&b, 0);
  fwrite(b.z, 1, b.n, stdout);
  buf_free(&b);
  if( zDb ) cli_close(&cli);
  return 0;
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

/* fazhi baseline --db F --year Y 报告.txt: last year's published report
** as the baseline for year on year (baseline.c). */
int cmd_baseline(Opts *o){
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

/* fazhi extract FILE [--all]: the figures of a report written by people
** (last year's, as plain text) and the places they contradict each other. */
int cmd_extract(Opts *o){
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

/* A draw's result ("code  badge\n" a pick), numbered from 1. */
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

/* fazhi draw --db F 计划编号 fix|run|verify [--values V]: fix and publish
** an inspection plan's pools, draw by the published random values, or
** recompute and compare; the plan by its plan_no or its id. */
int cmd_draw(Opts *o){
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
