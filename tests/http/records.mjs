// records.mjs: what the HTTP tests need to look at the database behind the
// server (harness.mjs's runSql: sqlite3 or psql, whichever the engine) and
// at the pages it answers.
import assert from 'node:assert/strict';
import { Client, bearer, parley, runSql } from './harness.mjs';

export const DEMO = {
    coordinator: 'coordinator@parley.test',
    consulting_teacher: 'ct1@parley.test',
    participating_teacher: 'teacher@parley.test',
    administrator: 'principal@parley.test',
    panel_member: 'panel@parley.test',
    superintendent: 'superintendent@parley.test',
    union_rep: 'union@parley.test',
    pss_coordinator: 'pss@parley.test',
    local_president: 'president@parley.test',
    pss_consultant: 'consultant@parley.test',
    member: 'member@parley.test',
};

// Runs SQL on the database: { code, out, err }.
export const sql = runSql;

// One value of one row; throws if the statement fails.
export function scalar(db, statement) {
    const r = sql(db, statement);
    if (r.code !== 0) throw new Error(`SQL failed (${statement}): ${r.err}`);
    return r.out;
}

// Issue 19: the reports, the Track Record and the audit log's page read
// tallies kept by triggers (sql/024), not the whole history at each view.
// Each tally must be, after any write, the count of the history it stands
// for: asserted by talliesMatch, its oracle the history itself.
const TALLIES = {
    observation_tally: ['SELECT case_id, COUNT(*) FROM observation GROUP BY case_id',
                        'SELECT case_id, observations FROM observation_tally WHERE observations <> 0'],
    feedback_tally: [`SELECT k.program_id, o.observed_on, o.feedback_shared_at / 3600, COUNT(*)
                      FROM observation o JOIN teacher_case k ON k.id = o.case_id
                      WHERE o.feedback_shared_at > 0 GROUP BY 1, 2, 3`,
                     `SELECT program_id, observed_on, shared_hour, observations FROM feedback_tally
                      WHERE observations <> 0`],
    // The school year: the year observed, less one before July (R39's years).
    feedback_case_tally: [`SELECT k.program_id, CAST(SUBSTR(o.observed_on, 1, 4) AS INTEGER) -
                           CASE WHEN SUBSTR(o.observed_on, 6, 2) < '07' THEN 1 ELSE 0 END, o.case_id, COUNT(*)
                           FROM observation o JOIN teacher_case k ON k.id = o.case_id
                           WHERE o.feedback_shared_at > 0 GROUP BY 1, 2, 3`,
                          `SELECT program_id, school_year, case_id, observations FROM feedback_case_tally
                           WHERE observations <> 0`],
    outcome_tally: [`SELECT k.program_id, o.school_year, k.track, o.rating_after, o.stayed, COUNT(*)
                     FROM case_outcome o JOIN teacher_case k ON k.id = o.case_id GROUP BY 1, 2, 3, 4, 5`,
                    `SELECT program_id, school_year, track, rating_after, stayed, outcomes FROM outcome_tally
                     WHERE outcomes <> 0`],
    survey_tally: [`SELECT program_id, school_year, party, track, fair, transparent, humane, COUNT(*)
                    FROM survey_response GROUP BY 1, 2, 3, 4, 5, 6, 7`,
                   `SELECT program_id, school_year, party, track, fair, transparent, humane, responses
                    FROM survey_tally WHERE responses <> 0`],
    audit_tally: ['SELECT COALESCE(program_id, 0), COUNT(*) FROM audit GROUP BY 1',
                  'SELECT program_id, entries FROM audit_tally WHERE entries <> 0'],
};
export function talliesMatch(db, when) {
    const rows = statement => scalar(db, `${statement};`).split('\n').filter(Boolean).sort();
    for (const [name, [history, tally]] of Object.entries(TALLIES))
        assert.deepEqual(rows(tally), rows(history), `${name} ${when}`);
}

export function count(db, table, where = '1 = 1') {
    return Number(scalar(db, `SELECT COUNT(*) FROM ${table} WHERE ${where};`));
}

// The row counts that a refused form must leave as they were.
export function writeCounts(db) {
    return Object.fromEntries(['person', 'school', 'person_role', 'audit']
        .map(t => [t, count(db, t)]));
}

export function personId(db, email) {
    const id = Number(scalar(db, `SELECT id FROM person WHERE email = '${email.replace(/'/g, "''")}';`));
    if (!id) throw new Error(`nobody has the email ${email}`);
    return id;
}

export function token(db, email) {
    const r = parley(['token', 'create', '--db', db, '--email', email]);
    if (r.code !== 0) throw new Error(`token create failed: ${r.err}`);
    return r.out.trim();
}

// The text of a page as a reader sees it: entities decoded.
export function decode(html) {
    return html.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
        .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}

// Whether a page names rule n (RULES.md's Rn) the way a person reads it
// (issue 18): by its title (or, for a range, their heading), linked to its
// explanation on /help/rules ("The rule: ..."), or as one of several so
// linked ("The rules: ...; ..."); the number only in the link.
export function namesRule(html, n) {
    const link = `<a class="rule" href="/help/rules#R${n}">`;
    return new RegExp(`${link}The rule: [^<]+</a>|The rules: (<a class="rule" href="[^"]+">[^<]+</a>; )*` +
                      `${link}[^<]+</a>`).test(html);
}

// The value attribute of an <input> named name (decoded), or null.
export function inputValue(html, name) {
    const tag = html.match(new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`));
    if (!tag) return null;
    const v = tag[0].match(/\bvalue="([^"]*)"/);
    return v ? decode(v[1]) : null;
}

// The text of a <textarea> named name (decoded), or null.
export function textareaValue(html, name) {
    const m = html.match(new RegExp(`<textarea[^>]*\\bname="${name}"[^>]*>([^<]*)</textarea>`));
    return m ? decode(m[1]) : null;
}

// The refusal shown at the top of the page a form was sent from (issue 18):
// { title, text, html } or null.
export function refusalOf(html) {
    const m = html.match(/<div class="error-summary" id="refused"[^>]*><h2>([^<]*)<\/h2>([^]*?)<\/div>/);
    return m && { title: decode(m[1]), html: m[2], text: decode(m[2].replace(/<[^>]*>/g, '')) };
}

// A rule's title as /help/rules gives it to anyone (its number stays there).
export async function ruleTitle(base, n) {
    const page = decode((await new Client(base).get('/help/rules')).text);
    const m = page.match(new RegExp(`<div id="R${n}"><dt>([^<]+?)\\s*<span class="rule-number">`));
    if (!m) throw new Error(`no R${n} on /help/rules`);
    return m[1];
}

// The message shown beside a field (the inline error), or null; the link
// to the rule it names, if any, follows it (namesRule).
export function fieldError(html, name) {
    const a = '<a class="rule" href="[^"]*">[^<]*</a>';
    const link = `(?: ${a}| The rules: ${a}(?:; ${a})+)?`;   // its rule, or rules (namesRule)
    const m = html.match(new RegExp(`<p class="field-error" id="e-${name}">[^]*?</span>\\s*([^<]*)${link}</p>`));
    if (m) return decode(m[1]);
    // yes/no questions are a fieldset whose error paragraph has no id
    const fs = html.match(new RegExp(`<fieldset class="field" id="f-${name}"[^>]*>[^]*?</fieldset>`));
    const e = fs && fs[0].match(new RegExp(`<p class="field-error">[^]*?</span>\\s*([^<]*)${link}</p>`));
    return e ? decode(e[1]) : null;
}

// The people a test file acts as, on its server (server(): the file's
// startServer() answer, once started): each signs in once and keeps their
// cookie and CSRF token, or takes an API token once.
export function actors(server) {
    const clients = {}, tokens = {};
    async function as(email) {
        if (!clients[email]) {
            const c = new Client(server().base);
            await c.login(email);
            clients[email] = { c, csrf: await c.csrf('/dashboard') };
        }
        return clients[email];
    }
    return {
        as,
        page: async (email, path) => (await as(email)).c.get(path),
        // form: an object, or [name, value] pairs for repeated names
        async post(email, path, form = {}) {
            const { c, csrf } = await as(email);
            const pairs = Array.isArray(form) ? form : Object.entries(form);
            return c.request('POST', path, { form: [['csrf', csrf], ...pairs] });
        },
        async api(email, method, path, json) {
            tokens[email] ||= token(server().db, email);
            return new Client(server().base).request(method, '/api/v1' + path,
                                                      { headers: bearer(tokens[email]), json });
        },
    };
}

// Sets a password with a one-time link's token, as its page's form does:
// the server's answer.
export async function setPasswordWithLink(base, linkToken, password) {
    const c = new Client(base);
    return c.request('POST', `/reset/${linkToken}`,
                     { form: { csrf: await c.csrf('/login'), password, confirm: password } });
}

// Whether the email and password sign in (a fresh browser).
export async function signsIn(base, email, password) {
    const c = new Client(base);
    const csrf = await c.csrf('/login');
    const r = await c.request('POST', '/login', { form: { csrf, email, password, next: '/dashboard' } });
    return r.status === 303;
}
