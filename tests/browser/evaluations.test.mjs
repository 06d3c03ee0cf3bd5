// evaluations.test.mjs: a formative assessment in a real browser, 390px
// wide (a phone). The Consulting Teacher, the primary evaluator (R15),
// starts it from the case's evaluations, rates every standard and the
// overall (R26), and shares it with the teacher; the teacher signs it with
// a written response: receipt, not agreement (R20). Every page on the way is
// checked (axe, console, width).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO, sql } from '../http/records.mjs';
import { check, heading, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

// Each run starts the case's evaluations itself, the demo's aside.
const env = serverAndBrowser(e => sql(e.server.db, 'DELETE FROM evaluation_rating; DELETE FROM evaluation;'));
const PHONE = { name: 'phone-390', options: { viewport: { width: 390, height: 844 }, isMobile: true,
                                              hasTouch: true, deviceScaleFactor: 2 } };
const PAR = 2;

async function submit(page, name) {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
}

describe('evaluations at 390px wide', () => {
    it('the CT drafts, rates and shares a formative; the teacher signs it with a response (R15, R20, R26)', async () => {
        let evaluationUrl;
        await asPerson(env, PHONE, DEMO.consulting_teacher, async s => {
            const { page } = s;
            await page.goto(env.server.base + `/cases/${PAR}/evaluations`);
            assert.equal(await heading(page), 'Evaluations — case of Samuel Reyes');
            await check(s, 'ct', 'evaluations');
            await submit(page, 'Start the formative assessment');
            assert.equal(await heading(page), 'Formative assessment — case of Samuel Reyes');
            await check(s, 'ct', 'evaluation-draft');
            for (const std of ['I', 'II', 'III', 'IV'])
                await page.getByLabel(new RegExp(`^Standard ${std} \\(.*\\): rating`)).selectOption('proficient');
            await page.getByLabel(/^Standard II \(.*\): comment/).fill('Questioning reaches every student.');
            await page.getByLabel('Overall rating').selectOption('proficient');
            await page.getByLabel('Narrative').fill('Planning and instruction are at Proficient.');
            await submit(page, 'Save the draft');
            await assertVisible(page.getByText('The draft is saved.'));
            await submit(page, 'Share it with the teacher');
            await assertVisible(page.getByText('Shared with the teacher, waiting for their signature').first());
            await check(s, 'ct', 'evaluation-shared');
            evaluationUrl = new URL(page.url()).pathname;
        });
        await asPerson(env, PHONE, DEMO.participating_teacher, async s => {
            const { page } = s;
            await page.goto(env.server.base + evaluationUrl);
            await assertVisible(page.getByText('Signing acknowledges receipt of the evaluation, not agreement with it.').first());
            await check(s, 'teacher', 'evaluation-to-sign');
            await page.getByLabel('Your written response').fill('I see standard IV differently.');
            await submit(page, 'Sign to acknowledge receipt');
            await assertVisible(page.getByText('I see standard IV differently.'));
            await assertVisible(page.getByText(/^Signed by Samuel Reyes/));
            await check(s, 'teacher', 'evaluation-signed');
            await page.goto(env.server.base + evaluationUrl + '/print');
            await check(s, 'teacher', 'evaluation-print');
        });
    });
});
