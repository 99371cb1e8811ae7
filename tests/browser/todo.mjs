// tests/browser/todo.mjs — issue 17 §1's Done-means: from the home page,
// this month's overdue work across the county in at most 3 clicks, walked
// as the leader at 1366×768 and at 390×844, counting every click. Home is
// 待办 (/todo), where login lands; the clicks are 本月到期 and 已逾期.
// The page it ends on must list exactly what /api/v1/todo says is overdue
// this month (共N条), every row overdue and due this month, with its basis
// and a link to its record; the header's badge must equal the county's
// overdue total; the page must not be wider than the window.
// Usage: node todo.mjs http://127.0.0.1:PORT (run.sh starts the server).
// Last line: "N passed, N failed".
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { launchChromium, makeCheck } from './harness.mjs';

const BASE = process.argv[2] || 'http://127.0.0.1:8080';
const OUT = process.env.BROWSER_OUT || '.';
const PASSWORD = 'demo-2026';
const MAX_CLICKS = 3;

let passed = 0, failed = 0, stopping = false, inStep = '';
let page = null;
function assert(cond, msg) { if (!cond) throw new Error(msg); }

const check = makeCheck(OUT, 'todo-fail-', {
  stopping: () => stopping, page: () => page, begin: (s) => { inStep = s; },
  ok: () => { passed++; }, bad: () => { failed++; },
});

const browser = await launchChromium(chromium, () => ({ passed, failed, inStep, stopping }), () => { stopping = true; });

// What the API says for the leader: the county's overdue total, and this
// month's overdue items (the month of the server's "today").
async function apiTodo(query) {
  const login = await fetch(`${BASE}/api/v1/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'leader', password: PASSWORD }),
  });
  const { token } = await login.json();
  const r = await fetch(`${BASE}/api/v1/todo?${query}`, { headers: { Authorization: `Bearer ${token}` } });
  assert(r.status === 200, `/api/v1/todo?${query} answered ${r.status}`);
  return r.json();
}

for (const vp of [{ name: 'desktop', width: 1366, height: 768 }, { name: 'phone', width: 390, height: 844 }]) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: vp.width, height: vp.height } });
  page = await context.newPage();
  page.setDefaultTimeout(8000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // a failed resource shows as a console line without its URL and as a response: keep the
  // response; Chromium's own /favicon.ico probe is not the page's doing
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`); });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document' && !r.url().endsWith('/favicon.ico'))
      errors.push(`${r.request().resourceType()} ${r.url()} answered ${r.status()}`);
  });
  let clicks = 0;
  const click = async (loc) => { clicks++; await loc.click(); };

  await check(`${vp.name}: the leader logs in and lands on 待办, the badge = the county's overdue total`, async () => {
    await page.goto(BASE + '/login');
    await page.locator('input[name="login"]').fill('leader');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: '登 录' }).click();
    await page.waitForURL((u) => u.pathname === '/todo');
    await page.locator('main h1', { hasText: '待办' }).waitFor();
    const all = await apiTodo('size=1');
    const badge = Number(await page.locator('header .late-badge b').innerText());
    assert(badge === all.overdue, `the header's badge shows ${badge}, the API's overdue total is ${all.overdue}`);
    await page.screenshot({ path: join(OUT, `todo-leader-${vp.name}.png`) });
  });

  await check(`${vp.name}: this month's overdue work across the county in ≤ ${MAX_CLICKS} clicks`, async () => {
    clicks = 0;                                   // from the home page
    await click(page.locator('.todo-month a', { hasText: '本月到期' }));
    await page.waitForURL((u) => u.pathname === '/todo' && u.searchParams.has('month'));
    await click(page.locator('.todo-sum a.todo-n.late'));
    await page.waitForURL((u) => u.searchParams.get('state') === 'overdue' && u.searchParams.has('month'));
    assert(clicks <= MAX_CLICKS, `${clicks} clicks, more than ${MAX_CLICKS}`);
    const month = new URL(page.url()).searchParams.get('month');
    const want = await apiTodo(`state=overdue&month=${month}&size=200`);
    const shown = Number((/共 (\d+) 条/.exec(await page.locator('.pager').innerText()) || [])[1]);
    assert(shown === want.total, `the page says 共${shown}条, the API ${want.total} overdue in ${month}`);
    const rows = page.locator('table.todo tbody tr.overdue');
    const n = await rows.count();
    assert(n === Math.min(want.total, 20), `${n} rows on the first page, expected ${Math.min(want.total, 20)}`);
    assert(await page.locator('table.todo tbody tr.due-soon').count() === 0, 'a due-soon row among the overdue');
    for (let i = 0; i < n; i++) {
      const due = (await rows.nth(i).locator('td[data-l="到期日"]').innerText()).trim();
      assert(due.startsWith(month), `row ${i + 1} is due ${due}, not in ${month}`);
      assert((await rows.nth(i).locator('td.basis').innerText()).trim().length > 4, `row ${i + 1} has no statutory basis`);
      assert(/^\/k\/[a-z_]+\/\d+$/.test(await rows.nth(i).locator('td[data-l="记录"] a').getAttribute('href')), `row ${i + 1} does not link to its record`);
    }
    console.log(`       ${vp.name}: ${clicks} clicks, ${want.total} overdue item(s) due in ${month}`);
    await page.screenshot({ path: join(OUT, `todo-month-overdue-${vp.name}.png`) });
  });

  await check(`${vp.name}: 待办 is no wider than the window, no console error`, async () => {
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(w <= vp.width, `the page is ${w} px wide in a ${vp.width} px window`);
    assert(errors.length === 0, errors.join('; '));
  });
  await context.close();
}

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
