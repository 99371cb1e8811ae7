#!/bin/sh
# tests/http/040-crud-every-kind.sh
# For each kind: create a record through the web form and
# through the API, find it in the list by a unique value (f_<field>=), edit
# one field and see it on the detail page, run one transition, delete it
# and see it gone. Then the 行政复议 close path: 结案 needs 结案方式, and a
# case closed in time shows 按期完成 against its statutory period.
# Records are made by the clerk of the owning department (zhengwu for the
# service catalog and 办件, fuyi for the 司法局 kinds). FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server

# web_cycle KIND KEY VALUE EDIT_FIELD EDIT_VALUE EDIT_SHOWN TRANS STATE_LABEL SHOWN -- FIELD=VALUE...
#   KEY=VALUE is the record's unique value; EDIT_SHOWN is how the edited
#   value reads on the detail page; SHOWN is a text the detail page must
#   show after creation (e.g. an enum's label).
web_cycle(){
  kind=$1 key=$2 val=$3 ef=$4 ev=$5 es=$6 tr=$7 sl=$8 shown=$9
  shift 10
  n0=$(sql "SELECT count(*) FROM $kind")
  get "/k/$kind/new"
  expect_status 200 "$kind new form"
  expect_contains "$BODY" "name=\"$key\""
  post_form "/k/$kind/new" "$@"
  expect_status 303 "$kind web create"
  loc=$(location)
  id=$(echo "$loc" | sed -n "s|^/k/$kind/\([0-9]*\)?msg=created\$|\1|p")
  if [ -z "$id" ]; then fail "$kind create redirected to «$loc»"; return; fi
  expect_eq "$(sql "SELECT count(*) FROM $kind")" "$((n0+1))" "$kind one row more"
  get "$loc"
  expect_status 200 "$kind detail after create"
  expect_contains "$BODY" '新增成功'
  expect_contains "$BODY" "$val"
  expect_contains "$BODY" "$shown"
  # the list finds it by its unique value
  get "/k/$kind" -G --data-urlencode "f_$key=$val"
  expect_status 200 "$kind list filtered"
  expect_contains "$BODY" '共 1 条' "$kind list by f_$key"
  expect_contains "$BODY" "href=\"/k/$kind/$id\""
  # edit one field: the form shows the stored value; the browser sends all fields
  get "/k/$kind/$id/edit"
  expect_status 200 "$kind edit form"
  expect_contains "$BODY" "value=\"$val\""
  post_form "/k/$kind/$id/edit" "$@" "$ef=$ev"
  expect_status 303 "$kind web edit"
  expect_eq "$(location)" "/k/$kind/$id?msg=updated" "$kind redirect after edit"
  get "/k/$kind/$id?msg=updated"
  expect_contains "$BODY" '修改成功'
  expect_contains "$BODY" "$es" "$kind detail shows the edited value"
  expect_contains "$BODY" '<td>修改</td>' "$kind history lists the edit"
  # one transition (activities have none: "-")
  if [ "$tr" != - ]; then
    post_form "/k/$kind/$id/do/$tr"
    expect_status 303 "$kind transition $tr"
    get "/k/$kind/$id"
    expect_contains "$BODY" ">$sl</span>" "$kind state after $tr"
  fi
  # delete (a clerk deletes no record in a final state, issue 17 §4: the
  # county admin does)
  post_form "/k/$kind/$id/delete"
  if [ "$STATUS" = 403 ] && [ "$WHO" != admin ]; then
    expect_contains "$BODY" '已办结的记录只有管理员可以删除' "$kind closed: the clerk may not delete it"
    _who=$WHO
    [ -f "$T/csrf.admin" ] || login admin
    as admin
    post_form "/k/$kind/$id/delete"
    as "$_who"
  fi
  expect_status 303 "$kind web delete"
  expect_eq "$(location)" "/k/$kind?msg=deleted" "$kind redirect after delete"
  get "/k/$kind?msg=deleted"
  expect_contains "$BODY" '删除成功'
  get "/k/$kind/$id"
  expect_status 404 "$kind detail after delete"
  get "/k/$kind" -G --data-urlencode "f_$key=$val"
  expect_contains "$BODY" '共 0 条' "$kind gone from the list"
  expect_eq "$(sql "SELECT count(*) FROM $kind")" "$n0" "$kind row count back"
}

# api_cycle KIND KEY VALUE EDIT_JSON EDIT_JQ TRANS STATE JSON
api_cycle(){
  kind=$1 key=$2 val=$3 ej=$4 eq=$5 tr=$6 st=$7 js=$8
  api POST "/api/v1/k/$kind" "$js"
  expect_status 201 "$kind API create"
  expect_json ".fields.$key == \"$val\" and .kind == \"$kind\""
  id=$(json .id)
  api GET "/api/v1/k/$kind/$id"
  expect_status 200 "$kind API get"
  expect_json ".id == $id and .fields.$key == \"$val\""
  api_get "/api/v1/k/$kind" -G --data-urlencode "f_$key=$val"
  expect_json ".total == 1 and .rows[0].id == $id" "$kind API list by f_$key"
  api_get "/api/v1/k/$kind" -G --data-urlencode "$key=$val"
  expect_json ".total == 1" "$kind API list by $key"
  api PUT "/api/v1/k/$kind/$id" "$ej"
  expect_status 200 "$kind API edit"
  expect_json "$eq" "$kind API edited value"
  expect_json ".fields.$key == \"$val\"" "$kind API edit keeps other fields"
  if [ "$tr" != - ]; then
    api POST "/api/v1/k/$kind/$id/do/$tr"
    expect_status 200 "$kind API transition $tr"
    expect_json ".state == \"$st\""
  fi
  api DELETE "/api/v1/k/$kind/$id"
  if [ "$STATUS" = 403 ] && [ "$WHO" != admin ]; then     # closed: the admin deletes it
    _tok=$TOKEN
    [ -f "$T/token.admin" ] || api_login admin
    TOKEN=$(cat "$T/token.admin")
    api DELETE "/api/v1/k/$kind/$id"
    TOKEN=$_tok
  fi
  expect_status 200 "$kind API delete"
  expect_json ".deleted == $id"
  api GET "/api/v1/k/$kind/$id"
  expect_status 404 "$kind API get after delete"
}

# ---- 政务服务事项 (zhengwu) ----------------------------------------------
login zhengwu
api_login zhengwu
web_cycle service_item code ZW-TEST-0001 name 不动产登记（测试改名） '不动产登记（测试改名）' cancel 已取消 '全程网办' -- \
  code=ZW-TEST-0001 name=不动产登记（测试） category=license in_center=1 online=full \
  max_visits=1 legal_days=20 promised_days=5 materials=4 steps=3 basis=《不动产登记暂行条例》
api_cycle service_item code ZW-TEST-0002 '{"promised_days":2}' '.fields.promised_days == 2' cancel cancelled \
  '{"code":"ZW-TEST-0002","name":"食品经营许可（测试）","category":"行政许可","in_center":true,"online":"partial","max_visits":0,"legal_days":20,"promised_days":10}'

# A catalog item to hang 办件 on, referenced by its code.
api POST /api/v1/k/service_item '{"code":"ZW-TEST-ITEM","name":"测试事项","category":"license","online":"full","max_visits":0,"promised_days":3}'
expect_status 201 "catalog item for the 办件"
ITEM_ID=$(json .id)

# ---- 办件 (zhengwu) ------------------------------------------------------
web_cycle service_case case_no BJ-TEST-0001 applicant 王某（改） '王某（改）' finish 已办结 '测试事项' -- \
  case_no=BJ-TEST-0001 item_id=ZW-TEST-ITEM applicant=王某 channel=online received=2026-06-24 limit_days=3
api_cycle service_case case_no BJ-TEST-0002 '{"rating":"good"}' '.fields.rating == "good" and .labels.rating == "满意"' finish finished \
  '{"case_no":"BJ-TEST-0002","item_id":"ZW-TEST-ITEM","applicant":"李某","channel":"线下","received":"2026-06-29","limit_days":3}'
# the reference was resolved from the item code to its id
api POST /api/v1/k/service_case '{"case_no":"BJ-TEST-0003","item_id":"ZW-TEST-ITEM","applicant":"赵某","channel":"online","received":"2026-06-29","limit_days":3}'
expect_json ".fields.item_id == $ITEM_ID and .labels.item_id == \"测试事项\"" "item code resolved to the item"
expect_json '[.deadlines[] | select(.name == "promise")][0].due == "2026-07-02"' "承诺办结期限: 3 working days after 06-29"

# ---- 合法性审核 (fuyi) ---------------------------------------------------
login fuyi
api_login fuyi
web_cycle legality_review ref_no HF-TEST-0001 note 建议删除第五条 '建议删除第五条' complete 已审核 '合同协议' -- \
  ref_no=HF-TEST-0001 title=城区供热特许经营协议 doc_type=contract submitter=示范县住房和城乡建设局 \
  received=2026-06-22 reviewer=counsel opinion_issued=1 conclusion=revise
api_cycle legality_review ref_no HF-TEST-0002 '{"conclusion":"合法，同意提交"}' '.fields.conclusion == "legal"' complete done \
  '{"ref_no":"HF-TEST-0002","title":"关于规范行政裁量权基准的办法","doc_type":"normative","received":"2026-06-23","reviewer":"justice","opinion_issued":true,"conclusion":"revise"}'

# ---- 行政规范性文件 (fuyi, 司法局) -----------------------------------------
web_cycle normative_doc doc_no '示司规〔2026〕T1号' valid_until 2031-06-30 '2031-06-30' file 已备案 '市人民政府' -- \
  doc_no=示司规〔2026〕T1号 title=示范县行政执法公示办法 published=2026-06-15 filed_to=city_gov npc_filed=0
api_cycle normative_doc doc_no '示司规〔2026〕T2号' '{"cleanup":"keep"}' '.fields.cleanup == "keep" and .labels.cleanup == "保留"' file filed \
  '{"doc_no":"示司规〔2026〕T2号","title":"示范县行政执法全过程记录办法","published":"2026-06-10","filed_to":"prov_system"}'

# ---- 行政复议 (fuyi) -----------------------------------------------------
web_cycle reconsideration case_no '示复〔2026〕T1号' applicant 张某某 '张某某' accept 已受理 '行政处罚' -- \
  case_no=示复〔2026〕T1号 applicant=张某 respondent=示范县市场监督管理局 matter=penalty \
  received=2026-06-26 procedure=ordinary extended=0
api_cycle reconsideration case_no '示复〔2026〕T2号' '{"note":"申请人补正材料"}' '.fields.note == "申请人补正材料"' accept accepted \
  '{"case_no":"示复〔2026〕T2号","applicant":"钱某","respondent":"示范县公安局","matter":"coercion","received":"2026-06-26","procedure":"simple"}'

# ---- 行政应诉, 依申请公开, 建议提案, 问题台账 (fuyi, 司法局) --------------------
web_cycle litigation case_no '（2026）示01行初T1号' plaintiff 张某（改） '张某（改）' close 已结案 '一审' -- \
  case_no=（2026）示01行初T1号 plaintiff=张某 defendant=示范县自然资源局 matter=expropriation level=first \
  served=2026-06-10 head_appeared=1 outcome=won
api_cycle litigation case_no '（2026）示01行初T2号' '{"head_appeared":true}' '.fields.head_appeared == true' close closed \
  '{"case_no":"（2026）示01行初T2号","plaintiff":"某公司","defendant":"示范县人民政府","matter":"行政许可","level":"一审","served":"2026-06-15","outcome":"withdrawn"}'
web_cycle disclosure_request request_no YSQ-TEST-1 subject 征收补偿方案（改） '征收补偿方案（改）' answer 已答复 '网上申请' -- \
  request_no=YSQ-TEST-1 applicant=王某 applicant_type=person channel=online subject=征收补偿方案 \
  received=2026-06-22 extended=0 outcome=disclosed
api_cycle disclosure_request request_no YSQ-TEST-2 '{"extended":true}' '.fields.extended == true' answer answered \
  '{"request_no":"YSQ-TEST-2","applicant":"某公司","applicant_type":"企业","channel":"信函","subject":"环评批复","received":"2026-06-01","outcome":"partial"}'
web_cycle proposal proposal_no RD-TEST-1 title 关于加强农村道路养护的建议（改） '关于加强农村道路养护的建议（改）' reply 已办复 '人大代表建议' -- \
  proposal_no=RD-TEST-1 ptype=npc title=关于加强农村道路养护的建议 proposer=王某代表 assigned=2026-03-25 complex=0
api_cycle proposal proposal_no ZX-TEST-2 '{"satisfaction":"satisfied"}' '.fields.satisfaction == "satisfied"' reply replied \
  '{"proposal_no":"ZX-TEST-2","ptype":"政协委员提案","title":"关于优化营商环境的提案","proposer":"李某委员","assigned":"2026-03-26"}'
web_cycle mediation dispute_no TJ-TEST-1 summary 因宅基地界址发生纠纷（改） '因宅基地界址发生纠纷（改）' close 已调结 '邻里纠纷' -- \
  dispute_no=TJ-TEST-1 dtype=neighbor summary=因宅基地界址发生纠纷 parties=王某、李某 org=城关镇人民调解委员会 \
  channel=police received=2026-06-20 result=success agreement=1
api_cycle mediation dispute_no TJ-TEST-2 '{"agreement":true}' '.fields.agreement == true' close closed \
  '{"dispute_no":"TJ-TEST-2","dtype":"劳动争议","summary":"拖欠工资","parties":"赵某、某公司","org":"县劳动争议调解中心","channel":"诉调对接","received":"2026-06-01","result":"调解不成"}'
# A due date lies ahead by nature, and a problem may be closed before it.
web_cycle rectification problem_no TZ-TEST-1 problem 执法文书送达不规范（改） '执法文书送达不规范（改）' close 已销号 '案卷评查' -- \
  problem_no=TZ-TEST-1 source=file_review problem=执法文书送达不规范 found=2026-06-01 due=2026-07-31 \
  measures=已重新送达并建立送达台账
api_cycle rectification problem_no TZ-TEST-2 '{"due":"2026-08-15"}' '.fields.due == "2026-08-15"' close closed \
  '{"problem_no":"TZ-TEST-2","source":"审计监督","problem":"专项资金拨付不及时","found":"2026-06-10","due":"2026-07-10","measures":"资金已拨付，附拨付凭证"}'
# Closing a problem needs its evidence: 422 names 整改措施及佐证.
api POST /api/v1/k/rectification '{"problem_no":"TZ-TEST-3","source":"法治督察","problem":"未按期报送备案","found":"2026-06-10","due":"2026-07-10"}'
expect_status 201 "problem TZ-TEST-3"
TZ=$(json .id)
api POST "/api/v1/k/rectification/$TZ/do/close"
expect_status 422 "close without evidence"
expect_json '.errors | any(.field == "measures")' "整改措施及佐证 is named"

# ---- 行政执法案件 (shichang, 市场监管局) --------------------------------------
login shichang
api_login shichang
web_cycle enforcement_case case_no ZF-TEST-0001 party 某超市（改） '某超市（改）' decide 已决定 '行政处罚' -- \
  case_no=ZF-TEST-0001 category=penalty party=某超市 party_type=enterprise cause=销售过期食品 \
  filed=2026-06-20 recorded=1 major=0 extended=0 result=penalized
api_cycle enforcement_case case_no ZF-TEST-0002 '{"fine":500}' '.fields.fine == 500' decide decided \
  '{"case_no":"ZF-TEST-0002","category":"行政检查","party":"李某","party_type":"person","cause":"安全检查","filed":"2026-06-25","result":"penalized"}'
# ---- 市场主体名录库, 行政执法人员, 双随机抽查计划, 涉企检查记录 (admin) ----------
login admin
api_login admin
web_cycle enterprise credit_code 91410621CRUDTEST1A name 城关惠民超市（改） '城关惠民超市（改）' close 注销或吊销 '批发零售' -- \
  credit_code=91410621CRUDTEST1A name=城关惠民超市 etype=company industry=retail town=城关镇 risk=b yearly_limit=2
api_cycle enterprise credit_code 91410621CRUDTEST2B '{"risk":"D类（高风险）"}' '.fields.risk == "d"' close closed \
  '{"credit_code":"91410621CRUDTEST2B","name":"某化工公司","etype":"企业","industry":"危险化学品","town":"南湖镇","risk":"c","yearly_limit":3}'
web_cycle officer cert_no ZF-CRUD-1 training_hours 72 '72' suspend 暂扣证件 '行政执法证' -- \
  cert_no=ZF-CRUD-1 name=周某 cert_type=enforce issued=2025-03-01 expires=2030-03-01 training_hours=60
api_cycle officer cert_no ZF-CRUD-2 '{"reviewed_year":2026}' '.fields.reviewed_year == 2026' revoke revoked \
  '{"cert_no":"ZF-CRUD-2","name":"吴某","cert_type":"行政执法监督证","issued":"2025-03-01","expires":"2030-03-01"}'
# a plan's item is its department's (F_OWN): the admin files them under the 市场监管局
SJ=$(sql "SELECT id FROM dept WHERE name='示范县市场监督管理局'")
web_cycle inspection_plan plan_no SJ-CRUD-1 title 城区餐饮双随机抽查（改） '城区餐饮双随机抽查（改）' cancel 已取消 '2026年7月1日福彩3D开奖号码' -- \
  dept_id=$SJ plan_no=SJ-CRUD-1 title=城区餐饮双随机抽查 item=餐饮服务监督检查 joint=0 industry=catering ratio_a=5 ratio_b=10 \
  ratio_c=30 ratio_d=100 team_size=2 source=2026年7月1日福彩3D开奖号码 planned=2026-06-30
api_cycle inspection_plan plan_no SJ-CRUD-2 '{"ratio_a":8}' '.fields.ratio_a == 8' cancel cancelled \
  "{\"dept_id\":$SJ,"'"plan_no":"SJ-CRUD-2","title":"药店双随机抽查","item":"餐饮服务监督检查","industry":"药品医疗器械","ratio_a":5,"ratio_b":10,"ratio_c":30,"ratio_d":100,"team_size":2,"source":"福彩3D","planned":"2026-06-29"}'
api POST /api/v1/k/inspection_plan "{\"dept_id\":$SJ,"'"plan_no":"SJ-CRUD-3","title":"不可改状态","item":"餐饮服务监督检查","ratio_a":5,"ratio_b":10,"ratio_c":30,"ratio_d":100,"team_size":2,"source":"福彩3D","planned":"2026-06-29","pool_sha256":"forged","drawn":99}'
expect_status 201 "a plan with values for the fields the draw sets"
expect_json '.fields.pool_sha256 == null and .fields.drawn == null and .state == "draft"' "the draw's fields are not taken from input"
api POST "/api/v1/k/inspection_plan/$(json .id)/do/fix"
expect_status 409 "the pools are fixed only by the draw"
web_cycle inspection_item item_no JCSX-CRUD-1 frequency 每年不超过1次 '每年不超过1次' cancel 已取消 '日常检查' -- \
  item_no=JCSX-CRUD-1 name=公共场所卫生监督检查（测试） itype=routine basis=《公共场所卫生管理条例》第十三条 published=2026-03-01
api_cycle inspection_item item_no JCSX-CRUD-2 '{"itype":"专项检查"}' '.fields.itype == "special"' cancel cancelled \
  '{"item_no":"JCSX-CRUD-2","name":"燃气经营安全检查（测试）","itype":"日常检查","basis":"《城镇燃气管理条例》第四十二条"}'
ENT=$(sql "SELECT credit_code FROM enterprise WHERE state='active' ORDER BY id LIMIT 1")
# an inspection is the 市场监管局's, with its item and two of its officers
# valid on the day (扫码入企 is the scan page's to record: issue 13 §4)
TEAM=$(sql "SELECT o.cert_no FROM officer o WHERE o.dept_id=$SJ AND o.state='active' AND o.cert_type='enforce' AND o.expires>='2026-06-30' ORDER BY o.id LIMIT 2" | tr '\n' ',' | sed 's/,$//')
web_cycle inspection insp_no JC-CRUD-1 note 现场未发现问题（改） '现场未发现问题（改）' done 已检查 '日常检查' -- \
  dept_id=$SJ insp_no=JC-CRUD-1 enterprise_id=$ENT way=routine item=食品生产经营监督检查 inspectors=$TEAM assigned=2026-06-30 result=ok \
  over_reason=测试
api_cycle inspection insp_no JC-CRUD-2 '{"result":"发现问题已责令整改"}' '.fields.result == "fixed"' done done \
  "{\"dept_id\":$SJ,\"insp_no\":\"JC-CRUD-2\",\"enterprise_id\":\"$ENT\",\"way\":\"个案检查\",\"item\":\"餐饮服务监督检查\",\"inspectors\":\"$TEAM\",\"assigned\":\"2026-06-29\",\"over_reason\":\"测试\"}"

# ---- 重大行政决策, 法律顾问, 法律援助, 12345, 审计, 普法, 学法述法, 突发事件 (admin) ----
web_cycle major_decision decision_no JC-CRUD-1 title 城区停车收费管理办法（改） '城区停车收费管理办法（改）' withdraw 已调出目录 '重大公共政策和措施' -- \
  decision_no=JC-CRUD-1 title=城区停车收费管理办法 area=policy listed=2026-03-02 consult_from=2026-04-01 needs_expert=1
api_cycle major_decision decision_no JC-CRUD-2 '{"needs_risk":true}' '.fields.needs_risk == true' withdraw withdrawn \
  '{"decision_no":"JC-CRUD-2","title":"县城总体规划修编","area":"经济社会发展重要规划","listed":"2026-02-10"}'
web_cycle legal_counsel engagement_no GW-CRUD-1 opinions 12 '12' end 已解聘 '公职律师' -- \
  engagement_no=GW-CRUD-1 counsel=王某 ctype=public engaged=2026-01-05 until=2027-01-04 opinions=10
api_cycle legal_counsel engagement_no GW-CRUD-2 '{"contracts":8}' '.fields.contracts == 8' end ended \
  '{"engagement_no":"GW-CRUD-2","counsel":"河南正义律师事务所","ctype":"法律顾问（律师事务所）","engaged":"2026-01-05"}'
web_cycle legal_aid case_no FY-CRUD-1 applicant 孙某（改） '孙某（改）' assign 已指派 '当事人申请' -- \
  case_no=FY-CRUD-1 applicant=孙某 atype=civil source=apply aid_group=worker received=2026-06-22 decided=2026-06-24 granted=1
api_cycle legal_aid case_no FY-CRUD-2 '{"lawyer":"李律师"}' '.fields.lawyer == "李律师"' assign assigned \
  '{"case_no":"FY-CRUD-2","applicant":"钱某","atype":"刑事","source":"办案机关通知辩护","received":"2026-06-29","granted":true}'
web_cycle hotline_ticket ticket_no RX-CRUD-1 summary 反映路灯不亮（改） '反映路灯不亮（改）' close 已办结 '12345热线电话' -- \
  ticket_no=RX-CRUD-1 channel=phone ttype=help summary=反映路灯不亮 received=2026-06-26 reply=已修复
api_cycle hotline_ticket ticket_no RX-CRUD-2 '{"rating":"满意"}' '.fields.rating == "satisfied"' close closed \
  '{"ticket_no":"RX-CRUD-2","channel":"县长信箱","ttype":"建议","summary":"建议增设公交站点","received":"2026-06-20","reply":"已纳入线路优化方案"}'
web_cycle audit_project project_no SJXM-CRUD-1 amount 120 '120' report 已出具报告 '专项资金审计' -- \
  project_no=SJXM-CRUD-1 title=农村饮水安全专项资金审计 atype=fund auditee=示范县水利局 started=2026-04-01 problems=3
api_cycle audit_project project_no SJXM-CRUD-2 '{"referred":1}' '.fields.referred == 1' report done \
  '{"project_no":"SJXM-CRUD-2","title":"教育局经济责任审计","atype":"经济责任审计","auditee":"示范县教育局","started":"2026-05-06","problems":0}'
web_cycle law_publicity activity_no PF-CRUD-1 audience 260 '260' - - '进社区' -- \
  activity_no=PF-CRUD-1 title=民法典进万家 venue=community form=lecture held=2026-06-15 audience=200
api_cycle law_publicity activity_no PF-CRUD-2 '{"adopted_by":"学习强国"}' '.fields.adopted_by == "学习强国"' - - \
  '{"activity_no":"PF-CRUD-2","title":"反诈宣传","venue":"网络新媒体","form":"新媒体推送","held":"2026-06-16","audience":3000}'
web_cycle study_session session_no XF-CRUD-1 participants 22 '22' - - '政府常务会议会前学法' -- \
  session_no=XF-CRUD-1 stype=meeting topic=《行政执法监督条例》 held=2026-06-18 participants=20
api_cycle study_session session_no XF-CRUD-2 '{"passed":180}' '.fields.passed == 180' - - \
  '{"session_no":"XF-CRUD-2","stype":"领导干部法律知识考试","topic":"年度法律知识考试","held":"2026-06-19","participants":185}'
web_cycle emergency event_no YJ-CRUD-1 participants 150 '150' - - '应急演练' -- \
  event_no=YJ-CRUD-1 etype=drill title=防汛抢险演练 level=county held=2026-06-10 participants=120
api_cycle emergency event_no YJ-CRUD-2 '{"participants":40}' '.fields.participants == 40' - - \
  '{"event_no":"YJ-CRUD-2","etype":"应急预案编制修订","title":"森林防火应急预案","level":"县级","held":"2026-05-20"}'
web_cycle rescue_team team_no JYD-CRUD-1 members 45 '45' disband 已撤销 '县级抢险救援队伍' -- \
  team_no=JYD-CRUD-1 name=示范县防汛抢险救援队 level=county specialty=防汛抢险 members=40 founded=2026-03-01
api_cycle rescue_team team_no JYD-CRUD-2 '{"members":60}' '.fields.members == 60' disband disbanded \
  '{"team_no":"JYD-CRUD-2","name":"示范县蓝天救援队","level":"社会救援力量","members":50,"founded":"2025-08-01"}'
web_cycle publicity_force force_no PFDW-CRUD-1 headcount 120 '120' end 已解聘或撤销 '法律明白人' -- \
  force_no=PFDW-CRUD-1 ftype=law_savvy name=城关镇法律明白人 place=城关镇 headcount=100 appointed=2026-02-01
api_cycle publicity_force force_no PFDW-CRUD-2 '{"place":"示范县第一中学"}' '.fields.place == "示范县第一中学"' end ended \
  '{"force_no":"PFDW-CRUD-2","ftype":"法治副校长","name":"张某","headcount":1,"appointed":"2025-09-01"}'
web_cycle leader_duty duty_no LZ-CRUD-1 chair 县委书记 '县委书记' - - '政府常务会议专题研究法治政府建设' -- \
  duty_no=LZ-CRUD-1 duty_type=gov topic=专题研究法治政府建设工作 held=2026-06-12 chair=县长
api_cycle leader_duty duty_no LZ-CRUD-2 '{"outcome":"审议通过年度工作要点"}' '.fields.outcome == "审议通过年度工作要点"' - - \
  '{"duty_no":"LZ-CRUD-2","duty_type":"全面依法治县（区）委员会及其协调小组会议","topic":"县委全面依法治县委员会第一次会议","held":"2026-03-10"}'
# Chapter 二 counts the county's own meetings. The 依法治县办's admin (in the
# 司法局) files one: it goes under the county itself, and counts.
JUSTICE=$(sql "SELECT id FROM dept WHERE name='示范县司法局'")
COUNTY=$(sql "SELECT id FROM dept WHERE parent_id IS NULL")
get /k/leader_duty/new
expect_contains "$BODY" "<option value=\"$COUNTY\" selected>" "the form offers the county itself for a leaders' meeting"
api POST /api/v1/k/leader_duty '{"duty_no":"LZ-OWN-1","duty_type":"专题听取法治建设工作汇报","topic":"听取县司法局法治政府建设工作汇报","held":"2026-06-20"}'
expect_status 201 "the county's hearing"
OWN_ID=$(json .id)
expect_eq "$(sql "SELECT dept_id FROM leader_duty WHERE id=$OWN_ID")" "$COUNTY" "…filed under the county, not the admin's 司法局"
# A hearing the 司法局 holds for its own leaders is the 司法局's figure, not the county's.
api POST /api/v1/k/leader_duty '{"duty_no":"LZ-OWN-2","所属部门":"示范县司法局","duty_type":"专题听取法治建设工作汇报","topic":"局党组听取法治建设工作汇报","held":"2026-06-21"}'
expect_status 201 "the 司法局's own hearing"
BUREAU_ID=$(json .id)
N_OWN=$(sql "SELECT count(*) FROM leader_duty l JOIN dept d ON d.id=l.dept_id WHERE d.parent_id IS NULL AND l.duty_type='hearing' AND l.held LIKE '2026-%'")
api_get "/api/v1/indicators?year=2026"
expect_json "[.indicators[] | select(.kind==\"leader_duty\" and .name==\"hearings\") | .numerator] == [$N_OWN]" "the county's 专题听取汇报 counts only the county's own"
api_get "/api/v1/indicators?year=2026&dept=$JUSTICE"
expect_json '[.indicators[] | select(.kind=="leader_duty" and .name=="hearings") | .numerator] == [1]' "…and the 司法局's dashboard its own one"
api DELETE "/api/v1/k/leader_duty/$OWN_ID"
expect_status 200 "the county's hearing deleted"
api DELETE "/api/v1/k/leader_duty/$BUREAU_ID"
expect_status 200 "the bureau's hearing deleted"
# A team without members is refused, naming the field; nothing is written.
api POST /api/v1/k/rescue_team '{"team_no":"JYD-CRUD-3","name":"空队","level":"县级抢险救援队伍","members":0,"founded":"2026-03-01"}'
expect_status 422 "a rescue team of 0 members"
expect_contains "$BODY" '队员人数'
expect_eq "$(sql "SELECT count(*) FROM rescue_team WHERE team_no='JYD-CRUD-3'")" 0 "the refused team is not written"

web_cycle legal_service service_no FW-CRUD-1 served 30 '30' - - '县公共法律服务中心' -- \
  service_no=FW-CRUD-1 stype=consult place=center held=2026-06-26 summary=法律咨询周汇总 served=25 rated=20 satisfied=20
api_cycle legal_service service_no FW-CRUD-2 '{"materials":60}' '.fields.materials == 60' - - \
  '{"service_no":"FW-CRUD-2","stype":"企业法治体检","place":"县公共法律服务中心","held":"2026-06-27","summary":"为企业开展法治体检","served":3}'
web_cycle resettlement person_no AB-CRUD-1 person 赵某（改） '赵某（改）' link 帮教中 '监狱刑满释放' -- \
  person_no=AB-CRUD-1 person=赵某 source=prison origin=province released=2026-06-25 key_person=1
api_cycle resettlement person_no AB-CRUD-2 '{"placed":true}' '.fields.placed == true' link linked \
  '{"person_no":"AB-CRUD-2","person":"钱某","source":"社区矫正期满解除","origin":"外省","released":"2026-06-20"}'
web_cycle publication pub_no GK-CRUD-1 items 45 '45' - - '政府门户网站' -- \
  pub_no=GK-CRUD-1 ptype=info channel=website published=2026-06-29 title=6月政府信息 items=40
api_cycle publication pub_no GK-CRUD-2 '{"items":2}' '.fields.items == 2' - - \
  '{"pub_no":"GK-CRUD-2","ptype":"政策解读","channel":"政务新媒体","published":"2026-06-28","title":"关于秋粮收购的政策解读","items":1}'
web_cycle regulation rule_no ZD-CRUD-1 doc_no '示政办〔2026〕99号' '示政办〔2026〕99号' repeal 已废止 '优化营商环境' -- \
  rule_no=ZD-CRUD-1 title=涉企行政检查备案管理办法 area=business level=gov adopted=2026-06-15 from_problem=0
api_cycle regulation rule_no ZD-CRUD-2 '{"from_problem":true}' '.fields.from_problem == true' repeal repealed \
  '{"rule_no":"ZD-CRUD-2","title":"行政执法案卷管理制度","area":"行政执法","level":"部门","adopted":"2026-06-16"}'
web_cycle power_item code QZ-CRUD-1 name 对违法建设行为的处罚（改） '对违法建设行为的处罚（改）' cancel 已取消 '行政处罚' -- \
  list_year=2026 code=QZ-CRUD-1 name=对违法建设行为的处罚 category=penalty delegated=1 towns=城关镇 enterprise=0 change=added
api_cycle power_item code QZ-CRUD-2 '{"change":"调整"}' '.fields.change == "modified"' cancel cancelled \
  '{"list_year":2026,"code":"QZ-CRUD-2","name":"食品经营许可","category":"行政许可","enterprise":true,"change":"新增"}'
web_cycle monitor monitor_no JDY-CRUD-1 place 城关镇（改） '城关镇（改）' end 已撤销或解聘 '特邀行政执法监督员' -- \
  monitor_no=JDY-CRUD-1 mtype=supervisor name=王某 place=城关镇 appointed=2026-03-01 term_end=2029-02-28
api_cycle monitor monitor_no JDD-CRUD-2 '{"place":"食品工业园区"}' '.fields.place == "食品工业园区"' end ended \
  '{"monitor_no":"JDD-CRUD-2","mtype":"涉企行政执法监督联系点","name":"食品工业园区涉企联系点","appointed":"2026-04-01"}'
web_cycle mediation_org org_no TJZZ-CRUD-1 mediators 9 '9' close 已撤销 '行业性专业性人民调解委员会' -- \
  org_no=TJZZ-CRUD-1 otype=trade name=示范县物业纠纷人民调解委员会 field=物业纠纷 founded=2025-05-01 mediators=6
api_cycle mediation_org org_no TJZZ-CRUD-2 '{"mediators":12}' '.fields.mediators == 12' close closed \
  '{"org_no":"TJZZ-CRUD-2","otype":"特色调解室","name":"老李调解室","founded":"2024-09-01","mediators":2}'
# A satisfied count above those who rated is refused, naming both fields.
api POST /api/v1/k/legal_service '{"service_no":"FW-CRUD-3","stype":"法律咨询","place":"县公共法律服务中心","held":"2026-06-26","summary":"咨询","served":5,"rated":4,"satisfied":5}'
expect_status 422 "满意人次 above 参与评价人次"
expect_json '.errors | any(.field == "satisfied" and (.message | contains("不能多于「参与评价人次」（4）")))'
expect_eq "$(sql "SELECT count(*) FROM legal_service WHERE service_no='FW-CRUD-3'")" 0 "nothing written"
api POST /api/v1/k/legal_service '{"service_no":"FW-CRUD-4","stype":"法律咨询","place":"县公共法律服务中心","held":"2026-06-26","summary":"咨询","served":5,"satisfied":5}'
expect_status 422 "满意人次 without 参与评价人次"
expect_json '.errors | any(.field == "satisfied" and (.message | contains("「参与评价人次」不能为空")))'

# ---- 案卷评查, 执法监督与督察 (admin): completing one opens its problems in the ledger ----
web_cycle file_review review_no PC-CRUD-1 score 88 '88' complete 评查完成 '行政处罚' -- \
  review_no=PC-CRUD-1 case_no=示市监罚〔2026〕1号 unit=示范县市场监督管理局 category=penalty reviewed=2026-06-29 score=80 grade=pass
api_cycle supervision sup_no JD-CRUD-1 '{"field":"殡葬"}' '.fields.field == "殡葬"' complete done \
  '{"sup_no":"JD-CRUD-1","stype":"执法监督检查","title":"殡葬领域执法监督检查","unit":"示范县民政局","held":"2026-06-28"}'
api POST /api/v1/k/file_review '{"review_no":"PC-CRUD-2","case_no":"示城管罚〔2026〕7号","unit":"示范县城市管理局","category":"行政处罚","reviewed":"2026-06-29","score":62,"grade":"合格","problems":"证据材料不完整\n\n  执法文书送达程序不规范  "}'
expect_status 201 "a review with two problems"
PC2=$(json .id)
N_LEDGER=$(sql "SELECT count(*) FROM rectification")
api POST "/api/v1/k/file_review/$PC2/do/complete"
expect_status 200 "review completed"
expect_eq "$(sql "SELECT count(*) FROM rectification")" "$((N_LEDGER+2))" "two ledger items opened"
expect_eq "$(sql "SELECT r.problem_no||'|'||d.name||'|'||r.source||'|'||r.problem||'|'||r.found||'|'||COALESCE(r.due,'')||'|'||CAST(r.days AS TEXT)||'|'||r.state FROM rectification r, dept d WHERE d.id=r.dept_id AND r.problem_no LIKE 'PC-CRUD-2-%' ORDER BY r.problem_no")" \
  "PC-CRUD-2-1|示范县城市管理局|file_review|证据材料不完整|2026-06-30||30|open
PC-CRUD-2-2|示范县城市管理局|file_review|执法文书送达程序不规范|2026-06-30||30|open" "each problem against the reviewed unit, with a 30-day period (issue 16: a rule, not a frozen date)"
api GET "/api/v1/k/rectification/$(sql "SELECT id FROM rectification WHERE problem_no='PC-CRUD-2-1'")"
expect_json '.deadlines[] | select(.name=="rectify") | .due == "2026-07-30"' "…due Thu 2026-07-30"
# A unit that is not a department is refused when entered, naming it.
api POST /api/v1/k/supervision '{"sup_no":"JD-CRUD-2","stype":"法治督察","title":"规范性文件备案督察","unit":"示范县宇宙局","held":"2026-06-28","problems":"未按期报送备案"}'
expect_status 422 "an unknown unit"
expect_json '.errors | any(.field == "unit" and (.message | contains("没有部门“示范县宇宙局”")))'
expect_eq "$(sql "SELECT count(*) FROM supervision WHERE sup_no='JD-CRUD-2'")" 0 "nothing written"
# With a department, the 法治督察 problem goes to the ledger as 法治督察's, against that unit.
api POST /api/v1/k/supervision '{"sup_no":"JD-CRUD-2","stype":"法治督察","title":"规范性文件备案督察","unit":"示范县司法局","held":"2026-06-28","problems":"未按期报送备案"}'
expect_status 201 "督察 entered"
expect_json '.fields.unit == '"$(sql "SELECT id FROM dept WHERE name='示范县司法局'")"' and .labels.unit == "示范县司法局"' "the unit kept as the department, shown by name"
JD2=$(json .id)
api POST "/api/v1/k/supervision/$JD2/do/complete"
expect_status 200 "督察 completed"
expect_eq "$(sql "SELECT source||'|'||problem FROM rectification WHERE problem_no='JD-CRUD-2-1'")" "inspection|未按期报送备案" "a 督察 problem is 法治督察's in the ledger"

login fuyi
api_login fuyi

# The close path through the web: accept, try to close without 结案方式
# (422, the field is named, nothing changes), set it, close, 按期完成.
post_form /k/reconsideration/new case_no=示复〔2026〕T3号 applicant=孙某 respondent=示范县自然资源局 \
  matter=license received=2026-06-26 procedure=ordinary extended=0
expect_status 303 "case T3 created"
RID=$(location | sed -n 's|^/k/reconsideration/\([0-9]*\)?msg=created$|\1|p')
post_form "/k/reconsideration/$RID/do/accept"
expect_status 303 "T3 accepted"
get "/k/reconsideration/$RID"
expect_contains "$BODY" '<tr><th>受理日期</th><td class="">2026-06-30</td></tr>' "受理 stamps today's date"
expect_contains "$BODY" '<td>受理审查期限</td><td>2026-07-03</td><td>按期完成</td>' "acceptance within 5 working days"
expect_contains "$BODY" '/do/close' "结案 is offered"
post_form "/k/reconsideration/$RID/do/close"
expect_status 422 "close without 结案方式"
# 结案's own form again, the error beside 结案方式 (issue 17 §4; test 227)
expect_contains "$BODY" '<div class="err" id="e-outcome">状态为“已结案”时不能为空</div>'
expect_contains "$BODY" 'class="record step"'
expect_eq "$(sql "SELECT state||','||COALESCE(decided,'') FROM reconsideration WHERE id=$RID")" "accepted," "nothing written by the refused close"
post_form "/k/reconsideration/$RID/edit" case_no=示复〔2026〕T3号 applicant=孙某 respondent=示范县自然资源局 \
  matter=license received=2026-06-26 accepted=2026-06-30 procedure=ordinary extended=0 outcome=revoke
expect_status 303 "结案方式 set"
post_form "/k/reconsideration/$RID/do/close"
expect_status 303 "close with 结案方式"
get "/k/reconsideration/$RID"
expect_contains "$BODY" '<span class="state s-closed">已结案</span>'
expect_contains "$BODY" '<tr><th>结案日期</th><td class="">2026-06-30</td></tr>' "结案 stamps today's date"
expect_contains "$BODY" '<tr><th>结案方式</th><td class="">撤销</td></tr>'
# 60 days from 2026-06-30 is Saturday 2026-08-29: the period ends Monday 08-31.
expect_contains "$BODY" '<td>复议决定期限</td><td>2026-08-31</td><td>按期完成</td>' "decision deadline met"
expect_not_contains "$BODY" '简易程序决定期限' "the simple-procedure period does not apply"
expect_contains "$BODY" '<td>结案</td>' "the history lists 结案"
# The same through the API: 422 names the field.
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕T4号","applicant":"周某","respondent":"示范县教育局","matter":"other","received":"2026-06-29","procedure":"simple"}'
RID4=$(json .id)
api POST "/api/v1/k/reconsideration/$RID4/do/accept"
api POST "/api/v1/k/reconsideration/$RID4/do/close"
expect_status 422 "API close without 结案方式"
expect_json '.errors | any(.field == "outcome" and .label == "结案方式" and (.message | contains("不能为空")))'
api PUT "/api/v1/k/reconsideration/$RID4" '{"outcome":"调解"}'
expect_json '.fields.outcome == "mediated"' "outcome by its label"
api POST "/api/v1/k/reconsideration/$RID4/do/close"
expect_status 200 "API close"
expect_json '.state == "closed" and .fields.decided == "2026-06-30"'
# simple procedure: 30 days from 06-30 is Thursday 07-30
expect_json '[.deadlines[] | select(.name == "decision_simple")][0] | .due == "2026-07-30" and .done and (.late | not)'

finish
