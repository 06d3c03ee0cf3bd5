// intake.test.mjs: the public contact form (R10: enrolment starts here, no
// account) and the intake queue: every bad field named and nothing written,
// the honeypot stores nothing, a per-address limit (429), a reference on
// the confirmation; the coordinator filters, searches and assigns; a CT
// works what is assigned to them, and to anyone else an inquiry does not
// exist; the eligibility facts get the public checker's answer (R1-R6).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, bearer } from './harness.mjs';
import { DEMO, personId, token, scalar, count, writeCounts, fieldError, decode, inputValue } from './records.mjs';

let srv;
before(async () => {
    srv = await startServer();
    // Every test here sends from 127.0.0.1: the limit has its own test.
    const coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    const r = await coord.post('/settings', { contact_per_hour: '100' }, '/settings');
    assert.ok(r.status < 400, `settings: ${r.status}`);
});
after(async () => { await srv.stop(); });

const visitorForm = over => ({
    name: 'Robin Test', email: 'Robin.Test@Example.org', school_id: '1', school_other: '',
    contact_by: 'email', phone: '', interest: 'par', message: 'I would like to hear about PAR.',
    website: '', ...over });

// Sends the form as a browser does: a form with errors answers at once;
// a sent one redirects to its thank-you page (Post/Redirect/Get), followed.
async function send(form, client = new Client(srv.base)) {
    const csrf = await client.csrf('/contact/new');
    const r = await client.request('POST', '/contact/new', { form: { csrf, ...form } });
    if (r.status !== 303) return r;
    assert.match(r.headers.get('location'), /^\/contact\/sent\?reference=INQ-\d{4}-\d{4}$/);
    return client.get(r.headers.get('location'));
}

const reference = html => (html.match(/INQ-\d{4}-\d{4}/) || [null])[0];
const inquiryId = ref => Number(scalar(srv.db, `SELECT id FROM inquiry WHERE reference = '${ref}';`));
const version = id => scalar(srv.db, `SELECT version FROM inquiry WHERE id = ${id};`);
const allCounts = () => ({ ...writeCounts(srv.db), inquiry: count(srv.db, 'inquiry') });

async function signedIn(who) {
    const c = new Client(srv.base);
    await c.login(DEMO[who] || who);
    c.token = await c.csrf('/dashboard');
    return c;
}
const post = (client, path, form) => client.request('POST', path, { form: { csrf: client.token, ...form } });

test('R10: the contact form is public, says enrolment starts here, and hides its honeypot', async () => {
    const r = await new Client(srv.base).get('/contact/new');
    assert.equal(r.status, 200);
    assert.match(decode(r.text), /This is how joining starts: send this form, no account needed/);
    assert.match(decode(r.text), /a first meeting, where you talk through how PA and PAR work\./);
    for (const name of ['name', 'email', 'school_id', 'school_other', 'contact_by', 'phone', 'interest', 'message'])
        assert.match(r.text, new RegExp(`name="${name}"`), name);
    assert.match(r.text, /<option value="other">My school is not listed<\/option>/);
    const trap = r.text.match(/<div class="visually-hidden" aria-hidden="true">.*?<\/div>/)[0];
    assert.match(trap, /name="website"/);
    assert.match(trap, /tabindex="-1"/);
    assert.match(trap, /autocomplete="off"/);
});

test('R10: a bad contact form names every bad field and writes nothing', async () => {
    const before = allCounts();
    let r = await send({ name: '', email: 'not-an-email', school_id: '', contact_by: '', interest: '', message: '' });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'name'), /Enter your name/);
    assert.match(fieldError(r.text, 'email'), /name@school\.org/);
    assert.match(fieldError(r.text, 'school_id'), /Choose your school/);
    assert.match(fieldError(r.text, 'contact_by'), /how you would like us to reach you/);
    assert.match(fieldError(r.text, 'interest'), /Choose what you are interested in/);
    assert.equal(fieldError(r.text, 'phone'), null);
    // what was typed comes back; nothing was stored
    assert.match(r.text, /value="not-an-email"/);
    // a call needs a number; a question needs its words; a school not listed is fine
    r = await send(visitorForm({ contact_by: 'phone', interest: 'question', message: '', school_id: 'other' }));
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'phone'), /Enter a phone number/);
    assert.match(fieldError(r.text, 'message'), /Write your question/);
    assert.equal(fieldError(r.text, 'school_id'), null);
    r = await send(visitorForm({ phone: '12ab', school_id: '999' }));
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'phone'), /7 to 15 digits/);
    assert.match(fieldError(r.text, 'school_id'), /Choose your school/);
    assert.deepEqual(allCounts(), before);
});

test('a filled honeypot gets the same confirmation, and nothing is stored', async () => {
    const before = allCounts();
    const r = await send(visitorForm({ website: 'http://spam.example' }));
    assert.equal(r.status, 200);
    assert.match(r.text, /Your reference number is <strong class="reference">INQ-\d{4}-\d{4}<\/strong>/);
    assert.deepEqual(allCounts(), before, 'no inquiry, no audit entry');
});

test('R10: the confirmation shows a reference and nothing of what was sent; the visitor is audited', async () => {
    const r = await send(visitorForm({ message: 'A private message about my plan.' }));
    assert.equal(r.status, 200);
    const ref = reference(r.text);
    assert.match(ref, new RegExp(`^INQ-${new Date().getFullYear()}-\\d{4}$`));
    assert.doesNotMatch(r.text, /Robin|example\.org|private message/i);
    const row = scalar(srv.db, `SELECT name, email, status, COALESCE(handler_id, 0) FROM inquiry WHERE reference = '${ref}';`);
    assert.equal(row, 'Robin Test|robin.test@example.org|new|0');
    const audit = scalar(srv.db, `SELECT actor_label, COALESCE(actor_id, 0), address, summary FROM audit
                                  WHERE record_kind = 'inquiry' AND record_id = ${inquiryId(ref)};`);
    assert.equal(audit, `visitor|0|127.0.0.1|Received inquiry ${ref} (par) from the contact form`);
    // references are unique and counted per year
    const again = reference((await send(visitorForm({ name: 'Sam Second', interest: 'pa' }))).text);
    assert.notEqual(again, ref);
    assert.equal(Number(again.slice(-4)), Number(ref.slice(-4)) + 1);
});

test('the coordinator finds an inquiry in the queue: its age, filters and search', async () => {
    const ref = reference((await send(visitorForm({ name: 'Quinn Queue', email: 'quinn.queue@example.org',
                                                    interest: 'consultancy' }))).text);
    const coord = await signedIn('coordinator');
    let r = await coord.get('/intake');
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(`>${ref}</a></td><td[^>]*>today<br><small><time`));
    assert.match(r.text, /Jordan Blake/, 'the demo\'s new inquiry');
    assert.match(r.text, /3 days<br>/, 'and its age');
    assert.doesNotMatch(r.text, /Chris Wong/, 'closed ones are not in the open queue');
    r = await coord.get('/intake?status=closed');
    assert.match(r.text, /Chris Wong/);
    r = await coord.get('/intake?interest=consultancy&status=');
    assert.match(r.text, /Quinn Queue/);
    assert.doesNotMatch(r.text, /Jordan Blake/);
    for (const q of [ref, 'quinn.queue@', 'Quinn Q']) {
        r = await coord.get('/intake?q=' + encodeURIComponent(q));
        assert.match(r.text, /1 inquiry found/, q);
        assert.match(r.text, new RegExp(ref), q);
    }
    r = await coord.get(`/intake?handler=${personId(srv.db, 'ct2@parley.test')}&status=`);
    assert.match(r.text, /Pat Quinn/);
    assert.doesNotMatch(r.text, /Quinn Queue/);
    r = await coord.get('/intake?handler=none');
    assert.match(r.text, /Quinn Queue/);
    assert.doesNotMatch(r.text, /Pat Quinn/);
});

test('the coordinator assigns to a CT, who sees and works it; another CT and a teacher get 404', async () => {
    const ref = reference((await send(visitorForm({ name: 'Alex Assign' }))).text);
    const id = inquiryId(ref);
    const coord = await signedIn('coordinator');
    const ct2 = personId(srv.db, 'ct2@parley.test');
    let r = await post(coord, `/intake/${id}/assign`, { version: version(id), handler_id: String(personId(srv.db, DEMO.participating_teacher)) });
    assert.equal(r.status, 400, 'only a coordinator or a CT handles inquiries');
    assert.match(fieldError(r.text, 'handler_id'), /Consulting Teacher/);
    r = await post(coord, `/intake/${id}/assign`, { version: version(id), handler_id: String(ct2) });
    assert.equal(r.status, 303);
    assert.equal(scalar(srv.db, `SELECT handler_id FROM inquiry WHERE id = ${id};`), String(ct2));
    assert.match(scalar(srv.db, `SELECT summary FROM audit WHERE record_kind = 'inquiry' AND record_id = ${id} ORDER BY id DESC LIMIT 1;`),
                 new RegExp(`Inquiry ${ref}: assigned it to Luis Ortega`));
    // an old version is refused
    r = await post(coord, `/intake/${id}/assign`, { version: '1', handler_id: '' });
    assert.equal(r.status, 409);

    const luis = await signedIn('ct2@parley.test');
    r = await luis.get('/intake');
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(ref));
    assert.doesNotMatch(r.text, /Jordan Blake/, 'a CT sees only what is assigned to them');
    r = await luis.get(`/intake/${id}`);
    assert.equal(r.status, 200);
    assert.doesNotMatch(r.text, /action="\/intake\/\d+\/assign"/, 'a CT does not assign');
    r = await post(luis, `/intake/${id}/notes`, { body: 'Emailed Alex to set up a first meeting.' });
    assert.equal(r.status, 303);
    r = await post(luis, `/intake/${id}/status`, { version: version(id), status: 'closed', close_reason: '' });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'close_reason'), /Say why/);
    r = await post(luis, `/intake/${id}/status`, { version: version(id), status: 'in_progress', close_reason: '' });
    assert.equal(r.status, 303);
    r = await luis.get(`/intake/${id}`);
    assert.match(r.text, /Emailed Alex to set up a first meeting\./);
    r = await post(luis, `/intake/${id}/assign`, { version: version(id), handler_id: '' });
    assert.equal(r.status, 403, 'assigning is the coordinator\'s');

    const dana = await signedIn('consulting_teacher');
    r = await dana.get(`/intake/${id}`);
    assert.equal(r.status, 404, 'another CT: it does not exist');
    r = await post(dana, `/intake/${id}/notes`, { body: 'x' });
    assert.equal(r.status, 404);
    assert.doesNotMatch((await dana.get('/intake?status=')).text, new RegExp(ref));

    const teacher = await signedIn('participating_teacher');
    assert.equal((await teacher.get('/intake')).status, 403);
    assert.equal((await teacher.get(`/intake/${id}`)).status, 404);
    assert.equal((await teacher.get('/intake/999999')).status, 404, 'the same answer as a missing one');
});

function criteria(html) {
    const m = html.match(/<p role="status"><strong>[^<]*<\/strong><\/p><ul class="criteria">.*?<\/ul>/s);
    return m ? m[0] : null;
}

test('R1-R6: the facts the coordinator confirms get the same answer as the public checker', async () => {
    const id = inquiryId(reference((await send(visitorForm({ name: 'Eli Eligible' }))).text));
    const coord = await signedIn('coordinator');
    const facts = { district_year: '4', plan: 'improvement', months: '4', rating: 'needs_improvement',
                    union_member: 'yes', full_time: 'yes', job: 'nurse' };
    let r = await post(coord, `/intake/${id}/facts`, { version: version(id), ...facts, plan: '', district_year: '' });
    assert.equal(r.status, 400);
    assert.ok(fieldError(r.text, 'district_year') && fieldError(r.text, 'plan'));
    r = await post(coord, `/intake/${id}/facts`, { version: version(id), ...facts });
    assert.equal(r.status, 303);
    const page = criteria((await coord.get(`/intake/${id}`)).text);
    const pub = criteria((await new Client(srv.base).get('/eligibility?' + new URLSearchParams({ check: '1', ...facts }))).text);
    assert.ok(page && pub);
    assert.equal(page, pub);
    assert.match(page, /href="\/help\/rules#R4"/, 'a 4-month plan: PA only');
    const api = await new Client(srv.base).get(`/api/v1/inquiries/${id}`, { headers: bearer(token(srv.db, DEMO.coordinator)) });
    assert.equal(api.json().eligibility.par, false);
    assert.equal(api.json().eligibility.pa, true);
});

test('API: list with filters and paging, one inquiry, PATCH assign and status, JSON errors', async () => {
    const coordTok = token(srv.db, DEMO.coordinator);
    const c = new Client(srv.base);
    const get = (path, tok = coordTok) => c.get(path, { headers: bearer(tok) });
    const patch = (id, json, tok = coordTok) => c.request('PATCH', `/api/v1/inquiries/${id}`, { headers: bearer(tok), json });
    let r = await get('/api/v1/inquiries?status=new&interest=par&per_page=2');
    assert.equal(r.status, 200);
    let body = r.json();
    assert.equal(body.per_page, 2);
    assert.ok(body.total >= 1);
    assert.ok(body.items.every(i => i.status === 'new' && i.interest === 'par'));
    assert.ok(body.items.every(i => /^INQ-\d{4}-\d{4}$/.test(i.reference)));
    r = await get('/api/v1/inquiries?status=pending');
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'status');

    const id = inquiryId(reference((await send(visitorForm({ name: 'Api Person' }))).text));
    r = await get(`/api/v1/inquiries/${id}`);
    assert.equal(r.status, 200);
    assert.equal(r.json().name, 'Api Person');
    assert.equal(r.json().eligibility, null);
    const ct1 = personId(srv.db, DEMO.consulting_teacher);
    r = await patch(id, { handler_id: ct1, version: r.json().version });
    assert.equal(r.status, 200);
    assert.equal(r.json().handler_id, ct1);
    r = await patch(id, { status: 'closed' });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'close_reason');
    r = await patch(id, { status: 'closed', close_reason: 'Answered by email', version: 1 });
    assert.equal(r.status, 409);
    r = await patch(id, { status: 'bogus', nonsense: 1 });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'nonsense');

    const ctTok = token(srv.db, DEMO.consulting_teacher);
    r = await patch(id, { status: 'closed', close_reason: 'Answered by email' }, ctTok);
    assert.equal(r.status, 200, 'the CT it is assigned to works it');
    assert.equal(r.json().status, 'closed');
    r = await patch(id, { handler_id: null }, ctTok);
    assert.equal(r.status, 403);
    r = await get('/api/v1/inquiries?status=', ctTok);
    assert.ok(r.json().items.every(i => i.handler_id === ct1), 'a CT lists only their own');
    const other = token(srv.db, 'ct2@parley.test');
    assert.equal((await get(`/api/v1/inquiries/${id}`, other)).status, 404);
    const teacher = token(srv.db, DEMO.participating_teacher);
    r = await get('/api/v1/inquiries', teacher);
    assert.equal(r.status, 403);
    assert.equal(r.json().error.code, 'forbidden');
    assert.equal((await get(`/api/v1/inquiries/${id}`, teacher)).json().error.code, 'not_found');
});

test('a per-address limit: over contact_per_hour a clear 429 says when to try again, and nothing is written', async () => {
    const own = await startServer();
    try {
        const coord = new Client(own.base);
        await coord.login(DEMO.coordinator);
        let r = await coord.post('/settings', { contact_per_hour: '2' }, '/settings');
        assert.ok(r.status < 400, `settings: ${r.status}`);
        const visitor = new Client(own.base);
        const csrf = await visitor.csrf('/contact/new');
        const sendOwn = form => visitor.request('POST', '/contact/new', { form: { csrf, ...visitorForm(form) } });
        assert.equal((await sendOwn({ name: 'One' })).status, 303);
        assert.equal((await sendOwn({ name: 'Two' })).status, 303);
        const before = count(own.db, 'inquiry');
        r = await sendOwn({ name: 'Three' });
        assert.equal(r.status, 429);
        assert.match(decode(r.text), /This address has sent 2 messages in the last hour, the most we accept\. Please try again after .+ \(in about (60|59) minutes\)\. What you wrote is kept below\./);
        assert.ok(Number(r.headers.get('retry-after')) > 3500);
        // Issue 15: the form comes back with what was typed, to send later.
        assert.equal(inputValue(r.text, 'name'), 'Three');
        assert.match(decode(r.text), /I would like to hear about PAR\./);
        assert.equal(count(own.db, 'inquiry'), before);
        // a form with errors is still answered with its errors, not counted
        r = await sendOwn({ name: '' });
        assert.equal(r.status, 400);
    } finally {
        await own.stop();
    }
});
