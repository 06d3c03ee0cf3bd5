// mailbox.mjs: a real SMTP server on a loopback port (issue 16). parley
// serve's mail worker hands it what it sends (startServer(mailbox.serverArgs));
// each message is read back with mailparser, and a test waits for the one
// it expects:
//
//   const mailbox = await startMailbox();
//   const srv = await startServer(mailbox.serverArgs);
//   const m = await mailbox.waitFor(m => m.to === 'teacher3@parley.test');
//   assert.match(m.text, /works once/);
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

// A message as the tests read it: to (the envelope's one receiver,
// lower-case), from, subject, its text and HTML parts, the Message-ID.
async function read(stream, session) {
    const mail = await simpleParser(stream);
    return {
        to: (session.envelope.rcptTo[0]?.address || '').toLowerCase(),
        from: mail.from?.value[0]?.address || '',
        fromName: mail.from?.value[0]?.name || '',
        subject: mail.subject || '',
        text: mail.text || '',
        html: typeof mail.html === 'string' ? mail.html : '',
        messageId: mail.messageId || '',
    };
}

export async function startMailbox() {
    const messages = [];
    let waiters = [];
    const server = new SMTPServer({
        authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
        onData(stream, session, callback) {
            read(stream, session).then(m => {
                messages.push(m);
                waiters = waiters.filter(w => !(w.match(m) && (w.resolve(m), true)));
                callback();
            }, callback);
        },
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
    });
    const port = server.server.address().port;
    return {
        port, messages,
        // What startServer needs to send here, trying again a second later.
        serverArgs: ['--smtp-url', `smtp://127.0.0.1:${port}`, '--mail-retry-seconds', '1'],
        // The messages that came for an address so far.
        to: address => messages.filter(m => m.to === address.toLowerCase()),
        // The first message, come or coming, that match(m) accepts.
        waitFor(match, { timeout = 20000, what = 'the message' } = {}) {
            const come = messages.find(match);
            if (come) return Promise.resolve(come);
            return new Promise((resolve, reject) => {
                const w = { match, resolve: m => { clearTimeout(timer); resolve(m); } };
                const timer = setTimeout(() => {
                    waiters = waiters.filter(x => x !== w);
                    reject(new Error(`${what} did not come in ${timeout} ms; came: ` +
                                     JSON.stringify(messages.map(m => [m.to, m.subject]))));
                }, timeout);
                waiters.push(w);
            });
        },
        close: () => new Promise(resolve => server.close(resolve)),
    };
}

// The one-time link in a message's text (its token), or null.
export function resetToken(m) {
    return (m.text.match(/\/reset\/([0-9a-f]{64})\b/) || [])[1] || null;
}

// Waits long enough for the mail worker (it looks every second) to have
// sent whatever was queued before now.
export const workerPass = () => new Promise(r => setTimeout(r, 2500));
