/*
** tests/unit/t_base.c — unit tests for src/base: the strict UTF-8 decoder
** and check (utf8.c), the repair writers use on stored values, the JSON
** writer's output for bad bytes (json.c) and the scan of a JSON body's
** strings before it is parsed (json_scan.c).
*/
#include "base/utf8.h"
#include "base/json.h"
#include "base/json_scan.h"
#include "t.h"
#include <string.h>

static int check(const char *z, unsigned mAllow, Utf8Bad *p){ return utf8_check(z, strlen(z), mAllow, p); }

/* Every row of RFC 3629's table, at both ends, is accepted and decoded. */
static void test_decode_table(void){
  static const struct { const char *z; unsigned cp; int n; } a[] = {
    { "\x7F", 0x7F, 1 },
    { "\xC2\x80", 0x80, 2 },          { "\xDF\xBF", 0x7FF, 2 },
    { "\xE0\xA0\x80", 0x800, 3 },     { "\xEC\xBF\xBF", 0xCFFF, 3 },
    { "\xED\x80\x80", 0xD000, 3 },    { "\xED\x9F\xBF", 0xD7FF, 3 },
    { "\xEE\x80\x80", 0xE000, 3 },    { "\xEF\xBF\xBD", 0xFFFD, 3 },
    { "\xF0\x90\x80\x80", 0x10000, 4 }, { "\xF3\xBF\xBF\xBF", 0xFFFFF, 4 },
    { "\xF4\x80\x80\x80", 0x100000, 4 }, { "\xF4\x8F\xBF\xBD", 0x10FFFD, 4 },
    { "中", 0x4E2D, 3 },
  };
  for(int i=0; i<T_COUNT(a); i++){
    unsigned cp = 0;
    T_EQ_INT(utf8_decode((const unsigned char*)a[i].z, strlen(a[i].z), &cp), a[i].n);
    T_EQ_INT(cp, a[i].cp);
  }
  T_EQ_INT(utf8_chars("示范县司法局"), 6);
  T_EQ_INT(utf8_chars("a\xED\xA0\x80"), -1);
}

/* What the issue found accepted: each is refused, with its reason. */
static void test_check_refusals(void){
  static const struct { const char *z; int eWhy; int iChar; const char *zHex; } a[] = {
    { "张\xED\xA0\x80", UTF8_E_SURROGATE, 2, "ED A0 80" },
    { "\xED\xBF\xBF", UTF8_E_SURROGATE, 1, "ED BF BF" },
    { "a\xC0\xAF", UTF8_E_OVERLONG, 2, "C0 AF" },
    { "\xC1\xBF", UTF8_E_OVERLONG, 1, "C1 BF" },
    { "\xE0\x80\x80", UTF8_E_OVERLONG, 1, "E0 80 80" },
    { "\xE0\x9F\xBF", UTF8_E_OVERLONG, 1, "E0 9F BF" },
    { "\xF0\x8F\xBF\xBF", UTF8_E_OVERLONG, 1, "F0 8F BF BF" },
    { "\xF4\x90\x80\x80", UTF8_E_RANGE, 1, "F4 90 80 80" },
    { "\xF5\x80\x80\x80", UTF8_E_RANGE, 1, "F5 80 80 80" },
    { "\xFF", UTF8_E_RANGE, 1, "FF" },
    { "ab\x80", UTF8_E_SEQ, 3, "80" },
    { "\xE4\xB8", UTF8_E_SEQ, 1, "E4 B8" },            /* cut short */
    { "\xE4\xB8z", UTF8_E_SEQ, 1, "E4 B8" },
    { "\xC3(", UTF8_E_SEQ, 1, "C3" },
  };
  for(int i=0; i<T_COUNT(a); i++){
    Utf8Bad b;
    T_EQ_INT(check(a[i].z, UTF8_TAB|UTF8_LF|UTF8_CR, &b), a[i].eWhy);
    T_EQ_INT(b.iChar, a[i].iChar);
    char zBuf[200];
    utf8_bad_text(&b, zBuf, sizeof zBuf);
    if( !strstr(zBuf, a[i].zHex) ) fprintf(stderr, "  case %d: %s\n", i, zBuf);
    T_CHECK(strstr(zBuf, a[i].zHex)!=0);
    T_CHECK(strncmp(zBuf, "无效字符（", strlen("无效字符（"))==0);
  }
  Utf8Bad b;
  char zBuf[200];
  check("张\xED\xA0\x80", 0, &b);
  T_EQ_STR(utf8_bad_text(&b, zBuf, sizeof zBuf), "无效字符（第2个字起的字节 ED A0 80 是代理码位U+D800，不是有效的UTF-8编码）");
  /* noncharacters: U+FFFE, U+FFFF, U+FDD0..U+FDEF, U+1FFFE, U+10FFFF */
  static const char *azNon[] = { "\xEF\xBF\xBE", "\xEF\xBF\xBF", "\xEF\xB7\x90", "\xEF\xB7\xAF",
                                 "\xF0\x9F\xBF\xBE", "\xF4\x8F\xBF\xBF" };
  for(int i=0; i<T_COUNT(azNon); i++) T_EQ_INT(check(azNon[i], 0, &b), UTF8_E_NONCHAR);
  check("x\xEF\xBF\xBE", 0, &b);
  T_EQ_STR(utf8_bad_text(&b, zBuf, sizeof zBuf), "无效字符（第2个字U+FFFE是Unicode非字符）");
  T_EQ_INT(check("\xEF\xB7\x8F\xEF\xB7\xB0", 0, &b), UTF8_OK);     /* U+FDCF, U+FDF0: characters */
  /* controls: C0, DEL, C1; tab, LF, CR only when allowed */
  T_EQ_INT(check("a\x01", UTF8_TAB|UTF8_LF|UTF8_CR, &b), UTF8_E_CONTROL);
  T_EQ_STR(utf8_bad_text(&b, zBuf, sizeof zBuf), "不可见的控制字符（第2个字是U+0001）");
  T_EQ_INT(check("a\x7F", 0, &b), UTF8_E_CONTROL);
  T_EQ_INT(check("\xC2\x85", 0, &b), UTF8_E_CONTROL);                 /* U+0085 */
  T_EQ_INT(check("a\tb", 0, &b), UTF8_E_CONTROL);
  T_EQ_STR(utf8_bad_text(&b, zBuf, sizeof zBuf), "制表符（第2个字是U+0009）");
  T_EQ_INT(check("a\tb", UTF8_TAB, &b), UTF8_OK);
  T_EQ_INT(check("a\nb", UTF8_TAB, &b), UTF8_E_CONTROL);
  T_EQ_INT(check("a\nb", UTF8_LF, &b), UTF8_OK);
  T_EQ_INT(check("a\rb", UTF8_LF, &b), UTF8_E_CONTROL);
  T_EQ_INT(utf8_check("a\0b", 3, UTF8_TAB|UTF8_LF|UTF8_CR, &b), UTF8_E_NUL);
  T_EQ_INT(b.iChar, 2);
  /* good text passes */
  T_EQ_INT(check("示复〔2026〕1号　张某 ©😀", 0, &b), UTF8_OK);
  T_EQ_INT(check("", 0, &b), UTF8_OK);
}

/* Writers: an old bad value becomes U+FFFD and the rest stays. */
static void test_repair(void){
  Buf b;
  buf_init(&b);
  const char *z = "a\xED\xA0\x80" "b\xC0\xAF" "c\xF4\x90\x80\x80" "d\xFF" "e\xEF\xBF\xBE" "f\x01";
  T_CHECK(utf8_repair_needed(z, strlen(z), 0, 0));
  utf8_repair(&b, z, strlen(z), 0, 0);
  T_EQ_STR(buf_cstr(&b), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD" "e\xEF\xBF\xBE" "f\x01");
  T_EQ_INT(check(buf_cstr(&b), 0, 0), UTF8_E_NONCHAR);   /* well formed now; the noncharacter stays (valid JSON) */
  buf_reset(&b);
  utf8_repair(&b, z, strlen(z), UTF8_TAB|UTF8_LF|UTF8_CR, 1);    /* for XML */
  T_EQ_STR(buf_cstr(&b), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD" "e\xEF\xBF\xBD" "f\xEF\xBF\xBD");
  T_CHECK(!utf8_repair_needed("中文\t\n", strlen("中文\t\n"), UTF8_TAB|UTF8_LF|UTF8_CR, 1));
  /* the JSON writer */
  buf_reset(&b);
  json_escape(&b, "x\xED\xA0\x80y\x01");
  T_EQ_STR(buf_cstr(&b), "\"x\xEF\xBF\xBDy\\u0001\"");
  /* the audit log's form keeps the bytes (fazhi check hashes what was logged) */
  buf_reset(&b);
  Json j;
  json_init(&j, &b);
  j.bExact = 1;
  json_obj_begin(&j);
  json_kstr(&j, "a", "x\xED\xA0\x80");
  json_obj_end(&j);
  T_EQ_STR(buf_cstr(&b), "{\"a\":\"x\xED\xA0\x80\"}");
  buf_reset(&b);
  json_init(&j, &b);
  json_obj_begin(&j);
  json_kstr(&j, "a", "x\xED\xA0\x80");
  json_obj_end(&j);
  T_EQ_STR(buf_cstr(&b), "{\"a\":\"x\xEF\xBF\xBD\"}");
  /* HTML (and the .docx XML): controls and noncharacters too */
  buf_reset(&b);
  buf_html(&b, "<td>%s</td>", "a<\x01\xEF\xBF\xBE\xC0\xAF\t");
  T_EQ_STR(buf_cstr(&b), "<td>a&lt;\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\t</td>");
  buf_free(&b);
}

/* The JSON body's strings, before cJSON reads them. */
static void test_json_scan(void){
  JsonScanBad b;
  char zBuf[200];
  const char *z;
  z = "{\"received\":\"2025-01-01\\u0000x\"}";
  T_EQ_INT(json_scan_strings(z, strlen(z), 1, &b), JSON_SCAN_NUL);
  T_EQ_STR(b.zKey, "received");
  T_EQ_INT(b.bInKey, 0);
  T_EQ_STR(json_scan_text(&b, zBuf, sizeof zBuf), "空字符（第11个字是转义\\u0000，即U+0000）");
  z = "{\"fields\":{\"\\u53d7\\u7406\\u65e5\\u671f\" : \"a\\uD800\"}}";     /* 受理日期, escaped */
  T_EQ_INT(json_scan_strings(z, strlen(z), 1, &b), JSON_SCAN_SURROGATE);
  T_EQ_STR(b.zKey, "受理日期");
  T_EQ_STR(json_scan_text(&b, zBuf, sizeof zBuf), "无效字符（第2个字是转义\\uD800，单独的代理码位不是字符）");
  z = "{\"a\":\"\\udc00\"}";
  T_EQ_INT(json_scan_strings(z, strlen(z), 1, &b), JSON_SCAN_SURROGATE);
  z = "{\"a\":\"\\ud800x\"}";
  T_EQ_INT(json_scan_strings(z, strlen(z), 1, &b), JSON_SCAN_SURROGATE);
  z = "{\"a\":\"\\ud83d\\ude00\",\"b\":\"\\\"\\\\\"}";                   /* a pair; escaped quote and backslash */
  T_EQ_INT(json_scan_strings(z, strlen(z), 1, &b), JSON_SCAN_OK);
  z = "{\"note\":\"ok\",\"applicant\":\"\xED\xA0\x80\"}";
  T_EQ_INT(json_scan_strings(z, strlen(z), 1, &b), JSON_SCAN_UTF8);
  T_EQ_STR(b.zKey, "applicant");
  T_CHECK(strstr(json_scan_text(&b, zBuf, sizeof zBuf), "ED A0 80")!=0);
  T_EQ_INT(json_scan_strings(z, strlen(z), 0, &b), JSON_SCAN_OK);      /* raw bytes left to a later check */
  z = "{\"k\xC0\xAF\":1}";
  T_EQ_INT(json_scan_strings(z, strlen(z), 1, &b), JSON_SCAN_UTF8);
  T_EQ_INT(b.bInKey, 1);
  static const char zRaw[] = "{\"a\":\"x\0y\"}";
  T_EQ_INT(json_scan_strings(zRaw, sizeof zRaw - 1, 1, &b), JSON_SCAN_NUL);
  T_EQ_STR(b.zKey, "a");
  z = "{\"a\":[\"x\",\"y\"],\"n\":12,\"t\":true}";
  T_EQ_INT(json_scan_strings(z, strlen(z), 1, &b), JSON_SCAN_OK);
  z = "{\"a\":\"unterminated\\";          /* malformed: the parser's business */
  T_EQ_INT(json_scan_strings(z, strlen(z), 1, &b), JSON_SCAN_OK);
}

static const TestCase aTest[] = {
  { "decode_table",   test_decode_table },
  { "check_refusals", test_check_refusals },
  { "repair",         test_repair },
  { "json_scan",      test_json_scan },
};

int main(int argc, char **argv){ return t_main(argc, argv, aTest, T_COUNT(aTest)); }
