# tests/http/draft_form.py — the report editor's form as a browser without
# JavaScript posts it (tests 196, 197): every field of form#f-draft as it
# stands, read with the standard library's HTML parser.
#   draft_form.py PAGE.html fields [NAME=VALUE …] [-NAME …]
#       the form's fields URL-encoded, NAME set to VALUE, -NAME left out
#   draft_form.py PAGE.html visible
#       the text a reader sees and the values of the fields shown
import sys, html.parser, urllib.parse
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True)
        s.fields=[]; s.vis=[]; s.ta=None; s.sel=None; s.opt=None; s.inform=False; s.skip=0
    def handle_starttag(s, t, a):
        a=dict(a)
        if t=='form' and a.get('id')=='f-draft': s.inform=True
        if t in ('script','style'): s.skip+=1
        if t=='input':
            ty=a.get('type','text')
            if ty!='hidden': s.vis.append(a.get('value',''))
            if s.inform and a.get('name') and ty not in ('checkbox','submit') : s.fields.append([a['name'], a.get('value','')])
            if s.inform and ty=='checkbox' and 'checked' in a: s.fields.append([a['name'], a.get('value','on')])
        if t=='textarea': s.ta=[a.get('name'), '']
        if t=='select': s.sel=[a.get('name'), None]
        if t=='option' and s.sel is not None:
            if 'selected' in a or s.sel[1] is None: s.sel[1]=a.get('value','')
    def handle_endtag(s, t):
        if t=='form': s.inform=False
        if t in ('script','style'): s.skip-=1
        if t=='textarea' and s.ta:
            if s.inform and s.ta[0]: s.fields.append(s.ta)
            s.ta=None
        if t=='select' and s.sel:
            if s.inform: s.fields.append(s.sel)
            s.sel=None
    def handle_data(s, d):
        if s.ta is not None: s.ta[1]+=d[1:] if s.ta[1]=='' and d.startswith('\n') else d
        if not s.skip: s.vis.append(d)
p=P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
mode=sys.argv[2]
if mode=='visible': sys.stdout.write('\n'.join(p.vis))
else:
    out=[]
    for n,v in p.fields:
        if n.startswith('_csrf') or '-'+n in sys.argv[3:]: continue   # "-c_4": left out (the script disables it)
        for k,w in (x.split('=',1) for x in sys.argv[3:] if '=' in x):
            if n==k: v=w
        out.append(urllib.parse.quote(n)+'='+urllib.parse.quote(v))
    sys.stdout.write('&'.join(out))
