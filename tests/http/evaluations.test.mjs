// evaluations.test.mjs: a PAR case's formative and summative evaluations
// over HTTP, through the pages and the API, each step by the person whose
// step it is. R15 (only the primary evaluator creates one; the
// administrator is refused naming R15; a PA case has none), R26 (an overall
// Proficient with standard II below Proficient is refused beside the
// field), R23 (a summative goes to the administrator for preview and
// response before the teacher), R20 (only the teacher signs; receipt, not
// agreement; with a written response), reopening with the other party's
// consent only, the audit log, and the PDF read back with pdftotext.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './harness.mjs';
import { DEMO, scalar, count, decode, fieldError, actors, namesRule } from './records.mjs';
import { Journey } from './journey.mjs';

// The demo's case 1 is PA (teacher2, ct2; principal2 its school's
// administrator); the PAR case is a new one on ct1's caseload, made through
// the API (journey.mjs), with no evaluation yet (ct1 its primary evaluator;
// principal its secondary evaluator).
const PA = 1;
const CT1 = DEMO.consulting_teacher;
const PRINCIPAL = DEMO.administrator, CT2 = 'ct2@parley.test', PRINCIPAL2 = 'principal2@parley.test';
const COORD = DEMO.coordinator;

let srv, auditStart, j, k, PAR, TEACHER;

before(async () => {
    srv = await startServer();
    j = new Journey(srv);
    k = await j.parCase('caseload');
    [PAR, TEACHER] = [k.id, k.teacherEmail];
    await j.signIn(TEACHER);
    auditStart = Number(scalar(srv.db, 'SELECT COALESCE(MAX(id), 0) FROM audit;'));
});
after(async () => { await srv.stop(); });

const { as, page, post, api } = actors(() => srv);
const text = r => decode(r.text).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const url = (id, rest = '') => `/cases/${PAR}/evaluations/${id}${rest}`;
const version = id => scalar(srv.db, `SELECT version FROM evaluation WHERE id = ${id};`);
const standard = code => Number(scalar(srv.db, `SELECT id FROM rubric_standard WHERE code = '${code}' AND program_id = 1;`));
const audits = (id, action) => Number(scalar(srv.db,
    `SELECT COUNT(*) FROM audit WHERE record_kind = 'evaluation' AND record_id = ${id} AND action = '${action}' AND id > ${auditStart};`));

// Every standard and the overall rated through the draft's form.
async function rateAll(id, rating = 'proficient', overall = 'proficient') {
    const r = await post(CT1, url(id), {
        version: version(id), summary: 'Clear aims; questioning reaches every student.\nNext: assessment.',
        overall_rating: overall,
        rating_I: rating, rating_II: rating, rating_III: rating, rating_IV: rating,
        comment_I: 'Units are planned backwards from assessments.', comment_II: 'Every student is reached.',
        comment_III: '', comment_IV: '' });
    assert.equal(r.status, 303, text(r).slice(0, 600));
}

async function step(email, id, path, form = {}) {
    return post(email, url(id, path), { version: version(id), ...form });
}

let formative, summative;

test('R15: the administrator, the secondary evaluator, is refused naming R15; the primary evaluator creates one of each', async () => {
    let r = await api(PRINCIPAL, 'POST', `/cases/${PAR}/evaluations`, { kind: 'formative' });
    assert.equal(r.status, 403, r.text);
    assert.match(r.json().error.message, /R15/);
    r = await post(PRINCIPAL, `/cases/${PAR}/evaluations`, { kind: 'summative' });
    assert.equal(r.status, 403);
    assert.match(text(r), /Only the primary evaluator/);
    assert.ok(namesRule(r.text, 15), 'the page names R15 by its title');
    r = await post(TEACHER, `/cases/${PAR}/evaluations`, { kind: 'summative' });
    assert.equal(r.status, 403, 'nor the teacher');
    assert.equal(count(srv.db, 'evaluation', `case_id = ${PAR}`), 0, 'nothing was written');
    // The administrator's page offers no "start".
    assert.doesNotMatch((await page(PRINCIPAL, `/cases/${PAR}/evaluations`)).text, /Start the/);

    assert.match((await page(CT1, `/cases/${PAR}/evaluations`)).text, /Start the formative assessment/);
    r = await post(CT1, `/cases/${PAR}/evaluations`, { kind: 'formative' });
    assert.equal(r.status, 303, text(r).slice(0, 400));
    formative = Number(r.headers.get('location').split('/').pop());
    r = await api(CT1, 'POST', `/cases/${PAR}/evaluations`, { kind: 'summative' });
    assert.equal(r.status, 201, r.text);
    summative = r.json().id;
    assert.equal(r.json().status, 'draft');
    assert.equal(r.json().ratings.length, 4, 'one row per standard, I to IV');
    // One of each kind per case.
    r = await api(CT1, 'POST', `/cases/${PAR}/evaluations`, { kind: 'formative' });
    assert.equal(r.status, 409, r.text);
    assert.match(r.json().error.message, /has its formative assessment already/);
    assert.equal(audits(formative, 'added'), 1);
});

test('R15: on a PA case nobody creates an evaluation, its CT included', async () => {
    for (const who of [CT2, PRINCIPAL2, COORD, 'teacher2@parley.test']) {
        const r = await api(who, 'POST', `/cases/${PA}/evaluations`, { kind: 'formative' });
        assert.ok([403, 404].includes(r.status), `${who}: ${r.text}`);
    }
    const r = await api(CT2, 'POST', `/cases/${PA}/evaluations`, { kind: 'formative' });
    assert.match(r.json().error.message, /R15/);
    assert.match(text(await page(COORD, `/cases/${PA}/evaluations`)), /This is a PA case: it has no evaluations/);
    assert.equal(count(srv.db, 'evaluation', `case_id = ${PA}`), 0);
});

test('R26: an overall Proficient with standard II at Needs Improvement is refused beside the field, nothing saved', async () => {
    const before = version(formative);
    let r = await post(CT1, url(formative), { version: before, overall_rating: 'proficient',
        rating_I: 'proficient', rating_II: 'needs_improvement', rating_III: 'proficient', rating_IV: 'proficient',
        summary: 'Kept as typed' });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'overall_rating'), /^An overall rating of Proficient or better needs Proficient or better on standard I .* and standard II/);
    assert.ok(namesRule(r.text, 26), 'beside it, R26 by its title');
    assert.match(r.text, /Kept as typed/, 'what was typed is kept');
    assert.equal(version(formative), before, 'nothing was written');
    // The API says the same, on the field.
    r = await api(CT1, 'PATCH', `/cases/${PAR}/evaluations/${summative}`, { standard_id: standard('II'), rating: 'needs_improvement' });
    assert.equal(r.status, 200, r.text);
    r = await api(CT1, 'PATCH', `/cases/${PAR}/evaluations/${summative}`, { overall_rating: 'proficient' });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json().error.field, 'overall_rating');
    assert.match(r.json().error.message, /R26/);
    // A lower overall stands; Needs Improvement overall is accepted.
    r = await api(CT1, 'PATCH', `/cases/${PAR}/evaluations/${summative}`, { overall_rating: 'needs_improvement' });
    assert.equal(r.status, 200, r.text);
    // Not every standard rated: it cannot be shared (R26 asks a rating of each).
    r = await step(CT1, summative, '/share-admin');
    assert.equal(r.status, 409);
    assert.match(text(r), /Rate every standard/);
    assert.ok(namesRule(r.text, 26));
    // A stale version is refused.
    r = await api(CT1, 'PATCH', `/cases/${PAR}/evaluations/${summative}`, { summary: 'x', version: 1 });
    assert.equal(r.status, 409, r.text);
});

test('R23: a summative goes to the administrator for preview and response before the teacher', async () => {
    await rateAll(summative, 'needs_improvement', 'needs_improvement');
    // A draft is the CT's alone: the teacher and the administrator do not see it.
    assert.equal((await page(TEACHER, url(summative))).status, 404);
    assert.equal((await page(PRINCIPAL, url(summative))).status, 404);
    let r = await step(CT1, summative, '/share-teacher');
    assert.equal(r.status, 409);
    assert.match(text(r), /A summative evaluation goes to the administrator for preview and response before it is shared with the teacher/);
    assert.ok(namesRule(r.text, 23));
    r = await api(CT1, 'POST', `/cases/${PAR}/evaluations/${summative}/steps`, { step: 'share_teacher' });
    assert.equal(r.status, 409);
    assert.match(r.json().error.message, /R23/);

    assert.match((await page(CT1, url(summative))).text, /Share it with the administrator for preview/);
    r = await step(CT1, summative, '/share-admin');
    assert.equal(r.status, 303, text(r).slice(0, 400));
    assert.equal((await page(TEACHER, url(summative))).status, 404, 'not the teacher\'s yet');
    const p = await page(PRINCIPAL, url(summative));
    assert.equal(p.status, 200);
    assert.match(p.text, /Save my response/);
    // Only the administrator responds (R23); the teacher and the CT are refused.
    r = await step(TEACHER, summative, '/respond', { response: 'mine' });
    assert.equal(r.status, 403);
    r = await step(CT1, summative, '/respond', { response: 'mine' });
    assert.equal(r.status, 403);
    assert.ok(namesRule(r.text, 23), 'the refusal names R23 by its title');
    r = await step(PRINCIPAL, summative, '/respond', { response: '' });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'response'), /needed/);
    r = await step(PRINCIPAL, summative, '/respond', { response: 'I agree with the areas for growth; the school will support release time.' });
    assert.equal(r.status, 303, text(r).slice(0, 400));
    // The administrator is told, and the teacher after sharing.
    r = await step(CT1, summative, '/share-teacher');
    assert.equal(r.status, 303, text(r).slice(0, 400));
    r = await step(PRINCIPAL, summative, '/respond', { response: 'too late' });
    assert.equal(r.status, 409);
    assert.match(text(r), /The administrator responds while the draft is shared with them/);
    assert.ok(namesRule(r.text, 23));
    const t = text(await page(TEACHER, url(summative)));
    assert.match(t, /The administrator's response I agree with the areas for growth/);
    assert.match(decode((await page(TEACHER, '/inbox')).text), /Shared the summative evaluation with the teacher/);
    assert.equal(audits(summative, 'share_admin'), 1);
    assert.equal(audits(summative, 'respond'), 1);
    assert.equal(audits(summative, 'share_teacher'), 1);
});

test('R20: only the teacher signs, which means receipt, not agreement, with a written response', async () => {
    // A formative may go to the teacher without the preview.
    await rateAll(formative);
    assert.equal((await step(TEACHER, formative, '/sign')).status, 404, 'not shared with the teacher yet');
    let r = await step(CT1, formative, '/share-teacher');
    assert.equal(r.status, 303, text(r).slice(0, 400));
    const p = await page(TEACHER, url(formative));
    assert.match(text(p), /Signing acknowledges receipt of the evaluation, not agreement with it\./);
    // issue 18: the document before the signature: the teacher reads the
    // ratings, their comments and the narrative, then the form to sign
    const signAt = p.text.indexOf(`action="${url(formative, '/sign')}"`);
    assert.ok(signAt > 0, 'the form to sign');
    for (const part of ['Units are planned backwards from assessments.', 'Every student is reached.',
                        'Clear aims; questioning reaches every student.', '<h2>Narrative</h2>']) {
        const at = p.text.indexOf(part);
        assert.ok(at > 0 && at < signAt, `"${part}" comes before the form to sign`);
    }
    assert.match(p.text, /<label[^>]*for="f-response"[^>]*>Your written response/);
    for (const who of [CT1, PRINCIPAL]) {
        r = await step(who, formative, '/sign');
        assert.equal(r.status, 403, who);
        assert.match(text(r), /Only the teacher signs/);
        assert.ok(namesRule(r.text, 20), who);
    }
    r = await api(CT1, 'POST', `/cases/${PAR}/evaluations/${formative}/steps`, { step: 'sign' });
    assert.equal(r.status, 403);
    r = await step(TEACHER, formative, '/sign', { response: 'I disagree with the rating of standard IV; see my log.' });
    assert.equal(r.status, 303, text(r).slice(0, 400));
    const t = text(await page(CT1, url(formative)));
    assert.ok(t.includes('Signed by ' + scalar(srv.db, `SELECT name FROM person WHERE email = '${TEACHER}';`)), 'the signature names the teacher');
    assert.match(t, /The teacher's written response I disagree with the rating of standard IV/);
    assert.match(t, /not agreement/);
    r = await step(TEACHER, formative, '/sign');
    assert.equal(r.status, 409, 'signed once');
    assert.equal(audits(formative, 'sign'), 1);
    // The summative by the API, with a response.
    r = await api(TEACHER, 'POST', `/cases/${PAR}/evaluations/${summative}/steps`, { step: 'sign', response: 'Received; I will respond to the Panel.' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().status, 'signed');
    assert.equal(r.json().teacher_response, 'Received; I will respond to the Panel.');
});

test('a locked evaluation reopens only with the other party\'s consent; the signature is given again', async () => {
    let r = await step(CT1, formative, '/lock');
    assert.equal(r.status, 303, text(r).slice(0, 400));
    r = await step(CT1, formative, '/ask-unlock', { reason: '' });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'reason'), /needed/);
    r = await step(CT1, formative, '/ask-unlock', { reason: 'Standard III\'s comment is missing.' });
    assert.equal(r.status, 303, text(r).slice(0, 400));
    // The asker cannot consent to their own request.
    r = await step(CT1, formative, '/consent-unlock');
    assert.equal(r.status, 409);
    assert.match(text(r), /needs the other party's consent: you asked/);
    assert.equal(scalar(srv.db, `SELECT status FROM evaluation WHERE id = ${formative};`), 'locked');
    // Nobody else consents: the administrator has no part in it.
    r = await step(PRINCIPAL, formative, '/consent-unlock');
    assert.equal(r.status, 403);
    assert.match((await page(TEACHER, url(formative))).text, /Consent to reopening it/);
    r = await step(TEACHER, formative, '/consent-unlock');
    assert.equal(r.status, 303, text(r).slice(0, 400));
    const row = scalar(srv.db, `SELECT status || ' ' || teacher_signed_at || ' ' || locked_at FROM evaluation WHERE id = ${formative};`);
    assert.equal(row, 'draft 0 0', 'a draft again, the signature cleared');
    assert.equal(audits(formative, 'ask_unlock'), 1);
    assert.equal(audits(formative, 'consent_unlock'), 1);
    assert.match(scalar(srv.db, `SELECT summary FROM audit WHERE record_kind = 'evaluation' AND action = 'ask_unlock' AND id > ${auditStart} ORDER BY id LIMIT 1;`), /because: Standard III/);
    // The teacher signs again once it is shared again; the teacher may ask too.
    await rateAll(formative);
    assert.equal((await step(CT1, formative, '/share-teacher')).status, 303);
    assert.equal((await step(TEACHER, formative, '/sign')).status, 303);
    assert.equal((await step(CT1, formative, '/lock')).status, 303);
    r = await api(TEACHER, 'POST', `/cases/${PAR}/evaluations/${formative}/steps`, { step: 'ask_unlock', reason: 'A date is wrong.' });
    assert.equal(r.status, 200, r.text);
    r = await api(TEACHER, 'POST', `/cases/${PAR}/evaluations/${formative}/steps`, { step: 'consent_unlock' });
    assert.equal(r.status, 409);
    r = await api(CT1, 'POST', `/cases/${PAR}/evaluations/${formative}/steps`, { step: 'consent_unlock' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().status, 'draft');
});

test('the PDF carries the ratings, the response, the signature, the Panel\'s decision and the approval; its download is audited', async () => {
    const pdfText = async (email) => {
        const { c } = await as(email);
        const res = await fetch(srv.base + url(summative, '/pdf'), { headers: { Cookie: c.cookieHeader() } });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('content-type'), 'application/pdf');
        assert.match(res.headers.get('content-disposition'), new RegExp(`attachment; filename="summative-evaluation-case-${PAR}\\.pdf"`));
        const dir = mkdtempSync(join(tmpdir(), 'parley-pdf-'));
        writeFileSync(join(dir, 'e.pdf'), Buffer.from(await res.arrayBuffer()));
        return execFileSync('pdftotext', ['-layout', join(dir, 'e.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    const before = audits(summative, 'downloaded');
    let t = await pdfText(TEACHER);
    const teacherName = scalar(srv.db, `SELECT name FROM person WHERE email = '${TEACHER}';`);
    const ctName = scalar(srv.db, `SELECT name FROM person WHERE email = '${CT1}';`);
    assert.match(t, /Summative evaluation/);
    assert.ok(t.includes(teacherName), 'the teacher');
    assert.ok(t.includes(ctName), 'the CT');
    assert.match(t, /Needs Improvement/);
    assert.match(t, /I agree with the areas for growth/);
    assert.match(t, /not agreement/);
    assert.match(t, /Received; I will respond to the Panel\./);
    assert.doesNotMatch(t, /The Panel's decision/, 'no decision yet');
    assert.equal(audits(summative, 'downloaded'), before + 1);

    // Once the Panel decides and the Superintendent approves, the PDF says
    // so: the cycle's three meetings, its close, the recommendation, the
    // Panel's vote and the approval, each by whose step it is.
    for (const part of ['startMeeting', 'middleMeeting', 'endMeeting'])
        await j[part](k);
    k.stage = 'cycle';
    await j.stage(k, 'docketed');
    await j.decided(k, 'needs_improvement');
    await j.approved(k);
    t = await pdfText(CT1);
    assert.match(t, /The Panel's decision/);
    assert.match(t, /5 of 5 members present voted Needs Improvement/);
    assert.match(t, /The Superintendent's approval/);
    assert.doesNotMatch(t, /\bR\d{1,2}\b/, 'no rule number in the PDF (issue 18)');
    assert.match(t, /Approved by .+ the rating is final/);
});

test('the printable page and the list show the evaluation as the asker may see it', async () => {
    const p = await page(TEACHER, url(summative, '/print'));
    assert.equal(p.status, 200);
    assert.match(text(p), /Ratings Standard Rating Comment/);
    assert.match(text(p), /Evidence by standard/);
    assert.doesNotMatch(p.text, /<form[^>]*action="\/cases/, 'no step forms on the printable page');
    const list = await api(TEACHER, 'GET', `/cases/${PAR}/evaluations`);
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(list.json().items.map(e => e.kind).sort(), ['formative', 'summative'].filter(k => k === 'summative' || scalar(srv.db, `SELECT status FROM evaluation WHERE id = ${formative};`) !== 'draft'));
    // The case page has the section.
    assert.match(text(await page(CT1, `/cases/${PAR}`)), /Evaluations The formative assessment and the summative evaluation/);
});
