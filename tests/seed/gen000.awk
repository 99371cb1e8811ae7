# tests/seed/gen000.awk — the records behind seeds/000's first areas (see gen.sh).
BEGIN{
  # ---- 政务服务事项 ----------------------------------------------------------
  nsvc = split(svc, aSvc, ":")
  split("license confirm benefit public_service other_power reward ruling public_service", aCat, " ")
  split("行政许可 行政确认 行政给付 公共服务 其他行政权力 行政奖励 行政裁决 公共服务", aCatL, " ")
  f = out "/service_item.csv"
  print "所属部门,事项编码,事项名称,事项类型,进驻政务服务中心,网办深度,最多跑动次数,法定时限（工作日）,承诺时限（工作日）,申请材料数,办理环节数,状态" > f
  nOut = 0; nTwo = 0
  for(i=1; i<=2418; i++){
    c = (i % 8) + 1                           # 1 = 行政许可 (every 8th item)
    inC = "是"
    if( i % 27 == 13 && nOut < 87 ){ inC = "否"; nOut++ }        # 89 candidates, 87 taken
    v = (i % 3 == 0) ? 0 : 1
    if( i % 34 == 5 && nTwo < 70 ){ v = 2; nTwo++ }             # 71 candidates, 70 taken
    on = v==0 ? "全程网办" : v==1 ? "可网办" : "不可网办"
    if( v==1 && i % 50 == 7 ) on = (i % 100 == 7) ? "涉密不可网办" : "不可网办"   # counter only: 网上可办率 is not the 一次办 share
    if( c==1 ){ L = 20*(1 + i%3); P = L/20 }                    # 20/1, 40/2, 60/3: exactly 95%
    else if( aCat[c]=="public_service" ){ L = ""; P = i%6 }
    else { L = 20; P = 5 }
    printf "%s,410621%06d,%s事项第%04d号,%s,%s,%s,%d,%s,%d,%d,%d,在用\n", \
      aSvc[(i % nsvc) + 1], i, aCatL[c], i, aCatL[c], inC, on, v, L, P, 1 + i%5, 1 + i%4 > f
  }
  close(f)
  if( nOut!=87 || nTwo!=70 ){ print "gen.sh: service item counts wrong" > "/dev/stderr"; exit 1 }

  # ---- 合法性审核 and 行政规范性文件 ------------------------------------------
  f = out "/legality_review.csv"
  g = out "/normative_doc.csv"
  print "所属部门,审核编号,送审文件名称,文件类型,送审单位,收到送审日期,审核主体,出具书面审核意见,审核结论,审核完成日期,状态" > f
  print "所属部门,文号,文件名称,合法性审核,公布日期,报送备案日期,备案机关,同时报人大常委会备案,状态" > g
  split("浚县人民政府办公室 浚县发展和改革委员会 浚县财政局 浚县自然资源局 浚县住房和城乡建设局 浚县市场监督管理局 浚县教育局", aSub, " ")
  base = dn("2024-01-08"); nNorm = 0
  for(i=0; i<65; i++){
    if( i < 29 ){ t = "合同协议"; who = "法律顾问"; tt = "合同" }
    else if( i < 40 ){ t = "规范性文件"; who = "司法局会同法律顾问"; tt = "规范性文件" }
    else { t = "其他文件"; who = "司法局会同法律顾问"; tt = "文件" }
    rcv = weekday(base + int(i*340/65))
    done = weekday(rcv + 6)                  # <= 8 calendar days
    op = ((i*27) % 65) < 27 ? "是" : "否"       # 27 ↦ 65 is a bijection: exactly 27
    concl = op=="是" ? "修改后提交" : "合法，同意提交"
    ref = sprintf("浚司审〔2024〕%d号", i+1)
    title = sprintf("关于审核%s（%02d）的请示", tt, i+1)
    printf "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,已审核\n", lrd, ref, title, t, aSub[(i % 7) + 1], ds(rcv), who, op, concl, ds(done) > f
    if( t == "规范性文件" ){
      nNorm++
      pub = weekday(done + 10)
      printf "%s,浚政规〔2024〕%d号,浚县规范性文件（%02d）,%s,%s,%s,省规章规范性文件管理系统,是,已备案\n", ndd, nNorm, nNorm, ref, ds(pub), ds(weekday(pub + 5 + (i % 15))) > g
    }
  }
  close(f); close(g)

  # ---- 行政复议 ---------------------------------------------------------------
  f = out "/reconsideration.csv"
  print "所属部门,案号,申请人,被申请人,案件类别,收到申请日期,受理日期,审理程序,经批准延长审理期限,结案日期,结案方式,状态" > f
  split("浚县公安局 浚县市场监督管理局 浚县自然资源局 浚县人力资源和社会保障局 浚县城市管理局 浚县交通运输局 浚县卫生健康委员会", aResp, " ")
  split("行政处罚 行政处罚 行政强制 政府信息公开 不履行法定职责 行政确认 行政许可 其他", aMat, " ")
  split("维持 驳回 维持 撤销 确认违法 调解 终止 维持 和解 责令履行", aOut, " ")
  jan3 = dn("2024-01-03")
  for(i=0; i<214; i++){                       # closed in time
    rcv = jan3 + int(i*302/214)                # 2024-01-03 .. 2024-10-30
    acc = weekday(rcv + 2)                     # <= 5 working days
    simple = (i % 7 == 3)
    dec = weekday(simple ? acc + 10 + i%15 : acc + 25 + i%30)   # <= 26 of 30, <= 56 of 60 days
    printf "%s,浚政复〔2024〕%d号,申请人%03d,%s,%s,%s,%s,%s,否,%s,%s,已结案\n", rcd, i+1, i+1, aResp[(i%7)+1], aMat[(i%8)+1], ds(rcv), ds(acc), simple ? "简易程序" : "普通程序", ds(dec), aOut[(i%10)+1] > f
  }
  nov25 = dn("2024-11-25")
  for(j=0; j<56; j++){                         # open, none overdue on 2025-01-23
    i = 214 + j
    rcv = nov25 + int(j*32/56)                 # 2024-11-25 .. 2024-12-26
    acc = weekday(rcv + 2)
    printf "%s,浚政复〔2024〕%d号,申请人%03d,%s,%s,%s,%s,普通程序,否,,,已受理\n", rcd, i+1, i+1, aResp[(i%7)+1], aMat[(i%8)+1], ds(rcv), ds(acc) > f
  }
  close(f)
}
