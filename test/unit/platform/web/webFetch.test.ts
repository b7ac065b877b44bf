/**
 * The web build's platform (src/platform/web): the browser's fetch against a fake GitLab that
 * answers CORS as GitLab does, what a browser hides (headers, redirects, why it refused), and
 * the pure-JS digests. Node's fetch stands in for the browser's where only the wire matters; a
 * browser's own answers (`type: 'cors'`, an opaque redirect, "Failed to fetch") are given as such.
 */
import { strict as assert } from 'node:assert';
import { createHash, randomBytes } from 'node:crypto';
import { deletePackages } from '../../../../src/core/delete/bulkDelete';
import { listEveryPackage } from '../../../../src/core/cleanUp/cleanUpListing';
import { ClientPool } from '../../../../src/core/instances/clientPool';
import { errorText } from '../../../../src/core/errorText';
import { BadResponseError, NetworkError, RateLimitedError, ServerError } from '../../../../src/gitlab/errors';
import { GitLabClient } from '../../../../src/gitlab/client';
import { collectAll } from '../../../../src/gitlab/pagination';
import { streamingHasher } from '../../../../src/platform/web/hashes';
import { webFetch, type BrowserFetch, type BrowserResponse } from '../../../../src/platform/web/webFetch';
import { word } from '../../../../src/util/text';
import { EXPOSED_HEADERS } from '../../../fake-gitlab/cors';
import { SAMPLE } from '../../../fake-gitlab/seed';
import type { FakeGitLab } from '../../../fake-gitlab/server';
import { exposedOnly, nodeAsBrowser, ORIGIN } from '../../../support/asBrowser';
import { useSampleFake } from '../../../support/sampleFake';

const PAGING = new Set(['Link', 'X-Total', 'X-Total-Pages', 'X-Per-Page', 'X-Page', 'X-Next-Page', 'X-Prev-Page']);

function answer(status: number, headers: Record<string, string> = {}, type = 'cors', body = '[]'): BrowserResponse {
  const h = new Headers(headers);
  return { status, type, headers: h, text: () => Promise.resolve(body), body: null };
}

function scripted(answers: (BrowserResponse | Error)[], seen: { url: string; headers: Record<string, string> }[] = []): BrowserFetch {
  return (url, init) => {
    seen.push({ url, headers: init.headers });
    const next = answers.shift() ?? answer(200);
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
}

describe('web build: platform/web', () => {
  const sample = useSampleFake();
  let fake: FakeGitLab;
  beforeEach(() => {
    fake = sample();
    fake.clearRequests();
    fake.cors = true;
  });

  const clientWith = (fetch: BrowserFetch, extra: Partial<ConstructorParameters<typeof GitLabClient>[0]> = {}, page?: string) =>
    new GitLabClient({ instanceUrl: fake.url, fetch: webFetch(fetch, page), getToken: () => Promise.resolve(SAMPLE.apiToken), userAgent: 'ua', ...extra });

  describe('the fake GitLab answers CORS as GitLab does', () => {
    it('answers a preflight for PRIVATE-TOKEN: any origin, the asked-for headers, no credentials', async () => {
      const res = await fetch(`${fake.url}/api/v4/projects/acme%2Fapp/packages`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://vscode.dev', 'Access-Control-Request-Method': 'DELETE', 'Access-Control-Request-Headers': 'private-token,authorization' },
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.equal(res.headers.get('access-control-allow-headers'), 'private-token,authorization');
      assert.match(res.headers.get('access-control-allow-methods') ?? '', /\bDELETE\b/);
      assert.equal(res.headers.get('access-control-allow-credentials'), null);
      assert.equal(fake.requests.at(-1)?.method, 'OPTIONS');
      assert.equal(fake.requests.at(-1)?.origin, 'https://vscode.dev');
    });

    it('exposes exactly the listed headers: paging yes; Retry-After, RateLimit-*, Content-Disposition no', async () => {
      const res = await fetch(`${fake.url}/api/v4/projects/acme%2Fbig/packages?per_page=100`, {
        headers: { Origin: ORIGIN, 'PRIVATE-TOKEN': SAMPLE.apiToken },
      });
      assert.equal(res.status, 200);
      const exposed = (res.headers.get('access-control-expose-headers') ?? '').split(/,\s*/);
      assert.deepEqual(exposed, EXPOSED_HEADERS);
      for (const h of ['X-Total', 'X-Total-Pages', 'X-Next-Page', 'Link']) assert.ok(exposed.includes(h), h);
      for (const h of ['Retry-After', 'RateLimit-Remaining', 'Content-Disposition', 'X-Checksum-SHA256']) assert.ok(!exposed.includes(h), h);
    });

    it('adds nothing without an Origin, nothing outside /api/, and nothing when it plays a proxy that strips CORS', async () => {
      const plain = await fetch(`${fake.url}/api/v4/version`, { headers: { 'PRIVATE-TOKEN': SAMPLE.apiToken } });
      assert.equal(plain.headers.get('access-control-allow-origin'), null);
      const page = await fetch(`${fake.url}/acme/app`, { headers: { Origin: ORIGIN } });
      assert.equal(page.headers.get('access-control-allow-origin'), null);
      fake.cors = false;
      const stripped = await fetch(`${fake.url}/api/v4/version`, { headers: { Origin: ORIGIN, 'PRIVATE-TOKEN': SAMPLE.apiToken } });
      assert.equal(stripped.headers.get('access-control-allow-origin'), null);
    });
  });

  describe('fetch as a browser gives it', () => {
    it('lists every page of a big project (the paging headers are exposed) and sends no User-Agent of its own', async () => {
      const seen: Record<string, string>[] = [];
      const spy: BrowserFetch = (url, init) => (seen.push(init.headers), nodeAsBrowser(url, init));
      const c = clientWith(spy);
      const all = await collectAll((page, signal) => c.projectPackagesPage('acme/big', {}, page, signal), { concurrency: 2 });
      assert.equal(all.items.length, 250);
      assert.ok(seen.length >= 3 && seen.every((h) => h['User-Agent'] === undefined && h['PRIVATE-TOKEN'] === SAMPLE.apiToken));
      assert.ok(fake.requests.every((r) => r.origin === ORIGIN));
    });

    it('behind a proxy whose CORS exposes no paging headers, a list is not cut at its first page: full pages are followed until a short one', async () => {
      fake.exposedHeaders = EXPOSED_HEADERS.filter((h) => !PAGING.has(h));
      try {
        const c = clientWith(exposedOnly);
        const first = await c.projectPackagesPage('acme/big', {}, 1);
        assert.deepEqual([first.items.length, first.nextPage, first.total], [100, 2, undefined], 'a full page: there may be more');
        const all = await collectAll((page, signal) => c.projectPackagesPage('acme/big', {}, page, signal), { concurrency: 1 });
        assert.equal(all.items.length, 250);
        assert.equal(new Set(all.items.map((p) => p.id)).size, 250);
        assert.equal(fake.requests.filter((r) => r.path.endsWith('acme%2Fbig/packages')).length, 4, 'pages 1 and 2 again, then 3, the short one');
      } finally {
        fake.exposedHeaders = EXPOSED_HEADERS;
      }
      const seen = await clientWith(exposedOnly).projectPackagesPage('acme/big', {}, 1);
      assert.deepEqual([seen.nextPage, seen.total], [2, 250], 'GitLab exposes them: read as sent');
    });

    it('reads 150 protection rules with one GET behind a proxy hiding paging headers: GitLab does not page that list', async () => {
      for (let i = 0; i < 150; i++)
        fake.addProtectionRule({
          projectId: SAMPLE.projects.big.id,
          packageNamePattern: `p${i}-*`,
          packageType: 'npm',
          minimumAccessLevelForPush: 'maintainer',
        });
      fake.exposedHeaders = EXPOSED_HEADERS.filter((h) => !PAGING.has(h));
      try {
        const rules = await clientWith(exposedOnly).protectionRules(SAMPLE.projects.big.id);
        assert.equal(rules.length, 150);
        assert.equal(new Set(rules.map((r) => r.id)).size, 150);
        const asked = fake.requests.filter((r) => r.path.includes('/protection/rules'));
        assert.equal(asked.length, 1, 'one plain GET');
        assert.equal(asked[0].query.page, undefined);
      } finally {
        fake.exposedHeaders = EXPOSED_HEADERS;
      }
    });

    it('behind a proxy that ignores `page` and hides the paging headers, listing ends at the first repeated page, marked unsure', async () => {
      fake.exposedHeaders = EXPOSED_HEADERS.filter((h) => !PAGING.has(h));
      let sent = 0;
      const ignoresPage: BrowserFetch = (url, init) => {
        if (++sent > 500) throw new Error('the listing does not end');
        return exposedOnly(url.replace(/([?&])page=\d+/, '$1page=1'), init);
      };
      try {
        const c = clientWith(ignoresPage, { concurrency: 2 });
        const all = await collectAll((page, signal) => c.projectPackagesPage('acme/big', {}, page, signal), { concurrency: 2 });
        assert.deepEqual([all.items.length, new Set(all.items.map((p) => p.id)).size, all.complete, all.unsure], [100, 100, false, true]);
        assert.ok(sent <= 4, `${sent} requests`);
        sent = 0;
        const listed = await listEveryPackage(c, { kind: 'project', key: 'acme/big' });
        assert.deepEqual(
          [listed.packages.length, listed.notes.map((n) => n.message)],
          [100, ['Paging headers hidden, the list may be incomplete']],
          'the clean-up listing ends too, and says so',
        );
      } finally {
        fake.exposedHeaders = EXPOSED_HEADERS;
      }
    });

    it('package pipelines behind a proxy hiding `Link`: a full page is not "complete", it may be incomplete', async () => {
      const rows = Array.from({ length: 20 }, (_, i) => ({ id: 100 - i, status: 'success' }));
      const c = clientWith(scripted([answer(200, { 'content-type': 'application/json' }, 'cors', JSON.stringify(rows))]));
      const all = await c.allPackagePipelines('acme/app', 1);
      assert.deepEqual([all.items.length, all.complete, all.unsure], [20, false, true]);
      const short = clientWith(scripted([answer(200, {}, 'cors', JSON.stringify(rows.slice(0, 3)))]));
      assert.equal((await short.allPackagePipelines('acme/app', 1)).complete, true, 'a short page is the end');
    });

    it('guessed paging stops at 10,000 rows, marked unsure (a server that keeps answering full pages of new rows)', async () => {
      let n = 0;
      const endless: BrowserFetch = () => {
        if (++n > 200) throw new Error('the listing does not end');
        const rows = Array.from({ length: 100 }, (_, i) => ({ id: n * 1000 + i, name: 'x', version: '1', package_type: 'generic' }));
        return Promise.resolve(answer(200, { 'content-type': 'application/json' }, 'cors', JSON.stringify(rows)));
      };
      const c = clientWith(endless);
      const all = await collectAll((page, signal) => c.projectPackagesPage('acme/big', {}, page, signal), { concurrency: 1 });
      assert.deepEqual([all.items.length, all.complete, all.unsure], [10_000, false, true]);
    });

    it('a 429 whose Retry-After it cannot read waits a jittered backoff, bounded; a readable one is obeyed', async () => {
      const slept: number[] = [];
      const sleep = (ms: number) => (slept.push(ms), Promise.resolve());
      const hidden = clientWith(scripted([answer(429), answer(429), answer(200, {}, 'cors', '{"version":"18.5.1"}')]), {
        sleep,
        random: () => 1,
        maxRetries: 2,
      });
      await hidden.getVersion();
      assert.deepEqual(slept, [1000, 2000]);
      slept.length = 0;
      const low = clientWith(scripted([answer(503), answer(200, {}, 'cors', '{"version":"18.5.1"}')]), { sleep, random: () => 0 });
      await low.getVersion();
      assert.deepEqual(slept, [500], 'half the ceiling at the least');
      slept.length = 0;
      const capped = clientWith(scripted([answer(429), answer(429), answer(429), answer(200, {}, 'cors', '{"version":"18.5.1"}')]), {
        sleep,
        random: () => 1,
        maxRetries: 3,
        maxRetryDelayMs: 1500,
      });
      await capped.getVersion();
      assert.deepEqual(slept, [1000, 1500, 1500], 'never longer than maxRetryDelayMs');
      slept.length = 0;
      // Same-origin (or exposed): the header is read and obeyed, no jitter.
      const readable = clientWith(scripted([answer(429, { 'retry-after': '3' }, 'basic'), answer(200, {}, 'basic', '{"version":"18.5.1"}')]), { sleep });
      await readable.getVersion();
      assert.deepEqual(slept, [3000]);
    });

    it('a bulk delete waits out a 429 whose Retry-After it cannot read with the jittered backoff, then sends that DELETE once more', async () => {
      const seen: { url: string; headers: Record<string, string> }[] = [];
      const c = clientWith(scripted([answer(429), answer(429), answer(204, {}, 'cors', '')], seen));
      const pauses: number[] = [];
      const [outcome] = await deletePackages(c, [{ project: 'acme/app', packageId: 1 }], {
        concurrency: 1,
        sleep: (ms) => (pauses.push(ms), Promise.resolve()),
      });
      assert.ok(outcome.ok);
      assert.equal(seen.length, 3);
      assert.equal(pauses.length, 2);
      assert.ok(pauses[0] > 0 && pauses[0] <= 1000 && pauses[1] <= 2000, `pauses ${pauses.join(', ')}`);
    });

    it('says when Retry-After was unreadable, and gives up after the retries', async () => {
      const c = clientWith(scripted([answer(429), answer(429)]), { sleep: () => Promise.resolve(), maxRetries: 1 });
      const e = await c.getVersion().then(
        () => assert.fail('should fail'),
        (err: unknown) => err,
      );
      assert.ok(e instanceof RateLimitedError && e.retryAfterHidden && e.retryAfterMs === undefined);
      const s = await clientWith(scripted([answer(503, {}, 'basic')]), { maxRetries: 0 })
        .getVersion()
        .catch((err: unknown) => err);
      assert.ok(s instanceof ServerError && !s.retryAfterHidden, 'a same-origin answer hides nothing');
    });

    it('a redirect the browser hides is an error naming the URL; the token follows nowhere', async () => {
      const seen: { url: string; headers: Record<string, string> }[] = [];
      const c = clientWith(scripted([{ ...answer(0, {}, 'opaqueredirect') }], seen), { maxRetries: 0 });
      const e = await c.getVersion().catch((err: unknown) => err);
      assert.ok(e instanceof BadResponseError && e.problem === 'hiddenRedirect');
      assert.equal(e.detail, `${fake.url}/api/v4/version`);
      assert.equal(seen.length, 1);
      assert.match(word(errorText(e)), /browser does not let the extension see where to/);
    });

    it('a refused request is a network error naming the likely causes; mixed content is said so', async () => {
      const failed = () => new TypeError('Failed to fetch');
      const https = new GitLabClient({
        instanceUrl: 'https://gitlab.example.com',
        fetch: webFetch(scripted([failed()]), 'https://vscode.dev/'),
        getToken: () => Promise.resolve('t'),
        userAgent: 'ua',
        maxRetries: 0,
      });
      const e = await https.getVersion().catch((err: unknown) => err);
      assert.ok(e instanceof NetworkError && e.problem === 'browserRefused');
      assert.match(word(errorText(e)), /does not trust the server's certificate \(open https:\/\/gitlab\.example\.com in a browser tab/);
      assert.match(word(errorText(e)), /CORS headers/);

      const plain = new GitLabClient({
        instanceUrl: 'http://gitlab.internal',
        fetch: webFetch(scripted([failed()]), 'https://vscode.dev/'),
        getToken: () => Promise.resolve(undefined),
        userAgent: 'ua',
        maxRetries: 0,
      });
      const m = await plain.getVersion().catch((err: unknown) => err);
      assert.ok(m instanceof NetworkError && m.problem === 'mixedContent');
      assert.match(word(errorText(m)), /mixed content/);

      // Loopback is not mixed content; an http page cannot mix.
      const local = clientWith(scripted([failed()]), { maxRetries: 0 }, 'https://vscode.dev/');
      const l = await local.getVersion().catch((err: unknown) => err);
      assert.ok(l instanceof NetworkError && l.problem === 'browserRefused');
      assert.doesNotMatch(word(errorText(l)), /certificate/, 'plain http has no certificate to blame');
    });

    it('a cancelled request stays a cancellation, not a refusal', async () => {
      const controller = new AbortController();
      const aborted = () => new DOMException('aborted', 'AbortError');
      const c = clientWith(
        (_url, init) => new Promise((_, reject) => (init.signal.aborted ? reject(aborted()) : init.signal.addEventListener('abort', () => reject(aborted())))),
      );
      const pending = c.getVersion(controller.signal).catch((err: unknown) => err);
      controller.abort();
      assert.equal(((await pending) as { kind?: string }).kind, 'cancelled');
    });

    it('streams a download through the body reader', async () => {
      const chunks: number[] = [];
      const c = clientWith(nodeAsBrowser);
      const pkg = (await c.projectPackagesPage('acme/app', {}, 1)).items.find((p) => p.name === 'release-assets')!;
      const file = (await c.packageFilesPage('acme/app', pkg.id, 1)).items[0];
      await c.downloadPackageFile('acme/app', pkg, file, (chunk) => void chunks.push(chunk.length));
      assert.equal(
        chunks.reduce((a, b) => a + b, 0),
        file.size,
      );
    });
  });

  it('TLS settings do not apply without connections (a browser): said, and the request goes out as the browser makes it', async () => {
    const ignored: string[] = [];
    const sent: string[] = [];
    const spy: BrowserFetch = (url, init) => (sent.push(url), nodeAsBrowser(url, init));
    const pool = new ClientPool({
      fetch: webFetch(spy),
      getToken: () => Promise.resolve(SAMPLE.apiToken),
      userAgent: 'ua',
      log: () => undefined,
      settings: () => ({ authHeader: 'private-token', timeoutMs: 5000, concurrency: 2, allowHttpFor: [] }),
      instanceSettings: () => ({ caFile: '/etc/ssl/company-ca.pem', allowUntrustedCertificate: true }),
      onTlsSettingsIgnored: (origin) => ignored.push(origin),
      onUntrustedCertificates: () => assert.fail("certificate checks are the browser's, never off"),
    });
    assert.equal(await pool.agentFor(new URL(fake.url).origin), undefined);
    await pool.get(fake.url).getVersion();
    assert.deepEqual(sent, [`${fake.url}/api/v4/version`]);
    assert.ok(ignored.length >= 1 && ignored.every((o) => o === new URL(fake.url).origin));
  });

  it('digests SHA-256, SHA-1 and MD5 in chunks exactly as Node does', () => {
    const data = randomBytes(200_001);
    for (const algorithm of ['sha256', 'sha1', 'md5'] as const) {
      const h = streamingHasher(algorithm);
      for (let i = 0; i < data.length; i += 65_536) h.update(data.subarray(i, i + 65_536));
      assert.equal(h.hex(), createHash(algorithm).update(data).digest('hex'), algorithm);
    }
    assert.equal(streamingHasher('sha256').hex(), createHash('sha256').digest('hex'), 'empty input');
  });
});
