/*
** src/engine/kind.h — the declaration types every module is written in.
**
** A mechanism (行政复议, 政务服务事项 …) is a Kind: constant data that names
** its fields, workflow, statutory deadlines and indicators. Pages, API,
** validation, import/export, deadline warnings, indicators and the report
** all read these tables; no module carries CRUD code of its own.
** Arrays end with a zeroed element.
**
** A struct's declared members come first. The members after its "runtime
** members" comment are not written in the modules: kind_compile() fills
** them at start-up from the declared strings (a condition's op, comma
** lists of states or values, "field=value"), so that a typo fails the
** self-check and the hot path compares enums and split lists instead of
** re-parsing strings. That is why the arrays a Kind points to (fields,
** transitions, deadlines, indicators, spawns, a roster) are not const.
*/
#ifndef FZ_KIND_H
#define FZ_KIND_H

typedef enum Shape { SHAPE_CATALOG = 1, SHAPE_CASE, SHAPE_ACTIVITY, SHAPE_LEDGER } Shape;

typedef enum FieldType {
  FT_TEXT = 1,     /* one line */
  FT_LONGTEXT,     /* paragraphs */
  FT_INT,          /* whole number, nMin..nMax */
  FT_DATE,         /* YYYY-MM-DD */
  FT_ENUM,         /* one of aEnum[] */
  FT_BOOL,         /* 是/否 */
  FT_REF,          /* id of a record of kind zRef */
  FT_DEPT,         /* a department of the county (被评查单位): typed by name, kept as its id */
  FT_MONEY         /* an amount in 元 with two decimals, kept as a whole number of 分
                   ** (BIGINT); typed "1234.5", "1,234.50" or "1234.50元", shown "1,234.50" */
} FieldType;

/* Field flags */
#define F_REQ     0x0001   /* required on every save */
#define F_LIST    0x0002   /* a column of the list page */
#define F_FILTER  0x0004   /* a control of the query form */
#define F_PUBLIC  0x0008   /* shown to the public when the kind is public */
#define F_UNIQUE  0x0010   /* unique within the kind in one county (case numbers, 文号): the county
                           ** of the record's department (dept_unit_id), so counties sharing a
                           ** database keep their own numbers; a UNIQUE (unit_id, value) index */
#define F_YEAR    0x0020   /* the date that places a record in a year; on an FT_INT
                           ** field, the year's version of a versioned catalog
                           ** (权责清单): F_UNIQUE then holds within a version */
#define F_TITLE   0x0040   /* the record's name in links and messages */
#define F_PAST    0x0080   /* FT_DATE: a day something happened, never after today */
#define F_AUTO    0x0100   /* set by the mechanism's own code (a draw's digest): not on forms, not imported */
#define F_HIDDEN  0x0400   /* a custom kind's field left out of a later version of its definition:
                           ** its column and values are kept, no page, form or import shows it */
#define F_OWN     0x0200   /* FT_REF: a record of the record's own department (or one below it), in
                           ** force (not in a final state): an inspection names an item its
                           ** inspecting department registered (LAW.md §4.2: 未公布的事项不得实施) */

/* zVia: the value may be set only by the mechanism's own page of that
** name (Ctx.zVia): 扫码入企 only by scanning the enterprise's code. */
typedef struct EnumVal { const char *zId; const char *zLabel; const char *zVia; } EnumVal;

/* A comma list of a declaration ("accepted,closed", "partial,full"), split
** once at start-up by registry_compile(): the hot path never re-parses it. */
typedef struct NameList {
  const char **az;         /* the items, in the order written (process-lifetime memory) */
  int n;                   /* how many */
} NameList;
int namelist_has(const NameList*, const char *zItem);   /* exact membership; 0 for NULL zItem */

struct Field;
/* A "field=value[,value]" condition of a declaration (Deadline.zWhen,
** Spawn.zWhen, Field.zNeeds), as registry_compile() reads it. */
typedef struct When {
  const struct Field *pField;   /* the field compared; NULL: no condition (always holds) */
  NameList aValue;              /* the values that make it hold (stored form: enum ids, 1/0) */
} When;

/* A text field that names people of a register by their key (执法证号):
** "姓名（证号）、姓名（证号）" or bare keys, apart by 、，,；; or new lines.
** On every write that changes it each key must be a record of zKind that
** meets aCond and whose zUntil date is not before the record's event date
** (the first set of zOn's date fields); with bOwn, of the record's own
** department or one below it; never one who recuses the record zAgainst
** names (zRecuse); at least nMin different people. The value
** is stored as "姓名（证号）、…" in the order given. */
typedef struct Roster {
  const char *zKind;       /* the register ("officer") */
  const char *zKey;        /* its unique key field ("cert_no") */
  const char *zName;       /* its name field, written before the key */
  const char *zUntil;      /* its FT_DATE field valid up to ("expires") */
  const char *zOn;         /* this kind's date fields, first set wins ("checked,assigned") */
  const char *zState;      /* the register's states that may act ("active") */
  const char *zEnumField, *zEnumValue;  /* and this enum value (cert_type = enforce); NULL: any */
  int nMin;                /* people needed, all different */
  int bOwn;                /* of the record's department or below */
  const char *zRecuse;     /* the register's FT_LONGTEXT field listing, a line each, the unique values
                           ** of records the person must not act on (回避对象; NULL: none) */
  const char *zAgainst;    /* this kind's FT_REF field naming that record (the enterprise inspected) */
  const char *zWhat;       /* how a valid one is called in messages ("本部门执法证有效的在岗执法人员") */
  /* runtime members, filled by registry_compile() */
  NameList aOn;            /* zOn split */
  NameList aState;         /* zState split (n 0: any state) */
} Roster;

typedef struct Field {
  const char *zName;       /* column id: [a-z_][a-z0-9_]* */
  const char *zLabel;      /* Chinese label, also accepted as an import header */
  FieldType eType;
  unsigned flags;
  const EnumVal *aEnum;    /* FT_ENUM */
  const char *zRef;        /* FT_REF: the referenced kind */
  const char *zReqIn;      /* required once the record is in one of these states ("closed,rejected") */
  int nMin, nMax;          /* FT_INT range; FT_TEXT max characters (0 = 200) */
  const char *zHelp;       /* hint shown under the input */
  const char *zNotAbove;   /* FT_INT: may not exceed this FT_INT field (满意人次 ≤ 参评人次) */
  Roster *pRoster;         /* FT_TEXT: names people of a register, checked as Roster says (not const: runtime members) */
  const char *zNeeds;      /* set only when "field=value" holds (联合部门 needs 联合抽查 = 是); NULL: always */
  const char *zOtherParty; /* FT_TEXT naming a party that is mostly one of the county's departments
                           ** (被申请人, 被告): the form offers the departments (tree order) and, because
                           ** the law lets the party be someone else, a name typed instead; this is that
                           ** law, quoted (shown beside the field). A party that must be a department is
                           ** FT_DEPT instead (被评查单位: chosen from the list, nothing typed). NULL: neither */
  const char *zNumbering;  /* F_UNIQUE FT_TEXT: how the county numbers its records, e.g.
                           ** "{short}复〔{year}〕{n}号" — {short} the county's short name (setting
                           ** county_short), {year} this year, {n} the next number after the highest the
                           ** records of the year hold; the new form proposes it (editable; a number
                           ** taken is refused as F_UNIQUE says). NULL: no proposal */
  /* runtime members, filled from the above by registry_compile() */
  NameList aReqIn;         /* zReqIn split */
  When needs;              /* zNeeds read */
} Field;

/* Roles, as bits so a transition can name several. */
#define R_ADMIN   0x01     /* county admin (司法局 / 依法治县办) */
#define R_CLERK   0x02     /* department clerk */
#define R_LEADER  0x04     /* leader: reads everything in scope, changes nothing */
#define R_PUBLIC  0x08     /* anonymous visitor */
#define R_STAFF   (R_ADMIN|R_CLERK)

typedef struct State { const char *zId; const char *zLabel; int bFinal; } State;

typedef struct Transition {
  const char *zId;         /* URL id: /k/KIND/ID/do/zId */
  const char *zLabel;      /* button text */
  const char *zFrom;       /* comma-separated states */
  const char *zTo;
  unsigned mRole;          /* who may */
  const char *zStamp;      /* date field set to today when empty (may be NULL) */
  /* runtime member, filled by registry_compile() */
  NameList aFrom;          /* zFrom split */
} Transition;

/* PU_ONDATE: no period to count — zStart is itself the due date, set per
** record; nLength is 0. (A date a person may set in place of a counted
** period is Deadline.zOnDate instead, as a rectification's 整改时限.) */
typedef enum PeriodUnit { PU_DAYS = 1, PU_WORKDAYS, PU_MONTHS, PU_ONDATE } PeriodUnit;

/* A statutory period: the start day does not count (民法典 第二百零一条); a
** calendar-day or month period whose last day is a rest day ends on the
** next working day (第二百零三条). Derived when read, never stored.
**
** An approved extension (zExtFlag, where zExtWhen holds) adds nExtension
** units to the period counted from its start — 代表法 第五十一条's "六个月内"
** runs from 交办 — or, with bExtFromEnd, is a second period counted from
** the end of the first, after that end has moved past a rest day: 60 days from 2025-08-05 end on Sat
** 2025-10-04 in 国庆, moved to 10-09, and 30 more days end on Sat 11-08,
** moved to Mon 11-10. Counting the 90 days at once from acceptance
** (11-03) would mark late a decision the law allows: 行政复议法 第六十二条
** limits the extension, not the original period, to 三十日, and 第八十八
** 条 / 民事诉讼法 第八十五条 end the original period only on 10-09.
**
** zDeemed: a period of the same kind (the acceptance review) whose end
** counts as the start when zStart is recorded later or not at all —
** 行政复议法 第三十条第三款 "审查期限届满之日起视为受理". The start is then
** the earlier of zStart and that end; with zStart unset the deemed start
** counts only in the states of zActiveIn (a case 不予受理 has none) and
** only once that end has passed (a case still within its review is not
** yet accepted) or zDone is set.
**
** zOnDate: a date field that, when a person has set it, is the due date
** itself (a rectification's own 整改时限); else the period is counted.
**
** bMinimum: a least time, not a deadline (重大行政决策程序暂行条例 第十五
** 条 "一般不少于30日"): zDone before the period's end is the finding, 期限
** 不足; a longer period is lawful. It never runs against anyone (no
** overdue, no due-soon). Its end does not move past a rest day: that rule
** protects whoever must act by the last day, and here would only demand
** more than the text (a 30-day minimum from 2025-09-05 is met on Sun
** 10-05). "ontime"/"late" of an indicator read as long enough / too short. */
/* A pause of a period (Deadline.aPause): days the law leaves out of it,
** or an event from which it counts anew. Both dates are fields of the
** record, so a clerk enters what happened and the due date follows.
**   PM_SUSPEND: the days from zFrom to zTo, both included, are not counted
**     (信息公开条例 第三十三条第三款: 征求第三方和其他机关意见所需时间不
**     计算在期限内; 行政许可法 第四十五条: 听证、检验、检测、鉴定、专家评
**     审所需时间不计算在期限内). Both ends are left out: the day the letter
**     goes and the day the answer comes are spent on the consultation, and
**     leaving them in would mark late an answer the law allows. A
**     suspension that begins after the period's (unsuspended) end changes
**     nothing: the period was over. Still open (zTo unset) and the period
**     not met: the period is halted, with no due date, until zTo is entered;
**     met while open: the suspension ends on the day it was met. Counted in
**     the period's unit (working days of a working-day period).
**   PM_RESTART: once zTo is set the period counts anew from it, whatever
**     ran before (信息公开条例 第三十条: 答复期限自收到补正的申请之日起计
**     算; 行政复议法 第三十一条: 收到补正材料后依照第三十条处理). From zFrom
**     (the 补正 notice) until zTo is set the period is halted: nothing is
**     due while the applicant has the papers.
** A period has at most one of each (registry_selfcheck says so). */
typedef enum PauseMode { PM_SUSPEND = 1, PM_RESTART } PauseMode;
typedef struct Pause {
  const char *zLabel;      /* what it is called (征求第三方意见, 补正); NULL ends an aPause */
  PauseMode eMode;
  const char *zFrom;       /* FT_DATE field: the suspension's first day; a restart's notice (halts until zTo) */
  const char *zTo;         /* FT_DATE field: the suspension's last day; the day a restart counts anew from */
  const char *zBasis;      /* the article, quoted */
} Pause;

typedef struct Deadline {
  const char *zName;
  const char *zLabel;      /* e.g. 复议决定期限 */
  const char *zStart;      /* date field the period runs from */
  int nLength;             /* length in eUnit, or 0 when zLengthField gives it */
  const char *zLengthField;/* FT_INT field holding the length (e.g. 承诺时限) */
  PeriodUnit eUnit;
  const char *zExtFlag;    /* FT_BOOL field: extension approved */
  int nExtension;          /* extra length, same unit, from the end of the first period */
  const char *zDone;       /* date field that meets the period */
  const char *zWhen;       /* applies only when "field=value[,value]" (NULL: always) */
  const char *zActiveIn;   /* states in which an unmet period is being counted */
  const char *zBasis;      /* legal basis, quoted */
  const char *zExtWhen;    /* the extension counts only when "field=value" holds (NULL: wherever approved) */
  const char *zExtBasis;   /* the rule that grants the extension, quoted (NULL: zBasis says it) */
  const char *zDeemed;     /* a period of this kind whose end is the deemed start (NULL: none) */
  const char *zOnDate;     /* FT_DATE field: when set, the due date itself (NULL: none) */
  int bMinimum;            /* a least time: zDone earlier than the end is 期限不足 */
  int bExtFromEnd;         /* the extension runs from the first period's (moved) end */
  const char *zDeemedAs;   /* what the deemed start is called (视为受理) */
  const char *zDeemedBasis;/* and the article that deems it, quoted */
  const Pause *aPause;     /* suspensions and restarts (Pause), ended by a NULL zLabel (NULL: none) */
  const char *zReading;    /* the reading fazhi takes where the law is open, in Chinese (NULL: none
                           ** needed); shown beside the basis and in README's table of periods */
  int bLocal;              /* 地方规定: a province, city or county may set its own length
                           ** and unit (table period_rule, src/engine/prule.c); 0: the
                           ** law in zBasis fixes it and an override is refused */
  /* runtime members, filled by registry_compile() */
  When when;               /* zWhen read */
  When extWhen;            /* zExtWhen read */
  const struct Deadline *pDeemed;  /* zDeemed found */
  NameList aActiveIn;      /* zActiveIn split (n 0: zActiveIn NULL, counted in every state) */
} Deadline;

/* One condition of an indicator filter. Ops:
**   "="  field in comma list      "!="  not in list      "set" / "unset"
**   "setif": zField set where the FT_BOOL field zValue is 是 (专家论证 if needed)
**   "<=" ">=" integers             "state" state in list
**   "year": the FT_INT zField holds the year counted (年审年度 = 2025)
**   "dtype": the record's department is of these types ("county,bureau,town"); SQL only
**   "own": the record is filed by the unit the figure is about (a county of a
**          city's table, a department's dashboard) or else by the scope's own
**          unit (the county or city itself, not its bureaus or towns: the
**          leaders' own meetings); SQL only
**   "ontime" / "late": zField names a Deadline met / missed (done records only) */
typedef enum CondOp {
  CO_EQ = 1, CO_NE, CO_SET, CO_UNSET, CO_SETIF, CO_LE, CO_GE, CO_STATE, CO_YEAR, CO_DTYPE, CO_OWN,
  CO_ONTIME, CO_LATE
} CondOp;
typedef struct Cond {
  const char *zField;      /* the field (a Deadline's name for ontime/late; "" for state, own) */
  const char *zOp;         /* one of the ops above; a NULL zOp ends an aCond */
  const char *zValue;      /* the comma list, number, bool field or types the op takes */
  /* runtime members, filled by registry_compile() */
  CondOp eOp;              /* zOp read */
  NameList aValue;         /* zValue split at commas (=, !=, state, dtype) */
} Cond;

/* AGG_DISTINCT counts the different values of zField among the records
** (市场主体 inspected, 被评查单位): SQL only, so no "ontime"/"late". */
typedef enum AggKind { AGG_COUNT = 0, AGG_SUM, AGG_DISTINCT } AggKind;
typedef struct Expr {
  AggKind eAgg;
  const char *zField;      /* AGG_SUM: summed FT_INT field; AGG_DISTINCT: the field (or "dept_id") counted */
  const char *zMinus;      /* AGG_SUM: minus this field (Σ(a−b)) */
  Cond aCond[6];
  const char *zKind;       /* over the records of this other kind, in its own year (NULL: the indicator's
                           ** kind) — a coverage's denominator: 名录库 entities, units with cases;
                           ** IND_DEPTS: the county's departments themselves (a "dtype" = condition only) */
} Expr;

#define IND_DEPTS "@dept"      /* Expr.zKind: count departments (法律顾问覆盖率's units) */

typedef enum IndUnit { IU_PERCENT = 1, IU_COUNT, IU_AVERAGE } IndUnit;

/* numerator ÷ denominator (× 100 for IU_PERCENT), DHIS2-style. IU_COUNT
** indicators have only a numerator. Rounded half-up to nDecimals. */
typedef struct Indicator {
  const char *zName;
  const char *zLabel;
  IndUnit eUnit;
  Expr num;
  Expr den;
  int nDecimals;
  const char *zTarget;     /* e.g. "100" or "99.5": the value the county aims for (NULL: none) */
  const char *zYearField;  /* date that places a record in the year for this indicator (NULL: the kind's F_YEAR field) */
  const char *zHelp;       /* how it is computed, in Chinese */
  const char *zAlias;      /* how reports written by people name it, '|' apart ("行政复议案件|行政复议申请"):
                              last year's report is read for it as a baseline (src/report/baseline.c) */
  const char *zUnitWord;   /* the word after a count or average (件, 人次, 元; NULL: the
                              built-ins' own wording): a custom kind's dashboard and report use it */
  /* runtime member, filled by kind_compile() */
  const char *zUnitSaid;   /* the measure word the kind's report sentences write after this count
                              ({officers}人 → 人; NULL: none): the unit when zUnitWord is NULL, so
                              the dashboard's card says what the report says */
} Indicator;

/* What the annual report says about a kind in chapter 一 (LAW.md §2): the
** subsection it belongs to and sentences whose figures are indicators of
** the kind, in braces:
**   {ind}   the indicator's count (its numerator)      受理{accepted}件
**   {ind/}  the count of its denominator               在{cases/}件中
**   {ind%}  a rate with its two counts                 96.4%（2331/2418）
**   {ind~}  an average or value with its sum and count 3.5（35/10）
**   {ind~份} the same with its unit before the counts  3.5份（35/10）
**   {ind^}  a count against last year's      同比下降28.4%（上年为1256）
**           (a year still running: against the same period, 上年同期)
**   {@state} the count of the kind's records of the year in that state,
**           linked to them (a draft's {kind@state})    不予受理{@rejected}件
**   {@state|ind} that count, but written as the indicator's count (its
**           label and link) when the two are equal     尚在审理{@accepted|pending}件
**   {year}  the report year
** A sentence is left out when its first figure is a count of 0, or when
** any rate or average in it has no data, or a {ind^} has no count last
** year: a report never says "共办理0件"
** or prints an empty rate. A segment in square brackets is optional: it
** is left out when none of its counts is above 0 (or a rate in it has no
** data) — "其中刑事{criminal}件[、行政{admin}件]" never says "行政0件". In a
** run of adjacent segments the first one written drops a leading 、
** ("[新增{added}项][、调整{modified}项]" → 调整3项); a segment may instead
** give, after a '|', the wording it takes when it is written and the
** segments before it in its run are not: "[已审结{closed}件][，尚在审理
** {pending}件|；尚在审理{pending}件]"; a segment opening with ； begins a new
** run (the sentence's second half). Kinds naming the same section share one
** subsection, in the order of nOrder; each kind's sentences form one
** paragraph (bJoin: the paragraph of the kind before it). registry_selfcheck()
** checks every brace and bracket against the kind. */
/* The section of chapter 二 (the leaders' own duties) rather than a
** subsection of chapter 一. */
#define REPORT_SEC_DUTY "党政主要负责人履行推进法治建设第一责任人职责情况"
typedef struct ReportText {
  const char *zSection;    /* e.g. 坚持严格规范公正文明执法, or REPORT_SEC_DUTY */
  const char *zIntro;      /* opening sentence of the kind's paragraph (not written when bJoin joins one) */
  const char *azSentence[10];
  int bJoin;               /* its sentences continue the paragraph of the kind before it in the
                           ** section when that one said something (政务服务事项 and 办件 are one
                           ** paragraph); otherwise it opens its own, with zIntro */
} ReportText;

/* One brace of a ReportText sentence, as report_brace() reads it. */
typedef struct ReportFig {
  char zInd[64];           /* the indicator ({ind…}; {@state|ind}: the one written when equal); "" none */
  char zState[64];         /* {@state…}: the kind's state counted; "" when an indicator is the figure */
  char cSuffix;            /* 0 a count, '/' '%' '~' '^' as above */
  char zUnit[32];          /* '~' only: the unit written between the value and its counts ("份"); "" none */
  int bYear;               /* {year} */
  int bBad;                /* the brace does not parse (registry_selfcheck refuses it) */
} ReportFig;

/* Records a transition opens in another kind: 案卷评查 completed opens one
** 问题台账 item per line of its 发现问题. Each value is
**   "=text"    that text                 "@line"   the line
**   "@seq"     the record's unique value and the line's number ("PC-3-2")
**   "@today" / "@today+N"  today, or N days on (a fixed date: a period
**              a record must meet is a Deadline's length field, set here
**              with "=N", so that the calendar counts it — issue 16)
**   otherwise  the value of that field of the record.
** The target "dept_id" takes a department name. The new records are
** written in the transition's transaction: one refused, none written. */
typedef struct SpawnSet { const char *zField; const char *zValue; } SpawnSet;
typedef struct Spawn {
  const char *zTrans;      /* after this transition */
  const char *zKind;       /* the kind opened */
  const char *zLines;      /* FT_LONGTEXT field: one record per non-empty line */
  const char *zWhen;       /* only when "field=value[,value]" (NULL: always) */
  SpawnSet aSet[8];
  /* runtime member, filled by registry_compile() */
  When when;               /* zWhen read */
} Spawn;

/* A catalog published anew each year (权责清单): its F_YEAR field is an
** FT_INT year, and one year's version is carried into the next as copies
** (POST /k/KIND/carry), which the departments then adjust. The copies
** take zCarried in the enum field zChange; records in a final state
** (取消) are not carried, nor items (by the first F_UNIQUE field) the
** next version already holds. */
typedef struct Version {
  const char *zChange, *zCarried;
  const char *azClear[4];  /* fields a copy starts without (调整日期, 调整说明) */
} Version;

/* A register whose records are in force from one date to another (a
** 监督员 from 聘任 to 解聘): a year's figures count the records in force on
** its last day (or today, in the year still running), whatever their
** state is now, so last year's report says how many there were then. */
typedef struct InForce { const char *zFrom, *zTo; } InForce;

/* A figure broken down by department (zBy NULL: the record's own) or by a
** field (复议纠错率 by 被申请人), worst first, so the dashboard and the
** report can say where the weaknesses are. bHighIsBad: a higher value is
** the weaker (纠错率, 败诉); otherwise a lower one is (按期办结率). */
typedef struct Breakdown { const char *zIndicator; const char *zBy; int bHighIsBad; } Breakdown;

/* A page of the mechanism's own behaviour, linked from each record's
** detail page: zHref followed by the record's id (/draw/12). */
typedef struct Link { const char *zLabel; const char *zHref; } Link;

/* A yearly cap on the records that name one referenced record (同一企业
**年度入企检查频次上限, 国办发〔2024〕54号): with zRef's record's FT_INT
** field zMax above 0, a record whose year (the kind's F_YEAR field) already
** holds that many others naming it is written only with zReason (this
** kind's field) stating why. Checked whenever a write sets or changes the
** reference or the year, on every path but the mechanism's own trusted code. */
typedef struct YearLimit {
  const char *zRef;        /* the FT_REF field ("enterprise_id") */
  const char *zMax;        /* the referenced kind's FT_INT field ("yearly_limit"); 0 = none */
  const char *zReason;     /* this kind's field that states why the cap is crossed */
  const char *zBasis;      /* legal basis, quoted in the message */
} YearLimit;

typedef struct Kind {
  const char *zName;       /* table and URL name */
  const char *zLabel;      /* 行政复议 */
  const char *zGroup;      /* menu group */
  Shape eShape;
  int bPublic;             /* the public may read F_PUBLIC fields */
  int bUnitOwned;          /* records are the county's (city's) own: a new one is filed under the
                           ** user's county, not their department (leader_duty: chapter 二 counts "own") */
  Field *aField;           /* (not const: registry_compile() fills runtime members) */
  const State *aState;     /* first state is the initial one; may be NULL */
  Transition *aTrans;
  Deadline *aDeadline;
  Indicator *aIndicator;
  const ReportText *pReport;/* its part of the annual report (NULL: none, or written in src/report) */
  const Link *aLink;       /* pages of its own behaviour (NULL: none) */
  Spawn *aSpawn;           /* records its transitions open elsewhere (NULL: none) */
  const Version *pVersion; /* versioned year to year (NULL: not) */
  const Breakdown *aBreakdown; /* figures by department or field (NULL: none) */
  const InForce *pInForce;  /* a register counted as in force at a year's end (NULL: not) */
  const YearLimit *pLimit; /* a yearly cap per referenced record (NULL: none) */
  const char *zTrend;      /* the indicator the report's 附图 shows year by year (NULL: none) */
  const char *zAbout;      /* one paragraph for the list page */
  int nOrder;              /* place in menus and on the dashboard (DOMAIN.md's numbering ×10) */
  /* a custom kind's (kinddef.h); 0 / NULL for a built-in */
  long long iOwner;        /* the unit (a county's or city's department id) that defined it */
  const char *zOwnerPath;  /* …and its path ("/1/4/"): seen by the users under it and the admins above */
  int iVersion;            /* the definition's version in force (an extended built-in: its extension's) */
  /* a built-in kind the county extended (内置台账的扩展, kinddef.h); 0 / NULL otherwise */
  const struct Kind *pBase;/* the C declaration it extends: the extended Kind is a copy of it with the
                           ** county's fields, enum values, indicators, breakdowns, sentences and targets */
  long long iExtOwner;     /* the unit whose admin first saved the extension */
  const char *zExtOwnerPath;/* …and its path: the admins at or above it may change the extension */
  const struct Kind *pOlder;/* the version before this one (NULL: the first) */
  const char *zSavedAt;    /* when this version was saved (UTC, "YYYY-MM-DD HH:MM:SS") */
} Kind;

/* Registry (registry.c) */
const Kind *kind_find(const char *zName);
int         kind_count(void);
const Kind *kind_at(int i);
int         kinds_in_order(const Kind **aOut, int nMax);   /* by nOrder; returns the count */
const Field *kind_field(const Kind*, const char *zName);
int         kind_nfield(const Kind*);
const State *kind_state(const Kind*, const char *zId);
const Transition *kind_trans(const Kind*, const char *zId);
const Deadline *kind_deadline(const Kind*, const char *zName);
const Pause *deadline_pause(const Deadline*, PauseMode);   /* d's pause of that mode, or NULL (deadline.c) */
/* The fields transition t asks for (its stamped date, those first required
** in its target state), in declaration order; returns the count (≤ nMax). */
int         kind_step_fields(const Kind*, const Transition*, const Field **aOut, int nMax);
/* 1 when f is required only in states other than zState: a later step's field. */
int         field_later(const Field*, const char *zState);

const Indicator *kind_indicator(const Kind*, const char *zName);
const Field *kind_year_field(const Kind*);
const Field *kind_title_field(const Kind*);
const char *enum_label(const Field*, const char *zId);   /* NULL if not a value */
int         field_is_int(const Field*);    /* stored and bound as an integer (INT, BOOL, REF, DEPT) */
const char *enum_id(const Field*, const char *zIdOrLabel);/* accepts id or label */
int         list_has(const char *zList, const char *zItem); /* comma list membership */
int         registry_selfcheck(char *zErr, int nErr);   /* compiles, then checks every kind; 1 + zErr on the first fault */
/* Reads one kind's declared strings (Cond.zOp, comma lists, "field=value")
** into its runtime members; 1 + zErr when one does not parse or names
** what the kind lacks. Done once for every kind by registry_selfcheck()
** (and on first use of the registry); kind_selfcheck() also checks the
** rest of a kind against the declaration rules. */
int         kind_compile(const Kind*, char *zErr, int nErr);
int         kind_selfcheck(const Kind*, char *zErr, int nErr);
/* The unit word (件, 人, 人次 …: the fixed list a custom kind's unit_word is
** checked against) that z begins with, the longest; NULL when none. */
const char *kind_unit_word_at(const char *z);
/* The next figure of a ReportText sentence at or after z: returns the '{'
** and fills *pFig and *pzEnd (after the '}'); NULL when there is none. A
** brace that does not parse is returned with pFig->bBad set, so the
** self-check can refuse it. */
const char *report_brace(const char *z, ReportFig *pFig, const char **pzEnd);
/* Whether a figure of ind may carry the suffix: none (a count), '/' (the
** denominator) and '=' (the value) of a rate or average, '%' a rate with
** its counts, '~' an average with them, '^' a count against last year,
** '-' a rate against last year (percentage points; report drafts only). */
int report_suffix_ok(const Indicator*, char cSuffix);
#endif
