// panel.test.mjs: the Panel's sessions over HTTP, through the pages and the
// API, each step by the person whose step it is, on PAR cases taken through
// their whole cycle by the API (journey.mjs) until their recommendations
// have gone to the Panel. R22 (no vote before the preview deadline), R24 (the docket,
// quorum, one vote per member, the tally by the session's rule: majority
// and fixed:N give different outcomes for the same votes, consensus; a
// recused member neither sees the deliberation nor votes; notes are the
// Panel's only), R29 (a member whose term ended cannot sit or vote), R25
// (a decision is recorded pending the Superintendent's approval, and the
// case's people are told).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './harness.mjs';
import { DEMO, scalar, count, decode, personId, actors, namesRule } from './records.mjs';
import { Journey, addDays } from './journey.mjs';

const PA = 1;   /* the demo's PA case */
const COORD = DEMO.coordinator, TEACHER = DEMO.participating_teacher, CT1 = DEMO.consulting_teacher;
const SUPER = DEMO.superintendent;
const MEMBERS = ['panel@parley.test', 'panel2@parley.test', 'panel3@parley.test',
                 'panel4@parley.test', 'panel5@parley.test', 'principal3@parley.test'];
const EXPIRED = 'panel6@parley.test';   // term ended 2025-08-31 (R29)

let srv, j, today;
// Four PAR cases before the Panel: A decided by a majority, B undecided under
// fixed:5 on the same votes, C without quorum, D by consensus; E's
// recommendation is still a draft.
let A, B, C, D, E, PAR, OWN;

before(async () => {
    srv = await startServer();
    j = new Journey(srv);
    [A, B, C, D, E] = await j.cases(5, 'par', 'closed');
    for (const k of [A, B, C, D])
        await j.sent(k);
    await j.must(E.who.ct, 'PUT', `/cases/${E.id}/recommendation`,
                 { rating: 'proficient', rationale: 'The standards are met.' });
    PAR = A.id;
    OWN = A.teacherEmail;   /* A's teacher, who signs in with the demo's password */
    await j.signIn(OWN);
    // the sessions meet after every preview deadline (R22)
    today = addDays([A, B, C, D].map(k => k.previewUntil).sort().at(-1), 2);
});
after(async () => { await srv.stop(); });

const { as, page, post, api } = actors(() => srv);
const text = r => decode(r.text).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const id = email => personId(srv.db, email);

async function schedule(rule, quorum) {
    const r = await api(COORD, 'POST', '/panel/sessions', { held_on: today, starts_at: '16:00',
        place: 'Central Office', vote_rule: rule, quorum });
    assert.equal(r.status, 201, r.text);
    return r.json();
}
async function present(session, emails) {
    const r = await api(COORD, 'PATCH', `/panel/sessions/${session}`, { present: emails.map(id) });
    assert.equal(r.status, 200, r.text);
    return r.json();
}
async function vote(email, session, rating, k = caseAt[session]) {
    return api(email, 'POST', `/panel/sessions/${session}/cases/${k}/votes`, { rating });
}
const closeVote = (email, session) => api(email, 'POST', `/panel/sessions/${session}/cases/${caseAt[session]}/close-vote`);
const caseAt = {};   // each session's case

const S = {};   // the sessions: majority, fixed, quorum, consensus

test('R24: the coordinator schedules a session; the rule and quorum default to the settings and are checked', async () => {
    let r = await post(COORD, '/panel/sessions', { held_on: 'soon', starts_at: '25:00', place: '', vote_rule: 'most', quorum: '0' });
    assert.equal(r.status, 400);
    const t = text(r);
    assert.match(t, /Give a date as YYYY-MM-DD/);
    assert.match(t, /Give the time the session starts, as HH:MM/);
    assert.match(t, /Use majority, consensus, or fixed:N/);
    r = await post(COORD, '/panel/sessions', { held_on: today, starts_at: '16:00', place: 'Central Office', vote_rule: '', quorum: '' });
    assert.equal(r.status, 303, r.text);
    const url = r.headers.get('location');
    assert.match(url, /^\/panel\/sessions\/\d+$/);
    const s = (await api(COORD, 'GET', url)).json();
    assert.equal(s.vote_rule, 'majority', 'the program setting panel_vote_rule');
    assert.equal(s.quorum, 5, 'the program setting panel_quorum');
    let e = await api(COORD, 'POST', '/panel/sessions', { held_on: today, starts_at: '16:00', place: 'X', vote_rule: 'fixed:0' });
    assert.equal(e.status, 400);
    assert.equal(e.json().error.field, 'vote_rule');
    // only the coordinator schedules
    e = await api(MEMBERS[0], 'POST', '/panel/sessions', { held_on: today, starts_at: '16:00', place: 'X' });
    assert.equal(e.status, 403);
    const p = await page(MEMBERS[0], url);
    assert.equal(p.status, 200, 'a Panel member sees the session');
    assert.equal((await page(TEACHER, url)).status, 403, 'a teacher does not');
});

test('R21, R22, R24: only a PAR case sent to the Panel goes on a docket, one open docket at a time', async () => {
    S.majority = (await schedule('majority', 5)).id;
    S.fixed = (await schedule('fixed:5', 5)).id;
    S.quorum = (await schedule('majority', 5)).id;
    [caseAt[S.majority], caseAt[S.fixed], caseAt[S.quorum]] = [A.id, B.id, C.id];
    let r = await post(COORD, `/panel/sessions/${S.majority}/docket`, { case_id: String(E.id) });
    assert.equal(r.status, 400, 'the recommendation is still a draft');
    assert.match(text(r), /The recommendation has not gone to the Panel/);
    r = await post(COORD, `/panel/sessions/${S.majority}/docket`, { case_id: String(PA) });
    assert.equal(r.status, 400, 'a PA case never comes before the Panel');
    await j.goTo(addDays(A.previewUntil, 1));
    await j.must(E.who.ct, 'POST', `/cases/${E.id}/recommendation/submit`);
    r = await post(COORD, `/panel/sessions/${S.majority}/docket`, { case_id: String(E.id) });
    assert.equal(r.status, 400, 'sent today: its preview deadline is after this session (R22)');
    assert.match(text(r), /after its preview deadline/);
    for (const [s, k] of [[S.majority, A], [S.fixed, B]]) {
        r = await post(COORD, `/panel/sessions/${s}/docket`, { case_id: String(k.id) });
        assert.equal(r.status, 303, r.text);
    }
    // the API sets a docket whole
    r = await api(COORD, 'PATCH', `/panel/sessions/${S.quorum}`, { docket: [PA] });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'case_id');
    r = await api(COORD, 'PATCH', `/panel/sessions/${S.quorum}`, { docket: [C.id] });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json().docket.map(d => [d.case_id, d.recommended]), [[C.id, 'proficient']]);
    // one open docket at a time: not this session's twice, nor another's
    for (const s of [S.majority, S.fixed]) {
        r = await post(COORD, `/panel/sessions/${s}/docket`, { case_id: String(A.id) });
        assert.equal(r.status, 400);
        assert.match(text(r), /on one open session's docket at a time/);
    }
    const o = (await api(COORD, 'GET', '/panel/overview')).json();
    assert.deepEqual(o.awaiting_decision.map(c => c.case_id).sort(), [A.id, B.id, C.id, D.id, E.id].sort());
    assert.equal(o.awaiting_approval.length, 0);
    // a member reaches the case's deliberation now (R21)
    assert.equal((await page(MEMBERS[0], `/panel/sessions/${S.majority}/cases/${A.id}`)).status, 200);
});

test('R29: a member whose term has ended cannot be marked present, see the deliberation or vote', async () => {
    const before = count(srv.db, 'panel_attendance');
    let r = await post(COORD, `/panel/sessions/${S.majority}/attendance`, [...[...MEMBERS, EXPIRED].map(e => ['present', String(id(e))])]);
    assert.equal(r.status, 400);
    assert.match(text(r), /Edith Marsh's term on the Panel does not cover \d{4}-\d\d-\d\d \(it ended on 2025-08-31\)/);
    assert.ok(namesRule(r.text, 29), 'the error names R29 by its title');
    assert.equal(count(srv.db, 'panel_attendance'), before, 'nothing written');
    const e = await api(COORD, 'PATCH', `/panel/sessions/${S.majority}`, { present: [id(EXPIRED)] });
    assert.equal(e.status, 400);
    assert.equal(e.json().error.field, 'present');
    assert.match(e.json().error.message, /R29/);
    // the attendance form does not offer the expired member, and says why
    const p = await page(COORD, `/panel/sessions/${S.majority}`);
    assert.doesNotMatch(p.text, new RegExp(`name="present" value="${id(EXPIRED)}"`));
    assert.match(text(p), /A member whose term does not cover this date cannot sit or vote: Edith Marsh/);
    r = await vote(EXPIRED, S.majority, 'proficient');
    assert.equal(r.status, 403);
    assert.match(r.json().error.message, /^R29: your term on the Panel .*ended on 2025-08-31/);
    r = await page(EXPIRED, `/panel/sessions/${S.majority}/cases/${PAR}`);
    assert.equal(r.status, 403);
    assert.ok(namesRule(r.text, 29), 'the refusal names R29 by its title');
    assert.equal(count(srv.db, 'panel_vote'), 0);
});

test('R24: only members present vote, once each; majority and fixed:5 decide differently on the same votes', async () => {
    for (const s of [S.majority, S.fixed]) await present(s, MEMBERS);
    // R22, R24: not before the session's day, which is after the preview deadline
    let r = await vote(MEMBERS[0], S.majority, 'proficient');
    assert.equal(r.status, 403, r.text);
    assert.match(r.json().error.message, /on the day it meets/);
    await j.goTo(today);
    r = await vote(MEMBERS[0], S.quorum, 'proficient');
    assert.equal(r.status, 403, 'not marked present at that session');
    assert.match(r.json().error.message, /You are not recorded as present at this session/);
    // issue 18: a vote is final (R24): the page's form says so and asks to
    // confirm; unconfirmed, no vote is cast
    const voteKey = `vote-${caseAt[S.majority]}`;
    const voteForm = decode((await page(MEMBERS[0], `/panel/sessions/${S.majority}`)).text);
    assert.match(voteForm, new RegExp(`id="h-confirm-${voteKey}">Your vote is final[^<]*told`));
    assert.match(voteForm, new RegExp(`<label for="f-confirm-${voteKey}">Yes, cast my vote</label>`));
    r = await post(MEMBERS[0], `/panel/sessions/${S.majority}/cases/${caseAt[S.majority]}/vote`, { rating: 'proficient' });
    assert.equal(r.status, 400);
    assert.match(decode(r.text), new RegExp(`<p class="field-error" id="e-confirm-${voteKey}">[^]*Tick the box`));
    assert.equal(count(srv.db, 'panel_vote', `session_id = ${S.majority}`), 0, 'no vote cast');
    r = await post(MEMBERS[0], `/panel/sessions/${S.majority}/cases/${caseAt[S.majority]}/vote`, { rating: 'proficient', confirm: 'yes' });
    assert.equal(r.status, 303, r.text);
    // 4 of the 6 present for Proficient, 2 for Needs Improvement, at both sessions
    for (const s of [S.majority, S.fixed])
        for (const [i, email] of MEMBERS.entries()) {
            if (s === S.majority && i === 0) continue;   // voted by the page, above
            r = await vote(email, s, i < 4 ? 'proficient' : 'needs_improvement');
            assert.equal(r.status, 201, r.text);
        }
    r = await vote(MEMBERS[0], S.majority, 'exemplary');
    assert.equal(r.status, 403, 'a second vote is refused');
    assert.match(r.json().error.message, /votes once\. You have voted on it/);
    assert.equal(scalar(srv.db, `SELECT rating FROM panel_vote WHERE session_id = ${S.majority} AND person_id = ${id(MEMBERS[0])};`), 'proficient');
    r = await vote(MEMBERS[1], S.majority, 'best');
    assert.equal(r.status, 403, 'already voted comes before reading the rating');
    // who voted shows, not how, until the vote is closed
    let s = (await api(MEMBERS[0], 'GET', `/panel/sessions/${S.majority}`)).json();
    assert.equal(s.docket[0].votes.length, 6);
    assert.ok(s.docket[0].votes.every(v => v.rating === null));
    assert.equal(s.docket[0].you.vote, 'proficient');

    r = await closeVote(MEMBERS[0], S.fixed);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().decided, false);
    assert.equal(r.json().tally, 'No decision: 4 of 6 members present voted Proficient; the rule (fixed:5) needs 5 votes for one rating.');
    assert.equal(count(srv.db, 'panel_decision', `case_id = ${B.id}`), 0, 'fixed:5: no decision');
    r = await post(MEMBERS[0], `/panel/sessions/${S.fixed}/cases/${B.id}/close`, { confirm: 'yes' });
    assert.equal(r.status, 303, 'the page says why and leaves the case open');
    assert.match(text(await page(MEMBERS[0], r.headers.get('location'))), /No decision: 4 of 6 members present voted Proficient/);
    // issue 18: closing the vote records the Panel's decision: the button asks to confirm
    const key = `close_vote-${PAR}`;
    const form = decode((await page(COORD, `/panel/sessions/${S.majority}`)).text);
    assert.match(form, new RegExp(`id="h-confirm-${key}">The vote ends[^<]*told`));
    assert.match(form, new RegExp(`<label for="f-confirm-${key}">Yes, close the vote on the case of [^<]+ and tally it</label>`));
    r = await post(COORD, `/panel/sessions/${S.majority}/cases/${PAR}/close`);
    assert.equal(r.status, 400, 'not confirmed: the vote stays open');
    assert.match(decode(r.text), new RegExp(`<p class="field-error" id="e-confirm-${key}">[^]*Tick the box`));
    assert.equal(count(srv.db, 'panel_decision', `session_id = ${S.majority} AND case_id = ${PAR}`), 0);
    r = await post(COORD, `/panel/sessions/${S.majority}/cases/${PAR}/close`, { confirm: 'yes' });
    assert.equal(r.status, 303, r.text);
    const row = scalar(srv.db, `SELECT rating || '|' || tally || '|' || approval FROM panel_decision WHERE session_id = ${S.majority} AND case_id = ${PAR};`);
    assert.equal(row, 'proficient|4 of 6 members present voted Proficient; a majority needs 4.|pending', 'majority: decided, pending approval (R25)');
    s = (await api(MEMBERS[0], 'GET', `/panel/sessions/${S.majority}`)).json();
    assert.equal(s.docket[0].decision.approval, 'pending');
    assert.deepEqual(s.docket[0].votes.map(v => v.rating).sort(), ['needs_improvement', 'needs_improvement', 'proficient', 'proficient', 'proficient', 'proficient']);
    const p = await page(MEMBERS[1], `/panel/sessions/${S.majority}`);
    assert.match(text(p), /The Panel's rating: Proficient\. 4 of 6 members present voted Proficient; a majority needs 4\. It awaits the Superintendent's approval/);
    r = await closeVote(COORD, S.majority);
    assert.ok([403, 409].includes(r.status), 'decided once');
});

test('R25: the decision awaits approval; the teacher, the CT and the Superintendent are told', async () => {
    for (const email of [OWN, CT1, SUPER])
        assert.equal(count(srv.db, 'notification', `person_id = ${id(email)} AND case_id = ${PAR} AND message LIKE '%Panel rated the case Proficient%final only once the Superintendent approves it%'`), 1, email);
    const o = (await api(COORD, 'GET', '/panel/overview')).json();
    assert.ok(!o.awaiting_decision.some(c => c.case_id === A.id), 'a decided case no longer awaits a decision');
    assert.deepEqual(o.awaiting_approval.map(d => [d.case_id, d.rating, d.session_id]), [[PAR, 'proficient', S.majority]]);
    const p = await page(MEMBERS[0], '/panel');
    assert.match(text(p), /Decisions awaiting approval Case of .* the Panel rated it Proficient/);
    // the decision is on the case's timeline for its teacher (R37)
    assert.match(text(await page(OWN, `/cases/${PAR}`)), /The Panel rated the case Proficient/);
    // a decided case waits for the Superintendent: not on another docket
    const s = await schedule('majority', 5);
    const r = await post(COORD, `/panel/sessions/${s.id}/docket`, { case_id: String(PAR) });
    assert.equal(r.status, 400);
});

test('R24: no quorum, no decision', async () => {
    await present(S.quorum, MEMBERS.slice(0, 4));
    for (const email of MEMBERS.slice(0, 4)) assert.equal((await vote(email, S.quorum, 'proficient')).status, 201);
    const r = await closeVote(MEMBERS[0], S.quorum);
    assert.equal(r.status, 200);
    assert.equal(r.json().outcome, 'no_quorum');
    assert.equal(r.json().tally, 'No quorum: 4 members present and not recused; the quorum is 5. No decision.');
    assert.equal(count(srv.db, 'panel_decision', `session_id = ${S.quorum}`), 0);
    // R24: the coordinator records a recusal a member declares; it names the member
    const base = `/panel/sessions/${S.quorum}/cases/${C.id}`;
    let p = await post(COORD, `${base}/recusal`, { reason: 'Declared at the session.' });
    assert.equal(p.status, 400);
    assert.match(text(p), /Choose the member of the Panel who recuses/);
    p = await post(COORD, `${base}/recusal`, { person_id: String(id(MEMBERS[3])), reason: 'Coached the teacher in 2024.' });
    assert.equal(p.status, 303, p.text);
    assert.equal(count(srv.db, 'panel_vote', `session_id = ${S.quorum} AND person_id = ${id(MEMBERS[3])}`), 0,
                 'a recused member does not vote: their vote still being decided on is withdrawn');
    assert.equal(count(srv.db, 'panel_vote', `session_id = ${S.majority} AND person_id = ${id(MEMBERS[3])}`), 1,
                 'a decided vote stands');
    p = await page(MEMBERS[3], `/panel/sessions/${S.quorum}`);
    assert.match(text(p), /You recused yourself from this case/);
    assert.match(text(p), /Recused: Carmen Ruiz, because: Coached the teacher in 2024\./);
    assert.equal((await vote(MEMBERS[3], S.quorum, 'proficient')).status, 403);
});

test('R24: a recused member sees the case as recused and cannot vote; recusal takes them out of the count; consensus', async () => {
    // R25: the Superintendent returns the rating: it goes back to the Panel
    const decision = (await api(SUPER, 'GET', `/cases/${A.id}/decisions`)).json().items[0].id;
    let back = await api(SUPER, 'POST', `/cases/${A.id}/decisions/${decision}/approval`,
                         { approval: 'returned', reason: 'Look again at standard II.' });
    assert.equal(back.status, 200, back.text);
    S.consensus = (await schedule('consensus', 3)).id;
    caseAt[S.consensus] = A.id;
    let r = await post(COORD, `/panel/sessions/${S.consensus}/docket`, { case_id: String(PAR) });
    assert.equal(r.status, 303, r.text);
    await present(S.consensus, [MEMBERS[0], MEMBERS[1], MEMBERS[2], MEMBERS[5]]);
    const base = `/panel/sessions/${S.consensus}/cases/${PAR}`;
    r = await post(MEMBERS[5], `${base}/recusal`, { reason: '' });
    assert.equal(r.status, 400, 'a recusal says why');
    r = await post(MEMBERS[5], `${base}/recusal`, { reason: 'I was the teacher\'s principal last year.' });
    assert.equal(r.status, 303, r.text);
    r = await page(MEMBERS[5], base);
    assert.equal(r.status, 403);
    assert.match(text(r), /You recused yourself from this case/);
    assert.ok(namesRule(r.text, 24), 'the refusal names R24 by its title');
    r = await page(MEMBERS[5], `/panel/sessions/${S.consensus}`);
    assert.match(text(r), /You recused yourself from this case/);
    assert.doesNotMatch(r.text, /name="rating"/, 'no vote form');
    r = await vote(MEMBERS[5], S.consensus, 'proficient');
    assert.equal(r.status, 403);
    assert.match(r.json().error.message, /You recused yourself from this case/);
    r = await api(MEMBERS[5], 'GET', `${base}/notes`);
    assert.equal(r.status, 403);
    r = await post(MEMBERS[5], `${base}/recusal`, { reason: 'again' });
    assert.equal(r.status, 403, 'no longer reaches the case');
    // the coordinator records one too; a second for the same member is refused
    r = await api(COORD, 'POST', `${base}/recusals`, { person_id: id(MEMBERS[5]), reason: 'Declared at the session.' });
    assert.equal(r.status, 409);
    assert.match(r.json().error.message, /already recused/);
    // consensus of the 3 present and not recused
    for (const email of MEMBERS.slice(0, 2)) assert.equal((await vote(email, S.consensus, 'proficient')).status, 201);
    r = await closeVote(MEMBERS[0], S.consensus);
    assert.equal(r.json().decided, false);
    assert.match(r.json().tally, /No decision: 2 of 3 members present voted Proficient; consensus needs all 3/);
    assert.equal((await vote(MEMBERS[2], S.consensus, 'proficient')).status, 201);
    r = await closeVote(MEMBERS[0], S.consensus);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json().tally, 'All 3 members present voted Proficient: consensus.');
    assert.equal(count(srv.db, 'panel_decision', `session_id = ${S.consensus} AND approval = 'pending'`), 1);
});

test('R24: deliberation notes are the Panel\'s only: not on the timeline, in no inbox', async () => {
    const base = `/panel/sessions/${S.consensus}/cases/${PAR}`;
    const secret = 'Note: the second observation weighs most.';
    let r = await post(MEMBERS[0], `${base}/notes`, { body: '' });
    assert.equal(r.status, 400);
    r = await post(MEMBERS[0], `${base}/notes`, { body: secret });
    assert.equal(r.status, 303, r.text);
    r = await api(MEMBERS[1], 'GET', `${base}/notes`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json().items.map(n => n.body), [secret]);
    assert.match(text(await page(MEMBERS[1], base)), new RegExp(secret));
    for (const email of [COORD, OWN, CT1, SUPER, DEMO.administrator]) {
        const p = await page(email, base);
        assert.ok([403, 404].includes(p.status), `${email}: ${p.status}`);
        assert.doesNotMatch(p.text, /second observation weighs/);
        const a = await api(email, 'GET', `${base}/notes`);
        assert.ok([403, 404].includes(a.status), `${email} API: ${a.status}`);
        const n = await api(email, 'POST', `${base}/notes`, { body: 'x' });
        assert.ok([403, 404].includes(n.status), `${email} writes: ${n.status}`);
    }
    assert.equal(count(srv.db, 'case_event', `summary LIKE '%second observation%'`), 0, 'not on the timeline');
    assert.equal(count(srv.db, 'notification', `message LIKE '%second observation%'`), 0, 'in no inbox');
    assert.equal(count(srv.db, 'audit', `summary LIKE '%second observation%'`), 0, 'the audit says a note was added, not what');
    assert.equal(count(srv.db, 'audit', `record_kind = 'panel_note' AND action = 'added'`), 1);
    assert.doesNotMatch((await page(OWN, `/cases/${PAR}`)).text, /second observation weighs/);
});

test('the session is closed by the coordinator, once sure: nothing changes after', async () => {
    const form = decode((await page(COORD, `/panel/sessions/${S.fixed}`)).text);
    assert.match(form, /Closing the session is final: its attendance, docket and votes no longer change\./);
    let r = await post(COORD, `/panel/sessions/${S.fixed}/close`);
    assert.equal(r.status, 400, 'closing is final: the box says they are sure');
    assert.match(decode(r.text), /Tick the box to say you are sure, or leave the page to go back: nothing was done yet\./);
    assert.notEqual((await api(COORD, 'GET', `/panel/sessions/${S.fixed}`)).json().status, 'closed', 'nothing was done');
    r = await post(COORD, `/panel/sessions/${S.fixed}/close`, { version: '1', confirm: 'yes' });
    assert.equal(r.status, 409, 'a stale version');
    r = await post(COORD, `/panel/sessions/${S.fixed}/close`, { confirm: 'yes' });
    assert.equal(r.status, 303);
    r = await post(COORD, `/panel/sessions/${S.fixed}/close`);
    assert.equal(r.status, 409, 'closed, it is refused for that, not asked again');
    r = await api(COORD, 'PATCH', `/panel/sessions/${S.fixed}`, { present: [] });
    assert.equal(r.status, 409);
    assert.match(r.json().error.message, /closed/);
    const s = (await api(COORD, 'GET', `/panel/sessions/${S.fixed}`)).json();
    assert.equal(s.status, 'closed');
    assert.equal(s.docket[0].decision, null, 'closed without a decision');
    assert.equal(s.docket[0].case_id, B.id);
    assert.notEqual(s.docket[0].outcome, 'decided');
    assert.ok(s.docket[0].votes.every(v => v.rating), 'how each voted shows once closed');
    // every write was audited (R38)
    for (const action of ['scheduled', 'attendance', 'docket_added', 'voted', 'recused', 'closed', 'vote_undecided'])
        assert.ok(count(srv.db, 'audit', `action = '${action}'`) > 0, action);
});
