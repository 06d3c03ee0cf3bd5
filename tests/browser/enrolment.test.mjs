// enrolment.test.mjs: issue 6's "Done when", in a real browser at desktop
// and phone width: a newcomer checks eligibility and sends the contact form;
// the coordinator opens the case and schedules the meeting; the CT records
// it and the PAR track; the union rep reviews and signs the PAR Agreement
// with the teacher; the coordinator puts the case on a CT's caseload; the
// administrator sets the timeline; the teacher's status page shows it all.
// Every page on the way is checked (axe, console, phone width).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, parley, PASSWORD } from '../http/harness.mjs';
import { DEMO } from '../http/records.mjs';
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

async function go(page, path) {
    await page.goto(server.base + path);
}

async function submit(page, scope, name) {
    await Promise.all([page.waitForNavigation(), scope.getByRole('button', { name }).click()]);
}

// Opens a session for a person, signed in, runs fn, closes it.
async function asPerson(device, who, email, fn) {
    const s = await newSession(browser, device, server.base);
    try {
        await signIn(s, who, email, PASSWORD);
        await s.page.waitForURL(/\/dashboard/);
        await fn(s);
    } finally {
        await s.context.close();
    }
}

// The value of the option whose text contains text (labels carry caseloads).
async function optionValue(scope, id, text) {
    return scope.locator(`#${id} option`, { hasText: text }).first().getAttribute('value');
}

async function visitorAsks(device, name, email) {
    const s = await newSession(browser, device, server.base);
    const { page } = s;
    try {
        await go(page, '/eligibility');
        await page.getByLabel('Which year in the district are you in?').fill('5');
        await page.getByLabel('Your evaluation plan').selectOption('improvement');
        await page.getByLabel('Length of the plan, in months').fill('12');
        await page.getByLabel('Your most recent overall rating').selectOption('needs_improvement');
        await page.getByRole('group', { name: 'Are you a member of the union?' }).getByLabel('Yes').check();
        await page.getByRole('group', { name: 'Do you work full time?' }).getByLabel('Yes').check();
        await page.getByLabel('Your job').selectOption('classroom_teacher');
        await submit(page, page, 'Check my eligibility');
        await check(s, 'newcomer', 'eligibility-answer');

        await go(page, '/contact/new');
        await page.getByLabel('Your name').fill(name);
        await page.getByLabel('Your email address').fill(email);
        await page.getByLabel('Your school', { exact: true }).selectOption({ label: 'Riverside High School' });
        await page.getByLabel('How should we reach you?').selectOption('email');
        await page.getByLabel('What are you interested in?').selectOption('par');
        await page.getByLabel('Your message').fill('I was rated Needs Improvement and would like a CT.');
        await check(s, 'newcomer', 'contact-form');
        await submit(page, page, 'Send');
        const reference = (await page.locator('.reference').innerText()).trim();
        await check(s, 'newcomer', 'contact-sent');
        return reference;
    } finally {
        await s.context.close();
    }
}

async function step(page, key, fill = async () => {}) {
    const form = page.locator(`#step-${key}`);
    await assertVisible(form, `the step ${key} is offered`);
    await fill(form);
    await submit(page, form, await form.getByRole('heading').innerText());
    await assertVisible(page.locator('.flash'), `the step ${key} was taken: ${await heading(page)}`);
}

for (const device of DEVICES) {
    describe(`enrolment at ${device.name} width`, () => {
        it('a newcomer walks from the contact form to a CT\'s caseload, with a timeline', async () => {
            const name = `Nadia Newcomer ${device.name}`;
            const email = `nadia.${device.name}@parley.test`;
            const reference = await visitorAsks(device, name, email);
            let caseUrl;

            await asPerson(device, 'coordinator', DEMO.coordinator, async s => {
                const { page } = s;
                await go(page, '/cases');
                await check(s, 'coordinator', 'cases');
                await Promise.all([page.waitForNavigation(),
                                   page.getByRole('link', { name: 'Open a case from an inquiry' }).click()]);
                await check(s, 'coordinator', 'case-new');
                const value = await optionValue(page, 'f-inquiry_id', reference);
                await page.getByLabel('Inquiry').selectOption(value);
                await submit(page, page, 'Open the case');
                caseUrl = new URL(page.url()).pathname;
                assert.match(caseUrl, /^\/cases\/\d+$/);
                await step(page, 'schedule_meeting', async f => {
                    await f.getByLabel('Date and time').fill('2026-09-14T15:30');
                    await f.getByLabel('Place').fill('Riverside HS, room 12');
                    await f.getByLabel('Consulting Teacher').selectOption(await optionValue(f, 'f-ct_id', 'Dana Whitfield'));
                });
                await check(s, 'coordinator', 'case-scheduled');
            });
            // the teacher can sign in once the coordinator issues a password
            assert.equal(parley(['user', 'passwd', '--db', server.db, '--email', email], PASSWORD + '\n').code, 0);

            await asPerson(device, 'ct', DEMO.consulting_teacher, async s => {
                const { page } = s;
                await go(page, caseUrl);
                await check(s, 'ct', 'case-meeting');
                await step(page, 'hold_meeting', f => f.getByLabel('Notes').fill('Went through PA and PAR.'));
                await step(page, 'choose_track', async f => {
                    await f.getByLabel('Track').selectOption('par');
                    await f.getByLabel('Which year in the district are they in?').fill('5');
                    await f.getByLabel('Evaluation plan').selectOption('improvement');
                    await f.getByLabel('Length of the plan, in months').fill('12');
                    await f.getByLabel('Most recent overall rating').selectOption('needs_improvement');
                    await f.getByRole('group', { name: 'Member of the union?' }).getByLabel('Yes').check();
                    await f.getByRole('group', { name: 'Works full time?' }).getByLabel('Yes').check();
                    await f.getByLabel('Job').selectOption('classroom_teacher');
                });
                await step(page, 'schedule_review', async f => {
                    await f.getByLabel('Date and time').fill('2026-09-21T16:00');
                    await f.getByLabel('Place').fill('Union hall, room 3');
                    await f.getByLabel('Union representative').selectOption({ label: 'Walter Kim' });
                });
                await check(s, 'ct', 'case-review-scheduled');
            });

            await asPerson(device, 'union-rep', DEMO.union_rep, async s => {
                const { page } = s;
                await go(page, caseUrl);
                await step(page, 'hold_review');
                await step(page, 'sign_agreement');
                await check(s, 'union-rep', 'case-signed');
            });

            await asPerson(device, 'teacher', email, async s => {
                const { page } = s;
                await go(page, '/my-case');
                assert.equal(await heading(page), 'My case');
                await check(s, 'teacher', 'my-case-review');
                await go(page, caseUrl);
                await step(page, 'sign_agreement');
                await go(page, `${caseUrl}/agreement`);
                assert.equal(await heading(page), 'PAR Agreement');
                assert.equal(await page.locator('.signature').filter({ hasText: 'Signed' }).count(), 2);
                await check(s, 'teacher', 'agreement');
            });

            await asPerson(device, 'coordinator', DEMO.coordinator, async s => {
                const { page } = s;
                await go(page, caseUrl);
                await step(page, 'assign_ct', async f =>
                    f.getByLabel('Consulting Teacher').selectOption(await optionValue(f, 'f-ct_id', 'Dana Whitfield')));
                await check(s, 'coordinator', 'case-on-caseload');
            });

            await asPerson(device, 'administrator', DEMO.administrator, async s => {
                const { page } = s;
                await go(page, caseUrl);
                await step(page, 'set_timeline', async f => {
                    await f.getByLabel('The cycle starts').fill('2030-09-01');
                    await f.getByLabel('The cycle ends').fill('2031-06-30');
                    await f.getByLabel('Plan type').selectOption('improvement');
                    await f.getByLabel('Plan length in months').fill('10');
                });
                await check(s, 'administrator', 'case-timeline');
            });

            await asPerson(device, 'teacher', email, async s => {
                const { page } = s;
                await go(page, '/my-case');
                await assertVisible(page.getByRole('heading', { name: 'Where your case is: On the caseload' }));
                await assertVisible(page.getByText('Your cycle: 2030-09-01 to 2031-06-30.'));
                await assertVisible(page.getByRole('cell', { name: /Set the cycle's timeline/ }));
                await check(s, 'teacher', 'my-case');
                await go(page, '/inbox');
                await assertVisible(page.getByText(/Case of Nadia Newcomer .*: Assign a Consulting Teacher/));
                await check(s, 'teacher', 'inbox');
            });
        });
    });
}

describe('the workflow help page', () => {
    it('is public and drawn from the table', async () => {
        const s = await newSession(browser, DEVICES[0], server.base);
        try {
            await go(s.page, '/help/workflow');
            assert.equal(await heading(s.page), 'The case workflow');
            await check(s, 'visitor', 'workflow');
        } finally {
            await s.context.close();
        }
    });
});
