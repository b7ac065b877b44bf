/**
 * Runs the extension-host suite in a desktop VS Code downloaded by @vscode/test-electron
 * (`npm run test:extension-host`). Needs access to update.code.visualstudio.com; on machines
 * without it the same suite runs inside code-server (see test/e2e/).
 */
import { runTests } from '@vscode/test-electron';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['test/extension-host/build.mjs'], { cwd: root, stdio: 'inherit' });
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'extension-host', 'index.js'),
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
