// track_record.test.mjs: issue 9's "Done when", the Track Record part, in a
// real browser. The demo's PAR case (2) and PA case (1) close in the
// 2026-27 school year; the coordinator records each outcome through the
// form, and the teachers and the PAR case's administrator answer their
// end-of-cycle surveys (R39). With earlier closed cycles of the same year
// put in the database, the PAR group reaches 6 and the PA group 5: both
// show on the public Track Record. The year before, a PA group of 3 is not
// shown, nor the PAR group beside it that would reveal it by subtraction.
// Every page is checked (axe, console, width).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO, sql } from '../http/records.mjs';
import { outcomes, answers } from '../http/report_rows.mjs';
import { DEVICES, check, assertVisible, serverAndBrowser, asPerson, newSession } from './browser.mjs';

const PA_CASE = 1, PAR = 2;
const desktop = DEVICES.find(d => d.name === 'desktop');
const phone = DEVICES.find(d => d.name !== 'desktop');
const env = serverAndBrowser(({ server }) => {
    // Both cycles end in June 2027: school year 2026-27.
    assert.equal(sql(server.db, `UPDATE teacher_case SET state = 'cycle_closed', cycle_end = '2027-06-15'
                                 WHERE id IN (${PA_CASE}, ${PAR});`).code, 0);
    outcomes(server.db, 2026, 'par', 4, 5, 5);     // with case 2: 6
    outcomes(server.db, 2026, 'pa', 2, 3, 4);      // with case 1: 5
    outcomes(server.db, 2025, 'pa', 1, 2, 3);      // too few: not shown
    outcomes(server.db, 2025, 'par', 6, 7, 8);     // would reveal the 3 by subtraction
    answers(server.db, 2026, 'par', 'teacher', [[5, 4, 5], [4, 4, 4], [4, 5, 5], [3, 4, 4]]);
});

async function submit(page, name) {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
}

async function recordOutcome(caseId, after) {
    await asPerson(env, desktop, DEMO.coordinator, async s => {
        const { page } = s;
        await page.goto(`/cases/${caseId}/outcome`);
        await page.getByLabel('Rating before the cycle').selectOption('needs_improvement');
        await page.getByLabel('Rating after the cycle').selectOption(after);
        await page.getByLabel('Did the teacher stay on the job?').selectOption('yes');
        await submit(page, 'Record the outcome');
        await assertVisible(page.getByText('The outcome is recorded.', { exact: false }));
        await check(s, 'coordinator', `outcome-case-${caseId}`);
    });
}

async function answerSurvey(email, caseId, [fair, transparent, humane]) {
    await asPerson(env, phone, email, async s => {
        const { page } = s;
        await page.goto(`/cases/${caseId}/survey`);
        await assertVisible(page.getByText('Your answers are stored without your name'));
        for (const [legend, value] of [['The process felt fair', fair], ['The process felt transparent', transparent],
                                       ['The process felt humane', humane]])
            await page.getByRole('group', { name: legend }).getByLabel(new RegExp(`^${value} — `)).check();
        await submit(page, 'Send my answers');
        await check(s, email.split('@')[0], 'survey-answered');
    });
}

describe('closed PAR and PA cases on the Track Record (issue 9)', () => {
    it('outcomes and surveys through the forms; the small-group rule on the public page', async () => {
        await recordOutcome(PAR, 'proficient');
        await recordOutcome(PA_CASE, 'proficient');
        await answerSurvey(DEMO.participating_teacher, PAR, [5, 5, 4]);
        await answerSurvey('teacher2@parley.test', PA_CASE, [4, 4, 5]);
        await answerSurvey(DEMO.administrator, PAR, [4, 3, 4]);
        assert.equal(sql(env.server.db, 'SELECT COUNT(*) FROM survey_invitation WHERE responded = 1;').out.trim(), '3');

        const s = await newSession(env.browser, phone, env.server.base);
        try {
            const { page } = s;
            await page.goto('/track-record');
            const outcomesTable = page.getByRole('table', { name: 'Outcomes by school year and track' });
            // 2026-27: PAR 5 of 6 reached Proficient (4 put in + case 2), PA 3 of 5.
            await assertVisible(outcomesTable.getByRole('cell', { name: '83% (5 of 6)' }).first());
            await assertVisible(outcomesTable.getByRole('cell', { name: '60% (3 of 5)' }).first());
            // 2025-26: PA's 3 are not shown, nor PAR's 8 that would give them away.
            await assertVisible(outcomesTable.getByRole('cell', { name: 'fewer than 5: not shown' }).first());
            await assertVisible(outcomesTable.getByRole('cell', { name: 'not shown: reveals a small group' }).first());
            const body = await page.locator('main').innerText();
            for (const hidden of ['1 of 3', '6 of 8', '33% (1', '75% (6'])
                assert.ok(!body.includes(hidden), `R39: "${hidden}" must not be shown`);
            await check(s, 'visitor', 'track-record-journey');
            const csv = await (await page.request.get('/track-record.csv')).text();
            assert.ok(!/\b1 of 3\b/.test(csv) && csv.includes('fewer than 5'), 'the CSV keeps the rule');
        } finally {
            await s.context.close();
        }
    });
});
