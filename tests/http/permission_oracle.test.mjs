// permission_oracle.test.mjs: spot checks of who may do what, through the
// whole server (the relationships app/ works out, the policy table, the
// answer's status), each expected answer written by hand from RULES.md
// beside its rule; tests/unit/test_policy_oracle.c asks the policy table
// itself the same questions, row by row. The demo: case 1 is Aisha Bello's
// PA case (Lincoln Park, principal2@, ct2@), case 2 Samuel Reyes's PAR case
// (Riverside, principal@, ct1@, union@), neither before the Panel yet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './harness.mjs';
import { DEMO, actors } from './records.mjs';

let srv;
const who = actors(() => srv);
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

const PA = 1, PAR = 2;
// FORBIDDEN: refused to someone who knows the record exists; HIDDEN: to a
// stranger, as if it did not exist; DENY: either.
const ALLOW = 'allow', FORBIDDEN = 403, HIDDEN = 404, DENY = 'deny';

// [rule, who, method, path, answer]; a page unless the path starts /api/v1.
const ORACLE = [
    // R12: the teacher's administrator sees the case (to set its timeline)...
    ['R12', 'principal2@parley.test', 'GET', `/cases/${PA}`, ALLOW],
    // R16: ...but nothing of a PA case's work reaches an evaluator.
    ['R16', 'principal2@parley.test', 'GET', `/cases/${PA}/coaching`, FORBIDDEN],
    ['R16', 'principal2@parley.test', 'GET', `/cases/${PA}/observations`, FORBIDDEN],
    ['R16', 'principal2@parley.test', 'GET', `/api/v1/cases/${PA}/goals`, FORBIDDEN],
    ['R16', 'principal2@parley.test', 'GET', `/cases/${PA}/artifacts`, FORBIDDEN],
    // R37: the teacher sees everything in their own case.
    ['R37', 'teacher2@parley.test', 'GET', `/cases/${PA}/coaching`, ALLOW],
    ['R37', DEMO.participating_teacher, 'GET', `/cases/${PAR}/observations`, ALLOW],
    ['R37', 'teacher2@parley.test', 'GET', `/cases/${PAR}`, HIDDEN],
    // R14: on a PAR case the administrator is the secondary evaluator...
    ['R14', DEMO.administrator, 'GET', `/cases/${PAR}/observations`, ALLOW],
    // R15: ...and only the primary evaluator, the CT, creates an evaluation.
    ['R15', DEMO.administrator, 'POST', `/api/v1/cases/${PAR}/evaluations`, FORBIDDEN],
    ['R15', DEMO.participating_teacher, 'POST', `/api/v1/cases/${PAR}/evaluations`, FORBIDDEN],
    ['R15', DEMO.coordinator, 'POST', `/api/v1/cases/${PAR}/evaluations`, DENY],
    ['R15', DEMO.consulting_teacher, 'GET', `/cases/${PAR}/evaluations`, ALLOW],
    // R8: an administrator cannot enrol a teacher, nor see who asked for help.
    ['R8', DEMO.administrator, 'POST', '/cases', FORBIDDEN],
    ['R8', DEMO.administrator, 'GET', '/intake', FORBIDDEN],
    // R21: the Panel reaches a PAR case once it is sent, never a PA case.
    ['R21', DEMO.panel_member, 'GET', `/cases/${PA}`, HIDDEN],
    ['R21', DEMO.panel_member, 'GET', `/cases/${PAR}`, HIDDEN],
    // R25: the Superintendent reaches a case once the Panel has decided it.
    ['R25', DEMO.superintendent, 'GET', `/cases/${PAR}`, HIDDEN],
    // R11: the union representative takes part in the PAR case.
    ['R11', DEMO.union_rep, 'GET', `/cases/${PAR}`, ALLOW],
    // R33-R35: the wall: no district role reaches the Peer Support Service,
    ['R35', DEMO.coordinator, 'GET', '/pss', FORBIDDEN],
    ['R35', DEMO.administrator, 'GET', '/api/v1/pss', FORBIDDEN],
    ['R35', DEMO.superintendent, 'GET', '/pss', FORBIDDEN],
    // and the service's people reach none of the district's cases.
    ['R34', DEMO.pss_coordinator, 'GET', '/cases', FORBIDDEN],
    ['R34', DEMO.pss_consultant, 'GET', `/api/v1/cases/${PAR}`, HIDDEN],
    // R31: the service coordinator receives the requests.
    ['R31', DEMO.pss_coordinator, 'GET', '/pss', ALLOW],
];

async function ask(email, method, path) {
    if (path.startsWith('/api/v1'))
        return who.api(email, method, path.slice('/api/v1'.length), method === 'GET' ? undefined : {});
    return method === 'GET' ? who.page(email, path) : who.post(email, path, {});
}

for (const [rule, email, method, path, want] of ORACLE) {
    test(`${rule}: ${email} ${method} ${path} is ${want === ALLOW ? 'allowed' : want === DENY ? 'refused' : want}`, async () => {
        const r = await ask(email, method, path);
        if (want === ALLOW)
            assert.ok(r.status < 400, `${rule}: allowed, but answered ${r.status}`);
        else if (want === DENY)
            assert.ok([403, 404].includes(r.status), `${rule}: refused, but answered ${r.status}`);
        else
            assert.equal(r.status, want, `${rule}: ${r.text.slice(0, 200)}`);
    });
}
