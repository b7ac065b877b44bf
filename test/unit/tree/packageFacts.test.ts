import { strict as assert } from 'node:assert';
import { sameOriginUrl } from '../../../src/core/browse/safeLink';
import { parsePackage, parsePackageFile } from '../../../src/gitlab/models';
import { fileFacts, packageFacts } from '../../../src/tree/packageFacts';
import { tooltipMarkdown } from '../../../src/tree/tooltipMarkdown';
import { relativeTime } from '../../../src/util/format';
import { word } from '../../../src/util/text';

const now = Date.parse('2025-06-01T12:00:00Z');

describe('package facts (tooltip and details document)', () => {
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
  const facts = packageFacts(pkg, { projectPath: 'acme/app', instanceUrl: 'https://git.example.com', now });
  const byLabel = new Map(facts.map((f) => [word(f.label), f]));

  it('lists facts with relative times, the pipeline (#id · ref · ✓ status, linked), tags and other versions', () => {
    assert.equal(word(byLabel.get('Created')!.value), '2025-05-29 12:00 UTC (3 days ago)');
    assert.equal(word(byLabel.get('Last downloaded')!.value), 'never');
    assert.equal(word(byLabel.get('Pipeline')!.value), '#9 · main · ✓ success');
    assert.equal(byLabel.get('Pipeline')!.link, 'https://git.example.com/acme/app/-/pipelines/9');
    assert.equal(word(byLabel.get('Published by')!.value), 'Demo');
    assert.equal(word(byLabel.get('Tags')!.value), 'latest');
    assert.equal(word(byLabel.get('Other versions')!.value), '0.9');
    assert.equal(word(byLabel.get('Project')!.value), 'acme/app');
  });

  it('escapes server text in the tooltip Markdown', () => {
    const md = tooltipMarkdown({ title: pkg.name, facts });
    assert.ok(!md.includes('<script>'));
    assert.ok(md.includes('\\*\\*evil\\*\\*'));
    assert.match(md, /\| Pipeline \| \[\\#9 · main · ✓ success\]\(https:\/\/git\.example\.com\/acme\/app\/-\/pipelines\/9\) \|/);
  });

  it('a same-origin link whose path holds Markdown stays one link to the instance', () => {
    const sneaky = parsePackage({
      id: 8,
      name: 'a',
      version: '1',
      package_type: 'npm',
      _links: { web_path: '/acme/app/-/packages/7)[Sign_in_again](https://evil.example/login' },
    });
    const md = tooltipMarkdown({ title: 'a', facts: packageFacts(sneaky, { instanceUrl: 'https://git.example.com', now }) });
    const links = [...md.matchAll(/\]\(([^)\s]*)\)/g)].map((m) => m[1]);
    assert.deepEqual(links, ['https://git.example.com/acme/app/-/packages/7%29%5BSign_in_again%5D%28https://evil.example/login']);
    assert.ok(!md.includes('](https://evil'), md);
  });

  it('a pipeline on another origin is named, not linked', () => {
    const foreign = parsePackage({
      id: 1,
      name: 'a',
      version: '1',
      package_type: 'npm',
      pipeline: { id: 5, ref: 'main', web_url: 'https://elsewhere.example/p' },
    });
    const pipeline = packageFacts(foreign, { instanceUrl: 'https://git.example.com' }).find((f) => word(f.label) === 'Pipeline');
    assert.ok(pipeline, 'the pipeline is named');
    assert.match(word(pipeline.value), /^#5 · main/);
    assert.equal(pipeline?.link, undefined);
  });

  it('file facts: size, and every checksum (n/a where GitLab gave none)', () => {
    const file = parsePackageFile({ id: 1, file_name: 'a.tgz', size: 2048, file_sha256: 'a'.repeat(64), file_sha1: null, file_md5: 'b'.repeat(32) });
    const f = new Map(fileFacts(file).map((x) => [word(x.label), word(x.value)]));
    assert.equal(f.get('Size'), '2.0 KiB (2048 bytes)');
    assert.equal(f.get('SHA-256'), 'a'.repeat(64));
    assert.equal(f.get('SHA-1'), 'n/a');
    assert.equal(f.get('MD5'), 'b'.repeat(32));
  });

  it('links only to the package’s own instance over http(s)', () => {
    assert.equal(sameOriginUrl('https://evil.example.com/p', 'https://git.example.com'), undefined);
    assert.equal(sameOriginUrl('javascript:alert(1)', 'https://git.example.com'), undefined);
    assert.equal(sameOriginUrl('/a/b', 'https://git.example.com/gitlab'), 'https://git.example.com/a/b');
  });

  it('relative times', () => {
    const rel = (iso: string | undefined): string | undefined => {
      const t = relativeTime(iso, now);
      return t && word(t);
    };
    assert.equal(rel('2025-06-01T11:59:50Z'), 'just now');
    assert.equal(rel('2025-06-01T10:00:00Z'), '2 hours ago');
    assert.equal(rel('2024-05-01T00:00:00Z'), '1 year ago');
    assert.equal(rel('2025-06-03T12:00:00Z'), 'in 2 days');
    assert.equal(rel(undefined), undefined);
  });
});
