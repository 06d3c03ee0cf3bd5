// help_rules.test.mjs: /help/rules lists every rule of RULES.md (read here,
// not from the code) at its own anchor, by a title and an explanation in
// plain words, with its source, to anyone (issue 18).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, Client, parley } from './harness.mjs';
import { decode } from './records.mjs';

// The oracle: tests/oracle/RULES.md, the program's RULES.md copied verbatim
// (`make check-rules` compares the two).
const rulesMd = new URL('../oracle/RULES.md', import.meta.url).pathname;
const numbers = [...readFileSync(rulesMd, 'utf8')
    .matchAll(/^- R(\d+)\s/gm)].map(m => Number(m[1]));

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

test('/help/rules lists every rule of RULES.md with a title, an explanation and a source', async () => {
    assert.ok(numbers.length >= 39, `${numbers.length} rules read from ${rulesMd}`);
    const r = await new Client(srv.base).get('/help/rules');
    assert.equal(r.status, 200);
    const page = decode(r.text);
    for (const n of numbers) {
        const m = page.match(new RegExp(`<div id="R${n}"><dt>([^<]+)<span class="rule-number">\\(R${n}\\)</span></dt>` +
                                        `<dd><p>([^<]+)</p><p class="source">Source: ([^<]+)</p></dd></div>`));
        assert.ok(m, `R${n} has its entry at #R${n}`);
        assert.ok(m[1].trim() && m[2].trim() && m[3].trim(), `R${n}: a title, an explanation and a source`);
    }
    assert.equal((page.match(/<div id="R\d+">/g) || []).length, numbers.length, 'one entry per rule, no more');
    assert.equal((r.text.match(/<dl class="rules">/g) || []).length, (r.text.match(/<\/dl>/g) || []).length,
                 'each heading\'s list is closed (as markup, not as text)');
    // RULES.md's headings group them: the peer support service's are under its own
    assert.match(page, /<h2>Peer support service[^<]*<\/h2><dl class="rules"><div id="R31">/);
});

test('/help/workflow links each guard to its rule on /help/rules', async () => {
    const page = decode((await new Client(srv.base).get('/help/workflow')).text);
    // R11: the PAR Agreement is signed before the caseload (RULES.md)
    assert.match(page, /A PAR teacher joins the caseload only after the PAR Agreement is signed[^<]*<a class="rule" href="\/help\/rules#R11">/);
});

test('docs/rules.md is what `parley rules` writes from the same table', () => {
    const r = parley(['rules']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8'),
                 'docs/rules.md is out of date: run `parley rules > docs/rules.md`');
    for (const n of numbers) assert.match(r.out, new RegExp(`^### R${n}: \\S`, 'm'), `R${n} in the docs`);
});
