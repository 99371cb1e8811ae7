/*
** src/web/assets.c — the embedded stylesheet and script, so one binary
** serves everything from any directory. Plain CSS and a little plain
** JavaScript; no build step.
*/
#include "web/web.h"
#include <string.h>

static const char zCss[] =
"*{box-sizing:border-box}body{margin:0;font:14px/1.6 \"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;color:#303133;background:#f0f2f5}\n"
"a{color:#1890ff;text-decoration:none}a:hover{text-decoration:underline}\n"
".top{display:flex;align-items:center;gap:16px;height:50px;padding:0 20px;background:#304156;color:#fff}\n"
".top .brand{color:#fff;font-size:17px;font-weight:600;flex:1}.top .who{color:#bfcbd9}\n"
".btn.link{background:none;border:0;color:#bfcbd9;cursor:pointer;padding:0}\n"
".frame{display:flex;min-height:calc(100vh - 50px)}\n"
".menu{width:200px;background:#304156;padding:8px 0;flex:none}.menu a{display:block;color:#bfcbd9;padding:8px 20px}\n"
".menu a.on,.menu a:hover{background:#263445;color:#409eff;text-decoration:none}\n"
".menu .group{color:#8a97a8;font-size:12px;padding:12px 20px 4px}\n"
".content{flex:1;padding:16px 20px;min-width:0}.content h1{font-size:20px;margin:0 0 12px}\n"
".about{color:#606266;margin:0 0 12px}\n"
".query{background:#fff;padding:12px;margin-bottom:12px;display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center}\n"
".query label{display:flex;align-items:center;gap:6px}.query input,.query select{width:180px}\n"
"input,select,textarea{font:inherit;padding:5px 8px;border:1px solid #dcdfe6;border-radius:4px;background:#fff}\n"
"input.short{width:70px}label.check input{width:auto}\n"
".btn{display:inline-block;padding:5px 14px;border:1px solid #dcdfe6;border-radius:4px;background:#fff;color:#606266;cursor:pointer;font:inherit;line-height:1.6}\n"
".btn:hover{text-decoration:none;border-color:#409eff;color:#409eff}\n"
".btn.primary{background:#1890ff;border-color:#1890ff;color:#fff}.btn.success{background:#13ce66;border-color:#13ce66;color:#fff}\n"
".btn.danger{background:#ff4949;border-color:#ff4949;color:#fff}.btn.info{background:#909399;border-color:#909399;color:#fff}\n"
".btn.warning{background:#ffba00;border-color:#ffba00;color:#fff}\n"
".toolbar{margin:0 0 10px;display:flex;gap:8px;flex-wrap:wrap;align-items:center}form.inline{display:inline}tr.lag td{background:#fff3bf}\n"
"table.list .btn.link{color:#1890ff;font-size:inherit}.table-wrap{overflow-x:auto}tr.muted td{color:#909399}\n"   /* 部门管理 */
"table.list{width:100%;border-collapse:collapse;background:#fff}table.list th,table.list td{border-bottom:1px solid #ebeef5;padding:8px;text-align:left}\n"
"table.list th{background:#f8f8f9;color:#515a6e;white-space:nowrap}table.list th a{color:inherit}\n"
"table.list.small{width:auto;min-width:60%}\n"
"tr.overdue td{background:#fef0f0}tr.due-soon td{background:#fdf6ec}td.dl.late{color:#f56c6c;font-weight:600}td.dl.soon{color:#e6a23c}\n"
".tag,.state{display:inline-block;padding:0 8px;border-radius:4px;background:#ecf5ff;color:#409eff;font-size:12px;border:1px solid #d9ecff}\n"
".empty{text-align:center;color:#909399}\n"
".pager{display:flex;gap:10px;align-items:center;justify-content:flex-end;padding:10px;background:#fff}.pager form{display:flex;gap:8px;align-items:center}\n"
".notice{padding:10px 14px;border-radius:4px;margin:0 0 12px}.notice.ok{background:#f0f9eb;color:#67c23a}\n"
".notice.bad{background:#fef0f0;color:#f56c6c}.notice.trace{background:#ecf5ff;color:#409eff}\n"
"form.record{background:#fff;padding:16px;display:grid;grid-template-columns:1fr 1fr;gap:4px 24px;max-width:1000px}\n"
".field{display:flex;flex-direction:column;margin-bottom:8px}.field.wide{grid-column:1/3}.field label{color:#606266;margin-bottom:4px}\n"
".field em{color:#f56c6c;font-style:normal;margin-left:2px}.field.has-error input,.field.has-error select,.field.has-error textarea{border-color:#f56c6c}\n"
".err{color:#f56c6c;font-size:12px;margin-top:2px}.help{color:#909399;font-size:12px;margin-top:2px}\n"
".actions{grid-column:1/3;display:flex;gap:10px}\n"
"table.detail{background:#fff;border-collapse:collapse;min-width:60%}table.detail th{width:180px;text-align:right;color:#606266;background:#fafafa}\n"
"table.detail th,table.detail td{border:1px solid #ebeef5;padding:8px}td.pre{white-space:pre-wrap}td.basis{color:#606266;font-size:12px;max-width:480px}\n"
".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px;margin-bottom:16px}\n"
".card{background:#fff;padding:14px;border-radius:4px;border-top:3px solid #1890ff}.card.below{border-top-color:#f56c6c}\n"
".card .label{color:#606266}.card .value{font-size:26px;font-weight:600}.card .counts,.card .target{color:#909399;font-size:12px}\n"
"h2{font-size:16px;margin:16px 0 8px}h2 a{color:#303133}\n"
"form.login{max-width:360px;background:#fff;padding:24px}ol.errors{margin:4px 0;padding-left:24px}\n"
"code.digest{word-break:break-all}.qr-card{background:#fff;padding:24px;max-width:420px;text-align:center}\n"
"svg.qr{width:280px;height:280px}.qr-url{color:#909399;font-size:12px;word-break:break-all}\n"
".scan{max-width:720px}.scan table.list{font-size:13px}\n"
"form.draft .para{background:#fff;border:1px solid #ebeef5;border-radius:4px;padding:8px;margin-bottom:8px;display:grid;grid-template-columns:1fr 1fr;gap:6px 12px}\n"
".para-head{grid-column:1/3;display:flex;gap:12px;flex-wrap:wrap;align-items:center;color:#606266;font-size:13px}.para-head input[size]{width:5em}\n"
"form.draft textarea{width:100%;box-sizing:border-box;font-family:inherit}.para .preview{font-family:FangSong,STFangsong,serif;font-size:15px;line-height:1.7}\n"
".para .preview .note{background:#fff3bf}.para.proposed{border-left:4px solid #e6a23c}.para.dropped{opacity:.55}.para.new textarea{grid-column:1/3}\n"
".card a.trend{font-size:12px;color:#909399}\n"
"details.tokens{margin:8px 0 12px}details.tokens table.list{font-size:12px}\n"
"table.compare td{vertical-align:top;width:50%;line-height:1.7}ins{background:#e1f3d8;text-decoration:none}del{background:#fde2e2}\n"
"tr.gone td,tr.added td{background:#fafafa}tr.changed td{background:#fffdf3}\n"
".tablewrap{overflow-x:auto;max-width:100%}\n"
"@media (max-width:900px){form.draft .para{grid-template-columns:1fr}.para-head{grid-column:1}}\n"
"@media (max-width:640px){form.record{grid-template-columns:1fr}.field.wide,.actions{grid-column:1}}\n"
".table-scroll{overflow-x:auto}td.ops{white-space:nowrap}td.ops .btn.link{color:#409eff;margin-right:10px}.tag.off{background:#f4f4f5;color:#909399;border-color:#e9e9eb}\n"
"@media (max-width:640px){table.settings thead{display:none}table.settings,table.settings tbody,table.settings tr,table.settings td{display:block;width:auto}"
"table.settings tr{border-bottom:1px solid #ebeef5;padding:6px 0}table.settings td{border:0;padding:2px 8px}table.settings td[data-l]::before{content:attr(data-l) \"：\";color:#909399}"
"table.settings input[name=value]{width:100%}}\n"
"@media (max-width:640px){table.periods thead{display:none}table.periods,table.periods tbody,table.periods tr,table.periods td{display:block;width:auto;max-width:none}"
"table.periods tr{border-bottom:1px solid #ebeef5;padding:6px 0}table.periods td{border:0;padding:2px 8px}table.periods td:first-child{font-weight:bold}"
"table.periods td:nth-child(2)::before{content:\"届满日：\";color:#909399}table.periods td:nth-child(3)::before{content:\"情况：\";color:#909399}"
"table.periods td:nth-child(4)::before{content:\"依据：\";color:#909399}}\n"
"table.settings input[name=value]{width:260px;max-width:100%}table.settings td{overflow-wrap:anywhere}table.settings input[aria-invalid=true]{border-color:#f56c6c}"
".months{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(230px,100%),1fr));gap:12px;margin:12px 0}"
"table.month{border-collapse:collapse;width:100%;font-size:13px}table.month caption{font-weight:bold;text-align:left;padding:4px 0}"
"table.month th,table.month td{border:1px solid #ebeef5;text-align:center;padding:2px;height:34px;width:14.28%;vertical-align:top}"
"table.month td b{display:block;font-weight:normal}table.month td small{font-size:11px}"
".we{background:#f5f7fa;color:#909399}.off{background:#fde2e2;color:#c45656}.work{background:#d9ecff;color:#337ecc}"
".legend span{display:inline-block;padding:0 6px;border-radius:3px}.panel{border:1px solid #ebeef5;padding:8px 12px;margin:0 0 12px}"
".panel h2{font-size:15px;margin:4px 0 8px}\n"
".hint{color:#909399}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}\n"
"@media print{.noprint,nav,aside,header{display:none}}\n";

static const char zJs[] =
"document.addEventListener('submit',function(e){var f=e.target;"
"if(f.classList.contains('confirm')&&!window.confirm(f.getAttribute('data-confirm')))e.preventDefault();});\n"
"document.addEventListener('change',function(e){var t=e.target;"
"if(t.classList&&t.classList.contains('autosubmit'))t.form.submit();});\n";

const char *web_static(const char *zName, const char **pzType){
  if( strcmp(zName, "app.css")==0 ){ *pzType = "text/css; charset=utf-8"; return zCss; }
  if( strcmp(zName, "app.js")==0 ){ *pzType = "text/javascript; charset=utf-8"; return zJs; }
  return 0;
}
