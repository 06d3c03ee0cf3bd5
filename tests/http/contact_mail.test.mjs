// contact_mail.test.mjs: what the contact form sends (issue 16), read back
// from a real SMTP server on loopback (mailbox.mjs). The teacher's own
// request is confirmed to the address they gave, with its reference and
// what happens next (R10), never with what they wrote; a request someone
// else sends in a teacher's name is told to that teacher once, by e-mail
// whatever they chose, with how to confirm or refuse it (R8).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';
import { DEMO, decode } from './records.mjs';
import { startMailbox, workerPass } from './mailbox.mjs';

let srv, mailbox;
before(async () => {
    mailbox = await startMailbox();
    srv = await startServer(mailbox.serverArgs);
    const coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    // The program's guard against spam (contact_per_hour), not a rule here.
    assert.equal((await coord.post('/settings', { contact_per_hour: '200' }, '/settings')).status, 303);
});
after(async () => {
    await srv?.stop();
    await mailbox?.close();
});

const PROGRAM = 'Harbor City Educator Supports Program';
let serial = 0;

// The contact form, sent as a browser sends it by client (a visitor's, or
// someone signed in); the reference the thank-you page gives.
async function contact(client, fields) {
    const csrf = await client.csrf('/contact/new');
    const r = await client.request('POST', '/contact/new', { form: {
        csrf, school_id: 'other', school_other: 'Harbor Night School', contact_by: 'email',
        phone: '', interest: 'pa', website: '', ...fields } });
    assert.equal(r.status, 303, `the contact form: ${r.status} ${r.text.slice(0, 300)}`);
    const page = decode((await client.get(r.headers.get('location'))).text);
    return { reference: page.match(/INQ-\d{4}-\d{4}/)[0], page };
}

// A message body nobody else would write: it must never be in any mail.
const privateWords = () => `My private worries about my evaluation, number ${++serial}-${process.pid}`;
const withReference = reference => mailbox.messages.filter(m => m.subject.includes(reference));

test('R10: the teacher\'s own request is confirmed to the address they gave, with its reference and what happens next, and without what they wrote', async () => {
    const email = 'jo.asker@example.org', message = privateWords();
    const { reference, page } = await contact(new Client(srv.base), { name: 'Jo Asker', email, message });
    assert.match(page, /What happens next: the program coordinator reads your message/);

    const m = await mailbox.waitFor(x => x.to === email && x.subject.includes(reference), { what: 'the confirmation' });
    assert.equal(m.subject, `Your message to ${PROGRAM} (${reference})`);
    assert.equal(m.fromName, PROGRAM);
    assert.match(m.text, new RegExp(`Your reference is ${reference}: quote it if you write to us again`));
    assert.match(m.text, /What happens next: the program coordinator reads your message, and a Consulting Teacher or the coordinator gets in touch the way you asked/);
    assert.match(m.text, /you then read its agreement with a union representative before you sign anything/);
    assert.match(m.text, /Nothing happens in your name without you/);
    for (const part of [m.text, m.html, m.subject])
        assert.ok(!part.includes(message), 'what they wrote is never in the mail');
    assert.match(m.html, /Nothing happens in your name without you/);
    await workerPass();
    assert.equal(withReference(reference).length, 1, 'one message');
});

test('a form a robot filled (the hidden field) sends no mail', async () => {
    const email = 'robot.target@example.org';
    const { reference } = await contact(new Client(srv.base), { name: 'Robot', email, message: 'buy now', website: 'http://spam.example' });
    await workerPass();
    assert.equal(mailbox.to(email).length, 0);
    assert.equal(withReference(reference).length, 0);
});

test('R8: a request someone else sends in a teacher\'s name is told to the teacher once, whatever mail they chose, with how to confirm or refuse it; never what was written', async () => {
    const principal = new Client(srv.base);
    await principal.login(DEMO.administrator);
    // teacher2 chose no e-mail; teacher3 keeps the default (each message).
    const t2 = new Client(srv.base);
    await t2.login('teacher2@parley.test');
    assert.equal((await t2.post('/account/mail', { mail: 'none' }, '/account')).status, 303);
    for (const email of ['teacher2@parley.test', 'teacher3@parley.test']) {
        const message = privateWords();
        const { reference } = await contact(principal, { name: 'A Teacher', email, message });
        const m = await mailbox.waitFor(x => x.to === email && x.subject.includes(reference), { what: `${email}'s message` });
        assert.equal(m.subject, `A request in your name to ${PROGRAM} (${reference})`);
        assert.match(m.text, new RegExp(`Grace Okafor, signed in to Parley, sent ${PROGRAM} a request in your name \\(reference ${reference}\\), about: `));
        assert.match(m.text, /Nothing happens in your name without you/);
        assert.match(m.text, /on your dashboard, choose "Yes, I asked for this" or "This wasn't me"/);
        assert.ok(m.text.includes(`${srv.base}/dashboard#sent-in-your-name`), 'a link to where they answer');
        assert.ok(!m.text.includes(message) && !m.html.includes(message), 'what was written is never in the mail');
        await workerPass();
        assert.equal(withReference(reference).length, 1, `one message for ${email}, not a second as news`);
        assert.equal(mailbox.to(DEMO.administrator).filter(x => x.subject.includes(reference)).length, 0,
                     'the sender is sent nothing');
    }
    // The inbox says so too (R8, as before).
    assert.match(decode((await t2.get('/inbox')).text), /Grace Okafor sent the program a request in your name/);
});

test('R8: a teacher with no account is told how to confirm (by sending the form themselves) or refuse (do nothing); confirming sends their own confirmation', async () => {
    const principal = new Client(srv.base);
    await principal.login(DEMO.administrator);
    const email = 'new.to.parley@example.org';
    const { reference } = await contact(principal, { name: 'New Teacher', email, message: privateWords() });
    const m = await mailbox.waitFor(x => x.to === email && x.subject.includes(reference), { what: 'the teacher\'s message' });
    assert.match(m.text, /If you asked for it, confirm it by sending the program's contact form yourself\. If you did not, you need do nothing: it never becomes a case without your word\./);
    assert.ok(m.text.includes(`${srv.base}/contact/new`));

    // They send it themselves: their own request is confirmed to them.
    const own = await contact(new Client(srv.base), { name: 'New Teacher', email, message: privateWords() });
    const mine = await mailbox.waitFor(x => x.to === email && x.subject.includes(own.reference), { what: 'their confirmation' });
    assert.match(mine.subject, /^Your message to /);
});
