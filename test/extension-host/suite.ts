/**
 * Extension-host tests: run inside a real VS Code extension host (desktop via
 * @vscode/test-electron, or code-server through the workbench's test hook). They talk to the
 * fake GitLab over loopback like every other test.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { COMMANDS, VIEW_ID } from '../../src/constants';
import type { TestApi } from '../../src/composition';
import { present } from '../../src/tree/presentation';
import { word } from '../../src/util/text';
import { FakeGitLab } from '../fake-gitlab/server';
import { SAMPLE, seedSample } from '../fake-gitlab/seed';

const EXTENSION_ID = 'gitlab-packages.gitlab-packages';

export function defineTests(): void {
  describe('extension host', function () {
    this.timeout(30_000);
    let fake: FakeGitLab;
    let api: TestApi;

    before(async () => {
      fake = await FakeGitLab.start({ seed: 'none' });
      seedSample(fake);
      const config = vscode.workspace.getConfiguration('gitlabPackages');
      await config.update('instanceUrl', fake.url, vscode.ConfigurationTarget.Global);
      await config.update('projects', ['acme/app', 'legacy/old-server'], vscode.ConfigurationTarget.Global);
      const ext = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
      assert.ok(ext, 'extension installed');
      api = await ext.activate();
    });

    after(async () => {
      await vscode.workspace.getConfiguration('gitlabPackages').update('projects', undefined, vscode.ConfigurationTarget.Global);
      await fake.stop();
    });

    it('activates and registers every contributed command', async () => {
      const all = new Set(await vscode.commands.getCommands(true));
      for (const id of Object.values(COMMANDS)) assert.ok(all.has(id), id);
    });

    it('stores the token in SecretStorage and reads it back (round trip), then removes it', async () => {
      await api.tokens.set(fake.url, SAMPLE.apiToken);
      assert.equal(await api.tokens.get(fake.url), SAMPLE.apiToken);
      const settings = JSON.stringify(vscode.workspace.getConfiguration('gitlabPackages'));
      assert.ok(!settings.includes(SAMPLE.apiToken), 'token not in settings');
      await api.tokens.delete(fake.url);
      assert.equal(await api.tokens.get(fake.url), undefined);
    });

    it('the provider lists projects, packages and files from the fake GitLab', async () => {
      await api.tokens.set(fake.url, SAMPLE.apiToken);
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
      await vscode.commands.executeCommand(COMMANDS.refresh);
      const roots = await api.provider.getChildren();
      assert.deepEqual(
        roots.map((r) => word(present(r).label)),
        ['acme/app', 'legacy/old-server'],
      );
      const packages = await api.provider.getChildren(roots[0]);
      const maven = packages.find((p) => word(present(p).label) === 'com/mycompany/my-app');
      assert.ok(maven);
      const item = api.provider.getTreeItem(maven);
      assert.equal(item.description, '1.0-SNAPSHOT · maven');
      assert.equal(item.contextValue, 'package.deletable');
      const files = await api.provider.getChildren(maven);
      assert.equal(files.length, 3);
      const old = await api.provider.getChildren(roots[1]);
      assert.ok(old.length > 0 && old.every((p) => p.kind === 'package'));
      assert.ok(fake.requests.some((r) => r.path === '/api/v4/projects/acme%2Fapp' && r.auth === 'private-token'));
    });
  });
}
