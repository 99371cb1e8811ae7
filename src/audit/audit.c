/*
** src/audit/audit.c — appending to and verifying the hash-chained log.
**
** hash = HMAC-SHA256 under the chain's key (key.c) over the previous hash
** and every column, each followed by a NUL byte so no two different rows
** can serialise alike; entries written before the chain had a key (ids
** below the key's "from") are plain SHA-256 of the same bytes. ids are
** consecutive from 1: a missing id is a deleted row.
*/
#include "audit/audit.h"
#include "engine/record.h"
#include "engine/setting.h"
#include "base/sha256.h"
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdarg.h>

/* One hash state, plain or keyed. */
typedef struct HashSt { int bKey; Sha256 st; crypto_auth_hmacsha256_state hm; } HashSt;
static void hash_part(HashSt *p, const char *z){
  if( p->bKey ) crypto_auth_hmacsha256_update(&p->hm, (const unsigned char*)z, strlen(z)+1);
  else sha256_update(&p->st, z, strlen(z)+1);
}

void audit_hash(const AuditKey *pKey, const char *zPrev, i64 id, const char *zAt, i64 iUser, const char *zLogin,
                const char *zAction, const char *zKind, i64 iRec, const char *zBefore,
                const char *zAfter, char zOut[65]){
  HashSt st;
  unsigned char h[32];
  char zNum[3][24];
  snprintf(zNum[0], sizeof zNum[0], "%lld", (long long)id);
  snprintf(zNum[1], sizeof zNum[1], "%lld", (long long)iUser);
  snprintf(zNum[2], sizeof zNum[2], "%lld", (long long)iRec);
  st.bKey = pKey && pKey->bHave;
  if( st.bKey ) crypto_auth_hmacsha256_init(&st.hm, pKey->a, sizeof pKey->a);
  else sha256_init(&st.st);
  hash_part(&st, zPrev);
  hash_part(&st, zNum[0]);
  hash_part(&st, zAt);
  hash_part(&st, zNum[1]);
  hash_part(&st, zLogin);
  hash_part(&st, zAction);
  hash_part(&st, zKind);
  hash_part(&st, zNum[2]);
  hash_part(&st, zBefore);
  hash_part(&st, zAfter);
  if( st.bKey ) crypto_auth_hmacsha256_final(&st.hm, h);
  else sha256_final(&st.st, h);
  sha256_hex(h, zOut);
}

/* The boundary the database records (setting audit_key_from), 0 if none. */
static i64 key_marker(Db *pDb){
  Arena a;
  const char *z;
  arena_init(&a);
  i64 n = setting_read(pDb, &a, "audit_key_from", &z)==DB_OK && z ? atoll(z) : 0;
  arena_free(&a);
  return n;
}

/*
** Entries only a version with keyed chains writes: guarded rows ("@"
** kinds, from the guard_start snapshot on) and login locks. Their id, or
** 0 when the chain has none (a plain chain of an earlier version). Asked
** only of a chain without key and marker (a new database's first write, an
** old chain's upgrade, check): substr, not a range on the index, since a
** PostgreSQL collation need not order '@' before 'A'. A chain
** holding one yet lacking both its key and its marker lost them — deleted
** to turn the keyed chain off — and is refused, never keyed anew.
*/
static i64 keyed_only_entry(Db *pDb){
  Stmt q;
  i64 id = 0;
  if( db_prepare(pDb, &q, "SELECT min(id) FROM audit WHERE substr(kind, 1, 1)='@'"
                          " OR (kind='' AND action IN ('login_lock','login_unlock','guard_start'))") ) return 0;
  if( db_step(&q)==DB_ROW && !db_column_is_null(&q, 0) ) id = db_column_int64(&q, 0);
  db_finalize(&q);
  return id;
}
static void keyed_only_msg(Db *pDb, i64 id, char *zMsg, size_t nMsg){
  char zWhere[1100];
  snprintf(zMsg, nMsg, "审计日志第%lld条是启用密钥之后才会写入的条目，但找不到审计密钥（%s），"
           "本库的密钥起点记录也不见了：密钥或其记录已被删除，无法核验，不能写入（请找回密钥文件）",
           (long long)id, audit_key_where(db_target(pDb), zWhere, sizeof zWhere));
}

/*
** Does pKey sign the chain? Its newest entry, when written under the key
** (id >= iFrom), is rehashed with it: 1 (a Chinese reason in zMsg) when
** the hash differs — another database's key, or a key file replaced —
** else 0. Checked once per process and key (audit_key_checked).
*/
static int key_signs_chain(Db *pDb, const AuditKey *pKey, char *zMsg, size_t nMsg){
  const char *zDb = db_target(pDb);
  if( audit_key_checked(zDb, 0) ) return 0;
  Stmt q;
  int rc = 0;
  if( db_prepare(pDb, &q, "SELECT id, at, user_id, login, action, kind, rec_id, before, after,"
                          " prev_hash, hash FROM audit ORDER BY id DESC LIMIT 1") ) return 0;
  if( db_step(&q)==DB_ROW && db_column_int64(&q, 0)>=pKey->iFrom ){
    char zHash[65], zWhere[1100];
    audit_hash(pKey, db_column_text(&q, 9), db_column_int64(&q, 0), db_column_text(&q, 1),
               db_column_int64(&q, 2), db_column_text(&q, 3), db_column_text(&q, 4), db_column_text(&q, 5),
               db_column_int64(&q, 6), db_column_text(&q, 7), db_column_text(&q, 8), zHash);
    if( strcmp(zHash, db_column_text(&q, 10))!=0 ){
      snprintf(zMsg, nMsg, "审计密钥（%s）与本库的审计日志不符：最新的第%lld条不是用它签署的"
               "（密钥被替换，或是别的数据库的密钥；也可能该条被改过）。请换回原来的密钥，并运行 fazhi check",
               audit_key_where(zDb, zWhere, sizeof zWhere), (long long)db_column_int64(&q, 0));
      rc = 1;
    }
  }
  db_finalize(&q);
  if( rc ) audit_key_forget(zDb);     /* a mended key file is read again */
  else audit_key_checked(zDb, 1);
  return rc;
}

/*
** The key for the entry about to be written as id idNext, inside the
** caller's write transaction. A chain without a key and without the
** database's marker (a new database, or one written by an earlier
** version) gets one now: its key file is created with "from" = idNext, the
** marker is written, and a chain that already had entries gets a snapshot
** entry per guarded table (the rows as they stand, which the log from now
** on vouches for). Refuses (1, a Chinese line on stderr) when the
** database says its chain is keyed but the key cannot be found, or when
** the chain is shorter than when the key was made: never an unkeyed entry
** in a keyed chain.
*/
static int chain_key(Ctx *c, i64 idNext, AuditKey *pKey){
  char zErr[400] = "", zWhere[1100];
  const char *zDb = db_target(c->pDb);
  int rc = audit_key_load(zDb, pKey, zErr, sizeof zErr);
  int bMade = 0;
  if( rc==2 ){ fprintf(stderr, "fazhi: %s；拒绝写入\n", zErr); return 1; }
  i64 iMark = key_marker(c->pDb);
  if( rc==0 ){
    if( idNext < pKey->iFrom ){
      fprintf(stderr, "fazhi: 审计日志只有%lld条，少于启用密钥时的%lld条（日志被截断？若这是新建的数据库，"
              "请移走不属于它的旧密钥 %s）；拒绝写入，请运行 fazhi check\n",
              (long long)idNext-1, (long long)pKey->iFrom-1, audit_key_where(zDb, zWhere, sizeof zWhere));
      return 1;
    }
    if( iMark ){
      char zMsg[1500];
      if( key_signs_chain(c->pDb, pKey, zMsg, sizeof zMsg) ){ fprintf(stderr, "fazhi: %s；拒绝写入\n", zMsg); return 1; }
      return 0;
    }
    if( idNext > pKey->iFrom ){
      /* entries from pKey->iFrom on were written without this key */
      fprintf(stderr, "fazhi: 密钥（%s）自第%lld条起签署，而本库已有%lld条未签署的日志：它不是本库的密钥；拒绝写入\n",
              audit_key_where(zDb, zWhere, sizeof zWhere), (long long)pKey->iFrom, (long long)idNext-1);
      return 1;
    }
  }else if( iMark ){
    fprintf(stderr, "fazhi: 本库的审计日志自第%lld条起以密钥签署，但找不到密钥（%s）；为免写入无法核验的日志，拒绝写入\n",
            (long long)iMark, audit_key_where(zDb, zWhere, sizeof zWhere));
    return 1;
  }else{
    i64 iOnly = keyed_only_entry(c->pDb);
    if( iOnly ){
      char zMsg[1500];
      keyed_only_msg(c->pDb, iOnly, zMsg, sizeof zMsg);
      fprintf(stderr, "fazhi: %s\n", zMsg);
      return 1;
    }
    if( audit_key_create(zDb, idNext, pKey, zErr, sizeof zErr) ){ fprintf(stderr, "fazhi: %s；拒绝写入\n", zErr); return 1; }
    bMade = 1;
  }
  /* The database's own record of the boundary, in this transaction; and
  ** for a chain begun by an earlier version, the guarded tables as they
  ** stand, which the log vouches for from here on. */
  Stmt q;
  if( db_prepare(c->pDb, &q, "INSERT INTO setting(name, value) VALUES('audit_key_from', ?1)") ) goto fail;
  db_bind_text(&q, 1, arena_printf(c->pArena, "%lld", (long long)pKey->iFrom));
  rc = db_step(&q);
  db_finalize(&q);
  if( rc!=DB_DONE ) goto fail;
  if( idNext>1 && audit_rows_snapshot(c, "guard_start") ) goto fail;
  return 0;
fail:
  /* the transaction rolls back: a file made here must not outlive it */
  if( bMade ) audit_key_discard(zDb);
  return 1;
}

int audit_key_ready(Db *pDb, char *zMsg, int nMsg){
  AuditKey key;
  char zErr[400] = "", zWhere[1100];
  const char *zDb = db_target(pDb);
  int rc = audit_key_load(zDb, &key, zErr, sizeof zErr);
  zMsg[0] = 0;
  if( rc==2 ){ snprintf(zMsg, (size_t)nMsg, "%s", zErr); return 1; }
  if( rc==0 ) return key_marker(pDb) ? key_signs_chain(pDb, &key, zMsg, (size_t)nMsg) : 0;
  i64 iMark = key_marker(pDb);
  i64 iOnly = iMark ? 0 : keyed_only_entry(pDb);
  if( iOnly ){
    keyed_only_msg(pDb, iOnly, zMsg, (size_t)nMsg);
    return 1;
  }
  if( iMark ){
    snprintf(zMsg, (size_t)nMsg, "本库的审计日志自第%lld条起以密钥签署，但找不到密钥（%s）：不能写入，也无法核验",
             (long long)iMark, audit_key_where(zDb, zWhere, sizeof zWhere));
    return 1;
  }
  const char *zFile = getenv("FAZHI_KEY_FILE");
  if( db_is_postgres(zDb) && (zFile==0 || zFile[0]==0) ){
    snprintf(zMsg, (size_t)nMsg, "注意：未设置环境变量 FAZHI_KEY_FILE（或 FAZHI_KEY），审计日志没有密钥，一切写入都将被拒绝");
  }
  return 0;
}

/* Inside the caller's write transaction, or its own: the write lock makes
** "last id + 1" and the previous hash one chain, whichever server writes.
** n entries of one action and record in a row (an import's, one per
** 10,000 records): the chain's end is read once and one prepared INSERT
** takes them all. */
static int append(Ctx *c, const char *zAction, const char *zKind, i64 iRec,
                  const char *zBefore, const char *const *azAfter, int n){
  Stmt q;
  c->pIndCache = 0;        /* every write passes here: computed indicators are stale */
  i64 id = 1;
  char zPrev[65] = "";
  AuditKey key;
  if( audit_head(c->pDb, &id, zPrev) ) return 1;
  if( chain_key(c, id+1, &key) ) return 1;
  id = 1;
  if( db_prepare(c->pDb, &q, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1") ) return 1;
  if( db_step(&q)==DB_ROW ){
    id = db_column_int64(&q, 0) + 1;
    snprintf(zPrev, sizeof zPrev, "%s", db_column_text(&q, 1));
  }
  db_finalize(&q);
  char zAt[32];
  time_t t = time(0);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(zAt, sizeof zAt, "%Y-%m-%dT%H:%M:%SZ", &tm);
  const Actor *a = c->pActor;
  const char *zLogin = a && a->zLogin ? a->zLogin : "(命令行)";
  i64 iUser = a ? a->iUser : 0;
  if( db_prepare(c->pDb, &q, "INSERT INTO audit(id, at, user_id, login, action, kind, rec_id,"
                             " before, after, prev_hash, hash)"
                             " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)") ) return 1;
  int rc = DB_DONE;
  for(int i=0; i<n && rc==DB_DONE; i++, id++){
    char zHash[65];
    audit_hash(&key, zPrev, id, zAt, iUser, zLogin, zAction, zKind, iRec, zBefore, azAfter[i], zHash);
    db_bind_int64(&q, 1, id);
    db_bind_text(&q, 2, zAt);
    db_bind_int64(&q, 3, iUser);
    db_bind_text(&q, 4, zLogin);
    db_bind_text(&q, 5, zAction);
    db_bind_text(&q, 6, zKind);
    db_bind_int64(&q, 7, iRec);
    db_bind_text(&q, 8, zBefore);
    db_bind_text(&q, 9, azAfter[i]);
    db_bind_text(&q, 10, zPrev);
    db_bind_text(&q, 11, zHash);
    rc = db_step(&q);
    db_reset(&q);
    memcpy(zPrev, zHash, sizeof zPrev);
  }
  db_finalize(&q);
  return rc==DB_DONE ? 0 : 1;
}

int audit_append(Ctx *c, const char *zAction, const char *zKind, i64 iRec,
                 const char *zBefore, const char *zAfter){
  return audit_append_many(c, zAction, zKind, iRec, zBefore, &zAfter, 1);
}
int audit_append_many(Ctx *c, const char *zAction, const char *zKind, i64 iRec,
                      const char *zBefore, const char *const *azAfter, int n){
  if( n==0 ) return 0;
  if( db_begin_write(c->pDb) ) return 1;
  if( append(c, zAction, zKind, iRec, zBefore, azAfter, n) ){ db_rollback(c->pDb); return 1; }
  return db_commit(c->pDb) ? 1 : 0;
}

i64 audit_next_id(Db *pDb, const char *zTable, const char *zKind){
  SqlBuf b;
  Stmt q;
  i64 n = 0, nLog = 0;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT COALESCE(MAX(id),0) FROM ");
  sql_ident(&b, zTable);
  int rc = db_prepare_buf(pDb, &q, &b);
  sqlbuf_free(&b);
  if( rc ) return 0;
  if( db_step(&q)==DB_ROW ) n = db_column_int64(&q, 0);
  db_finalize(&q);
  if( db_prepare(pDb, &q, "SELECT COALESCE(MAX(rec_id),0) FROM audit WHERE kind=?1") ) return 0;
  db_bind_text(&q, 1, zKind);
  if( db_step(&q)==DB_ROW ) nLog = db_column_int64(&q, 0);
  db_finalize(&q);
  return (nLog>n ? nLog : n) + 1;
}

int audit_head(Db *pDb, i64 *pn, char zHash[65]){
  Stmt q;
  *pn = 0;
  zHash[0] = 0;
  if( db_prepare(pDb, &q, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1") ) return 1;
  if( db_step(&q)==DB_ROW ){
    *pn = db_column_int64(&q, 0);
    snprintf(zHash, 65, "%s", db_column_text(&q, 1));
  }
  db_finalize(&q);
  return 0;
}

int audit_anchor(Db *pDb, i64 n, const char *zHash, char *zMsg, int nMsg){
  size_t nHash = strlen(zHash);
  if( n<1 || nHash<16 || nHash>64 || strspn(zHash, "0123456789abcdef")!=nHash ){
    snprintf(zMsg, (size_t)nMsg, "锚点格式不对：应为 条目号:哈希（哈希为16至64位小写十六进制，如 fazhi check 所印或冻结报告所载）");
    return 1;
  }
  Stmt q;
  int rc = 1;
  if( db_prepare(pDb, &q, "SELECT hash FROM audit WHERE id=?1") ){
    snprintf(zMsg, (size_t)nMsg, "无法读取审计日志：%s", db_errmsg(pDb));
    return 1;
  }
  db_bind_int64(&q, 1, n);
  if( db_step(&q)!=DB_ROW ){
    i64 nNow = 0;
    char zH[65];
    db_finalize(&q);
    audit_head(pDb, &nNow, zH);
    snprintf(zMsg, (size_t)nMsg, "锚点不符：审计日志没有第%lld条（现有%lld条）——日志在锚点之后被截断或删除",
             (long long)n, (long long)nNow);
    return 1;
  }
  if( strncmp(db_column_text(&q, 0), zHash, nHash)==0 ){
    snprintf(zMsg, (size_t)nMsg, "锚点相符：审计日志第%lld条的哈希为 %s", (long long)n, db_column_text(&q, 0));
    rc = 0;
  }else{
    snprintf(zMsg, (size_t)nMsg, "锚点不符：审计日志第%lld条的哈希为 %.16s…，不是 %s——该条及以前的日志已被改写",
             (long long)n, db_column_text(&q, 0), zHash);
  }
  db_finalize(&q);
  return rc;
}

void audit_problem(AuditReport *p, const char *zFmt, ...){
  p->nProblems++;
  if( p->nProblems>100 ) return;
  char z[512];
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(z, sizeof z, zFmt, ap);
  va_end(ap);
  buf_puts(&p->text, z);
  buf_putc(&p->text, '\n');
}

/* Last logged state per record: a small open hash map from (kind, id) to
** the SHA-256 of its canonical JSON, or to "deleted". */
typedef struct Last {
  const char *zKind; i64 id; unsigned char h[32]; int bDeleted; int bUsed;
  const int *aCol; int nCol;     /* logged in an import's compact form: its columns */
} Last;
typedef struct LastMap { Last *a; size_t nSlot, nUsed; } LastMap;

static size_t last_slot(LastMap *m, const char *zKind, i64 id){
  size_t h = (size_t)id * 2654435761u;
  for(const char *z=zKind; *z; z++) h = h*31 + (unsigned char)*z;
  size_t i = h & (m->nSlot-1);
  while( m->a[i].bUsed && !(m->a[i].id==id && strcmp(m->a[i].zKind, zKind)==0) ) i = (i+1) & (m->nSlot-1);
  return i;
}
static void last_grow(LastMap *m){
  LastMap n = { calloc(m->nSlot*2, sizeof(Last)), m->nSlot*2, 0 };
  if( n.a==0 ) abort();
  for(size_t i=0; i<m->nSlot; i++){
    if( !m->a[i].bUsed ) continue;
    size_t j = last_slot(&n, m->a[i].zKind, m->a[i].id);
    n.a[j] = m->a[i];
    n.nUsed++;
  }
  free(m->a);
  *m = n;
}
static void last_set(LastMap *m, const char *zKind, i64 id, const char *zJson, size_t nJson){
  if( (m->nUsed+1)*2 > m->nSlot ) last_grow(m);
  size_t i = last_slot(m, zKind, id);
  if( !m->a[i].bUsed ){ m->nUsed++; m->a[i].bUsed = 1; m->a[i].zKind = zKind; m->a[i].id = id; }
  m->a[i].bDeleted = zJson==0;
  m->a[i].aCol = 0;
  m->a[i].nCol = 0;
  if( zJson ) sha256(zJson, nJson, m->a[i].h);
}

/* A record created (an insert entry, an import line) with an id whose
** last logged state is still live: the row it replaces was deleted behind
** fazhi's back and its id handed out again, which would otherwise hide the
** deletion (the very same state again is no new row). Called before
** last_set records the new state. */
static void reused_check(AuditReport *p, LastMap *m, const Kind *k, i64 id, i64 iEntry,
                         const char *zJson, size_t nJson){
  size_t i = last_slot(m, k->zName, id);
  unsigned char h[32];
  if( m->a[i].bUsed && !m->a[i].bDeleted ) sha256(zJson, nJson, h);
  if( m->a[i].bUsed && !m->a[i].bDeleted && memcmp(h, m->a[i].h, 32)!=0 ){
    audit_problem(p, "%s 第%lld号记录：编号被重复使用，原行已被直接删除（审计日志第%lld条新建了同号记录）",
                  k->zLabel, (long long)id, (long long)iEntry);
  }
}

/* The id of a compact import line: it starts [N, */
static i64 json_line_id(const char *z){
  return z[0]=='[' ? atoll(z+1) : 0;
}

/* The header line of an import entry: ["id","dept_id","state",f1,…] to
** field indexes of the kind (-1 for a field it no longer declares). */
static int *import_columns(Arena *a, const Kind *k, const char *zLine, size_t n, int *pnCol){
  char *z = arena_strndup(a, zLine, n);
  int nMax = 1;
  for(const char *p=z; *p; p++) if( *p==',' ) nMax++;
  int *aCol = arena_alloc(a, sizeof(int)*(size_t)nMax);
  int nCol = 0, iItem = 0;
  for(char *p=z; (p = strchr(p, '"'))!=0; ){
    char *e = strchr(p+1, '"');
    if( e==0 ) break;
    *e = 0;
    if( iItem++ >= 3 ){
      int iField = -1;
      for(int i=0; k->aField[i].zName; i++) if( strcmp(k->aField[i].zName, p+1)==0 ) iField = i;
      aCol[nCol++] = iField;
    }
    p = e+1;
  }
  *pnCol = nCol;
  return aCol;
}

/* A "migrate" entry of the chain: the moved county's log it vouches for. */
typedef struct Anchor {
  i64 iMig, nEntries; char zLast[65];
  char zDigest[65];          /* content_sha256 (archive_audit in migrate.c), "" before it existed */
} Anchor;
typedef struct Anchors { Anchor *a; int n, nAlloc; } Anchors;

static void anchor_add(Anchors *p, const char *zJson){
  cJSON *j = cJSON_Parse(zJson);
  if( j==0 ) return;
  const cJSON *m = cJSON_GetObjectItemCaseSensitive(j, "migration");
  const cJSON *n = cJSON_GetObjectItemCaseSensitive(j, "entries");
  const cJSON *h = cJSON_GetObjectItemCaseSensitive(j, "last_hash");
  const cJSON *d = cJSON_GetObjectItemCaseSensitive(j, "content_sha256");
  if( cJSON_IsNumber(m) && cJSON_IsNumber(n) && cJSON_IsString(h) ){
    p->a = fz_grow(p->a, p->n, &p->nAlloc, sizeof *p->a);
    Anchor *x = &p->a[p->n++];
    x->iMig = (i64)m->valuedouble;
    x->nEntries = (i64)n->valuedouble;
    snprintf(x->zLast, sizeof x->zLast, "%s", h->valuestring);
    snprintf(x->zDigest, sizeof x->zDigest, "%s", cJSON_IsString(d) ? d->valuestring : "");
  }
  cJSON_Delete(j);
}

/* Each migrated county's archived log: a chain of its own (ids from 1,
** hashes linked), whose count and last hash equal its migration row and,
** for counties moved into this database, the "migrate" entry of the
** chain above, which is what anchors it. */
static void verify_archives(Db *pDb, AuditReport *p, const Anchors *pAnch){
  Stmt m, q;
  if( db_prepare(pDb, &m, "SELECT id, n_audit, last_hash FROM migration ORDER BY id") ) return;
  while( db_step(&m)==DB_ROW ){
    i64 iMig = db_column_int64(&m, 0), nWant = db_column_int64(&m, 1);
    char zWant[65];
    snprintf(zWant, sizeof zWant, "%s", db_column_text(&m, 2));
    p->nMigrations++;
    const char *zDigest = "";
    for(int i=0; i<pAnch->n; i++){
      const Anchor *x = &pAnch->a[i];
      if( x->iMig==iMig ) zDigest = x->zDigest;
      if( x->iMig==iMig && (x->nEntries!=nWant || strcmp(x->zLast, zWant)!=0) ){
        audit_problem(p, "迁移记录第%lld号与审计日志中的迁移条目不符（已被修改）", (long long)iMig);
      }
    }
    if( db_prepare(pDb, &q, "SELECT id, at, user_id, login, action, kind, rec_id, before, after,"
                            " prev_hash, hash FROM audit_archive WHERE migration_id=?1 ORDER BY id") ) break;
    db_bind_int64(&q, 1, iMig);
    db_stream(&q, 20);
    char zPrev[65] = "";
    i64 iExpect = 1, n = 0;
    int bBad = 0;
    /* A keyed source's entries cannot be rehashed here (its key stayed
    ** with it): the digest of their content in this chain's migrate entry
    ** stands for them. Without one, each entry's plain hash. */
    Sha256 dg;
    sha256_init(&dg);
    while( db_step(&q)==DB_ROW ){
      i64 id = db_column_int64(&q, 0);
      char zHash[65];
      audit_hash(0, db_column_text(&q, 9), id, db_column_text(&q, 1), db_column_int64(&q, 2),
                 db_column_text(&q, 3), db_column_text(&q, 4), db_column_text(&q, 5),
                 db_column_int64(&q, 6), db_column_text(&q, 7), db_column_text(&q, 8), zHash);
      sha256_update(&dg, zHash, 64);
      if( !bBad && (id!=iExpect || strcmp(db_column_text(&q, 9), zPrev)!=0
                    || (zDigest[0]==0 && strcmp(zHash, db_column_text(&q, 10))!=0)) ){
        audit_problem(p, "迁入县（迁移第%lld号）的原审计日志第%lld条：缺失、断链或被修改", (long long)iMig, (long long)id);
        bBad = 1;
      }
      snprintf(zPrev, sizeof zPrev, "%s", db_column_text(&q, 10));
      iExpect = id+1;
      n++;
    }
    db_finalize(&q);
    unsigned char hd[32];
    char zGot[65];
    sha256_final(&dg, hd);
    sha256_hex(hd, zGot);
    if( !bBad && zDigest[0] && strcmp(zGot, zDigest)!=0 ){
      audit_problem(p, "迁入县（迁移第%lld号）的原审计日志内容与迁移条目所记摘要不符（已被修改）", (long long)iMig);
      bBad = 1;
    }
    p->nArchived += n;
    if( !bBad && (n!=nWant || strcmp(zPrev, zWant)!=0) ){
      audit_problem(p, "迁入县（迁移第%lld号）的原审计日志应有%lld条，现有%lld条，或末条哈希不符",
              (long long)iMig, (long long)nWant, (long long)n);
    }
  }
  db_finalize(&m);
}

int audit_verify(Db *pDb, AuditReport *p){
  Stmt q;
  Anchors anch = { 0, 0, 0 };
  memset(p, 0, sizeof(*p));
  buf_init(&p->text);
  /* the key, its boundary, and what the database says of it */
  AuditKey key;
  char zErr[400] = "", zWhere[1100];
  int rcKey = audit_key_load(db_target(pDb), &key, zErr, sizeof zErr);
  i64 iMark = key_marker(pDb);
  i64 iFrom = rcKey==0 ? key.iFrom : iMark ? iMark : (i64)1<<62;   /* first keyed id */
  p->bKeyed = rcKey==0 || iMark!=0;
  if( rcKey==2 ) audit_problem(p, "%s", zErr);
  else if( rcKey==1 && iMark ){
    audit_problem(p, "找不到审计密钥（%s）：本库的审计日志自第%lld条起以密钥签署，无法核验",
                  audit_key_where(db_target(pDb), zWhere, sizeof zWhere), (long long)iMark);
  }else if( rcKey==1 && !iMark ){
    i64 iOnly = keyed_only_entry(pDb);
    if( iOnly ){
      char zMsg[1500];
      keyed_only_msg(pDb, iOnly, zMsg, sizeof zMsg);
      audit_problem(p, "%s", zMsg);
    }
  }else if( rcKey==0 && iMark && iMark!=key.iFrom ){
    audit_problem(p, "数据库中记载的密钥起始条目（第%lld条）与密钥文件（第%lld条）不符（已被修改）",
                  (long long)iMark, (long long)key.iFrom);
  }
  GuardState *pGuard = guard_state_new();
  LastMap m = { calloc(1024, sizeof(Last)), 1024, 0 };
  if( m.a==0 ) abort();
  Arena colArena;              /* column maps of import entries, for the whole run */
  arena_init(&colArena);
  char zPrev[65] = "";
  i64 iExpect = 1;
  if( db_prepare(pDb, &q, "SELECT id, at, user_id, login, action, kind, rec_id, before, after,"
                          " prev_hash, hash FROM audit ORDER BY id") ){
    audit_problem(p, "无法读取审计日志：%s", db_errmsg(pDb));
    guard_state_free(pGuard);
    free(m.a);
    arena_free(&colArena);
    return 1;
  }
  db_stream(&q, 20);          /* an import entry holds up to 10,000 records: few per batch */
  while( db_step(&q)==DB_ROW ){
    i64 id = db_column_int64(&q, 0);
    const char *zKind = db_column_text(&q, 5);
    const char *zAction = db_column_text(&q, 4);
    i64 iRec = db_column_int64(&q, 6);
    const char *zAfter = db_column_text(&q, 8);
    p->nRows++;
    if( id!=iExpect ){
      audit_problem(p, "审计日志缺少第%lld至%lld条（已被删除）", (long long)iExpect, (long long)id-1);
    }
    if( strcmp(db_column_text(&q, 9), zPrev)!=0 ){
      audit_problem(p, "审计日志第%lld条：前一条的哈希不符（链条断裂）", (long long)id);
    }
    char zHash[65];
    int bKeyed = id>=iFrom;
    if( !bKeyed ) p->nUnkeyed++;
    if( !bKeyed || rcKey==0 ){
      audit_hash(bKeyed ? &key : 0, db_column_text(&q, 9), id, db_column_text(&q, 1), db_column_int64(&q, 2),
                 db_column_text(&q, 3), zAction, zKind, iRec, db_column_text(&q, 7), zAfter, zHash);
      if( strcmp(zHash, db_column_text(&q, 10))!=0 ){
        audit_problem(p, "审计日志第%lld条：内容与哈希不符（已被修改）", (long long)id);
      }
    }
    snprintf(zPrev, sizeof zPrev, "%s", db_column_text(&q, 10));
    iExpect = id+1;
    p->nHead = id;
    if( zKind[0]=='@' ) guard_state_entry(pGuard, zKind, db_column_text(&q, 7), zAfter, p, id);
    if( strcmp(zAction, "migrate")==0 ) anchor_add(&anch, zAfter);
    /* Track the last logged state of each record. */
    const Kind *k = kind_find(zKind);
    if( k==0 ) continue;
    if( strcmp(zAction, "import")==0 ){
      const char *s = zAfter;
      const int *aCol = 0;
      int nCol = 0;
      while( *s ){
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e-s) : strlen(s);
        if( aCol==0 ){
          aCol = import_columns(&colArena, k, s, n, &nCol);     /* the header line */
        }else{
          i64 iLine = json_line_id(s);
          reused_check(p, &m, k, iLine, id, s, n);
          last_set(&m, k->zName, iLine, s, n);
          size_t j = last_slot(&m, k->zName, iLine);
          m.a[j].aCol = aCol;
          m.a[j].nCol = nCol;
        }
        s += n + (e ? 1 : 0);
      }
    }else if( strcmp(zAction, "delete")==0 ){
      last_set(&m, k->zName, iRec, 0, 0);
    }else{
      if( strcmp(zAction, "insert")==0 ) reused_check(p, &m, k, iRec, id, zAfter, strlen(zAfter));
      last_set(&m, k->zName, iRec, zAfter, strlen(zAfter));
    }
  }
  db_finalize(&q);
  snprintf(p->zHead, sizeof p->zHead, "%s", zPrev);
  /* A keyed chain that is shorter than when its key was made was cut. */
  if( rcKey==0 && p->nHead < key.iFrom-1 ){
    audit_problem(p, "审计日志只有%lld条，少于启用密钥时已有的%lld条（日志末尾被截断）",
                  (long long)p->nHead, (long long)key.iFrom-1);
  }
  /* Every guarded row (users, departments, …) must equal its last logged
  ** state; a chain from before keys and guards has none to compare yet. */
  if( p->bKeyed ) guard_state_check(pDb, pGuard, p);
  guard_state_free(pGuard);

  /* Every current record must equal its last logged state. */
  Arena arena;
  arena_init(&arena);
  Actor admin = { .zLogin = "check", .mRole = R_ADMIN, .zDeptPath = "/" };
  Ctx ctx;
  ctx_init(&ctx, pDb, &arena, &admin);
  for(int i=0; i<kind_count(); i++){
    const Kind *k = kind_at(i);
    SqlBuf b;
    sqlbuf_init(&b);
    rec_select_cols_ex(&b, k, REC_SEL_UNIT);     /* unit_id last */
    sql_lit(&b, " ORDER BY id");
    if( db_prepare_buf(pDb, &q, &b)==DB_OK ){
      db_stream(&q, 0);
      while( db_step(&q)==DB_ROW ){
        Rec *r = rec_new(&ctx, k);
        rec_from_row(&ctx, &q, r);
        p->nRecords++;
        size_t j = last_slot(&m, k->zName, r->id);
        /* in the form the last event logged it */
        Buf one;
        buf_init(&one);
        if( m.a[j].bUsed && m.a[j].aCol ) rec_json_row(r, m.a[j].aCol, m.a[j].nCol, &one);
        else rec_json_buf(r, &one);
        unsigned char h[32];
        sha256(buf_cstr(&one), one.n, h);
        buf_free(&one);
        if( !m.a[j].bUsed ){
          audit_problem(p, "%s 第%lld号记录没有任何审计记录（绕过系统写入）", k->zLabel, (long long)r->id);
        }else if( m.a[j].bDeleted ){
          audit_problem(p, "%s 第%lld号记录在审计日志中已删除，但仍在表中", k->zLabel, (long long)r->id);
        }else if( memcmp(h, m.a[j].h, 32)!=0 ){
          audit_problem(p, "%s 第%lld号记录与审计日志最后一次记载的内容不一致（被直接修改，或日志被删除）",
                  k->zLabel, (long long)r->id);
        }
        /* the county its numbers are unique within (not in the log: derived
        ** from its department, so compared with what that says) */
        i64 iUnit = db_column_int64(&q, 5+kind_nfield(k)), iWant = dept_unit_id(&ctx, r->iDept);
        if( db_column_is_null(&q, 5+kind_nfield(k)) || iUnit!=iWant ){
          audit_problem(p, "%s 第%lld号记录的唯一性单位（unit_id=%s）与其部门所属的县（%lld）不符（被直接修改）",
                        k->zLabel, (long long)r->id, db_column_text(&q, 5+kind_nfield(k)), (long long)iWant);
        }
        if( m.a[j].bUsed ) m.a[j].bUsed = 2;   /* seen */
        arena_free(&arena);
        arena_init(&arena);
      }
      db_finalize(&q);
    }
    sqlbuf_free(&b);
  }
  for(size_t j=0; j<m.nSlot; j++){
    if( m.a[j].bUsed==1 && !m.a[j].bDeleted ){
      const Kind *k = kind_find(m.a[j].zKind);
      audit_problem(p, "%s 第%lld号记录在审计日志中存在，但已从表中消失（被直接删除）",
              k ? k->zLabel : m.a[j].zKind, (long long)m.a[j].id);
    }
  }
  arena_free(&arena);
  arena_free(&colArena);
  free(m.a);
  verify_archives(pDb, p, &anch);
  free(anch.a);
  return p->nProblems ? 1 : 0;
}
