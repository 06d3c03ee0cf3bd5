// credentials.test.mjs: issue 15's findings about credentials, each
// reproduced against the real server: API tokens that can be listed,
// revoked and expire (finding 5); password links that nobody but the
// operator hands out, that sign the person out everywhere and that die
// once a newer one or a new password comes (findings 1 and 11); an email
// address of another program's person that tells the district nothing
// (finding 10).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, parley, bearer, sql, PASSWORD } from './harness.mjs';
import { DEMO, scalar, personId } from './records.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

const now = () => Math.floor(Date.now() / 1000);
const DAY = 86400;

// A new token from the command line: { token, id }.
function makeToken(email, ...args) {
    const r = parley(['token', 'create', '--db', srv.db, '--email', email, ...args]);
    assert.equal(r.code, 0, r.err);
    const token = r.out.trim();
    assert.match(token, /^[0-9a-f]{64}$/);
    return { token, id: Number(r.err.match(/token (\d+) /)[1]) };
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
    const { token, id } = makeToken('ct2@parley.test', '--name', 'Old script', '--days', '1');
    assert.equal((await me(token)).status, 200);
    // A day later (the clock cannot be moved: the expiry is).
    sql(srv.db, `UPDATE api_token SET expires_at = ${now() - 5} WHERE id = ${id}`);
    assert.match(await assertRefused(token, /expired/), /^This API token expired on .+\. Make a new one under My account/);
    assert.match(listed(tokenList('--email', 'ct2@parley.test'), id), /^\d+ +expired /);
});

test('finding 5: signing out everywhere and a new password revoke every API token', async () => {
    const email = 'teacher2@parley.test', next = 'a sentence nobody else knows';
    const a = makeToken(email, '--name', 'Laptop'), b = makeToken(email, '--name', 'Phone');
    const c = new Client(srv.base);
    await c.login(email);
    assert.equal((await c.post('/logout-everywhere', {}, '/account')).status, 303);
    for (const t of [a, b]) await assertRefused(t.token, /revoked/);
    assert.match(listed(tokenList('--email', email), a.id), /\(signed out everywhere\)$/);

    const d = makeToken(email, '--name', 'Desktop');
    await c.login(email);
    const r = await c.post('/account/password', { current: PASSWORD, password: next, confirm: next }, '/account');
    assert.equal(r.status, 303);
    await assertRefused(d.token, /revoked/);
    assert.match(listed(tokenList('--email', email), d.id), /\(the password was changed\)$/);
    // The command line's new password too.
    const e = makeToken(email, '--name', 'Server');
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
