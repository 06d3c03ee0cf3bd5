// observations.test.mjs: a Consulting Teacher in a classroom, on a phone
// 390px wide, records an unannounced joint observation on the PAR case
// with evidence tagged and shares the feedback (R18, R19); and a draft
// survives a save whose connection drops: the form is filled, the POST
// fails, the page is opened again and what was typed is back, its draft
// key with it, so the next save makes one observation. Every page on the
// way is checked (axe, console, no sideways scrolling).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { sql } from '../http/harness.mjs';
import { check, heading, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

const PHONE = { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true,
                                          hasTouch: true, deviceScaleFactor: 2 } };
const env = serverAndBrowser();

async function fillObservation(page, { minutes, notes, indicator, feedback }) {
    await page.getByRole('group', { name: 'Was it announced?' }).getByLabel('No').check();
    await page.getByLabel('Length in minutes').fill(minutes);
    await page.getByLabel('Joint: the CT and the administrator together').check();
    await page.getByLabel('Notes').fill(notes);
    await page.getByLabel(indicator).check();
    if (feedback) await page.getByLabel('Feedback for the teacher').fill(feedback);
}

test('R18, R19: the CT records a joint, unannounced observation on a phone and shares the feedback', async () => {
    await asPerson(env, PHONE, 'ct1@parley.test', async s => {
        const { page } = s;
        await page.goto('/cases/2/observations');
        assert.equal(await heading(page), 'Observations — case of Samuel Reyes');
        await assertVisible(page.getByText('No joint observation yet.'));
        await check(s, 'ct', 'observations');
        await page.getByRole('link', { name: 'Record an observation' }).click();
        await fillObservation(page, { minutes: '45', notes: 'Station rotation; clear timer.\nTwo groups waited for help.',
                                      indicator: 'II-B Learning Environment',
                                      feedback: 'The rotation ran smoothly. Try a help board for waiting groups.' });
        await check(s, 'ct', 'observation-form');
        await Promise.all([page.waitForURL(/\/cases\/2\/observations\/\d+$/),
                           page.getByRole('button', { name: 'Save and share the feedback with the teacher' }).click()]);
        await assertVisible(page.getByRole('status').filter({ hasText: 'its feedback shared with the teacher' }));
        await assertVisible(page.getByText(/^Shared on \d{4}-\d\d-\d\d$/));
        await assertVisible(page.getByText('Joint: the CT and the administrator together'));
        await assertVisible(page.getByRole('listitem').filter({ hasText: 'II-B Learning Environment' }));
        await check(s, 'ct', 'observation-shared');
        await assertVisible(page.getByText(/awaiting Grace Okafor's confirmation/));
        await page.getByRole('link', { name: 'All the observations of this case' }).click();
        await assertVisible(page.getByText('No joint observation yet.'),
                            'it counts once the administrator confirms too');
    });
    // R18: the administrator confirms, on the phone too; then it counts.
    await asPerson(env, PHONE, 'principal@parley.test', async s => {
        const { page } = s;
        await page.goto('/cases/2/observations');
        await Promise.all([page.waitForNavigation(),
                           page.getByRole('link', { name: /Observation of/ }).first().click()]);
        await check(s, 'administrator', 'observation-joint');
        await Promise.all([page.waitForNavigation(),
                           page.getByRole('button', { name: 'I was there: confirm this joint observation' }).click()]);
        await page.getByRole('link', { name: 'All the observations of this case' }).click();
        await assertVisible(page.getByText('Joint observations this cycle: 1.'));
        assert.equal(await page.getByText('No joint observation yet').count(), 0);
    });
});

test('a draft typed on the phone survives a save whose connection drops', async () => {
    await asPerson(env, PHONE, 'ct1@parley.test', async s => {
        const { page } = s;
        await page.goto('/cases/2/observations');
        const key = await page.locator('input[name="draft_key"]').inputValue();
        const notes = 'Written in the classroom; the signal dropped on save.';
        await fillObservation(page, { minutes: '33', notes, indicator: 'I-B Assessment' });
        // The save leaves, and the connection drops.
        await page.route('**/cases/2/observations', route =>
            route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue());
        await Promise.all([page.waitForEvent('requestfailed'),
                           page.getByRole('button', { name: 'Save as a draft' }).click()]);
        await page.unroute('**/cases/2/observations');
        assert.equal(Number(sql(env.server.db, `SELECT COUNT(*) FROM observation WHERE draft_key = '${key}';`)[0]), 0,
                     'nothing reached the server');
        s.problems.length = 0;   // the dropped request's own console line

        await page.goto('/cases/2/observations');
        await assertVisible(page.getByText('What you typed on this device and had not saved yet is back in the form.'));
        assert.equal(await page.getByLabel('Notes').inputValue(), notes);
        assert.equal(await page.getByLabel('Length in minutes').inputValue(), '33');
        assert.ok(await page.getByLabel('I-B Assessment').isChecked());
        assert.ok(await page.getByRole('group', { name: 'Was it announced?' }).getByLabel('No').isChecked());
        assert.equal(await page.locator('input[name="draft_key"]').inputValue(), key, 'the same draft, not a new one');
        await check(s, 'ct', 'observation-restored');

        await Promise.all([page.waitForURL(/\/cases\/2\/observations\/\d+$/),
                           page.getByRole('button', { name: 'Save as a draft' }).click()]);
        await assertVisible(page.getByRole('status').filter({ hasText: 'saved as a draft' }));
        assert.equal(Number(sql(env.server.db, `SELECT COUNT(*) FROM observation WHERE draft_key = '${key}';`)[0]), 1);
        const kept = await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('parley-draft:')));
        assert.deepEqual(kept, [], 'saved: the device forgets its copy');
        await check(s, 'ct', 'observation-draft');
    });
});
