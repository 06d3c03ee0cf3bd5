// mail_journey.test.mjs: one PAR case from the contact form to the Panel's
// decision, with every party's mail read back from a real SMTP server on
// loopback (issue 16). The teacher sends the form in the browser and gets
// its confirmation; the coordinator has Parley e-mail her a link to set a
// password, which she opens in the browser; the case's steps are taken
// through the API by the people whose steps they are (journey.mjs); then
// each party's mailbox holds what concerns them: news of the steps, the
// invitations (read back with libical), and the decision, never a rating.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startServer, PASSWORD } from '../http/harness.mjs';
import { Journey, PEOPLE } from '../http/journey.mjs';
import { startMailbox, resetToken } from '../http/mailbox.mjs';
import { DEVICES, launchBrowser, newSession, check, signIn, heading } from './browser.mjs';

let box, server, browser;
before(async () => {
    box = await startMailbox();
    server = await startServer([...box.serverArgs, '--remind-every', '0']);
    browser = await launchBrowser();
});
after(async () => {
    await browser?.close();
    await server?.stop();
    await box?.close();
});

// libical reads an invitation as a calendar app does (tests/unit/ical_check.c).
function importsCleanly(ics) {
    const dir = mkdtempSync(join(tmpdir(), 'parley-invite-'));
    writeFileSync(join(dir, 'invite.ics'), ics);
    const r = spawnSync('build/san/tests/ical_check', [join(dir, 'invite.ics')], { encoding: 'utf8' });
    assert.equal(r.status, 0, `libical: ${r.stderr}`);
}

test('a PAR case from the contact form to the Panel\'s decision, each party\'s mail read back', async () => {
    const j = new Journey(server);
    const desktop = DEVICES[0];
    const teacher = await newSession(browser, desktop, server.base);
    const coord = await newSession(browser, desktop, server.base);
    try {
        // 1. The teacher asks in the browser; the mail confirms it with the reference.
        let reference;
        const k = await j.parCase('opened', { contact: async kk => {
            const { page } = teacher;
            await page.goto('/contact/new');
            await page.getByLabel('Your name').fill(kk.teacherName);
            await page.getByLabel('Your email address').fill(kk.teacherEmail);
            await page.getByLabel('Your school', { exact: true }).selectOption({ label: 'Riverside High School' });
            await page.getByLabel('What are you interested in?').selectOption('par');
            await page.getByLabel('How should we reach you?').selectOption('email');
            await page.getByLabel('Your message').fill('I would like support with my teaching.');
            await page.getByRole('button', { name: /Send/ }).click();
            await page.getByText(/INQ-\d{4}-\d{4}/).first().waitFor();
            reference = (await page.locator('main').innerText()).match(/INQ-\d{4}-\d{4}/)[0];
            await check(teacher, 'teacher', 'contact-sent');
            return reference;
        } });
        const confirmation = await box.waitFor(m => m.to === k.teacherEmail && m.subject.includes(reference),
                                               { what: 'the confirmation' });
        assert.match(confirmation.text, new RegExp(`Your reference is ${reference}`));
        assert.ok(!confirmation.text.includes('I would like support'), 'never what they wrote');

        // 2. The coordinator has Parley e-mail her a link; she sets her password with it.
        await signIn(coord, 'coordinator', PEOPLE.coordinator, PASSWORD);
        await coord.page.waitForURL(/\/dashboard/);
        const id = await j.personId(k.teacherEmail);
        await coord.page.goto(`/people/${id}`);
        await coord.page.getByRole('button', { name: 'E-mail them a link to set a password' }).click();
        await coord.page.getByText(/A link to set a password was sent to j…@example\.org/).waitFor();
        assert.ok(!(await coord.page.content()).includes('/reset/'), 'the coordinator never sees the link');
        const link = await box.waitFor(m => m.to === k.teacherEmail && resetToken(m), { what: 'the link' });
        await teacher.page.goto(`/reset/${resetToken(link)}`);
        await teacher.page.getByLabel('New password', { exact: true }).fill('A new password 2026!');
        await teacher.page.getByLabel('New password again').fill('A new password 2026!');
        await teacher.page.getByRole('button', { name: /password/i }).click();
        await signIn(teacher, 'teacher', k.teacherEmail, 'A new password 2026!');
        await teacher.page.waitForURL(/\/dashboard/);
        assert.match(await heading(teacher.page), /Welcome/);

        // 3. The case, step by step, by the people whose steps they are.
        j.passwords.add(k.teacherEmail);   // she set her own
        await j.stage(k, 'decided');

        // 4. Each party's mail.
        const parties = {
            teacher: k.teacherEmail, ct: PEOPLE.par.ct, administrator: PEOPLE.par.administrator,
            union: PEOPLE.union, coordinator: PEOPLE.coordinator,
        };
        for (const [who, address] of Object.entries(parties))
            await box.waitFor(m => m.to === address && m.text.includes(k.teacherName),
                              { what: `news of the case for the ${who}` });
        // the invitations: the initial meeting to the teacher, the Panel's session to its members
        const invite = await box.waitFor(m => m.to === k.teacherEmail && m.calendar,
                                         { what: 'the teacher\'s invitation' });
        assert.match(invite.calendar, /METHOD:REQUEST/);
        importsCleanly(invite.calendar);
        const session = await box.waitFor(m => m.to === PEOPLE.panel[0] && m.calendar &&
                                                /Panel/.test(m.subject), { what: 'the Panel\'s invitation' });
        importsCleanly(session.calendar);
        // the decision: said to the teacher, without the rating
        const decided = await box.waitFor(m => m.to === k.teacherEmail && /Panel decided/.test(m.text),
                                          { what: 'the decision' });
        for (const rating of ['Needs Improvement', 'Unsatisfactory', 'Proficient', 'Exemplary'])
            assert.ok(!decided.text.includes(rating) && !decided.subject.includes(rating));
        // and she reads it in Parley, where the link goes
        const path = new URL(decided.text.match(/Open it in Parley: (\S+)/)[1]).pathname;
        await teacher.page.goto(path);
        await check(teacher, 'teacher', 'decision-from-mail');
    } finally {
        await teacher.context.close();
        await coord.context.close();
    }
});
