// panel.test.mjs: a Panel session in a real browser at phone width (390px),
// every page checked (axe, console, no sideways scrolling). The
// coordinator schedules a session after the preview deadline (R22), puts
// the PAR case on the docket (its whole cycle taken through the API to the
// Panel, ../http/journey.mjs: R21) and ticks the members present (the
// member whose term ended is not offered, R29); three members vote; one
// closes the vote, and the outcome shows, awaiting approval (R24, R25).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO } from '../http/records.mjs';
import { Journey, addDays } from '../http/journey.mjs';
import { check, heading, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

const PHONE = { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true,
                                          hasTouch: true, deviceScaleFactor: 2 } };
const VOTERS = [['panel@parley.test', 'Frank Moreau'], ['panel2@parley.test', 'Ivy Chen'],
                ['panel3@parley.test', 'Omar Haddad']];

let j, k, TEACHER;
const env = serverAndBrowser(async e => {
    j = new Journey(e.server);
    k = await j.parCase('sent');
    TEACHER = k.teacherName;
    await j.goTo(addDays(k.previewUntil, 1));   // the Panel meets after the deadline
});

async function submit(page, scope, name) {
    await Promise.all([page.waitForNavigation(), scope.getByRole('button', { name }).click()]);
}

describe('a Panel session at 390px', () => {
    it('the coordinator schedules it, sets the docket and attendance; members vote; the outcome shows (R24, R25, R29)', async () => {
        const today = await j.today();
        let sessionUrl;
        await asPerson(env, PHONE, DEMO.coordinator, async s => {
            const { page } = s;
            await page.goto(env.server.base + '/panel/sessions');
            await check(s, 'coordinator', 'panel-sessions');
            await page.getByLabel('Date').fill(today);
            await page.getByLabel('Time').fill('16:00');
            await page.getByLabel('Place').fill('Central Office, Room 204');
            assert.equal(await page.getByLabel('Vote rule').inputValue(), 'majority', 'the setting');
            await page.getByLabel('Quorum').fill('3');
            await submit(page, page, 'Schedule the session');
            assert.equal(await heading(page), `Panel session of ${today} at 16:00`);
            sessionUrl = new URL(page.url()).pathname;
            await page.getByLabel('Case to add').selectOption({ label: `Case of ${TEACHER} (recommended: Proficient)` });
            await submit(page, page, 'Add to the docket');
            await assertVisible(page.getByRole('heading', { name: `Case of ${TEACHER}` }));
            await assertVisible(page.getByText(/A member whose term does not cover this date cannot sit or vote: Edith Marsh/));
            assert.equal(await page.getByLabel('Edith Marsh').count(), 0, 'R29: not offered');
            for (const [, name] of VOTERS) await page.getByLabel(name).check();
            await submit(page, page, 'Save who is present');
            await assertVisible(page.getByText('Who is present is saved.'));
            await check(s, 'coordinator', 'panel-session');
        });
        for (const [email, name] of VOTERS)
            await asPerson(env, PHONE, email, async s => {
                const { page } = s;
                await page.goto(env.server.base + sessionUrl);
                await page.getByLabel(`Your vote on the case of ${TEACHER}`).selectOption({ label: 'Proficient' });
                await page.getByLabel('Yes, cast my vote').check();   // a vote is final (issue 18)
                await submit(page, page, 'Cast my vote');
                await assertVisible(page.getByText('You voted Proficient.'));
                if (name === 'Frank Moreau') await check(s, 'panel', 'panel-voted');
            });
        await asPerson(env, PHONE, VOTERS[0][0], async s => {
            const { page } = s;
            await page.goto(env.server.base + '/panel');
            await check(s, 'panel', 'panel-overview');
            await page.goto(env.server.base + sessionUrl);
            await page.getByRole('link', { name: 'The Panel\'s deliberation on this case' }).click();
            await page.waitForURL(new RegExp(`/cases/${k.id}$`));
            await check(s, 'panel', 'panel-deliberation');
            await page.getByLabel('Add a note').fill('The evidence on standard II is strong.');
            await submit(page, page, 'Add the note');
            await assertVisible(page.getByText('The evidence on standard II is strong.'));
            await page.getByLabel(`Yes, close the vote on the case of ${TEACHER} and tally it`).check();   // issue 18
            await submit(page, page, `Close the vote on the case of ${TEACHER} and tally it`);
            await assertVisible(page.getByText('The Panel\'s rating: Proficient.'));
            await assertVisible(page.getByText(/3 of 3 members present voted Proficient; a majority needs 2\./).first());
            await check(s, 'panel', 'panel-decided');
        });
    });
});
