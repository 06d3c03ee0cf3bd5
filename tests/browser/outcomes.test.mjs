// outcomes.test.mjs: R39 in a real browser. Demo case 2 (PAR) has its cycle
// closed (set straight in the database: close_cycle's R17 meetings are
// another file's journey). At desktop width the coordinator records its
// outcome; at a 390px phone the teacher follows the link from their case to
// the end-of-cycle survey, reads that the answers are kept without their
// name, answers the three questions and comments. Every page is checked
// (axe, console, no sideways scrolling on the phone).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO, scalar, count } from '../http/records.mjs';
import { DEVICES, check, heading, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

const env = serverAndBrowser(e => {
    scalar(e.server.db, "UPDATE teacher_case SET state = 'cycle_closed' WHERE id = 2;");
});
const desktop = DEVICES.find(d => d.name === 'desktop');
const phone390 = { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true,
                                             hasTouch: true, deviceScaleFactor: 2 } };

async function submit(page, name) {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
}

describe('a closed case\'s outcome and survey (R39)', () => {
    it('the coordinator records the outcome of case 2', async () => {
        await asPerson(env, desktop, DEMO.coordinator, async s => {
            const { page } = s;
            await page.goto(env.server.base + '/cases/2/outcome');
            assert.match(await heading(page), /^Outcome — case of /);
            await check(s, 'coordinator', 'outcome');
            await page.getByLabel('Rating before the cycle').selectOption('needs_improvement');
            await submit(page, 'Record the outcome');
            await assertVisible(page.getByText(/choose the rating after the cycle/).first(), 'R39: the rating after is needed');
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
        await asPerson(env, phone390, DEMO.participating_teacher, async s => {
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
