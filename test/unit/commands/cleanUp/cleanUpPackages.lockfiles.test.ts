/**
 * Clean Up Packages… beside the workspace's lockfiles (`lockfiles.guardDeletes`, on by default): a
 * version a lockfile resolves to is kept, its reason the lockfile and line, in the preview and
 * never among the DELETEs; an unsaved edit of an open lockfile counts; with the guard off the same
 * version is offered for deletion. A lockfile that cannot be read keeps every version of its
 * ecosystem; the lockfiles are read again once the clean-up is confirmed; a project path a lockfile
 * names that is no longer the project's (GitLab follows a renamed path) still counts. Against the
 * fake GitLab with the lockfile seed and a workspace holding the lockfiles pip and npm wrote for it.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { wheel } from '../../../fake-gitlab/artefacts';
import { LOCKFILE_SEED } from '../../../fake-gitlab/seedLockfiles';
import { harnessPerTest, waitFor, type Harness, type HarnessOptions } from '../../../support/double/harness';
import { useLockfileFake } from '../../../support/lockfileFake';
import { useLockfileWorkspace } from '../../../support/lockfileWorkspace';
import { Uri } from '../../../support/double/vscode';

const CLEAN_UP = 'gitlabPackages.cleanUpPackages';
const COPY = 'gitlabPackages.copyCleanUpPreview';
const PY = LOCKFILE_SEED.projects.py;
/** Every version may go by the rule: what stays, stays for another reason. */
const EVERY_VERSION = { olderThanDays: 1, keepNewest: 0 };

describe('clean up packages: versions the workspace’s lockfiles use', function () {
  this.timeout(30_000);
  const fake = useLockfileFake();
  const workspace = useLockfileWorkspace();
  const t = harnessPerTest();
  const start = (opts: HarnessOptions = {}) =>
    t.start({ fake: fake(), token: LOCKFILE_SEED.token, workspaceFolders: [workspace.folder], settings: { projects: [PY.path] }, ...opts });
  const placeRequirements = () => workspace.place('pip-23.2.1/requirements.txt', 'py/requirements.txt', fake().url);
  const project = async (h: Harness, name: string = PY.path) => (await h.find(name)).node;
  const preview = (h: Harness) => waitFor(() => h.ui.quickPickWidgets.find((w) => w.visible && w.canSelectMany), 'the preview');
  const idOf = (name: string, version: string, projectId: number = PY.id) => {
    const p = fake()
      .packagesOf(projectId)
      .find((x) => x.name === name && x.version === version);
    assert.ok(p, `${name} ${version}`);
    return p.id;
  };
  const deletes = (h: Harness) => h.requests('DELETE', /\/packages\/\d+$/).map((r) => r.path);

  it('the version requirements.txt pins is kept with the lockfile and line as its reason; only the other is deleted', async () => {
    const text = placeRequirements();
    const line = workspace.lineOf(text, 'lockco-core==1.1.0');
    const h = await start();
    h.ui.answer('Delete 1 Package');
    const done = h.run(CLEAN_UP, await project(h), EVERY_VERSION);
    const qp = await preview(h);
    assert.deepEqual(
      qp.items.map((i) => `${i.label} ${i.description ?? ''}`),
      ['lockco-core 1.0.0 · pypi'],
    );
    assert.match(qp.placeholder ?? '', /\(1 kept by the rule\)/);
    qp.triggerButton('Show the Preview in a Document');
    const doc = await waitFor(() => h.ui.documentsShown[0]?.document, 'the preview document');
    const lines = doc.getText().split('\n');
    assert.equal(lines[lines.indexOf('Kept (1)') + 1], `  lockco-core 1.1.0 · pypi (id ${idOf('lockco-core', '1.1.0')}) — used by py/requirements.txt:${line}`);
    qp.accept();
    await done;
    assert.deepEqual(deletes(h), [`/api/v4/projects/${PY.id}/packages/${idOf('lockco-core', '1.0.0')}`]);
    assert.equal(fake().getPackage(idOf('lockco-core', '1.1.0'))?.status, 'default');
  });

  it('with the guard off the same version is offered for deletion, and deleted', async () => {
    placeRequirements();
    const h = await start({ settings: { projects: [PY.path], 'lockfiles.guardDeletes': false } });
    h.ui.answer('Delete 2 Packages');
    const done = h.run(CLEAN_UP, await project(h), EVERY_VERSION);
    const qp = await preview(h);
    assert.deepEqual(
      qp.items.map((i) => i.label + ' ' + (i.description ?? '')),
      ['lockco-core 1.1.0 · pypi', 'lockco-core 1.0.0 · pypi'],
    );
    qp.accept();
    await done;
    assert.deepEqual(
      deletes(h).sort(),
      [idOf('lockco-core', '1.0.0'), idOf('lockco-core', '1.1.0')].map((id) => `/api/v4/projects/${PY.id}/packages/${id}`).sort(),
    );
  });

  it('a group: a version reached through the group’s index is kept in whichever project holds it; several lockfiles are counted', async () => {
    const line = workspace.lineOf(placeRequirements(), 'lockco-data==0.2.0');
    workspace.place('pip-23.2.1/requirements.txt', 'tools/requirements.txt', fake().url);
    const h = await start({ settings: { groups: [LOCKFILE_SEED.group.path], projects: [] } });
    await h.run(COPY, await project(h, LOCKFILE_SEED.group.path), { ...EVERY_VERSION, packageTypes: ['pypi'] });
    const preview = h.ui.clipboard;
    assert.match(preview, /^To delete \(1\)\n {2}lockco-core 1\.0\.0 · pypi · lockco\/py \(id \d+\) — /m);
    assert.ok(
      preview.includes(
        `  lockco_data 0.2.0 · pypi · lockco/data/ml (id ${idOf('lockco_data', '0.2.0', LOCKFILE_SEED.projects.ml.id)}) — used by py/requirements.txt:${line} and 1 more`,
      ),
      preview,
    );
  });

  it('an unsaved edit of an open lockfile counts, not the text on disk', async () => {
    const text = placeRequirements();
    const h = await start();
    const doc = await h.vscode.workspace.openTextDocument(Uri.file(path.join(workspace.folder, 'py', 'requirements.txt')));
    await h.run(COPY, await project(h), EVERY_VERSION);
    assert.match(h.ui.clipboard, /lockco-core 1\.1\.0 · pypi \(id \d+\) — used by py\/requirements\.txt:\d+$/m);
    // The user moves the pin to 1.0.0 and has not saved yet.
    doc.edit(text.replace('lockco-core==1.1.0', 'lockco-core==1.0.0'));
    await h.run(COPY, await project(h), EVERY_VERSION);
    assert.match(h.ui.clipboard, /^To delete \(1\)\n {2}lockco-core 1\.1\.0 · pypi/m);
    assert.match(h.ui.clipboard, /lockco-core 1\.0\.0 · pypi \(id \d+\) — used by py\/requirements\.txt:\d+$/m);
  });

  it('in an untrusted workspace too: the lockfiles are only read, so the version stays kept', async () => {
    placeRequirements();
    const h = await start({ isTrusted: false });
    await h.run(COPY, await project(h), EVERY_VERSION);
    assert.match(h.ui.clipboard, /^To delete \(1\)\n {2}lockco-core 1\.0\.0 · pypi/m);
    assert.match(h.ui.clipboard, /lockco-core 1\.1\.0 · pypi \(id \d+\) — used by py\/requirements\.txt:\d+$/m);
  });

  /** A requirements.txt pinning `pins` from the index of the project `projectKey` names (an id, or a URL-encoded path). */
  const requirements = (projectKey: string, ...pins: string[]) =>
    [`--index-url ${fake().url}/api/v4/projects/${projectKey}/packages/pypi/simple`, ...pins, ''].join('\n');

  it('a lockfile that cannot be read (yarn 2+) keeps every npm version, saying why in a note; the PyPI versions are cleaned up as before', async () => {
    writeFileSync(path.join(workspace.folder, 'yarn.lock'), '__metadata:\n  version: 8\n  cacheKey: 10\n\n"@lockco/ui@npm:^1.0.0":\n  version: 1.1.0\n');
    const h = await start({ settings: { groups: [LOCKFILE_SEED.group.path], projects: [] } });
    await h.run(COPY, await project(h, LOCKFILE_SEED.group.path), EVERY_VERSION);
    const preview = h.ui.clipboard.split('\n');
    assert.ok(
      preview.includes('Note: yarn.lock could not be read (line 1: yarn 2+ lockfile (__metadata)): the npm packages it may use are kept'),
      preview.join('\n'),
    );
    const from = preview.findIndex((l) => l.startsWith('To delete')) + 1;
    const toDelete = preview.slice(from, preview.indexOf('', from));
    assert.deepEqual(
      toDelete.map((l) => l.replace(/ \(id \d+\) — .*$/, '')),
      ['  lockco-core 1.1.0 · pypi · lockco/py', '  lockco-core 1.0.0 · pypi · lockco/py', '  lockco_data 0.2.0 · pypi · lockco/data/ml'],
    );
    for (const [name, version] of [
      ['@labs/cli', '0.3.0'],
      ['@lockco/tokens', '2.0.0'],
      ['@lockco/ui', '1.1.0'],
      ['@lockco/ui', '1.0.0'],
    ])
      assert.ok(
        preview.some((l) => l.startsWith(`  ${name} ${version} · npm · `) && l.endsWith('yarn.lock could not be read')),
        `${name} ${version} kept:\n${preview.join('\n')}`,
      );
  });

  it('a lockfile changed while the preview is open: read again once confirmed, the version it now uses is kept and the report says so', async () => {
    const file = path.join(workspace.folder, 'requirements.txt');
    writeFileSync(file, requirements(String(PY.id), 'other-util==1.4.0'));
    const h = await start();
    h.ui.answer('Delete 2 Packages');
    const done = h.run(CLEAN_UP, await project(h), EVERY_VERSION);
    const qp = await preview(h);
    assert.deepEqual(
      qp.items.map((i) => i.label + ' ' + (i.description ?? '')),
      ['lockco-core 1.1.0 · pypi', 'lockco-core 1.0.0 · pypi'],
    );
    // Meanwhile the user pins 1.1.0 and saves.
    writeFileSync(file, requirements(String(PY.id), 'other-util==1.4.0', 'lockco-core==1.1.0'));
    qp.accept();
    await done;
    assert.equal(h.ui.modals[0]?.text, 'Clean up lockco/py: delete 2 packages?');
    assert.deepEqual(deletes(h), [`/api/v4/projects/${PY.id}/packages/${idOf('lockco-core', '1.0.0')}`]);
    assert.equal(fake().getPackage(idOf('lockco-core', '1.1.0'))?.status, 'default');
    assert.equal(
      h.ui.toasts.at(-1)?.text,
      'Deleted lockco-core 1.0.0. Kept since the preview (a workspace lockfile changed and may use them): lockco-core 1.1.0.',
    );
  });

  it('a project path a lockfile names that is no longer the project’s (GitLab follows a renamed path) keeps the version, naming the path; one GitLab lists for another project does not', async () => {
    const renamed = requirements('lockco%2Fpython', 'lockco-core==1.1.0');
    writeFileSync(path.join(workspace.folder, 'requirements.txt'), renamed);
    const h = await start();
    await h.run(COPY, await project(h), EVERY_VERSION);
    assert.match(h.ui.clipboard, /^To delete \(1\)\n {2}lockco-core 1\.0\.0 · pypi/m);
    assert.ok(
      h.ui.clipboard.includes(
        `  lockco-core 1.1.0 · pypi (id ${idOf('lockco-core', '1.1.0')}) — used by requirements.txt:2 (names lockco/python, maybe a former path of its project)`,
      ),
      h.ui.clipboard,
    );
    // The same version in another project of the group: the group's list names lockco/py as project 313, so a line naming lockco/py is not the other's.
    const dist = { name: 'lockco-core', version: '1.1.0', requiresPython: '>=3.8' };
    fake().pypi.upload(LOCKFILE_SEED.projects.ml.id, dist, wheel(dist));
    writeFileSync(path.join(workspace.folder, 'requirements.txt'), requirements('lockco%2Fpy', 'lockco-core==1.1.0'));
    const g = await start({ settings: { groups: [LOCKFILE_SEED.group.path], projects: [] } });
    await g.run(COPY, await project(g, LOCKFILE_SEED.group.path), { ...EVERY_VERSION, packageTypes: ['pypi'] });
    assert.match(g.ui.clipboard, /^ {2}lockco-core 1\.1\.0 · pypi · lockco\/data\/ml \(id \d+\) — older than/m);
    assert.match(g.ui.clipboard, /^ {2}lockco-core 1\.1\.0 · pypi · lockco\/py \(id \d+\) — used by requirements\.txt:2$/m);
  });
});
