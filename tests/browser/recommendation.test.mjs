// recommendation.test.mjs: the recommendation to the Panel in a real
// browser, at a phone's 390px, on a PAR case whose cycle is closed (taken
// there through the API: ../http/journey.mjs): its Consulting Teacher writes the
// recommendation (a rating and a rationale, R21) and sends it to the
// Panel; the teacher reads it with the preview deadline and sends the
// Panel written evidence (R22); the Superintendent approves the Panel's
// rating, and the teacher's case then calls it final (R25). Every page on
// the way is checked (axe, console, no sideways scrolling).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO } from '../http/records.mjs';
import { Journey, addDays } from '../http/journey.mjs';
import { DEVICES, check, heading, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

let j, k, PAR, TEACHER;
const env = serverAndBrowser(async e => {
    j = new Journey(e.server);
    k = await j.parCase('closed');
    [PAR, TEACHER] = [k.id, k.teacherName];
    await j.signIn(k.teacherEmail);   // a password, as from their one-time link
});
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
        const until = addDays(await j.today(), 10);

        await asPerson(env, PHONE, DEMO.consulting_teacher, async s => {
            const { page } = s;
            await go(page, `/cases/${PAR}`);
            await Promise.all([page.waitForNavigation(),
                page.locator('section.case-part').getByRole('link', { name: 'Recommendation' }).click()]);
            assert.equal(await heading(page), `Recommendation to the Panel — case of ${TEACHER}`);
            await check(s, 'ct', 'recommendation-new');
            await submit(page, 'Save the draft');
            await assertVisible(page.locator('.error-summary'));
            await check(s, 'ct', 'recommendation-refused');
            await page.getByLabel('Overall rating you recommend').selectOption('needs_improvement');
            await page.getByLabel('Rationale').fill(RATIONALE);
            await submit(page, 'Save the draft');
            await check(s, 'ct', 'recommendation-draft');
            await page.getByLabel('Yes, send to the Panel').check();   // final: confirmed (issue 18)
            await submit(page, 'Send to the Panel');
            await assertVisible(page.getByText(`until ${until} (10 days left)`));
            await check(s, 'ct', 'recommendation-sent');
        });

        await asPerson(env, PHONE, k.teacherEmail, async s => {
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

        // The Panel decides at a session after the deadline, its members voting (the API).
        [k.previewUntil, k.stage] = [until, 'sent'];
        await j.docketed(k);
        await j.decided(k, 'needs_improvement');

        await asPerson(env, PHONE, DEMO.superintendent, async s => {
            const { page } = s;
            await go(page, '/decisions');
            await check(s, 'superintendent', 'decisions');
            await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: TEACHER }).click()]);
            await assertVisible(page.getByText(/awaiting the Superintendent's approval/));
            await check(s, 'superintendent', 'decision');
            await submit(page, 'Return it to the Panel');
            await assertVisible(page.locator('.error-summary'));
            await check(s, 'superintendent', 'decision-return-refused');
            await page.getByLabel('Yes, approve the rating').check();   // final: confirmed (issue 18)
            await submit(page, 'Approve the rating');
            await assertVisible(page.getByText(/Final rating: Needs Improvement/));
        });

        await asPerson(env, PHONE, k.teacherEmail, async s => {
            const { page } = s;
            await go(page, `/cases/${PAR}/decision`);
            await assertVisible(page.getByText(/Final rating: Needs Improvement/));
            await check(s, 'teacher', 'decision-final');
        });
    });
});
