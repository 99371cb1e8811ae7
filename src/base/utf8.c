/*
** src/base/utf8.c — strict UTF-8: decode, check, describe, repair (see utf8.h).
*/
#include "base/utf8.h"
#include <stdio.h>
#include <string.h>

/* The lead byte's row of RFC 3629's table: the number of bytes, and the
** range the second byte must lie in (the later ones are always 80..BF). */
int utf8_decode(const unsigned char *p, size_t n, unsigned *pcp){
  unsigned c = p[0];
  if( c<0x80 ){ *pcp = c; return 1; }
  int len;
  unsigned lo = 0x80, hi = 0xBF, cp;
  if( c<0xC2 ){
    /* 80..BF cannot start a character; C0 and C1 could only start an
    ** overlong form of U+0000..U+007F */
    *pcp = c>=0xC0 ? UTF8_E_OVERLONG : UTF8_E_SEQ;
    return 0;
  }else if( c<0xE0 ){ len = 2; cp = c & 0x1F;
  }else if( c<0xF0 ){ len = 3; cp = c & 0x0F;
    if( c==0xE0 ) lo = 0xA0;            /* below: overlong */
    if( c==0xED ) hi = 0x9F;            /* above: surrogates */
  }else if( c<0xF5 ){ len = 4; cp = c & 0x07;
    if( c==0xF0 ) lo = 0x90;            /* below: overlong */
    if( c==0xF4 ) hi = 0x8F;            /* above: beyond U+10FFFF */
  }else{
    *pcp = UTF8_E_RANGE;                /* F5..FF: would start beyond U+10FFFF (or are no lead bytes at all) */
    return 0;
  }
  if( n<2 ){ *pcp = UTF8_E_SEQ; return 0; }     /* cut short */
  if( p[1]<lo || p[1]>hi ){
    if( (p[1]&0xC0)!=0x80 ) *pcp = UTF8_E_SEQ;
    else if( p[1]<lo ) *pcp = UTF8_E_OVERLONG;
    else *pcp = c==0xED ? UTF8_E_SURROGATE : UTF8_E_RANGE;
    return 0;
  }
  for(int i=1; i<len; i++){
    if( (size_t)i>=n || (p[i]&0xC0)!=0x80 ){ *pcp = UTF8_E_SEQ; return 0; }
    cp = (cp<<6) | (p[i] & 0x3F);
  }
  *pcp = cp;
  return len;
}

/* U+FDD0..U+FDEF, and the last two code points of every plane. */
static int is_nonchar(unsigned cp){
  return (cp>=0xFDD0 && cp<=0xFDEF) || (cp & 0xFFFE)==0xFFFE;
}
/* C0 controls, DEL and the C1 controls. */
static int is_control(unsigned cp){
  return cp<0x20 || (cp>=0x7F && cp<=0x9F);
}
static int control_allowed(unsigned cp, unsigned mAllow){
  return (cp=='\t' && (mAllow & UTF8_TAB)) || (cp=='\n' && (mAllow & UTF8_LF))
      || (cp=='\r' && (mAllow & UTF8_CR));
}

/* The code point an ill-formed sequence would have meant, where it has
** one (for the message: "U+D800"); 0 when it has none. */
static unsigned loose_value(const unsigned char *p, int n){
  if( n<2 ) return 0;
  unsigned cp = p[0] & (p[0]>=0xF0 ? 0x07 : p[0]>=0xE0 ? 0x0F : 0x1F);
  for(int i=1; i<n; i++) cp = (cp<<6) | (p[i] & 0x3F);
  return cp;
}

int utf8_check(const char *z, size_t n, unsigned mAllow, Utf8Bad *pBad){
  const unsigned char *p = (const unsigned char*)z;
  size_t i = 0;
  int iChar = 0;
  Utf8Bad bad;
  if( pBad==0 ) pBad = &bad;
  while( i<n ){
    unsigned cp;
    int eWhy = UTF8_OK;
    int len;
    iChar++;
    if( p[i]>=0x20 && p[i]<0x7F ){ i++; continue; }     /* the common case */
    len = utf8_decode(p+i, n-i, &cp);
    if( len==0 ){
      eWhy = (int)cp;
      /* the lead byte and the continuation bytes after it, as the message shows them */
      int k = 1;
      while( k<4 && i+(size_t)k<n && (p[i+(size_t)k]&0xC0)==0x80 ) k++;
      memset(pBad, 0, sizeof *pBad);
      pBad->eWhy = eWhy;
      pBad->iByte = i;
      pBad->iChar = iChar;
      pBad->nByte = k;
      memcpy(pBad->aByte, p+i, (size_t)k);
      pBad->cp = (eWhy==UTF8_E_SEQ) ? 0 : loose_value(p+i, k);
      return eWhy;
    }
    if( cp==0 ) eWhy = UTF8_E_NUL;
    else if( is_control(cp) && !control_allowed(cp, mAllow) ) eWhy = UTF8_E_CONTROL;
    else if( is_nonchar(cp) ) eWhy = UTF8_E_NONCHAR;
    if( eWhy ){
      memset(pBad, 0, sizeof *pBad);
      pBad->eWhy = eWhy;
      pBad->iByte = i;
      pBad->iChar = iChar;
      pBad->cp = cp;
      pBad->nByte = len;
      memcpy(pBad->aByte, p+i, (size_t)len);
      return eWhy;
    }
    i += (size_t)len;
  }
  return UTF8_OK;
}

const char *utf8_bad_text(const Utf8Bad *b, char *zBuf, size_t nBuf){
  char zHex[16] = "";
  for(int i=0, k=0; i<b->nByte && i<4; i++) k += snprintf(zHex+k, sizeof zHex-(size_t)k, i ? " %02X" : "%02X", b->aByte[i]);
  switch( b->eWhy ){
    case UTF8_E_NUL:
      snprintf(zBuf, nBuf, "空字符（第%d个字是U+0000）", b->iChar);
      break;
    case UTF8_E_CONTROL: {
      const char *zName = b->cp=='\t' ? "制表符" : b->cp=='\n' ? "换行符" : b->cp=='\r' ? "回车符" : "不可见的控制字符";
      snprintf(zBuf, nBuf, "%s（第%d个字是U+%04X）", zName, b->iChar, b->cp);
      break;
    }
    case UTF8_E_NONCHAR:
      snprintf(zBuf, nBuf, "无效字符（第%d个字U+%04X是Unicode非字符）", b->iChar, b->cp);
      break;
    case UTF8_E_SURROGATE:
      snprintf(zBuf, nBuf, "无效字符（第%d个字起的字节 %s 是代理码位U+%04X，不是有效的UTF-8编码）", b->iChar, zHex, b->cp);
      break;
    case UTF8_E_OVERLONG:
      if( b->nByte==2 && b->aByte[0]==0xC0 && b->aByte[1]==0x80 ){   /* U+0000 as an XLSX file's _x0000_ (xlsx_read.c) */
        snprintf(zBuf, nBuf, "空字符（第%d个字是U+0000，表格中写作_x0000_）", b->iChar);
        break;
      }
      snprintf(zBuf, nBuf, "无效字符（第%d个字起的字节 %s 是超长编码，不是有效的UTF-8编码）", b->iChar, zHex);
      break;
    case UTF8_E_RANGE:
      snprintf(zBuf, nBuf, "无效字符（第%d个字起的字节 %s 超出Unicode范围，不是有效的UTF-8编码）", b->iChar, zHex);
      break;
    default:
      snprintf(zBuf, nBuf, "无效字符（第%d个字起的字节 %s 不是有效的UTF-8编码）", b->iChar, zHex);
      break;
  }
  return zBuf;
}

int utf8_chars(const char *z){
  const unsigned char *p = (const unsigned char*)z;
  size_t n = strlen(z);
  int nChar = 0;
  for(size_t i=0; i<n; nChar++){
    unsigned cp;
    int len = utf8_decode(p+i, n-i, &cp);
    if( len==0 ) return -1;
    i += (size_t)len;
  }
  return nChar;
}

/* One step of repair: the length of the sequence at p and whether it is
** kept (1) or replaced (0). A replaced ill-formed sequence is its lead
** byte and the continuation bytes right after it (at most three). */
static int repair_step(const unsigned char *p, size_t n, unsigned mAllow, int bStrict, int *pbKeep){
  unsigned cp;
  int len = utf8_decode(p, n, &cp);
  if( len==0 ){
    int k = 1;
    while( k<4 && (size_t)k<n && (p[k]&0xC0)==0x80 ) k++;
    *pbKeep = 0;
    return k;
  }
  *pbKeep = !bStrict || !(cp==0 || (is_control(cp) && !control_allowed(cp, mAllow)) || is_nonchar(cp));
  return len;
}

int utf8_repair_needed(const char *z, size_t n, unsigned mAllow, int bStrict){
  const unsigned char *p = (const unsigned char*)z;
  for(size_t i=0; i<n; ){
    if( p[i]>=0x20 && p[i]<0x7F ){ i++; continue; }
    int bKeep;
    i += (size_t)repair_step(p+i, n-i, mAllow, bStrict, &bKeep);
    if( !bKeep ) return 1;
  }
  return 0;
}

void utf8_repair(Buf *b, const char *z, size_t n, unsigned mAllow, int bStrict){
  const unsigned char *p = (const unsigned char*)z;
  size_t s = 0;
  for(size_t i=0; i<n; ){
    if( p[i]>=0x20 && p[i]<0x7F ){ i++; continue; }
    int bKeep;
    int len = repair_step(p+i, n-i, mAllow, bStrict, &bKeep);
    if( !bKeep ){
      buf_append(b, z+s, i-s);
      buf_puts(b, "\xEF\xBF\xBD");
      s = i + (size_t)len;
    }
    i += (size_t)len;
  }
  buf_append(b, z+s, n-s);
}
