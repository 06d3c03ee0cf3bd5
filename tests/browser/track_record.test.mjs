// track_record.test.mjs: issue 9's "Done when", the Track Record part, in a
// real browser. A PAR case and a PA case are taken through their cycles by
// the API (../http/journey.mjs) and close in the same school year; the
// coordinator records the PAR case's outcome through the form (the PA
// case's went in by the API when it closed), and the teachers and the PAR
// case's administrator answer their end-of-cycle surveys (R39). With
// earlier closed cycles of the same year put in the database as an import
// of the program's history (report_rows.mjs), the PAR group reaches 6 and
// the PA group 5: both show on the public Track Record. The year before, a
// PA group of 3 is not shown, nor the PAR group beside it that would
// reveal it by subtraction.
// Every page is checked (axe, console, width).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO, sql } from '../http/records.mjs';
import { outcomes, answers } from '../http/report_rows.mjs';
import { Journey, PEOPLE, addDays } from '../http/journey.mjs';
import { DEVICES, check, assertVisible, serverAndBrowser, asPerson, newSession } from './browser.mjs';

const desktop = DEVICES.find(d => d.name === 'desktop');
const phone = DEVICES.find(d => d.name !== 'desktop');
// The school year a date is in (2026 for 2026-27: from July 1).
const schoolYear = date => Number(date.slice(0, 4)) - (date.slice(5) < '07-01' ? 1 : 0);
let par, pa, PAR, PA_CASE;
const env = serverAndBrowser(async ({ server }) => {
    const j = new Journey(server);
    pa = await j.paCase('closed');
    // a cycle whose end and the weeks after it are in one school year
    const start = addDays(await j.today(), 6);
    const days = [190, 220, 250, 280].find(n => schoolYear(addDays(start, n)) === schoolYear(addDays(start, n + 30)));
    par = await j.parCase('closed', { cycleDays: days });
    const year = schoolYear(par.end);
    // the PA case's outcome, in the same school year (it has no cycle dates)
    await j.must(PEOPLE.coordinator, 'PUT', `/cases/${pa.id}/outcome`,
                 { rating_before: 'needs_improvement', rating_after: 'proficient', stayed: 'yes' });
    await j.stage(par, 'approved');
    [PAR, PA_CASE] = [par.id, pa.id];
    for (const teacher of [par.teacherEmail, pa.teacherEmail])
        await j.signIn(teacher);
    outcomes(server.db, year, 'par', 4, 5, 5);         // with the PAR case: 6
    outcomes(server.db, year, 'pa', 2, 3, 4);          // with the PA case: 5
    outcomes(server.db, year - 1, 'pa', 1, 2, 3);      // too few: not shown
    outcomes(server.db, year - 1, 'par', 6, 7, 8);     // would reveal the 3 by subtraction
    answers(server.db, year, 'par', 'teacher', [[5, 4, 5], [4, 4, 4], [4, 5, 5], [3, 4, 4]]);
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
        await answerSurvey(par.teacherEmail, PAR, [5, 5, 4]);
        await answerSurvey(pa.teacherEmail, PA_CASE, [4, 4, 5]);
        await answerSurvey(DEMO.administrator, PAR, [4, 3, 4]);
        assert.equal(sql(env.server.db, 'SELECT COUNT(*) FROM survey_invitation WHERE responded = 1;').out.trim(), '3');

        const s = await newSession(env.browser, phone, env.server.base);
        try {
            const { page } = s;
            await page.goto('/track-record');
            const outcomesTable = page.getByRole('table', { name: 'Outcomes by school year and track' });
            // The year: PAR 5 of 6 reached Proficient (4 imported + the case), PA 3 of 5.
            await assertVisible(outcomesTable.getByRole('cell', { name: '83% (5 of 6)' }).first());
            await assertVisible(outcomesTable.getByRole('cell', { name: '60% (3 of 5)' }).first());
            // The year before: PA's 3 are not shown, nor PAR's 8 that would give them away.
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
