# tests/http/ext_form.py — a form of class kf-form (the 内置台账的扩展 page,
# tests 214 and 215) as a browser without JavaScript posts it: every field
# as it stands, read with the standard library's HTML parser.
#   ext_form.py PAGE.html [NAME=VALUE …]
#       the form's fields URL-encoded, NAME set to VALUE (added when absent)
#   ext_form.py PAGE.html --find ID
#       the row number N of the indicator whose iN_id input holds ID
import sys, html.parser, urllib.parse, re
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True)
        s.fields=[]; s.ta=None; s.sel=None; s.inform=False
    def handle_starttag(s, t, a):
        a=dict(a)
        if t=='form' and 'kf-form' in (a.get('class') or ''): s.inform=True
        if not s.inform: return
        if t=='input':
            ty=a.get('type','text')
            if a.get('name') and ty not in ('checkbox','submit'): s.fields.append([a['name'], a.get('value') or ''])
            if ty=='checkbox' and 'checked' in a: s.fields.append([a['name'], a.get('value') or 'on'])
        if t=='textarea': s.ta=[a.get('name'), '']
        if t=='select': s.sel=[a.get('name'), None]
        if t=='option' and s.sel is not None:
            if 'selected' in a or s.sel[1] is None: s.sel[1]=a.get('value') or ''
    def handle_endtag(s, t):
        if t=='form': s.inform=False
        if t=='textarea' and s.ta:
            if s.inform and s.ta[0]: s.fields.append(s.ta)
            s.ta=None
        if t=='select' and s.sel:
            if s.inform and s.sel[0]: s.fields.append([s.sel[0], s.sel[1] or ''])
            s.sel=None
    def handle_data(s, d):
        if s.ta is not None: s.ta[1]+=d
p=P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
if len(sys.argv)>3 and sys.argv[2]=='--find':
    for n,v in p.fields:
        m=re.match(r'i([0-9]+)_id$', n)
        if m and v==sys.argv[3]: print(m.group(1)); break
    sys.exit(0)
f=p.fields
for kv in sys.argv[2:]:
    k,v=kv.split('=',1)
    for x in f:
        if x[0]==k: x[1]=v; break
    else: f.append([k,v])
print(urllib.parse.urlencode([(k, v or '') for k, v in f]))
