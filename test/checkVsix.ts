/** Fails when the .vsix would hold anything but the bundles, media, docs and the manifest, or lacks a bundle (`vsce ls`). */
import { execFileSync } from 'node:child_process';

const vsce = require.resolve('@vscode/vsce/vsce');
const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { encoding: 'utf8' })
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const allowed = [
  /^(package\.json|package\.nls\.json|README\.md|CHANGELOG\.md|LICENSE)$/,
  /^dist\/(web\/)?extension\.js$/,
  // The web worker reads it on first use (src/host/lockfileBundle.ts).
  /^dist\/web\/lockfiles\.js$/,
  /^media\/[^/]+\.(svg|png)$/,
  /^l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
];
const required = ['dist/extension.js', 'dist/web/extension.js', 'dist/web/lockfiles.js'];
const unexpected = listing.filter((f) => !allowed.some((re) => re.test(f)));
const absent = required.filter((f) => !listing.includes(f));
console.log(`vsce ls: ${listing.length} files\n  ${listing.join('\n  ')}`);
if (unexpected.length) console.error(`Unexpected files in the .vsix:\n  ${unexpected.join('\n  ')}`);
if (absent.length) console.error(`Missing from the .vsix:\n  ${absent.join('\n  ')}`);
if (unexpected.length || absent.length) process.exit(1);
