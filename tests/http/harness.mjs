// harness.mjs: starts a real `parley serve` (the ASan build) on a free
// loopback port with a fresh demo database, and gives tests a small client
// that keeps cookies and reads CSRF tokens out of forms.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';

export const BIN = resolve(process.env.PARLEY_BIN || 'build/san/parley');
export const PASSWORD = 'parley-demo-2026';

// PARLEY_TEST_PG=postgres://USER@HOST:PORT (tests/run.sh, `make test-pg`)
// runs the suites on PostgreSQL: each demoDatabase() is then a fresh
// database on that server instead of a fresh SQLite file. A database name
// at the end of the URL is ignored.
export const PG = (process.env.PARLEY_TEST_PG || '').replace(/^(postgres(?:ql)?:\/\/[^/?]*).*$/, '$1');
const isUrl = db => /^postgres(ql)?:\/\//.test(db);

// parley runs in a working directory of its own, removed when the tests
// end: on PostgreSQL that is where each database's audit key goes by
// default (NAME.audit-key, docs/deploy.md); an SQLite file has its key
// beside it.
export const WORKDIR = mkdtempSync(join(tmpdir(), 'parley-cwd-'));
process.on('exit', () => rmSync(WORKDIR, { recursive: true, force: true }));

// Where a database's audit key is when no --audit-key says (R38); its
// checkpoint file is the same path with '.checkpoints' after it.
export function auditKeyPath(db) {
    return isUrl(db) ? join(WORKDIR, `${db.replace(/^.*\//, '')}.audit-key`) : `${db}.audit-key`;
}

// Runs SQL on a test database, whichever the engine: the sqlite3 command
// line for a file (5 s busy timeout: the server keeps it open in WAL mode,
// which lets a second reader in), psql for a postgres:// URL. Rows come back
// the same way from both: one a line, columns separated by '|', NULL empty.
// { code, out, err }; out is trimmed.
export function runSql(db, statement) {
    const r = isUrl(db)
        ? spawnSync('psql', ['-At', '-X', '-q', '-v', 'ON_ERROR_STOP=1', db, '-c', statement],
                    { encoding: 'utf8' })
        : spawnSync('sqlite3', ['-batch', '-cmd', '.timeout 5000', db], { input: statement, encoding: 'utf8' });
    if (r.error) throw r.error;
    return { code: r.status, out: r.stdout.trim(), err: r.stderr };
}

// Where the engines' SQL differs, the statement for the one under test.
export const dialect = {
    // Removes one of the database's R38 guards on the audit log (to change
    // it behind their back): op is update, delete or replace (sql/002,
    // sql/011), or truncate on PostgreSQL, whose triggers belong to a table.
    dropAuditGuard: op => `DROP TRIGGER audit_no_${op}${PG ? ' ON audit' : ''}`,
    // A row as a JSON object, one a line: json_object(k1, v1, k2, v2...).
    jsonObject: PG ? 'json_build_object' : 'json_object',
    // Writes a row over the one with the same id: SQLite's INSERT OR
    // REPLACE; PostgreSQL's nearest, an upsert.
    replaceRow: (table, row) => {
        const cols = Object.keys(row), vals = cols.map(c => sqlValue(row[c]));
        const into = `INTO ${table} (${cols.join(', ')}) VALUES (${vals.join(', ')})`;
        return PG ? `INSERT ${into} ON CONFLICT (id) DO UPDATE SET ${cols.filter(c => c !== 'id').map(c => `${c} = EXCLUDED.${c}`).join(', ')}`
                  : `INSERT OR REPLACE ${into}`;
    },
};

// A JavaScript value as an SQL literal (tests that write rows by hand).
export function sqlValue(v) {
    return v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
}

function pgAdmin(statement) {
    const r = runSql(`${PG}/postgres`, statement);
    if (r.code !== 0) throw new Error(`psql failed (${statement}): ${r.err}`);
}

// The command line; env: more of the environment (a test server's
// calendar, for a command that acts on the same days as the server).
export function parley(args, input = '', env = {}) {
    const r = spawnSync(BIN, args, { input, encoding: 'utf8', env: { ...process.env, ...env }, cwd: WORKDIR });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

// A fresh demo database: a file in a temporary folder, or on PostgreSQL a
// new database (dropped again by cleanup) beside the same temporary folder,
// which tests use for files of their own.
export function demoDatabase() {
    const dir = mkdtempSync(join(tmpdir(), 'parley-test-'));
    let db = join(dir, 'parley.db'), drop = () => {};
    if (PG) {
        const name = `parley_t_${randomBytes(8).toString('hex')}`;
        pgAdmin(`CREATE DATABASE ${name}`);
        db = `${PG}/${name}`;
        // FORCE: a killed server's connections may not be gone yet.
        drop = () => {
            pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            for (const f of [auditKeyPath(db), `${auditKeyPath(db)}.checkpoints`]) rmSync(f, { force: true });
        };
    }
    const r = parley(['demo', '--db', db]);
    if (r.code !== 0) {
        drop();
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`parley demo failed: ${r.err}`);
    }
    return { dir, db, cleanup: () => { drop(); rmSync(dir, { recursive: true, force: true }); } };
}

// Starts the server; resolves once it says where it listens.
// The program's calendar of a test server (the test build only, base/clock.h):
// a file of seconds to add to the clock, so that a case's months pass in a
// test's seconds. Sign-ins and sessions keep the real clock.
export function clockFile(dir) {
    return join(dir, 'calendar-offset');
}

export async function startServer(extraArgs = [], dbInfo = demoDatabase()) {
    const calendar = clockFile(dbInfo.dir);
    const child = spawn(BIN, ['serve', '--db', dbInfo.db, '--listen', '127.0.0.1:0', ...extraArgs],
                        { stdio: ['ignore', 'pipe', 'pipe'],
                          env: { ...process.env, PARLEY_TEST_CLOCK: calendar }, cwd: WORKDIR });
    let daysAhead = 0;
    let stderr = '';
    const log = [];
    child.stdout.on('data', d => log.push(d.toString()));
    const port = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('server did not start: ' + stderr)), 15000);
        child.stderr.on('data', d => {
            stderr += d.toString();
            const m = stderr.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
            if (m) { clearTimeout(timer); resolve(Number(m[1])); }
        });
        child.on('exit', code => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${stderr}`)); });
    });
    const base = `http://127.0.0.1:${port}`;
    return {
        base, port, db: dbInfo.db, dir: dbInfo.dir, accessLog: () => log.join(''),
        // Moves the program's calendar on by days (never back): what the
        // server calls today, and stamps records with, from now on.
        passDays(days) {
            this.moveTo(daysAhead + days);
        },
        // The calendar this many days ahead of the real one (never back).
        moveTo(days) {
            if (days <= daysAhead) return;
            daysAhead = days;
            writeFileSync(calendar, String(daysAhead * 86400));
        },
        daysAhead: () => daysAhead,
        // The environment a command needs to share this server's calendar.
        calendarEnv: () => ({ PARLEY_TEST_CLOCK: calendar }),
        // Today on the server's calendar, "YYYY-MM-DD" (UTC: the tests' time zone).
        today() {
            return new Date(Date.now() + daysAhead * 86400000).toISOString().slice(0, 10);
        },
        stderr: () => stderr,
        pid: child.pid,
        // Kills the server without letting it finish (crash tests); the
        // database stays for a restart, stop() still cleans up.
        async kill(signal = 'SIGKILL') {
            if (child.exitCode === null && child.signalCode === null) {
                const exited = new Promise(r => child.once('exit', r));
                child.kill(signal);
                await exited;
            }
        },
        async stop() {
            if (child.exitCode === null && child.signalCode === null) {
                const exited = new Promise(r => child.once('exit', r));
                child.kill('SIGTERM');
                await exited;
            }
            // ASan reports leaks and errors on exit: a dirty exit fails the suite.
            if (/ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:/.test(stderr))
                throw new Error('sanitizer report:\n' + stderr);
            dbInfo.cleanup();
        },
    };
}

// A browser-like client: cookies, redirects not followed (tests look at them).
export class Client {
    constructor(base) { this.base = base; this.cookies = new Map(); }

    cookieHeader() {
        return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }

    keepCookies(res) {
        for (const c of res.headers.getSetCookie()) {
            const [pair] = c.split(';');
            const i = pair.indexOf('=');
            const name = pair.slice(0, i), value = pair.slice(i + 1);
            if (/Max-Age=0/i.test(c) || value === '') this.cookies.delete(name);
            else this.cookies.set(name, value);
        }
    }

    async request(method, path, { form, json, headers = {}, body, signal } = {}) {
        const h = { ...headers };
        if (this.cookies.size) h.Cookie = this.cookieHeader();
        if (form) {
            body = new URLSearchParams(form).toString();
            h['Content-Type'] = 'application/x-www-form-urlencoded';
        } else if (json !== undefined) {
            body = JSON.stringify(json);
            h['Content-Type'] = 'application/json';
        }
        const res = await fetch(this.base + path, { method, headers: h, body, redirect: 'manual', signal });
        this.keepCookies(res);
        const text = await res.text();
        return { status: res.status, headers: res.headers, text,
                 json: () => JSON.parse(text) };
    }

    get(path, opts) { return this.request('GET', path, opts); }

    // The CSRF token of the first form on a page.
    async csrf(path) {
        const r = await this.get(path);
        const m = r.text.match(/name="csrf" value="([0-9a-f]{64})"/);
        if (!m) throw new Error(`no CSRF token on ${path} (status ${r.status})`);
        return m[1];
    }

    // Posts a form the way a browser would: with the page's CSRF token.
    async post(path, form = {}, from = null) {
        const csrf = await this.csrf(from || '/dashboard');
        return this.request('POST', path, { form: { csrf, ...form } });
    }

    async login(email, password = PASSWORD) {
        const csrf = await this.csrf('/login');
        const r = await this.request('POST', '/login', { form: { csrf, email, password, next: '/dashboard' } });
        if (r.status !== 303) throw new Error(`login of ${email} failed: ${r.status}`);
        return r;
    }
}

export function bearer(token) {
    return { Authorization: `Bearer ${token}` };
}

// Runs SQL on a test server's database (runSql); returns the output's
// lines, throws if the statement fails.
export function sql(db, query) {
    const r = runSql(db, query);
    if (r.code !== 0) throw new Error(`${isUrl(db) ? 'psql' : 'sqlite3'} failed: ${r.err}`);
    return r.out.split('\n').filter(l => l !== '');
}

// The first text of an error summary or error page on an HTML page.
export function alertText(html) {
    const m = html.match(/<div class="error-summary" role="alert"><p>(.*?)<\/p>/s);
    return m ? m[1] : null;
}

// A raw TCP connection to the server (for what fetch cannot do: hold a
// connection open, stop half-way through a request). Resolves once
// connected; .received() is all text read so far, .closed resolves with the
// time the server closed the connection.
export function rawSocket(port) {
    return new Promise((resolve, reject) => {
        const s = connect({ host: '127.0.0.1', port });
        let text = '';
        s.setEncoding('latin1');
        s.on('data', d => { text += d; });
        s.on('error', () => {});   /* a reset counts as closed */
        const closed = new Promise(r => s.on('close', () => r(Date.now())));
        s.once('connect', () => resolve({ socket: s, received: () => text, closed,
                                          end: () => s.destroy() }));
        s.once('error', reject);
    });
}

// Sends one raw request with "Connection: close" semantics up to the caller
// and resolves with the whole answer as text when the server closes.
export async function rawRequest(port, data) {
    const c = await rawSocket(port);
    c.socket.write(data, 'latin1');
    await c.closed;
    return c.received();
}
