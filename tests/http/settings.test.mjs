// settings.test.mjs: /settings keeps each rule on (RULES.md: "no value of a
// setting switches a rule off"). The values the issue found accepted are
// refused, each beside its field in the words of its label (never its key),
// with what was typed kept and nothing written: R39's small-group minimum
// of 1, R29's Panel term of 10 years, R30's PAR weight below PA's, R13's
// shortest cycle above the longest, R24's quorum of 0.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './harness.mjs';
import { DEMO, actors, count, decode, fieldError, inputValue, scalar } from './records.mjs';

let srv;
const who = actors(() => srv);
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

const save = form => who.post(DEMO.coordinator, '/settings', form);
const stored = key => scalar(srv.db, `SELECT COALESCE(MAX(value), '') FROM program_setting WHERE key = '${key}';`);
const written = () => ({ settings: count(srv.db, 'program_setting'), audit: count(srv.db, 'audit') });

// Every setting as the page shows it: the form a coordinator sends back.
async function pageForm() {
    const html = (await who.page(DEMO.coordinator, '/settings')).text;
    return Object.fromEntries([...html.matchAll(/<input[^>]*\bname="([a-z_]+)"/g)]
        .map(m => m[1]).filter(n => n !== 'csrf').map(n => [n, inputValue(html, n)]));
}

function refused(r, field, label, typed) {
    assert.equal(r.status, 400, `${field}: ${r.status}`);
    const why = fieldError(r.text, field);
    assert.ok(why && why.startsWith(label + ': '), `${field}: ${why}`);
    assert.ok(!/[a-z]+_[a-z_]+/.test(why), `no setting key in what a person reads: ${why}`);
    assert.equal(inputValue(r.text, field), typed, 'what was typed is kept');
}

test('each value the issue found accepted is refused beside its field; nothing is written', async () => {
    await who.as(DEMO.coordinator);              // signing in is audited: before the count
    const before = written();
    const cases = [
        ['small_group_min', '1', 'Smallest group whose figures are published', /fewer than 5 people/],  // R39
        ['panel_max_term_years', '10', 'Longest Panel term, in years', /2 to 4/],                         // R29
        ['panel_quorum', '0', 'Panel quorum', /from 1/],                                                  // R24
        ['min_years_experience', '1', 'Years in the district before a teacher may join', /first two years/], // R1
        ['par_min_plan_months', '5', 'Shortest evaluation plan for PAR, in months', /at least 6 months/],  // R4
        ['feedback_days', '0', "Days to share an observation's feedback", /from 1/],                       // R19
        ['panel_preview_days', '0', 'Days to send the Panel evidence', /from 1/],                          // R22
    ];
    for (const [field, value, label, words] of cases) {
        const r = await save({ [field]: value });
        refused(r, field, label, value);
        assert.match(fieldError(r.text, field), words);
    }
    assert.deepEqual(written(), before);
});

test('R30: a PAR teacher counts more than a PA teacher, against the weight stored and in one form', async () => {
    const before = written();
    // the form: PAR 0 with PA 5; 0 is out of bounds, and PA 5 above PAR's 2 as stored
    let r = await save({ caseload_weight_par: '0', caseload_weight_pa: '5' });
    refused(r, 'caseload_weight_par', 'Caseload weight of a PAR teacher', '0');
    r = await save({ caseload_weight_pa: '5' });
    refused(r, 'caseload_weight_pa', 'Caseload weight of a PA teacher', '5');
    assert.match(fieldError(r.text, 'caseload_weight_pa'), /A PAR teacher counts more on a caseload than a PA teacher/);
    assert.deepEqual(written(), before);
    // raised together, PAR above PA: saved
    r = await save({ caseload_weight_pa: '3', caseload_weight_par: '4' });
    assert.equal(r.status, 303);
    assert.equal(stored('caseload_weight_pa'), '3');
    assert.equal(stored('caseload_weight_par'), '4');
    r = await save({ caseload_weight_pa: '1', caseload_weight_par: '2' });
    assert.equal(r.status, 303);
});

test('R13: the shortest cycle is not above the longest, whether one changes or both', async () => {
    const before = written();
    const form = await pageForm();               // the whole page, as a browser sends it
    assert.equal(form.cycle_min_months, '6');
    let r = await save({ ...form, cycle_min_months: '12', cycle_max_months: '6' });
    refused(r, 'cycle_min_months', 'Shortest evaluation cycle, in months', '12');
    assert.equal(inputValue(r.text, 'cycle_max_months'), '6');
    assert.equal(fieldError(r.text, 'cycle_max_months'), null, 'one error, beside the first of the two');
    r = await save({ cycle_max_months: '5' });
    refused(r, 'cycle_max_months', 'Longest evaluation cycle, in months', '5');
    assert.deepEqual(written(), before);
    r = await save({ cycle_min_months: '9' });
    assert.equal(r.status, 303, 'from 9 to 12 months');
    r = await save({ cycle_max_months: '8' });
    refused(r, 'cycle_max_months', 'Longest evaluation cycle, in months', '8');
    assert.match(fieldError(r.text, 'cycle_max_months'), /The shortest cycle cannot be longer than the longest cycle/);
    r = await save({ cycle_min_months: '6' });
    assert.equal(r.status, 303);
});

test('the page names each setting by its label; a change is audited in those words', async () => {
    const page = decode((await who.page(DEMO.coordinator, '/settings')).text);
    assert.match(page, /<label for="f-small_group_min">Smallest group whose figures are published<\/label>/);
    const r = await save({ panel_quorum: '7' });
    assert.equal(r.status, 303);
    assert.equal(scalar(srv.db, "SELECT summary FROM audit WHERE record_kind = 'setting' ORDER BY id DESC LIMIT 1;"),
                 'Changed the setting "Panel quorum" from 5 to 7');
    // a teacher reads them, changes nothing
    const t = await who.post(DEMO.participating_teacher, '/settings', { panel_quorum: '3' });
    assert.equal(t.status, 403);
    assert.equal(stored('panel_quorum'), '7');
});

test('a value stored before the bounds (by hand) is not used: the rule\'s default is', async () => {
    scalar(srv.db, "INSERT INTO program_setting (program_id, key, value) VALUES (1, 'small_group_min', '1');");
    const page = (await who.page(DEMO.coordinator, '/settings')).text;
    assert.equal(inputValue(page, 'small_group_min'), '5');
    const api = await who.api(DEMO.coordinator, 'GET', '/reports/track-record');
    assert.equal(api.json().small_group_min, 5, 'R39: the Track Record hides groups under 5');
    scalar(srv.db, "DELETE FROM program_setting WHERE key = 'small_group_min';");
});
