/*
** src/report/extract.h — figures read out of a report's plain text, and
** the contradictions among them (extract.c).
*/
#ifndef FZ_EXTRACT_H
#define FZ_EXTRACT_H
#include "base/arena.h"

typedef struct XFigure {
  double v;              /* the value, 万/千 applied */
  const char *zNum;      /* the number as written: "96.4" */
  int nDec;              /* decimals written */
  const char *zUnit;     /* "件", "%", "万元" … */
  int bApprox;           /* 余, 多, 约, 近: not exact */
  const char *zLabel;    /* the words before it in its clause: "政务服务事项入驻率" */
  int iSentence;         /* index into Extract.azSentence */
  int iEnd;              /* byte offset just after its unit in that sentence */
  int iLabel;            /* byte offset where its label (with any 其中) begins */
} XFigure;

typedef enum XFindingKind { XF_RATE = 1, XF_SUM } XFindingKind;
typedef struct XFinding {
  XFindingKind eKind;    /* XF_SUM: parts larger than their whole (a contradiction);
                         ** XF_RATE: a rate no pair of the counts beside it gives (to be checked) */
  int iFig;              /* the rate, or the whole */
  const char *zMsg;      /* in Chinese, quoting the figures */
} XFinding;

typedef struct Extract {
  int nSentence;
  const char **azSentence;
  int nFig, nFigAlloc;
  XFigure *aFig;
  int nFinding, nFindingAlloc;
  XFinding *aFinding;
} Extract;

/* Reads zText (UTF-8). Everything lives in the arena. */
int report_extract(Arena*, const char *zText, Extract*);
#endif
