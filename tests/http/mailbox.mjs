// mailbox.mjs: a real SMTP server on a loopback port (the npm package
// smtp-server), whose every message is read back with mailparser, for the
// tests of Parley's mail (issue 16). It can refuse (a 4xx that asks to try
// later, or a 5xx for good), be stopped and started again on the same port.
//
//   const box = await startMailbox();
//   srv = await startServer(['--smtp-url', box.url, '--mail-retry-seconds', '1']);
//   const m = await box.waitFor(m => m.to === 'ct1@parley.test');
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export async function startMailbox({ port = 0 } = {}) {
    const box = {
        messages: [],          // each as parsed: { messageId, to, from, subject, text, html, calendar, raw }
        refuse: null,          // (session) => null | { code, message }: refuse the next DATA
        delayMs: 0,            // how long each DATA waits before its answer
    };
    const onData = (stream, session, done) => {
        const chunks = [];
        stream.on('data', c => chunks.push(c));
        stream.on('end', async () => {
            const refusal = box.refuse && box.refuse(session);
            if (box.delayMs) await new Promise(r => setTimeout(r, box.delayMs));
            if (refusal) {
                const e = new Error(refusal.message);
                e.responseCode = refusal.code;
                return done(e);
            }
            const raw = Buffer.concat(chunks);
            const m = await simpleParser(raw);
            const calendar = (m.attachments || []).find(a => /text\/calendar/.test(a.contentType));
            box.messages.push({
                messageId: m.messageId, to: session.envelope.rcptTo.map(r => r.address).join(','),
                from: m.from && m.from.value[0], subject: m.subject || '', text: m.text || '',
                html: m.html || '', calendar: calendar ? calendar.content.toString() : null,
                headers: m.headers, raw: raw.toString(),
            });
            done();
        });
    };
    const listen = p => new Promise((resolve, reject) => {
        box.server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'],
                                      logger: false, onData });
        box.server.on('error', () => {});
        box.server.listen(p, '127.0.0.1', err => err ? reject(err) : resolve(box.server.server.address().port));
    });
    box.port = await listen(port);
    box.url = `smtp://127.0.0.1:${box.port}`;
    box.stop = () => new Promise(resolve => box.server.close(resolve));
    box.start = () => listen(box.port);
    // The messages so far that match; waits up to ms for at least `count`.
    box.waitFor = async (match, { count = 1, ms = 15000 } = {}) => {
        const until = Date.now() + ms;
        for (;;) {
            const found = box.messages.filter(match);
            if (found.length >= count) return count === 1 ? found[0] : found;
            if (Date.now() > until)
                throw new Error(`mailbox: ${found.length} of ${count} messages after ${ms} ms; ` +
                                `it holds ${box.messages.length}: ` +
                                box.messages.map(m => `${m.to} "${m.subject}"`).join('; '));
            await new Promise(r => setTimeout(r, 100));
        }
    };
    return box;
}
