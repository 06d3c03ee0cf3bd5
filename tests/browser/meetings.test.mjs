// meetings.test.mjs: issue 7's coaching log and parley meetings in a real
// browser. At phone width the CT's pages (meetings, a meeting with its
// forms, the coaching log, the calendar feed) are checked. At desktop
// width the CT of the demo's PAR case (case 2) schedules three meetings,
// records each held with who attended and its minutes (R17), makes a
// calendar feed link whose URL serves the three events, and closes the
// cycle. At both, the administrator of the PA case's school is refused its
// coaching log, and its case page has no trace of it (R16). Every page is
// checked (axe, console, phone width).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { sql } from '../http/harness.mjs';
import { DEMO, scalar } from '../http/records.mjs';
import { DEVICES, check, heading, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

const PAR_CASE = 2, PA_CASE = 1;
const env = serverAndBrowser();

async function go(page, path) {
    await page.goto(env.server.base + path);
}

async function submit(page, scope, name) {
    await Promise.all([page.waitForNavigation(), scope.getByRole('button', { name }).click()]);
}

// The program's date (America/New_York) days from today, YYYY-MM-DD.
function localDate(offsetDays) {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' })
        .format(new Date(Date.now() + offsetDays * 86400000));
}

const phone = DEVICES.find(d => d.name === 'phone'), desktop = DEVICES.find(d => d.name === 'desktop');

for (const device of DEVICES) {
    describe(`R16 at ${device.name} width`, () => {
        it('the administrator of a PA teacher\'s school cannot see the coaching log', async () => {
            await asPerson(env, device, 'principal2@parley.test', async s => {
                const { page } = s;
                await go(page, `/cases/${PA_CASE}`);
                await check(s, 'pa-administrator', 'pa-case');
                assert.equal(await page.getByRole('link', { name: 'Coaching log' }).count(), 0, 'no section, no tab');
                assert.equal(await page.getByText(/Coaching log entry/).count(), 0, 'nothing on the timeline');
                const r = await page.goto(`${env.server.base}/cases/${PA_CASE}/coaching`);
                assert.equal(r.status(), 403);
                await assertVisible(page.getByText(/The coaching log is kept by the case's Consulting Teacher/));
                await check(s, 'pa-administrator', 'pa-coaching-refused');
            });
            await asPerson(env, device, 'teacher2@parley.test', async s => {
                await go(s.page, `/cases/${PA_CASE}/coaching`);
                await assertVisible(s.page.getByText('This coaching log is confidential: it is never shown to an evaluator and is never evidence in an evaluation.'));
                await check(s, 'pa-teacher', 'pa-coaching');
            });
        });
    });
}

describe('the CT\'s pages at phone width', () => {
    it('meetings, a meeting and its forms, the coaching log, the calendar feed', async () => {
        await asPerson(env, phone, DEMO.consulting_teacher, async s => {
            const { page } = s;
            await go(page, `/cases/${PAR_CASE}/meetings`);
            await assertVisible(page.getByText('1 of 3 held'));
            await check(s, 'ct', 'meetings');
            await Promise.all([page.waitForNavigation(), page.locator('table a').last().click()]);
            await assertVisible(page.getByRole('heading', { name: 'Reschedule' }));
            await check(s, 'ct', 'meeting');
            await go(page, `/cases/${PAR_CASE}/coaching`);
            await assertVisible(page.getByRole('heading', { name: 'Add a visit or contact' }));
            await check(s, 'ct', 'coaching');
            await go(page, '/account/calendar');
            await check(s, 'ct', 'calendar');
            await submit(page, page, 'Make a link');
            await assertVisible(page.getByLabel(/Your new link/));
            await check(s, 'ct', 'calendar-link');
        });
    });
});

describe('a CT\'s parley meetings at desktop width (R17)', () => {
    it('three meetings scheduled and held, the feed serves them, the cycle closes', async () => {
        const days = [-3, -2, -1];
        await asPerson(env, desktop, DEMO.consulting_teacher, async s => {
            const { page } = s;
            await go(page, `/cases/${PAR_CASE}`);
            await Promise.all([page.waitForNavigation(),
                               page.getByRole('link', { name: 'Meetings', exact: true }).first().click()]);
            assert.equal(await heading(page), 'Parley meetings — case of ' +
                scalar(env.server.db, `SELECT p.name FROM person p JOIN teacher_case k ON k.teacher_id = p.id WHERE k.id = ${PAR_CASE};`));
            const phases = ['End of the cycle', 'Additional meeting', 'Additional meeting'];
            for (let i = 0; i < 3; i++) {
                const form = page.locator('section', { has: page.getByRole('heading', { name: 'Schedule a meeting' }) });
                await form.getByLabel('Which meeting').selectOption({ label: phases[i] });
                await form.getByLabel('Date and time').fill(`${localDate(days[i])}T1${i}:00`);
                await form.getByLabel('Length in minutes').fill('45');
                await form.getByLabel('Place').fill(`Riverside HS, room ${20 + i}`);
                await submit(page, form, 'Schedule the meeting');
                await assertVisible(page.getByText('The meeting is scheduled; the people of the case are told.'));
            }
            await check(s, 'ct', 'meetings-scheduled');
            for (let i = 0; i < 3; i++) {
                await Promise.all([page.waitForNavigation(),
                                   page.getByRole('link', { name: new RegExp(`^${localDate(days[i])} 1${i}:00`) }).click()]);
                const form = page.locator('#held');
                for (const who of ['The teacher', 'The Consulting Teacher', 'The administrator'])
                    await form.getByLabel(who).check();
                await form.getByLabel('Minutes of the meeting').fill(`Meeting ${i + 1}: progress on the goals, next steps agreed.`);
                if (i === 0) await check(s, 'ct', 'meeting-hold');
                await submit(page, form, 'Record it held');
                await assertVisible(page.getByText('The meeting is recorded as held.'));
            }
            await assertVisible(page.getByText('4 held (at least 3)'));
            await check(s, 'ct', 'meetings-held');

            await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'your calendar feed' }).click()]);
            await submit(page, page, /^Make a (new )?link/);
            const url = await page.getByLabel(/Your new link/).inputValue();
            assert.match(url, /\/calendar\/[0-9a-f]{64}\.ics$/);
            await check(s, 'ct', 'calendar-link');
            const feed = await fetch(url);
            assert.equal(feed.status, 200);
            assert.match(feed.headers.get('content-type'), /^text\/calendar/);
            const text = await feed.text();
            assert.match(text, /^BEGIN:VCALENDAR\r\n/);
            assert.match(text, /END:VCALENDAR\r\n$/);
            const uids = sql(env.server.db, `SELECT uid FROM meeting WHERE case_id = ${PAR_CASE} AND status = 'held' AND phase IN ('end', 'extra');`);
            assert.equal(uids.length, 3);
            for (const uid of uids) assert.ok(text.includes(`UID:${uid}\r\n`), `the feed has ${uid}`);

            await go(page, `/cases/${PAR_CASE}`);
            await page.locator('#step-close_cycle').getByLabel('Yes, close the cycle').check();   // issue 18
            await submit(page, page.locator('#step-close_cycle'), 'Close the cycle');
            await assertVisible(page.getByText('Done: Close the cycle.'));
            await assertVisible(page.locator('dl.record').getByText('Cycle closed'));
            await check(s, 'ct', 'case-cycle-closed');
        });
    });
});
