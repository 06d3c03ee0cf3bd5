// phone.test.mjs: the phone-first layout (issue 18). The menu folds behind
// "Menu" without script; and every role's pages are walked on a 390 px
// phone (the issue's "Done when"). Signed in as each demo role of the
// README (and as a visitor), the walk follows the links a person is offered
// (the menu, the dashboard, the lists, the case pages), same-origin GETs
// only, and fails on what a reader should never meet:
//   - a rule code (R17) or a stored key (directed_growth) in the text, outside /help;
//   - a table wider than its box or than the screen (a clipped table);
//   - a link that answers with a refusal or an error (status 400 or more);
//   - a serious or critical axe violation; a page that scrolls sideways.
// What it finds is reported page by page, with the offending text.
//
// PARLEY_WALK_REPORT_ONLY=1 prints the findings without failing;
// PARLEY_WALK_PER_SHAPE (default 2) is how many pages of one shape
// (/cases/12 and /cases/40 are one) are read, PARLEY_WALK_MAX_PAGES
// (default 150) how many pages a role's walk reads at most.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';

import { DEMO } from '../http/records.mjs';
import { PASSWORD } from '../http/harness.mjs';
import { serverAndBrowser, newSession, signIn, axeViolations, describeViolations,
         assertVisible, DEVICES, SHOTS } from './browser.mjs';

const PHONE = { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true,
                                          hasTouch: true } };
const REPORT_ONLY = process.env.PARLEY_WALK_REPORT_ONLY === '1';
const PER_SHAPE = Number(process.env.PARLEY_WALK_PER_SHAPE || 2);
const MAX_PAGES = Number(process.env.PARLEY_WALK_MAX_PAGES || 150);

// A rule's number stays in code, tests and /help; a stored key is shown by
// its label (GUIDE.md, "Humane"). A word set as code (<code>employee_id</code>,
// a roster file's column) is one a person types, not a key shown for a label.
const RULE_CODE = /\bR\d{1,2}\b/g;
const STORED_KEY = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;

// Not pages a person reads: signing out, the API, the OpenID provider.
const NOT_WALKED = [/^\/logout\b/, /^\/api\//, /^\/login\/sso\b/, /^\/static\//];

const env = serverAndBrowser();

// Where a link goes, as the walk keys it: path and query, no fragment; null
// when it leaves the site or is not walked.
function target(href, base) {
    const u = new URL(href, base);
    if (u.origin !== new URL(base).origin) return null;
    if (NOT_WALKED.some(re => re.test(u.pathname))) return null;
    return u.pathname + u.search;
}

// Pages of one shape differ by their numbers and their query's values.
function shape(url) {
    const u = new URL(url, 'http://x');
    return u.pathname.replace(/\d+/g, '#') + '?' + [...u.searchParams.keys()].sort().join('&');
}

// What a reader meets on the page: its text (hidden text for screen
// readers included) and the labels and hints kept in attributes; every
// table's width against its box; every link.
function readPage() {
    const literals = [...document.querySelectorAll('code, kbd, samp')].map(e => e.innerText.trim());
    const attrs = [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
        .flatMap(e => ['aria-label', 'title', 'placeholder'].map(a => e.getAttribute(a)).filter(Boolean));
    const tables = [...document.querySelectorAll('main table')].map(t => {
        const box = t.parentElement;
        const name = (t.caption?.innerText || t.querySelector('th')?.innerText || '').trim();
        return { name, scroll: t.scrollWidth, client: t.clientWidth, width: t.getBoundingClientRect().width,
                 right: t.getBoundingClientRect().right, boxScroll: box.scrollWidth, boxClient: box.clientWidth };
    });
    const links = [...document.querySelectorAll('a[href]')].filter(a => !a.hasAttribute('download'))
        .map(a => ({ href: a.href, text: (a.innerText || a.textContent || a.getAttribute('aria-label') || '').trim() }));
    return { text: document.body.innerText, attrs, literals, tables, links, inner: window.innerWidth,
             pageScroll: document.documentElement.scrollWidth };
}

// Each line of text that holds a match of re (other than the literals),
// once: the matches and the words around the first.
function offendingLines(texts, re, what, literals = []) {
    const lines = new Set(texts.flatMap(t => t.split('\n')).map(l => l.trim()));
    return [...lines].flatMap(l => {
        const ms = [...l.matchAll(re)].filter(m => !literals.includes(m[0]));
        if (!ms.length) return [];
        const from = Math.max(0, ms[0].index - 60), to = ms[0].index + ms[0][0].length + 60;
        const around = (from ? '...' : '') + l.slice(from, to) + (to < l.length ? '...' : '');
        return [`${what} ${[...new Set(ms.map(m => m[0]))].join(', ')}: "${around}"`];
    });
}

function wordProblems(url, seen) {
    if (url.startsWith('/help')) return [];
    const texts = [seen.text, ...seen.attrs];
    return [...offendingLines(texts, RULE_CODE, 'rule code'),
            ...offendingLines(texts, STORED_KEY, 'stored key', seen.literals)];
}

function layoutProblems(seen) {
    const out = seen.tables.filter(t => t.scroll > t.client || t.boxScroll > t.boxClient ||
                                        t.right > seen.inner + 0.5)
        .map(t => `clipped table "${t.name}": ${Math.round(Math.max(t.scroll, t.width))}px wide, ` +
                  `its box ${t.boxClient}px, the screen ${seen.inner}px`);
    if (seen.pageScroll > seen.inner)
        out.push(`the page scrolls sideways: ${seen.pageScroll}px wide in a ${seen.inner}px window`);
    return out;
}

// One role's walk: breadth first from where signing in lands, each page
// read once, at most PER_SHAPE of a shape. Returns the problems by page.
async function walk(session, start) {
    const { page } = session;
    const base = env.server.base;
    const problems = new Map();   // page -> [problem]
    const report = (where, what) => problems.set(where, [...(problems.get(where) || []), what]);
    const queue = [{ url: start, from: null, text: '' }];
    const queued = new Set([start]), shapes = new Map();
    let read = 0;
    while (queue.length && read < MAX_PAGES) {
        const link = queue.shift();
        const sh = shape(link.url);
        if ((shapes.get(sh) || 0) >= PER_SHAPE) continue;
        const response = await page.goto(link.url).catch(e => e);
        if (response instanceof Error) {
            if (/Download is starting/.test(response.message)) continue;
            throw response;
        }
        const where = link.from || link.url;
        if (response.status() >= 400) {
            report(where, `link "${link.text}" to ${link.url} answers ${response.status()}: ` +
                          `"${await page.title()}"`);
            continue;
        }
        if (!/^text\/html/.test(response.headers()['content-type'] || '')) continue;
        shapes.set(sh, (shapes.get(sh) || 0) + 1);
        read++;
        const here = target(page.url(), base) || link.url;
        const seen = await page.evaluate(readPage);
        const found = [...wordProblems(here, seen), ...layoutProblems(seen)];
        const axe = await axeViolations(page);
        if (axe.length) found.push(`axe: ${describeViolations(axe)}`);
        if (session.problems.length) found.push(`console: ${session.problems.splice(0).join('; ')}`);
        for (const f of found) report(here, f);
        if (found.length) await photograph(page, here);
        for (const l of seen.links) {
            const url = target(l.href, base);
            if (url && !queued.has(url)) {
                queued.add(url);
                queue.push({ url, from: here, text: l.text });
            }
        }
    }
    return { problems, read };
}

async function photograph(page, url) {
    mkdirSync(`${SHOTS}/walk`, { recursive: true });
    const name = url.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'home';
    await page.screenshot({ path: `${SHOTS}/walk/${name}.png`, fullPage: true });
}

// The problems page by page, a problem seen more than once on a page
// (the same table in each section) said once with how many times.
function describeProblems(who, problems) {
    const once = list => [...new Set(list)].map(p => {
        const n = list.filter(q => q === p).length;
        return `    - ${p.replace(/\n/g, '\n      ')}${n > 1 ? ` (${n} times)` : ''}`;
    });
    const pages = [...problems].map(([url, list]) => `  ${url}\n` + once(list).join('\n'));
    const n = [...problems.values()].reduce((sum, l) => sum + l.length, 0);
    return `${who} at 390 px: ${n} problem(s) on ${problems.size} page(s)\n${pages.join('\n')}`;
}

// Each role of the README once, and its accounts that differ from their
// role's: a Panel member whose term has ended (R29), a principal on the Panel.
const PEOPLE = [
    ['a visitor', null],
    ...Object.entries(DEMO).map(([role, email]) => [`the ${role.replace(/_/g, ' ')} (${email})`, email]),
    ['a past Panel member (panel6@parley.test)', 'panel6@parley.test'],
    ['a principal on the Panel (principal3@parley.test)', 'principal3@parley.test'],
];

// The menu, with scripts off: folded on a phone, its band a small part of
// the screen, opened from the keyboard; always open on a desk.
describe('the menu, without JavaScript', () => {
    const noScript = device => ({ name: device.name, options: { ...device.options, javaScriptEnabled: false } });

    it('folds behind "Menu" on a phone and opens with the keyboard', async () => {
        const s = await newSession(env.browser, noScript(PHONE), env.server.base);
        try {
            const { page } = s;
            await page.goto('/');
            const nav = page.getByRole('navigation', { name: 'Main' });
            const fold = page.locator('header summary');
            assert.equal(await nav.isVisible(), false, 'the menu is folded');
            assert.equal((await fold.innerText()).trim(), 'Menu');
            const band = await page.locator('header').boundingBox();
            assert.ok(band.height < PHONE.options.viewport.height / 8,
                      `the band takes ${band.height}px of a ${PHONE.options.viewport.height}px screen`);
            await fold.focus();
            await page.keyboard.press('Enter');
            await assertVisible(nav.getByRole('link', { name: 'Sign in' }), 'Enter opens the menu');
            await Promise.all([page.waitForNavigation(), nav.getByRole('link', { name: 'About' }).click()]);
            assert.equal(await nav.isVisible(), false, 'the next page starts with the menu folded');
        } finally {
            await s.context.close();
        }
    });

    it('is open on a desk, with no "Menu" to tap', async () => {
        const desk = DEVICES.find(d => d.name === 'desktop');
        const s = await newSession(env.browser, noScript(desk), env.server.base);
        try {
            const { page } = s;
            await page.goto('/');
            await assertVisible(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }));
            assert.equal(await page.locator('header summary').isVisible(), false);
        } finally {
            await s.context.close();
        }
    });
});

describe('every role\'s pages on a 390 px phone', () => {
    for (const [who, email] of PEOPLE)
        it(`${who}: plain words, no clipped table, no link to a refusal, axe clean`, async t => {
            const s = await newSession(env.browser, PHONE, env.server.base);
            try {
                let start = '/';
                if (email) {
                    await signIn(s, email, email, PASSWORD);
                    await s.page.waitForURL(/\/dashboard/);
                    start = '/dashboard';
                }
                const { problems, read } = await walk(s, start);
                t.diagnostic(`${who}: ${read} page(s) read`);
                if (!problems.size) return;
                const text = describeProblems(who, problems);
                if (REPORT_ONLY) console.log(text);
                else assert.fail(text);
            } finally {
                await s.context.close();
            }
        });
});
