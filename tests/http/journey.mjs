// journey.mjs: a case taken through its whole process by the people whose
// steps they are, through the public contact form (the teacher's own first
// step) and then the API only, on a test server whose calendar moves on
// (harness.mjs's passDays). Tests start a case at the stage they need this
// way, never by SQL, so that no test skips a rule it depends on.
//
//   const j = new Journey(srv);
//   const k = await j.parCase('sent');    // a PAR case, its recommendation sent
//   await j.stage(k, 'approved');         // on to the Superintendent's approval
import assert from 'node:assert/strict';
import { Client, bearer, parley, PASSWORD } from './harness.mjs';
import { DEMO, token } from './records.mjs';

// Who takes the steps of the journey's cases (the demo's people).
export const PEOPLE = {
    coordinator: DEMO.coordinator, union: DEMO.union_rep, superintendent: DEMO.superintendent,
    par: { school: 'RHS', ct: 'ct1@parley.test', administrator: 'principal@parley.test' },
    pa: { school: 'LPMS', ct: 'ct2@parley.test', administrator: 'principal2@parley.test' },
    panel: ['panel@parley.test', 'panel2@parley.test', 'panel3@parley.test',
            'panel4@parley.test', 'panel5@parley.test'],
};

// The stages, in the order a PAR case reaches them (a PA case skips the
// Panel's: closed, then outcome and survey).
export const STAGES = ['opened', 'caseload', 'cycle', 'closed', 'sent', 'docketed', 'decided',
                       'approved', 'outcome', 'surveyed'];

export const addDays = (date, n) =>
    new Date(Date.parse(date + 'T12:00:00Z') + n * 86400000).toISOString().slice(0, 10);
const daysBetween = (a, b) => Math.round((Date.parse(b + 'T12:00:00Z') - Date.parse(a + 'T12:00:00Z')) / 86400000);

let serial = 0;

export class Journey {
    constructor(srv) {
        this.srv = srv;
        this.tokens = {};
        this.passwords = new Set();
    }

    // --- the API, as each person ---

    async api(email, method, path, json) {
        this.tokens[email] ||= token(this.srv.db, email);
        const r = await new Client(this.srv.base).request(method, '/api/v1' + path,
                                                           { headers: bearer(this.tokens[email]), json });
        return { status: r.status, text: r.text, json: () => JSON.parse(r.text) };
    }

    // The step must go through (2xx); the answer's JSON.
    async must(email, method, path, json) {
        const r = await this.api(email, method, path, json);
        assert.ok(r.status >= 200 && r.status < 300,
                  `${email} ${method} ${path} ${JSON.stringify(json || {})}: ${r.status} ${r.text.slice(0, 400)}`);
        return r.text ? r.json() : null;
    }

    // A browser session as the person. A journey's teacher sets a password
    // first, as they would from their one-time link (here by the operator's
    // command line: a credential, not a case's record). Once: a new password
    // ends the person's sessions and revokes their API tokens.
    async signIn(email) {
        if (/@example\.org$/.test(email) && !this.passwords.has(email)) {
            const r = parley(['user', 'passwd', '--db', this.srv.db, '--email', email], `${PASSWORD}\n`);
            assert.equal(r.code, 0, r.err);
            this.passwords.add(email);
            delete this.tokens[email];
        }
        const c = new Client(this.srv.base);
        await c.login(email);
        return c;
    }

    async step(email, id, to, fields = {}) {
        return this.must(email, 'POST', `/cases/${id}/transitions`, { to, ...fields });
    }

    // Today on the server's calendar (the program's time zone).
    async today() {
        return (await this.must(PEOPLE.coordinator, 'GET', '/me')).today;
    }

    // Moves the server's calendar on to date (never back). Absolute, so that
    // cases walked side by side may each ask for the same day.
    async goTo(date) {
        this.base ||= addDays(await this.today(), -this.srv.daysAhead());
        this.srv.moveTo(daysBetween(this.base, date));
    }

    async personId(email) {
        const r = await this.must(PEOPLE.coordinator, 'GET', `/people?q=${encodeURIComponent(email)}`);
        const p = r.items.find(x => x.email === email);
        assert.ok(p, `nobody has the email ${email}`);
        return p.id;
    }

    async schoolId(code) {
        const r = await this.must(PEOPLE.coordinator, 'GET', '/schools?per_page=200');
        return r.items.find(s => s.code === code).id;
    }

    // --- the stages ---

    // The teacher's own request on the public contact form: its reference.
    async contact(name, email, schoolId, interest) {
        if (!this.contactLimitRaised) {   // the program's guard against spam, not a rule
            const coord = new Client(this.srv.base);
            await coord.login(PEOPLE.coordinator);
            const r = await coord.post('/settings', { contact_per_hour: '200' }, '/settings');
            assert.ok(r.status < 400, `the settings: ${r.status}`);
            this.contactLimitRaised = true;
        }
        const visitor = new Client(this.srv.base);
        const csrf = await visitor.csrf('/contact/new');
        const r = await visitor.request('POST', '/contact/new', { form: {
            csrf, name, email, school_id: String(schoolId), school_other: '', contact_by: 'email',
            phone: '', interest, message: 'I would like support with my teaching.', website: '' } });
        assert.ok(r.status < 400, `the contact form: ${r.status} ${r.text.slice(0, 300)}`);
        // The thank-you page, after a redirect or at once, names the reference.
        const page = r.status === 303 ? (await visitor.get(r.headers.get('location'))).text : r.text;
        const ref = (page.match(/INQ-\d{4}-\d{4}/) || [])[0];
        assert.ok(ref, 'the thank-you page names the reference');
        return ref;
    }

    // options: cycleDays, the cycle's length (six months when not given);
    // noTimeline: the administrator has not set it (yet); contact(k), the
    // teacher's own sending of the form (in a browser, say): its reference
    async opened(track, options = {}) {
        const who = PEOPLE[track];
        const n = ++serial;
        const k = { track, who, teacherEmail: `journey${n}.${process.pid}@example.org`,
                    teacherName: `Jamie Journey ${n}`, ...options };
        const ref = options.contact ? await options.contact(k)
            : await this.contact(k.teacherName, k.teacherEmail, await this.schoolId(who.school), track);
        const found = await this.must(PEOPLE.coordinator, 'GET', `/inquiries?q=${ref}`);
        k.inquiryId = found.items[0].id;
        const c = await this.must(PEOPLE.coordinator, 'POST', '/cases', { inquiry_id: k.inquiryId });
        k.id = c.id;
        k.stage = 'opened';
        return k;
    }

    // Enrolment, as each person takes their step: onto the caseload, and for
    // PAR the timeline set by the administrator.
    async caseload(k) {
        // the days of enrolment, from the day it starts (cases walked side
        // by side share it: k.day)
        const day = k.day || await this.today();
        const ct = await this.personId(k.who.ct);
        await this.step(PEOPLE.coordinator, k.id, 'schedule_meeting',
                        { at: `${addDays(day, 2)} 15:30`, place: 'Room 12', ct_id: ct });
        await this.goTo(addDays(day, 2));
        await this.step(k.who.ct, k.id, 'hold_meeting', { notes: 'We talked through PA and PAR.' });
        await this.step(k.teacherEmail, k.id, 'choose_track', {
            track: k.track, district_year: 7, plan: 'improvement', months: 10, rating: 'needs_improvement',
            union_member: true, full_time: true, job: 'classroom_teacher' });
        if (k.track === 'par') {
            await this.step(PEOPLE.coordinator, k.id, 'schedule_review', {
                at: `${addDays(day, 3)} 16:00`, place: 'Union office',
                union_rep_id: await this.personId(PEOPLE.union) });
            await this.goTo(addDays(day, 3));
            await this.step(PEOPLE.union, k.id, 'hold_review', { notes: 'Read it together.' });
            await this.step(k.teacherEmail, k.id, 'sign_agreement');
            await this.step(PEOPLE.union, k.id, 'sign_agreement');
        }
        await this.step(PEOPLE.coordinator, k.id, 'assign_ct', { ct_id: ct });
        if (k.track === 'par' && !k.noTimeline) {
            k.start = addDays(day, 6);
            k.end = k.cycleDays ? addDays(k.start, k.cycleDays) : sixMonthsOn(k.start);
            await this.step(k.who.administrator, k.id, 'set_timeline', {
                cycle_start: k.start, cycle_end: k.end, plan_type: 'improvement', plan_months: 10 });
        }
        k.stage = 'caseload';
    }

    // The work of the cycle: the goals proposed and approved, and for PAR the
    // three parley meetings held with everyone present and both evaluations
    // signed for. Its parts, in order (cases walked side by side take each
    // part together).
    cycleParts(k) {
        return k.track === 'par'
            ? ['goals', 'startMeeting', 'formative', 'middleMeeting', 'endMeeting', 'summative']
            : ['goals'];
    }

    async cycle(k) {
        for (const part of this.cycleParts(k))
            await this[part](k);
        k.stage = 'cycle';
    }

    async goals(k) {
        if (k.track === 'par')
            await this.goTo(k.start);
        const due = addDays(k.start || await this.today(), 60);
        for (const kind of ['practice', 'student_learning']) {
            const g = await this.must(k.teacherEmail, 'POST', `/cases/${k.id}/goals`, {
                kind, title: `A ${kind.replace("_", "-")} goal`, specific: 'Every lesson opens with a clear aim.',
                measure: 'Seen in observations.', due_on: due });
            await this.must(k.teacherEmail, 'PATCH', `/cases/${k.id}/goals/${g.id}`, { status: 'proposed' });
            await this.must(k.who.ct, 'POST', `/cases/${k.id}/goals/${g.id}/decision`, { decision: 'approve' });
        }
    }

    startMeeting(k) { return this.meeting(k, 'start'); }
    middleMeeting(k) { return this.meeting(k, 'middle'); }
    endMeeting(k) { return this.meeting(k, 'end'); }
    formative(k) { return this.evaluation(k, 'formative'); }
    summative(k) { return this.evaluation(k, 'summative'); }

    // R17: a parley meeting in its window, held with all three present.
    async meeting(k, phase) {
        const c = await this.must(k.who.ct, 'GET', `/cases/${k.id}`);
        const due = c.deadlines.find(d => d.step === 'parley_meeting' && d.what.includes(
            { start: 'start-of-cycle', middle: 'mid-cycle', end: 'end-of-cycle' }[phase]));
        assert.ok(due, `the ${phase} meeting is due: ${JSON.stringify(c.deadlines)}`);
        const day = due.window_opens > (await this.today()) ? due.window_opens : await this.today();
        await this.goTo(day);
        const m = await this.must(k.who.ct, 'POST', `/cases/${k.id}/meetings`,
                                  { phase, at: `${addDays(day, 1)} 15:00`, minutes: 45, place: 'Room 12' });
        await this.goTo(addDays(day, 2));
        await this.must(k.who.ct, 'PATCH', `/cases/${k.id}/meetings/${m.id}`,
                        { status: 'held', attended: 'teacher,ct,administrator', notes: `The ${phase} of the cycle.` });
    }

    // R15, R20, R23, R26: written and rated by the CT, previewed by the
    // administrator (the summative), shared with and signed by the teacher.
    async evaluation(k, kind) {
        const e = await this.must(k.who.ct, 'POST', `/cases/${k.id}/evaluations`, { kind });
        for (const r of e.ratings)
            await this.must(k.who.ct, 'PATCH', `/cases/${k.id}/evaluations/${e.id}`,
                            { standard_id: r.standard_id, rating: 'proficient', comment: 'Steady growth.' });
        await this.must(k.who.ct, 'PATCH', `/cases/${k.id}/evaluations/${e.id}`,
                        { summary: 'Clear aims; questioning reaches every student.', overall_rating: 'proficient' });
        const url = `/cases/${k.id}/evaluations/${e.id}/steps`;
        if (kind === 'summative') {
            await this.must(k.who.ct, 'POST', url, { step: 'share_admin' });
            await this.must(k.who.administrator, 'POST', url, { step: 'respond', response: 'I agree with the ratings.' });
        }
        await this.must(k.who.ct, 'POST', url, { step: 'share_teacher' });
        await this.must(k.teacherEmail, 'POST', url, { step: 'sign' });
    }

    async closed(k) {
        if (k.track === 'par')
            await this.goTo(addDays(k.end, 1));
        await this.step(k.who.ct, k.id, 'close_cycle', { notes: 'The cycle is done.' });
        k.stage = 'closed';
    }

    // R21, R22: the recommendation sent; its preview deadline.
    async sent(k) {
        await this.must(k.who.ct, 'PUT', `/cases/${k.id}/recommendation`,
                        { rating: 'proficient', rationale: 'The teacher met both goals.' });
        const r = await this.must(k.who.ct, 'POST', `/cases/${k.id}/recommendation/submit`);
        k.previewUntil = r.preview_until;
        k.stage = 'sent';
    }

    // A session after the preview deadline, the members present, the case on its docket.
    async docketed(k) {
        k.sessionOn = addDays(k.previewUntil, 3);
        const s = await this.must(PEOPLE.coordinator, 'POST', '/panel/sessions',
                                  { held_on: k.sessionOn, starts_at: '16:00', place: 'Board room' });
        k.sessionId = s.id;
        const present = [];
        for (const m of PEOPLE.panel)
            present.push(await this.personId(m));
        await this.must(PEOPLE.coordinator, 'PATCH', `/panel/sessions/${s.id}`,
                        { present, docket: [k.id] });
        k.stage = 'docketed';
    }

    // R24: at the session, after the preview deadline, every member votes.
    async decided(k, rating = 'proficient') {
        await this.goTo(k.sessionOn);
        for (const m of PEOPLE.panel)
            await this.must(m, 'POST', `/panel/sessions/${k.sessionId}/cases/${k.id}/votes`, { rating });
        await this.must(PEOPLE.coordinator, 'POST', `/panel/sessions/${k.sessionId}/cases/${k.id}/close-vote`);
        const d = await this.must(PEOPLE.superintendent, 'GET', `/cases/${k.id}/decisions`);
        k.decisionId = d.items[0].id;
        k.rating = rating;
        k.stage = 'decided';
    }

    async approved(k) {
        await this.must(PEOPLE.superintendent, 'POST', `/cases/${k.id}/decisions/${k.decisionId}/approval`,
                        { approval: 'approved' });
        k.stage = 'approved';
    }

    async outcome(k) {
        await this.must(PEOPLE.coordinator, 'PUT', `/cases/${k.id}/outcome`, {
            rating_before: 'needs_improvement', rating_after: k.rating || 'proficient', stayed: 'yes' });
        k.stage = 'outcome';
    }

    async surveyed(k) {
        const answer = { fair: 5, transparent: 4, humane: 5, comment: '' };
        await this.must(k.teacherEmail, 'POST', `/cases/${k.id}/survey`, answer);
        if (k.track === 'par')
            await this.must(k.who.administrator, 'POST', `/cases/${k.id}/survey`, answer);
        k.stage = 'surveyed';
    }

    // Takes the case on to a later stage, through each stage between.
    async stage(k, to) {
        const order = k.track === 'par' ? STAGES
            : STAGES.filter(s => !['sent', 'docketed', 'decided', 'approved'].includes(s));
        for (let i = order.indexOf(k.stage) + 1; i <= order.indexOf(to); i++)
            await this[order[i]](k);
        return k;
    }

    // Several cases walked side by side, stage by stage, on the same days.
    async cases(n, track, to, options = {}) {
        const ks = [];
        for (let i = 0; i < n; i++)
            ks.push(await this.opened(track, options));
        const order = STAGES.filter(s => track === 'par' ||
                                         !['sent', 'docketed', 'decided', 'approved'].includes(s));
        for (const stage of order.slice(1, order.indexOf(to) + 1)) {
            const parts = stage === 'cycle' ? this.cycleParts(ks[0]) : [stage];
            for (const part of parts) {
                const day = await this.today();
                for (const k of ks) {
                    k.day = day;
                    await this[part](k);
                }
            }
            for (const k of ks)
                k.stage = stage;
        }
        for (const k of ks)
            delete k.day;
        return ks;
    }

    async parCase(to = 'opened', options = {}) {
        return this.stage(await this.opened('par', options), to);
    }

    async paCase(to = 'opened', options = {}) {
        return this.stage(await this.opened('pa', options), to);
    }
}

// R13: the shortest cycle: the same day six months on (the month's last
// day when it has no such day).
export function sixMonthsOn(date) {
    const [y, m, d] = date.split('-').map(Number);
    const total = y * 12 + (m - 1) + 6, year = Math.floor(total / 12), month = total % 12 + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
