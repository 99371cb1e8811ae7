/*
** tests/unit/t_draw.c — the verifiable draw's pure part (src/draw/select.c).
**
** The RFC 3797 worked example (REFERENCES.md §2) checks the construction
** with MD5: its key string, all 16 digests and the order selected, as
** published with the RFC and its independent implementations. The SHA-256
** draws below then check what a county relies on: the same inputs give
** the same draw, a changed pool or key changes it, recusal and team size
** hold, and a malformed pool is refused with a message.
*/
#include "draw/draw.h"
#include "t.h"
#include <stdio.h>
#include <string.h>

static const char *azRfcName[] = { "John", "Mary", "Bashful", "Dopey", "Sleepy", "Grouchy", "Doc", "Sneazy",
  "Handsome", "Cassandra", "Pollyanna", "Pendragon", "Pandora", "Faith", "Hope", "Charity", "Lee",
  "Longsuffering", "Chastity", "Smith", "Pride", "Sloth", "Envy", "Anger", "Kasczynski" };
static const char *azRfcDigest[] = {
  "990DD0A5692A029A98B5E01AA28F3459", "3691E55CB63FCC37914430B2F70B5EC6", "FE814EDF564C190AC1D25753979990FA",
  "1863CCACEB568C31D7DDBDF1D4E91387", "F4AB33DF4889F0AF29C513905BE1D758", "13EAEB529F61ACFB9A29D0BA3A60DE4A",
  "992DB77C382CA2BDB9727001F3CDCCD9", "63AB4258ECA922976811C7F55C383CE7", "DFBC5AC97CED01B3A6E348E3CC63F40D",
  "31CB111C4A4EBE9287CEAE16FE51B909", "07FA46C122F164C215BBC72793B189A3", "AC52F8D75CCBE2E61AFEB3387637D501",
  "53306F73E14FC0B2FBF434218D25948E", "B5D1403501A81F9A47318BE7893B347C", "85B10B356AA06663EF1B1B407765100A",
  "3269E6CE559ABD57E2BA6AAB495EB9BD" };

static void test_rfc3797_key(void){
  Buf k;
  char zErr[200];
  buf_init(&k);
  /* typed the way a clerk would: groups by "/", "；" or a line break, numbers in any order */
  T_EQ_INT(draw_key("9319 / 2, 5, 12, 8, 10 / 9 18 26 34 41 45", &k, zErr, sizeof zErr), 0);
  T_EQ_STR(buf_cstr(&k), "9319./2.5.8.10.12./9.18.26.34.41.45./");
  T_EQ_INT(draw_key("9319；12、8、10、2、5\n45 41 34 26 18 09", &k, zErr, sizeof zErr), 0);
  T_EQ_STR(buf_cstr(&k), "9319./2.5.8.10.12./9.18.26.34.41.45./");
  T_EQ_INT(draw_key("9319 / 2 5 a", &k, zErr, sizeof zErr), 1);
  T_CHECK(strstr(zErr, "只能包含数字") && strstr(zErr, "“a”"));
  T_EQ_INT(draw_key("  / ; ", &k, zErr, sizeof zErr), 1);
  T_EQ_STR(zErr, "请填写随机源公布的随机数");
  T_EQ_INT(draw_key("1234567890123456789", &k, zErr, sizeof zErr), 1);
  T_CHECK(strstr(zErr, "过长")!=0);
  buf_free(&k);
}

/* All 16 digests of RFC 3797 §6 and the order of selection. */
static void test_rfc3797_vector(void){
  Drawer d = { DRAW_MD5, "9319./2.5.8.10.12./9.18.26.34.41.45./", 0 };
  for(int i=0; i<16; i++){
    unsigned char a[32];
    unsigned r;
    T_EQ_INT(draw_step(&d, (unsigned)(25-i), &r, a), 0);
    char z[33];
    for(int j=0; j<16; j++) snprintf(z+2*j, 3, "%02X", a[j]);
    T_EQ_STR(z, azRfcDigest[i]);
  }
  /* the selection itself: the first eleven as votelib asserts them */
  Drawer d2 = { DRAW_MD5, "9319./2.5.8.10.12./9.18.26.34.41.45./", 0 };
  int aPick[16];
  T_EQ_INT(draw_pick(&d2, 25, 16, aPick), 0);
  static const int aWant[16] = { 17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22, 5, 18, 9, 1, 4 };
  char zGot[200] = "", zWant[200] = "";
  for(int i=0; i<16; i++){
    snprintf(zGot+strlen(zGot), sizeof zGot-strlen(zGot), "%s ", azRfcName[aPick[i]]);
    snprintf(zWant+strlen(zWant), sizeof zWant-strlen(zWant), "%s ", azRfcName[aWant[i]-1]);
  }
  T_EQ_STR(zGot, zWant);
  T_CHECK(strncmp(zGot, "Lee Doc Mary Charity Kasczynski Envy Sneazy Anger Chastity Pandora ", 67)==0);
}

/* A small county's pools: 6 A-class entities, 3 B, 1 C; 5 officers, one of
** whom recuses E02 and one E09. */
static const char *zPool =
  DRAW_POOL_MAGIC "\n"
  "plan\tSJ-2026-01\n"
  "ratio\t50\t100\t100\t0\n"
  "team\t2\n"
  "source\t2026年7月10日福彩3D开奖号码\n"
  "entity\ta\tE01\t甲公司\n"
  "entity\ta\tE02\t乙公司\n"
  "entity\ta\tE03\t丙公司\n"
  "entity\ta\tE04\t丁公司\n"
  "entity\ta\tE05\t戊公司\n"
  "entity\ta\tE06\t己公司\n"
  "entity\tb\tE07\t庚公司\n"
  "entity\tb\tE08\t辛公司\n"
  "entity\tb\tE09\t壬公司\n"
  "entity\tc\tE10\t癸公司\n"
  "officer\tZF001\t王某\t市场监管局\t\n"
  "officer\tZF002\t李某\t市场监管局\tE02,E09\n"
  "officer\tZF003\t张某\t市场监管局\t\n"
  "officer\tZF004\t刘某\t市场监管局\tE09\n"
  "officer\tZF005\t陈某\t市场监管局\t\n";

static void test_sha256_draw(void){
  Arena a;
  arena_init(&a);
  Buf r1, r2;
  buf_init(&r1); buf_init(&r2);
  char zErr[200] = "";
  T_EQ_INT(draw_compute(&a, zPool, "512./", &r1, zErr, sizeof zErr), 0);
  T_EQ_STR(zErr, "");
  /* the documented algorithm, recomputed independently (a few lines of
  ** Python's hashlib over the same pool and key) */
  T_EQ_STR(buf_cstr(&r1), "E06\tZF004,ZF002\nE02\tZF004,ZF003\nE04\tZF002,ZF004\nE09\tZF001,ZF005\n"
                          "E08\tZF001,ZF002\nE07\tZF003,ZF004\nE10\tZF001,ZF004\n");
  /* same inputs, same draw */
  T_EQ_INT(draw_compute(&a, zPool, "512./", &r2, zErr, sizeof zErr), 0);
  T_EQ_STR(buf_cstr(&r1), buf_cstr(&r2));
  /* counts: ceil(6×50%)=3 of A, all 3 of B, the one C; D's 0% of none */
  int nLine = 0, nA = 0;
  for(const char *p=buf_cstr(&r1); (p=strchr(p, '\n'))!=0; p++) nLine++;
  T_EQ_INT(nLine, 7);
  for(int i=1; i<=6; i++){
    char z[16];
    snprintf(z, sizeof z, "E0%d\t", i);
    if( strstr(buf_cstr(&r1), z) ) nA++;
  }
  T_EQ_INT(nA, 3);
  T_CHECK(strstr(buf_cstr(&r1), "E07\t") && strstr(buf_cstr(&r1), "E08\t") && strstr(buf_cstr(&r1), "E09\t") && strstr(buf_cstr(&r1), "E10\t"));
  /* two different inspectors per entity; recusal holds */
  for(const char *p=buf_cstr(&r1); *p; ){
    char zCode[8], zA[8], zB[8];
    T_EQ_INT(sscanf(p, "%7[^\t]\t%7[^,],%7[^\n]", zCode, zA, zB), 3);
    T_CHECK(strcmp(zA, zB)!=0);
    if( strcmp(zCode, "E09")==0 ) T_CHECK(strcmp(zA, "ZF002") && strcmp(zB, "ZF002") && strcmp(zA, "ZF004") && strcmp(zB, "ZF004"));
    if( strcmp(zCode, "E02")==0 ) T_CHECK(strcmp(zA, "ZF002") && strcmp(zB, "ZF002"));
    p = strchr(p, '\n') + 1;
  }
  /* another key draws otherwise (for some of a handful of keys) */
  int bDiffers = 0;
  for(int k=0; k<5 && !bDiffers; k++){
    buf_reset(&r2);
    char zKey[24];
    snprintf(zKey, sizeof zKey, "%d./", 513+k);
    T_EQ_INT(draw_compute(&a, zPool, zKey, &r2, zErr, sizeof zErr), 0);
    bDiffers = strcmp(buf_cstr(&r1), buf_cstr(&r2))!=0;
  }
  T_CHECK(bDiffers);
  buf_free(&r1); buf_free(&r2);
  arena_free(&a);
}

/* Recusal can leave too few inspectors; a pool out of order or with an
** unknown line is refused (a tampered file must not recompute quietly). */
static void test_refusals(void){
  Arena a;
  arena_init(&a);
  Buf r;
  buf_init(&r);
  char zErr[200];
  char *z = arena_printf(&a, "%s", zPool);
  char *p = strstr(z, "ratio\t50\t100\t100\t0");
  memcpy(p, "ratio\t00\t000\t100\t0", 18);          /* only C (E10), 100% */
  T_EQ_INT(draw_compute(&a, z, "1./", &r, zErr, sizeof zErr), 0);
  T_EQ_STR(zErr, "");
  T_CHECK(strncmp(buf_cstr(&r), "E10\t", 4)==0);
  /* every officer but two recuses E10: one left, a team needs two */
  char *z2 = arena_printf(&a, "%s", z);
  char *o = strstr(z2, "officer\tZF001");
  *o = 0;
  z2 = arena_printf(&a, "%sofficer\tZF001\t王某\t市场监管局\tE10\nofficer\tZF002\t李某\t市场监管局\tE10\n"
                        "officer\tZF003\t张某\t市场监管局\tE10\nofficer\tZF004\t刘某\t市场监管局\tE10\n"
                        "officer\tZF005\t陈某\t市场监管局\t\n", z2);
  buf_reset(&r);
  T_EQ_INT(draw_compute(&a, z2, "1./", &r, zErr, sizeof zErr), 1);
  T_EQ_STR(zErr, "检查对象E10可抽取的检查人员只有1人（回避后），少于每户2人");
  /* out of order */
  char *z3 = arena_printf(&a, "%s", zPool);
  memcpy(strstr(z3, "E02\t乙"), "E00", 3);
  T_EQ_INT(draw_compute(&a, z3, "1./", &r, zErr, sizeof zErr), 1);
  T_EQ_STR(zErr, "名录文件第7行：检查对象未按风险分类和代码排序");
  /* numbers out of range, a blank line: refused, not drawn from */
  char *z5 = arena_printf(&a, "%s", zPool);
  memcpy(strstr(z5, "ratio\t50"), "ratio\t-5", 8);
  T_EQ_INT(draw_compute(&a, z5, "1./", &r, zErr, sizeof zErr), 1);
  T_EQ_STR(zErr, "名录文件第3行：抽取比例应为0到100的整数");
  char *z6 = arena_printf(&a, "%s", zPool);
  memcpy(strstr(z6, "team\t2"), "team\t9", 6);
  T_EQ_INT(draw_compute(&a, z6, "1./", &r, zErr, sizeof zErr), 1);
  T_EQ_STR(zErr, "名录文件第4行：每户检查人员数应为2到8");
  char *z7 = arena_printf(&a, "%s", zPool);
  *strstr(z7, "entity\tb") = '\n';
  T_EQ_INT(draw_compute(&a, z7, "1./", &r, zErr, sizeof zErr), 1);
  T_CHECK(strstr(zErr, "无法识别") || strstr(zErr, "空行"));
  T_EQ_INT(draw_compute(&a, "hello\n", "1./", &r, zErr, sizeof zErr), 1);
  T_CHECK(strstr(zErr, "第1行")!=0);
  char *z4 = arena_printf(&a, "%sextra\tline\n", zPool);
  T_EQ_INT(draw_compute(&a, z4, "1./", &r, zErr, sizeof zErr), 1);
  T_EQ_STR(zErr, "名录文件第21行无法识别");
  buf_free(&r);
  arena_free(&a);
}

static const TestCase aTest[] = {
  { "rfc3797_key",     test_rfc3797_key },
  { "rfc3797_vector",  test_rfc3797_vector },
  { "sha256_draw",     test_sha256_draw },
  { "refusals",        test_refusals },
};

int main(int argc, char **argv){ return t_main(argc, argv, aTest, T_COUNT(aTest)); }
