// Signing in through the program's OpenID provider (issue 17), against a
// real provider on loopback (oidc_provider.mjs): the whole authorization
// code flow by HTTP, and each way it must be refused.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from './harness.mjs';
import { DEMO, count, scalar } from './records.mjs';
import { startWithProvider } from './oidc_provider.mjs';

const PROVIDER = 'Harbor City Test Accounts';
// The provider's people: the demo's, and a few it knows that Parley must not let in.
const ACCOUNTS = {
    teacher: { email: 'Teacher@Parley.test', email_verified: true },   // case differs: still them
    coordinator: { email: DEMO.coordinator, email_verified: true },
    principal2: { email: 'principal2@parley.test', email_verified: true },
    member: { email: DEMO.member, email_verified: true },           // the federation's
    unverified: { email: DEMO.participating_teacher, email_verified: false },
    stranger: { email: 'stranger@elsewhere.test', email_verified: true },
};

let srv, op, both;

before(async () => {
    both = await startWithProvider(ACCOUNTS, PROVIDER);
    ({ srv, op } = both);
});

after(() => both?.stop());

afterEach(() => op.misbehave(null));

const local = (url, base) => { const u = new URL(url, base); return u.pathname + u.search; };

// Starts at Parley's button, signs in at the provider as account, and
// stops at the answer of Parley's return address (not followed); with
// arrive false, before the browser goes back to Parley.
async function signIn(account, { app = new Client(srv.base), next = '/dashboard', arrive = true } = {}) {
    let r = await app.get(`/login/sso?next=${encodeURIComponent(next)}`);
    assert.equal(r.status, 303, r.text);
    let location = r.headers.get('location');
    assert.ok(location.startsWith(`${op.issuer}/`), location);
    const idp = new Client(op.issuer);
    while (location.startsWith(op.issuer)) {
        r = await idp.get(local(location, op.issuer));
        if (r.status === 200) {   // the provider's sign-in form
            const action = r.text.match(/<form method="post" action="([^"]+)"/)[1];
            r = await idp.request('POST', action, { form: { account } });
        }
        assert.ok(r.status >= 300 && r.status < 400, `${r.status} ${r.text}`);
        location = new URL(r.headers.get('location'), op.issuer).href;
    }
    assert.ok(location.startsWith(`${srv.base}/login/sso/return?`), location);
    const back = local(location, srv.base);
    return { app, back, r: arrive ? await app.get(back) : null };
}

function refusalOf(r) {
    const m = r.text.match(/<div class="error-summary" role="alert">(.*?)<\/div>/s);
    return m ? m[1].replace(/<[^>]+>/g, ' ') : r.text;
}

const auditCount = (action, like) =>
    count(srv.db, 'audit', `action = '${action}' AND summary LIKE '${like.replace(/'/g, "''")}'`);

test('the sign-in page offers the provider beside the password form', async () => {
    const r = await new Client(srv.base).get('/login');
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(`<a class="button" href="/login/sso\\?next=%2Fdashboard">Sign in with ${PROVIDER}</a>`));
    assert.match(r.text, /name="password"/);
});

test('a demo teacher signs in through the provider, matched by the verified address', async () => {
    const before = auditCount('login', `Signed in through ${PROVIDER}`);
    const { app, r } = await signIn('teacher', { next: '/account' });
    assert.equal(r.status, 303, refusalOf(r));
    assert.equal(r.headers.get('location'), '/account');
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
    const account = await app.get('/account');
    assert.equal(account.status, 200);
    assert.match(account.text, /<dd>teacher@parley\.test<\/dd>/);
    assert.equal(auditCount('login', `Signed in through ${PROVIDER}`), before + 1);
    // The provider's word, not a password: the session works in the district's program.
    const teacher = scalar(srv.db, `SELECT id FROM person WHERE email = '${DEMO.participating_teacher}'`);
    assert.equal(count(srv.db, 'session', `person_id = ${teacher} AND sso_program_id IS NOT NULL`), 1);
});

test('a state used once is refused when it comes again, and in another browser', async () => {
    const { app, back, r } = await signIn('coordinator');
    assert.equal(r.status, 303, refusalOf(r));
    const again = await app.get(back);
    assert.equal(again.status, 400);
    assert.match(refusalOf(again), /already been used, has expired, or was started in another browser/);
    // A fresh attempt's answer carried to a browser that did not start it.
    const other = await signIn('coordinator', { arrive: false });
    const stranger = new Client(srv.base);
    const carried = await stranger.get(other.back);
    assert.equal(carried.status, 400);
    assert.equal(stranger.cookies.has('parley_session'), false);
    // The browser that started it still can: the stranger's try used nothing up.
    assert.equal((await other.app.get(other.back)).status, 303);
});

test('an ID token made for another client is refused', async () => {
    op.misbehave({ claims: { aud: 'another-application' } });
    const { app, r } = await signIn('teacher');
    assert.equal(r.status, 403);
    assert.match(refusalOf(r), new RegExp(`${PROVIDER} made this sign-in for another service, not for Parley`));
    assert.equal(app.cookies.has('parley_session'), false);
    assert.ok(auditCount('login-failed', '%(wrong audience)%') >= 1);
});

test('an ID token from another issuer is refused', async () => {
    op.misbehave({ claims: { iss: 'http://127.0.0.1:9/another-provider' } });
    const { app, r } = await signIn('teacher');
    assert.equal(r.status, 403);
    assert.match(refusalOf(r), /comes from another service than/);
    assert.equal(app.cookies.has('parley_session'), false);
});

test('an expired ID token is refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    op.misbehave({ claims: { iat: now - 7200, exp: now - 3600 } });
    const { app, r } = await signIn('teacher');
    assert.equal(r.status, 403);
    assert.match(refusalOf(r), /has expired before it reached Parley/);
    assert.equal(app.cookies.has('parley_session'), false);
});

test('an ID token with another sign-in\'s nonce is refused', async () => {
    op.misbehave({ claims: { nonce: 'the-nonce-of-another-sign-in' } });
    const { app, r } = await signIn('teacher');
    assert.equal(r.status, 403);
    assert.match(refusalOf(r), /does not belong to the sign-in you started/);
    assert.equal(app.cookies.has('parley_session'), false);
});

test('an address the provider has not verified signs nobody in, and names whom to ask', async () => {
    const teacher = scalar(srv.db, `SELECT id FROM person WHERE email = '${DEMO.participating_teacher}'`);
    const before = count(srv.db, 'audit', `action = 'login-failed' AND subject_id = ${teacher}`);
    const { app, r } = await signIn('unverified');
    assert.equal(r.status, 403);
    assert.match(refusalOf(r), new RegExp(`${PROVIDER} has not confirmed your e-mail address.*ask your program coordinator`));
    assert.equal(app.cookies.has('parley_session'), false);
    // The person it would have been is told, in their record's history.
    assert.equal(count(srv.db, 'audit', `action = 'login-failed' AND subject_id = ${teacher}`), before + 1);
});

test('an address nobody in the program has is refused plainly, and nobody is added', async () => {
    const people = count(srv.db, 'person');
    const { app, r } = await signIn('stranger');
    assert.equal(r.status, 403);
    assert.match(refusalOf(r), /nobody in this program with the e-mail address.*ask your program coordinator to add you/);
    assert.equal(app.cookies.has('parley_session'), false);
    assert.equal(count(srv.db, 'person'), people);
    assert.ok(auditCount('login-failed', '%(unknown e-mail) for stranger@elsewhere.test') >= 1);
});

test('the district\'s provider never reaches the federation\'s people, nor its program', async () => {
    // R31-R36: a federation member signs in through the federation's own way.
    const { r } = await signIn('member');
    assert.equal(r.status, 403);
    assert.match(refusalOf(r), /nobody in this program with the e-mail address/);
    // A district principal who is also a federation member works in the district only.
    const { app, r: in2 } = await signIn('principal2');
    assert.equal(in2.status, 303, refusalOf(in2));
    const account = await app.get('/account');
    assert.doesNotMatch(account.text, /Your programs/);
    const federation = scalar(srv.db, "SELECT id FROM program WHERE kind = 'federation'");
    const csrf = account.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
    const moved = await app.request('POST', '/account/program', { form: { csrf, program_id: federation } });
    assert.equal(moved.status, 404);
    // With the password, the same person reaches both, as before.
    const withPassword = new Client(srv.base);
    await withPassword.login('principal2@parley.test');
    assert.match((await withPassword.get('/account')).text, /Your programs/);
});

test('keys the provider rotates are fetched again; a key it rotated away is refused', async () => {
    assert.equal((await signIn('teacher')).r.status, 303);   // the first key is kept
    op.rotateKeys();
    const rotated = await signIn('teacher');
    assert.equal(rotated.r.status, 303, refusalOf(rotated.r));
    op.misbehave({ withPreviousKey: true });
    const { app, r } = await signIn('teacher');
    assert.equal(r.status, 403);
    assert.match(refusalOf(r), /could not confirm that this sign-in comes from .* not signed with a key/);
    assert.equal(app.cookies.has('parley_session'), false);
    assert.ok(auditCount('login-failed', '%(key not published)%') >= 1);
});

test('a program may sign its people in through the provider only; other programs keep their passwords', async () => {
    const coordinator = new Client(srv.base);
    await coordinator.login(DEMO.coordinator);
    const off = await coordinator.post('/settings', { password_sign_in: 'no' }, '/settings');
    assert.equal(off.status, 303, off.text);
    try {
        const page = await new Client(srv.base).get('/login');
        assert.match(page.text, new RegExp(`sign in with ${PROVIDER} only`));
        // The right password no longer opens the district's accounts, and
        // the answer is any wrong sign-in's: it tells nobody who has one.
        const teacher = new Client(srv.base);
        const csrf = await teacher.csrf('/login');
        const r = await teacher.request('POST', '/login', { form: { csrf, email: DEMO.participating_teacher,
                                                                    password: 'parley-demo-2026' } });
        assert.equal(r.status, 401);
        assert.match(r.text, /The email address or the password is not right/);
        assert.equal((await signIn('teacher')).r.status, 303);
        // The federation's people are not the district's to switch off (R31-R36).
        await new Client(srv.base).login(DEMO.member);
    } finally {
        // Sessions already open stay open: the coordinator's turns it back.
        const on = await coordinator.post('/settings', { password_sign_in: 'yes' }, '/settings');
        assert.equal(on.status, 303);
    }
    // Passwords are back for the district's people.
    await new Client(srv.base).login(DEMO.participating_teacher);
});
