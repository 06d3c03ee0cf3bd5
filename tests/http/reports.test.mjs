// reports.test.mjs: the Track Record and the program's reports, over HTTP
// (R39). Outcomes and survey answers are put in with SQL (the outcome and
// survey forms are another part's), in groups of 6 and of 4: a group of 6
// shows its figures; a group of 4 shows "fewer than 5: not shown" and its
// figures appear nowhere, not on the page, in its charts, in the CSV or in
// the API; the other track of the year a group of 4 is in is hidden too,
// since the year's total minus it would give the 4 away (complementary
// suppression). The CSV is RFC 4180 and formula-guarded; the charts carry a
// title and a text alternative; /reports is the coordinator's and the
// Panel's, refused to teachers and CTs naming R39; the public Track Record
// needs no sign-in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';
import { DEMO, scalar, decode, actors, namesRule } from './records.mjs';
import { outcomes as addOutcomes, answers as addAnswers, setSetting, run as runRows } from './report_rows.mjs';

const COORD = DEMO.coordinator, PANEL = DEMO.panel_member;
let srv;
const { page, api } = actors(() => srv);

const run = statement => runRows(srv.db, statement);

before(async () => {
    srv = await startServer();
    // 2023-24: PAR, 6 people: 5 of 6 Proficient (83%), 4 of 6 stayed (67%).
    const outcomes = (...a) => addOutcomes(srv.db, ...a), answers = (...a) => addAnswers(srv.db, ...a);
    outcomes(2023, 'par', 5, 4, 6);
    // 2024-25: PA, 4 people (hidden): 1 of 4 Proficient (25%), 3 of 4 stayed (75%);
    // PAR, 7 people: 6 of 7 (86%), 5 of 7 (71%), hidden with it (complementary);
    // the year's 11: 7 Proficient (64%), 8 stayed (73%), shown.
    outcomes(2024, 'pa', 1, 3, 4);
    outcomes(2024, 'par', 6, 5, 7);
    answers(2023, 'par', 'teacher', [[5, 4, 5], [5, 4, 5], [5, 4, 5], [4, 4, 5], [4, 4, 5], [3, 4, 5]]);
    answers(2024, 'pa', 'teacher', [[1, 1, 3], [1, 1, 3], [2, 1, 3], [5, 2, 3]]);
    answers(2024, 'par', 'teacher', [[5, 4, 5], [5, 4, 5], [4, 4, 5], [4, 4, 5], [2, 4, 5], [1, 4, 5]]);
    answers(2024, 'par', 'administrator', [[4, 4, 4], [4, 4, 4], [4, 4, 4], [4, 4, 4], [4, 4, 4]]);
    // A name a spreadsheet would run as a formula, for the CSV's guard.
    run(`UPDATE person SET name = '=HYPERLINK("http://evil.example","Dana")' WHERE email = '${DEMO.consulting_teacher}';`);
});
after(async () => { await srv.stop(); });

// What the hidden groups hold: none of it may be published.
const HIDDEN_PAGE = ['1 of 4', '3 of 4', '6 of 7', '5 of 7', '25%', '75%', '86%', '71%',
                     '1.2 of 5', '1.3 of 5', '; 0% agree'];
const HIDDEN_DATA = [/\b1\.25\b/, /\b2\.25\b/, /"?group_size"?:\s*4\b/, /"?group_size"?:\s*7\b/,
                     /,4,1,25,/, /,7,6,86,/, /,4,3,75,/];

function svgs(html) {
    return html.match(/<svg[^]*?<\/svg>/g) || [];
}

test('R39: the public Track Record shows a group of 6 and hides a group of 4, with its complement', async () => {
    const r = await new Client(srv.base).get('/track-record');
    assert.equal(r.status, 200, 'no sign-in needed');
    const html = decode(r.text);
    assert.match(html, /<tr><th[^>]*>2023-24<\/th><td[^>]*>PAR<\/td><td[^>]*>83% \(5 of 6\)<\/td><td[^>]*>67% \(4 of 6\)<\/td><\/tr>/);
    assert.match(html, /<tr><th[^>]*>2024-25<\/th><td[^>]*>PA<\/td><td[^>]*>fewer than 5: not shown<\/td><td[^>]*>fewer than 5: not shown<\/td><\/tr>/);
    assert.match(html, /<tr><th[^>]*>2024-25<\/th><td[^>]*>PAR<\/td><td[^>]*>not shown: reveals a small group<\/td>/,
                 'R39: PAR of 2024-25 is hidden with PA: 11 - 7 would give PA away');
    assert.match(html, /<td[^>]*>PA and PAR<\/td><td[^>]*>64% \(7 of 11\)<\/td><td[^>]*>73% \(8 of 11\)<\/td>/);
    for (const s of HIDDEN_PAGE)
        assert.ok(!html.includes(s), `R39: "${s}" of a hidden group is not on the page`);
    // the survey: 6 teachers of 2023-24 shown, 4 of 2024-25 hidden, PAR hidden with them
    assert.match(html, /<td[^>]*>PAR<\/td><td[^>]*>6<\/td><td[^>]*>4\.3 of 5; 83% agree<\/td><td[^>]*>4\.0 of 5; 100% agree<\/td><td[^>]*>5\.0 of 5; 100% agree<\/td>/);
    assert.match(html, /2024-25<\/th><td[^>]*>PA<\/td><td[^>]*>fewer than 5: not shown<\/td>/);
    assert.match(html, /2024-25<\/th><td[^>]*>PA and PAR<\/td><td[^>]*>10<\/td><td[^>]*>3\.0 of 5; 50% agree<\/td><td[^>]*>2\.9 of 5; 60% agree<\/td>/);
    assert.match(html, /href="\/track-record\.csv"/);
    assert.match(html, /In their words/, 'the published comments stay');
});

test('R39: the charts have a title and a text alternative and draw a hidden group without its number', async () => {
    const html = decode((await new Client(srv.base).get('/track-record')).text);
    const charts = svgs(html);
    assert.ok(charts.length >= 3, 'outcomes and survey charts');
    for (const svg of charts) {
        const id = svg.match(/aria-labelledby="([^ ]+)-title \1-desc"/);
        assert.ok(id, 'role img labelled by its title and desc');
        assert.match(svg, /role="img"/);
        assert.match(svg, new RegExp(`<title id="${id[1]}-title">[^<]+</title><desc id="${id[1]}-desc">[^<]+</desc>`));
    }
    const proficient = charts.find(s => s.includes('>Reached Proficient</title>'));
    assert.match(proficient, />2023-24 PAR<\/text><rect [^>]*fill="#1f5f8b"\/><text [^>]*>83%<\/text>/);
    assert.match(proficient, />2024-25 PA<\/text><rect [^>]*fill="none"[^>]*\/><text [^>]*>fewer than 5: not shown<\/text>/);
    assert.match(proficient, />2024-25 PAR<\/text><rect [^>]*fill="none"[^>]*\/><text [^>]*>not shown: reveals a small group<\/text>/);
    for (const svg of charts)
        for (const s of HIDDEN_PAGE)
            assert.ok(!svg.includes(s), `R39: "${s}" is in no chart`);
});

// RFC 4180: fields separated by commas, quoted when they hold a comma,
// quote or line break, quotes doubled, every record ending in CRLF.
function parseCsv(text) {
    const rows = [];
    let row = [], field = '', i = 0, quoted = false;
    while (i < text.length) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
            if (ch === '"') { quoted = false; i++; continue; }
            field += ch; i++; continue;
        }
        if (ch === '"') {
            assert.equal(field, '', 'a quote only opens a field');
            quoted = true; i++; continue;
        }
        if (ch === ',') { row.push(field); field = ''; i++; continue; }
        if (ch === '\r') {
            assert.equal(text[i + 1], '\n', 'CR only before LF');
            row.push(field); rows.push(row); row = []; field = ''; i += 2; continue;
        }
        assert.notEqual(ch, '\n', 'a bare LF ends no record');
        field += ch; i++;
    }
    assert.ok(!quoted && field === '' && row.length === 0, 'the last record ends in CRLF');
    return rows;
}

test('R39: the public CSV is RFC 4180, leaves a hidden figure empty with a note, and holds no hidden number', async () => {
    const r = await new Client(srv.base).get('/track-record.csv');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/csv/);
    assert.match(r.headers.get('content-disposition'), /attachment; filename="track-record.csv"/);
    const rows = parseCsv(r.text);
    assert.deepEqual(rows[0], ['school_year', 'track', 'party', 'measure', 'group_size', 'count', 'value', 'note']);
    for (const row of rows) assert.equal(row.length, 8);
    const find = (year, track, measure, party = '') =>
        rows.find(x => x[0] === year && x[1] === track && x[2] === party && x[3] === measure);
    assert.deepEqual(find('2023-24', 'par', 'reached_proficient_percent'), ['2023-24', 'par', '', 'reached_proficient_percent', '6', '5', '83', '']);
    assert.deepEqual(find('2024-25', 'pa', 'reached_proficient_percent'), ['2024-25', 'pa', '', 'reached_proficient_percent', '', '', '', 'fewer than 5: not shown']);
    assert.deepEqual(find('2024-25', 'par', 'stayed_percent'), ['2024-25', 'par', '', 'stayed_percent', '', '', '', 'not shown: reveals a small group']);
    assert.deepEqual(find('2024-25', 'all', 'stayed_percent'), ['2024-25', 'all', '', 'stayed_percent', '11', '8', '73', '']);
    assert.deepEqual(find('2024-25', 'pa', 'transparent_mean', 'teacher'), ['2024-25', 'pa', 'teacher', 'transparent_mean', '', '', '', 'fewer than 5: not shown']);
    assert.deepEqual(find('2024-25', 'par', 'fair_agree_percent', 'administrator'), ['2024-25', 'par', 'administrator', 'fair_agree_percent', '5', '', '100', '']);
    for (const re of HIDDEN_DATA) assert.doesNotMatch(r.text, re, `R39: ${re} is not in the CSV`);
});

test('R39: the public API gives the same figures, and nothing of a hidden group', async () => {
    const r = await new Client(srv.base).get('/api/v1/reports/track-record');
    assert.equal(r.status, 200, 'public, like the page');
    const body = r.json();
    assert.equal(body.small_group_min, 5);
    const cell = (year, track) => body.outcomes.find(o => o.school_year === year && o.track === track);
    assert.deepEqual(cell('2023-24', 'par').reached_proficient, { shown: true, group_size: 6, count: 5, percent: 83 });
    assert.deepEqual(cell('2024-25', 'pa').reached_proficient, { shown: false, note: 'fewer than 5: not shown' });
    assert.deepEqual(cell('2024-25', 'par').stayed, { shown: false, note: 'not shown: reveals a small group' });
    const hiddenSurvey = body.surveys.find(s => s.school_year === '2024-25' && s.track === 'pa' && s.party === 'teacher');
    assert.deepEqual(hiddenSurvey, { school_year: '2024-25', track: 'pa', party: 'teacher', shown: false, note: 'fewer than 5: not shown' });
    for (const re of HIDDEN_DATA) assert.doesNotMatch(r.text, re, `R39: ${re} is not in the API`);
});

test('R39: /reports is the coordinator\'s and the Panel\'s; teachers and CTs are refused naming R39', async () => {
    for (const who of [DEMO.participating_teacher, DEMO.consulting_teacher, DEMO.administrator]) {
        const r = await page(who, '/reports');
        assert.equal(r.status, 403, who);
        assert.match(decode(r.text), /The program's reports are the coordinator's and the Panel's/);
        assert.ok(namesRule(r.text, 29), `${who}: the refusal names its rules (R29, R39), linked`);
        const csv = await page(who, '/reports/caseload.csv');
        assert.equal(csv.status, 403);
        const a = await api(who, 'GET', '/reports/work');
        assert.equal(a.status, 403);
        assert.match(a.json().error.message, /R39/);
    }
    assert.equal((await new Client(srv.base).get('/reports')).status, 303, 'a visitor is sent to sign in');
    for (const who of [COORD, PANEL]) {
        const r = await page(who, '/reports');
        assert.equal(r.status, 200, who);
        const html = decode(r.text);
        for (const h of ['Outcomes', "Consulting Teachers' caseloads", 'Visits and observations per case',
                         'Parley meetings held on time', 'Days to feedback'])
            assert.match(html, new RegExp(`<h2>${h}</h2>`));
        assert.match(html, /64% \(7 of 11\)/, 'the Track Record figures, with the same rule');
        for (const s of HIDDEN_PAGE) assert.ok(!html.includes(s), `R39: "${s}" is not on /reports`);
        for (const name of ['caseload', 'casework', 'meetings', 'feedback'])
            assert.match(html, new RegExp(`href="/reports/${name}\\.csv"`));
        assert.ok(svgs(html).length >= 7, 'a chart for each report');
    }
});

test('R39 in the work reports: groups of fewer than 5 cases are hidden; the CSVs parse; a formula is guarded', async () => {
    const r = await api(COORD, 'GET', '/reports/work');
    assert.equal(r.status, 200);
    const w = r.json();
    assert.ok(w.caseload.length > 0, 'the demo CTs have cases');
    const cases = Number(scalar(srv.db, `SELECT COUNT(*) FROM teacher_case WHERE program_id = 1
        AND state IN ('on_caseload', 'cycle_closed') AND ct_id IS NOT NULL AND track IN ('pa', 'par', 'consultancy')`));
    assert.equal(w.caseload.reduce((s, x) => s + x.cases, 0), cases, 'every case on a caseload counted once');
    for (const c of w.casework) {
        if (c.shown) assert.ok(c.cases >= 5, 'R39: a shown mean is about 5 cases or more');
        else assert.match(c.note, /not shown/);
    }
    // Each CSV reads only its own report: it has that report's rows (a row
    // per year and CT; two measures per year and track, per year, per year).
    const rowsOf = { caseload: w.caseload.length, casework: 2 * w.casework.length,
                     meetings: w.meetings.length, feedback: 2 * w.feedback.length };
    for (const [name, n] of Object.entries(rowsOf)) {
        const csv = await page(COORD, `/reports/${name}.csv`);
        assert.equal(csv.status, 200, name);
        const rows = parseCsv(csv.text).filter(row => row.some(f => f !== ''));
        for (const row of rows) assert.equal(row.length, rows[0].length, `${name}: every record as long as the header`);
        assert.ok(n > 0, `the demo has ${name} figures`);
        assert.equal(rows.length - 1, n, `${name}.csv: the report's rows under its header`);
    }
    const caseload = (await page(COORD, '/reports/caseload.csv')).text;
    assert.ok(caseload.includes(`"'=HYPERLINK(""http://evil.example"",""Dana"")"`),
              'a name starting with = gets an apostrophe, inside its quotes');
    assert.ok(!/(^|,)"?=HYPERLINK/m.test(caseload), 'no field starts with =');
});

test('R39: the small-group minimum is the program\'s setting', async () => {
    setSetting(srv.db, 'small_group_min', '7');
    try {
        const html = decode((await new Client(srv.base).get('/track-record')).text);
        assert.match(html, /2023-24<\/th><td[^>]*>PAR<\/td><td[^>]*>fewer than 7: not shown<\/td>/, 'a group of 6 is now hidden');
        assert.ok(!html.includes('5 of 6'));
    } finally {
        setSetting(srv.db, 'small_group_min', null);
    }
});
