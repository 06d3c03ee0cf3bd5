// sso.test.mjs: a demo teacher signs in through the program's OpenID
// provider in a real browser (issue 17), at desktop and phone width: from
// the menu to the sign-in page, "Sign in with ...", the provider's own
// sign-in form (oidc_provider.mjs, a real provider on loopback), and back
// to their dashboard; and someone the program does not have is refused in
// plain words that say whom to ask. Parley's pages are checked (axe,
// console, phone width, screenshot); the provider's page is not ours.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithProvider } from '../http/oidc_provider.mjs';
import { DEMO } from '../http/records.mjs';
import { DEVICES, launchBrowser, newSession, check, menu, heading, assertVisible } from './browser.mjs';

const PROVIDER = 'Harbor City Test Accounts';
let server, browser, op, both;

before(async () => {
    both = await startWithProvider({
        teacher: { email: DEMO.participating_teacher, email_verified: true },
        stranger: { email: 'stranger@elsewhere.test', email_verified: true },
    }, PROVIDER);
    ({ srv: server, op } = both);
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    await both?.stop();
});

// From the menu to the provider's form, signed in there as account.
async function throughProvider(s, account) {
    const { page } = s;
    await page.goto('/');
    await (await menu(page)).getByRole('link', { name: 'Sign in' }).click();
    assert.equal(await heading(page), 'Sign in');
    await page.getByRole('link', { name: `Sign in with ${PROVIDER}` }).click();
    await page.waitForURL(url => url.href.startsWith(op.issuer));
    await page.getByLabel('Account').fill(account);
    await Promise.all([page.waitForURL(url => url.href.startsWith(server.base)),
                       page.getByRole('button', { name: 'Sign in' }).click()]);
}

for (const device of DEVICES) {
    describe(`signing in through the provider at ${device.name} width`, () => {
        it('a demo teacher signs in with the provider and reaches their dashboard', async () => {
            const s = await newSession(browser, device, server.base);
            try {
                await s.page.goto('/login');
                await assertVisible(s.page.getByRole('link', { name: `Sign in with ${PROVIDER}` }));
                await check(s, 'visitor', 'sso-sign-in');
                await throughProvider(s, 'teacher');
                await s.page.waitForURL(/\/dashboard$/);
                assert.equal(await heading(s.page), 'Welcome, Samuel Reyes');
                await check(s, 'participating_teacher', 'sso-dashboard');
            } finally {
                await s.context.close();
            }
        });

        it('someone the program does not have is refused, and told whom to ask', async () => {
            const s = await newSession(browser, device, server.base);
            try {
                await throughProvider(s, 'stranger');
                assert.equal(await heading(s.page), 'Sign in');
                await assertVisible(s.page.getByRole('alert').filter({
                    hasText: 'Parley has nobody in this program with the e-mail address you signed in with' }));
                await assertVisible(s.page.getByRole('alert').filter({ hasText: 'ask your program coordinator' }));
                await check(s, 'visitor', 'sso-refused');
                // Nobody is signed in: the menu still offers to sign in.
                await assertVisible((await menu(s.page)).getByRole('link', { name: 'Sign in' }));
            } finally {
                await s.context.close();
            }
        });
    });
}
