// tests/browser/layout.mjs BASE_URL — every page of the menu, on a desktop
// and on a phone.
//
// For each role (the county admin, a leader, the 司法局 reconsideration
// clerk fuyi, the 市场监管 clerk shichang who inspects enterprises) it logs
// in once, collects the pages the left menu links to and the record pages
// an inspector opens below them (双随机抽取, 扫码入企二维码 and the 扫码入企
// page it leads to); for the admin, who reaches every kind, also each
// list's 新增 form and first record. It opens every one at 1366×768 and at
// 390×844 (a phone: touch, mobile viewport), the two side by side in their
// own browser contexts. On each it checks:
//   - no horizontal overflow: the document is no wider than the viewport
//     (document.documentElement.scrollWidth <= the viewport's width);
//   - no console error, page error, CSP refusal or failed resource;
//   - a breadcrumb (nav.crumb) starting at 首页;
//   - the menu reachable: on the desktop nav.menu is on screen and marks
//     the page's item when it has one (on the home page the 菜单 button
//     folds it away and brings it back); on the phone the 菜单 button opens
//     the drawer, its items are on screen, and closing it hides them again.
// It times nothing. Screenshots of each role's home page (desktop and
// phone) go to the output folder as home-ROLE-desktop.png / -phone.png.
//
// Last line "N passed, N failed" (one check per role, viewport and page);
// exit status non-zero when anything failed.
// Environment: BROWSER_OUT (output folder), CHROMIUM, HEADED=1,
// LAYOUT_ROLES=admin,fuyi and LAYOUT_VIEWPORTS=phone to walk fewer while
// developing, LAYOUT_FAIL_SHOTS=0 for no screenshot of a failing page.
import { chromium } from 'playwright-core';
import { launchChromium } from './harness.mjs';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE = (process.argv[2] || '').replace(/\/+$/, '');
if (!/^https?:\/\/[^/]+$/.test(BASE)) {
  console.error('usage: node tests/browser/layout.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const OUT = process.env.BROWSER_OUT || mkdtempSync(join(tmpdir(), 'fazhi-layout-'));
mkdirSync(OUT, { recursive: true });
const PASSWORD = 'demo-2026';
const ROLES = (process.env.LAYOUT_ROLES || 'admin,leader,fuyi,shichang').split(',');
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
].filter((v) => !process.env.LAYOUT_VIEWPORTS || process.env.LAYOUT_VIEWPORTS.split(',').includes(v.name));
const FAIL_SHOTS = process.env.LAYOUT_FAIL_SHOTS !== '0';

let passed = 0, failed = 0, stopping = false;
function assert(cond, msg) { if (!cond) throw new Error(msg); }

const browser = await launchChromium(chromium, () => ({ passed, failed, inStep: '', stopping }), () => { stopping = true; });

// A page that records what goes wrong on it while it is shown.
function watch(page, errors) {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    const type = r.request().resourceType();
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${type} ${r.url()} answered ${r.status()}`);
  });
  page.on('requestfailed', (r) => {
    if (!r.url().endsWith('/favicon.ico')) errors.push(`${r.resourceType()} ${r.url()} failed: ${r.failure()?.errorText}`);
  });
}

async function login(role) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await page.goto(BASE + '/login');
  await page.locator('input[name="login"]').fill(role);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: '登 录' }).click();
  await page.waitForURL((u) => u.pathname === '/todo');   // home: 待办
  const state = await context.storageState();
  return { context, page, state };
}

const local = (href) => {
  const u = new URL(href, BASE);
  return u.origin === new URL(BASE).origin ? u.pathname + u.search : null;
};

// The pages a role reaches from its menu; with bDeep, also one level below
// each list (its 新增 form and first record), else only the inspector's way
// below 市场主体名录库 and 双随机抽查计划 (扫码入企, 双随机抽取).
async function pagesOf(page, bDeep) {
  await page.goto(BASE + '/');
  const menu = await page.$$eval('nav.menu a[href]', (as) => as.map((a) => a.getAttribute('href')));
  const pages = [];
  const add = (p) => { if (p && !pages.includes(p) && !/\.(xlsx|docx|md|txt)(\?|$)/.test(p)) pages.push(p); };
  for (const h of menu) add(local(h));
  const inMenu = new Set(pages);
  add('/account');
  for (const p of pages.slice()) {
    const m = /^\/k\/([a-z_]+)$/.exec(p);
    if (!m || (!bDeep && m[1] !== 'enterprise' && m[1] !== 'inspection_plan')) continue;
    await page.goto(BASE + p);
    const more = await page.evaluate((kind) => {
      const out = [];
      const nw = document.querySelector(`.toolbar a[href="/k/${kind}/new"]`);
      if (nw) out.push(nw.getAttribute('href'));
      const row = [...document.querySelectorAll('table.list tbody a[href]')]
        .map((a) => a.getAttribute('href')).find((h) => new RegExp(`^/k/${kind}/\\d+$`).test(h));
      if (row) out.push(row);
      return out;
    }, m[1]);
    for (const h of more) if (bDeep || /\/\d+$/.test(h)) add(h);
    const detail = more.find((h) => /\/\d+$/.test(h));
    if (detail && (m[1] === 'enterprise' || m[1] === 'inspection_plan')) {
      await page.goto(BASE + detail);
      const links = await page.$$eval('main a[href^="/draw/"], main a[href^="/qr/"]', (as) => as.map((a) => a.getAttribute('href')));
      for (const h of links) {
        add(h);
        if (h.startsWith('/qr/')) {
          await page.goto(BASE + h);
          const url = (await page.locator('.qr-url').innerText()).trim();
          add(local(url));
        }
      }
    }
  }
  return { pages, inMenu };
}

// Elements reaching past the right edge: what makes a page too wide.
async function widest(page, W) {
  return page.evaluate((W) => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > W + 1 && r.width > 0) {
        let anc = el.parentElement, clipped = false;
        for (; anc && anc !== document.body; anc = anc.parentElement) {
          const s = getComputedStyle(anc);
          if (s.overflowX !== 'visible' || s.position === 'fixed') { clipped = true; break; }
        }
        if (clipped) continue;
        const cls = el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '';
        out.push(`${el.tagName.toLowerCase()}${cls} right=${Math.round(r.right)}`);
      }
    }
    return out.slice(0, 5);
  }, W);
}

// Pages of the menu that are documents of their own (fit, but no menu):
// none now — the annual report (/report) is inside the frame since issue
// 17 §3, its A4 document is the 下载HTML download (/report.html).
const DOCUMENTS = new Set([]);

async function checkPage(page, errors, vp, p, role, inMenu) {
  errors.length = 0;
  const resp = await page.goto(BASE + p);
  assert(resp && resp.status() < 400, `answered ${resp && resp.status()}`);
  await page.waitForLoadState('load');
  // The viewport as set, not innerWidth: a phone zooms out to show a page
  // that is too wide, and innerWidth grows with it.
  const m = await page.evaluate((w) => ({
    sw: document.documentElement.scrollWidth, w,
    crumb: !!document.querySelector('nav.crumb a[href="/"]') || !!document.querySelector('nav.crumb [aria-current="page"]'),
    crumbText: document.querySelector('nav.crumb')?.innerText.replace(/\s+/g, ' ').trim() || '',
  }), vp.viewport.width);
  const problems = [];
  if (m.sw > m.w) problems.push(`document ${m.sw} px wide in a ${m.w} px viewport: ${(await widest(page, m.w)).join(', ')}`);
  if (DOCUMENTS.has(p)) {
    if (errors.length) problems.push(...errors.slice(0, 4));
    if (problems.length) throw new Error(problems.join('\n'));
    return;
  }
  if (!m.crumb || !m.crumbText.startsWith('首页')) problems.push(`no breadcrumb starting at 首页 (nav.crumb reads "${m.crumbText}")`);
  const menu = page.locator('nav.menu');
  if (inMenu.has(p)) {
    const on = await page.$$eval('nav.menu a.on', (as) => as.map((a) => a.getAttribute('href')));
    if (on.length !== 1 || on[0] !== p) problems.push(`the menu marks ${JSON.stringify(on)}, expected this page's item ${p}`);
  }
  if (vp.name === 'desktop') {
    const box = await menu.boundingBox();
    if (!box || box.width < 100 || box.x < 0) problems.push(`the menu is not on screen (${JSON.stringify(box)})`);
    const onSeen = await page.evaluate(() => {
      const a = document.querySelector('nav.menu a.on');
      if (!a) return true;
      a.scrollIntoView({ block: 'nearest' });
      const r = a.getBoundingClientRect(), hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return r.width > 0 && !!hit && a.contains(hit);
    });
    if (!onSeen) problems.push('the marked menu item is hidden (folded or covered)');
    if (p === '/') {      // the 菜单 button folds the menu away and back (the content takes the width)
      const x = () => page.evaluate(() => [document.querySelector('nav.menu').getBoundingClientRect().width,
        document.querySelector('main').getBoundingClientRect().x]);
      await page.locator('header .menu-btn').click();
      const [mw, mx] = await x();
      if (mw !== 0 || mx !== 0) problems.push(`the 菜单 button does not fold the menu away (menu ${mw} px, content at x=${mx})`);
      await page.locator('header .menu-btn').click();
      const [mw2] = await x();
      if (mw2 < 100) problems.push('a second press of 菜单 does not bring the menu back');
    }
  } else {
    const btn = page.locator('header .menu-btn');
    if (!(await btn.isVisible())) problems.push('no 菜单 button in the top bar');
    else {
      const before = await menu.boundingBox();
      if (before && before.x + before.width > 1) problems.push('the drawer is open before the 菜单 button is pressed');
      await btn.click();
      await page.waitForFunction(() => {
        const r = document.querySelector('nav.menu').getBoundingClientRect();
        return r.x >= 0 && r.width > 100;
      }, null, { timeout: 3000 }).catch(() => problems.push('the 菜单 button does not open the menu'));
      // The first item and the marked one are on screen and not covered
      // (by the top bar or anything else): a tap there reaches the link.
      const seen = await page.evaluate((h) => {
        const links = [...document.querySelectorAll('nav.menu a')];
        const on = document.querySelector('nav.menu a.on');
        return [links[0], on].filter(Boolean).map((a) => {
          a.scrollIntoView({ block: 'nearest' });
          const r = a.getBoundingClientRect();
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return { text: a.textContent, ok: r.width > 0 && r.x >= 0 && r.y >= 0 && r.bottom <= h + 1 && !!hit && a.contains(hit) };
        });
      }, vp.viewport.height);
      if (!seen.length) problems.push('the open drawer has no items');
      for (const s of seen) if (!s.ok) problems.push(`the menu item ${s.text} is not on screen in the open drawer, or covered`);
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      if (sw > vp.viewport.width) problems.push(`the open drawer makes the page ${sw} px wide`);
      if (p === '/') await page.screenshot({ path: join(OUT, `home-${role}-phone-menu.png`) });
      await page.locator('label.backdrop').click({ position: { x: vp.viewport.width - 20, y: 400 } });
      await page.waitForFunction(() => document.querySelector('nav.menu').getBoundingClientRect().right <= 1, null, { timeout: 3000 })
        .catch(() => problems.push('tapping beside the drawer does not close it'));
    }
  }
  if (p === '/') await page.screenshot({ path: join(OUT, `home-${role}-${vp.name}.png`) });
  if (errors.length) problems.push(...errors.slice(0, 4));
  if (problems.length && FAIL_SHOTS) {
    const shot = join(OUT, `fail-${role}-${vp.name}-${p.replace(/[^a-z0-9]+/gi, '_').slice(0, 60)}.png`);
    try { await page.screenshot({ path: shot, fullPage: true, timeout: 5000 }); problems.push(`screenshot: ${shot}`); } catch {}
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

try {
  for (const role of ROLES) {
    let session;
    try {
      session = await login(role);
    } catch (e) {
      failed++;
      console.log(`FAIL ${role}: could not log in: ${String(e.message).split('\n')[0]}`);
      continue;
    }
    const { pages, inMenu } = await pagesOf(session.page, role === ROLES[0]);
    await session.context.close();
    console.log(`     ${role}: ${pages.length} pages`);
    // the two viewports side by side: each its own browser context
    await Promise.all(VIEWPORTS.map(async (vp) => {
      const context = await browser.newContext({ locale: 'zh-CN', storageState: session.state, viewport: vp.viewport,
        isMobile: !!vp.isMobile, hasTouch: !!vp.hasTouch, reducedMotion: 'reduce' });
      const page = await context.newPage();
      page.setDefaultTimeout(8000);
      const errors = [];
      watch(page, errors);
      let nOk = 0;
      for (const p of pages) {
        if (stopping) break;
        try {
          await checkPage(page, errors, vp, p, role, inMenu);
          passed++; nOk++;
        } catch (e) {
          failed++;
          console.log(`FAIL ${role} ${vp.name} ${p}\n       ${String(e.message).split('\n').slice(0, 8).join('\n       ')}`);
        }
      }
      console.log(`ok   ${role} ${vp.name}: ${nOk} of ${pages.length} pages fit, have a breadcrumb and a reachable menu`);
      await context.close();
    }));
  }
} finally {
  if (!stopping) await browser.close();
}
if (stopping) await new Promise(() => {});
console.log(`screenshots: ${OUT}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
