// site.test.mjs: the public site (issue 6). Every public page answers a
// visitor; the coordinator's edits appear; Markdown never lets HTML or
// javascript: links through; uploads are typed by their content; downloads
// are attachments; the feedback form's honeypot and validation; and only
// the coordinator edits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';
import { DEMO, scalar, count, decode } from './records.mjs';

let srv, coord;
before(async () => {
    srv = await startServer();
    coord = new Client(srv.base);
    await coord.login(DEMO.coordinator);
});
after(async () => { await srv.stop(); });

const PUBLIC_PAGES = ['/', '/about', '/faq', '/enroll', '/resources', '/news', '/track-record',
                      '/contact', '/feedback', '/eligibility'];

function firstId(table) {
    return Number(scalar(srv.db, `SELECT MIN(id) FROM ${table} WHERE published = 1;`));
}

// The <main> of a page: what the coordinator's text can reach.
function main(html) {
    return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
}

// A multipart upload as a browser sends it, with the form's CSRF token.
async function upload(client, path, fields, file) {
    const csrf = await client.csrf('/site/resources/new');
    const body = new FormData();
    body.set('csrf', csrf);
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    if (file) body.set('file', new Blob([file.bytes], { type: file.type || 'application/pdf' }), file.name);
    return client.request('POST', path, { body });
}

test('every public page answers a visitor with 200 and the visitor menu', async () => {
    const visitor = new Client(srv.base);
    for (const path of [...PUBLIC_PAGES, `/news/${firstId('news_post')}`]) {
        const r = await visitor.get(path);
        assert.equal(r.status, 200, path);
        for (const item of ['About', 'FAQ', 'Enroll', 'Resources', 'News', 'Track record', 'Contact us'])
            assert.match(r.text, new RegExp(`<nav class="site-nav"[^]*>${item}</a>`), `${path}: ${item} in the menu`);
    }
});

test('the pages carry the demo program\'s content, from the database', async () => {
    const visitor = new Client(srv.base);
    const home = decode((await visitor.get('/')).text);
    assert.match(home, /fair, transparent and humane/);
    assert.match(home, /href="\/eligibility"/, 'how to start: the eligibility checker');
    assert.match(home, /a teacher in the program/, 'a published quote, attributed by role only');
    const about = decode((await visitor.get('/about')).text);
    assert.match(about, /PA and PAR side by side/);
    assert.match(about, /at least 6 months/, 'R4: the PAR plan length comes from the settings');
    assert.match(about, /Dana Whitfield/, 'the Consulting Teachers, from their roles');
    assert.match(about, /Frank Moreau, teacher seat, term 2025-09-01 to 2028-08-31/, 'R29: Panel seat and term');
    assert.doesNotMatch(about, /ct1@parley\.test/, 'names only: no email addresses');
    const faq = decode((await visitor.get('/faq')).text);
    for (const heading of ['For teachers', 'For administrators', 'About the Panel and the Consulting Teachers'])
        assert.match(faq, new RegExp(`<h2 id="[a-z_]+">${heading}</h2>`));
    assert.match(faq, /Can I enrol a teacher, or stop one from enrolling\?/);
    const enroll = (await visitor.get('/enroll')).text;
    assert.match(enroll, /href="\/eligibility"/);
    assert.match(enroll, /href="\/contact\/new"/);
    assert.match((await visitor.get('/contact')).text, /href="\/contact\/new"/);
    const record = decode((await visitor.get('/track-record')).text);
    assert.match(record, /A figure about fewer than 5 people is not shown/, 'R39: the small-group rule, said');
    assert.match(record, /No cycle has closed with a recorded outcome yet\./, 'R39: no figures until outcomes are recorded');
});

test('a draft is invisible to visitors and the coordinator sees it', async () => {
    const r = await coord.post('/site/news', { title: 'Draft post', body: 'Not yet.', published: 'no' }, '/site/news/new');
    assert.equal(r.status, 303);
    const id = r.headers.get('location').match(/\/site\/news\/(\d+)\/edit/)[1];
    const visitor = new Client(srv.base);
    assert.equal((await visitor.get(`/news/${id}`)).status, 404);
    assert.doesNotMatch((await visitor.get('/news')).text, /Draft post/);
    assert.equal((await coord.get(`/news/${id}`)).status, 200);
});

test('the coordinator edits a page and an FAQ entry; visitors see it; each edit is audited', async () => {
    const audits = count(srv.db, 'audit');
    const edit = await coord.get('/site/pages/enroll/edit');
    assert.equal(edit.status, 200);
    const version = edit.text.match(/name="version" value="(\d+)"/)[1];
    let r = await coord.post('/site/pages/enroll', { version, title: 'Joining, step by step',
                                                     body: '1. Read this.\n2. **Write to us.**' },
                             '/site/pages/enroll/edit');
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/site/pages/enroll/edit');
    const saved = (await coord.get('/site/pages/enroll/edit')).text;
    assert.match(saved, /Preview of the saved text[^]*<strong>Write to us\.<\/strong>/, 'the preview after saving');
    const page = (await new Client(srv.base).get('/enroll')).text;
    assert.match(page, /<h1>Joining, step by step<\/h1>/);
    assert.match(page, /<li>Read this\.<\/li>/);

    // The same version again: someone else saved first.
    r = await coord.post('/site/pages/enroll', { version, title: 'Stale', body: '' }, '/site/pages/enroll/edit');
    assert.equal(r.status, 409);

    const faqId = firstId('faq_entry');
    const form = (await coord.get(`/site/faq/${faqId}/edit`)).text;
    const faqVersion = form.match(/name="version" value="(\d+)"/)[1];
    r = await coord.post(`/site/faq/${faqId}`, { version: faqVersion, audience: 'administrators',
                                                question: 'Who sets the timeline of the cycle?',
                                                answer: 'The administrator (R12).', position: '1',
                                                published: 'yes' }, `/site/faq/${faqId}/edit`);
    assert.equal(r.status, 303);
    const faq = decode((await new Client(srv.base).get('/faq')).text);
    assert.match(faq, /For administrators<\/h2><h3>Who sets the timeline of the cycle\?<\/h3>/);
    assert.equal(count(srv.db, 'audit'), audits + 2, 'one audit entry per save');
    assert.match(scalar(srv.db, "SELECT summary FROM audit WHERE record_kind = 'faq' ORDER BY id DESC LIMIT 1;"),
                 /Changed the FAQ entry "Who sets the timeline of the cycle\?"/);
});

test('invalid content is refused with the fields named, and nothing is written', async () => {
    const audits = count(srv.db, 'audit');
    const r = await coord.post('/site/faq', { audience: 'nobody', question: '', answer: '', position: '0',
                                             published: 'maybe' }, '/site/faq/new');
    assert.equal(r.status, 400);
    const page = decode(r.text);
    assert.match(page, /href="#f-audience">Choose whom the question is for\./);
    assert.match(page, /href="#f-question">Enter the question\./);
    assert.match(page, /href="#f-answer">Enter the answer\./);
    assert.match(page, /href="#f-position">Enter a whole number from 1 to 999/);
    assert.match(page, /href="#f-published">Say whether it is published: yes or no\./);
    assert.equal(count(srv.db, 'audit'), audits);
});

test('Markdown: <script>, raw HTML and javascript: links never reach a page', async () => {
    const body = [
        '<script>alert(1)</script>',
        '',
        'Hello <img src=x onerror="alert(2)"> <b onclick="x()">bold</b>',
        '',
        '<iframe src="https://evil.example/"></iframe>',
        '',
        '[click me](javascript:alert(3)) and [this too](JaVaScRiPt:alert(4)) ',
        '[data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)',
        '',
        '![pic](javascript:alert(5))',
        '',
        '# A heading',
        '',
        '[a good link](https://example.org/ok)',
    ].join('\n');
    const r = await coord.post('/site/news', { title: 'Safety <b>check</b>', body, published: 'yes' }, '/site/news/new');
    assert.equal(r.status, 303);
    const id = r.headers.get('location').match(/(\d+)/)[1];
    const page = main((await new Client(srv.base).get(`/news/${id}`)).text);
    assert.doesNotMatch(page, /<script/i);
    assert.doesNotMatch(page, /<img[^>]*onerror/i);
    assert.doesNotMatch(page, /<iframe/i);
    assert.doesNotMatch(page, /<b onclick/i);
    assert.doesNotMatch(page, /\son\w+=/i, 'no event handler attribute at all');
    assert.doesNotMatch(page, /(href|src)="\s*(javascript|vbscript|data):/i);
    assert.match(page, /raw HTML omitted/, 'cmark says what it dropped');
    assert.match(page, /<a href="https:\/\/example\.org\/ok">a good link<\/a>/, 'safe links stay');
    assert.match(page, /<h1>Safety &lt;b&gt;check&lt;\/b&gt;<\/h1>/, 'the title is text');
    assert.match(page, /<h2>A heading<\/h2>/, 'the author\'s # heading is below the page\'s h1');
    assert.equal((page.match(/<h1/g) || []).length, 1);
});

test('an upload is typed by its content: a mislabeled file is refused and nothing is written', async () => {
    const before = { resources: count(srv.db, 'resource', '1 = 1'), files: Number(scalar(srv.db, 'SELECT COUNT(*) FROM resource_file;')),
                     audit: count(srv.db, 'audit') };
    // HTML dressed up as a PDF.
    let r = await upload(coord, '/site/resources', { title: 'Pamphlet', description: '', published: 'yes' },
                         { name: 'pamphlet.pdf', bytes: '<html><script>alert(1)</script></html>' });
    assert.equal(r.status, 400);
    assert.match(decode(r.text), /pamphlet\.pdf is not a kind of file the site offers for download\. Its content was checked, not its name/);
    // Text named as a PDF.
    r = await upload(coord, '/site/resources', { title: 'Notes', published: 'yes' },
                     { name: 'notes.pdf', bytes: 'Just some notes.\n' });
    assert.equal(r.status, 400);
    assert.match(decode(r.text), /notes\.pdf is named as PDF, but its content is plain text/);
    // A PNG named .docx.
    r = await upload(coord, '/site/resources', { title: 'Logo', published: 'yes' },
                     { name: 'logo.docx', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    assert.equal(r.status, 400);
    assert.match(decode(r.text), /logo\.docx is named as Word document, but its content is PNG image/);
    // No file at all.
    r = await upload(coord, '/site/resources', { title: 'Nothing', published: 'yes' }, null);
    assert.equal(r.status, 400);
    assert.match(decode(r.text), /Choose the file to upload/);
    assert.deepEqual({ resources: count(srv.db, 'resource', '1 = 1'), files: Number(scalar(srv.db, 'SELECT COUNT(*) FROM resource_file;')),
                       audit: count(srv.db, 'audit') }, before, 'nothing written');
});

test('a real PDF uploads, and downloads as an attachment with its checked type and nosniff', async () => {
    const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
    const r = await upload(coord, '/site/resources', { title: 'Evaluation guide', description: 'How ratings work.',
                                                       published: 'yes' },
                           { name: 'Evaluation guide (2026).PDF', bytes: pdf, type: 'text/html' });
    assert.equal(r.status, 303);
    const id = r.headers.get('location').match(/(\d+)/)[1];
    const visitor = new Client(srv.base);
    assert.match((await visitor.get('/resources')).text, new RegExp(`href="/resources/${id}/download"`));
    const d = await fetch(`${srv.base}/resources/${id}/download`);
    assert.equal(d.status, 200);
    assert.equal(d.headers.get('content-type'), 'application/pdf', 'the type the content is, not the browser\'s word');
    assert.equal(d.headers.get('content-disposition'), 'attachment; filename="Evaluation-guide--2026-.pdf"');
    assert.equal(d.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await d.text(), pdf, 'the same bytes back');
    // The demo's CSV, too.
    const csv = await fetch(`${srv.base}/resources/${firstId('resource')}/download`);
    assert.match(csv.headers.get('content-disposition'), /^attachment; filename="[A-Za-z0-9._-]+\.(txt|csv)"$/);
});

test('feedback: validation names the fields; the honeypot is refused silently; the coordinator publishes', async () => {
    const visitor = new Client(srv.base);
    const stored = () => count(srv.db, 'feedback', '1 = 1');
    const n = stored();
    const csrf = await visitor.csrf('/feedback');
    let r = await visitor.request('POST', '/feedback', { form: { csrf, role: 'parent', comment: '' } });
    assert.equal(r.status, 400);
    assert.match(decode(r.text), /href="#f-role">Choose one of the answers, or leave it unanswered\./);
    assert.match(decode(r.text), /href="#f-comment">Write your comment\./);
    r = await visitor.request('POST', '/feedback', { form: { csrf, role: '', comment: 'x'.repeat(2001) } });
    assert.equal(r.status, 400);
    assert.match(decode(r.text), /Shorten this to 2000 characters at most \(it has 2001\)/);
    assert.equal(stored(), n);

    // A bot fills every field: it is thanked like a person, and nothing is kept.
    r = await visitor.request('POST', '/feedback', { form: { csrf, role: 'teacher', comment: 'Buy cheap pills',
                                                             website: 'https://spam.example' } });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/feedback/thanks');
    assert.equal(stored(), n, 'the honeypot: nothing stored');

    // Without the form's token: refused.
    r = await new Client(srv.base).request('POST', '/feedback', { form: { comment: 'hello' } });
    assert.equal(r.status, 403);

    r = await visitor.request('POST', '/feedback', { form: { csrf, role: 'administrator',
                                                             comment: 'The parley meetings kept us <b>all</b> informed.' } });
    assert.equal(r.status, 303);
    assert.equal(stored(), n + 1);
    const id = scalar(srv.db, 'SELECT MAX(id) FROM feedback;');
    const list = (await coord.get('/site/feedback')).text;
    assert.match(list, /The parley meetings kept us &lt;b&gt;all&lt;\/b&gt; informed\./);
    r = await coord.post(`/site/feedback/${id}/publish`, {}, '/site/feedback');
    assert.equal(r.status, 303);
    const record = (await new Client(srv.base).get('/track-record')).text;
    assert.match(record, /The parley meetings kept us &lt;b&gt;all&lt;\/b&gt; informed\.<\/p><\/blockquote><figcaption>— an administrator in the program/);
    const home = (await new Client(srv.base).get('/')).text;
    assert.match(home, /The parley meetings kept us/, 'the newest quote is on the home page');
});

test('only the coordinator edits: everyone else gets 403 on the editing pages', async () => {
    const faqId = firstId('faq_entry'), newsId = firstId('news_post'), resId = firstId('resource');
    const pages = ['/site', '/site/pages/about/edit', '/site/faq/new', `/site/faq/${faqId}/edit`,
                   '/site/news/new', `/site/news/${newsId}/edit`, '/site/resources/new',
                   `/site/resources/${resId}/edit`, '/site/feedback'];
    for (const role of Object.keys(DEMO).filter(r => r !== 'coordinator')) {
        const c = new Client(srv.base);
        await c.login(DEMO[role]);
        for (const path of pages) {
            const r = await c.get(path);
            assert.equal(r.status, 403, `${role} GET ${path}`);
            assert.match(decode(r.text), /Only the program coordinator (edits the public site|reads and publishes feedback)\./);
        }
        const r = await c.post(`/site/faq/${faqId}/delete`);
        assert.equal(r.status, 403, `${role} removing an FAQ entry`);
    }
    const visitor = new Client(srv.base);
    const r = await visitor.get('/site/faq/new');
    assert.equal(r.status, 303, 'a visitor is sent to sign in');
    assert.equal(count(srv.db, 'faq_entry', `id = ${faqId}`), 1, 'still there');
});

test('the coordinator withdraws and removes content; a removed resource takes its file', async () => {
    const resId = firstId('resource');
    let r = await coord.post(`/site/resources/${resId}/delete`, {}, `/site/resources/${resId}/edit`);
    assert.equal(r.status, 303);
    assert.equal(Number(scalar(srv.db, `SELECT COUNT(*) FROM resource_file WHERE resource_id = ${resId};`)), 0);
    assert.equal((await fetch(`${srv.base}/resources/${resId}/download`)).status, 404);
    const faqId = firstId('faq_entry');
    r = await coord.post(`/site/faq/${faqId}/delete`, {}, `/site/faq/${faqId}/edit`);
    assert.equal(r.status, 303);
    assert.equal(count(srv.db, 'faq_entry', `id = ${faqId}`), 0);
    assert.match(scalar(srv.db, "SELECT action || ' ' || record_kind FROM audit ORDER BY id DESC LIMIT 1;"), /delete faq/);
});
