// goals.test.mjs: goals set and approved (R14, R19), in a real browser at
// desktop and phone width. The teacher revisits their self-assessment and
// adds a goal from the goals bank and proposes it; the Consulting Teacher
// opens case 2's goals from the case page, returns the goal without a reason
// (refused beside the field), then approves it; the coordinator's rubric
// and goals bank pages. Every page on the way is checked (axe, console,
// phone width).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO, scalar } from '../http/records.mjs';
import { DEVICES, check, heading, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

const env = serverAndBrowser();

async function go(page, path) {
    await page.goto(env.server.base + path);
}

async function submit(page, scope, name) {
    await Promise.all([page.waitForNavigation(), scope.getByRole('button', { name }).click()]);
}

async function follow(page, scope, name) {
    await Promise.all([page.waitForNavigation(), scope.getByRole('link', { name }).first().click()]);
}

const PAR = 2;

for (const device of DEVICES) {
    describe(`goals at ${device.name} width`, () => {
        it('the teacher proposes a goal from the bank; the CT returns it, then approves it (R14, R19)', async () => {
            const title = `Writing growth in Grade 10 (${device.name})`;
            const due = scalar(env.server.db, `SELECT cycle_end FROM teacher_case WHERE id = ${PAR};`);
            let goalUrl;

            await asPerson(env, device, DEMO.participating_teacher, async s => {
                const { page } = s;
                await go(page, `/cases/${PAR}/goals`);
                await check(s, 'teacher', 'goals');
                await assertVisible(page.getByText('I know my subject well and plan units carefully.'));
                await follow(page, page, 'Revise your self-assessment');
                await check(s, 'teacher', 'self-assessment');
                await page.getByRole('group', { name: /Standard IV/ }).getByLabel('Areas for growth')
                    .fill('Joining the school\'s planning team this year.');
                await submit(page, page, 'Save the self-assessment');
                await assertVisible(page.getByText('Joining the school\'s planning team this year.'));

                await follow(page, page, 'Add a goal');
                await check(s, 'teacher', 'goal-new');
                await page.getByLabel('Start from the goals bank').selectOption({ label: 'Student learning: Students\' growth in writing' });
                await submit(page, page, 'Use this goal');
                assert.equal(await page.getByLabel('Title').inputValue(), 'Students\' growth in writing');
                await page.getByLabel('Title').fill(title);
                await page.getByLabel('Timed: to be met by').fill(due);
                await submit(page, page, 'Save the draft');
                assert.equal(await heading(page), `${title} — case of Samuel Reyes`);
                await check(s, 'teacher', 'goal-draft');
                await submit(page, page, 'Propose it for approval');
                await assertVisible(page.locator('.flash'));
                goalUrl = new URL(page.url()).pathname;
                assert.match(goalUrl, /^\/cases\/2\/goals\/\d+$/);
            });

            await asPerson(env, device, DEMO.consulting_teacher, async s => {
                const { page } = s;
                await go(page, `/cases/${PAR}`);
                await check(s, 'ct', 'case');
                await follow(page, page.locator('section.case-part'), 'Goals');
                assert.equal(await heading(page), 'Goals — case of Samuel Reyes');
                await assertVisible(page.getByText('1 goal waits for the Consulting Teacher\'s approval.'));
                await check(s, 'ct', 'goals');
                await follow(page, page, title);
                await check(s, 'ct', 'goal-proposed');
                await submit(page, page, 'Return it for revision');
                await assertVisible(page.locator('.error-summary'));
                await check(s, 'ct', 'goal-return-refused');
                await page.getByLabel('Why it goes back').fill('Name the writing rubric you will use.');
                await submit(page, page, 'Return it for revision');
                await assertVisible(page.getByText('Returned for revision', { exact: true }));
                assert.equal(new URL(page.url()).pathname, goalUrl);
            });

            await asPerson(env, device, DEMO.participating_teacher, async s => {
                const { page } = s;
                await go(page, goalUrl);
                await assertVisible(page.getByText('Name the writing rubric you will use.'));
                await follow(page, page, 'Revise this goal');
                await check(s, 'teacher', 'goal-edit');
                await page.getByLabel('Measured: how progress is measured').fill('Samples scored on the school\'s writing rubric.');
                await submit(page, page, 'Save the changes');
                await submit(page, page, 'Propose it for approval');
            });

            await asPerson(env, device, DEMO.consulting_teacher, async s => {
                const { page } = s;
                await go(page, goalUrl);
                await submit(page, page, 'Approve this goal');
                await assertVisible(page.getByText('The goal is approved; the teacher is told.'));
                await check(s, 'ct', 'goal-approved');
                await go(page, `/cases/${PAR}/goals`);
                await assertVisible(page.getByText(/Yes\. A cycle needs at least one approved/));
            });
        });

        it('the coordinator reads and edits the rubric and keeps the goals bank', async () => {
            await asPerson(env, device, DEMO.coordinator, async s => {
                const { page } = s;
                await go(page, '/rubric');
                await check(s, 'coordinator', 'rubric');
                await follow(page, page, 'Add an indicator to standard IV');
                await check(s, 'coordinator', 'rubric-indicator-new');
                await page.getByLabel('Code').fill(`IV-G${device.name === 'phone' ? 'p' : 'd'}`);
                await page.getByLabel('Title').fill(`Mentoring (${device.name})`);
                await submit(page, page, 'Save the indicator');
                await assertVisible(page.getByText(`Mentoring (${device.name})`));
                await go(page, '/goal-bank');
                await check(s, 'coordinator', 'goal-bank');
                await follow(page, page, 'Add a goal to the bank');
                await check(s, 'coordinator', 'goal-bank-new');
            });
        });
    });
}
