// copy.test.mjs: `parley copy` moves a deployment losslessly. The source is
// always an SQLite demo with some activity on it (sessions, a token, a
// password link, throttled sign-ins, audited views and edits): copied to
// SQLite it must come out equal table by table; with PARLEY_TEST_PG also
// SQLite -> PostgreSQL -> SQLite. A destination with data is refused, and a
// source whose audit chain was tampered with is not copied.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer, Client, parley, runSql, PG } from './harness.mjs';
import { DEMO, scalar, count } from './records.mjs';

// Every table of the source but the migrations' own record, schema_version
// (each database keeps its own), the search index (022: an FTS5 table and
// those that hold it) and the reports' tallies (024), which the
// destination's triggers make of the rows copied.
function tables(db) {
    return runSql(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name <> 'schema_version' AND name NOT LIKE 'search_text%' AND name NOT LIKE '%\\_tally' ESCAPE '\\' ORDER BY name;")
        .out.split('\n');
}
const TALLIES = { audit_tally: 'program_id, entries', observation_tally: 'case_id, observations',
                  feedback_tally: 'program_id, observed_on, shared_hour, observations',
                  feedback_case_tally: 'program_id, school_year, case_id, observations',
                  outcome_tally: 'program_id, school_year, track, rating_after, stayed, outcomes',
                  survey_tally: 'program_id, school_year, party, track, fair, transparent, humane, responses' };
// The tallies made again by the destination's triggers hold what the source's hold.
function assertSameTallies(from, to) {
    for (const [t, cols] of Object.entries(TALLIES)) {
        const rows = db => scalar(db, `SELECT ${cols} FROM ${t} ORDER BY ${cols};`);
        assert.equal(rows(to), rows(from), `${t} made again`);
    }
}

let dir, source, TABLES;
const pgDatabases = [];

// A new, empty PostgreSQL database (dropped in after()).
function pgDatabase() {
    const name = `parley_copy_${randomBytes(6).toString('hex')}`;
    const r = runSql(`${PG}/postgres`, `CREATE DATABASE ${name}`);
    if (r.code !== 0) throw new Error(`CREATE DATABASE: ${r.err}`);
    pgDatabases.push(name);
    return `${PG}/${name}`;
}

// Tables that keep files (bytes, since migration 013), and their key:
// sqlite3 would print the bytes and psql hex, so both show lower-case hex.
const FILE_TABLES = { resource_file: 'resource_id', artifact_file: 'artifact_id',
                      panel_submission_file: 'submission_id' };

// Every row of a table, in key order, as text: sqlite3 and psql -At print
// rows alike ('|' between columns, NULL as nothing).
function dump(db, table) {
    const hex = /^postgres(ql)?:/.test(db) ? "encode(content, 'hex')" : 'lower(hex(content))';
    const columns = FILE_TABLES[table] ? `${FILE_TABLES[table]}, ${hex}` : '*';
    const r = runSql(db, `SELECT ${columns} FROM ${table} ORDER BY 1, 2;`);
    if (r.code !== 0) throw new Error(`dump ${table}: ${r.err}`);
    return r.out;
}

function assertSameDeployment(a, b) {
    for (const t of TABLES) assert.equal(dump(b, t), dump(a, t), `table ${t} is equal`);
}

function copy(from, to) {
    return parley(['copy', '--from', from, '--to', to]);
}

before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-copy-'));
    source = join(dir, 'source.db');
    const made = parley(['demo', '--db', source]);
    assert.equal(made.code, 0, made.err);
    // The server always runs on this SQLite file, whatever the suite's engine.
    const srv = await startServer([], { dir, db: source, cleanup: () => {} });
    try {
        const coord = new Client(srv.base);
        await coord.login(DEMO.coordinator);
        const teacher = scalar(source, `SELECT id FROM person WHERE email = '${DEMO.participating_teacher}';`);
        assert.equal((await coord.get(`/people/${teacher}`)).status, 200);   // an audited view (R37)
        const csrf = await coord.csrf('/dashboard');
        const r = await coord.request('POST', '/people', { form: {
            csrf, name: 'Copied Person', email: 'copied.person@parley.test', employee_id: '', school_id: '',
            union_member: 'yes', full_time: 'no', district_year: '3', job_type: 'nurse' } });
        assert.equal(r.status, 303, 'a person added (school_id NULL)');
        const visitor = new Client(srv.base);
        const bad = await visitor.request('POST', '/login', { form: {
            csrf: await visitor.csrf('/login'), email: DEMO.participating_teacher, password: 'wrong-password-1', next: '/' } });
        assert.notEqual(bad.status, 303, 'a failed sign-in (a throttle row)');
    } finally {
        await srv.stop();
    }
    assert.equal(parley(['token', 'create', '--db', source, '--email', DEMO.coordinator]).code, 0);
    assert.equal(parley(['user', 'link', '--db', source, '--email', DEMO.participating_teacher]).code, 0);
    TABLES = tables(source);
    for (const t of ['session', 'api_token', 'rate_counter', 'password_reset'])
        assert.ok(count(source, t) > 0, `the source has ${t} rows to copy`);
});

after(() => {
    for (const name of pgDatabases) runSql(`${PG}/postgres`, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
});

test('SQLite to SQLite: every table equal, the chain verified, a report line per table', () => {
    const to = join(dir, 'copy.db');
    const r = copy(source, to);
    assert.equal(r.code, 0, r.err);
    const reported = [...r.out.matchAll(/^ {2}(\w+) +(\d+) rows? +digest [0-9a-f]{16} +verified$/gm)];
    assert.deepEqual(reported.map(m => m[1]).sort(), TABLES, 'a verified line for every table');
    for (const [, t, n] of reported) assert.equal(Number(n), count(source, t), `${t}'s row count`);
    assert.match(r.out, /^ {2}audit chain +audit: \d+ rows, chain intact; last hash [0-9a-f]{64}$/m);
    assert.match(r.out, /^ {2}files +(\d+ stored in resource_file, verified with it|none: this schema stores no files)$/m);
    assertSameDeployment(source, to);
    assert.ok(count(to, 'person', 'school_id IS NULL') > 0, 'NULLs stay NULL');
    assert.equal(count(to, 'search_text'), count(source, 'search_text'), 'the search index made again');
    assertSameTallies(source, to);
    const check = parley(['check', '--db', to]);
    assert.equal(check.code, 0, check.out);
    // The copy takes new records: ids carry on after the copied ones.
    assert.equal(parley(['user', 'add', '--db', to, '--email', 'after.copy@parley.test', '--name', 'After Copy'], '\n').code, 0);
});

test('SQLite -> PostgreSQL -> SQLite: the round trip equals the original', { skip: !PG && 'needs PostgreSQL: make test-pg' }, () => {
    const pg = pgDatabase(), back = join(dir, 'back.db');
    let r = copy(source, pg);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\(SQLite\) -> .* \(PostgreSQL\)/);
    assertSameDeployment(source, pg);
    assertSameTallies(source, pg);
    assert.equal(parley(['audit', 'verify', '--db', pg]).code, 0);
    assert.equal(scalar(pg, 'SELECT last_hash FROM audit_head;'), scalar(source, 'SELECT last_hash FROM audit_head;'));

    r = copy(pg, back);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\(PostgreSQL\) -> .* \(SQLite\)/);
    assertSameDeployment(source, back);
    assertSameTallies(source, back);
    assert.equal(parley(['check', '--db', back]).code, 0);

    // The id sequences moved past the copied rows: a new person gets the next id.
    const maxId = Number(scalar(pg, 'SELECT MAX(id) FROM person;'));
    r = parley(['user', 'add', '--db', pg, '--email', 'after.copy@parley.test', '--name', 'After Copy'], '\n');
    assert.equal(r.code, 0, r.err);
    assert.equal(Number(scalar(pg, "SELECT id FROM person WHERE email = 'after.copy@parley.test';")), maxId + 1);
});

test('a destination that holds data is refused, and left as it was', () => {
    const full = join(dir, 'full.db');
    assert.equal(parley(['demo', '--db', full]).code, 0);
    const audits = count(full, 'audit');
    const r = copy(source, full);
    assert.equal(r.code, 1);
    assert.match(r.err, /already holds data \(program: \d+ rows?\): parley copy fills only a new, empty database/);
    assert.equal(count(full, 'audit'), audits);
    assert.equal(count(full, 'person', "email = 'copied.person@parley.test'"), 0);

    const same = copy(source, source);
    assert.equal(same.code, 1);
    assert.match(same.err, /the same database/);
});

test('a tampered audit chain in the source fails verification; nothing is copied', () => {
    const tampered = join(dir, 'tampered.db'), to = join(dir, 'from-tampered.db');
    assert.equal(parley(['backup', '--db', source, '--to', tampered]).code, 0);
    const edit = runSql(tampered, "DROP TRIGGER audit_no_update; UPDATE audit SET summary = 'nothing to see' WHERE id = 3;");
    assert.equal(edit.code, 0, edit.err);
    const r = copy(tampered, to);
    assert.equal(r.code, 1);
    assert.match(r.err, /audit chain of .*tampered\.db does not verify \(audit: row 3 was changed/);
    for (const t of TABLES.filter(t => t !== 'audit_head')) assert.equal(count(to, t), 0, `${t} is empty`);
});

test('a source at another schema version, or with a table the copy does not know, is refused', () => {
    const old = join(dir, 'old.db'), extra = join(dir, 'extra.db');
    assert.equal(parley(['backup', '--db', source, '--to', old]).code, 0);
    assert.equal(runSql(old, 'DELETE FROM schema_version WHERE version = (SELECT MAX(version) FROM schema_version);').code, 0);
    let r = copy(old, join(dir, 'to-old.db'));
    assert.equal(r.code, 1);
    assert.match(r.err, /is at schema version \d+ and .* at \d+: bring the source up to date first/);

    assert.equal(parley(['backup', '--db', source, '--to', extra]).code, 0);
    assert.equal(runSql(extra, 'CREATE TABLE visit_note (id INTEGER PRIMARY KEY, body TEXT);').code, 0);
    r = copy(extra, join(dir, 'to-extra.db'));
    assert.equal(r.code, 1);
    assert.match(r.err, /extra\.db has tables that parley copy's list \(src\/app\/copy\.c\) does not name: visit_note; nothing was copied/);

    r = copy(join(dir, 'missing.db'), join(dir, 'to-missing.db'));
    assert.equal(r.code, 1);
    assert.match(r.err, /there is no database at/);
});
