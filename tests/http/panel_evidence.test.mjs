// panel_evidence.test.mjs: evidence sent to the Panel takes a file (issue
// 18). R22: the teacher and the administrator send the Panel written
// evidence before its preview deadline; with it now goes a PDF or a photo
// (JPEG, PNG), known by its content and kept within the upload quotas as an
// artifact is. Those who read what was sent to the Panel open the file: a
// member whose term is running and who has not recused (R24, R29); not a
// member who recused, whose term ended, nor anyone outside the case. Every
// read of it by someone other than the teacher is on the teacher's record
// (R37, R38). The case is a PAR case walked by the API (journey.mjs) until
// its recommendation is sent; the files go through the page's form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, bearer } from './harness.mjs';
import { count, scalar, decode, personId, actors, fieldError, token } from './records.mjs';
import { Journey, PEOPLE } from './journey.mjs';

const SITTING = 'panel3@parley.test';
const RECUSED = 'panel5@parley.test';
const ENDED = 'panel6@parley.test';          // Edith Marsh: term ended 2025-08-31
const STRANGER = 'teacher2@parley.test';     // a teacher of another case
const ADMIN = PEOPLE.par.administrator;
const CT = PEOPLE.par.ct;
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 0x01, 0x01, 0xff, 0xd9]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, ...Buffer.from('IHDR')]);
const DOCX = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('word/document.xml')]);

let srv, j, k, TEACHER;
before(async () => {
    srv = await startServer();
    j = new Journey(srv);
    k = await j.parCase('sent');
    TEACHER = k.teacherEmail;
    await j.signIn(TEACHER);
});
after(async () => { await srv.stop(); });

const { as, page, api, post } = actors(() => srv);
const text = r => decode(r.text).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const id = email => personId(srv.db, email);
const readsOf = email => count(srv.db, 'audit',
    `action = 'read' AND actor_id = ${id(email)} AND subject_id = ${id(TEACHER)}`);

// The page's form, as a browser sends it: multipart, with the CSRF token.
async function send(email, { kind = 'written', body, file }) {
    const { c, csrf } = await as(email);
    const form = new FormData();
    form.set('csrf', csrf);
    form.set('kind', kind);
    form.set('body', body);
    if (file) form.set('file', new Blob([file.bytes], { type: file.type }), file.name);
    return c.request('POST', `/cases/${k.id}/panel-submissions`, { body: form });
}
// The API's multipart form: the same fields, with the person's token.
async function sendByApi(email, { kind = 'written', body, file }) {
    const form = new FormData();
    form.set('kind', kind);
    form.set('body', body);
    form.set('file', new Blob([file.bytes], { type: file.type }), file.name);
    return new Client(srv.base).request('POST', `/api/v1/cases/${k.id}/panel-submissions`,
                                        { body: form, headers: bearer(token(srv.db, email)) });
}
const fileOf = (email, sid) => page(email, `/cases/${k.id}/panel-submissions/${sid}/file`);
let letter, photo;

test('R22: the teacher sends the Panel a PDF with their evidence, the administrator a photo', async () => {
    const form = (await page(TEACHER, `/cases/${k.id}/recommendation`)).text;
    assert.match(form, /enctype="multipart\/form-data"/);
    assert.match(form, /<input[^>]*type="file"[^>]*name="file"|<input[^>]*name="file"[^>]*type="file"/);
    let r = await send(TEACHER, { body: 'My letter to the Panel.', file: { bytes: PDF, type: 'application/pdf', name: 'Letter to the Panel.pdf' } });
    assert.equal(r.status, 303, text(r));
    r = await send(ADMIN, { body: 'The board after the lesson.', file: { bytes: JPEG, type: 'image/jpeg', name: 'IMG_2041.jpeg' } });
    assert.equal(r.status, 303, text(r));
    const subs = (await api(SITTING, 'GET', `/cases/${k.id}/panel-submissions`)).json().items;
    [letter, photo] = subs;
    assert.deepEqual(subs.map(s => [s.party, s.file && s.file.name, s.file && s.file.media_type, s.file && s.file.size]),
                     [['teacher', 'Letter-to-the-Panel.pdf', 'application/pdf', PDF.length],
                      ['administrator', 'IMG_2041.jpg', 'image/jpeg', JPEG.length]]);
    assert.equal(letter.file.url, `/api/v1/cases/${k.id}/panel-submissions/${letter.id}/file`);
    const packet = text(await page(SITTING, `/cases/${k.id}/packet`));
    assert.match(packet, /File: Letter-to-the-Panel\.pdf \(PDF, \d+ bytes\)/);
    assert.match(packet, /File: IMG_2041\.jpg \(JPEG image, \d+ bytes\)/);
    // the API takes the same form, multipart, and answers with the file's record
    r = await sendByApi(TEACHER, { body: 'A chart of the term.', file: { bytes: PNG, type: 'image/png', name: 'chart.png' } });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.json().file && [r.json().file.name, r.json().file.media_type], ['chart.png', 'image/png']);
});

test('R22: a file that is not a PDF or a photo, or whose name lies about its bytes, is refused on the file field; what was typed is kept', async () => {
    const before = count(srv.db, 'panel_submission');
    for (const [file, why] of [
        [{ bytes: 'Only words.\n', type: 'image/jpeg', name: 'scan.jpg' }, /^scan\.jpg is not a kind of file the Panel takes\. Its content was checked, not its name/],
        [{ bytes: PNG, type: 'image/jpeg', name: 'scan.jpg' }, /^scan\.jpg is named as JPEG image, but its content is PNG image\. .*name it with \.png\./],
        [{ bytes: DOCX, type: 'application/octet-stream', name: 'notes.docx' }, /^notes\.docx is not a kind of file the Panel takes\. .*send a PDF, PNG or JPEG \(\.jpg\) file\./]]) {
        const r = await send(TEACHER, { body: 'Kept as typed.', file });
        assert.equal(r.status, 400, text(r));
        assert.match(fieldError(r.text, 'file') || '', why);
        assert.match(r.text, /<textarea[^>]*name="body"[^>]*>Kept as typed\.<\/textarea>/);
    }
    const r = await sendByApi(TEACHER, { body: 'Kept.', file: { bytes: 'Only words.\n', type: 'image/png', name: 'scan.png' } });
    assert.equal(r.status, 400);
    assert.equal(r.json().error.field, 'file');
    assert.match(r.json().error.message, /^scan\.png is not a kind of file the Panel takes/);
    assert.equal(count(srv.db, 'panel_submission'), before, 'nothing was written');
    // R22: the CT sends the Panel no evidence of their own: the recommendation is theirs.
    assert.equal((await send(CT, { body: 'From the CT.', file: { bytes: PDF, type: 'application/pdf', name: 'x.pdf' } })).status, 403);
});

test('a file sent to the Panel counts toward the case\'s upload quota, as an artifact does', async () => {
    const settings = async values => {
        const r = await post(PEOPLE.coordinator, '/settings', values);
        assert.equal(r.status, 303, text(r));
    };
    await settings({ upload_case_quota_mib: '1', upload_person_quota_mib: '100' });
    const pdf = kib => PDF + '%'.repeat(kib * 1024 - PDF.length);
    let r = await send(TEACHER, { body: 'The unit plan.', file: { bytes: pdf(700), type: 'application/pdf', name: 'unit.pdf' } });
    assert.equal(r.status, 303, text(r));
    const before = count(srv.db, 'panel_submission');
    r = await send(TEACHER, { body: 'More.', file: { bytes: pdf(400), type: 'application/pdf', name: 'more.pdf' } });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'file') || '', /^This file \(0\.4 MiB\) would take this case's files past their quota of 1\.0 MiB: they take 0\.\d MiB already\./);
    assert.equal(count(srv.db, 'panel_submission'), before, 'nothing was written');
    await settings({ upload_case_quota_mib: '100', upload_person_quota_mib: '500' });
});

test('R24, R29, R37: a sitting member opens the files, each read on the teacher\'s record; a recused or ended member, or a stranger, does not', async () => {
    await j.stage(k, 'docketed');
    let r = await api(RECUSED, 'POST', `/panel/sessions/${k.sessionId}/cases/${k.id}/recusals`,
                      { reason: 'I taught in the teacher\'s department last year.' });
    assert.equal(r.status, 201, r.text);

    const reads = readsOf(SITTING);
    r = await fileOf(SITTING, letter.id);
    assert.equal(r.status, 200);
    assert.equal(r.text, PDF);
    assert.equal(r.headers.get('content-type'), 'application/pdf');
    assert.equal(r.headers.get('content-disposition'), 'attachment; filename="Letter-to-the-Panel.pdf"');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(readsOf(SITTING), reads + 1, 'the read is audited about the teacher');
    r = await api(SITTING, 'GET', `/cases/${k.id}/panel-submissions/${photo.id}/file`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'image/jpeg');
    assert.equal(r.headers.get('content-disposition'), 'inline; filename="IMG_2041.jpg"', 'a photo opens in the browser');
    assert.equal(readsOf(SITTING), reads + 2, 'the API\'s read too');

    for (const who of [RECUSED, ENDED, STRANGER]) {
        const before = readsOf(who);
        for (const sid of [letter.id, photo.id]) {
            r = await fileOf(who, sid);
            assert.ok([403, 404].includes(r.status), `${who}: ${r.status}`);
            assert.ok(!r.text.includes('%PDF') && !r.text.includes('JFIF'), `${who} reads none of the file`);
            assert.ok([403, 404].includes((await api(who, 'GET', `/cases/${k.id}/panel-submissions/${sid}/file`)).status));
        }
        assert.equal(readsOf(who), before, `${who} read nothing, and no read of theirs is recorded`);
    }

    const history = text(await page(TEACHER, `/people/${id(TEACHER)}/history`));
    const name = scalar(srv.db, `SELECT name FROM person WHERE id = ${id(SITTING)};`);
    assert.match(history, new RegExp(`${name}.*Viewed the evidence sent to the Panel of the case of ${k.teacherName}`));
});

test('R37: the teacher opens their own file, and sees it listed with what they sent', async () => {
    const before = count(srv.db, 'audit', `action = 'read' AND subject_id = ${id(TEACHER)}`);
    const r = await fileOf(TEACHER, letter.id);
    assert.equal(r.status, 200);
    assert.equal(r.text, PDF);
    assert.equal(count(srv.db, 'audit', `action = 'read' AND subject_id = ${id(TEACHER)}`), before,
                 'one\'s own file is not a view by someone else');
    assert.match(text(await page(TEACHER, `/cases/${k.id}/recommendation`)), /My letter to the Panel\. File: Letter-to-the-Panel\.pdf/);
});
