/*
** src/app/cli.h — what the subcommands share: their arguments (Opts with
** opt() and arg()), the county database a command works on (Cli), and the
** command bodies that src/main.c's aCommand[] dispatches to. main.c holds
** the table, checks the options against it and calls one cmd_*(); each
** cmd_* lives in the src/app/cmd_*.c file of its concern.
*/
#ifndef FZ_APP_CLI_H
#define FZ_APP_CLI_H
#include "engine/ctx.h"

/* A command's arguments and the options it takes: zOpts is its entry of
** aCommand[], e.g. "--db= --year= -o= --appendix" (a trailing '=' means
** the option takes a value). main() has refused anything else already. */
typedef struct Opts { int argc; char **argv; const char *zOpts; int nArgMax; } Opts;

/* Does the option list zSpec (as Opts.zOpts) name zName? *pbValue is set
** to whether it takes a value; left alone when zName is not listed. */
int opt_known(const char *zSpec, const char *zName, int *pbValue);
/* Is z an option ("-x", "--name"), not a value? A lone "-" is a value. */
int is_option(const char *z);
/* --name VALUE: the value, or NULL. With bFlag (an option without a
** value), "" when given, NULL when not. */
const char *opt(Opts*, const char *zName, int bFlag);
/* The n-th (from 0) argument that is not an option or an option's value
** (an option takes a value when zOpts says so); NULL past the last. */
const char *arg(Opts*, int n);
/* The --db value, or NULL after saying on stderr that it is missing. */
const char *need_db(Opts*);

/* What a subcommand working on a county database holds: the connection,
** an arena, the command-line actor (county admin scope) and the context. */
typedef struct Cli { Db *pDb; Arena a; Actor act; Ctx c; } Cli;
/* Opens zDb (bCreate: creates it) with app_open and sets up the rest.
** Nonzero when the database cannot be opened (app_open said why). */
int  cli_open(Cli*, const char *zDb, int bCreate);
void cli_close(Cli*);
/* Writes every error of c to stderr, one a line; returns 1. */
int  print_errors(Ctx *c);

/* A progress line on stderr for long work (import, migrate, demo): on a
** terminal one line rewritten in place (from half a second on), else a
** line now and then (after 2 s, then every 10 s) and the last counts, so
** a quick job and a log stay quiet. FAZHI_QUIET=1 shows none. zWhat
** names the work (导入), zUnit its rows (行, 条). The line states what
** the Progress counts: read, checked, written. */
#include "base/progress.h"
typedef struct CliProgress { const char *zWhat, *zUnit; int bTty, bShown; double tNext; } CliProgress;
void cli_progress_start(Progress*, CliProgress*, const char *zWhat, const char *zUnit);
/* Before a line of its own on a terminal: the progress line cleared (it
** is written again at the next tick). p may be NULL. */
void cli_progress_clear(Progress*);

/* The command bodies: each returns the process's exit code (0 done, 1
** failed, 2 wrong usage), its messages in Chinese on stdout/stderr.
** cmd_admin.c: the county's departments, people, calendar and settings. */
int cmd_init(Opts*);
int cmd_dept(Opts*);
int cmd_user(Opts*);
int cmd_holiday(Opts*);
int cmd_rule(Opts*);
int cmd_setting(Opts*);
int cmd_city(Opts*);
/* cmd_data.c: records and reports in and out of a database. */
int cmd_import(Opts*);
int cmd_export(Opts*);
int cmd_report(Opts*);
int cmd_counties(Opts*);
int cmd_baseline(Opts*);
int cmd_extract(Opts*);
int cmd_draw(Opts*);
int cmd_schema(Opts*);
int cmd_kind(Opts*);
/* cmd_serve.c: running a database and keeping it sound. */
int cmd_serve(Opts*);
int cmd_demo(Opts*);
int cmd_backup(Opts*);
int cmd_check(Opts*);
int cmd_migrate(Opts*);
#endif
