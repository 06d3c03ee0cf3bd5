// dashboard.test.mjs: the Consulting Teacher's dashboard (the weighted
// caseload against the cap, R30; each case's next due item; the week's
// visits and meetings) and the deadlines page, at desktop and phone width;
// the teacher's own case page shows what is due (R37). Every page is
// checked (axe, console, phone width).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO } from '../http/records.mjs';
import { DEVICES, check, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

const env = serverAndBrowser();

for (const device of DEVICES) {
    describe(`what is due (${device.name})`, () => {
        it('the CT sees their caseload, what is due and their week', async () => {
            await asPerson(env, device, DEMO.consulting_teacher, async s => {
                const { page } = s;
                await assertVisible(page.getByRole('heading', { name: 'Your caseload' }));
                await assertVisible(page.getByText(/of the program's cap of 20 \(R30\)/));
                await assertVisible(page.getByRole('list', { name: /Your teachers/ })
                    .getByRole('link', { name: 'Samuel Reyes' }));
                await assertVisible(page.getByRole('heading', { name: /The week of/ }));
                await check(s, 'ct', 'dashboard');
                await page.getByRole('link', { name: 'Next week' }).click();
                await page.waitForURL(/week=/);
                await check(s, 'ct', 'dashboard-next-week');
                await page.goto('/deadlines');
                await assertVisible(page.getByRole('heading', { level: 1, name: 'Deadlines' }));
                await check(s, 'ct', 'deadlines');
            });
        });
        it('the teacher sees all of their deadlines on their own case (R37)', async () => {
            await asPerson(env, device, DEMO.participating_teacher, async s => {
                const { page } = s;
                await page.goto('/my-case');
                await assertVisible(page.getByRole('heading', { name: 'What is due' }));
                const items = await page.locator('ul.deadlines li').count();
                assert.ok(items >= 3, `${items} deadlines: the three parley meetings at least (R17)`);
                await check(s, 'teacher', 'my-case-deadlines');
            });
        });
    });
}
