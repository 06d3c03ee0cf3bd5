// panel_reads.test.mjs: who reads the Panel's records about a case, and
// that every such read is on the teacher's record (R24, R29, R37). Only a
// member sitting on the session (their term covers its date, R29) and not
// recused from the case (R24) reads the case on its docket: the teacher's
// name, the recommended rating, who recused and why, who voted, the
// Panel's rating. A member who recused reads that they did, their own
// reason and the session's date; a member whose term has ended reads the
// session's date and why they do not sit. The ended member reads no
// Consulting Teacher's review and no work report either. The case is a PAR
// case walked through its process by the API (journey.mjs) until it is on
// a session's docket; ct1@ is its Consulting Teacher.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './harness.mjs';
import { DEMO, count, decode, personId, actors, namesRule } from './records.mjs';
import { Journey } from './journey.mjs';

const CT_WITH_REVIEW = 2;                    // ct1@, whom the demo's Panel reviewed
const COORD = DEMO.coordinator;
const SITTING = 'panel3@parley.test';        // present, not recused, votes last
const VOTERS = ['panel@parley.test', 'panel2@parley.test'];
const LAST_VOTER = 'panel4@parley.test';
const RECUSED = 'principal3@parley.test';    // Helen Park, who also sits on the Panel
const OTHER_RECUSED = 'panel5@parley.test';
const ENDED = 'panel6@parley.test';          // Edith Marsh: term ended 2025-08-31
const OWN_REASON = 'I supervised the teacher at another school in 2023.';
const OTHER_REASON = 'The teacher coaches my daughter\'s team.';
const REVIEW = 'observations are timely and specific';   // the demo's review of ct1@

let srv, k, PAR, TEACHER, TEACHER_NAME, session, heldOn;
before(async () => {
    srv = await startServer();
    const j = new Journey(srv);
    k = await j.parCase('docketed');
    [PAR, TEACHER, TEACHER_NAME, session, heldOn] = [k.id, k.teacherEmail, k.teacherName, k.sessionId, k.sessionOn];
    await j.signIn(TEACHER);
    await j.goTo(heldOn);
});
after(async () => { await srv.stop(); });

const { page, api } = actors(() => srv);
const text = r => decode(r.text).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const id = email => personId(srv.db, email);
const readsOf = (email, where = '1 = 1') => count(srv.db, 'audit',
    `action = 'read' AND actor_id = ${id(email)} AND subject_id = ${id(TEACHER)} AND ${where}`);

test('at the session: two members recuse, two vote', async () => {
    let r = await api(COORD, 'PATCH', `/panel/sessions/${session}`, { quorum: 3 });
    assert.equal(r.status, 200, r.text);
    for (const [who, reason] of [[RECUSED, OWN_REASON], [OTHER_RECUSED, OTHER_REASON]]) {
        r = await api(who, 'POST', `/panel/sessions/${session}/cases/${PAR}/recusals`, { reason });
        assert.equal(r.status, 201, r.text);
    }
    for (const [who, rating] of [[VOTERS[0], 'needs_improvement'], [VOTERS[1], 'proficient']]) {
        r = await api(who, 'POST', `/panel/sessions/${session}/cases/${PAR}/votes`, { rating });
        assert.equal(r.status, 201, r.text);
    }
});

test('R24, R29: a member sitting on the session reads the case on its docket', async () => {
    const t = text(await page(SITTING, `/panel/sessions/${session}`));
    assert.match(t, new RegExp(`Case of ${TEACHER_NAME}`));
    assert.match(t, /The Consulting Teacher recommends Proficient/);
    assert.match(t, /Votes cast: 2 \(Frank Moreau, Ivy Chen\)/);
    assert.match(t, new RegExp(`Recused: Paul Okonkwo, because: ${OTHER_REASON}`));
    const item = (await api(SITTING, 'GET', `/panel/sessions/${session}`)).json().docket[0];
    assert.equal(item.teacher_name, TEACHER_NAME);
    assert.equal(item.recommended, 'proficient');
    assert.deepEqual(item.votes.map(v => v.name), ['Frank Moreau', 'Ivy Chen']);
    assert.deepEqual(item.recusals.map(x => x.reason).sort(), [OTHER_REASON, OWN_REASON].sort());
});

test('R24: a member who recused reads that they did, and the session\'s date; not who the case is about, who voted, others\' reasons or the rating', async () => {
    const r = await page(RECUSED, `/panel/sessions/${session}`);
    assert.equal(r.status, 200);
    const t = text(r);
    assert.match(t, /You recused yourself from this case/);
    assert.match(t, new RegExp(`Panel session of ${heldOn}`));
    assert.match(t, new RegExp(`Recused: Helen Park, because: ${OWN_REASON}`), 'their own recusal');
    for (const secret of [TEACHER_NAME, OTHER_REASON, 'Votes cast', '(Frank Moreau, Ivy Chen)', 'Proficient'])
        assert.ok(!t.includes(secret), `the recused member reads "${secret}"`);
    const item = (await api(RECUSED, 'GET', `/panel/sessions/${session}`)).json().docket[0];
    assert.equal(item.teacher_name, null);
    assert.equal(item.recommended, null);
    assert.deepEqual(item.votes, []);
    assert.deepEqual(item.recusals.map(x => x.name), ['Helen Park']);
    assert.equal(item.you.recused, true);
    assert.ok(!JSON.stringify(item).includes(TEACHER_NAME) && !JSON.stringify(item).includes(OTHER_REASON));
});

test('R29: a member whose term has ended reads the session\'s date and why they do not sit; nothing of the case', async () => {
    const r = await page(ENDED, `/panel/sessions/${session}`);
    assert.equal(r.status, 200);
    const t = text(r);
    assert.match(t, new RegExp(`Panel session of ${heldOn}`));
    assert.match(t, /Your term on the Panel does not cover .*ended on 2025-08-31/);
    assert.ok(namesRule(r.text, 29));
    for (const secret of [TEACHER_NAME, OWN_REASON, OTHER_REASON, 'Votes cast', '(Frank Moreau, Ivy Chen)', 'Proficient'])
        assert.ok(!t.includes(secret), `the ended member reads "${secret}"`);
    const s = (await api(ENDED, 'GET', `/panel/sessions/${session}`)).json();
    assert.equal(s.held_on, heldOn);
    const item = s.docket[0];
    assert.equal(item.teacher_name, null);
    assert.equal(item.recommended, null);
    assert.deepEqual([item.votes, item.recusals], [[], []]);
    assert.ok(!JSON.stringify(s).includes(TEACHER_NAME));
    // nor in the overview of what awaits the Panel
    for (const who of [ENDED, RECUSED]) {
        const o = await api(who, 'GET', '/panel/overview');
        assert.equal(o.status, 200);
        assert.ok(!o.text.includes(TEACHER_NAME), `${who}: the overview`);
        assert.ok(!text(await page(who, '/panel')).includes(TEACHER_NAME), `${who}: /panel`);
    }
    assert.ok((await api(SITTING, 'GET', '/panel/overview')).json().awaiting_decision.some(c => c.case_id === PAR));
});

test('R37: every read of the Panel\'s records about the case is on the teacher\'s record', async () => {
    // (a page's lists are reads of their own, once a day: issue 15, finding 14)
    const panelReads = email => readsOf(email, "summary LIKE 'Viewed the Panel''s record%'");
    const before = { sitting: panelReads(SITTING), coord: panelReads(COORD) };
    await page(SITTING, `/panel/sessions/${session}`);
    await api(SITTING, 'GET', `/panel/sessions/${session}`);
    await page(COORD, `/panel/sessions/${session}`);
    assert.equal(panelReads(SITTING), before.sitting + 2, 'the page and the API, each read once');
    assert.equal(panelReads(COORD), before.coord + 1, 'the coordinator\'s read too');
    // the deliberation page is a read of its own
    const deliberation = readsOf(SITTING);
    assert.equal((await page(SITTING, `/panel/sessions/${session}/cases/${PAR}`)).status, 200);
    assert.equal(readsOf(SITTING), deliberation + 1);
    // those who read nothing of it left no read of it
    assert.equal(readsOf(RECUSED) + readsOf(ENDED), 0);
    const history = text(await page(TEACHER, `/people/${id(TEACHER)}/history`));
    assert.match(history, new RegExp(`Omar Haddad.*Viewed the Panel's record of the case of ${TEACHER_NAME}`));
});

test('R24, R25, R29: the Panel\'s rating is read by those who sit on the case, not by a recused or an ended member', async () => {
    let r;
    for (const who of [SITTING, LAST_VOTER]) {
        r = await api(who, 'POST', `/panel/sessions/${session}/cases/${PAR}/votes`, { rating: 'proficient' });
        assert.equal(r.status, 201, r.text);
    }
    r = await api(SITTING, 'POST', `/panel/sessions/${session}/cases/${PAR}/close-vote`);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json().decided, true);
    const t = text(await page(SITTING, `/panel/sessions/${session}`));
    assert.match(t, /The Panel's rating: Proficient/);
    assert.match(t, /By rating: Proficient 3, Needs Improvement 1/);
    assert.match(text(await page(SITTING, '/decisions')), new RegExp(`${TEACHER_NAME}.*Proficient`));
    for (const who of [RECUSED, ENDED]) {
        const reads = [await page(who, `/panel/sessions/${session}`), await page(who, '/panel'),
                       await page(who, '/decisions'), await api(who, 'GET', '/decisions'),
                       await api(who, 'GET', '/panel/overview'), await api(who, 'GET', `/panel/sessions/${session}`)];
        for (const r of reads) {
            assert.equal(r.status, 200);
            assert.ok(!decode(r.text).includes(TEACHER_NAME), `${who}: ${r.url}`);
            assert.ok(!/Proficient|proficient|Needs Improvement|needs_improvement/.test(decode(r.text)), `${who}: the ratings`);
        }
    }
});

test('R28, R29: a member whose term has ended reads no Consulting Teacher\'s review and no report on the work', async () => {
    for (const path of [`/cts/${CT_WITH_REVIEW}`, '/cts']) {
        assert.ok(text(await page(SITTING, path)).includes('Continues as a Consulting Teacher'), `${path}: a sitting member reads the reviews`);
        const t = text(await page(ENDED, path));
        assert.ok(!t.includes(REVIEW) && !t.includes('Continues as a Consulting Teacher'), `${path}: the ended member does`);
    }
    const mine = (await api(ENDED, 'GET', `/cts/${CT_WITH_REVIEW}`)).json();
    assert.equal(mine.reviews, undefined);
    assert.equal(mine.last_review, undefined);
    assert.ok((await api(ENDED, 'GET', '/cts')).json().items.every(ct => ct.last_review === undefined));
    assert.ok((await api(SITTING, 'GET', `/cts/${CT_WITH_REVIEW}`)).json().reviews[0].summary.includes(REVIEW));
    for (const path of ['/reports', '/reports/caseload.csv']) {
        assert.equal((await page(SITTING, path)).status, 200, path);
        const r = await page(ENDED, path);
        assert.equal(r.status, 403, path);
        assert.ok(namesRule(r.text, 29), `${path}: the refusal names R29 by its title`);
    }
    assert.equal((await api(SITTING, 'GET', '/reports/work')).status, 200);
    assert.equal((await api(ENDED, 'GET', '/reports/work')).status, 403);
    // The menu offers the reports to whom they open for, and to nobody else.
    const reports = /<a href="\/reports"[^>]*>Reports<\/a>/;
    assert.match((await page(SITTING, '/dashboard')).text, reports, 'a sitting member\'s menu');
    assert.doesNotMatch((await page(ENDED, '/dashboard')).text, reports, 'the ended member\'s menu');
});
