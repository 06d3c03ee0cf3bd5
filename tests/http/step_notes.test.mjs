// step_notes.test.mjs: R16 for the notes a case's steps carry (the initial
// meeting held, the cycle closed). On a PA case they are as private as the
// coaching log: the teacher, their Consulting Teacher and the coordinator
// read them; the administrator of the teacher's school, who sees the case,
// never does: not on its timeline, its page, the API, their inbox or the
// list of cases. The case is made through the contact form and the steps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, parley, PASSWORD } from './harness.mjs';
import { DEMO, scalar, count, decode, personId, actors } from './records.mjs';

const COORD = DEMO.coordinator, CT = DEMO.consulting_teacher, ADMIN = DEMO.administrator;
const TEACHER = 'quinn.pa@parley.test';
const MET = 'She fears her principal will hear about the shouting in period 3.';
const CLOSED = 'Routines hold now; she still doubts herself with parents.';
const FACTS = { years: '6', plan: 'developing_educator', months: '12', rating: 'needs_improvement',
                union_member: 'yes', full_time: 'yes', job: 'classroom_teacher' };

let srv, caseId;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

const { post, page, api } = actors(() => srv);
const step = (who, form) => post(who, `/cases/${caseId}/transitions`, form);
const leaks = text => decode(text).includes('period 3') || decode(text).includes('doubts herself');

test('a PA case through the contact form and its steps, with notes on two of them', async () => {
    // R10: the teacher writes in from the administrator's school.
    const school = scalar(srv.db, `SELECT school_id FROM person_role WHERE role = 'administrator' AND person_id = ${personId(srv.db, ADMIN)};`);
    const visitor = new Client(srv.base);
    let r = await visitor.request('POST', '/contact/new', { form: {
        csrf: await visitor.csrf('/contact/new'), name: 'Quinn Avery', email: TEACHER, school_id: school,
        school_other: '', contact_by: 'email', phone: '', interest: 'pa', message: 'Coaching, please.', website: '' } });
    assert.equal(r.status, 200, r.text);
    const inquiry = scalar(srv.db, `SELECT id FROM inquiry WHERE email = '${TEACHER}';`);
    r = await post(COORD, '/cases', { inquiry_id: inquiry });
    assert.equal(r.status, 303, r.text);
    caseId = Number(r.headers.get('location').split('/').pop());
    const steps = [[COORD, { to: 'schedule_meeting', at: '2026-09-14T15:30', place: 'Room 12', ct_id: String(personId(srv.db, CT)) }],
                   [CT, { to: 'hold_meeting', notes: MET }],
                   [CT, { to: 'choose_track', track: 'pa', ...FACTS }],
                   [COORD, { to: 'assign_ct', ct_id: String(personId(srv.db, CT)) }],
                   [CT, { to: 'close_cycle', notes: CLOSED }]];
    for (const [who, form] of steps) {
        r = await step(who, form);
        assert.equal(r.status, 303, `${form.to}: ${decode(r.text).slice(0, 300)}`);
    }
    assert.equal(scalar(srv.db, `SELECT track || ' ' || state FROM teacher_case WHERE id = ${caseId};`), 'pa cycle_closed');
    assert.equal(parley(['user', 'passwd', '--db', srv.db, '--email', TEACHER], PASSWORD + '\n').code, 0);
});

test('R16: a PA case\'s step notes never reach the administrator: timeline, page, API, inbox, list', async () => {
    let r = await page(ADMIN, `/cases/${caseId}`);
    assert.equal(r.status, 200, 'the administrator sees the case itself');
    assert.match(decode(r.text), /Record the initial meeting as held/, 'and that the meeting was held');
    assert.ok(!leaks(r.text), 'the case page holds none of the notes');
    r = await api(ADMIN, 'GET', `/cases/${caseId}`);
    assert.equal(r.status, 200);
    assert.ok(r.json().timeline.some(e => e.transition === 'close_cycle'), 'the step is on their timeline');
    assert.ok(!leaks(r.text), 'the API holds none of the notes');
    assert.ok(!leaks((await page(ADMIN, '/inbox')).text), 'nor their inbox');
    const admin = personId(srv.db, ADMIN);
    assert.ok(count(srv.db, 'notification', `person_id = ${admin} AND case_id = ${caseId}`) > 0, 'they were told of the steps');
    assert.equal(count(srv.db, 'notification', `person_id = ${admin} AND (message LIKE '%period 3%' OR message LIKE '%doubts herself%')`), 0);
    assert.ok(!leaks((await page(ADMIN, '/cases')).text), 'nor the list of cases');
    assert.ok(!leaks((await api(ADMIN, 'GET', '/cases')).text), 'nor the API\'s list');
    // as the coaching log is refused them
    assert.equal((await page(ADMIN, `/cases/${caseId}/coaching`)).status, 403);
});

test('R16, R37: the teacher, their CT and the coordinator read the notes on the timeline', async () => {
    for (const who of [TEACHER, CT, COORD]) {
        const t = decode((await page(who, `/cases/${caseId}`)).text);
        assert.ok(t.includes(MET) && t.includes(CLOSED), `${who} reads both notes`);
        const timeline = (await api(who, 'GET', `/cases/${caseId}`)).json().timeline;
        assert.ok(timeline.some(e => e.summary.includes(MET)), `${who}: the API too`);
    }
});
