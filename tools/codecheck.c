/*
** tools/codecheck.c — the house rules a compiler cannot check.
**
** Scans every .c/.h file under the directory given and reports, with
** file:line:
**   - sprintf, strcpy, strcat, gets, system( anywhere (unbounded or shell),
**     and strtok( (its hidden state is shared by the server's threads: strtok_r);
**   - printf( / puts( outside the command line (src/main.c, src/app/):
**     request handlers write through buffers, never stdout;
**   - exit( outside src/main.c: nothing in the request path may exit;
**   - db_prepare_sql( and sqlite3_ calls outside src/db/: SQL goes through
**     the store interface (literal-only db_prepare or the SqlBuf builder);
**   - out_html( whose argument is not an HTML("…") literal: markup cannot
**     come from a variable; nor can an Html be made from one ("(Html){"
**     outside src/base/buf.h);
**   - in src/web/, a conditional string argument holding quoted markup
**     (cond ? " class=\"on\"" : ""): %s escapes it into &quot;. Put the
**     attribute in the format and pass only its value.
**   - the store called from a face (src/web, src/api, src/handlers,
**     src/http, src/main.c): any db_*, sql_*, sqlbuf_* identifier, SqlBuf or
**     Stmt. Queries belong to the layer that owns the data; a request's
**     connection and transaction go through the engine's unit of work
**     (src/engine/unit.c).
**   - an #include "dir/x.h" from one folder of src/ into another that
**     aLayer[] does not allow (or aEdgeFile[] for one file);
**   - a hand-written array growth: a capacity doubled (nAlloc*2,
**     2*nAlloc, nAlloc *= 2, or a *realloc( call sized by n*2) with an
**     element-sized allocation (sizeof(T)*…) on that line or the next
**     three. Arrays grow by arena_grow (arena memory) or fz_grow (heap),
**     both in src/base/arena.c.
** Comments and the text of string literals are not code for the last
** three rules. Prints "N passed, N failed" (files clean / files with
** findings). "codecheck --selftest" plants a violation of each of the
** last three rules (and clean twins) in a temporary folder and fails
** unless each planted violation, and nothing else, is caught.
*/
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <dirent.h>
#include <unistd.h>
#include <sys/stat.h>

/*
** The layers: which folders of src/ a file in each folder may #include
** from (its own folder always). "main" is src/main.c. This is the picture
** README.md's developer section draws; change both together. A folder of
** src/ not in this table is a finding: place it first.
*/
static const struct Layer { const char *zDir; const char *zMay; } aLayer[] = {
  { "base",     "" },                       /* primitives: nothing below them */
  { "calendar", "base" },
  { "chart",    "base" },
  { "io",       "base" },
  { "db",       "base" },                   /* the store: never the engine */
  { "engine",   "base db calendar" },       /* never http, web, api, handlers */
  { "modules",  "engine" },                 /* declarations: the engine only */
  /* audit → engine: the log is of the engine's records: it takes the Ctx
  ** (who acts, which database) and audit_verify compares every kind's
  ** records with their last logged state. The way back is one file, in
  ** aEdgeFile[]. */
  { "audit",    "base db calendar engine" },
  /* auth → engine: Actor and Ctx (the acting user and their department
  ** scope) are the engine's; auth fills them in. The engine never calls
  ** auth. */
  { "auth",     "base db calendar engine audit" },
  { "draw",     "base db calendar engine audit" },
  { "report",   "base db calendar chart io engine audit" },
  { "transfer", "base db calendar io engine audit" },
  /* app: the command bodies; fazhi serve starts the server (http) and
  ** fazhi schema --json prints the API's description (api). */
  { "app",      "base db calendar chart io engine audit auth draw report transfer http api" },
  /* The faces: never the store (db) or the command line (app). http
  ** renders nothing: the error page is the handlers' (route_error). */
  { "http",     "base engine auth" },
  { "web",      "base calendar chart io engine audit auth draw report transfer http" },
  { "api",      "base calendar chart io engine audit auth draw report transfer http" },
  { "handlers", "base calendar chart io engine audit auth draw report transfer http web api" },
  { "main",     "base app" },
};
/* One file's edges beyond its folder's, each with its reason. */
static const struct EdgeFile { const char *zFile; const char *zDir; } aEdgeFile[] = {
  /* A record's write appends its audit entry inside its own transaction
  ** (audit_append): the one place the engine calls up into audit. */
  { "src/engine/record.c", "audit" },
  /* A setting's write appends its audit entry in its own transaction
  ** (setting_set), so the 参数设置 page and `fazhi setting` share it. */
  { "src/engine/setting.c", "audit" },
  /* …and a holiday's (holiday_set), for the 节假日 page and `fazhi holiday`. */
  { "src/engine/holiday.c", "audit" },
  /* …and a custom kind's definition (kinddef_save): the kind_def row, its
  ** table's DDL and the audit entry in one transaction, for `fazhi kind`,
  ** the API and the 自定义台账 pages alike. */
  { "src/engine/kinddef.c", "audit" },
  /* …and a 地方规定 of a period (prule_set, prule_end), for the 期限规则
  ** page and `fazhi rule`. */
  { "src/engine/prule.c", "audit" },
  /* The route table names every handler: the one file of http/ that
  ** knows them (and, through route_error, the faces' error pages). */
  { "src/http/route.c", "handlers" },
};

/*
** Functions that still call the store from a face. Each is moved by
** issue 14 §1; remove when empty. Any other file or function (a new one
** in these files too) is a finding, and so is an entry that no longer
** matches anything.
*/
static struct Allow { const char *zFile, *zFunc; int nHit; } aStoreAllow[] = {
  { 0, 0 }
};
/* Hand-written growth loops in functions being moved out of their file
** by issue 14 §1/§3: converted to arena_grow where they land. Remove
** when empty. */
static struct Allow aGrowAllow[] = {
  { 0, 0 }
};
#define count(a) ((int)(sizeof(a)/sizeof((a)[0])))

static int nBad, nGood;
static FILE *pOut;             /* findings go here (stdout; /dev/null in the self-test) */
static int quoted_markup_arg(const char *z);

static int is_ident(char c){ return (c>='a'&&c<='z')||(c>='A'&&c<='Z')||(c>='0'&&c<='9')||c=='_'; }

/* Occurrence of a call zName( not preceded by an identifier character. */
static const char *find_call(const char *zLine, const char *zName){
  size_t n = strlen(zName);
  for(const char *p=strstr(zLine, zName); p; p=strstr(p+1, zName)){
    if( p>zLine && is_ident(p[-1]) ) continue;
    if( p[n]=='(' ) return p;
  }
  return 0;
}

/*
** zLine as code: comments and the text of string and character literals
** blanked (the quotes stay), into zCode (as long as zLine). *pbBlock: a
** block comment is open at the start of the line, and is on return.
*/
static void code_of(const char *zLine, char *zCode, int *pbBlock){
  size_t i = 0, n = strlen(zLine);
  char cQuote = 0;
  memcpy(zCode, zLine, n+1);
  while( i<n ){
    if( *pbBlock ){
      if( zLine[i]=='*' && zLine[i+1]=='/' ){ zCode[i] = zCode[i+1] = ' '; i += 2; *pbBlock = 0; continue; }
      if( zLine[i]!='\n' ) zCode[i] = ' ';
      i++;
    }else if( cQuote ){
      if( zLine[i]=='\\' && zLine[i+1] && zLine[i+1]!='\n' ){ zCode[i] = zCode[i+1] = ' '; i += 2; continue; }
      if( zLine[i]==cQuote ){ cQuote = 0; i++; continue; }
      if( zLine[i]!='\n' ) zCode[i] = ' ';
      i++;
    }else if( zLine[i]=='/' && zLine[i+1]=='*' ){
      zCode[i] = zCode[i+1] = ' ';
      i += 2;
      *pbBlock = 1;
    }else if( zLine[i]=='/' && zLine[i+1]=='/' ){
      while( i<n && zLine[i]!='\n' ) zCode[i++] = ' ';
    }else if( zLine[i]=='"' || zLine[i]=='\'' ){
      cQuote = zLine[i++];
    }else{
      i++;
    }
  }
}

/* The identifier ending just before p (skipping blanks), copied to zOut; 0 if none. */
static int ident_before(const char *zStart, const char *p, char *zOut, size_t nOut){
  while( p>zStart && (p[-1]==' ' || p[-1]=='\t') ) p--;
  const char *e = p;
  while( p>zStart && is_ident(p[-1]) ) p--;
  if( p==e || (*p>='0' && *p<='9') || (size_t)(e-p)>=nOut ) return 0;
  memcpy(zOut, p, (size_t)(e-p));
  zOut[e-p] = 0;
  return 1;
}

/*
** Which function a line is in: brace depth and, at depth 0, the first
** "name(" of the declaration being read. zFunc is "" outside functions.
*/
typedef struct Scope { int nDepth; char zCand[128]; char zFunc[128]; } Scope;
static void scope_line(Scope *s, const char *zCode){
  for(const char *p=zCode; *p; p++){
    if( s->nDepth==0 ){
      if( *p=='#' && p==zCode ) return;             /* a preprocessor line */
      if( *p==';' ){ s->zCand[0] = 0; s->zFunc[0] = 0; }
      if( *p=='(' && s->zCand[0]==0 ){
        if( !ident_before(zCode, p, s->zCand, sizeof s->zCand) ) s->zCand[0] = 0;
      }
      if( *p=='{' ){ snprintf(s->zFunc, sizeof s->zFunc, "%s", s->zCand); s->nDepth = 1; s->zCand[0] = 0; }
    }else if( *p=='{' ){
      s->nDepth++;
    }else if( *p=='}' ){
      if( --s->nDepth==0 ){ s->zFunc[0] = 0; s->zCand[0] = 0; }
    }
  }
}

static int in_dir(const char *zPath, const char *zDir){
  return strncmp(zPath, zDir, strlen(zDir))==0;
}
/* The folder of src/ zPath is in ("main" for src/main.c), into zOut; 0 if none. */
static int src_dir(const char *zPath, char *zOut, size_t nOut){
  if( strcmp(zPath, "src/main.c")==0 ){ snprintf(zOut, nOut, "main"); return 1; }
  if( !in_dir(zPath, "src/") ) return 0;
  const char *z = zPath+4, *e = strchr(z, '/');
  if( e==0 || (size_t)(e-z)>=nOut ) return 0;
  memcpy(zOut, z, (size_t)(e-z));
  zOut[e-z] = 0;
  return 1;
}
/* Word zWord in the blank-separated list zList. */
static int in_list(const char *zList, const char *zWord){
  size_t n = strlen(zWord);
  for(const char *p=zList; (p = strstr(p, zWord))!=0; p++){
    if( (p==zList || p[-1]==' ') && (p[n]==0 || p[n]==' ') ) return 1;
  }
  return 0;
}

/* #include "dir/x.h" in zPath: 0 allowed, else the finding is printed and 1. */
static int include_check(const char *zPath, int iLine, const char *zLine){
  const char *p = zLine;
  while( *p==' ' || *p=='\t' ) p++;
  if( *p!='#' ) return 0;
  for(p++; *p==' '; p++){}
  if( strncmp(p, "include", 7)!=0 ) return 0;
  p = strchr(p, '"');
  if( p==0 ) return 0;                      /* <system.h> */
  const char *e = strchr(p+1, '"'), *zSlash = strchr(p+1, '/');
  if( e==0 || zSlash==0 || zSlash>e ) return 0;   /* same folder */
  char zFrom[64], zTo[64];
  if( !src_dir(zPath, zFrom, sizeof zFrom) ) return 0;
  size_t n = (size_t)(zSlash-(p+1));
  if( n>=sizeof zTo ) n = sizeof zTo - 1;
  memcpy(zTo, p+1, n);
  zTo[n] = 0;
  if( strcmp(zFrom, zTo)==0 ) return 0;
  for(int i=0; i<count(aEdgeFile); i++){
    if( strcmp(aEdgeFile[i].zFile, zPath)==0 && strcmp(aEdgeFile[i].zDir, zTo)==0 ) return 0;
  }
  for(int i=0; i<count(aLayer); i++){
    if( strcmp(aLayer[i].zDir, zFrom)!=0 ) continue;
    if( in_list(aLayer[i].zMay, zTo) ) return 0;
    fprintf(pOut, "%s:%d: %s/ may not include %s/ (the layer table aLayer[] in tools/codecheck.c)\n",
            zPath, iLine, zFrom, zTo);
    return 1;
  }
  fprintf(pOut, "%s:%d: src/%s/ is not in the layer table aLayer[] (tools/codecheck.c)\n", zPath, iLine, zFrom);
  return 1;
}

static int allowed(struct Allow *a, const char *zPath, const char *zFunc){
  for(int i=0; a[i].zFile; i++){
    if( strcmp(a[i].zFile, zPath)==0 && strcmp(a[i].zFunc, zFunc)==0 ){ a[i].nHit++; return 1; }
  }
  return 0;
}

/* The first store identifier in zCode, into zOut; 0 if none. */
static int store_call(const char *zCode, char *zOut, size_t nOut){
  for(const char *p=zCode; *p; ){
    if( !is_ident(*p) || (*p>='0' && *p<='9') ){
      if( (*p>='0' && *p<='9') ) while( is_ident(*p) ) p++; else p++;
      continue;
    }
    const char *z = p;
    while( is_ident(*p) ) p++;
    size_t n = (size_t)(p-z);
    if( z>zCode && (z[-1]=='.' || (z[-1]=='>' && z>zCode+1 && z[-2]=='-')) ) continue;   /* a member */
    int bStore = (n>3 && strncmp(z, "db_", 3)==0) || (n>4 && strncmp(z, "sql_", 4)==0)
              || (n>7 && strncmp(z, "sqlbuf_", 7)==0)
              || (n==6 && strncmp(z, "SqlBuf", 6)==0) || (n==4 && strncmp(z, "Stmt", 4)==0);
    if( !bStore ) continue;
    snprintf(zOut, nOut, "%.*s", (int)n, z);
    return 1;
  }
  return 0;
}

/*
** A capacity doubled on this line: an identifier holding "Alloc" times 2
** (X*2, 2*X, X *= 2), or a *realloc( call whose arguments hold *2 or 2*.
*/
static int doubles(const char *zCode){
  for(const char *p=zCode; *p; p++){
    const char *q = p;
    if( p[0]=='*' && p[1]=='2' && !is_ident(p[2]) ){
      q = p;
    }else if( p[0]=='2' && (p==zCode || !is_ident(p[-1])) ){
      q = p+1;
      while( *q==' ' ) q++;
      if( *q!='*' || q[1]=='=' ) continue;
      q++;
      while( *q==' ' ) q++;
      const char *e = q;
      while( is_ident(*e) || *e=='.' || (e[0]=='-' && e[1]=='>') ) e += (*e=='-') ? 2 : 1;
      char zId[256];
      snprintf(zId, sizeof zId, "%.*s", (int)(e-q), q);
      if( strstr(zId, "Alloc") ) return 1;
      continue;
    }else if( p[0]=='*' && p[1]=='=' ){
      const char *r = p+2;
      while( *r==' ' ) r++;
      if( r[0]!='2' || is_ident(r[1]) ) continue;
      q = p;
    }else{
      continue;
    }
    /* the operand before q: an identifier or a member path */
    char zId[128];
    const char *e = q;
    while( e>zCode && e[-1]==' ' ) e--;
    const char *b = e;
    while( b>zCode && (is_ident(b[-1]) || b[-1]=='.' || (b[-1]=='>' && b-1>zCode && b[-2]=='-')) ){
      b -= (b[-1]=='>') ? 2 : 1;
    }
    snprintf(zId, sizeof zId, "%.*s", (int)(e-b), b);
    if( strstr(zId, "Alloc") ) return 1;
  }
  for(const char *p=strstr(zCode, "realloc("); p; p=strstr(p+1, "realloc(")){
    int nParen = 0;
    for(const char *q=p+7; *q; q++){
      if( *q=='(' ) nParen++;
      else if( *q==')' && --nParen==0 ) break;
      else if( (q[0]=='*' && q[1]=='2' && !is_ident(q[2])) || (q[0]=='2' && q[1]=='*' && !is_ident(q[-1])) ) return 1;
    }
  }
  return 0;
}
/* An element-sized allocation: "sizeof(T)*" or "sizeof x *" on the line. */
static int elem_alloc(const char *zCode){
  for(const char *p=strstr(zCode, "sizeof"); p; p=strstr(p+1, "sizeof")){
    if( p>zCode && is_ident(p[-1]) ) continue;
    const char *q = p+6;
    while( *q==' ' ) q++;
    if( *q=='(' ){
      int nParen = 0;
      for(; *q; q++){
        if( *q=='(' ) nParen++;
        else if( *q==')' && --nParen==0 ){ q++; break; }
      }
    }else{
      if( *q=='*' ) q++;
      while( is_ident(*q) || *q=='.' || (q[0]=='-' && q[1]=='>') || *q=='[' || *q==']' ) q += (*q=='-') ? 2 : 1;
    }
    while( *q==' ' ) q++;
    if( *q=='*' ) return 1;
  }
  return 0;
}

static int check_file(const char *zPath){
  FILE *f = fopen(zPath, "rb");
  if( !f ) return 0;
  char zLine[4096], zCode[4096];
  int iLine = 0, nHere = 0, bComment = 0, bBlock = 0;
  int bCli = strcmp(zPath, "src/main.c")==0 || strncmp(zPath, "src/app/", 8)==0;
  int bDb = strncmp(zPath, "src/db/", 7)==0;
  int bFace = in_dir(zPath, "src/web/") || in_dir(zPath, "src/api/") || in_dir(zPath, "src/handlers/")
           || in_dir(zPath, "src/http/") || strcmp(zPath, "src/main.c")==0;
  int bBase = in_dir(zPath, "src/base/");
  Scope scope;
  memset(&scope, 0, sizeof scope);
  int iDouble = 0;                 /* line of the last capacity doubling, for the next 3 lines */
  while( fgets(zLine, sizeof zLine, f) ){
    iLine++;
    /* the layering rules read the line as code */
    int bInBlock = bBlock;
    code_of(zLine, zCode, &bBlock);
    if( !bInBlock ) nHere += include_check(zPath, iLine, zLine);
    scope_line(&scope, zCode);
    char zId[128];
    if( bFace && store_call(zCode, zId, sizeof zId)
        && !allowed(aStoreAllow, zPath, scope.zFunc) ){
      fprintf(pOut, "%s:%d: %s in %s(): the store is called from a face; call a named function of the layer that owns the data\n",
              zPath, iLine, zId, scope.zFunc[0] ? scope.zFunc : "(file scope)");
      nHere++;
    }
    if( !bBase ){
      if( doubles(zCode) ) iDouble = iLine;
      if( iDouble && iLine-iDouble<=3 && elem_alloc(zCode) ){
        if( !allowed(aGrowAllow, zPath, scope.zFunc) ){
          fprintf(pOut, "%s:%d: an array grown by hand: use arena_grow (arena) or fz_grow (heap)\n", zPath, iLine);
          nHere++;
        }
        iDouble = 0;
      }
    }
    /* skip comment lines: block comments in this code base start lines with ** or / * */
    const char *s = zLine;
    while( *s==' ' ) s++;
    if( bComment ){ if( strstr(s, "*/") ) bComment = 0; continue; }
    if( s[0]=='*' && s[1]=='*' ) continue;
    if( s[0]=='/' && s[1]=='*' ){ if( !strstr(s, "*/") ) bComment = 1; continue; }
    if( s[0]=='/' && s[1]=='/' ) continue;
    static const char *azBanned[] = { "sprintf", "vsprintf", "strcpy", "strcat", "gets", "system", "strtok", 0 };
    for(int i=0; azBanned[i]; i++){
      if( find_call(zLine, azBanned[i]) ){ fprintf(pOut, "%s:%d: %s( is banned\n", zPath, iLine, azBanned[i]); nHere++; }
    }
    if( !bCli && (find_call(zLine, "printf") || find_call(zLine, "puts")) ){
      fprintf(pOut, "%s:%d: printf/puts outside the command line\n", zPath, iLine); nHere++;
    }
    if( strcmp(zPath, "src/main.c")!=0 && find_call(zLine, "exit") ){
      fprintf(pOut, "%s:%d: exit( outside main.c\n", zPath, iLine); nHere++;
    }
    if( !bDb && (find_call(zLine, "db_prepare_sql") || strstr(zLine, "sqlite3_")) ){
      fprintf(pOut, "%s:%d: SQL must go through src/db (db_prepare literal or SqlBuf)\n", zPath, iLine); nHere++;
    }
    if( strncmp(zPath, "src/web/", 8)==0 && quoted_markup_arg(zLine) ){
      fprintf(pOut, "%s:%d: quoted markup passed as an argument: %%s escapes it\n", zPath, iLine); nHere++;
    }
    if( strstr(zLine, "(Html){") && strcmp(zPath, "src/base/buf.h")!=0 ){
      fprintf(pOut, "%s:%d: an Html made from a variable: only HTML(\"…\") literals are markup\n", zPath, iLine); nHere++;
    }
    const char *p = find_call(zLine, "out_html");
    if( p && !strstr(zPath, "web/web.h") && !strstr(zPath, "layout.c") ){
      const char *a = strchr(p, ',');
      if( a ){
        a++;
        while( *a==' ' ) a++;
        if( strncmp(a, "HTML(\"", 6)!=0 ){ fprintf(pOut, "%s:%d: out_html( needs an HTML(\"…\") literal\n", zPath, iLine); nHere++; }
      }
    }
  }
  fclose(f);
  if( nHere ) nBad++; else nGood++;
  return nHere;
}

/* A ? "…\"…" or : "…\"…" string literal: quoted markup as an argument. */
static int quoted_markup_arg(const char *z){
  for(const char *p=z; (p = strpbrk(p, "?:"))!=0; p++){
    const char *q = p+1;
    while( *q==' ' ) q++;
    if( *q!='"' ) continue;
    for(q++; *q && *q!='"'; q++){
      if( q[0]=='\\' && q[1]=='"' ) return 1;
      if( q[0]=='\\' && q[1] ) q++;
    }
  }
  return 0;
}

static void walk(const char *zDir){
  DIR *d = opendir(zDir);
  if( !d ) return;
  struct dirent *e;
  while( (e = readdir(d))!=0 ){
    if( e->d_name[0]=='.' ) continue;
    char zPath[1024];
    snprintf(zPath, sizeof zPath, "%s/%s", zDir, e->d_name);
    struct stat st;
    if( stat(zPath, &st) ) continue;
    if( S_ISDIR(st.st_mode) ){ walk(zPath); continue; }
    size_t n = strlen(zPath);
    if( n>2 && (strcmp(zPath+n-2, ".c")==0 || strcmp(zPath+n-2, ".h")==0) ) check_file(zPath);
  }
  closedir(d);
}

/* An allow-list entry that matched nothing is stale: a finding too. */
static int stale(struct Allow *a, const char *zList){
  int nStale = 0;
  for(int i=0; a[i].zFile; i++){
    if( a[i].nHit ) continue;
    printf("%s: %s() no longer needs its entry in %s[] (tools/codecheck.c): remove it\n",
           a[i].zFile, a[i].zFunc, zList);
    nStale++;
  }
  return nStale;
}

/*
** The self-test. Each case is a file planted at zPath (relative to a
** fresh temporary folder, so the path rules apply as in src/) holding
** zText, and the number of findings it must give.
*/
typedef struct Plant { const char *zPath; int nWant; const char *zText; } Plant;
static const Plant aPlant[] = {
  /* the store from a face */
  { "src/web/planted.c", 2,
    "void web_planted(Req *r){\n  Stmt q;\n  db_prepare(r->ctx.pDb, &q, \"SELECT 1\");\n}\n" },
  { "src/handlers/planted.c", 1,
    "static void h_planted(Req *r){ SqlBuf b; (void)b; }\n" },
  { "src/api/planted.c", 1, "int api_planted(Ctx *c){ return sql_lit(0, \"x\"), 0; }\n" },
  { "src/main.c", 1, "static int cmd_planted(Opts *o){\n  return db_step(0);\n}\n" },
  /* the connection and transaction too: a request's goes through the engine's unit of work */
  { "src/http/planted.c", 2,
    "void f(Req *r){\n  db_begin_read(r->ctx.pDb);\n  p->xHandler(r);\n  db_end_read(r->ctx.pDb);\n}\n" },
  /* clean: the unit of work, a comment, a string, a member, the owning layer, an allowed function */
  { "src/http/planted2.c", 0,
    "/* db_prepare here would be wrong */\nvoid f(Req *r){\n  ctx_unit_begin(&r->ctx, 1, &n); // db_step\n"
    "  const char *z = \"db_step(\";\n  r->db_x = 0;\n  ctx_unit_end(&r->ctx, 1, n);\n}\n" },
  { "src/engine/planted.c", 0, "int f(Ctx *c){ Stmt q; return db_prepare(c->pDb, &q, \"SELECT 1\"); }\n" },
  /* includes across the layers */
  { "src/engine/planted.c", 1, "#include \"web/web.h\"\n" },
  { "src/engine/planted2.c", 1, "#include \"audit/audit.h\"\n" },   /* record.c only */
  { "src/db/planted.c", 1, "#include \"engine/ctx.h\"\n" },
  { "src/base/planted.c", 1, "#include \"db/db.h\"\n" },
  { "src/modules/planted.c", 1, "#include \"audit/audit.h\"\n" },
  { "src/web/planted.c", 1, "#include \"db/db.h\"\n" },
  { "src/api/planted.c", 1, "#include \"web/web.h\"\n" },
  { "src/http/planted.c", 1, "#include \"web/web.h\"\n" },
  { "src/newdir/planted.c", 1, "#include \"base/buf.h\"\n" },
  /* clean: allowed edges, the one-file exceptions, same folder, system, commented out */
  { "src/web/planted.c", 0,
    "#include \"web/web.h\"\n#include \"engine/query.h\"\n#include \"auth/auth.h\"\n#include <stdio.h>\n"
    "#include \"local.h\"\n/*\n#include \"db/db.h\"\n*/\n" },
  { "src/engine/record.c", 0, "#include \"audit/audit.h\"\n#include \"db/db.h\"\n" },
  { "src/http/route.c", 0, "#include \"handlers/handlers.h\"\n" },
  /* hand-written growth */
  { "src/report/planted.c", 1,
    "void f(Arena *a){\n  if( n==nAlloc ){\n    nAlloc = nAlloc ? 2*nAlloc : 16;\n"
    "    T *aNew = arena_alloc(a, sizeof(T)*(size_t)nAlloc);\n    memcpy(aNew, aT, sizeof(T)*(size_t)n);\n  }\n}\n" },
  { "src/auth/planted.c", 1,
    "void f(Arena *a){\n  if( n==nAlloc ){\n    T *aNew = arena_alloc(a, sizeof(T)*(size_t)nAlloc*2);\n"
    "    memcpy(aNew, aT, sizeof(T)*(size_t)n);\n    nAlloc *= 2;\n  }\n}\n" },
  { "src/io/planted.c", 1,
    "void f(X *p){\n  p->a = xrealloc(p->a, sizeof(R)*(size_t)(p->n ? p->n*2 : 16));\n}\n" },
  { "src/audit/planted.c", 1,
    "void f(X *p){\n  if( p->n==p->nAlloc ){\n    p->nAlloc *= 2;\n    p->a = realloc(p->a, sizeof *p->a * p->nAlloc);\n  }\n}\n" },
  /* clean: the helpers, their home, a byte buffer, a doubled size that is no capacity */
  { "src/report/planted.c", 0,
    "void f(Arena *a){\n  aT = arena_grow(a, aT, n, &nAlloc, sizeof *aT);\n  aU = fz_grow(aU, n, &nUAlloc, sizeof *aU);\n}\n" },
  { "src/base/planted.c", 0,
    "void *g(void){\n  int nNew = nAlloc ? nAlloc*2 : 16;\n  return arena_alloc(p, sizeof(T)*(size_t)nNew);\n}\n" },
  { "src/io/planted.c", 0,
    "void f(X *p){\n  size_t nNew = p->nAlloc ? p->nAlloc*2 : 256;\n  p->z = io_realloc(p->z, nNew);\n}\n" },
  { "src/engine/planted.c", 0,
    "void f(Ctx *c){\n  Side *a = arena_alloc(c->pArena, sizeof(Side)*(size_t)(2*nInd+1));\n}\n" },
};

/* Plants x; 0 when it gives its number of findings. */
static int plant(const Plant *x, int iCase){
  char zMk[256];
  snprintf(zMk, sizeof zMk, "%s", x->zPath);
  for(char *z=strchr(zMk, '/'); z; z=strchr(z+1, '/')){ *z = 0; mkdir(zMk, 0700); *z = '/'; }
  FILE *f = fopen(x->zPath, "wb");
  if( f==0 ){ perror(x->zPath); return 1; }
  fputs(x->zText, f);
  fclose(f);
  int n = check_file(x->zPath);
  unlink(x->zPath);
  if( n==x->nWant ) return 0;
  printf("codecheck selftest: planted %s (case %d): %d findings, expected %d\n", x->zPath, iCase, n, x->nWant);
  return 1;
}

static int selftest(void){
  char zDir[] = "/tmp/codecheck-XXXXXX";
  char zOld[4096];
  int nFail = 0;
  if( mkdtemp(zDir)==0 || getcwd(zOld, sizeof zOld)==0 || chdir(zDir) ){ perror("codecheck: selftest"); return 1; }
  pOut = fopen("/dev/null", "w");
  if( pOut==0 ){ perror("/dev/null"); return 1; }
  int nCase = count(aPlant);
  for(int i=0; i<count(aPlant); i++) nFail += plant(&aPlant[i], i+1);
  /* While the allow-lists hold entries: an entry's function passes, a new
  ** function in its file does not. */
  struct Allow *azList[] = { aStoreAllow, aGrowAllow };
  for(int i=0; i<2; i++){
    if( azList[i][0].zFile==0 ) continue;
    char zText[1000];
    const char *zBody = i==0 ? "  db_step(0);\n"
      : "  if( n==nAlloc ){\n    nAlloc *= 2;\n    a = arena_alloc(p, sizeof(T)*(size_t)nAlloc);\n  }\n";
    snprintf(zText, sizeof zText, "static void %s(void){\n%s}\nstatic void planted_new(void){\n%s}\n",
             azList[i][0].zFunc, zBody, zBody);
    Plant x = { azList[i][0].zFile, 1, zText };
    nFail += plant(&x, ++nCase);
  }
  fclose(pOut);
  pOut = stdout;
  if( chdir(zOld) ){ perror(zOld); nFail++; }
  char zRm[64];
  snprintf(zRm, sizeof zRm, "%s", zDir);
  /* the planted folders, deepest first */
  static const char *azSub[] = { "src/web", "src/api", "src/handlers", "src/http", "src/engine", "src/db",
    "src/base", "src/modules", "src/newdir", "src/report", "src/auth", "src/io", "src/audit", "src", 0 };
  for(int i=0; azSub[i]; i++){
    char zSub[128];
    snprintf(zSub, sizeof zSub, "%s/%s", zRm, azSub[i]);
    rmdir(zSub);
  }
  rmdir(zRm);
  for(int i=0; aStoreAllow[i].zFile; i++) aStoreAllow[i].nHit = 0;
  for(int i=0; aGrowAllow[i].zFile; i++) aGrowAllow[i].nHit = 0;
  printf("codecheck selftest: %d planted, %d failed\n", nCase, nFail);
  nBad = nGood = 0;
  return nFail;
}

int main(int argc, char **argv){
  pOut = stdout;
  if( argc>1 && strcmp(argv[1], "--selftest")==0 ) return selftest() ? 1 : 0;
  const char *zRoot = argc>1 ? argv[1] : "src";
  walk(zRoot);
  /* stale entries are judged on the real tree only */
  if( strcmp(zRoot, "src")==0 ){
    nBad += stale(aStoreAllow, "aStoreAllow");
    nBad += stale(aGrowAllow, "aGrowAllow");
  }
  printf("codecheck: %d passed, %d failed\n", nGood, nBad);
  return nBad ? 1 : 0;
}
