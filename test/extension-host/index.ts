/**
 * Entry the extension host loads (`--extensionTestsPath`): runs the suite with mocha. Bundled
 * by esbuild (see build.mjs beside it), so tests are defined from `run()`, not at load time.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { defineTests } from './suite';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'extension-host-suite', mocha);
  defineTests();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // A file beside the bundle tells a host that cannot read our stdout (code-server) how it went.
      writeFileSync(path.join(__dirname, 'result.json'), JSON.stringify({ failures, passes, titles }));
      if (failures) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    const titles: string[] = [];
    let passes = 0;
    runner.on('pass', (t) => {
      passes++;
      titles.push(`ok: ${t.fullTitle()}`);
    });
    runner.on('fail', (t, err: Error) => titles.push(`FAILED: ${t.fullTitle()}: ${err.message}`));
  });
}
