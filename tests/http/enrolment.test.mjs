// enrolment.test.mjs: a case from the teacher's inquiry to a Consulting
// Teacher's caseload over HTTP, each step taken by the role whose step it
// is (coordinator, CT, union rep, administrator, teacher), through the pages
// and the API; the refusals (403/404/409, or 400 beside the field) say their
// rules in plain words: R7, R8, R10-R13, R27, R30; the timeline, status page
// and inboxes (R37). The inquiry comes from the public contact form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, bearer, parley, PASSWORD } from './harness.mjs';
import { DEMO, scalar, personId, token, decode, fieldError, refusalOf, ruleTitle } from './records.mjs';
import { Journey, addDays } from './journey.mjs';

let srv, coord, csrf, j;
const clients = {};

before(async () => {
    srv = await startServer();
    coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    csrf = await coord.csrf('/dashboard');
    j = new Journey(srv);
});
after(async () => { await srv.stop(); });

async function as(email) {
    if (!clients[email]) {
        const c = new Client(srv.base);
        await c.login(email);
        clients[email] = { c, csrf: await c.csrf('/dashboard') };
    }
    return clients[email];
}

async function step(email, caseId, form) {
    const { c, csrf: t } = email === DEMO.coordinator ? { c: coord, csrf } : await as(email);
    return c.request('POST', `/cases/${caseId}/transitions`, { form: { csrf: t, ...form } });
}

// The teacher's own request, sent with the public contact form: its id.
async function inquiry(name, email, interest = 'par') {
    const ref = await j.contact(name, email, await j.schoolId('RHS'), interest);
    return (await j.must(DEMO.coordinator, 'GET', `/inquiries?q=${ref}`)).items[0].id;
}

async function openCase(inquiryId) {
    const r = await coord.request('POST', '/cases', { form: { csrf, inquiry_id: String(inquiryId) } });
    assert.equal(r.status, 303, `opening a case: ${r.status} ${decode(r.text).slice(0, 300)}`);
    return Number(r.headers.get('location').match(/^\/cases\/(\d+)$/)[1]);
}

const state = id => scalar(srv.db, `SELECT state FROM teacher_case WHERE id = ${id};`);
const FACTS = { district_year: '5', plan: 'improvement', months: '12', rating: 'needs_improvement',
                union_member: 'yes', full_time: 'yes', job: 'classroom_teacher' };
const NEWCOMER = 'nina.newcomer@parley.test';

let caseId;

test('R8, R10: a case opens only from the inquiry, by the coordinator; the sender becomes a teacher', async () => {
    const inq = await inquiry('Nina Newcomer', NEWCOMER);
    const admin = await as(DEMO.administrator);
    let r = await admin.c.request('POST', '/cases', { form: { csrf: admin.csrf, inquiry_id: String(inq) } });
    assert.equal(r.status, 403);
    assert.match(decode(r.text), /Only the coordinator opens a case, and only from the teacher's own request/);
    r = await admin.c.get('/cases/new');
    assert.equal(r.status, 403, 'an administrator cannot enrol a teacher (R8)');

    r = await coord.get('/cases/new');
    assert.equal(r.status, 200);
    assert.match(decode(r.text), /INQ-\d{4}-\d{4}: Nina Newcomer/);
    r = await coord.request('POST', '/cases', { form: { csrf, inquiry_id: '' } });
    assert.equal(r.status, 400);
    assert.equal(fieldError(r.text, 'inquiry_id'), 'Choose an inquiry from the list.');

    caseId = await openCase(inq);
    assert.equal(state(caseId), 'inquiry_received');
    const teacher = personId(srv.db, NEWCOMER);
    assert.equal(scalar(srv.db, `SELECT COUNT(*) FROM person_role WHERE person_id = ${teacher} AND role = 'participating_teacher';`), '1');
    assert.equal(scalar(srv.db, `SELECT person_id FROM inquiry WHERE id = ${inq};`), String(teacher));
    // one case per inquiry
    r = await coord.request('POST', '/cases', { form: { csrf, inquiry_id: String(inq) } });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'inquiry_id'), /already has a case/);
    // the teacher can sign in once the coordinator issues a password (existing feature)
    assert.equal(parley(['user', 'passwd', '--db', srv.db, '--email', NEWCOMER], PASSWORD + '\n').code, 0);
});

test('R10: the initial meeting is scheduled by the coordinator and recorded by its CT', async () => {
    let r = await step(DEMO.coordinator, caseId, { to: 'choose_track', track: 'par', ...FACTS });
    assert.equal(r.status, 409, 'no choosing a track before the meeting');
    assert.match(decode(r.text), /not a step from there/);
    r = await step(DEMO.coordinator, caseId, { to: 'schedule_meeting', at: '2026-09-14T15:30', place: '',
                                              ct_id: String(personId(srv.db, DEMO.consulting_teacher)) });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'place'), /Say where/);
    r = await step(DEMO.coordinator, caseId, { to: 'schedule_meeting', at: '2026-09-14T15:30',
                                              place: 'Riverside HS, room 12',
                                              ct_id: String(personId(srv.db, DEMO.consulting_teacher)) });
    assert.equal(r.status, 303);
    assert.equal(state(caseId), 'meeting_scheduled');
    // another CT is not told the case exists; the case's CT records the meeting
    r = await step('ct2@parley.test', caseId, { to: 'hold_meeting' });
    assert.equal(r.status, 404);
    r = await step(DEMO.consulting_teacher, caseId, { to: 'hold_meeting', notes: 'Went through PA and PAR.' });
    assert.equal(r.status, 303);
    assert.equal(state(caseId), 'meeting_held');
});

test('R8: the administrator sees the case but can neither withdraw nor take the teacher\'s steps', async () => {
    const admin = await as(DEMO.administrator);
    let r = await admin.c.get(`/cases/${caseId}`);
    assert.equal(r.status, 200);
    r = await step(DEMO.administrator, caseId, { to: 'withdraw', reason: 'Not a good fit.' });
    assert.equal(r.status, 403);
    assert.match(decode(r.text), /Only the teacher or the coordinator withdraws a case; an administrator cannot block/);
    r = await step(DEMO.administrator, caseId, { to: 'choose_track', track: 'pa', ...FACTS });
    assert.equal(r.status, 403);
    assert.equal(state(caseId), 'meeting_held');
});

test('track chosen through the API: eligibility re-checked (R4), then PAR', async () => {
    const ctTok = token(srv.db, DEMO.consulting_teacher);
    const c = new Client(srv.base);
    let r = await c.request('POST', `/api/v1/cases/${caseId}/transitions`, { headers: bearer(ctTok),
        json: { to: 'track_chosen', track: 'par', years: 5, plan: 'improvement', months: 4,
                rating: 'needs_improvement', union_member: true, full_time: true, job: 'classroom_teacher' } });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'track');
    assert.match(r.json().error.message, /do not meet what this track asks for.*PAR needs at least 6/);
    r = await c.request('POST', `/api/v1/cases/${caseId}/transitions`, { headers: bearer(ctTok),
        json: { to: 'track_chosen', track: 'par', years: 5, plan: 'improvement', months: 12,
                rating: 'needs_improvement', union_member: true, full_time: true, job: 'classroom_teacher' } });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.headers.get('location'), `/api/v1/cases/${caseId}`);
    const body = r.json();
    assert.equal(body.state, 'track_chosen');
    assert.equal(body.track, 'par');
    assert.ok(body.next_steps.includes('schedule_review'));
    assert.equal(body.timeline.at(-1).transition, 'choose_track');
    r = await c.request('POST', `/api/v1/cases/${caseId}/transitions`, { headers: bearer(ctTok), json: { to: 'nowhere' } });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'to');
});

test('R7: a teacher in PA is refused a second case when it would open, before any meeting', async () => {
    // Aisha Bello (teacher2) is in PA in the demo (case 1); she asks again
    const inq = await inquiry('Aisha Bello', 'teacher2@parley.test');
    const r = await coord.request('POST', '/cases', { form: { csrf, inquiry_id: String(inq) } });
    assert.equal(r.status, 409, 'a rule refused it: the form again, titled by the rule (issue 18)');
    assert.match(decode(r.text), /one case at a time, never PA and PAR together.*They have 1\./s);
    assert.equal(refusalOf(r.text).title, await ruleTitle(srv.base, 7));
    assert.match(r.text, new RegExp(`<option value="${inq}" selected>`), 'the inquiry chosen is kept');
    // and through the API the same words
    const api = await j.api(DEMO.coordinator, 'POST', '/cases', { inquiry_id: inq });
    assert.equal(api.status, 403);
    assert.match(api.json().error.message, /already has an active case/);
});

test('R11: PAR reaches the caseload only after the teacher and the union rep sign', async () => {
    let r = await step(DEMO.coordinator, caseId, { to: 'assign_ct', ct_id: String(personId(srv.db, DEMO.consulting_teacher)) });
    assert.equal(r.status, 409, 'a rule refused it (issue 18: on the case page, titled by the rule)');
    assert.match(decode(r.text), /A PAR teacher joins the caseload only after the PAR Agreement is signed/);
    assert.equal(refusalOf(r.text).title, await ruleTitle(srv.base, 11));
    r = await step(DEMO.consulting_teacher, caseId, { to: 'schedule_review', at: '2026-09-20 16:00',
                                                     place: 'Union hall', union_rep_id: String(personId(srv.db, DEMO.union_rep)) });
    assert.equal(r.status, 303);
    r = await step(DEMO.union_rep, caseId, { to: 'hold_review' });
    assert.equal(r.status, 303);
    r = await step(NEWCOMER, caseId, { to: 'sign_agreement' });
    assert.equal(r.status, 303);
    assert.equal(state(caseId), 'review_held', 'one signature is not enough');
    r = await step(NEWCOMER, caseId, { to: 'sign_agreement' });
    assert.equal(r.status, 409, 'nobody signs twice');
    assert.match(decode(r.text), /You have signed the PAR Agreement/);
    // and the page offers no second "Sign": it says why instead
    const mine = decode((await (await as(NEWCOMER)).c.get(`/cases/${caseId}`)).text);
    assert.doesNotMatch(mine, /id="step-sign_agreement"/);
    assert.match(mine, /Sign the PAR Agreement<\/strong>: not yet\. You have signed/);
    // the rule (R11) by its title, linked to its explanation; no number in what is read
    const why = mine.match(/<strong>Sign the PAR Agreement<\/strong>: not yet\.[^]*?<\/(?:p|li)>/)[0];
    assert.match(why, /<a class="rule" href="\/help\/rules#R11">The rule: [^<]+<\/a>/);
    assert.doesNotMatch(why.replace(/<[^>]*>/g, ''), /\bR\d{1,2}\b/);
    r = await step(DEMO.coordinator, caseId, { to: 'sign_agreement' });
    assert.equal(r.status, 403, 'the coordinator does not sign for anyone');
    r = await step(DEMO.union_rep, caseId, { to: 'sign_agreement' });
    assert.equal(r.status, 303);
    assert.equal(state(caseId), 'agreement_signed');
    const page = decode((await (await as(NEWCOMER)).c.get(`/cases/${caseId}/agreement`)).text);
    assert.match(page, /PAR Agreement/);
    assert.match(page, /The teacher<\/strong>: Nina Newcomer<\/p><p>Signed <time/);
    assert.match(page, /The union representative<\/strong>: Walter Kim<\/p><p>Signed <time/);
});

test('R30: assigning a CT over the weighted cap is refused; under it, the case joins the caseload', async () => {
    const ct1 = String(personId(srv.db, DEMO.consulting_teacher));
    const page = decode((await coord.get(`/cases/${caseId}`)).text);
    assert.match(page, /Dana Whitfield \(Riverside High School\): caseload 2 of 20; the teacher's own school, best avoided/);
    assert.equal((await coord.post('/settings', { caseload_cap: '3' }, '/settings')).status, 303);
    let r = await step(DEMO.coordinator, caseId, { to: 'assign_ct', ct_id: ct1 });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'ct_id'), /caseload cap.* carries 2 of 3; this case weighs 2\./);
    assert.equal((await coord.post('/settings', { caseload_cap: '20' }, '/settings')).status, 303);
    // R27: a CT whose term has ended (ct3 left two months ago) is refused
    r = await step(DEMO.coordinator, caseId, { to: 'assign_ct', ct_id: String(personId(srv.db, 'ct3@parley.test')) });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'ct_id'), /term is not running today/);
    r = await step(DEMO.coordinator, caseId, { to: 'on_caseload', ct_id: ct1 });
    assert.equal(r.status, 303);
    assert.equal(state(caseId), 'on_caseload');
});

let start, end;

test('R12, R13: the administrator sets the timeline, 6 to 12 months, not in the past, before the cycle starts', async () => {
    start = addDays(await j.today(), 3);
    end = addDays(start, 300);
    const timeline = { to: 'set_timeline', cycle_start: start, plan_type: 'improvement', plan_months: '10' };
    let r = await step(DEMO.coordinator, caseId, { ...timeline, cycle_end: end });
    assert.equal(r.status, 403);
    assert.match(decode(r.text), /The administrator of the teacher's school sets the cycle's timeline/);
    r = await step(DEMO.administrator, caseId, { ...timeline, cycle_end: addDays(start, 500) });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'cycle_end'), /6 months to one year.*Starting /);
    r = await step(DEMO.administrator, caseId, { ...timeline, cycle_start: addDays(start, -4), cycle_end: end });
    assert.equal(r.status, 400, 'a timeline does not start in the past');
    assert.match(fieldError(r.text, 'cycle_start'), /before it starts: choose a start date from today on/);
    // R4: a PAR teacher's plan is at least par_min_plan_months long
    r = await step(DEMO.administrator, caseId, { ...timeline, cycle_end: end, plan_months: '5' });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'plan_months'), /PAR needs at least 6 months/);
    r = await step(DEMO.administrator, caseId, { ...timeline, cycle_end: end });
    assert.equal(r.status, 303);
    assert.equal(scalar(srv.db, `SELECT cycle_start || ' ' || cycle_end FROM teacher_case WHERE id = ${caseId};`),
                 `${start} ${end}`);
    // once the cycle has started, the administrator no longer changes it (R12)...
    await j.goTo(addDays(start, 1));
    r = await step(DEMO.administrator, caseId, { ...timeline, cycle_end: end });
    assert.equal(r.status, 409);
    assert.match(decode(r.text), new RegExp(`the coordinator corrects its timeline, with a reason\\. It started on ${start}\\.`));
    // ...the coordinator corrects it, with a reason, keeping its start; audited
    r = await step(DEMO.coordinator, caseId, { to: 'correct_timeline', cycle_start: start, cycle_end: addDays(end, 10),
                                              plan_type: 'improvement', plan_months: '10', reason: '' });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'reason'), /Give the reason/);
    end = addDays(end, 10);
    r = await step(DEMO.coordinator, caseId, { to: 'correct_timeline', cycle_start: start, cycle_end: end,
                                              plan_type: 'improvement', plan_months: '10',
                                              reason: 'The school year ends later.' });
    assert.equal(r.status, 303);
    assert.equal(scalar(srv.db, `SELECT cycle_end FROM teacher_case WHERE id = ${caseId};`), end);
    assert.match(scalar(srv.db, `SELECT summary FROM audit WHERE action = 'correct_timeline' AND record_id = ${caseId};`),
                 /Reason: The school year ends later\./);
});

test('R37: the teacher\'s status page, timeline and inbox show every step', async () => {
    const { c } = await as(NEWCOMER);
    let r = await c.get('/my-case');
    assert.equal(r.status, 200);
    const page = decode(r.text);
    assert.match(page, /Where your case is: On the caseload/);
    assert.match(page, new RegExp(`Your cycle: ${start} to ${end}\\.`));
    for (const what of ['Open the case', 'Schedule the initial meeting', 'Record the initial meeting as held',
                        'Choose the track', 'Schedule the PAR Agreement review', 'Sign the PAR Agreement',
                        'Assign a Consulting Teacher', 'Set the cycle\'s timeline'])
        assert.ok(page.includes(what), `the timeline shows: ${what}`);
    r = await c.get('/inbox');
    assert.equal(r.status, 200);
    assert.match(decode(r.text), /Inbox \(\d+ new\)/);
    assert.match(decode(r.text), /Case of Nina Newcomer: Assign a Consulting Teacher/);
    const ct = await as(DEMO.consulting_teacher);
    assert.match(decode((await ct.c.get('/inbox')).text), /Case of Nina Newcomer: Schedule the initial meeting/);
    const read = await c.request('POST', '/inbox/read', { form: { csrf: (await as(NEWCOMER)).csrf } });
    assert.equal(read.status, 303);
    assert.doesNotMatch(decode((await c.get('/inbox')).text), /Inbox \(\d+ new\)/);
    // the coordinator's view is on the teacher's record's history
    assert.ok(Number(scalar(srv.db, `SELECT COUNT(*) FROM audit WHERE record_kind = 'case' AND action = 'read' AND record_id = ${caseId};`)) >= 1);
});

test('the API lists and shows cases to those who take part, and hides them from others', async () => {
    const c = new Client(srv.base);
    const coordTok = token(srv.db, DEMO.coordinator);
    let r = await c.request('GET', '/api/v1/cases?state=on_caseload', { headers: bearer(coordTok) });
    assert.equal(r.status, 200);
    assert.ok(r.json().items.some(k => k.id === caseId));
    assert.ok(r.json().items.every(k => k.state === 'on_caseload'));
    r = await c.request('GET', '/api/v1/cases?state=bogus', { headers: bearer(coordTok) });
    assert.equal(r.status, 400);
    r = await c.request('GET', `/api/v1/cases/${caseId}`, { headers: bearer(coordTok) });
    assert.equal(r.status, 200);
    assert.ok(r.json().timeline.length >= 9);
    const other = token(srv.db, 'teacher3@parley.test');
    r = await c.request('GET', `/api/v1/cases/${caseId}`, { headers: bearer(other) });
    assert.equal(r.status, 404);
    r = await c.request('GET', '/api/v1/cases', { headers: bearer(token(srv.db, DEMO.participating_teacher)) });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json().items.map(k => k.teacher_name), ['Samuel Reyes'], 'a teacher lists only their own');
});

test('the teacher withdraws with a reason; the workflow help page is drawn from the table', async () => {
    let r = await step(NEWCOMER, caseId, { to: 'withdraw', reason: '', confirm: 'yes' });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'reason'), /Give the reason/);
    // issue 18: the page says what withdrawing does and who is told, and asks to confirm
    const mine = decode((await (await as(NEWCOMER)).c.get(`/cases/${caseId}`)).text);
    assert.match(mine, /<p class="hint" id="h-confirm-withdraw">The case stops for good[^<]*are told\.<\/p>/);
    assert.match(mine, /<label for="f-confirm-withdraw">Yes, withdraw the case<\/label>/);
    r = await step(NEWCOMER, caseId, { to: 'withdraw', reason: 'Moving to another district.' });
    assert.equal(r.status, 400, 'not confirmed: not withdrawn');
    assert.match(fieldError(r.text, 'confirm-withdraw'), /Tick the box/);
    assert.equal(decode(r.text).match(/<textarea[^>]*name="reason"[^>]*>([^<]*)</)[1], 'Moving to another district.');
    assert.equal(state(caseId), 'on_caseload');
    r = await step(NEWCOMER, caseId, { to: 'withdraw', reason: 'Moving to another district.', confirm: 'yes' });
    assert.equal(r.status, 303);
    assert.equal(state(caseId), 'withdrawn');
    r = await new Client(srv.base).get('/help/workflow');
    assert.equal(r.status, 200);
    const page = decode(r.text);
    assert.match(page, /A PAR teacher joins the caseload only after the PAR Agreement is signed/);
    assert.match(page, /digraph case_workflow/);
    const md = parley(['workflow', '--format', 'md']);
    assert.equal(md.code, 0);
    assert.match(md.out, /\| `assign_ct` \|/);
});
