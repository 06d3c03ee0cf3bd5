// pss.test.mjs: the federation's Peer Support Service in a real browser,
// the "Done when" journey. president@ refers member@ (a plan of
// assistance); pss@ assigns consultant@ and records who pays; before the
// district's agreement the consultant is offered no work and reads why
// (R33); pss@ records the agreement; the consultant logs a visit, writes a
// report and proposes its release, and is offered to release it only once
// the member, the president and the consultant have consented (R34); the
// consultant proposes a second release, pss@ records a grievance hold, and
// nobody is offered a consent, a release or a new proposal while it stands,
// and each reads why (R35). principal2@, a district
// administrator who is also a federation member, working in the district,
// sees none of it: not in the menu, not on the dashboard, 403 on the pages,
// at desktop width and at 390px. Every page is checked (axe, console, no
// sideways scrolling on the phone).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO } from '../http/records.mjs';
import { DEVICES, check, heading, assertVisible, serverAndBrowser, asPerson, menu } from './browser.mjs';

const env = serverAndBrowser();
const desktop = DEVICES.find(d => d.name === 'desktop');
const phone390 = { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true,
                                             hasTouch: true, deviceScaleFactor: 2 } };
const PSS = DEMO.pss_coordinator, PRES = DEMO.local_president, CONS = DEMO.pss_consultant;
const MEMBER = DEMO.member, P2 = 'principal2@parley.test';

async function submit(page, name) {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
}
let casePath = '';
const open = async page => page.goto(env.server.base + casePath);

describe('a peer support case from a referral to a blocked release (R31-R35)', () => {
    it('the local president refers a member on a plan of assistance (R31)', async () => {
        await asPerson(env, desktop, PRES, async s => {
            const { page } = s;
            await (await menu(page)).getByRole('link', { name: 'Peer support' }).click();
            assert.equal(await heading(page), 'Peer support');
            await check(s, 'president', 'pss');
            await page.getByLabel('Who asks').selectOption('president');
            await page.getByLabel(/^The member( \(optional\))?$/).selectOption({ label: 'Teresa Lin (member@parley.test)' });
            await page.getByLabel('Reason').selectOption('plan_of_assistance');
            await page.getByLabel('The member\'s school district').fill('Harbor City School District');
            await page.getByLabel(/^What help is wanted/).fill('Support with a plan of assistance.');
            await submit(page, 'Send the request');
            casePath = new URL(page.url()).pathname;
            assert.match(casePath, /^\/pss\/\d+$/);
            await assertVisible(page.getByText('The request is sent to the service coordinator.'));
            await check(s, 'president', 'pss-case');
        });
    });

    it('the coordinator assigns the consultant and who pays; no work is offered before the agreement (R32, R33)', async () => {
        await asPerson(env, desktop, PSS, async s => {
            const { page } = s;
            await open(page);
            await check(s, 'pss', 'case-requested');
            await page.getByLabel('Consultant', { exact: true }).selectOption({ label: 'Hannah Kowalczyk (consultant@parley.test)' });
            await submit(page, 'Assign the consultant');
            await page.getByLabel('Who pays', { exact: true }).selectOption('district');
            await submit(page, 'Save who pays');
            await assertVisible(page.locator('dd', { hasText: 'The school district pays' }));
        });
        await asPerson(env, desktop, CONS, async s => {
            const { page } = s;
            await open(page);
            // R33: no form to start the work, and why, in plain words
            await assertVisible(page.getByText(/Work starts only once the district's agreement not to use anything from the service in evaluation or discipline is recorded/).first(),
                                'R33: the consultant reads why the work cannot start yet');
            assert.equal(await page.getByRole('button', { name: 'Add to the log' }).count(), 0,
                         'R33: no log before the agreement');
            await check(s, 'consultant', 'work-refused');
        });
        await asPerson(env, desktop, PSS, async s => {
            const { page } = s;
            await open(page);
            await page.getByLabel('Agreed for the district by').fill('Dr. Alan Ames, Superintendent');
            await submit(page, 'Record the district\'s agreement');
            await assertVisible(page.getByText(/for the district: Dr\. Alan Ames, Superintendent/));
            await check(s, 'pss', 'case-agreed');
        });
    });

    it('the consultant works and proposes a release; the three consent; it is released (R34)', async () => {
        await asPerson(env, phone390, CONS, async s => {
            const { page } = s;
            await open(page);
            await page.getByLabel('What it was').selectOption('visit');
            await page.getByLabel('Day').fill('2026-10-05');
            await page.getByLabel('What was done').fill('First visit: routines.');
            await submit(page, 'Add to the log');
            await assertVisible(page.getByText('The work is in the log.'));
            await page.getByLabel('Title').fill('October progress');
            await page.getByLabel('Report', { exact: true }).fill('Routines are settling.');
            await submit(page, 'Save the report');
            await page.getByLabel('Report to release').selectOption({ label: 'October progress' });
            await page.getByLabel('To whom').fill('The member\'s principal');
            await submit(page, 'Propose the release');
            await assertVisible(page.getByText('The release is proposed: it waits for the three consents.'));
            await submit(page, 'I consent to this release');
            assert.equal(await page.getByRole('button', { name: 'Release it now' }).count(), 0,
                         'R34: not offered before the member and the president consent');
            await assertVisible(page.getByText(/Waiting for the consent of the member, the local president\./));
            await check(s, 'consultant', 'release-proposed');
        });
        for (const [who, device] of [[MEMBER, phone390], [PRES, desktop]])
            await asPerson(env, device, who, async s => {
                await open(s.page);
                await submit(s.page, 'I consent to this release');
                await assertVisible(s.page.getByText('Your consent is recorded.'));
                await check(s, who.split('@')[0], 'consented');
            });
        await asPerson(env, desktop, CONS, async s => {
            const { page } = s;
            await open(page);
            await page.getByLabel('Yes, release the report').check();   // it cannot be taken back (issue 18)
            await submit(page, 'Release it now');
            await assertVisible(page.getByText('The report is released.'));
            await assertVisible(page.getByText(/^Released, /).first());
            await check(s, 'consultant', 'released');
        });
    });

    it('a grievance hold: nothing from the consultant is requested or offered, and each reads why (R35)', async () => {
        await asPerson(env, desktop, CONS, async s => {
            const { page } = s;
            await open(page);
            await page.getByLabel('Report to release').selectOption({ label: 'October progress' });
            await page.getByLabel('To whom').fill('The district\'s human resources');
            await submit(page, 'Propose the release');
            await submit(page, 'I consent to this release');
        });
        await asPerson(env, desktop, PSS, async s => {
            const { page } = s;
            await open(page);
            await page.getByLabel('Hold', { exact: true }).selectOption('grievance');
            await page.getByLabel(/^What the hold is about/).fill('Grievance filed on 2026-11-02.');
            await submit(page, 'Set the hold');
            await assertVisible(page.getByText(/Nothing from the consultant is requested or offered while it stands/));
            await check(s, 'pss', 'hold');
        });
        for (const [who, device] of [[MEMBER, phone390], [CONS, desktop]])
            await asPerson(env, device, who, async s => {
                const { page } = s;
                await open(page);
                await assertVisible(page.getByText(/A grievance or regulatory hold stands on this case: nothing from the consultant is requested or offered/).first(),
                                    'R35: the page says why');
                for (const name of ['I consent to this release', 'Release it now', 'Propose the release'])
                    assert.equal(await page.getByRole('button', { name }).count(), 0, `${who}: no "${name}" under the hold`);
                await check(s, who.split('@')[0], 'hold');
            });
    });

    for (const device of [desktop, phone390])
        it(`principal2, working in the district, sees none of it (${device.options.viewport.width}px)`, async () => {
            await asPerson(env, device, P2, async s => {
                const { page } = s;
                assert.equal(await (await menu(page)).getByRole('link', { name: 'Peer support' }).count(), 0,
                             'no Peer support in the menu');
                assert.doesNotMatch(await page.locator('main').innerText(), /[Pp]eer support|Teresa Lin/,
                                    'nothing on the dashboard');
                await check(s, 'principal2', 'dashboard');
                for (const path of ['/pss', casePath]) {
                    const r = await page.goto(env.server.base + path);
                    assert.equal(r.status(), 403, `${path} is refused`);
                    assert.doesNotMatch(await page.locator('main').innerText(), /Teresa Lin|October progress/);
                    await check(s, 'principal2', path === '/pss' ? 'pss-refused' : 'case-refused');
                }
            });
        });
});
