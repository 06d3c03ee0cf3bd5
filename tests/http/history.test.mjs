// history.test.mjs: "who has viewed or changed my record" (R37, issue 18).
// A teacher's history folds the views of one record by one person that say
// the same into one row ("Viewed 4 times: first – last"); changes and
// sign-ins are never folded. A GET form filters it by who acted and by the
// kind of record (named in words, not by the log's keys), and its pages
// keep the filter. The demo's case 2 is PAR: teacher@ is its teacher, ct1@
// its Consulting Teacher, principal@ its administrator. Expected counts come
// from the audit log's own rows, one per view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './harness.mjs';
import { DEMO, count, scalar, decode, personId, actors } from './records.mjs';

const TEACHER = DEMO.participating_teacher;
const CT = DEMO.consulting_teacher;
const ADMIN = DEMO.administrator;
let srv;
after(async () => { await srv.stop(); });

const { as, page, api } = actors(() => srv);
const id = email => personId(srv.db, email);
const nameOf = email => scalar(srv.db, `SELECT name FROM person WHERE id = ${id(email)};`);
const history = async (query = '') => decode((await page(TEACHER, `/people/${ID[TEACHER]}/history${query}`)).text);
// The table's rows: [when, who, what].
const rows = html => [...html.matchAll(/<tr><td[^>]*>(.*?)<\/td><td[^>]*>(.*?)<\/td><td[^>]*>(.*?)<\/td>/g)]
    .map(m => [m[1].replace(/<[^>]*>/g, ''), m[2], m[3]]);
const viewsBy = (email, summary) => count(srv.db, 'audit',
    `action = 'read' AND actor_id = ${ID[email]} AND subject_id = ${ID[TEACHER]} AND summary = '${summary.replace(/'/g, "''")}'`);

// Names and ids, read once (each look-up is a sqlite3 or psql run).
let ARTIFACTS, OBSERVATIONS, NAME = {}, ID = {};
before(async () => {
    srv = await startServer();
    for (const who of [TEACHER, CT, ADMIN, DEMO.coordinator]) [ID[who], NAME[who]] = [id(who), nameOf(who)];
    const teacherName = NAME[TEACHER];
    ARTIFACTS = `Viewed the artifacts of the case of ${teacherName}`;
    OBSERVATIONS = `Viewed the observations of the case of ${teacherName}`;
    for (let i = 0; i < 4; i++) assert.equal((await page(CT, '/cases/2/artifacts')).status, 200);
    for (let i = 0; i < 2; i++) assert.equal((await page(ADMIN, '/cases/2/artifacts')).status, 200);
    assert.equal((await page(CT, '/cases/2/observations')).status, 200);
    await as(TEACHER);
});

test('R37: repeated views by one person of one record are one row, with how many times and from when to when', async () => {
    const html = await history();
    const all = rows(html);
    const ct = all.filter(([, who, what]) => who === NAME[CT] && what === ARTIFACTS);
    assert.equal(ct.length, 1, 'the CT\'s views of the artifacts are one row');
    const times = viewsBy(CT, ARTIFACTS);
    assert.ok(times >= 4);
    assert.match(ct[0][0], new RegExp(`^Viewed ${times} times: \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d – \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d$`));
    const admin = all.filter(([, who, what]) => who === NAME[ADMIN] && what === ARTIFACTS);
    assert.equal(admin.length, 1, 'the administrator\'s are a row of their own');
    assert.match(admin[0][0], new RegExp(`^Viewed ${viewsBy(ADMIN, ARTIFACTS)} times: `));
    // a row per group: as many rows as the log has groups, and no entry twice
    const seen = new Set(all.filter(([when]) => when.startsWith('Viewed')).map(([, who, what]) => `${who}|${what}`));
    assert.equal(seen.size, all.filter(([when]) => when.startsWith('Viewed')).length);
    // a sign-in is no view: each stays a row of its own
    const signIns = count(srv.db, 'audit', `action = 'login' AND subject_id = ${ID[TEACHER]}`);
    const shown = (await history(`?kind=session`));
    assert.equal(rows(shown).filter(([, , what]) => what === 'Signed in').length, Math.min(signIns, 50));
    assert.ok(rows(shown).every(([when]) => !when.startsWith('Viewed')));
});

test('R37: the history is filtered by who acted and by kind of record, with a GET form that keeps the choice', async () => {
    let html = await history(`?actor_id=${ID[CT]}`);
    let all = rows(html);
    assert.ok(all.length >= 2);
    assert.ok(all.every(([, who]) => who === NAME[CT]), 'only the CT\'s entries');
    assert.ok(all.some(([, , what]) => what === ARTIFACTS) && all.some(([, , what]) => what === OBSERVATIONS));
    assert.match(html, /<form method="get" action="\/people\/\d+\/history" role="search">/);
    assert.match(html, new RegExp(`<option value="${ID[CT]}" selected>${NAME[CT]}</option>`));
    assert.match(html, new RegExp(`<option value="${ID[ADMIN]}">${NAME[ADMIN]}</option>`));

    html = await history('?kind=artifact');
    all = rows(html);
    assert.ok(all.every(([, , what]) => what === ARTIFACTS || / the artifact /.test(what)), 'only artifacts');
    assert.ok(!all.some(([, , what]) => what === OBSERVATIONS));
    const viewers = all.filter(([, , what]) => what === ARTIFACTS).map(([, who]) => who).sort();
    assert.deepEqual(viewers, [NAME[CT], NAME[ADMIN]].sort());
    assert.match(html, /<option value="artifact" selected>Artifacts<\/option>/);
    assert.match(html, /<option value="session">Sign-ins<\/option>/);
    assert.doesNotMatch(html.replace(/<option value="[^"]*"/g, ''), />\s*(artifact|panel_session|session)\s*</, 'kinds are named in words');

    html = await history(`?actor_id=${ID[CT]}&kind=artifact`);
    assert.deepEqual(rows(html).map(([, who, what]) => [who, what]), [[NAME[CT], ARTIFACTS]]);
    assert.match(html, /<p role="status">1 row\.<\/p>/);
    // someone who never acted on the record: nothing, said plainly
    html = await history(`?actor_id=${id('teacher2@parley.test')}`);
    assert.match(html, /<p role="status">0 rows\.<\/p>/);
});

test('R37: the history\'s pages keep its filter; changes are never folded', async () => {
    // more than a page of changes to the record, each a row of its own
    for (let n = 0; n < 51; n++) {
        const r = await api(DEMO.coordinator, 'PATCH', `/people/${ID[TEACHER]}`, { employee_id: `T-${1000 + n}` });
        assert.equal(r.status, 200, r.text);
    }
    const changes = count(srv.db, 'audit', `action <> 'read' AND record_kind = 'person' AND subject_id = ${ID[TEACHER]}`);
    assert.ok(changes > 50);
    const html = await history(`?actor_id=${ID[DEMO.coordinator]}&kind=person`);
    const first = rows(html);
    assert.equal(first.length, 50);
    assert.ok(first.slice(0, 50).every(([when]) => !when.startsWith('Viewed')), 'no change is folded');
    assert.match(html, new RegExp(`href="/people/${ID[TEACHER]}/history\\?actor_id=${ID[DEMO.coordinator]}&kind=person&page=2"`));
    const second = rows(await history(`?actor_id=${ID[DEMO.coordinator]}&kind=person&page=2`));
    assert.ok(second.length >= 1);
    assert.ok(second.every(([, who]) => who === NAME[DEMO.coordinator]), 'the second page keeps the filter');
    const mine = `record_kind = 'person' AND actor_id = ${ID[DEMO.coordinator]} AND subject_id = ${ID[TEACHER]}`;
    const views = Number(scalar(srv.db, `SELECT COUNT(DISTINCT summary) FROM audit WHERE action = 'read' AND ${mine};`));
    assert.match(html, new RegExp(`<p role="status">${count(srv.db, 'audit', `action <> 'read' AND ${mine}`) + views} rows\\.</p>`),
                 'every change, and one row for the views that say the same');
});
