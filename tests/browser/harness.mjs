// tests/browser/harness.mjs — what every browser test starts with: Chromium
// launched as run.sh expects, and the count line ("N passed, N failed")
// kept last however the test ends (a signal from run.sh's time limit, an
// exception outside a check). st() gives the test's { passed, failed,
// inStep, stopping }; stop() marks it stopping. makeCheck() gives a test its
// named steps.
import { join } from 'node:path';

export async function launchChromium(chromium, st, stop) {
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: process.env.HEADED !== '1',
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,   // ours, below
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (e) {
    console.log(`FAIL could not start Chromium: ${String(e.message).split('\n')[0]}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const end = (why) => {
    const s = st();
    if (s.stopping) return false;
    stop();
    console.log(`FAIL ${why}`);
    console.log(`${s.passed} passed, ${s.failed + 1} failed`);
    return true;
  };
  // Stopped from outside (run.sh's trap, timeout): close Chromium, say so, stop.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, async () => {
      const s = st();
      if (!end(`stopped by ${sig} (run.sh's time limit, or from outside) ${s.inStep ? `in step ${s.inStep}` : 'before the first step'}`)) return;
      const t = setTimeout(() => process.exit(1), 3000);
      try { await browser.close(); } catch {}
      clearTimeout(t);
      process.exit(1);
    });
  }
  // Anything thrown outside a check (the browser gone, a bug here) ends the run.
  process.on('uncaughtException', (e) => {
    if (end(String(e && e.message || e).split('\n')[0])) process.exit(1);
  });
  process.on('unhandledRejection', (e) => { throw e; });
  return browser;
}

// makeCheck(out, prefix, t): check(name, fn) runs one named step: "ok N. name
// (ms)" when fn returns, else "FAIL N. name" with why and a screenshot of the
// page the step worked on (out/prefixNN.png). t holds the test's own state:
// stopping() and page() read it, begin(label) notes the step running (for a
// signal's message), ok() and bad() count.
export function makeCheck(out, prefix, t) {
  let n = 0;
  return async function check(name, fn) {
    if (t.stopping()) return;
    n++;
    t.begin(`${n}. ${name}`);
    const t0 = Date.now();
    try {
      await fn();
      t.ok();
      console.log(`ok   ${n}. ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      if (t.stopping()) return;
      t.bad();
      const msg = String(e && e.message || e).split('\n').slice(0, 6).join('\n       ');
      console.log(`FAIL ${n}. ${name}\n       ${msg}`);
      const page = t.page();
      if (page) {
        const shot = join(out, `${prefix}${String(n).padStart(2, '0')}.png`);
        try {
          await page.screenshot({ path: shot, fullPage: true, timeout: 5000 });
          console.log(`       url: ${page.url()}\n       screenshot: ${shot}`);
        } catch (se) {
          console.log(`       (no screenshot: ${String(se.message).split('\n')[0]})`);
        }
      }
    }
  };
}
