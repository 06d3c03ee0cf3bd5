// permissions.test.mjs: generated from `parley routes`, which prints every
// route with the policy table's answer for each role. Each role's demo user
// asks for each route, about a record that is not theirs and about their
// own; the server's answer must be the policy's: allow (anything but
// 401/403/404), forbidden (403) or hidden (404).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, Client, parley, bearer, PASSWORD } from './harness.mjs';
import { DEMO, personId, token, scalar, decode } from './records.mjs';

const routesRun = parley(['routes']);
if (routesRun.code !== 0) throw new Error(`parley routes failed: ${routesRun.err}`);
const ROUTES = JSON.parse(routesRun.out);
const ROLES = Object.keys(ROUTES[0].expect);

// Writes that end the asker's sessions run last, each in a session of its own
// (a password link the coordinator has sent to themselves signs them out
// everywhere, as any link someone else asks for does).
const SESSION_ENDING = new Set(['POST /logout', 'POST /logout-everywhere',
                                'POST /people/{id}/password-link']);
const key = rt => `${rt.method} ${rt.pattern}`;
const isApi = rt => rt.pattern.startsWith('/api/');
const aboutPerson = rt => /^(\/api\/v1)?\/people\/\{id\}/.test(rt.pattern);

let srv;
const ids = {};   // role -> { own, other, ownRole, tokens }
before(async () => {
    srv = await startServer();
    // The coordinator's "other" person is made for the test, with roles to
    // spare: the coordinator may really take them away.
    const coordTok = token(srv.db, DEMO.coordinator);
    const c = new Client(srv.base);
    const r = await c.request('POST', '/api/v1/people', { headers: bearer(coordTok), json: {
        name: 'Permission Target', email: 'permission.target@parley.test', years_in_district: 4,
        job_type: 'classroom_teacher' } });
    assert.equal(r.status, 201);
    const target = r.json().id;
    for (const role of ['participating_teacher', 'consulting_teacher', 'union_rep', 'superintendent'])
        assert.equal((await c.request('POST', `/api/v1/people/${target}/roles`,
                                      { headers: bearer(coordTok), json: { role } })).status, 201);
    for (const role of ROLES) {
        const own = personId(srv.db, DEMO[role]);
        const other = role === 'coordinator' ? target : personId(srv.db, DEMO.coordinator);
        ids[role] = { own, other, token: token(srv.db, DEMO[role]) };
    }
});
after(async () => { await srv.stop(); });

// Some role the person holds now (a coordinator's allowed removal takes one).
function someRole(person) {
    return scalar(srv.db, `SELECT COALESCE(MIN(id), 0) FROM person_role WHERE person_id = ${person};`);
}

// A one-time password link for a person who is not being tested.
function resetToken() {
    const r = parley(['user', 'link', '--db', srv.db, '--email', 'kevin.tran@parley.test']);
    assert.equal(r.code, 0, r.err);
    return r.out.trim().split('/reset/')[1];
}

// An API token of the person's, made for the test: a revocation takes one.
function freshToken(person) {
    const email = scalar(srv.db, `SELECT email FROM person WHERE id = ${person};`);
    const r = parley(['token', 'create', '--db', srv.db, '--email', email, '--name', 'permission test']);
    assert.equal(r.code, 0, r.err);
    return r.err.match(/token (\d+) /)[1];
}

// The public site's records: the newest published one there is now (the
// coordinator's allowed removals take some; the demo has more).
const SITE_TABLES = [[/^\/(site\/)?news\//, 'news_post', 'published = 1'],
                     [/^\/(site\/)?resources\//, 'resource', 'published = 1'],
                     [/^\/site\/faq\//, 'faq_entry', 'published = 1'],
                     [/^\/site\/feedback\//, 'feedback', '1 = 1']];
function siteRecord(rt) {
    const [, table, where] = SITE_TABLES.find(([re]) => re.test(rt.pattern));
    return scalar(srv.db, `SELECT COALESCE(MAX(id), 0) FROM ${table} WHERE ${where};`);
}

// A case's parts: case 1's newest record of the kind (the demo has one of
// each), or the program's for the rubric and the goals bank.
const PART_TABLES = [
    // goals
    [/^(\/api\/v1)?\/cases\/\{id\}\/goals\/\{item\}/, 'goal', 'case_id = 1'],
    [/^(\/api\/v1)?\/goal-bank\/\{item\}/, 'goal_bank', '1 = 1'],
    [/^\/rubric\/standards\/\{item\}/, 'rubric_standard', '1 = 1'],
    [/^\/rubric\/indicators\/\{item\}/, 'rubric_indicator', '1 = 1'],
    // end goals
    // observations
    [/\/cases\/\{id\}\/observations\/\{item\}/, 'observation', 'case_id = 1'],
    [/\/cases\/\{id\}\/artifacts\/\{item\}/, 'artifact', 'case_id = 1'],
    // end observations
    // meetings
    [/\/coaching\/\{item\}/, 'coaching_entry', 'case_id = 1'],
    [/\/meetings\/\{item\}/, 'meeting', 'case_id = 1'],
    // end meetings
    // dashboard
    // end dashboard
    // evaluations
    // case 1 is PA and has none (R15): 0, which its coordinator is told is a PA case's (409)
    [/\/cases\/\{id\}\/evaluations\/\{item\}/, 'evaluation', 'case_id = 1'],
    // end evaluations
    // recommendation
    [/\/cases\/\{id\}\/decisions\/\{item\}/, 'panel_decision', 'case_id = 1'],
    // end recommendation
    // panel
    [/\/panel\/sessions\/\{item\}/, 'panel_session', '1 = 1'],
    // end panel
    // terms
    // end terms
    // pss
    // the demo's peer support case: member@'s, president@'s referral, consultant@'s
    [/^(\/api\/v1)?\/pss\/\{item\}/, 'pss_case', '1 = 1'],
    // end pss
    // outcomes
    // end outcomes
    // reports
    // end reports
];
function partRecord(rt) {
    const found = PART_TABLES.find(([re]) => re.test(rt.pattern));
    if (!found) return '0';
    const [, table, where] = found;
    return scalar(srv.db, `SELECT COALESCE(MAX(id), 0) FROM ${table} WHERE ${where};`);
}

function pathFor(rt, person) {
    return rt.pattern
        .replace('{slug}', 'about')
        .replace('{id}', () => SITE_TABLES.some(([re]) => re.test(rt.pattern)) ? siteRecord(rt)
            : /\/tokens\/\{id\}/.test(rt.pattern) ? freshToken(person)
            // the demo's newest message, kept (no relay): sending it again is a conflict
            : /^\/outbox\//.test(rt.pattern) ? scalar(srv.db, `SELECT COALESCE(MAX(id), 0) FROM mail WHERE program_id = (SELECT program_id FROM person WHERE email = '${DEMO.coordinator}');`)
            // Schools, inquiries and cases: the demo's first (inquiry 1 is nobody's
            // yet; case 1 involves no README sign-in but the coordinator's).
            : /\/(schools|intake|inquiries|cases)\//.test(rt.pattern) ? '1' : String(person))
        .replace('{role_id}', () => someRole(person))
        .replace('{item}', () => partRecord(rt))
        .replace('{token}', () => resetToken())
        // a calendar feed of someone not tested, its token's SHA-256 stored as the server keeps it
        .replace('{feed}', () => (scalar(srv.db, `INSERT INTO calendar_feed (person_id, token_hash, created_at) SELECT id, 'cf37d97f35226e9519e4b8d34ea6b6c32afc3a52d796a338e1be9cd67d79b868', 1 FROM person WHERE email = 'kevin.tran@parley.test' AND NOT EXISTS (SELECT 1 FROM calendar_feed WHERE person_id = person.id);`), 'fe'.repeat(32)))
        .replace('{name}', 'parley.css');
}

async function ask(rt, role, client, path) {
    if (isApi(rt)) {
        const json = ['POST', 'PATCH'].includes(rt.method) ? {} : undefined;
        return client.request(rt.method, path, { headers: bearer(ids[role].token), json });
    }
    if (rt.method === 'GET') return client.get(path);
    if (rt.pattern === '/login')   // signing in again, as this role
        return client.request('POST', '/login', { form: {
            csrf: await client.csrf('/dashboard'), email: DEMO[role], password: PASSWORD, next: '/dashboard' } });
    return client.request(rt.method, path, { form: { csrf: await client.csrf('/dashboard') } });
}

function assertAnswer(status, want, what) {
    if (want === 'forbidden') assert.equal(status, 403, what);
    else if (want === 'hidden') assert.equal(status, 404, what);
    else {
        assert.equal(want, 'allow', what);
        assert.ok(![401, 403, 404].includes(status), `${what}: allowed, but answered ${status}`);
        assert.ok(status < 500, `${what}: answered ${status}`);
    }
}

for (const role of ROLES) {
    test(`${role}: every route answers as the policy table says`, async () => {
        const client = new Client(srv.base);
        await client.login(DEMO[role]);
        const ordered = [...ROUTES.filter(rt => !SESSION_ENDING.has(key(rt))),
                         ...ROUTES.filter(rt => SESSION_ENDING.has(key(rt)))];
        let checked = 0;
        for (const rt of ordered) {
            const e = rt.expect[role];
            let asker = client;
            if (SESSION_ENDING.has(key(rt))) {
                asker = new Client(srv.base);
                await asker.login(DEMO[role]);
            }
            const wantOther = aboutPerson(rt) ? e.other : (rt.pattern.includes('{id}') ? e.other : e.route);
            const path = pathFor(rt, ids[role].other);
            const r = await ask(rt, role, asker, path);
            assertAnswer(r.status, wantOther, `${role} ${rt.method} ${path}`);
            if (isApi(rt) && r.status >= 400)
                assert.ok(r.json().error.code, `${role} ${rt.method} ${path}: an API error is JSON`);
            checked++;
            if (aboutPerson(rt)) {
                const ownPath = pathFor(rt, ids[role].own);
                const mine = await ask(rt, role, asker, ownPath);
                assertAnswer(mine.status, e.own, `${role} ${rt.method} ${ownPath} (their own)`);
                checked++;
            }
        }
        assert.ok(checked > ROUTES.length, `${checked} requests checked`);
        // Signing out everywhere (asked last) ended this session too.
        const r = await client.get('/dashboard');
        assert.equal(r.status, 303, 'sign out everywhere ended this session too');
    });
}

test('the route table has a route for each kind of answer it promises', () => {
    const answers = new Set(ROUTES.flatMap(rt => Object.values(rt.expect).flatMap(e => [e.route, e.other, e.own])));
    assert.deepEqual([...answers].sort(), ['allow', 'forbidden', 'hidden']);
    // a person's record is hidden from strangers, not merely forbidden
    const view = ROUTES.find(rt => key(rt) === 'GET /people/{id}');
    assert.equal(view.expect.participating_teacher.other, 'hidden');
    assert.equal(view.expect.participating_teacher.own, 'allow');
});

test('public routes answer a visitor who has not signed in', async () => {
    const visitor = new Client(srv.base);
    for (const rt of ROUTES.filter(rt => rt.public)) {
        let r;
        const path = pathFor(rt, 0);
        if (rt.method === 'GET') r = await visitor.get(path);
        else if (rt.pattern === '/login') {
            const signer = new Client(srv.base);
            r = await signer.request('POST', '/login', { form: {
                csrf: await signer.csrf('/login'), email: DEMO.union_rep, password: PASSWORD } });
            assert.equal(r.status, 303, 'a visitor signs in');
        }
        else r = await visitor.request(rt.method, path, { form: { csrf: await visitor.csrf('/login'), password: 'short', confirm: 'short' } });
        assert.ok(![401, 403, 404].includes(r.status) && r.status < 500, `${rt.method} ${path}: ${r.status}`);
    }
    const r = await visitor.get('/reset/' + 'ab'.repeat(32));
    assert.equal(r.status, 404, 'an unknown password link is not found');
    assert.match(r.text, /This password link has expired or was already used/);
});

test('a visitor is sent to sign in for pages, and gets 401 JSON from the API', async () => {
    const visitor = new Client(srv.base);
    const csrf = await visitor.csrf('/login');
    for (const rt of ROUTES.filter(rt => !rt.public)) {
        const path = pathFor(rt, 1);
        if (isApi(rt)) {
            const r = await visitor.request(rt.method, path, { json: rt.method === 'GET' || rt.method === 'DELETE' ? undefined : {} });
            assert.equal(r.status, 401, `${rt.method} ${path}`);
            assert.match(r.headers.get('content-type'), /application\/json/);
            const e = r.json().error;
            assert.equal(e.code, 'unauthenticated');
            assert.match(e.message, /Bearer/);
            const bad = await visitor.request(rt.method, path, { headers: bearer('f'.repeat(64)) });
            assert.equal(bad.status, 401, `${rt.method} ${path} with an unknown token`);
        } else if (rt.method === 'GET') {
            const r = await visitor.get(path);
            assert.equal(r.status, 303, `${rt.method} ${path}`);
            assert.equal(r.headers.get('location'), '/login?next=' + encodeURIComponent(path));
        } else {
            const r = await visitor.request(rt.method, path, { form: { csrf } });
            assert.equal(r.status, 401, `${rt.method} ${path}`);
            assert.match(r.text, /Sign in again/);
        }
    }
});

test('/help/permissions lists every rule of the policy table in plain words, to anyone', async () => {
    const source = readFileSync(new URL('../../src/domain/policy.c', import.meta.url), 'utf8');
    const table = source.slice(source.indexOf('policy_rules[] = {'), source.indexOf('policy_rule_count'));
    const whys = [...table.matchAll(/\{[A-Z_]+, ACT_[A-Z_]+, KIND_[A-Z_]+,\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\}/g)]
        .map(m => [...m[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(s => s[1]).join(''));
    assert.ok(whys.length >= 10, `${whys.length} rules read from policy.c`);
    const r = await new Client(srv.base).get('/help/permissions');
    assert.equal(r.status, 200);
    const page = decode(r.text);
    for (const why of whys) assert.ok(page.includes(why), `the page says: ${why}`);
    assert.match(page, /The coordinator browses the whole audit log \(R38\)\./);
    assert.match(page, /Everyone sees who has viewed or changed their own record \(R37\)\./);
    assert.equal((page.match(/<tr><td[^>]*>/g) || []).length, whys.length, 'one row per rule, no more');
});
