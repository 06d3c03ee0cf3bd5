// eligibility.test.mjs: the public checker (R1-R6, R9): no account, a GET
// form that works without JavaScript, every criterion explained with its
// rule, bad answers named, and the program's settings respected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

const eligible = { check: '1', district_year: '5', plan: 'directed_growth', months: '12',
                   rating: 'needs_improvement', union_member: 'yes', full_time: 'yes',
                   job: 'classroom_teacher' };

async function check(answers, client = new Client(srv.base)) {
    return client.get('/eligibility?' + new URLSearchParams(answers));
}

function criteria(html) {
    // each named by its rule's title, linked to the rule (the number only in the link)
    return [...html.matchAll(/<li class="criterion-(pass|fail)"><strong>[^<]*<\/strong> · <a class="rule" href="\/help\/rules#(R\d+)">[^<]+<\/a>: ([^<]*)<\/li>/g)]
        .map(m => ({ passed: m[1] === 'pass', rule: m[2], text: m[3] }));
}

test('R9: a visitor sees every criterion, passed or failed, with its rule', async () => {
    const r = await check(eligible);
    assert.equal(r.status, 200);
    const c = criteria(r.text);
    assert.deepEqual([...new Set(c.map(x => x.rule))], ['R1', 'R2', 'R4', 'R5', 'R6']);
    assert.ok(c.every(x => x.passed));
    assert.match(r.text, /You can choose PA or PAR/);
    assert.match(r.text, /Nothing you entered here was stored/);
});

test('R1: asked the way teachers count, a teacher in their 3rd year is eligible, one in their 2nd is not', async () => {
    const form = (await check({})).text;
    assert.match(form, /<label for="f-district_year">Which year in the district are you in\?<\/label>/);
    assert.match(form, /1 if it is your first year in the district, 3 if it is your third/);
    // 000: "Teachers in their 1st or 2nd year are not eligible"
    for (const [year, words] of [['1', '1st'], ['2', '2nd']]) {
        const r1 = criteria((await check({ ...eligible, district_year: year })).text).find(x => x.rule === 'R1');
        assert.equal(r1.passed, false, `a teacher in their ${words} year`);
        assert.equal(r1.text, `You are in your ${words} year in the district: teachers in their 1st or 2nd year are not eligible yet. From your 3rd year you are.`);
    }
    // RULES.md R1: "so a teacher in their 3rd year is"
    const r = await check({ ...eligible, district_year: '3' });
    const r1 = criteria(r.text).find(x => x.rule === 'R1');
    assert.equal(r1.passed, true);
    assert.equal(r1.text, 'You are in your 3rd year in the district: the program is open from the 3rd year on.');
    assert.match(r.text, /You can choose PA or PAR/);
    assert.equal(criteria((await check({ ...eligible, district_year: '21' })).text).find(x => x.rule === 'R1').text,
                 'You are in your 21st year in the district: the program is open from the 3rd year on.');
    const zero = await check({ ...eligible, district_year: '0' });
    assert.equal(zero.status, 400, 'there is no year 0: the first year is 1');
    assert.match(zero.text, /Enter which year in the district you are in, from 1 to 60: 1 if this is your first year\./);
});

test('R3: a Self-Directed plan is not PAR; consultancy is offered', async () => {
    const r = await check({ ...eligible, plan: 'self_directed' });
    const c = criteria(r.text);
    assert.equal(c.find(x => x.rule === 'R3').passed, false);
    assert.match(r.text, /consultancy visit/);
});

test('R4: a plan under 6 months leaves PA open, not PAR', async () => {
    const r = await check({ ...eligible, months: '4' });
    assert.equal(criteria(r.text).find(x => x.rule === 'R4').passed, false);
    assert.match(r.text, /You can join Peer Assistance \(PA\)/);
});

test('R5: not a union member or not full time: neither track; a nurse is eligible', async () => {
    for (const change of [{ union_member: 'no' }, { full_time: 'no' }]) {
        const r = await check({ ...eligible, ...change });
        assert.match(r.text, /PA and PAR are not open to you now/);
    }
    const r = await check({ ...eligible, job: 'nurse' });
    assert.match(r.text, /You can choose PA or PAR/);
    assert.match(r.text, /nurses and CoSESS staff take part like classroom teachers/);
});

test('R6: a Proficient teacher is pointed to a consultancy visit', async () => {
    const r = await check({ ...eligible, rating: 'proficient' });
    assert.equal(criteria(r.text).find(x => x.rule === 'R6').passed, false);
    assert.match(r.text, /consultancy visit/);
});

test('bad answers: 400, each field named beside it, what was typed kept', async () => {
    const r = await check({ check: '1', district_year: 'many', plan: 'none', months: '', rating: '',
                            union_member: 'maybe', job: '' });
    assert.equal(r.status, 400);
    for (const field of ['district_year', 'plan', 'months', 'rating', 'union_member', 'full_time', 'job'])
        assert.match(r.text, new RegExp(`href="#f-${field}"`), field);
    assert.match(r.text, /value="many"/);
    assert.equal(criteria(r.text).length, 0);
});

test('R1 and R4 are settings: the coordinator changes them and the checker follows', async () => {
    const coord = new Client(srv.base);
    await coord.login('coordinator@parley.test');
    let r = await coord.post('/settings', { min_years_experience: '5', par_min_plan_months: '9' }, '/settings');
    assert.equal(r.status, 303);
    r = await check(eligible);   /* the 5th year, 12 months */
    const c = criteria(r.text);
    assert.equal(c.find(x => x.rule === 'R1').passed, false);
    assert.match(c.find(x => x.rule === 'R1').text, /teachers in their first 5 years are not eligible yet\. From your 6th year you are\./);
    r = await check({ ...eligible, district_year: '6', months: '8' });
    assert.equal(criteria(r.text).find(x => x.rule === 'R4').passed, false);
    r = await coord.post('/settings', { min_years_experience: '2', par_min_plan_months: '6' }, '/settings');
    assert.equal(r.status, 303);
});
