// ics.mjs: iCalendar text as the HTTP tests read it (RFC 5545): lines
// checked (CRLF only, none over 75 octets) and unfolded, the events as
// objects of their properties, a person's feed made on their account page,
// and libical's own reading of a calendar (tests/unit/ical_check.c).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ICAL_CHECK = process.env.PARLEY_ICAL_CHECK || 'build/san/tests/ical_check';

// The text unfolded into [name, value] pairs.
export function icsLines(text) {
    assert.ok(text.endsWith('\r\n'), 'CRLF at the end');
    const physical = text.slice(0, -2).split('\r\n');
    for (const l of physical) {
        assert.ok(!l.includes('\n') && !l.includes('\r'), `a bare line break in ${JSON.stringify(l)}`);
        assert.ok(Buffer.byteLength(l) <= 75, `a line over 75 octets: ${l}`);
    }
    const logical = [];
    for (const l of physical) {
        if (l.startsWith(' ')) logical[logical.length - 1] += l.slice(1);
        else logical.push(l);
    }
    return logical.map(l => { const i = l.indexOf(':'); return [l.slice(0, i), l.slice(i + 1)]; });
}

export function events(text) {
    const out = [];
    let e = null;
    for (const [name, value] of icsLines(text)) {
        if (name === 'BEGIN' && value === 'VEVENT') e = {};
        else if (name === 'END' && value === 'VEVENT') { out.push(e); e = null; }
        else if (e) e[name] = value;
    }
    return out;
}

// A new feed link from the person's account page (a signed-in Client):
// the secret in it.
export async function feedLink(client) {
    const r = await client.post('/account/calendar', {}, '/account/calendar');
    assert.equal(r.status, 200);
    const m = r.text.match(/id="feed-url" readonly value="http:\/\/[^"]*\/calendar\/([0-9a-f]{64})\.ics"/);
    assert.ok(m, 'the new link is shown once');
    return m[1];
}

// libical reads the calendar as an importing calendar would: the number of
// events it found (it throws when the file does not import cleanly).
export function libicalEvents(text) {
    const dir = mkdtempSync(join(tmpdir(), 'parley-ics-'));
    try {
        const file = join(dir, 'feed.ics');
        writeFileSync(file, text);
        const out = execFileSync(ICAL_CHECK, [file], { encoding: 'utf8' });
        return Number(out.match(/^(\d+) events/)[1]);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
