import { strict as assert } from 'node:assert';
import { parsePackage, parsePackageFile } from '../../src/gitlab/models';
import { packageDetails, safeLink } from '../../src/tree/packageFacts';
import { relativeTime } from '../../src/util/format';

const now = Date.parse('2025-06-01T12:00:00Z');

describe('package details', () => {
  const pkg = parsePackage({
    id: 7,
    name: '**evil** <script>x</script>',
    version: '1.0',
    package_type: 'npm',
    status: 'default',
    created_at: '2025-05-29T12:00:00Z',
    last_downloaded_at: null,
    tags: [{ name: 'latest' }],
    pipeline: { id: 9, ref: 'main', status: 'success', web_url: 'https://git.example.com/acme/app/-/pipelines/9', user: { name: 'Demo' } },
    versions: [{ id: 6, version: '0.9', created_at: '2025-01-01T00:00:00Z' }],
    _links: { web_path: '/acme/app/-/packages/7' },
  });
  const files = [
    parsePackageFile({
      id: 1,
      file_name: 'a.tgz',
      size: 2048,
      created_at: '2025-05-29T12:00:00Z',
      file_sha256: 'a'.repeat(64),
      file_sha1: null,
      file_md5: 'b'.repeat(32),
    }),
  ];
  const doc = packageDetails(pkg, files, { projectPath: 'acme/app', instanceUrl: 'https://git.example.com', now });

  it('lists facts with relative times, pipeline link, tags, other versions and files with checksums', () => {
    assert.match(doc, /\| Created \| 2025-05-29 12:00 UTC \(3 days ago\) \|/);
    assert.match(doc, /\| Last downloaded \| never \|/);
    assert.match(doc, /\[\\#9 · main · success\]\(https:\/\/git\.example\.com\/acme\/app\/-\/pipelines\/9\)/);
    assert.match(doc, /`latest`/);
    assert.match(doc, /## Other versions\n\n- 0\\\.9/);
    assert.match(doc, /## Files \(1\)/);
    assert.match(doc, new RegExp(`SHA-256 \`${'a'.repeat(64)}\`<br>MD5 \`${'b'.repeat(32)}\``));
  });

  it('escapes server text', () => {
    assert.ok(!doc.includes('<script>'));
    assert.ok(doc.includes('\\*\\*evil\\*\\*'));
  });

  it('links only to the package’s own instance over http(s)', () => {
    assert.equal(safeLink('x', 'https://evil.example.com/p', 'https://git.example.com'), 'x');
    assert.equal(safeLink('x', 'javascript:alert(1)', 'https://git.example.com'), 'x');
    assert.equal(safeLink('x', '/a/b', 'https://git.example.com/gitlab'), '[x](https://git.example.com/a/b)');
  });

  it('relative times', () => {
    assert.equal(relativeTime('2025-06-01T11:59:50Z', now), 'just now');
    assert.equal(relativeTime('2025-06-01T10:00:00Z', now), '2 hours ago');
    assert.equal(relativeTime('2024-05-01T00:00:00Z', now), '1 year ago');
    assert.equal(relativeTime('2025-06-03T12:00:00Z', now), 'in 2 days');
    assert.equal(relativeTime(undefined, now), '');
  });
});
