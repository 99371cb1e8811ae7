/*
** src/base/sha256.h — SHA-256 for the audit chain and `fazhi check`.
** OpenSSL's implementation uses the CPU's SHA instructions where present
** (4× libsodium's portable code here); the digests are the same.
*/
#ifndef FZ_SHA256_H
#define FZ_SHA256_H
#include <stddef.h>
typedef struct Sha256 { void *pCtx; } Sha256;
void sha256_init(Sha256*);
void sha256_update(Sha256*, const void *p, size_t n);
void sha256_final(Sha256*, unsigned char aOut[32]);       /* frees the context */
void sha256(const void *p, size_t n, unsigned char aOut[32]);
void sha256_hex(const unsigned char a[32], char zOut[65]);
#endif
