// cycle.test.mjs: issue 7's "Done when", in a real browser: a Consulting
// Teacher walks through the middle of a PAR cycle. Goals are set and
// approved (R14, R19); an unannounced observation and a joint one are
// recorded with evidence tagged to the rubric (R18, R19); the
// administrator uploads an artifact (R15); on a PA case the CT's coaching
// log is kept where the school's administrator provably cannot see it
// (R16); three parley meetings are scheduled and held (R17); and the CT's
// calendar feed imports cleanly, read back by libical (ical_check). Every
// page on the way is checked (axe, console, width).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO, sql, scalar } from '../http/records.mjs';
import { DEVICES, check, heading, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

const PA_CASE = 1, PAR = 2;
const ICAL_CHECK = process.env.PARLEY_ICAL_CHECK || 'build/san/tests/ical_check';
const desktop = DEVICES.find(d => d.name === 'desktop');
// The journey sets the PAR case's goals and meetings itself.
const env = serverAndBrowser(async ({ server }) => {
    for (const table of ['goal', 'meeting'])
        assert.equal(sql(env.server.db, `DELETE FROM ${table} WHERE case_id = ${PAR};`).code, 0);
});

async function submit(page, scope, name) {
    await Promise.all([page.waitForNavigation(), scope.getByRole('button', { name }).click()]);
}

// The program's date (America/New_York) days from today, YYYY-MM-DD.
function localDate(offsetDays) {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' })
        .format(new Date(Date.now() + offsetDays * 86400000));
}

async function proposeFromBank(page, bankLabel, due) {
    await page.goto(`/cases/${PAR}/goals`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Add a goal' }).first().click()]);
    await page.getByLabel('Start from the goals bank').selectOption({ label: bankLabel });
    await submit(page, page, 'Use this goal');
    await page.getByLabel('Timed: to be met by').fill(due);
    await submit(page, page, 'Save the draft');
    await submit(page, page, 'Propose it for approval');
    return new URL(page.url()).pathname;
}

async function observe(page, { joint, minutes, notes, indicator, feedback }) {
    await page.goto(`/cases/${PAR}/observations`);
    await page.getByRole('link', { name: 'Record an observation' }).click();
    await page.getByRole('group', { name: 'Was it announced?' }).getByLabel('No').check();
    await page.getByLabel('Length in minutes').fill(minutes);
    await page.getByLabel(joint ? 'Joint: the CT and the administrator together' : 'Consulting Teacher',
                          { exact: true }).check();
    await page.getByLabel('Notes').fill(notes);
    await page.getByLabel(indicator).check();
    await page.getByLabel('Feedback for the teacher').fill(feedback);
    await Promise.all([page.waitForURL(/\/cases\/2\/observations\/\d+$/),
                       page.getByRole('button', { name: 'Save and share the feedback with the teacher' }).click()]);
    await assertVisible(page.getByRole('listitem').filter({ hasText: indicator }));
}

describe('a CT through the middle of a PAR cycle (issue 7)', () => {
    it('goals, observations, an artifact, a confidential PA log, three meetings, the calendar', async () => {
        const due = scalar(env.server.db, `SELECT cycle_end FROM teacher_case WHERE id = ${PAR};`);
        const goals = [];

        // R19: the teacher proposes a practice and a student-learning goal.
        await asPerson(env, desktop, DEMO.participating_teacher, async s => {
            const { page } = s;
            goals.push(await proposeFromBank(page, 'Professional practice: Check for understanding in every lesson', due));
            goals.push(await proposeFromBank(page, 'Student learning: Students\' growth in writing', due));
            await page.goto(`/cases/${PAR}/goals`);
            await check(s, 'cycle-teacher', 'goals-proposed');
        });

        await asPerson(env, desktop, DEMO.consulting_teacher, async s => {
            const { page } = s;
            // R14: the CT, the primary evaluator, approves them; R19 is met.
            for (const url of goals) {
                await page.goto(url);
                await submit(page, page, 'Approve this goal');
                await assertVisible(page.getByText('The goal is approved; the teacher is told.'));
            }
            await page.goto(`/cases/${PAR}/goals`);
            await assertVisible(page.getByText(/Yes\. A cycle needs at least one approved/));
            await check(s, 'cycle-ct', 'goals-approved');

            // R19, R18: an unannounced observation by the CT, then a joint one.
            await observe(page, { joint: false, minutes: '40', notes: 'Cold calling; students answered in pairs.',
                                  indicator: 'II-A Instruction', feedback: 'Good pacing. Add wait time.' });
            await check(s, 'cycle-ct', 'observation-unannounced');
            await observe(page, { joint: true, minutes: '50', notes: 'Exit tickets collected at the door.',
                                  indicator: 'I-B Assessment', feedback: 'Use the exit tickets to plan groups.' });
            await page.goto(`/cases/${PAR}/observations`);
            await assertVisible(page.getByText(/1 joint observation awaits a confirmation/),
                                'R18: it counts once the administrator confirms');
            await check(s, 'cycle-ct', 'observations');
        });

        // R18: the administrator confirms observing together; R15: as the
        // secondary evaluator, uploads an artifact.
        await asPerson(env, desktop, DEMO.administrator, async s => {
            const { page } = s;
            await page.goto(`/cases/${PAR}/observations`);
            await Promise.all([page.waitForNavigation(),
                               page.getByRole('link', { name: /Observation of/ }).first().click()]);
            await submit(page, page, 'I was there: confirm this joint observation');
            await assertVisible(page.getByText(/confirmed by both/));
            await page.goto(`/cases/${PAR}/observations`);
            assert.equal(await page.getByText('No joint observation yet').count(), 0, 'R18: a joint observation');
            await check(s, 'cycle-administrator', 'observations');
            await page.goto(`/cases/${PAR}/artifacts`);
            await page.getByLabel('Title').fill('Walkthrough notes, October');
            await page.getByLabel('File').setInputFiles({ name: 'walkthrough.txt', mimeType: 'text/plain',
                buffer: Buffer.from('Walkthrough, room 12: objectives posted; students on task.\n') });
            await page.getByLabel('II-B Learning Environment').check();
            await submit(page, page, 'Add the artifact');
            await assertVisible(page.getByText('Walkthrough notes, October').first());
            await check(s, 'cycle-administrator', 'artifact');
        });

        // R16: on PA case 1 the CT keeps a coaching log ...
        await asPerson(env, desktop, 'ct2@parley.test', async s => {
            const { page } = s;
            await page.goto(`/cases/${PA_CASE}/coaching`);
            await page.getByLabel('Date').fill(localDate(-1));
            await page.getByLabel('Minutes', { exact: true }).fill('35');
            await page.getByLabel('Kind').selectOption('visit');
            await page.getByLabel('Focus').fill('Confidential: routines for the first ten minutes');
            await submit(page, page, 'Add to the log');
            await assertVisible(page.getByText('Confidential: routines for the first ten minutes').first());
            await check(s, 'cycle-pa-ct', 'coaching');
        });
        // ... that the administrator of the teacher's school cannot see.
        await asPerson(env, desktop, 'principal2@parley.test', async s => {
            const { page } = s;
            await page.goto(`/cases/${PA_CASE}`);
            assert.equal(await page.getByRole('link', { name: 'Coaching log' }).count(), 0);
            assert.equal(await page.getByText(/routines for the first ten minutes/).count(), 0);
            const r = await page.goto(`${env.server.base}/cases/${PA_CASE}/coaching`);
            assert.equal(r.status(), 403);
            assert.equal(await page.getByText(/routines for the first ten minutes/).count(), 0);
            await check(s, 'cycle-pa-administrator', 'coaching-refused');
            const api = await page.goto(`${env.server.base}/inbox`);
            assert.equal(api.status(), 200);
            assert.equal(await page.getByText(/coaching/i).count(), 0, 'nothing in their inbox either');
        });

        // R17: three parley meetings scheduled and held; the feed imports cleanly.
        await asPerson(env, desktop, DEMO.consulting_teacher, async s => {
            const { page } = s;
            await page.goto(`/cases/${PAR}/meetings`);
            const phases = ['Start of the cycle', 'Additional meeting', 'Additional meeting'];
            for (let i = 0; i < 3; i++) {
                const form = page.locator('section', { has: page.getByRole('heading', { name: 'Schedule a meeting' }) });
                await form.getByLabel('Which meeting').selectOption({ label: phases[i] });
                await form.getByLabel('Date and time').fill(`${localDate(i - 3)}T1${i}:30`);
                await form.getByLabel('Length in minutes').fill('60');
                await form.getByLabel('Place').fill(`Riverside HS, library table ${i + 1}`);
                await submit(page, form, 'Schedule the meeting');
            }
            for (let i = 0; i < 3; i++) {
                await Promise.all([page.waitForNavigation(),
                                   page.getByRole('link', { name: new RegExp(`^${localDate(i - 3)} 1${i}:30`) }).click()]);
                const form = page.locator('#held');
                for (const who of ['The teacher', 'The Consulting Teacher', 'The administrator'])
                    await form.getByLabel(who).check();
                await form.getByLabel('Minutes of the meeting').fill(`Parley ${i + 1}: goals, evidence, next steps.`);
                await submit(page, form, 'Record it held');
                await assertVisible(page.getByText('The meeting is recorded as held.'));
            }
            await assertVisible(page.getByText(/3 held/));
            await check(s, 'cycle-ct', 'meetings-held');

            await page.goto('/account/calendar');
            await submit(page, page, /^Make a (new )?link/);
            const url = await page.getByLabel(/Your new link/).inputValue();
            const feed = await fetch(url);
            assert.equal(feed.status, 200);
            const file = join(mkdtempSync(join(tmpdir(), 'parley-feed-')), 'feed.ics');
            writeFileSync(file, Buffer.from(await feed.arrayBuffer()));
            const out = execFileSync(ICAL_CHECK, [file], { encoding: 'utf8' });
            const events = Number(out.match(/^(\d+) events/)[1]);
            assert.ok(events >= 3, `libical read ${events} events from the feed`);
            await check(s, 'cycle-ct', 'calendar');
        });
    });
});
