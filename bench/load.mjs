// bench/load.mjs (`node bench/load.mjs`, after `make build/parley`): issue
// 15's measurements, reported and never pass/fail.
//
// 1. Sign-ins under load: /about's latency (median, 90th percentile) with
//    nobody signing in, then while SIGNERS clients sign in in a loop with
//    the right password; the ratio of the two medians. Password hashes run
//    on their own threads, so the ratio should stay near 1 (issue 15 found
//    1.7 ms -> 780 ms, a ratio of ~460, with 8 signers).
// 2. Uploads: the server's peak memory (VmHWM) before and after UPLOADS
//    uploads of 9.9 MB at once (issue 15 found 17 -> 247 MB for eight).
//
// Environment: PARLEY_BIN (build/parley), SIGNERS (8), SAMPLES (200),
// UPLOADS (8), THREADS (4, the server's page workers); BEFORE=1 for a
// binary from before issue 15 (none of its new options are given).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.PARLEY_BIN || 'build/parley';
const SIGNERS = Number(process.env.SIGNERS || 8);
const SAMPLES = Number(process.env.SAMPLES || 200);
const UPLOADS = Number(process.env.UPLOADS || 8);
const THREADS = process.env.THREADS || '4';
const PASSWORD = 'parley-demo-2026';
const BEFORE = process.env.BEFORE === '1';

async function start(db, args) {
    const child = spawn(BIN, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--threads', THREADS, ...args],
                        { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const port = await new Promise((resolve, reject) => {
        child.stderr.on('data', d => {
            err += d;
            const m = err.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
            if (m) resolve(Number(m[1]));
        });
        child.on('exit', code => reject(new Error(`parley serve exited ${code}: ${err}`)));
    });
    return { child, base: `http://127.0.0.1:${port}`, stderr: () => err };
}

// A client with cookies, enough for signing in (harness.mjs's, smaller).
async function signIn(base, email, headers = {}) {
    const page = await fetch(`${base}/login`, { headers });
    const cookie = page.headers.getSetCookie().map(c => c.split(';')[0]).join('; ');
    const csrf = (await page.text()).match(/name="csrf" value="([0-9a-f]{64})"/)[1];
    const r = await fetch(`${base}/login`, {
        method: 'POST', redirect: 'manual',
        headers: { ...headers, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf, email, password: PASSWORD, next: '/dashboard' }) });
    const session = r.headers.getSetCookie().map(c => c.split(';')[0]).find(c => c.startsWith('parley_session='));
    return { status: r.status, cookie: [cookie, session].filter(Boolean).join('; ') };
}

async function latencies(base, n) {
    const ms = [];
    for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const r = await fetch(`${base}/about`);
        await r.arrayBuffer();
        ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    return { p50: ms[Math.floor(n / 2)], p90: ms[Math.floor(n * 0.9)] };
}

function peakRss(pid) {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
    return Number(m[1]) / 1024;
}

async function signInLoad(db) {
    // Many sign-ins per account: the per-account limit is raised, and each
    // signer comes from an address of its own (through a trusted proxy), as
    // different people would.
    const srv = await start(db, BEFORE ? [] : ['--trusted-proxy', '127.0.0.1', '--signins-per-account',
                                               '100000', '--signins-per-address', '1000000']);
    try {
        await latencies(srv.base, 20);   // warm-up
        const idle = await latencies(srv.base, SAMPLES);
        let running = true, signIns = 0, busy = 0;
        const signers = Array.from({ length: SIGNERS }, async (_, i) => {
            while (running) {
                const r = await signIn(srv.base, 'coordinator@parley.test', { 'X-Forwarded-For': `198.51.100.${i + 1}` });
                if (r.status === 303) signIns++;
                else busy++;
            }
        });
        await new Promise(r => setTimeout(r, 500));
        const t0 = performance.now();
        const loaded = await latencies(srv.base, SAMPLES);
        const seconds = (performance.now() - t0) / 1000;
        running = false;
        await Promise.all(signers);
        return { idle, loaded, rate: signIns / seconds, busy };
    } finally {
        srv.child.kill('SIGTERM');
    }
}

async function uploads(db) {
    const srv = await start(db, []);
    try {
        const { cookie } = await signIn(srv.base, 'teacher@parley.test');
        const page = await (await fetch(`${srv.base}/dashboard`, { headers: { Cookie: cookie } })).text();
        const csrf = page.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
        const before = peakRss(srv.child.pid);
        const bytes = 'x'.repeat(9_900_000);
        const statuses = await Promise.all(Array.from({ length: UPLOADS }, async (_, i) => {
            const form = new FormData();
            form.set('csrf', csrf);
            form.set('title', `Load ${i}`);
            form.set('file', new Blob([bytes], { type: 'text/plain' }), `load-${i}.txt`);
            const r = await fetch(`${srv.base}/cases/2/artifacts`, { method: 'POST', body: form, redirect: 'manual',
                                                                    headers: { Cookie: cookie } });
            return r.status;
        }));
        return { before, after: peakRss(srv.child.pid), statuses };
    } finally {
        srv.child.kill('SIGTERM');
    }
}

const dir = mkdtempSync(join(tmpdir(), 'parley-load-'));
try {
    const db = join(dir, 'parley.db');
    const demo = spawnSync(BIN, ['demo', '--db', db], { encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(demo.stderr);
    const s = await signInLoad(db);
    console.log(`## Sign-ins under load (${SIGNERS} clients signing in in a loop, ${THREADS} page workers)\n`);
    console.log('| /about | median | 90th percentile |\n|---|---|---|');
    console.log(`| nobody signing in | ${s.idle.p50.toFixed(2)} ms | ${s.idle.p90.toFixed(2)} ms |`);
    console.log(`| ${SIGNERS} signing in | ${s.loaded.p50.toFixed(2)} ms | ${s.loaded.p90.toFixed(2)} ms |`);
    console.log(`\nRatio of the medians: ${(s.loaded.p50 / s.idle.p50).toFixed(2)}; sign-ins meanwhile: ` +
                `${s.rate.toFixed(1)}/s (${s.busy} turned away busy).\n`);
    const u = await uploads(db);
    console.log(`## ${UPLOADS} uploads of 9.9 MB at once\n`);
    console.log(`Peak memory (VmHWM): ${u.before.toFixed(0)} MB before, ${u.after.toFixed(0)} MB after; ` +
                `answers: ${[...new Set(u.statuses)].join(', ')}.`);
} finally {
    rmSync(dir, { recursive: true, force: true });
}
