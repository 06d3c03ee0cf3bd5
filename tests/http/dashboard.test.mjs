// dashboard.test.mjs: what is due, for whom. The CT's dashboard shows the
// weighted caseload against the cap (R30), each case's next due item,
// overdue first, and the week's visits and meetings; the deadlines page and
// API list each person's deadlines: the teacher all of theirs (R37), the
// administrator none of a PA case's (R16). The deadlines themselves come
// from the case's facts: goals (R19), feedback (R19), the three parley
// meetings (R17), the joint observation (R18).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, bearer } from './harness.mjs';
import { DEMO, sql, scalar, token, decode } from './records.mjs';

let srv;
const PA_CASE = 1, PAR_CASE = 2;

before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

function run(statement) {
    const r = sql(srv.db, statement);
    assert.equal(r.code, 0, r.err);
}

async function page(email, path) {
    const c = new Client(srv.base);
    await c.login(email);
    const r = await c.get(path);
    return { status: r.status, text: decode(r.text.replace(/<[^>]+>/g, '')) };
}

async function api(email, path) {
    const r = await new Client(srv.base).request('GET', path, { headers: bearer(token(srv.db, email)) });
    return { status: r.status, body: r.json() };
}

const day = n => new Date(Date.now() + n * 86400e3).toISOString().slice(0, 10);

function observation(caseId, on, shared) {
    run(`INSERT INTO observation (case_id, draft_key, announced, observed_on, minutes, observers,
         feedback_shared_at, created_at, updated_at) VALUES (${caseId}, 'k-${caseId}-${on}-${shared}',
         0, '${on}', 45, 'ct', ${shared ? 1 : 0}, 1, 1);`);
}

test('R30: the CT dashboard shows the weighted caseload against the cap, and each case', async () => {
    const { status, text } = await page(DEMO.consulting_teacher, '/dashboard');
    assert.equal(status, 200);
    assert.match(text, /Weighted load 2 of the program's cap of 20 \(R30\): 1 PAR and 0 PA teachers/);
    assert.match(text, /Samuel Reyes/);
    run("INSERT INTO program_setting (program_id, key, value) VALUES (1, 'caseload_cap', '12');");
    assert.match((await page(DEMO.consulting_teacher, '/dashboard')).text, /of the program's cap of 12/);
    const load = await api(DEMO.consulting_teacher, '/api/v1/caseload');
    assert.equal(load.status, 200);
    assert.deepEqual([load.body.load, load.body.cap, load.body.par, load.body.pa], [2, 12, 1, 0]);
    assert.deepEqual(load.body.cases.map(k => k.id), [PAR_CASE]);
    run("DELETE FROM program_setting WHERE key = 'caseload_cap';");
});

test('R19: goals are due within goals_due_days of the cycle start; approved goals end it', async () => {
    run(`DELETE FROM goal WHERE case_id = ${PAR_CASE};`);
    let d = await api(DEMO.consulting_teacher, '/api/v1/deadlines');
    let goals = d.body.items.find(i => i.case_id === PAR_CASE && i.rule === 'R19' && i.part === 'goals');
    assert.ok(goals, 'goals are due');
    assert.equal(goals.overdue, true, 'the cycle started 45 days ago: 30 days have passed');
    assert.match((await page(DEMO.consulting_teacher, '/deadlines')).text,
                 /Overdue was due .*Goals set and approved/);
    // a practice goal alone is not enough (R19)
    run(`INSERT INTO goal (case_id, kind, title, specific, measure, due_on, status, created_at, updated_at)
         VALUES (${PAR_CASE}, 'practice', 'P', 'S', 'M', '${day(90)}', 'approved', 1, 1);`);
    d = await api(DEMO.consulting_teacher, '/api/v1/deadlines');
    assert.ok(d.body.items.find(i => i.case_id === PAR_CASE && i.part === 'goals'));
    run(`INSERT INTO goal (case_id, kind, title, specific, measure, due_on, status, created_at, updated_at)
         VALUES (${PAR_CASE}, 'student_learning', 'L', 'S', 'M', '${day(90)}', 'approved', 1, 1);`);
    d = await api(DEMO.consulting_teacher, '/api/v1/deadlines');
    assert.equal(d.body.items.find(i => i.case_id === PAR_CASE && i.part === 'goals'), undefined);
});

test('R17, R18: the parley meetings are due in their windows; a held one is not', async () => {
    run(`DELETE FROM meeting WHERE case_id = ${PAR_CASE};`);
    const start = scalar(srv.db, `SELECT cycle_start FROM teacher_case WHERE id = ${PAR_CASE};`);
    let d = await api(DEMO.consulting_teacher, '/api/v1/deadlines');
    const meetings = d.body.items.filter(i => i.case_id === PAR_CASE && i.rule === 'R17');
    assert.equal(meetings.length, 3, 'start, middle and end meetings');
    assert.equal(meetings[0].window_opens, start);
    assert.ok(d.body.items.find(i => i.case_id === PAR_CASE && i.rule === 'R18'), 'no joint observation yet');
    run(`INSERT INTO meeting (case_id, phase, starts_at, place, status, uid, created_at, updated_at)
         VALUES (${PAR_CASE}, 'start', '${start} 15:00', 'Library', 'held', 'dash-test@parley', 1, 1);`);
    run(`INSERT INTO observation (case_id, draft_key, observed_on, minutes, observers, feedback_shared_at,
         ct_confirmed_at, administrator_confirmed_at, created_at, updated_at)
         VALUES (${PAR_CASE}, 'joint-dash', '${start}', 40, 'joint', 1, 1, 1, 1, 1);`);   // R18: both confirmed
    d = await api(DEMO.consulting_teacher, '/api/v1/deadlines');
    assert.equal(d.body.items.filter(i => i.case_id === PAR_CASE && i.rule === 'R17').length, 2);
    assert.equal(d.body.items.find(i => i.case_id === PAR_CASE && i.rule === 'R18'), undefined);
});

test('R19, R37, R16: feedback due on a PA case shows to its teacher and CT, never to the administrator', async () => {
    observation(PA_CASE, day(-2), false);
    const due = day(3);
    for (const who of ['teacher2@parley.test', 'ct2@parley.test']) {
        const d = await api(who, '/api/v1/deadlines');
        assert.equal(d.status, 200);
        assert.ok(d.body.items.find(i => i.case_id === PA_CASE && i.part === 'observations' &&
                                         i.due_on === due), `${who} sees the feedback due`);
    }
    // principal2 runs the PA teacher's school: not an evaluator of a PA case (R16)
    const admin = await api('principal2@parley.test', '/api/v1/deadlines');
    assert.equal(admin.status, 200);
    assert.equal(admin.body.items.filter(i => i.case_id === PA_CASE).length, 0);
    const p = await page('principal2@parley.test', '/deadlines');
    assert.equal(p.status, 200);
    assert.doesNotMatch(p.text, /Feedback on an observation/);
    // the case's own API answer carries them the same way
    const own = await api('teacher2@parley.test', `/api/v1/cases/${PA_CASE}`);
    assert.ok(own.body.deadlines.some(i => i.part === 'observations' && i.due_on === due));
    const theirs = await api('principal2@parley.test', `/api/v1/cases/${PA_CASE}`);
    assert.equal(theirs.status, 200, 'the administrator sees the PA case itself (enrolment)');
    assert.deepEqual(theirs.body.deadlines, [], 'but nothing due on its records (R16)');
    // and the PAR case's administrator sees that case's deadlines (R14)
    const par = await api(DEMO.administrator, '/api/v1/deadlines');
    assert.ok(par.body.items.some(i => i.case_id === PAR_CASE));
    // the teacher's own case page lists what is due (R37)
    assert.match((await page('teacher2@parley.test', `/cases/${PA_CASE}`)).text,
                 /What is due.*Feedback on an observation shared with the teacher \(R19\)/s);
});

test('the week view lists a CT\'s visits and meetings, and the API checks its date', async () => {
    const now = day(0);
    const ct = scalar(srv.db, `SELECT id FROM person WHERE email = '${DEMO.consulting_teacher}';`);
    run(`INSERT INTO coaching_entry (case_id, on_date, minutes, kind, focus, author_id, created_at,
         updated_at) VALUES (${PAR_CASE}, '${now}', 50, 'visit', 'Questioning strategies', ${ct}, 1, 1);`);
    run(`INSERT INTO meeting (case_id, phase, starts_at, place, status, uid, created_at, updated_at)
         VALUES (${PAR_CASE}, 'extra', '${now} 16:30', 'Room 12', 'scheduled', 'week-test@parley', 1, 1);`);
    const { text } = await page(DEMO.consulting_teacher, '/dashboard');
    assert.match(text, /The week of/);
    assert.match(text, /Coaching: Classroom visit — Samuel Reyes: Questioning strategies/);
    assert.match(text, /16:30 Parley meeting: Additional meeting — Samuel Reyes: Room 12/);
    const w = await api(DEMO.consulting_teacher, `/api/v1/week?start=${now}`);
    assert.equal(w.status, 200);
    assert.ok(w.body.items.some(i => i.time === '16:30' && i.case_id === PAR_CASE));
    const bad = await api(DEMO.consulting_teacher, '/api/v1/week?start=tomorrow');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'start');
    // another CT's week has none of it
    const other = await api('ct2@parley.test', `/api/v1/week?start=${now}`);
    assert.equal(other.body.items.filter(i => i.case_id === PAR_CASE).length, 0);
});

test('a role with no cases cannot list deadlines', async () => {
    assert.equal((await page(DEMO.panel_member, '/deadlines')).status, 403);
    assert.equal((await api(DEMO.panel_member, '/api/v1/deadlines')).status, 403);
});
