/*
** src/base/utf8.h — the one strict UTF-8 decoder, the check every input
** path runs, and the repair every writer runs on what is already stored.
**
** Well-formed means RFC 3629's table (section 4), nothing looser:
**
**   U+0000..U+007F     00..7F
**   U+0080..U+07FF     C2..DF  80..BF
**   U+0800..U+0FFF     E0      A0..BF  80..BF
**   U+1000..U+CFFF     E1..EC  80..BF  80..BF
**   U+D000..U+D7FF     ED      80..9F  80..BF        (no surrogates)
**   U+E000..U+FFFF     EE..EF  80..BF  80..BF
**   U+10000..U+3FFFF   F0      90..BF  80..BF  80..BF
**   U+40000..U+FFFFF   F1..F3  80..BF  80..BF  80..BF
**   U+100000..U+10FFFF F4      80..8F  80..BF  80..BF
**
** so overlong forms (C0 AF, E0 80 80), surrogates (ED A0 80), code points
** above U+10FFFF (F4 90 …, F5..FF) and stray or missing continuation
** bytes are all refused. utf8_check() further refuses, as text fazhi
** stores, the 66 noncharacters (U+FDD0..U+FDEF and U+nFFFE, U+nFFFF of
** every plane: no Chinese text has them; U+FFFE is a byte-swapped BOM)
** and control characters (C0, DEL and C1) except those the caller allows.
*/
#ifndef FZ_UTF8_H
#define FZ_UTF8_H
#include <stddef.h>
#include "base/buf.h"

/* What utf8_check() found wrong (Utf8Bad.eWhy). */
enum {
  UTF8_OK = 0,
  UTF8_E_SEQ,          /* a byte that cannot start or continue a character here */
  UTF8_E_OVERLONG,     /* a character in more bytes than it needs (C0 AF) */
  UTF8_E_SURROGATE,    /* U+D800..U+DFFF encoded (ED A0 80) */
  UTF8_E_RANGE,        /* above U+10FFFF (F4 90 80 80, F5..FF) */
  UTF8_E_NONCHAR,      /* well-formed, but a noncharacter (U+FFFE) */
  UTF8_E_CONTROL,      /* a control character the caller does not allow */
  UTF8_E_NUL           /* U+0000 (only where a length is given: a NUL ends a C string) */
};

/* Characters utf8_check() lets through (bits of mAllow). */
#define UTF8_TAB  0x01     /* U+0009 */
#define UTF8_LF   0x02     /* U+000A */
#define UTF8_CR   0x04     /* U+000D */

typedef struct Utf8Bad {
  int eWhy;                /* UTF8_E_… */
  size_t iByte;            /* offset of the offending sequence */
  int iChar;               /* 1-based position in characters */
  unsigned cp;             /* the code point (NONCHAR, CONTROL, NUL; SURROGATE, OVERLONG, RANGE as decoded) */
  unsigned char aByte[4];  /* the offending bytes: the lead byte and the continuation bytes after it */
  int nByte;
} Utf8Bad;

/* Decodes the character at p (n>=1 bytes available). Returns its length
** (1..4) and sets *pcp; or returns 0 when the bytes are not well formed,
** setting *pcp to the UTF8_E_… reason. */
int utf8_decode(const unsigned char *p, size_t n, unsigned *pcp);

/* Checks z[0..n). Returns UTF8_OK, or the first problem's eWhy and fills
** *pBad (may be 0). A NUL inside the n bytes is UTF8_E_NUL. */
int utf8_check(const char *z, size_t n, unsigned mAllow, Utf8Bad *pBad);

/* The problem in Chinese, for an error message after "含有…": e.g.
** "无效字符（第3个字起的字节 ED A0 80 是代理码位，不是有效的UTF-8编码）".
** Written into zBuf (nBuf>=160 is enough) and returned. */
const char *utf8_bad_text(const Utf8Bad*, char *zBuf, size_t nBuf);

/* Characters in a NUL-terminated string; -1 if it is not well formed. */
int utf8_chars(const char *z);

/* Appends z[0..n) to b with each ill-formed sequence (and, unless
** mAllow lets it through, each control character and noncharacter)
** replaced by U+FFFD. Writers use it so that a value stored before input
** was checked cannot make an export malformed. utf8_repair_needed() says
** whether the string would change (the usual answer, no, costs one pass). */
void utf8_repair(Buf *b, const char *z, size_t n, unsigned mAllow, int bStrict);
int  utf8_repair_needed(const char *z, size_t n, unsigned mAllow, int bStrict);
#endif
