/* oidc.c: the one place that speaks OpenID Connect (oidc.h), through
 * libcurl, jansson and cjose. */
#include "out/oidc.h"

#include <cjose/cjose.h>
#include <curl/curl.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/secret.h"

#define RESPONSE_MAX (1024 * 1024)   /* a discovery document, a JWKS or a token answer */

struct key {
    char *kid;
    cjose_jwk_t *jwk;
};

struct oidc {
    struct oidc_settings s;
    pthread_mutex_t lock;        /* guards what follows */
    char *authorization_endpoint, *token_endpoint, *jwks_uri;   /* NULL: not discovered yet */
    struct key *keys;
    int nkeys;
};

/* --- settings --- */

static bool loopback_http(const char *url)
{
    static const char *const hosts[] = {"http://127.", "http://localhost", "http://[::1]"};
    for (size_t i = 0; i < sizeof hosts / sizeof *hosts; i++)
        if (strncmp(url, hosts[i], strlen(hosts[i])) == 0)
            return i == 0 || strchr(":/", url[strlen(hosts[i])]) != NULL;
    return false;
}

/* The provider is reached over TLS, except on this machine (the tests). */
static bool url_allowed(const char *url)
{
    return url && (strncmp(url, "https://", 8) == 0 || loopback_http(url)) &&
           !strpbrk(url, " \r\n\t#");
}

const char *oidc_settings_problem(const struct oidc_settings *s)
{
    if (!url_allowed(s->issuer))
        return "the issuer is the provider's https:// address (http:// only on this machine)";
    if (strchr(s->issuer, '?'))
        return "the issuer has no query (?...)";
    if (!s->client_id || !*s->client_id)
        return "a client id is needed";
    if (!s->client_secret || !*s->client_secret)
        return "a client secret is needed";
    return NULL;
}

struct oidc *oidc_new(const struct oidc_settings *s)
{
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return NULL;
    struct oidc *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    o->s = (struct oidc_settings){strdup(s->issuer), strdup(s->client_id),
                                  strdup(s->client_secret), s->timeout_seconds};
    pthread_mutex_init(&o->lock, NULL);
    return o;
}

static void keys_free(struct oidc *o)
{
    for (int i = 0; i < o->nkeys; i++) {
        free(o->keys[i].kid);
        cjose_jwk_release(o->keys[i].jwk);
    }
    free(o->keys);
    o->keys = NULL;
    o->nkeys = 0;
}

void oidc_free(struct oidc *o)
{
    if (!o)
        return;
    keys_free(o);
    free(o->authorization_endpoint);
    free(o->token_endpoint);
    free(o->jwks_uri);
    free((void *)o->s.issuer);
    free((void *)o->s.client_id);
    free((void *)o->s.client_secret);
    pthread_mutex_destroy(&o->lock);
    free(o);
    curl_global_cleanup();
}

/* --- HTTP --- */

static size_t take(char *data, size_t size, size_t count, void *arg)
{
    buf *b = arg;
    size_t n = size * count;
    if (b->len + n > RESPONSE_MAX)
        return 0;   /* too long: curl stops with an error */
    buf_append(b, data, n);
    return n;
}

static char *escaped(arena *a, const char *s)
{
    char *e = curl_easy_escape(NULL, s ? s : "", 0);
    char *out = arena_strdup(a, e ? e : "");
    curl_free(e);
    return out;
}

/* A GET (form NULL) or a form POST, with the client's credentials when
 * user is given (client_secret_basic: each form-encoded first, RFC 6749
 * 2.3.1). Redirects are not followed. *json: the answer parsed, or NULL. */
static enum oidc_result fetch(struct oidc *o, arena *a, const char *url, const char *form,
                              bool as_client, long *status, json_t **json, char *why, size_t n)
{
    *json = NULL;
    CURL *curl = curl_easy_init();
    if (!curl) {
        snprintf(why, n, "out of memory");
        return OIDC_UNREACHABLE;
    }
    buf body;
    buf_init(&body, NULL);
    char error[CURL_ERROR_SIZE] = "";
    struct curl_slist *headers = curl_slist_append(NULL, "Accept: application/json");
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, take);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, o->s.timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    if (form)
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form);
    if (as_client) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
        curl_easy_setopt(curl, CURLOPT_USERNAME, escaped(a, o->s.client_id));
        curl_easy_setopt(curl, CURLOPT_PASSWORD, escaped(a, o->s.client_secret));
    }
    CURLcode rc = curl_easy_perform(curl);
    *status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    enum oidc_result r = OIDC_OK;
    if (rc != CURLE_OK) {
        snprintf(why, n, "%s: %s", url, *error ? error : curl_easy_strerror(rc));
        r = OIDC_UNREACHABLE;
    } else if (!(*json = json_loadb(body.s ? body.s : "", body.len, 0, NULL)) ||
               !json_is_object(*json)) {
        snprintf(why, n, "%s answered %ld without a JSON object", url, *status);
        r = OIDC_UNREACHABLE;
    }
    buf_release(&body);
    return r;
}

static const char *member(json_t *o, const char *name)
{
    return json_string_value(json_object_get(o, name));
}

/* --- the discovery document (OpenID Connect Discovery 1.0, 4) --- */

static enum oidc_result discover(struct oidc *o, char *why, size_t n)
{
    if (o->token_endpoint)
        return OIDC_OK;
    arena *a = arena_new(4096);
    size_t len = strlen(o->s.issuer);
    const char *url = arena_printf(a, "%.*s/.well-known/openid-configuration",
                                   (int)(len && o->s.issuer[len - 1] == '/' ? len - 1 : len),
                                   o->s.issuer);
    long status;
    json_t *doc;
    enum oidc_result r = fetch(o, a, url, NULL, false, &status, &doc, why, n);
    const char *auth = member(doc, "authorization_endpoint"), *token = member(doc, "token_endpoint");
    const char *jwks = member(doc, "jwks_uri"), *issuer = member(doc, "issuer");
    if (r == OIDC_OK && status != 200) {
        snprintf(why, n, "%s answered %ld", url, status);
        r = OIDC_UNREACHABLE;
    } else if (r == OIDC_OK && (!issuer || strcmp(issuer, o->s.issuer) != 0)) {
        /* The document must be the issuer's own (Discovery 4.3). */
        snprintf(why, n, "%s names the issuer '%s', not '%s'", url, issuer ? issuer : "",
                 o->s.issuer);
        r = OIDC_UNREACHABLE;
    } else if (r == OIDC_OK && !(url_allowed(auth) && url_allowed(token) && url_allowed(jwks))) {
        snprintf(why, n, "%s lacks an endpoint, or names one not reached over https", url);
        r = OIDC_UNREACHABLE;
    }
    if (r == OIDC_OK) {
        o->authorization_endpoint = strdup(auth);
        o->token_endpoint = strdup(token);
        o->jwks_uri = strdup(jwks);
    }
    json_decref(doc);
    arena_free(a);
    return r;
}

/* --- signing keys: the provider's JWKS (RFC 7517), RSA keys for signatures --- */

static enum oidc_result keys_load(struct oidc *o, char *why, size_t n)
{
    arena *a = arena_new(4096);
    long status;
    json_t *set;
    enum oidc_result r = fetch(o, a, o->jwks_uri, NULL, false, &status, &set, why, n);
    json_t *keys = json_object_get(set, "keys");
    if (r == OIDC_OK && (status != 200 || !json_is_array(keys))) {
        snprintf(why, n, "%s answered %ld without a key set", o->jwks_uri, status);
        r = OIDC_UNREACHABLE;
    }
    if (r == OIDC_OK) {
        keys_free(o);
        o->keys = calloc(json_array_size(keys), sizeof *o->keys);
        size_t i;
        json_t *k;
        json_array_foreach(keys, i, k) {
            const char *kty = member(k, "kty"), *use = member(k, "use"), *kid = member(k, "kid");
            if (!kty || strcmp(kty, "RSA") != 0 || (use && strcmp(use, "sig") != 0))
                continue;
            cjose_err err;
            cjose_jwk_t *jwk = cjose_jwk_import_json((cjose_header_t *)k, &err);
            if (jwk)
                o->keys[o->nkeys++] = (struct key){strdup(kid ? kid : ""), jwk};
        }
    }
    json_decref(set);
    arena_free(a);
    return r;
}

/* The key named kid; with no kid, the only key there is. */
static const cjose_jwk_t *key_find(struct oidc *o, const char *kid)
{
    if (!kid)
        return o->nkeys == 1 ? o->keys[0].jwk : NULL;
    for (int i = 0; i < o->nkeys; i++)
        if (strcmp(o->keys[i].kid, kid) == 0)
            return o->keys[i].jwk;
    return NULL;
}

/* Checks the signature with the key the token names, fetching the key set
 * again once when it is not among those kept (the provider rotated its
 * keys). Called with the lock held. */
static enum oidc_result signature_check(struct oidc *o, cjose_jws_t *jws, char *why, size_t n)
{
    cjose_err err;
    cjose_header_t *h = cjose_jws_get_protected(jws);
    const char *alg = cjose_header_get(h, CJOSE_HDR_ALG, &err);
    const char *kid = cjose_header_get(h, CJOSE_HDR_KID, &err);
    /* RS256 is what a client that registered no other gets (OpenID
     * Connect Core 3.1.3.7): never "none", never a shared-secret HS256. */
    if (!alg || strcmp(alg, CJOSE_HDR_ALG_RS256) != 0) {
        snprintf(why, n, "the ID token is signed with %s, not RS256", alg ? alg : "nothing");
        return OIDC_BAD_TOKEN;
    }
    const cjose_jwk_t *key = key_find(o, kid);
    if (!key) {
        enum oidc_result r = keys_load(o, why, n);
        if (r != OIDC_OK)
            return r;
        key = key_find(o, kid);
    }
    if (!key) {
        snprintf(why, n, "the ID token is signed with the key '%s', which %s does not publish",
                 kid ? kid : "", o->jwks_uri);
        return OIDC_UNKNOWN_KEY;
    }
    if (!cjose_jws_verify(jws, key, &err)) {
        snprintf(why, n, "the ID token's signature is wrong (%s)", err.message);
        return OIDC_BAD_TOKEN;
    }
    return OIDC_OK;
}

static int64_t number(json_t *o, const char *name)
{
    json_t *v = json_object_get(o, name);
    return json_is_integer(v) ? (int64_t)json_integer_value(v)
           : json_is_real(v)  ? (int64_t)json_real_value(v)
                              : 0;
}

static const char *text(arena *a, json_t *o, const char *name)
{
    const char *v = member(o, name);
    return v ? arena_strdup(a, v) : NULL;
}

static void claims_read(arena *a, json_t *p, struct oidc_claims *c)
{
    *c = (struct oidc_claims){
        .iss = text(a, p, "iss"), .sub = text(a, p, "sub"), .azp = text(a, p, "azp"),
        .nonce = text(a, p, "nonce"), .email = text(a, p, "email"),
        .exp = number(p, "exp"), .iat = number(p, "iat"),
        .email_verified = json_is_true(json_object_get(p, "email_verified")),
    };
    json_t *aud = json_object_get(p, "aud");
    if (json_is_string(aud)) {
        c->aud[c->naud++] = arena_strdup(a, json_string_value(aud));
        return;
    }
    size_t i;
    json_t *one;
    json_array_foreach(aud, i, one) {
        if (c->naud == OIDC_AUDIENCES_MAX) {
            c->naud = -1;
            return;
        }
        if (json_is_string(one))
            c->aud[c->naud++] = arena_strdup(a, json_string_value(one));
    }
}

static enum oidc_result id_token_read(struct oidc *o, arena *a, const char *token,
                                      struct oidc_claims *claims, char *why, size_t n)
{
    cjose_err err;
    cjose_jws_t *jws = cjose_jws_import(token, strlen(token), &err);
    if (!jws) {
        snprintf(why, n, "the ID token is not a signed JWT (%s)", err.message);
        return OIDC_BAD_TOKEN;
    }
    pthread_mutex_lock(&o->lock);
    enum oidc_result r = signature_check(o, jws, why, n);
    pthread_mutex_unlock(&o->lock);
    uint8_t *payload = NULL;
    size_t len = 0;
    json_t *p = NULL;
    if (r == OIDC_OK && (!cjose_jws_get_plaintext(jws, &payload, &len, &err) ||
                         !(p = json_loadb((const char *)payload, len, 0, NULL)) ||
                         !json_is_object(p))) {
        snprintf(why, n, "the ID token's claims are not a JSON object");
        r = OIDC_BAD_TOKEN;
    }
    if (r == OIDC_OK)
        claims_read(a, p, claims);
    json_decref(p);
    cjose_jws_release(jws);
    return r;
}

/* --- the flow --- */

static enum oidc_result discovered(struct oidc *o, char *why, size_t n)
{
    pthread_mutex_lock(&o->lock);
    enum oidc_result r = discover(o, why, n);
    pthread_mutex_unlock(&o->lock);
    return r;
}

enum oidc_result oidc_authorize_url(struct oidc *o, arena *a, const struct oidc_request *rq,
                                    const char **url, char *why, size_t n)
{
    enum oidc_result r = discovered(o, why, n);
    if (r != OIDC_OK)
        return r;
    *url = arena_printf(a,
                        "%s%cresponse_type=code&scope=openid%%20email&client_id=%s"
                        "&redirect_uri=%s&state=%s&nonce=%s&code_challenge=%s"
                        "&code_challenge_method=S256",
                        o->authorization_endpoint,
                        strchr(o->authorization_endpoint, '?') ? '&' : '?',
                        escaped(a, o->s.client_id), escaped(a, rq->redirect_uri),
                        escaped(a, rq->state), escaped(a, rq->nonce),
                        secret_sha256_base64url(a, rq->verifier));
    return OIDC_OK;
}

enum oidc_result oidc_redeem(struct oidc *o, arena *a, const struct oidc_request *rq,
                             const char *code, struct oidc_claims *claims, char *why, size_t n)
{
    enum oidc_result r = discovered(o, why, n);
    if (r != OIDC_OK)
        return r;
    const char *form = arena_printf(a,
                                    "grant_type=authorization_code&code=%s&redirect_uri=%s"
                                    "&code_verifier=%s",
                                    escaped(a, code), escaped(a, rq->redirect_uri),
                                    escaped(a, rq->verifier));
    long status;
    json_t *answer;
    r = fetch(o, a, o->token_endpoint, form, true, &status, &answer, why, n);
    const char *id_token = member(answer, "id_token");
    if (r == OIDC_OK && (status != 200 || !id_token)) {
        const char *error = member(answer, "error"), *said = member(answer, "error_description");
        snprintf(why, n, "the token endpoint answered %ld: %s%s%s", status,
                 error ? error : "no ID token", said ? ": " : "", said ? said : "");
        r = OIDC_REFUSED;
    }
    if (r == OIDC_OK)
        r = id_token_read(o, a, id_token, claims, why, n);
    json_decref(answer);
    return r;
}
