// report.mjs RESULTS.tsv OUT.md: turns bench/run.sh's measurements into
// bench/RESULTS.md: the machine, the command, the tables and the targets of
// issue 19, each marked met or missed. bench/NOTES.md (written by hand: the
// causes of misses, what was profiled) is copied in at the end.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const [tsv, out] = process.argv.slice(2);
const meta = {}, runs = [], alone = {};
for (const line of readFileSync(tsv, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f[0] === 'meta') meta[f[1]] = f[2];
    else if (f[0] === 'alone') alone[`${f[1]} ${f[2]} ${f[3]}`] = +f[4];   // size server page: ms
    else if (f[0] === 'run') {
        const [, size, server, page, path, bytes, rps, p50, p99, n, non2xx, errors] = f;
        runs.push({ size, server, page, path, bytes: +bytes, rps: +rps, p50: +p50, p99: +p99,
                    n: +n, non2xx: +non2xx, errors: +errors });
    }
}
const get = (size, server, page) => runs.find(r => r.size === size && r.server === server && r.page === page);
// The databases measured, smallest first: the default demo, --size large, --size huge.
const SIZES = ['small', 'large', 'huge'].filter(size => runs.some(r => r.size === size && r.server === 'parley'));
const aloneMs = (size, server, page) => alone[`${size} ${server} ${page}`];
const PAGES = [
    ['home', 'public home page `/`'],
    ['about', 'public About page `/about`'],
    ['faq', 'public FAQ `/faq`'],
    ['eligibility', 'eligibility checker with an answer `/eligibility?check=1&…`'],
    ['dashboard', 'dashboard `/dashboard`'],
    ['people', 'people list `/people`'],
    ['api_people', 'API list `/api/v1/people`'],
    ['intake', 'intake queue `/intake`'],
    ['ct_dashboard', "a CT's dashboard `/dashboard`: caseload, what is due, the week"],
    ['deadlines', "the coordinator's deadlines `/deadlines`: every case on a caseload"],
    ['api_deadlines', 'API deadlines `/api/v1/deadlines` (the coordinator\'s)'],
    ['goals', "a case's goals `/cases/ID/goals` (audited read, R37)"],
    ['observations', "a case's observations `/cases/ID/observations` (audited read, R37)"],
    ['meetings', "a case's parley meetings `/cases/ID/meetings` (audited read, R37)"],
    ['coaching', "a case's coaching log `/cases/ID/coaching` (audited read, R37)"],
    ['evaluations', "a case's evaluations `/cases/ID/evaluations` (audited read, R37)"],
    ['recommendation', "a case's recommendation to the Panel `/cases/ID/recommendation` (audited read)"],
    ['packet', "a case's evidence packet for the Panel `/cases/ID/packet` (audited read, R21)"],
    ['panel', "the Panel's overview `/panel`: sessions to come, cases awaiting a decision"],
    ['panel_sessions', "the Panel's sessions `/panel/sessions`"],
    ['api_panel', 'API Panel overview `/api/v1/panel/overview`'],
    ['decisions', "decisions awaiting the Superintendent's approval `/decisions` (R25)"],
    ['cts', "the Consulting Teachers' terms `/cts` (R27, R28)"],
    ['roster', "the Panel's roster `/panel/roster` (R29)"],
    ['track_record', 'public Track Record `/track-record`: figures, SVG charts (R39)'],
    ['track_record_csv', 'public Track Record as CSV `/track-record.csv` (R39)'],
    ['reports', "the program's reports `/reports`: outcomes, surveys, the work (R39)"],
    ['reports_feedback_csv', 'days to feedback as CSV `/reports/feedback.csv`'],
    ['api_reports_work', 'API work reports `/api/v1/reports/work`'],
    ['surveys', 'who was asked the end-of-cycle survey `/surveys` (names and yes/no only)'],
    ['outcome', "a case's outcome `/cases/ID/outcome` (audited read)"],
    ['pss', "the Peer Support Service's cases `/pss` (the service coordinator's; audited)"],
    ['person', 'person page `/people/ID` (writes an audit row per view, R37)'],
    ['case', 'case page `/cases/ID` (writes an audit row per view, R37)'],
];
const f0 = x => Math.round(x).toLocaleString('en-US');
const f2 = x => x.toFixed(2);
const ms = x => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const mark = ok => (ok ? 'met' : '**missed**');
const MiB = kib => kib / 1024;

const lines = [];
const p = s => lines.push(s);
p('# Parley: benchmark results');
p('');
p('Made by `make bench` (bench/run.sh), on loopback. Timings are never pass/fail');
p('tests; this file is the record. Do not edit it by hand: edit bench/NOTES.md');
p('and run `make bench` again.');
p('');
p('## The run');
p('');
p(`- date: ${meta.date}; commit ${meta.commit}`);
p(`- machine: ${meta.nproc} CPUs (${meta.cpu}), ${meta.memory} memory, ${meta.kernel}`);
p(`- wrk ${meta.wrk}, nginx ${meta.nginx}, SQLite ${meta.sqlite}${meta.postgresql ? `, PostgreSQL ${meta.postgresql}` : ''}`);
p(`- load: \`wrk -t2 -c${meta.conns} -d${meta.seconds}s --latency\` per page, after a ${meta.warmup || 2} s warm-up`);
p(`  with the same command; wrk, the server and nginx share the ${meta.nproc} CPUs.`);
p(`- Parley: the release build (\`-O2\`), \`parley serve --threads ${meta.threads}\` (2 × nproc)`);
p('  `--max-conns-per-address 1000` (wrk\'s connections all come from 127.0.0.1),');
p('  signed in as the coordinator (session cookie) or with an API token (`/api/v1`).');
p('  The person page is teacher@parley.test\'s record in both databases, the case');
p('  page that teacher\'s case (on a caseload, with its timeline). The eligibility');
p('  checker answers district_year=5, plan=directed_growth, months=12,');
p('  rating=needs_improvement, union_member=yes, full_time=yes, job=classroom_teacher.');
p('- nginx: the exact bytes Parley answered for each page, as static files');
p('  (bench/nginx.conf: 2 workers, access_log off, sendfile, keep-alive): the ceiling.');
p('- databases:');
for (const size of SIZES)
    p(`  - ${size === 'small' ? 'the default demo' : `\`parley demo --size ${size}\``}: ${f0(+meta[`${size}_people`])} people, ${f0(+meta[`${size}_audit_rows`])} audit rows`);
p('- alone: the median of 5 requests one after another on the idle server, before the');
p('  page\'s load run (curl\'s time_total, loopback), the cost of one view.');
p('');

p('## Per page: Parley and nginx serving the same bytes');
p('');
p('| page | DB | bytes | alone ms | Parley req/s | p50 ms | p99 ms | nginx req/s | nginx p99 ms | Parley / nginx |');
p('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|');
const bad = [];
const aloneText = (size, server, page) => (aloneMs(size, server, page) === undefined ? '' : ms(aloneMs(size, server, page)));
for (const [page, label] of PAGES) {
    for (const size of SIZES) {
        const a = get(size, 'parley', page), n = get(size, 'nginx', page);
        if (!a || !n) continue;
        for (const r of [a, n])
            if (r.non2xx || r.errors) bad.push(`${r.server} ${size} ${r.path}: ${r.non2xx} non-2xx, ${r.errors} socket errors`);
        p(`| ${label} | ${size} | ${f0(a.bytes)} | ${aloneText(size, 'parley', page)} | ${f0(a.rps)} | ${ms(a.p50)} | ${ms(a.p99)} | ${f0(n.rps)} | ${ms(n.p99)} | ${f2(a.rps / n.rps)} |`);
    }
}
p('');
if (bad.length) {
    p('Answers that were not 2xx or 3xx, or socket errors (these runs are suspect):');
    p('');
    for (const b of bad) p(`- ${b}`);
    p('');
}

// The PostgreSQL column: the same pages on the same demos, on PostgreSQL.
const pgRuns = runs.filter(r => r.server === 'parley_pg');
if (pgRuns.length) {
    p('## SQLite and PostgreSQL');
    p('');
    p('The same pages on the same demo databases, moved to PostgreSQL with `parley copy`');
    p('(the same rows): a throwaway cluster (scripts/pg-cluster.sh) on the same');
    p('machine, over loopback TCP, with the same Parley threads and connections, and');
    p('`fsync`, `synchronous_commit` and `full_page_writes` off (a test cluster:');
    p('durability traded for speed, which flatters the pages that write, such as the');
    p('person page). A production server with durable commits pays a disk flush per');
    p('write that SQLite (WAL) pays too.');
    p('');
    p('| page | DB | SQLite alone ms | SQLite req/s | p99 ms | PostgreSQL alone ms | PostgreSQL req/s | p99 ms | PostgreSQL / SQLite |');
    p('|---|---|--:|--:|--:|--:|--:|--:|--:|');
    for (const [page, label] of PAGES) {
        for (const size of SIZES) {
            const s = get(size, 'parley', page), g = get(size, 'parley_pg', page);
            if (!s || !g) continue;
            if (g.non2xx || g.errors) bad.push(`PostgreSQL ${size} ${g.path}: ${g.non2xx} non-2xx, ${g.errors} socket errors`);
            p(`| ${label} | ${size} | ${aloneText(size, 'parley', page)} | ${f0(s.rps)} | ${ms(s.p99)} | ${aloneText(size, 'parley_pg', page)} | ${f0(g.rps)} | ${ms(g.p99)} | ${f2(g.rps / s.rps)} |`);
        }
    }
    p('');
    if (bad.some(b => b.startsWith('PostgreSQL'))) {
        p('PostgreSQL runs with answers that were not 2xx or 3xx, or socket errors (suspect):');
        p('');
        for (const b of bad.filter(x => x.startsWith('PostgreSQL'))) p(`- ${b}`);
        p('');
    }
}

// Each size beside the one before it: the cost of one view alone, and the
// throughput; a page whose answer grew (a list that lists more) is marked.
const growth = (from, to) => PAGES.map(([page, label]) => {
    const a = get(from, 'parley', page), b = get(to, 'parley', page);
    if (!a || !b) return null;
    const slower = a.rps / b.rps, aloneRatio = aloneMs(to, 'parley', page) / aloneMs(from, 'parley', page);
    return { page, label, a, b, slower, aloneRatio, grew: b.bytes > a.bytes * 1.5 };
}).filter(Boolean);
for (let i = 1; i < SIZES.length; i++) {
    const from = SIZES[i - 1], to = SIZES[i];
    p(`## How cost grows with data: ${to} database beside ${from}`);
    p('');
    p(`| page | ${from} bytes | ${to} bytes | ${from} alone ms | ${to} alone ms | alone ${to} / ${from} | ${from} req/s | ${to} req/s | slower by (req/s) |`);
    p('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const g of growth(from, to))
        p(`| ${g.label}${g.grew ? ' (its answer grew)' : ''} | ${f0(g.a.bytes)} | ${f0(g.b.bytes)} | ${aloneText(from, 'parley', g.page)} | ${aloneText(to, 'parley', g.page)} | ${f2(g.aloneRatio)}× | ${f0(g.a.rps)} | ${f0(g.b.rps)} | ${f2(g.slower)}× |`);
    p('');
}
const startup = size => meta[`${size}_startup_ms`].split(' ').map(Number);   // median min max
p('## The server');
p('');
p(`| | ${SIZES.join(' | ')} |`);
p(`|---|${SIZES.map(() => '--:').join('|')}|`);
p(`| SQLite: start-up to the first 200 from /healthz, ms (median of 7; min–max) | ${SIZES.map(z => `${startup(z)[0]} (${startup(z)[1]}–${startup(z)[2]})`).join(' | ')} |`);
p(`| SQLite: peak RSS (VmHWM after all its runs), MiB | ${SIZES.map(z => MiB(+meta[`${z}_rss_kib`]).toFixed(1)).join(' | ')} |`);
const PG_SIZES = SIZES.filter(z => meta[`pg_${z}_startup_ms`]);
if (PG_SIZES.length) {
    const pgStart = size => meta[`pg_${size}_startup_ms`].split(' ').map(Number);
    p(`| PostgreSQL: start-up to the first 200, ms (median of 7; min–max) | ${SIZES.map(z => (meta[`pg_${z}_startup_ms`] ? `${pgStart(z)[0]} (${pgStart(z)[1]}–${pgStart(z)[2]})` : 'not measured')).join(' | ')} |`);
    p(`| PostgreSQL: peak RSS of parley (the database server not counted), MiB | ${SIZES.map(z => (meta[`pg_${z}_rss_kib`] ? MiB(+meta[`pg_${z}_rss_kib`]).toFixed(1) : 'not measured')).join(' | ')} |`);
}
p('');

// The roster import of issue 17 (bench/roster.sh): the whole command, from
// start to exit, with the release build.
if (meta.roster_sqlite) {
    p(`## Roster import (issue 17)`);
    p('');
    p(`\`parley import roster\` of a ${f0(+meta.roster_people)}-person OneRoster 1.1 set (60 schools, and a`);
    p('student for each ten staff, left out) into a fresh default demo; each time is the whole command,');
    p('from start to exit.');
    p('');
    p('| engine | preview, ms | import, ms | the same import again (no change), ms |');
    p('|---|---|---|---|');
    for (const [engine, key] of [['SQLite', 'roster_sqlite'], ['PostgreSQL', 'roster_pg']])
        if (meta[key]) p(`| ${engine} | ${meta[key].split(' ').join(' | ')} |`);
    p('');
}

// The targets of issue 19, on SQLite; where a target misses, the pages
// that miss it are named (bench/NOTES.md says why, from their profiles).
const parley = runs.filter(r => r.server === 'parley');
const ratios = parley.map(r => ({ r, v: r.rps / get(r.size, 'nginx', r.page).rps }));
const worstRatio = ratios.reduce((a, b) => (b.v < a.v ? b : a));
const worstP99 = parley.reduce((a, b) => (b.p99 > a.p99 ? b : a));
const rss = Math.max(...SIZES.map(z => +meta[`${z}_rss_kib`]));
const start = Math.max(...SIZES.map(z => startup(z)[0]));
const where = r => `${r.size} ${r.path.replace(/\?.*/, '?…')}`;
const names = list => (list.length ? ': ' + list.join(', ') : '');
const worst = (list, key) => list.reduce((a, b) => (b[key] > a[key] ? b : a), list[0]);
p('## Targets (issue 19)');
p('');
p('Measured on SQLite, the default engine, in this one run beside nginx.');
p('');
p('| target | worst measured | |');
p('|---|---|---|');
const under = ratios.filter(x => x.v < 0.1).map(x => where(x.r));
p(`| every page ≥ 0.1× nginx's throughput for the same bytes | ${f2(worstRatio.v)} (${where(worstRatio.r)}) | ${mark(!under.length)}${names(under)} |`);
const over = parley.filter(r => r.p99 >= 25).map(where);
p(`| p99 < 25 ms at ${meta.conns} connections | ${ms(worstP99.p99)} ms (${where(worstP99)}) | ${mark(!over.length)}${names(over)} |`);
const aloneAll = parley.filter(r => aloneMs(r.size, 'parley', r.page) !== undefined)
    .map(r => ({ r, v: aloneMs(r.size, 'parley', r.page) }));
if (aloneAll.length) {
    const slowest = worst(aloneAll, 'v'), slowAlone = aloneAll.filter(x => x.v >= 20).map(x => where(x.r));
    p(`| each page, requested alone, < 20 ms | ${ms(slowest.v)} ms (${where(slowest.r)}) | ${mark(!slowAlone.length)}${names(slowAlone)} |`);
}
for (const [from, to, limit] of [['small', 'large', 1.5], ['large', 'huge', 1.2]]) {
    if (!SIZES.includes(from) || !SIZES.includes(to)) continue;
    const g = growth(from, to).filter(x => !x.grew), w = worst(g, 'aloneRatio');
    const missed = g.filter(x => x.aloneRatio > limit).map(x => x.page);
    p(`| every page alone on ${to} ≤ ${limit}× its cost on ${from} (but those whose answer grew) | ${f2(w.aloneRatio)}× (${w.page}) | ${mark(!missed.length)}${names(missed)} |`);
}
const pgRatio = PAGES.flatMap(([page]) => SIZES.map(size => ({ page, size, s: get(size, 'parley', page), g: get(size, 'parley_pg', page) })))
    .filter(x => x.s && x.g).map(x => ({ ...x, v: x.s.rps / x.g.rps }));
if (pgRatio.length) {
    const w = worst(pgRatio, 'v'), missed = pgRatio.filter(x => x.v > 2).map(x => `${x.size} ${x.page}`);
    p(`| PostgreSQL within 2× of SQLite on each page (throughput) | ${f2(w.v)}× slower (${w.size} ${w.page}) | ${mark(!missed.length)}${names(missed)} |`);
}
// Audited reads (R37): every view of these writes its audit row, committed
// before the answer (the group commit of app/audit_writer.c).
const AUDITED = ['goals', 'observations', 'meetings', 'coaching', 'evaluations', 'recommendation',
                 'packet', 'outcome', 'person', 'case'];
const audited = parley.filter(r => AUDITED.includes(r.page));
if (audited.length) {
    const w = audited.reduce((a, b) => (b.rps < a.rps ? b : a));
    const missed = audited.filter(r => r.rps < 10000).map(where);
    p(`| audited reads ≥ 10,000 req/s | ${f0(w.rps)} req/s (${where(w)}) | ${mark(!missed.length)}${names(missed)} |`);
}
p(`| peak RSS < 64 MiB | ${MiB(rss).toFixed(1)} MiB | ${mark(MiB(rss) < 64)} |`);
p(`| start-up < 50 ms | ${start} ms | ${mark(start < 50)} |`);
p('');
p('Raw wrk output: `build/bench/wrk-*.txt`; the measurements: `build/bench/results.tsv`.');
p('');
if (existsSync('bench/NOTES.md')) {
    p(readFileSync('bench/NOTES.md', 'utf8').trimEnd());
    p('');
}
writeFileSync(out, lines.join('\n'));
