/*
** src/api/schema.c — every declared kind as JSON: fields with types,
** flags and enum values, states and transitions, deadline rules with their
** legal basis, indicators with their filters. `fazhi schema --json` and
** GET /api/v1/schema print it; import templates and docs read it. One
** kind's object is the engine's kind_json (a custom kind's definition is
** that same object, src/engine/kinddef.h). Custom kinds are those the
** actor sees (NULL: every one the registry holds). api_periods_md prints
** the built-in periods as README's table, which tests/unit/t_periods.c
** holds README to, so the table cannot go stale.
*/
#include "api/api.h"
#include "base/json.h"
#include "engine/kinddef.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void api_schema(Buf *pOut, const Actor *pActor){
  Json j;
  json_init(&j, pOut);
  json_obj_begin(&j);
  json_key(&j, "kinds");
  json_arr_begin(&j);
  for(int i=0; i<kind_count(); i++){
    if( pActor==0 || kind_visible(kind_at(i), pActor) ) kind_json(&j, kind_at(i));
  }
  json_arr_end(&j);
  json_obj_end(&j);
  buf_putc(pOut, '\n');
}

/* One table cell: '|' and line ends would break the row. */
static void md_cell(Buf *p, const char *z){
  buf_puts(p, " ");
  for(; *z; z++){
    if( *z=='|' ) buf_puts(p, "｜");
    else if( *z=='\n' || *z=='\r' ) buf_puts(p, " ");
    else buf_putc(p, *z);
  }
  buf_puts(p, " |");
}

/* Appends the strings up to a NULL (markdown is not HTML: nothing to escape but md_cell's). */
static void cat(Buf *p, ...){
  va_list ap;
  va_start(ap, p);
  for(const char *z; (z = va_arg(ap, const char*))!=0; ) buf_puts(p, z);
  va_end(ap);
}
static const char *num(char *z, int n){ snprintf(z, 16, "%d", n); return z; }

static const char *unit_word(PeriodUnit e){
  return e==PU_WORKDAYS ? "个工作日" : e==PU_MONTHS ? "个月" : "日";
}

/* A condition in words: “执法类别”为“行政处罚”. */
static void md_when(Buf *p, const When *w){
  cat(p, "“", w->pField->zLabel, "”为", (char*)0);
  for(int i=0; i<w->aValue.n; i++){
    const char *z = w->aValue.az[i];
    const char *zL = w->pField->eType==FT_BOOL ? (strcmp(z, "1")==0 ? "是" : "否") : enum_label(w->pField, z);
    cat(p, i ? "、" : "", "“", zL ? zL : z, "”", (char*)0);
  }
}

/* The period's length in words: "20个工作日，经批准延长不超过20个工作日". */
static void md_length(Buf *p, const Kind *k, const Deadline *d){
  char zN[16];
  Buf c;
  buf_init(&c);
  if( d->eUnit==PU_ONDATE ){
    buf_puts(&c, "按填写的日期");
  }else{
    if( d->bMinimum ) buf_puts(&c, "不少于");
    if( d->zLengthField ){
      const Field *f = kind_field(k, d->zLengthField);
      cat(&c, "“", f ? f->zLabel : d->zLengthField, "”所填", d->eUnit==PU_WORKDAYS ? "工作日" : unit_word(d->eUnit), "数", (char*)0);
    }else{
      cat(&c, num(zN, d->nLength), unit_word(d->eUnit), (char*)0);
    }
    if( d->bMinimum ) buf_puts(&c, "（最短期间）");
    if( d->zOnDate ){
      const Field *f = kind_field(k, d->zOnDate);
      cat(&c, "；填写“", f ? f->zLabel : d->zOnDate, "”的按所填日期", (char*)0);
    }
    if( d->zExtFlag ){
      cat(&c, "；经批准延长", num(zN, d->nExtension), unit_word(d->eUnit), "（",
          d->bExtFromEnd ? "自原期限届满日起算" : "与原期限连续计算", (char*)0);
      if( d->extWhen.pField ){ buf_puts(&c, "；"); md_when(&c, &d->extWhen); buf_puts(&c, "时计入"); }
      buf_puts(&c, "）");
    }
  }
  md_cell(p, buf_cstr(&c));
  buf_free(&c);
}

/* Where it runs from, with its conditions and pauses. */
static void md_start(Buf *p, const Kind *k, const Deadline *d){
  Buf c;
  buf_init(&c);
  const Field *f = kind_field(k, d->zStart);
  buf_puts(&c, f ? f->zLabel : d->zStart);
  if( d->zDeemed ) cat(&c, "或", d->zDeemedAs, "日（较早者）", (char*)0);
  if( d->when.pField ){ buf_puts(&c, "；仅"); md_when(&c, &d->when); buf_puts(&c, "的"); }
  for(const Pause *q=d->aPause; q && q->zLabel; q++){
    const Field *ff = kind_field(k, q->zFrom), *ft = kind_field(k, q->zTo);
    if( q->eMode==PM_RESTART ){
      cat(&c, "；", q->zLabel, "：“", ff->zLabel, "”起暂停，自“", ft->zLabel, "”起重新计算", (char*)0);
    }else{
      cat(&c, "；", q->zLabel, "：“", ff->zLabel, "”至“", ft->zLabel, "”（含两端）不计入", (char*)0);
    }
  }
  md_cell(p, buf_cstr(&c));
  buf_free(&c);
}

void api_periods_md(Buf *p){
  buf_puts(p, "| 台账 | 期限 | 长度 | 起算与暂停 | 依据 | 本系统的理解（法律留有余地之处） |\n");
  buf_puts(p, "|---|---|---|---|---|---|\n");
  for(int i=0; i<kind_count(); i++){
    const Kind *k = kind_at(i);
    if( !kind_builtin(k->zName) || k->aDeadline==0 ) continue;
    for(const Deadline *d=k->aDeadline; d->zName; d++){
      buf_puts(p, "|");
      md_cell(p, k->zLabel);
      md_cell(p, d->zLabel);
      md_length(p, k, d);
      md_start(p, k, d);
      Buf c;
      buf_init(&c);
      buf_puts(&c, d->zBasis);
      if( d->zExtBasis ) cat(&c, "；延长：", d->zExtBasis, (char*)0);
      if( d->zDeemedBasis ) cat(&c, "；", d->zDeemedAs, "：", d->zDeemedBasis, (char*)0);
      for(const Pause *q=d->aPause; q && q->zLabel; q++) cat(&c, "；", q->zLabel, "：", q->zBasis, (char*)0);
      md_cell(p, buf_cstr(&c));
      buf_free(&c);
      buf_init(&c);
      buf_puts(&c, d->zReading ? d->zReading : d->bLocal ? "" : "—");
      if( d->bLocal ) cat(&c, d->zReading ? "；" : "", "声明的长度是默认期限，可由省、市、县（区）另行规定（见下文“地方规定”）", (char*)0);
      md_cell(p, buf_cstr(&c));
      buf_free(&c);
      buf_puts(p, "\n");
    }
  }
}
