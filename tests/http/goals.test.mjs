// goals.test.mjs: a case's goals, its self-assessment, the goals bank and
// the rubric over HTTP, through the pages and the API, each step by the
// person whose step it is. R19 (a professional-practice and a
// student-learning goal approved, shown plainly, with the due date), R14
// (only the case's Consulting Teacher approves), R16 (a PA case's
// administrator sees none of it), R37 (the teacher sees their goals and who
// looked), validation beside the fields, 409 on a stale version, the bank,
// and the rubric edited by the coordinator only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './harness.mjs';
import { DEMO, sql, scalar, count, decode, fieldError, actors, namesRule } from './records.mjs';

// Case 1 is PA (teacher2, ct2; principal2 is the school's administrator);
// case 2 is PAR (teacher, ct1; principal is its secondary evaluator).
const PA = 1, PAR = 2;
const TEACHER = DEMO.participating_teacher, CT1 = DEMO.consulting_teacher;
const TEACHER2 = 'teacher2@parley.test', CT2 = 'ct2@parley.test';
const PRINCIPAL = DEMO.administrator, PRINCIPAL2 = 'principal2@parley.test';
const COORD = DEMO.coordinator;

let srv;

before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

const { as, page, post, api } = actors(() => srv);

const cycle = id => scalar(srv.db, `SELECT cycle_start || ' ' || cycle_end FROM teacher_case WHERE id = ${id};`).split(' ');
const plusDays = (date, n) => new Date(Date.parse(date + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10);
const text = r => decode(r.text).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

// A goal of the case added and proposed by the teacher through the API.
async function proposedGoal(email, caseId, title, kind = 'practice') {
    let r = await api(email, 'POST', `/cases/${caseId}/goals`, {
        kind, title, specific: 'Every lesson opens with a clear aim.', measure: 'Seen in observations.',
        due_on: plusDays(cycle(PAR)[0], 60) });
    assert.equal(r.status, 201, r.text);
    const id = r.json().id;
    r = await api(email, 'PATCH', `/cases/${caseId}/goals/${id}`, { status: 'proposed' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().status, 'proposed');
    return r.json();
}

test('R19: the demo PAR case meets R19 and shows when the goals are due', async () => {
    const r = await api(CT1, 'GET', `/cases/${PAR}/goals`);
    assert.equal(r.status, 200, r.text);
    const body = r.json();
    assert.equal(body.r19.met, true);
    assert.equal(body.r19.approved_practice, 1);
    assert.equal(body.r19.approved_student_learning, 1);
    // R19: due goals_due_days (30 by default) after the cycle starts
    assert.equal(body.r19.goals_due_on, plusDays(cycle(PAR)[0], 30));
    assert.ok(body.items.every(g => g.status === 'approved' && g.approved_by));
    assert.equal(body.self_assessment.length, 4, 'one row per standard');
    const p = await page(CT1, `/cases/${PAR}`);
    assert.match(text(p), /Goals 2 goals approved, 0 proposed; goals due \d{4}-\d\d-\d\d/);
    assert.match(text(p), /The cycle's goals are set: a professional-practice and a student-learning goal are approved/);
});

test('R19: a case without an approved student-learning goal does not meet R19; the approval fixes it', async () => {
    let r = await api(CT2, 'GET', `/cases/${PA}/goals`);
    assert.equal(r.status, 200, r.text);
    let body = r.json();
    assert.equal(body.r19.met, false, 'one approved practice goal alone does not meet R19');
    assert.equal(body.r19.approved_practice, 1);
    assert.equal(body.r19.approved_student_learning, 0);
    assert.equal(body.r19.proposed, 1);
    assert.match(body.r19.goals_due_on, /^\d{4}-\d\d-\d\d$/, 'a PA case counts from its caseload day');
    let p = await page(CT2, `/cases/${PA}/goals`);
    assert.equal(p.status, 200);
    assert.match(text(p), /Not yet\. A cycle needs at least one approved professional-practice goal and one approved student-learning goal: this case has 1 and 0/);
    assert.ok(namesRule(p.text, 19), 'R19 named by its title');
    assert.match(text(await page(CT2, `/cases/${PA}`)), /The cycle's goals are not set yet/);
    assert.doesNotMatch(text(p), /overdue/);
    // A shorter goals_due_days puts the due date behind: said plainly.
    sql(srv.db, "INSERT INTO program_setting (program_id, key, value) VALUES (1, 'goals_due_days', '1');");
    assert.match(text(await page(CT2, `/cases/${PA}/goals`)), /The goals are due by \d{4}-\d\d-\d\d \(\d+ days ago\): they are overdue/);
    assert.match(text(await page(CT2, `/cases/${PA}`)), /goals due \d{4}-\d\d-\d\d \(\d+ days ago\), overdue/);
    sql(srv.db, "DELETE FROM program_setting WHERE key = 'goals_due_days';");

    const goal = body.items.find(g => g.status === 'proposed');
    assert.equal(goal.kind, 'student_learning');
    p = await page(CT2, `/cases/${PA}/goals/${goal.id}`);
    assert.match(p.text, /Approve this goal/);
    r = await post(CT2, `/cases/${PA}/goals/${goal.id}/approve`, { version: String(goal.version) });
    assert.equal(r.status, 303, text(r).slice(0, 400));

    body = (await api(CT2, 'GET', `/cases/${PA}/goals`)).json();
    assert.equal(body.r19.met, true);
    assert.match(text(await page(CT2, `/cases/${PA}/goals`)), /Yes\. A cycle needs at least one approved/);
    // The teacher is told, and sees it on the timeline (R37).
    assert.match(decode((await page(TEACHER2, '/inbox')).text), /Approved the goal "Reading fluency in my Grade 7 class"/);
    assert.match(decode((await page(TEACHER2, `/cases/${PA}`)).text), /Approved the goal "Reading fluency/);
});

test('R14: only the case\'s Consulting Teacher approves goals; the teacher and the PAR administrator are refused, another CT is not told the goal exists', async () => {
    const goal = await proposedGoal(TEACHER, PAR, 'Clear aims for every lesson');
    // The CT is told a goal was proposed.
    assert.match(decode((await page(CT1, '/inbox')).text), /Proposed the goal "Clear aims for every lesson"/);
    for (const who of [TEACHER, PRINCIPAL]) {
        const r = await api(who, 'POST', `/cases/${PAR}/goals/${goal.id}/decision`, { decision: 'approve' });
        assert.equal(r.status, 403, `${who}: ${r.text}`);
        assert.match(r.json().error.message, /R14/);
        const f = await post(who, `/cases/${PAR}/goals/${goal.id}/approve`, { version: String(goal.version) });
        assert.equal(f.status, 403, who);
        assert.match(decode(f.text), /Only the case's Consulting Teacher, the primary evaluator, approves goals/);
        assert.ok(namesRule(f.text, 14), `${who}: the refusal names R14 by its title`);
        assert.ok(namesRule(f.text, 19), `${who}: and R19, the other rule it cites, by its own`);
    }
    // the secondary evaluator sees the goals (R14) but is offered no decision
    const seen = await page(PRINCIPAL, `/cases/${PAR}/goals/${goal.id}`);
    assert.equal(seen.status, 200);
    assert.doesNotMatch(seen.text, /Approve this goal/);
    const stranger = await api(CT2, 'POST', `/cases/${PAR}/goals/${goal.id}/decision`, { decision: 'approve' });
    assert.equal(stranger.status, 404, 'a CT of another case');
    assert.equal((await post(CT2, `/cases/${PAR}/goals/${goal.id}/approve`)).status, 404);
    assert.equal(scalar(srv.db, `SELECT status FROM goal WHERE id = ${goal.id};`), 'proposed', 'nothing changed');

    // Returning needs a reason, which the teacher is told.
    let r = await api(CT1, 'POST', `/cases/${PAR}/goals/${goal.id}/decision`, { decision: 'return' });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'reason');
    const f = await post(CT1, `/cases/${PAR}/goals/${goal.id}/return`, { version: String(goal.version), reason: '' });
    assert.equal(f.status, 400);
    assert.match(fieldError(f.text, 'reason'), /Say why the goal goes back/);
    r = await api(CT1, 'POST', `/cases/${PAR}/goals/${goal.id}/decision`, { decision: 'return', reason: 'Say how you will measure it.' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().status, 'returned');
    assert.equal(r.json().status_note, 'Say how you will measure it.');
    assert.match(decode((await page(TEACHER, '/inbox')).text), /Returned the goal "Clear aims for every lesson" for revision: Say how you will measure it\./);
    // Only a proposed goal is decided on.
    r = await api(CT1, 'POST', `/cases/${PAR}/goals/${goal.id}/decision`, { decision: 'approve' });
    assert.equal(r.status, 409);
    // Revised and proposed again, then approved: it is no longer edited (R19).
    r = await api(TEACHER, 'PATCH', `/cases/${PAR}/goals/${goal.id}`, { measure: 'Aims written on the board in 9 of 10 visits.', status: 'proposed' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().status, 'proposed');
    r = await api(CT1, 'POST', `/cases/${PAR}/goals/${goal.id}/decision`, { decision: 'approve' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().status, 'approved');
    r = await api(TEACHER, 'PATCH', `/cases/${PAR}/goals/${goal.id}`, { title: 'Changed after approval' });
    assert.equal(r.status, 409);
    assert.match(r.json().error.message, /R19: this goal is approved/);
    assert.equal((await page(TEACHER, `/cases/${PAR}/goals/${goal.id}/edit`)).status, 409);
});

test('R16: on the PA case the administrator sees no goals and no self-assessment, pages or API', async () => {
    const goalId = scalar(srv.db, `SELECT MIN(id) FROM goal WHERE case_id = ${PA};`);
    for (const path of [`/cases/${PA}/goals`, `/cases/${PA}/goals/${goalId}`]) {
        const p = await page(PRINCIPAL2, path);
        assert.ok([403, 404].includes(p.status), `${path}: ${p.status}`);
        assert.doesNotMatch(p.text, /A calm, predictable classroom/);
    }
    const r = await api(PRINCIPAL2, 'GET', `/cases/${PA}/goals`);
    assert.ok([403, 404].includes(r.status), `API: ${r.status}`);
    assert.doesNotMatch(r.text, /calm/);
    // The case page shows them no goals section, and no goal on its timeline.
    const kase = await page(PRINCIPAL2, `/cases/${PA}`);
    assert.equal(kase.status, 200);
    assert.doesNotMatch(kase.text, /\/cases\/1\/goals/);
    assert.doesNotMatch(decode(kase.text), /goal|self-assessment/i);
    assert.doesNotMatch(decode((await page(PRINCIPAL2, '/inbox')).text), /goal/i);
    // The PAR case's administrator, its secondary evaluator, does see them (R14).
    assert.equal((await page(PRINCIPAL, `/cases/${PAR}/goals`)).status, 200);
    assert.equal((await api(PRINCIPAL, 'GET', `/cases/${PAR}/goals`)).status, 200);
});

test('validation: each missing or wrong field is named, and nothing is written', async () => {
    const before = count(srv.db, 'goal');
    const f = await post(TEACHER, `/cases/${PAR}/goals`, { kind: '', title: '', specific: '', measure: 'x', due_on: '2026-02-30' });
    assert.equal(f.status, 400);
    assert.match(fieldError(f.text, 'kind'), /professional practice or student learning/);
    assert.equal(fieldError(f.text, 'title'), 'This is needed.');
    assert.equal(fieldError(f.text, 'specific'), 'This is needed.');
    assert.equal(fieldError(f.text, 'due_on'), 'Give a date as YYYY-MM-DD.');
    assert.equal(fieldError(f.text, 'measure'), null);
    assert.match(f.text, /value="x"|>x<\/textarea>/, 'what was typed is kept');
    let r = await api(TEACHER, 'POST', `/cases/${PAR}/goals`, { kind: 'practice', title: 'T', specific: 'S', measure: 'M', due_on: 'soon' });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'due_on');
    r = await api(TEACHER, 'POST', `/cases/${PAR}/goals`, { kind: 'practice', title: 'T', specific: 'S', measure: 'M', due_on: plusDays(cycle(PAR)[1], 1) });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'due_on');
    assert.match(r.json().error.message, /within the cycle/);
    r = await api(TEACHER, 'POST', `/cases/${PAR}/goals`, { kind: 'practice', title: 'T', specific: 'S', measure: 'M', due_on: cycle(PAR)[1], colour: 'red' });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'colour');
    r = await api(TEACHER, 'POST', `/cases/${PAR}/goals`, { kind: 'practice', title: 'T', specific: 'S', measure: 'M', due_on: cycle(PAR)[1], indicator_id: 999999 });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'indicator_id');
    r = await api(TEACHER, 'POST', `/cases/${PAR}/goals`, { kind: 'practice', title: 'T', specific: 'S', measure: 'M', due_on: cycle(PAR)[1], status: 'approved' });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'status');
    assert.equal(count(srv.db, 'goal'), before, 'nothing written');
});

test('a change based on a stale version is refused with 409', async () => {
    let r = await api(TEACHER, 'POST', `/cases/${PAR}/goals`, { kind: 'student_learning', title: 'Versions',
        specific: 'S', measure: 'M', due_on: cycle(PAR)[1] });
    assert.equal(r.status, 201, r.text);
    assert.match(r.headers.get('location'), new RegExp(`^/api/v1/cases/${PAR}/goals/\\d+$`));
    const { id, version } = r.json();
    r = await api(CT1, 'PATCH', `/cases/${PAR}/goals/${id}`, { title: 'Versions, by the CT', version });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().version, version + 1);
    r = await api(TEACHER, 'PATCH', `/cases/${PAR}/goals/${id}`, { title: 'Versions, by the teacher', version });
    assert.equal(r.status, 409);
    assert.equal(r.json().error.code, 'conflict');
    const f = await post(TEACHER, `/cases/${PAR}/goals/${id}`, { version: String(version), kind: 'student_learning',
        title: 'Stale', specific: 'S', measure: 'M', due_on: cycle(PAR)[1] });
    assert.equal(f.status, 409);
    assert.match(decode(f.text), /Someone else changed this first/);
    assert.equal(scalar(srv.db, `SELECT title FROM goal WHERE id = ${id};`), 'Versions, by the CT');
    r = await post(TEACHER, `/cases/${PAR}/goals/${id}/propose`, { version: String(version) });
    assert.equal(r.status, 409, 'proposing a stale version');
});

test('the goals bank: the coordinator keeps it; teachers and CTs start goals from it', async () => {
    let f = await post(COORD, '/goal-bank', { kind: 'practice', title: 'Feedback within a week', specific: 'Return marked work within a week.', measure: '', actions: '' });
    assert.equal(f.status, 400);
    assert.equal(fieldError(f.text, 'measure'), 'This is needed.');
    f = await post(COORD, '/goal-bank', { kind: 'practice', title: 'Feedback within a week', specific: 'Return marked work within a week.', measure: 'Work logs.', actions: 'A marking rota.' });
    assert.equal(f.status, 303);
    const bankId = Number(scalar(srv.db, "SELECT id FROM goal_bank WHERE title = 'Feedback within a week';"));
    for (const who of [TEACHER, CT1]) {
        const p = await page(who, '/goal-bank');
        assert.equal(p.status, 200);
        assert.match(p.text, /Feedback within a week/);
        assert.doesNotMatch(p.text, /Add a goal to the bank/);
    }
    assert.equal((await page(PRINCIPAL, '/goal-bank')).status, 403);
    assert.equal((await post(TEACHER, '/goal-bank', { kind: 'practice', title: 'Mine' })).status, 403);
    assert.equal((await api(CT1, 'PATCH', `/goal-bank/${bankId}`, { title: 'Not mine' })).status, 403);

    // A goal from the bank: what is left out is the bank goal's.
    let r = await api(TEACHER, 'POST', `/cases/${PAR}/goals`, { bank_id: bankId, due_on: cycle(PAR)[1] });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json().title, 'Feedback within a week');
    assert.equal(r.json().measure, 'Work logs.');
    assert.equal(r.json().bank_id, bankId);
    const p = await page(TEACHER, `/cases/${PAR}/goals/new?bank=${bankId}`);
    assert.equal(p.status, 200);
    assert.match(p.text, /name="title"[^>]*value="Feedback within a week"/);
    assert.match(p.text, new RegExp(`name="bank_id" value="${bankId}"`));

    // Versioned edits; a retired goal is no longer offered.
    const version = Number(scalar(srv.db, `SELECT version FROM goal_bank WHERE id = ${bankId};`));
    r = await api(COORD, 'PATCH', `/goal-bank/${bankId}`, { title: 'Marked work back within a week', version });
    assert.equal(r.status, 200, r.text);
    r = await api(COORD, 'PATCH', `/goal-bank/${bankId}`, { title: 'Stale', version });
    assert.equal(r.status, 409);
    r = await api(COORD, 'PATCH', `/goal-bank/${bankId}`, { retired: true });
    assert.equal(r.status, 200);
    assert.equal(r.json().retired, true);
    assert.doesNotMatch((await page(TEACHER, '/goal-bank')).text, /Marked work back/);
    assert.match((await page(COORD, '/goal-bank')).text, /Marked work back within a week[^]*Retired/);
    r = await api(TEACHER, 'POST', `/cases/${PAR}/goals`, { bank_id: bankId, due_on: cycle(PAR)[1] });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'bank_id');
    assert.equal((await post(COORD, `/goal-bank/${bankId}/restore`)).status, 303);
    assert.equal((await api(TEACHER, 'GET', '/goal-bank')).json().items.some(b => b.id === bankId), true);
    assert.ok(count(srv.db, 'audit', "record_kind = 'goal_bank'") >= 4, 'the bank\'s changes are audited');
});

test('the rubric: everyone reads it; only the coordinator edits it, audited; a retired indicator is no longer offered', async () => {
    const r = await api(TEACHER, 'GET', '/rubric');
    assert.equal(r.status, 200);
    const rubric = r.json().items;
    assert.deepEqual(rubric.map(s => s.code), ['I', 'II', 'III', 'IV']);
    const std = rubric[1], indicator = std.indicators[0];
    assert.match((await page(TEACHER, '/rubric')).text, /II-A Instruction/);
    for (const who of [TEACHER, CT1, PRINCIPAL]) {
        assert.equal((await post(who, `/rubric/indicators/${indicator.id}`, { code: 'X', title: 'X' })).status, 403, who);
        assert.equal((await post(who, `/rubric/standards/${std.id}`, { title: 'X' })).status, 403, who);
    }
    assert.doesNotMatch((await page(CT1, '/rubric')).text, /Rename standard/);

    let f = await post(COORD, `/rubric/standards/${std.id}`, { title: '' });
    assert.equal(f.status, 400);
    assert.equal(fieldError(f.text, 'title'), 'This is needed.');
    assert.equal((await post(COORD, `/rubric/standards/${std.id}`, { title: 'Teaching All Students' })).status, 303);
    f = await post(COORD, `/rubric/standards/${std.id}/indicators`, { code: 'II-A', title: 'Again', description: '' });
    assert.equal(f.status, 400);
    assert.equal(fieldError(f.text, 'code'), 'Another indicator of this standard has this code.');
    f = await post(COORD, `/rubric/standards/${std.id}/indicators`, { code: 'II E', title: 'Spaces', description: '' });
    assert.equal(fieldError(f.text, 'code'), 'Use letters, digits, dashes and dots only, as in II-B.');
    assert.equal((await post(COORD, `/rubric/standards/${std.id}/indicators`, { code: 'II-E', title: 'Feedback', description: 'Gives timely feedback.' })).status, 303);
    const added = Number(scalar(srv.db, "SELECT id FROM rubric_indicator WHERE code = 'II-E';"));
    assert.equal((await post(COORD, `/rubric/indicators/${added}`, { code: 'II-E', title: 'Feedback to students', description: '' })).status, 303);
    const read = text(await page(TEACHER, '/rubric'));
    assert.match(read, /Standard II: Teaching All Students/);
    assert.match(read, /II-E Feedback to students/);

    // Retired: kept, marked for the coordinator, no longer offered to a new goal.
    assert.equal((await post(COORD, `/rubric/indicators/${added}/retire`)).status, 303);
    assert.match(text(await page(COORD, '/rubric')), /II-E Feedback to students Retired/);
    assert.doesNotMatch((await page(TEACHER, `/cases/${PAR}/goals/new`)).text, /II-E/);
    let a = await api(TEACHER, 'POST', `/cases/${PAR}/goals`, { kind: 'practice', title: 'T', specific: 'S', measure: 'M', due_on: cycle(PAR)[1], indicator_id: added });
    assert.equal(a.status, 400);
    assert.equal(a.json().error.field, 'indicator_id');
    assert.equal((await post(COORD, `/rubric/indicators/${added}/restore`)).status, 303);
    assert.match((await page(TEACHER, `/cases/${PAR}/goals/new`)).text, /II-E Feedback to students/);
    a = await api(TEACHER, 'POST', `/cases/${PAR}/goals`, { kind: 'practice', title: 'Tagged', specific: 'S', measure: 'M', due_on: cycle(PAR)[1], indicator_id: added });
    assert.equal(a.status, 201, a.text);
    assert.equal(a.json().indicator_code, 'II-E');
    assert.equal(count(srv.db, 'audit', "record_kind = 'rubric'"), 5, 'rename, add, edit, retire, restore: each audited');
    // The program has a rubric: starting one again is refused.
    assert.equal((await post(COORD, '/rubric/seed')).status, 409);
});

test('R37: the teacher sees their goals and self-assessment, writes the self-assessment, and sees who looked', async () => {
    const reads = count(srv.db, 'audit', `action = 'read' AND record_kind = 'goal' AND record_id = ${PAR}`);
    const p = await page(TEACHER, `/cases/${PAR}/goals`);
    assert.equal(p.status, 200);
    assert.match(p.text, /Check for understanding in my Grade 10 lessons/);
    assert.match(decode(p.text), /Students' growth in writing/);
    assert.match(decode(p.text), /I know my subject well and plan units carefully\./);
    assert.equal(count(srv.db, 'audit', `action = 'read' AND record_kind = 'goal' AND record_id = ${PAR}`), reads,
                 'the teacher\'s own reading is not logged');
    await page(CT1, `/cases/${PAR}/goals`);
    assert.equal(count(srv.db, 'audit', `action = 'read' AND record_kind = 'goal' AND record_id = ${PAR}`), reads + 1,
                 'the CT\'s reading is, for the teacher to see');

    // Only the teacher writes it (R19); the CT is told.
    const form = await page(TEACHER, `/cases/${PAR}/self-assessment`);
    assert.equal(form.status, 200);
    const sid = Number(scalar(srv.db, "SELECT id FROM rubric_standard WHERE code = 'III';"));
    let f = await post(TEACHER, `/cases/${PAR}/self-assessment`, { [`strengths_${sid}`]: 'Weekly calls home.', [`growth_areas_${sid}`]: 'Families I rarely hear from.' });
    assert.equal(f.status, 303, text(f).slice(0, 300));
    assert.match(decode((await page(CT1, `/cases/${PAR}/goals`)).text), /Weekly calls home\./);
    assert.match(decode((await page(CT1, '/inbox')).text), /Updated the self-assessment/);
    f = await post(TEACHER, `/cases/${PAR}/self-assessment`, { [`strengths_${sid}`]: 'x'.repeat(4001) });
    assert.equal(f.status, 400);
    assert.match(fieldError(f.text, `strengths_${sid}`), /too long/);
    assert.equal((await page(CT1, `/cases/${PAR}/self-assessment`)).status, 403);
    let r = await api(CT1, 'PUT', `/cases/${PAR}/self-assessment`, { standard_id: sid, strengths: 'Not mine' });
    assert.equal(r.status, 403);
    assert.match(r.json().error.message, /R19: only the teacher writes their self-assessment/);
    r = await api(TEACHER, 'PUT', `/cases/${PAR}/self-assessment`, { standard_id: sid, strengths: 'Calls and notes home.' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().self_assessment.find(e => e.standard_id === sid).strengths, 'Calls and notes home.');
    r = await api(TEACHER, 'PUT', `/cases/${PAR}/self-assessment`, { standard_id: 999999 });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'standard_id');
    assert.equal((await api(TEACHER2, 'PUT', `/cases/${PAR}/self-assessment`, { standard_id: sid })).status, 404);
});

// Last: it takes the demo's rubric away.
test('an installation made before the rubric: the coordinator starts from the Massachusetts rubric', async () => {
    for (const q of ['UPDATE goal SET indicator_id = NULL', 'UPDATE goal_bank SET indicator_id = NULL',
                     'DELETE FROM evidence', 'DELETE FROM self_assessment', 'DELETE FROM evaluation_rating',
                     'DELETE FROM rubric_indicator',
                     'DELETE FROM rubric_standard'])
        sql(srv.db, q + ';');
    let p = await page(TEACHER, '/rubric');
    assert.match(p.text, /The program has no rubric yet: the coordinator starts it\./);
    assert.doesNotMatch(p.text, /Start from the Massachusetts rubric/);
    assert.equal((await post(TEACHER, '/rubric/seed')).status, 403);
    p = await page(COORD, '/rubric');
    assert.match(p.text, /Start from the Massachusetts rubric/);
    assert.equal((await post(COORD, '/rubric/seed')).status, 303);
    assert.equal(count(srv.db, 'rubric_standard'), 4);
    assert.match(decode((await page(TEACHER, '/rubric')).text), /IV-F Professional Responsibilities/);
    assert.equal(count(srv.db, 'audit', "record_kind = 'rubric' AND action = 'create' AND summary LIKE 'Started%'"), 1);
    assert.equal((await post(COORD, '/rubric/seed')).status, 409);
});
