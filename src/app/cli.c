/*
** src/app/cli.c — the subcommands' shared plumbing: reading their
** arguments (opt, arg) and opening the county database they work on.
*/
#include "app/cli.h"
#include "app/app.h"
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

/* zSpec is a space-separated list; an entry ending in '=' takes a value
** and matches zName without the '='. */
int opt_known(const char *zSpec, const char *zName, int *pbValue){
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
int is_option(const char *z){ return z[0]=='-' && z[1]!=0; }

/* The first argument equal to zName wins; its value is the next argument
** whatever it is (opts_check in main.c has refused a missing one). */
const char *opt(Opts *o, const char *zName, int bFlag){
  for(int i=0; i<o->argc; i++){
    if( strcmp(o->argv[i], zName)==0 ){
      if( bFlag ) return "";
      return i+1<o->argc ? o->argv[i+1] : 0;
    }
  }
  return 0;
}
/* An option not in zOpts is taken to have a value (the safe guess: its
** value is not mistaken for an argument). */
const char *arg(Opts *o, int n){
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
const char *need_db(Opts *o){
  const char *z = opt(o, "--db", 0);
  if( z==0 ) fprintf(stderr, "缺少 --db 参数（数据库文件）\n");
  return z;
}

int cli_open(Cli *p, const char *zDb, int bCreate){
  p->pDb = app_open(zDb, bCreate);
  if( p->pDb==0 ) return 1;
  arena_init(&p->a);
  app_cli_actor(p->pDb, &p->act);
  ctx_init(&p->c, p->pDb, &p->a, &p->act);
  return 0;
}
void cli_close(Cli *p){
  arena_free(&p->a);
  db_close(p->pDb);
}

static void cli_progress_show(Progress *p){
  CliProgress *cp = p->pArg;
  double t = progress_elapsed(p);
  if( !p->bDone ){
    if( cp->bTty ? t<0.5 : t<cp->tNext ) return;
    cp->tNext = t + 10;
  }else if( !cp->bShown ){
    return;                            /* done before anything was shown: nothing to close */
  }
  fprintf(stderr, "%s%s：已读取%lld%s，已检查%lld%s，已写入%lld%s（%s%.0f秒）%s",
          cp->bTty ? "\r" : "", cp->zWhat, p->nRead, cp->zUnit, p->nChecked, cp->zUnit, p->nWritten, cp->zUnit,
          p->bDone ? "结束，" : "", t, cp->bTty ? (p->bDone ? "\033[K\n" : "\033[K") : "\n");
  fflush(stderr);
  cp->bShown = 1;
}

void cli_progress_start(Progress *p, CliProgress *cp, const char *zWhat, const char *zUnit){
  const char *zQ = getenv("FAZHI_QUIET");
  int bQuiet = zQ && zQ[0] && strcmp(zQ, "0")!=0;
  *cp = (CliProgress){ .zWhat = zWhat, .zUnit = zUnit, .bTty = isatty(2), .tNext = 2 };
  progress_start(p, bQuiet ? 0 : cli_progress_show, cp);
}

void cli_progress_clear(Progress *p){
  CliProgress *cp = p && p->xShow==cli_progress_show ? p->pArg : 0;
  if( cp && cp->bTty && cp->bShown && !p->bDone ){ fputs("\r\033[K", stderr); fflush(stderr); }
}

int print_errors(Ctx *c){
  for(int i=0; i<c->err.n; i++) fprintf(stderr, "%s\n", err_text(c, &c->err.a[i]));
  return 1;
}
