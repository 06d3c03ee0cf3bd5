// dashboard.test.mjs: each role's dashboard shows their tasks from the
// case's process, at desktop and phone width (issue: "Nothing is overdue or
// coming up" while work was due). Cases are walked to the stages that give
// each role work through the API (../http/journey.mjs): the coordinator has
// requests to open, the Consulting Teacher their caseload and its meetings,
// the teacher goals to propose, the administrator a timeline to set (R12),
// the union representative an agreement review (R11), a Panel member a vote
// (R24) with why not yet, the Superintendent a decision to approve (R25).
// The CT's caseload (R30) and week, and the deadlines page, are checked too.
// Every page is checked (axe, console, phone width).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { DEMO } from '../http/records.mjs';
import { Journey, PEOPLE, addDays } from '../http/journey.mjs';
import { DEVICES, check, assertVisible, serverAndBrowser, asPerson } from './browser.mjs';

let j;
const k = {};   // the cases that give each role its work
const env = serverAndBrowser(async e => {
    j = new Journey(e.server);
    k.decided = await j.parCase('decided');        // the Superintendent's to approve
    k.docketed = await j.parCase('docketed');      // the Panel's to vote on, at its session
    k.timeline = await j.opened('par', { noTimeline: true });   // the administrator's to set
    await j.caseload(k.timeline);
    k.review = await j.opened('par');              // the union representative's review
    const day = await j.today();
    await j.step(PEOPLE.coordinator, k.review.id, 'schedule_meeting',
                 { at: `${day} 08:00`, place: 'Room 1', ct_id: await j.personId('ct1@parley.test') });
    await j.step('ct1@parley.test', k.review.id, 'hold_meeting');
    await j.step(k.review.teacherEmail, k.review.id, 'choose_track', {
        track: 'par', district_year: 7, plan: 'improvement', months: 10, rating: 'needs_improvement',
        union_member: true, full_time: true, job: 'classroom_teacher' });
    await j.step(PEOPLE.coordinator, k.review.id, 'schedule_review', {
        at: `${addDays(day, 3)} 16:00`, place: 'Union office', union_rep_id: await j.personId(PEOPLE.union) });
    await j.signIn(k.timeline.teacherEmail);   // a password, as from their link
});

// Each role, whom to sign in as, and a task their dashboard must show.
const ROLES = [
    ['coordinator', () => DEMO.coordinator, /Open the case from the teacher's request/],
    ['ct', () => DEMO.consulting_teacher, /Hold the .* parley meeting|Observe together/],
    ['teacher', () => k.timeline.teacherEmail, /Draft and propose the goals/],
    ['administrator', () => DEMO.administrator, /Set the cycle's timeline/],
    ['union-rep', () => DEMO.union_rep, /Record the agreement review as held/],
    ['panel', () => PEOPLE.panel[0], /Vote on the rating/],
    ['superintendent', () => DEMO.superintendent, /Approve or return the Panel's decision/],
];

for (const device of DEVICES) {
    describe(`each role's tasks (${device.name})`, () => {
        for (const [role, email, task] of ROLES)
            it(`the ${role} sees their tasks on the dashboard`, async () => {
                await asPerson(env, device, email(), async s => {
                    const { page } = s;
                    const tasks = page.locator('section', { has: page.getByRole('heading', { name: 'Your tasks' }) });
                    await assertVisible(tasks.getByRole('heading', { name: 'Your tasks' }));
                    await assertVisible(tasks.getByRole('link', { name: task }).first(), `${role}: ${task}`);
                    assert.equal(await tasks.getByText('Nothing is waiting for you').count(), 0);
                    await check(s, role, 'dashboard-tasks');
                });
            });

        it('a Panel member sees why the vote waits: not before the session', async () => {
            await asPerson(env, device, PEOPLE.panel[0], async s => {
                await assertVisible(s.page.getByText(/Not yet: .*(preview deadline|on the day it meets)/).first());
            });
        });

        it('the CT sees their caseload and their week; the deadlines page lists everything, from whom', async () => {
            await asPerson(env, device, DEMO.consulting_teacher, async s => {
                const { page } = s;
                await assertVisible(page.getByRole('heading', { name: 'Your caseload' }));
                await assertVisible(page.getByText(/of the program's cap of 20/));
                await assertVisible(page.getByRole('list', { name: /Your teachers/ })
                    .getByRole('link', { name: 'Samuel Reyes' }));
                await assertVisible(page.getByRole('heading', { name: /The week of/ }));
                await page.getByRole('link', { name: 'Next week' }).click();
                await page.waitForURL(/week=/);
                await check(s, 'ct', 'dashboard-next-week');
                await page.goto('/deadlines');
                await assertVisible(page.getByRole('heading', { level: 1, name: 'Deadlines' }));
                await assertVisible(page.getByText(/\(from .*Consulting Teacher/).first());
                await check(s, 'ct', 'deadlines');
            });
        });
    });
}
