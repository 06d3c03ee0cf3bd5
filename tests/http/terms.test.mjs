// terms.test.mjs: the people who run the program, over HTTP, through the
// pages and the API. R27 (a Consulting Teacher is a union member, commits to
// at least 2 years, and may not take a principal or assistant-principal post
// for a year after leaving: computed, shown, and enforced when the
// administrator's role is given), R28 (the Panel, and only the Panel,
// records one review a year; the CT reads their own, another CT does not)
// and R29 (the seat decides the appointer; a term of at most 4 years; a
// member whose term ended is on the roster as past and cannot vote).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './harness.mjs';
import { DEMO, sql, scalar, count, decode, fieldError, personId, actors, namesRule } from './records.mjs';

const COORD = DEMO.coordinator, PANEL = DEMO.panel_member, CT1 = DEMO.consulting_teacher;
const CT2 = 'ct2@parley.test';

let srv;
const ids = {};

before(async () => {
    srv = await startServer();
    // Fresh people for the rules, so the demo's own terms do not matter.
    ids.fresh = await newPerson('Fresh Consultant', 'fresh.ct@parley.test', true, ['consulting_teacher']);
    ids.former = await newPerson('Former Consultant', 'former.ct@parley.test', true, ['consulting_teacher']);
    ids.nonunion = await newPerson('Nonunion Consultant', 'nonunion.ct@parley.test', false, ['consulting_teacher']);
    ids.plain = await newPerson('Plain Teacher', 'plain.teacher@parley.test', true, []);
    ids.seat = await newPerson('Seat Candidate', 'seat.candidate@parley.test', true, []);
    ids.ct1 = personId(srv.db, CT1);
});
after(async () => { await srv.stop(); });

const { as, page, post, api } = actors(() => srv);

async function newPerson(name, email, unionMember, roles) {
    const r = await api(COORD, 'POST', '/people', { name, email, union_member: unionMember,
        years_in_district: 8, job_type: 'classroom_teacher' });
    assert.equal(r.status, 201, r.text);
    const id = r.json().id;
    for (const role of roles)
        assert.equal((await api(COORD, 'POST', `/people/${id}/roles`, { role })).status, 201);
    return id;
}

const text = r => decode(r.text).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const today = () => new Date().toISOString().slice(0, 10);
const plusYears = (date, n) => `${Number(date.slice(0, 4)) + n}${date.slice(4)}`;

test('R27: the commitment runs at least 2 years; a CT is a union member who holds the role', async () => {
    const before = count(srv.db, 'ct_term');
    let r = await post(COORD, '/cts', { person_id: ids.fresh, starts_on: '2026-09-01', committed_until: '2028-08-30' });
    assert.equal(r.status, 400, 'R27: a commitment a day short of 2 years is refused');
    assert.match(fieldError(r.text, 'committed_until'), /at least 2 years: the commitment must run/);
    assert.ok(namesRule(r.text, 27), 'beside the field, R27 by its title');
    r = await post(COORD, '/cts', { person_id: ids.nonunion, starts_on: '2026-09-01', committed_until: '2028-08-31' });
    assert.equal(r.status, 400, 'R27: a CT who is not a union member is refused');
    assert.match(fieldError(r.text, 'person_id'), /union member/);
    assert.ok(namesRule(r.text, 27));
    r = await post(COORD, '/cts', { person_id: ids.plain, starts_on: '2026-09-01', committed_until: '2028-08-31' });
    assert.equal(r.status, 400, 'only a person who holds the Consulting Teacher role');
    assert.match(fieldError(r.text, 'person_id'), /Consulting Teacher's role\./);
    r = await api(COORD, 'POST', '/cts', { person_id: ids.nonunion, starts_on: '2026-09-01', committed_until: '2028-08-31' });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'person_id');
    assert.match(r.json().error.message, /R27/);
    assert.equal(count(srv.db, 'ct_term'), before, 'no refused term was written');

    r = await post(COORD, '/cts', { person_id: ids.fresh, starts_on: '2026-09-01', committed_until: '2028-08-31' });
    assert.equal(r.status, 303, 'exactly 2 years (the commitment\'s last day) is allowed');
    assert.equal(r.headers.get('location'), `/cts/${ids.fresh}`);
    r = await page(COORD, '/cts');
    assert.equal(r.status, 200);
    assert.match(text(r), /Fresh Consultant fresh\.ct@parley\.test Term started 2026-09-01, .*Committed until \(at least 2 years\) 2028-08-31/);
    assert.equal(count(srv.db, 'audit', `record_kind = 'ct_term' AND action = 'create' AND subject_id = ${ids.fresh}`), 1);
    r = await page(CT1, '/cts');
    assert.equal(r.status, 403, 'the list of CTs is the coordinator\'s and the Panel\'s');
});

test('R27: leaving sets restricted_until a year later; the administrator\'s role waits until then', async () => {
    const left = today(), until = plusYears(left, 1);
    let r = await post(COORD, `/cts/${ids.fresh}/leaving`, { left_on: '2026-08-31' });
    assert.equal(r.status, 400, 'a CT leaves on or after the term started');
    assert.ok(fieldError(r.text, 'left_on'));
    const version = scalar(srv.db, `SELECT version FROM ct_term WHERE person_id = ${ids.fresh};`);
    r = await post(COORD, `/cts/${ids.fresh}/leaving`, { left_on: left, version });
    assert.equal(r.status, 303, r.text);
    assert.equal(scalar(srv.db, `SELECT left_on || ' ' || restricted_until FROM ct_term WHERE person_id = ${ids.fresh};`),
                 `${left} ${until}`, 'R27: restricted_until is computed, one year after leaving');
    r = await page(COORD, `/cts/${ids.fresh}`);
    assert.match(text(r), new RegExp(`May not take a principal or assistant-principal post until ${until}, `));
    r = await post(COORD, `/cts/${ids.fresh}/leaving`, { left_on: left, version });
    assert.equal(r.status, 409, 'a stale version: someone else recorded it first');

    // R27's teeth: no administrator's role while the restriction runs.
    const roles = count(srv.db, 'person_role', `person_id = ${ids.fresh}`);
    r = await post(COORD, `/people/${ids.fresh}/roles`, { role: 'administrator', school_id: '1' });
    assert.equal(r.status, 400);
    assert.equal(fieldError(r.text, 'role'), `Fresh Consultant left the Consulting Teacher's role and may not take a principal or assistant-principal post until ${until}.`);
    assert.ok(namesRule(r.text, 27), 'beside the field, R27 by its title');
    r = await api(COORD, 'POST', `/people/${ids.fresh}/roles`, { role: 'administrator', school_id: 1 });
    assert.equal(r.status, 400);
    assert.match(r.json().error.message, /R27/);
    assert.equal(count(srv.db, 'person_role', `person_id = ${ids.fresh}`), roles, 'no role was given');

    // A CT who left long ago: the restriction has ended, the post is open.
    r = await api(COORD, 'POST', '/cts', { person_id: ids.former, starts_on: '2021-09-01', committed_until: '2023-08-31' });
    assert.equal(r.status, 201, r.text);
    r = await api(COORD, 'POST', `/cts/${ids.former}/leaving`, { left_on: '2024-06-30' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().term.restricted_until, '2025-06-30');
    r = await post(COORD, `/people/${ids.former}/roles`, { role: 'administrator', school_id: '1' });
    assert.equal(r.status, 303, 'R27: after the restriction ends, the administrator\'s role is given');
    r = await page(COORD, `/cts/${ids.former}`);
    assert.match(text(r), /The restriction ended on 2025-06-30, /);
});

test('R28: a Panel member records one review a year; the coordinator cannot; the CT reads their own, another CT does not', async () => {
    const summary = 'Observations on time; teachers call the feedback fair and practical.';
    let r = await post(COORD, `/cts/${ids.fresh}/reviews`, { school_year: '2026', outcome: 'continue', summary });
    assert.equal(r.status, 403, 'R28: the coordinator does not review CTs; the Panel does');
    assert.ok(namesRule(r.text, 27), 'the refusal names the rules (R27, R28) by their heading');
    r = await api(COORD, 'POST', `/cts/${ids.fresh}/reviews`, { school_year: 2026, outcome: 'continue', summary });
    assert.equal(r.status, 403);
    r = await post(PANEL, `/cts/${ids.fresh}/reviews`, { school_year: '2026', outcome: 'continue', summary: '' });
    assert.equal(r.status, 400);
    assert.ok(fieldError(r.text, 'summary') && namesRule(r.text, 28), 'beside the field, R28 by its title');
    assert.equal(count(srv.db, 'ct_review', `person_id = ${ids.fresh}`), 0);

    r = await post(PANEL, `/cts/${ids.fresh}/reviews`, { school_year: '2026', outcome: 'continue', summary });
    assert.equal(r.status, 303, r.text);
    assert.equal(count(srv.db, 'audit', `record_kind = 'ct_review' AND action = 'create' AND subject_id = ${ids.fresh}`), 1);
    r = await post('panel2@parley.test', `/cts/${ids.fresh}/reviews`, { school_year: '2026', outcome: 'not_continue', summary: 'Again.' });
    assert.equal(r.status, 400, 'R28: one review per CT per school year');
    assert.match(fieldError(r.text, 'school_year'), /one review a year\./);
    assert.ok(namesRule(r.text, 28));
    r = await api(PANEL, 'POST', `/cts/${ids.fresh}/reviews`, { school_year: 2026, outcome: 'continue', summary });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'school_year');
    r = await api('panel6@parley.test', 'POST', `/cts/${ids.fresh}/reviews`, { school_year: 2027, outcome: 'continue', summary });
    assert.equal(r.status, 403, 'R29: a member whose term ended no longer acts for the Panel');
    assert.match(r.json().error.message, /\(R28, R29\)/);
    r = await api(PANEL, 'POST', `/cts/${ids.fresh}/reviews`, { school_year: 2027, outcome: 'not_continue', summary: 'Left the role.' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json().reviews.length, 2);
    assert.equal(count(srv.db, 'ct_review', `person_id = ${ids.fresh}`), 2);

    r = await page(COORD, `/cts/${ids.fresh}`);
    assert.match(text(r), /2026-27: Continues as a Consulting Teacher Observations on time/);
    // The CT themself reads the reviews of their own work; another CT does not.
    r = await api('fresh.ct@parley.test', 'GET', `/cts/${ids.fresh}`);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json().reviews.map(v => [v.school_year, v.outcome]), [[2027, 'not_continue'], [2026, 'continue']]);
    r = await api(CT2, 'GET', `/cts/${ids.fresh}`);
    assert.equal(r.status, 403, 'another CT does not see the reviews');
    r = await page(CT1, `/cts/${ids.fresh}`);
    assert.equal(r.status, 403);
    r = await page(CT1, `/cts/${ids.ct1}`);
    assert.equal(r.status, 200, 'a CT sees their own page');
    assert.match(text(r), /The Panel's reviews/);
    assert.doesNotMatch(r.text, /name="summary"/, 'a CT does not review themself');
    r = await page(DEMO.participating_teacher, `/cts/${ids.ct1}`);
    assert.equal(r.status, 403);
    // R37, R38: the Panel's reading is audited, the CT's own is not.
    const reads = `action = 'read' AND record_kind = 'ct_term' AND subject_id = ${ids.ct1}`;
    const n = count(srv.db, 'audit', reads);
    await page(PANEL, `/cts/${ids.ct1}`);
    assert.equal(count(srv.db, 'audit', reads), n + 1);
});

test('R29: the seat decides the appointer; a term of at most 4 years', async () => {
    const seat = { role: 'panel_member', seat: 'teacher', term_start: '2026-09-01', term_end: '2029-08-31' };
    const before = count(srv.db, 'person_role');
    for (const appointed_by of ['district', 'The union president', 'Principal Jones']) {
        const r = await post(COORD, `/people/${ids.seat}/roles`, { ...seat, appointed_by });
        assert.equal(r.status, 400, `a teacher seat appointed by ${appointed_by}`);
        assert.match(fieldError(r.text, 'appointed_by'), /appointed by the union president: /);
    }
    let r = await api(COORD, 'POST', `/people/${ids.seat}/roles`, { ...seat, seat: 'principal', appointed_by: 'union_president' });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'appointed_by');
    assert.match(r.json().error.message, /appointed by the district \(R29\)/);
    r = await post(COORD, `/people/${ids.seat}/roles`, { ...seat, appointed_by: 'union_president', term_end: '2030-09-02' });
    assert.equal(r.status, 400);
    assert.equal(fieldError(r.text, 'term_end'), 'A Panel term lasts at most 4 years.');
    assert.ok(namesRule(r.text, 29));
    assert.equal(count(srv.db, 'person_role'), before, 'no refused seat was written');
    r = await post(COORD, `/people/${ids.seat}/roles`, { ...seat, appointed_by: 'union_president' });
    assert.equal(r.status, 303);
    r = await page(COORD, `/people/${ids.seat}`);
    assert.match(text(r), /teacher seat, appointed by the union president, 2026-09-01 to 2029-08-31/);
});

test('R29: the roster shows current members by seat with their appointers, and panel6 as past, who cannot vote', async () => {
    sql(srv.db, "INSERT INTO program_setting (program_id, key, value) VALUES (1, 'panel_principal_appointer', 'Assistant Superintendent of Human Capital');");
    let r = await page(PANEL, '/panel/roster');
    assert.equal(r.status, 200);
    const t = text(r);
    const [current, past] = t.split('Past members: term ended — cannot vote');
    assert.ok(past, 'a section for past members');
    assert.match(past, /panel6@parley\.test/, 'R29: panel6\'s term ended 2025-08-31');
    assert.match(past, /Term 2021-09-01, .* to 2025-08-31, .*: term ended — cannot vote \./);
    assert.doesNotMatch(current, /panel6@parley\.test/, 'panel6 is not among the current members');
    const [teachers, principals] = current.split('Principal seats');
    for (const email of ['panel@', 'panel2@', 'panel4@']) assert.match(teachers, new RegExp(email));
    for (const email of ['panel3@', 'panel5@', 'principal3@']) assert.match(principals, new RegExp(email));
    assert.match(teachers, /Frank Moreau \(panel@parley\.test\), appointed by the union president\. Term 2025-09-01, .* to 2028-08-31, .*: \d+ days left\./);
    assert.match(principals, /Omar Haddad \(panel3@parley\.test\), appointed by the Assistant Superintendent of Human Capital\./, 'the setting names the district\'s appointer (003)');
    assert.match(t, /principal members by the Assistant Superintendent of Human Capital/);

    r = await api(COORD, 'GET', '/panel/roster');
    assert.equal(r.status, 200);
    const six = r.json().items.find(m => m.email === 'panel6@parley.test');
    assert.deepEqual([six.current, six.may_vote, six.days_left, six.term_end], [false, false, null, '2025-08-31']);
    const one = r.json().items.find(m => m.email === PANEL);
    assert.deepEqual([one.current, one.may_vote, one.seat, one.appointed_by, one.appointer],
                     [true, true, 'teacher', 'union_president', 'the union president']);
    assert.equal((await page(CT1, '/panel/roster')).status, 403, 'the roster is the Panel\'s and the coordinator\'s');
    assert.equal((await api(DEMO.participating_teacher, 'GET', '/panel/roster')).status, 403);
});

test('the API lists the CTs with their latest term and last review', async () => {
    const r = await api(PANEL, 'GET', '/cts');
    assert.equal(r.status, 200);
    const fresh = r.json().items.find(w => w.person_id === ids.fresh);
    assert.equal(fresh.term.restricted_until, plusYears(today(), 1));
    assert.deepEqual(fresh.last_review, { school_year: 2027, outcome: 'not_continue' });
    assert.ok(r.json().items.some(w => w.email === CT1));
    assert.equal((await api(CT1, 'GET', '/cts')).status, 403);
});
