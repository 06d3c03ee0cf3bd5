// end_of_cycle.test.mjs: issue 8's "Done when", in a real browser. A PAR
// case, its cycle's work done through the API (goals, three meetings with
// everyone present, the formative: ../http/journey.mjs), goes from the
// Consulting Teacher's summative draft (R15, R26)
// through the administrator's preview and response (R23), the teacher's
// signature with a written response (R20), the cycle's close, the CT's
// recommendation to the Panel (R21), the teacher's written evidence before
// the deadline (R22), then, the deadline passed, two Panel sessions (the
// first closed before the second takes the case) with a recusal, the same
// votes tallied under two vote
// rules (fixed:4 decides nothing, a majority decides: R24), to the
// Superintendent's approval (R25); then the summative's PDF is downloaded
// and its text read with pdftotext. Every page on the way is checked (axe,
// console, width).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

import { DEMO, sql } from '../http/records.mjs';
import { Journey, addDays } from '../http/journey.mjs';
import { DEVICES, check, heading, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

let j, PAR, TEACHER, TEACHER_EMAIL;
const desktop = DEVICES.find(d => d.name === 'desktop');
const phone = DEVICES.find(d => d.name !== 'desktop');
const env = serverAndBrowser(async e => {
    j = new Journey(e.server);
    const k = await j.opened('par');
    await j.caseload(k);
    for (const part of ['goals', 'startMeeting', 'formative', 'middleMeeting', 'endMeeting'])
        await j[part](k);
    [PAR, TEACHER, TEACHER_EMAIL] = [k.id, k.teacherName, k.teacherEmail];
    await j.signIn(TEACHER_EMAIL);   // a password, as from their one-time link
});

// The members present at both sessions; Paul Okonkwo recuses (R24).
const MEMBERS = [['panel@parley.test', 'Frank Moreau'], ['panel2@parley.test', 'Ivy Chen'],
                 ['panel3@parley.test', 'Omar Haddad'], ['panel4@parley.test', 'Carmen Ruiz'],
                 ['panel5@parley.test', 'Paul Okonkwo']];
const RECUSED = 'panel5@parley.test';
// How the four who vote vote: three for Needs Improvement, one Proficient.
const VOTES = { 'panel@parley.test': 'needs_improvement', 'panel2@parley.test': 'needs_improvement',
                'panel3@parley.test': 'needs_improvement', 'panel4@parley.test': 'proficient' };

async function submit(page, name) {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
}

async function summativeDraft(page, s) {
    await page.goto(`/cases/${PAR}/evaluations`);
    await submit(page, 'Start the summative evaluation');
    assert.equal(await heading(page), `Summative evaluation — case of ${TEACHER}`);
    for (const std of ['I', 'III', 'IV'])
        await page.getByLabel(new RegExp(`^Standard ${std} \\(.*\\): rating`)).selectOption('proficient');
    await page.getByLabel(/^Standard II \(.*\): rating/).selectOption('needs_improvement');
    await page.getByLabel(/^Standard II \(.*\): comment/).fill('Questioning still leaves some students out.');
    await page.getByLabel('Narrative').fill('Planning is sound; teaching all students is not yet Proficient.');
    // R26: Proficient overall with standard II below Proficient is refused, and says why.
    await page.getByLabel('Overall rating').selectOption('proficient');
    await submit(page, 'Save the draft');
    await assertVisible(page.locator('.error-summary').getByText(/An overall rating of Proficient or better needs Proficient or better/));
    await check(s, 'ct', 'summative-r26-refused');
    await page.getByLabel('Overall rating').selectOption('needs_improvement');
    await submit(page, 'Save the draft');
    await assertVisible(page.getByText('The draft is saved.'));
    await submit(page, 'Share it with the administrator for preview');
    await check(s, 'ct', 'summative-preview');
    return new URL(page.url()).pathname;
}

// A member opens the case's deliberation from the session's page.
async function deliberation(page, session) {
    await page.goto(session);
    await Promise.all([page.waitForNavigation(),
        page.getByRole('link', { name: "The Panel's deliberation on this case" }).first().click()]);
}

async function scheduleSession(page, s, rule) {
    await page.goto('/panel/sessions');
    await page.getByLabel('Date').fill(await j.today());
    await page.getByLabel('Time').fill('16:00');
    await page.getByLabel('Place').fill('Central Office, Room 204');
    await page.getByLabel('Vote rule').fill(rule);
    await page.getByLabel('Quorum').fill('4');
    await submit(page, 'Schedule the session');
    await page.getByLabel("Case to add").selectOption(String(PAR));
    await submit(page, 'Add to the docket');
    for (const [, name] of MEMBERS)
        await page.getByLabel(name, { exact: true }).check();
    await submit(page, 'Save who is present');
    await check(s, 'coordinator', `session-${rule.replace(':', '-')}`);
    return new URL(page.url()).pathname;
}

async function vote(session, email) {
    await asPerson(env, desktop, email, async s => {
        const { page } = s;
        await deliberation(page, session);
        await page.getByLabel(`Your vote on the case of ${TEACHER}`).selectOption(VOTES[email]);
        await page.getByLabel('Yes, cast my vote').check();   // a vote is final (issue 18)
        await submit(page, 'Cast my vote');
        await assertVisible(page.getByText(/You voted/));
    });
}

async function closeVote(session, name) {
    let outcome;
    await asPerson(env, desktop, DEMO.coordinator, async s => {
        const { page } = s;
        await page.goto(session);
        // issue 18: closing the vote records the decision: it asks to confirm
        await page.getByLabel(`Yes, close the vote on the case of ${TEACHER} and tally it`).check();
        await submit(page, `Close the vote on the case of ${TEACHER} and tally it`);
        outcome = await page.locator('main').innerText();
        await check(s, 'coordinator', name);
    });
    return outcome;
}

describe('a PAR case through the end of its cycle (issue 8)', () => {
    it('summative, preview, signature, recommendation, evidence, two sessions, approval, the PDF', async () => {
        let summative;
        await asPerson(env, desktop, DEMO.consulting_teacher, async s => {
            summative = await summativeDraft(s.page, s);
        });

        // R23: the administrator previews the draft and responds.
        await asPerson(env, desktop, DEMO.administrator, async s => {
            const { page } = s;
            await page.goto(summative);
            await page.getByLabel('Your response').fill('I agree on standard II; the new unit shows progress.');
            await submit(page, 'Save my response');
            await assertVisible(page.getByText('I agree on standard II; the new unit shows progress.').first());
            await check(s, 'administrator', 'summative-response');
        });
        await asPerson(env, desktop, DEMO.consulting_teacher, async s => {
            await s.page.goto(summative);
            await submit(s.page, 'Share it with the teacher');
        });

        // R20: the teacher signs for receipt, with a written response; then R22.
        await asPerson(env, phone, TEACHER_EMAIL, async s => {
            const { page } = s;
            await page.goto(summative);
            await assertVisible(page.getByText('Signing acknowledges receipt of the evaluation, not agreement with it.').first());
            await page.getByLabel('Your written response').fill('My students\' writing grew this spring; see my portfolio.');
            await submit(page, 'Sign to acknowledge receipt');
            await assertVisible(page.getByText(new RegExp(`^Signed by ${TEACHER}`)));
            await check(s, 'teacher', 'summative-signed');
        });

        // R21: the CT locks the summative, closes the cycle (R17: its three
        // meetings held with everyone present) and recommends a rating.
        await asPerson(env, desktop, DEMO.consulting_teacher, async s => {
            const { page } = s;
            await page.goto(summative);
            await submit(page, 'Lock the evaluation');
            await page.goto(`/cases/${PAR}/recommendation`);
            await page.getByLabel('Overall rating you recommend').selectOption('needs_improvement');
            await page.getByLabel('Rationale').fill('Standard II is not yet Proficient despite real growth.');
            await submit(page, 'Save the draft');
            // not before the cycle is closed: the button is not offered, and why
            assert.equal(await page.getByRole('button', { name: 'Send to the Panel' }).count(), 0);
            await assertVisible(page.getByText(/close the cycle first/));
            await j.goTo(addDays(await j.today(), 1));
            await page.goto(`/cases/${PAR}`);
            await page.getByLabel('Yes, close the cycle').check();   // weighty: confirmed (issue 18)
            await submit(page, 'Close the cycle');
            await page.goto(`/cases/${PAR}/recommendation`);
            await page.getByLabel('Yes, send to the Panel').check();
            await submit(page, 'Send to the Panel');
            await assertVisible(page.getByText(/\(10 days left\)/));
            await check(s, 'ct', 'recommendation-sent');
        });

        // R22: the teacher reads the recommendation and sends written evidence.
        await asPerson(env, phone, TEACHER_EMAIL, async s => {
            const { page } = s;
            await page.goto(`/cases/${PAR}/recommendation`);
            await assertVisible(page.getByText('Standard II is not yet Proficient despite real growth.'));
            await page.getByLabel('What you send').selectOption('written');
            await page.getByLabel(/Your evidence/).fill('Writing samples from March and May, with rubric scores.');
            await submit(page, 'Send this to the Panel');
            await assertVisible(page.getByText('Writing samples from March and May, with rubric scores.'));
            await check(s, 'teacher', 'panel-evidence-sent');
        });

        // R22: the Panel meets once the preview deadline has passed.
        const until = (await j.must(DEMO.consulting_teacher, 'GET', `/cases/${PAR}/recommendation`)).preview_until;
        await j.goTo(addDays(until, 1));
        // R24: a Toledo-style fixed rule (4 votes for one rating) first.
        let fixed;
        await asPerson(env, desktop, DEMO.coordinator, async s => {
            fixed = await scheduleSession(s.page, s, 'fixed:4');
        });
        await asPerson(env, desktop, RECUSED, async s => {
            const { page } = s;
            await deliberation(page, fixed);
            await page.getByLabel('Why you recuse yourself').fill('I was the teacher\'s department head until June.');
            await submit(page, 'Recuse myself from this case');
            await assertVisible(page.getByText('You recused yourself from this case').first());
            await check(s, 'panel-recused', 'recused');
            // A recused member cannot vote.
            assert.equal(await page.getByRole('button', { name: 'Cast my vote' }).count(), 0);
        });
        await asPerson(env, desktop, 'panel@parley.test', async s => {
            const { page } = s;
            await deliberation(page, fixed);
            await page.getByLabel('Add a note').fill('The portfolio shows growth in writing; questioning is the gap.');
            await submit(page, 'Add the note');
            await check(s, 'panel', 'deliberation');
        });
        for (const email of Object.keys(VOTES))
            await vote(fixed, email);
        const undecided = await closeVote(fixed, 'fixed-undecided');
        assert.doesNotMatch(undecided, /awaiting the Superintendent's approval/);
        assert.equal(sql(env.server.db, `SELECT COUNT(*) FROM panel_decision WHERE case_id = ${PAR};`).out.trim(), '0',
                     'fixed:4 with three votes for one rating decides nothing');

        // The session is closed: the case goes on the next one's docket.
        await asPerson(env, desktop, DEMO.coordinator, async s => {
            await s.page.goto(fixed);
            await s.page.getByLabel('Yes, close this session').check();   // closing is final
            await submit(s.page, 'Close this session');
        });
        // The same votes by a majority of the members present decide.
        let majority;
        await asPerson(env, desktop, DEMO.coordinator, async s => {
            majority = await scheduleSession(s.page, s, 'majority');
        });
        for (const email of Object.keys(VOTES))
            await vote(majority, email);
        await closeVote(majority, 'majority-decided');
        assert.equal(sql(env.server.db, `SELECT rating || ' ' || approval FROM panel_decision WHERE case_id = ${PAR};`).out.trim(),
                     'needs_improvement pending');

        // R25: only the Superintendent's approval makes the rating final.
        await asPerson(env, desktop, DEMO.superintendent, async s => {
            const { page } = s;
            await page.goto('/decisions');
            await check(s, 'superintendent', 'decisions');
            await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: TEACHER }).first().click()]);
            await page.getByLabel('Yes, approve the rating').check();   // final: confirmed (issue 18)
            await submit(page, 'Approve the rating');
            await assertVisible(page.getByText(/Final rating/).first());
            await check(s, 'superintendent', 'approved');
        });

        // The PDF of the summative: its signatures, the decision and the approval.
        await asPerson(env, phone, TEACHER_EMAIL, async s => {
            const { page } = s;
            await page.goto(`/cases/${PAR}/decision`);
            await assertVisible(page.getByText(/Final rating/).first());
            const answer = await page.request.get(summative + '/pdf');
            assert.equal(answer.status(), 200);
            assert.equal(answer.headers()['content-type'], 'application/pdf');
            const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: await answer.body() }).toString();
            for (const expected of [`Summative evaluation — ${TEACHER}`, 'Needs Improvement',
                                    'I agree on standard II', 'My students\' writing grew this spring',
                                    /receipt of the evaluation, not agreement with it/, /Approved by Beatrice Nolan/, /the rating is final/])
                assert.match(text.replace(/\s+/g, ' '), expected instanceof RegExp ? expected : new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        });
    });
});
