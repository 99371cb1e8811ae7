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
** Prints "N passed, N failed" (files clean / files with findings).
*/
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <dirent.h>
#include <sys/stat.h>

static int nBad, nGood;
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

static void check_file(const char *zPath){
  FILE *f = fopen(zPath, "rb");
  if( !f ) return;
  char zLine[4096];
  int iLine = 0, nHere = 0, bComment = 0;
  int bCli = strcmp(zPath, "src/main.c")==0 || strncmp(zPath, "src/app/", 8)==0;
  int bDb = strncmp(zPath, "src/db/", 7)==0;
  while( fgets(zLine, sizeof zLine, f) ){
    iLine++;
    /* skip comment lines: block comments in this code base start lines with ** or / * */
    const char *s = zLine;
    while( *s==' ' ) s++;
    if( bComment ){ if( strstr(s, "*/") ) bComment = 0; continue; }
    if( s[0]=='*' && s[1]=='*' ) continue;
    if( s[0]=='/' && s[1]=='*' ){ if( !strstr(s, "*/") ) bComment = 1; continue; }
    if( s[0]=='/' && s[1]=='/' ) continue;
    static const char *azBanned[] = { "sprintf", "vsprintf", "strcpy", "strcat", "gets", "system", "strtok", 0 };
    for(int i=0; azBanned[i]; i++){
      if( find_call(zLine, azBanned[i]) ){ printf("%s:%d: %s( is banned\n", zPath, iLine, azBanned[i]); nHere++; }
    }
    if( !bCli && (find_call(zLine, "printf") || find_call(zLine, "puts")) ){
      printf("%s:%d: printf/puts outside the command line\n", zPath, iLine); nHere++;
    }
    if( strcmp(zPath, "src/main.c")!=0 && find_call(zLine, "exit") ){
      printf("%s:%d: exit( outside main.c\n", zPath, iLine); nHere++;
    }
    if( !bDb && (find_call(zLine, "db_prepare_sql") || strstr(zLine, "sqlite3_")) ){
      printf("%s:%d: SQL must go through src/db (db_prepare literal or SqlBuf)\n", zPath, iLine); nHere++;
    }
    if( strncmp(zPath, "src/web/", 8)==0 && quoted_markup_arg(zLine) ){
      printf("%s:%d: quoted markup passed as an argument: %%s escapes it\n", zPath, iLine); nHere++;
    }
    if( strstr(zLine, "(Html){") && strcmp(zPath, "src/base/buf.h")!=0 ){
      printf("%s:%d: an Html made from a variable: only HTML(\"…\") literals are markup\n", zPath, iLine); nHere++;
    }
    const char *p = find_call(zLine, "out_html");
    if( p && !strstr(zPath, "web/web.h") && !strstr(zPath, "layout.c") ){
      const char *a = strchr(p, ',');
      if( a ){
        a++;
        while( *a==' ' ) a++;
        if( strncmp(a, "HTML(\"", 6)!=0 ){ printf("%s:%d: out_html( needs an HTML(\"…\") literal\n", zPath, iLine); nHere++; }
      }
    }
  }
  fclose(f);
  if( nHere ) nBad++; else nGood++;
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

int main(int argc, char **argv){
  walk(argc>1 ? argv[1] : "src");
  printf("codecheck: %d passed, %d failed\n", nGood, nBad);
  return nBad ? 1 : 0;
}
