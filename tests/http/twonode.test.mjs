// twonode.test.mjs: two `parley serve` processes on one PostgreSQL database
// behind nginx as a round-robin load balancer, configured by
// docs/nginx-parley.conf itself (its addresses, ports and certificate
// filled in). A sign-in made on one node works on the other, writes from
// both land, two concurrent edits of one record give one success and one
// 409 (no lost update), and the audit chain verifies afterwards.
// Needs PostgreSQL (PARLEY_TEST_PG, set by `make test-pg`).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startServer, demoDatabase, Client, parley, PG } from './harness.mjs';
import { DEMO, scalar, count, inputValue } from './records.mjs';

// nginx's certificate is made up for the test.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

function freePort() {
    return new Promise(resolve => {
        const s = createServer().listen(0, '127.0.0.1', () => {
            const { port } = s.address();
            s.close(() => resolve(port));
        });
    });
}

// docs/nginx-parley.conf with this test's nodes, ports and certificate.
// Each replacement must match, so a change to the document that the test
// no longer understands fails here rather than testing something else.
function renderSiteConfig(nodes, httpPort, httpsPort, cert, key) {
    let conf = readFileSync('docs/nginx-parley.conf', 'utf8');
    const swap = (pattern, by, what) => {
        const next = conf.replace(pattern, by);
        assert.notEqual(next, conf, `docs/nginx-parley.conf has no ${what}`);
        conf = next;
    };
    const servers = nodes.map(p => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;\n`).join('');
    swap(/(?: {4}server \S+:8080 [^;\n]*;\n)+/, servers, 'upstream server lines');
    swap(/listen 80;/, `listen 127.0.0.1:${httpPort};`, 'listen 80');
    swap(/listen 443 ssl;/, `listen 127.0.0.1:${httpsPort} ssl;`, 'listen 443 ssl');
    swap(/ssl_certificate \S+;/, `ssl_certificate ${cert};`, 'ssl_certificate');
    swap(/ssl_certificate_key \S+;/, `ssl_certificate_key ${key};`, 'ssl_certificate_key');
    return conf;
}

// nginx's own frame around the site file: what /etc/nginx/nginx.conf
// gives it in a real installation.
function mainConfig(dir, site) {
    return `${process.getuid() === 0 ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/tmp/body;
    proxy_temp_path ${dir}/tmp/proxy;
    fastcgi_temp_path ${dir}/tmp/fastcgi;
    uwsgi_temp_path ${dir}/tmp/uwsgi;
    scgi_temp_path ${dir}/tmp/scgi;
    include ${site};
}
`;
}

async function startNginx(dir, nodePorts) {
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    const cert = join(dir, 'cert.pem'), key = join(dir, 'key.pem');
    const ssl = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
                                      '-subj', '/CN=parley.example.org', '-keyout', key, '-out', cert],
                          { encoding: 'utf8' });
    assert.equal(ssl.status, 0, ssl.stderr);
    mkdirSync(join(dir, 'tmp'), { recursive: true });
    const site = join(dir, 'parley.conf'), main = join(dir, 'nginx.conf');
    writeFileSync(site, renderSiteConfig(nodePorts, httpPort, httpsPort, cert, key));
    writeFileSync(main, mainConfig(dir, site));
    const child = spawn('nginx', ['-e', join(dir, 'error.log'), '-p', dir, '-c', main], { stdio: 'ignore' });
    const base = `https://127.0.0.1:${httpsPort}`;
    for (let i = 0; ; i++) {
        try {
            if ((await fetch(`${base}/healthz`)).status === 200) break;
        } catch { /* not listening yet */ }
        if (i === 200 || child.exitCode !== null)
            throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
        await new Promise(r => setTimeout(r, 25));
    }
    return {
        base, httpPort,
        async stop() {
            if (child.exitCode !== null) return;
            const exited = new Promise(r => child.once('exit', r));
            child.kill('SIGTERM');
            await exited;
        },
    };
}

// Lines of a node's access log ("METHOD PATH STATUS BYTES TIME") that match.
function served(node, pattern) {
    return node.accessLog().split('\n').filter(l => pattern.test(l)).length;
}

// What each node logged, once the counts are as expected or a second has
// passed: a node writes the line after the answer is sent, so it can
// arrive a moment after the client has the answer.
async function servedBy(pattern, expected) {
    let counts;
    for (let i = 0; i < 40; i++) {
        counts = nodes.map(n => served(n, pattern));
        if (JSON.stringify(counts) === JSON.stringify(expected)) break;
        await new Promise(r => setTimeout(r, 25));
    }
    return counts;
}

let nodes = [];

test('docs/deploy.md quotes docs/nginx-parley.conf exactly', () => {
    const doc = readFileSync('docs/deploy.md', 'utf8');
    const quoted = doc.match(/```nginx\n([\s\S]*?)```\n/);
    assert.ok(quoted, 'docs/deploy.md has an nginx block');
    assert.equal(quoted[1], readFileSync('docs/nginx-parley.conf', 'utf8'));
});

describe('two nodes on one PostgreSQL database behind nginx', { skip: PG ? false : 'needs PostgreSQL: make test-pg' }, () => {
    let db, lb, coord, csrf;

    before(async () => {
        db = demoDatabase();
        // Each node's stop() leaves the shared database alone; after() drops it.
        const shared = { ...db, cleanup: () => {} };
        for (let i = 0; i < 2; i++) nodes.push(await startServer(['--secure-cookies'], shared));
        lb = await startNginx(db.dir, nodes.map(n => n.port));
        coord = new Client(lb.base);
    });

    after(async () => {
        if (lb) await lb.stop();
        for (const n of nodes) await n.stop();
        db?.cleanup();
    });

    test('plain HTTP is redirected to HTTPS', async () => {
        const r = await fetch(`http://127.0.0.1:${lb.httpPort}/login`, { redirect: 'manual' });
        assert.equal(r.status, 301);
        assert.match(r.headers.get('location'), /^https:\/\/127\.0\.0\.1\/login$/);
    });

    test('a sign-in made on one node works on the other', async () => {
        const r = await coord.login(DEMO.coordinator);
        assert.match(r.headers.get('set-cookie'), /; Secure/, 'the nodes run with --secure-cookies');
        const login = await servedBy(/^POST \/login 303 /, [1, 0]);
        assert.equal(login[0] + login[1], 1, 'one node made the session');
        for (let i = 0; i < 4; i++) {
            const page = await coord.get('/dashboard');
            assert.equal(page.status, 200, `request ${i} is signed in`);
        }
        assert.deepEqual(await servedBy(/^GET \/dashboard 200 /, [2, 2]), [2, 2],
                         'each node served half the dashboards');
        csrf = await coord.csrf('/dashboard');
    });

    test('writes from both nodes land', async () => {
        const before = count(db.db, 'person');
        for (let i = 0; i < 4; i++) {
            const r = await coord.request('POST', '/people', { form: {
                csrf, name: `Node Writer ${i}`, email: `node.writer.${i}@parley.test`, employee_id: '',
                school_id: '1', union_member: 'yes', full_time: 'yes', district_year: '2',
                job_type: 'classroom_teacher' } });
            assert.equal(r.status, 303, `person ${i}: ${r.status}`);
        }
        assert.deepEqual(await servedBy(/^POST \/people 303 /, [2, 2]), [2, 2], 'each node wrote two people');
        assert.equal(count(db.db, 'person'), before + 4);
        assert.equal(count(db.db, 'person', "name LIKE 'Node Writer %'"), 4);
    });

    test('two concurrent edits of one person through the two nodes: one wins, the other gets 409', async () => {
        const id = scalar(db.db, "SELECT id FROM person WHERE email = 'node.writer.0@parley.test';");
        const second = new Client(lb.base);
        await second.login(DEMO.coordinator);
        const [a, b] = await Promise.all([coord.get(`/people/${id}/edit`), second.get(`/people/${id}/edit`)]);
        const version = inputValue(a.text, 'version');
        assert.equal(inputValue(b.text, 'version'), version, 'both loaded the same version');
        const edit = (client, token, name) => client.request('POST', `/people/${id}`, { form: {
            csrf: token, name, email: 'node.writer.0@parley.test', employee_id: '', school_id: '1',
            union_member: 'yes', full_time: 'yes', district_year: '2', job_type: 'classroom_teacher',
            version } });
        const results = await Promise.all([edit(coord, csrf, 'Edited First'),
                                           edit(second, inputValue(b.text, 'csrf'), 'Edited Second')]);
        const statuses = results.map(r => r.status).sort();
        assert.deepEqual(statuses, [303, 409], 'one edit saved, the other refused');
        const lost = results.find(r => r.status === 409);
        assert.match(lost.text, /Someone else changed this first/);
        assert.match(lost.text, /Nothing of yours was saved/);
        const winner = results[0].status === 303 ? 'Edited First' : 'Edited Second';
        assert.equal(scalar(db.db, `SELECT name || '|' || version FROM person WHERE id = ${id};`),
                     `${winner}|${Number(version) + 1}`);
        assert.deepEqual(await servedBy(new RegExp(`^POST /people/${id} (303|409) `), [1, 1]), [1, 1],
                         'each node took one of the two edits');
    });

    test('audited reads from both nodes at once keep one chain; it verifies', async () => {
        const teacher = scalar(db.db, `SELECT id FROM person WHERE email = '${DEMO.participating_teacher}';`);
        const audits = count(db.db, 'audit');
        const pages = await Promise.all(Array.from({ length: 24 }, () => coord.get(`/people/${teacher}`)));
        assert.deepEqual([...new Set(pages.map(p => p.status))], [200]);
        assert.equal(count(db.db, 'audit'), audits + 24, 'every view was audited (R37)');
        assert.deepEqual(await servedBy(new RegExp(`^GET /people/${teacher} 200 `), [12, 12]), [12, 12],
                         'both nodes answered and audited');
        const v = parley(['audit', 'verify', '--db', db.db]);
        assert.equal(v.code, 0, v.out + v.err);
        assert.match(v.out, /chain intact/);
    });
});
