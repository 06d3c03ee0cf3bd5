// credentials.test.mjs: issue 15's findings about credentials, each
// reproduced against the real server: API tokens that can be listed,
// revoked and expire (finding 5); password links that nobody but the
// person reads (the coordinator's go by e-mail, read back from a real SMTP
// server; only the operator's command line prints one), that sign the
// person out everywhere and that die once a newer one or a new password
// comes (findings 1 and 11); an email address of another program's person
// that tells the district nothing (finding 10).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, Client, parley, bearer, sql, PASSWORD } from './harness.mjs';
import { DEMO, scalar, personId, decode, setPasswordWithLink, signsIn as signsInWith } from './records.mjs';
import { startMailbox, resetToken, workerPass } from './mailbox.mjs';

let srv, mailbox;
before(async () => {
    mailbox = await startMailbox();
    srv = await startServer(mailbox.serverArgs);
});
after(async () => {
    await srv?.stop();
    await mailbox?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const DAY = 86400;

// A new token from the command line: { token, id } (its row found by the
// SHA-256 kept of it).
function makeToken(email, ...args) {
    const r = parley(['token', 'create', '--db', srv.db, '--email', email, ...args]);
    assert.equal(r.code, 0, r.err);
    const token = r.out.trim();
    assert.match(token, /^[0-9a-f]{64}$/);
    const hash = createHash('sha256').update(token).digest('hex');
    return { token, id: Number(scalar(srv.db, `SELECT id FROM api_token WHERE token_hash = '${hash}';`)) };
}

const me = token => new Client(srv.base).request('GET', '/api/v1/me', { headers: bearer(token) });

async function assertRefused(token, why) {
    const r = await me(token);
    assert.equal(r.status, 401, `the token is refused (${why})`);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    const e = r.json().error;
    assert.equal(e.code, 'unauthenticated');
    assert.match(e.message, why);
    return e.message;
}

function tokenList(...args) {
    const r = parley(['token', 'list', '--db', srv.db, ...args]);
    assert.equal(r.code, 0, r.err);
    return r.out.split('\n').slice(1).filter(l => l.trim());
}
const listed = (lines, id) => lines.find(l => l.startsWith(`${id} `));

test('finding 5: a token has a name, an expiry and a last use; parley token create|list|revoke', async () => {
    const email = 'union@parley.test';
    const { token, id } = makeToken(email, '--name', 'Grades sync', '--days', '10');
    let line = listed(tokenList('--email', email), id);
    assert.match(line, /^\d+ +active +union@parley\.test +Grades sync +.+ +never/);
    const expires = Number(scalar(srv.db, `SELECT expires_at - created_at FROM api_token WHERE id = ${id};`));
    assert.equal(expires, 10 * DAY, 'it works for the 10 days asked');

    assert.equal((await me(token)).status, 200);
    const used = Number(scalar(srv.db, `SELECT last_used FROM api_token WHERE id = ${id};`));
    assert.ok(Math.abs(used - now()) < 60, 'its last use is recorded');
    assert.doesNotMatch(listed(tokenList('--email', email), id), / never/);

    // Without --days a token lasts the program's api_token_days (90); more is refused.
    const long = makeToken(email);
    assert.equal(Number(scalar(srv.db, `SELECT expires_at - created_at FROM api_token WHERE id = ${long.id};`)), 90 * DAY);
    const refused = parley(['token', 'create', '--db', srv.db, '--email', email, '--days', '91']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.err, /days: Give a whole number of days from 1 to 90/);

    const r = parley(['token', 'revoke', '--db', srv.db, '--id', String(id)]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /"Grades sync" of union@parley\.test\) is revoked/);
    assert.match(await assertRefused(token, /revoked/), /This API token was revoked on .+\. Make a new one/);
    assert.match(listed(tokenList('--email', email), id), /^\d+ +revoked .* \(by the operator\)$/);
    assert.equal((await me(long.token)).status, 200, 'the other token still works');
    assert.equal(parley(['token', 'revoke', '--db', srv.db, '--id', '999999']).code, 1);
});

test('finding 5: an expired token gets a 401 that says it expired, and when', async () => {
    const { token, id } = makeToken('ct2@parley.test');
    assert.equal((await me(token)).status, 200);
    // A day later (the clock cannot be moved: the expiry is).
    sql(srv.db, `UPDATE api_token SET expires_at = ${now() - 5} WHERE id = ${id}`);
    assert.match(await assertRefused(token, /expired/), /^This API token expired on .+\. Make a new one under My account/);
    assert.match(listed(tokenList('--email', 'ct2@parley.test'), id), /^\d+ +expired /);
});

test('finding 5: signing out everywhere and a new password revoke every API token', async () => {
    const email = 'teacher2@parley.test', next = 'a sentence nobody else knows';
    const a = makeToken(email), b = makeToken(email);
    const c = new Client(srv.base);
    await c.login(email);
    assert.equal((await c.post('/logout-everywhere', {}, '/account')).status, 303);
    for (const t of [a, b]) await assertRefused(t.token, /revoked/);
    assert.match(listed(tokenList('--email', email), a.id), /\(signed out everywhere\)$/);

    const d = makeToken(email);
    await c.login(email);
    const r = await c.post('/account/password', { current: PASSWORD, password: next, confirm: next }, '/account');
    assert.equal(r.status, 303);
    await assertRefused(d.token, /revoked/);
    assert.match(listed(tokenList('--email', email), d.id), /\(the password was changed\)$/);
    // The command line's new password too.
    const e = makeToken(email);
    assert.equal(parley(['user', 'passwd', '--db', srv.db, '--email', email], PASSWORD + '\n').code, 0);
    await assertRefused(e.token, /revoked/);
    assert.equal(Number(scalar(srv.db, `SELECT COUNT(*) FROM audit WHERE action = 'revoke' AND record_kind = 'api_token' AND subject_id = ${personId(srv.db, email)};`)), 3,
                 'each revocation is in the audit log, for the person to see (R37)');
});

test('finding 5: the program setting api_token_days is bounded to 1..365 days', async () => {
    const coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    for (const bad of ['0', '366', 'forever']) {
        const r = await coord.post('/settings', { api_token_days: bad }, '/settings');
        assert.equal(r.status, 400, bad);
        assert.match(r.text, /Give a whole number of days from 1 to 365\./);
    }
    let r = await coord.post('/settings', { api_token_days: '30' }, '/settings');
    assert.ok(r.status < 400, `settings: ${r.status}`);
    const { id } = makeToken('ct3@parley.test');
    assert.equal(Number(scalar(srv.db, `SELECT expires_at - created_at FROM api_token WHERE id = ${id};`)), 30 * DAY);
    assert.match(parley(['token', 'create', '--db', srv.db, '--email', 'ct3@parley.test', '--days', '31']).err,
                 /from 1 to 30/);
    r = await coord.post('/settings', { api_token_days: '90' }, '/settings');
    assert.ok(r.status < 400);
});

test('finding 5: My account lists one\'s API tokens, makes one (shown once) and revokes it, with CSRF-protected forms', async () => {
    const c = new Client(srv.base);
    await c.login('teacher3@parley.test');
    assert.match((await c.get('/account')).text, /href="\/account\/tokens"/);
    let r = await c.get('/account/tokens');
    assert.equal(r.status, 200);
    assert.match(r.text, /Your API tokens/);

    // A form from elsewhere is refused and makes nothing.
    const before = Number(scalar(srv.db, 'SELECT COUNT(*) FROM api_token;'));
    r = await c.request('POST', '/account/tokens', { form: { name: 'Forged', days: '5' } });
    assert.equal(r.status, 403);
    assert.equal(Number(scalar(srv.db, 'SELECT COUNT(*) FROM api_token;')), before);

    r = await c.post('/account/tokens', { name: '', days: '1000' }, '/account/tokens');
    assert.equal(r.status, 400);
    assert.match(r.text, /id="e-name">.*?Give the token a name/s);
    assert.match(r.text, /id="e-days">.*?from 1 to 90/s);
    assert.equal(Number(scalar(srv.db, 'SELECT COUNT(*) FROM api_token;')), before);

    r = await c.post('/account/tokens', { name: 'Web made', days: '5' }, '/account/tokens');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const secret = r.text.match(/id="new-token" readonly value="([0-9a-f]{64})"/)[1];
    assert.equal((await me(secret)).status, 200);
    r = await c.get('/account/tokens');
    assert.doesNotMatch(r.text, new RegExp(secret), 'the token is shown only once');
    const action = r.text.match(/action="(\/tokens\/(\d+)\/revoke)"[^]*?Revoke &quot;Web made&quot;/);
    assert.ok(action, 'a button revokes it');

    r = await c.request('POST', action[1], { form: {} });
    assert.equal(r.status, 403, 'no CSRF token, no revocation');
    assert.equal((await me(secret)).status, 200);
    r = await c.post(action[1], {}, '/account/tokens');
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/account/tokens');
    await assertRefused(secret, /revoked/);
    r = await c.get('/account/tokens');
    assert.match(r.text, /The token &quot;Web made&quot; is revoked/);
    assert.match(r.text, /Revoked <time[^>]*>[^<]*<\/time> \(by its owner\)/);
});

test('finding 5: the API lists, makes and revokes one\'s own tokens; a token made through a token expires no later than it', async () => {
    const { token: parent, id: parentId } = makeToken('ct1@parley.test', '--name', 'Parent', '--days', '3');
    const api = (method, path, json) => new Client(srv.base).request(method, '/api/v1' + path, { headers: bearer(parent), json });
    let r = await api('POST', '/tokens', {});
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'name');
    r = await api('POST', '/tokens', { name: 'Child', days: 30 });
    assert.equal(r.status, 201);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const child = r.json();
    assert.match(r.headers.get('location'), new RegExp(`/api/v1/tokens/${child.id}$`));
    assert.match(child.token, /^[0-9a-f]{64}$/);
    assert.equal(child.name, 'Child');
    assert.equal(child.state, 'active');
    const parentExpires = Number(scalar(srv.db, `SELECT expires_at FROM api_token WHERE id = ${parentId};`));
    assert.equal(child.expires_at, parentExpires, 'no later than the token that made it');

    r = await api('GET', '/tokens');
    assert.equal(r.status, 200);
    const names = r.json().items.map(t => t.name);
    assert.ok(names.includes('Parent') && names.includes('Child'));
    assert.ok(r.json().items.every(t => t.token === undefined), 'a list never holds a token');

    r = await api('DELETE', `/tokens/${child.id}`);
    assert.equal(r.status, 204);
    await assertRefused(child.token, /revoked/);
    assert.equal((await me(parent)).status, 200);
    const someoneElses = makeToken('ct3@parley.test', '--name', 'Not yours');
    r = await api('DELETE', `/tokens/${someoneElses.id}`);
    assert.equal(r.status, 404, "another's token does not exist for a Consulting Teacher");
    assert.equal((await me(someoneElses.token)).status, 200);
    r = await api('GET', `/tokens?person_id=${personId(srv.db, 'ct3@parley.test')}`);
    assert.equal(r.status, 404);
});

test('finding 5: the coordinator revokes anyone\'s token in the program, never another program\'s', async () => {
    const teacher = 'teacher@parley.test', tid = personId(srv.db, teacher);
    const t1 = makeToken(teacher, '--name', 'Spreadsheet'), t2 = makeToken(teacher, '--name', 'Script');
    const coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    let r = await coord.get(`/people/${tid}`);
    assert.match(r.text, /<h2>API tokens<\/h2>/);
    const action = `/tokens/${t1.id}/revoke`;
    assert.ok(r.text.includes(`action="${action}"`), 'the coordinator sees a button to revoke it');
    r = await coord.post(action, {}, `/people/${tid}`);
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), `/people/${tid}`);
    await assertRefused(t1.token, /revoked/);
    assert.match(listed(tokenList("--email", teacher), t1.id), /\(by Morgan Ellis\)$/, "the list says who revoked it");

    const coordToken = makeToken(DEMO.coordinator).token;
    const api = (method, path) => new Client(srv.base).request(method, '/api/v1' + path, { headers: bearer(coordToken) });
    r = await api('GET', `/tokens?person_id=${tid}`);
    assert.equal(r.status, 200);
    assert.ok(r.json().items.some(t => t.id === t2.id));
    assert.equal((await api('DELETE', `/tokens/${t2.id}`)).status, 204);
    await assertRefused(t2.token, /revoked/);

    // principal2 makes a token while working in the federation: the district's
    // coordinator neither sees nor revokes it (R31-R36).
    const both = new Client(srv.base);
    await both.login('principal2@parley.test');
    const federation = scalar(srv.db, "SELECT id FROM program WHERE kind = 'federation';");
    assert.equal((await both.post('/account/program', { program_id: federation }, '/account')).status, 303);
    r = await both.post('/account/tokens', { name: 'Peer support notes' }, '/account/tokens');
    assert.equal(r.status, 200);
    const fed = Number(scalar(srv.db, "SELECT id FROM api_token WHERE name = 'Peer support notes';"));
    r = await api('GET', `/tokens?person_id=${personId(srv.db, 'principal2@parley.test')}`);
    assert.equal(r.status, 200);
    assert.ok(!r.json().items.some(t => t.id === fed), "the federation's token is not in the district's list");
    assert.equal((await api('DELETE', `/tokens/${fed}`)).status, 404);
    assert.equal((await coord.post(`/tokens/${fed}/revoke`, {}, '/dashboard')).status, 404);
    assert.equal(scalar(srv.db, `SELECT revoked_at FROM api_token WHERE id = ${fed};`), '0');
    // Nor does the federation's service coordinator revoke the district's.
    const t3 = makeToken(teacher, '--name', 'Third');
    const pss = new Client(srv.base);
    await pss.login(DEMO.pss_coordinator);
    assert.equal((await pss.post(`/tokens/${t3.id}/revoke`, {}, '/dashboard')).status, 404);
    assert.equal((await me(t3.token)).status, 200);
});

// A one-time link from the operator's command line: its token.
function passwordLink(email) {
    const r = parley(['user', 'link', '--db', srv.db, '--email', email, '--base-url', srv.base]);
    assert.equal(r.code, 0, r.err);
    return r.out.trim().split('/reset/')[1];
}

const setPassword = (linkToken, password) => setPasswordWithLink(srv.base, linkToken, password);
const signsIn = (email, password) => signsInWith(srv.base, email, password);

async function signedOut(c) {
    const r = await c.get('/dashboard');
    return r.status === 303 && /^\/login/.test(r.headers.get('location'));
}

// The coordinator asks for a link on the person's page, as a browser does.
async function coordinatorAsks(coord, id) {
    return coord.request('POST', `/people/${id}/password-link`,
                         { form: { csrf: await coord.csrf(`/people/${id}`) } });
}

test('finding 1: the coordinator never holds a working credential for someone else: a district teacher\'s link goes by e-mail to them, works once and is never on a page; principal2 (also a federation member) gets no link at all', async () => {
    const BOTH = 'principal2@parley.test', TEACHER = 'teacher3@parley.test';
    const coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    const theirs = new Client(srv.base);
    await theirs.login(TEACHER);
    const answers = {};
    for (const email of [TEACHER, BOTH]) {
        const id = personId(srv.db, email);
        const page = await coord.get(`/people/${id}`);
        assert.match(page.text, /Parley never gives you a way to sign in as someone else/);
        assert.match(page.text, /E-mail them a link to set a password/);
        // The attack of issue 15: a link issued on the person's page.
        const r = await coordinatorAsks(coord, id);
        assert.equal(r.status, 303);
        const after = await coord.get(r.headers.get('location'));
        assert.doesNotMatch(r.text + after.text, /\/reset\/[0-9a-f]{64}/, 'no link on any page');
        answers[email] = decode(after.text).match(/A link to set a password was sent to [^<]*/)[0];
    }
    // The same answer for both but the masked address, as issue 16 words it.
    assert.equal(answers[TEACHER], 'A link to set a password was sent to t…@parley.test; only they can read it. Their sessions were signed out and their API tokens revoked.');
    assert.equal(answers[BOTH], answers[TEACHER].replace('t…@', 'p…@'));

    // The teacher's link is in their mailbox only; the outbox never shows it.
    const m = await mailbox.waitFor(x => x.to === TEACHER && resetToken(x), { what: "teacher3's link" });
    assert.match(m.text, /Morgan Ellis, your program coordinator, asked Parley to send you a link/);
    assert.match(m.text, /works once, until .*; nobody else has it/);
    const tok = resetToken(m);
    assert.ok(!(await coord.get('/outbox')).text.includes(tok));
    assert.ok(await signedOut(theirs), 'issuing the link ended their session');
    assert.equal((await setPassword(tok, 'nora sets her own sentence')).status, 200);
    assert.ok(await signsIn(TEACHER, 'nora sets her own sentence'));
    assert.equal((await setPassword(tok, 'the coordinator tries it again')).status, 404, 'it works once');
    assert.equal(parley(['user', 'passwd', '--db', srv.db, '--email', TEACHER], PASSWORD + '\n').code, 0);

    // principal2's message says how to ask for a link, and holds none.
    const words = await mailbox.waitFor(x => x.to === BOTH && /password\/forgot/.test(x.text),
                                        { what: "principal2's message" });
    assert.equal(resetToken(words), null);
    assert.match(words.text, /ask for a link yourself with "Forgot your password\?"/);
    await workerPass();
    assert.ok(!mailbox.to(BOTH).some(resetToken), 'no link for principal2');
    assert.equal(Number(scalar(srv.db, `SELECT COUNT(*) FROM password_reset WHERE person_id = ${personId(srv.db, BOTH)};`)), 0,
                 'nothing was issued');
    assert.ok(await signsIn(BOTH, PASSWORD), "principal2's password is untouched");
    // Both records say the same (the district learns nothing of the federation).
    const said = email => scalar(srv.db, `SELECT summary FROM audit WHERE action = 'issue' AND record_kind = 'password_link' AND subject_id = ${personId(srv.db, email)} ORDER BY id DESC LIMIT 1;`);
    assert.equal(said(BOTH), said(TEACHER));

    // Nobody else asks: a teacher's role does not include it, and the
    // coordinator is told the federation's own people do not exist.
    const teacher = new Client(srv.base);
    await teacher.login(DEMO.participating_teacher);
    assert.equal((await coordinatorAsks(teacher, personId(srv.db, TEACHER))).status, 403);
    assert.equal((await coordinatorAsks(coord, personId(srv.db, DEMO.member))).status, 404);
    // The sign-in page says what to do instead: ask for a link by e-mail.
    const login = await new Client(srv.base).get('/login');
    assert.match(login.text, /<a href="\/password\/forgot">Forgot your password\?/);
    assert.doesNotMatch(login.text, /Ask the program coordinator for a one-time link/);
});

test('finding 1: a password link (the operator\'s parley user link) signs the person out everywhere and revokes their API tokens when it is issued, and again when it is used', async () => {
    const email = 'principal2@parley.test', next = 'a fresh sentence for principal two';
    const a = new Client(srv.base);
    await a.login(email);
    const t1 = makeToken(email);
    const link = passwordLink(email);
    assert.ok(await signedOut(a), 'issuing the link ended their session');
    await assertRefused(t1.token, /revoked/);
    assert.match(listed(tokenList('--email', email), t1.id), /\(a password link was issued\)$/);

    // Until the link is used, the old password still signs them in.
    const b = new Client(srv.base);
    await b.login(email);
    const t2 = makeToken(email);
    const r = await setPassword(link, next);
    assert.equal(r.status, 200);
    assert.match(r.text, /Your password is set/);
    assert.ok(await signedOut(b), 'using the link ended their session');
    await assertRefused(t2.token, /revoked/);
    assert.ok(await signsIn(email, next));
    assert.ok(!await signsIn(email, PASSWORD));
    const audit = scalar(srv.db, `SELECT summary FROM audit WHERE action = 'issue' AND record_kind = 'password_link' AND subject_id = ${personId(srv.db, email)} ORDER BY id DESC LIMIT 1;`);
    assert.match(audit, /sessions ended and their API tokens were revoked/, 'the person sees it in their history (R37)');
    assert.equal(parley(['user', 'passwd', '--db', srv.db, '--email', email], PASSWORD + '\n').code, 0);
});

test('finding 11: a password link dies once a newer one is issued or used, after any new password, and when the person signs out everywhere', async () => {
    const email = 'panel2@parley.test', p1 = 'first replacement sentence', p2 = 'second replacement sentence';
    const gone = async token => {
        const r = await new Client(srv.base).get(`/reset/${token}`);
        assert.equal(r.status, 404);
        assert.match(r.text, /a newer link or a new password replaced it/);
    };
    const older = passwordLink(email), newer = passwordLink(email);
    await gone(older);
    let r = await setPassword(older, 'an attacker wants this in');
    assert.equal(r.status, 404, 'the older link sets nothing');
    assert.ok(await signsIn(email, PASSWORD));
    assert.equal((await new Client(srv.base).get(`/reset/${newer}`)).status, 200);
    assert.equal((await setPassword(newer, p1)).status, 200);
    await gone(newer);

    // Issued, then the person changes their password themselves.
    const third = passwordLink(email);
    const c = new Client(srv.base);
    await c.login(email, p1);
    r = await c.post('/account/password', { current: p1, password: p2, confirm: p2 }, '/account');
    assert.equal(r.status, 303);
    await gone(third);
    // Issued, then the operator sets one.
    const fourth = passwordLink(email);
    assert.equal(parley(['user', 'passwd', '--db', srv.db, '--email', email], PASSWORD + '\n').code, 0);
    await gone(fourth);
    // Issued, then the person signs out everywhere.
    const fifth = passwordLink(email);
    const d = new Client(srv.base);
    await d.login(email);
    assert.equal((await d.post('/logout-everywhere', {}, '/account')).status, 303);
    await gone(fifth);
    assert.ok(await signsIn(email, PASSWORD), 'none of the dead links changed the password');
});

test('finding 10: adding a person whose email belongs to another program\'s person answers as for any new address; one address still signs in one person', async () => {
    const coordToken = makeToken(DEMO.coordinator).token;
    const api = (method, path, json) => new Client(srv.base).request(method, '/api/v1' + path,
                                                                      { headers: bearer(coordToken), json });
    const person = email => ({ name: 'Dana Newcomer', email, years_in_district: 5, job_type: 'classroom_teacher' });
    // member@ has a federation account only; the other address nobody has.
    const fed = await api('POST', '/people', person(DEMO.member));
    const fresh = await api('POST', '/people', person('nobody.yet@parley.test'));
    assert.equal(fresh.status, 201);
    assert.equal(fed.status, 201, 'the district learns nothing of the federation\'s account');
    const shape = p => ({ ...p, id: 0, email: '' });
    assert.deepEqual(shape(fed.json()), shape(fresh.json()), 'the same answer');
    assert.equal(fed.json().email, DEMO.member);

    // The federation member still signs in as themselves, to their own program.
    const member = new Client(srv.base);
    await member.login(DEMO.member);
    assert.equal((await member.get('/pss')).status, 200);
    assert.match((await member.get('/account')).text, /Federation Member/);
    // The district's new record cannot sign in, like any new person.
    const coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    assert.match((await coord.get(`/people/${fed.json().id}`)).text, /Can sign in<\/dt><dd>Not yet/);

    // In one program an address is one person's, as before.
    const again = await api('POST', '/people', person(DEMO.member));
    assert.equal(again.status, 400);
    assert.equal(again.json().error.field, 'email');
    assert.match(again.json().error.message, /Another person already has this email address/);

    // A new address ends a person's sign-in, whether or not it signs someone
    // in elsewhere: both changes look the same to the district.
    const moved = {};
    for (const [from, to] of [['moving.one@parley.test', DEMO.pss_consultant], ['moving.two@parley.test', 'brand.new@parley.test']]) {
        const p = (await api('POST', '/people', person(from))).json();
        assert.equal(parley(['user', 'passwd', '--db', srv.db, '--email', from], PASSWORD + '\n').code, 0);
        assert.ok(await signsIn(from, PASSWORD));
        const r = await api('PATCH', `/people/${p.id}`, { email: to });
        moved[to] = r.status;
        assert.match((await coord.get(`/people/${p.id}`)).text, /Can sign in<\/dt><dd>Not yet/);
        assert.ok(!await signsIn(from, PASSWORD), 'the old address no longer signs them in');
    }
    assert.deepEqual(moved, { [DEMO.pss_consultant]: 200, 'brand.new@parley.test': 200 });
    assert.ok(!await signsIn('brand.new@parley.test', PASSWORD), 'nor the new one, before a new password');
    assert.ok(await signsIn(DEMO.pss_consultant, PASSWORD), 'the consultant still signs in as themselves');
    const who = new Client(srv.base);
    await who.login(DEMO.pss_consultant);
    assert.match((await who.get('/account')).text, /Peer Support Consultant/);

    // The operator cannot give a second person a password for an address
    // that already signs someone in: nobody is half-added.
    const people = Number(scalar(srv.db, 'SELECT COUNT(*) FROM person;'));
    const r = parley(['user', 'add', '--db', srv.db, '--email', DEMO.local_president, '--name', 'Second President'],
                     'a-long-enough-passphrase-88\n');
    assert.equal(r.code, 1);
    assert.match(r.err, /already signs in with president@parley\.test/);
    assert.equal(Number(scalar(srv.db, 'SELECT COUNT(*) FROM person;')), people);
});
