/*
** src/report/md.c — the drafted report as Markdown (CommonMark).
**
** '# ' title on one line, '## ' for the chapters 一、…四、, everything else
** a paragraph separated by a blank line. Figures are printed as text
** ("66.7%（2/3）"); their links exist only in the HTML form. Text that came
** from settings (RUN_DATA) has every ASCII punctuation character
** backslash-escaped, so a county name cannot open a heading, a list, a
** link or raw HTML in whatever renders the Markdown.
*/
#include "report/report_int.h"
#include <string.h>

static void md_escape(Buf *pOut, const char *z){
  static const char zSpecial[] = "\\`*_{}[]()<>#+-.!|~&\"";
  const char *s = z;
  for(; *z; z++){
    if( strchr(zSpecial, *z) ){
      buf_append(pOut, s, (size_t)(z-s));
      buf_putc(pOut, '\\');
      buf_putc(pOut, *z);
      s = z+1;
    }
  }
  buf_append(pOut, s, (size_t)(z-s));
}

static void md_runs(const Block *b, Buf *pOut){
  for(const Run *r=b->pFirst; r; r=r->pNext){
    switch( r->eType ){
      case RUN_BREAK: break;                    /* the title stays on one line */
      case RUN_DATA:                            /* settings and a clerk's words */
      case RUN_LEAD:
      case RUN_NOTE:  md_escape(pOut, r->z); break;
      default:        buf_puts(pOut, r->z); break;
    }
  }
}

void md_render(const Doc *pDoc, Buf *pOut){
  for(const Block *b=pDoc->pFirst; b; b=b->pNext){
    if( b->eType==BLK_CHART ) continue;        /* charts are drawn by the HTML report */
    if( b->eType==BLK_TITLE ) buf_puts(pOut, "# ");
    else if( b->eType==BLK_H1 ) buf_puts(pOut, "## ");
    md_runs(b, pOut);
    const Block *n = b->pNext;
    while( n && n->eType==BLK_CHART ) n = n->pNext;
    buf_puts(pOut, n ? "\n\n" : "\n");
  }
}
