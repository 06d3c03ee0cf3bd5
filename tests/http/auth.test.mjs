// auth.test.mjs: signing in and out, cookies, CSRF, throttling, session
// expiry, password changes, one-time password links, how secrets are
// stored, and API tokens; against the real server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, parley, bearer, sql, alertText, PASSWORD } from './harness.mjs';
import { inputValue } from './records.mjs';

const SESSION_MAX = 600, SESSION_IDLE = 300;
// Each trusts 127.0.0.1 as its proxy: X-Forwarded-For gives a request's
// address (a request without it is 127.0.0.1's).
const PROXY = ['--trusted-proxy', '127.0.0.1'];
let srv;          // account throttle 3, a high address limit, short sessions
let addrSrv;      // address throttle 4, secure cookies
let thrSrv;       // the default throttle, 3 sign-ins per account
let attemptsSrv;  // 3 sign-ins per address

before(async () => {
    [srv, addrSrv, thrSrv, attemptsSrv] = await Promise.all([
        startServer([...PROXY, '--throttle-account', '3', '--throttle-address', '1000',
                     '--session-max', String(SESSION_MAX), '--session-idle', String(SESSION_IDLE)]),
        startServer([...PROXY, '--throttle-address', '4', '--throttle-account', '100', '--secure-cookies']),
        startServer([...PROXY, '--signins-per-account', '3']),
        startServer([...PROXY, '--signins-per-address', '3']),
    ]);
});
after(async () => {
    await Promise.all([srv?.stop(), addrSrv?.stop(), thrSrv?.stop(), attemptsSrv?.stop()]);
});

const now = () => Math.floor(Date.now() / 1000);
const personId = (db, email) => Number(sql(db, `SELECT id FROM person WHERE email = '${email}'`)[0]);

function sessionCookie(res) {
    return res.headers.getSetCookie().find(c => c.startsWith('parley_session='));
}

// A client that carries only the given session cookie.
function withSession(base, token) {
    const c = new Client(base);
    c.cookies.set('parley_session', token);
    return c;
}

async function assertSignedOut(c) {
    const r = await c.get('/dashboard');
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/login?next=%2Fdashboard');
}

async function tryLogin(c, email, password) {
    const csrf = await c.csrf('/login');
    return c.request('POST', '/login', { form: { csrf, email, password, next: '/dashboard' } });
}

test('login sets an HttpOnly, SameSite=Lax session cookie (not Secure by default); logout ends it', async () => {
    const c = new Client(srv.base);
    const r = await c.login('teacher@parley.test');
    assert.equal(r.headers.get('location'), '/dashboard');
    const cookie = sessionCookie(r);
    assert.ok(cookie, 'a session cookie is set');
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/);
    const token = c.cookies.get('parley_session');
    assert.match(token, /^[0-9a-f]{64}$/);
    assert.equal((await c.get('/dashboard')).status, 200);

    const out = await c.post('/logout', {});
    assert.equal(out.status, 303);
    assert.equal(out.headers.get('location'), '/login?signed_out=1');
    assert.match(sessionCookie(out), /^parley_session=;.*Max-Age=0/);
    // The old cookie, sent again, no longer works.
    await assertSignedOut(withSession(srv.base, token));
});

test('with --secure-cookies the session and CSRF cookies are marked Secure', async () => {
    const c = new Client(addrSrv.base);
    const page = await c.get('/login');
    const csrfCookie = page.headers.getSetCookie().find(x => x.startsWith('parley_csrf='));
    assert.match(csrfCookie, /; HttpOnly; SameSite=Lax; Secure/);
    const r = await c.login('teacher@parley.test');
    assert.match(sessionCookie(r), /; HttpOnly; SameSite=Lax; Secure/);
});

test('a POST without a CSRF token, or with a wrong one, is refused with 403 and a clear message', async () => {
    const c = new Client(srv.base);
    await c.login('ct1@parley.test');
    let r = await c.request('POST', '/logout', { form: {} });
    assert.equal(r.status, 403);
    assert.match(r.text, /This form has expired or did not come from this site/);
    assert.match(r.text, /reload the page and send it again/);
    r = await c.request('POST', '/logout', { form: { csrf: 'a'.repeat(64) } });
    assert.equal(r.status, 403);
    assert.match(r.text, /This form has expired or did not come from this site/);
    // Neither refused POST signed the person out.
    assert.equal((await c.get('/dashboard')).status, 200);
});

test('a sign-in POST without the pre-session CSRF cookie is refused', async () => {
    const c = new Client(srv.base);
    const csrf = await c.csrf('/login');
    assert.ok(c.cookies.has('parley_csrf'));
    c.cookies.clear();   // as a form posted from another site would arrive
    const r = await c.request('POST', '/login', {
        form: { csrf, email: 'ct1@parley.test', password: PASSWORD, next: '/dashboard' } });
    assert.equal(r.status, 403);
    assert.match(r.text, /did not come from this site/);
    assert.equal(sessionCookie(r), undefined);
});

test('a wrong password and an unknown email get the same status and message', async () => {
    const wrong = await tryLogin(new Client(srv.base), 'ct2@parley.test', 'not-the-password-at-all');
    const unknown = await tryLogin(new Client(srv.base), 'nobody@parley.test', 'not-the-password-at-all');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    const msg = alertText(wrong.text);
    assert.equal(msg, 'The email address or the password is not right. Check both and try again.');
    assert.equal(alertText(unknown.text), msg);
});

// Issue 15, finding 8: five wrong passwords from anywhere used to lock an
// account for 15 minutes, the right password included. The throttle's
// server takes each request's address from X-Forwarded-For (as behind
// nginx), so one test can be several addresses.
const from = addr => ({ 'X-Forwarded-For': addr });
async function tryFrom(base, addr, email, password) {
    const c = new Client(base);
    const csrf = await c.csrf('/login');
    return c.request('POST', '/login', { form: { csrf, email, password, next: '/dashboard' }, headers: from(addr) });
}
const sleep = ms => new Promise(r => setTimeout(r, ms));

// Wrong passwords (try i: from address addr(i) for email(i)) until one is
// slowed with a Retry-After of at least minWait seconds, waiting out the
// shorter pauses on the way, so that the pause grows however slow the
// machine is: the slowed answers' waits.
async function wrongUntilSlowed(base, addr, email, minWait) {
    const waits = [];
    const each = v => typeof v === 'function' ? v : () => v;
    for (let i = 0; i < 30; i++) {
        const r = await tryFrom(base, each(addr)(i), each(email)(i), `wrong guess ${i}`);
        if (r.status === 401) continue;
        assert.equal(r.status, 429, `try ${i}`);
        const wait = Number(r.headers.get('retry-after'));
        waits.push(wait);
        if (wait >= minWait) return waits;
        await sleep(wait * 1000 + 100);
    }
    assert.fail(`never slowed to ${minWait} s: ${waits}`);
}

test('finding 8: wrong passwords from one address do not stop the right password from another', async () => {
    const email = 'superintendent@parley.test', attacker = '198.51.100.66';
    for (let i = 0; i < 5; i++)
        assert.equal((await tryFrom(thrSrv.base, attacker, email, `guess number ${i}`)).status, 401, `guess ${i}`);
    await wrongUntilSlowed(thrSrv.base, attacker, email, 1);
    // The Superintendent, at their own desk, is not locked out.
    const r = await tryFrom(thrSrv.base, '203.0.113.10', email, PASSWORD);
    assert.equal(r.status, 303);
    assert.ok(sessionCookie(r), 'signed in');
});

test('finding 8: from the address the wrong passwords came from, each try waits longer; then the right one gets in', async () => {
    const email = 'panel2@parley.test', addr = '198.51.100.77';
    // --throttle-pair 5: five are free, then 1 s, 2 s, 4 s...
    const waits = await wrongUntilSlowed(thrSrv.base, addr, email, 4);
    // On a slow machine a try can come after the 1 s pause has passed, and
    // count as one more failure: then the slowed waits seen are 2, 4.
    assert.ok(waits.length >= 2 && waits.every((w, i) => i === 0 || w > waits[i - 1]),
              `each pause is longer than the one before: ${waits}`);
    // The owner, at this address, is slowed, not locked: a wait of seconds.
    let r = await tryFrom(thrSrv.base, addr, email, PASSWORD);
    assert.equal(r.status, 429);
    assert.equal(sessionCookie(r), undefined);
    const wait = Number(r.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 8, `Retry-After ${wait}`);
    assert.match(alertText(r.text), /^Too many wrong passwords for this account from your address\. For your safety, each new try waits a little longer\. Try again after .+ \(in about \d+ seconds?\)\.$/);
    assert.equal(inputValue(r.text, 'email'), email, 'the email typed is kept');
    await sleep(wait * 1000 + 100);
    r = await tryFrom(thrSrv.base, addr, email, PASSWORD);
    assert.equal(r.status, 303);
});

test('many wrong passwords for an account from many addresses slow only addresses it has not signed in from', async () => {
    const email = 'ct3@parley.test', home = '203.0.113.33';
    assert.equal((await tryFrom(srv.base, home, email, PASSWORD)).status, 303);   // known from now on
    // --throttle-account 3: spread over addresses, no one address is slowed
    // by its own failures, but together they slow addresses the account
    // does not know.
    for (let i = 0; i < 4; i++)
        assert.equal((await tryFrom(srv.base, `198.51.100.${10 + i}`, email, `spread ${i}`)).status, 401);
    await wrongUntilSlowed(srv.base, i => `198.51.100.${20 + i}`, email, 4);
    const fresh = await tryFrom(srv.base, '192.0.2.200', email, PASSWORD);
    assert.equal(fresh.status, 429);
    assert.match(alertText(fresh.text), /^Someone has tried many wrong passwords for this account\./);
    assert.equal((await tryFrom(srv.base, home, email, PASSWORD)).status, 303, 'from home, as usual');
});

test('one address trying many accounts is slowed, except for accounts that have signed in from it', async () => {
    const school = '203.0.113.99';
    assert.equal((await tryFrom(addrSrv.base, school, 'teacher3@parley.test', PASSWORD)).status, 303);
    // --throttle-address 4
    for (const email of ['a@parley.test', 'b@parley.test', 'teacher2@parley.test', 'd@parley.test'])
        assert.equal((await tryFrom(addrSrv.base, school, email, 'wrong password here')).status, 401, email);
    await wrongUntilSlowed(addrSrv.base, school, i => `someone${i}@parley.test`, 4);
    const r = await tryFrom(addrSrv.base, school, 'coordinator@parley.test', PASSWORD);
    assert.equal(r.status, 429);
    assert.ok(Number(r.headers.get('retry-after')) > 0);
    assert.match(alertText(r.text), /^Many wrong passwords have come from your address\./);
    // A colleague who signs in from the school every day is not held up.
    assert.equal((await tryFrom(addrSrv.base, school, 'teacher3@parley.test', PASSWORD)).status, 303);
    // Nor is anyone anywhere else.
    assert.equal((await tryFrom(addrSrv.base, '192.0.2.1', 'coordinator@parley.test', PASSWORD)).status, 303);
});

test('finding 7: sign-ins with the right password are limited per account (--signins-per-account)', async () => {
    const email = 'panel3@parley.test';
    for (let i = 0; i < 3; i++)
        assert.equal((await tryFrom(thrSrv.base, '203.0.113.5', email, PASSWORD)).status, 303, `sign-in ${i + 1}`);
    const r = await tryFrom(thrSrv.base, '203.0.113.6', email, PASSWORD);
    assert.equal(r.status, 429);
    assert.ok(Number(r.headers.get('retry-after')) > 800);
    assert.match(alertText(r.text), /^This account has signed in many times in the last few minutes, the most we allow\. Try again after/);
});

test('finding 7: sign-ins from one address are limited (--signins-per-address), but not for accounts that know it', async () => {
    const addr = '198.51.100.200';
    const emails = ['teacher@parley.test', 'principal@parley.test', 'ct1@parley.test', 'ct2@parley.test'];
    for (const email of emails.slice(0, 3))
        assert.equal((await tryFrom(attemptsSrv.base, addr, email, PASSWORD)).status, 303, email);
    const r = await tryFrom(attemptsSrv.base, addr, emails[3], PASSWORD);
    assert.equal(r.status, 429);
    assert.match(alertText(r.text), /^Many sign-ins have come from your address in the last few minutes/);
    assert.equal((await tryFrom(attemptsSrv.base, addr, emails[0], PASSWORD)).status, 303, 'a known account');
});

test('absolute session expiry (--session-max): an old session no longer works', async () => {
    const c = new Client(srv.base);
    await c.login('principal@parley.test');
    const token = c.cookies.get('parley_session');
    const pid = personId(srv.db, 'principal@parley.test');
    // Recent use, but created before the maximum: the session has ended.
    sql(srv.db, `UPDATE session SET created_at = ${now() - SESSION_MAX - 5}, last_seen = ${now()}
                 WHERE person_id = ${pid}`);
    await assertSignedOut(withSession(srv.base, token));
    assert.deepEqual(sql(srv.db, `SELECT COUNT(*) FROM session WHERE person_id = ${pid}`), ['0']);
});

test('idle session expiry (--session-idle): a session unused too long no longer works', async () => {
    const pid = personId(srv.db, 'principal@parley.test');
    const c = new Client(srv.base);
    await c.login('principal@parley.test');
    // Unused for less than the idle limit: still signed in.
    sql(srv.db, `UPDATE session SET last_seen = ${now() - SESSION_IDLE + 60} WHERE person_id = ${pid}`);
    assert.equal((await c.get('/dashboard')).status, 200);
    sql(srv.db, `UPDATE session SET last_seen = ${now() - SESSION_IDLE - 5} WHERE person_id = ${pid}`);
    await assertSignedOut(c);
});

test('"sign out everywhere" ends all of that person\'s sessions', async () => {
    const a = new Client(srv.base), b = new Client(srv.base), other = new Client(srv.base);
    await a.login('principal2@parley.test');
    await b.login('principal2@parley.test');
    await other.login('principal3@parley.test');
    const r = await a.post('/logout-everywhere', {}, '/account');
    assert.equal(r.status, 303);
    await assertSignedOut(a);
    await assertSignedOut(b);
    assert.equal((await other.get('/dashboard')).status, 200, 'someone else stays signed in');
});

test('password change: wrong current, too short, common, then success ends other sessions', async () => {
    const email = 'teacher2@parley.test', next = 'a long sentence that I remember';
    const c = new Client(srv.base), elsewhere = new Client(srv.base);
    await c.login(email);
    await elsewhere.login(email);
    const change = form => c.post('/account/password', form, '/account');

    let r = await change({ current: 'not my password!', password: next, confirm: next });
    assert.equal(r.status, 400);
    assert.match(r.text, /id="e-current">.*?That is not your current password\./s);

    r = await change({ current: PASSWORD, password: 'short pw', confirm: 'short pw' });
    assert.equal(r.status, 400);
    assert.match(r.text, /id="e-password">.*?Use at least 12 characters/s);

    r = await change({ current: PASSWORD, password: 'password1234', confirm: 'password1234' });
    assert.equal(r.status, 400);
    assert.match(r.text, /id="e-password">.*?on a list of common passwords/s);

    // None of the refusals changed anything.
    assert.equal((await tryLogin(new Client(srv.base), email, PASSWORD)).status, 303);

    r = await change({ current: PASSWORD, password: next, confirm: next });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/account');
    assert.match((await c.get('/account')).text, /Your password is changed/);
    await assertSignedOut(elsewhere);
    assert.equal((await tryLogin(new Client(srv.base), email, next)).status, 303);
    assert.equal((await tryLogin(new Client(srv.base), email, PASSWORD)).status, 401);
});

test('one-time password link: issued by the operator (parley user link), works once, never logged', async () => {
    const email = 'teacher3@parley.test', next = 'my brand new reset sentence';
    const issued = parley(['user', 'link', '--db', srv.db, '--email', email, '--base-url', srv.base]);
    assert.equal(issued.code, 0, issued.err);
    assert.match(issued.err, /give the link to the person only/);
    const token = issued.out.trim().split('/reset/')[1];
    assert.match(token, /^[0-9a-f]{64}$/);

    const visitor = new Client(srv.base);
    let r;
    r = await visitor.get(`/reset/${token}`);
    assert.equal(r.status, 200);
    assert.match(r.text, /Set a new password/);
    r = await visitor.post(`/reset/${token}`, { password: next, confirm: next }, `/reset/${token}`);
    assert.equal(r.status, 200);
    assert.match(r.text, /Your password is set/);
    assert.equal((await tryLogin(new Client(srv.base), email, next)).status, 303);

    // A second use: the link is gone.
    const again = new Client(srv.base);
    r = await again.request('POST', `/reset/${token}`,
                            { form: { csrf: await again.csrf('/login'), password: 'another new sentence', confirm: 'another new sentence' } });
    assert.equal(r.status, 404);
    assert.match(r.text, /This password link has expired or was already used/);
    r = await again.get(`/reset/${token}`);
    assert.equal(r.status, 404);
    assert.match(r.text, /Ask for a new one with &quot;Forgot your password\?&quot; on the sign-in page/);

    // A second link from the command line works too.
    const cli = parley(['user', 'link', '--db', srv.db, '--email', email, '--base-url', srv.base]);
    assert.equal(cli.code, 0, cli.err);
    const link = cli.out.trim();
    assert.match(link, new RegExp(`^${srv.base}/reset/[0-9a-f]{64}$`));
    const cliToken = link.split('/').pop();
    r = await new Client(srv.base).get(link.slice(srv.base.length));
    assert.equal(r.status, 200);
    assert.match(r.text, /Set a new password/);

    const log = srv.accessLog();
    assert.ok(!log.includes(token), 'the issued token is not in the access log');
    assert.ok(!log.includes(cliToken), 'the command line token is not in the access log');
    assert.match(log, /^GET \/reset\/\{token\} 200 /m);
    assert.match(log, /^POST \/reset\/\{token\} 404 /m);
});

test('passwords are stored as argon2id; only SHA-256 hashes of session and API tokens', async () => {
    const hashes = sql(srv.db, 'SELECT password_hash FROM person WHERE password_hash IS NOT NULL');
    assert.ok(hashes.length > 0);
    for (const h of hashes) assert.match(h, /^\$argon2id\$/);

    const c = new Client(srv.base);
    await c.login('union@parley.test');
    const token = c.cookies.get('parley_session');
    const pid = personId(srv.db, 'union@parley.test');
    const rows = sql(srv.db, `SELECT token_hash || '|' || csrf_token FROM session WHERE person_id = ${pid}`);
    assert.equal(rows.length, 1);
    const dump = sql(srv.db, 'SELECT * FROM session').join('\n');
    assert.ok(!dump.includes(token), 'the cookie value is not in the session table');
    const { createHash } = await import('node:crypto');
    assert.equal(rows[0].split('|')[0], createHash('sha256').update(token).digest('hex'));

    const api = parley(['token', 'create', '--db', srv.db, '--email', 'union@parley.test']).out.trim();
    const tokens = sql(srv.db, 'SELECT token_hash FROM api_token').join('\n');
    assert.ok(!tokens.includes(api));
    assert.ok(tokens.includes(createHash('sha256').update(api).digest('hex')));
});

test('API tokens: a created one works; a revoked or garbage one gets 401 JSON', async () => {
    const r0 = parley(['token', 'create', '--db', srv.db, '--email', 'coordinator@parley.test']);
    assert.equal(r0.code, 0, r0.err);
    const token = r0.out.trim();
    assert.match(token, /^[0-9a-f]{64}$/);
    const c = new Client(srv.base);
    let r = await c.request('GET', '/api/v1/me', { headers: bearer(token) });
    assert.equal(r.status, 200);

    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(token).digest('hex');
    sql(srv.db, `UPDATE api_token SET revoked_at = ${now()} WHERE token_hash = '${hash}'`);
    for (const t of [token, 'garbage', 'f'.repeat(64)]) {
        r = await c.request('GET', '/api/v1/me', { headers: bearer(t) });
        assert.equal(r.status, 401, t);
        assert.match(r.headers.get('content-type'), /^application\/json/);
        const e = r.json().error;
        assert.equal(e.code, 'unauthenticated');
        assert.match(e.message, /API token/);
    }
});
