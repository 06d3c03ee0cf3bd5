// reminders.test.mjs: the inbox's reminders, from each person's tasks in the
// case's process (R37: everyone sees what is due from them). A task due
// within reminder_days brings its people one reminder; once overdue, one
// more; running the sweep again sends nothing twice. A PA case's reminders
// never reach its administrator (R16). The server sweeps by itself
// (--remind-every), and `parley remind` does the same from cron. Cases are
// made through the API (journey.mjs), the server's calendar moving on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, parley } from './harness.mjs';
import { Journey, addDays } from './journey.mjs';

let srv, j;
before(async () => { srv = await startServer(['--remind-every', '0']); j = new Journey(srv); });
after(async () => { await srv.stop(); });

const remind = () => {
    const r = parley(['remind', '--db', srv.db], '', srv.calendarEnv());
    assert.equal(r.code, 0, r.err);
    return Number(r.out.match(/(\d+) reminders? sent/)[1]);
};

// The person's reminders about the case, from their inbox (the API's view of it: the tasks
// they are about, and the inbox page's words).
async function inbox(email) {
    const c = await j.signIn(email);
    const text = (await c.get('/inbox')).text;
    return text.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
}

test('a task due soon, then overdue: one reminder each, to whom it is due from', async () => {
    const k = await j.parCase('caseload');
    const goalsDue = addDays(k.start, 30);   // goals_due_days
    assert.equal(remind() >= 0, true);
    await j.goTo(addDays(goalsDue, -2));      // within reminder_days (3)
    assert.ok(remind() >= 2, 'the teacher and the CT are reminded of the goals');
    for (const who of [k.teacherEmail, k.who.ct]) {
        const text = await inbox(who);
        assert.equal(text.split(`Due on ${goalsDue}: Draft and propose the goals (the case of ${k.teacherName})`).length - 1, 1, who);
    }
    assert.equal(remind(), 0, 'nothing twice');
    await j.goTo(addDays(goalsDue, 1));
    remind();
    const text = await inbox(k.teacherEmail);
    assert.match(text, new RegExp(`Overdue since ${goalsDue}: Draft and propose the goals`));
    assert.equal(remind(), 0);
});

test('R16: a PA case\'s reminders never reach its administrator', async () => {
    const k = await j.paCase('caseload');
    const before = await inbox(k.who.administrator);
    await j.goTo(addDays(await j.today(), 29));   // its goals fall due (from the caseload's day)
    remind();
    assert.match(await inbox(k.teacherEmail), /Draft and propose the goals/);
    const after = await inbox(k.who.administrator);
    assert.ok(!after.includes(k.teacherName) || before.includes(k.teacherName),
              'nothing of the PA case in the administrator\'s inbox');
});

test('the server sweeps by itself', async () => {
    const own = await startServer(['--remind-every', '1']);
    try {
        const o = new Journey(own);
        const k = await o.parCase('caseload');
        await o.goTo(addDays(k.start, 28));
        let found = false;
        for (let i = 0; i < 40 && !found; i++) {
            await new Promise(r => setTimeout(r, 250));
            const c = await o.signIn(k.teacherEmail);
            found = /Draft and propose the goals/.test((await c.get('/inbox')).text);
        }
        assert.ok(found, 'the reminder arrived without `parley remind`');
    } finally {
        await own.stop();
    }
});
