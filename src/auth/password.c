/*
** src/auth/password.c — password hashing and random tokens (libsodium).
*/
#include "auth/auth.h"
#include <sodium.h>
#include <string.h>

#define PW_OPS 2
#define PW_MEM (19u*1024u*1024u)

int pw_hash(const char *zPw, char *zOut, int nOut){
  if( nOut < (int)crypto_pwhash_STRBYTES ) return 1;
  return crypto_pwhash_str(zOut, zPw, strlen(zPw), PW_OPS, PW_MEM)!=0;
}

int pw_verify(const char *zHash, const char *zPw){
  return crypto_pwhash_str_verify(zHash, zPw, strlen(zPw))==0;
}

void random_token(char *zOut, int nBytes){
  unsigned char a[64];
  if( nBytes>64 ) nBytes = 64;
  randombytes_buf(a, (size_t)nBytes);
  sodium_bin2hex(zOut, (size_t)nBytes*2+1, a, (size_t)nBytes);
}
