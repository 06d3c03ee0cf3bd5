// mail.test.mjs: Parley's mail read back from a real SMTP server on
// loopback (mailbox.mjs; issue 16). Each notice goes at once, one message
// per notice, and says what happened without notes, ratings or reasons;
// each person's choice holds (none: nothing; a daily digest: one message
// with the day's news); a relay that asks to wait, is down or refuses
// loses nothing and doubles nothing, and what it refused for good is shown
// to the coordinator with its reason; a server killed mid-send, ten times,
// loses nothing acknowledged, and a message sent twice is the same message
// (its Message-ID).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, demoDatabase, sql, parley, Client } from './harness.mjs';
import { Journey, PEOPLE } from './journey.mjs';
import { startMailbox } from './mailbox.mjs';

const sleep = ms => new Promise(r => setTimeout(r, ms));
const MAIL_ARGS = box => ['--smtp-url', box.url, '--mail-retry-seconds', '1', '--smtp-timeout', '2',
                          '--remind-every', '0'];

// Until the outbox has nothing left to send (or ms pass).
async function drained(db, ms = 30000) {
    const until = Date.now() + ms;
    while (Number(sql(db, "SELECT count(*) FROM mail WHERE state = 'queued'")[0]) > 0) {
        if (Date.now() > until) throw new Error('the outbox did not drain: ' +
            sql(db, "SELECT id, to_address, tries, last_error FROM mail WHERE state = 'queued'").join('; '));
        await sleep(200);
    }
}

const rows = (db, where = '1 = 1') => sql(db, `SELECT id, message_id, to_address, kind, state FROM mail WHERE ${where} ORDER BY id`)
    .map(l => { const [id, messageId, to, kind, state] = l.split('|'); return { id: Number(id), messageId, to, kind, state }; });
const bare = id => id.replace(/^<|>$/g, '');
const everything = m => `${m.subject}\n${m.text}\n${m.html}`;

let box, srv, j;
before(async () => {
    box = await startMailbox();
    srv = await startServer(MAIL_ARGS(box));
    j = new Journey(srv);
});
after(async () => { await srv?.stop(); await box?.close(); });

// What the case's records hold that is no one's business by e-mail: the
// notes, narratives, reasons and goals, and the ratings' names.
function confidential(db, caseId) {
    const q = (s) => sql(db, s).filter(t => t && t.length >= 12);
    return [
        ...q(`SELECT focus FROM coaching_entry WHERE case_id = ${caseId}`),
        ...q(`SELECT next_steps FROM coaching_entry WHERE case_id = ${caseId}`),
        ...q(`SELECT notes FROM observation WHERE case_id = ${caseId}`),
        ...q(`SELECT feedback FROM observation WHERE case_id = ${caseId}`),
        ...q(`SELECT summary FROM evaluation WHERE case_id = ${caseId}`),
        ...q(`SELECT rationale FROM recommendation WHERE case_id = ${caseId}`),
        ...q(`SELECT body FROM panel_submission WHERE case_id = ${caseId}`),
        ...q(`SELECT specific FROM goal WHERE case_id = ${caseId}`),
        ...q(`SELECT title FROM goal WHERE case_id = ${caseId}`),
        ...q(`SELECT summary FROM case_event WHERE case_id = ${caseId} AND summary LIKE '%Notes: %'`)
            .map(s => s.slice(s.indexOf('Notes: ') + 7)),
        ...q(`SELECT tally FROM panel_decision WHERE case_id = ${caseId}`),
        'Needs Improvement', 'Unsatisfactory', 'Exemplary', 'Proficient',
    ];
}

test('a PAR case to the approval: one message per notice to each party, saying what happened and no more', async () => {
    const firstMail = Number(sql(srv.db, 'SELECT COALESCE(MAX(id), 0) FROM mail')[0]);
    const firstNotice = Number(sql(srv.db, 'SELECT COALESCE(MAX(id), 0) FROM notification')[0]);
    const k = await j.parCase('approved');
    await drained(srv.db);
    const notices = Number(sql(srv.db, `SELECT count(*) FROM notification WHERE id > ${firstNotice}`)[0]);
    const mails = rows(srv.db, `id > ${firstMail} AND kind IN ('notice', 'reminder')`);
    assert.ok(notices > 10, `only ${notices} notices`);
    assert.equal(mails.length, notices, 'one message per notice (everyone takes each at once, the default)');
    await box.waitFor(m => mails.some(r => r.messageId === bare(m.messageId)), { count: mails.length });
    const got = box.messages.filter(m => mails.some(r => r.messageId === bare(m.messageId)));
    assert.equal(new Set(got.map(m => m.messageId)).size, mails.length, 'each message once');
    // every party heard of the case: the teacher, the CT, the administrator,
    // the union representative, the coordinator and the Superintendent
    for (const who of [k.teacherEmail, PEOPLE.par.ct, PEOPLE.par.administrator, PEOPLE.union,
                       PEOPLE.coordinator, PEOPLE.superintendent])
        assert.ok(got.some(m => m.to === who), `no mail to ${who}`);
    // from the program, with a link into Parley, in text and HTML
    const m = got[0];
    assert.match(m.fromName, /Parley|Program/i);
    assert.match(m.text, new RegExp(`Open it in Parley: ${srv.base}/`));
    assert.match(m.html, /<a href="http:\/\/127\.0\.0\.1:\d+\//);
    // nothing of the records' content
    const secrets = confidential(srv.db, k.id);
    assert.ok(secrets.length > 8, `the journey left only ${secrets.length} texts to look for`);
    for (const msg of got)
        for (const s of secrets)
            assert.ok(!everything(msg).includes(s), `"${s}" is in the mail "${msg.subject}" to ${msg.to}`);
    // the decision's mail says a decision was made, and where to read it
    assert.ok(got.some(x => x.to === k.teacherEmail && /Panel decided/.test(x.text)));
});

test('each person\'s choice: none gets nothing, a daily digest gathers the day\'s news in one message', async () => {
    const ct = await j.signIn(PEOPLE.par.ct), union = await j.signIn(PEOPLE.union);
    let r = await ct.post('/account/mail', { mail: 'daily' }, '/account');
    assert.equal(r.status, 303, r.text);
    r = await union.post('/account/mail', { mail: 'none' }, '/account');
    assert.equal(r.status, 303, r.text);
    assert.match((await ct.get('/account')).text, /<option value="daily" selected/);
    r = await ct.post('/account/mail', { mail: 'hourly' }, '/account');
    assert.equal(r.status, 400, 'a choice not offered is refused on the page');
    assert.match(r.text, /Choose one of the three/);

    const since = Number(sql(srv.db, 'SELECT COALESCE(MAX(id), 0) FROM mail')[0]);
    const k = await j.parCase('caseload');
    await drained(srv.db);
    const to = who => rows(srv.db, `id > ${since} AND to_address = '${who}'`);
    assert.deepEqual(to(PEOPLE.union), [], 'the union representative chose no mail');
    assert.deepEqual(to(PEOPLE.par.ct).filter(r => r.kind !== 'invitation'), [],
                     'the CT\'s news waits for the digest');
    // an invitation is for their calendar, not news: it goes at once
    assert.ok(to(PEOPLE.par.ct).some(r => r.kind === 'invitation'), 'the initial meeting\'s invitation');
    assert.ok(to(k.teacherEmail).length > 0, 'the teacher, who chose nothing, gets each at once');
    const ctNews = sql(srv.db, `SELECT headline FROM notification n JOIN person p ON p.id = n.person_id
                                WHERE p.email = '${PEOPLE.par.ct}' AND n.case_id = ${k.id}`);
    assert.ok(ctNews.length >= 2, 'the CT had news of the case');

    srv.passDays(1);
    const sweep = () => parley(['remind', '--db', srv.db], '', srv.calendarEnv());
    r = sweep();
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /[1-9]\d* daily digests?/);
    const digest = await box.waitFor(m => m.to === PEOPLE.par.ct && /digest/.test(m.subject));
    for (const h of ctNews)
        assert.ok(digest.text.includes(h), `the digest lacks "${h}"`);
    // the CT's week: their caseload's dates, the new case's among them
    assert.match(r.out, /[1-9]\d* weekly summar/);
    const week = await box.waitFor(m => m.to === PEOPLE.par.ct && /caseload this week/.test(m.subject));
    assert.match(week.text, new RegExp(`the case of ${k.teacherName}\\)`));
    assert.equal(sweep().code, 0);
    await drained(srv.db);
    assert.equal(rows(srv.db, `id > ${since} AND kind = 'digest' AND to_address = '${PEOPLE.par.ct}'`).length, 1,
                 'one digest a day, however often the sweep runs');
    assert.equal(rows(srv.db, `id > ${since} AND kind = 'summary' AND to_address = '${PEOPLE.par.ct}'`).length, 1,
                 'one summary a week');
    assert.equal(rows(srv.db, `id > ${since} AND to_address = '${PEOPLE.union}'`).length, 0);
});

// A server of its own, whose relay misbehaves.
async function ownServer(t, extra = []) {
    const b = await startMailbox();
    const dbi = demoDatabase();
    const keep = { ...dbi, cleanup: () => {} };
    const s = await startServer([...MAIL_ARGS(b), ...extra], keep);
    t.after(async () => { await s.stop(); await b.close(); });
    return { box: b, srv: s, keep };
}

// A notice: the teacher proposes a goal on a case on the caseload; its CT is told.
async function caseForNotices(jj) {
    const k = await jj.paCase('caseload');
    let n = 0;
    return {
        k,
        async notice() {
            const g = await jj.must(k.teacherEmail, 'POST', `/cases/${k.id}/goals`, {
                kind: 'practice', title: `Goal ${++n}`, specific: 'Every lesson opens with a clear aim.',
                measure: 'Seen in observations.', due_on: '2099-01-01' });
            await jj.must(k.teacherEmail, 'PATCH', `/cases/${k.id}/goals/${g.id}`, { status: 'proposed' });
        },
    };
}

test('a relay that asks to wait, is down, then refuses: each message arrives once, or is shown failed with its reason', async t => {
    const { box: b, srv: s } = await ownServer(t, ['--mail-tries', '3']);
    const jj = new Journey(s);
    const c = await caseForNotices(jj);
    await drained(s.db);
    // 451 twice, then accepted
    let asked = 0;
    b.refuse = () => (++asked <= 2 ? { code: 451, message: 'Try again later' } : null);
    const since = Number(sql(s.db, 'SELECT MAX(id) FROM mail')[0]);
    await c.notice();
    const [m] = rows(s.db, `id > ${since}`);
    await b.waitFor(x => bare(x.messageId) === m.messageId);
    await drained(s.db);
    assert.equal(sql(s.db, `SELECT tries || ' ' || state FROM mail WHERE id = ${m.id}`)[0], '3 sent');
    b.refuse = null;

    // down, then up again: nothing lost
    await b.close();
    await c.notice();
    await sleep(1500);
    await b.start();
    await drained(s.db);
    const all = rows(s.db, `id > ${since}`);
    for (const r of all)
        assert.equal(b.messages.filter(x => bare(x.messageId) === r.messageId).length, 1, `message ${r.id}`);

    // refused for good (550): failed at once, with the relay's words, for the coordinator
    b.refuse = () => ({ code: 550, message: 'No such mailbox here' });
    const before = Number(sql(s.db, 'SELECT MAX(id) FROM mail')[0]);
    await c.notice();
    const [failed] = rows(s.db, `id > ${before}`);
    for (let i = 0; i < 100 && sql(s.db, `SELECT state FROM mail WHERE id = ${failed.id}`)[0] !== 'failed'; i++)
        await sleep(100);
    assert.equal(sql(s.db, `SELECT state FROM mail WHERE id = ${failed.id}`)[0], 'failed');
    const coord = new Client(s.base);
    await coord.login(PEOPLE.coordinator);
    const page = (await coord.get('/outbox?state=failed')).text;
    assert.match(page, /No such mailbox here/);
    assert.match(page, /Send it again/);
    const words = { notice: 'News', invitation: 'Invitation', reminder: 'Reminder' }[failed.kind];
    assert.ok(page.includes(`<td data-label="What">${words}</td>`), `what it is, in words: ${failed.kind} is "${words}"`);
    // the dashboard tells the coordinator too
    assert.match((await coord.get('/dashboard')).text, /could not be sent/);
    // nobody else reads the outbox
    const teacher = await jj.signIn(c.k.teacherEmail);
    assert.equal((await teacher.get('/outbox')).status, 403);
    b.refuse = null;
    const r = await coord.post(`/outbox/${failed.id}/retry`, {}, '/outbox');
    assert.equal(r.status, 303, r.text);
    await b.waitFor(x => bare(x.messageId) === failed.messageId);
});

test('SIGKILL while mail is being sent, 10 times: nothing acknowledged is lost, a message sent twice is the same message', async t => {
    const { box: b, keep } = await ownServer(t);
    let s = await startServer(MAIL_ARGS(b), keep);
    t.after(() => s.stop());
    b.delayMs = 150;   // each message takes a while: kills land mid-send
    const since = Number(sql(keep.db, 'SELECT COALESCE(MAX(id), 0) FROM mail')[0]);
    let acknowledged = 0;
    for (let round = 0; round < 10; round++) {
        const jj = new Journey(s);
        const c = await caseForNotices(jj);
        for (let i = 0; i < 3; i++) {
            await c.notice();
            acknowledged++;
        }
        await sleep(50 + Math.floor(Math.random() * 400));
        await s.kill('SIGKILL');
        s = await startServer(MAIL_ARGS(b), keep);
    }
    await drained(keep.db, 60000);
    const made = rows(keep.db, `id > ${since}`);
    assert.ok(made.filter(r => r.kind === 'notice').length >= acknowledged, 'a notice for each acknowledged step');
    assert.ok(made.every(r => r.state === 'sent'), 'every message sent');
    const ids = new Set(made.map(r => r.messageId));
    const received = b.messages.filter(m => ids.has(bare(m.messageId)));
    assert.equal(new Set(received.map(m => m.messageId)).size, ids.size, 'each message arrived');
    // whatever arrived twice is the same message, which a mail system takes once
    const strangers = b.messages.filter(m => !ids.has(bare(m.messageId)) &&
                                             Number(sql(keep.db, `SELECT count(*) FROM mail WHERE message_id = '${bare(m.messageId)}'`)[0]) === 0);
    assert.deepEqual(strangers.map(m => m.subject), []);
    t.diagnostic(`${made.length} messages, ${received.length} deliveries, ${received.length - ids.size} repeated`);
});

test('two nodes on one database (PostgreSQL under make test-pg): each message is sent by one of them, once', async t => {
    const { box: b, srv: one, keep } = await ownServer(t);
    const two = await startServer(MAIL_ARGS(b), keep);
    t.after(() => two.stop());
    b.delayMs = 50;
    const since = Number(sql(keep.db, 'SELECT COALESCE(MAX(id), 0) FROM mail')[0]);
    const cs = [await caseForNotices(new Journey(one)), await caseForNotices(new Journey(two))];
    for (let i = 0; i < 10; i++)
        await Promise.all(cs.map(c => c.notice()));
    await drained(keep.db);
    const made = rows(keep.db, `id > ${since}`);
    assert.ok(made.length >= 20);
    for (const r of made)
        assert.equal(b.messages.filter(m => bare(m.messageId) === r.messageId).length, 1,
                     `message ${r.id} (${r.kind} to ${r.to})`);
});

test('with no relay nothing leaves: the demo\'s mail is kept, and the coordinator reads it at /outbox', async t => {
    const s = await startServer();
    t.after(() => s.stop());
    const coord = new Client(s.base);
    await coord.login(PEOPLE.coordinator);
    const page = (await coord.get('/outbox')).text;
    assert.match(page, /No mail relay is set/);
    // the district's mail: the federation's (peer support, R31-R36) is its own coordinator's
    const kept = Number(sql(s.db, `SELECT count(*) FROM mail WHERE state = 'queued' AND program_id =
                                   (SELECT program_id FROM person WHERE email = '${PEOPLE.coordinator}')`)[0]);
    assert.ok(kept > 10, `the demo keeps ${kept} messages`);
    assert.equal((page.match(/<details>/g) || []).length, Math.min(kept, 200), 'each message listed');
    assert.ok(Number(sql(s.db, "SELECT count(*) FROM mail")[0]) > kept, 'the federation has mail of its own');
    assert.match(page, /Kept \(no relay\)/);
});
