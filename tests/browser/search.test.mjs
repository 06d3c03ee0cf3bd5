// search.test.mjs: the coordinator types part of a teacher's name into
// the dashboard's search box and lands on the teacher's record (issue 18's
// "Done when"): at a desk, on a 390 px phone, and without JavaScript. The
// results page is checked too (axe, console, no sideways scrolling). The
// teacher is added through the API (../http/journey.mjs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO } from '../http/records.mjs';
import { PASSWORD } from '../http/harness.mjs';
import { Journey, PEOPLE } from '../http/journey.mjs';
import { DEVICES, check, heading, newSession, serverAndBrowser, signIn } from './browser.mjs';

let teacher;
const env = serverAndBrowser(async e => {
    teacher = await new Journey(e.server).must(PEOPLE.coordinator, 'POST', '/people', {
        name: 'Maria Rodriguez', email: 'maria.rodriguez@example.org', district_year: 4,
        job_type: 'classroom_teacher' });
});

const PHONE_390 = { name: 'phone-390', options: { ...DEVICES[1].options, viewport: { width: 390, height: 844 } } };
const NO_SCRIPT = { name: 'no-javascript', options: { ...DEVICES[0].options, javaScriptEnabled: false } };

for (const device of [DEVICES[0], PHONE_390, NO_SCRIPT]) {
    describe(`search (${device.name})`, () => {
        it('the coordinator finds a teacher by part of their name from the dashboard', async () => {
            const s = await newSession(env.browser, device, env.server.base);
            try {
                const { page } = s;
                await signIn(s, 'coordinator', DEMO.coordinator, PASSWORD);
                await page.waitForURL(/\/dashboard/);
                const box = page.getByRole('search', { name: 'Find a teacher, a case or an inquiry' });
                await box.getByLabel('Find a teacher, a case or an inquiry').fill('Rodr');
                await box.getByRole('button', { name: 'Search' }).click();
                await page.waitForURL(/\/search\?q=Rodr$/);
                assert.equal(await heading(page), 'Search');
                const people = page.getByRole('region', { name: /^People/ });
                const found = people.getByRole('link', { name: 'Maria Rodriguez' });
                assert.equal(await found.count(), 1);
                assert.match(await people.innerText(), /name matches: Maria Rodriguez/);
                // what was typed stays in the box
                const results = page.getByRole('search', { name: 'Change the search' });
                assert.equal(await results.getByLabel('Name, email, school or reference').inputValue(), 'Rodr');
                if (device !== NO_SCRIPT) await check(s, 'coordinator', 'search');
                await found.click();
                await page.waitForURL(new RegExp(`/people/${teacher.id}$`));
                assert.equal(await heading(page), 'Maria Rodriguez');
            } finally {
                await s.context.close();
            }
        });
    });
}
