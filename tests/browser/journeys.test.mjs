// journeys.test.mjs: each role's main journeys in a real browser, clicking
// as a person would, at desktop and at phone width. One server and one
// browser for the whole run; a fresh context (cookies) per journey.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, PASSWORD } from '../http/harness.mjs';
import { DEVICES, launchBrowser, newSession, check, signIn, signOut, menu, heading,
         assertVisible } from './browser.mjs';

let server, browser;

before(async () => {
    server = await startServer();
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

async function journey(device, steps) {
    const s = await newSession(browser, device, server.base);
    try {
        await steps(s, device.name);
    } finally {
        await s.context.close();
    }
}

// Clicks something that loads a new page and waits for it.
async function follow(page, locator) {
    await Promise.all([page.waitForNavigation(), locator.click()]);
}

async function activeElement(page) {
    return page.evaluate(() => {
        const e = document.activeElement;
        return { tag: e.tagName.toLowerCase(), id: e.id, className: e.className,
                 text: e.textContent.trim().slice(0, 80) };
    });
}

async function signInAs(s, who, email) {
    await signIn(s, who, email, PASSWORD);
    await s.page.waitForURL(/\/dashboard$/);
    assert.match(await heading(s.page), /^Welcome, /);
    await check(s, who, 'dashboard');
}

async function visitByMenu(s, who, what, label, title) {
    await follow(s.page, (await menu(s.page)).getByRole('link', { name: label, exact: true }));
    assert.equal(await heading(s.page), title);
    const current = (await menu(s.page)).getByRole('link', { name: label, exact: true });
    assert.equal(await current.getAttribute('aria-current'), 'page', `${label} is marked as the current page`);
    await check(s, who, what);
}

// What every signed-in person has: their dashboard, their account, the
// program settings (read only unless coordinator) and who may do what.
async function everyoneSignedIn(s, who, email, roleLabel) {
    const { page } = s;
    await signInAs(s, who, email);
    for (const coordinatorOnly of ['People', 'Schools', 'Audit log'])
        assert.equal(await (await menu(page)).getByRole('link', { name: coordinatorOnly }).count(), 0,
                     `no ${coordinatorOnly} in the menu of a ${roleLabel}`);
    await assertVisible(page.locator('main .badge', { hasText: roleLabel }),
                        `${who}'s dashboard names the role ${roleLabel}`);
    await visitByMenu(s, who, 'account', 'My account', 'My account');
    await assertVisible(page.locator('dl.record').getByText(email, { exact: true }));
    await visitByMenu(s, who, 'settings', 'Settings', 'Program settings');
    await visitByMenu(s, who, 'permissions', 'Who may do what', 'Who may do what');
    await follow(page, (await menu(page)).getByRole('link', { name: 'Dashboard' }));
    await signOut(s);
    await check(s, who, 'signed-out');
}

for (const device of DEVICES) {
    describe(`at ${device.name} width`, () => {
        it('a visitor reads the home page, skips to the content by keyboard, fails to sign in ' +
           'with a wrong password and reads who may do what', () => journey(device, async s => {
            const { page } = s;
            await page.goto('/');
            await check(s, 'visitor', 'home');

            // The skip link is the first Tab stop and moves focus to main.
            await page.keyboard.press('Tab');
            const first = await activeElement(page);
            assert.equal(first.text, 'Skip to the main content');
            assert.equal(first.className, 'skip-link');
            await assertVisible(page.getByRole('link', { name: 'Skip to the main content' }),
                                'the skip link shows when focused');
            await check(s, 'visitor', 'skip-link');
            await page.keyboard.press('Enter');
            const target = await activeElement(page);
            assert.deepEqual([target.tag, target.id], ['main', 'main']);

            await follow(page, (await menu(page)).getByRole('link', { name: 'Sign in' }));
            assert.equal(await heading(page), 'Sign in');
            await check(s, 'visitor', 'sign-in');
            await page.getByLabel('Email address').fill('ct3@parley.test');
            await page.getByLabel('Password', { exact: true }).fill('not the password');
            await follow(page, page.getByRole('button', { name: 'Sign in' }));
            await assertVisible(page.getByRole('alert').filter({
                hasText: 'The email address or the password is not right' }));
            assert.equal(await page.getByLabel('Email address').inputValue(), 'ct3@parley.test',
                         'the email address is kept');
            assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '',
                         'the password is never sent back');
            await check(s, 'visitor', 'sign-in-error');

            await visitByMenu(s, 'visitor', 'permissions', 'Who may do what', 'Who may do what');
            await assertVisible(page.getByRole('table').first());
        }));

        it('the coordinator adds a person (with errors first), gives a role, adds a school, ' +
           'reads the audit log and settings, and signs out', () => journey(device, async (s, tag) => {
            const { page } = s;
            const who = 'coordinator';
            const name = `Robin Example ${tag}`;
            const email = `robin.${tag}@parley.test`;
            await signInAs(s, who, 'coordinator@parley.test');

            await visitByMenu(s, who, 'people', 'People', 'People');
            await follow(page, page.getByRole('link', { name: 'Add a person' }));
            assert.equal(await heading(page), 'Add a person');
            await check(s, who, 'person-new');

            // An empty form: a summary at the top, and each error beside its field.
            await follow(page, page.getByRole('button', { name: 'Add this person' }));
            const summary = page.getByRole('alert');
            await assertVisible(summary);
            assert.match(await summary.innerText(), /There (are problems|is a problem)/);
            await check(s, who, 'person-new-errors');
            await summary.focus();
            assert.equal((await activeElement(page)).className, 'error-summary',
                         'the error summary can take focus');
            const nameField = page.getByLabel('Full name');
            assert.equal(await nameField.getAttribute('aria-invalid'), 'true');
            const described = await nameField.getAttribute('aria-describedby');
            assert.ok(described && described.includes('e-name'), 'the field names its error');
            const inline = page.locator('#e-name');
            await assertVisible(inline);
            const link = summary.locator('a[href="#f-name"]');
            assert.ok((await inline.innerText()).includes(await link.innerText()),
                      'the summary says what the field says');
            await link.click();
            assert.equal((await activeElement(page)).id, 'f-name',
                         'the summary\'s link moves focus to the field');

            await nameField.fill(name);
            await page.getByLabel('Email address').fill(email);
            await page.getByLabel('Employee id (optional)').fill(`E-${tag}`);
            await page.getByLabel('School (optional)').selectOption({ index: 1 });
            await page.getByRole('group', { name: 'Member of the union?' }).getByLabel('Yes').check();
            await page.getByRole('group', { name: 'Full-time employee?' }).getByLabel('Yes').check();
            await page.getByLabel('Which year in the district are they in?').fill('4');
            await page.getByLabel('Job', { exact: true }).selectOption({ label: 'Classroom teacher' });
            await follow(page, page.getByRole('button', { name: 'Add this person' }));
            assert.equal(await heading(page), name);
            await assertVisible(page.getByRole('status').filter({ hasText: `${name} was added.` }));
            await check(s, who, 'person');

            // Give a role: first without choosing one.
            await follow(page, page.getByRole('button', { name: 'Give this role' }));
            await assertVisible(page.getByRole('alert'));
            assert.equal(await page.getByLabel('Role', { exact: true }).getAttribute('aria-invalid'), 'true');
            await check(s, who, 'person-role-errors');
            await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Consulting Teacher' });
            await follow(page, page.getByRole('button', { name: 'Give this role' }));
            await assertVisible(page.getByRole('status').filter({ hasText: 'The role is given.' }));
            await assertVisible(page.getByRole('cell', { name: 'Consulting Teacher', exact: true }));
            await assertVisible(page.getByRole('button', { name: 'Remove the role Consulting Teacher' }));
            await assertVisible(page.getByRole('columnheader', { name: 'Action', exact: true }));
            await check(s, who, 'person-with-role');
            await follow(page, page.getByRole('link', { name: 'Who has viewed or changed this record' }));
            assert.equal(await heading(page), 'Who has viewed or changed this record');
            await assertVisible(page.getByRole('table'));
            await check(s, who, 'person-history');

            // A school: the code is missing at first.
            const school = `Test School ${tag}`;
            await visitByMenu(s, who, 'schools', 'Schools', 'Schools');
            await follow(page, page.getByRole('link', { name: 'Add a school' }));
            await check(s, who, 'school-new');
            await page.getByLabel('Name', { exact: true }).fill(school);
            await follow(page, page.getByRole('button', { name: 'Add this school' }));
            await assertVisible(page.getByRole('alert'));
            const code = page.getByLabel('Short code');
            assert.equal(await code.getAttribute('aria-invalid'), 'true');
            assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), school,
                         'what was typed is kept');
            await check(s, who, 'school-new-errors');
            await code.fill(tag === 'phone' ? 'TSP' : 'TSD');
            await page.getByLabel('Address (optional)').fill('1 Test Street');
            await follow(page, page.getByRole('button', { name: 'Add this school' }));
            assert.equal(await heading(page), school);
            await assertVisible(page.getByRole('status').filter({ hasText: `${school} was added.` }));
            await check(s, who, 'school');

            await visitByMenu(s, who, 'audit', 'Audit log', 'Audit log');
            const log = page.getByRole('table');
            for (const column of ['When', 'Who', 'What', 'About', 'From'])
                await assertVisible(log.getByRole('columnheader', { name: column, exact: true }));
            await assertVisible(log.getByRole('cell', { name, exact: true }).first(),
                                'the audit log lists the new person');
            await check(s, who, 'audit');

            await visitByMenu(s, who, 'settings', 'Settings', 'Program settings');
            await assertVisible(page.getByRole('button', { name: 'Save settings' }),
                                'the coordinator may change the settings');
            await visitByMenu(s, who, 'account', 'My account', 'My account');
            await visitByMenu(s, who, 'permissions', 'Who may do what', 'Who may do what');
            await signOut(s);
            await check(s, who, 'signed-out');
        }));

        it('a participating teacher sees their own record and its history, and is refused ' +
           'the people list', () => journey(device, async s => {
            const { page } = s;
            const who = 'teacher';
            await signInAs(s, who, 'teacher@parley.test');
            assert.equal(await (await menu(page)).getByRole('link', { name: 'People' }).count(), 0,
                         'no People in a teacher\'s menu');

            await follow(page, page.getByRole('link', { name: 'Your record', exact: true }));
            await assertVisible(page.locator('dl.record').getByText('teacher@parley.test', { exact: true }));
            assert.equal(await page.getByRole('button', { name: /Remove the role/ }).count(), 0);
            await check(s, who, 'record');
            await follow(page, page.getByRole('link', { name: 'Who has viewed or changed this record' }));
            assert.equal(await heading(page), 'Who has viewed or changed this record');
            await check(s, who, 'history');
            await follow(page, (await menu(page)).getByRole('link', { name: 'Dashboard' }));
            await follow(page, page.getByRole('link', { name: 'Who has viewed or changed your record' }));
            assert.equal(await heading(page), 'Who has viewed or changed this record');

            // Typed into the address bar: a clear refusal, not a blank page.
            const res = await page.goto('/people');
            assert.equal(res.status(), 403);
            assert.equal(await heading(page), 'You do not have access to this');
            await assertVisible(page.getByText('ask the program coordinator'));
            await assertVisible(page.getByRole('link', { name: 'Go to the home page' }));
            await check(s, who, 'people-refused');

            await visitByMenu(s, who, 'account', 'My account', 'My account');
            await visitByMenu(s, who, 'permissions', 'Who may do what', 'Who may do what');
            await signOut(s);
        }));

        it('a teacher makes an API token under My account (an error first), sees it once, ' +
           'and revokes it (issue 15)', () => journey(device, async (s, tag) => {
            const { page } = s;
            const who = 'teacher3';
            await signInAs(s, who, 'teacher3@parley.test');
            await visitByMenu(s, who, 'account', 'My account', 'My account');
            await follow(page, page.getByRole('link', { name: 'See, make and revoke your API tokens' }));
            assert.equal(await heading(page), 'Your API tokens');
            await check(s, who, 'tokens');
            await page.getByLabel('Days it works (optional)').fill('500');
            await follow(page, page.getByRole('button', { name: 'Make the token' }));
            await assertVisible(page.getByRole('alert'));
            assert.equal(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'), 'true');
            assert.equal(await page.getByLabel('Days it works (optional)').inputValue(), '500',
                         'what was typed is kept');
            await check(s, who, 'tokens-errors');
            const name = `Gradebook ${tag}`;
            await page.getByLabel('Name', { exact: true }).fill(name);
            await page.getByLabel('Days it works (optional)').fill('30');
            await follow(page, page.getByRole('button', { name: 'Make the token' }));
            const secret = await page.getByLabel(`Your new token "${name}", shown only now`).inputValue();
            assert.match(secret, /^[0-9a-f]{64}$/);
            await check(s, who, 'token-made');
            await follow(page, page.getByRole('button', { name: `Revoke "${name}"` }));
            await assertVisible(page.getByRole('status').filter({ hasText: `The token "${name}" is revoked` }));
            await assertVisible(page.getByRole('cell', { name: /^Revoked .* \(by its owner\)$/ }).first());
            await check(s, who, 'token-revoked');
            await signOut(s);
        }));

        const others = [
            ['consulting-teacher', 'ct1@parley.test', 'Consulting Teacher'],
            ['administrator', 'principal@parley.test', 'Administrator'],
            ['panel-member', 'panel@parley.test', 'Panel Member'],
            ['superintendent', 'superintendent@parley.test', 'Superintendent'],
            ['union-rep', 'union@parley.test', 'Union Representative'],
        ];
        for (const [who, email, label] of others)
            it(`a ${label} signs in, reads the dashboard, their account, the settings and ` +
               'who may do what, and signs out', () => journey(device, async s => {
                await everyoneSignedIn(s, who, email, label);
            }));
    });
}
