// plain_words.test.mjs: a person never reads a rule's number ("R17"), a
// stored key ("directed_growth", "classroom_teacher") or a date format the
// browser's picker contradicts outside /help (issue 18; the guide's
// "humane" bar). Each demo role signs in and walks the pages
// its links reach (a few of each kind), the public site is walked by a
// visitor, and each page's visible text is checked: its tags, scripts and
// styles stripped, /help's pages left out (they name the rules by number on
// purpose). A PDF reached from a page is read back with pdftotext.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client } from './harness.mjs';
import { DEMO, decode } from './records.mjs';
import { Journey, addDays } from './journey.mjs';

// A rule's number as the issue defines it, and a stored key: lower-case
// words joined by underscores ("needs_improvement", "cycle_min_months").
const RULE_CODE = /\bR\d{1,2}\b/;
const STORED_KEY = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/;
// A date's or a time's format in a hint: the browser's picker shows its own
// (mm/dd/yyyy, 03:30 PM here), so a hint naming another contradicts it.
const DATE_FORMAT = /\bYYYY-MM-DD\b|\bHH:MM\b/i;

// Pages of each kind a walk reads: /cases/1 and /cases/2 are one kind.
const PER_KIND = 2, PER_ROLE = 120;

let srv, j, k;
before(async () => {
    srv = await startServer();
    j = new Journey(srv);
    // A PAR case through the Panel to the Superintendent's approval and
    // its outcome: timeline, inbox, evaluations and decision pages in
    // every state a person reads them in.
    k = await j.parCase('outcome');
});
after(async () => { await srv.stop(); });

// What a person reads on an HTML page: no markup, scripts or styles. Left
// out too: what someone typed into a form (a <textarea>'s text) and what a
// person is to type literally (<code>: a CSV file's column names).
function visibleText(html) {
    return decode(html.replace(/<(script|style|textarea|code)\b[^]*?<\/\1>/gi, ' ')
                      .replace(/<!--[^]*?-->/g, ' ')
                      .replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');
}

// Every rule code or stored key in a text, each with what surrounds it.
function leaks(text) {
    const found = [];
    for (const re of [RULE_CODE, STORED_KEY, DATE_FORMAT])
        for (const m of text.matchAll(new RegExp(re.source, 'g')))
            found.push(`"${m[0]}" in …${text.slice(Math.max(0, m.index - 50), m.index + m[0].length + 50)}…`);
    return found;
}

const kind = path => path.replace(/\?.*$/, q => '?' + [...new URLSearchParams(q.slice(1)).keys()].sort().join('&'))
                         .replace(/\/\d+(?=\/|$|\?)/g, '/{id}');

// Links a walk does not follow: the help (numbers on purpose), signing
// out, the API and the machine-read downloads (CSV, calendar feeds).
const skipped = p => /^\/(help|api|static|logout|calendar\/)/.test(p) || /\.(csv|ics)(\?|$)|\/ics$|\/file$|\/download$/.test(p);

async function pdfText(client, path) {
    const res = await fetch(srv.base + path, { headers: { Cookie: client.cookieHeader() } });
    const dir = mkdtempSync(join(tmpdir(), 'parley-pdf-'));
    writeFileSync(join(dir, 'e.pdf'), Buffer.from(await res.arrayBuffer()));
    return execFileSync('pdftotext', [join(dir, 'e.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

// Walks from start the pages a person's links reach; every leak found.
async function walk(client, start) {
    const seen = new Set(), kinds = new Map(), found = [];
    const queue = [...start];
    let read = 0;
    while (queue.length && read < PER_ROLE) {
        const path = queue.shift();
        if (seen.has(path) || skipped(path)) continue;
        seen.add(path);
        const sort = kind(path);
        if ((kinds.get(sort) || 0) >= PER_KIND) continue;
        kinds.set(sort, (kinds.get(sort) || 0) + 1);
        read++;
        if (/\/pdf$/.test(path)) {
            for (const l of leaks(await pdfText(client, path))) found.push(`${path} (PDF): ${l}`);
            continue;
        }
        const r = await client.get(path);
        if (r.status !== 200 || !/text\/html/.test(r.headers.get('content-type') || '')) continue;
        for (const l of leaks(visibleText(r.text))) found.push(`${path}: ${l}`);
        for (const m of r.text.matchAll(/<a\b[^>]*\bhref="(\/[^"#]*)/g))
            queue.push(decode(m[1]));
    }
    return { found, read };
}

test('the public site speaks in plain words', async () => {
    const visitor = new Client(srv.base);
    const { found, read } = await walk(visitor, ['/', '/eligibility', '/contact/new', '/login',
        // the checker's answers: PAR open; nothing open (first years, a
        // short directed-growth plan, not a member); and the empty form
        '/eligibility?check=1&district_year=7&plan=improvement&months=10&rating=needs_improvement&union_member=yes&full_time=yes&job=classroom_teacher',
        '/eligibility?check=1&district_year=1&plan=directed_growth&months=4&rating=proficient&union_member=no&full_time=no&job=spc_teacher',
        '/eligibility?check=1', '/contact/new?interest=par']);
    assert.ok(read >= 8, `${read} pages read`);
    assert.deepEqual(found, []);
});

for (const [role, email] of Object.entries(DEMO)) {
    test(`${role.replace(/_/g, ' ')}: no rule number or stored key on their pages`, async () => {
        const c = new Client(srv.base);
        await c.login(email);
        const { found, read } = await walk(c, ['/dashboard', '/inbox', '/deadlines', '/account']);
        assert.ok(read >= 3, `${read} pages read`);
        assert.deepEqual(found, []);
    });
}

test("the journey's teacher and the people of their case: no rule number or stored key", async () => {
    for (const email of [k.teacherEmail, k.who.ct, k.who.administrator, DEMO.superintendent]) {
        const c = await j.signIn(email);
        const { found } = await walk(c, [`/cases/${k.id}`, '/dashboard', '/inbox', `/cases/${k.id}/evaluations`,
                                         `/cases/${k.id}/decision`, `/cases/${k.id}/outcome`]);
        assert.deepEqual(found, [], email);
    }
});

test('the empty eligibility form names each question it needs an answer to', async () => {
    const page = visibleText((await new Client(srv.base).get('/eligibility?check=1')).text);
    // the error summary lists each once, by what it asks
    assert.match(page, /Say whether you are a member of the union: yes or no\./);
    assert.match(page, /Say whether you work full time: yes or no\./);
    assert.doesNotMatch(page, /Answer yes or no/);
});

test('the eligibility answer names each criterion by its rule\'s title, linked to the rule', async () => {
    const r = await new Client(srv.base).get('/eligibility?check=1&district_year=1&plan=directed_growth&months=4' +
                                             '&rating=proficient&union_member=no&full_time=yes&job=classroom_teacher');
    const failed = [...r.text.matchAll(/<li class="criterion-fail"><strong>Not met<\/strong> · <a class="rule" href="\/help\/rules#R(\d+)">([^<]+)<\/a>: /g)];
    // RULES.md: R1 (the first years), R5 (union membership) and R6 (already Proficient) fail here
    for (const n of ['1', '5', '6']) assert.ok(failed.some(m => m[1] === n), `R${n} named among ${failed.map(m => m[1])}`);
    assert.ok(failed.every(m => !/R\d/.test(m[2])), 'by its title, not its number');
});

test('every inbox link is named by what it opens', async () => {
    for (const email of [k.teacherEmail, k.who.ct, DEMO.coordinator]) {
        const c = await j.signIn(email);
        const html = (await c.get('/inbox')).text;
        const names = [...html.matchAll(/<ul class="inbox">[^]*<\/ul>/g)].flatMap(m =>
            [...m[0].matchAll(/<a href="[^"]+">([^<]+)<\/a>/g)].map(a => decode(a[1])));
        assert.ok(names.length, `${email} has news`);
        assert.ok(!names.includes('Open'), `${email}: a link named just "Open"`);
        if (email === k.teacherEmail) assert.ok(names.includes('Open your case'), names.join(' | '));
        else assert.ok(names.some(n => n.endsWith(`the case of ${k.teacherName}`)), names.join(' | '));
    }
    // the survey's invitation opens the survey
    const t = (await (await j.signIn(k.teacherEmail)).get('/inbox')).text;
    assert.match(t, new RegExp(`<a href="/cases/${k.id}/survey">The end-of-cycle survey of your case</a>`));
});

test("the API's reasons a step waits say the rule in words, and its number beside them", async () => {
    const p = await j.opened('par');
    const day = await j.today();
    await j.step(DEMO.coordinator, p.id, 'schedule_meeting',
                 { at: `${addDays(day, 2)} 15:30`, place: 'Room 12', ct_id: await j.personId(p.who.ct) });
    await j.goTo(addDays(day, 2));
    await j.step(p.who.ct, p.id, 'hold_meeting', { notes: 'We talked.' });
    await j.step(p.teacherEmail, p.id, 'choose_track', {
        track: 'par', district_year: 7, plan: 'improvement', months: 10, rating: 'needs_improvement',
        union_member: true, full_time: true, job: 'classroom_teacher' });
    // R11 (RULES.md): a PAR teacher joins the caseload only once the PAR Agreement is signed
    const offer = (await j.must(DEMO.coordinator, 'GET', `/cases/${p.id}`)).steps.find(s => s.step === 'assign_ct');
    assert.equal(offer.allowed, false);
    assert.equal(offer.rule, 'R11');
    assert.match(offer.not_yet, /signed/);
    assert.doesNotMatch(offer.not_yet, RULE_CODE, 'the words without the number');
});

test("the coordinator's choice of an inquiry names what the teacher is interested in, not its key", async () => {
    const c = await j.signIn(DEMO.coordinator);
    const options = [...(await c.get('/cases/new')).text.matchAll(/<option value="\d+"[^>]*>([^<]*)<\/option>/g)]
        .map(m => decode(m[1]));
    assert.ok(options.length, 'the demo has open inquiries');
    for (const o of options) {
        assert.match(o, /, interested in: (Peer Assistance|A consultancy visit|A question)/, o);
        assert.doesNotMatch(o, /interested in:? (pa|par|consultancy|question)\b/, o);
    }
});

test("a refused form names the setting by its label, and a refusal reads without its rule's number", async () => {
    const coordinator = await j.signIn(DEMO.coordinator);
    // R13 (RULES.md): a cycle lasts from 6 months to a year; the shortest is not longer than the longest
    let r = await coordinator.post('/settings', { cycle_min_months: '12', cycle_max_months: '6' }, '/settings');
    assert.equal(r.status, 400);
    let text = visibleText(r.text);
    assert.match(text, /Shortest evaluation cycle, in months: /);
    assert.deepEqual(leaks(text), []);
    // R15: the administrator does not write evaluations; the refusal says so in words, R15 linked
    const admin = await j.signIn(k.who.administrator);
    r = await admin.post(`/cases/${k.id}/evaluations`, { kind: 'formative' }, `/cases/${k.id}/evaluations`);
    assert.equal(r.status, 403);
    text = visibleText(r.text);
    assert.deepEqual(leaks(text), []);
    assert.match(r.text, /<a class="rule" href="\/help\/rules#R15">The rule: [^<]+<\/a>/);
});
