// pss.test.mjs: the federation's confidential Peer Support Service over
// HTTP, pages and API (R31-R36, R38), and the wall between programs: no
// district role sees any of it, whatever its other roles, through pages,
// the API, menus, the audit log or notifications.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, PASSWORD, demoDatabase, dialect, parley } from './harness.mjs';
import { DEMO, sql, scalar, count, decode, fieldError, personId, actors, inputValue, textareaValue,
         refusalOf, ruleTitle, namesRule } from './records.mjs';

const PSS = DEMO.pss_coordinator, PRES = DEMO.local_president, CONS = DEMO.pss_consultant;
const MEMBER = DEMO.member, P2 = 'principal2@parley.test';
const DISTRICT = [DEMO.coordinator, DEMO.consulting_teacher, DEMO.participating_teacher,
                  DEMO.administrator, P2, DEMO.panel_member, DEMO.superintendent, DEMO.union_rep];
const DEMO_CASE = 1;   // the demo's: member@'s, referred by president@, with consultant@

let srv;
const ids = {};
before(async () => {
    srv = await startServer();
    for (const [k, e] of Object.entries({ member: MEMBER, pres: PRES, cons: CONS, p2: P2, pss: PSS }))
        ids[k] = personId(srv.db, e);
});
after(async () => { await srv.stop(); });

const { as, page, post, api } = actors(() => srv);
const text = r => decode(r.text).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const errorOf = r => r.json().error;
const caseRow = (id, col) => scalar(srv.db, `SELECT ${col} FROM pss_case WHERE id = ${id};`);
// The rules' words, as a person reads them where a rule stops a step: plain
// words, the rule's number only in a link to the help (R33-R35).
const WORDS = {
    R33: /Work starts only once the district's agreement not to use anything from the service in evaluation or discipline is recorded/,
    R34: /A report is released only with the consent of the member, the local president and the consultant, each recorded before the release/,
    R35: /A grievance or regulatory hold stands on this case: nothing from the consultant is requested or offered while it does/,
};
// The reasons a page gives in place of buttons ("Step: not yet. Why."),
// without their link to the help, which alone may name the rule.
const reasons = html => [...html.matchAll(/<p class="not-yet">([\s\S]*?)<\/p>/g)]
    .map(m => decode(m[1].replace(/<a [^>]*>[^<]*<\/a>/g, '')).replace(/<[^>]*>/g, '').trim());

// A fresh case: president@ refers member@ (R31).
async function referral(reason = 'plan_of_assistance') {
    const r = await api(PRES, 'POST', '/pss', { referral: 'president', reason, district: 'Harbor City SD',
                                              member_id: ids.member, note: 'Help with routines' });
    assert.equal(r.status, 201, r.text);
    return r.json();
}
const version = async id => (await api(PSS, 'GET', `/pss/${id}`)).json().version;
async function patch(id, body) {
    return api(PSS, 'PATCH', `/pss/${id}`, { ...body, version: await version(id) });
}
// A case with its consultant and the district's agreement: work may start.
async function agreedCase() {
    const k = await referral();
    assert.equal((await patch(k.id, { consultant_id: ids.cons })).status, 200);
    assert.equal((await patch(k.id, { agreement_by: 'Dr. Ames, Superintendent' })).status, 200);
    return k.id;
}
async function releaseProposed(id) {
    let r = await api(CONS, 'POST', `/pss/${id}/reports`, { title: 'October', body: 'Progress.' });
    assert.equal(r.status, 201, r.text);
    const report = r.json().reports.at(-1).id;
    r = await api(CONS, 'POST', `/pss/${id}/releases`, { report_id: report, recipient: 'The principal', purpose: 'Plan review' });
    assert.equal(r.status, 201, r.text);
    return r.json().releases.at(-1).id;
}

// --- the wall ---

test('the wall: no district role reaches a peer support page or API, whatever else it holds', async () => {
    const pages = ['/pss', `/pss/${DEMO_CASE}`];
    const posts = ['/pss', ...['consultant', 'cost', 'leave', 'agreement', 'hold', 'close', 'log',
                               'reports', 'releases', 'consent', 'release'].map(s => `/pss/${DEMO_CASE}/${s}`)];
    for (const who of DISTRICT) {
        for (const p of pages) {
            const r = await page(who, p);
            assert.equal(r.status, 403, `${who} GET ${p}`);
            assert.ok(namesRule(r.text, 31), `${who} GET ${p}: the refusal names the rules (R31-R36) by their heading`);
            assert.doesNotMatch(r.text, /Teresa Lin|Harbor City School District/, `${who} GET ${p}: no case data`);
        }
        for (const p of posts) {
            const r = await post(who, p, { release_id: '1', version: '1', hold: 'grievance', hold_note: 'x' });
            assert.ok([403, 404].includes(r.status), `${who} POST ${p}: ${r.status}`);
        }
        for (const [m, p] of [['GET', '/pss'], ['GET', `/pss/${DEMO_CASE}`], ['PATCH', `/pss/${DEMO_CASE}`],
                              ['POST', '/pss'], ['POST', `/pss/${DEMO_CASE}/hold`], ['POST', `/pss/${DEMO_CASE}/log`],
                              ['POST', `/pss/${DEMO_CASE}/consent`], ['POST', `/pss/${DEMO_CASE}/release`]]) {
            const r = await api(who, m, p, m === 'GET' ? undefined : {});
            assert.ok([403, 404].includes(r.status), `${who} ${m} /api/v1${p}: ${r.status}`);
            assert.ok(errorOf(r).code);
        }
        // nothing in the menu or on the dashboard
        const d = await page(who, '/dashboard');
        assert.equal(d.status, 200);
        assert.doesNotMatch(d.text, /href="\/pss"|Peer support case/, `${who}: no Peer support in menu or dashboard`);
    }
    assert.equal(caseRow(DEMO_CASE, 'hold'), '', 'nothing was changed by any of them');
});

test('the wall: principal2 in the federation is a member and sees only their own requests', async () => {
    const { c, csrf } = await as(P2);
    try {
        let r = await c.request('POST', '/account/program', { form: { csrf, program_id: '2' } });
        assert.equal(r.status, 303);
        r = await c.get('/pss');
        assert.equal(r.status, 200, 'a member of the federation, working in it, opens peer support');
        assert.doesNotMatch(r.text, /Teresa Lin/, "not another member's case");
        assert.equal((await c.get(`/pss/${DEMO_CASE}`)).status, 404, "another member's case does not exist for them");
        r = await c.request('POST', '/pss', { form: { csrf, referral: 'self', reason: 'self_referral',
                                                      district: 'Harbor City SD', note: 'Coaching, please' } });
        assert.equal(r.status, 303, r.text);
        const mine = Number(r.headers.get('location').split('/').pop());
        assert.equal(Number(caseRow(mine, 'member_id')), ids.p2, 'R31: a member asks for themselves');
        assert.equal(caseRow(mine, 'program_id'), '2');
        r = await c.get('/pss');
        assert.match(r.text, new RegExp(`href="/pss/${mine}"`));
        assert.equal((r.text.match(/href="\/pss\/\d+"/g) || []).length, 1, 'only their own request is listed');
        // The coordinator changes it: principal2's home is the district, whose
        // inbox is theirs everywhere: they are not told there.
        assert.equal((await patch(mine, { cost: 'federation' })).status, 200);
        assert.equal(count(srv.db, 'notification', `person_id = ${ids.p2} AND link LIKE '/pss%'`), 0);
        // Back in the district, none of it exists, their own request included.
        r = await c.request('POST', '/account/program', { form: { csrf, program_id: '1' } });
        assert.equal(r.status, 303);
        assert.equal((await c.get(`/pss/${mine}`)).status, 403);
        assert.equal((await api(P2, 'GET', `/pss/${mine}`)).status, 403, 'a token works in the home program: the district');
    } finally {
        await c.request('POST', '/account/program', { form: { csrf, program_id: '1' } });
    }
});

test('the wall: the district\'s audit log, people and inboxes hold nothing of peer support (R38)', async () => {
    await page(PSS, `/pss/${DEMO_CASE}`);              // reads and writes the federation audits
    await referral('concerns_before_evaluation');
    const rows = Number(scalar(srv.db, "SELECT COUNT(*) FROM audit WHERE record_kind LIKE 'pss%';"));
    assert.ok(rows > 3, `${rows} peer support rows are audited`);
    assert.equal(count(srv.db, 'audit', "record_kind LIKE 'pss%' AND (program_id IS NULL OR program_id <> 2)"), 0,
                 'every peer support row is the federation\'s');
    for (const q of ['Peer support', 'peer support', 'Switched to the program Harbor City Teachers', 'Leblanc', 'Kowalczyk']) {
        const r = await page(DEMO.coordinator, `/audit?q=${encodeURIComponent(q)}`);
        assert.equal(r.status, 200);
        assert.match(text(r), / 0 entries\./, `the district's audit log: nothing for "${q}"`);
    }
    // the district's people: principal2's federation role is not the district's
    let r = await api(DEMO.coordinator, 'GET', `/people/${ids.p2}`);
    assert.equal(r.status, 200);
    assert.doesNotMatch(r.text, /"member"|Federation Member/);
    r = await api(DEMO.coordinator, 'GET', '/people?q=parley.test&per_page=200');
    assert.doesNotMatch(r.text, /member@parley\.test|pss@parley\.test|consultant@parley\.test/);
    assert.equal(count(srv.db, 'notification', `link LIKE '/pss%' AND person_id IN (SELECT id FROM person WHERE program_id <> 2)`), 0,
                 'no district person is told of peer support');
    assert.ok(count(srv.db, 'notification', `link LIKE '/pss%' AND person_id = ${ids.pss}`) > 0, 'the coordinator is');
});

// --- R31: requests ---

test('R31: a member asks for themselves, a president for a member, the coordinator records a call', async () => {
    let r = await post(MEMBER, '/pss', { referral: 'self', reason: 'self_referral', district: 'Harbor City SD' });
    assert.equal(r.status, 303);
    const own = Number(r.headers.get('location').split('/').pop());
    assert.equal(Number(caseRow(own, 'member_id')), ids.member);
    assert.equal(caseRow(own, 'referral'), 'self');
    r = await post(MEMBER, '/pss', { referral: 'president', reason: 'self_referral', district: 'X', member_id: ids.member });
    assert.equal(r.status, 400, 'a member does not refer as a president');
    assert.ok(fieldError(r.text, 'referral') && namesRule(r.text, 31), 'beside the field, R31 by its title');
    r = await post(MEMBER, '/pss', { referral: 'self', reason: 'discipline', district: '' });
    assert.equal(r.status, 400);
    assert.ok(fieldError(r.text, 'reason') && namesRule(r.text, 31), 'beside the field, R31 by its title');
    assert.ok(fieldError(r.text, 'district'));
    const k = await referral();
    assert.equal(k.president_id, ids.pres, 'the referring president is the case\'s president');
    assert.equal(k.member_id, ids.member);
    r = await api(PRES, 'POST', '/pss', { referral: 'president', reason: 'plan_of_assistance', district: 'X',
                                          member_id: personId(srv.db, DEMO.participating_teacher) });
    assert.equal(r.status, 400, 'a district teacher is not a member of the federation');
    assert.equal(errorOf(r).field, 'member_id');
    r = await api(PSS, 'POST', '/pss', { referral: 'self', reason: 'concerns_before_evaluation', district: 'X',
                                         member_id: ids.p2, note: 'Called on Monday' });
    assert.equal(r.status, 201, 'the coordinator records a telephone request');
    assert.equal(r.json().member_id, ids.p2);
    r = await api(CONS, 'POST', '/pss', { referral: 'self', reason: 'self_referral', district: 'X' });
    assert.equal(r.status, 403, 'a consultant does not make requests');
});

// --- R32: cost ---

test('R32: the cost starts as the reason says; a shared cost records the share', async () => {
    assert.equal((await referral('plan_of_assistance')).cost, 'district');
    assert.equal((await referral('self_referral')).cost, 'federation');
    const k = await referral('concerns_before_evaluation');
    assert.equal(k.cost, '', 'concerns before an evaluation: the coordinator decides');
    let r = await post(PSS, `/pss/${k.id}/cost`, { version: String(k.version), cost: 'shared', cost_note: '' });
    assert.equal(r.status, 400);
    assert.ok(fieldError(r.text, 'cost_note') && namesRule(r.text, 32), 'beside the field, R32 by its title');
    r = await post(PSS, `/pss/${k.id}/cost`, { version: String(k.version), cost: 'shared', cost_note: 'District 60%, federation 40%' });
    assert.equal(r.status, 303);
    assert.equal(caseRow(k.id, 'cost'), 'shared');
    assert.match(text(await page(MEMBER, `/pss/${k.id}`)), /Shared, as negotiated: District 60%, federation 40%/);
    r = await post(PRES, `/pss/${k.id}/cost`, { version: String(k.version + 1), cost: 'federation' });
    assert.equal(r.status, 403, 'only the coordinator records the cost');
});

// --- R33: the district's agreement ---

test('R33: no work starts until the district\'s agreement is recorded', async () => {
    const k = await referral();
    await patch(k.id, { consultant_id: ids.cons });
    let r = await post(CONS, `/pss/${k.id}/log`, { kind: 'visit', on_date: '2026-10-01', note: 'First visit' });
    assert.equal(r.status, 409);
    assert.match(text(r), WORDS.R33);
    r = await api(CONS, 'POST', `/pss/${k.id}/reports`, { title: 'T', body: 'B' });
    assert.equal(r.status, 409);
    assert.match(errorOf(r).message, WORDS.R33);
    assert.equal(count(srv.db, 'pss_log', `pss_case_id = ${k.id}`), 0);
    // the page offers no form for it, and says why in plain words
    const before = await page(CONS, `/pss/${k.id}`);
    assert.doesNotMatch(before.text, /Add to the log|Save the report/);
    const why = reasons(before.text);
    assert.ok(why.some(w => /^Log the work: not yet\./.test(w) && WORDS.R33.test(w)), why.join(' | '));
    assert.ok(why.every(w => !/R\d/.test(w)), 'no rule number in what a person reads');
    assert.match(before.text, /href="\/help\/rules#R33">The rule: [^<(]+<\/a>/);
    r = await post(PSS, `/pss/${k.id}/agreement`, { version: String(await version(k.id)), agreement_by: '' });
    assert.equal(r.status, 400);
    assert.ok(fieldError(r.text, 'agreement_by') && namesRule(r.text, 33), 'beside the field, R33 by its title');
    r = await post(PSS, `/pss/${k.id}/agreement`, { version: String(await version(k.id)), agreement_by: 'Dr. Ames, Superintendent' });
    assert.equal(r.status, 303);
    assert.equal(caseRow(k.id, 'status'), 'agreed');
    assert.ok(Number(caseRow(k.id, 'agreement_at')) > 0);
    assert.match((await page(CONS, `/pss/${k.id}`)).text, /Add to the log/, 'recorded: the work may start');
    r = await post(CONS, `/pss/${k.id}/log`, { kind: 'visit', on_date: '2026-10-01', note: 'First visit' });
    assert.equal(r.status, 303);
    assert.equal(caseRow(k.id, 'status'), 'active', 'the first work makes it active');
    r = await patch(k.id, { agreement_by: 'Someone else' });
    assert.equal(r.status, 409, 'the agreement is recorded once');
    r = await post(MEMBER, `/pss/${k.id}/log`, { kind: 'visit', on_date: '2026-10-01', note: 'x' });
    assert.equal(r.status, 403, 'the log is the consultant\'s');
});

// --- R34: releases ---

test('R34: a release needs the three consents, given before it; the coordinator reads no report', async () => {
    const id = await agreedCase();
    const rel = await releaseProposed(id);
    let r = await post(CONS, `/pss/${id}/release`, { release_id: String(rel), confirm: 'yes' });
    assert.equal(r.status, 409);
    assert.match(text(r), WORDS.R34);
    r = await post(PSS, `/pss/${id}/consent`, { release_id: String(rel) });
    assert.equal(r.status, 403, 'the coordinator does not consent');
    assert.ok(namesRule(r.text, 34), 'the refusal names R34 by its title');
    assert.equal((await post(MEMBER, `/pss/${id}/consent`, { release_id: String(rel) })).status, 303);
    assert.doesNotMatch(text(await page(MEMBER, `/pss/${id}`)), /I consent to this release/, 'the form goes once consented');
    assert.match(text(await page(PRES, `/pss/${id}`)), /The member: consented .*The local president: not yet/);
    r = await post(MEMBER, `/pss/${id}/consent`, { release_id: String(rel) });
    assert.equal(r.status, 409, 'a consent is given once');
    assert.equal((await api(PRES, 'POST', `/pss/${id}/consent`, { release_id: rel })).status, 200);
    r = await api(CONS, 'POST', `/pss/${id}/release`, { release_id: rel });
    assert.equal(r.status, 409, 'two consents of three are not enough');
    assert.match(errorOf(r).message, WORDS.R34);
    assert.equal((await post(CONS, `/pss/${id}/consent`, { release_id: String(rel) })).status, 303);
    r = await post(CONS, `/pss/${id}/release`, { release_id: String(rel), confirm: 'yes' });
    assert.equal(r.status, 303);
    const x = (await api(MEMBER, 'GET', `/pss/${id}`)).json().releases.find(e => e.id === rel);
    assert.equal(x.status, 'released');
    for (const who of ['member', 'president', 'consultant'])
        assert.ok(x[`${who}_consent_at`] <= x.released_at, `${who} consented before the release`);
    r = await post(MEMBER, `/pss/${id}/consent`, { release_id: String(rel) });
    assert.equal(r.status, 409, 'no consent after the release');
    // The coordinator sees the case, never the reports (R34).
    const coord = await api(PSS, 'GET', `/pss/${id}`);
    assert.equal(coord.status, 200);
    assert.equal(coord.json().reports, undefined);
    assert.doesNotMatch(text(await page(PSS, `/pss/${id}`)), /Progress\./);
    assert.match(text(await page(PRES, `/pss/${id}`)), /Progress\./);
});

// --- R35: holds ---

test('R35: under a hold nothing from the consultant is requested or offered: no release proposed, consented to or made, and the page says why', async () => {
    const id = await agreedCase();
    const rel = await releaseProposed(id);
    assert.equal((await post(MEMBER, `/pss/${id}/consent`, { release_id: String(rel) })).status, 303, 'before the hold');
    let r = await post(PSS, `/pss/${id}/hold`, { version: String(await version(id)), hold: 'grievance', hold_note: '' });
    assert.equal(r.status, 400);
    assert.ok(fieldError(r.text, 'hold_note') && namesRule(r.text, 35), 'beside the field, R35 by its title');
    r = await post(PSS, `/pss/${id}/hold`, { version: String(await version(id)), hold: 'grievance', hold_note: 'Grievance filed 2026-11-02' });
    assert.equal(r.status, 303);
    const consents = () => scalar(srv.db, `SELECT member_consent_at > 0, president_consent_at > 0, consultant_consent_at > 0 FROM pss_release WHERE id = ${rel};`);
    const before = { consents: consents(), releases: count(srv.db, 'pss_release', `pss_case_id = ${id}`) };
    // no consent is given: not by the page, not by the API
    for (const who of [PRES, CONS]) {
        r = await post(who, `/pss/${id}/consent`, { release_id: String(rel) });
        assert.equal(r.status, 409, `${who} consents during the hold`);
        assert.match(text(r), WORDS.R35);
        r = await api(who, 'POST', `/pss/${id}/consent`, { release_id: rel });
        assert.equal(r.status, 409);
        assert.match(errorOf(r).message, WORDS.R35);
    }
    // no release is proposed
    const report = (await api(CONS, 'GET', `/pss/${id}`)).json().reports[0].id;
    r = await post(CONS, `/pss/${id}/releases`, { report_id: String(report), recipient: 'The district\'s lawyer', purpose: '' });
    assert.equal(r.status, 409);
    assert.match(text(r), WORDS.R35);
    r = await api(CONS, 'POST', `/pss/${id}/releases`, { report_id: report, recipient: 'The district\'s lawyer' });
    assert.equal(r.status, 409);
    assert.match(errorOf(r).message, WORDS.R35);
    // none is made
    r = await api(CONS, 'POST', `/pss/${id}/release`, { release_id: rel });
    assert.equal(r.status, 409);
    assert.match(errorOf(r).message, WORDS.R35);
    assert.deepEqual({ consents: consents(), releases: count(srv.db, 'pss_release', `pss_case_id = ${id}`) }, before, 'nothing was written');
    assert.equal(count(srv.db, 'pss_release', `id = ${rel} AND status = 'released'`), 0);
    // the buttons are not offered, and each of the three reads why
    for (const who of [MEMBER, PRES, CONS]) {
        const p = await page(who, `/pss/${id}`);
        assert.match(text(p), /Nothing from the consultant is requested or offered while it stands/, who);
        assert.doesNotMatch(text(p), /I consent to this release|Release it now|Propose the release/, who);
        // whoever had a step to take reads why it waits; the member consented before the hold
        if (who !== MEMBER)
            assert.ok(reasons(p.text).some(w => WORDS.R35.test(w) && !/R35/.test(w)), who);
        else
            assert.ok(!reasons(p.text).some(w => /^Consent/.test(w)), 'no "not yet" for a consent already given');
    }
    r = await api(PSS, 'POST', `/pss/${id}/hold`, { hold: 'regulatory', hold_note: 'Regulation Branch', version: await version(id) });
    assert.equal(r.status, 200, 'a regulatory hold through the API');
    assert.equal((await api(PRES, 'POST', `/pss/${id}/consent`, { release_id: rel })).status, 409);
    r = await api(PSS, 'POST', `/pss/${id}/hold`, { hold: '', version: await version(id) });
    assert.equal(r.status, 200);
    // cleared: the consents are asked for again, and it may go
    assert.match(text(await page(PRES, `/pss/${id}`)), /I consent to this release/);
    for (const who of [PRES, CONS])
        assert.equal((await api(who, 'POST', `/pss/${id}/consent`, { release_id: rel })).status, 200, who);
    assert.equal((await api(CONS, 'POST', `/pss/${id}/release`, { release_id: rel })).status, 200, 'cleared: it may go');
});

// --- issue 18: a refusal on the page it came from; weighty steps confirm ---

// What a refused form must leave as it was: the case's work and the audit log.
const written = id => ({ log: count(srv.db, 'pss_log', `pss_case_id = ${id}`),
                         releases: count(srv.db, 'pss_release', `pss_case_id = ${id}`),
                         audit: count(srv.db, 'audit') });

test('issue 18: a refused step comes back on the case page, titled by its rule, with what was typed kept and nothing written', async () => {
    const k = await referral();
    await patch(k.id, { consultant_id: ids.cons });
    const note = 'Met Ms Lin after school: "routines first" & a plan for <Monday>';
    await page(CONS, '/dashboard');   // signed in before counting
    const before = written(k.id);
    let r = await post(CONS, `/pss/${k.id}/log`, { kind: 'phone', on_date: '2026-10-01', note });
    assert.equal(r.status, 409, 'a rule refused it: not 200, not "someone else changed this"');
    assert.deepEqual(written(k.id), before, 'nothing was written');
    assert.match(r.text, new RegExp(`<h1>Peer support case ${k.id}</h1>`), 'the case page, not an error page');
    assert.doesNotMatch(r.text, /Someone else changed this first|class="error-page"/);
    const why = refusalOf(r.text);
    assert.ok(why, 'the refusal is at the top of the page');
    assert.equal(why.title, await ruleTitle(srv.base, 33), 'titled by the rule that refused it');
    assert.match(why.html, /href="\/help\/rules#R33"/);
    assert.match(why.text, WORDS.R33);
    assert.doesNotMatch(why.title + why.text.replace(/The rule: .*/, ''), /R\d/, 'no rule number but in the link');
    assert.equal(textareaValue(r.text, 'note'), note, 'the typed note is kept');
    assert.equal(inputValue(r.text, 'on_date'), '2026-10-01');
    assert.match(r.text, /<option value="phone" selected>/);
    // under a hold (R35), the proposed release's words are kept the same way
    const id = await agreedCase();
    let x = await api(CONS, 'POST', `/pss/${id}/reports`, { title: 'October', body: 'Progress.' });
    const report = x.json().reports.at(-1).id;
    x = await api(PSS, 'POST', `/pss/${id}/hold`, { hold: 'grievance', hold_note: 'Grievance filed', version: await version(id) });
    assert.equal(x.status, 200);
    const held = written(id);
    r = await post(CONS, `/pss/${id}/releases`, { report_id: String(report), recipient: 'The principal, Ms Ortiz', purpose: 'Plan review' });
    assert.equal(r.status, 409);
    assert.deepEqual(written(id), held, 'nothing was written');
    assert.equal(refusalOf(r.text).title, await ruleTitle(srv.base, 35));
    assert.equal(inputValue(r.text, 'recipient'), 'The principal, Ms Ortiz');
    assert.equal(inputValue(r.text, 'purpose'), 'Plan review');
    // someone else's change first keeps its own words
    r = await post(PSS, `/pss/${id}/cost`, { version: '1', cost: 'district' });
    assert.equal(r.status, 409);
    assert.match(text(r), /Someone else changed this first/);
});

test('issue 18: clearing a hold, closing a case and releasing a report each ask to confirm, and are not taken without it', async () => {
    const id = await agreedCase();
    const rel = await releaseProposed(id);
    for (const who of [MEMBER, PRES, CONS])
        assert.equal((await post(who, `/pss/${id}/consent`, { release_id: String(rel) })).status, 303, who);
    assert.equal((await api(PSS, 'POST', `/pss/${id}/hold`, { hold: 'grievance', hold_note: 'Filed', version: await version(id) })).status, 200);
    // each weighty step's form says what will happen and who is told, with a box to tick
    const box = (html, key, yes) => {
        const m = html.match(new RegExp(`<p class="hint" id="h-confirm-${key}">([^<]*)</p>[^]*?` +
                                        `<input type="checkbox" id="f-confirm-${key}" name="confirm" value="yes"[^>]*>` +
                                        `<label for="f-confirm-${key}">([^<]*)</label>`));
        assert.ok(m, `the ${key} form asks to confirm`);
        assert.match(decode(m[1]), /told/, `${key}: who is told`);
        assert.equal(decode(m[2]), yes);
    };
    let p = await page(PSS, `/pss/${id}`);
    box(p.text, 'clear_hold', 'Yes, clear the hold');
    box(p.text, 'close', 'Yes, close the case');
    // not confirmed: nothing happens, the page says so beside the box
    let r = await post(PSS, `/pss/${id}/hold`, { version: String(await version(id)), hold: '' });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'confirm-clear_hold'), /Tick the box/);
    assert.equal(caseRow(id, 'hold'), 'grievance', 'the hold stands');
    r = await post(PSS, `/pss/${id}/hold`, { version: String(await version(id)), hold: '', confirm: 'yes' });
    assert.equal(r.status, 303);
    assert.equal(caseRow(id, 'hold'), '', 'confirmed: cleared');
    // the release, once all three consented and no hold stands
    p = await page(CONS, `/pss/${id}`);
    box(p.text, `release-${rel}`, 'Yes, release the report');
    r = await post(CONS, `/pss/${id}/release`, { release_id: String(rel) });
    assert.equal(r.status, 400);
    assert.ok(fieldError(r.text, `confirm-release-${rel}`));
    assert.equal(count(srv.db, 'pss_release', `id = ${rel} AND status = 'released'`), 0, 'not released');
    assert.equal((await post(CONS, `/pss/${id}/release`, { release_id: String(rel), confirm: 'yes' })).status, 303);
    assert.equal(count(srv.db, 'pss_release', `id = ${rel} AND status = 'released'`), 1);
    // closing
    r = await post(PSS, `/pss/${id}/close`, { version: String(await version(id)), close: 'yes' });
    assert.equal(r.status, 400);
    assert.notEqual(caseRow(id, 'status'), 'closed');
    r = await post(PSS, `/pss/${id}/close`, { version: String(await version(id)), close: 'yes', confirm: 'yes' });
    assert.equal(r.status, 303);
    assert.equal(caseRow(id, 'status'), 'closed');
});

// --- R36: leave ---

test('R36: leave of absence is recorded with its dates; the federation does not pay it', async () => {
    const k = await referral();
    let r = await post(PSS, `/pss/${k.id}/leave`, { version: String(k.version), leave_needed: 'yes', leave_from: '2026-12-10', leave_to: '2026-12-01' });
    assert.equal(r.status, 400);
    assert.ok(fieldError(r.text, 'leave_to'));
    r = await post(PSS, `/pss/${k.id}/leave`, { version: String(k.version), leave_needed: 'yes', leave_from: '2026-12-01', leave_to: '2026-12-12' });
    assert.equal(r.status, 303);
    const t = text(await page(MEMBER, `/pss/${k.id}`));
    assert.match(t, /From 2026-12-01 to 2026-12-12/);
    assert.match(t, /The federation does not cover the cost of a leave of absence/);
    const j = (await api(PSS, 'GET', `/pss/${k.id}`)).json();
    assert.equal(j.leave_needed, true);
    assert.match(j.leave_cost, /does not cover/);
});

// --- R38 and the rest ---

test('R38: every read of a case is audited, in the federation\'s log, about the member', async () => {
    const before = count(srv.db, 'audit', `record_kind = 'pss_case' AND action = 'read' AND record_id = ${DEMO_CASE}`);
    await page(MEMBER, `/pss/${DEMO_CASE}`);
    await api(CONS, 'GET', `/pss/${DEMO_CASE}`);
    await page(PSS, `/pss/${DEMO_CASE}`);
    assert.equal(count(srv.db, 'audit', `record_kind = 'pss_case' AND action = 'read' AND record_id = ${DEMO_CASE} AND program_id = 2 AND subject_id = ${ids.member}`),
                 before + 3);
});

test('a member sees their own cases only; a stale version is refused', async () => {
    const r = await api(MEMBER, 'GET', '/pss');
    assert.equal(r.status, 200);
    assert.ok(r.json().items.every(k => k.member_id === ids.member));
    const other = (await api(PSS, 'POST', '/pss', { referral: 'self', reason: 'self_referral', district: 'X', member_id: ids.p2 })).json();
    assert.equal((await api(MEMBER, 'GET', `/pss/${other.id}`)).status, 404);
    assert.equal((await page(CONS, `/pss/${other.id}`)).status, 404, 'a consultant not given the case');
    const s = await api(PSS, 'PATCH', `/pss/${other.id}`, { cost: 'district', version: other.version + 5 });
    assert.equal(s.status, 409);
});

test('the demo case shows each person their forms', async () => {
    const t = async who => text(await page(who, `/pss/${DEMO_CASE}`));
    assert.match(await t(PSS), /Assign the consultant.*Save who pays.*Save the leave.*Set the hold.*Close the case/);
    const cons = await t(CONS);
    for (const button of ['Add to the log', 'Save the report', 'Propose the release', 'I consent to this release'])
        assert.ok(cons.includes(button), `the consultant has "${button}"`);
    // R34: nobody has consented to the demo's release yet: it is not offered
    assert.doesNotMatch(cons, /Release it now/);
    assert.match(cons, /Release the report\s*: not yet\./);
    const m = await t(MEMBER);
    assert.match(m, /I consent to this release/);
    assert.doesNotMatch(m, /Release it now|Add to the log|Save who pays/);
    const login = new Client(srv.base);
    await login.login(MEMBER, PASSWORD);
    assert.match((await login.get('/dashboard')).text, /href="\/pss"/, 'Peer support is in a member\'s menu');
});

// --- the process table: buttons, reasons, tasks ---

// The asker's offer of a step through the API: { allowed, not_yet } or undefined.
const offer = async (who, id, step, release) => (await api(who, 'GET', `/pss/${id}`)).json().steps
    .find(x => x.step === step && (release === undefined || x.release_id === release));
const tasks = async (who, id) => (await api(who, 'GET', '/tasks')).json().items.filter(t => t.pss_case_id === id);

test('R34: "Release it now" is offered only once all three consented; before, the page says who is missing', async () => {
    const id = await agreedCase();
    const rel = await releaseProposed(id);
    const releaseReason = async () => {
        const p = await page(CONS, `/pss/${id}`);
        assert.doesNotMatch(p.text, /Release it now/, 'no button before all three consented');
        const why = reasons(p.text).find(w => /^Release the report: not yet\./.test(w));
        assert.ok(why && WORDS.R34.test(why), reasons(p.text).join(' | '));
        assert.doesNotMatch(why, /R34/, 'plain words: the rule\'s number is in the link only');
        assert.match(p.text, /href="\/help\/rules#R34">The rule: [^<(]+<\/a>/);
        const o = await offer(CONS, id, 'release', rel);
        assert.equal(o.allowed, false);
        assert.match(o.not_yet, WORDS.R34);
        return why;
    };
    assert.match(await releaseReason(), /Waiting for the consent of the member, the local president, the consultant\./);
    assert.equal((await post(MEMBER, `/pss/${id}/consent`, { release_id: String(rel) })).status, 303);
    assert.equal((await post(PRES, `/pss/${id}/consent`, { release_id: String(rel) })).status, 303);
    assert.match(await releaseReason(), /Waiting for the consent of the consultant\./, 'two of three: still not offered');
    assert.equal((await post(CONS, `/pss/${id}/consent`, { release_id: String(rel) })).status, 303);
    const p = await page(CONS, `/pss/${id}`);
    assert.match(p.text, /Release it now/, 'all three consented: offered');
    assert.ok(!reasons(p.text).some(w => /^Release the report/.test(w)));
    assert.equal((await offer(CONS, id, 'release', rel)).allowed, true);
    // the member reads the release's state, and is offered nothing of the consultant's
    assert.equal(await offer(MEMBER, id, 'release', rel), undefined);
    assert.equal((await post(CONS, `/pss/${id}/release`, { release_id: String(rel), confirm: 'yes' })).status, 303);
    assert.doesNotMatch((await page(CONS, `/pss/${id}`)).text, /Release it now/, 'made once');
});

test('R34: a consent is a task of each party who has not given it, on their dashboard, until they give it', async () => {
    const id = await agreedCase();
    const rel = await releaseProposed(id);
    for (const who of [MEMBER, PRES, CONS]) {
        const mine = await tasks(who, id);
        assert.deepEqual(mine.map(t => t.step), ['consent'], who);
        assert.equal(mine[0].link, `/pss/${id}#releases`);
        assert.equal(mine[0].rule, 'R34');
        assert.equal(mine[0].teacher, 'Teresa Lin');
    }
    const dash = await page(MEMBER, '/dashboard');
    assert.match(decode(dash.text), new RegExp(`<a href="/pss/${id}#releases">Consent to the release: "October" to The principal</a>`));
    // the coordinator does not consent and does not read the reports (R34): none of it is theirs
    assert.deepEqual((await tasks(PSS, id)).map(t => t.step), []);
    assert.ok((await api(PSS, 'GET', '/deadlines')).json().items.every(t => t.pss_case_id !== id || t.step !== 'consent'));
    assert.equal((await post(MEMBER, `/pss/${id}/consent`, { release_id: String(rel) })).status, 303);
    assert.deepEqual(await tasks(MEMBER, id), [], 'given: gone from the member\'s tasks');
    assert.doesNotMatch(decode((await page(MEMBER, '/dashboard')).text), new RegExp(`/pss/${id}#releases`));
    assert.deepEqual((await tasks(PRES, id)).map(t => t.step), ['consent'], 'still the president\'s');
    // the president's deadlines say whose consents are still due
    const due = (await api(PRES, 'GET', '/deadlines')).json().items.filter(t => t.pss_case_id === id);
    assert.deepEqual(due.map(t => t.from).sort(), ['The peer support case\'s consultant', 'The peer support case\'s local president']);
    for (const who of [PRES, CONS])
        assert.equal((await post(who, `/pss/${id}/consent`, { release_id: String(rel) })).status, 303);
    assert.deepEqual((await tasks(CONS, id)).map(t => t.step), ['release'], 'all three: the release is the consultant\'s task');
    // R35: a hold makes nothing due but its clearing
    assert.equal((await api(PSS, 'POST', `/pss/${id}/hold`, { hold: 'grievance', hold_note: 'Filed', version: await version(id) })).status, 200);
    assert.deepEqual(await tasks(CONS, id), []);
    assert.deepEqual((await tasks(PSS, id)).map(t => t.step), ['clear_hold']);
    assert.equal((await api(PSS, 'POST', `/pss/${id}/hold`, { hold: '', version: await version(id) })).status, 200);
    assert.deepEqual((await tasks(CONS, id)).map(t => t.step), ['release']);
    assert.equal((await api(CONS, 'POST', `/pss/${id}/release`, { release_id: rel })).status, 200);
    assert.deepEqual(await tasks(CONS, id), []);
});

test('R31-R33: a request is the coordinator\'s to assign, to cost and to agree; a district coordinator sees no peer support task', async () => {
    const k = await referral('concerns_before_evaluation');
    assert.deepEqual((await tasks(PSS, k.id)).map(t => t.step).sort(), ['assign_consultant', 'decide_cost', 'record_agreement']);
    assert.match(decode((await page(PSS, '/dashboard')).text), new RegExp(`<a href="/pss/${k.id}#steps">Assign the consultant</a>`));
    assert.deepEqual(await tasks(MEMBER, k.id), [], 'nothing is the member\'s yet');
    await patch(k.id, { consultant_id: ids.cons, cost: 'federation' });
    assert.deepEqual((await tasks(PSS, k.id)).map(t => t.step), ['record_agreement']);
    assert.deepEqual(await tasks(CONS, k.id), [], 'no work before the agreement (R33)');
    await patch(k.id, { agreement_by: 'Dr. Ames, Superintendent' });
    assert.deepEqual(await tasks(PSS, k.id), []);
    assert.deepEqual((await tasks(CONS, k.id)).map(t => t.step), ['log_work'], 'agreed: the consultant starts');
    // the wall: no district person has a peer support task, whatever else they hold
    for (const who of [...DISTRICT, P2]) {
        for (const list of ['/tasks', '/deadlines'])
            assert.ok((await api(who, 'GET', list)).json().items.every(t => !t.pss_case_id && !/^\/pss/.test(t.link)), `${who} ${list}`);
        assert.doesNotMatch((await page(who, '/dashboard')).text, /href="\/pss\//, who);
    }
});

test('the peer support table is on /help/workflow and in `parley workflow --format md`', async () => {
    const r = await new Client(srv.base).get('/help/workflow');
    assert.equal(r.status, 200);
    const t = decode(r.text);
    assert.match(t, /<h2 id="pss">A peer support case<\/h2>/);
    for (const g of ['agreement_recorded', 'no_hold', 'all_consented_first'])
        assert.match(t, new RegExp(`<div id="pss-${g}">`), g);
    assert.match(t, WORDS.R35);
    const md = parley(['workflow', '--format', 'md']);
    assert.equal(md.code, 0);
    assert.match(md.out, /\| `release` \(each release\) \| `requested`, `agreed`, `active` \| \(stays\) \| The peer support case's consultant \|.*`all_consented_first` \(R34\)/);
    assert.match(md.out, /\| `assign_ct` \|/, 'after the case\'s own table');
});

test('R38: an audit row\'s program is in the hash chain: moving a row across the wall is caught', () => {
    const d = demoDatabase();
    try {
        assert.equal(parley(['audit', 'verify', '--db', d.db]).code, 0);
        const row = scalar(d.db, "SELECT MIN(id) FROM audit WHERE record_kind LIKE 'pss%';");
        assert.ok(Number(row) > 0, 'the demo audits its peer support case');
        assert.equal(sql(d.db, `${dialect.dropAuditGuard('update')}; UPDATE audit SET program_id = 1 WHERE id = ${row};`).code, 0);
        const v = parley(['audit', 'verify', '--db', d.db]);
        assert.notEqual(v.code, 0, 'a row moved into the district\'s log fails verification');
        assert.match(v.out + v.err, new RegExp(`row ${row} was changed`));
    } finally { d.cleanup(); }
});
