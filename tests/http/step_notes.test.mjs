// step_notes.test.mjs: R16 for the notes a case's steps carry (the initial
// meeting held, the cycle closed). On a PA case they are as private as the
// coaching log: the teacher, their Consulting Teacher and the coordinator
// read them; the administrator of the teacher's school, who sees the case,
// never does: not on its timeline, its page, the API, their inbox or the
// list of cases. The case is walked by the API (journey.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './harness.mjs';
import { DEMO, count, decode, personId, actors } from './records.mjs';
import { Journey } from './journey.mjs';

const COORD = DEMO.coordinator;
// The notes journey.mjs's Consulting Teacher writes at the initial meeting
// (the last test fails if they change), and this test's at the cycle's close.
const MET = 'We talked through PA and PAR.';
const CLOSED = 'Routines hold now; she still doubts herself with parents.';

let srv, k, ADMIN, CT, TEACHER;
before(async () => {
    srv = await startServer();
    const j = new Journey(srv);
    k = await j.paCase('cycle');
    [ADMIN, CT, TEACHER] = [k.who.administrator, k.who.ct, k.teacherEmail];
    await j.step(CT, k.id, 'close_cycle', { notes: CLOSED });
    await j.signIn(TEACHER);
});
after(async () => { await srv.stop(); });

const { page, api } = actors(() => srv);
const leaks = text => decode(text).includes(MET) || decode(text).includes('doubts herself');

test('R16: a PA case\'s step notes never reach the administrator: timeline, page, API, inbox, list', async () => {
    let r = await page(ADMIN, `/cases/${k.id}`);
    assert.equal(r.status, 200, 'the administrator sees the case itself');
    assert.match(decode(r.text), /Record the initial meeting as held/, 'and that the meeting was held');
    assert.ok(!leaks(r.text), 'the case page holds none of the notes');
    r = await api(ADMIN, 'GET', `/cases/${k.id}`);
    assert.equal(r.status, 200);
    assert.ok(r.json().timeline.some(e => e.transition === 'close_cycle'), 'the step is on their timeline');
    assert.ok(!leaks(r.text), 'the API holds none of the notes');
    assert.ok(!leaks((await page(ADMIN, '/inbox')).text), 'nor their inbox');
    const admin = personId(srv.db, ADMIN);
    assert.ok(count(srv.db, 'notification', `person_id = ${admin} AND case_id = ${k.id}`) > 0, 'they were told of the steps');
    assert.equal(count(srv.db, 'notification', `person_id = ${admin} AND (message LIKE '%through PA and PAR%' OR message LIKE '%doubts herself%')`), 0);
    assert.ok(!leaks((await page(ADMIN, '/cases')).text), 'nor the list of cases');
    assert.ok(!leaks((await api(ADMIN, 'GET', '/cases')).text), 'nor the API\'s list');
    // as the coaching log is refused them
    assert.equal((await page(ADMIN, `/cases/${k.id}/coaching`)).status, 403);
});

test('R16, R37: the teacher, their CT and the coordinator read the notes on the timeline', async () => {
    for (const who of [TEACHER, CT, COORD]) {
        const t = decode((await page(who, `/cases/${k.id}`)).text);
        assert.ok(t.includes(MET) && t.includes(CLOSED), `${who} reads both notes`);
        const timeline = (await api(who, 'GET', `/cases/${k.id}`)).json().timeline;
        assert.ok(timeline.some(e => e.summary.includes(CLOSED)), `${who}: the API too`);
    }
});
