/*
** src/audit/key.c — the secret that keys the audit chain, kept outside the
** database.
**
** Why a key: with a plain SHA-256 chain, whoever can write the database can
** edit a row and recompute every hash after it. With each entry's hash an
** HMAC-SHA256 under a key that is not in the database (one HMAC per entry,
** over the same serialisation as the plain hash, rather than one HMAC over
** the plain chain: each entry then proves itself, and the chain's head is
** an anchor that cannot be made without the key), write access to the
** database alone cannot forge an entry.
**
** Where it is kept:
**   a SQLite database F     the file "F.key" beside it (mode 0600);
**   a PostgreSQL database   the file named by $FAZHI_KEY_FILE, or the
**                           key file's content itself in $FAZHI_KEY;
**   ":memory:" (tests)      a random key of this process.
** The file holds one line: 64 hex digits, a space, and the id of the first
** entry written under the key ("from"). Entries before it were written
** plain by earlier versions; they verify as before and check counts them.
** The boundary is kept in the key file, not only in the database: a marker
** in the database could be moved by whoever writes the database, turning
** keyed entries into plain ones they can recompute. The database carries
** the same boundary as the setting audit_key_from, so that a writer that
** cannot find the key refuses instead of starting a second key.
**
** The key is created by the first write that finds none (init, demo, or
** the first change to a database made by an earlier version), never by
** check. Loaded keys are cached per database target (the server's threads
** share them).
*/
#include "audit/audit.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <pthread.h>

typedef struct KeySlot { char *zTarget; AuditKey k; int bChecked; } KeySlot;
static KeySlot aSlot[8];
static int nSlot;
static pthread_mutex_t keyMutex = PTHREAD_MUTEX_INITIALIZER;

static int is_memory(const char *zDb){
  return zDb==0 || zDb[0]==0 || strcmp(zDb, ":memory:")==0 || strncmp(zDb, "file::memory:", 13)==0;
}

/* "HEX FROM": 0 when well formed. */
static int key_parse(const char *z, AuditKey *k){
  while( *z==' ' || *z=='\t' ) z++;
  size_t nBin = 0;
  if( sodium_hex2bin(k->a, sizeof k->a, z, 64, 0, &nBin, 0)!=0 || nBin!=32 ) return 1;
  z += 64;
  if( *z!=' ' ) return 1;
  char *zEnd = 0;
  long long iFrom = strtoll(z+1, &zEnd, 10);
  if( iFrom<1 || zEnd==z+1 ) return 1;
  while( *zEnd==' ' || *zEnd=='\n' || *zEnd=='\r' ) zEnd++;
  if( *zEnd ) return 1;
  k->iFrom = iFrom;
  k->bHave = 1;
  return 0;
}

/* The key file's path for zDb, or 0 (FAZHI_KEY holds the key itself, or
** a PostgreSQL database has no key configured). */
static const char *key_path(const char *zDb, char *zBuf, size_t nBuf){
  if( db_is_postgres(zDb) ){
    const char *z = getenv("FAZHI_KEY_FILE");
    return z && z[0] ? z : 0;
  }
  snprintf(zBuf, nBuf, "%s.key", zDb);
  return zBuf;
}

const char *audit_key_where(const char *zDb, char *zBuf, size_t nBuf){
  if( is_memory(zDb) ) return "内存数据库";
  if( db_is_postgres(zDb) && getenv("FAZHI_KEY") && getenv("FAZHI_KEY")[0] ) return "环境变量 FAZHI_KEY";
  const char *z = key_path(zDb, zBuf, nBuf);
  return z ? z : "未设置环境变量 FAZHI_KEY_FILE 或 FAZHI_KEY";
}

/* Reads the key without the cache: 0 found, 1 none, 2 unreadable or malformed. */
static int key_read(const char *zDb, AuditKey *k, char *zErr, int nErr){
  memset(k, 0, sizeof *k);
  if( db_is_postgres(zDb) && getenv("FAZHI_KEY") && getenv("FAZHI_KEY")[0] ){
    if( key_parse(getenv("FAZHI_KEY"), k) ){
      snprintf(zErr, (size_t)nErr, "环境变量 FAZHI_KEY 格式不对：应为审计密钥文件的内容（64位十六进制密钥、空格、起始条目号）");
      return 2;
    }
    return 0;
  }
  char zBuf[1100];
  const char *zPath = key_path(zDb, zBuf, sizeof zBuf);
  if( zPath==0 ) return 1;
  FILE *f = fopen(zPath, "rb");
  if( f==0 ){
    if( errno==ENOENT ) return 1;
    snprintf(zErr, (size_t)nErr, "无法读取审计密钥文件 %s", zPath);
    return 2;
  }
  char zLine[200];
  size_t n = fread(zLine, 1, sizeof zLine - 1, f);
  fclose(f);
  zLine[n] = 0;
  if( key_parse(zLine, k) ){
    snprintf(zErr, (size_t)nErr, "审计密钥文件 %s 格式不对（应为64位十六进制密钥、空格、起始条目号）", zPath);
    return 2;
  }
  return 0;
}

int audit_key_load(const char *zDb, AuditKey *k, char *zErr, int nErr){
  pthread_mutex_lock(&keyMutex);
  for(int i=0; i<nSlot; i++){
    if( strcmp(aSlot[i].zTarget, zDb ? zDb : "")==0 ){
      *k = aSlot[i].k;
      pthread_mutex_unlock(&keyMutex);
      return 0;
    }
  }
  int rc = is_memory(zDb) ? 1 : key_read(zDb, k, zErr, nErr);
  if( rc==0 && nSlot<(int)(sizeof aSlot/sizeof aSlot[0]) ){
    aSlot[nSlot].zTarget = strdup(zDb);
    aSlot[nSlot].k = *k;
    nSlot++;
  }
  pthread_mutex_unlock(&keyMutex);
  return rc;
}

int audit_key_checked(const char *zDb, int bSet){
  int b = 0;
  pthread_mutex_lock(&keyMutex);
  for(int i=0; i<nSlot; i++){
    if( strcmp(aSlot[i].zTarget, zDb ? zDb : "")==0 ){
      if( bSet ) aSlot[i].bChecked = 1;
      b = aSlot[i].bChecked;
    }
  }
  pthread_mutex_unlock(&keyMutex);
  return b;
}

int audit_key_create(const char *zDb, i64 iFrom, AuditKey *k, char *zErr, int nErr){
  memset(k, 0, sizeof *k);
  randombytes_buf(k->a, sizeof k->a);
  k->iFrom = iFrom;
  k->bHave = 1;
  if( !is_memory(zDb) ){
    char zBuf[1100];
    const char *zPath = key_path(zDb, zBuf, sizeof zBuf);
    if( zPath==0 ){
      snprintf(zErr, (size_t)nErr, "PostgreSQL 数据库的审计日志须有密钥：请设置环境变量 FAZHI_KEY_FILE"
               "（密钥文件的路径，首次写入时自动创建，各服务器共用同一内容），或 FAZHI_KEY（密钥文件的内容）");
      return 1;
    }
    char zHex[65];
    sodium_bin2hex(zHex, sizeof zHex, k->a, sizeof k->a);
    char zLine[120];
    int n = snprintf(zLine, sizeof zLine, "%s %lld\n", zHex, (long long)iFrom);
    int fd = open(zPath, O_WRONLY|O_CREAT|O_EXCL, 0600);
    if( fd<0 ){
      snprintf(zErr, (size_t)nErr, "无法创建审计密钥文件 %s%s", zPath,
               errno==EEXIST ? "（已存在：另一进程刚刚创建，请重试）" : "");
      return 1;
    }
    int bOk = write(fd, zLine, (size_t)n)==n && fsync(fd)==0;
    close(fd);
    sodium_memzero(zLine, sizeof zLine);
    if( !bOk ){ unlink(zPath); snprintf(zErr, (size_t)nErr, "无法写入审计密钥文件 %s", zPath); return 1; }
  }
  pthread_mutex_lock(&keyMutex);
  int bDone = 0;
  for(int i=0; i<nSlot && !bDone; i++){
    if( strcmp(aSlot[i].zTarget, zDb ? zDb : "")==0 ){ aSlot[i].k = *k; bDone = 1; }
  }
  if( !bDone && nSlot<(int)(sizeof aSlot/sizeof aSlot[0]) ){
    aSlot[nSlot].zTarget = strdup(zDb ? zDb : "");
    aSlot[nSlot].k = *k;
    nSlot++;
  }
  pthread_mutex_unlock(&keyMutex);
  return 0;
}

/* Writes the key of the SQLite database zDb beside its copy zOut (zOut.key,
** mode 0600, through a temporary file renamed into place, so that a crash
** never leaves half a key), for `fazhi backup`: a copy whose chain cannot
** be verified is not a backup. 0 copied, 1 no key (an unkeyed chain), 2 an
** error with a Chinese line in zErr. */
int audit_key_copy(const char *zDb, const char *zOut, char *zErr, int nErr){
  AuditKey k;
  int rc = key_read(zDb, &k, zErr, nErr);
  if( rc ) return rc;
  char zHex[65], zLine[120], zPath[1100], zTmp[1120];
  sodium_bin2hex(zHex, sizeof zHex, k.a, sizeof k.a);
  int n = snprintf(zLine, sizeof zLine, "%s %lld\n", zHex, (long long)k.iFrom);
  snprintf(zPath, sizeof zPath, "%s.key", zOut);
  snprintf(zTmp, sizeof zTmp, "%s.tmp", zPath);
  unlink(zTmp);
  int fd = open(zTmp, O_WRONLY|O_CREAT|O_EXCL, 0600);
  int bOk = fd>=0 && write(fd, zLine, (size_t)n)==n && fsync(fd)==0;
  if( fd>=0 ) close(fd);
  sodium_memzero(zLine, sizeof zLine);
  sodium_memzero(zHex, sizeof zHex);
  sodium_memzero(&k, sizeof k);
  if( !bOk || rename(zTmp, zPath) ){
    unlink(zTmp);
    snprintf(zErr, (size_t)nErr, "无法写入备份的审计密钥文件 %s", zPath);
    return 2;
  }
  return 0;
}

void audit_key_discard(const char *zDb){
  char zBuf[1100];
  const char *zPath = is_memory(zDb) ? 0 : key_path(zDb, zBuf, sizeof zBuf);
  if( zPath ) unlink(zPath);
  audit_key_forget(zDb);
}

void audit_key_forget(const char *zDb){
  pthread_mutex_lock(&keyMutex);
  for(int i=0; i<nSlot; i++){
    if( strcmp(aSlot[i].zTarget, zDb ? zDb : "")==0 ){
      free(aSlot[i].zTarget);
      aSlot[i] = aSlot[--nSlot];
      break;
    }
  }
  pthread_mutex_unlock(&keyMutex);
}
