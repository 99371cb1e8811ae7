/*
** src/app/cmd_kind.c — fazhi kind: custom kinds (自定义台账) from the
** command line, through the engine's kinddef_* as the API and the pages.
**
**   fazhi kind --db F add DEF.json [--unit 单位名称]   a new kind or a new version
**   fazhi kind --db F list                            the custom kinds
**   fazhi kind --db F export KIND [--version N] -o DEF.json
**   fazhi kind --db F extend KIND EXT.json            a built-in kind's extension (内置台账的扩展):
**                                                     its extra fields, enum values, indicators,
**                                                     sentences, targets and decimals, a new version
**
** `export` of a built-in kind writes its extension (what `extend` reads).
** The command line acts as the operator (scope "/"): a new kind belongs to
** the database's county (its first root), or to --unit, a county or city
** of the database (a city's kind is seen by all its counties).
*/
#include "app/app.h"
#include "app/cli.h"
#include "engine/kinddef.h"
#include "engine/record.h"
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_file(const char *zPath, size_t *pn){
  FILE *f = strcmp(zPath, "-")==0 ? stdin : fopen(zPath, "rb");
  if( f==0 ){ fprintf(stderr, "无法打开文件 %s\n", zPath); return 0; }
  Buf b;
  buf_init(&b);
  char a[65536];
  size_t n;
  while( (n = fread(a, 1, sizeof a, f))>0 ){
    buf_append(&b, a, n);
    if( b.n > 1024*1024 ){ fprintf(stderr, "定义文件过大（不超过1 MB）：%s\n", zPath); break; }
  }
  if( f!=stdin ) fclose(f);
  if( b.n > 1024*1024 ){ buf_free(&b); return 0; }
  *pn = b.n;
  char *z = strdup(buf_cstr(&b));
  buf_free(&b);
  return z;
}

/* The extension file zFile for the built-in kind zKind: its "extends"
** is set to zKind (a file naming another kind is refused); malloc'd. */
static char *ext_text(const char *zKind, const char *zFile, size_t *pn){
  if( kind_builtin(zKind)==0 ){
    fprintf(stderr, "“%s”不是内置台账（自定义台账用 fazhi kind add 修改）\n", zKind);
    return 0;
  }
  size_t n = 0;
  char *z = read_file(zFile, &n);
  if( z==0 ) return 0;
  cJSON *root = cJSON_ParseWithLength(z, n);
  free(z);
  if( !cJSON_IsObject(root) ){ fprintf(stderr, "扩展定义不是一个JSON对象：%s\n", zFile); cJSON_Delete(root); return 0; }
  const cJSON *pExt = cJSON_GetObjectItemCaseSensitive(root, "extends");
  if( pExt && (!cJSON_IsString(pExt) || strcmp(pExt->valuestring, zKind)!=0) ){
    fprintf(stderr, "扩展定义的 extends 是“%s”，不是命令行上的“%s”\n", cJSON_IsString(pExt) ? pExt->valuestring : "?", zKind);
    cJSON_Delete(root);
    return 0;
  }
  if( pExt==0 ) cJSON_AddStringToObject(root, "extends", zKind);
  z = cJSON_PrintUnformatted(root);
  cJSON_Delete(root);
  if( z ) *pn = strlen(z);
  return z;
}

static int kind_add(Cli *p, const char *zFile, const char *zUnit, const char *zExtend){
  i64 iOwner = 0;
  if( zUnit ){
    const char *zPath = 0;
    if( dept_lookup(&p->c, zUnit, &iOwner, &zPath) || dept_unit_id(&p->c, iOwner)!=iOwner ){
      fprintf(stderr, "没有县（区）或市“%s”（--unit 写县或市的名称）\n", zUnit);
      return 2;
    }
  }
  size_t n = 0;
  char *z = zExtend ? ext_text(zExtend, zFile, &n) : read_file(zFile, &n);
  if( z==0 ) return 2;
  int iVersion = 0;
  int rc = kinddef_save(&p->c, z, n, iOwner, &iVersion);
  free(z);
  if( rc==FZ_INVALID || rc==FZ_CONFLICT ){
    fprintf(stderr, rc==FZ_CONFLICT ? "未保存：\n" : "定义有误，未保存：\n");
    for(int i=0; i<p->c.err.n; i++){
      const ErrItem *e = &p->c.err.a[i];
      fprintf(stderr, "  %s%s%s%s\n", e->zField && e->zField[0] ? "[" : "", e->zField ? e->zField : "",
              e->zField && e->zField[0] ? "] " : "", err_text(&p->c, e));
    }
    return 1;
  }
  if( rc==FZ_FORBIDDEN ){ fprintf(stderr, "%s\n", zExtend ? "无权修改该扩展（由上级或其他单位保存）" : "无权修改该台账（属于其他单位）"); return 1; }
  if( rc ){ fprintf(stderr, "保存失败：%s\n", p->c.zInternal); return 1; }
  printf("已保存第%d版\n", iVersion);
  return 0;
}

static int kind_list(Cli *p){
  KindDefRow *a;
  int n = kinddef_list(&p->c, &a);
  if( n<0 ){ fprintf(stderr, "读取失败：%s\n", db_errmsg(p->pDb)); return 1; }
  if( n==0 ){ printf("（还没有自定义台账）\n"); return 0; }
  printf("标识\t名称\t形态\t版本\t所属单位\t记录数\t保存时间\t保存人\n");
  for(int i=0; i<n; i++){
    printf("%s\t%s\t%s\t%d\t%s\t%lld\t%s\t%s\n", a[i].zName, a[i].zLabel, a[i].zShapeLabel, a[i].iVersion,
           a[i].zOwner, (long long)a[i].nRecords, a[i].zAt, a[i].zBy);
  }
  return 0;
}

static int kind_export(Cli *p, const char *zName, const char *zVersion, const char *zOut){
  int iVersion = zVersion ? atoi(zVersion) : 0;
  if( zVersion && iVersion<=0 ){ fprintf(stderr, "--version 应为正整数\n"); return 2; }
  const char *z = kinddef_export(&p->c, zName, iVersion);
  if( z==0 ){
    if( kind_builtin(zName) ) fprintf(stderr, "内置台账“%s”还没有扩展（fazhi schema --json 输出其声明）\n", zName);
    else if( iVersion ) fprintf(stderr, "没有自定义台账“%s”的第%d版\n", zName, iVersion);
    else fprintf(stderr, "没有自定义台账“%s”\n", zName);
    return 1;
  }
  FILE *f = strcmp(zOut, "-")==0 ? stdout : fopen(zOut, "wb");
  if( f==0 ){ fprintf(stderr, "无法写入 %s\n", zOut); return 1; }
  int bOk = fputs(z, f)>=0;
  if( f!=stdout ) bOk = fclose(f)==0 && bOk;
  if( !bOk ){ fprintf(stderr, "写入失败：%s\n", zOut); return 1; }
  if( f!=stdout ) fprintf(stderr, "已导出 %s 到 %s\n", zName, zOut);
  return 0;
}

int cmd_kind(Opts *o){
  const char *zDb = need_db(o), *zVerb = arg(o, 0), *zArg = arg(o, 1);
  if( zDb==0 ) return 2;
  const char *zOut = opt(o, "-o", 0), *zUnit = opt(o, "--unit", 0), *zVersion = opt(o, "--version", 0);
  int bAdd = zVerb && strcmp(zVerb, "add")==0, bList = zVerb && strcmp(zVerb, "list")==0;
  int bExport = zVerb && strcmp(zVerb, "export")==0, bExtend = zVerb && strcmp(zVerb, "extend")==0;
  const char *zFile = arg(o, 2);
  if( (!bAdd && !bList && !bExport && !bExtend) || ((bAdd || bExport) && zArg==0) || (bExport && zOut==0)
   || (bExtend && zFile==0) || (bList && zArg) || (zUnit && !bAdd && !bExtend) || (zVersion && !bExport) ){
    fprintf(stderr, "用法：fazhi kind --db FILE add 定义.json [--unit 县或市名称]\n"
                    "      fazhi kind --db FILE list\n"
                    "      fazhi kind --db FILE export 台账标识 [--version N] -o 定义.json\n"
                    "      fazhi kind --db FILE extend 内置台账标识 扩展.json [--unit 县或市名称]\n"
                    "        （为内置台账增加字段、选项、指标、报告语句，设定指标目标和小数位；\n"
                    "          export 内置台账标识 导出其扩展）\n");
    return 2;
  }
  Cli cli;
  if( cli_open(&cli, zDb, 0) ) return 1;
  int rc = bAdd ? kind_add(&cli, zArg, zUnit, 0) : bExtend ? kind_add(&cli, zFile, zUnit, zArg)
         : bList ? kind_list(&cli) : kind_export(&cli, zArg, zVersion, zOut);
  cli_close(&cli);
  return rc;
}
