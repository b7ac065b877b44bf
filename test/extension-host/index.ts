/**
 * Entry the extension host loads (`--extensionTestsPath`): runs the suite with mocha. Bundled
 * by esbuild (see build.mjs beside it), so tests are defined from `run()`, not at load time.
 */
import Mocha from 'mocha';
import { defineTests } from './suite';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'extension-host-suite', mocha);
  defineTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
