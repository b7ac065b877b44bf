/** Fails when the .vsix would hold anything but the bundle, media, docs and the manifest (`vsce ls`). */
import { execFileSync } from 'node:child_process';

const vsce = require.resolve('@vscode/vsce/vsce');
const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { encoding: 'utf8' })
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const allowed = [
  /^(package\.json|package\.nls\.json|README\.md|CHANGELOG\.md|LICENSE)$/,
  /^dist\/(web\/)?extension\.js$/,
  /^media\/[^/]+\.(svg|png)$/,
  /^l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
];
const unexpected = listing.filter((f) => !allowed.some((re) => re.test(f)));
console.log(`vsce ls: ${listing.length} files\n  ${listing.join('\n  ')}`);
if (unexpected.length) {
  console.error(`Unexpected files in the .vsix:\n  ${unexpected.join('\n  ')}`);
  process.exit(1);
}
