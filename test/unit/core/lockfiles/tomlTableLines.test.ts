import { strict as assert } from 'node:assert';
import { arrayTableLines } from '../../../../src/core/lockfiles/tomlTableLines';

describe('lockfiles: TOML header lines', () => {
  it('finds [[package]] headers but not lookalikes in strings, comments or array values', () => {
    const text = `a = """\n[[package]]\n"""\nb = '''\n[[package]]'''\n# [[package]]\nc = [\n[[1]],\n]\n[[ package ]]\nname = "x"\n[[package.wheels]]\n[["package"]]\n`;
    assert.deepEqual(arrayTableLines(text, 'package'), [10, 13]);
  });
});
