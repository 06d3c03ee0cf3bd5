// intake.test.mjs: R10 in a real browser, at desktop and phone width: a
// visitor sends the contact form (an error first, then the reference), and
// the coordinator finds the inquiry in the intake queue and assigns it to a
// Consulting Teacher. Every page is checked (axe, no sideways scrolling,
// screenshots).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, PASSWORD } from '../http/harness.mjs';
import { DEVICES, launchBrowser, newSession, check, signIn, heading, assertVisible } from './browser.mjs';

let server, browser;

before(async () => {
    server = await startServer();
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

async function submit(page, name) {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
}

// The visitor's part; returns the reference they were given.
async function sendContactForm(s, name) {
    const { page } = s;
    await page.goto('/contact/new');
    assert.equal(await heading(page), 'Contact the program');
    await check(s, 'visitor', 'contact');

    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Your email address').fill('not an email');
    await submit(page, 'Send');
    await assertVisible(page.getByRole('alert'));
    assert.equal(await page.getByLabel('Your name').inputValue(), name, 'what was typed stays');
    await check(s, 'visitor', 'contact-errors');

    await page.getByLabel('Your email address').fill(`${name.split(' ')[0].toLowerCase()}@example.org`);
    await page.getByLabel('Your school', { exact: true }).selectOption({ label: 'Riverside High School' });
    await page.getByLabel('How should we reach you?').selectOption('phone');
    await page.getByLabel('Phone number').fill('617-555-0123');
    await page.getByLabel('What are you interested in?').selectOption('par');
    await page.getByLabel('Your message').fill('I would like to talk to a Consulting Teacher.');
    await submit(page, 'Send');
    assert.equal(await heading(page), 'Thank you: your message is sent');
    const reference = (await page.locator('.reference').innerText()).trim();
    assert.match(reference, /^INQ-\d{4}-\d{4}$/);
    await check(s, 'visitor', 'contact-sent');
    return reference;
}

async function assignInQueue(s, reference) {
    const { page } = s;
    await signIn(s, 'coordinator', 'coordinator@parley.test', PASSWORD);
    await page.waitForURL(/\/dashboard$/);
    await page.goto('/intake');
    assert.equal(await heading(page), 'Intake');
    await page.getByLabel('Name, email or reference').fill(reference);
    await submit(page, 'Filter');
    await assertVisible(page.getByRole('status').filter({ hasText: '1 inquiry found.' }));
    await check(s, 'coordinator', 'intake');

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: reference }).click()]);
    assert.equal(await heading(page), `Inquiry ${reference}`);
    await check(s, 'coordinator', 'inquiry');
    await page.getByLabel('Assign to').selectOption({ label: 'Luis Ortega (Consulting Teacher)' });
    await submit(page, 'Assign');
    await assertVisible(page.getByRole('status').filter({ hasText: 'The inquiry is assigned.' }));
    await assertVisible(page.locator('dl.record').getByText('Luis Ortega'));
    await check(s, 'coordinator', 'inquiry-assigned');
}

for (const device of DEVICES) {
    describe(`contact form and intake at ${device.name} width`, () => {
        it('R10: a visitor sends the form; the coordinator finds it in the queue and assigns it', async () => {
            const visitor = await newSession(browser, device, server.base);
            const coordinator = await newSession(browser, device, server.base);
            try {
                const reference = await sendContactForm(visitor, `Casey ${device.name}`);
                await assignInQueue(coordinator, reference);
            } finally {
                await visitor.context.close();
                await coordinator.context.close();
            }
        });
    });
}
