// outcomes.test.mjs: R39 in a real browser. A PAR case is taken through its
// whole cycle to the Superintendent's approval through the API
// (../http/journey.mjs). At desktop width the coordinator records its
// outcome; at a 390px phone the teacher follows the link from their case to
// the end-of-cycle survey, reads that the answers are kept without their
// name, answers the three questions and comments. Every page is checked
// (axe, console, no sideways scrolling on the phone).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO, count } from '../http/records.mjs';
import { Journey } from '../http/journey.mjs';
import { DEVICES, check, heading, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

let k;
const env = serverAndBrowser(async e => {
    const j = new Journey(e.server);
    k = await j.parCase('approved');
    await j.signIn(k.teacherEmail);   // a password, as from their one-time link
});
const desktop = DEVICES.find(d => d.name === 'desktop');
const phone390 = { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true,
                                             hasTouch: true, deviceScaleFactor: 2 } };

async function submit(page, name) {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
}

describe('a closed case\'s outcome and survey (R39)', () => {
    it('the coordinator records the outcome, the final rating prefilled (R25)', async () => {
        await asPerson(env, desktop, DEMO.coordinator, async s => {
            const { page } = s;
            await page.goto(env.server.base + `/cases/${k.id}/outcome`);
            assert.match(await heading(page), /^Outcome — case of /);
            await check(s, 'coordinator', 'outcome');
            // R25: another rating than the approved one is refused, beside the field
            await page.getByLabel('Rating before the cycle').selectOption('needs_improvement');
            await page.getByLabel('Rating after the cycle').selectOption('exemplary');
            await page.getByLabel('Did the teacher stay on the job?').selectOption('yes');
            await submit(page, 'Record the outcome');
            await assertVisible(page.getByText(/the one the Superintendent approved: Proficient/).first());
            await check(s, 'coordinator', 'outcome-refused');
            await page.getByLabel('Rating after the cycle').selectOption('proficient');
            await page.getByLabel('Did the teacher stay on the job?').selectOption('yes');
            await page.getByLabel('Continued support').fill('A colleague mentors her next year.');
            await submit(page, 'Record the outcome');
            await assertVisible(page.getByText('The outcome is recorded.', { exact: false }));
            await assertVisible(page.getByText(/\(the teacher\): not yet responded/));
            await check(s, 'coordinator', 'outcome-recorded');
        });
    });

    it('the teacher answers the end-of-cycle survey at 390px', async () => {
        await asPerson(env, phone390, k.teacherEmail, async s => {
            const { page } = s;
            await page.goto(env.server.base + '/my-case');
            await Promise.all([page.waitForNavigation(),
                               page.getByRole('link', { name: 'Answer the end-of-cycle survey' }).first().click()]);
            assert.equal(await heading(page), 'End-of-cycle survey');
            await assertVisible(page.getByText('Your answers are stored without your name'));
            await check(s, 'teacher', 'survey');
            const fair = page.getByRole('group', { name: 'The process felt fair' });
            await fair.getByLabel('4 — Agree').check();
            await page.getByRole('group', { name: 'The process felt transparent' }).getByLabel('3 — Neither agree nor disagree').check();
            await page.getByRole('group', { name: 'The process felt humane' }).getByLabel('5 — Strongly agree').check();
            await page.getByLabel('Comment').fill('My CT listened before she advised.');
            await submit(page, 'Send my answers');
            await assertVisible(page.getByText('Your answers are stored without your name.', { exact: false }));
            await check(s, 'teacher', 'survey-answered');
        });
        assert.equal(count(env.server.db, 'survey_response', "track = 'par' AND party = 'teacher'"), 1);
    });
});
