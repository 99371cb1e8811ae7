/*
** src/main.c — fazhi's subcommands: the table aCommand[] (name, body,
** the options it takes, help text) and dispatch. Before a command runs,
** main() checks its arguments (well-formed UTF-8, only declared options,
** each option with its value) and answers --help from the table. The
** bodies live in src/app/cmd_*.c (declared in src/app/cli.h); they call
** the code that does the job, which the web UI calls too. Nothing here
** touches the database.
*/
#include "app/app.h"
#include "app/cli.h"
#include "base/utf8.h"
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>

/* Refuses an option the command does not take, an option without its
** value (a missing one, or another option where the value should be), and
** more arguments than the command takes (o->nArgMax; -1: any number): a
** mistyped option, a flag given a value (--https yes) or a value whose
** option was forgotten (check --db F 12:ab without --anchor) must not be
** silently ignored. 0 if all is well. */
static int opts_check(const char *zCmd, Opts *o){
  int nArg = 0;
  for(int i=0; i<o->argc; i++){
    const char *z = o->argv[i];
    if( !is_option(z) ){
      if( o->nArgMax>=0 && ++nArg>o->nArgMax ){
        int bFlag = 0;
        if( i>0 && is_option(o->argv[i-1]) && opt_known(o->zOpts, o->argv[i-1], &bFlag) && !bFlag ){
          fprintf(stderr, "选项 %s 不带值，“%s”多余（fazhi %s --help 查看用法）\n", o->argv[i-1], z, zCmd);
        }else if( o->nArgMax==0 ){
          fprintf(stderr, "fazhi %s 不带参数，“%s”多余（是否漏写了选项名？fazhi %s --help 查看用法）\n", zCmd, z, zCmd);
        }else{
          fprintf(stderr, "fazhi %s 最多带%d个参数，“%s”多余（fazhi %s --help 查看用法）\n", zCmd, o->nArgMax, z, zCmd);
        }
        return 1;
      }
      continue;
    }
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

static int cmd_help(Opts *o);

typedef struct Command {
  const char *zName;
  int (*xCmd)(Opts*);
  const char *zOpts;          /* the options it takes; "=": with a value (opts_check) */
  const char *zHelp;          /* Chinese, then English */
  int nArgMax;                /* arguments besides options and their values; -1: any */
} Command;

static const Command aCommand[] = {
  { "backup", cmd_backup, "--db= -o=", "backup --db FILE -o 备份.db   服务运行中备份SQLite数据库（一致的快照；PostgreSQL 打印 pg_dump 命令）\n"
                          "                             (a consistent copy while the server runs)", 0 },
  { "baseline", cmd_baseline, "--db= --year=", "baseline --db FILE --year Y 报告.txt\n"
                          "                             将上年度已发布的报告（纯文本）作为比较基准：提取其中的数字并对应到指标，\n"
                          "                             同比、近年变化和指标表的上年数值以这些数字为准（import last year's report as the baseline）", 1 },
  { "check",  cmd_check, "--db= --anchor=", "check --db FILE [--anchor 条目号:哈希]\n"
                          "                             核验审计哈希链（以密钥签署）、全部记录，以及用户、部门、设置、节假日、报告版本、比较基准、抽取、自定义台账定义；\n"
                          "                             打印链头；--anchor 核验日志第N条仍是当初记下的哈希（发现截断或改写）\n"
                          "                             （verify the keyed audit chain, every record and guarded table; print the head; check an anchor）", 0 },
  { "city",   cmd_city, "--db=",   "city --db FILE 市名 县1 [县2 …]\n"
                          "                             市（省）库：把库中的县（区）归入一个市，市管理员可查看各县数据、各县指标对比和全市报告\n"
                          "                             （group counties of the database under a city）", -1 },
  { "counties", cmd_counties, "--db= --year= -o=", "counties --db FILE [--year Y] [-o FILE.xlsx]\n"
                          "                             市（省）库：各县（区）的全部指标并列，末列为合计（各县记录之和）；全市报告用 fazhi report\n"
                          "                             （a city's database: every indicator for each county side by side, and their sum）", 0 },
  { "demo",   cmd_demo, "--db= --year= --no-serve --listen=",   "demo [--db demo.db] [--year Y] [--no-serve] [--listen ADDR]\n"
                          "                             生成演示县（一整年数据）并启动服务（create a demo county with a year of data and serve it）", 0 },
  { "dept",   cmd_dept, "--db= --parent= --type=",   "dept --db FILE add 部门名称 [--parent 上级部门] [--type bureau|town|village]\n"
                          "                             添加部门或乡镇（add a department to the tree）", 2 },
  { "draw",   cmd_draw, "--db= --values= --pool=",   "draw --db FILE 计划编号 fix|run|verify [--values \"随机数\"]\n"
                          "                             双随机：固定并公布名录、按公开随机数抽取、复核（fix the pools, draw, verify）；\n"
                          "                             几个县用同一计划编号时请改用计划序号\n"
                          "  fazhi draw verify --pool pool.txt --values \"随机数\"\n"
                          "                             仅凭公布的名录文件重算抽取结果（recompute a draw from its published pool）", 2 },
  { "export", cmd_export, "--db= --year= --format= -o=", "export --db FILE KIND [--year Y] [--format xlsx|csv|json] -o FILE\n"
                          "                             导出记录（export records）", 1 },
  { "extract", cmd_extract, "--all", "extract 报告.txt [--all]    从往年报告文本中提取数字，检查相互矛盾之处（比率与数字对不上、分项之和大于总数）\n"
                          "                             （read a report's figures and flag contradictions among them）", 1 },
  { "help",   cmd_help, "",   "help                       显示本帮助（this help）", 0 },
  { "holiday", cmd_holiday, "--db=", "holiday --db FILE add YYYY-MM-DD off|work 名称\n"
                          "                             登记国务院新公布的放假/调休日（load a later holiday notice）\n"
                          "  fazhi holiday --db FILE status [年度]\n"
                          "                             各年度节假日安排是否完整：七个节日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）\n"
                          "                             的放假日均已登记，或已标记；不完整的年度，跨入该年的期限均标注“节假日未完整登记”\n"
                          "  fazhi holiday --db FILE complete 年度 依据通知\n"
                          "                             登记完通知的全部安排后，标记年度安排已完整登记（记入审计日志）\n"
                          "  fazhi holiday --db FILE uncomplete 年度\n"
                          "                             撤销该标记（mark a year's notice as entered whole, or undo）", 4 },
  { "import", cmd_import, "--db=", "import --db FILE KIND FILE 从CSV（UTF-8或GBK）或XLSX导入，全部成功或全部不写入\n"
                          "                             (import CSV/XLSX, all or nothing)", 2 },
  { "init",   cmd_init, "--db= --county= --admin=",   "init --db FILE --county 县名 [--admin 账号]\n"
                          "                             新建县数据库（在市/省库中则新增一个县）和管理员，打印一次性密码（create a county and its admin）", 0 },
  { "kind",   cmd_kind, "--db= --unit= --version= -o=", "kind --db FILE add 定义.json [--unit 县或市名称]\n"
                          "                             新增自定义台账，或保存已有台账的新版本（定义即 schema --json 中一个台账的JSON）；\n"
                          "                             默认属于本县，--unit 写市名则全市各县可见（add a custom kind or a new version of one）\n"
                          "  fazhi kind --db FILE list | export 台账标识 [--version N] -o 定义.json\n"
                          "                             列出自定义台账（版本、记录数）；导出定义，可在其他县导入（list; export a definition）\n"
                          "  fazhi kind --db FILE extend 内置台账标识 扩展.json [--unit 县或市名称]\n"
                          "                             内置台账的扩展：增加字段、选项值、指标、分项统计、报告语句，设定指标目标和小数位（0–4）；\n"
                          "                             每次保存为新版本，export 内置台账标识 导出现行扩展（extend a built-in kind）", 3 },
  { "migrate", cmd_migrate, "--from= --to= --login-prefix=", "migrate --from FILE.db --to postgresql://… [--login-prefix 前缀]\n"
                          "                             将县数据库迁入PostgreSQL（可多个县迁入同一省/市库），全部成功或不做改动\n"
                          "                             (move a county into PostgreSQL; several counties into one database)", 0 },
  { "report", cmd_report, "--db= --year= --format= --version= --appendix -o=", "report --db FILE --year Y --format md|html|docx|xlsx [--version N|data] [--appendix] -o FILE\n"
                          "                             生成法治政府建设年度报告；docx 按 GB/T 9704 公文格式排版；\n"
                          "                             xlsx 为全部指标及其分子、分母、目标、上年数值、口径和分部门情况；\n"
                          "                             已在网页上起草的，默认输出最新版本，--version N 输出第N版，--version data 根据最新数据重新起草；\n"
                          "                             docx 加 --appendix 附“报告数字的统计口径”\n"
                          "                             （write the annual report; xlsx: every figure, its definition and breakdowns;\n"
                          "                             the latest stored draft by default, --version N or data）", 0 },
  { "rule",   cmd_rule, "--db= --unit= --level= --from= --to= --basis=", "rule --db FILE list   各法定期限的默认规定和地方规定（list every period, its default and local rules）\n"
                          "  fazhi rule --db FILE set 台账 期限 长度 days|workdays|months --unit 县或市名称 --from YYYY-MM-DD --basis 依据 [--level province|city|county]\n"
                          "                             设定地方规定（省级、市级或县级），自施行日期起受理的案件按它计算期限；\n"
                          "                             只有可由地方规定的期限可以设定（set a local rule from a date）\n"
                          "  fazhi rule --db FILE end 规则编号 [--to YYYY-MM-DD]\n"
                          "                             停止施行（end a rule; cases started before keep it）", 5 },
  { "schema", cmd_schema, "--json --periods --db=", "schema --json [--db FILE]  输出全部类别、字段、枚举、期限规则与指标；加 --db 则含该库的自定义台账；--periods 输出内置期限一览表（README）（print every declaration as JSON）", 0 },
  { "serve",  cmd_serve, "--db= --listen= --threads= --max-per-ip= --header-timeout= --trusted-proxy= --https",
                          "serve --db FILE [--listen 127.0.0.1:8080] [--threads N] [--max-per-ip N] [--header-timeout S]\n"
                          "                             [--trusted-proxy 127.0.0.1[,地址…]] [--https]\n"
                          "                             启动网页和API服务（serve the web UI and /api/v1/）；\n"
                          "                             --max-per-ip：同一客户端地址最多同时连接数（默认128，0为不限；放在nginx之后时写 --trusted-proxy 127.0.0.1 --max-per-ip 0）；\n"
                          "                             --header-timeout：请求头须在连接后S秒内收齐、请求体平均每秒不少于1 KiB（默认10，0为不限）；\n"
                          "                             --trusted-proxy：只相信这些反向代理（IPv4地址）发来的 X-Forwarded-For、X-Real-IP、X-Forwarded-Proto\n"
                          "                             （据此按每个用户自己的地址限制登录失败）；--https：服务位于HTTPS之后（会话Cookie加Secure，发送HSTS）", 0 },
  { "setting", cmd_setting, "--db= --county=", "setting --db FILE 名称 值\n"
                          "                             设置对外访问地址（public_url）、报告署名等（set the public address, report names）", 2 },
  { "user",   cmd_user, "--db=",   "user --db FILE add 账号 姓名 admin|clerk|leader 部门\n"
                          "                             新建用户并打印一次性密码（首次登录须修改）（add a user）\n"
                          "  fazhi user --db FILE list | disable 账号 | enable 账号 | reset 账号 | role 账号 角色 | move 账号 部门\n"
                          "                             列出账号、停用、启用、重置为一次性密码、更改角色、调整部门（均记入审计日志）\n"
                          "  fazhi user --db FILE locks | unlock 账号|地址\n"
                          "                             列出因登录失败受限的账号和地址、解除限制（manage accounts and login locks）", 5 },
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
    Opts o = { 0, 0, "", 0 };
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
      Opts o = { argc-2, argv+2, aCommand[i].zOpts, aCommand[i].nArgMax };
      if( opt(&o, "--help", 1) || opt(&o, "-h", 1) ){ printf("fazhi %s\n", aCommand[i].zHelp); return 0; }
      if( opts_check(aCommand[i].zName, &o) ) return 2;
      return app_exit(aCommand[i].xCmd(&o));   /* non-zero, said why, when a statement failed */
    }
  }
  fprintf(stderr, "未知命令“%s”。运行 fazhi --help 查看全部命令。\n", argv[1]);
  return 2;
}
