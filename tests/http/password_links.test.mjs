// password_links.test.mjs: one-time links to set a password, by e-mail to
// the person only (issue 16), read back from a real SMTP server on
// loopback (mailbox.mjs). "Forgot your password?" answers the same whether
// or not an account has the address, sends one message only when one
// does, is limited per email address and per network address so that
// nobody can flood a mailbox, and never carries a link past the wall
// between programs (issue 15, finding 1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, parley, bearer, PASSWORD } from './harness.mjs';
import { DEMO, count, personId, token, decode, setPasswordWithLink, signsIn as signsInWith } from './records.mjs';
import { startMailbox, resetToken, workerPass } from './mailbox.mjs';

let srv, mailbox;
before(async () => {
    mailbox = await startMailbox();
    // Each test asks from network addresses of its own (X-Forwarded-For).
    srv = await startServer([...mailbox.serverArgs, '--trusted-proxy', '127.0.0.1']);
});
after(async () => {
    await srv?.stop();
    await mailbox?.close();
});

const ANSWER = 'If an account has this address, a link to set a new password is on its way. It works once, for 72 hours.';

// "Forgot your password?" sent from the network address from, as a browser
// sends it: the page's form and its CSRF token.
async function forgot(email, from) {
    const c = new Client(srv.base);
    const headers = { 'X-Forwarded-For': from };
    const page = await c.get('/password/forgot', { headers });
    const csrf = page.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
    return c.request('POST', '/password/forgot', { form: { csrf, email }, headers });
}

// The answer's page, as a reader reads it.
async function answerOf(r) {
    assert.equal(r.status, 303, `the form is answered with a redirect: ${r.status} ${r.text.slice(0, 300)}`);
    assert.equal(r.headers.get('location'), '/password/forgot/sent');
    return decode((await new Client(srv.base).get('/password/forgot/sent')).text);
}

const setPassword = (linkToken, password) => setPasswordWithLink(srv.base, linkToken, password);
const signsIn = (email, password) => signsInWith(srv.base, email, password);

// The messages with a password link that came for an address (the demo's
// own news goes to the same mailbox).
const linksTo = address => mailbox.to(address).filter(resetToken);
const linkFor = (address, what) => mailbox.waitFor(m => m.to === address && resetToken(m), { what });

const linkAudits = () => count(srv.db, 'audit', "record_kind = 'password_link'");

test('the sign-in page links to "Forgot your password?", a form with a CSRF token like every form', async () => {
    const login = await new Client(srv.base).get('/login');
    assert.match(login.text, /<a href="\/password\/forgot">Forgot your password\?/);
    const page = await new Client(srv.base).get('/password/forgot');
    assert.equal(page.status, 200);
    assert.match(page.text, /<input[^>]*name="email"[^>]*type="email"|<input[^>]*type="email"[^>]*name="email"/);
    // Without the token nothing is asked for.
    const c = new Client(srv.base);
    await c.get('/password/forgot');
    const r = await c.request('POST', '/password/forgot', { form: { email: 'teacher2@parley.test' } });
    assert.equal(r.status, 403);
    await workerPass();
    assert.equal(linksTo('teacher2@parley.test').length, 0);
});

test('forgot your password: the same answer for a known and an unknown address, one message for the known one only, its link works once', async () => {
    const known = 'teacher3@parley.test', unknown = 'nobody.here@parley.test', next = 'a sentence only nora knows';
    const theirs = new Client(srv.base);
    await theirs.login(known);
    const audits = linkAudits();

    const a = await answerOf(await forgot(unknown, '192.0.2.10'));
    assert.equal(linkAudits(), audits, 'an unknown address leaves nothing in the audit log');
    const b = await answerOf(await forgot(known, '192.0.2.10'));
    assert.equal(a, b, 'the same page for both');
    assert.ok(a.includes(ANSWER), 'in the words of issue 16');

    const m = await linkFor(known, "teacher3's link");
    assert.equal(m.subject, 'Set your password for Harbor City Educator Supports Program');
    assert.equal(m.fromName, 'Harbor City Educator Supports Program');
    assert.match(m.text, /Someone asked for a link to set a new password/);
    assert.match(m.text, /works once, until/);
    assert.match(m.text, /If you did not ask for it, you need do nothing/);
    const tok = resetToken(m);
    assert.ok(tok, 'the message carries the link');
    assert.ok(m.text.includes(`${srv.base}/reset/${tok}`), 'an absolute link to this server');
    assert.ok(m.html.includes(`${srv.base}/reset/${tok}`), 'in the HTML part too');
    await workerPass();
    assert.equal(mailbox.to(unknown).length, 0, 'nothing for an address nobody has');
    assert.equal(linksTo(known).length, 1, 'one message');

    // The ask is on their record; asking signed nobody out.
    assert.equal(linkAudits(), audits + 1);
    const coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    const history = decode((await coord.get(`/people/${personId(srv.db, known)}/history`)).text);
    assert.match(history, /Someone asked for a one-time link to set a new password with "Forgot your password\?"/);
    assert.equal((await theirs.get('/dashboard')).status, 200, 'someone else asking signs nobody out');
    // The coordinator's outbox shows that it went, never the link.
    const outbox = await coord.get('/outbox');
    assert.match(outbox.text, /One-time link/);
    assert.ok(!outbox.text.includes(tok), 'the outbox page never shows the link');

    // The link sets a password once; using it signs them out everywhere.
    assert.equal((await new Client(srv.base).get(`/reset/${tok}`)).status, 200);
    const r = await setPassword(tok, next);
    assert.equal(r.status, 200);
    assert.match(r.text, /Your password is set/);
    assert.ok(await signsIn(known, next));
    assert.ok(!await signsIn(known, PASSWORD));
    assert.equal((await theirs.get('/dashboard')).status, 303, 'using it signed them out');
    assert.equal((await setPassword(tok, 'a second try with the same link')).status, 404, 'a second use is refused');
    assert.ok(await signsIn(known, next));
    assert.equal(parley(['user', 'passwd', '--db', srv.db, '--email', known], PASSWORD + '\n').code, 0);
});

test('forgot your password is limited per email address and per network address, alike for addresses nobody has', async () => {
    const known = 'teacher2@parley.test', unknown = 'nobody.either@parley.test';
    const refusal = async (email, from) => {
        const r = await forgot(email, from);
        assert.equal(r.status, 429, `refused: ${email} from ${from}`);
        assert.ok(Number(r.headers.get('retry-after')) > 0);
        assert.match(r.text, new RegExp(`value="${email.replace(/[.]/g, '\\.')}"`), 'the address is kept in the form');
        return decode(r.text).match(/Parley has had as many asks for a password link as it accepts in an hour \(\d+\)[^<]*/)[0];
    };
    // password_links_per_hour: 3 for one email address, from any network.
    for (const email of [known, unknown])
        for (const from of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
            await answerOf(await forgot(email, from));
    const words = await refusal(known, '198.51.100.4');
    assert.equal(await refusal(unknown, '198.51.100.5'), words, 'the same refusal whether or not an account has it');
    assert.match(words, /\(3\)/);
    await workerPass();
    assert.equal(linksTo(known).length, 3, 'no more than the limit reaches the mailbox');

    // password_link_asks_per_hour, lowered to 2: from one network address.
    const coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    assert.equal((await coord.post('/settings', { password_link_asks_per_hour: '2' }, '/settings')).status, 303);
    await answerOf(await forgot('someone.a@parley.test', '203.0.113.7'));
    await answerOf(await forgot('someone.b@parley.test', '203.0.113.7'));
    assert.match(await refusal('someone.c@parley.test', '203.0.113.7'), /\(2\)/);
    await answerOf(await forgot('someone.c@parley.test', '203.0.113.8'));
    assert.equal((await coord.post('/settings', { password_link_asks_per_hour: '20' }, '/settings')).status, 303);
});

test('finding 1: a link goes to an address the person or the operator set; not, for a person whose roles reach beyond the program, to one a coordinator typed', async () => {
    // principal2 is also a federation member; the operator set their address.
    const p2 = 'principal2@parley.test';
    await answerOf(await forgot(p2, '192.0.2.20'));
    await linkFor(p2, "principal2's link");

    // The district's coordinator types an address of their choosing.
    const api = (method, path, json) => new Client(srv.base).request(method, '/api/v1' + path,
        { headers: bearer(token(srv.db, DEMO.coordinator)), json });
    const id = personId(srv.db, p2), typed = 'p2.elsewhere@parley.test';
    assert.equal((await api('PATCH', `/people/${id}`, { email: typed })).status, 200);
    const audits = linkAudits();
    const answer = await answerOf(await forgot(typed, '192.0.2.21'));
    assert.ok(answer.includes(ANSWER), 'the same answer');
    await workerPass();
    assert.equal(mailbox.to(typed).length, 0, 'no link crosses into the federation through it');
    assert.equal(linkAudits(), audits + 1, 'the ask is on their record, in the same words as any');

    // A district teacher's address typed by the coordinator is how a new
    // person starts: the link goes, and they sign in.
    const added = await api('POST', '/people', { name: 'Dana Newcomer', email: 'dana.newcomer@parley.test',
                                                  years_in_district: 5, job_type: 'classroom_teacher' });
    assert.equal(added.status, 201);
    await answerOf(await forgot('dana.newcomer@parley.test', '192.0.2.22'));
    const welcome = await linkFor('dana.newcomer@parley.test', "the new teacher's link");
    assert.equal((await setPassword(resetToken(welcome), 'dana picks a long sentence')).status, 200);
    assert.ok(await signsIn('dana.newcomer@parley.test', 'dana picks a long sentence'));

    // A federation member's link names the federation's program.
    await answerOf(await forgot(DEMO.member, '192.0.2.23'));
    const fed = await linkFor(DEMO.member, "the member's link");
    assert.match(fed.subject, /^Set your password for .*Peer Support Service/);
    assert.match(fed.fromName, /Peer Support Service/);
});
