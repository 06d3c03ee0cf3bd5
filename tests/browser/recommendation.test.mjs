// recommendation.test.mjs: the recommendation to the Panel in a real
// browser, at a phone's 390px: the Consulting Teacher of case 2 writes the
// recommendation (a rating and a rationale, R21) and sends it to the
// Panel; the teacher reads it with the preview deadline and sends the
// Panel written evidence (R22); the Superintendent approves the Panel's
// rating, and the teacher's case then calls it final (R25). Every page on
// the way is checked (axe, console, no sideways scrolling).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO, scalar } from '../http/records.mjs';
import { DEVICES, check, heading, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

const env = serverAndBrowser();
const PAR = 2;
// A phone of 390px (the sideways check runs for the 'phone' device).
const PHONE = { name: 'phone', options: { ...DEVICES[1].options, viewport: { width: 390, height: 844 } } };
const RATIONALE = 'Routines are steadier since January; questioning still needs work.';

async function go(page, path) {
    await page.goto(env.server.base + path);
}
async function submit(page, name) {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
}

describe('the recommendation to the Panel at 390px', () => {
    it('the CT sends it; the teacher sees the deadline and sends evidence; the Superintendent approves (R21, R22, R25)', async () => {
        const until = new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10);

        await asPerson(env, PHONE, DEMO.consulting_teacher, async s => {
            const { page } = s;
            await go(page, `/cases/${PAR}`);
            await Promise.all([page.waitForNavigation(),
                page.locator('section.case-part').getByRole('link', { name: 'Recommendation' }).click()]);
            assert.equal(await heading(page), 'Recommendation to the Panel — case of Samuel Reyes');
            await check(s, 'ct', 'recommendation-new');
            await submit(page, 'Save the draft');
            await assertVisible(page.locator('.error-summary'));
            await check(s, 'ct', 'recommendation-refused');
            await page.getByLabel('Overall rating you recommend').selectOption('needs_improvement');
            await page.getByLabel('Rationale').fill(RATIONALE);
            await submit(page, 'Save the draft');
            await check(s, 'ct', 'recommendation-draft');
            await submit(page, 'Send to the Panel');
            await assertVisible(page.getByText(`until ${until} (10 days left)`));
            await check(s, 'ct', 'recommendation-sent');
        });

        await asPerson(env, PHONE, DEMO.participating_teacher, async s => {
            const { page } = s;
            await go(page, `/cases/${PAR}/recommendation`);
            await assertVisible(page.getByText(RATIONALE));
            await assertVisible(page.getByText(`until ${until} (10 days left)`));
            await check(s, 'teacher', 'recommendation');
            await page.getByLabel('What you send').selectOption('written');
            await page.getByLabel(/Your evidence/).fill('My spring unit plans and student work samples.');
            await submit(page, 'Send this to the Panel');
            await assertVisible(page.getByText('My spring unit plans and student work samples.'));
            await check(s, 'teacher', 'recommendation-evidence-sent');
            await go(page, `/cases/${PAR}/packet`);
            await check(s, 'teacher', 'packet');
        });

        // The Panel decides (its part writes this row when a vote closes).
        scalar(env.server.db, `INSERT INTO panel_session (program_id, held_on, vote_rule, quorum, status, created_at, updated_at) `
            + `SELECT program_id, '${until}', 'majority', 3, 'closed', 1, 1 FROM teacher_case WHERE id = ${PAR};`);
        scalar(env.server.db, `INSERT INTO panel_decision (case_id, session_id, rating, tally, decided_at) `
            + `SELECT ${PAR}, MAX(id), 'needs_improvement', '4 of 5 present', 1000 FROM panel_session;`);

        await asPerson(env, PHONE, DEMO.superintendent, async s => {
            const { page } = s;
            await go(page, '/decisions');
            await check(s, 'superintendent', 'decisions');
            await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Samuel Reyes' }).click()]);
            await assertVisible(page.getByText(/awaiting the Superintendent's approval/));
            await check(s, 'superintendent', 'decision');
            await submit(page, 'Return it to the Panel');
            await assertVisible(page.locator('.error-summary'));
            await check(s, 'superintendent', 'decision-return-refused');
            await submit(page, 'Approve the rating');
            await assertVisible(page.getByText(/Final rating: Needs Improvement/));
        });

        await asPerson(env, PHONE, DEMO.participating_teacher, async s => {
            const { page } = s;
            await go(page, `/cases/${PAR}/decision`);
            await assertVisible(page.getByText(/Final rating: Needs Improvement/));
            await check(s, 'teacher', 'decision-final');
        });
    });
});
