// structure.test.mjs: the source tree keeps its shape (DESIGN.md, issue 20).
//  - every #include points down the layers, or within its own folder;
//  - nothing below demo/ calls it;
//  - no circles among the files of app/: each concept is owned by one file
//    and the others call down into it.
// Calls are read from the objects the test build made (nm), so a call
// through a header that another file declares still counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const src = join(root, 'src');

// DESIGN.md's layers, top to bottom; a folder may include its own headers
// and those of any folder on a lower rank (siblings on one rank may not).
const rank = { main: 6, web: 5, demo: 5, app: 4, domain: 3, store: 2, http: 1, out: 1, base: 0 };

function sources(folder) {
    return readdirSync(join(src, folder)).filter(f => /\.[ch]$/.test(f)).map(f => join(folder, f));
}

test('every #include points down the layers', () => {
    const files = [...Object.keys(rank).filter(f => f !== 'main').flatMap(sources), 'main.c'];
    const wrong = [];
    for (const file of files) {
        const from = file.includes('/') ? file.split('/')[0] : 'main';
        const text = readFileSync(join(src, file), 'utf8');
        for (const [, to] of text.matchAll(/^#include "([a-z]+)\//gm)) {
            if (to === from) continue;
            if (!(to in rank) || rank[to] >= rank[from])
                wrong.push(`${file} includes ${to}/ (${from}/ may include only the layers below it)`);
        }
    }
    assert.deepEqual(wrong, []);
});

// Each object's defined and undefined symbols.
function symbols(folder) {
    const dir = join(root, 'build/san', folder);
    assert.ok(existsSync(dir), `build ${dir} first (make build/san/parley)`);
    const out = new Map();
    // Only objects whose source is still there: a file moved away leaves
    // its old object behind in an incremental build.
    const built = readdirSync(dir).filter(f => f.endsWith('.o') &&
                                                existsSync(join(src, folder, f.replace(/\.o$/, '.c'))));
    for (const o of built) {
        const defined = new Set(), used = new Set();
        for (const line of execFileSync('nm', [join(dir, o)], { encoding: 'utf8' }).split('\n')) {
            const p = line.trim().split(/\s+/);
            if (p.length === 3 && /[TDBR]/.test(p[1])) defined.add(p[2]);
            else if (p.length === 2 && p[0] === 'U') used.add(p[1]);
        }
        out.set(`${folder}/${o.replace(/\.o$/, '.c')}`, { defined, used });
    }
    return out;
}

test('nothing in app/ or below calls demo/', () => {
    const demo = new Set([...symbols('demo').values()].flatMap(s => [...s.defined]));
    const calls = [];
    for (const folder of ['app', 'domain', 'store', 'http', 'out', 'base'])
        for (const [file, s] of symbols(folder))
            for (const name of s.used) if (demo.has(name)) calls.push(`${file} calls ${name}`);
    assert.deepEqual(calls, []);
});

// The files of app/ that call each other in a circle (Tarjan's strongly
// connected components), each with the calls that make it.
function circles(objects) {
    const owner = new Map();
    for (const [file, s] of objects) for (const name of s.defined) owner.set(name, file);
    const calls = new Map();
    for (const [file, s] of objects) {
        const to = new Map();
        for (const name of s.used) {
            const o = owner.get(name);
            if (o && o !== file) to.set(o, [...(to.get(o) ?? []), name]);
        }
        calls.set(file, to);
    }
    let next = 0;
    const index = new Map(), low = new Map(), stack = [], on = new Set(), found = [];
    const visit = v => {
        index.set(v, next); low.set(v, next); next++;
        stack.push(v); on.add(v);
        for (const w of calls.get(v).keys()) {
            if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
            else if (on.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
        }
        if (low.get(v) === index.get(v)) {
            const c = [];
            let w;
            do { w = stack.pop(); on.delete(w); c.push(w); } while (w !== v);
            if (c.length > 1) found.push(c.sort());
        }
    };
    for (const v of calls.keys()) if (!index.has(v)) visit(v);
    return found.map(c => c.flatMap(a => [...calls.get(a)]
        .filter(([b]) => c.includes(b))
        .map(([b, names]) => `${a} -> ${b}: ${names.sort().join(', ')}`)));
}

test('no circles among the files of app/', () => {
    assert.deepEqual(circles(symbols('app')), []);
});
