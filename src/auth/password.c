/*
** src/auth/password.c — password hashing, the password policy and random
** tokens (libsodium).
*/
#include "auth/auth.h"
#include <sodium.h>
#include <string.h>
#include <strings.h>

#define PW_STR_(x) #x
#define PW_STR(x) PW_STR_(x)

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

/* Passwords of PW_MIN_LEN characters or more that guessing lists try
** first (from the published lists of leaked passwords, the Chinese ones
** included: keyboard rows, digit runs, pinyin, words with digits). Compared
** without regard to ASCII case. */
static const char *const azCommon[] = {
  "0123456789", "1234567890", "0987654321", "9876543210", "12345678910",
  "123456789a", "a123456789", "123456789q", "q123456789", "1234567890a",
  "123456789abc", "abc1234567", "abcd123456", "abc123456789", "1234567890q",
  "123123123123", "1231231231", "1122334455", "1111122222", "1234512345",
  "1234554321", "5201314520", "1314520520", "5201314000", "1314521521",
  "woaini1314", "woaini520", "woaini123456", "5201314woaini", "iloveyou12",
  "iloveyou123", "password12", "password123", "password1234", "password01",
  "passw0rd123", "p@ssw0rd123", "p@ssword123", "passwordpassword",
  "qwertyuiop", "qwertyuiop123", "qwerty1234", "qwerty123456", "1qaz2wsx3edc",
  "1qaz2wsx3e", "1qazxsw23edc", "qazwsxedcrfv", "qazwsxedc123", "zaq12wsxcde3",
  "asdfghjkl1", "asdfghjkl;", "asdfghjkl123", "zxcvbnm123", "zxcvbnm,./",
  "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4t5", "a1b2c3d4e5", "aa12345678",
  "admin12345", "admin123456", "admin@1234", "admin@123456", "administrator",
  "root123456", "root@123456", "test123456", "test12345678", "user123456",
  "guest12345", "welcome123", "welcome1234", "letmein123", "changeme123",
  "abc@123456", "abcd@123456", "abcdefghij", "abcdefg123", "abcde12345",
  "a1234567890", "aa123456789", "qq123456789", "qq1234567890", "wang123456",
  "li12345678", "zhang123456", "liu1234567", "chen123456", "zhangwei123",
  "wangyang123", "woaiwojia123", "88888888888", "66666666666", "12345678900",
  "13800138000", "8888888888", "1357924680", "2468013579", "147258369a",
  "1472583690", "3141592653", "abcabcabcabc", "football123", "sunshine123",
  "superman123", "princess123", "monkey12345", "dragon12345", "fazhi12345",
  "fazhi123456", "fazhi@2026", 0
};

const char *pw_weak(const char *zPw, const char *zLogin){
  size_t n = zPw ? strlen(zPw) : 0;
  /* characters, not bytes: a Chinese character is one */
  size_t nChar = 0;
  for(size_t i=0; i<n; i++) if( ((unsigned char)zPw[i] & 0xC0)!=0x80 ) nChar++;
  if( nChar < PW_MIN_LEN ){
    return "至少需要" PW_STR(PW_MIN_LEN) "个字符";
  }
  if( zLogin && strcasecmp(zPw, zLogin)==0 ) return "不能与账号相同";
  size_t i = 1;
  while( i<n && zPw[i]==zPw[0] ) i++;
  if( i==n ) return "不能全部是同一个字符";
  for(int k=0; azCommon[k]; k++){
    if( strcasecmp(zPw, azCommon[k])==0 ) return "是最常见的密码之一，很容易被猜中";
  }
  return 0;
}
