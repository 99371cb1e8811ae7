/*
** src/draw/draw.h — 双随机 draws that anyone can recompute.
**
** The method is RFC 3797's (REFERENCES.md §2) with SHA-256 in place of
** MD5: before the draw, both pools (检查对象 and 检查人员) are written as one
** canonical text whose SHA-256 is published together with the source of
** randomness; the source's value, once public, is written as RFC 3797's
** key string, and step i hashes (i as 2 bytes, big-endian) ‖ key ‖ (i)
** and takes candidate (digest mod remaining) + 1 of those left.
**
** select.c is the pure part (no database): the key string, the steps and
** the whole selection from a pool text, which `fazhi draw verify --pool`
** runs on a downloaded pool. draw.c fixes the pools of a plan, runs the
** draw, writes the 检查记录 and verifies a stored draw.
*/
#ifndef FZ_DRAW_H
#define FZ_DRAW_H
#include "engine/ctx.h"
#include "base/buf.h"

typedef enum DrawHash { DRAW_SHA256 = 0, DRAW_MD5 } DrawHash;   /* MD5: RFC 3797's own test vector only */

/* The values of the public random source, as the clerk types them: groups
** separated by "/", ";" or a line break, numbers in a group by spaces,
** commas or 、. Each group's numbers are sorted ascending (RFC 3797 §4).
** Writes the key string ("9319./2.5.8.10.12./"); 0 or 1 with zErr. */
int draw_key(const char *zValues, Buf *pKey, char *zErr, int nErr);

typedef struct Drawer {
  DrawHash eHash;
  const char *zKey;
  unsigned iStep;          /* the next step's number */
} Drawer;
#define DRAW_MAX_STEPS 65536   /* I is two bytes */
/* One step: the digest (16 or 32 bytes, aDigest may be NULL) and digest mod
** nDiv. Returns 1 when the steps are used up. */
int draw_step(Drawer*, unsigned nDiv, unsigned *pRem, unsigned char *aDigest);
/* nPick of the candidates 0..nPool-1, without replacement, in the order
** drawn (aOut[nPick]). */
int draw_pick(Drawer*, int nPool, int nPick, int *aOut);

/* The whole draw from a canonical pool text and a key string: appends the
** result text (a line per entity drawn: "credit_code<TAB>cert,cert").
** 0, or 1 with a Chinese message in zErr. */
int draw_compute(Arena*, const char *zPool, const char *zKey, Buf *pResult, char *zErr, int nErr);
#define DRAW_POOL_MAGIC "fazhi-draw 1"

/* A plan's stored draw (table draw). */
typedef struct DrawRow {
  i64 iPlan;
  const char *zFixedAt, *zFixedBy, *zPool, *zPoolSha, *zHeld;
  const char *zDrawnAt, *zDrawnBy, *zKey, *zValues, *zResult;   /* NULL until drawn */
} DrawRow;
int draw_load(Ctx*, i64 iPlan, DrawRow*);     /* FZ_NOTFOUND when the pools are not fixed yet */
int draw_fix(Ctx*, i64 iPlan);                /* draft → fixed: pools written and digested */
int draw_run(Ctx*, i64 iPlan, const char *zValues);   /* fixed → drawn: selection and 检查记录 */
/* What a draw page shows: the stored draw, its pools' sizes and each pick
** with the names the pool gave it. */
typedef struct DrawPick {
  const char *zCode, *zName, *zRisk;
  int nTeam;
  const char *azCert[8], *azName[8];
} DrawPick;
typedef struct DrawView {
  DrawRow row;
  int nEntity, nOfficer, nHeld;
  DrawPick *aPick;
  int nPick;
} DrawView;
int draw_view(Ctx*, i64 iPlan, DrawView*);    /* FZ_NOTFOUND when not fixed */

/* Recomputes the digest and the selection and compares them with what is
** stored (the draw, the plan, the 检查记录); problems go to the context's
** errors. FZ_OK when everything agrees. */
int draw_verify(Ctx*, i64 iPlan);
/* Every stored draw (fazhi check); problems name their plan. */
int draw_verify_all(Ctx*, int *pnDraws);
#endif
