// oidc_provider.mjs: a real OpenID Connect provider (the npm package
// oidc-provider, pinned in package.json) on a loopback port, for the
// sign-in tests (issue 17). Its people are the accounts a test gives it;
// its sign-in page is a plain form (account, then "Sign in") that a test
// fills by HTTP or in the browser; it skips the consent screen, as a
// district's provider does for its own applications. It can rotate its
// signing keys, and misbehave: hand out ID tokens with claims it was told
// to change, or signed with a key it no longer publishes, so that Parley's
// refusals can be tested against the provider's own tokens.
import http from 'node:http';
import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import { startServer } from './harness.mjs';

const b64url = data => Buffer.from(data).toString('base64url');

function signingKey() {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'),
                  use: 'sig', alg: 'RS256' };
    return { jwk, privateKey };
}

// An ID token as the provider would sign it, with the claims changed.
function resign(idToken, changes, key) {
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url'));
    const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: key.jwk.kid }));
    const body = b64url(JSON.stringify({ ...claims, ...changes }));
    const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key.privateKey);
    return `${head}.${body}.${b64url(signature)}`;
}

function readForm(req) {
    return new Promise((resolve, reject) => {
        let text = '';
        req.setEncoding('utf8');
        req.on('data', d => { text += d; });
        req.on('end', () => resolve(new URLSearchParams(text)));
        req.on('error', reject);
    });
}

const escapeHtml = s => String(s).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

// accounts: { accountId: { email, email_verified } }. Resolves once it
// listens; the client is registered with redirect(uri), once Parley's
// address is known (Parley reads the provider's settings only when someone
// first signs in).
export async function startProvider(accounts) {
    const clientId = 'parley', clientSecret = randomBytes(24).toString('base64url');
    const cookieKeys = [randomBytes(32).toString('hex')];
    let keys = [signingKey()], previous = null, redirectUri = null, provider = null;
    const state = { misbehave: null };

    async function findAccount(ctx, id) {
        const a = accounts[id];
        return a && { accountId: id, claims: async () => ({ sub: id, ...a }) };
    }

    function build(issuer) {
        const p = new Provider(issuer, {
            clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri],
                        response_types: ['code'], grant_types: ['authorization_code'],
                        token_endpoint_auth_method: 'client_secret_basic' }],
            jwks: { keys: keys.map(k => k.jwk) },
            findAccount,
            claims: { openid: ['sub'], email: ['email', 'email_verified'] },
            // As Google's does: the e-mail claims in the ID token itself.
            conformIdTokenClaims: false,
            cookies: { keys: cookieKeys },
            pkce: { required: () => true, methods: ['S256'] },
            features: { devInteractions: { enabled: false } },
            interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
            // First-party: no consent screen; the grant is made at once.
            async loadExistingGrant(ctx) {
                const id = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
                if (id) return ctx.oidc.provider.Grant.find(id);
                const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId,
                                                            accountId: ctx.oidc.session.accountId });
                grant.addOIDCScope('openid email');
                await grant.save();
                return grant;
            },
        });
        // A misbehaving provider: the token endpoint's ID token re-signed
        // with the claims changed, or with the key rotated away.
        p.use(async (ctx, next) => {
            await next();
            const m = state.misbehave;
            if (m && ctx.path === '/token' && ctx.body && ctx.body.id_token)
                ctx.body = { ...ctx.body, id_token: resign(ctx.body.id_token, m.claims || {},
                                                           m.withPreviousKey ? previous : keys[0]) };
        });
        return p;
    }

    async function interaction(req, res, uid) {
        const details = await provider.interactionDetails(req, res);
        if (req.method === 'POST') {
            const form = await readForm(req);
            const account = form.get('account') || '';
            if (!accounts[account]) {
                res.writeHead(400, { 'Content-Type': 'text/plain' }).end('no such account');
                return;
            }
            await provider.interactionFinished(req, res, { login: { accountId: account } },
                                               { mergeWithLastSubmission: false });
            return;
        }
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en"><head><title>Test provider: sign in</title><link rel="icon" href="data:,"></head>
<body><main><h1>Test provider</h1><p>Signing in to ${escapeHtml(details.params.client_id)}</p>
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="account">Account</label> <input id="account" name="account" autocomplete="username">
<button type="submit">Sign in</button></form></main></body></html>`);
    }

    const server = http.createServer((req, res) => {
        const m = req.url.match(/^\/interaction\/([^/?]+)$/);
        if (!provider) {
            res.writeHead(503).end();
        } else if (m) {
            interaction(req, res, m[1]).catch(e => {
                res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(e));
            });
        } else {
            provider.callback()(req, res);
        }
    });
    await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${server.address().port}`;
    return {
        issuer, clientId, clientSecret,
        // Registers Parley's redirect URI and starts answering.
        redirect(uri) {
            redirectUri = uri;
            provider = build(issuer);
        },
        // A new signing key; the old one is dropped from the JWKS.
        rotateKeys() {
            previous = keys[0];
            keys = [signingKey()];
            provider = build(issuer);
        },
        // { claims: {...} } changes the ID token's claims; { withPreviousKey:
        // true } signs it with the key rotateKeys() dropped; null: behave.
        misbehave(how) {
            state.misbehave = how;
        },
        stop: () => new Promise(resolve => { server.closeAllConnections(); server.close(resolve); }),
    };
}

// A provider of these accounts, and a Parley server (harness.mjs) that
// signs people in through it, with its name on the sign-in page.
export async function startWithProvider(accounts, name) {
    const op = await startProvider(accounts);
    const dir = mkdtempSync(join(tmpdir(), 'parley-sso-'));
    const secret = join(dir, 'client-secret');
    writeFileSync(secret, `${op.clientSecret}\n`, { mode: 0o600 });
    const srv = await startServer(['--oidc-issuer', op.issuer, '--oidc-client-id', op.clientId,
                                   '--oidc-secret-file', secret, '--oidc-name', name]);
    op.redirect(`${srv.base}/login/sso/return`);
    return {
        srv, op,
        async stop() {
            await srv.stop();
            await op.stop();
            rmSync(dir, { recursive: true, force: true });
        },
    };
}
