import { word } from '../../../../src/util/text';
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { effectiveInstanceSettings, expandHome, parseInstanceSettings } from '../../../../src/core/instances/instanceSettings';

const HOME = '/home/me';

describe('gitlabPackages.instances', () => {
  it('reads each property, keyed by normalised origin, with ~ expanded', () => {
    const { byOrigin, problems } = parseInstanceSettings(
      {
        'https://GitLab.Example.com/': { authHeader: 'bearer', caFile: '~/certs/ca.pem', allowUntrustedCertificate: false },
        'https://git.internal:443': { allowUntrustedCertificate: true },
        'http://127.0.0.1:8929': { authHeader: 'private-token' },
      },
      HOME,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual([...byOrigin.keys()], ['https://gitlab.example.com', 'https://git.internal', 'http://127.0.0.1:8929']);
    assert.deepEqual(byOrigin.get('https://gitlab.example.com'), {
      authHeader: 'bearer',
      caFile: join(HOME, 'certs/ca.pem'),
      allowUntrustedCertificate: false,
    });
    assert.deepEqual(byOrigin.get('https://git.internal'), { allowUntrustedCertificate: true });
  });

  it('ignores keys that are not http(s) origins, and says why', () => {
    const { byOrigin, problems } = parseInstanceSettings(
      {
        'gitlab.example.com': { caFile: '/ca.pem' },
        'ftp://host': { caFile: '/ca.pem' },
        'https://user:pw@host': { caFile: '/ca.pem' },
        'https://host/gitlab': { caFile: '/ca.pem' },
        'https://ok.example': { caFile: '/ca.pem' },
      },
      HOME,
    );
    assert.deepEqual([...byOrigin.keys()], ['https://ok.example']);
    assert.equal(problems.length, 4);
    assert.ok(
      problems.every((p) => word(p).startsWith('gitlabPackages.instances: ignored "')),
      problems.map((p) => word(p)).join('\n'),
    );
    assert.match(word(problems[3]), /use the origin only \("https:\/\/host"\)/);
  });

  it('drops values of the wrong type and unknown properties, keeping the rest of the entry', () => {
    const { byOrigin, problems } = parseInstanceSettings(
      {
        'https://a.example': { authHeader: 'basic', caFile: 42, allowUntrustedCertificate: 'yes', cafile: '/typo.pem' },
        'https://b.example': { authHeader: 'bearer', caFile: '   ' },
        'https://c.example': 'not an object',
        'https://d.example': ['/ca.pem'],
      },
      HOME,
    );
    assert.deepEqual(byOrigin.get('https://a.example'), {});
    assert.deepEqual(byOrigin.get('https://b.example'), { authHeader: 'bearer' });
    assert.ok(!byOrigin.has('https://c.example') && !byOrigin.has('https://d.example'));
    const text = problems.map((p) => word(p)).join('\n');
    for (const expected of [
      /"https:\/\/a\.example"\.authHeader must be "private-token" or "bearer"/,
      /\.caFile must be the path of a PEM file/,
      /allowUntrustedCertificate must be true or false/,
      /unknown property "cafile"/,
      /"https:\/\/c\.example": the value must be an object/,
    ]) {
      assert.match(text, expected);
    }
  });

  it('merges two keys naming the same origin, later values winning, and says so', () => {
    const { byOrigin, problems } = parseInstanceSettings(
      { 'https://h.example': { caFile: '/a.pem', authHeader: 'bearer' }, 'https://H.example:443/': { caFile: '/b.pem' } },
      HOME,
    );
    assert.deepEqual(byOrigin.get('https://h.example'), { caFile: '/b.pem', authHeader: 'bearer' });
    assert.match(word(problems[0]), /names the same instance as an earlier key/);
  });

  it('an unset setting is empty; a non-object setting is one problem', () => {
    assert.equal(parseInstanceSettings(undefined, HOME).byOrigin.size, 0);
    assert.deepEqual(parseInstanceSettings({}, HOME).problems, []);
    const wrong = parseInstanceSettings(['https://h.example'], HOME);
    assert.equal(wrong.byOrigin.size, 0);
    assert.match(word(wrong.problems[0]), /must be an object keyed by instance origin/);
  });

  it('effective settings: the instance authHeader over the global one; checks on unless turned off', () => {
    const { byOrigin } = parseInstanceSettings(
      { 'https://a.example': { authHeader: 'bearer', caFile: '/ca.pem' }, 'https://b.example': { allowUntrustedCertificate: true } },
      HOME,
    );
    assert.deepEqual(effectiveInstanceSettings(byOrigin, 'https://a.example', 'private-token'), {
      authHeader: 'bearer',
      caFile: '/ca.pem',
      allowUntrustedCertificate: false,
    });
    assert.deepEqual(effectiveInstanceSettings(byOrigin, 'https://b.example', 'private-token'), {
      authHeader: 'private-token',
      caFile: undefined,
      allowUntrustedCertificate: true,
    });
    assert.deepEqual(effectiveInstanceSettings(byOrigin, 'https://elsewhere.example', 'bearer'), {
      authHeader: 'bearer',
      caFile: undefined,
      allowUntrustedCertificate: false,
    });
  });

  it('expands ~ only at the start', () => {
    assert.equal(expandHome('~', HOME), HOME);
    assert.equal(expandHome('~/ca.pem', HOME), join(HOME, 'ca.pem'));
    assert.equal(expandHome('/etc/ssl/~/ca.pem', HOME), '/etc/ssl/~/ca.pem');
    assert.equal(expandHome('~other/ca.pem', HOME), '~other/ca.pem');
  });
});
