// tests/browser/dashboard.mjs BASE_URL — the 工作台 of each role (issue 17
// §2), on a desktop (1366×768) and a phone (390×844).
//
// For the county admin, the leader and two clerks (政务服务 zhengwu,
// 市场监管 shichang) it opens the home page and checks:
//   - the summary comes first: its four tiles (未达到目标, 较上年下降, 已逾期,
//     the report's state) are above the first section, on screen at once
//     on the desktop;
//   - the sections fold: the leader's start folded and one opens with a
//     click on its name and shows its cards; the admin's and the clerks'
//     start open; a clerk's are the kinds the department records (fewer
//     than the admin's, and none of the other's: zhengwu has no 行政复议,
//     shichang has 市场主体名录库);
//   - the page is no wider than the viewport;
//   - no console error, page error or failed resource;
//   - an entry of the summary's lists leads to its card (a folded
//     section opens).
// Screenshots of each role's dashboard (the first screen, and the whole
// page on the desktop) go to the output folder as dash-ROLE-desktop.png,
// dash-ROLE-desktop-full.png and dash-ROLE-phone.png.
//
// Last line "N passed, N failed" (one check per role and viewport); exit
// status non-zero when anything failed. It times nothing.
// Environment: BROWSER_OUT (output folder), CHROMIUM, HEADED=1,
// DASH_ROLES=leader,zhengwu to walk fewer.
import { chromium } from 'playwright-core';
import { launchChromium } from './harness.mjs';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE = (process.argv[2] || '').replace(/\/+$/, '');
if (!/^https?:\/\/[^/]+$/.test(BASE)) {
  console.error('usage: node tests/browser/dashboard.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const OUT = process.env.BROWSER_OUT || mkdtempSync(join(tmpdir(), 'fazhi-dash-'));
mkdirSync(OUT, { recursive: true });
const PASSWORD = 'demo-2026';
const ROLES = (process.env.DASH_ROLES || 'admin,leader,zhengwu,shichang').split(',');
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];

let passed = 0, failed = 0, stopping = false, inStep = '';
function assert(cond, msg) { if (!cond) throw new Error(msg); }

const browser = await launchChromium(chromium, () => ({ passed, failed, inStep, stopping }), () => { stopping = true; });

async function loginState(role) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await page.goto(BASE + '/login');
  await page.locator('input[name="login"]').fill(role);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: '登 录' }).click();
  await page.waitForLoadState('load');
  const state = await context.storageState();
  await context.close();
  return state;
}

// What the page shows, read once.
async function readDash(page) {
  return page.evaluate(() => {
    const secs = [...document.querySelectorAll('details.dsec')];
    const tiles = [...document.querySelectorAll('.summary .tile')];
    const first = secs[0]?.getBoundingClientRect();
    return {
      sw: document.documentElement.scrollWidth,
      tiles: tiles.map((t) => ({ text: t.innerText.replace(/\s+/g, ' ').trim(), r: t.getBoundingClientRect().toJSON() })),
      summaryTop: document.querySelector('.summary')?.getBoundingClientRect().top ?? -1,
      firstSecTop: first ? first.top + window.scrollY : -1,
      kinds: secs.map((d) => d.getAttribute('data-kind')),
      open: secs.filter((d) => d.open).length,
      below: [...document.querySelectorAll('#below li a')].map((a) => a.getAttribute('href')),
    };
  });
}

async function checkRole(role, state, vp, errors) {
  const context = await browser.newContext({ locale: 'zh-CN', storageState: state, viewport: vp.viewport,
    isMobile: !!vp.isMobile, hasTouch: !!vp.hasTouch, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('requestfailed', (r) => { if (!r.url().endsWith('/favicon.ico')) errors.push(`${r.url()} failed`); });
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.url()} answered ${r.status()}`); });
  try {
    const resp = await page.goto(BASE + '/');
    assert(resp && resp.status() === 200, `/ answered ${resp && resp.status()}`);
    await page.waitForLoadState('load');
    await page.screenshot({ path: join(OUT, `dash-${role}-${vp.name}.png`) });
    // the whole page (the admin's is long: 36 open sections) on a busy machine may take a while
    if (vp.name === 'desktop') await page.screenshot({ path: join(OUT, `dash-${role}-desktop-full.png`), fullPage: true, timeout: 30000 });
    const d = await readDash(page);
    const problems = [];
    if (d.sw > vp.viewport.width) problems.push(`the page is ${d.sw} px wide in a ${vp.viewport.width} px viewport`);
    if (d.tiles.length !== 4) problems.push(`${d.tiles.length} summary tiles, expected 4`);
    const want = ['未达到目标', '下降', '已逾期', '年度法治政府建设报告'];
    want.forEach((w, i) => { if (!d.tiles[i] || !d.tiles[i].text.includes(w)) problems.push(`tile ${i + 1} reads "${d.tiles[i]?.text}", expected ${w}`); });
    if (!(d.summaryTop >= 0 && d.firstSecTop > d.summaryTop)) problems.push('the summary is not above the sections');
    if (vp.name === 'desktop') {
      for (const t of d.tiles) if (t.r.bottom > vp.viewport.height || t.r.right > vp.viewport.width) problems.push(`tile "${t.text}" is off the first screen`);
    }
    if (!d.kinds.length && role !== 'leader') problems.push('no section');
    if (role === 'leader' && d.open !== 0) problems.push(`${d.open} of the leader's sections are open, expected all folded`);
    if (role !== 'leader' && d.open !== d.kinds.length) problems.push(`${d.kinds.length - d.open} sections folded, expected all open`);
    if (role === 'zhengwu' && d.kinds.includes('reconsideration')) problems.push('the 政务服务 clerk sees the 行政复议 section');
    if (role === 'shichang' && !d.kinds.includes('enterprise')) problems.push('the 市场监管 clerk misses 市场主体名录库');
    if (role === 'leader') {
      // a folded section opens with a click on its name and shows its cards
      const sec = page.locator('details.dsec[data-kind="reconsideration"]');
      await sec.locator('summary').click();
      const n = await sec.locator('.card').count();
      if (!(await sec.evaluate((e) => e.open)) || n === 0) problems.push(`a click on 行政复议 does not open it (${n} cards)`);
      else if (!(await sec.locator('.card').first().isVisible())) problems.push('the opened section\'s cards are not visible');
      await sec.locator('summary').click();
      // the summary's entry leads to its card, opening the folded section
      if (d.below.length) {
        await page.locator('#below li a').first().click();
        const id = d.below[0].slice(1);
        const vis = await page.locator(`[id="${id}"]`).isVisible();
        if (!vis) problems.push(`the summary's link ${d.below[0]} does not show its card`);
      } else problems.push('the leader\'s summary lists no indicator below target (the demo has some)');
    }
    if (errors.length) problems.push(...errors.slice(0, 4));
    if (problems.length) {
      try { await page.screenshot({ path: join(OUT, `fail-dash-${role}-${vp.name}.png`), fullPage: true }); } catch {}
      throw new Error(problems.join('\n'));
    }
    return d;
  } finally {
    await context.close();
  }
}

const seen = {};
try {
  for (const role of ROLES) {
    if (stopping) break;
    inStep = role;
    let state;
    try { state = await loginState(role); } catch (e) {
      failed++; console.log(`FAIL ${role}: could not log in: ${String(e.message).split('\n')[0]}`); continue;
    }
    for (const vp of VIEWPORTS) {
      if (stopping) break;
      const errors = [];
      try {
        const d = await checkRole(role, state, vp, errors);
        seen[role] = d.kinds;
        passed++;
        console.log(`ok   ${role} ${vp.name}: ${d.kinds.length} sections, ${d.open} open; ${d.tiles.map((t) => t.text).join(' | ')}`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${role} ${vp.name}\n       ${String(e.message).split('\n').slice(0, 8).join('\n       ')}`);
      }
    }
  }
  // a clerk sees fewer sections than the admin: the department's kinds
  if (seen.admin && (seen.zhengwu || seen.shichang)) {
    const clerks = ['zhengwu', 'shichang'].filter((r) => seen[r]);
    const bad = clerks.filter((r) => !(seen[r].length < seen.admin.length && seen[r].every((k) => seen.admin.includes(k))));
    if (bad.length) { failed++; console.log(`FAIL clerks' sections are not a part of the admin's: ${bad.join(', ')}`); }
    else { passed++; console.log(`ok   clerks' sections are their departments' (${clerks.map((r) => `${r} ${seen[r].length}`).join(', ')} of ${seen.admin.length})`); }
  }
} finally {
  if (!stopping) await browser.close();
}
if (stopping) await new Promise(() => {});
console.log(`screenshots: ${OUT}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
