// eligibility.test.mjs: a visitor checks their eligibility in a real
// browser, from the menu, at desktop and phone width: first with answers
// missing (the errors are named), then fully (every criterion explained).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../http/harness.mjs';
import { DEVICES, launchBrowser, newSession, check, menu, heading, assertVisible } from './browser.mjs';

let server, browser;

before(async () => {
    server = await startServer();
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

for (const device of DEVICES) {
    describe(`eligibility checker at ${device.name} width`, () => {
        it('a visitor checks eligibility: errors first, then every criterion explained', async () => {
            const s = await newSession(browser, device, server.base);
            const { page } = s;
            try {
                await page.goto(server.base + '/');
                await Promise.all([page.waitForNavigation(),
                                   (await menu(page)).getByRole('link', { name: 'Am I eligible?' }).click()]);
                assert.equal(await heading(page), 'Am I eligible?');
                await check(s, 'visitor', 'eligibility');

                await page.getByLabel('Which year in the district are you in?').fill('4');
                await Promise.all([page.waitForNavigation(),
                                   page.getByRole('button', { name: 'Check my eligibility' }).click()]);
                await assertVisible(page.getByRole('alert'));
                assert.equal(await page.getByLabel('Which year in the district are you in?').inputValue(), '4');
                await check(s, 'visitor', 'eligibility-errors');

                await page.getByLabel('Your evaluation plan').selectOption('directed_growth');
                await page.getByLabel('Length of the plan, in months').fill('4');
                await page.getByLabel('Your most recent overall rating').selectOption('needs_improvement');
                await page.getByRole('group', { name: 'Are you a member of the union?' }).getByLabel('Yes').check();
                await page.getByRole('group', { name: 'Do you work full time?' }).getByLabel('Yes').check();
                await page.getByLabel('Your job').selectOption('nurse');
                await Promise.all([page.waitForNavigation(),
                                   page.getByRole('button', { name: 'Check my eligibility' }).click()]);
                await assertVisible(page.getByRole('status').filter({ hasText: 'You can join Peer Assistance (PA)' }));
                // each criterion named by its rule's title, linked to the rule (issue 18)
                const items = await page.locator('ul.criteria li').allTextContents();
                assert.equal(await page.locator('li.criterion-fail a[href="/help/rules#R4"]').count(), 1,
                             'the short plan is named (R4)');
                assert.equal(await page.locator('li.criterion-pass a[href="/help/rules#R1"]').count(), 1,
                             'passed criteria are listed too (R9)');
                assert.ok(items.every(t => !/\bR\d{1,2}\b/.test(t)), 'by title, not number');
                await check(s, 'visitor', 'eligibility-answer');
            } finally {
                await s.context.close();
            }
        });
    });
}
