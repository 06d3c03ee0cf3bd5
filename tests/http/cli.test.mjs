// cli.test.mjs: the command line: every command's --help, adding a user
// who can then sign in, a refused password (and nothing half-added), a
// backup that passes `parley check`, and usage errors (exit 2, a message).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { startServer, Client, parley, PG } from './harness.mjs';
import { count, scalar } from './records.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

// What each command's help must mention (README.md's command list).
const OPTIONS = {
    'init': ['--db', '--program', '--time-zone'],
    'demo': ['--db'],
    'serve': ['--db', '--listen', '--log-format', '--max-header-bytes', '--max-form-bytes', '--timeout'],
    'user add': ['--db', '--email', '--name', '--role', '--school'],
    'user passwd': ['--db', '--email'],
    'user link': ['--db', '--email'],
    'token create': ['--db', '--email', '--name', '--days'],
    'token list': ['--db', '--email'],
    'token revoke': ['--db', '--id'],
    'remind': ['--db'],
    'check': ['--db'],
    'audit verify': ['--db'],
    'backup': ['--db', '--to'],
    'copy': ['--from', '--to'],
    'routes': [],
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

test('parley backup --to makes a copy that parley check passes',
     { skip: PG ? 'backup of a PostgreSQL database is pg_dump\'s job (docs/deploy.md); the refusal is tested below' : false }, () => {
    const to = join(srv.dir, 'backup.db');
    const r = parley(['backup', '--db', srv.db, '--to', to]);
    assert.equal(r.code, 0, r.err);
    assert.ok(existsSync(to));
    const c = parley(['check', '--db', to]);
    assert.equal(c.code, 0, c.out + c.err);
    assert.match(c.out, /check passed/);
    assert.equal(count(to, 'person'), count(srv.db, 'person'));
    assert.equal(count(to, 'audit'), count(srv.db, 'audit'));
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
