// site.test.mjs: the public site in a real browser, at desktop and phone
// width. A visitor walks Home → About → FAQ → Resources (and downloads a
// document) → News → Track Record through the menu; the coordinator edits
// an FAQ entry and sees it, in the preview and on the public page. Every
// page is checked (axe, console, phone width, screenshot).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, PASSWORD } from '../http/harness.mjs';
import { DEVICES, launchBrowser, newSession, check, signIn, menu, heading,
         assertVisible } from './browser.mjs';
import { DEMO } from '../http/records.mjs';

let server, browser;

before(async () => {
    server = await startServer();
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

async function follow(page, locator) {
    await Promise.all([page.waitForNavigation(), locator.click()]);
}

async function visit(s, name, title, what) {
    await follow(s.page, (await menu(s.page)).getByRole('link', { name, exact: true }));
    assert.equal(await heading(s.page), title);
    await check(s, 'visitor', what);
}

for (const device of DEVICES) {
    describe(`public site at ${device.name} width`, () => {
        it('a visitor walks Home, About, FAQ, Resources (download), News and Track Record', async () => {
            const s = await newSession(browser, device, server.base);
            const { page } = s;
            try {
                await page.goto('/');
                assert.equal(await heading(page), 'Harbor City Educator Supports Program');
                await assertVisible(page.getByRole('link', { name: 'Check whether PA or PAR is open to you' }));
                await check(s, 'visitor', 'site-home');

                await visit(s, 'About', 'About the program', 'site-about');
                await assertVisible(page.getByRole('table').filter({ hasText: 'Peer Assistance and Review (PAR)' }));
                await assertVisible(page.getByText('Dana Whitfield'));

                await visit(s, 'FAQ', 'Frequently asked questions', 'site-faq');
                await assertVisible(page.getByRole('heading', { name: 'For administrators', level: 2 }));

                await visit(s, 'Resources', 'Resources', 'site-resources');
                const [download] = await Promise.all([
                    page.waitForEvent('download'),
                    page.getByRole('link', { name: 'Download Goals bank' }).click(),
                ]);
                assert.equal(download.suggestedFilename(), 'goals-bank.csv');

                await visit(s, 'News', 'News', 'site-news');
                await follow(page, page.getByRole('link', { name: 'We are hiring a Consulting Teacher' }));
                assert.equal(await heading(page), 'We are hiring a Consulting Teacher');
                await check(s, 'visitor', 'site-news-post');

                await visit(s, 'Track record', 'Track record', 'site-track-record');
                await assertVisible(page.getByText('a teacher in the program'));

                await visit(s, 'Enroll', 'How to enroll', 'site-enroll');
                await visit(s, 'Contact us', 'Contact us', 'site-contact');
                await follow(page, page.getByRole('link', { name: 'Tell us what you think' }));
                assert.equal(await heading(page), 'Tell us what you think');
                await check(s, 'visitor', 'site-feedback');
                await page.getByLabel('Your comment').fill(`Clear and kind, seen on a ${device.name}.`);
                await page.getByLabel('Who are you? (optional)').selectOption('teacher');
                await follow(page, page.getByRole('button', { name: 'Send my comment' }));
                assert.equal(await heading(page), 'Thank you');
                await check(s, 'visitor', 'site-feedback-thanks');

                // A link to a rule lands on it, read by its title (issue 18):
                // R17 (RULES.md): three parley meetings per PAR cycle.
                await page.goto('/help/rules#R17');
                assert.equal(await heading(page), "The program's rules");
                assert.match(await page.locator('#R17').innerText(), /three/i);
                await check(s, 'visitor', 'help-rules');
            } finally {
                await s.context.close();
            }
        });

        it('the coordinator edits an FAQ entry, sees the preview and the public page', async () => {
            const s = await newSession(browser, device, server.base);
            const { page } = s;
            const question = `Where do parley meetings take place? (${device.name})`;
            // Each width edits an entry of its own: the other run changed one.
            const entry = device.name === 'phone' ? 'How can I become a Consulting Teacher?'
                                                  : 'Who sits on the Panel?';
            try {
                await signIn(s, 'coordinator', DEMO.coordinator, PASSWORD);
                await follow(page, (await menu(page)).getByRole('link', { name: 'Public site' }));
                assert.equal(await heading(page), 'Public site');
                await check(s, 'coordinator', 'site-admin');

                await follow(page, page.getByRole('link', { name: entry }));
                assert.equal(await heading(page), 'Edit a question');
                await check(s, 'coordinator', 'site-faq-edit');

                // An empty answer is named beside the field.
                await page.getByLabel('Answer').fill('');
                await follow(page, page.getByRole('button', { name: 'Save the question' }));
                await assertVisible(page.getByRole('alert'));
                await check(s, 'coordinator', 'site-faq-edit-error');

                await page.getByLabel('Question').fill(question);
                await page.getByLabel('Answer').fill('At the teacher\'s school, **usually after classes**.');
                await follow(page, page.getByRole('button', { name: 'Save the question' }));
                await assertVisible(page.getByRole('status').filter({ hasText: 'The question is saved.' }));
                const preview = page.getByRole('region', { name: 'Preview of the saved text' });
                assert.equal(await preview.locator('strong').innerText(), 'usually after classes');
                await check(s, 'coordinator', 'site-faq-saved');

                await page.goto('/faq');
                await assertVisible(page.getByRole('heading', { name: question, level: 3 }));
                await check(s, 'coordinator', 'site-faq-public');
            } finally {
                await s.context.close();
            }
        });
    });
}
