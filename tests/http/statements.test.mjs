// statements.test.mjs: a page's database statements do not grow with the
// data (issue 19: no N+1). The test build tells each request's count
// (X-Parley-Statements); each role's main pages are counted with one case
// of each track on a caseload, then again with eight more, all set up
// through the API (journey.mjs). A page that asks once per case, per row
// or per person asks at least eight more times the second time; a page
// may ask once or twice more only where a part that was empty the first
// time has something to show (a week's calendar that the cases' dates
// now reach), so growing by half the cases added is what fails. Each page
// is asked twice and the second count kept: a list that shows a case is a
// read of it, audited once a day per reader (R37), so the first view of
// the day writes once per case it shows — by design, not counted here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';
import { Journey, PEOPLE } from './journey.mjs';

let srv, j;
before(async () => { srv = await startServer(); j = new Journey(srv); });
after(async () => { await srv.stop(); });

// Each role's pages; {par} and {pa} are one case of that track.
const PAGES = {
    [PEOPLE.coordinator]: ['/dashboard', '/cases', '/intake', '/deadlines', '/people', '/cts',
                           '/reports', '/track-record', '/audit', '/inbox', '/decisions',
                           '/panel', '/cases/{par}', '/cases/{pa}', '/people/{teacher}/history'],
    [PEOPLE.par.ct]: ['/dashboard', '/cases', '/deadlines', '/inbox', '/cases/{par}',
                      '/cases/{par}/observations', '/cases/{par}/goals', '/cases/{par}/meetings'],
    [PEOPLE.par.administrator]: ['/dashboard', '/cases', '/cases/{par}'],
    [PEOPLE.superintendent]: ['/dashboard', '/decisions'],
    [PEOPLE.panel[0]]: ['/dashboard', '/panel'],
    [PEOPLE.union]: ['/dashboard', '/cases'],
    '/': ['/', '/about', '/track-record', '/eligibility'],
};

async function counts(ks) {
    const par = ks.find(k => k.track === 'par'), pa = ks.find(k => k.track === 'pa');
    const out = {};
    for (const [who, paths] of Object.entries(PAGES)) {
        const c = new Client(srv.base);
        if (who !== '/') await c.login(who);
        for (const pattern of paths) {
            const path = pattern.replace('{par}', par.id).replace('{pa}', pa.id)
                                .replace('{teacher}', par.teacherId);
            await c.get(path);
            const r = await c.get(path);
            assert.equal(r.status, 200, `${who} ${path}: ${r.status}`);
            const n = r.headers.get('x-parley-statements');
            assert.ok(n !== null, `${path}: the test build tells its statements`);
            out[`${who} ${path}`] = Number(n);
        }
    }
    return out;
}

const ADDED = 8;

test("each role's main pages do not ask once per case: one case a track, then nine", async () => {
    const first = [await j.parCase('cycle'), await j.paCase('cycle')];
    first[0].teacherId = (await j.must(PEOPLE.coordinator, 'GET', `/cases/${first[0].id}`)).teacher_id;
    const before = await counts(first);
    await j.cases(ADDED, 'par', 'cycle');
    await j.cases(ADDED, 'pa', 'cycle');
    const afterMore = await counts(first);
    const grew = Object.keys(before).filter(p => afterMore[p] - before[p] >= ADDED / 2)
                       .map(p => `${p}: ${before[p]} -> ${afterMore[p]}`);
    assert.deepEqual(grew, []);
});
