// observations.test.mjs: a case's observations and artifacts (issue 7),
// pages and API. R15: on a PAR case the administrator, the secondary
// evaluator, records observations and uploads artifacts. R16: on a PA case
// the administrator sees none of them, nor news of them on the timeline.
// R18: a PAR cycle without a joint observation is flagged. R19: evidence
// tagged to indicators, feedback shared within feedback_days (late is
// flagged), the teacher's reflection. A draft's save sent twice makes one
// observation; uploads are typed by their content and downloaded as
// attachments; stale versions get 409; bad fields are named.
//
// The demo: case 1 is PA (teacher2, ct2; principal2 is the school's
// administrator), case 2 is PAR (teacher, ct1, principal).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, bearer, sql } from './harness.mjs';
import { token, scalar, count, decode, fieldError, inputValue, namesRule, talliesMatch as tallied } from './records.mjs';

const UPLOAD_LIMIT = 4096;
let srv;
const tok = {};
before(async () => {
    srv = await startServer(['--max-upload-bytes', String(UPLOAD_LIMIT)]);
    for (const who of ['ct1', 'ct2', 'principal', 'principal2', 'teacher', 'teacher2', 'coordinator'])
        tok[who] = token(srv.db, `${who}@parley.test`);
});
after(async () => { await srv.stop(); });

const email = who => `${who}@parley.test`;
async function as(who) {
    const c = new Client(srv.base);
    await c.login(email(who));
    return c;
}
const api = (who, method, path, json) =>
    new Client(srv.base).request(method, path, { headers: bearer(tok[who]), json });
const indicator = code => Number(scalar(srv.db, `SELECT id FROM rubric_indicator WHERE code = '${code}';`));
const main = html => decode(html.slice(html.indexOf('<main'), html.indexOf('</main>')));

// A form as a browser sends it: the page's CSRF token, repeated fields as arrays.
async function send(client, path, fields) {
    const csrf = await client.csrf('/dashboard');
    const pairs = [['csrf', csrf]];
    for (const [k, v] of Object.entries(fields))
        for (const one of Array.isArray(v) ? v : [v]) pairs.push([k, String(one)]);
    return client.request('POST', path, { form: pairs });
}

// A multipart body sent whole, with its length: a server that refuses a
// body too large from its length answers before reading it, and a body
// still streaming then would meet a closed connection.
async function multipart(form) {
    const res = new Response(form);
    const body = Buffer.from(await res.arrayBuffer());
    return { body, headers: { 'Content-Type': res.headers.get('content-type'), 'Content-Length': String(body.length) } };
}

async function upload(client, caseId, { title, name, content, type = 'text/plain', indicators = [] }) {
    const body = new FormData();
    body.set('csrf', await client.csrf('/dashboard'));
    body.set('title', title);
    body.set('description', 'From the test.');
    for (const i of indicators) body.append('indicators', String(i));
    if (content !== undefined) body.set('file', new Blob([content], { type }), name);
    return client.request('POST', `/cases/${caseId}/artifacts`, await multipart(body));
}

// Dates as the program sees them: its time zone's.
const zone = () => scalar(srv.db, 'SELECT time_zone FROM program WHERE id = 1;');
const dayOf = ms => new Intl.DateTimeFormat('en-CA', { timeZone: zone() }).format(new Date(ms));
const today = () => dayOf(Date.now());
const daysAgo = n => {
    const d = new Date(`${today()}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - n);
    return d.toISOString().slice(0, 10);
};
const observation = (over = {}) => ({
    draft_key: `test-${Math.random().toString(16).slice(2)}`, announced: 'no', observed_on: today(),
    minutes: '35', observers: 'ct', notes: 'Group work on ratios.', feedback: '', indicators: [], ...over,
});
const idOf = key => Number(scalar(srv.db, `SELECT id FROM observation WHERE draft_key = '${key}';`));

test('R15: the PAR administrator records an observation and uploads an artifact, pages and API', async () => {
    const principal = await as('principal');
    const o = observation({ observers: 'administrator', notes: 'Walkthrough at 9:10.' });
    let r = await send(principal, '/cases/2/observations', o);
    assert.equal(r.status, 303, r.text);
    const id = idOf(o.draft_key);
    assert.equal(r.headers.get('location'), `/cases/2/observations/${id}`);
    assert.equal(scalar(srv.db, `SELECT observers FROM observation WHERE id = ${id};`), 'administrator');

    r = await upload(principal, 2, { title: 'Walkthrough notes', name: 'walk.txt', content: 'Objectives posted.\n' });
    assert.equal(r.status, 303, r.text);
    assert.equal(count(srv.db, 'artifact', "case_id = 2 AND title = 'Walkthrough notes'"), 1);

    r = await api('principal', 'POST', '/api/v1/cases/2/observations',
                  { announced: true, observed_on: today(), minutes: 20, observers: 'administrator' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json().observers, 'administrator');
    assert.equal(r.headers.get('location'), `/api/v1/cases/2/observations/${r.json().id}`);
    const body = new FormData();
    body.set('title', 'Agenda');
    body.set('file', new Blob(['Agenda for the meeting\n'], { type: 'text/plain' }), 'agenda.txt');
    const sent = await multipart(body);
    r = await new Client(srv.base).request('POST', '/api/v1/cases/2/artifacts',
                                           { body: sent.body, headers: { ...sent.headers, ...bearer(tok.principal) } });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json().media_type, 'text/plain; charset=utf-8');
    assert.equal(r.json().uploaded_by_name, scalar(srv.db, "SELECT name FROM person WHERE email = 'principal@parley.test';"));
    const bytes = await new Client(srv.base).request('GET', r.json().file, { headers: bearer(tok.principal) });
    assert.equal(bytes.status, 200);
    assert.equal(bytes.text, 'Agenda for the meeting\n');
    assert.match(bytes.headers.get('content-disposition'), /^attachment; filename="agenda\.txt"$/);
});

test('R15, R16: on the PA case the administrator is refused every record, page and API', async () => {
    const principal2 = await as('principal2');
    const before = { observation: count(srv.db, 'observation'), artifact: count(srv.db, 'artifact') };
    const artifact = Number(scalar(srv.db, 'SELECT MIN(id) FROM artifact WHERE case_id = 1;'));
    const obs = Number(scalar(srv.db, 'SELECT MIN(id) FROM observation WHERE case_id = 1;'));
    for (const path of ['/cases/1/observations', `/cases/1/observations/${obs}`, '/cases/1/artifacts',
                        `/cases/1/artifacts/${artifact}/file`]) {
        const r = await principal2.get(path);
        assert.equal(r.status, 403, path);
        assert.ok(namesRule(r.text, 15), `${path}: the refusal names the rules (R15, R16) by their heading`);
        assert.doesNotMatch(r.text, /fraction/i, `${path}: nothing of the record shows`);
    }
    let r = await send(principal2, '/cases/1/observations', observation({ observers: 'administrator' }));
    assert.equal(r.status, 403);
    assert.match(decode(r.text), /nothing of a PA case reaches an evaluator/);
    r = await upload(principal2, 1, { title: 'Nope', name: 'nope.txt', content: 'x\n' });
    assert.equal(r.status, 403);
    for (const path of ['/api/v1/cases/1/observations', `/api/v1/cases/1/observations/${obs}`,
                        '/api/v1/cases/1/artifacts', `/api/v1/cases/1/artifacts/${artifact}`]) {
        r = await api('principal2', 'GET', path);
        assert.equal(r.status, 403, path);
        assert.equal(r.json().error.code, 'forbidden');
    }
    r = await api('principal2', 'POST', '/api/v1/cases/1/observations',
                  { announced: true, observed_on: today(), minutes: 20, observers: 'administrator' });
    assert.equal(r.status, 403);
    r = await api('principal2', 'GET', `/api/v1/cases/1/artifacts/${artifact}/file`);
    assert.equal(r.status, 403, 'no download by the API either');
    assert.equal(r.json().error.code, 'forbidden');
    assert.deepEqual({ observation: count(srv.db, 'observation'), artifact: count(srv.db, 'artifact') }, before);
});

test('R16: the PA case page and its timeline show the administrator no observation or artifact', async () => {
    const coord = await as('coordinator');
    const full = main((await coord.get('/cases/1')).text);
    assert.match(full, /Recorded a draft of the observation of/, 'the timeline has the observation');
    assert.match(full, /Added the artifact "Unit plan: fractions"/);
    assert.match(full, /href="\/cases\/1\/observations"/);

    const principal2 = await as('principal2');
    const r = await principal2.get('/cases/1');
    assert.equal(r.status, 200, 'the administrator sees the PA case itself');
    const page = main(r.text);
    assert.doesNotMatch(page, /observation/i);
    assert.doesNotMatch(page, /artifact/i);
    const j = (await api('principal2', 'GET', '/api/v1/cases/1')).json();
    assert.ok(j.timeline.length > 0);
    assert.ok(j.timeline.every(e => !/observation|artifact|reflection/i.test(e.summary)), JSON.stringify(j.timeline));
    // Nor news of them in the inbox.
    const me = Number(scalar(srv.db, "SELECT id FROM person WHERE email = 'principal2@parley.test';"));
    assert.equal(count(srv.db, 'notification', `person_id = ${me} AND message LIKE '%observation%'`), 0);
});

test('R16: in PA the CT observes alone; a joint observation is refused naming R16', async () => {
    const ct2 = await as('ct2');
    const page = main((await ct2.get('/cases/1/observations')).text);
    assert.match(page, /In PA the CT observes alone/);
    assert.doesNotMatch(page, /name="observers" value="joint"/);
    const o = observation({ observers: 'joint' });
    const r = await send(ct2, '/cases/1/observations', o);
    assert.equal(r.status, 400);
    assert.match(main(r.text), /href="#f-observers">In PA the Consulting Teacher observes alone/);
    assert.ok(namesRule(r.text, 16), 'beside the field, R16 by its title');
    assert.equal(count(srv.db, 'observation', `draft_key = '${o.draft_key}'`), 0);
    const a = await api('ct2', 'POST', '/api/v1/cases/1/observations',
                        { announced: true, observed_on: today(), minutes: 20, observers: 'administrator' });
    assert.equal(a.status, 400);
    assert.equal(a.json().error.field, 'observers');
    assert.match(a.json().error.message, /R16/);
});

test('R19: evidence tags are saved and shown; an indicator not in the rubric is refused', async () => {
    const ct1 = await as('ct1');
    const tags = [indicator('II-A'), indicator('III-C')];
    const o = observation({ indicators: tags, notes: 'Read-aloud with questions.' });
    let r = await send(ct1, '/cases/2/observations', o);
    assert.equal(r.status, 303, r.text);
    const id = idOf(o.draft_key);
    assert.deepEqual(sql(srv.db, `SELECT indicator_id FROM evidence WHERE observation_id = ${id} ORDER BY indicator_id;`).map(Number),
                     [...tags].sort((a, b) => a - b));
    const page = main((await ct1.get(`/cases/2/observations/${id}`)).text);
    assert.match(page, /II-A<\/span> Instruction/);
    assert.match(page, /III-C<\/span> Communication/);
    assert.match(page, new RegExp(`id="f-indicator-${tags[0]}" name="indicators" value="${tags[0]}" checked`));
    const j = (await api('ct1', 'GET', `/api/v1/cases/2/observations/${id}`)).json();
    assert.deepEqual(j.indicators.map(t => t.code), ['II-A', 'III-C']);

    r = await send(ct1, '/cases/2/observations', observation({ indicators: [999999] }));
    assert.equal(r.status, 400);
    assert.match(main(r.text), /href="#f-indicators">Choose indicators of the program's rubric/);
    const bad = await api('ct1', 'POST', '/api/v1/cases/2/observations',
                          { announced: true, observed_on: today(), minutes: 20, observers: 'ct', indicators: ['12'] });
    assert.equal(bad.status, 400);
    assert.equal(bad.json().error.field, 'indicators');
    // The API tags by an array of ids and a PATCH can retag.
    const made = await api('ct1', 'POST', '/api/v1/cases/2/observations',
                           { announced: true, observed_on: today(), minutes: 20, observers: 'ct', indicators: [indicator('I-B')] });
    assert.equal(made.status, 201, made.text);
    assert.deepEqual(made.json().indicators.map(t => t.code), ['I-B']);
    const patched = await api('ct1', 'PATCH', `/api/v1/cases/2/observations/${made.json().id}`, { indicators: [] });
    assert.equal(patched.status, 200, patched.text);
    assert.deepEqual(patched.json().indicators, []);
});

test('R19: the teacher reads an observation once its feedback is shared, and is told', async () => {
    const ct1 = await as('ct1');
    const o = observation({ notes: 'Private draft notes about pacing.', feedback: 'Pacing was brisk.' });
    await send(ct1, '/cases/2/observations', o);
    const id = idOf(o.draft_key);
    const teacher = await as('teacher');
    let page = main((await teacher.get(`/cases/2/observations/${id}`)).text);
    assert.doesNotMatch(page, /Private draft notes/);
    assert.match(page, /yours to read once the observer shares the feedback: due by \d{4}-\d\d-\d\d\./);
    let j = (await api('teacher', 'GET', `/api/v1/cases/2/observations/${id}`)).json();
    assert.equal(j.withheld, true);
    assert.equal(j.notes, '');
    assert.equal(j.feedback, '');

    const teacherId = Number(scalar(srv.db, "SELECT id FROM person WHERE email = 'teacher@parley.test';"));
    const told = count(srv.db, 'notification', `person_id = ${teacherId}`);
    let r = await send(ct1, `/cases/2/observations/${id}`, { ...o, version: 1, feedback: '', share: 'yes' });
    assert.equal(r.status, 400, 'sharing needs feedback');
    assert.match(main(r.text), /href="#f-feedback">Write the feedback before sharing it with the teacher/);
    r = await send(ct1, `/cases/2/observations/${id}`, { ...o, version: 1, share: 'yes' });
    assert.equal(r.status, 303, r.text);
    assert.equal(count(srv.db, 'notification', `person_id = ${teacherId}`), told + 1, 'the teacher is told');
    page = main((await teacher.get(`/cases/2/observations/${id}`)).text);
    assert.match(page, /Private draft notes about pacing/);
    assert.match(page, /Pacing was brisk/);
    assert.match(page, /Add my reflection/);
});

test('R19: only the teacher reflects, and only once the feedback is shared', async () => {
    const shared = Number(scalar(srv.db, "SELECT id FROM observation WHERE draft_key = 'demo-par-observation-1';"));
    const draft = Number(scalar(srv.db, "SELECT id FROM observation WHERE draft_key = 'demo-par-observation-2';"));
    const version = id => Number(scalar(srv.db, `SELECT version FROM observation WHERE id = ${id};`));
    const ct1 = await as('ct1');
    let r = await send(ct1, `/cases/2/observations/${shared}/reflection`, { reflection: 'Not mine to write.', version: version(shared) });
    assert.equal(r.status, 403);
    assert.match(decode(r.text), /Only the teacher writes their reflection/);
    assert.ok(namesRule(r.text, 19));
    r = await api('principal', 'POST', `/api/v1/cases/2/observations/${shared}/reflection`, { reflection: 'No.' });
    assert.equal(r.status, 403);

    const teacher = await as('teacher');
    r = await send(teacher, `/cases/2/observations/${draft}/reflection`, { reflection: 'Too soon.', version: version(draft) });
    assert.equal(r.status, 409);
    assert.match(decode(r.text), /once the feedback is shared with you/);
    r = await send(teacher, `/cases/2/observations/${shared}/reflection`, { reflection: '', version: version(shared) });
    assert.equal(r.status, 400);
    assert.match(main(r.text), /href="#f-reflection">This is needed/);
    r = await send(teacher, `/cases/2/observations/${shared}/reflection`, { reflection: 'I will plan extensions.', version: version(shared) });
    assert.equal(r.status, 303, r.text);
    assert.equal(scalar(srv.db, `SELECT reflection FROM observation WHERE id = ${shared};`), 'I will plan extensions.');
    const j = (await api('teacher', 'POST', `/api/v1/cases/2/observations/${shared}/reflection`,
                         { reflection: 'And check in with early finishers.' }));
    assert.equal(j.status, 201, j.text);
    assert.equal(j.json().reflection, 'And check in with early finishers.');
    assert.ok(j.json().reflection_at > 0);
});

test('R19: feedback lateness follows the feedback_days setting', async () => {
    const coord = await as('coordinator');
    const late = observation({ observed_on: daysAgo(3), feedback: 'Soon.' });
    const ct1 = await as('ct1');
    await send(ct1, '/cases/2/observations', late);
    const id = idOf(late.draft_key);
    const status = async () => (await api('ct1', 'GET', `/api/v1/cases/2/observations/${id}`)).json();
    let j = await status();
    assert.equal(j.feedback_status, 'due', 'the default 5 days are not over');
    assert.equal(j.feedback_due_on, daysAgo(-2), 'due five days after');
    let r = await coord.post('/settings', { feedback_days: '2' }, '/settings');
    assert.equal(r.status, 303, r.text);
    j = await status();
    assert.equal(j.feedback_status, 'late');
    assert.equal(j.feedback_due_on, daysAgo(1));
    const list = main((await ct1.get('/cases/2/observations')).text);
    assert.match(list, new RegExp(`LATE: not shared yet, it was due ${daysAgo(1)}`));
    assert.match(main((await ct1.get('/cases/2')).text), /feedback LATE on \d/);
    // Shared now, after its due date: shared late.
    r = await send(ct1, `/cases/2/observations/${id}`, { ...late, version: 1, share: 'yes' });
    assert.equal(r.status, 303, r.text);
    assert.equal((await status()).feedback_status, 'shared_late');
    r = await coord.post('/settings', { feedback_days: '5' }, '/settings');
    assert.equal(r.status, 303);
    assert.equal((await status()).feedback_status, 'shared');
});

// R18: "Ideally the CT and the administrator observe together at least
// once": a joint observation counts (the flag, the case page, the
// deadlines) once both confirmed that they were there.
test('R18: a PAR cycle without a joint observation is flagged; a joint one clears it once both observers confirm', async () => {
    const ct1 = await as('ct1');
    assert.equal(count(srv.db, 'observation', "observers = 'joint'"), 0, 'the demo has no joint one');
    let page = main((await ct1.get('/cases/2/observations')).text);
    assert.match(page, /No joint observation yet\./);
    assert.match(main((await ct1.get('/cases/2')).text), /No joint observation yet\./);
    assert.doesNotMatch(main((await (await as('ct2')).get('/cases/1/observations')).text), /R18/,
                        'a PA case has no administrator to observe with');
    const r = await send(ct1, '/cases/2/observations', observation({ observers: 'joint', notes: 'With the principal.' }));
    assert.equal(r.status, 303, r.text);
    const item = r.headers.get('location');
    const id = Number(item.split('/').pop());
    // recorded by the CT alone: not counted yet
    page = main((await ct1.get('/cases/2/observations')).text);
    assert.match(page, /No joint observation yet\./);
    assert.match(page, /Joint: the CT and the administrator together: awaiting Grace Okafor's confirmation/);
    assert.match(page, /1 joint observation awaits a confirmation/);
    assert.match(main((await ct1.get('/cases/2')).text), /\d+ observations, 0 joint/);
    const due = (await api('ct1', 'GET', '/api/v1/deadlines')).json().items;
    assert.ok(due.find(i => i.case_id === 2 && i.rule === 'R18'), 'still due on the dashboards');
    let j = (await api('ct1', 'GET', `/api/v1/cases/2/observations/${id}`)).json();
    assert.equal(j.joint_confirmed, false);
    assert.equal(j.joint_awaiting, 'Grace Okafor');
    assert.ok(j.ct_confirmed_at > 0, 'the CT who recorded it confirmed for themselves');
    assert.equal(j.administrator_confirmed_at, 0);
    // the CT cannot confirm for the administrator, nor anyone else
    assert.doesNotMatch(main((await ct1.get(item)).text), /I was there/);
    let c = await send(ct1, `${item}/joint-confirmation`, {});
    assert.equal(c.status, 409);
    assert.match(decode(c.text), /You have confirmed that you took part in this observation already/);
    assert.equal((await api('teacher', 'POST', `/api/v1/cases/2/observations/${id}/joint-confirmation`, {})).status, 403);
    assert.equal((await api('ct2', 'POST', `/api/v1/cases/2/observations/${id}/joint-confirmation`, {})).status, 404);
    assert.ok([403, 404].includes((await api('coordinator', 'POST', `/api/v1/cases/2/observations/${id}/joint-confirmation`, {})).status),
              'the coordinator did not observe');
    // the administrator is told, and confirms from the observation's page
    const principal = await as('principal');
    assert.match(main((await principal.get('/inbox')).text), /Dana Whitfield recorded a joint observation of \d{4}-\d\d-\d\d with you/);
    page = main((await principal.get(item)).text);
    assert.match(page, /I was there: confirm this joint observation/);
    c = await send(principal, `${item}/joint-confirmation`, {});
    assert.equal(c.status, 303, c.text);
    page = main((await ct1.get('/cases/2/observations')).text);
    assert.doesNotMatch(page, /No joint observation yet/);
    assert.match(page, /Joint observations this cycle: 1\./);
    assert.match(page, /Joint: the CT and the administrator together: confirmed by both/);
    assert.match(main((await ct1.get('/cases/2')).text), /\d+ observations, 1 joint/);
    assert.equal((await api('ct1', 'GET', '/api/v1/deadlines')).json().items
        .find(i => i.case_id === 2 && i.rule === 'R18'), undefined, 'no longer due');
    j = (await api('principal', 'GET', `/api/v1/cases/2/observations/${id}`)).json();
    assert.equal(j.joint_confirmed, true);
    assert.equal((await api('principal', 'POST', `/api/v1/cases/2/observations/${id}/joint-confirmation`, {})).status, 409);
    // a joint observation the administrator records waits for the CT, through the API
    const a = await api('principal', 'POST', '/api/v1/cases/2/observations',
                        { draft_key: 'joint-by-admin-1', announced: true, observed_on: today(), minutes: 30, observers: 'joint' });
    assert.equal(a.status, 201, a.text);
    assert.equal(a.json().joint_awaiting, 'Dana Whitfield');
    const b = await api('ct1', 'POST', `/api/v1/cases/2/observations/${a.json().id}/joint-confirmation`, {});
    assert.equal(b.status, 200, b.text);
    assert.equal(b.json().joint_confirmed, true);
});

test('a draft saved twice with the same draft_key is one observation, updated (page and API)', async () => {
    const ct1 = await as('ct1');
    const o = observation({ notes: 'First try.' });
    const before = count(srv.db, 'observation');
    let r = await send(ct1, '/cases/2/observations', o);
    assert.equal(r.status, 303);
    r = await send(ct1, '/cases/2/observations', { ...o, notes: 'Sent again after the signal dropped.' });
    assert.equal(r.status, 303);
    assert.equal(count(srv.db, 'observation'), before + 1);
    assert.equal(scalar(srv.db, `SELECT notes FROM observation WHERE draft_key = '${o.draft_key}';`),
                 'Sent again after the signal dropped.');
    // The answer page says it is saved, so draft.js forgets the device's copy.
    const page = (await ct1.get(r.headers.get('location'))).text;
    assert.match(page, new RegExp(`data-draft-saved="${o.draft_key}" data-draft-version="2"`));
    assert.match(page, /<script src="\/static\/draft\.js" defer><\/script>/);

    const body = { draft_key: 'api-retry-0001', announced: false, observed_on: today(), minutes: 15, observers: 'joint' };
    const a = await api('ct1', 'POST', '/api/v1/cases/2/observations', body);
    const b = await api('ct1', 'POST', '/api/v1/cases/2/observations', { ...body, minutes: 25 });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(a.json().id, b.json().id);
    assert.equal(b.json().minutes, 25);
    assert.equal(count(srv.db, 'observation', "draft_key = 'api-retry-0001'"), 1);
    // Someone else's key is not theirs to overwrite.
    const other = await api('principal', 'POST', '/api/v1/cases/2/observations',
                            { ...body, draft_key: o.draft_key, observers: 'administrator' });
    assert.equal(other.status, 403, other.text);
});

test('validation names each field; the API names the first', async () => {
    const ct1 = await as('ct1');
    let r = await send(ct1, '/cases/2/observations', { draft_key: 'test-empty-form', announced: '', observed_on: '', minutes: '', observers: '' });
    assert.equal(r.status, 400);
    const page = main(r.text);
    for (const field of ['announced', 'observed_on', 'minutes', 'observers'])
        assert.match(page, new RegExp(`href="#f-${field}"`), field);
    r = await send(ct1, '/cases/2/observations', observation({ minutes: '601', observed_on: daysAgo(-2) }));
    assert.equal(r.status, 400);
    assert.match(main(r.text), /href="#f-minutes">Give a whole number/);
    assert.match(main(r.text), /href="#f-observed_on">An observation is recorded once it has happened/);
    let a = await api('ct1', 'POST', '/api/v1/cases/2/observations', {});
    assert.equal(a.status, 400);
    assert.ok(['announced', 'observed_on', 'minutes', 'observers'].includes(a.json().error.field));
    a = await api('ct1', 'POST', '/api/v1/cases/2/observations', { announced: 'yes' });
    assert.equal(a.status, 400);
    assert.equal(a.json().error.field, 'announced');
    a = await api('ct1', 'POST', '/api/v1/cases/2/observations', { share: true });
    assert.equal(a.status, 400);
    assert.match(a.json().error.message, /Unknown field 'share'/);
    a = await api('ct1', 'POST', '/api/v1/cases/2/observations', { indicators: [1, 'two'] });
    assert.equal(a.json().error.field, 'indicators');
    r = await upload(ct1, 2, { title: '', name: 'x.txt', content: 'x\n' });
    assert.equal(r.status, 400);
    assert.match(main(r.text), /href="#f-title">This is needed/);
});

test('409: a stale version, or an observation whose feedback was shared, is not changed', async () => {
    const ct1 = await as('ct1');
    const o = observation({ feedback: 'Good questions.' });
    await send(ct1, '/cases/2/observations', o);
    const id = idOf(o.draft_key);
    let r = await send(ct1, `/cases/2/observations/${id}`, { ...o, version: 1, notes: 'Edited.' });
    assert.equal(r.status, 303);
    r = await send(ct1, `/cases/2/observations/${id}`, { ...o, version: 1, notes: 'Stale edit.' });
    assert.equal(r.status, 409);
    assert.match(r.text, /Someone else changed this first/);
    let a = await api('ct1', 'PATCH', `/api/v1/cases/2/observations/${id}`, { notes: 'Stale.', version: 1 });
    assert.equal(a.status, 409);
    assert.equal(a.json().error.code, 'conflict');
    a = await api('ct1', 'PATCH', `/api/v1/cases/2/observations/${id}`, { share_feedback: true, version: 2 });
    assert.equal(a.status, 200, a.text);
    assert.ok(a.json().feedback_shared_at > 0);
    assert.equal(a.json().notes, 'Edited.', 'a PATCH keeps what it does not send');
    a = await api('ct1', 'PATCH', `/api/v1/cases/2/observations/${id}`, { notes: 'After sharing.' });
    assert.equal(a.status, 409);
    assert.match(a.json().error.message, /no longer changes/);
    assert.equal(scalar(srv.db, `SELECT notes FROM observation WHERE id = ${id};`), 'Edited.');
    // The other observer of a PAR case does not complete the CT's own.
    const principal = await as('principal');
    r = await send(principal, `/cases/2/observations/${idOf('demo-par-observation-1')}`, { ...o, version: 3 });
    assert.ok([403, 409].includes(r.status), `${r.status}`);
});

// A phone's photo and a screenshot, as their first bytes make them (a JPEG's
// start-of-image and Exif markers; PNG's signature and header).
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10, ...Buffer.from('Exif\0\0'), 0x4d, 0x4d, 0x00, 0x2a, 0xff, 0xd9]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, ...Buffer.from('IHDR')]);

test('issue 18: a JPEG and a PNG photo are artifacts, typed by their content and shown back as images', async () => {
    const teacher = await as('teacher');
    const ct1 = await as('ct1');
    for (const [title, name, content, type, stored] of [
        ['Board after the lesson', 'IMG_0042.JPEG', JPEG, 'image/jpeg', 'IMG_0042.jpg'],
        ['Seating chart', 'seating chart.png', PNG, 'image/png', 'seating-chart.png']]) {
        let r = await upload(teacher, 2, { title, name, content, type });
        assert.equal(r.status, 303, `${name}: ${main(r.text)}`);
        const id = Number(scalar(srv.db, `SELECT id FROM artifact WHERE title = '${title}';`));
        assert.match(main((await teacher.get('/cases/2/artifacts')).text),
                     new RegExp(`${type === 'image/png' ? 'PNG' : 'JPEG'} image, ${content.length} bytes \\(${stored}\\)`));
        r = await ct1.get(`/cases/2/artifacts/${id}/file`);
        assert.equal(r.status, 200);
        assert.equal(r.headers.get('content-type'), type);
        assert.equal(r.headers.get('content-disposition'), `inline; filename="${stored}"`, 'a photo opens in the browser');
        assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
        assert.deepEqual(Buffer.from(await (await fetch(`${srv.base}/api/v1/cases/2/artifacts/${id}/file`,
            { headers: bearer(tok.ct1) })).arrayBuffer()), content, 'the bytes come back as sent');
    }
});

test('issue 18: a file whose name says .jpg but whose bytes are not a JPEG is refused on the file field; what was typed is kept', async () => {
    const teacher = await as('teacher');
    const before = count(srv.db, 'artifact');
    for (const [name, content, why] of [
        ['photo.jpg', 'Just words, not a photo.\n', /^photo\.jpg is named as JPEG image, but its content is plain text\./],
        ['photo.jpg', PNG, /^photo\.jpg is named as JPEG image, but its content is PNG image\. .*name it with \.png/],
        ['photo.jpg', '<svg onload="alert(1)"></svg>', /^photo\.jpg is not a kind of file a case keeps\. .*send a PDF, .*JPEG.* file\./]]) {
        const r = await upload(teacher, 2, { title: 'Gallery walk', name, content, type: 'image/jpeg' });
        assert.equal(r.status, 400);
        assert.match(fieldError(r.text, 'file') || '', why, `the file field names why (${why})`);
        assert.equal(inputValue(r.text, 'title'), 'Gallery walk', 'the title typed is kept');
        assert.match(r.text, /<textarea[^>]*name="description"[^>]*>From the test\.<\/textarea>/);
    }
    assert.equal(count(srv.db, 'artifact'), before, 'nothing was written');
});

test('uploads: the type comes from the content, oversize is 413, the download is an attachment and audited', async () => {
    const teacher = await as('teacher');
    const before = count(srv.db, 'artifact');
    let r = await upload(teacher, 2, { title: 'Lesson plan', name: 'plan.pdf', content: 'Just text, not a PDF.\n', type: 'application/pdf' });
    assert.equal(r.status, 400);
    assert.match(main(r.text), /plan\.pdf is named as PDF, but its content is plain text/);
    r = await upload(teacher, 2, { title: 'Page', name: 'page.txt', content: '<html><script>alert(1)</script></html>' });
    assert.equal(r.status, 400);
    assert.match(main(r.text), /page\.txt is not a kind of file a case keeps/);
    r = await upload(teacher, 2, { title: 'Big', name: 'big.txt', content: 'a'.repeat(UPLOAD_LIMIT + 1024) });
    assert.equal(r.status, 413);
    assert.match(decode(r.text), /The upload is larger than the server accepts \(4 KiB\)/);
    assert.equal(count(srv.db, 'artifact'), before, 'nothing was written');

    const tags = [indicator('IV-A')];
    r = await upload(teacher, 2, { title: 'Reflection log', name: 'my log (1).txt', content: 'Week 1: tried exit tickets.\n', indicators: tags });
    assert.equal(r.status, 303, r.text);
    const id = Number(scalar(srv.db, "SELECT id FROM artifact WHERE title = 'Reflection log';"));
    const list = main((await teacher.get('/cases/2/artifacts')).text);
    assert.match(list, /Reflection log/);
    assert.match(list, /plain text, 28 bytes \(my-log--1-\.txt\)\. Added by Samuel Reyes/);
    assert.match(list, /IV-A<\/span> Reflection/);

    const ct1 = await as('ct1');
    const reads = count(srv.db, 'audit', `action = 'read' AND record_kind = 'artifact'`);
    r = await ct1.get(`/cases/2/artifacts/${id}/file`);
    assert.equal(r.status, 200);
    assert.equal(r.text, 'Week 1: tried exit tickets.\n');
    assert.equal(r.headers.get('content-disposition'), 'attachment; filename="my-log--1-.txt"');
    assert.equal(r.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(count(srv.db, 'audit', `action = 'read' AND record_kind = 'artifact'`), reads + 1, 'the CT\'s read is audited (R37)');
    const j = (await api('ct1', 'GET', `/api/v1/cases/2/artifacts/${id}`)).json();
    assert.equal(j.file, `/api/v1/cases/2/artifacts/${id}/file`);
    assert.equal(j.size, 28);
    assert.deepEqual(j.indicators.map(t => t.code), ['IV-A']);
    const all = (await api('teacher', 'GET', '/api/v1/cases/2/artifacts')).json();
    assert.ok(all.items.some(a => a.id === id) && all.total === all.items.length);
});

test('issue 19: the tallies the reports read are the history\'s counts after observations are added, moved and shared', async () => {
    tallied(srv.db, 'as the migration counted the demo');
    const made = await api('ct1', 'POST', '/api/v1/cases/2/observations',
                           { draft_key: 'tally-test-0001', announced: true, observed_on: daysAgo(1), minutes: 20, observers: 'ct' });
    assert.equal(made.status, 201, made.text);
    tallied(srv.db, 'once one is added');
    const id = made.json().id;
    let r = await api('ct1', 'PATCH', `/api/v1/cases/2/observations/${id}`, { observed_on: daysAgo(4), version: 1 });
    assert.equal(r.status, 200, r.text);
    tallied(srv.db, 'once it is moved to another day');
    r = await api('ct1', 'PATCH', `/api/v1/cases/2/observations/${id}`,
                  { feedback: 'Strong questioning.', share_feedback: true, version: r.json().version });
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json().feedback_shared_at > 0);
    tallied(srv.db, 'once its feedback is shared');
    const shared = await api('ct1', 'POST', '/api/v1/cases/2/observations',
                             { draft_key: 'tally-test-0002', announced: true, observed_on: daysAgo(2), minutes: 20,
                               observers: 'ct', feedback: 'Clear goals.', share_feedback: true });
    assert.equal(shared.status, 201, shared.text);
    tallied(srv.db, 'once one is added with its feedback shared');
});
