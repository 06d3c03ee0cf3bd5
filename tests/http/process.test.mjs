// process.test.mjs: the case as ONE process, end to end through the API
// (issue: steps ran out of order, dashboards said "nothing due" while work
// was due, buttons led to refusals). A PAR case and a PA case go from the
// public contact form to the end-of-cycle survey by the people whose steps
// they are (journey.mjs; no SQL), the server's calendar moving on; at every
// step each role's tasks (/api/v1/tasks) and the steps offered to them
// (/api/v1/cases/ID: allowed, or not yet and why) are what RULES.md says,
// and every step out of order is refused, naming why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './harness.mjs';
import { Journey, PEOPLE, addDays } from './journey.mjs';

let srv, j;
before(async () => { srv = await startServer(); j = new Journey(srv); });
after(async () => { await srv.stop(); });

// The step keys of a person's tasks on the case.
async function tasks(email, k) {
    const r = await j.must(email, 'GET', '/tasks');
    return r.items.filter(t => t.case_id === k.id).map(t => t.step).sort();
}

// What the case offers the person: { step: true (allowed) | 'why not' }.
async function offers(email, k) {
    const r = await j.api(email, 'GET', `/cases/${k.id}`);
    if (r.status !== 200) return null;
    return Object.fromEntries(r.json().steps.map(s => [s.step, s.allowed ? true : s.not_yet]));
}

async function expectTasks(k, expected) {
    for (const [email, steps] of Object.entries(expected))
        assert.deepEqual(await tasks(email, k), [...steps].sort(), `${email}'s tasks at ${k.stage}`);
}

async function refused(email, method, path, json, status, words) {
    const r = await j.api(email, method, path, json);
    assert.equal(r.status, status, `${email} ${method} ${path}: ${r.text.slice(0, 300)}`);
    if (words) assert.match(r.json().error.message, words);
    return r;
}

const P = PEOPLE.par;

test('a PAR case from the contact form to the survey: each role\'s tasks and steps at every step', async () => {
    const k = await j.opened('par');
    const coordinator = PEOPLE.coordinator, union = PEOPLE.union;
    await expectTasks(k, { [coordinator]: ['schedule_meeting'], [P.ct]: [], [P.administrator]: [] });
    // R10: nobody but the coordinator takes the first step; the teacher waits
    assert.deepEqual(await offers(k.teacherEmail, k), { withdraw: true });

    const today = await j.today();
    await j.step(coordinator, k.id, 'schedule_meeting',
                 { at: `${addDays(today, 2)} 15:30`, place: 'Room 12', ct_id: await j.personId(P.ct) });
    await expectTasks(k, { [coordinator]: [], [P.ct]: ['hold_meeting'] });
    await j.goTo(addDays(today, 2));
    await j.step(P.ct, k.id, 'hold_meeting', { notes: 'We talked.' });
    await expectTasks(k, { [k.teacherEmail]: ['choose_track'], [P.ct]: ['choose_track'] });
    await j.step(k.teacherEmail, k.id, 'choose_track', {
        track: 'par', district_year: 7, plan: 'improvement', months: 10, rating: 'needs_improvement',
        union_member: true, full_time: true, job: 'classroom_teacher' });
    // R11: the agreement review next; the CT is not yet assigned to the caseload
    await expectTasks(k, { [coordinator]: ['schedule_review'], [P.ct]: ['schedule_review'],
                           [P.administrator]: ['set_timeline'] });
    let o = await offers(coordinator, k);
    assert.match(o.assign_ct, /signed by the teacher and the union representative/);

    await j.step(coordinator, k.id, 'schedule_review', { at: `${addDays(await j.today(), 1)} 16:00`,
                 place: 'Union office', union_rep_id: await j.personId(union) });
    await expectTasks(k, { [union]: ['hold_review'] });
    await j.goTo(addDays(await j.today(), 1));
    await j.step(union, k.id, 'hold_review', { notes: 'Read it together.' });
    await expectTasks(k, { [union]: ['sign_agreement'], [k.teacherEmail]: ['sign_agreement'] });
    await j.step(union, k.id, 'sign_agreement');
    // the union representative who signed is not offered "Sign" again: why not, instead
    o = await offers(union, k);
    assert.match(o.sign_agreement, /You have signed/);
    await refused(union, 'POST', `/cases/${k.id}/transitions`, { to: 'sign_agreement' }, 403, /You have signed/);
    await expectTasks(k, { [union]: [], [k.teacherEmail]: ['sign_agreement'] });
    await j.step(k.teacherEmail, k.id, 'sign_agreement');
    await expectTasks(k, { [coordinator]: ['assign_ct'] });
    await j.step(coordinator, k.id, 'assign_ct', { ct_id: await j.personId(P.ct) });

    // R12: the administrator sets the timeline, not in the past
    await expectTasks(k, { [P.administrator]: ['set_timeline'] });
    assert.equal((await offers(P.administrator, k)).set_timeline, true);
    await refused(P.administrator, 'POST', `/cases/${k.id}/transitions`, {
        to: 'set_timeline', cycle_start: addDays(await j.today(), -1), cycle_end: addDays(await j.today(), 200),
        plan_type: 'improvement', plan_months: 10 }, 400);
    k.start = addDays(await j.today(), 3);
    k.end = addDays(k.start, 200);
    await j.step(P.administrator, k.id, 'set_timeline',
                 { cycle_start: k.start, cycle_end: k.end, plan_type: 'improvement', plan_months: 10 });
    k.stage = 'caseload';
    // R18: from now on, a joint observation by the middle of the cycle
    await expectTasks(k, { [P.administrator]: ['joint_observation'], [coordinator]: [] });
    await j.goTo(k.start);
    // the cycle's work: the goals, the meetings, the joint observation, the evaluations, the end
    await expectTasks(k, { [k.teacherEmail]: ['propose_goals'],
                           [P.ct]: ['close_cycle', 'joint_observation', 'parley_meeting',
                                    'parley_meeting', 'parley_meeting', 'propose_goals',
                                    'write_formative', 'write_summative'],
                           [P.administrator]: ['joint_observation'] });
    // R17: the cycle does not close without three full meetings: offered with why not
    assert.match((await offers(P.ct, k)).close_cycle, /three parley meetings/);
    // R21: nor does a recommendation go before the cycle is closed
    assert.match((await offers(P.ct, k)).send_recommendation, /close the cycle first/);

    await j.cycle(k);
    await expectTasks(k, { [k.teacherEmail]: [], [P.administrator]: ['joint_observation'],
                           [P.ct]: ['close_cycle', 'joint_observation'] });
    await j.closed(k);
    await expectTasks(k, { [P.ct]: ['send_recommendation'], [coordinator]: [] });
    await j.sent(k);
    assert.equal(k.previewUntil, addDays(await j.today(), 10));
    // R22: both may send the Panel evidence until the deadline; the coordinator sets the docket
    await expectTasks(k, { [k.teacherEmail]: ['send_evidence'], [P.administrator]: ['send_evidence'],
                           [coordinator]: ['put_on_docket'], [P.ct]: [] });
    await j.must(k.teacherEmail, 'POST', `/cases/${k.id}/panel-submissions`,
                 { kind: 'written', body: 'My students\' work over the year.' });
    await j.must(P.administrator, 'POST', `/cases/${k.id}/panel-submissions`,
                 { kind: 'appear', body: 'I would like to speak to the Panel.' });

    // R22: no session before the deadline takes the case
    const early = await j.must(coordinator, 'POST', '/panel/sessions',
                               { held_on: k.previewUntil, starts_at: '16:00', place: 'Board room' });
    let r = await refused(coordinator, 'PATCH', `/panel/sessions/${early.id}`, { docket: [k.id] }, 400);
    assert.equal(r.json().error.field, 'case_id');
    assert.match(r.json().error.message, /after its preview deadline/);
    await j.docketed(k);
    // one open docket at a time
    const other = await j.must(coordinator, 'POST', '/panel/sessions',
                               { held_on: addDays(k.sessionOn, 7), starts_at: '16:00', place: 'Board room' });
    r = await refused(coordinator, 'PATCH', `/panel/sessions/${other.id}`, { docket: [k.id] }, 400);
    assert.match(r.json().error.message, /one open session's docket at a time/);
    // the Panel sees every submission and request to appear on the session
    const session = await j.must(PEOPLE.panel[0], 'GET', `/panel/sessions/${k.sessionId}`);
    assert.ok(JSON.stringify(session).includes(String(k.id)));
    // R22: no vote before the deadline, even once on a docket
    r = await refused(PEOPLE.panel[0], 'POST', `/panel/sessions/${k.sessionId}/cases/${k.id}/votes`,
                      { rating: 'proficient' }, 403, /preview deadline/);
    await expectTasks(k, { [PEOPLE.panel[0]]: ['vote'], [coordinator]: [] });
    await j.goTo(addDays(k.previewUntil, 1));
    // evidence after the deadline is refused; the session has not met yet
    await refused(k.teacherEmail, 'POST', `/cases/${k.id}/panel-submissions`,
                  { kind: 'written', body: 'Late.' }, 403, /deadline has passed/);
    await refused(PEOPLE.panel[0], 'POST', `/panel/sessions/${k.sessionId}/cases/${k.id}/votes`,
                  { rating: 'proficient' }, 403, /on the day it meets/);
    await j.decided(k, 'needs_improvement');
    // R25: awaiting approval: not final; the outcome waits for it
    await expectTasks(k, { [PEOPLE.superintendent]: ['approve'], [coordinator]: [],
                           [PEOPLE.panel[0]]: [] });
    await refused(coordinator, 'PUT', `/cases/${k.id}/outcome`, { rating_before: 'needs_improvement',
                  rating_after: 'proficient', stayed: 'yes' }, 403, /approved the Panel's decision/);
    const status = (await j.must(k.teacherEmail, 'GET', `/cases/${k.id}`)).status;
    assert.match(status, /not final until then/);
    // R22: nothing more is taken once the Panel has decided
    await refused(k.teacherEmail, 'POST', `/cases/${k.id}/panel-submissions`,
                  { kind: 'written', body: 'After.' }, 403);
    await j.approved(k);
    await expectTasks(k, { [PEOPLE.superintendent]: [], [coordinator]: ['record_outcome'] });
    // R25: the rating after is the final rating, not another
    r = await refused(coordinator, 'PUT', `/cases/${k.id}/outcome`, { rating_before: 'needs_improvement',
                      rating_after: 'proficient', stayed: 'yes' }, 400);
    assert.equal(r.json().error.field, 'rating_after');
    await j.outcome(k);
    await expectTasks(k, { [coordinator]: [], [k.teacherEmail]: ['answer_survey'],
                           [P.administrator]: ['answer_survey'] });
    await j.surveyed(k);
    for (const who of [coordinator, k.teacherEmail, P.ct, P.administrator, union, PEOPLE.superintendent])
        assert.deepEqual(await tasks(who, k), [], `${who} has nothing left on the case`);
    assert.match((await j.must(k.teacherEmail, 'GET', `/cases/${k.id}`)).status, /it is final/);
});

test('a PA case from the contact form to the survey: its administrator has no part in it (R16)', async () => {
    const Q = PEOPLE.pa;
    const k = await j.opened('pa');
    await j.caseload(k);
    // no agreement review, no timeline, no evaluation for a PA case: not offered
    const coord = await offers(PEOPLE.coordinator, k);
    assert.equal(coord.schedule_review, undefined);
    assert.equal((await offers(Q.administrator, k)).set_timeline, undefined);
    await expectTasks(k, { [Q.administrator]: [], [Q.ct]: ['propose_goals'],
                           [k.teacherEmail]: ['propose_goals'] });
    await j.cycle(k);
    await j.closed(k);
    await expectTasks(k, { [PEOPLE.coordinator]: ['record_outcome'], [Q.ct]: [] });
    await j.outcome(k);
    await expectTasks(k, { [k.teacherEmail]: ['answer_survey'], [Q.administrator]: [] });
    await j.surveyed(k);
    assert.deepEqual(await tasks(k.teacherEmail, k), []);
});

test('R7: a second active case for the same teacher is refused when it would open', async () => {
    const k = await j.paCase('caseload');
    const ref = await j.contact(k.teacherName, k.teacherEmail, await j.schoolId(PEOPLE.par.school), 'par');
    const q = await j.must(PEOPLE.coordinator, 'GET', `/inquiries?q=${ref}`);
    await refused(PEOPLE.coordinator, 'POST', '/cases', { inquiry_id: q.items[0].id }, 403,
                  /one case at a time/);
});
