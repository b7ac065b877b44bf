/** The delete-safety run of `npm run chaos` (see chaos.ts): random deletions through the one delete flow, racing the server. */
import { DeleteFlow, type DeleteDialog, type DeleteReport } from '../../src/core/delete/deleteFlow';
import type { Deletion } from '../../src/core/delete/deletion';
import { parseProjectEntry } from '../../src/core/projects/projectRef';
import { parseGitLabVersion } from '../../src/core/instances/versionGates';
import { PackagesTreeModel } from '../../src/tree/model';
import { packageDeletion } from '../../src/tree/deletions';
import type { PackageNode, ProjectNode } from '../../src/tree/nodes';
import { FakeGitLab } from '../fake-gitlab/server';
import { SAMPLE, seedSample } from '../fake-gitlab/seed';
import { client, random, settle, TIMEOUT_MS } from './chaos';
import { deleteChaos, noAnswerFigures, tallyAnswers, type AnswerFigures } from './lostAnswers';

export interface DeleteSafetyResult extends AnswerFigures {
  operations: number;
  deletesSent: number;
  wrongTargets: number;
  duplicateDeletes: number;
  automaticRetries: number;
  alreadyDeletedReported: number;
  secondClicksBlocked: number;
  forbiddenExplained: number;
}

/**
 * Random deletions racing the server. Each operation takes the rows a user sees, "confirms"
 * a random subset (the ids in the confirmation), and deletes through the extension's one delete
 * flow (a second click arriving while the first deletes) while the
 * server meanwhile deletes, re-orders (new packages) and the tree refreshes.
 */
export async function runDeleteSafety(opts: { operations: number; seed?: number }): Promise<DeleteSafetyResult> {
  const fake = await FakeGitLab.start({ seed: 'none' });
  seedSample(fake);
  const rnd = random(opts.seed ?? 11);
  const c = client(fake);
  const project = fake.addProject({ id: 777, pathWithNamespace: 'chaos/deletes', members: { [SAMPLE.userId]: 40 } });
  const flow = new DeleteFlow({
    clientFor: () => c,
    tokenMayDelete: () => Promise.resolve(true),
    log: () => undefined,
    versionOf: () => Promise.resolve(parseGitLabVersion(fake.version)),
  });
  // A package with many files, some of them deleted at once: each delete shifts the rest of the file list
  // while the re-reads of lost answers page through it.
  // (When the package itself is deleted — it is among the rows too — a new one takes its place.)
  let generation = 0;
  const manyFiles = () => fake.addPackage(project.id, { name: 'many-files', version: `${++generation}.0.0`, packageType: 'generic' });
  let many = manyFiles();
  const liveFiles = () => many.files.filter((f) => f.status === 'default');
  fake.addFilesBulk(many.id, 400);
  const fileRequest = (fileId: number): { deletion: Deletion } => ({
    deletion: { instanceUrl: fake.url, origin: new URL(fake.url).origin, project: project.id, packageId: many.id, fileId, allowed: true },
  });
  const result: DeleteSafetyResult = {
    operations: 0,
    deletesSent: 0,
    wrongTargets: 0,
    duplicateDeletes: 0,
    automaticRetries: 0,
    alreadyDeletedReported: 0,
    secondClicksBlocked: 0,
    forbiddenExplained: 0,
    ...noAnswerFigures(),
  };
  let n = 0;
  const addSome = (k: number): void => {
    for (let i = 0; i < k; i++, n++) fake.addPackage(project.id, { name: `lib-${n % 37}`, version: `0.${n}.0`, packageType: 'npm', protected: n % 53 === 0 });
  };
  addSome(60);
  const model = new PackagesTreeModel({
    entries: () => [parseProjectEntry('chaos/deletes', fake.url)],
    clientFor: () => c,
    hasToken: () => Promise.resolve(true),
    onDidChange: () => undefined,
  });

  for (let op = 0; op < opts.operations; op++) {
    const projectNode = (await model.children())[0] as ProjectNode;
    const rows = (await settle(model, projectNode)).filter((r): r is PackageNode => r.kind === 'package');
    if (rows.length < 10) addSome(40);
    if (!rows.length) continue;
    // What the user confirms: one row, a multi-selection, or a palette pick.
    const count = rnd() < 0.6 ? 1 : 2 + Math.floor(rnd() * 4);
    const chosen = [...new Set(Array.from({ length: count }, () => rows[Math.floor(rnd() * rows.length)]))];
    const confirmed = chosen.map((r) => r.pkg.id);
    // Meanwhile the server moves on: someone else deletes, new versions are published, a refresh runs.
    const deletedByOthers = new Set<number>();
    if (rnd() < 0.3) {
      const other = rows[Math.floor(rnd() * rows.length)];
      fake.markDeleted(other.pkg.id);
      deletedByOthers.add(other.pkg.id);
    }
    if (rnd() < 0.3) addSome(1 + Math.floor(rnd() * 3));
    if (rnd() < 0.5) model.refresh(projectNode);
    fake.clearRequests();
    // DELETEs meet faults on either side of GitLab; now and then reading a package again fails too.
    fake.chaos(deleteChaos(TIMEOUT_MS), op + 1);
    if (rnd() < 0.2) fake.fail({ method: 'GET', path: /\/packages\/\d+$/ }, { status: 500, body: { message: '500 Internal Server Error' } });
    const requests = chosen.map((r) => packageDeletion(r));
    // Now and then, several files of the many-files package deleted in the same operation.
    if (many.status !== 'default') many = manyFiles();
    if (liveFiles().length < 100) fake.addFilesBulk(many.id, 300);
    const live = liveFiles();
    const files = rnd() < 0.2 ? [...new Set(Array.from({ length: 3 + Math.floor(rnd() * 8) }, () => live[Math.floor(rnd() * live.length)].id))] : [];
    const fileRun = files.length
      ? flow.run(files.map(fileRequest), { confirm: () => Promise.resolve(true), progress: (_t, run) => run(() => undefined) })
      : undefined;
    type Request = (typeof requests)[number];
    // A second click on the same selection while the first one's DELETEs are under way.
    let second: Promise<DeleteReport<Request>> | undefined;
    const secondDialog: DeleteDialog<Request> = { confirm: () => Promise.resolve(true), progress: (_t, run) => run(() => undefined) };
    const firstDialog: DeleteDialog<Request> = {
      confirm: () => Promise.resolve(true),
      progress: (_t, run) => {
        second = flow.run(requests, secondDialog);
        return run(() => undefined);
      },
    };
    const report = await flow.run(requests, firstDialog);
    const secondReport = await second;
    const fileOutcomes = (await fileRun)?.outcomes ?? [];
    fake.clearFaults();
    result.secondClicksBlocked += secondReport?.busy.length ?? 0;
    const outcomes = [...report.outcomes, ...(secondReport?.outcomes ?? []), ...fileOutcomes];
    const targets = [...report.outcomes, ...fileOutcomes];
    const sent = fake.requests.filter((r) => r.method === 'DELETE');
    result.deletesSent += sent.length;
    for (const r of sent) {
      const file = /package_files\/(\d+)$/.exec(r.path);
      if (file ? !files.includes(Number(file[1])) : !confirmed.includes(Number(/packages\/(\d+)$/.exec(r.path)?.[1]))) result.wrongTargets++;
    }
    const paths = sent.map((r) => r.path);
    result.duplicateDeletes += paths.length - new Set(paths).size;
    result.automaticRetries += sent.length - targets.length;
    for (const o of outcomes) {
      if (o.ok) continue;
      if (o.error.kind === 'notFound') result.alreadyDeletedReported++;
      else if (o.error.kind === 'forbidden') result.forbiddenExplained++;
    }
    await tallyAnswers(result, fake, outcomes, deletedByOthers);
    result.operations++;
  }
  model.dispose();
  await fake.stop();
  return result;
}
