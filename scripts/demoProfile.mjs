// Writes a throwaway VS Code profile whose user settings point at the demo registry that the
// "Fake GitLab (demo registry)" launch serves on 127.0.0.1:3999, so F5 shows it with no manual
// step and without touching your own settings (a user-level setting needs no workspace trust).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? '.vscode-test/demo-user-data', 'User');
mkdirSync(dir, { recursive: true });
const settings = {
  'gitlabPackages.instanceUrl': 'http://127.0.0.1:3999',
  'gitlabPackages.projects': ['lumen/storefront', 'lumen/payments-service', 'lumen/data-pipeline', 'lumen/edge-agent', 'lumen/dotnet-sdk'],
  'workbench.colorTheme': 'Default Dark Modern',
};
writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
console.log(`demo profile: ${dir}`);
