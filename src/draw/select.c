/*
** src/draw/select.c — the deterministic part of a draw: key string, steps,
** and the whole selection from a canonical pool text. No database: the
** same code recomputes a downloaded pool (`fazhi draw verify --pool`).
**
** Pool text (UTF-8, one record per line, fields separated by TAB):
**   fazhi-draw 1
**   plan    PLAN_NO
**   ratio   A B C D          percent drawn per credit-risk class
**   team    K                inspectors per entity
**   source  TEXT             the public source of randomness
**   entity  CLASS CODE NAME  sorted by class (a..d), then code (bytes)
**   officer CERT NAME DEPT RECUSE   sorted by cert; RECUSE: codes, comma-joined
** Selection: class by class (a, b, c, d), ceil(n × ratio ÷ 100) entities of
** the class; then for each entity in the order drawn, K inspectors from
** the officers not recusing it. One step counter runs through it all.
*/
#include "draw/draw.h"
#include "base/sha256.h"
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- key string ------------------------------------------------------ */

static int cmp_num(const void *a, const void *b){
  const char *x = *(const char *const*)a, *y = *(const char *const*)b;
  size_t nx = strlen(x), ny = strlen(y);
  if( nx!=ny ) return nx<ny ? -1 : 1;          /* no leading zeros: longer is larger */
  return strcmp(x, y);
}

/* Length of a group separator at p ("/", ";", "；", a line break), else 0. */
static int group_sep(const char *p){
  if( *p=='/' || *p==';' || *p=='\n' || *p=='\r' ) return 1;
  return strncmp(p, "；", 3)==0 ? 3 : 0;
}

int draw_key(const char *zValues, Buf *pKey, char *zErr, int nErr){
  buf_reset(pKey);
  int nGroup = 0;
  const char *p = zValues ? zValues : "";
  while( 1 ){
    /* one group: up to '/', ';', a line break or the end */
    char aNum[64][20];
    const char *az[64];
    int n = 0;
    while( *p && !group_sep(p) ){
      if( *p>='0' && *p<='9' ){
        int m = 0;
        char *zNum = n<64 ? aNum[n] : aNum[63];
        while( *p=='0' && p[1]>='0' && p[1]<='9' ) p++;      /* 07 is 7 */
        while( *p>='0' && *p<='9' ){
          if( m>=18 ){
            zNum[m] = 0;
            snprintf(zErr, (size_t)nErr, "随机数“%s…”过长（每个数最多18位）", zNum);
            goto fail;
          }
          zNum[m++] = *p++;
        }
        zNum[m] = 0;
        if( n>=64 ){ snprintf(zErr, (size_t)nErr, "一组随机数最多64个"); goto fail; }
        az[n++] = zNum;
      }else if( *p==' ' || *p=='\t' || *p==',' ){
        p++;
      }else if( strncmp(p, "，", 3)==0 || strncmp(p, "、", 3)==0 || strncmp(p, "　", 3)==0 ){
        p += 3;
      }else{
        snprintf(zErr, (size_t)nErr, "随机数只能包含数字，各组之间用“/”或分号分隔，实际含有“%.*s”",
                 (*p & 0x80) ? 3 : 1, p);
        goto fail;
      }
    }
    if( n ){
      qsort(az, (size_t)n, sizeof az[0], cmp_num);
      for(int i=0; i<n; i++){ buf_puts(pKey, az[i]); buf_putc(pKey, '.'); }
      buf_putc(pKey, '/');
      nGroup++;
    }
    if( *p==0 ) break;
    p += group_sep(p);
  }
  if( nGroup==0 ){ snprintf(zErr, (size_t)nErr, "请填写随机源公布的随机数"); goto fail; }
  return 0;
fail:
  buf_reset(pKey);
  return 1;
}

/* ---- steps ------------------------------------------------------------ */

int draw_step(Drawer *d, unsigned nDiv, unsigned *pRem, unsigned char *aDigest){
  if( d->iStep>=DRAW_MAX_STEPS || nDiv==0 ) return 1;
  unsigned char aI[2] = { (unsigned char)(d->iStep>>8), (unsigned char)(d->iStep & 0xff) };
  unsigned char aOut[32];
  unsigned nOut = 32;
  if( d->eHash==DRAW_MD5 ){
    EVP_MD_CTX *x = EVP_MD_CTX_new();
    if( x==0 || EVP_DigestInit_ex(x, EVP_md5(), 0)!=1 ){ EVP_MD_CTX_free(x); return 1; }
    EVP_DigestUpdate(x, aI, 2);
    EVP_DigestUpdate(x, d->zKey, strlen(d->zKey));
    EVP_DigestUpdate(x, aI, 2);
    EVP_DigestFinal_ex(x, aOut, &nOut);
    EVP_MD_CTX_free(x);
  }else{
    Sha256 s;
    sha256_init(&s);
    sha256_update(&s, aI, 2);
    sha256_update(&s, d->zKey, strlen(d->zKey));
    sha256_update(&s, aI, 2);
    sha256_final(&s, aOut);
  }
  /* the digest as a big-endian integer, mod nDiv */
  unsigned long long r = 0;
  for(unsigned i=0; i<nOut; i++) r = (r*256 + aOut[i]) % nDiv;
  *pRem = (unsigned)r;
  if( aDigest ) memcpy(aDigest, aOut, nOut);
  d->iStep++;
  return 0;
}

int draw_pick(Drawer *d, int nPool, int nPick, int *aOut){
  if( nPick>nPool ) return 1;
  int *aLeft = malloc(sizeof(int)*(size_t)(nPool>0 ? nPool : 1));
  if( aLeft==0 ) return 1;
  for(int i=0; i<nPool; i++) aLeft[i] = i;
  int nLeft = nPool;
  for(int k=0; k<nPick; k++){
    unsigned r;
    if( draw_step(d, (unsigned)nLeft, &r, 0) ){ free(aLeft); return 1; }
    aOut[k] = aLeft[r];
    memmove(&aLeft[r], &aLeft[r+1], sizeof(int)*(size_t)(nLeft-(int)r-1));
    nLeft--;
  }
  free(aLeft);
  return 0;
}

/* ---- the whole draw from a pool text ------------------------------------ */

typedef struct Ent { int iClass; const char *zCode; } Ent;
typedef struct Off { const char *zCert; const char *zRecuse; } Off;

/* A whole decimal number in [lo, hi], or -1. */
static int num_in(const char *z, int lo, int hi){
  char *e = 0;
  long v = strtol(z, &e, 10);
  if( e==z || *e || v<lo || v>hi ) return -1;
  return (int)v;
}

/* Splits a line into TAB-separated fields (in place); returns the count. */
static int split_tabs(char *z, char **az, int nMax){
  int n = 0;
  az[n++] = z;
  for(char *p=z; *p && n<nMax; p++) if( *p=='\t' ){ *p = 0; az[n++] = p+1; }
  return n;
}
static int recuses(const char *zList, const char *zCode){
  size_t n = strlen(zCode);
  for(const char *p=zList; *p; ){
    const char *e = strchr(p, ',');
    size_t m = e ? (size_t)(e-p) : strlen(p);
    if( m==n && memcmp(p, zCode, n)==0 ) return 1;
    p += m + (e ? 1 : 0);
  }
  return 0;
}

int draw_compute(Arena *a, const char *zPool, const char *zKey, Buf *pOut, char *zErr, int nErr){
  char *z = arena_strdup(a, zPool ? zPool : "");
  int aRatio[4] = { -1, -1, -1, -1 }, nTeam = 0, nEnt = 0, nOff = 0, nEntAlloc = 0, nOffAlloc = 0, iLine = 0;
  Ent *aEnt = 0;
  Off *aOff = 0;
  int rc = 1;
  for(char *zLine=z; zLine; ){
    char *zNext = strchr(zLine, '\n');
    if( zNext ) *zNext++ = 0;
    iLine++;
    if( zLine[0]==0 ){
      if( zNext==0 ) break;                 /* after the last line's newline */
      snprintf(zErr, (size_t)nErr, "名录文件第%d行为空行", iLine);
      goto done;
    }
    char *az[6];
    int n = split_tabs(zLine, az, 6);
    if( iLine==1 ){
      if( strcmp(zLine, DRAW_POOL_MAGIC)!=0 ){ snprintf(zErr, (size_t)nErr, "名录文件第1行应为“%s”", DRAW_POOL_MAGIC); goto done; }
    }else if( strcmp(az[0], "ratio")==0 && n==5 ){
      for(int i=0; i<4; i++){
        if( (aRatio[i] = num_in(az[i+1], 0, 100))<0 ){ snprintf(zErr, (size_t)nErr, "名录文件第%d行：抽取比例应为0到100的整数", iLine); goto done; }
      }
    }else if( strcmp(az[0], "team")==0 && n==2 ){
      if( (nTeam = num_in(az[1], 2, 8))<0 ){ snprintf(zErr, (size_t)nErr, "名录文件第%d行：每户检查人员数应为2到8", iLine); goto done; }
    }else if( strcmp(az[0], "entity")==0 && n==4 ){
      if( az[1][0]<'a' || az[1][0]>'d' || az[1][1] ){ snprintf(zErr, (size_t)nErr, "名录文件第%d行：未知的风险分类“%s”", iLine, az[1]); goto done; }
      aEnt = arena_grow(a, aEnt, nEnt, &nEntAlloc, sizeof *aEnt);
      if( nEnt && (aEnt[nEnt-1].iClass > az[1][0]-'a' ||
                   (aEnt[nEnt-1].iClass==az[1][0]-'a' && strcmp(aEnt[nEnt-1].zCode, az[2])>=0)) ){
        snprintf(zErr, (size_t)nErr, "名录文件第%d行：检查对象未按风险分类和代码排序", iLine); goto done;
      }
      aEnt[nEnt++] = (Ent){ az[1][0]-'a', az[2] };
    }else if( strcmp(az[0], "officer")==0 && n==5 ){
      aOff = arena_grow(a, aOff, nOff, &nOffAlloc, sizeof *aOff);
      if( nOff && strcmp(aOff[nOff-1].zCert, az[1])>=0 ){
        snprintf(zErr, (size_t)nErr, "名录文件第%d行：检查人员未按执法证号排序", iLine); goto done;
      }
      aOff[nOff++] = (Off){ az[1], az[4] };
    }else if( strcmp(az[0], "plan")==0 || strcmp(az[0], "source")==0 || strcmp(az[0], "held")==0 ){
      /* described, not used by the selection */
    }else if( zLine[0] ){
      snprintf(zErr, (size_t)nErr, "名录文件第%d行无法识别", iLine); goto done;
    }
    zLine = zNext;
  }
  if( aRatio[0]<0 || nTeam<2 ){ snprintf(zErr, (size_t)nErr, "名录文件缺少抽取比例或每户检查人员数"); goto done; }
  Drawer d = { DRAW_SHA256, zKey, 0 };
  int *aPick = arena_alloc(a, sizeof(int)*(size_t)(nEnt+1));
  int nPick = 0;
  for(int cls=0, i0=0; cls<4; cls++){
    int i1 = i0;
    while( i1<nEnt && aEnt[i1].iClass==cls ) i1++;
    int nClass = i1 - i0;
    int nTake = (nClass*aRatio[cls] + 99) / 100;
    if( draw_pick(&d, nClass, nTake, aPick+nPick) ){ snprintf(zErr, (size_t)nErr, "抽取步数超过%d步", DRAW_MAX_STEPS); goto done; }
    for(int k=0; k<nTake; k++) aPick[nPick+k] += i0;
    nPick += nTake;
    i0 = i1;
  }
  int *aElig = arena_alloc(a, sizeof(int)*(size_t)(nOff+1));
  int *aTeam = arena_alloc(a, sizeof(int)*(size_t)(nTeam+1));
  for(int k=0; k<nPick; k++){
    const Ent *e = &aEnt[aPick[k]];
    int nElig = 0;
    for(int j=0; j<nOff; j++) if( !recuses(aOff[j].zRecuse, e->zCode) ) aElig[nElig++] = j;
    if( nElig<nTeam ){
      snprintf(zErr, (size_t)nErr, "检查对象%s可抽取的检查人员只有%d人（回避后），少于每户%d人", e->zCode, nElig, nTeam);
      goto done;
    }
    if( draw_pick(&d, nElig, nTeam, aTeam) ){ snprintf(zErr, (size_t)nErr, "抽取步数超过%d步", DRAW_MAX_STEPS); goto done; }
    buf_puts(pOut, e->zCode);
    buf_putc(pOut, '\t');
    for(int t=0; t<nTeam; t++){
      if( t ) buf_putc(pOut, ',');
      buf_puts(pOut, aOff[aElig[aTeam[t]]].zCert);
    }
    buf_putc(pOut, '\n');
  }
  rc = 0;
done:
  return rc;
}
