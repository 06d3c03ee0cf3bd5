// outcomes.test.mjs: R39 over HTTP, through the pages and the API, on a PAR
// case (ct1@, principal@) and a PA case (ct2@; principal2@ runs its school)
// made through the API (journey.mjs). Only the coordinator records a closed
// case's outcome (prefilled from the Panel's approved decision); recording
// it invites the teacher and, on a PAR case only (R16), the school's
// administrator; each answers once (409 after); the answers are checked
// (Likert 1-5, the fields named); and an answer, once stored, cannot be
// traced to its author: survey_response has no case, person or time
// column, its id is random, and the audit log, the timeline and the inboxes
// hold no answer. The coordinator sees who responded, never what.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, PG } from './harness.mjs';
import { DEMO, scalar, count, decode, fieldError, actors, personId, namesRule, talliesMatch } from './records.mjs';
import { Journey } from './journey.mjs';

const CT1 = DEMO.consulting_teacher, PRINCIPAL = DEMO.administrator;
const PRINCIPAL2 = 'principal2@parley.test', COORD = DEMO.coordinator;
const COMMENT = 'The meetings were kind and clear; quokka-marker-7731.';

let srv, j, par, pa, PA, PAR, TEACHER, TEACHER2;
before(async () => {
    srv = await startServer();
    j = new Journey(srv);
    par = await j.parCase('cycle');
    pa = await j.paCase('cycle');
    [PAR, PA, TEACHER, TEACHER2] = [par.id, pa.id, par.teacherEmail, pa.teacherEmail];
    for (const teacher of [TEACHER, TEACHER2])
        await j.signIn(teacher);   /* they sign in with the demo's password */
});
after(async () => { await srv.stop(); });

const { page, post, api } = actors(() => srv);
const text = r => decode(r.text).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const message = r => r.json().error.message;
// The school year a date is in (the year it starts: July 1, 2026 to June 30, 2027 is 2026).
const schoolYear = date => Number(date.slice(0, 4)) - (date.slice(5) < '07-01' ? 1 : 0);
const invited = (caseId, email) => scalar(srv.db,
    `SELECT COALESCE(MAX(responded), -1) FROM survey_invitation WHERE case_id = ${caseId} AND person_id = ${personId(srv.db, email)};`);

test('R39: an outcome is recorded once the cycle is closed, and by the coordinator only', async () => {
    let r = await api(COORD, 'PUT', `/cases/${PAR}/outcome`, { rating_after: 'proficient', stayed: 'yes' });
    assert.equal(r.status, 409, 'a case on a caseload has no outcome yet');
    assert.match(message(r), /"Record the cycle's outcome" is not a step from there/);
    await j.closed(par);
    await j.closed(pa);
    for (const who of [TEACHER, CT1, PRINCIPAL]) {
        r = await api(who, 'PUT', `/cases/${PAR}/outcome`, { rating_after: 'proficient', stayed: 'yes' });
        assert.equal(r.status, 403, `${who}: ${r.text}`);
        assert.match(message(r), /R39: the coordinator records a closed case's outcome/);
        r = await post(who, `/cases/${PAR}/outcome`, { rating_before: 'none', rating_after: 'proficient', stayed: 'yes' });
        assert.equal(r.status, 403, who);
        assert.match(decode(r.text), /The coordinator records a closed case's outcome/);
        assert.ok(namesRule(r.text, 39), `${who}: the refusal names R39 by its title`);
    }
    assert.equal(count(srv.db, 'case_outcome'), 0, 'nothing was written');
    assert.equal(count(srv.db, 'survey_invitation'), 0, 'nobody was invited');
});

test('R39: the outcome is prefilled from the Panel\'s approved rating, checked field by field, and invites the teacher and the administrator', async () => {
    // R25: before the Superintendent's approval there is no final rating to record
    let r = await api(COORD, 'PUT', `/cases/${PAR}/outcome`, { rating_after: 'proficient', stayed: 'yes' });
    assert.equal(r.status, 403);
    assert.match(message(r), /exists only once the Superintendent has approved/);
    await j.stage(par, 'approved');
    r = await api(COORD, 'GET', `/cases/${PAR}/outcome`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().recorded, false);
    assert.equal(r.json().rating_after, 'proficient', 'the Panel\'s approved rating (R25)');
    assert.equal(r.json().school_year, schoolYear(par.end), 'a cycle counts in the school year its last day is in');
    r = await page(COORD, `/cases/${PAR}/outcome`);
    assert.equal(r.status, 200);
    assert.match(r.text, /<option value="proficient" selected>/);
    assert.match(text(r), /Record the outcome/);
    // every field checked, named, nothing written
    r = await post(COORD, `/cases/${PAR}/outcome`, { rating_before: 'great', rating_after: '', stayed: 'maybe', version: '' });
    assert.equal(r.status, 400);
    assert.ok(fieldError(r.text, 'rating_before'));
    assert.match(fieldError(r.text, 'rating_after'), /^Choose the rating after the cycle/);
    assert.match(fieldError(r.text, 'stayed'), /^Say whether the teacher stayed on the job/);
    assert.ok(namesRule(r.text, 39), 'the errors name R39 by its title');
    r = await api(COORD, 'PUT', `/cases/${PAR}/outcome`, { rating_after: 'superb', stayed: 'yes' });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'rating_after');
    assert.equal(count(srv.db, 'case_outcome'), 0);
    r = await post(COORD, `/cases/${PAR}/outcome`, { rating_before: 'needs_improvement', rating_after: 'proficient',
                                                     stayed: 'yes', continued_support: 'A mentor next year.', version: '' });
    assert.equal(r.status, 303, r.text);
    r = await api(COORD, 'GET', `/cases/${PAR}/outcome`);
    assert.deepEqual([r.json().rating_before, r.json().rating_after, r.json().stayed, r.json().continued_support, r.json().version],
                     ['needs_improvement', 'proficient', 'yes', 'A mentor next year.', 1]);
    assert.equal(invited(PAR, TEACHER), '0', 'the teacher is invited');
    assert.equal(invited(PAR, PRINCIPAL), '0', 'the PAR case\'s administrator is invited');
    assert.equal(invited(PAR, CT1), '-1', 'the CT is not asked');
    talliesMatch(srv.db, 'once an outcome is recorded');
    // revising keeps one invitation each; a stale version is refused
    r = await api(COORD, 'PUT', `/cases/${PAR}/outcome`, { stayed: 'unknown', version: 1 });
    assert.equal(r.status, 200, r.text);
    talliesMatch(srv.db, 'once the outcome is corrected');
    assert.equal(r.json().rating_after, 'proficient', 'what is left out keeps its value');
    r = await api(COORD, 'PUT', `/cases/${PAR}/outcome`, { stayed: 'no', version: 1 });
    assert.equal(r.status, 409);
    assert.equal(count(srv.db, 'survey_invitation', `case_id = ${PAR}`), 2);
    assert.equal(count(srv.db, 'notification', `link = '/cases/${PAR}/survey'`), 2, 'each told once');
    // the teacher reads their outcome
    r = await api(TEACHER, 'GET', `/cases/${PAR}/outcome`);
    assert.equal(r.status, 200);
    assert.equal(r.json().stayed, 'unknown');
});

test('R16: a PA case\'s administrator is not invited and cannot answer', async () => {
    let r = await api(COORD, 'PUT', `/cases/${PA}/outcome`, { rating_after: 'proficient', stayed: 'yes' });
    assert.equal(r.status, 200, r.text);
    assert.equal(invited(PA, TEACHER2), '0', 'the PA teacher is invited');
    assert.equal(invited(PA, PRINCIPAL2), '-1', 'the PA case\'s administrator is not');
    r = await api(PRINCIPAL2, 'POST', `/cases/${PA}/survey`, { fair: 5, transparent: 5, humane: 5 });
    assert.equal(r.status, 403);
    assert.match(message(r), /R39: the survey is answered by the case's teacher and, on a PAR case, its administrator/);
    assert.equal(count(srv.db, 'survey_response'), 0);
});

test('R39: only the invited answer; the answers are checked, field by field', async () => {
    let r = await api(CT1, 'POST', `/cases/${PAR}/survey`, { fair: 5, transparent: 5, humane: 5 });
    assert.equal(r.status, 403);
    assert.match(message(r), /R39/);
    r = await page(CT1, `/cases/${PAR}/survey`);
    assert.equal(r.status, 403);
    r = await page(TEACHER, '/my-case');
    assert.match(text(r), /Answer the end-of-cycle survey/, 'the teacher is shown the way');
    r = await page(PRINCIPAL, '/dashboard');
    assert.match(text(r), new RegExp(`Answer the end-of-cycle survey — ${par.teacherName}`), 'so is the administrator');
    r = await page(TEACHER, `/cases/${PAR}/survey`);
    assert.equal(r.status, 200);
    const t = text(r);
    for (const q of ['The process felt fair', 'The process felt transparent', 'The process felt humane'])
        assert.ok(r.text.includes(`<legend>${q}</legend>`), q);
    assert.match(t, /Your answers are stored without your name/);
    assert.match(t, /groups of at least 5 people/);
    r = await post(TEACHER, `/cases/${PAR}/survey`, { fair: '0', transparent: '', humane: '6', comment: 'x'.repeat(2001) });
    assert.equal(r.status, 400);
    // each error names its question (issue 18: three alike would not say which)
    for (const f of ['fair', 'transparent', 'humane'])
        assert.match(fieldError(r.text, f), new RegExp(`^Say how far you agree that the process felt ${f}: choose one answer`), f);
    assert.ok(fieldError(r.text, 'comment'));
    r = await api(TEACHER, 'POST', `/cases/${PAR}/survey`, { fair: 3, transparent: 9, humane: 3 });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'transparent');
    assert.equal(count(srv.db, 'survey_response'), 0, 'a refused answer leaves nothing');
    assert.equal(invited(PAR, TEACHER), '0');
});

test('R39: each answers once, and nothing leads from an answer back to its author', async () => {
    const auditBefore = Number(scalar(srv.db, 'SELECT MAX(id) FROM audit;'));
    let r = await post(TEACHER, `/cases/${PAR}/survey`, { fair: '4', transparent: '3', humane: '5', comment: COMMENT });
    assert.equal(r.status, 303, r.text);
    r = await api(PRINCIPAL, 'POST', `/cases/${PAR}/survey`, { fair: 2, transparent: 2, humane: 4 });
    assert.equal(r.status, 201, r.text);
    talliesMatch(srv.db, 'once the survey is answered');
    assert.deepEqual(Object.keys(r.json()).sort(), ['case_id', 'responded'], 'the answer\'s id is not given');
    assert.equal(r.headers.get('location'), null);
    // once: 409 naming the rule, for both
    r = await post(TEACHER, `/cases/${PAR}/survey`, { fair: '1', transparent: '1', humane: '1' });
    assert.equal(r.status, 409);
    assert.match(decode(r.text), /You have answered this survey already/);
    assert.ok(namesRule(r.text, 39));
    r = await api(PRINCIPAL, 'POST', `/cases/${PAR}/survey`, { fair: 1, transparent: 1, humane: 1 });
    assert.equal(r.status, 409);
    assert.match(message(r), /R39/);
    r = await page(TEACHER, `/cases/${PAR}/survey`);
    assert.match(text(r), /You have answered this survey/);
    assert.equal(invited(PAR, TEACHER), '1');
    assert.equal(invited(PAR, PRINCIPAL), '1');
    // The stored answers: no case, person or time column.
    const cols = scalar(srv.db, PG
        ? "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_name = 'survey_response';"
        : "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('survey_response') ORDER BY name);");
    assert.equal(cols, 'comment,fair,humane,id,party,program_id,school_year,track,transparent');
    const rows = scalar(srv.db, 'SELECT id, school_year, track, party, fair, transparent, humane FROM survey_response ORDER BY party;')
        .split('\n').map(l => l.split('|'));
    const year = String(schoolYear(par.end));
    assert.deepEqual(rows.map(x => x.slice(1)), [[year, 'par', 'administrator', '2', '2', '4'],
                                                 [year, 'par', 'teacher', '4', '3', '5']]);
    // Random ids, not the order of answering nor anything near another table's.
    const maxInvite = Number(scalar(srv.db, 'SELECT MAX(id) FROM survey_invitation;'));
    for (const [id] of rows) assert.ok(Number(id) > 1e6 && Number(id) > maxInvite + 1000, `id ${id} is random`);
    // The audit log says who answered, never what, nor which answer.
    const audit = scalar(srv.db, `SELECT action || ' ' || record_kind || ' ' || record_id || ' ' || summary FROM audit WHERE id > ${auditBefore} ORDER BY id;`);
    assert.match(audit, /answered survey \d+ Answered the end-of-cycle survey of the case of/);
    for (const [id] of rows) assert.ok(!audit.includes(id), 'no answer\'s id in the audit log');
    assert.ok(!audit.includes('quokka-marker'), 'no comment in the audit log');
    assert.ok(!/fair|transparent|humane|[1-5] of 5/i.test(audit.replace(/end-of-cycle survey/g, '')), audit);
    for (const [table, col] of [['audit', 'summary'], ['case_event', 'summary'], ['notification', 'message']])
        assert.equal(count(srv.db, table, `${col} LIKE '%quokka-marker%'`), 0, `no comment in ${table}`);
    assert.equal(count(srv.db, 'survey_response', "comment LIKE '%quokka-marker%'"), 1, 'the comment is kept, with the answer');
});

test('R39: the coordinator sees who responded, never whose answer is whose', async () => {
    let r = await page(COORD, '/surveys');
    assert.equal(r.status, 200);
    const t = text(r);
    assert.match(t, /Grace Okafor administrator .* Yes/);
    assert.ok(!t.includes('quokka-marker'), 'no answer on the list');
    r = await page(COORD, `/cases/${PAR}/outcome`);
    assert.match(text(r), /Grace Okafor \(the administrator\): responded/);
    assert.ok(!decode(r.text).includes('quokka-marker'));
    r = await api(COORD, 'GET', `/surveys?case_id=${PAR}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().total, 2);
    for (const item of r.json().items) {
        assert.deepEqual(Object.keys(item).sort(),
                         ['case_id', 'invited_at', 'party', 'person_id', 'person_name', 'responded', 'teacher_name', 'track']);
        assert.equal(item.responded, true);
    }
    for (const who of [TEACHER, CT1, PRINCIPAL]) {
        r = await api(who, 'GET', '/surveys');
        assert.equal(r.status, 403, who);
        assert.match(message(r), /R39/);
    }
});
