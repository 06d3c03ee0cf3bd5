// roster.test.mjs: the district's roster brought in by the coordinator's
// page (issue 17): upload, preview, import. A 10,000-person OneRoster set
// previews, imports and imports again with no change; a file with bad rows
// is refused whole, each bad row named by file, row and column, nothing
// written; people gone from the roster become inactive and keep their
// records; the roles the program grants never come or go with a roster, and
// a roster never reaches another program's people. The expected answers are
// OneRoster 1.1's (its CSV binding) and the issue's, written by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, parley, PASSWORD } from './harness.mjs';
import { DEMO, count, scalar, writeCounts, inputValue, decode, signsIn } from './records.mjs';
import { oneRosterSet, userRow, USERS_HEADER, ORGS_HEADER } from '../../bench/roster_set.mjs';

let srv, coord;
before(async () => {
    srv = await startServer();
    coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
});
after(async () => { await srv.stop(); });

const csv = lines => lines.join('\r\n') + '\r\n';

// The coordinator's upload, as the page's form sends it.
async function preview(files, c = coord) {
    const fd = new FormData();
    fd.append('csrf', await c.csrf('/people/import'));
    fd.append('users', new Blob([files.users]), files.usersName || 'users.csv');
    if (files.orgs !== undefined) fd.append('orgs', new Blob([files.orgs]), 'orgs.csv');
    return c.request('POST', '/people/import', { body: fd });
}

// The preview's counts, as its page lists them.
function counts(html) {
    const n = {};
    for (const m of html.matchAll(/<dt>([^<]+)<\/dt><dd>(\d+)<\/dd>/g)) n[m[1]] = Number(m[2]);
    return n;
}

async function apply(previewPage, c = coord) {
    return c.post('/people/import/apply', { upload: inputValue(previewPage.text, 'upload'),
                                           expect: inputValue(previewPage.text, 'expect') },
                  '/people/import');
}

// The rows of the problems' table: [file, row, column, reason].
function problems(html) {
    const table = html.match(/<table class="roster-problems">[^]*?<\/table>/);
    assert.ok(table, 'the page has the problems table');
    return [...table[0].matchAll(/<tr><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td><\/tr>/g)]
        .map(m => [m[1], m[2], m[3], decode(m[4])]);
}

// What an import that changes nothing must leave as it was.
function snapshot(db) {
    return {
        person: scalar(db, 'SELECT COUNT(*), SUM(version), MAX(updated_at), SUM(active) FROM person;'),
        school: scalar(db, 'SELECT COUNT(*), SUM(version), MAX(updated_at) FROM school;'),
        role: scalar(db, 'SELECT COUNT(*), SUM(id) FROM person_role;'),
    };
}

function roles(email) {
    return scalar(srv.db, `SELECT r.role FROM person_role r JOIN person p ON p.id = r.person_id WHERE p.email = '${email}' ORDER BY r.role;`)
        .split('\n').filter(Boolean);
}

function active(email, program = 1) {
    return scalar(srv.db, `SELECT active FROM person WHERE email = '${email}' AND program_id = ${program};`);
}

// On a server of its own: its 10,000 people, once on the roster, would be
// gone from every other test's.
test('a 10,000-person OneRoster set previews, imports, and imports again with no change', async () => {
    const own = await startServer();
    try {
        const c = new Client(own.base);
        await c.login(DEMO.coordinator);
        await tenThousand(own.db, c);
    } finally {
        await own.stop();
    }
});

async function tenThousand(db, c) {
    const set = oneRosterSet({ people: 10000, schools: 60 });
    const people = count(db, 'person'), audits = count(db, 'audit');
    const before = writeCounts(db);
    const p = await preview(set, c);
    assert.equal(p.status, 200, p.text.slice(0, 500));
    // 60 schools' administrators, an aide in twenty, the rest teachers: all
    // staff; a student for each ten, left out (OneRoster's students).
    assert.deepEqual(counts(p.text), {
        'People added': 10000, 'People changed': 0, 'People left as they were': 0,
        'People made inactive': 0, 'Students and family members left out': 1000,
        'Schools added': 60, 'Schools changed': 0, 'Schools left as they were': 0 });
    assert.deepEqual(writeCounts(db), before, 'the preview writes nothing');

    const r = await apply(p, c);
    assert.equal(r.status, 303, r.text.slice(0, 500));
    assert.equal(count(db, 'person'), people + 10000);
    assert.equal(count(db, 'school', "roster_id LIKE 's0%'"), 60);
    // OneRoster's administrator is the administrator of their school.
    assert.equal(count(db, 'person_role r JOIN person p ON p.id = r.person_id',
                       "p.roster_id LIKE 'u%' AND r.role = 'administrator'"), 60);
    assert.equal(count(db, 'person', "roster_id LIKE 'st%'"), 0, 'no student was added');
    assert.equal(scalar(db, "SELECT employee_id || ' ' || job_type || ' ' || name FROM person WHERE roster_id = 'u61';"),
                 'E100061 classroom_teacher Jonas Silva');
    assert.equal(count(db, 'audit'), audits + 1, 'the import is one audit entry');
    const entry = scalar(db, 'SELECT action || \'|\' || record_kind || \'|\' || summary FROM audit ORDER BY id DESC LIMIT 1;');
    assert.match(entry, /^import\|roster\|.*10000 people added.*1000 students.*60 added/);
    assert.equal(count(db, 'roster_upload'), 0, 'the kept roster is gone once imported');

    const was = snapshot(db);
    const again = await preview(set, c);
    assert.equal(again.status, 200);
    assert.deepEqual(counts(again.text), {
        'People added': 0, 'People changed': 0, 'People left as they were': 10000,
        'People made inactive': 0, 'Students and family members left out': 1000,
        'Schools added': 0, 'Schools changed': 0, 'Schools left as they were': 60 });
    assert.equal((await apply(again, c)).status, 303);
    assert.deepEqual(snapshot(db), was, 'importing the same files again changes nothing');
}

test('a file with bad rows is refused whole, each bad row named by file, row and column; nothing is written', async () => {
    const orgs = csv([ORGS_HEADER, 'd9,,,A District,district,D9,', 'k1,,,Bad Org School,campus,K1,d9',
                      'k2,,,Kestrel School,school,KES,d9']);
    const ok = { enabled: 'true', orgs: 'k2', role: 'teacher', given: 'Ok', family: 'Person' };
    const users = csv([
        USERS_HEADER,
        userRow({ ...ok, id: 'b1', email: 'fine.one@bad.example' }),                       // row 2: fine
        userRow({ ...ok, id: 'b2', email: '' }),                                           // row 3
        userRow({ ...ok, id: 'b3', role: 'principal', email: 'b3@bad.example' }),          // row 4
        userRow({ ...ok, id: 'b4', orgs: 'k2,nowhere', email: 'b4@bad.example' }),         // row 5
        userRow({ ...ok, id: 'b1', email: 'b5@bad.example' }),                             // row 6
        userRow({ ...ok, id: 'b6', enabled: 'maybe', email: 'b6@bad.example' }),           // row 7
        userRow({ ...ok, id: 'b7', given: '', email: 'b7@bad.example' }),                  // row 8
        userRow({ ...ok, id: 'b8', email: 'FINE.ONE@bad.example' }),                       // row 9
        userRow({ id: 'st1', enabled: 'true', orgs: 'k2', role: 'student', given: '', family: '', email: '' }),  // row 10: left out
    ]);
    const before = writeCounts(srv.db), kept = count(srv.db, 'roster_upload');
    const r = await preview({ users, orgs });
    assert.equal(r.status, 400);
    assert.match(r.text, /8 problems: nothing was imported/);
    assert.deepEqual(problems(r.text).map(([f, row, col]) => [f, row, col]), [
        ['orgs.csv', '3', 'type'],                 // OneRoster's org types: no "campus"
        ['users.csv', '3', 'email'],               // Parley reaches staff by e-mail
        ['users.csv', '4', 'role'],                // OneRoster 1.2's word, not 1.1's
        ['users.csv', '5', 'orgSourcedIds'],       // an org orgs.csv does not have
        ['users.csv', '6', 'sourcedId'],           // row 2's sourcedId again
        ['users.csv', '7', 'enabledUser'],         // true or false
        ['users.csv', '8', 'givenName'],           // required by OneRoster
        ['users.csv', '9', 'email'],               // row 2's address, in capitals
    ]);
    const reasons = Object.fromEntries(problems(r.text).map(([f, row, , why]) => [`${f}:${row}`, why]));
    assert.match(reasons['users.csv:5'], /nowhere.*orgs\.csv does not have/);
    assert.match(reasons['users.csv:6'], /same sourcedId as row 2/);
    assert.match(reasons['users.csv:9'], /same address as row 2/);
    assert.deepEqual(writeCounts(srv.db), before, 'nothing was written');
    assert.equal(count(srv.db, 'roster_upload'), kept, 'not even the roster was kept');
    assert.equal(count(srv.db, 'person', "email = 'fine.one@bad.example'"), 0);
});

test('a broken file is refused with the row where it breaks', async () => {
    const r = await preview({ users: csv(['name,email,school,role', 'Ann Lee,ann@x.example,RHS,teacher',
                                          '"Bo "Wu",bo@x.example,RHS,teacher']) });
    assert.equal(r.status, 400);
    const [[file, row, , why]] = problems(r.text);
    assert.equal(file, 'users.csv');
    assert.equal(row, 'the whole file');
    assert.match(why, /row 3 has a double quote/);
});

// A small district of the demo's own people and schools.
const DEMO_ORGS = csv([ORGS_HEADER, 'hc,,,Harbor City Schools,district,HC,',
                       'rhs,,,Riverside High School,school,RHS,hc', 'lpms,,,Lincoln Park Middle School,school,LPMS,hc']);
const demoUser = (id, email, role, orgs = 'hc,rhs', given = 'Demo', family = id) =>
    userRow({ id, enabled: 'true', orgs, role, given, family, email });

// The demo's people on the roster: every later roster of these tests names
// them too, or they would be gone from it.
const GRANTED = [
    demoUser('g1', DEMO.coordinator, 'teacher'),
    demoUser('g2', DEMO.consulting_teacher, 'teacher'),
    demoUser('g3', DEMO.panel_member, 'teacher'),
    demoUser('g4', DEMO.union_rep, 'administrator', 'hc,lpms'),
    demoUser('g5', DEMO.administrator, 'teacher'),          // principal@: RHS's administrator
    demoUser('g6', DEMO.participating_teacher, 'teacher'),
    demoUser('g7', 'principal3@parley.test', 'administrator', 'hc,rhs')];

test('the roles the program grants never come or go with a roster; the administrator does', async () => {
    const users = csv([USERS_HEADER, ...GRANTED]);
    const held = {};
    for (const e of [DEMO.coordinator, DEMO.consulting_teacher, DEMO.panel_member, DEMO.union_rep,
                     DEMO.participating_teacher, 'principal3@parley.test'])
        held[e] = roles(e);
    const p = await preview({ users, orgs: DEMO_ORGS });
    assert.equal(p.status, 200, p.text.slice(0, 600));
    assert.equal(counts(p.text)['Schools left as they were'], 0);
    assert.equal(counts(p.text)['Schools changed'], 2, 'RHS and LPMS found by their codes, now with roster ids');
    assert.equal((await apply(p)).status, 303);
    // Issue 17: the coordinator, a CT, a Panel member, a union representative,
    // a participating teacher keep every role the program gave them...
    assert.deepEqual(roles(DEMO.coordinator), held[DEMO.coordinator]);
    assert.deepEqual(roles(DEMO.consulting_teacher), held[DEMO.consulting_teacher]);
    assert.deepEqual(roles(DEMO.panel_member), held[DEMO.panel_member]);
    assert.deepEqual(roles(DEMO.participating_teacher), held[DEMO.participating_teacher]);
    // ...and principal3 keeps their Panel seat beside the administrator's
    // role, of RHS now, as the roster says.
    assert.deepEqual(roles('principal3@parley.test'), ['administrator', 'panel_member']);
    assert.equal(scalar(srv.db, "SELECT s.code FROM person_role r JOIN person p ON p.id = r.person_id JOIN school s ON s.id = r.school_id WHERE p.email = 'principal3@parley.test' AND r.role = 'administrator';"), 'RHS');
    // The roster's administrator: the union representative becomes LPMS's,
    // and keeps the union's role; principal@, a teacher now, is no longer one.
    assert.deepEqual(roles(DEMO.union_rep), ['administrator', 'union_rep']);
    assert.deepEqual(roles(DEMO.administrator), []);
    assert.ok(await signsIn(srv.base, DEMO.coordinator, PASSWORD), 'the coordinator still signs in');
});

test('people gone from the roster become inactive, keep their records, and come back', async () => {
    const ids = ['v1', 'v2', 'v3'];
    const row = id => demoUser(id, `${id}.leaver@parley.test`, 'teacher', 'hc,lpms');
    const first = csv([USERS_HEADER, ...GRANTED, ...ids.map(row),
                       demoUser('w1', 'principal2@parley.test', 'administrator', 'hc,lpms')]);
    let p = await preview({ users: first, orgs: DEMO_ORGS });
    assert.equal(p.status, 200, p.text.slice(0, 600));
    assert.equal((await apply(p)).status, 303);
    const pw = parley(['user', 'passwd', '--db', srv.db, '--email', 'v2.leaver@parley.test'], `${PASSWORD}\n`);
    assert.equal(pw.code, 0, pw.err);
    const v2 = new Client(srv.base);
    await v2.login('v2.leaver@parley.test');
    const people = count(srv.db, 'person');

    // v2 and v3 are gone, and principal2, who is a federation member too.
    p = await preview({ users: csv([USERS_HEADER, ...GRANTED, row('v1')]), orgs: DEMO_ORGS });
    assert.equal(p.status, 200);
    const n = counts(p.text);
    assert.equal(n['People made inactive'], 2, 'v2 and v3; never principal2, whose federation is not the district\'s');
    assert.match(p.text, /v2\.leaver@parley\.test/);
    assert.equal((await apply(p)).status, 303);
    assert.equal(count(srv.db, 'person'), people, 'nobody is deleted (R37)');
    assert.equal(active('v2.leaver@parley.test'), '0');
    assert.equal(active('v3.leaver@parley.test'), '0');
    assert.equal(active('v1.leaver@parley.test'), '1');
    // The wall: the federation's member signs in as before.
    assert.equal(active('principal2@parley.test'), '1');
    assert.ok(roles('principal2@parley.test').includes('member'));
    // An inactive person no longer signs in; their session ends.
    assert.equal((await v2.get('/dashboard')).status, 303, 'the session of someone gone has ended');
    assert.equal(await signsIn(srv.base, 'v2.leaver@parley.test', PASSWORD), false);
    // Their record is kept and says why.
    const page = await coord.get(`/people/${scalar(srv.db, "SELECT id FROM person WHERE email = 'v2.leaver@parley.test';")}`);
    assert.match(page.text, /inactive, gone from the district(&#39;|')s roster/);
    // People added by hand, whom no roster named, stay as they were.
    assert.equal(active('kevin.tran@parley.test'), '1');

    // Named again, by their sourcedId at a new address: active again, the
    // same person; a new address ends the old sign-in, as a coordinator's
    // change does, and a password link gives a new one.
    p = await preview({ users: csv([USERS_HEADER, ...GRANTED, row('v1'),
                                    demoUser('v2', 'v2.back@parley.test', 'teacher', 'hc,lpms')]),
                        orgs: DEMO_ORGS });
    assert.match(p.text, /email \(they set a new password with a link\), active again/);
    assert.equal((await apply(p)).status, 303);
    assert.equal(active('v2.back@parley.test'), '1');
    assert.equal(count(srv.db, 'person'), people);
    assert.equal(await signsIn(srv.base, 'v2.back@parley.test', PASSWORD), false);
    assert.equal(await signsIn(srv.base, 'v2.leaver@parley.test', PASSWORD), false);
});

test('a roster never reaches another program\'s people', async () => {
    const memberName = scalar(srv.db, `SELECT name FROM person WHERE email = '${DEMO.member}';`);
    const p = await preview({ users: csv(['name,email,school,role', `Someone Else,${DEMO.member},RHS,teacher`]) });
    assert.equal(p.status, 200, p.text.slice(0, 600));
    assert.equal(counts(p.text)['People added'], 1, 'the federation\'s member is not the district\'s to match');
    assert.equal((await apply(p)).status, 303);
    assert.equal(scalar(srv.db, `SELECT name FROM person WHERE email = '${DEMO.member}' AND program_id = 2;`), memberName);
    assert.equal(count(srv.db, 'person', `email = '${DEMO.member}' AND program_id = 1`), 1);
});

test('a plain CSV names schools by code or name; an unknown school is a bad row', async () => {
    const r = await preview({ usersName: 'staff.csv', users: csv(['name,email,school,role,employee_id',
        'Ana Costa,ana.costa@parley.test,RHS,teacher,E9001',
        'Ben Ode,ben.ode@parley.test,Lincoln Park Middle School,aide,',
        'Cy Park,cy.park@parley.test,Atlantis High,teacher,']) });
    assert.equal(r.status, 400);
    assert.deepEqual(problems(r.text).map(([f, row, col]) => [f, row, col]), [['staff.csv', '4', 'school']]);
    const ok = await preview({ users: csv(['name,email,school,role,employee_id',
        'Ana Costa,ana.costa@parley.test,RHS,teacher,E9001',
        'Ben Ode,ben.ode@parley.test,lincoln park middle school,aide,']) });
    assert.equal(ok.status, 200, ok.text.slice(0, 600));
    assert.equal(counts(ok.text)['People added'], 2);
    assert.equal((await apply(ok)).status, 303);
    assert.equal(scalar(srv.db, "SELECT s.code || ' ' || p.job_type || ' ' || p.employee_id FROM person p JOIN school s ON s.id = p.school_id WHERE p.email = 'ana.costa@parley.test';"),
                 'RHS classroom_teacher E9001');
    assert.equal(scalar(srv.db, "SELECT s.code || ' ' || p.job_type FROM person p JOIN school s ON s.id = p.school_id WHERE p.email = 'ben.ode@parley.test';"),
                 'LPMS other');
});

test('an import that would no longer do what its preview said imports nothing', async () => {
    const users = csv(['name,email,school,role', 'Dee Vance,dee.vance@parley.test,RHS,teacher']);
    const p = await preview({ users });
    assert.equal(p.status, 200);
    // Meanwhile the coordinator adds her by hand.
    const added = await coord.post('/people', { name: 'Dee Vance', email: 'dee.vance@parley.test',
        employee_id: '', school_id: '', union_member: 'yes', full_time: 'yes', district_year: '3',
        job_type: 'classroom_teacher' }, '/people/new');
    assert.equal(added.status, 303, added.text.slice(0, 300));
    const before = writeCounts(srv.db);
    const r = await apply(p);
    assert.equal(r.status, 409);
    assert.match(r.text, /changed since the preview/);
    assert.equal(counts(r.text)['People changed'], 1);
    assert.deepEqual(writeCounts(srv.db), before);
    assert.equal((await apply(r)).status, 303, 'the new preview imports');
});

test('only the coordinator brings in a roster', async () => {
    const principal = new Client(srv.base);
    await principal.login('principal2@parley.test');   // an administrator still
    assert.equal((await principal.get('/people/import')).status, 403);
    const page = await coord.get('/people');
    assert.match(page.text, /href="\/people\/import"/);
});

test('parley import roster: a new program\'s first roster, previewed, then imported; a bad row named on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-roster-'));
    try {
        const db = join(dir, 'new.db'), set = join(dir, 'set');
        assert.equal(parley(['init', '--db', db, '--program', 'Bay District']).code, 0);
        mkdirSync(set);
        const { orgs, users } = oneRosterSet({ people: 30, schools: 3 });
        writeFileSync(join(set, 'orgs.csv'), orgs);
        writeFileSync(join(set, 'users.csv'), users);
        let r = parley(['import', 'roster', set, '--db', db]);
        assert.equal(r.code, 0, r.err);
        assert.match(r.out, /^Preview: 30 people added, .* 3 students .*schools: 3 added/m);
        assert.match(r.out, /Nothing was written/);
        assert.equal(count(db, 'person'), 0, 'a preview writes nothing');
        r = parley(['import', 'roster', set, '--db', db, '--apply']);
        assert.equal(r.code, 0, r.err);
        assert.match(r.out, /^Imported: 30 people added/m);
        assert.equal(count(db, 'person'), 30);
        assert.equal(count(db, 'school'), 3);
        assert.doesNotMatch(r.err, /\r/, 'no progress bar when standard error is not a terminal');
        writeFileSync(join(set, 'users.csv'), users.replace('u7,,,true', 'u7,,,yes'));
        r = parley(['import', 'roster', set, '--db', db, '--apply']);
        assert.equal(r.code, 1);
        assert.match(r.err, /^parley: users\.csv, row 8, column enabledUser: Say true or false\.$/m);
        assert.match(r.err, /1 problem: nothing was imported/);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
