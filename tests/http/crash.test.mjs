// crash.test.mjs: crash safety and load (issue 4, §3).
// - SIGKILL in the middle of a stream of API writes and audited reads, many
//   times, restarting on the same database: every acknowledged write is
//   there, every acknowledged read of a person's record is in the audit log
//   (R37: by group commit, issue 19), nothing is half there (a school
//   without its audit row or the reverse), and `parley check` and `parley
//   audit verify` pass.
// - 64 connections for 30 s of mixed reads and writes: no 5xx, no lost write.
// - Half-sent requests from 20 addresses are closed after --timeout and do
//   not starve ordinary clients.
// Correctness only: timings are never asserted beyond generous upper bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { connect } from 'node:net';
import { startServer, demoDatabase, Client, parley, sql } from './harness.mjs';

const sleep = ms => new Promise(r => setTimeout(r, ms));

// One HTTP request over node's http module (real pooled connections through
// `agent`); resolves with status and body, rejects on a network error.
function send(agent, base, method, path, { headers = {}, json } = {}) {
    return new Promise((resolve, reject) => {
        const body = json === undefined ? null : JSON.stringify(json);
        const h = { ...headers };
        if (body !== null) {
            h['Content-Type'] = 'application/json';
            h['Content-Length'] = Buffer.byteLength(body);
        }
        const req = http.request(base + path, { method, agent, headers: h }, res => {
            const chunks = [];
            res.on('data', c => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
            res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
    });
}

function token(db) {
    const r = parley(['token', 'create', '--db', db, '--email', 'coordinator@parley.test']);
    assert.equal(r.code, 0, r.err);
    return r.out.trim();
}

// Every school has exactly its one "create" audit row, and every "Added the
// school" audit row has its school: no write is half there.
function assertNothingHalfThere(db, what) {
    const orphanSchools = sql(db, `SELECT s.code FROM school s WHERE
        (SELECT count(*) FROM audit a WHERE a.record_kind = 'school' AND a.action = 'create'
                                        AND a.record_id = s.id) <> 1`);
    assert.deepEqual(orphanSchools, [], `${what}: schools without exactly one audit row`);
    const orphanAudit = sql(db, `SELECT a.id FROM audit a WHERE a.record_kind = 'school'
        AND a.action = 'create' AND NOT EXISTS (SELECT 1 FROM school s WHERE s.id = a.record_id)`);
    assert.deepEqual(orphanAudit, [], `${what}: audit rows of schools that are not there`);
    const wrongSummary = sql(db, `SELECT s.code FROM school s JOIN audit a ON a.record_kind = 'school'
        AND a.action = 'create' AND a.record_id = s.id
        WHERE a.summary <> 'Added the school ' || s.name || ' (' || s.code || ')'`);
    assert.deepEqual(wrongSummary, [], `${what}: audit rows that do not describe their school`);
}

function assertSound(db) {
    const check = parley(['check', '--db', db]);
    assert.equal(check.code, 0, `parley check: ${check.out}${check.err}`);
    const verify = parley(['audit', 'verify', '--db', db]);
    assert.equal(verify.code, 0, `parley audit verify: ${verify.out}${verify.err}`);
}

// The coordinator's reads of each person's record in the audit log.
function readsLogged(db) {
    return new Map(sql(db, `SELECT a.record_id, count(*) FROM audit a JOIN person p ON
        p.email = 'coordinator@parley.test' AND a.actor_id = p.id WHERE a.action = 'read'
        AND a.record_kind = 'person' GROUP BY a.record_id`).map(l => l.split('|').map(Number)));
}

test('SIGKILL during a stream of writes and audited reads, 10 times: acknowledged writes and reads stay, nothing is half there', async t => {
    const ROUNDS = 10, WRITERS = 8, READERS = 8;
    const dbi = demoDatabase();
    const keep = { ...dbi, cleanup: () => {} };   // the database outlives each server
    const tok = token(dbi.db);
    const acked = new Map();   // code -> id, every write answered 201
    // Every read answered 200, per person: each is in the log (R37).
    const people = sql(dbi.db, `SELECT p.id FROM person p JOIN person me ON me.email =
        'coordinator@parley.test' AND me.program_id = p.program_id WHERE p.id <> me.id`).map(Number);
    const readsAcked = new Map(people.map(id => [id, 0]));
    const readsBefore = readsLogged(dbi.db);
    const inDb = () => sql(dbi.db, "SELECT count(*) FROM school WHERE code LIKE 'K%'")[0];
    let attempted = 0;
    let srv = await startServer([], keep);
    try {
        for (let round = 0; round < ROUNDS; round++) {
            const agent = new http.Agent({ keepAlive: true, maxSockets: WRITERS });
            let killed = false;
            const unexpected = [];
            const writer = async w => {
                for (let n = 0; !killed; n++) {
                    const code = `K${round}W${w}N${n}`;
                    attempted++;
                    try {
                        const r = await send(agent, srv.base, 'POST', '/api/v1/schools', {
                            headers: { Authorization: `Bearer ${tok}` },
                            json: { name: `Crash School ${code}`, code, address: `${n} Kill Street` } });
                        if (r.status === 201) acked.set(code, JSON.parse(r.text).id);
                        else unexpected.push(`${code}: ${r.status} ${r.text}`);
                    } catch (e) {
                        // After the kill a write has no answer: it may or may
                        // not be there, but never half there.
                        if (!killed) unexpected.push(`${code}: ${e.message}`);
                        return;
                    }
                }
            };
            const reader = async w => {
                for (let n = w; !killed; n++) {
                    const id = people[n % people.length];
                    try {
                        const r = await send(agent, srv.base, 'GET', `/api/v1/people/${id}`, {
                            headers: { Authorization: `Bearer ${tok}` } });
                        if (r.status === 200) readsAcked.set(id, readsAcked.get(id) + 1);
                        else unexpected.push(`read ${id}: ${r.status} ${r.text}`);
                    } catch (e) {
                        if (!killed) unexpected.push(`read ${id}: ${e.message}`);
                        return;
                    }
                }
            };
            const writers = [...Array.from({ length: WRITERS }, (_, w) => writer(w)),
                             ...Array.from({ length: READERS }, (_, w) => reader(w))];
            await sleep(100 + Math.floor(Math.random() * 500));
            killed = true;
            await srv.kill('SIGKILL');
            await Promise.all(writers);
            agent.destroy();
            assert.deepEqual(unexpected, [], `round ${round}: answers other than 201 and 200 before the kill`);

            // The next server opens the same database (SQLite recovers the WAL).
            srv = await startServer([], keep);
            {
                const codes = new Map(sql(dbi.db, "SELECT code, id FROM school WHERE code LIKE 'K%'")
                    .map(l => l.split('|')));
                for (const [code, id] of acked)
                    assert.equal(codes.get(code), String(id), `round ${round}: acknowledged ${code} is lost`);
                assertNothingHalfThere(dbi.db, `round ${round}`);
                const logged = readsLogged(dbi.db);
                for (const [id, n] of readsAcked)
                    assert.ok((logged.get(id) ?? 0) - (readsBefore.get(id) ?? 0) >= n,
                              `round ${round}: ${n} reads of person ${id} answered, ` +
                              `${(logged.get(id) ?? 0) - (readsBefore.get(id) ?? 0)} in the log`);
                // The restarted server answers and takes writes again.
                const r = await send(undefined, srv.base, 'POST', '/api/v1/schools', {
                    headers: { Authorization: `Bearer ${tok}` },
                    json: { name: `After Restart ${round}`, code: `R${round}`, address: '' } });
                assert.equal(r.status, 201, r.text);
            }
        }
        await srv.stop();   // a clean exit: ASan has its say
        srv = null;
        const reads = [...readsAcked.values()].reduce((a, b) => a + b, 0);
        t.diagnostic(`${attempted} writes sent, ${acked.size} acknowledged, ${inDb()} in the database; ` +
                     `${reads} audited reads acknowledged`);
        assert.ok(reads > ROUNDS, `only ${reads} audited reads were acknowledged`);
        assert.ok(acked.size > ROUNDS, `only ${acked.size} of ${attempted} writes were acknowledged`);
        assertNothingHalfThere(dbi.db, 'at the end');
        assertSound(dbi.db);
    } finally {
        await srv?.kill();
        dbi.cleanup();
    }
});

test('64 connections for 30 s of mixed reads and writes: no 5xx, no lost write', async t => {
    const CONNS = 64, SECONDS = 30;
    const srv = await startServer(['--threads', '8', '--max-conns-per-address', '200']);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNS });
    try {
        const tok = token(srv.db);
        const coord = new Client(srv.base);
        await coord.login('coordinator@parley.test');
        const cookie = coord.cookieHeader();
        const statuses = new Map(), failures = [];
        const acked = new Map();
        let requests = 0;
        const deadline = Date.now() + SECONDS * 1000;
        const worker = async w => {
            for (let n = 0; Date.now() < deadline; n++) {
                const kind = (w + n) % 10;
                let r, what;
                try {
                    if (kind < 2) {
                        const code = `L${w}N${n}`;
                        what = `POST school ${code}`;
                        r = await send(agent, srv.base, 'POST', '/api/v1/schools', {
                            headers: { Authorization: `Bearer ${tok}` },
                            json: { name: `Load School ${code}`, code, address: `${n} Load Lane` } });
                        if (r.status === 201) acked.set(code, String(JSON.parse(r.text).id));
                    } else if (kind < 5) {
                        what = 'GET /people';
                        r = await send(agent, srv.base, 'GET', '/people', { headers: { Cookie: cookie } });
                    } else if (kind < 8) {
                        what = 'GET /api/v1/schools';
                        r = await send(agent, srv.base, 'GET', '/api/v1/schools?per_page=50',
                                       { headers: { Authorization: `Bearer ${tok}` } });
                    } else {
                        what = 'GET /';
                        r = await send(agent, srv.base, 'GET', '/');
                    }
                } catch (e) {
                    failures.push(`${what}: ${e.message}`);
                    continue;
                }
                requests++;
                statuses.set(r.status, (statuses.get(r.status) || 0) + 1);
                const expected = what.startsWith('POST') ? 201 : 200;
                if (r.status !== expected && failures.length < 20)
                    failures.push(`${what}: ${r.status} ${r.text.slice(0, 200)}`);
            }
        };
        await Promise.all(Array.from({ length: CONNS }, (_, w) => worker(w)));
        const summary = `${requests} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`;
        t.diagnostic(summary);
        const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, c]) => a + c, 0);
        assert.equal(fivexx, 0, `5xx answers: ${summary}\n${failures.join('\n')}`);
        assert.deepEqual(failures, [], summary);
        assert.ok(acked.size > 0, summary);

        const rows = new Map(sql(srv.db, "SELECT code, id FROM school WHERE code LIKE 'L%N%'")
            .map(l => l.split('|')));
        assert.equal(rows.size, acked.size, 'schools in the database = writes acknowledged');
        for (const [code, id] of acked) assert.equal(rows.get(code), id, `acknowledged ${code} is lost`);
        assertNothingHalfThere(srv.db, 'after the load');
        assertSound(srv.db);
    } finally {
        agent.destroy();
        await srv.stop();
    }
});

test('20 half-sent requests from 20 addresses are closed after --timeout and do not starve others', async () => {
    const TIMEOUT = 2, SLOW = 20;
    const srv = await startServer(['--timeout', String(TIMEOUT)]);
    try {
        const t0 = Date.now();
        const slow = await Promise.all(Array.from({ length: SLOW }, (_, i) => new Promise((resolve, reject) => {
            const s = connect({ host: '127.0.0.1', port: srv.port, localAddress: `127.0.0.${i + 2}` });
            let text = '';
            s.setEncoding('latin1');
            s.on('data', d => { text += d; });
            s.on('error', () => {});   // a reset counts as closed
            const closed = new Promise(r => s.on('close', () => r(Date.now())));
            s.once('connect', () => {
                s.write('GET / HTTP/1.1\r\nHost: x\r\n');
                resolve({ socket: s, closed, received: () => text });
            });
            s.once('error', reject);
        })));
        // Meanwhile ordinary clients are answered, one after another.
        const c = new Client(srv.base);
        for (let i = 0; i < 20; i++) {
            const r = await c.get(i % 2 ? '/' : '/healthz');
            assert.equal(r.status, 200, `ordinary request ${i}`);
        }
        const closedAt = await Promise.all(slow.map(s =>
            Promise.race([s.closed, sleep(20000).then(() => null)])));
        closedAt.forEach((at, i) => {
            assert.ok(at, `slow connection ${i} (127.0.0.${i + 2}) was not closed within 20 s`);
            assert.ok(at - t0 >= (TIMEOUT - 1) * 1000, `slow connection ${i} closed before the timeout`);
            assert.doesNotMatch(slow[i].received(), /^HTTP\/1\.1 200/, `slow connection ${i} got an answer`);
        });
        // And the server still serves after them: on a new connection, since
        // the server has closed the client's idle keep-alive one by now too.
        const status = await new Promise((resolve, reject) =>
            http.get(`${srv.base}/healthz`, { agent: false }, res => { res.resume(); resolve(res.statusCode); })
                .on('error', reject));
        assert.equal(status, 200);
        for (const s of slow) s.socket.destroy();
    } finally {
        await srv.stop();
    }
});
