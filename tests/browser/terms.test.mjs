// terms.test.mjs: the people who run the program in a real browser. At
// desktop width the coordinator records a term for ct3@parley.test on the
// Consulting Teachers' page, then the day they leave, and reads the date
// until which they may not take a principal or assistant-principal post
// (R27). At a 390px phone the Panel's roster shows panel6, whose term ended,
// among past members who cannot vote (R29), and a CT reads their own page.
// Every page is checked (axe, console, no sideways scrolling on the phone).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO, personId } from '../http/records.mjs';
import { DEVICES, check, heading, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

const env = serverAndBrowser();
const desktop = DEVICES.find(d => d.name === 'desktop');
const phone390 = { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true,
                                             hasTouch: true, deviceScaleFactor: 2 } };

// The program's date (America/New_York), YYYY-MM-DD.
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
const plusYears = (date, n) => `${Number(date.slice(0, 4)) + n}${date.slice(4)}`;

async function submit(page, name) {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
}

describe('Consulting Teachers\' terms (R27)', () => {
    it('the coordinator records ct3\'s term and their leaving, and sees the restriction', async () => {
        const start = today(), ct3 = personId(env.server.db, 'ct3@parley.test');
        await asPerson(env, desktop, DEMO.coordinator, async s => {
            const { page } = s;
            await page.goto(env.server.base + '/cts');
            assert.equal(await heading(page), 'Consulting Teachers');
            await check(s, 'coordinator', 'cts');
            await page.getByLabel('Consulting Teacher', { exact: true }).selectOption({ label: 'Priya Raman' });
            await page.getByLabel('Term starts').fill(start);
            await page.getByLabel('Committed until').fill(plusYears(start, 1));
            await submit(page, 'Record this term');
            await assertVisible(page.getByText(/at least 2 years: the commitment must run/).first(), 'R27: a one-year commitment is refused');
            await check(s, 'coordinator', 'cts-refused');
            await page.getByLabel('Committed until').fill(plusYears(start, 2));
            await submit(page, 'Record this term');
            assert.equal(new URL(page.url()).pathname, `/cts/${ct3}`);
            await assertVisible(page.getByText('The term is recorded.'));
            await check(s, 'coordinator', 'ct');
            await page.getByLabel('Left the role on').fill(start);
            await submit(page, 'Record leaving');
            await assertVisible(page.getByText(`May not take a principal or assistant-principal post until ${plusYears(start, 1)}`, { exact: false }));
            await check(s, 'coordinator', 'ct-left');
        });
    });
});

describe('the Panel\'s roster and the CTs\' pages at 390px (R29)', () => {
    it('the roster shows current members by seat and panel6 as past, who cannot vote', async () => {
        await asPerson(env, phone390, DEMO.panel_member, async s => {
            const { page } = s;
            await page.goto(env.server.base + '/panel/roster');
            assert.equal(await heading(page), 'The Panel\'s roster');
            const past = page.getByRole('region', { name: /Past members/ });
            await assertVisible(past.getByText(/panel6@parley\.test/));
            assert.equal(await page.getByRole('region', { name: 'Teacher seats' }).getByText(/panel6@/).count(), 0);
            await assertVisible(page.getByRole('region', { name: 'Principal seats' }).getByText(/panel3@parley\.test/));
            await check(s, 'panel', 'roster');
        });
        await asPerson(env, phone390, DEMO.coordinator, async s => {
            await s.page.goto(env.server.base + '/cts');
            await assertVisible(s.page.getByRole('heading', { name: 'Record a Consulting Teacher\'s term' }));
            await check(s, 'coordinator', 'cts');
        });
        await asPerson(env, phone390, DEMO.consulting_teacher, async s => {
            const ct1 = personId(env.server.db, DEMO.consulting_teacher);
            await s.page.goto(`${env.server.base}/cts/${ct1}`);
            assert.match(await heading(s.page), /Consulting Teacher/);
            await assertVisible(s.page.getByRole('heading', { name: 'The Panel\'s reviews' }));
            await check(s, 'ct', 'own-terms');
        });
    });
});
