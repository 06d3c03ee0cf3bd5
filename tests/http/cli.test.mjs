// cli.test.mjs: the command line: every command's --help, adding a user
// who can then sign in, a refused password (and nothing half-added), a
// backup that passes `parley check` against the key kept apart from it,
// the audit key's file (R38), a federation person's changes audited in the
// federation's log, and usage errors (exit 2, a message).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { startServer, Client, parley, PG, demoDatabase, auditKeyPath } from './harness.mjs';
import { DEMO, count, scalar, personId, decode } from './records.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

// What each command's help must mention (README.md's command list).
const OPTIONS = {
    'init': ['--db', '--audit-key', '--program', '--time-zone'],
    'demo': ['--db', '--audit-key'],
    'serve': ['--db', '--audit-key', '--audit-checkpoint-seconds', '--listen', '--log-format', '--max-header-bytes',
              '--max-form-bytes', '--timeout'],
    'user add': ['--db', '--audit-key', '--email', '--name', '--role', '--school'],
    'user passwd': ['--db', '--audit-key', '--email'],
    'user link': ['--db', '--audit-key', '--email'],
    'token create': ['--db', '--audit-key', '--email', '--name', '--days'],
    'token list': ['--db', '--audit-key', '--email'],
    'token revoke': ['--db', '--audit-key', '--id'],
    'import roster': ['--db', '--audit-key', '--apply'],
    'remind': ['--db', '--audit-key'],
    'check': ['--db', '--audit-key', '--public-key', '--checkpoints'],
    'audit verify': ['--db', '--audit-key', '--public-key', '--checkpoints'],
    'audit key': ['--db', '--audit-key', '--public'],
    'audit checkpoints': ['--db'],
    'backup': ['--db', '--to'],
    'copy': ['--from', '--to', '--from-audit-key', '--to-audit-key'],
    'routes': [],
    'rules': [],
    'workflow': ['--format'],
};

test('parley --help lists every command, and each command\'s --help its options', () => {
    const main = parley(['--help']);
    assert.equal(main.code, 0);
    const listed = [...main.out.matchAll(/^ {2}(\S+(?: [a-z]+)?) {2,}/gm)].map(m => m[1].trim());
    assert.deepEqual(listed.sort(), Object.keys(OPTIONS).sort());
    for (const [cmd, opts] of Object.entries(OPTIONS)) {
        const r = parley([...cmd.split(' '), '--help']);
        assert.equal(r.code, 0, `${cmd} --help`);
        assert.match(r.out, new RegExp(`^usage: parley ${cmd} \\[options\\]`), cmd);
        for (const o of [...opts, '--help']) assert.match(r.out, new RegExp(`^  ${o}\\b`, 'm'), `${cmd} --help mentions ${o}`);
    }
});

test('parley user add reads the password from standard input; the new user signs in', async () => {
    const r = parley(['user', 'add', '--db', srv.db, '--email', 'cli.user@parley.test', '--name', 'Cli User',
                      '--role', 'consulting_teacher', '--role', 'union_rep', '--years', '8'],
                     'a-long-enough-passphrase-77\n');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /added cli\.user@parley\.test \(id \d+\)/);
    assert.equal(scalar(srv.db, "SELECT r.role FROM person_role r JOIN person p ON p.id = r.person_id WHERE p.email = 'cli.user@parley.test' ORDER BY r.role;")
                     .split('\n').join(','),
                 'consulting_teacher,union_rep');
    const c = new Client(srv.base);
    await c.login('cli.user@parley.test', 'a-long-enough-passphrase-77');
    const me = await c.get('/account');
    assert.equal(me.status, 200);
    assert.match(me.text, /Cli User/);
    assert.equal(count(srv.db, 'audit', "actor_label = 'command line' AND summary LIKE 'Added Cli User%'"), 1,
                 'the command line\'s writes are audited too');
});

test('a too-short password is refused with a message, and nobody is half-added', () => {
    const people = count(srv.db, 'person'), audits = count(srv.db, 'audit');
    const r = parley(['user', 'add', '--db', srv.db, '--email', 'short.pw@parley.test', '--name', 'Short Pw',
                      '--role', 'participating_teacher'], 'abc\n');
    assert.notEqual(r.code, 0);
    assert.match(r.out + r.err, /password/i);
    assert.equal(count(srv.db, 'person'), people, 'the person was not left behind');
    assert.equal(count(srv.db, 'audit'), audits);

    const p = parley(['user', 'passwd', '--db', srv.db, '--email', 'teacher@parley.test'], 'abc\n');
    assert.notEqual(p.code, 0);
    assert.match(p.out + p.err, /password/i);
});

test('parley user add refuses bad details with the field\'s message', () => {
    const people = count(srv.db, 'person');
    let r = parley(['user', 'add', '--db', srv.db, '--email', 'not-an-email', '--name', 'Bad Email'], '\n');
    assert.notEqual(r.code, 0);
    assert.match(r.out + r.err, /email/i);
    r = parley(['user', 'add', '--db', srv.db, '--email', 'adm@parley.test', '--name', 'No School', '--role', 'administrator'], '\n');
    assert.notEqual(r.code, 0);
    assert.match(r.out + r.err, /school/i);
    assert.equal(count(srv.db, 'person'), people);
});

test('parley backup --to makes a copy that parley check passes against the key kept apart from it',
     { skip: PG ? 'backup of a PostgreSQL database is pg_dump\'s job (docs/deploy.md); the refusal is tested below' : false }, () => {
    const to = join(srv.dir, 'backup.db');
    const r = parley(['backup', '--db', srv.db, '--to', to]);
    assert.equal(r.code, 0, r.err);
    assert.ok(existsSync(to));
    assert.ok(!existsSync(auditKeyPath(to)), 'the key does not go into the backup\'s place (R38)');
    let c = parley(['check', '--db', to]);
    assert.notEqual(c.code, 0, 'without a key, the log cannot be verified');
    assert.match(c.out, /there is no audit key at .*backup\.db\.audit-key to verify the log against: give the log's public key with --public-key/);
    const key = parley(['audit', 'key', '--db', srv.db, '--public']).out.trim();
    assert.match(key, /^[0-9a-f]{64}$/);
    c = parley(['check', '--db', to, '--public-key', key]);
    assert.equal(c.code, 0, c.out + c.err);
    assert.match(c.out, /check passed/);
    assert.equal(count(to, 'person'), count(srv.db, 'person'));
    assert.equal(count(to, 'audit'), count(srv.db, 'audit'));
});

test('R38: parley demo makes the audit key beside the database, for its owner only; a command cannot write without it', () => {
    const d = demoDatabase();
    try {
        const key = auditKeyPath(d.db);
        assert.equal(statSync(key).mode & 0o777, 0o600, 'the key file is its owner\'s alone');
        assert.ok(existsSync(`${key}.checkpoints`), 'the checkpoint file is beside it');
        const shown = parley(['audit', 'key', '--db', d.db]);
        assert.equal(shown.code, 0, shown.err);
        assert.ok(shown.out.includes(`the audit key is ${key}, its checkpoint file ${key}.checkpoints\n`), shown.out);
        assert.match(shown.out, /^public key: [0-9a-f]{64}$/m);

        chmodSync(key, 0o644);
        let r = parley(['audit', 'key', '--db', d.db]);
        assert.notEqual(r.code, 0, 'a key others can read is refused');
        assert.match(r.err, /can be read by others \(mode 0644\): chmod 600/);
        chmodSync(key, 0o600);

        const people = count(d.db, 'person'), audits = count(d.db, 'audit');
        r = parley(['user', 'add', '--db', d.db, '--audit-key', join(d.dir, 'elsewhere.key'),
                    '--email', 'unsigned@parley.test', '--name', 'Not Signed'], '\n');
        assert.notEqual(r.code, 0);
        assert.match(r.err, /there is no audit key at .*elsewhere\.key \(R38: what is written is signed with it\): parley init makes one/);
        assert.equal(count(d.db, 'person'), people, 'nothing was written');
        assert.equal(count(d.db, 'audit'), audits);
    } finally { d.cleanup(); }
});

test("R38: the command line's changes about a federation person are in the federation's audit log, not the district's", async () => {
    const member = personId(srv.db, DEMO.member);
    const program = scalar(srv.db, `SELECT program_id FROM person WHERE id = ${member};`);
    assert.equal(scalar(srv.db, `SELECT kind FROM program WHERE id = ${program};`), 'federation');
    const coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    const districtSees = async q => Number(decode((await coord.get(`/audit?q=${encodeURIComponent(q)}`)).text)
        .match(/<p role="status">(\d+) entries\.<\/p>/)[1]);
    // the operator's three changes: a token, a link (which revokes that token), a password
    const summaries = ['Made the API token "command line"', 'Revoked 1 API token: a password link was issued',
                       'A one-time link to set a new password was issued', 'A password was set'];
    const seen = await Promise.all(summaries.map(districtSees));
    const last = Number(scalar(srv.db, 'SELECT MAX(id) FROM audit;'));

    assert.equal(parley(['token', 'create', '--db', srv.db, '--email', DEMO.member]).code, 0);
    assert.equal(parley(['user', 'link', '--db', srv.db, '--email', DEMO.member]).code, 0);
    assert.equal(parley(['user', 'passwd', '--db', srv.db, '--email', DEMO.member], 'a-long-enough-passphrase-78\n').code, 0);

    const rows = scalar(srv.db, `SELECT summary || '|' || COALESCE(CAST(program_id AS TEXT), 'none') || '|' || subject_id FROM audit WHERE id > ${last} ORDER BY id;`);
    const lines = rows.split('\n');
    assert.equal(lines.length, summaries.length, rows);
    summaries.forEach((t, i) => assert.ok(lines[i].startsWith(t) && lines[i].endsWith(`|${program}|${member}`),
                                          `each change is audited once, about the member, in the member's program: ${lines[i]}`));
    assert.deepEqual(await Promise.all(summaries.map(districtSees)), seen, "the district's audit log shows none of them");
});

// On PostgreSQL, backup points to pg_dump and writes nothing.
if (PG) test('parley backup of a PostgreSQL database is refused with a pointer to pg_dump', () => {
    const to = join(srv.dir, 'backup.db');
    const r = parley(['backup', '--db', srv.db, '--to', to]);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /pg_dump/);
    assert.ok(!existsSync(to), 'no file was left behind');
});

test('usage errors exit 2 with a message', () => {
    let r = parley(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command 'frobnicate'/);
    r = parley(['check', '--db', srv.db, '--colour', 'blue']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown option '--colour'/);
    r = parley(['backup', '--db']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--db needs a value/);
    r = parley(['user', 'frob']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command/);
    r = parley([]);
    assert.equal(r.code, 2);
    assert.match(r.out, /usage: parley COMMAND/);
    r = parley(['check', '--db', join(srv.dir, 'no-such.db')]);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /there is no database at/);
});
