// final_ratings.test.mjs: the final ratings back to the district (issue
// 17). R25: only a rating the Superintendent approved is final, so the CSV
// (the page's link and the API's) holds exactly the approved decisions:
// not one the Panel decided that waits for approval, not one returned. The
// cases are walked through tests/http/journey.mjs, never set up by SQL;
// what the CSV must hold is read back through the API's decisions of every
// case, not from the export's own code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, PASSWORD } from './harness.mjs';
import { Journey, PEOPLE } from './journey.mjs';

let srv, j, approved, pending, returned, approvedOn;
before(async () => {
    srv = await startServer();
    j = new Journey(srv);
    [approved, pending, returned] = await j.cases(3, 'par', 'decided');
    await j.approved(approved);
    approvedOn = await j.today();
    await j.must(PEOPLE.superintendent, 'POST', `/cases/${returned.id}/decisions/${returned.decisionId}/approval`,
                 { approval: 'returned', reason: 'Look again at standard II.' });
    // A value a spreadsheet would run as a formula is written as text.
    await j.must(PEOPLE.coordinator, 'PATCH', `/people/${await j.personId(approved.teacherEmail)}`,
                 { employee_id: '=1+1' });
});
after(async () => { await srv.stop(); });

// RFC 4180 as out/csv.h writes it, for these fields (no quotes in them).
const rows = text => text.trimEnd().split('\r\n').map(l => l.split(','));

// R25: every approved decision of every case, read through the API.
async function approvedDecisions() {
    const cases = await j.must(PEOPLE.coordinator, 'GET', '/cases?per_page=200');
    assert.ok(cases.total <= 200, 'one page holds every case');
    const found = [];
    for (const k of cases.items) {
        const d = await j.must(PEOPLE.coordinator, 'GET', `/cases/${k.id}/decisions`);
        for (const x of d.items.filter(x => x.approval === 'approved'))
            found.push({ decision: x.id, case: k.id, rating: x.rating });
    }
    return found;
}

// R39's school year: from July 1, by the year it starts, as "2025-26".
function schoolYear(date) {
    const [y, m] = date.split('-').map(Number), start = m >= 7 ? y : y - 1;
    return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

test('R25: the ratings CSV holds exactly the approved decisions, as the coordinator downloads it', async () => {
    const coord = await j.signIn(PEOPLE.coordinator);
    const page = await coord.get('/decisions');
    assert.match(page.text, /href="\/final-ratings\.csv"/, 'the decisions page links to it');
    const r = await coord.get('/final-ratings.csv');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/csv/);
    assert.match(r.headers.get('content-disposition'), /attachment; filename="final-ratings\.csv"/);
    const [header, ...lines] = rows(r.text);
    assert.deepEqual(header, ['teacher', 'email', 'employee_id', 'school_year', 'rating', 'approved_on']);
    const want = await approvedDecisions();
    assert.ok(want.some(d => d.case === approved.id));
    assert.equal(lines.length, want.length, 'one row per approved decision, and no other');
    const emails = lines.map(l => l[1]);
    assert.ok(!emails.includes(pending.teacherEmail), 'a decision awaiting approval is not final');
    assert.ok(!emails.includes(returned.teacherEmail), 'a returned decision is not final');
    const mine = lines.filter(l => l[1] === approved.teacherEmail);
    assert.deepEqual(mine, [[approved.teacherName, approved.teacherEmail, "'=1+1",
                             schoolYear(approved.end), 'Proficient', approvedOn]]);
});

test('the API gives the same, as JSON and as CSV, to the Superintendent; not to the Panel or a CT', async () => {
    const want = await approvedDecisions();
    const list = await j.must(PEOPLE.superintendent, 'GET', '/final-ratings');
    assert.deepEqual(list.items.map(x => x.decision_id).sort((a, b) => a - b),
                     want.map(d => d.decision).sort((a, b) => a - b));
    const item = list.items.find(x => x.case_id === approved.id);
    assert.deepEqual({ ...item, teacher_id: 0 }, {
        teacher_id: 0, teacher: approved.teacherName, email: approved.teacherEmail, employee_id: '=1+1',
        school_year: schoolYear(approved.end), rating: 'proficient', rating_label: 'Proficient',
        approved_on: approvedOn, case_id: approved.id, decision_id: approved.decisionId });
    for (const x of list.items)
        assert.equal(x.rating, want.find(d => d.decision === x.decision_id).rating);
    const csv = await j.api(PEOPLE.superintendent, 'GET', '/final-ratings.csv');
    assert.equal(csv.status, 200);
    assert.equal(rows(csv.text).length, want.length + 1);
    for (const who of [PEOPLE.panel[0], PEOPLE.par.ct, PEOPLE.par.administrator])
        assert.equal((await j.api(who, 'GET', '/final-ratings')).status, 403, who);
    const panel = new Client(srv.base);
    await panel.login(PEOPLE.panel[0], PASSWORD);
    assert.equal((await panel.get('/final-ratings.csv')).status, 403);
});

test('R37: the teacher sees on their own record that their rating went to the district', async () => {
    await j.must(PEOPLE.coordinator, 'GET', '/final-ratings');
    const history = async email =>
        (await (await j.signIn(email)).get(`/people/${await j.personId(email)}/history`)).text;
    assert.match(await history(approved.teacherEmail),
                 /Sent the district the final rating of [^<]*: Proficient/);
    assert.doesNotMatch(await history(pending.teacherEmail), /Sent the district the final rating/);
});

test('the OpenAPI document says the CSV is CSV', async () => {
    const doc = (await new Client(srv.base).get('/api/v1/openapi.json')).json();
    assert.ok(doc.paths['/api/v1/final-ratings.csv'].get.responses['200'].content['text/csv']);
    assert.equal(doc.paths['/api/v1/final-ratings'].get.responses['200'].content['application/json'].schema.$ref,
                 '#/components/schemas/FinalRatingList');
    assert.ok(doc.components.schemas.FinalRating.properties.school_year);
});
