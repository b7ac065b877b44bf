import { strict as assert } from 'node:assert';
import { humanSize, plainLine, shortDate, withThousands } from '../../../src/util/format';
import { escapeMarkdown, markdownLinkTarget } from '../../../src/util/markdown';

describe('formatting', () => {
  it('counts as en-US writes them, without Intl', () => {
    for (const n of [0, 7, 100, 999, 1000, 3400, 10000, 99999, 100000, 1234567, 30000000, -4200])
      assert.equal(withThousands(n), n.toLocaleString('en-US'), String(n));
  });

  it('human sizes', () => {
    assert.equal(humanSize(0), '0 B');
    assert.equal(humanSize(1023), '1023 B');
    assert.equal(humanSize(1536), '1.5 KiB');
    assert.equal(humanSize(25 * 1024 * 1024), '25 MiB');
    assert.equal(humanSize(undefined), '');
  });

  it('dates', () => {
    assert.equal(shortDate('2024-05-01T14:03:00.000Z'), '2024-05-01');
    assert.equal(shortDate('garbage'), '');
    assert.equal(shortDate(null), '');
  });

  it('plain lines drop control characters and bidi overrides and cap length', () => {
    assert.equal(plainLine('a\u0000b\nc\u202Ed'), 'a b c d');
    assert.equal(plainLine('x'.repeat(10_000)).length, 200);
  });

  it('markdown escaping leaves nothing active', () => {
    const s = escapeMarkdown('**bold** <img src=x onerror=alert(1)> [link](command:foo) `code`');
    assert.ok(!/<img/.test(s));
    assert.ok(!/\[link\]\(/.test(s));
    assert.ok(s.includes('\\*\\*bold\\*\\*'));
    assert.ok(s.includes('&lt;img'));
  });

  it('a link target cannot end early, open a title or leave its table cell, and decodes to itself', () => {
    const hostile = 'https://h/a/-/packages/7)[Sign in](https://evil.example/login "t")|x\\y`\'<b>\u00a0z';
    const target = markdownLinkTarget(hostile);
    assert.ok(!/[()[\]<>|\\\s`"']/.test(target), target);
    assert.equal(decodeURIComponent(target), hostile);
    // A command link's JSON arguments survive it: VS Code decodes the query.
    const args = [{ name: 'a)b(c', version: "1.0'" }];
    const uri = markdownLinkTarget(`command:x?${encodeURIComponent(JSON.stringify(args))}`);
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.slice('command:x?'.length))), args);
  });
});
