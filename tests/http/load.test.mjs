// load.test.mjs: issue 15's findings about load, limits and addresses, one
// regression test each: upload quotas per case and per person (13), the
// feedback form's limit per address (6; the contact form's is in
// intake.test.mjs), a school's staff behind one address, and the client's
// address through a trusted proxy (here and in twonode.test.mjs, behind
// nginx). The sign-in findings (7, 8) are in auth.test.mjs.
//
// The demo: case 1 is PA (teacher2, ct2), case 2 is PAR (teacher, ct1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, bearer, rawSocket, PASSWORD } from './harness.mjs';
import { DEMO, token, scalar, count, decode, inputValue } from './records.mjs';

// As if behind nginx on this machine: a request's X-Forwarded-For names
// its client; one without the header is the proxy's own.
let srv;
before(async () => {
    srv = await startServer(['--trusted-proxy', '127.0.0.1']);
});
after(async () => { await srv?.stop(); });

const KIB = 1024;
const main = html => decode(html.slice(html.indexOf('<main'), html.indexOf('</main>')));

async function signedIn(email) {
    const c = new Client(srv.base);
    await c.login(email);
    return c;
}

async function settings(values) {
    const coord = await signedIn(DEMO.coordinator);
    const r = await coord.post('/settings', values, '/settings');
    assert.equal(r.status, 303, `settings ${JSON.stringify(values)}: ${r.status}`);
}

// A multipart body sent whole, with its length (observations.test.mjs).
async function multipart(form) {
    const res = new Response(form);
    const body = Buffer.from(await res.arrayBuffer());
    return { body, headers: { 'Content-Type': res.headers.get('content-type'), 'Content-Length': String(body.length) } };
}

// A plain-text artifact of size bytes on a case, through the form.
async function upload(client, caseId, title, size) {
    const body = new FormData();
    body.set('csrf', await client.csrf('/dashboard'));
    body.set('title', title);
    body.set('description', '');
    body.set('file', new Blob(['x'.repeat(size)], { type: 'text/plain' }), `${title}.txt`);
    return client.request('POST', `/cases/${caseId}/artifacts`, await multipart(body));
}

test('finding 13: a case\'s files stop at its quota, with a refusal naming it; the form keeps what was typed', async () => {
    await settings({ upload_case_quota_mib: '1', upload_person_quota_mib: '100' });
    const teacher = await signedIn(DEMO.participating_teacher);
    const used = Number(scalar(srv.db, 'SELECT COALESCE(SUM(size), 0) FROM artifact WHERE case_id = 2;'));
    let r = await upload(teacher, 2, 'first-half', 512 * KIB - used);
    assert.equal(r.status, 303, main(r.text));
    const before = count(srv.db, 'artifact');
    r = await upload(teacher, 2, 'over-quota', 600 * KIB);
    assert.equal(r.status, 400);
    assert.match(main(r.text), /This file \(0\.6 MiB\) would take this case's files past their quota of 1\.0 MiB: they take 0\.5 MiB already\. Choose a smaller file, or ask the program coordinator to raise the quota \(Program settings\)\./);
    assert.equal(inputValue(r.text, 'title'), 'over-quota', 'the title typed is kept');
    assert.equal(count(srv.db, 'artifact'), before, 'nothing was written');
    // What still fits is taken.
    r = await upload(teacher, 2, 'fits', 400 * KIB);
    assert.equal(r.status, 303, main(r.text));
    // The API says the same, on the field.
    const form = new FormData();
    form.set('title', 'api-over');
    form.set('file', new Blob(['y'.repeat(200 * KIB)], { type: 'text/plain' }), 'api-over.txt');
    const sent = await multipart(form);
    r = await new Client(srv.base).request('POST', '/api/v1/cases/2/artifacts', {
        body: sent.body, headers: { ...sent.headers, ...bearer(token(srv.db, DEMO.consulting_teacher)) } });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'file');
    assert.match(r.json().error.message, /past their quota of 1\.0 MiB/);
});

test('finding 13: a person\'s uploads stop at their quota, across cases and the site\'s documents', async () => {
    await settings({ upload_case_quota_mib: '100', upload_person_quota_mib: '1' });
    const ct2 = await signedIn('ct2@parley.test');
    const mine = Number(scalar(srv.db, `SELECT COALESCE(SUM(a.size), 0) FROM artifact a JOIN person p ON p.id = a.uploaded_by WHERE p.email = 'ct2@parley.test';`));
    let r = await upload(ct2, 1, 'ct2-notes', 700 * KIB - mine);
    assert.equal(r.status, 303, main(r.text));
    r = await upload(ct2, 1, 'ct2-more', 400 * KIB);
    assert.equal(r.status, 400);
    assert.match(main(r.text), /This file \(0\.4 MiB\) would take the files you have uploaded past their quota of 1\.0 MiB: they take 0\.7 MiB already\./);
    // Another person's uploads on the same case are their own.
    const teacher2 = await signedIn('teacher2@parley.test');
    r = await upload(teacher2, 1, 'teacher2-plan', 400 * KIB);
    assert.equal(r.status, 303, main(r.text));
    // The site's documents count towards their uploader's quota too.
    const coord = await signedIn(DEMO.coordinator);
    const resource = async (title, size) => {
        const body = new FormData();
        body.set('csrf', await coord.csrf('/site/resources/new'));
        body.set('title', title);
        body.set('published', 'yes');
        body.set('file', new Blob(['z'.repeat(size)], { type: 'text/plain' }), `${title}.txt`);
        return coord.request('POST', '/site/resources', await multipart(body));
    };
    r = await resource('handbook', 700 * KIB);
    assert.equal(r.status, 303, main(r.text));
    r = await resource('handbook-2', 400 * KIB);
    assert.equal(r.status, 400);
    assert.match(main(r.text), /would take the files you have uploaded past their quota of 1\.0 MiB: they take 0\.7 MiB already/);
    assert.equal(inputValue(r.text, 'title'), 'handbook-2');
    // The quota's bounds: it cannot be switched off.
    r = await coord.post('/settings', { upload_person_quota_mib: '0' }, '/settings');
    assert.equal(r.status, 400);
    assert.match(main(r.text), /Give a whole number of MiB from 1 to 102400 \(100 GiB\)\./);
});

test('finding 6: /feedback takes feedback_per_hour comments from one address, then a 429 page keeps what was typed', async () => {
    await settings({ feedback_per_hour: '3' });
    const visitor = new Client(srv.base);
    const csrf = await visitor.csrf('/feedback');
    const send = comment => visitor.request('POST', '/feedback', { form: { csrf, role: 'teacher', comment, website: '' } });
    for (let i = 1; i <= 3; i++) {
        const r = await send(`Comment number ${i}.`);
        assert.equal(r.status, 303, `comment ${i}`);
    }
    const rows = { feedback: count(srv.db, 'feedback'), audit: count(srv.db, 'audit') };
    const r = await send('A fourth one, typed with care.');
    assert.equal(r.status, 429);
    assert.ok(Number(r.headers.get('retry-after')) > 3500, r.headers.get('retry-after'));
    assert.match(decode(r.text), /This address has sent 3 comments in the last hour, the most we accept\. Please try again after .+ \(in about (60|59) minutes\)\. What you wrote is kept below\./);
    assert.match(decode(r.text), /A fourth one, typed with care\./);
    assert.match(r.text, /<option value="teacher" selected>/);
    assert.deepEqual({ feedback: count(srv.db, 'feedback'), audit: count(srv.db, 'audit') }, rows, 'nothing was written');
    // A comment with an error is answered with the error, not counted.
    assert.equal((await send('')).status, 400);
    // Another address (through the proxy) is counted on its own.
    const other = await visitor.request('POST', '/feedback', {
        form: { csrf, role: '', comment: 'From another school.', website: '' },
        headers: { 'X-Forwarded-For': '198.51.100.23' } });
    assert.equal(other.status, 303);
    // The limit cannot be switched off.
    const coord = await signedIn(DEMO.coordinator);
    const off = await coord.post('/settings', { feedback_per_hour: '0' }, '/settings');
    assert.equal(off.status, 400);
});

test('a school\'s staff behind one address (NAT): 100 open connections from it are all served', async () => {
    // The default --max-conns-per-address was 32: a few people's browsers.
    const open = [];
    try {
        for (let i = 0; i < 100; i++) {
            const c = await rawSocket(srv.port);
            c.socket.write('GET /about HTTP/1.1\r\nHost: x\r\n\r\n');
            open.push(c);
        }
        for (const c of open)
            for (let i = 0; i < 200 && !/\r\n\r\n/.test(c.received()); i++) await new Promise(r => setTimeout(r, 10));
        const statuses = open.map(c => c.received().match(/^HTTP\/1\.1 (\d+)/)?.[1]);
        assert.deepEqual([...new Set(statuses)], ['200'], 'every one answered 200');
    } finally {
        for (const c of open) c.end();
    }
});

test('through a trusted proxy the client\'s own address is in the audit log, not the proxy\'s', async () => {
    const c = new Client(srv.base);
    const csrf = await c.csrf('/login');
    // The client wrote a false hop itself; the proxy appended the real one.
    const r = await c.request('POST', '/login', {
        form: { csrf, email: DEMO.union_rep, password: PASSWORD, next: '/dashboard' },
        headers: { 'X-Forwarded-For': '6.6.6.6, 203.0.113.50' } });
    assert.equal(r.status, 303);
    const row = scalar(srv.db, "SELECT address FROM audit WHERE action = 'login' ORDER BY id DESC LIMIT 1;");
    assert.equal(row, '203.0.113.50');
    // Straight from a client that is no proxy of ours, the header is ignored.
    const direct = await startServer();
    try {
        const d = new Client(direct.base);
        const t = await d.csrf('/login');
        const s = await d.request('POST', '/login', {
            form: { csrf: t, email: DEMO.union_rep, password: PASSWORD, next: '/dashboard' },
            headers: { 'X-Forwarded-For': '203.0.113.50' } });
        assert.equal(s.status, 303);
        assert.equal(scalar(direct.db, "SELECT address FROM audit WHERE action = 'login' ORDER BY id DESC LIMIT 1;"), '127.0.0.1');
    } finally {
        await direct.stop();
    }
});
