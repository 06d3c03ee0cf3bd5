// recommendation.test.mjs: the end of a PAR case's cycle over HTTP, through
// the pages and the API, each step by the person whose step it is, on a
// PAR case (ct1@, principal@) taken through its cycle by the API
// (journey.mjs). R21 (only the case's Consulting
// Teacher recommends a rating to the Panel), R22 (the teacher and the
// administrator see it once sent, not as a draft, and send the Panel
// written evidence or ask to appear until the preview deadline, not after;
// a PA case's administrator reaches none of it), R25 (only the
// Superintendent approves the Panel's rating; returning needs a reason;
// only an approved rating is final, and everyone is told; an answered
// decision is not answered again), 409 on a stale version.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './harness.mjs';
import { DEMO, scalar, count, decode, fieldError, actors, refusalOf, ruleTitle, textareaValue,
         namesRule } from './records.mjs';
import { Journey, addDays } from './journey.mjs';

const PA = 1;   /* the demo's PA case */
const CT1 = DEMO.consulting_teacher;
const PRINCIPAL = DEMO.administrator, PRINCIPAL2 = 'principal2@parley.test';
const COORD = DEMO.coordinator, PANEL = DEMO.panel_member, SUPT = DEMO.superintendent;
const RATIONALE = 'Planning improved, but classroom routines still break down most days.';

let srv, j, k, PAR, TEACHER;
before(async () => {
    srv = await startServer();
    j = new Journey(srv);
    k = await j.parCase('cycle');   /* the cycle's work done, not yet closed */
    [PAR, TEACHER] = [k.id, k.teacherEmail];
    await j.signIn(TEACHER);
});
after(async () => { await srv.stop(); });

const { as, page, post, api } = actors(() => srv);
const text = r => decode(r.text).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const message = r => r.json().error.message;
const inbox = email => count(srv.db, 'notification', `person_id = (SELECT id FROM person WHERE email = '${email}')`);

test('R21: only the case\'s Consulting Teacher writes the recommendation; a rating and a rationale are needed', async () => {
    for (const who of [TEACHER, PRINCIPAL]) {
        let r = await api(who, 'PUT', `/cases/${PAR}/recommendation`, { rating: 'proficient', rationale: 'Mine.' });
        assert.equal(r.status, 403, `${who}: ${r.text}`);
        assert.match(message(r), /R21/);
        r = await post(who, `/cases/${PAR}/recommendation`, { rating: 'proficient', rationale: 'Mine.' });
        assert.equal(r.status, 403, who);
        assert.match(decode(r.text), /Only the Consulting Teacher of a PAR case recommends/);
        assert.ok(namesRule(r.text, 21), who);
    }
    assert.equal(count(srv.db, 'recommendation'), 0, 'nothing was written');
    // the page form: the fields are checked and kept
    let r = await post(CT1, `/cases/${PAR}/recommendation`, { rating: '', rationale: '' });
    assert.equal(r.status, 400);
    assert.ok(fieldError(r.text, 'rating') && namesRule(r.text, 21), 'beside the field, R21 by its title');
    assert.ok(fieldError(r.text, 'rationale'));
    r = await api(CT1, 'PUT', `/cases/${PAR}/recommendation`, { rating: 'superb', rationale: RATIONALE });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'rating');
    r = await post(CT1, `/cases/${PAR}/recommendation`, { rating: 'proficient', rationale: RATIONALE, version: '' });
    assert.equal(r.status, 303, r.text);
    r = await api(CT1, 'PUT', `/cases/${PAR}/recommendation`, { rating: 'needs_improvement', version: 1 });
    assert.equal(r.status, 200, r.text);
    const rec = r.json();
    assert.equal(rec.status, 'draft');
    assert.equal(rec.rating, 'needs_improvement');
    assert.equal(rec.rationale, RATIONALE, 'what is left out keeps its value');
    assert.equal(rec.version, 2);
    // someone else's change first: 409
    r = await api(CT1, 'PUT', `/cases/${PAR}/recommendation`, { rationale: 'Stale.', version: 1 });
    assert.equal(r.status, 409);
    assert.equal(count(srv.db, 'audit', "record_kind = 'recommendation'") >= 2, true, 'each write is audited');
});

test('R22: the teacher and the administrator do not see the draft, and send nothing before it is sent', async () => {
    for (const who of [TEACHER, PRINCIPAL]) {
        let r = await api(who, 'GET', `/cases/${PAR}/recommendation`);
        assert.equal(r.status, 200, r.text);
        assert.equal(r.json().status, 'none');
        assert.equal(r.json().rating, null);
        assert.equal(r.json().rationale, '');
        r = await page(who, `/cases/${PAR}/recommendation`);
        assert.equal(r.status, 200);
        assert.ok(!decode(r.text).includes(RATIONALE), `${who} does not read the draft`);
        assert.match(text(r), /has not sent a recommendation to the Panel yet/);
        r = await api(who, 'GET', `/cases/${PAR}/packet`);
        assert.ok(!r.text.includes(RATIONALE), `${who}'s packet holds no draft`);
        r = await api(who, 'POST', `/cases/${PAR}/panel-submissions`, { kind: 'written', body: 'Early.' });
        assert.equal(r.status, 409);
        assert.match(message(r), /"Send the Panel evidence or ask to appear" is not a step from there/);
    }
    const r = await page(CT1, `/cases/${PAR}/recommendation`);
    assert.match(text(r), /Overall rating you recommend/);
    assert.ok(decode(r.text).includes(RATIONALE), 'the CT reads their draft');
});

test('R22: once sent, both see it with the deadline and send evidence or ask to appear until it', async () => {
    const before = inbox(TEACHER);
    const version = Number(scalar(srv.db, `SELECT version FROM recommendation WHERE case_id = ${PAR};`));
    let r = await post(TEACHER, `/cases/${PAR}/recommendation/submit`, { version });
    assert.equal(r.status, 403, 'the teacher does not send it');
    assert.ok(namesRule(r.text, 21), 'the refusal names R21 by its title');
    // R21: at the end of the cycle: not before it is closed; refused on the
    // recommendation's own page, titled by the rule (issue 18)
    r = await post(CT1, `/cases/${PAR}/recommendation/submit`, { version, confirm: 'yes' });
    assert.equal(r.status, 409);
    assert.match(decode(r.text), /close the cycle first/);
    assert.match(r.text, /<h2 id="write">Your recommendation<\/h2>/, 'the page it was sent from');
    assert.ok(refusalOf(r.text), 'the refusal at the top of the page');
    await j.closed(k);
    // issue 18: sending is final: the form says so, and it is not sent unconfirmed
    const form = decode((await page(CT1, `/cases/${PAR}/recommendation`)).text);
    assert.match(form, /id="h-confirm-send_recommendation">The recommendation goes to the Panel as it stands[^<]*told/);
    assert.match(form, /<label for="f-confirm-send_recommendation">Yes, send to the Panel<\/label>/);
    r = await post(CT1, `/cases/${PAR}/recommendation/submit`, { version });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'confirm-send_recommendation'), /Tick the box/);
    assert.equal(scalar(srv.db, `SELECT status FROM recommendation WHERE case_id = ${PAR};`), 'draft');
    r = await post(CT1, `/cases/${PAR}/recommendation/submit`, { version, confirm: 'yes' });
    assert.equal(r.status, 303, r.text);
    assert.ok(inbox(TEACHER) > before, 'the teacher is told');
    const until = addDays(await j.today(), 10);   // panel_preview_days, 10 by default
    [k.previewUntil, k.stage] = [until, 'sent'];
    for (const who of [TEACHER, PRINCIPAL]) {
        r = await api(who, 'GET', `/cases/${PAR}/recommendation`);
        assert.equal(r.status, 200);
        const rec = r.json();
        assert.equal(rec.status, 'submitted');
        assert.equal(rec.rating, 'needs_improvement');
        assert.equal(rec.rationale, RATIONALE);
        assert.equal(rec.preview_until, until);
        assert.equal(rec.days_left, 10);
        assert.equal(rec.preview_open, true);
        r = await page(who, `/cases/${PAR}/recommendation`);
        assert.match(text(r), new RegExp(`until ${until} \\(10 days left\\)`));
        assert.match(text(r), /Send the Panel your evidence/);
    }
    // sent, it no longer changes
    r = await api(CT1, 'PUT', `/cases/${PAR}/recommendation`, { rating: 'proficient' });
    assert.equal(r.status, 409);
    assert.match(message(r), /no longer changes/);
    // the teacher by the page, in writing; both by the API
    r = await post(TEACHER, `/cases/${PAR}/panel-submissions`, { kind: 'written', body: 'My unit plans for the spring.' });
    assert.equal(r.status, 303, r.text);
    r = await post(TEACHER, `/cases/${PAR}/panel-submissions`, { kind: 'phone', body: '' });
    assert.equal(r.status, 400);
    assert.ok(fieldError(r.text, 'kind') && fieldError(r.text, 'body'));
    r = await api(TEACHER, 'POST', `/cases/${PAR}/panel-submissions`, { kind: 'appear', body: 'I would like to speak to the Panel.' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json().party, 'teacher');
    for (const kind of ['written', 'appear']) {
        r = await api(PRINCIPAL, 'POST', `/cases/${PAR}/panel-submissions`, { kind, body: `The principal's ${kind} note.` });
        assert.equal(r.status, 201, r.text);
        assert.equal(r.json().party, 'administrator');
        assert.equal(r.json().kind, kind);
    }
    r = await api(CT1, 'POST', `/cases/${PAR}/panel-submissions`, { kind: 'written', body: 'Not mine to send.' });
    assert.equal(r.status, 403);
    assert.match(message(r), /R22/);
    r = await api(CT1, 'GET', `/cases/${PAR}/panel-submissions`);
    assert.equal(r.json().total, 4);
    r = await page(CT1, `/cases/${PAR}/recommendation`);
    assert.match(text(r), /A request to appear in person ?, from .* \(the administrator\)/);
});

test('R22: a PA case\'s administrator, and the administrator of another case, get nothing', async () => {
    for (const [who, id] of [[PRINCIPAL2, PA], [PRINCIPAL, PA]]) {
        for (const path of ['recommendation', 'panel-submissions', 'packet', 'decisions']) {
            const r = await api(who, 'GET', `/cases/${id}/${path}`);
            assert.ok([403, 404].includes(r.status), `${who} ${path}: ${r.status}`);
            assert.doesNotMatch(r.text, /rationale|panel_submission|approval_reason/);
        }
        const r = await api(who, 'POST', `/cases/${id}/panel-submissions`, { kind: 'written', body: 'x' });
        assert.ok([403, 404].includes(r.status));
    }
    const r = await page(PRINCIPAL2, `/cases/${PAR}/recommendation`);
    assert.ok([403, 404].includes(r.status));
    assert.ok(!decode(r.text).includes(RATIONALE));
});

test('R22: after the preview deadline a submission is refused, naming the date and the rule', async () => {
    const past = (await api(CT1, 'GET', `/cases/${PAR}/recommendation`)).json().preview_until;
    await j.goTo(addDays(past, 1));
    const n = count(srv.db, 'panel_submission');
    for (const who of [TEACHER, PRINCIPAL]) {
        const r = await api(who, 'POST', `/cases/${PAR}/panel-submissions`, { kind: 'written', body: 'Late.' });
        assert.equal(r.status, 403);
        assert.match(message(r), new RegExp(`preview deadline; that deadline has passed\\. It closed on ${past}`));
    }
    let r = await post(TEACHER, `/cases/${PAR}/panel-submissions`, { kind: 'written', body: 'Late, but please read it.' });
    assert.equal(r.status, 409, 'a rule refused it (issue 18: on its page, what was typed kept)');
    assert.equal(count(srv.db, 'panel_submission'), n, 'nothing was written');
    assert.equal(refusalOf(r.text).title, await ruleTitle(srv.base, 22));
    assert.equal(textareaValue(r.text, 'body'), 'Late, but please read it.');
    r = await page(TEACHER, `/cases/${PAR}/recommendation`);
    assert.match(text(r), /the preview window is closed/);
    assert.doesNotMatch(text(r), /Send the Panel your evidence/);
});

test('R21: the evidence packet holds the recommendation, the goals, observations, artifacts, meetings and submissions', async () => {
    const r = await api(PRINCIPAL, 'GET', `/cases/${PAR}/packet`);
    assert.equal(r.status, 200, r.text);
    const p = r.json();
    assert.equal(p.recommendation.rationale, RATIONALE);
    assert.equal(p.goals.length, count(srv.db, 'goal', `case_id = ${PAR}`));
    assert.equal(p.observations.length, count(srv.db, 'observation', `case_id = ${PAR}`));
    assert.equal(p.artifacts.length, count(srv.db, 'artifact', `case_id = ${PAR}`));
    assert.equal(p.meetings.length, count(srv.db, 'meeting', `case_id = ${PAR} AND status = 'held'`));
    assert.equal(p.submissions.length, 4);
    assert.deepEqual(p.final_rating, { approval: 'none', rating: null, final: false });
    const html = await page(TEACHER, `/cases/${PAR}/packet`);
    assert.equal(html.status, 200);
    assert.match(text(html), /Evidence packet for the Panel/);
    assert.match(text(html), /No final rating yet/);
});

// A Panel session's decision on the case, by the Panel's members (journey.mjs).
async function decided(rating) {
    await j.docketed(k);
    await j.decided(k, rating);
    return k.decisionId;
}

test('R25: only the Superintendent answers; returning needs a reason; a returned decision stays returned', async () => {
    const first = await decided('needs_improvement');
    let r = await api(TEACHER, 'GET', `/cases/${PAR}/decisions`);
    assert.equal(r.status, 200);
    assert.equal(r.json().items[0].approval, 'pending');
    assert.equal(r.json().final_rating.final, false);
    r = await page(TEACHER, `/cases/${PAR}/decision`);
    assert.match(text(r), /The Panel's rating: Needs Improvement, awaiting the Superintendent's approval/);
    assert.doesNotMatch(text(r), /Final rating/);
    for (const who of [COORD, PANEL, CT1, TEACHER]) {
        r = await api(who, 'POST', `/cases/${PAR}/decisions/${first}/approval`, { approval: 'approved' });
        assert.equal(r.status, 403, `${who}: ${r.text}`);
        assert.match(message(r), /R25/);
    }
    r = await post(COORD, `/cases/${PAR}/decisions/${first}/approve`, {});
    assert.equal(r.status, 403);
    assert.match(decode(r.text), /Only the Superintendent approves/);
    assert.ok(namesRule(r.text, 25));
    r = await api(SUPT, 'GET', '/decisions');
    assert.deepEqual(r.json().items.map(d => d.id), [first]);
    assert.match(text(await page(SUPT, '/decisions')), new RegExp(k.teacherName));
    // the approver goes by the program's title for them (setting superintendent_title)
    const settings = async title => assert.equal((await post(COORD, '/settings', { superintendent_title: title })).status, 303);
    await settings('Assistant Superintendent of Human Capital');
    r = await page(TEACHER, `/cases/${PAR}`);
    assert.match(text(r), /awaiting the Assistant Superintendent of Human Capital's approval/);
    await settings('Superintendent');
    // returning needs a reason
    r = await api(SUPT, 'POST', `/cases/${PAR}/decisions/${first}/approval`, { approval: 'returned' });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'reason');
    r = await post(SUPT, `/cases/${PAR}/decisions/${first}/return`, { version: 1, reason: '' });
    assert.equal(r.status, 400);
    assert.ok(fieldError(r.text, 'reason') && namesRule(r.text, 25), 'beside the field, R25 by its title');
    r = await api(SUPT, 'POST', `/cases/${PAR}/decisions/${first}/approval`, { approval: 'maybe' });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'approval');
    r = await post(SUPT, `/cases/${PAR}/decisions/${first}/return`, { version: 1, reason: 'The vote did not weigh the teacher\'s evidence.' });
    assert.equal(r.status, 303, r.text);
    r = await api(SUPT, 'POST', `/cases/${PAR}/decisions/${first}/approval`, { approval: 'approved' });
    assert.equal(r.status, 409, 'a returned decision stays returned');
    assert.match(message(r), /R25: this decision was returned/);
    r = await page(TEACHER, `/cases/${PAR}/decision`);
    assert.match(text(r), /No final rating yet: the Superintendent returned/);
});

test('R25: the Superintendent approves; the rating is final, everyone is told, and it never changes', async () => {
    const second = await decided('proficient');
    const told = Object.fromEntries([TEACHER, CT1, PRINCIPAL, 'union@parley.test'].map(e => [e, inbox(e)]));
    let r = await api(SUPT, 'POST', `/cases/${PAR}/decisions/${second}/approval`, { approval: 'approved', version: 7 });
    assert.equal(r.status, 409, 'a stale version');
    r = await page(SUPT, `/cases/${PAR}/decision`);
    assert.match(text(r), /Approve the rating/);
    // issue 18: approving is final: the form says so, and nothing happens unconfirmed
    assert.match(decode(r.text), /id="h-confirm-approve">Approving makes the Panel's rating final[^<]*told/);
    assert.match(r.text, /<label for="f-confirm-approve">Yes, approve the rating<\/label>/);
    r = await post(SUPT, `/cases/${PAR}/decisions/${second}/approve`, { version: 1 });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'confirm-approve'), /Tick the box/);
    assert.equal((await api(SUPT, 'GET', `/cases/${PAR}/decisions`)).json().final_rating.final, false);
    r = await post(SUPT, `/cases/${PAR}/decisions/${second}/approve`, { version: 1, confirm: 'yes' });
    assert.equal(r.status, 303, r.text);
    for (const [email, n] of Object.entries(told))
        assert.ok(inbox(email) > n, `${email} is told`);
    const note = scalar(srv.db, `SELECT message FROM notification WHERE person_id = (SELECT id FROM person WHERE email = '${TEACHER}') ORDER BY id DESC LIMIT 1;`);
    assert.match(note, /approved the Panel's rating: Proficient is final/);
    r = await api(TEACHER, 'GET', `/cases/${PAR}/decisions`);
    assert.deepEqual(r.json().final_rating, { approval: 'approved', rating: 'proficient', final: true });
    for (const path of [`/cases/${PAR}`, `/cases/${PAR}/decision`, `/cases/${PAR}/packet`]) {
        r = await page(TEACHER, path);
        assert.match(text(r), /Final rating: Proficient ?, approved by the Superintendent on/, path);
    }
    for (const approval of ['approved', 'returned']) {
        r = await api(SUPT, 'POST', `/cases/${PAR}/decisions/${second}/approval`, { approval, reason: 'Again.' });
        assert.equal(r.status, 409);
        assert.match(message(r), /R25: this decision is approved: the rating is final/);
    }
    assert.equal((await api(SUPT, 'GET', '/decisions')).json().total, 0);
    assert.ok(count(srv.db, 'audit', "record_kind = 'decision' AND action IN ('approved', 'returned')") >= 2, 'audited');
});
