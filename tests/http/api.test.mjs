// api.test.mjs: every /api/v1 endpoint with a bearer token: answers,
// strict request bodies (a wrong type or unknown member is a 400 naming the
// field), optimistic locking, errors shaped {"error":{"code","message",
// "field"}}, who may do what, and the OpenAPI document against the route table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, parley, bearer } from './harness.mjs';
import { DEMO, personId, token, writeCounts, scalar } from './records.mjs';

let srv, api, coordTok, teacherTok;
before(async () => {
    srv = await startServer();
    api = new Client(srv.base);
    coordTok = token(srv.db, DEMO.coordinator);
    teacherTok = token(srv.db, DEMO.participating_teacher);
});
after(async () => { await srv.stop(); });

const call = (method, path, json, tok = coordTok, extra = {}) =>
    api.request(method, path, { headers: { ...bearer(tok), ...extra }, json });

// An error answer: the status, JSON of exactly {"error":{code,message,field}}.
function assertError(r, status, code, field) {
    assert.equal(r.status, status, r.text);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    const body = r.json();
    assert.deepEqual(Object.keys(body), ['error']);
    assert.deepEqual(Object.keys(body.error).sort(), ['code', 'field', 'message']);
    assert.equal(body.error.code, code);
    assert.equal(typeof body.error.message, 'string');
    assert.ok(body.error.message.length > 5, 'the message says something');
    if (field !== undefined) assert.equal(body.error.field, field);
    return body.error;
}

const newPerson = (over = {}) => ({ name: 'Api Person', email: 'api.person@parley.test', years_in_district: 6,
                                    job_type: 'cosess', union_member: true, full_time: false, school_id: 2, ...over });

test('GET /api/v1/me says whose token it is', async () => {
    let r = await call('GET', '/api/v1/me');
    assert.equal(r.status, 200);
    const { today, ...me } = r.json();
    assert.deepEqual(me, { id: personId(srv.db, DEMO.coordinator), name: 'Morgan Ellis',
                           email: DEMO.coordinator, roles: ['coordinator'] });
    // the program's date, in its time zone (America/New_York for the demo)
    assert.equal(today, new Date().toLocaleDateString('en-CA', { timeZone: 'America/New_York' }));
    r = await call('GET', '/api/v1/me', undefined, teacherTok);
    assert.equal(r.json().email, DEMO.participating_teacher);
    assert.deepEqual(r.json().roles, ['participating_teacher']);
});

test('GET /api/v1/people lists, filters and pages', async () => {
    const total = Number(scalar(srv.db, 'SELECT COUNT(*) FROM person WHERE program_id = 1;'));
    let r = await call('GET', '/api/v1/people');
    assert.equal(r.status, 200);
    let b = r.json();
    assert.equal(b.total, total);
    assert.equal(b.page, 1);
    assert.equal(b.per_page, 25);
    assert.equal(b.items.length, Math.min(total, 25));
    assert.ok(b.items.every(p => p.id && p.name && p.email && Array.isArray(p.roles)));

    r = await call('GET', '/api/v1/people?per_page=5&page=2');
    b = r.json();
    assert.equal(b.items.length, 5);
    assert.equal(b.page, 2);
    const page1 = (await call('GET', '/api/v1/people?per_page=5&page=1')).json().items.map(p => p.id);
    assert.ok(b.items.every(p => !page1.includes(p.id)), 'page 2 follows page 1');

    r = await call('GET', '/api/v1/people?q=panel');
    assert.ok(r.json().items.length >= 3);
    assert.ok(r.json().items.every(p => /panel/i.test(p.name + p.email)));
    r = await call('GET', '/api/v1/people?role=consulting_teacher');
    assert.equal(r.json().total, 3);
    assert.ok(r.json().items.every(p => p.roles.some(x => x.role === 'consulting_teacher')));
    r = await call('GET', '/api/v1/people?school_id=2');
    assert.equal(r.json().total, Number(scalar(srv.db, 'SELECT COUNT(*) FROM person WHERE school_id = 2;')));
    assert.ok(r.json().items.every(p => p.school_id === 2));

    assertError(await call('GET', '/api/v1/people?per_page=0'), 400, 'bad_request', 'per_page');
    assertError(await call('GET', '/api/v1/people?per_page=201'), 400, 'bad_request', 'per_page');
    assertError(await call('GET', '/api/v1/people?page=x'), 400, 'bad_request', 'page');
    assertError(await call('GET', '/api/v1/people?role=king'), 400, 'bad_request', 'role');
    assertError(await call('GET', '/api/v1/people?school_id=-1'), 400, 'bad_request', 'school_id');
});

test('POST /api/v1/people creates (201 + Location); GET reads it back', async () => {
    const r = await call('POST', '/api/v1/people', newPerson());
    assert.equal(r.status, 201, r.text);
    const p = r.json();
    assert.equal(r.headers.get('location'), `/api/v1/people/${p.id}`);
    assert.deepEqual({ ...p, id: 0 }, { id: 0, name: 'Api Person', email: 'api.person@parley.test', employee_id: '',
        school_id: 2, school_name: 'Lincoln Park Middle School', union_member: true, full_time: false,
        district_year: 7, years_in_district: 6, job_type: 'cosess', version: 1, roles: [] });
    const g = await call('GET', r.headers.get('location'));
    assert.equal(g.status, 200);
    assert.deepEqual(g.json(), p);
    assertError(await call('GET', '/api/v1/people/999999'), 404, 'not_found', null);
});

test('PATCH changes only what is sent; a stale version is a 409', async () => {
    const p = (await call('POST', '/api/v1/people', newPerson({ email: 'patch.me@parley.test', name: 'Patch Me' }))).json();
    let r = await call('PATCH', `/api/v1/people/${p.id}`, { name: 'Patched Name', school_id: null });
    assert.equal(r.status, 200, r.text);
    const q = r.json();
    assert.deepEqual(q, { ...p, name: 'Patched Name', school_id: null, school_name: '', version: 2 });

    r = await call('PATCH', `/api/v1/people/${p.id}`, { years_in_district: 9, version: 2 });
    assert.equal(r.status, 200);
    assert.equal(r.json().years_in_district, 9);
    assert.equal(r.json().district_year, 10, 'R1: nine full years behind them, in their 10th year');
    assert.equal(r.json().version, 3);

    const before = writeCounts(srv.db);
    const e = assertError(await call('PATCH', `/api/v1/people/${p.id}`, { name: 'Stale Write', version: 2 }), 409, 'conflict', null);
    assert.match(e.message, /Someone else changed this first/);
    assert.deepEqual(writeCounts(srv.db), before);
    assert.equal((await call('GET', `/api/v1/people/${p.id}`)).json().name, 'Patched Name', 'the stale write changed nothing');

    assertError(await call('PATCH', '/api/v1/people/999999', { name: 'Nobody' }), 404, 'not_found');
    r = await call('PATCH', `/api/v1/schools/3`, { address: '9 River Rd' });
    assert.equal(r.status, 200);
});

test('strict bodies: a wrong type, an unknown field, a non-object: 400 naming it, nothing written', async () => {
    const id = personId(srv.db, 'teacher3@parley.test');
    const before = writeCounts(srv.db);
    const cases = [
        ['POST', '/api/v1/people', newPerson({ email: 't1@parley.test', years_in_district: 'five' }), 'years_in_district', /whole number/],
        ['POST', '/api/v1/people', newPerson({ email: 't2@parley.test', years_in_district: 2.5 }), 'years_in_district', /whole number/],
        ['POST', '/api/v1/people', newPerson({ email: 't3@parley.test', union_member: 'yes' }), 'union_member', /true or false/],
        ['POST', '/api/v1/people', newPerson({ email: 't4@parley.test', school_id: '2' }), 'school_id', /whole number or null/],
        ['POST', '/api/v1/people', newPerson({ email: 't5@parley.test', name: 42 }), 'name', /must be a string/],
        ['POST', '/api/v1/people', newPerson({ email: 't6@parley.test', colour: 'blue' }), 'colour', /Unknown field 'colour'/],
        ['POST', '/api/v1/people', newPerson({ email: 'not an email' }), 'email', /email address/],
        ['POST', '/api/v1/people', newPerson({ email: DEMO.union_rep }), 'email', /already has this email/],
        ['POST', '/api/v1/people', newPerson({ email: 't7@parley.test', job_type: 'wizard' }), 'job_type', undefined],
        ['POST', '/api/v1/people', newPerson({ email: 't8@parley.test', school_id: 424242 }), 'school_id', /Choose a school/],
        ['POST', '/api/v1/people', newPerson({ email: 't9@parley.test', version: 1 }), 'version', /Unknown field/],
        ['PATCH', `/api/v1/people/${id}`, { full_time: 1 }, 'full_time', /true or false/],
        ['PATCH', `/api/v1/people/${id}`, { nickname: 'x' }, 'nickname', /Unknown field/],
        ['PATCH', `/api/v1/people/${id}`, { version: '1' }, 'version', /whole number/],
        ['PATCH', `/api/v1/people/${id}`, { years_in_district: 61 }, 'district_year', /from 1 to 60/],
        ['PATCH', `/api/v1/people/${id}`, { district_year: 0 }, 'district_year', /from 1 to 60/],
        ['PATCH', `/api/v1/people/${id}`, { district_year: 3, years_in_district: 3 }, 'years_in_district', /send district_year alone/],
        ['POST', '/api/v1/schools', { name: 'S', code: 5 }, 'code', /must be a string/],
        ['POST', '/api/v1/schools', { name: 'S', code: 'S1', phone: '1' }, 'phone', /Unknown field/],
        ['POST', '/api/v1/schools', { name: '', code: 'S2' }, 'name', undefined],
        ['POST', '/api/v1/schools', { name: 'Fresh Name', code: 'HVES' }, 'code', /already has this code/],
        // the API does not trim as a form does: blanks are refused, not stored
        ['POST', '/api/v1/schools', { name: 'Fresh Name', code: ' HVES' }, 'code', /spaces at the start and the end/],
        ['POST', '/api/v1/schools', { name: 'Harbor View Elementary School ', code: 'HVX' }, 'name', /spaces/],
        ['POST', '/api/v1/people', newPerson({ email: 't10@parley.test', name: '   ' }), 'name', /Enter the person's full name/],
        ['PATCH', `/api/v1/people/${id}`, { employee_id: ' E-1' }, 'employee_id', /spaces/],
        ['PATCH', '/api/v1/schools/1', { name: null }, 'name', /must be a string/],
        ['POST', `/api/v1/people/${id}/roles`, { role: 'emperor' }, 'role', undefined],
        ['POST', `/api/v1/people/${id}/roles`, { role: 'administrator' }, 'school_id', /school/],
        ['POST', `/api/v1/people/${id}/roles`, { role: 'panel_member', seat: 'teacher', appointed_by: 'union_president',
                                                 term_start: '2024-01-01', term_end: '2028-01-02' }, 'term_end', /R29/],
        ['POST', `/api/v1/people/${id}/roles`, { role: 'union_rep', extra: true }, 'extra', /Unknown field/],
    ];
    for (const [method, path, body, field, message] of cases) {
        const e = assertError(await call(method, path, body), 400, 'bad_request', field);
        if (message) assert.match(e.message, message, `${method} ${path} ${JSON.stringify(body)}`);
        assert.deepEqual(writeCounts(srv.db), before, `${method} ${path} ${JSON.stringify(body)}: nothing written`);
    }
    // bodies that are not a JSON object at all
    for (const body of ['[]', '"text"', '42', 'null', '{"name": ', '', '{"name":"a","name":"b"}']) {
        const r = await api.request('POST', '/api/v1/schools', { headers: { ...bearer(coordTok), 'Content-Type': 'application/json' }, body });
        const e = assertError(r, 400, 'bad_request');
        assert.match(e.message, /JSON/, `body ${JSON.stringify(body)}: ${e.message}`);
    }
    assert.deepEqual(writeCounts(srv.db), before);
});

test('roles: list, add (201 + Location), remove (204); the last coordinator stays (409)', async () => {
    const p = (await call('POST', '/api/v1/people', newPerson({ email: 'roles.api@parley.test', name: 'Roles Api' }))).json();
    let r = await call('GET', `/api/v1/people/${p.id}/roles`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json(), { items: [], total: 0 });
    r = await call('POST', `/api/v1/people/${p.id}/roles`, { role: 'panel_member', seat: 'principal',
        appointed_by: 'district', term_start: '2025-07-01', term_end: '2029-07-01' });
    assert.equal(r.status, 201, r.text);
    const role = r.json();
    assert.equal(r.headers.get('location'), `/api/v1/people/${p.id}/roles/${role.id}`);
    assert.deepEqual(role, { id: role.id, role: 'panel_member', school_id: null, seat: 'principal',
        appointed_by: 'district', term_start: '2025-07-01', term_end: '2029-07-01' });
    r = await call('POST', `/api/v1/people/${p.id}/roles`, { role: 'administrator', school_id: 4 });
    assert.equal(r.status, 201);
    r = await call('GET', `/api/v1/people/${p.id}/roles`);
    assert.equal(r.json().total, 2);
    assert.deepEqual(r.json().items.map(x => x.role).sort(), ['administrator', 'panel_member']);

    r = await call('DELETE', `/api/v1/people/${p.id}/roles/${role.id}`);
    assert.equal(r.status, 204);
    assert.equal(r.text, '');
    assertError(await call('DELETE', `/api/v1/people/${p.id}/roles/${role.id}`), 404, 'not_found');
    assertError(await call('DELETE', `/api/v1/people/999999/roles/1`), 404, 'not_found');
    assert.equal((await call('GET', `/api/v1/people/${p.id}/roles`)).json().total, 1);

    const me = personId(srv.db, DEMO.coordinator);
    const coordRole = scalar(srv.db, `SELECT id FROM person_role WHERE person_id = ${me} AND role = 'coordinator';`);
    const e = assertError(await call('DELETE', `/api/v1/people/${me}/roles/${coordRole}`), 409, 'conflict');
    assert.match(e.message, /coordinator/);
    assert.match(e.message, /someone else/i, "it says what to do");
});

test('schools: list, create (201 + Location), get, patch; stale version 409', async () => {
    let r = await call('GET', '/api/v1/schools');
    assert.equal(r.status, 200);
    const n = Number(scalar(srv.db, 'SELECT COUNT(*) FROM school;'));
    assert.equal(r.json().total, n);
    assert.ok(r.json().items.every(s => s.id && s.name && s.code && typeof s.people === 'number'));
    r = await call('GET', '/api/v1/schools?q=Riverside');
    assert.deepEqual(r.json().items.map(s => s.code), ['RHS']);

    r = await call('POST', '/api/v1/schools', { name: 'Api High', code: 'APH', address: '1 Api Way' });
    assert.equal(r.status, 201, r.text);
    const s = r.json();
    assert.equal(r.headers.get('location'), `/api/v1/schools/${s.id}`);
    assert.deepEqual(s, { id: s.id, name: 'Api High', code: 'APH', address: '1 Api Way', version: 1, people: 0 });
    r = await call('GET', `/api/v1/schools/${s.id}`);
    assert.deepEqual(r.json(), s);
    r = await call('PATCH', `/api/v1/schools/${s.id}`, { code: 'APIH', version: 1 });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json(), { ...s, code: 'APIH', version: 2 });
    assertError(await call('PATCH', `/api/v1/schools/${s.id}`, { code: 'OLD', version: 1 }), 409, 'conflict');
    assert.equal((await call('GET', `/api/v1/schools/${s.id}`)).json().code, 'APIH');
    assertError(await call('GET', '/api/v1/schools/999999'), 404, 'not_found');
});

test('401 without a token, 403 for a teacher on coordinator endpoints, 404 for another person', async () => {
    const anon = new Client(srv.base);
    for (const path of ['/api/v1/me', '/api/v1/people', '/api/v1/schools', '/api/v1/people/1']) {
        assertError(await anon.get(path), 401, 'unauthenticated', null);
        assertError(await anon.get(path, { headers: { Authorization: 'Bearer nonsense' } }), 401, 'unauthenticated');
        assertError(await anon.get(path, { headers: { Authorization: `Basic ${coordTok}` } }), 401, 'unauthenticated');
    }
    const before = writeCounts(srv.db);
    const coordId = personId(srv.db, DEMO.coordinator);
    for (const [method, path, body] of [['GET', '/api/v1/people'], ['POST', '/api/v1/people', newPerson({ email: 'x9@parley.test' })],
                                        ['GET', '/api/v1/schools'], ['POST', '/api/v1/schools', { name: 'T', code: 'T' }],
                                        ['GET', '/api/v1/schools/1'], ['PATCH', '/api/v1/schools/1', { name: 'T' }],
                                        ['PATCH', `/api/v1/people/${coordId}`, { name: 'T' }],
                                        ['POST', `/api/v1/people/${coordId}/roles`, { role: 'coordinator' }],
                                        ['DELETE', `/api/v1/people/${coordId}/roles/1`]]) {
        const e = assertError(await call(method, path, body, teacherTok), 403, 'forbidden', null);
        assert.match(e.message, /Only the program coordinator/);
    }
    assert.deepEqual(writeCounts(srv.db), before, 'nothing a teacher was refused was written');

    const own = personId(srv.db, DEMO.participating_teacher);
    let r = await call('GET', `/api/v1/people/${own}`, undefined, teacherTok);
    assert.equal(r.status, 200);
    assert.equal(r.json().email, DEMO.participating_teacher);
    r = await call('GET', `/api/v1/people/${own}/roles`, undefined, teacherTok);
    assert.equal(r.status, 200);
    assertError(await call('GET', `/api/v1/people/${coordId}`, undefined, teacherTok), 404, 'not_found');
    assertError(await call('GET', `/api/v1/people/${coordId}/roles`, undefined, teacherTok), 404, 'not_found');
    assertError(await call('GET', '/api/v1/people/999999', undefined, teacherTok), 404, 'not_found');
    assertError(await call('PATCH', `/api/v1/people/${own}`, { name: 'Self Edit' }, teacherTok), 403, 'forbidden');
});

test('the OpenAPI document is valid JSON, OpenAPI 3.0, with every /api/v1 route and method', async () => {
    const r = await new Client(srv.base).get('/api/v1/openapi.json');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    const doc = r.json();
    assert.match(doc.openapi, /^3\.0\.\d+$/);
    assert.ok(doc.info.title && doc.info.version);
    const routes = JSON.parse(parley(['routes']).out).filter(rt => rt.pattern.startsWith('/api/v1/'));
    const want = {};
    for (const rt of routes) (want[rt.pattern] ||= []).push(rt.method.toLowerCase());
    const have = Object.fromEntries(Object.entries(doc.paths).map(([p, ops]) =>
        [p, Object.keys(ops).filter(k => ['get', 'post', 'put', 'patch', 'delete'].includes(k)).sort()]));
    for (const k of Object.keys(want)) want[k].sort();
    assert.deepEqual(have, want);
    // every $ref points at a schema that exists
    const refs = [...r.text.matchAll(/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/g)].map(m => m[1]);
    assert.ok(refs.length > 0);
    for (const ref of refs) assert.ok(doc.components.schemas[ref], `schema ${ref}`);
});
