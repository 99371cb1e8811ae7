/*
** src/base/json_scan.h — the strings of a JSON text, checked before the
** text is parsed.
**
** cJSON turns "\u0000" into a NUL byte that silently ends the value
** ("2025-01-01\u0000x" reads as a date), refuses the whole text for a lone
** surrogate escape ("\ud800") without saying where, and passes raw bytes
** through unchecked. json_scan_strings() walks the text lexically (it
** parses nothing else) and reports the first string holding a \u0000
** escape, a raw NUL byte, a lone surrogate escape or an ill-formed UTF-8
** sequence, with the object key it belongs to, so the caller can answer
** with the field's name. Controls and noncharacters are left to the
** field checks (utf8_check), which know what each field allows.
*/
#ifndef FZ_JSON_SCAN_H
#define FZ_JSON_SCAN_H
#include <stddef.h>
#include "base/utf8.h"

enum {
  JSON_SCAN_OK = 0,
  JSON_SCAN_NUL,          /* \u0000 or a raw NUL byte */
  JSON_SCAN_SURROGATE,    /* \uD800..\uDBFF not followed by \uDC00..\uDFFF, or a lone \uDC00..\uDFFF */
  JSON_SCAN_UTF8          /* raw bytes that are not well-formed UTF-8 (see utf8) */
};

typedef struct JsonScanBad {
  int eWhy;               /* JSON_SCAN_… */
  int bInKey;             /* the bad string is itself a key */
  char zKey[256];         /* that key, or the key of the value holding it ("" at the top); decoded, cut at 255 bytes */
  char zEsc[16];          /* the escape as written (SURROGATE, NUL by escape) */
  Utf8Bad utf8;           /* JSON_SCAN_UTF8 */
} JsonScanBad;

/* bRaw: report raw ill-formed UTF-8 too (0: leave it to a later check
** that can say more, such as which paragraph of a report). */
int json_scan_strings(const char *z, size_t n, int bRaw, JsonScanBad *pBad);

/* The problem in Chinese, after "含有…" (as utf8_bad_text). */
const char *json_scan_text(const JsonScanBad*, char *zBuf, size_t nBuf);
#endif
