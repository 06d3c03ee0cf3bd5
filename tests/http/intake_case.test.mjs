// intake_case.test.mjs: the inquiry and its case as one journey, each step
// taken through the pages or the API by the person whose step it is: a
// visitor's contact form, the coordinator opening the case, the CT and the
// administrator taking theirs. R4 at set_timeline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, parley, PASSWORD } from './harness.mjs';
import { DEMO, actors, scalar, personId, decode, refusalOf, ruleTitle } from './records.mjs';

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
    assert.match(page, /href="\/help\/rules#R1">[^<]+<\/a>: You are in your 3rd year in the district: the program is open from the 3rd year on\./);
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
    assert.match(r.json().error.message, /You are in your 2nd year in the district: teachers in their 1st or 2nd year are not eligible yet/);
    assert.doesNotMatch(r.json().error.message, /R1/, 'the rule in words, not its number');
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

// --- the inquiry and its case, one journey ---

test('reloading the thank-you page sends nothing again: the form redirects to a page of its reference', async () => {
    const visitor = new Client(srv.base);
    const csrf = await visitor.csrf('/contact/new');
    const r = await visitor.request('POST', '/contact/new', { form: {
        csrf, name: 'Rene Reload', email: 'rene.reload@example.org', school_id: RIVERSIDE(), school_other: '',
        contact_by: 'email', phone: '', interest: 'pa', message: '', website: '' } });
    assert.equal(r.status, 303, 'Post/Redirect/Get');
    const thanks = r.headers.get('location');
    const ref = thanks.match(/^\/contact\/sent\?reference=(INQ-\d{4}-\d{4})$/)[1];
    for (let i = 0; i < 3; i++) {
        const page = await visitor.get(thanks);
        assert.equal(page.status, 200);
        assert.match(page.text, new RegExp(`Your reference number is <strong class="reference">${ref}</strong>`));
        assert.doesNotMatch(page.text, /Rene|example\.org/, 'nothing of what was sent is shown back');
    }
    assert.equal(scalar(srv.db, "SELECT COUNT(*) FROM inquiry WHERE email = 'rene.reload@example.org';"), '1');
    const odd = await visitor.get('/contact/sent?reference=%3Cscript%3E');
    assert.equal(odd.status, 200);
    assert.doesNotMatch(odd.text, /<script>|Your reference number/);
});

test('the inquiry opens its case from its own page; each links to the other; its handler comes along', async () => {
    const inq = await contactForm({ name: 'Ida Intake', email: 'ida.intake@example.org', interest: 'pa' });
    const luis = personId(srv.db, 'ct2@parley.test');
    const version = () => scalar(srv.db, `SELECT version FROM inquiry WHERE id = ${inq};`);
    let r = await who.post(DEMO.coordinator, `/intake/${inq}/assign`, { version: version(), handler_id: String(luis) });
    assert.equal(r.status, 303);
    let page = decode((await who.page(DEMO.coordinator, `/intake/${inq}`)).text);
    assert.match(page, new RegExp(`<form method="post" action="/cases"[^>]*>.*?name="inquiry_id" value="${inq}".*?>Open a case</button>`, 's'));
    page = decode((await who.page('ct2@parley.test', `/intake/${inq}`)).text);
    assert.doesNotMatch(page, /Open a case<\/button>/, 'only the coordinator opens a case (R8, R10)');
    assert.match(page, /No case yet\./);

    r = await who.post(DEMO.coordinator, '/cases', { inquiry_id: String(inq) });
    assert.equal(r.status, 303);
    const caseId = Number(r.headers.get('location').split('/').pop());
    page = decode((await who.page(DEMO.coordinator, `/intake/${inq}`)).text);
    assert.match(page, new RegExp(`<a href="/cases/${caseId}">The case of Ida Intake</a>`));
    assert.doesNotMatch(page, /Open a case<\/button>/);
    assert.equal((await who.api(DEMO.coordinator, 'GET', `/inquiries/${inq}`)).json().case_id, caseId);
    page = decode((await who.page(DEMO.coordinator, `/cases/${caseId}`)).text);
    assert.match(page, /<dt>Intake handled by<\/dt><dd>Luis Ortega<\/dd>/);
    const ref = scalar(srv.db, `SELECT reference FROM inquiry WHERE id = ${inq};`);
    assert.match(page, new RegExp(`<dt>Inquiry</dt><dd><a href="/intake/${inq}">${ref}</a></dd>`));
    // ... the teacher, who does not work the intake queue, reads its reference only
    assert.equal(parley(['user', 'passwd', '--db', srv.db, '--email', 'ida.intake@example.org'], PASSWORD + '\n').code, 0);
    page = decode((await who.page('ida.intake@example.org', `/cases/${caseId}`)).text);
    assert.match(page, new RegExp(`<dt>Inquiry</dt><dd>${ref}</dd>`));
});

test('when the case is withdrawn or its cycle closed, its inquiry is closed with the case\'s outcome', async () => {
    // withdrawn by the coordinator, with a reason
    let inq = await contactForm({ name: 'Walt Withdrawn', email: 'walt.withdrawn@example.org' });
    let caseId = await openCase(inq);
    assert.equal(scalar(srv.db, `SELECT status FROM inquiry WHERE id = ${inq};`), 'in_progress');
    let r = await step(DEMO.coordinator, caseId, { to: 'withdraw', reason: 'Moving to another district.' });
    assert.equal(r.status, 201, r.text);
    let q = (await who.api(DEMO.coordinator, 'GET', `/inquiries/${inq}`)).json();
    assert.equal(q.status, 'closed');
    assert.equal(q.close_reason, 'The case was withdrawn: Moving to another district.');
    // a PA case on the caseload whose cycle closes
    inq = await contactForm({ name: 'Cleo Closed', email: 'cleo.closed@example.org', interest: 'pa' });
    caseId = await openCase(inq);
    const ct = personId(srv.db, 'ct2@parley.test');
    for (const [email, json] of [
        [DEMO.coordinator, { to: 'schedule_meeting', at: '2030-08-20 15:30', place: 'Room 4', ct_id: ct }],
        ['ct2@parley.test', { to: 'hold_meeting' }],
        ['ct2@parley.test', { to: 'choose_track', track: 'pa', ...FACTS, district_year: 4 }],
        [DEMO.coordinator, { to: 'assign_ct', ct_id: ct }],
        ['ct2@parley.test', { to: 'close_cycle' }]]) {
        r = await step(email, caseId, json);
        assert.equal(r.status, 201, `${json.to}: ${r.text}`);
    }
    q = (await who.api(DEMO.coordinator, 'GET', `/inquiries/${inq}`)).json();
    assert.equal(q.status, 'closed');
    assert.equal(q.close_reason, "The case's cycle is closed (Peer Assistance (PA)).");
    assert.equal(scalar(srv.db, `SELECT COUNT(*) FROM audit WHERE record_kind = 'inquiry' AND record_id = ${inq}
                                 AND summary LIKE '%closed with its case%';`), '1', 'the change is audited');
});

// --- R8: participation is voluntary ---

const NORA = 'teacher3@parley.test';   // Nora Lindqvist, a teacher with an account, no case

test('R8: an administrator\'s request in a teacher\'s name waits for the teacher, and no case opens from it', async () => {
    const admin = (await who.as(DEMO.administrator)).c;
    const page = decode((await admin.get('/contact/new')).text);
    assert.match(page, /You are signed in as Grace Okafor\. A request you send in someone else's name waits for them/);
    const inq = await contactForm({ name: 'Nora Lindqvist', email: NORA }, admin);
    const row = () => scalar(srv.db, `SELECT teacher_confirmation || '|' || status FROM inquiry WHERE id = ${inq};`);
    assert.equal(row(), 'awaiting|new');
    // the coordinator sees it waiting, and cannot open a case from it
    let intake = decode((await who.page(DEMO.coordinator, `/intake/${inq}`)).text);
    assert.match(intake, /Grace Okafor, in the teacher's name: awaiting Nora Lindqvist's confirmation/);
    assert.doesNotMatch(intake, /Open a case<\/button>/);
    assert.match(intake, /No case yet\. Taking part is the teacher's own choice: this request was sent in their name by someone else/);
    assert.doesNotMatch(intake, /R8/, 'the rule in words, not its number');
    assert.match(decode((await who.page(DEMO.coordinator, '/intake')).text), /New: Awaiting the teacher's confirmation/);
    assert.doesNotMatch(decode((await who.page(DEMO.coordinator, '/cases/new')).text), new RegExp(`value="${inq}"`),
                        'not offered as an inquiry a case may open from');
    let r = await who.post(DEMO.coordinator, '/cases', { inquiry_id: String(inq) });
    assert.equal(r.status, 409, 'a rule refused it: the form again, titled by the rule (issue 18)');
    assert.match(decode(r.text), /becomes a case only once the teacher confirms it themselves/);
    assert.equal(refusalOf(r.text).title, await ruleTitle(srv.base, 8));
    assert.equal(scalar(srv.db, `SELECT COUNT(*) FROM teacher_case WHERE inquiry_id = ${inq};`), '0');
    // nobody but the teacher answers for the teacher
    r = await who.post(DEMO.administrator, `/inquiries/${inq}/confirmation`, { answer: 'confirm' });
    assert.equal(r.status, 404);
    r = await who.post(DEMO.coordinator, `/inquiries/${inq}/confirmation`, { answer: 'confirm' });
    assert.equal(r.status, 404);
    r = await who.api('teacher2@parley.test', 'POST', `/inquiries/${inq}/confirmation`, { answer: 'confirm' });
    assert.equal(r.status, 404);
    assert.equal(row(), 'awaiting|new');

    // the teacher is told, sees it on their dashboard, and confirms it
    assert.match(decode((await who.page(NORA, '/inbox')).text),
                 /Grace Okafor sent the program a request in your name \(INQ-\d{4}-\d{4}\)\. Nothing happens unless you confirm it/);
    const dash = decode((await who.page(NORA, '/dashboard')).text);
    assert.match(dash, /<h2 id="sent-in-your-name-h">Sent in your name<\/h2>/);
    assert.match(dash, /<strong>Grace Okafor<\/strong> sent the program a request in your name/);
    assert.match(dash, new RegExp(`action="/inquiries/${inq}/confirmation".*?value="confirm"[^>]*>Yes, I asked for this</button>.*?value="decline"[^>]*>This wasn't me</button>`, 's'));
    r = await who.post(NORA, `/inquiries/${inq}/confirmation`, { answer: 'maybe' });
    assert.equal(r.status, 400);
    r = await who.post(NORA, `/inquiries/${inq}/confirmation`, { answer: 'confirm' });
    assert.equal(r.status, 303);
    assert.equal(row(), 'confirmed|new');
    assert.doesNotMatch(decode((await who.page(NORA, '/dashboard')).text), /Sent in your name/);
    r = await who.post(NORA, `/inquiries/${inq}/confirmation`, { answer: 'decline' });
    assert.equal(r.status, 409, 'answered once');
    intake = decode((await who.page(DEMO.coordinator, `/intake/${inq}`)).text);
    assert.match(intake, /Grace Okafor, in the teacher's name; Nora Lindqvist confirmed it on \d{4}-\d{2}-\d{2}/);
    const caseId = await openCase(inq);
    assert.ok(caseId > 0, 'confirmed: the coordinator opens the case');
});

test('R8: "This wasn\'t me" closes the request; a teacher\'s own form confirms what waits in their name', async () => {
    const admin = (await who.as('principal2@parley.test')).c;
    // declined, through the API
    let inq = await contactForm({ name: 'Aisha Bello', email: 'teacher2@parley.test', interest: 'par' }, admin);
    let r = await who.api('teacher2@parley.test', 'POST', `/inquiries/${inq}/confirmation`, { answer: 'decline' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().teacher_confirmation, 'declined');
    const q = (await who.api(DEMO.coordinator, 'GET', `/inquiries/${inq}`)).json();
    assert.equal(q.status, 'closed');
    assert.equal(q.close_reason, 'The teacher says they did not ask for this request.');
    assert.equal(q.teacher_confirmation, 'declined');
    r = await who.post(DEMO.coordinator, '/cases', { inquiry_id: String(inq) });
    assert.equal(r.status, 400, 'a closed inquiry opens no case');
    // the teacher sends the form themselves, signed in or not: what waited is theirs now
    inq = await contactForm({ name: 'Kevin Tran', email: 'kevin.tran@parley.test' }, admin);
    assert.equal(scalar(srv.db, `SELECT teacher_confirmation FROM inquiry WHERE id = ${inq};`), 'awaiting');
    const own = await contactForm({ name: 'Kevin Tran', email: 'Kevin.Tran@parley.test' });
    assert.equal(scalar(srv.db, `SELECT teacher_confirmation FROM inquiry WHERE id = ${own};`), 'not_needed');
    assert.equal(scalar(srv.db, `SELECT teacher_confirmation FROM inquiry WHERE id = ${inq};`), 'confirmed');
    // a staff member's request in their own name is their own
    const mine = await contactForm({ name: 'Thomas Byrne', email: 'principal2@parley.test', interest: 'question',
                                     message: 'How does PAR work for administrators?' }, admin);
    assert.equal(scalar(srv.db, `SELECT teacher_confirmation FROM inquiry WHERE id = ${mine};`), 'not_needed');
});
