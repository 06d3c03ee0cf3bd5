// browser.mjs: Playwright (playwright-core, no downloaded browser) driving
// Debian's Chromium against a real `parley serve`; every page a journey
// visits is checked with axe-core and photographed for review.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';

import { startServer, PASSWORD } from '../http/harness.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export const CHROMIUM = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';
export const SHOTS = process.env.PARLEY_SCREENSHOTS || 'build/screenshots';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The two widths every page is seen at: a desk and a phone in a classroom.
export const DEVICES = [
    { name: 'desktop', options: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', options: { viewport: { width: 375, height: 740 }, isMobile: true,
                                hasTouch: true, deviceScaleFactor: 2 } },
];

export async function launchBrowser() {
    const args = ['--disable-gpu', '--disable-quic', '--no-first-run',
                  '--disable-background-networking', '--disable-component-update',
                  '--disable-sync', '--disable-dev-shm-usage'];
    if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
    // launch() gives a fresh temporary profile (user-data-dir) every run.
    return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

// A new context (fresh cookies) for one person at one width. Pages keep the
// site's Content-Security-Policy: axe goes in through the DevTools protocol,
// and a page the policy blocks something on fails its check.
export async function newSession(browser, device, base) {
    const context = await browser.newContext({ ...device.options, baseURL: base });
    context.setDefaultTimeout(10000);
    const page = await context.newPage();
    const problems = [];
    page.on('console', m => {
        if (m.type() !== 'error') return;
        // A refusal or a form with errors is a 4xx page by design.
        if (/status of 4\d\d/.test(m.text()) && m.location().url === page.url()) return;
        problems.push(m.text());
    });
    page.on('pageerror', e => problems.push(String(e)));
    return { context, page, problems, device: device.name };
}

export function describeViolations(violations) {
    return violations.map(v =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.slice(0, 5).map(n => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`)
            .join('\n')).join('\n');
}

// The page's serious and critical axe violations, as it is now.
export async function axeViolations(page) {
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({ target: n.target, failureSummary: n.failureSummary || '' })) }));
    });
    return violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
}

// Checks the page as it is now: no serious or critical axe violation, no
// console error (a CSP refusal shows as one), no sideways scrolling on a
// phone; and writes the screenshot build/screenshots/who-what-device.png.
export async function check(session, who, what) {
    const { page } = session;
    await page.waitForLoadState('load');
    const url = page.url();
    const bad = await axeViolations(page);
    assert.equal(bad.length, 0,
        `axe: ${bad.length} serious or critical violation(s) on ${url} (${session.device}):\n` +
        describeViolations(bad));
    assert.deepEqual(session.problems, [], `console errors on ${url} (${session.device})`);
    // Markup handed to the escaping writer as a value shows up as text.
    const text = await page.evaluate(() => document.body.innerText);
    const leaked = text.match(/<\/?(?:a|p|div|span|ul|ol|li|table|thead|tbody|tr|th|td|form|input|button|label|h[1-6])\b[^>]*>/i);
    assert.equal(leaked, null, `escaped markup shows as text on ${url}: ${leaked && leaked[0]}`);
    session.problems.length = 0;
    if (session.device === 'phone') {
        const { scroll, inner } = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        assert.ok(scroll <= inner,
            `${url} scrolls sideways on a phone: ${scroll}px wide in a ${inner}px window`);
    }
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/${who}-${what}-${session.device}.png`, fullPage: true });
}

// Signs in through the form, the way a person does: from the menu.
export async function signIn(session, who, email, password) {
    const { page } = session;
    await page.goto('/');
    await (await menu(page)).getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(session) {
    const { page } = session;
    await (await menu(page)).getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login\?signed_out=1$/);
    await assertVisible(page.getByRole('status').filter({ hasText: 'You are signed out.' }));
}

// The main menu, opened first where it is folded behind "Menu" (a phone),
// as a person taps "Menu" before choosing from it.
export async function menu(page) {
    const fold = page.locator('details.menu');
    if (!await fold.evaluate(d => d.open) && await fold.locator('summary').isVisible())
        await fold.locator('summary').click();
    return page.getByRole('navigation', { name: 'Main' });
}

export async function heading(page) {
    return (await page.getByRole('heading', { level: 1 }).innerText()).trim();
}

export async function assertVisible(locator, message) {
    assert.ok(await locator.isVisible(), message || `not visible: ${locator}`);
}

// The server and the browser a test file shares: started before its tests
// (then ready(env), if given), stopped after them. env.server and
// env.browser are set once the tests run.
export function serverAndBrowser(ready) {
    const env = {};
    before(async () => {
        env.server = await startServer();
        env.browser = await launchBrowser();
        if (ready) await ready(env);
    });
    after(async () => {
        await env.browser?.close();
        await env.server?.stop();
    });
    return env;
}

// Runs fn(session) for a person signed in at one width, in a context (a
// cookie jar) of its own.
export async function asPerson(env, device, email, fn) {
    const s = await newSession(env.browser, device, env.server.base);
    try {
        await signIn(s, email, email, PASSWORD);
        await s.page.waitForURL(/\/dashboard/);
        await fn(s);
    } finally {
        await s.context.close();
    }
}
