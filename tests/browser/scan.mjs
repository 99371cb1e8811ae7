// tests/browser/scan.mjs BASE_URL — issue 17's 扫码入企 walk on a phone
// (390×844, touch), clicks counted. The market-regulation inspector
// (shichang) stands at an enterprise's door: the code printed by /qr/ID
// opens /scan/CODE (opening the address is the scan, not a click); the
// page offers 执法人员登录后登记检查, the login brings the inspector back
// to the same page, where the item, BOTH officers (from the list of the
// department's on-duty officers with valid certificates — nothing typed)
// and the result are chosen and the inspection is logged. It must be on
// the page's list of this year's inspections, in /api/v1 and on its
// record page with both officers, in at most MAX_CLICKS clicks. Then no page is wider than the
// phone: /scan, /draw/1, /k/enterprise and /k/inspection_plan.
// A click is a tap on a link or button, or a choice made in a select;
// typing the login and password is not. Last line: "N passed, N failed".
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { launchChromium, makeCheck } from './harness.mjs';

const BASE = (process.argv[2] || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const OUT = process.env.BROWSER_OUT || '.';
const PASSWORD = 'demo-2026';
const WHO = 'shichang';
const MAX_CLICKS = 8;
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' };

let passed = 0, failed = 0, stopping = false, inStep = '';
let page = null;
const jsErrors = [];
function assert(cond, msg) { if (!cond) throw new Error(msg); }

const check = makeCheck(OUT, 'scan-fail-', {
  stopping: () => stopping, page: () => page, begin: (s) => { inStep = s; },
  ok: () => { passed++; }, bad: () => { failed++; },
});

const browser = await launchChromium(chromium, () => ({ passed, failed, inStep, stopping }), () => { stopping = true; });

async function phonePage(who) {
  const context = await browser.newContext(PHONE);
  const p = await context.newPage();
  p.setDefaultTimeout(8000);
  p.setDefaultNavigationTimeout(10000);
  p.on('pageerror', (e) => jsErrors.push(`${who} pageerror: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) jsErrors.push(`${who} console: ${m.text()}`);
  });
  return p;
}
async function login(p, who) {
  await p.goto(BASE + '/login');
  await p.locator('input[name="login"]').fill(who);
  await p.locator('input[name="password"]').fill(PASSWORD);
  await p.getByRole('button', { name: '登 录' }).click();
  await p.waitForURL((u) => !u.pathname.startsWith('/login'));
}
const noOverflow = async (p, where) => {
  const w = await p.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert(w[0] <= 390 && w[0] <= w[1], `${where} is ${w[0]} px wide on a ${w[1]} px phone`);
};

try {
  // The code on an enterprise's door: the address /qr/ID prints, for one
  // not yet inspected this year (so no yearly-limit reason is asked).
  let url = '', entName = '';
  await check('the QR code of an enterprise not yet inspected this year', async () => {
    const p = page = await phonePage(WHO);
    await login(p, WHO);
    for (let id = 1; id <= 40 && !url; id++) {
      const r = await p.goto(`${BASE}/qr/${id}`);
      if (r.status() !== 200) continue;
      const u = (await p.locator('.qr-url').innerText()).trim();
      assert(/\/scan\/[0-9A-Z]+/.test(u), `/qr/${id} prints "${u}"`);
      const body = await (await p.request.get(u)).text();
      if (body.includes('今年尚无入企检查') && !body.includes('已注销或吊销')) { url = u; entName = (await p.locator('.qr-card h2').innerText()).trim(); }
    }
    assert(url, 'no enterprise among /qr/1…40 without an inspection this year');
    await p.context().close();
  });

  let cert = [], names = [];
  await check(`phone: ${WHO} logs a 扫码入企 inspection choosing both officers from the list in ≤ ${MAX_CLICKS} clicks`, async () => {
    const p = page = await phonePage(WHO);
    const c = { n: 0, log: [] };
    const click = async (loc, what) => { c.n++; c.log.push(what); await loc.tap(); };
    const choose = async (loc, opt, what) => { c.n++; c.log.push(what); await loc.selectOption(opt); };
    await p.goto(url);                                   // the scan: no click
    assert((await p.locator('.scan h2').innerText()).trim() === entName, 'the scan page names another enterprise');
    await noOverflow(p, '/scan (public)');
    await click(p.locator('a', { hasText: '执法人员登录后登记检查' }), '执法人员登录后登记检查');
    await p.waitForURL(/\/login/);
    await p.locator('input[name="login"]').fill(WHO);
    await p.locator('input[name="password"]').fill(PASSWORD);
    await click(p.getByRole('button', { name: '登 录' }), '登录');
    await p.waitForURL((u) => u.pathname.startsWith('/scan/'));
    assert(url.endsWith(new URL(p.url()).pathname + new URL(p.url()).search), `the login led to ${p.url()}, not ${url}`);
    await noOverflow(p, '/scan (the inspector\'s form)');
    for (const f of ['cert1', 'cert2']) {
      const tag = await p.locator(`form [name="${f}"]`).evaluate((e) => e.tagName);
      assert(tag === 'SELECT', `${f} is a ${tag}, not a list to choose from`);
    }
    const opts = await p.locator('#f-cert1 option:not([disabled])').evaluateAll((a) => a.filter((o) => o.value).map((o) => [o.value, o.textContent]));
    assert(opts.length >= 2, `the officer list offers ${opts.length} officers`);
    const expired = await p.locator('#f-cert1 option[disabled]').allInnerTexts();
    assert(expired.every((t) => /过期|回避/.test(t)), `an officer is offered disabled without a reason: ${expired.join('；')}`);
    const item = await p.locator('#f-item option').evaluateAll((a) => a.filter((o) => o.value).map((o) => o.value));
    assert(item.length > 0, 'no registered inspection item to choose');
    assert(await p.locator('label', { hasText: '抽查计划ID' }).count() === 0, 'the form still says 抽查计划ID');
    cert = [opts[0][0], opts[1][0]];
    names = [opts[0][1].replace(/（.*/, ''), opts[1][1].replace(/（.*/, '')];
    await choose(p.locator('#f-item'), item[0], '检查事项');
    await choose(p.locator('#f-cert1'), cert[0], '检查人员一');
    await choose(p.locator('#f-cert2'), cert[1], '检查人员二');
    await choose(p.locator('#f-result'), { label: '未发现问题' }, '检查结果');
    const btn = await p.getByRole('button', { name: '登记检查' }).boundingBox();
    assert(btn && btn.height >= 40, `the 登记检查 button is ${btn && btn.height} px high (a finger needs ≥ 40)`);
    await click(p.getByRole('button', { name: '登记检查' }), '登记检查');
    await p.waitForURL(/msg=logged/);
    const rows = await p.locator('.scan table tbody tr').allInnerTexts();
    assert(rows.length === 1, `the page lists ${rows.length} inspections this year, not the one logged`);
    for (let i = 0; i < 2; i++) assert(rows[0].includes(cert[i]), `the logged inspection does not name ${names[i]}（${cert[i]}）: ${rows[0]}`);
    await noOverflow(p, '/scan (after logging)');
    console.log(`       ${c.n} clicks: ${c.log.join(' → ')}`);
    assert(c.n <= MAX_CLICKS, `${c.n} clicks (at most ${MAX_CLICKS})`);

    // Saved as an inspection record: /api/v1 lists it, its page names both officers.
    const code = new URL(url).pathname.split('/').pop();
    const r = await p.request.get(`${BASE}/api/v1/k/inspection?way=qr&size=200`);
    assert(r.status() === 200, `/api/v1/k/inspection answers ${r.status()}`);
    const hit = (await r.json()).rows.filter((x) => new RegExp(`^SM\\d{8}-${code}-1$`).test(x.fields.insp_no));
    assert(hit.length === 1, `/api/v1/k/inspection has ${hit.length} SM…-${code}-1 records`);
    assert(hit[0].fields.result === 'ok', `the record's result is ${hit[0].fields.result}`);
    await p.goto(`${BASE}/k/inspection/${hit[0].id}`);            // its record page: 检查人员
    const detail = await p.locator('table.detail').innerText();
    for (let i = 0; i < 2; i++) assert(detail.includes(`${names[i]}（${cert[i]}）`), `the record page does not name ${names[i]}（${cert[i]}）:\n${detail}`);
    await noOverflow(p, 'the inspection record');
    await p.context().close();
  });

  await check('phone: no page wider than the screen for the inspector (/scan, /draw/1, /k/enterprise, /k/inspection_plan)', async () => {
    const p = page = await phonePage(WHO);
    await login(p, WHO);
    const bad = [];
    for (const u of [new URL(url).pathname + new URL(url).search, '/draw/1', '/k/enterprise', '/k/inspection_plan']) {
      await p.goto(BASE + u);
      const w = await p.evaluate(() => document.documentElement.scrollWidth);
      if (w > 390) bad.push(`${u} ${w} px`);
    }
    assert(bad.length === 0, `wider than the 390 px phone: ${bad.join('，')}`);
    await p.context().close();
  });

  await check('no JavaScript error on the way', async () => {
    assert(jsErrors.length === 0, jsErrors.slice(0, 5).join('\n'));
  });
} finally {
  if (!stopping) {
    stopping = true;
    try { await browser.close(); } catch {}
    console.log(`${passed} passed, ${failed} failed`);
  }
}
process.exit(failed ? 1 : 0);
