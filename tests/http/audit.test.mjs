// audit.test.mjs: R38, every write (and every look at someone else's
// record) is in the audit log, which cannot be edited: the database refuses
// UPDATE, DELETE and INSERT OR REPLACE, and `parley audit verify` / `parley
// check` catch an edit made behind the triggers' back. Someone who can write
// to the database can also make the chain again after an edit, cut its tail
// and its head alike, or empty it: checkpoints signed with a key kept
// outside the database catch that, even with their rows deleted too. R37: a
// person sees their record's history, and only theirs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, Client, parley, bearer, demoDatabase, dialect, auditKeyPath, PG } from './harness.mjs';
import { DEMO, sql, scalar, count, personId, token, decode, inputValue } from './records.mjs';

let srv, coord, csrf;
before(async () => {
    srv = await startServer();
    coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    csrf = await coord.csrf('/dashboard');
});
after(async () => { await srv.stop(); });

const post = (path, form, client = coord, t = csrf) => client.request('POST', path, { form: { csrf: t, ...form } });

function lastAudit() {
    const [action, kind, actor, summary] =
        scalar(srv.db, "SELECT action || '\x1f' || record_kind || '\x1f' || actor_label || '\x1f' || summary FROM audit ORDER BY id DESC LIMIT 1;").split('\x1f');
    return { action, kind, actor, summary };
}

// Runs a write and checks it added exactly one audit row, as described.
async function oneRow(what, write, expect) {
    const before = count(srv.db, 'audit');
    const r = await write();
    assert.equal(r.status, 303, what);
    assert.equal(count(srv.db, 'audit'), before + 1, `${what} adds one audit row`);
    const row = lastAudit();
    assert.equal(row.action, expect.action, what);
    assert.equal(row.kind, expect.kind, what);
    assert.match(row.summary, expect.summary, what);
    return r;
}

test('R38: every write adds an audit row', async () => {
    const person = { name: 'Audit Subject', email: 'audit.subject@parley.test', employee_id: '', school_id: '',
                     union_member: 'yes', full_time: 'yes', district_year: '3', job_type: 'nurse' };
    let r = await oneRow('adding a person', () => post('/people', person),
                         { action: 'create', kind: 'person', summary: /^Added Audit Subject \(audit\.subject@parley\.test\)$/ });
    const id = r.headers.get('location').split('/').pop();
    const v = scalar(srv.db, `SELECT version FROM person WHERE id = ${id};`);
    await oneRow('changing a person', () => post(`/people/${id}`, { ...person, name: 'Audit Subject Two', district_year: '4', version: v }),
                 { action: 'update', kind: 'person', summary: /^Changed name, year in the district of Audit Subject Two$/ });
    await oneRow('giving a role', () => post(`/people/${id}/roles`, { role: 'union_rep' }),
                 { action: 'create', kind: 'role', summary: /^Gave Audit Subject Two the role Union Representative$/ });
    const roleId = scalar(srv.db, `SELECT id FROM person_role WHERE person_id = ${id};`);
    await oneRow('taking a role away', () => post(`/people/${id}/roles/${roleId}/delete`, {}),
                 { action: 'delete', kind: 'role', summary: /^Took the role Union Representative from Audit Subject Two$/ });
    r = await oneRow('adding a school', () => post('/schools', { name: 'Audit Academy', code: 'AUA', address: '' }),
                     { action: 'create', kind: 'school', summary: /^Added the school Audit Academy \(AUA\)$/ });
    const sid = r.headers.get('location').split('/').pop();
    await oneRow('changing a school', () => post(`/schools/${sid}`, { name: 'Audit College', code: 'AUC', address: '', version: '1' }),
                 { action: 'update', kind: 'school', summary: /^Changed the school Audit College \(was Audit Academy, AUA\)$/ });

    const other = new Client(srv.base);
    await oneRow('signing in', () => other.login(DEMO.union_rep), { action: 'login', kind: 'session', summary: /^Signed in$/ });
    const otherCsrf = await other.csrf('/dashboard');
    await oneRow('signing out', () => post('/logout', {}, other, otherCsrf), { action: 'logout', kind: 'session', summary: /^Signed out$/ });

    // An API write is audited the same way: one change, and no "viewed" row
    // for the record its answer shows (the change is the entry, R37).
    const tok = token(srv.db, DEMO.coordinator);
    const last = Number(scalar(srv.db, 'SELECT MAX(id) FROM audit;'));
    r = await coord.request('PATCH', `/api/v1/people/${id}`, { headers: bearer(tok), json: { employee_id: 'API-1' } });
    assert.equal(r.status, 200);
    const rows = scalar(srv.db, `SELECT action || ':' || summary FROM audit WHERE id > ${last} ORDER BY id;`).split('\n');
    assert.deepEqual(rows, ['update:Changed employee id of Audit Subject Two']);
    assert.equal(lastAudit().actor, 'Morgan Ellis', 'the row names who acted');
});

test('a refused write adds nothing to the log', async () => {
    const before = count(srv.db, 'audit');
    const r = await post('/people', { name: '', email: 'x' });
    assert.equal(r.status, 400);
    assert.equal(count(srv.db, 'audit'), before);
});

test("the coordinator's audit page filters by words and by kind", async () => {
    let r = await coord.get('/audit');
    assert.equal(r.status, 200);
    // the district's own rows: the federation's are in its log (009)
    assert.match(r.text, new RegExp(`${count(srv.db, 'audit', 'program_id = 1 OR program_id IS NULL')} entries\\.`));

    r = await coord.get('/audit?q=' + encodeURIComponent('Audit College'));
    assert.equal(r.status, 200);
    const byWords = count(srv.db, 'audit', "summary LIKE '%Audit College%' OR actor_label LIKE '%Audit College%'");
    assert.ok(byWords >= 1);
    assert.match(r.text, new RegExp(`<p role="status">${byWords} entries\\.</p>`));
    assert.match(decode(r.text), /Changed the school Audit College \(was Audit Academy, AUA\)/);
    assert.doesNotMatch(r.text, /<td[^>]*>Signed in<\/td>/);

    r = await coord.get('/audit?kind=school');
    const schools = count(srv.db, 'audit', "record_kind = 'school'");
    assert.match(r.text, new RegExp(`<p role="status">${schools} entries\\.</p>`));
    assert.match(r.text, /<option value="school" selected>/);
    assert.doesNotMatch(r.text, /Gave [^<]* the role/);
    assert.equal((r.text.match(/<tr><td[^>]*>/g) || []).length, Math.min(schools, 50));

    r = await coord.get('/audit?kind=session&q=' + encodeURIComponent('Signed out'));
    const both = count(srv.db, 'audit', "record_kind = 'session' AND summary LIKE '%Signed out%'");
    assert.ok(both >= 1);
    assert.match(r.text, new RegExp(`<p role="status">${both} entries\\.</p>`));

    r = await coord.get('/audit?q=' + encodeURIComponent('%'));
    assert.match(r.text, /<p role="status">0 entries\.<\/p>/, "a '%' is searched for, not a wildcard");
});

test('R37: a person sees who viewed and changed their record, and not anyone else\'s history', async () => {
    const teacherId = personId(srv.db, DEMO.participating_teacher);
    const name = scalar(srv.db, `SELECT name FROM person WHERE id = ${teacherId};`);
    let r = await coord.get(`/people/${teacherId}/edit`);   // the coordinator looks...
    assert.equal(r.status, 200);
    const form = {};
    for (const f of ['name', 'email', 'employee_id', 'district_year', 'version']) form[f] = inputValue(r.text, f);
    Object.assign(form, { school_id: scalar(srv.db, `SELECT COALESCE(CAST(school_id AS TEXT), '') FROM person WHERE id = ${teacherId};`),
                          union_member: 'yes', full_time: 'yes', job_type: 'classroom_teacher',
                          employee_id: 'T-2026' });
    r = await post(`/people/${teacherId}`, form);          // ...and changes it
    assert.equal(r.status, 303);

    const teacher = new Client(srv.base);
    await teacher.login(DEMO.participating_teacher);
    const before = count(srv.db, 'audit', `subject_id = ${teacherId} AND action = 'read'`);
    r = await teacher.get(`/people/${teacherId}/history`);
    assert.equal(r.status, 200);
    const page = decode(r.text);
    assert.match(page, new RegExp(`<td[^>]*>Morgan Ellis</td><td[^>]*>Viewed the record of ${name}</td>`));
    assert.match(page, new RegExp(`<td[^>]*>Morgan Ellis</td><td[^>]*>Changed [^<]*employee id[^<]* of ${name}</td>`));
    assert.match(page, /<td[^>]*>[^<]*<\/td><td[^>]*>Signed in<\/td>/, 'their own sign-ins are there too');
    r = await teacher.get(`/people/${teacherId}`);
    assert.equal(r.status, 200, 'they see their own record');
    assert.equal(count(srv.db, 'audit', `subject_id = ${teacherId} AND action = 'read'`), before,
                 'looking at one\'s own record is not a "view by someone else"');

    for (const other of [personId(srv.db, DEMO.coordinator), personId(srv.db, 'teacher2@parley.test'), 999999]) {
        r = await teacher.get(`/people/${other}/history`);
        assert.equal(r.status, 404, `another person's history (${other}) is hidden`);
    }
    // the coordinator may see anyone's history
    r = await coord.get(`/people/${teacherId}/history`);
    assert.equal(r.status, 200);
});

function verify(db, ...options) {
    const r = parley(['audit', 'verify', '--db', db, ...options]);
    return { code: r.code, text: r.out + r.err };
}
function check(db, ...options) {
    const r = parley(['check', '--db', db, ...options]);
    return { code: r.code, text: r.out + r.err };
}

// The key's public half, as an operator keeps it away from the database.
function publicKey(db) {
    const r = parley(['audit', 'key', '--db', db, '--public']);
    assert.equal(r.code, 0, r.err);
    return r.out.trim();
}

// --- what someone who can write to the database does to the log ---

const sha256 = text => createHash('sha256').update(text).digest('hex');

// A row's hash as the chain makes it: each number, then each text with its
// length in bytes, then the program when there is one (sql/009).
function rowHash(r) {
    let text = `${r.id}|${r.at}|${r.actor_id}|${r.record_id}|${r.subject_id}|`;
    for (const f of [r.actor_label, r.action, r.record_kind, r.address, r.summary, r.prev_hash])
        text += `${Buffer.byteLength(f)}:${f}|`;
    return sha256(r.program_id ? `${text}program:${r.program_id}|` : text);
}

const AUDIT_COLUMNS = ['id', 'at', 'actor_id', 'actor_label', 'action', 'record_kind', 'record_id', 'subject_id',
                       'address', 'summary', 'prev_hash', 'hash', 'program_id'];

// The rows from id on, as objects; the nullable ids read as 0, as the chain
// hashes them.
function auditRows(db, from) {
    const pairs = AUDIT_COLUMNS.map(c => `'${c}', ${['actor_id', 'subject_id', 'program_id'].includes(c) ? `COALESCE(${c}, 0)` : c}`);
    return scalar(db, `SELECT ${dialect.jsonObject}(${pairs.join(', ')}) FROM audit WHERE id >= ${from} ORDER BY id;`)
        .split('\n').map(line => JSON.parse(line));
}

// A row's SQL values, with the nullable ids NULL again where they were 0.
function rowValues(r) {
    return Object.fromEntries(AUDIT_COLUMNS.map(c => [c, ['actor_id', 'subject_id', 'program_id'].includes(c) && !r[c] ? null : r[c]]));
}

// Changes row `at`'s summary, then makes every hash after it again and
// moves the head along: the chain alone is sound again. how: 'update' (with
// audit_no_update dropped) or 'replace' (INSERT OR REPLACE, with
// audit_no_replace dropped).
function rewrite(db, at, how = 'update') {
    const rows = auditRows(db, at - 1);
    let prev = rows[0].hash;
    const statements = [];
    for (const r of rows.slice(1)) {
        if (r.id === at) r.summary = 'nothing happened';
        r.prev_hash = prev;
        r.hash = prev = rowHash(r);
        statements.push(how === 'replace' ? dialect.replaceRow('audit', rowValues(r))
            : `UPDATE audit SET summary = '${r.summary.replace(/'/g, "''")}', prev_hash = '${r.prev_hash}', hash = '${r.hash}' WHERE id = ${r.id}`);
    }
    statements.push(`UPDATE audit_head SET last_hash = '${prev}'`);
    return sql(db, `BEGIN; ${statements.join('; ')}; COMMIT;`);
}

test('R38: the chain verifies on a fresh database, and an edited row is caught and named', () => {
    const d = demoDatabase();
    try {
        let v = verify(d.db);
        assert.equal(v.code, 0, v.text);
        assert.match(v.text, /chain intact/);
        let c = check(d.db);
        assert.equal(c.code, 0, c.text);
        assert.match(c.text, /check passed/);

        const r = sql(d.db, "UPDATE audit SET summary = 'nothing happened' WHERE id = 5;");
        assert.notEqual(r.code, 0, 'the database refuses to edit the log');
        assert.match(r.err, /the audit log is append-only \(R38\)/);
        assert.notEqual(sql(d.db, 'DELETE FROM audit WHERE id = 5;').code, 0, 'and to delete from it');
        assert.equal(verify(d.db).code, 0, 'the refused edits changed nothing');

        assert.equal(sql(d.db, `${dialect.dropAuditGuard('update')}; UPDATE audit SET summary = 'nothing happened' WHERE id = 5;`).code, 0);
        v = verify(d.db);
        assert.notEqual(v.code, 0, 'an edited row fails verification');
        assert.match(v.text, /row 5 was changed/);
        c = check(d.db);
        assert.notEqual(c.code, 0);
        assert.match(c.text, /row 5/);
        assert.match(c.text, /check FAILED/);
    } finally { d.cleanup(); }
});

test('R38: a row deleted at the end, or in the middle, is caught', () => {
    const d = demoDatabase();
    try {
        const last = Number(scalar(d.db, 'SELECT MAX(id) FROM audit;'));
        assert.equal(sql(d.db, `${dialect.dropAuditGuard('delete')}; DELETE FROM audit WHERE id = ${last};`).code, 0);
        let v = verify(d.db);
        assert.notEqual(v.code, 0, 'a deleted last row fails verification');
        assert.match(v.text, new RegExp(`ends at row ${last - 1} but its head names row ${last}`));
        assert.notEqual(check(d.db).code, 0);

        assert.equal(sql(d.db, 'DELETE FROM audit WHERE id = 3;').code, 0);
        v = verify(d.db);
        assert.notEqual(v.code, 0);
        assert.match(v.text, /row 3 was changed, or a row before it removed/);
    } finally { d.cleanup(); }
});

test('20 people added at once through the API: all 201, 20 rows, and the chain has no fork', async () => {
    const tok = token(srv.db, DEMO.coordinator);
    const people = count(srv.db, 'person'), audits = count(srv.db, 'audit');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
        new Client(srv.base).request('POST', '/api/v1/people', { headers: bearer(tok), json: {
            name: `Parallel Person ${i}`, email: `parallel${i}@parley.test`, years_in_district: i,
            job_type: 'classroom_teacher' } })));
    assert.deepEqual(answers.map(r => r.status), Array(20).fill(201));
    assert.equal(count(srv.db, 'person'), people + 20);
    const made = "subject_id IN (SELECT id FROM person WHERE email LIKE 'parallel%')";
    assert.equal(count(srv.db, 'audit', `${made} AND action = 'create' AND summary LIKE 'Added Parallel Person %'`), 20);
    // besides the 20 additions, only the answers' views of the new records (R37)
    assert.equal(count(srv.db, 'audit'), audits + 20 + count(srv.db, 'audit', `${made} AND action = 'read'`));
    // ids without gaps or repeats, each row chained to the one before
    assert.equal(scalar(srv.db, 'SELECT MAX(id) - MIN(id) + 1 - COUNT(*) FROM audit;'), '0');
    assert.equal(scalar(srv.db, 'SELECT COUNT(*) FROM audit a JOIN audit b ON b.id = a.id + 1 WHERE b.prev_hash <> a.hash;'), '0');
    const v = verify(srv.db);
    assert.equal(v.code, 0, v.text);
    assert.match(v.text, /chain intact/);
});

test('R38 (issue 14): a row changed with its own hash made again breaks the link from the row after it', () => {
    const d = demoDatabase();
    try {
        const [row] = auditRows(d.db, 5);
        row.summary = 'nothing happened';
        const hash = rowHash(row);
        assert.equal(sql(d.db, `${dialect.dropAuditGuard('update')}; UPDATE audit SET summary = '${row.summary}', hash = '${hash}' WHERE id = 5;`).code, 0);
        const v = verify(d.db, '--public-key', publicKey(d.db));
        assert.notEqual(v.code, 0, 'a row that hashes right but no longer links fails');
        assert.match(v.text, /row 6 does not link to row 5 as it was: row 5 was changed and its hash made again/);
    } finally { d.cleanup(); }
});

test('R38: an edited row with the whole chain made again after it is caught by the signed checkpoint', () => {
    const d = demoDatabase();
    try {
        const key = publicKey(d.db), last = Number(scalar(d.db, 'SELECT MAX(id) FROM audit;'));
        assert.equal(sql(d.db, dialect.dropAuditGuard('update')).code, 0);
        assert.equal(rewrite(d.db, last - 5).code, 0);
        assert.equal(scalar(d.db, `SELECT summary FROM audit WHERE id = ${last - 5};`), 'nothing happened');
        const v = verify(d.db, '--public-key', key);
        assert.notEqual(v.code, 0, 'the rewritten log fails');
        assert.match(v.text, new RegExp(`row ${last} is not the row signed on .*: the log was rewritten up to there`));
        assert.match(v.text, /guard audit_no_update \(it refuses to edit a row\) is missing/);
        assert.doesNotMatch(v.text, /was changed|does not link|chain intact/, 'the chain alone is sound: the key is what tells');
        const c = check(d.db, '--public-key', key);
        assert.notEqual(c.code, 0);
        assert.match(c.text, /the log was rewritten up to there/);
        assert.match(c.text, /check FAILED/);
    } finally { d.cleanup(); }
});

test('R38: the tail cut and the head rewritten to match, the checkpoint rows deleted too: the checkpoint file tells', () => {
    const d = demoDatabase();
    try {
        const key = publicKey(d.db), last = Number(scalar(d.db, 'SELECT MAX(id) FROM audit;'));
        const end = last - 3;
        assert.equal(sql(d.db, `${dialect.dropAuditGuard('delete')}; DELETE FROM audit WHERE id > ${end}; ` +
                               `UPDATE audit_head SET last_id = ${end}, last_hash = (SELECT hash FROM audit WHERE id = ${end});`).code, 0);
        let v = verify(d.db, '--public-key', key);
        assert.notEqual(v.code, 0);
        assert.match(v.text, new RegExp(`the log ends at row ${end} but a checkpoint signed on .* names row ${last}: rows were removed from the end`));

        assert.equal(sql(d.db, 'DELETE FROM audit_checkpoint;').code, 0);
        v = verify(d.db, '--public-key', key);
        assert.notEqual(v.code, 0, 'deleting the checkpoints as well does not help');
        assert.match(v.text, /the database has lost 1 checkpoint that .*\.audit-key\.checkpoints keeps \(the last of row \d+\): checkpoint rows were deleted/);
        assert.match(v.text, new RegExp(`the log ends at row ${end} but a checkpoint signed on .*\\.checkpoints\\) names row ${last}`));
        assert.notEqual(check(d.db, '--public-key', key).code, 0);
    } finally { d.cleanup(); }
});

test('R38: a head reset or rewritten while the rows stay is caught', () => {
    const d = demoDatabase();
    try {
        const key = publicKey(d.db), last = Number(scalar(d.db, 'SELECT MAX(id) FROM audit;'));
        assert.equal(sql(d.db, "UPDATE audit_head SET last_id = 0, last_hash = '';").code, 0);
        let v = verify(d.db, '--public-key', key);
        assert.notEqual(v.code, 0);
        assert.match(v.text, new RegExp(`the log goes on to row ${last} but its head names row 0: the head was reset or rewritten`));
        assert.equal(sql(d.db, `UPDATE audit_head SET last_id = ${last}, last_hash = '${'0'.repeat(64)}';`).code, 0);
        v = verify(d.db, '--public-key', key);
        assert.notEqual(v.code, 0);
        assert.match(v.text, new RegExp(`the head names row ${last} with a hash that is not the row's: the head was rewritten`));
    } finally { d.cleanup(); }
});

test('R38: the log emptied and its head reset, with the checkpoints and their file gone: an export kept elsewhere tells', () => {
    const d = demoDatabase();
    try {
        const key = publicKey(d.db), last = Number(scalar(d.db, 'SELECT MAX(id) FROM audit;'));
        const exported = parley(['audit', 'checkpoints', '--db', d.db]);
        assert.equal(exported.code, 0, exported.err);
        const lines = exported.out.split('\n').filter(l => l && !l.startsWith('#'));
        assert.ok(lines.length >= 1);
        for (const l of lines) assert.match(l, /^\d+ [0-9a-f]{64} \d+ [0-9a-f]{128}$/, 'ROW HASH SIGNED_AT SIGNATURE');
        assert.equal(lines.at(-1).split(' ')[0], String(last), 'the last checkpoint signs the head');
        const kept = join(d.dir, 'kept-elsewhere.checkpoints');
        writeFileSync(kept, exported.out);

        assert.equal(sql(d.db, `${dialect.dropAuditGuard('delete')}; DELETE FROM audit; DELETE FROM audit_checkpoint; ` +
                               "UPDATE audit_head SET last_id = 0, last_hash = '';").code, 0);
        let v = verify(d.db, '--public-key', key);
        assert.notEqual(v.code, 0, 'an emptied log fails');
        assert.match(v.text, new RegExp(`the log is empty but a checkpoint signed on .* names row ${last}: the log was emptied`));

        const beside = `${auditKeyPath(d.db)}.checkpoints`;
        renameSync(beside, join(d.dir, 'moved-away'));
        v = verify(d.db, '--public-key', key);
        assert.notEqual(v.code, 0);
        assert.match(v.text, /the checkpoint file .*\.audit-key\.checkpoints is missing: it was deleted or moved/);
        v = verify(d.db, '--public-key', key, '--checkpoints', kept);
        assert.notEqual(v.code, 0);
        assert.match(v.text, new RegExp(`the log is empty but a checkpoint signed on .* \\(.*kept-elsewhere\\.checkpoints\\) names row ${last}: the log was emptied`));
    } finally { d.cleanup(); }
});

test('R38: a guard dropped (or disabled) is caught, though no row changed', () => {
    const d = demoDatabase();
    try {
        const key = publicKey(d.db);
        assert.equal(verify(d.db, '--public-key', key).code, 0);
        const guards = PG ? ['update', 'delete', 'replace', 'truncate'] : ['update', 'delete', 'replace'];
        if (PG) {
            assert.equal(sql(d.db, 'ALTER TABLE audit DISABLE TRIGGER audit_no_truncate;').code, 0);
            const v = verify(d.db, '--public-key', key);
            assert.notEqual(v.code, 0);
            assert.match(v.text, /guard audit_no_truncate \(it refuses to empty the log \(TRUNCATE\)\) is missing or disabled/);
        }
        for (const g of guards) {
            assert.equal(sql(d.db, dialect.dropAuditGuard(g)).code, 0);
            const v = verify(d.db, '--public-key', key);
            assert.notEqual(v.code, 0, `audit_no_${g} dropped`);
            assert.match(v.text, new RegExp(`the database's guard audit_no_${g} \\(it [^)]*\\)+ is missing or disabled: the log could be changed behind its back`));
            assert.match(check(d.db, '--public-key', key).text, new RegExp(`audit_no_${g}.*check FAILED`, 's'));
        }
    } finally { d.cleanup(); }
});

test('R38: INSERT OR REPLACE cannot write over a row; with its guard dropped, the rewrite is caught', () => {
    const d = demoDatabase();
    try {
        const key = publicKey(d.db), last = Number(scalar(d.db, 'SELECT MAX(id) FROM audit;'));
        const [row] = auditRows(d.db, 5);
        let r = sql(d.db, dialect.replaceRow('audit', { ...rowValues(row), summary: 'nothing happened' }));
        assert.notEqual(r.code, 0, 'the database refuses to write over a row');
        assert.match(r.err, /the audit log is append-only \(R38\)/);
        assert.equal(scalar(d.db, 'SELECT summary FROM audit WHERE id = 5;'), row.summary);
        assert.equal(verify(d.db, '--public-key', key).code, 0, 'the refused write changed nothing');

        // On PostgreSQL the upsert's UPDATE meets audit_no_update too.
        assert.equal(sql(d.db, dialect.dropAuditGuard('replace') + (PG ? `; ${dialect.dropAuditGuard('update')}` : '')).code, 0);
        r = rewrite(d.db, last - 5, 'replace');
        assert.equal(r.code, 0, r.err);
        assert.equal(scalar(d.db, `SELECT summary FROM audit WHERE id = ${last - 5};`), 'nothing happened');
        const v = verify(d.db, '--public-key', key);
        assert.notEqual(v.code, 0);
        assert.match(v.text, new RegExp(`row ${last} is not the row signed on .*: the log was rewritten up to there`));
        assert.match(v.text, /guard audit_no_replace \(it refuses to write a row over another \(INSERT OR REPLACE\)\) is missing/);
    } finally { d.cleanup(); }
});

test('R38: a checkpoint the key did not sign, or a log checked against another key, fails', () => {
    const d = demoDatabase(), other = demoDatabase();
    try {
        const last = Number(scalar(d.db, 'SELECT MAX(id) FROM audit;'));
        let v = verify(d.db, '--public-key', publicKey(other.db));
        assert.notEqual(v.code, 0, "another log's key does not verify this one");
        assert.match(v.text, /is not signed by this key: it was forged, or the log is checked against another key than its own/);

        const forged = `'${'ab'.repeat(64)}'`;
        assert.equal(sql(d.db, `INSERT INTO audit_checkpoint (audit_id, hash, signed_at, signature) VALUES (${last + 7}, '${'0'.repeat(64)}', 1, ${forged});`).code, 0);
        v = verify(d.db, '--public-key', publicKey(d.db));
        assert.notEqual(v.code, 0);
        assert.match(v.text, new RegExp(`the checkpoint of row ${last + 7} in the database is not signed by this key`));
    } finally { d.cleanup(); other.cleanup(); }
});

test('R38: a server signs the head while the log grows and when it stops', async () => {
    const d = demoDatabase();
    const server = await startServer(['--audit-checkpoint-seconds', '1'], { ...d, cleanup: () => {} });
    try {
        const signedHead = () => Number(scalar(d.db, 'SELECT COALESCE(MAX(audit_id), 0) FROM audit_checkpoint;'));
        const head = () => Number(scalar(d.db, 'SELECT last_id FROM audit_head;'));
        const client = new Client(server.base);
        await client.login(DEMO.coordinator);              // a sign-in is audited
        const grown = head();
        for (let i = 0; i < 300 && signedHead() < grown; i++) await new Promise(r => setTimeout(r, 100));
        assert.ok(signedHead() >= grown, 'signed while serving');

        await client.get(`/people/${personId(d.db, DEMO.participating_teacher)}`);   // an audited view (R37)
        await server.stop();
        assert.equal(signedHead(), head(), 'the last rows are signed when it stops');
        const v = verify(d.db, '--public-key', publicKey(d.db));
        assert.equal(v.code, 0, v.text);
        assert.match(v.text, new RegExp(`${head()} rows, chain intact; signed up to row ${head()} on `));
        assert.ok(existsSync(`${auditKeyPath(d.db)}.checkpoints`));
    } finally { await server.stop(); d.cleanup(); }
});

// Issue 15, finding 14: a list that shows a case (its teacher, where it
// stands, what is due) is a read of it, like the case's page: audited about
// the teacher, once a day per reader and case, never for the teacher's own.
test('R37, R38: the cases a person sees in a list are in their teachers\' histories, once a day', async () => {
    const teacherId = personId(srv.db, DEMO.participating_teacher);
    const name = scalar(srv.db, `SELECT name FROM person WHERE id = ${teacherId};`);
    const ct = personId(srv.db, DEMO.consulting_teacher);
    const caseId = scalar(srv.db, `SELECT id FROM teacher_case WHERE teacher_id = ${teacherId} ORDER BY id DESC LIMIT 1;`);
    assert.equal(scalar(srv.db, `SELECT ct_id FROM teacher_case WHERE id = ${caseId};`), String(ct), 'the demo\'s PAR case is on ct1\'s caseload');
    const seen = where => count(srv.db, 'audit', `action = 'read' AND record_kind = 'case' AND record_id = ${caseId}
        AND subject_id = ${teacherId} AND actor_id = ${ct} AND summary = 'Saw the case of ${name} in ${where}'`);
    const meetingDay = scalar(srv.db, `SELECT MIN(substr(starts_at, 1, 10)) FROM meeting WHERE case_id = ${caseId} AND status = 'scheduled';`);
    const ctWeb = new Client(srv.base);
    await ctWeb.login(DEMO.consulting_teacher);
    const tok = token(srv.db, DEMO.consulting_teacher);
    const api = path => new Client(srv.base).request('GET', '/api/v1' + path, { headers: bearer(tok) });
    // each list, on a day of its own (the test clock): the first look is a read...
    const lists = [['the list of cases', () => ctWeb.get('/cases')],
                   ['the list of cases', () => api('/cases')],
                   ['the deadlines', () => ctWeb.get('/deadlines')],
                   ['their tasks', () => ctWeb.get('/dashboard')],
                   ['their tasks', () => api('/tasks')],
                   ['their caseload', () => api('/caseload')],
                   ['their calendar', () => api(`/week?start=${meetingDay}`)]];
    for (const [where, look] of lists) {
        srv.passDays(1);
        const before = seen(where);
        let r = await look();
        assert.equal(r.status, 200);
        assert.match(decode(r.text), new RegExp(name), `${where} shows the case`);
        assert.equal(seen(where), before + 1, `${where}: audited about the teacher`);
        // ...and the same day, again: not written twice
        r = await look();
        assert.equal(seen(where), before + 1, `${where}: once a day`);
    }
    // the teacher's own case in their own lists is not someone else's view
    const mine = count(srv.db, 'audit', `action = 'read' AND subject_id = ${teacherId}`);
    const teacher = new Client(srv.base);
    await teacher.login(DEMO.participating_teacher);
    assert.equal((await teacher.get('/dashboard')).status, 200);
    assert.equal((await teacher.get('/deadlines')).status, 200);
    assert.equal(count(srv.db, 'audit', `action = 'read' AND subject_id = ${teacherId}`), mine);
    // and the teacher reads who saw it, and where
    const page = decode((await teacher.get(`/people/${teacherId}/history`)).text);
    assert.match(page, new RegExp(`<td[^>]*>Dana Whitfield</td><td[^>]*>Saw the case of ${name} in their caseload</td>`));
    srv.moveTo(0);
});
