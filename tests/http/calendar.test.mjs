// calendar.test.mjs: the personal calendar feed carries every meeting its
// owner takes part in (issue 16), not only the parley meetings: the initial
// meeting (R10: the teacher and the CT), the PAR Agreement review (R11: the
// teacher and the union representative) and the Panel's sessions (R24,
// R29: the members whose term covers the day). Each event keeps its UID
// as it changes, its SEQUENCE going up when it moves, and says CANCELLED
// once it is. The case is set up as its people take its steps (the contact
// form, then the API), never by SQL; libical reads every feed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './harness.mjs';
import { Journey, PEOPLE, addDays } from './journey.mjs';
import { events, feedLink, libicalEvents } from './ics.mjs';

let srv, j;
before(async () => { srv = await startServer(); j = new Journey(srv); });
after(async () => { await srv.stop(); });

// Each person's feed, made once on their account page, read as a calendar
// app reads it (no sign-in): its events by UID, after libical read it.
const feeds = {};
async function feed(email) {
    feeds[email] ||= await feedLink(await j.signIn(email));
    const r = await fetch(`${srv.base}/calendar/${feeds[email]}.ics`);
    assert.equal(r.status, 200);
    const text = await r.text();
    const es = events(text);
    assert.equal(libicalEvents(text), es.length, `libical reads ${email}'s feed whole`);
    return Object.fromEntries(es.map(e => [e.UID, e]));
}

const initialUid = k => `case-${k.id}-initial@parley`;
const reviewUid = k => `case-${k.id}-review@parley`;

test('R10: the initial meeting is in the teacher\'s and the CT\'s feeds; moved, its SEQUENCE goes up', async () => {
    const k = await j.opened('par');
    const day = await j.today();
    const ct = await j.personId(PEOPLE.par.ct);
    await j.step(PEOPLE.coordinator, k.id, 'schedule_meeting',
                 { at: `${addDays(day, 2)} 15:30`, place: 'Room 12', ct_id: ct });
    const mine = await feed(k.teacherEmail);
    const e = mine[initialUid(k)];
    assert.ok(e, 'the teacher\'s feed has the initial meeting');
    assert.equal(e.SUMMARY, `Initial meeting: ${k.teacherName}`);
    assert.equal(e.LOCATION, 'Room 12');
    assert.equal(e.SEQUENCE, '0');
    assert.equal(e.STATUS, 'CONFIRMED');
    assert.match(e.DTSTART, /^\d{8}T\d{6}Z$/, 'in UTC');
    assert.ok((await feed(PEOPLE.par.ct))[initialUid(k)], 'and the CT\'s');
    assert.ok(!(await feed(PEOPLE.union))[initialUid(k)], 'not the union representative\'s');
    assert.ok(!(await feed(PEOPLE.par.administrator))[initialUid(k)], 'nor the administrator\'s');

    await j.step(PEOPLE.coordinator, k.id, 'schedule_meeting',
                 { at: `${addDays(day, 3)} 09:00`, place: 'Room 14', ct_id: ct });
    const moved = (await feed(k.teacherEmail))[initialUid(k)];
    assert.equal(moved.SEQUENCE, '1', 'calendars take the new time');
    assert.notEqual(moved.DTSTART, e.DTSTART);
    assert.equal(moved.LOCATION, 'Room 14');
});

// A PAR case whose initial meeting was held today, its agreement review
// set the given number of days on: the case and today.
async function reviewScheduled(daysOn) {
    const k = await j.opened('par');
    const day = await j.today();
    await j.step(PEOPLE.coordinator, k.id, 'schedule_meeting',
                 { at: `${day} 15:30`, place: 'Room 12', ct_id: await j.personId(PEOPLE.par.ct) });
    await j.step(PEOPLE.par.ct, k.id, 'hold_meeting', { notes: 'We talked it through.' });
    await j.step(k.teacherEmail, k.id, 'choose_track', {
        track: 'par', district_year: 7, plan: 'improvement', months: 10, rating: 'needs_improvement',
        union_member: true, full_time: true, job: 'classroom_teacher' });
    await j.step(PEOPLE.coordinator, k.id, 'schedule_review', {
        at: `${addDays(day, daysOn)} 16:00`, place: 'Union office',
        union_rep_id: await j.personId(PEOPLE.union) });
    return { k, day };
}

test('R11: the agreement review is in the teacher\'s and the union representative\'s feeds; withdrawn first, it is cancelled', async () => {
    const { k } = await reviewScheduled(4);
    for (const who of [k.teacherEmail, PEOPLE.union]) {
        const e = (await feed(who))[reviewUid(k)];
        assert.ok(e, `${who}'s feed has the agreement review`);
        assert.equal(e.SUMMARY, `PAR Agreement review: ${k.teacherName}`);
        assert.equal(e.LOCATION, 'Union office');
        assert.equal(e.STATUS, 'CONFIRMED');
    }
    // the initial meeting, held, stays in the teacher's feed as it was
    assert.equal((await feed(k.teacherEmail))[initialUid(k)].STATUS, 'CONFIRMED');

    await j.step(k.teacherEmail, k.id, 'withdraw', { reason: 'I have found another post.' });
    const off = (await feed(PEOPLE.union))[reviewUid(k)];
    assert.equal(off.STATUS, 'CANCELLED', 'the review will not take place');
    assert.equal(off.SEQUENCE, '1');
});

// The week (the dashboard's, and /api/v1/week) finds a case by whichever
// of its appointments falls in it, each alone: the initial meeting one
// week, the agreement review two weeks on, a parley meeting weeks later.
// The kinds of the case's appointments in one's week starting on start:
const appointments = async (email, k, start) =>
    (await j.must(email, 'GET', `/week?start=${start}`)).items
        .filter(i => i.case_id === k.id && i.time).map(i => i.what.replace(/:.*/, ''));

test('R10, R11: each appointment alone brings its case into the week it falls in', async () => {
    const { k, day } = await reviewScheduled(14);
    const week = start => appointments(k.teacherEmail, k, start);
    assert.deepEqual(await week(day), ['Initial meeting']);
    assert.deepEqual(await week(addDays(day, 14)), ['PAR Agreement review']);
    const { text } = await (await j.signIn(k.teacherEmail)).get(`/dashboard?week=${addDays(day, 14)}`);
    assert.match(text, new RegExp(`16:00 <a href="/cases/${k.id}/agreement">PAR Agreement review: ` +
                                  `${k.teacherName}</a>: Union office`));
});

test('R17: a parley meeting alone brings its case into the week it falls in', async () => {
    const k = await j.parCase('caseload');
    const on = addDays(await j.today(), 35);
    await j.must(k.who.ct, 'POST', `/cases/${k.id}/meetings`,
                 { phase: 'extra', at: `${on} 16:30`, minutes: 30, place: 'Room 3' });
    for (const who of [k.teacherEmail, k.who.ct])
        assert.deepEqual(await appointments(who, k, on), ['Parley meeting'], who);
});

test('R29: a Panel session is in the feeds of the members sitting on its day, not of one whose term ended', async () => {
    const day = await j.today();
    const s = await j.must(PEOPLE.coordinator, 'POST', '/panel/sessions',
                           { held_on: addDays(day, 20), starts_at: '16:00', place: 'Board room' });
    const uid = `panel-session-${s.id}@parley`;
    for (const member of PEOPLE.panel) {
        const e = (await feed(member))[uid];
        assert.ok(e, `${member}'s feed has the session`);
        assert.match(e.SUMMARY, /^Panel session: /);
        assert.equal(e.LOCATION, 'Board room');
    }
    assert.ok((await feed(PEOPLE.coordinator))[uid], 'the coordinator who arranges it');
    // the demo's panel6@ sat until 2025 (R29)
    assert.ok(!(await feed('panel6@parley.test'))[uid], 'a member whose term ended');
    assert.ok(!(await feed(PEOPLE.par.ct))[uid], 'nor anyone off the Panel');

    await j.must(PEOPLE.coordinator, 'PATCH', `/panel/sessions/${s.id}`, { place: 'Room 101' });
    const moved = (await feed(PEOPLE.panel[0]))[uid];
    assert.equal(moved.LOCATION, 'Room 101');
    assert.equal(moved.SEQUENCE, '1');
});
