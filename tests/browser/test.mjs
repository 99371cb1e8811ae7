// tests/browser/test.mjs BASE_URL — the browser test of fazhi's web UI.
//
// Drives Debian's Chromium (/usr/bin/chromium) with playwright-core through
// one clerk's day: log in as the 司法局 reconsideration clerk `fuyi`, read the
// 收到复议申请 card on the 工作台, add a 行政复议 case through the form (first
// with an impossible date, which must be refused beside the field), find it
// with the list's 案号 filter, see the card go up by one, follow the card to
// the indicator's records, log out. Then the county admin reads the annual
// report in Chromium (type area, type sizes, linked figures, charts, A4
// print) and, as the drafter, opens a new version in the editor (no token
// anywhere, 保存 and 冻结 on screen at 1366×768 and 390×844), inserts a
// figure through the picker by typing part of its Chinese name, saves, and
// finds its value in the Word file and the full text.
//
// Every step is a named check; a failed check prints why and a screenshot
// path, and the run goes on where it can. The last line is
// "N passed, N failed"; the exit status is non-zero when anything failed.
//
// Environment: BROWSER_OUT (where screenshots go; run.sh sets its temp dir),
// CHROMIUM (default /usr/bin/chromium), HEADED=1 to watch it.
import { chromium } from 'playwright-core';
import { launchChromium, makeCheck } from './harness.mjs';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const BASE = (process.argv[2] || '').replace(/\/+$/, '');
if (!/^https?:\/\/[^/]+$/.test(BASE)) {
  console.error('usage: node tests/browser/test.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const OUT = process.env.BROWSER_OUT || mkdtempSync(join(tmpdir(), 'fazhi-browser-'));
mkdirSync(OUT, { recursive: true });

const LOGIN = 'fuyi', PASSWORD = 'demo-2026';
const CARD = 'reconsideration.received';       // 收到复议申请: counts by 收到申请日期
const CARD_LABEL = '收到复议申请';
const pad = (n) => String(n).padStart(2, '0');
const now = new Date();                          // local time, as the server's "today"
const TODAY = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const YEAR = String(now.getFullYear());
const STAMP = `${Date.now().toString(36)}${process.pid.toString(36)}`.toUpperCase();
const CASE_NO = `浏览器测试〔${YEAR}〕${STAMP}号`;
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const path = (p) => new RegExp(`^${esc(BASE)}${p}$`);   // p is a regexp source for the path+query

let passed = 0, failed = 0, stopping = false, inStep = '';
let page = null;
const state = {};                                // values handed from step to step
const jsErrors = [];

function need(...keys) {
  for (const k of keys) if (state[k] === undefined) throw new Error(`skipped: needs ${k} from an earlier step`);
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }

const check = makeCheck(OUT, 'fail-', {
  stopping: () => stopping, page: () => page, begin: (s) => { inStep = s; },
  ok: () => { passed++; }, bad: () => { failed++; },
});

// The text of a Word file's body: word/document.xml out of the zip
// (deflated or stored), its tags taken away.
function docxText(buf) {
  for (let i = 0; i + 30 < buf.length; i++) {
    if (buf.readUInt32LE(i) !== 0x04034b50) continue;
    const method = buf.readUInt16LE(i + 8), size = buf.readUInt32LE(i + 18);
    const nName = buf.readUInt16LE(i + 26), nExtra = buf.readUInt16LE(i + 28);
    const name = buf.toString('utf8', i + 30, i + 30 + nName);
    if (name !== 'word/document.xml') continue;
    const data = buf.subarray(i + 30 + nName + nExtra, i + 30 + nName + nExtra + size);
    const xml = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    return xml.replace(/<[^>]*>/g, '');
  }
  throw new Error('no word/document.xml in the Word file');
}

// The number in a dashboard card, "244件" -> 244.
async function cardNumber(indicator) {
  const card = page.locator(`.card[data-indicator="${indicator}"]`);
  await card.waitFor();
  const label = (await card.locator('.label').innerText()).trim();
  assert(label === CARD_LABEL, `card ${indicator} is labelled "${label}", expected "${CARD_LABEL}"`);
  const text = (await card.locator('.value').innerText()).trim();
  const m = /^(\d+)件$/.exec(text);
  assert(m, `card ${indicator} shows "${text}", expected a count like "230件"`);
  return Number(m[1]);
}

async function menuLink(label) {
  return page.locator('nav.menu a', { hasText: new RegExp(`^${esc(label)}$`) });
}

const browser = await launchChromium(chromium, () => ({ passed, failed, inStep, stopping }), () => { stopping = true; });

const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
page = await context.newPage();
page.setDefaultTimeout(8000);
page.setDefaultNavigationTimeout(10000);
page.on('pageerror', (e) => jsErrors.push(`pageerror: ${e.message}`));
// Resource errors show up twice: as a console line without the URL and as a
// response; keep the response (with its URL). A refused form is answered 422
// on purpose, and Chromium's own /favicon.ico probe is not the page's doing.
page.on('console', (m) => {
  if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) jsErrors.push(`console: ${m.text()}`);
});
page.on('response', (r) => {
  const type = r.request().resourceType();
  if (r.status() >= 400 && type !== 'document' && !r.url().endsWith('/favicon.ico'))
    jsErrors.push(`${type} ${r.url()} answered ${r.status()}`);
});
page.on('requestfailed', (r) => {
  if (!r.url().endsWith('/favicon.ico')) jsErrors.push(`${r.resourceType()} ${r.url()} failed: ${r.failure()?.errorText}`);
});

try {
  await check('opening / redirects to the login page', async () => {
    await page.goto(BASE + '/');
    await page.waitForURL(path('/login\\?next=%2F'));
    await page.locator('main h1', { hasText: '登录' }).waitFor();
    await page.locator('form.login input[name="login"]').waitFor();
  });

  await check(`log in as ${LOGIN} through the form, land on 待办, then 工作台`, async () => {
    await page.locator('input[name="login"]').fill(LOGIN);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: '登 录' }).click();
    await page.waitForURL(path('/todo'));          // home is 待办 (issue 17 §1)
    await page.locator('main h1', { hasText: '待办' }).waitFor();
    await (await menuLink('工作台')).click();
    await page.waitForURL(path('/'));
    await page.locator('main h1', { hasText: '工作台' }).waitFor();
    const who = await page.locator('header .who').innerText();
    assert(who.includes('司法局'), `top bar shows "${who}", expected the 司法局 clerk`);
    state.loggedIn = true;
  });

  await check(`dashboard card ${CARD_LABEL} for ${YEAR} shows a count`, async () => {
    need('loggedIn');
    const year = await page.locator('form.query select[name="year"]').inputValue();
    assert(year === YEAR, `dashboard year is ${year}, expected the current year ${YEAR}`);
    const link = page.locator(`.card[data-indicator="${CARD}"] .value a`);
    const href = await link.getAttribute('href');
    assert(href && href.includes(`year=${YEAR}`), `card link "${href}" is not for ${YEAR}`);
    state.before = await cardNumber(CARD);
    console.log(`       ${CARD_LABEL} ${YEAR}: ${state.before}件`);
  });

  await check('left menu highlights 工作台 on the dashboard (a.on)', async () => {
    need('loggedIn');
    const cls = await (await menuLink('工作台')).getAttribute('class');
    assert(cls === 'on', `menu link 工作台 has class=${JSON.stringify(cls)}, expected "on"`);
  });

  await check('open 行政复议 from the left menu', async () => {
    need('loggedIn');
    await (await menuLink('行政复议')).click();
    await page.waitForURL(path('/k/reconsideration'));
    await page.locator('main h1', { hasText: /^行政复议$/ }).waitFor();
    await page.locator('table.list').waitFor();
    state.onList = true;
  });

  await check('left menu highlights 行政复议 on its list (a.on)', async () => {
    need('onList');
    const cls = await (await menuLink('行政复议')).getAttribute('class');
    assert(cls === 'on', `menu link 行政复议 has class=${JSON.stringify(cls)}, expected "on"`);
  });

  await check('新增 opens the add form', async () => {
    need('onList');
    await page.locator('.toolbar a', { hasText: /^新增$/ }).click();
    await page.waitForURL(path('/k/reconsideration/new'));
    await page.locator('main h1', { hasText: '新增行政复议' }).waitFor();
    await page.locator('form.record #f-case_no').waitFor();
    state.onForm = true;
  });

  const receivedField = () => page.locator('form.record .field').filter({ has: page.locator('#f-received') });
  const submit = () => page.locator('form.record').getByRole('button', { name: '确 定' });

  await check('收到申请日期 left empty (the date picker takes no invalid date) is refused with a Chinese error beside the field', async () => {
    need('onForm');
    await page.locator('#f-case_no').fill(CASE_NO);
    await page.locator('#f-applicant').fill('王某某');
    await page.locator('#f-respondent').selectOption('示范县市场监督管理局');
    await page.locator('#f-matter').selectOption({ label: '行政处罚' });
    await page.locator('#f-received').fill('');
    await page.locator('#f-procedure').selectOption({ label: '普通程序' });
    const [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === `${BASE}/k/reconsideration/new`),
      submit().click(),
    ]);
    await page.waitForLoadState('domcontentloaded');
    assert(resp.status() < 300 || resp.status() >= 400, `the invalid form was answered with redirect ${resp.status()}`);
    assert(!/\/k\/reconsideration\/\d+/.test(page.url()), `a case without 收到申请日期 was saved: now at ${page.url()}`);
    const err = receivedField().locator('.err');
    await err.waitFor();
    const text = (await err.innerText()).trim();
    assert(text.includes('不能为空'), `error beside 收到申请日期 reads "${text}"`);
    assert(/[\u4e00-\u9fff]/.test(text), `error "${text}" is not in Chinese`);
    const type = await page.locator('#f-received').getAttribute('type');
    assert(type === 'date', `收到申请日期 is <input type=${type}>, expected the date picker`);
    const caseNo = await page.locator('#f-case_no').inputValue();
    assert(caseNo === CASE_NO, `案号 now holds "${caseNo}", expected "${CASE_NO}"`);
    const matter = await page.locator('#f-matter').inputValue();
    assert(matter === 'penalty', `案件类别 now "${matter}", expected the chosen 行政处罚 (penalty)`);
    const nErr = await page.locator('form.record .err').count();
    assert(nErr === 1, `${nErr} fields show an error, expected only 收到申请日期`);
    state.refused = true;
  });

  await check('the refused field is marked aria-invalid="true"', async () => {
    need('refused');
    const v = await page.locator('#f-received').getAttribute('aria-invalid');
    assert(v === 'true', `#f-received has aria-invalid=${JSON.stringify(v)}, expected "true"`);
  });

  await check(`corrected date ${TODAY} saves: detail page shows 新增成功 and the 案号`, async () => {
    need('onForm');
    // The form must still hold everything else when the first submit was refused;
    // fill it all again so this step stands on its own if that check failed.
    await page.locator('#f-case_no').fill(CASE_NO);
    await page.locator('#f-applicant').fill('王某某');
    await page.locator('#f-respondent').selectOption('示范县市场监督管理局');
    await page.locator('#f-matter').selectOption({ label: '行政处罚' });
    await page.locator('#f-received').fill(TODAY);
    await page.locator('#f-procedure').selectOption({ label: '普通程序' });
    await submit().click();
    await page.waitForURL(path('/k/reconsideration/\\d+(\\?.*)?'));
    const notice = page.locator('.notice.ok', { hasText: '新增成功' });
    await notice.waitFor();
    const main = await page.locator('main').innerText();
    assert(main.includes(CASE_NO), `detail page does not show the 案号 ${CASE_NO}`);
    assert(main.includes(TODAY), `detail page does not show the 收到申请日期 ${TODAY}`);
    state.created = page.url().replace(/\?.*$/, '');
    console.log(`       created ${state.created}`);
  });

  await check('list filtered by 案号 (f_case_no, 搜索) shows the new case', async () => {
    need('created');
    await (await menuLink('行政复议')).click();
    await page.waitForURL(path('/k/reconsideration'));
    await page.locator('form.query input[name="f_case_no"]').fill(CASE_NO);
    await page.locator('form.query').getByRole('button', { name: '搜索' }).click();
    await page.waitForURL((u) => u.pathname === '/k/reconsideration' && u.searchParams.get('f_case_no') === CASE_NO);
    const rows = page.locator('table.list tbody tr');
    const link = rows.locator('td a', { hasText: CASE_NO });
    await link.waitFor();
    const n = await rows.count();
    assert(n === 1, `filtered table has ${n} rows, expected 1`);
    const href = await link.getAttribute('href');
    assert(state.created.endsWith(href), `row links to ${href}, the case is ${state.created}`);
    const total = await page.locator('.pager', { hasText: '共' }).innerText();
    assert(/共\s*1\s*条/.test(total), `pager says "${total.trim()}", expected 共 1 条`);
  });

  await check(`dashboard ${CARD_LABEL} went up by exactly one`, async () => {
    need('before', 'created');
    await (await menuLink('工作台')).click();
    await page.waitForURL(path('/'));
    const after = await cardNumber(CARD);
    console.log(`       ${CARD_LABEL} ${YEAR}: ${state.before}件 -> ${after}件`);
    assert(after === state.before + 1, `card shows ${after}件, expected ${state.before + 1}件`);
    state.after = after;
  });

  await check(`card link lists the indicator's records, 共 N 条 equals the card`, async () => {
    need('after');
    await page.locator(`.card[data-indicator="${CARD}"] .value a`).click();
    await page.waitForURL((u) => u.pathname === '/k/reconsideration' && u.searchParams.get('ind') === 'received');
    const notice = page.locator('.notice', { hasText: '指标' });
    await notice.waitFor();
    const text = (await notice.innerText()).trim();
    assert(text.includes(CARD_LABEL), `notice "${text}" does not name ${CARD_LABEL}`);
    const pager = (await page.locator('.pager', { hasText: '共' }).innerText()).trim();
    const m = /共\s*(\d+)\s*条/.exec(pager);
    assert(m, `no "共 N 条" in the pager: "${pager}"`);
    assert(Number(m[1]) === state.after, `list says 共 ${m[1]} 条, the card says ${state.after}件`);
  });

  await check('分部门（单位）情况 from the dashboard: a group\'s count opens exactly its records', async () => {
    need('loggedIn');
    await (await menuLink('工作台')).click();
    await page.waitForURL(path('/'));
    await page.getByRole('link', { name: '分部门（单位）情况' }).click();
    await page.waitForURL((u) => u.pathname === '/breakdown');
    const table = page.locator('table[data-breakdown="reconsideration.correction_rate"]');
    await table.waitFor();
    const row = table.locator('tbody tr').first();
    const group = (await row.locator('td').nth(1).innerText()).trim();
    const den = Number((await row.locator('td').nth(3).locator('a').nth(1).innerText()).trim());
    assert(group && den > 0, `first row: group "${group}", denominator ${den}`);
    await row.locator('td').nth(3).locator('a').nth(1).click();
    await page.waitForURL((u) => u.pathname === '/k/reconsideration' && u.searchParams.get('f_respondent') === '=' + group);
    const pager = (await page.locator('.pager', { hasText: '共' }).innerText()).trim();
    const m = /共\s*(\d+)\s*条/.exec(pager);
    assert(m && Number(m[1]) === den, `list says "${pager}", the table says ${den} for ${group}`);
  });

  await check('退出 logs out and the login page shows again', async () => {
    need('loggedIn');
    await page.locator('header').getByRole('button', { name: '退出' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.locator('main h1', { hasText: '登录' }).waitFor();
    await page.locator('form.login input[name="password"]').waitFor();
    assert(await page.getByRole('button', { name: '退出' }).count() === 0, 'still shows 退出 after logging out');
    await page.goto(BASE + '/');                  // the session is gone, not just the page
    await page.waitForURL(path('/login\\?next=%2F'));
  });

  // The annual report, as the county admin sees it and as a clerk finishes it.
  const RYEAR = String(now.getFullYear() - 1);
  await check(`log in as admin for the ${RYEAR} report`, async () => {
    await page.goto(BASE + '/login');
    await page.locator('input[name="login"]').fill('admin');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: '登 录' }).click();
    await page.waitForURL(path('/todo'));
    state.admin = true;
  });

  await check('the HTML report: GB/T 9704 type area (156 mm), 3号 body, 2号 title, every figure a link', async () => {
    need('admin');
    await page.goto(`${BASE}/report?year=${RYEAR}&version=data`);
    const h1 = await page.locator('article.gw h1').innerText();
    assert(h1.includes(`关于${RYEAR}年法治政府建设情况的报告`), `title reads "${h1}"`);
    const m = await page.evaluate(() => {
      const a = document.querySelector('article.gw'), p = a.querySelector('p:not(.to)'), h = a.querySelector('h1');
      return { w: a.getBoundingClientRect().width - parseFloat(getComputedStyle(a).paddingLeft) - parseFloat(getComputedStyle(a).paddingRight),
               body: getComputedStyle(p).fontSize, title: getComputedStyle(h).fontSize,
               links: a.querySelectorAll('a[href^="/k/"]').length };
    });
    const mm = m.w / 96 * 25.4;
    assert(Math.abs(mm - 156) < 1, `type area ${mm.toFixed(1)} mm wide, expected 156 mm`);
    assert(m.body === '21.3333px', `body text ${m.body}, expected 16pt (21.33px, 三号)`);
    assert(m.title === '29.3333px', `title ${m.title}, expected 22pt (29.33px, 二号)`);
    assert(m.links >= 50, `${m.links} figures link to records, expected every figure (50 or more)`);
    console.log(`       type area ${mm.toFixed(1)} mm, ${m.links} linked figures`);
  });

  await check('a figure of the report opens exactly its records', async () => {
    need('admin');
    const link = page.locator('article.gw a[href*="/k/reconsideration?"][href*="ind=received"]').first();
    const n = Number((await link.innerText()).trim());
    await link.click();
    await page.waitForURL((u) => u.pathname === '/k/reconsideration' && u.searchParams.get('ind') === 'received');
    const pager = (await page.locator('.pager', { hasText: '共' }).innerText()).trim();
    const m = /共\s*(\d+)\s*条/.exec(pager);
    assert(m && Number(m[1]) === n, `list says "${pager}", the report says ${n}`);
    await page.goBack();
  });

  await check('附图: the charts are drawn (SVG with visible bars)', async () => {
    need('admin');
    const figs = page.locator('article.gw figure.chart');
    const n = await figs.count();
    assert(n >= 1, 'no 附图 in the report');
    for (let i = 0; i < n; i++) {
      const box = await figs.nth(i).locator('svg').boundingBox();
      assert(box && box.width > 200 && box.height > 40, `figure ${i + 1} is not drawn (${JSON.stringify(box)})`);
      const bars = await figs.nth(i).locator('svg rect').count();
      assert(bars >= 1, `figure ${i + 1} has no bars`);
    }
    console.log(`       ${n} charts`);
  });

  await check('the report prints on A4', async () => {
    need('admin');
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const boxes = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g) || [];
    assert(boxes.length >= 5, `the printout has ${boxes.length} pages`);
    const [, w, h] = /\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(boxes[0]);
    assert(Math.abs(Number(w) - 595.3) < 2 && Math.abs(Number(h) - 841.9) < 2, `page ${w} x ${h} pt, expected A4 (595 x 842)`);
    console.log(`       ${boxes.length} A4 pages`);
  });

  await check('the drafter opens a new version in the editor: no {…} token anywhere on the page', async () => {
    need('admin');
    await page.goto(`${BASE}/report/drafts?year=${RYEAR}`);
    await page.getByRole('button', { name: '根据最新数据起草新版本' }).click();
    await page.waitForURL((u) => /^\/report\/v\/\d+$/.test(u.pathname));
    await page.locator('.notice.ok', { hasText: '已根据最新数据起草新版本' }).waitFor();
    await page.locator('html.js .ed[data-name="x_2"][contenteditable="true"]').waitFor();
    const seen = await page.evaluate(() => {
      const shown = [...document.querySelectorAll('input, textarea, select')]
        .filter((e) => e.type !== 'hidden' && e.getClientRects().length > 0)
        .map((e) => e.tagName === 'SELECT' ? [...e.options].map((o) => o.text).join(' ') : e.value);
      return [document.body.innerText, ...shown].join('\n');
    });
    const m = /[^\n]{0,20}\{[^}\n]*\}[^\n]{0,20}/.exec(seen);
    assert(!m, `a token is shown: "${m && m[0]}"`);
    const chips = await page.locator('.ed .fig').count();
    const prompts = await page.locator('.ed .prompt').count();
    assert(chips > 50 && prompts >= 2, `${chips} figure chips and ${prompts} prompts`);
    const chip = (await page.locator('.ed .fig', { hasText: '行政复议纠错率' }).first().innerText()).trim();
    assert(/^「?行政复议纠错率 \d+(\.\d)?%（\d+\/\d+）」?$/.test(chip), `a chip reads "${chip}"`);
    console.log(`       ${chips} chips, ${prompts} prompts; e.g. ${chip}`);
  });

  await check('保存 and 冻结 stay on screen while she scrolls (1366×768 and 390×844)', async () => {
    need('admin');
    for (const [w, h] of [[1366, 768], [390, 844]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.mouse.wheel(0, 6000);
      await page.waitForTimeout(200);
      for (const name of ['保存', '冻结本版本']) {
        const box = await page.locator('.edbar').getByRole('button', { name }).boundingBox();
        assert(box && box.y >= 0 && box.y + box.height <= h && box.x + box.width <= w, `${name} at ${JSON.stringify(box)} in ${w}×${h}`);
      }
      await page.screenshot({ path: join(OUT, `editor-${w}.png`) });
      await page.mouse.wheel(0, -100000);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  await check('she rewrites a paragraph, inserts a figure from the picker by typing part of its name, saves', async () => {
    need('admin');
    const ed = page.locator('.ed[data-name="x_2"]');
    await ed.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('本年共收到行政复议申请');
    await page.locator('#pick-q').fill('收到复议');
    const pick = page.locator('#picker button.pick:visible');
    assert(await pick.count() >= 1, 'typing 收到复议 finds nothing');
    const names = await pick.locator('.nm').allInnerTexts();
    assert(names.every((n) => n.includes('收到复议')), `the list is not filtered: ${names.join('，')}`);
    const want = page.locator('#picker button.pick[data-name="行政复议收到复议申请"]');
    const val = (await want.locator('.val').innerText()).trim();
    await want.click();
    await page.keyboard.type('件，由浏览器测试改写。');
    const text = (await ed.innerText()).replace(/[「」]/g, '');
    assert(text.includes(`本年共收到行政复议申请行政复议收到复议申请 ${val}件，由浏览器测试改写。`), `the paragraph reads "${text}"`);
    await page.locator('.edbar').getByRole('button', { name: '保存' }).click();
    await page.locator('.notice.ok', { hasText: '已保存' }).waitFor();
    const saved = page.locator('.ed[data-name="x_2"]');
    const now = await saved.innerText();
    assert(now.includes('由浏览器测试改写'), `after saving the paragraph reads "${now}"`);
    const fig = saved.locator('.fig a[href*="/k/reconsideration"]');
    const n = Number((await fig.locator('.val').innerText()).trim());
    assert(n > 0 && String(n) === val, `the figure reads "${await fig.innerText()}", the picker said ${val}`);
    state.draftFigure = n;
    state.draftUrl = page.url().replace(/\?.*$/, '');
  });

  await check('the Word file states the figure she inserted', async () => {
    need('draftUrl', 'draftFigure');
    const id = /\/report\/v\/(\d+)/.exec(state.draftUrl)[1];
    const res = await page.request.get(`${BASE}/report.docx?year=${RYEAR}&version=${id}`);
    assert(res.status() === 200, `report.docx: ${res.status()}`);
    const xml = docxText(await res.body());
    assert(xml.includes(`本年共收到行政复议申请${state.draftFigure}件，由浏览器测试改写。`), 'the paragraph is not in the Word file');
  });

  await check('the version\'s full text reads as she wrote it, with the figure live', async () => {
    need('draftUrl', 'draftFigure');
    const id = /\/report\/v\/(\d+)/.exec(state.draftUrl)[1];
    await page.goto(`${BASE}/report?year=${RYEAR}&version=${id}`);
    const body = await page.locator('article.gw').innerText();
    assert(body.includes(`本年共收到行政复议申请${state.draftFigure}件，由浏览器测试改写。`), 'the rewritten paragraph is not in the full text');
  });

  await check('no JavaScript errors, CSP violations or failed page resources on the way', async () => {
    assert(jsErrors.length === 0, jsErrors.join('\n'));
  });
} finally {
  if (!stopping) await browser.close();
}
if (stopping) await new Promise(() => {});       // the signal handler prints and exits
if (failed) console.log(`screenshots and logs: ${OUT}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
