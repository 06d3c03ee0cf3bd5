// search.test.mjs: the one search box (issue 18). The coordinator finds a
// teacher by part of their name; everyone else finds only what the policy
// lets them open: a CT their caseload's cases, a teacher their own, and
// the district's people and the federation's peer support service nothing
// of each other's. What is typed is never the full-text engine's grammar:
// quotes and operators are words, and an empty or one-letter query is
// answered on the page, what was typed kept. A case shown is a read of it,
// audited once a day per reader (issue 15). Cases are set up through the
// contact form and the API (journey.mjs); runs on SQLite and, with
// PARLEY_TEST_PG, on PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';
import { Journey, PEOPLE } from './journey.mjs';
import { DEMO, count, decode, inputValue, fieldError } from './records.mjs';

let srv, j, par, pa, maria;

// The API's answer to a search, as the person: the items by kind.
async function found(email, q) {
    const r = await j.api(email, 'GET', `/search?q=${encodeURIComponent(q)}`);
    assert.equal(r.status, 200, `${email} searching ${q}: ${r.text.slice(0, 300)}`);
    const items = r.json().items;
    const of = kind => items.filter(i => i.kind === kind).map(i => i.id).sort((a, b) => a - b);
    return { items, people: of('person'), cases: of('case'), inquiries: of('inquiry'), pss: of('pss_case') };
}

// The page's main part: the header's own box holds a q too.
const main = html => html.slice(html.indexOf('<main'));

before(async () => {
    srv = await startServer();
    j = new Journey(srv);
    // Two teachers of one family name, each with a case on a different CT's
    // caseload: PAR with ct1, PA with ct2 (journey.mjs's PEOPLE).
    par = await j.parCase('caseload', { teacherName: 'Rosalind Quennell' });
    pa = await j.paCase('caseload', { teacherName: 'Octavia Quennell' });
    maria = await j.must(PEOPLE.coordinator, 'POST', '/people', {
        name: 'Maria Rodriguez', email: 'maria.rodriguez@example.org', district_year: 4,
        job_type: 'classroom_teacher' });
});
after(async () => { await srv.stop(); });

test('the coordinator finds a teacher by part of their name from the dashboard, told why', async () => {
    const coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    const dash = (await coord.get('/dashboard')).text;
    // the dashboard's box: a search landmark with a label, sending q to /search
    const box = dash.match(/<form class="search-box" method="get" action="\/search" role="search"[^>]*>(.*?)<\/form>/gs);
    assert.ok(box && box.length === 2, 'the header\'s box and the dashboard\'s');
    assert.match(box[1], /<label for="dashboard-search">Find a teacher, a case or an inquiry<\/label>/);
    assert.match(box[1], /<input type="search" id="dashboard-search" name="q"/);
    assert.match(box[0], /<label for="header-search" class="visually-hidden">Search people, cases and inquiries<\/label>/);
    const r = await coord.get('/search?q=Rodr');
    assert.equal(r.status, 200);
    const page = decode(r.text);
    assert.match(page, /<main[^>]*>.*role="search"/s, 'the results page has its own box');
    assert.equal(inputValue(main(r.text), 'q'), 'Rodr', 'what was typed is kept');
    const people = page.match(/<h2 id="found-person">People \(\d+\)<\/h2>(.*?)<\/section>/s);
    assert.ok(people, 'the people found, as a group of their own');
    assert.match(people[1], new RegExp(`<a href="/people/${maria.id}">Maria Rodriguez</a>`));
    assert.match(people[1], /name matches: <mark>Maria Rodriguez<\/mark>/);
    // by the start of another word she is found too, saying which one
    const byMail = decode((await coord.get('/search?q=maria.rodr%40example')).text);
    assert.match(byMail, /email address matches: <mark>maria\.rodriguez@example\.org<\/mark>/);
    // the middle of a word is not its start
    assert.doesNotMatch(decode((await coord.get('/search?q=odriguez')).text), /Maria Rodriguez/);
    // the API says the same
    const api = await found(PEOPLE.coordinator, 'Rodr');
    assert.deepEqual(api.people, [maria.id]);
    assert.deepEqual(api.items[0].matched, [
        { field: 'name', why: 'name matches', text: 'Maria Rodriguez' },
        { field: 'email', why: 'email address matches', text: 'maria.rodriguez@example.org' }]);
    assert.equal(api.items[0].link, `/people/${maria.id}`);
});

test('the coordinator finds both cases, their teachers and their inquiries', async () => {
    const f = await found(PEOPLE.coordinator, 'Quenn');
    assert.deepEqual(f.cases, [par.id, pa.id].sort((a, b) => a - b));
    assert.equal(f.people.length, 2, 'both teachers');
    assert.deepEqual(f.inquiries, [par.inquiryId, pa.inquiryId].sort((a, b) => a - b));
    const item = f.items.find(i => i.kind === 'case' && i.id === par.id);
    assert.equal(item.title, 'Rosalind Quennell');
    assert.equal(item.link, `/cases/${par.id}`);
    assert.equal(item.matched[0].why, 'the teacher\'s name matches');
});

test('a CT finds only the cases on their caseload, and nobody\'s record', async () => {
    const ct1 = await found(PEOPLE.par.ct, 'Quennell');
    assert.deepEqual(ct1.cases, [par.id]);
    assert.deepEqual(ct1.people, [], 'a CT opens no one\'s record but their own');
    const ct2 = await found(PEOPLE.pa.ct, 'Quennell');
    assert.deepEqual(ct2.cases, [pa.id]);
    // the school's name finds the case too, for its CT only
    const bySchool = await found(PEOPLE.pa.ct, 'Lincoln Park');
    assert.ok(bySchool.cases.includes(pa.id));
    assert.ok(!bySchool.cases.includes(par.id));
});

test('a teacher finds their own case, never another teacher\'s', async () => {
    const own = await found(par.teacherEmail, 'Quennell');
    assert.deepEqual(own.cases, [par.id]);
    assert.deepEqual(own.inquiries, [], 'the intake queue is the program\'s');
    const other = await found(pa.teacherEmail, 'Rosalind');
    assert.deepEqual(other.items, [], 'Rosalind\'s case is not Octavia\'s to see');
    const octavia = await j.signIn(pa.teacherEmail);
    const page = decode((await octavia.get('/search?q=Quennell')).text);
    assert.doesNotMatch(page, /Rosalind/);
    assert.match(page, new RegExp(`<a href="/cases/${pa.id}">Octavia Quennell</a>`));
    assert.match(decode((await octavia.get('/search?q=Rosalind')).text),
                 /<p role="status">Nothing found for "Rosalind" among what you may open\.<\/p>/);
});

test('the district and the federation\'s peer support service find nothing of each other', async () => {
    // the demo's peer support case, for a member of the federation (R31-R36)
    const pssCoord = await found(DEMO.pss_coordinator, 'Teresa');
    assert.equal(pssCoord.pss.length, 1, 'the service coordinator finds the member\'s case');
    const pssId = pssCoord.pss[0];
    for (const who of [DEMO.coordinator, DEMO.administrator, DEMO.consulting_teacher, DEMO.superintendent]) {
        const d = await found(who, 'Teresa');
        assert.deepEqual(d.items, [], `${who} finds nothing of the federation`);
    }
    // and the federation's people nothing of the district's
    for (const who of [DEMO.pss_coordinator, DEMO.pss_consultant, DEMO.local_president]) {
        for (const q of ['Quennell', 'Rodriguez', 'Riverside'])
            assert.deepEqual((await found(who, q)).items, [], `${who} finds nothing of the district (${q})`);
    }
    // a peer support case shown is a read of a confidential record (R38)
    assert.ok(count(srv.db, 'audit', `record_kind = 'pss_case' AND record_id = ${pssId} ` +
                                     `AND summary LIKE '%in a search%'`) >= 1);
});

test('what a use case changes is found as it is now: a person renamed, a school renamed', async () => {
    const school = await j.must(PEOPLE.coordinator, 'POST', '/schools', { name: 'Juniper Academy', code: 'JUN' });
    const p = await j.must(PEOPLE.coordinator, 'POST', '/people', {
        name: 'Tomasz Wierzbicki', email: 'tomasz.w@example.org', district_year: 2,
        job_type: 'classroom_teacher', school_id: school.id });
    assert.deepEqual((await found(PEOPLE.coordinator, 'Wierz')).people, [p.id]);
    assert.deepEqual((await found(PEOPLE.coordinator, 'Juniper')).people, [p.id]);
    await j.must(PEOPLE.coordinator, 'PATCH', `/people/${p.id}`, { name: 'Tomasz Nowak' });
    assert.deepEqual((await found(PEOPLE.coordinator, 'Wierz')).people, []);
    assert.deepEqual((await found(PEOPLE.coordinator, 'Nowak')).people, [p.id]);
    await j.must(PEOPLE.coordinator, 'PATCH', `/schools/${school.id}`, { name: 'Birchwood Academy' });
    assert.deepEqual((await found(PEOPLE.coordinator, 'Juniper')).people, []);
    const f = await found(PEOPLE.coordinator, 'Birchw');
    assert.deepEqual(f.people, [p.id]);
    assert.deepEqual(f.items[0].matched, [{ field: 'school', why: 'school matches', text: 'Birchwood Academy' }]);
});

test('at most 20 of a kind are shown, and the page says more may match', async () => {
    for (let n = 1; n <= 21; n++)
        await j.must(PEOPLE.coordinator, 'POST', '/people', {
            name: `Zebediah Pemberton ${n}`, email: `zeb.pemberton.${n}@example.org`,
            district_year: 1, job_type: 'classroom_teacher' });
    assert.equal((await found(PEOPLE.coordinator, 'Pemberton')).people.length, 20);
    const coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    const page = decode((await coord.get('/search?q=Pemberton')).text);
    assert.match(page, /<h2 id="found-person">People \(20 shown\)<\/h2>/);
    assert.match(page, /More may match than are shown here: type more of the name/);
    const one = decode((await coord.get('/search?q=Pemberton+21')).text);
    assert.match(one, /<h2 id="found-person">People \(1\)<\/h2>/, 'a second word narrows it');
    assert.doesNotMatch(one, /More may match/);
});

test('quotes and operators are words, never the engine\'s grammar; an empty or one-letter query is answered on the page', async () => {
    const coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
    for (const q of ['"Rodr', 'Rodr"*', 'Rodr OR NEAR(x)', 'Rodr:* & !x', "'Rodr' | (x)", 'Rodr\\', '{name}: Rodr^', '-Rodr']) {
        const r = await coord.get(`/search?q=${encodeURIComponent(q)}`);
        assert.equal(r.status, 200, `${q}: ${r.status}`);
        assert.equal(inputValue(main(r.text), 'q'), q, 'what was typed is kept');
    }
    assert.deepEqual((await found(PEOPLE.coordinator, '"Rodr"*')).people, [maria.id]);
    assert.deepEqual((await found(PEOPLE.coordinator, 'NEAR("Rodr" x)')).people, [], 'every word must match');
    for (const [q, says] of [['', /Type what to look for/], ['"*"', /Type what to look for/],
                             ['R', /at least 2 letters or digits/]]) {
        const r = await coord.get(`/search?q=${encodeURIComponent(q)}`);
        assert.equal(r.status, 400);
        assert.match(decode(fieldError(r.text, 'q') || ''), says);
        assert.equal(inputValue(main(r.text), 'q'), q);
        const api = await j.api(PEOPLE.coordinator, 'GET', `/search?q=${encodeURIComponent(q)}`);
        assert.equal(api.status, 400);
        assert.equal(api.json().error.field, 'q');
    }
    // the box with nothing sent yet is a blank form, no complaint
    const blank = await coord.get('/search');
    assert.equal(blank.status, 200);
    assert.equal(fieldError(blank.text, 'q'), null);
});

test('a case shown in a search is a read of it, audited once a day per reader', async () => {
    const about = `record_kind = 'case' AND record_id = ${pa.id} AND summary LIKE '%in a search%'`;
    const before = count(srv.db, 'audit', about);
    await found(PEOPLE.par.administrator, 'Quennell');   // not theirs: no case shown
    await found(PEOPLE.pa.administrator, 'Quennell');
    await found(PEOPLE.pa.administrator, 'Octavia');
    assert.equal(count(srv.db, 'audit', about), before + 1, 'seen twice today, audited once');
});
