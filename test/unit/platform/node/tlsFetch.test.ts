import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { nodeFetch as fetch } from '../../../../src/platform/node';
import { GitLabClient } from '../../../../src/gitlab/client';
import { ClientPool } from '../../../../src/core/instances/clientPool';
import { TlsError, UnauthorizedError, type TlsProblem } from '../../../../src/gitlab/errors';
import type { FetchLike } from '../../../../src/gitlab/types';
import type { InstanceSettings } from '../../../../src/core/instances/instanceSettings';
import { errorText } from '../../../../src/core/errorText';
import { readPeerCertificate } from '../../../../src/platform/node/peerCertificate';
import { buildTlsAgent, nodeConnections } from '../../../../src/platform/node/tlsAgent';
import { word } from '../../../../src/util/text';

/** What the user is told about a failure, in English. */
const said = (e: unknown): string => word(errorText(e));
import { tlsErrorFor } from '../../../../src/gitlab/tlsFailure';
import { withRequestTls } from '../../../../src/platform/node/tlsFetch';
import { FakeGitLab } from '../../../fake-gitlab/server';
import { SAMPLE, seedSample } from '../../../fake-gitlab/seed';
import { makeTestCerts, type Leaf, type TestCerts } from '../../../support/certs';

const nodeFetch = fetch;
/** As the extension wires it: node-fetch, and node:https with request-level TLS options where an instance has its own. */
const productionFetch = withRequestTls(nodeFetch);

interface Server {
  url: string;
  /** Requests that got through (after a successful handshake). */
  hits: number;
  /** TCP connections, handshakes that failed included. */
  connections: number;
  close(): Promise<void>;
}

/** A minimal https server answering every request with a user, or a redirect to `redirectTo`. */
async function httpsServer(leaf: Leaf, chain = '', redirectTo?: string): Promise<Server> {
  const state = { hits: 0, connections: 0 };
  const server = https.createServer({ key: leaf.key, cert: leaf.cert + chain }, (req, res) => {
    state.hits++;
    if (redirectTo) {
      res.writeHead(302, { location: redirectTo + (req.url ?? '') });
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id: 1, username: 'demo' }));
  });
  server.on('connection', () => state.connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    get hits() {
      return state.hits;
    },
    get connections() {
      return state.connections;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

describe('TLS: custom CA, untrusted certificates and precise errors (real loopback https)', function () {
  let certs: TestCerts;
  let fake: FakeGitLab;
  const servers: Server[] = [];

  const serve = async (leaf: Leaf, chain = '', redirectTo?: string): Promise<Server> => {
    const s = await httpsServer(leaf, chain, redirectTo);
    servers.push(s);
    return s;
  };

  const pool = (
    instances: Record<string, InstanceSettings>,
    onUntrusted: (origin: string) => void = () => undefined,
    fetchFn: FetchLike = productionFetch,
  ): ClientPool =>
    new ClientPool({
      fetch: fetchFn,
      getToken: () => Promise.resolve(SAMPLE.apiToken),
      userAgent: 'gitlab-packages-vscode/test',
      log: () => undefined,
      settings: () => ({ authHeader: 'private-token', timeoutMs: 5000, concurrency: 2, allowHttpFor: [] }),
      instanceSettings: (origin) => instances[origin],
      onUntrustedCertificates: onUntrusted,
      connections: nodeConnections,
      peerCertificate: readPeerCertificate,
    });

  /** The TlsError a request fails with (asserting that it is one, of this problem). */
  const tlsFailure = async (request: Promise<unknown>, problem: TlsProblem): Promise<TlsError> => {
    const e = await request.then(
      () => assert.fail('expected a TLS error'),
      (err: unknown) => err,
    );
    assert.ok(e instanceof TlsError, String(e));
    assert.equal(e.kind, 'tls');
    assert.equal(e.problem, problem, e.message);
    assert.ok(!e.message.includes(SAMPLE.apiToken));
    return e;
  };

  before(async function () {
    this.timeout(30_000);
    certs = makeTestCerts();
    // The fake serves its certificate and the CA: the chain ends in a CA nobody trusts yet.
    fake = await FakeGitLab.start({ seed: 'none', https: { key: certs.valid.key, cert: certs.valid.cert + certs.ca } });
    seedSample(fake);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await fake?.stop();
    certs?.cleanup();
  });
  beforeEach(() => fake.clearRequests());

  describe('a private CA', () => {
    it('without caFile: "self-signed" with the caFile hint, and nothing (no token) reaches the server', async () => {
      const e = await tlsFailure(pool({}).get(fake.url).getCurrentUser(), 'selfSigned');
      assert.equal(e.host, new URL(fake.url).host);
      assert.match(said(e), /self-signed/);
      assert.match(
        said(e),
        /add your CA bundle as caFile for https:\/\/127\.0\.0\.1:\d+ in gitlabPackages\.instances \(or, at your own risk, allowUntrustedCertificate\)/i,
      );
      assert.equal(fake.requests.length, 0);
    });

    it('a server that sends only its own certificate: "unknown authority", same hint; not retried', async () => {
      const leafOnly = await serve(certs.valid);
      const e = await tlsFailure(pool({}).get(leafOnly.url).getCurrentUser(), 'unknownIssuer');
      assert.match(said(e), /certificate authority this computer does not trust/);
      assert.match(said(e), /caFile .* gitlabPackages\.instances/);
      assert.equal(e.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      assert.equal(leafOnly.hits, 0);
      assert.equal(leafOnly.connections, 1, 'a certificate failure is not retried');
    });

    it('a self-signed server certificate: DEPTH_ZERO_SELF_SIGNED_CERT, same hint', async () => {
      const self = await serve(certs.selfSigned);
      const e = await tlsFailure(pool({}).get(self.url).getCurrentUser(), 'selfSigned');
      assert.equal(e.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
      assert.match(said(e), /is self-signed\./);
    });

    it('with caFile: requests succeed and the token is sent', async () => {
      const p = pool({ [fake.url]: { caFile: certs.caFile } });
      assert.equal((await p.get(fake.url).getCurrentUser()).username, 'demo');
      const version = await p.get(fake.url).getVersion();
      assert.match(version.version, /^\d+\./);
      assert.equal(fake.requests.length, 2);
      assert.ok(fake.requests.every((r) => r.auth === 'private-token' && r.tokenKnown));
    });

    it('with caFile and a per-instance authHeader: the token goes as Bearer', async () => {
      await pool({ [fake.url]: { caFile: certs.caFile, authHeader: 'bearer' } })
        .get(fake.url)
        .getCurrentUser();
      assert.equal(fake.requests[0].auth, 'bearer');
    });

    it("public CAs stay trusted: the agent holds Node's roots plus the bundle", async () => {
      const agent = await buildTlsAgent({ caFile: certs.caFile });
      assert.ok(agent);
      const ca = agent.options.ca as string[];
      assert.equal(ca.length, tls.rootCertificates.length + 1);
      assert.equal(ca[ca.length - 1].trim(), certs.ca.trim());
      assert.notEqual(agent.options.rejectUnauthorized, false);
    });

    it('a caFile with another CA: still refused, and the message says the caFile lacks the issuer', async () => {
      const e = await tlsFailure(
        pool({ [fake.url]: { caFile: certs.otherCaFile } })
          .get(fake.url)
          .getCurrentUser(),
        'selfSigned',
      );
      assert.match(said(e), /caFile set for it does not hold the issuing CA/);
      assert.equal(fake.requests.length, 0);
    });

    it('no settings for an origin: no agent of our own (the default, proxy-patched stack applies)', async () => {
      const p = pool({ 'https://elsewhere.example': { caFile: certs.caFile } });
      assert.equal(await p.agentFor(new URL(fake.url).origin), undefined);
      assert.equal(await p.agentFor('http://127.0.0.1:1'), undefined);
    });
  });

  describe("VS Code's proxy support (http.proxySupport: override)", () => {
    // What VS Code does on every non-loopback host: the caller's agent is swapped for its own
    // (here: a plain one, as on a DIRECT route); the request's own options are kept.
    const agentSwapped = withRequestTls(nodeFetch, (url, options, callback) =>
      https.request(url, { ...options, agent: new https.Agent({ keepAlive: false }) }, callback),
    );

    it('allowUntrustedCertificate still applies when the agent is replaced', async () => {
      const user = await pool({ [fake.url]: { allowUntrustedCertificate: true } }, undefined, agentSwapped)
        .get(fake.url)
        .getCurrentUser();
      assert.equal(user.username, 'demo');
    });

    it('caFile still applies when the agent is replaced', async () => {
      const user = await pool({ [fake.url]: { caFile: certs.caFile } }, undefined, agentSwapped)
        .get(fake.url)
        .getCurrentUser();
      assert.equal(user.username, 'demo');
    });

    it('(an agent-only setting would be lost: the same swap without request options fails)', async () => {
      const agentOnly = withRequestTls(nodeFetch, (url, options, callback) =>
        https.request(url, { method: options.method, headers: options.headers, agent: new https.Agent({ keepAlive: false }) }, callback),
      );
      await tlsFailure(
        pool({ [fake.url]: { allowUntrustedCertificate: true } }, undefined, agentOnly)
          .get(fake.url)
          .getCurrentUser(),
        'selfSigned',
      );
    });
  });

  describe('allowUntrustedCertificate', () => {
    it('succeeds against an untrusted chain and warns once per agent build', async () => {
      const warned: string[] = [];
      const p = pool({ [fake.url]: { allowUntrustedCertificate: true } }, (o) => warned.push(o));
      await p.get(fake.url).getCurrentUser();
      await p.get(fake.url).getCurrentUser();
      assert.deepEqual(warned, [fake.url]);
      assert.ok(fake.requests.every((r) => r.tokenKnown));
      p.reset();
      await p.get(fake.url).getCurrentUser();
      assert.deepEqual(warned, [fake.url, fake.url]);
    });

    it('also accepts an expired certificate (every check is off)', async () => {
      const expired = await serve(certs.expired, certs.ca);
      assert.equal(
        (
          await pool({ [expired.url]: { allowUntrustedCertificate: true } })
            .get(expired.url)
            .getCurrentUser()
        ).username,
        'demo',
      );
    });
  });

  describe('certificates that are wrong in themselves', () => {
    it('expired: says so with the date and sends the user to the administrator', async () => {
      const expired = await serve(certs.expired, certs.ca);
      const e = await tlsFailure(
        pool({ [expired.url]: { caFile: certs.caFile } })
          .get(expired.url)
          .getCurrentUser(),
        'expired',
      );
      assert.equal(e.code, 'CERT_HAS_EXPIRED');
      assert.match(said(e), /^The certificate of 127\.0\.0\.1:\d+ expired on 2020-01-02\. Ask the server's administrator to renew it\.$/);
      assert.equal(expired.hits, 0);
    });

    it('not yet valid: the start date and the clock hint', async () => {
      const notYet = await serve(certs.notYetValid, certs.ca);
      const e = await tlsFailure(
        pool({ [notYet.url]: { caFile: certs.caFile } })
          .get(notYet.url)
          .getCurrentUser(),
        'notYetValid',
      );
      assert.match(said(e), /is not valid until 2099-01-01\. Check this computer's clock/);
    });

    it('expired without a way to read the dates: no date, same advice', async () => {
      const expired = await serve(certs.expired, certs.ca);
      const agent = await buildTlsAgent({ caFile: certs.caFile });
      const client = new GitLabClient({
        instanceUrl: expired.url,
        fetch: nodeFetch,
        getToken: () => Promise.resolve('t'),
        userAgent: 't',
        agent: () => Promise.resolve(agent),
        peerCertificate: () => Promise.resolve(undefined),
      });
      const e = await tlsFailure(client.getCurrentUser(), 'expired');
      assert.match(said(e), /expired\. Ask the server's administrator/);
    });

    it('wrong host name: names the host and the names the certificate covers', async () => {
      const wrong = await serve(certs.wrongHost, certs.ca);
      const e = await tlsFailure(
        pool({ [wrong.url]: { caFile: certs.caFile } })
          .get(wrong.url)
          .getCurrentUser(),
        'hostname',
      );
      assert.equal(e.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
      assert.match(
        said(e),
        /^The certificate of 127\.0\.0\.1:\d+ is for wrong\.example, not 127\.0\.0\.1\. The URL must use a host name the certificate covers/,
      );
    });

    it('https to a plain http port: says the server does not speak https there', async () => {
      const plain = await FakeGitLab.start({ seed: 'none' });
      try {
        const url = plain.url.replace('http:', 'https:');
        const e = await tlsFailure(pool({}).get(url).getCurrentUser(), 'notHttps');
        assert.match(said(e), /does not speak https on this port/);
      } finally {
        await plain.stop();
      }
    });
  });

  describe('the CA file itself', () => {
    it('a missing caFile: a clear error naming the setting and the path; nothing is sent', async () => {
      const missing = join(certs.dir, 'no-such-ca.pem');
      const e = await tlsFailure(
        pool({ [fake.url]: { caFile: missing } })
          .get(fake.url)
          .getCurrentUser(),
        'caFile',
      );
      assert.equal(said(e), `The caFile for ${fake.url} in gitlabPackages.instances ("${missing}") does not exist.`);
      assert.equal(fake.requests.length, 0);
    });

    it('a file without PEM certificates, a folder, a relative path: each said plainly', async () => {
      const notPem = join(certs.dir, 'not-a-cert.pem');
      writeFileSync(notPem, 'hello\n');
      const cases: [string, RegExp][] = [
        [notPem, /holds no PEM certificate .*openssl x509 -inform der/],
        [certs.dir, /is a folder, not a file/],
        ['certs/ca.pem', /must be an absolute path/],
      ];
      for (const [caFile, expected] of cases) {
        const e = await tlsFailure(
          pool({ [fake.url]: { caFile } })
            .get(fake.url)
            .getCurrentUser(),
          'caFile',
        );
        assert.match(said(e), expected);
        assert.ok(said(e).includes(caFile), said(e));
      }
      const broken = join(certs.dir, 'broken.pem');
      writeFileSync(broken, certs.ca + '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
      const e = await tlsFailure(
        pool({ [fake.url]: { caFile: broken } })
          .get(fake.url)
          .getCurrentUser(),
        'caFile',
      );
      assert.match(said(e), /certificate 2 of 2 is not a valid PEM certificate/);
    });

    it('once the file is in place, the next request (Retry) reads it: failures are not cached', async () => {
      const later = join(certs.dir, 'later-ca.pem');
      const p = pool({ [fake.url]: { caFile: later } });
      await tlsFailure(p.get(fake.url).getCurrentUser(), 'caFile');
      writeFileSync(later, certs.ca);
      assert.equal((await p.get(fake.url).getCurrentUser()).username, 'demo');
    });
  });

  describe('redirects', () => {
    it("the instance's agent stays with its origin: a redirect elsewhere uses that origin's own settings", async () => {
      const front = await serve(certs.valid, certs.ca, fake.url);
      // Only the front has a caFile: the hop to the fake (another origin) is not trusted.
      const e = await tlsFailure(
        pool({ [front.url]: { caFile: certs.caFile } })
          .get(front.url)
          .getCurrentUser(),
        'selfSigned',
      );
      assert.equal(e.host, new URL(fake.url).host);
      assert.ok(said(e).includes(`caFile for ${fake.url}`), said(e));
      assert.equal(fake.requests.length, 0);

      // With settings for both, each origin gets its own agent, and the token stays home.
      // (The fake then answers 401: no token went with the redirect.)
      const both = pool({ [front.url]: { caFile: certs.caFile }, [fake.url]: { caFile: certs.caFile } });
      await assert.rejects(both.get(front.url).getCurrentUser(), (err: unknown) => err instanceof UnauthorizedError && err.noToken);
      assert.equal(fake.requests.length, 1);
      assert.equal(fake.requests[0].auth, 'none');
    });
  });
});

describe('failures that are not about certificates', () => {
  it('a refused connection is not mistaken for TLS', async () => {
    const server = http.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const client = new GitLabClient({
      instanceUrl: `https://127.0.0.1:${port}`,
      fetch: nodeFetch,
      getToken: () => Promise.resolve(undefined),
      userAgent: 't',
      maxRetries: 0,
    });
    await assert.rejects(client.getCurrentUser(), (e: unknown) => !(e instanceof TlsError) && (e as { kind?: string }).kind === 'network');
  });

  it('recognises the code on a wrapped cause (other fetch implementations) and old "wrong version number" texts', async () => {
    const ctx = { path: '/user', url: 'https://gitlab.example.com/api/v4/user', customCa: false };
    assert.equal((await tlsErrorFor({ message: 'fetch failed', cause: { code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' } }, ctx))?.problem, 'unknownIssuer');
    assert.equal(
      (await tlsErrorFor({ code: 'EPROTO', message: 'write EPROTO …:SSL routines:ssl3_get_record:wrong version number' }, ctx))?.problem,
      'notHttps',
    );
    assert.equal(await tlsErrorFor({ code: 'ECONNRESET' }, ctx), undefined);
    const fromMessage = await tlsErrorFor(
      { code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: "Host: gitlab.example.com. is not in the cert's altnames: DNS:git.example.com, DNS:*.example.org" },
      ctx,
    );
    assert.match(fromMessage ? said(fromMessage) : '', /is for git\.example\.com, \*\.example\.org, not gitlab\.example\.com\./);
  });
});
