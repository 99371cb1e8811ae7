/*
** src/report/docx.c — the drafted report as a Word document laid out to
** GB/T 9704—2012 (LAW.md §7), written with libzip:
**
**   A4; margins 37 mm top, 28 mm left (订口), 26 mm right, 35 mm bottom, so
**   the type area is 156 × 225 mm; 3号 (16 pt) 仿宋 body on a grid of 22
**   lines of 28 characters (a line every 28.95 pt, exactly); title in 2号
**   (22 pt) 小标宋, centred; 一、 headings in 黑体, （一） leads in 楷体;
**   paragraphs indented two characters; 主送机关 flush left; 署名 and 成文
**   日期 right (the date 右空四字); page numbers in 4号 (14 pt) 宋体 as
**   "— 1 —", 7 mm below the type area, odd pages right and even pages left,
**   one character in from the edge of the type area.
**
** Fonts are named as a Chinese government office has them (方正小标宋简体,
** 仿宋_GB2312, 楷体_GB2312, 黑体, 宋体); Word and LibreOffice substitute
** what the machine lacks. Prompts for the drafter (RUN_NOTE) are
** highlighted, so they are seen and replaced before the report is sent.
*/
#include "report/report_int.h"
#include <zip.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

/* twentieths of a point; 1 mm = 56.6929 twips */
#define TW_PER_MM(mm)  ((int)((mm) * 56.6929 + 0.5))
#define LINE_PITCH     579      /* 225 mm / 22 lines = 28.95 pt */
#define BODY_HALFPT    32       /* 3号 = 16 pt */
#define TITLE_HALFPT   44       /* 2号 = 22 pt */
#define PAGE_HALFPT    28       /* 4号 = 14 pt */

static const char zContentTypes[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
  "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "</Types>";

static const char zRels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
  "</Relationships>";

static const char zDocRels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
  "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\"/>"
  "</Relationships>";

/* Odd and even pages have their own footers (页码 单右双左). */
static const char zSettings[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:defaultTabStop w:val=\"640\"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
  "</w:settings>";

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

/* Run properties: an East Asian font and a size in half-points. */
static void rpr(Buf *b, const char *zFont, int nHalfPt, int bHighlight){
  buf_html(b, "<w:rPr><w:rFonts w:ascii=\"%s\" w:hAnsi=\"%s\" w:eastAsia=\"%s\" w:cs=\"%s\"/>", zFont, zFont, zFont, zFont);
  /* 3号 characters closed up by 0.2 pt: 28 of them fill the 156 mm line */
  if( nHalfPt==BODY_HALFPT ) buf_puts(b, "<w:spacing w:val=\"-4\"/>");
  buf_raw_printf(b, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>", nHalfPt, nHalfPt);
  if( bHighlight ) buf_puts(b, "<w:highlight w:val=\"yellow\"/>");
  buf_puts(b, "</w:rPr>");
}

static void run_text_xml(Buf *b, const char *zFont, int nHalfPt, int bHighlight, const char *z){
  buf_puts(b, "<w:r>");
  rpr(b, zFont, nHalfPt, bHighlight);
  buf_html(b, "<w:t xml:space=\"preserve\">%s</w:t></w:r>", z);
}

/* A footer with the page number as "— N —", 4号宋体, aligned jc with one
** character (14 pt = 280 twips) in from the type area's edge. */
static void footer_xml(Buf *b, int bOdd){
  buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr " W_NS ">");
  /* schema order: ind before jc */
  buf_raw_printf(b, "<w:p><w:pPr><w:ind w:%s=\"280\"/><w:jc w:val=\"%s\"/></w:pPr>",
                 bOdd ? "right" : "left", bOdd ? "right" : "left");
  run_text_xml(b, "宋体", PAGE_HALFPT, 0, "— ");
  buf_puts(b, "<w:r>");
  rpr(b, "宋体", PAGE_HALFPT, 0);
  buf_puts(b, "<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>");
  rpr(b, "宋体", PAGE_HALFPT, 0);
  buf_puts(b, "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r>");
  rpr(b, "宋体", PAGE_HALFPT, 0);
  buf_puts(b, "<w:fldChar w:fldCharType=\"separate\"/></w:r>");
  run_text_xml(b, "宋体", PAGE_HALFPT, 0, "1");
  buf_puts(b, "<w:r>");
  rpr(b, "宋体", PAGE_HALFPT, 0);
  buf_puts(b, "<w:fldChar w:fldCharType=\"end\"/></w:r>");
  run_text_xml(b, "宋体", PAGE_HALFPT, 0, " —");
  buf_puts(b, "</w:p></w:ftr>");
}

static void styles_xml(Buf *b){
  buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles " W_NS ">"
              "<w:docDefaults><w:rPrDefault>");
  rpr(b, "仿宋_GB2312", BODY_HALFPT, 0);
  buf_raw_printf(b, "</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"%d\" w:lineRule=\"exact\"/>"
                    "<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
                    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
                    "</w:styles>", LINE_PITCH);
}

/* One block as a paragraph. */
static void block_xml(Buf *b, const Block *k){
  const char *zFont = "仿宋_GB2312";
  int nSize = BODY_HALFPT;
  buf_puts(b, "<w:p><w:pPr>");
  switch( k->eType ){
    case BLK_TITLE:
      /* 2号 lines need more than the 3号 grid pitch */
      buf_raw_printf(b, "<w:spacing w:line=\"%d\" w:lineRule=\"exact\" w:after=\"%d\"/><w:jc w:val=\"center\"/>",
                     LINE_PITCH*4/3, LINE_PITCH);
      zFont = "方正小标宋简体";
      nSize = TITLE_HALFPT;
      break;
    case BLK_TO:   buf_puts(b, "<w:jc w:val=\"left\"/>"); break;
    case BLK_H1:   buf_puts(b, "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"); zFont = "黑体"; break;
    case BLK_SIGN: buf_raw_printf(b, "<w:spacing w:before=\"%d\"/><w:jc w:val=\"right\"/>", LINE_PITCH); break;
    case BLK_DATE: buf_puts(b, "<w:ind w:rightChars=\"400\" w:right=\"1280\"/><w:jc w:val=\"right\"/>"); break;
    case BLK_ANNEX: buf_puts(b, "<w:pageBreakBefore/><w:jc w:val=\"left\"/>"); zFont = "黑体"; break;
    default:       buf_puts(b, "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"); break;
  }
  buf_puts(b, "</w:pPr>");
  for(const Run *r=k->pFirst; r; r=r->pNext){
    switch( r->eType ){
      case RUN_BREAK: buf_puts(b, "<w:r><w:br/></w:r>"); break;
      case RUN_LEAD:  run_text_xml(b, "楷体_GB2312", nSize, 0, r->z); break;
      case RUN_NOTE:  run_text_xml(b, zFont, nSize, 1, r->z); break;
      default:        run_text_xml(b, zFont, nSize, 0, r->z); break;
    }
  }
  buf_puts(b, "</w:p>");
}

static void document_xml(Buf *b, const Doc *pDoc){
  buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " W_NS "><w:body>");
  for(const Block *k=pDoc->pFirst; k; k=k->pNext) if( k->eType!=BLK_CHART ) block_xml(b, k);   /* charts: HTML only */
  /* the page: A4, GB/T 9704 margins, footers 28 mm from the bottom edge
  ** (the dash line 7 mm below the 35 mm type area edge), a 22 × 28 grid */
  buf_raw_printf(b,
    "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/><w:footerReference w:type=\"even\" r:id=\"rId4\"/>"
    "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
    "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"851\" w:footer=\"%d\" w:gutter=\"0\"/>"
    "<w:docGrid w:type=\"lines\" w:linePitch=\"%d\"/></w:sectPr></w:body></w:document>",
    TW_PER_MM(37), TW_PER_MM(26), TW_PER_MM(35), TW_PER_MM(28), TW_PER_MM(35-7) - PAGE_HALFPT*10 - TW_PER_MM(1.8), LINE_PITCH);
}

/* Adds one part; the buffer's memory passes to libzip (freed with the archive). */
static int add_part(zip_t *z, const char *zName, Buf *b){
  size_t n = 0;
  char *p = buf_detach(b, &n);
  zip_source_t *s = zip_source_buffer(z, p, n, 1);
  if( s==0 ){ free(p); return 1; }
  if( zip_file_add(z, zName, s, ZIP_FL_ENC_UTF_8)<0 ){ zip_source_free(s); return 1; }
  return 0;
}
static int add_literal(zip_t *z, const char *zName, const char *zXml){
  Buf b;
  buf_init(&b);
  buf_puts(&b, zXml);
  return add_part(z, zName, &b);
}

int docx_render(const Doc *pDoc, const char *zPath){
  int err = 0;
  zip_t *z = zip_open(zPath, ZIP_CREATE|ZIP_TRUNCATE, &err);
  if( z==0 ) return 1;
  Buf b;
  int rc = add_literal(z, "[Content_Types].xml", zContentTypes)
        || add_literal(z, "_rels/.rels", zRels)
        || add_literal(z, "word/_rels/document.xml.rels", zDocRels)
        || add_literal(z, "word/settings.xml", zSettings);
  if( rc==0 ){ buf_init(&b); styles_xml(&b); rc = add_part(z, "word/styles.xml", &b); }
  if( rc==0 ){ buf_init(&b); footer_xml(&b, 1); rc = add_part(z, "word/footer1.xml", &b); }
  if( rc==0 ){ buf_init(&b); footer_xml(&b, 0); rc = add_part(z, "word/footer2.xml", &b); }
  if( rc==0 ){ buf_init(&b); document_xml(&b, pDoc); rc = add_part(z, "word/document.xml", &b); }
  if( rc ){ zip_discard(z); unlink(zPath); return 1; }
  if( zip_close(z) ){ zip_discard(z); unlink(zPath); return 1; }
  return 0;
}
