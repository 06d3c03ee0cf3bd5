// intake_case.test.mjs: the inquiry and its case as one journey, each step
// taken through the pages or the API by the person whose step it is: a
// visitor's contact form, the coordinator opening the case, the CT and the
// administrator taking theirs. R4 at set_timeline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';
import { DEMO, actors, scalar, personId, decode } from './records.mjs';

let srv;
const who = actors(() => srv);
before(async () => {
    srv = await startServer();
    // Every inquiry here comes from 127.0.0.1: the limit has its own test.
    const r = await who.post(DEMO.coordinator, '/settings', { contact_per_hour: '100' });
    assert.equal(r.status, 303, `settings: ${r.status}`);
});
after(async () => { await srv.stop(); });

// Riverside High School: principal@'s school (the demo's).
const RIVERSIDE = () => scalar(srv.db, "SELECT id FROM school WHERE code = 'RHS';");

// A visitor sends the contact form; the inquiry's id.
async function contactForm(over = {}, client = new Client(srv.base)) {
    const csrf = await client.csrf('/contact/new');
    const r = await client.request('POST', '/contact/new', { form: {
        csrf, name: 'Terry Timeline', email: 'terry.timeline@example.org', school_id: RIVERSIDE(),
        school_other: '', contact_by: 'email', phone: '', interest: 'par', message: '', website: '',
        ...over } });
    assert.ok(r.status === 200 || r.status === 303, `contact form: ${r.status}`);
    const ref = (decode(r.text + (r.headers.get('location') || '')).match(/INQ-\d{4}-\d{4}/) || [])[0];
    assert.ok(ref, 'a reference');
    return Number(scalar(srv.db, `SELECT id FROM inquiry WHERE reference = '${ref}';`));
}

async function openCase(inquiryId) {
    const r = await who.post(DEMO.coordinator, '/cases', { inquiry_id: String(inquiryId) });
    assert.equal(r.status, 303, `opening the case: ${r.status}`);
    return Number(r.headers.get('location').match(/^\/cases\/(\d+)$/)[1]);
}

const step = (email, caseId, json) => who.api(email, 'POST', `/cases/${caseId}/transitions`, json);

// The eligibility facts but R1's (district_year, or its old form, years).
const FACTS = { plan: 'improvement', months: 12, rating: 'needs_improvement',
                union_member: true, full_time: true, job: 'classroom_teacher' };

// A PAR case whose track is chosen, its cycle not started: the
// administrator's timeline comes next (R12).
async function parCaseAtTimeline(email) {
    const caseId = await openCase(await contactForm({ email }));
    const ct = personId(srv.db, DEMO.consulting_teacher);
    let r = await step(DEMO.coordinator, caseId, { to: 'schedule_meeting', at: '2030-08-20 15:30',
                                                   place: 'Riverside HS, room 12', ct_id: ct });
    assert.equal(r.status, 201, r.text);
    r = await step(DEMO.consulting_teacher, caseId, { to: 'hold_meeting' });
    assert.equal(r.status, 201, r.text);
    r = await step(DEMO.consulting_teacher, caseId, { to: 'choose_track', track: 'par', ...FACTS,
                                                      district_year: 5 });
    assert.equal(r.status, 201, r.text);
    return caseId;
}

test('R4: the administrator sets a PAR timeline only with a plan of at least par_min_plan_months (6)', async () => {
    const caseId = await parCaseAtTimeline('terry.timeline@example.org');
    const timeline = { to: 'set_timeline', cycle_start: '2030-09-01', cycle_end: '2031-06-30',
                       plan_type: 'improvement' };
    let r = await step(DEMO.administrator, caseId, { ...timeline, plan_months: 5 });
    assert.equal(r.status, 400, 'R4: a five-month plan is too short for PAR');
    assert.equal(r.json().error.field, 'plan_months');
    assert.match(r.json().error.message, /6 months/);
    assert.equal(scalar(srv.db, `SELECT timeline_at FROM teacher_case WHERE id = ${caseId};`), '0',
                 'nothing was written');
    r = await step(DEMO.administrator, caseId, { ...timeline, plan_months: 6 });
    assert.equal(r.status, 201, `R4: exactly six months is long enough: ${r.text}`);
    assert.equal(r.json().plan_months, 6);
});

test('R1: everywhere the question is asked, it is "which year in the district", and the answer is said back', async () => {
    // the coordinator's intake confirmation
    const inq = await contactForm({ name: 'Thea Third', email: 'thea.third@example.org' });
    let page = decode((await who.page(DEMO.coordinator, `/intake/${inq}`)).text);
    assert.match(page, /<label for="f-district_year">Which year in the district are they in\?<\/label>/);
    const version = scalar(srv.db, `SELECT version FROM inquiry WHERE id = ${inq};`);
    let r = await who.post(DEMO.coordinator, `/intake/${inq}/facts`, { version, district_year: '3',
        plan: 'improvement', months: '12', rating: 'needs_improvement', union_member: 'yes',
        full_time: 'yes', job: 'classroom_teacher' });
    assert.equal(r.status, 303);
    page = decode((await who.page(DEMO.coordinator, `/intake/${inq}`)).text);
    assert.match(page, /\(R1\): You are in your 3rd year in the district: the program is open from the 3rd year on\./);
    assert.equal(scalar(srv.db, `SELECT district_year FROM inquiry WHERE id = ${inq};`), '3');

    // the case's choice of track, on its page and through the API (whose old
    // field, years, held the full years: one less)
    const caseId = await openCase(inq);
    assert.match(decode((await who.page(DEMO.coordinator, `/people/${personId(srv.db, 'thea.third@example.org')}`)).text),
                 /<dt>Year in the district<\/dt><dd>3rd year<\/dd>/, 'the confirmed year goes to her record');
    await step(DEMO.coordinator, caseId, { to: 'schedule_meeting', at: '2030-08-20 15:30', place: 'Room 12',
                                           ct_id: personId(srv.db, DEMO.consulting_teacher) });
    await step(DEMO.consulting_teacher, caseId, { to: 'hold_meeting' });
    page = decode((await who.page(DEMO.consulting_teacher, `/cases/${caseId}`)).text);
    assert.match(page, /<label for="f-district_year">Which year in the district are they in\?<\/label>/);
    assert.match(page, /id="f-district_year" name="district_year"[^>]*value="3"/, 'the confirmed facts are offered');
    r = await step(DEMO.consulting_teacher, caseId, { to: 'choose_track', track: 'par', ...FACTS, years: 1, district_year: 2 });
    assert.equal(r.status, 400);
    r = await step(DEMO.consulting_teacher, caseId, { to: 'choose_track', track: 'par', ...FACTS, district_year: 2 });
    assert.equal(r.status, 400, 'a teacher in their 2nd year: neither PA nor PAR');
    assert.equal(r.json().error.field, 'track');
    assert.match(r.json().error.message, /R1: You are in your 2nd year in the district/);
    r = await step(DEMO.consulting_teacher, caseId, { to: 'choose_track', track: 'par', ...FACTS, years: 2 });
    assert.equal(r.status, 201, `two full years behind her: her 3rd year (${r.text})`);
    assert.match(r.json().timeline.at(-1).summary, /checked with: 3rd year in the district,/);
});

test('R1: a person\'s record asks and says the year; the API keeps its old field beside the new one', async () => {
    let r = await who.post(DEMO.coordinator, '/people', { name: 'Yara Year', email: 'yara.year@example.org',
        employee_id: '', school_id: '', union_member: 'yes', full_time: 'yes', district_year: '1',
        job_type: 'classroom_teacher' });
    assert.equal(r.status, 303);
    const id = Number(r.headers.get('location').split('/').pop());
    assert.match(decode((await who.page(DEMO.coordinator, `/people/${id}`)).text), /<dt>Year in the district<\/dt><dd>1st year<\/dd>/);
    const form = decode((await who.page(DEMO.coordinator, `/people/${id}/edit`)).text);
    assert.match(form, /<label for="f-district_year">Which year in the district are they in\?<\/label>/);
    r = await who.api(DEMO.coordinator, 'GET', `/people/${id}`);
    assert.equal(r.json().district_year, 1);
    assert.equal(r.json().years_in_district, 0, 'the old field: no full year behind her yet');
    r = await who.api(DEMO.coordinator, 'PATCH', `/people/${id}`, { years_in_district: 2 });
    assert.equal(r.status, 200);
    assert.equal(r.json().district_year, 3);
    r = await who.api(DEMO.coordinator, 'PATCH', `/people/${id}`, { district_year: 4 });
    assert.equal(r.json().district_year, 4);
    assert.equal(r.json().years_in_district, 3);
    const doc = (await new Client(srv.base).get('/api/v1/openapi.json')).json();
    assert.ok(doc.components.schemas.Person.properties.district_year, 'the new field is documented');
});
