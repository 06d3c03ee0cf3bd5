// people.test.mjs: the coordinator's forms for people, schools and roles,
// through the HTML pages as a browser sends them: add, view, change, search,
// pages of results, roles (R29 for Panel terms), the last coordinator, and
// bad input on every form (a 400 naming the field, nothing written).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, bearer } from './harness.mjs';
import { DEMO, writeCounts, personId, token, scalar, decode, inputValue, fieldError, namesRule } from './records.mjs';

let srv, coord, csrf;
before(async () => {
    srv = await startServer();
    coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    csrf = await coord.csrf('/dashboard');   // a session's token serves all its forms
});
after(async () => { await srv.stop(); });

// Posts a form with the session's CSRF token (no page is loaded first, so
// nothing but the post itself can write).
function post(path, form, client = coord, token = csrf) {
    return client.request('POST', path, { form: { csrf: token, ...form } });
}

const person = (over = {}) => ({
    name: 'Pat Example', email: 'pat.example@parley.test', employee_id: 'E-100', school_id: '1',
    union_member: 'yes', full_time: 'yes', district_year: '7', job_type: 'classroom_teacher',
    ...over,
});

async function addPerson(over) {
    const r = await post('/people', person(over));
    assert.equal(r.status, 303, `adding a person: ${r.status}`);
    return Number(r.headers.get('location').match(/^\/people\/(\d+)$/)[1]);
}

async function version(path) {
    const r = await coord.get(path);
    assert.equal(r.status, 200);
    return inputValue(r.text, 'version');
}

test('a coordinator adds a person, sees the record, and changes it', async () => {
    const id = await addPerson({ name: 'Quinn Adder', email: 'Quinn.Adder@Parley.test', employee_id: 'E-501',
                                 school_id: '2', district_year: '4', job_type: 'nurse' });
    let r = await coord.get(`/people/${id}`);
    assert.equal(r.status, 200);
    const text = decode(r.text);
    assert.match(text, /<h1>Quinn Adder<\/h1>/);
    assert.match(text, /quinn\.adder@parley\.test/, 'the email is stored lower-case');
    assert.match(text, /E-501/);
    assert.match(text, /Lincoln Park Middle School/);
    assert.match(text, /School nurse/);
    assert.match(text, /Quinn Adder was added\./, 'the flash message says what happened');

    r = await coord.get(`/people/${id}/edit`);
    assert.equal(r.status, 200);
    assert.equal(inputValue(r.text, 'name'), 'Quinn Adder', 'the edit form starts from the record');
    assert.equal(inputValue(r.text, 'email'), 'quinn.adder@parley.test');
    const v = inputValue(r.text, 'version');
    r = await post(`/people/${id}`, person({ name: 'Quinn Changed', email: 'quinn.adder@parley.test',
                                              school_id: '3', district_year: '5', version: v }));
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), `/people/${id}`);
    r = await coord.get(`/people/${id}`);
    assert.match(r.text, /<h1>Quinn Changed<\/h1>/);
    assert.match(r.text, /Riverside High School/);
    assert.equal(scalar(srv.db, `SELECT name || '|' || school_id || '|' || district_year || '|' || version FROM person WHERE id = ${id};`),
                 `Quinn Changed|3|5|${Number(v) + 1}`);
});

test('the people list searches by words, school and role', async () => {
    await addPerson({ name: 'Searchable Zed', email: 'zed.search@parley.test', employee_id: 'EMP-ZED-9', school_id: '4' });
    const list = async qs => {
        const r = await coord.get(`/people?${qs}`);
        assert.equal(r.status, 200);
        return decode(r.text);
    };
    let t = await list('q=Searchable');
    assert.match(t, /1 person found/);
    assert.match(t, /Searchable Zed/);
    t = await list('q=' + encodeURIComponent('zed.search@'));
    assert.match(t, /Searchable Zed/, 'searches emails');
    t = await list('q=EMP-ZED');
    assert.match(t, /Searchable Zed/, 'searches employee ids');
    t = await list('q=nobody-is-called-this');
    assert.match(t, /0 people found/);

    t = await list('school_id=4');
    assert.match(t, /Searchable Zed/);
    const inSchool4 = Number(scalar(srv.db, 'SELECT COUNT(*) FROM person WHERE school_id = 4;'));
    assert.match(t, new RegExp(`${inSchool4} (person|people) found`));
    assert.doesNotMatch(t, /<td[^>]*>coordinator@parley\.test<\/td>/, 'the coordinator has no school 4');

    t = await list('role=panel_member');
    const panel = Number(scalar(srv.db, "SELECT COUNT(DISTINCT person_id) FROM person_role WHERE role = 'panel_member';"));
    assert.match(t, new RegExp(`${panel} people found`));
    assert.match(t, /<td[^>]*>panel@parley\.test<\/td>/);
    assert.doesNotMatch(t, /<td[^>]*>teacher@parley\.test<\/td>/);

    t = await list('q=Searchable&role=panel_member');
    assert.match(t, /0 people found/, 'filters combine');
});

test('more than 25 people are shown in pages of 25', async () => {
    const tok = token(srv.db, DEMO.coordinator);
    const c = new Client(srv.base);
    for (let i = 0; i < 12; i++) {
        const r = await c.request('POST', '/api/v1/people', { headers: bearer(tok), json: {
            name: `Paged Person ${String(i).padStart(2, '0')}`, email: `paged${i}@parley.test`,
            years_in_district: 3, job_type: 'classroom_teacher' } });
        assert.equal(r.status, 201);
    }
    const total = Number(scalar(srv.db, 'SELECT COUNT(*) FROM person WHERE program_id = 1;'));
    assert.ok(total > 25, `there are ${total} people`);
    let r = await coord.get('/people');
    assert.match(r.text, /<nav class="pagination"/);
    assert.match(r.text, new RegExp(`Page 1 of ${Math.ceil(total / 25)} \\(${total} in all\\)`));
    assert.equal((r.text.match(/<tr><td[^>]*><a href="\/people\/\d+">/g) || []).length, 25);
    assert.match(r.text, /href="\/people\?q=&amp;page=2"|href="\/people\?q=&page=2"/);
    r = await coord.get('/people?page=2');
    assert.equal(r.status, 200);
    assert.equal((r.text.match(/<tr><td[^>]*><a href="\/people\/\d+">/g) || []).length, total - 25);
    assert.match(r.text, /Page 2 of/);
    // the filters survive paging
    r = await coord.get('/people?q=Paged&role=&page=1');
    assert.doesNotMatch(r.text, /<nav class="pagination"/, '12 matches fit on one page');
});

test('roles: an administrator needs a school; R29: a Panel member needs seat, appointer and a term of at most 4 years', async () => {
    const id = await addPerson({ name: 'Role Taker', email: 'role.taker@parley.test' });
    const before = writeCounts(srv.db);

    let r = await post(`/people/${id}/roles`, { role: 'administrator', school_id: '' });
    assert.equal(r.status, 400);
    assert.equal(fieldError(r.text, 'school_id'), 'An administrator belongs to a school: choose one.');

    r = await post(`/people/${id}/roles`, { role: 'panel_member' });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'seat'), /teacher or principal/);
    assert.ok(fieldError(r.text, 'appointed_by') && namesRule(r.text, 29), 'beside the field, R29 by its title');
    assert.match(fieldError(r.text, 'term_start'), /YYYY-MM-DD/);
    assert.match(fieldError(r.text, 'term_end'), /YYYY-MM-DD/);

    const panel = { role: 'panel_member', seat: 'teacher', appointed_by: 'union_president',
                    term_start: '2025-09-01', term_end: '2029-09-02' };
    r = await post(`/people/${id}/roles`, panel);
    assert.equal(r.status, 400, 'R29: a term of 4 years and a day is refused');
    assert.equal(fieldError(r.text, 'term_end'), 'A Panel term lasts at most 4 years.');
    assert.match(r.text, /<option value="union_president" selected>/, 'what was chosen is kept');
    assert.equal(inputValue(r.text, 'term_end'), '2029-09-02');

    r = await post(`/people/${id}/roles`, { ...panel, term_end: '2025-08-31' });
    assert.equal(r.status, 400, 'a term that ends before it starts is refused');
    assert.equal(fieldError(r.text, 'term_end'), 'The term must end after it starts.');
    r = await post(`/people/${id}/roles`, { ...panel, term_end: '2025-09-01' });
    assert.equal(r.status, 400, 'a term that ends the day it starts is refused');
    assert.deepEqual(writeCounts(srv.db), before, 'no refused role was written');

    r = await post(`/people/${id}/roles`, { ...panel, term_end: '2029-09-01' });
    assert.equal(r.status, 303, 'R29: exactly 4 years is allowed');
    r = await post(`/people/${id}/roles`, { role: 'administrator', school_id: '3' });
    assert.equal(r.status, 303);
    r = await coord.get(`/people/${id}`);
    const t = decode(r.text);
    assert.match(t, /Panel Member/);
    assert.match(t, /teacher seat, appointed by the union president, 2025-09-01 to 2029-09-01/);
    assert.match(t, /<td[^>]*>Administrator<\/td><td[^>]*>Riverside High School/);

    r = await post(`/people/${id}/roles`, { role: 'administrator', school_id: '3' });
    assert.equal(r.status, 400);
    assert.equal(fieldError(r.text, 'role'), 'This person already holds that role.');
});

test('a role is removed; the last coordinator\'s role cannot be (409)', async () => {
    const id = await addPerson({ name: 'Role Loser', email: 'role.loser@parley.test' });
    let r = await post(`/people/${id}/roles`, { role: 'consulting_teacher' });
    assert.equal(r.status, 303);
    const roleId = scalar(srv.db, `SELECT id FROM person_role WHERE person_id = ${id} AND role = 'consulting_teacher';`);
    r = await coord.get(`/people/${id}`);
    assert.match(r.text, new RegExp(`action="/people/${id}/roles/${roleId}/delete"`), 'the page offers the removal');
    r = await post(`/people/${id}/roles/${roleId}/delete`, {});
    assert.equal(r.status, 303);
    assert.equal(scalar(srv.db, `SELECT COUNT(*) FROM person_role WHERE id = ${roleId};`), '0');
    r = await post(`/people/${id}/roles/${roleId}/delete`, {});
    assert.equal(r.status, 404, 'a role already removed is not found');

    const me = personId(srv.db, DEMO.coordinator);
    const coordRole = scalar(srv.db, `SELECT id FROM person_role WHERE person_id = ${me} AND role = 'coordinator';`);
    assert.equal(scalar(srv.db, "SELECT COUNT(*) FROM person_role WHERE role = 'coordinator';"), '1');
    const before = writeCounts(srv.db);
    r = await post(`/people/${me}/roles/${coordRole}/delete`, {});
    assert.equal(r.status, 409);
    assert.match(decode(r.text), /This is the program's last coordinator\. Give someone else the coordinator role first\./);
    assert.deepEqual(writeCounts(srv.db), before);

    // With a second coordinator, one of the two may go.
    r = await post(`/people/${id}/roles`, { role: 'coordinator' });
    assert.equal(r.status, 303);
    const second = scalar(srv.db, `SELECT id FROM person_role WHERE person_id = ${id} AND role = 'coordinator';`);
    r = await post(`/people/${id}/roles/${second}/delete`, {});
    assert.equal(r.status, 303);
});

test('a refused form shows each message beside its field and keeps what was typed', async () => {
    const before = writeCounts(srv.db);
    const r = await post('/people', person({ name: '', email: 'not-an-email', employee_id: 'KEEP-ME-42',
                                             district_year: '12', job_type: 'spc_teacher', school_id: '5' }));
    assert.equal(r.status, 400);
    assert.equal(fieldError(r.text, 'name'), "Enter the person's full name.");
    assert.equal(fieldError(r.text, 'email'), 'Enter an email address in the form name@school.org.');
    assert.match(r.text, /<input type="text" id="f-name" name="name" aria-describedby="e-name" aria-invalid="true"/);
    assert.match(r.text, /<div class="error-summary" role="alert"[^]*href="#f-name"[^]*href="#f-email"/);
    assert.equal(inputValue(r.text, 'email'), 'not-an-email');
    assert.equal(inputValue(r.text, 'employee_id'), 'KEEP-ME-42');
    assert.equal(inputValue(r.text, 'district_year'), '12');
    assert.match(r.text, /<option value="spc_teacher" selected>/);
    assert.match(r.text, /<option value="5" selected>/);
    assert.match(r.text, /id="f-union_member-yes" name="union_member" value="yes" checked/);
    assert.equal(fieldError(r.text, 'employee_id'), null, 'a good answer has no message');
    assert.deepEqual(writeCounts(srv.db), before);
});

test('bad input on every form: a 400 naming the field, and nothing written', async () => {
    const pid = await addPerson({ name: 'Bad Input Target', email: 'bad.target@parley.test' });
    const sid = Number((await post('/schools', { name: 'Bad Input School', code: 'BIS', address: '' }))
        .headers.get('location').split('/').pop());
    const pv = await version(`/people/${pid}/edit`);
    const sv = await version(`/schools/${sid}/edit`);
    const long = 'x'.repeat(201);
    const cases = [
        // [path, form, field]
        ['/people', person({ email: 'p1@parley.test', name: '' }), 'name'],
        ['/people', person({ email: 'p1@parley.test', name: long }), 'name'],
        ['/people', person({ email: 'p1@parley.test', name: 'Two\nLines' }), 'name'],
        ['/people', person({ email: '' }), 'email'],
        ['/people', person({ email: 'a@b' }), 'email'],
        ['/people', person({ email: 'two@@parley.test' }), 'email'],
        ['/people', person({ email: 'p1@parley.test', employee_id: 'E'.repeat(41) }), 'employee_id'],
        ['/people', person({ email: 'p1@parley.test', school_id: '99999' }), 'school_id'],
        ['/people', person({ email: 'p1@parley.test', school_id: 'abc' }), 'school_id'],
        ['/people', person({ email: 'p1@parley.test', union_member: 'maybe' }), 'union_member'],
        ['/people', person({ email: 'p1@parley.test', full_time: 'sometimes' }), 'full_time'],
        ['/people', person({ email: 'p1@parley.test', district_year: '' }), 'district_year'],
        ['/people', person({ email: 'p1@parley.test', district_year: '-1' }), 'district_year'],
        ['/people', person({ email: 'p1@parley.test', district_year: '0' }), 'district_year'],   // R1: the first year is 1
        ['/people', person({ email: 'p1@parley.test', district_year: '61' }), 'district_year'],
        ['/people', person({ email: 'p1@parley.test', district_year: '3.5' }), 'district_year'],
        ['/people', person({ email: 'p1@parley.test', job_type: 'astronaut' }), 'job_type'],
        ['/people', person({ email: 'p1@parley.test', job_type: '' }), 'job_type'],
        [`/people/${pid}`, person({ email: 'bad.target@parley.test', name: '', version: pv }), 'name'],
        [`/people/${pid}`, person({ email: 'nope', version: pv }), 'email'],
        [`/people/${pid}`, person({ email: 'bad.target@parley.test', district_year: 'many', version: pv }), 'district_year'],
        [`/people/${pid}`, person({ email: 'bad.target@parley.test', school_id: '424242', version: pv }), 'school_id'],
        [`/people/${pid}`, person({ email: 'bad.target@parley.test', job_type: 'pilot', version: pv }), 'job_type'],
        ['/schools', { name: '', code: 'NEW1', address: '' }, 'name'],
        ['/schools', { name: 'New School', code: '', address: '' }, 'code'],
        ['/schools', { name: 'New School', code: 'C'.repeat(41), address: '' }, 'code'],
        ['/schools', { name: long, code: 'NEW2', address: '' }, 'name'],
        ['/schools', { name: 'New School', code: 'NEW3', address: 'a\nb' }, 'address'],
        [`/schools/${sid}`, { name: '', code: 'BIS', address: '', version: sv }, 'name'],
        [`/schools/${sid}`, { name: 'Bad Input School', code: '', address: '', version: sv }, 'code'],
        [`/people/${pid}/roles`, { role: '' }, 'role'],
        [`/people/${pid}/roles`, { role: 'king' }, 'role'],
        [`/people/${pid}/roles`, { role: 'administrator', school_id: '' }, 'school_id'],
        [`/people/${pid}/roles`, { role: 'administrator', school_id: '99999' }, 'school_id'],
        [`/people/${pid}/roles`, { role: 'panel_member', seat: 'throne', appointed_by: 'X', term_start: '2025-01-01', term_end: '2026-01-01' }, 'seat'],
        [`/people/${pid}/roles`, { role: 'panel_member', seat: 'teacher', appointed_by: '', term_start: '2025-01-01', term_end: '2026-01-01' }, 'appointed_by'],
        [`/people/${pid}/roles`, { role: 'panel_member', seat: 'teacher', appointed_by: 'X', term_start: '2025-13-01', term_end: '2026-01-01' }, 'term_start'],
        [`/people/${pid}/roles`, { role: 'panel_member', seat: 'teacher', appointed_by: 'X', term_start: '2025-01-01', term_end: 'soon' }, 'term_end'],
        [`/people/${pid}/roles`, { role: 'panel_member', seat: 'principal', appointed_by: 'X', term_start: '2025-01-01', term_end: '2030-01-01' }, 'term_end'],
    ];
    const before = writeCounts(srv.db);
    for (const [path, form, field] of cases) {
        const r = await post(path, form);
        const what = `${path} ${JSON.stringify(form).slice(0, 120)}`;
        assert.equal(r.status, 400, what);
        assert.ok(fieldError(r.text, field), `${what}: a message beside ${field}`);
        assert.match(r.text, new RegExp(`<a href="#f-${field}">`), `${what}: the summary links to ${field}`);
        assert.deepEqual(writeCounts(srv.db), before, `${what}: nothing written`);
    }
    assert.equal(scalar(srv.db, `SELECT name || '|' || version FROM person WHERE id = ${pid};`), `Bad Input Target|${pv}`);
    assert.equal(scalar(srv.db, `SELECT name || '|' || version FROM school WHERE id = ${sid};`), `Bad Input School|${sv}`);
});

test('a duplicate email or school code is a field error, and nothing is written', async () => {
    await addPerson({ name: 'First Holder', email: 'holder@parley.test' });
    const other = await addPerson({ name: 'Second Holder', email: 'holder2@parley.test' });
    const v = await version(`/people/${other}/edit`);
    const before = writeCounts(srv.db);
    let r = await post('/people', person({ name: 'Copycat', email: 'HOLDER@parley.test' }));
    assert.equal(r.status, 400);
    assert.equal(fieldError(r.text, 'email'), 'Another person already has this email address.');
    r = await post(`/people/${other}`, person({ name: 'Second Holder', email: 'holder@parley.test', version: v }));
    assert.equal(r.status, 400);
    assert.equal(fieldError(r.text, 'email'), 'Another person already has this email address.');

    r = await post('/schools', { name: 'A Fresh Name', code: 'HVES', address: '' });
    assert.equal(r.status, 400);
    assert.equal(fieldError(r.text, 'code'), 'Another school already has this code.');
    r = await post('/schools', { name: 'Harbor View Elementary School', code: 'NEWC', address: '' });
    assert.equal(r.status, 400);
    assert.equal(fieldError(r.text, 'name'), 'Another school already has this name.');
    const sv = await version('/schools/2/edit');
    r = await post('/schools/2', { name: 'Lincoln Park Middle School', code: 'RHS', address: '', version: sv });
    assert.equal(r.status, 400);
    assert.equal(fieldError(r.text, 'code'), 'Another school already has this code.');
    assert.deepEqual(writeCounts(srv.db), before);
});

test('schools: add, view, search and change', async () => {
    let r = await post('/schools', { name: 'Orchard Street School', code: 'OSS', address: '1 Orchard St' });
    assert.equal(r.status, 303);
    const sid = r.headers.get('location').split('/').pop();
    r = await coord.get(`/schools/${sid}`);
    assert.equal(r.status, 200);
    assert.match(r.text, /<h1>Orchard Street School<\/h1>/);
    assert.match(r.text, /1 Orchard St/);
    r = await coord.get('/schools?q=Orchard');
    assert.match(r.text, new RegExp(`<a href="/schools/${sid}">Orchard Street School</a>`));
    assert.doesNotMatch(r.text, /Riverside High School/);
    const v = await version(`/schools/${sid}/edit`);
    r = await post(`/schools/${sid}`, { name: 'Orchard Street Academy', code: 'OSA', address: '', version: v });
    assert.equal(r.status, 303);
    assert.equal(scalar(srv.db, `SELECT name || '|' || code || '|' || version FROM school WHERE id = ${sid};`),
                 `Orchard Street Academy|OSA|${Number(v) + 1}`);
    r = await coord.get('/schools/999999');
    assert.equal(r.status, 404);
});

test('two people change one record at once: the first wins, the second gets 409 and a clear message', async () => {
    const id = await addPerson({ name: 'Contested Record', email: 'contested@parley.test' });
    const second = new Client(srv.base);
    await second.login(DEMO.coordinator);
    const [a, b] = await Promise.all([coord.get(`/people/${id}/edit`), second.get(`/people/${id}/edit`)]);
    const va = inputValue(a.text, 'version'), vb = inputValue(b.text, 'version');
    assert.equal(va, vb, 'both loaded the same version');
    const csrfB = inputValue(b.text, 'csrf');
    let r = await post(`/people/${id}`, person({ name: 'Changed By First', email: 'contested@parley.test', version: va }));
    assert.equal(r.status, 303);
    const before = writeCounts(srv.db);
    r = await post(`/people/${id}`, person({ name: 'Changed By Second', email: 'contested@parley.test', version: vb }), second, csrfB);
    assert.equal(r.status, 409);
    assert.match(r.text, /Someone else changed this first/);
    assert.match(r.text, /Nothing of yours was saved/);
    assert.deepEqual(writeCounts(srv.db), before);
    assert.equal(scalar(srv.db, `SELECT name FROM person WHERE id = ${id};`), 'Changed By First');

    // the same for a school
    const [sa, sb] = await Promise.all([coord.get('/schools/6/edit'), second.get('/schools/6/edit')]);
    r = await post('/schools/6', { name: 'Northgate First', code: 'NELC', address: '', version: inputValue(sa.text, 'version') });
    assert.equal(r.status, 303);
    r = await post('/schools/6', { name: 'Northgate Second', code: 'NELC', address: '', version: inputValue(sb.text, 'version') }, second, csrfB);
    assert.equal(r.status, 409);
    assert.match(r.text, /Someone else changed this first/);
    assert.equal(scalar(srv.db, 'SELECT name FROM school WHERE id = 6;'), 'Northgate First');
});
