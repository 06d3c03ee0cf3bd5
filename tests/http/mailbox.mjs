// mailbox.mjs: a real SMTP server on a loopback port (the npm package
// smtp-server; issue 16). parley serve's mail worker hands it what it sends
// (startServer(mailbox.serverArgs)); each message is read back with
// mailparser, and a test waits for the one it expects. It can refuse (a
// 4xx that asks to try later, or a 5xx for good), answer slowly, and be
// closed and started again on the same port.
//
//   const mailbox = await startMailbox();
//   const srv = await startServer(mailbox.serverArgs);
//   const m = await mailbox.waitFor(m => m.to === 'teacher3@parley.test');
//   assert.match(m.text, /works once/);
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const sleep = ms => new Promise(r => setTimeout(r, ms));

// A message as the tests read it: to (the envelope's receivers,
// lower-case), from, subject, its text and HTML parts, its calendar part
// (an invitation's iCalendar text, or null), the Message-ID.
async function read(raw, session) {
    const mail = await simpleParser(raw);
    const calendar = (mail.attachments || []).find(a => /text\/calendar/.test(a.contentType));
    return {
        to: session.envelope.rcptTo.map(r => r.address.toLowerCase()).join(','),
        from: mail.from?.value[0]?.address || '',
        fromName: mail.from?.value[0]?.name || '',
        subject: mail.subject || '',
        text: mail.text || '',
        html: typeof mail.html === 'string' ? mail.html : '',
        calendar: calendar ? calendar.content.toString() : null,
        messageId: mail.messageId || '',
        raw: raw.toString(),
    };
}

export async function startMailbox() {
    const box = {
        messages: [],
        refuse: null,    // (session) => null | { code, message }: how to answer the next DATA
        delayMs: 0,      // how long each DATA waits before its answer
    };
    const onData = (stream, session, done) => {
        const chunks = [];
        stream.on('data', c => chunks.push(c));
        stream.on('end', async () => {
            const refusal = box.refuse && box.refuse(session);
            if (box.delayMs) await sleep(box.delayMs);
            if (refusal) {
                const e = new Error(refusal.message);
                e.responseCode = refusal.code;
                return done(e);
            }
            try {
                box.messages.push(await read(Buffer.concat(chunks), session));
                done();
            } catch (e) {
                done(e);
            }
        });
    };
    const listen = port => new Promise((resolve, reject) => {
        box.server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'],
                                      logger: false, onData });
        box.server.once('error', reject);
        box.server.listen(port, '127.0.0.1', () => resolve(box.server.server.address().port));
    });
    box.port = await listen(0);
    box.url = `smtp://127.0.0.1:${box.port}`;
    // What startServer needs to send here, trying again a second later.
    box.serverArgs = ['--smtp-url', box.url, '--mail-retry-seconds', '1'];
    box.close = () => new Promise(resolve => box.server.close(resolve));
    box.start = () => listen(box.port);
    // The messages that came for an address so far.
    box.to = address => box.messages.filter(m => m.to === address.toLowerCase());
    // The first message, come or coming, that match(m) accepts; with count,
    // that many of them (an array).
    box.waitFor = async (match, { count = 1, timeout = 20000, what = 'the message' } = {}) => {
        const until = Date.now() + timeout;
        for (;;) {
            const found = box.messages.filter(match);
            if (found.length >= count) return count === 1 ? found[0] : found;
            if (Date.now() > until)
                throw new Error(`${what}: ${found.length} of ${count} did not come in ${timeout} ms; ` +
                                `came: ${JSON.stringify(box.messages.map(m => [m.to, m.subject]))}`);
            await sleep(50);
        }
    };
    return box;
}

// The one-time link in a message's text (its token), or null.
export function resetToken(m) {
    return (m.text.match(/\/reset\/([0-9a-f]{64})\b/) || [])[1] || null;
}

// Waits long enough for the mail worker (it looks every second) to have
// sent whatever was queued before now.
export const workerPass = () => new Promise(r => setTimeout(r, 2500));
