/*
** src/web/qr.c — QR codes as inline SVG (libqrencode), and the printable
** 扫码入企 code of an enterprise: one dark square per module, drawn as a
** single path so a page of them stays small.
*/
#include "web/web.h"
#include <qrencode.h>

int web_qr_svg(Req *r, const char *zText){
  QRcode *q = QRcode_encodeString8bit(zText, 0, QR_ECLEVEL_M);
  if( q==0 ) return 1;
  int w = q->width, m = 4;                /* quiet zone of four modules */
  outf(r, "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"二维码\" "
          "shape-rendering=\"crispEdges\"><rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/><path fill=\"#000\" d=\"", w+2*m, w+2*m);
  Buf *b = &r->out;
  for(int y=0; y<w; y++){
    for(int x=0; x<w; x++){
      if( q->data[y*w+x] & 1 ) buf_raw_printf(b, "M%d %dh1v1h-1z", x+m, y+m);
    }
  }
  out_html(r, HTML("\"/></svg>"));
  QRcode_free(q);
  return 0;
}
