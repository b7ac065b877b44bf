import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { BUNDLE, bundleFor, extractMessages } from '../../l10n/strings';

describe('l10n bundle', () => {
  const { messages, nonLiteral } = extractMessages();
  const bundle = JSON.parse(readFileSync(BUNDLE, 'utf8')) as Record<string, string>;

  it('every message in the code is in l10n/bundle.l10n.json (run: npx tsx test/l10n/strings.ts --write)', () => {
    const missing = [...messages].filter((m) => !(m in bundle));
    assert.deepEqual(missing, []);
  });

  it('the bundle holds nothing the code no longer says', () => {
    assert.deepEqual(Object.keys(bundle).sort(), Object.keys(bundleFor(messages)).sort());
  });

  it('every message is a string literal (a computed one could never be translated)', () => {
    assert.deepEqual(nonLiteral, []);
  });

  it('placeholders are numbered from {0} without gaps', () => {
    for (const m of messages) {
      const used = [...m.matchAll(/\{(\d+)\}/g)].map((x) => Number(x[1]));
      const max = used.length ? Math.max(...used) : -1;
      for (let i = 0; i <= max; i++) assert.ok(used.includes(i), `${m}: {${i}} is missing`);
    }
  });
});
