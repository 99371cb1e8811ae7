// tests/browser/lists.mjs BASE_URL — issue 17 §4, lists and forms the
// RuoYi way, in Chromium as the 司法局 reconsideration clerk (fuyi).
//
// At 1366×768: the 行政复议 list keeps 案号 and dates on one line; a click
// on a column header sorts it (▲, then ▼); 10条/页 gives ten rows and page
// numbers. The new form proposes the next 案号 of the series, has date
// pickers, and takes 被申请人 from the department list or, under 其他, typed
// (the box appears only then). Two cases entered so are ticked and removed
// with 批量删除, confirmed in the dialog (取 消 first: nothing goes); a
// row's 删除 asks the same. At 390×844 the list and the form are no wider
// than the screen. No JavaScript errors or CSP violations.
// Output as test.mjs: "ok N. …" / "FAIL N. …", last line "N passed, N failed".
import { chromium } from 'playwright-core';
import { launchChromium, makeCheck } from './harness.mjs';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE = (process.argv[2] || '').replace(/\/+$/, '');
if (!/^https?:\/\/[^/]+$/.test(BASE)) {
  console.error('usage: node tests/browser/lists.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const OUT = process.env.BROWSER_OUT || mkdtempSync(join(tmpdir(), 'fazhi-browser-'));
mkdirSync(OUT, { recursive: true });
const PASSWORD = 'demo-2026';
const STAMP = `${Date.now().toString(36)}${process.pid.toString(36)}`.toUpperCase();
const pad = (n) => String(n).padStart(2, '0');
const now = new Date();
const TODAY = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

let passed = 0, failed = 0, stopping = false, inStep = '';
let page = null;
const state = {};
const jsErrors = [];
function need(...keys) {
  for (const k of keys) if (state[k] === undefined) throw new Error(`skipped: needs ${k} from an earlier step`);
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }
const check = makeCheck(OUT, 'lists-fail-', {
  stopping: () => stopping, page: () => page, begin: (s) => { inStep = s; },
  ok: () => { passed++; }, bad: () => { failed++; },
});

const browser = await launchChromium(chromium, () => ({ passed, failed, inStep, stopping }), () => { stopping = true; });
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
page = await context.newPage();
page.setDefaultTimeout(8000);
page.on('pageerror', (e) => jsErrors.push(`pageerror: ${e.message}`));
page.on('console', (m) => {
  if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) jsErrors.push(`console: ${m.text()}`);
});
page.on('response', (r) => {
  const type = r.request().resourceType();
  if (r.status() >= 400 && type !== 'document' && !r.url().endsWith('/favicon.ico')) jsErrors.push(`${type} ${r.url()} answered ${r.status()}`);
});

const rows = () => page.locator('table.list tbody input[name="id"]');
// How many lines the text of the first cell matching sel takes.
const lines = (sel) => page.locator(sel).first().evaluate((td) => {
  const r = document.createRange();
  r.selectNodeContents(td);
  return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
});

await check('fuyi logs in and opens 行政复议', async () => {
  await page.goto(BASE + '/login');
  await page.locator('input[name="login"]').fill('fuyi');
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: '登 录' }).click();
  await page.waitForURL((u) => u.pathname === '/todo');    // 待办 is every user's home
  await page.goto(BASE + '/k/reconsideration');
  await page.locator('main h1', { hasText: '行政复议' }).waitFor();
  assert(await rows().count() > 0, 'no rows ticked-able on the list');
  state.list = true;
});

await check('at 1366 px 案号 and 收到申请日期 keep to one line; the 操作 column offers 查看 修改 删除', async () => {
  need('list');
  const nNo = await lines('table.list tbody td[data-l="案号"]');
  assert(nNo === 1, `案号 takes ${nNo} lines`);
  const nDate = await lines('table.list tbody td[data-l="收到申请日期"]');
  assert(nDate === 1, `收到申请日期 takes ${nDate} lines`);
  const ops = await page.locator('table.list tbody tr').first().locator('td.ops').innerText();
  assert(/查看/.test(ops) && /修改/.test(ops), `操作 reads "${ops}"`);
});

await check('a click on 收到申请日期 sorts ascending (▲), again descending (▼)', async () => {
  need('list');
  await page.locator('table.list thead a', { hasText: '收到申请日期' }).click();
  await page.waitForURL((u) => u.searchParams.get('sort') === 'received' && !u.searchParams.get('desc'));
  const th = page.locator('table.list thead th', { hasText: '收到申请日期' });
  assert((await th.innerText()).includes('▲'), 'no ▲ on the sorted header');
  const first = await page.locator('table.list tbody td[data-l="收到申请日期"]').first().innerText();
  const second = await page.locator('table.list tbody td[data-l="收到申请日期"]').nth(1).innerText();
  assert(first <= second, `ascending, yet ${first} before ${second}`);
  await page.locator('table.list thead a', { hasText: '收到申请日期' }).click();
  await page.waitForURL((u) => u.searchParams.get('desc') === '1');
  assert((await th.innerText()).includes('▼'), 'no ▼ after the second click');
});

await check('10条/页: ten rows, 共N条 and page numbers; page 2 by its number', async () => {
  need('list');
  await page.locator('.pager select[name="size"]').selectOption('10');
  await page.waitForURL((u) => u.searchParams.get('size') === '10');
  assert(await rows().count() === 10, `${await rows().count()} rows on a page of 10`);
  const pager = await page.locator('.pager').innerText();
  assert(/共\s*\d+\s*条/.test(pager), `pager reads "${pager}"`);
  await page.locator('.pager .pages a', { hasText: /^2$/ }).click();
  await page.waitForURL((u) => u.searchParams.get('page') === '2');
  assert((await page.locator('.pager .pages .cur').innerText()).trim() === '2', 'page 2 is not marked current');
});

for (const [i, party] of [[1, '@other'], [2, '示范县教育局']]) {
  await check(`new case ${party === '@other' ? 'against a party typed under 其他' : 'against a department chosen from the list'}: 案号 proposed, a date picked`, async () => {
    need('list');
    await page.goto(BASE + '/k/reconsideration');
    await page.locator('.toolbar a', { hasText: /^新增$/ }).click();
    await page.waitForURL((u) => u.pathname === '/k/reconsideration/new');
    const proposed = await page.locator('#f-case_no').inputValue();
    assert(/^.复〔\d{4}〕\d+号$/.test(proposed), `案号 proposed "${proposed}"`);
    assert(await page.locator('#f-received').getAttribute('type') === 'date', '收到申请日期 is no date picker');
    const caseNo = `示复〔${now.getFullYear()}〕浏${STAMP}-${i}号`;
    await page.locator('#f-case_no').fill(caseNo);
    await page.locator('#f-applicant').fill('浏览器测试');
    const other = page.locator('#f-respondent-other');
    assert(!(await other.isVisible()), 'the 其他 box shows before 其他 is chosen');
    await page.locator('#f-respondent').selectOption(party);
    if (party === '@other') {
      await other.waitFor({ state: 'visible' });
      await other.fill('某某法规授权组织');
    } else {
      assert(!(await other.isVisible()), 'the 其他 box shows for a department');
    }
    await page.locator('#f-matter').selectOption({ label: '行政处罚' });
    await page.locator('#f-received').fill(TODAY);
    await page.locator('#f-procedure').selectOption({ label: '普通程序' });
    await page.locator('form.record').getByRole('button', { name: '确 定' }).click();
    await page.waitForURL((u) => /^\/k\/reconsideration\/\d+$/.test(u.pathname));
    const main = await page.locator('main').innerText();
    assert(main.includes(party === '@other' ? '某某法规授权组织' : '示范县教育局'), 'the detail page does not name the 被申请人');
    (state.made ||= []).push(caseNo);
  });
}

await check('批量删除: two ticked, the dialog asks, 取 消 keeps them, 确 定 removes both', async () => {
  need('made');
  assert(state.made.length === 2, 'the two cases were not both entered');
  await page.goto(`${BASE}/k/reconsideration?f_case_no=${encodeURIComponent(`浏${STAMP}`)}`);
  assert(await rows().count() === 2, `${await rows().count()} rows found for the two cases`);
  await page.locator('input.tickall').check();
  await page.locator('.toolbar button', { hasText: '批量删除' }).click();
  const dialog = page.locator('dialog#del-dialog');
  await dialog.waitFor({ state: 'visible' });
  const text = await dialog.locator('#del-msg').innerText();
  assert(text.includes('是否确认删除选中的2条'), `the dialog reads "${text}"`);
  await dialog.getByRole('button', { name: '取 消' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert(await rows().count() === 2, '取 消 deleted something');
  await page.locator('.toolbar button', { hasText: '批量删除' }).click();
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByRole('button', { name: '确 定' }).click();
  await page.locator('.notice.ok', { hasText: '已删除2条记录' }).waitFor();
  await page.goto(`${BASE}/k/reconsideration?f_case_no=${encodeURIComponent(`浏${STAMP}`)}`);
  assert(await rows().count() === 0, 'the two cases are still listed');
});

await check("a row's 删除 asks in the dialog naming the case", async () => {
  need('list');
  await page.goto(BASE + '/k/reconsideration?state=received');
  const del = page.locator('table.list tbody td.ops a.del').first();
  const title = await del.getAttribute('data-title');
  await del.click();
  const dialog = page.locator('dialog#del-dialog');
  await dialog.waitFor({ state: 'visible' });
  const text = await dialog.locator('#del-msg').innerText();
  assert(text.includes(`是否确认删除“${title}”`), `the dialog reads "${text}"`);
  await dialog.getByRole('button', { name: '取 消' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert(page.url().includes('/k/reconsideration'), 'left the list');
});

await check('at 390×844 the list and the new form are no wider than the screen', async () => {
  need('list');
  await page.setViewportSize({ width: 390, height: 844 });
  for (const p of ['/k/reconsideration?size=50', '/k/reconsideration/new', '/k/file_review/new', '/k/mediation?sort=due']) {
    await page.goto(BASE + p);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(sw <= 390, `${p} is ${sw} px wide`);
  }
  await page.screenshot({ path: join(OUT, 'lists-phone-form.png') });
});

await check('no JavaScript errors or CSP violations', async () => {
  assert(jsErrors.length === 0, jsErrors.slice(0, 5).join('; '));
});

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
