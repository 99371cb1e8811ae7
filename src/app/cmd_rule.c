/*
** src/app/cmd_rule.c — `fazhi rule`: the 地方规定 of statutory periods
** (src/engine/prule.c) from the command line: list every declared period
** with its state default and the rules in force or past; set a rule for a
** county, city or province from a date; end one. The 期限规则 page calls
** the same functions; the command line acts for the whole database.
*/
#include "app/cli.h"
#include "engine/prule.h"
#include <stdio.h>
#include <string.h>

static int rule_usage(void){
  fprintf(stderr, "用法：fazhi rule --db FILE list\n"
                  "      fazhi rule --db FILE set 台账 期限 长度 days|workdays|months --unit 县或市名称"
                  " --from YYYY-MM-DD --basis 依据 [--level province|city|county]\n"
                  "      fazhi rule --db FILE end 规则编号 [--to YYYY-MM-DD]\n");
  return 2;
}

/* One line per declared period, then its rules indented. */
static int rule_list(Cli *cli){
  PruleRow *a;
  int n;
  Arena *pA = cli->c.pArena;
  if( prule_rows(&cli->c, &a, &n) ) return FZ_INTERNAL;
  for(int i=0; i<n; i++){
    const Deadline *d = a[i].pDl;
    printf("%s/%s\t%s·%s\t%s\t%s\t%s\n", a[i].pKind->zName, d->zName, a[i].pKind->zLabel, d->zLabel,
           d->zLengthField ? "按记录所填" : d->eUnit==PU_ONDATE ? "按所填日期" : prule_length_text(pA, d->nLength, d->eUnit),
           d->bLocal ? "可由地方规定" : "法定，不可改", d->zBasis);
    for(int j=0; j<a[i].nRule; j++){
      const PeriodRule *p = a[i].apRule[j];
      printf("  #%lld\t%s\t%s\t%s\t%s起%s%s\t%s\n", (long long)p->id, p->zJurName, prule_level_label(p->zLevel),
             prule_length_text(pA, p->nLength, p->eUnit), p->zFrom, p->zTo[0] ? "至" : "施行", p->zTo, p->zBasis);
    }
  }
  return FZ_OK;
}

int cmd_rule(Opts *o){
  const char *zDb = need_db(o);
  if( zDb==0 ) return 2;
  const char *zVerb = arg(o, 0);
  if( zVerb==0 ) return rule_usage();
  int bList = strcmp(zVerb, "list")==0, bSet = strcmp(zVerb, "set")==0, bEnd = strcmp(zVerb, "end")==0;
  if( (!bList && !bSet && !bEnd) || (bList && arg(o, 1)) || (bSet && (arg(o, 4)==0 || arg(o, 5)))
   || (bEnd && (arg(o, 1)==0 || arg(o, 2))) ) return rule_usage();
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  int rc;
  if( bList ){
    rc = rule_list(&cli);
  }else if( bSet ){
    i64 id = 0;
    rc = prule_set(&cli.c, arg(o, 1), arg(o, 2), opt(o, "--unit", 0), opt(o, "--level", 0), arg(o, 3), arg(o, 4),
                   opt(o, "--basis", 0), opt(o, "--from", 0), &id);
    if( rc==FZ_OK ) printf("已保存期限规则 #%lld。运行中的服务在下一个请求时生效。\n", (long long)id);
  }else{
    rc = prule_end(&cli.c, arg(o, 1), opt(o, "--to", 0));
    if( rc==FZ_NOTFOUND ) fprintf(stderr, "没有编号为%s的期限规则\n", arg(o, 1));
    if( rc==FZ_OK ) printf("期限规则 #%s 已停止施行。运行中的服务在下一个请求时生效。\n", arg(o, 1));
  }
  if( cli.c.err.n ) print_errors(&cli.c);
  if( rc==FZ_INTERNAL ) fprintf(stderr, "保存失败：%s\n", db_errmsg(cli.pDb));
  cli_close(&cli);
  return rc==FZ_OK ? 0 : rc==FZ_INVALID || rc==FZ_NOTFOUND ? 2 : 1;
}
