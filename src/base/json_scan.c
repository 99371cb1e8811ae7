/*
** src/base/json_scan.c — checks the strings of a JSON text (see json_scan.h).
*/
#include "base/json_scan.h"
#include <stdio.h>
#include <string.h>

/* Four hex digits at p (n bytes available) into *pv; 0 if not there. */
static int hex4(const unsigned char *p, size_t n, unsigned *pv){
  unsigned v = 0;
  if( n<4 ) return 0;
  for(int i=0; i<4; i++){
    unsigned c = p[i];
    if( c>='0' && c<='9' ) c -= '0';
    else if( c>='a' && c<='f' ) c -= 'a'-10;
    else if( c>='A' && c<='F' ) c -= 'A'-10;
    else return 0;
    v = v*16 + c;
  }
  *pv = v;
  return 1;
}

/* Appends bytes to the decoded string zStr (cut at nMax-1 bytes). */
static void put(char *zStr, size_t *pn, size_t nMax, const void *p, size_t n){
  if( *pn + n >= nMax ) return;
  memcpy(zStr + *pn, p, n);
  *pn += n;
  zStr[*pn] = 0;
}
static void put_cp(char *zStr, size_t *pn, size_t nMax, unsigned cp){
  unsigned char a[4];
  size_t n;
  if( cp<0x80 ){ a[0] = (unsigned char)cp; n = 1; }
  else if( cp<0x800 ){ a[0] = (unsigned char)(0xC0|(cp>>6)); a[1] = (unsigned char)(0x80|(cp&0x3F)); n = 2; }
  else if( cp<0x10000 ){
    a[0] = (unsigned char)(0xE0|(cp>>12)); a[1] = (unsigned char)(0x80|((cp>>6)&0x3F));
    a[2] = (unsigned char)(0x80|(cp&0x3F)); n = 3;
  }else{
    a[0] = (unsigned char)(0xF0|(cp>>18)); a[1] = (unsigned char)(0x80|((cp>>12)&0x3F));
    a[2] = (unsigned char)(0x80|((cp>>6)&0x3F)); a[3] = (unsigned char)(0x80|(cp&0x3F)); n = 4;
  }
  put(zStr, pn, nMax, a, n);
}

/* Outside strings a JSON text has no quote, so every '"' there starts a
** string. Each string is decoded (escapes resolved) into a small buffer
** as it is walked; a string followed by ':' is a key and is remembered,
** so a bad value can be named by its key. The first problem is
** reported once its string has ended (only then is it known whether the
** string was a key). Malformed JSON (a bad escape, no closing quote) is
** not this function's business: the parser refuses it afterwards. */
int json_scan_strings(const char *z, size_t n, int bRaw, JsonScanBad *pBad){
  const unsigned char *p = (const unsigned char*)z;
  char zLast[sizeof pBad->zKey] = "";
  size_t i = 0;
  memset(pBad, 0, sizeof *pBad);
  while( i<n ){
    if( p[i]!='"' ){ i++; continue; }
    i++;
    char zStr[sizeof pBad->zKey] = "";
    size_t nStr = 0;
    int iChar = 0;
    int eWhy = JSON_SCAN_OK;
    while( i<n && p[i]!='"' ){
      iChar++;
      if( p[i]=='\\' ){
        if( i+1>=n ){ i++; break; }
        unsigned char e = p[i+1];
        unsigned v, w;
        if( e!='u' ){
          static const char zFrom[] = "\"\\/bfnrt", zTo[] = "\"\\/\b\f\n\r\t";
          const char *q = e ? strchr(zFrom, e) : 0;
          if( q ) put(zStr, &nStr, sizeof zStr, &zTo[q-zFrom], 1);
          i += 2;
          continue;
        }
        if( !hex4(p+i+2, n-(i+2), &v) ){ i += 2; continue; }
        size_t len = 6;
        int eHere = JSON_SCAN_OK;
        if( v>=0xD800 && v<=0xDBFF ){
          if( i+12<=n && p[i+6]=='\\' && p[i+7]=='u' && hex4(p+i+8, n-(i+8), &w) && w>=0xDC00 && w<=0xDFFF ){
            v = 0x10000 + ((v-0xD800)<<10) + (w-0xDC00);
            len = 12;
          }else{
            eHere = JSON_SCAN_SURROGATE;
          }
        }else if( v>=0xDC00 && v<=0xDFFF ){
          eHere = JSON_SCAN_SURROGATE;
        }else if( v==0 ){
          eHere = JSON_SCAN_NUL;
        }
        if( eHere ){
          if( eWhy==JSON_SCAN_OK ){
            eWhy = eHere;
            memcpy(pBad->zEsc, p+i, 6);
            pBad->zEsc[6] = 0;
            pBad->utf8.iChar = iChar;
          }
        }else{
          put_cp(zStr, &nStr, sizeof zStr, v);
        }
        i += len;
        continue;
      }
      if( p[i]==0 ){
        if( eWhy==JSON_SCAN_OK ){ eWhy = JSON_SCAN_NUL; pBad->zEsc[0] = 0; pBad->utf8.iChar = iChar; }
        i++;
        continue;
      }
      unsigned cp;
      int len = p[i]<0x80 ? 1 : utf8_decode(p+i, n-i, &cp);
      if( len==0 ){
        if( eWhy==JSON_SCAN_OK && bRaw ){
          eWhy = JSON_SCAN_UTF8;
          utf8_check(z+i, n-i, ~0u, &pBad->utf8);
          pBad->utf8.iByte += i;
          pBad->utf8.iChar = iChar;
        }
        i++;
        continue;
      }
      put(zStr, &nStr, sizeof zStr, p+i, (size_t)len);
      i += (size_t)len;
    }
    i++;                                   /* the closing quote */
    size_t k = i;
    while( k<n && (p[k]==' ' || p[k]=='\t' || p[k]=='\n' || p[k]=='\r') ) k++;
    int bKey = k<n && p[k]==':';
    if( eWhy ){
      pBad->eWhy = eWhy;
      pBad->bInKey = bKey;
      memcpy(pBad->zKey, bKey ? zStr : zLast, sizeof pBad->zKey);
      return eWhy;
    }
    if( bKey ) memcpy(zLast, zStr, sizeof zLast);
  }
  return JSON_SCAN_OK;
}

const char *json_scan_text(const JsonScanBad *b, char *zBuf, size_t nBuf){
  switch( b->eWhy ){
    case JSON_SCAN_NUL:
      if( b->zEsc[0] ) snprintf(zBuf, nBuf, "空字符（第%d个字是转义%s，即U+0000）", b->utf8.iChar, b->zEsc);
      else snprintf(zBuf, nBuf, "空字符（第%d个字是字节00）", b->utf8.iChar);
      return zBuf;
    case JSON_SCAN_SURROGATE:
      snprintf(zBuf, nBuf, "无效字符（第%d个字是转义%s，单独的代理码位不是字符）", b->utf8.iChar, b->zEsc);
      return zBuf;
    case JSON_SCAN_UTF8:
      return utf8_bad_text(&b->utf8, zBuf, nBuf);
  }
  zBuf[0] = 0;
  return zBuf;
}
