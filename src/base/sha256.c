/* src/base/sha256.c — SHA-256 through OpenSSL's EVP interface (see sha256.h). */
#include "base/sha256.h"
#include "base/arena.h"
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>

void sha256_init(Sha256 *p){
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  if( c==0 || EVP_DigestInit_ex(c, EVP_sha256(), 0)!=1 ){ fputs("fazhi: SHA-256 unavailable\n", stderr); abort(); }
  p->pCtx = c;
}
void sha256_update(Sha256 *p, const void *z, size_t n){
  EVP_DigestUpdate((EVP_MD_CTX*)p->pCtx, z, n);
}
void sha256_final(Sha256 *p, unsigned char aOut[32]){
  unsigned int n = 32;
  EVP_DigestFinal_ex((EVP_MD_CTX*)p->pCtx, aOut, &n);
  EVP_MD_CTX_free((EVP_MD_CTX*)p->pCtx);
  p->pCtx = 0;
}
void sha256(const void *z, size_t n, unsigned char aOut[32]){
  unsigned int m = 32;
  if( EVP_Digest(z, n, aOut, &m, EVP_sha256(), 0)!=1 ){ fputs("fazhi: SHA-256 failed\n", stderr); abort(); }
}
void sha256_hex(const unsigned char a[32], char zOut[65]){
  static const char hex[] = "0123456789abcdef";
  for(int i=0; i<32; i++){ zOut[2*i] = hex[a[i]>>4]; zOut[2*i+1] = hex[a[i]&15]; }
  zOut[64] = 0;
}
