// reports.test.mjs: the Track Record and the program's reports in a real
// browser (R39). A visitor at a 390px phone reads the public Track Record:
// a group of 6 with its figures, a group of 4 hidden as "fewer than 5: not
// shown", the charts named by their titles. The coordinator at desktop
// width opens /reports. Every page is checked (axe, console, no sideways
// scrolling on the phone).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO } from '../http/records.mjs';
import { outcomes, answers } from '../http/report_rows.mjs';
import { DEVICES, check, heading, assertVisible, serverAndBrowser, asPerson, newSession } from './browser.mjs';

const env = serverAndBrowser(({ server }) => {
    outcomes(server.db, 2023, 'par', 5, 4, 6);
    outcomes(server.db, 2024, 'pa', 1, 3, 4);
    answers(server.db, 2024, 'par', 'teacher', [[5, 4, 5], [5, 4, 5], [4, 4, 5], [4, 4, 5], [2, 4, 5], [1, 4, 5]]);
});
const desktop = DEVICES.find(d => d.name === 'desktop');
const phone390 = { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true,
                                             hasTouch: true, deviceScaleFactor: 2 } };

describe('the Track Record (R39)', () => {
    it('a visitor at 390px reads the figures; a group of 4 is not shown', async () => {
        const s = await newSession(env.browser, phone390, env.server.base);
        try {
            const { page } = s;
            await page.goto('/track-record');
            assert.equal(await heading(page), 'Track record');
            await assertVisible(page.getByRole('img', { name: /Reached Proficient/ }));
            const table = page.getByRole('table', { name: 'Outcomes by school year and track' });
            await assertVisible(table.getByRole('cell', { name: '83% (5 of 6)' }).first());
            await assertVisible(table.getByRole('cell', { name: 'fewer than 5: not shown' }).first(),
                                'R39: the group of 4 says why, without a number');
            assert.equal(await page.getByText('1 of 4').count(), 0);
            await check(s, 'visitor', 'track-record');
        } finally {
            await s.context.close();
        }
    });

    it('the coordinator opens the program\'s reports', async () => {
        await asPerson(env, desktop, DEMO.coordinator, async s => {
            const { page } = s;
            await page.goto(env.server.base + '/reports');
            assert.equal(await heading(page), 'The program\'s reports');
            for (const name of ['Reached Proficient', 'Meetings held on time', 'Median days to feedback'])
                await assertVisible(page.getByRole('img', { name: new RegExp(name) }));
            await assertVisible(page.getByRole('link', { name: 'Download the caseloads (CSV)' }));
            await check(s, 'coordinator', 'reports');
        });
    });
});
