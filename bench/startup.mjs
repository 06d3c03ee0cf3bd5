// startup.mjs BIN DB PORT THREADS [RUNS [OPTION...]]: the start-up time of `parley serve`,
// from spawning the process to the first 200 answer from /healthz, polled
// in a tight loop of fresh connections. Runs RUNS times (default 7), stopping
// the server each time, and prints "median min max" in milliseconds. Any
// OPTIONs go to parley serve (--audit-key PATH for a PostgreSQL database).
import { spawn } from 'node:child_process';
import http from 'node:http';

const [bin, db, port, threads, runs = '7', ...options] = process.argv.slice(2);

function healthz() {
    return new Promise(resolve => {
        const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, res => {
            res.resume();
            res.on('end', () => resolve(res.statusCode));
        });
        req.on('error', () => resolve(0));
    });
}

async function once() {
    const t0 = process.hrtime.bigint();
    const child = spawn(bin, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--threads', threads, ...options],
                        { stdio: 'ignore' });
    let exited = false;
    const gone = new Promise(r => child.once('exit', () => { exited = true; r(); }));
    while (!exited && (await healthz()) !== 200) { /* poll again at once */ }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (exited) throw new Error('parley serve exited before answering');
    child.kill('SIGTERM');
    await gone;
    return ms;
}

const times = [];
for (let i = 0; i < Number(runs); i++) times.push(await once());
times.sort((a, b) => a - b);
const f = x => x.toFixed(1);
console.log(`${f(times[Math.floor(times.length / 2)])} ${f(times[0])} ${f(times[times.length - 1])}`);
