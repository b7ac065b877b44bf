/**
 * Review follow-ups of issue 21, defect 3: the linear-time engine behind clean-up `/regex/`
 * patterns. A short pattern whose repetitions made 20,000 states took minutes over 10,000
 * names; repeated empty groups never finished compiling; escapes and quantifiers were read
 * through a 40-character window; a surrogate pair written as two `\u` escapes was two
 * characters under `u`; some escapes JavaScript accepts were refused as back-references.
 * Only answers are checked here, never the time (the old code ran for seconds to hours).
 */
import { strict as assert } from 'node:assert';
import { evaluateRule } from '../../../src/core/cleanUp/cleanUpEvaluate';
import { linearRegex } from '../../../src/util/linearRegex';
import { compilePattern } from '../../../src/util/pattern';
import { TooCostly } from '../../../src/util/regexMachine';
import { word } from '../../../src/util/text';
import { NOW, pkg } from '../../support/cleanUpCases';

const refusal = (pattern: string): string => {
  const c = compilePattern(pattern);
  return c.ok ? 'accepted' : word(c.problem);
};

/** 10,000 names of up to 255 characters, all different, none with a `!`. */
const NAMES = Array.from({ length: 10_000 }, (_, i) => `@acme/${'abcdefghijklmnopqrstuvwxyz0123456789-'.repeat(7).slice(i % 37, 200 + (i % 50))}${i}`);

describe('the linear-time regular-expression engine (issue 21 review)', () => {
  it('a short pattern that makes thousands of states is refused as too large, with the reason', () => {
    for (const p of ['/(?:(?:[a-z]?){100}){99}!/i', '/(?:(?:.*){100}){66}!/s', '/(?:(?:\\w?){100}){99}!/iu']) assert.match(refusal(p), /too large/, p);
  });

  it('an accepted pattern with many states answers over 10,000 long names (or is refused as too costly to match)', () => {
    for (const p of ['/(?:[a-z]?){999}!/i', '/(?:(?:.*){20}){30}!/s', '/(?:\\b.?){600}!/', '/[a-z]{3,900}$/']) {
      const c = compilePattern(p);
      assert.ok(c.ok, `${p}: ${refusal(p)}`);
      try {
        // No name has a `!` or ends in a letter.
        for (const n of NAMES) assert.equal(c.test(n), false, `${p} on ${n}`);
      } catch (e) {
        if (!(e instanceof TooCostly)) throw e;
        assert.match(word(e.problem), /too costly to match; simplify it/, p);
      }
    }
  });

  it('a pattern that runs out of its work budget selects nothing in a clean-up, and says why', () => {
    // Its sets of states double with each character read: no cache holds them.
    let seed = 11;
    const bit = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 1;
    const names = Array.from({ length: 10_000 }, (_, i) => `${Array.from({ length: 250 }, () => 'ab'[bit()]).join('')}${i % 2 ? '!' : ''}`);
    const pattern = '/(?:a|b)*a(?:a|b){20}!/';
    const c = compilePattern(pattern);
    assert.ok(c.ok);
    assert.throws(
      () => names.forEach((n) => c.test(n)),
      (e) => e instanceof TooCostly && /too costly to match; simplify it/.test(word(e.problem)),
    );
    const e = evaluateRule(
      names.map((n, i) => pkg(i + 1, n, '1.0', 100)),
      { namePattern: pattern, keepNewest: 0 },
      { now: NOW },
    );
    assert.equal(e.inScope, 0);
    assert.equal(e.candidates.length, 0);
    assert.deepEqual(
      e.notes.map((n) => word(n)),
      [`"${pattern}" cannot be used: this pattern is too costly to match; simplify it: the rule selected nothing`],
    );
  });

  it('repeated empty groups compile at once, and mean what they mean in JavaScript', () => {
    const p = '(?:(?:(?:){1000}){1000}){1000}';
    const c = linearRegex(p, '');
    assert.ok(c.ok);
    assert.equal(c.test(''), true);
    const anchored = linearRegex(`^(?:(?:(?:){1000}){1000}){1000}a$`, '');
    assert.ok(anchored.ok);
    assert.equal(anchored.test('a'), true);
    assert.equal(anchored.test('ba'), false);
  });

  it('under u, a surrogate pair written as two \\u escapes is one character, as in JavaScript', () => {
    for (const [source, value] of [
      ['^\\ud83d\\ude00$', '😀'],
      ['^\\uD83D\\uDE00+$', '😀😀'],
      ['^\\ud83d$', '😀'],
      ['\\ud83d', '\ud83d'],
      ['^\\ude00\\ud83d$', '\ude00\ud83d'],
    ]) {
      const c = linearRegex(source, 'u');
      assert.ok(c.ok, source);
      assert.equal(c.test(value), new RegExp(source, 'u').test(value), `/${source}/u on ${JSON.stringify(value)}`);
    }
  });

  it('quantifiers and escapes of any length are read whole', () => {
    const zeros = '0'.repeat(40);
    for (const [source, flags, value] of [
      [`^a{${zeros}2}$`, '', 'aa'],
      [`^a{${zeros}2}$`, '', `a{${zeros}2}`],
      [`^a{1,${zeros}3}$`, '', 'aaa'],
      [`^\\u{${zeros}41}$`, 'u', 'A'],
      ['\\p{Script_Extensions=Egyptian_Hieroglyphs}', 'u', '\u{13000}'],
      ['\\P{Script_Extensions=Egyptian_Hieroglyphs}', 'u', '\u{13000}'],
    ]) {
      const c = linearRegex(source, flags);
      assert.ok(c.ok, source);
      assert.equal(c.test(value), new RegExp(source, flags).test(value), `/${source}/${flags} on ${value}`);
    }
    assert.match(refusal(`/a{${'9'.repeat(39)}}/`), /above 1000/);
    assert.match(refusal(`/a{1,${'9'.repeat(45)}}/`), /above 1000/);
  });

  it('without u, \\8, \\k, octal escapes and a lone \\c mean what JavaScript makes of them; real back-references are refused', () => {
    for (const [source, values] of [
      ['\\8', ['8', '\\8']],
      ['^\\9$', ['9']],
      ['\\k', ['k', '\\k']],
      ['^\\01$', ['\x01', '01']],
      ['^\\1$', ['\x01', '1']],
      ['^\\18$', ['\x018', '\x01']],
      ['^\\377$', ['\xff']],
      ['^\\400$', ['\x200', ' ']],
      ['^(a)\\2$', ['a\x02']],
      ['^\\c$', ['\\c', 'c']],
      ['^\\c1$', ['\\c1']],
      ['^\\k<x>$', ['k<x>']],
    ] as const) {
      const c = linearRegex(source, '');
      assert.ok(c.ok, `${source}: ${c.ok ? '' : word(c.problem)}`);
      for (const v of values) assert.equal(c.test(v), new RegExp(source).test(v), `/${source}/ on ${JSON.stringify(v)}`);
    }
    for (const p of ['/(a)\\1/', '/(?<x>a)\\k<x>/', '/\\k<x>(?<x>a)/', '/(a)\\1/u', '/((((((((a))))))))\\8/'])
      assert.match(refusal(p), /back-references are not supported/, p);
  });
});
