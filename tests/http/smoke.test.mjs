// smoke.test.mjs: the foundation's "done when", end to end against the
// real server: a coordinator adds a school, a person and a role and sees
// them in the audit log; a participating teacher is refused; the API does
// the same with a token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, parley, bearer } from './harness.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

test('healthz answers ok when the database answers', async () => {
    const r = await new Client(srv.base).get('/healthz');
    assert.equal(r.status, 200);
    assert.equal(r.text.trim(), 'ok');
});

test('a coordinator adds a school, a person and a role, and sees them in the audit log', async () => {
    const c = new Client(srv.base);
    await c.login('coordinator@parley.test');
    let r = await c.post('/schools', { name: 'Smoke Test Academy', code: 'STA', address: '' }, '/schools/new');
    assert.equal(r.status, 303);
    const schoolId = r.headers.get('location').split('/').pop();
    r = await c.post('/people', {
        name: 'Rita Smoke', email: 'rita.smoke@parley.test', employee_id: 'E-77',
        school_id: schoolId, union_member: 'yes', full_time: 'yes', district_year: '5',
        job_type: 'classroom_teacher',
    }, '/people/new');
    assert.equal(r.status, 303);
    const personPath = r.headers.get('location');
    r = await c.post(`${personPath}/roles`, { role: 'participating_teacher' }, personPath);
    assert.equal(r.status, 303);
    r = await c.get('/audit');
    assert.equal(r.status, 200);
    assert.match(r.text, /Added the school Smoke Test Academy/);
    assert.match(r.text, /Added Rita Smoke/);
    assert.match(r.text, /Gave Rita Smoke the role Participating Teacher/);
});

test('a participating teacher cannot reach the coordinator pages (403, a clear page)', async () => {
    const c = new Client(srv.base);
    await c.login('teacher@parley.test');
    const r = await c.get('/people');
    assert.equal(r.status, 403);
    assert.match(r.text, /Only the program coordinator manages people/);
});

test('the API does the same with a token', async () => {
    const coord = parley(['token', 'create', '--db', srv.db, '--email', 'coordinator@parley.test']).out.trim();
    const teacher = parley(['token', 'create', '--db', srv.db, '--email', 'teacher@parley.test']).out.trim();
    const c = new Client(srv.base);
    let r = await c.request('POST', '/api/v1/schools', { json: { name: 'API Academy', code: 'APIA' }, headers: bearer(coord) });
    assert.equal(r.status, 201);
    r = await c.request('GET', '/api/v1/people', { headers: bearer(teacher) });
    assert.equal(r.status, 403);
    assert.equal(r.json().error.code, 'forbidden');
});
