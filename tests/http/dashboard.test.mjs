// dashboard.test.mjs: what is due, for whom. Each person's dashboard lists
// their own tasks from the case's process; a CT's also shows the weighted
// caseload against the cap (R30) and each case's next task; the week lists
// the meetings, sessions, visits and deadlines of one's cases; the
// deadlines page and API list everything due on one's cases and from whom:
// the teacher all of theirs (R37), the administrator none of a PA case's
// (R16). What is due comes from the process table: goals (R19), feedback
// (R19), the three parley meetings with everyone present (R17), the joint
// observation (R18). Cases are made through the API (journey.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';
import { DEMO, decode } from './records.mjs';
import { Journey, PEOPLE, addDays } from './journey.mjs';

let srv, j;
const PAR_CASE = 2;   /* the demo's PAR case, on ct1's caseload */

before(async () => { srv = await startServer(); j = new Journey(srv); });
after(async () => { await srv.stop(); });

async function page(email, path) {
    const c = await j.signIn(email);
    const r = await c.get(path);
    return { status: r.status, text: decode(r.text.replace(/<[^>]+>/g, '')) };
}

const due = async (email, k) => (await j.must(email, 'GET', '/deadlines')).items
    .filter(i => i.case_id === k.id);

test('R30: the CT dashboard shows the weighted caseload against the cap, and each case', async () => {
    const { status, text } = await page(DEMO.consulting_teacher, '/dashboard');
    assert.equal(status, 200);
    assert.match(text, /Weighted load 2 of the program's cap of 20: 1 PAR and 0 PA teachers/);
    assert.match(text, /Samuel Reyes/);
    const coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    assert.equal((await coord.post('/settings', { caseload_cap: '12' }, '/settings')).status, 303);
    assert.match((await page(DEMO.consulting_teacher, '/dashboard')).text, /of the program's cap of 12/);
    const load = await j.must(DEMO.consulting_teacher, 'GET', '/caseload');
    assert.deepEqual([load.load, load.cap, load.par, load.pa], [2, 12, 1, 0]);
    assert.deepEqual(load.cases.map(k => k.id), [PAR_CASE]);
    assert.equal((await coord.post('/settings', { caseload_cap: '20' }, '/settings')).status, 303);
});

test('R19: goals are due within goals_due_days of the cycle start; approved goals end it', async () => {
    const k = await j.parCase('caseload');
    await j.goTo(addDays(k.start, 31));
    let goals = (await due(k.who.ct, k)).find(i => i.step === 'propose_goals');
    assert.ok(goals, 'goals are due');
    assert.equal(goals.due_on, addDays(k.start, 30));
    assert.equal(goals.overdue, true, '31 days into the cycle: 30 have passed');
    assert.match((await page(k.teacherEmail, '/dashboard')).text,
                 /Draft and propose the goals.*Overdue was due/s);
    // proposed: now the CT's to approve; a practice goal alone is not enough (R19)
    const g = await j.must(k.teacherEmail, 'POST', `/cases/${k.id}/goals`, { kind: 'practice',
        title: 'P', specific: 'S', measure: 'M', due_on: addDays(k.start, 90) });
    await j.must(k.teacherEmail, 'PATCH', `/cases/${k.id}/goals/${g.id}`, { status: 'proposed' });
    assert.deepEqual((await j.must(k.who.ct, 'GET', '/tasks')).items
        .filter(i => i.case_id === k.id && /goals/.test(i.step)).map(i => i.step), ['approve_goals']);
    await j.must(k.who.ct, 'POST', `/cases/${k.id}/goals/${g.id}/decision`, { decision: 'approve' });
    assert.ok((await due(k.who.ct, k)).find(i => i.step === 'propose_goals'));
    const l = await j.must(k.teacherEmail, 'POST', `/cases/${k.id}/goals`, { kind: 'student_learning',
        title: 'L', specific: 'S', measure: 'M', due_on: addDays(k.start, 90) });
    await j.must(k.teacherEmail, 'PATCH', `/cases/${k.id}/goals/${l.id}`, { status: 'proposed' });
    await j.must(k.who.ct, 'POST', `/cases/${k.id}/goals/${l.id}/decision`, { decision: 'approve' });
    assert.equal((await due(k.who.ct, k)).find(i => /goals/.test(i.step)), undefined);
});

test('R17, R18: the parley meetings are due in their windows; one counts only with all three present', async () => {
    const k = await j.parCase('caseload');
    let d = await due(k.who.ct, k);
    const meetings = d.filter(i => i.step === 'parley_meeting');
    assert.equal(meetings.length, 3, 'start, middle and end meetings');
    assert.equal(meetings[0].window_opens, k.start);
    assert.ok(d.find(i => i.step === 'joint_observation'), 'no joint observation yet');
    await j.goTo(k.start);
    const m = await j.must(k.who.ct, 'POST', `/cases/${k.id}/meetings`,
                           { phase: 'start', at: `${k.start} 15:00`, minutes: 45, place: 'Library' });
    await j.goTo(addDays(k.start, 1));
    // held without the administrator: it does not count (R17)
    await j.must(k.who.ct, 'PATCH', `/cases/${k.id}/meetings/${m.id}`,
                 { status: 'held', attended: 'teacher,ct', notes: 'The principal was away.' });
    d = await due(k.who.ct, k);
    assert.equal(d.filter(i => i.step === 'parley_meeting').length, 3);
    const list = await j.must(k.who.ct, 'GET', `/cases/${k.id}/meetings`);
    assert.equal(list.held, 0, 'no meeting held with all three present');
    // the record corrected: all three were there
    await j.must(k.who.ct, 'PATCH', `/cases/${k.id}/meetings/${m.id}`,
                 { status: 'held', attended: 'teacher,ct,administrator', notes: 'All three.' });
    d = await due(k.who.ct, k);
    assert.equal(d.filter(i => i.step === 'parley_meeting').length, 2);
    assert.equal((await j.must(k.who.ct, 'GET', `/cases/${k.id}/meetings`)).held, 1);
});

test('R19, R37, R16: feedback due on a PA case shows to its teacher and CT, never to the administrator', async () => {
    const k = await j.paCase('caseload');
    const today = await j.today();
    await j.must(k.who.ct, 'POST', `/cases/${k.id}/observations`, { announced: false,
        observed_on: addDays(today, -2), minutes: 45, observers: 'ct', notes: 'Fractions.' });
    const dueOn = addDays(today, 3);
    for (const who of [k.teacherEmail, k.who.ct])
        assert.ok((await due(who, k)).find(i => i.step === 'share_feedback' && i.due_on === dueOn),
                  `${who} sees the feedback due`);
    // the PA teacher's school's administrator is not an evaluator of a PA case (R16)
    assert.deepEqual(await due(k.who.administrator, k), []);
    const p = await page(k.who.administrator, '/deadlines');
    assert.equal(p.status, 200);
    assert.doesNotMatch(p.text, /Share the feedback/);
    // the case's own API answer carries them the same way
    const own = await j.must(k.teacherEmail, 'GET', `/cases/${k.id}`);
    assert.ok(own.deadlines.some(i => i.step === 'share_feedback' && i.due_on === dueOn));
    const theirs = await j.api(k.who.administrator, 'GET', `/cases/${k.id}`);
    assert.equal(theirs.status, 200, 'the administrator sees the PA case itself (enrolment)');
    assert.deepEqual(theirs.json().deadlines, [], 'but nothing due on its records (R16)');
    // the teacher's own case page lists what is due, and from whom (R37)
    assert.match((await page(k.teacherEmail, `/cases/${k.id}`)).text,
                 /What is due, and from whom.*Share the feedback on an observation/s);
});

test('the week lists one\'s meetings, visits, sessions and deadlines, and the API checks its date', async () => {
    const k = await j.parCase('caseload');
    await j.goTo(k.start);
    const now = await j.today();
    await j.must(k.who.ct, 'POST', `/cases/${k.id}/coaching`,
                 { on_date: now, minutes: 50, kind: 'visit', focus: 'Questioning strategies' });
    await j.must(k.who.ct, 'POST', `/cases/${k.id}/meetings`,
                 { phase: 'extra', at: `${now} 16:30`, minutes: 30, place: 'Room 12' });
    const { text } = await page(k.who.ct, `/dashboard?week=${now}`);
    assert.match(text, /The week of/);
    assert.match(text, new RegExp(`Coaching: Classroom visit \\(${k.teacherName}\\): Questioning strategies`));
    assert.match(text, new RegExp(`16:30 Parley meeting: ${k.teacherName} \\(Additional meeting\\): Room 12`));
    const w = await j.must(k.who.ct, 'GET', `/week?start=${now}`);
    assert.ok(w.items.some(i => i.time === '16:30' && i.case_id === k.id));
    // the teacher and the administrator see the meeting in their week too
    for (const who of [k.teacherEmail, k.who.administrator])
        assert.ok((await j.must(who, 'GET', `/week?start=${now}`)).items
            .some(i => i.time === '16:30' && i.case_id === k.id), who);
    const bad = await j.api(k.who.ct, 'GET', '/week?start=tomorrow');
    assert.equal(bad.status, 400);
    assert.equal(bad.json().error.field, 'start');
    // another CT's week has none of it
    const other = await j.must('ct2@parley.test', 'GET', `/week?start=${now}`);
    assert.equal(other.items.filter(i => i.case_id === k.id).length, 0);
});

test('every role has a task list; a Panel member whose term ended has none of the Panel\'s', async () => {
    for (const who of Object.values(DEMO).filter(e => !/pss|president|consultant|member@/.test(e))) {
        const p = await page(who, '/dashboard');
        assert.equal(p.status, 200, who);
        assert.match(p.text, /Your tasks/, who);
        assert.equal((await page(who, '/deadlines')).status, 200, who);
    }
    const k = await j.parCase('docketed');
    assert.ok((await j.must(PEOPLE.panel[0], 'GET', '/tasks')).items.some(i => i.case_id === k.id));
    assert.deepEqual((await j.must('panel6@parley.test', 'GET', '/deadlines')).items
        .filter(i => i.case_id === k.id), []);
    // the session is in the sitting members' week, not in the past member's
    const week = await j.must(PEOPLE.panel[0], 'GET', `/week?start=${k.sessionOn}`);
    assert.ok(week.items.some(i => /Panel session/.test(i.what) && i.date === k.sessionOn));
    assert.equal((await j.must('panel6@parley.test', 'GET', `/week?start=${k.sessionOn}`)).items.length, 0);
});

// A district's coordinator has tens of thousands of deadlines (issue 19):
// the page shows a hundred at a time, overdue first, the API a page when
// asked (?page, ?per_page), and every page together is the whole list.
test('the deadlines come a page at a time: a hundred on the page, a page of the API when asked', async () => {
    const whole = async () => (await j.must(DEMO.coordinator, 'GET', '/deadlines')).items;
    const c = await j.signIn(DEMO.coordinator);
    assert.equal((await c.post('/settings', { caseload_cap: '100' }, '/settings')).status, 303);
    while ((await whole()).length <= 100)
        await j.cases(2, 'par', 'caseload');
    const all = await whole();
    const key = i => `${i.case_id}/${i.inquiry_id}/${i.step}/${i.due_on ?? i.waiting_since}/${i.from}`;
    const pages = [];
    for (let p = 1; ; p++) {
        const r = await j.must(DEMO.coordinator, 'GET', `/deadlines?page=${p}&per_page=40`);
        assert.equal(r.total, all.length, 'each page says how many in all');
        assert.equal(r.per_page, 40);
        if (!r.items.length) break;
        assert.ok(r.items.length <= 40);
        pages.push(...r.items);
    }
    assert.deepEqual(pages.map(key), all.map(key), 'the pages, one after another, are the list');
    const bad = await j.api(DEMO.coordinator, 'GET', '/deadlines?per_page=0');
    assert.equal(bad.status, 400);
    assert.equal(bad.json().error.field, 'per_page');

    const items = html => [...html.matchAll(/<li class="task[^"]*">/g)].length;
    const first = (await c.get('/deadlines')).text;
    assert.equal(items(first), 100);
    const pagesInAll = Math.ceil(all.length / 100);
    assert.match(first, new RegExp(`Page 1 of ${pagesInAll} \\(${all.length} in all\\)`));
    assert.match(first, /<a href="\/deadlines\?page=2">Next page<\/a>/);
    const last = (await c.get(`/deadlines?page=${pagesInAll}`)).text;
    assert.equal(items(last), all.length - 100 * (pagesInAll - 1));
    assert.match(last, /<a href="\/deadlines\?page=\d+">Previous page<\/a>/);
    const past = await c.get(`/deadlines?page=${pagesInAll + 5}`);
    assert.equal(past.status, 303, 'a page past the end goes to the last');
    assert.equal(past.headers.get('location'), `/deadlines?page=${pagesInAll}`);
});
