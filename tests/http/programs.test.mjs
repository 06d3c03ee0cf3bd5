// programs.test.mjs: several programs in one installation. A district's
// PA/PAR program and a federation's Peer Support Service live side by side;
// a person may belong to both (principal2 is a district administrator and a
// federation member); a session works in one program at a time, with only
// the roles held in it; each program gives only its own roles; the public
// site stays the installation's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './harness.mjs';
import { DEMO, scalar, decode, fieldError, personId, actors } from './records.mjs';

const BOTH = 'principal2@parley.test';
let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });
const { page, post } = actors(() => srv);
const text = r => decode(r.text).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const federation = () => scalar(srv.db, "SELECT id FROM program WHERE kind = 'federation';");

test('a person in two programs works in one at a time, with the roles held in it', async () => {
    let r = await page(BOTH, '/account');
    assert.match(text(r), /Your programs/);
    assert.match(text(r), /Harbor City Educator Supports Program \(you are working in it\)/);
    assert.match(text(r), /Administrator/);
    assert.doesNotMatch(text(r), /Federation Member/, "the federation's role does not count in the district");
    assert.equal((await page(BOTH, '/cases')).status, 200, 'a district administrator lists their cases');

    r = await post(BOTH, '/account/program', { program_id: federation() });
    assert.equal(r.status, 303);
    r = await page(BOTH, '/account');
    assert.match(text(r), /Federation Member/);
    assert.doesNotMatch(text(r), /<span class="badge">Administrator/);
    assert.match(text(r), /Peer Support Service \(you are working in it\)/);
    assert.equal((await page(BOTH, '/cases')).status, 403, "the district's role does not count in the federation");
    assert.equal((await page(BOTH, '/cases/1')).status, 404, "nor are the district's cases seen from there");
    assert.equal(scalar(srv.db, `SELECT COUNT(*) FROM audit WHERE action = 'switch' AND subject_id = ${personId(srv.db, BOTH)};`), '1');

    // back to the district
    r = await post(BOTH, '/account/program', { program_id: '1' });
    assert.equal(r.status, 303);
    assert.equal((await page(BOTH, '/cases')).status, 200);
});

test("one may work only in one's own programs", async () => {
    assert.equal((await post(DEMO.coordinator, '/account/program', { program_id: federation() })).status, 404);
    assert.equal((await post(DEMO.coordinator, '/account/program', {})).status, 400);
    assert.doesNotMatch(text(await page(DEMO.coordinator, '/account')), /Your programs/,
                        'one program: nothing to choose');
});

test("each program gives only its own roles; another program's roles do not show", async () => {
    const teacher3 = personId(srv.db, 'teacher3@parley.test');
    let r = await post(DEMO.coordinator, `/people/${teacher3}/roles`, { role: 'member' });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.text, 'role'), /Peer Support Service/);
    // principal2's federation role is not on their district record
    const p2 = personId(srv.db, BOTH);
    r = await page(DEMO.coordinator, `/people/${p2}`);
    assert.equal(r.status, 200);
    assert.doesNotMatch(text(r), /Federation Member/);
    // the federation's people are not the district's
    const member = personId(srv.db, 'member@parley.test');
    assert.equal((await page(DEMO.coordinator, `/people/${member}`)).status, 404);
});

test("the public site is the installation's, whichever program one works in", async () => {
    const resource = scalar(srv.db, 'SELECT MAX(id) FROM resource WHERE published = 1;');
    assert.equal((await page('member@parley.test', `/resources/${resource}/download`)).status, 200);
    const news = scalar(srv.db, 'SELECT title FROM news_post WHERE published = 1 ORDER BY id LIMIT 1;');
    assert.ok(text(await page('member@parley.test', '/news')).includes(news));
});
