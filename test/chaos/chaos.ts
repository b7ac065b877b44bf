import type { ListNode } from '../../src/tree/rows';
/**
 * Fault injection against the code the extension runs (client + tree model + bulk delete),
 * with the fake GitLab misbehaving on purpose. Two runs (the second in deleteSafety.ts):
 *
 * - tree: random tree operations (expand project, expand package, refresh, load more) while
 *   the fake answers 5xx, 429 + Retry-After, resets mid-body, slower than the timeout, and
 *   redirects. Every operation must end in correct data or an accurate error row.
 * - deletes: random deletions (single, multi-select, palette-style) racing refreshes,
 *   re-ordering and concurrent deletions on the server, while DELETEs meet faults before GitLab
 *   sees them (5xx, resets) and after it applied them (lostAnswers.ts), and some re-reads fail.
 *   The DELETE must always target the id that was confirmed, never be retried after it may have
 *   reached the server, a second click must not send a second DELETE, and no package GitLab
 *   deleted may be reported "not deleted".
 */
import { nodeFetch as fetch } from '../../src/platform/node';
import { GitLabClient } from '../../src/gitlab/client';
import { parseProjectEntry } from '../../src/core/projects/projectRef';
import { PackagesTreeModel } from '../../src/tree/model';
import type { MessageNode, PackageNode, ProjectNode, TreeNode } from '../../src/tree/nodes';
import { apiName } from '../fake-gitlab/serialize';
import { FakeGitLab } from '../fake-gitlab/server';
import { SAMPLE, seedSample } from '../fake-gitlab/seed';

export interface TreeChaosResult {
  operations: number;
  correct: number;
  accurateError: number;
  wrongData: number;
  unhandledRejections: number;
  pendingRequests: number;
  requests: number;
  faultsSeen: Record<string, number>;
  wrong: string[];
}

export const TIMEOUT_MS = 300;

/** 'correct', 'error' (an accurate error row), or what was wrong. */
type Verdict = string;

export function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

export function client(fake: FakeGitLab, timeoutMs = TIMEOUT_MS): GitLabClient {
  // Short timeout and waits so a run with thousands of faults stays quick; same code paths.
  return new GitLabClient({
    instanceUrl: fake.url,
    fetch,
    getToken: () => Promise.resolve(SAMPLE.apiToken),
    userAgent: 'chaos',
    timeoutMs,
    maxRetryDelayMs: 2_000,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
  });
}

/** Waits until a node's background paging settles and returns its rows. */
export async function settle(model: PackagesTreeModel, node: TreeNode): Promise<TreeNode[]> {
  await model.whenSettled(node as ListNode);
  return model.children(node);
}

/**
 * `timeoutMs`: the client's timeout (default TIMEOUT_MS, as `npm run chaos` reports); a slow answer
 * takes three times that. On a busy machine answers that are not slow by design pass 300 ms too.
 */
export async function runTreeChaos(opts: { operations: number; seed?: number; parallel?: number; timeoutMs?: number }): Promise<TreeChaosResult> {
  const timeoutMs = opts.timeoutMs ?? TIMEOUT_MS;
  const fake = await FakeGitLab.start({ seed: 'none' });
  seedSample(fake);
  fake.chaos({ serverError: 0.1, rateLimited: 0.05, reset: 0.05, slow: 0.05, slowMs: timeoutMs * 3, redirect: 0.02 }, opts.seed ?? 7);
  const rnd = random(opts.seed ?? 7);
  const c = client(fake, timeoutMs);
  const entries = ['acme/app', 'acme/big', 'legacy/old-server', 'acme/fips'];
  const result: TreeChaosResult = {
    operations: 0,
    correct: 0,
    accurateError: 0,
    wrongData: 0,
    unhandledRejections: 0,
    pendingRequests: 0,
    requests: 0,
    faultsSeen: {},
    wrong: [],
  };
  const onRejection = (): void => void result.unhandledRejections++;
  process.on('unhandledRejection', onRejection);

  // What the server really holds, by id (the fake's state is the truth).
  const truth = (id: number) => fake.getPackage(id);
  const verifyPackages = (project: ProjectNode, rows: TreeNode[]): Verdict => {
    const pkgs = rows.filter((r): r is PackageNode => r.kind === 'package');
    const messages = rows.filter((r): r is MessageNode => r.kind === 'message');
    const ids = new Set<number>();
    for (const p of pkgs) {
      const t = truth(p.pkg.id);
      if (!t || apiName(t) !== p.pkg.name || t.version !== p.pkg.version || t.projectId !== project.project?.id)
        return `wrong package ${p.pkg.id} under ${project.ref.entry}`;
      if (ids.has(p.pkg.id)) return `duplicate ${p.pkg.id}`;
      ids.add(p.pkg.id);
    }
    if (messages.some((m) => m.severity === 'error' && m.action.kind === 'retry')) return 'error';
    if (messages.some((m) => m.severity !== 'info')) return 'error';
    const expected = fake
      .packagesOf(project.project?.id ?? -1)
      .filter((p) => ['default', 'error', 'deprecated'].includes(p.status) && p.packageType !== 'terraform_module' && p.version !== null).length;
    return pkgs.length === expected ? 'correct' : `expected ${expected} packages under ${project.ref.entry}, got ${pkgs.length}`;
  };

  const operation = async (model: PackagesTreeModel): Promise<Verdict> => {
    const roots = await model.children();
    const projects = roots.filter((r): r is ProjectNode => r.kind === 'project');
    if (projects.length !== roots.length || projects.some((p) => !p.project)) {
      // A root that could not be resolved must say why when expanded.
      const broken = projects.find((p) => !p.project);
      if (!broken) return roots.some((r) => r.kind === 'projectError') ? 'error' : 'unexpected roots';
      const rows = await model.children(broken);
      return rows.length === 1 && rows[0].kind === 'message' && rows[0].severity !== 'info' ? 'error' : 'unresolved project without an error row';
    }
    const project = projects[Math.floor(rnd() * projects.length)];
    const choice = rnd();
    if (choice < 0.2) model.refresh(project);
    const rows = await settle(model, project);
    const verdict = verifyPackages(project, rows);
    if (verdict !== 'correct' || choice < 0.6) return verdict;
    const pkgs = rows.filter((r): r is PackageNode => r.kind === 'package');
    const pkg = pkgs[Math.floor(rnd() * pkgs.length)];
    if (!pkg) return verdict;
    const files = await settle(model, pkg);
    const fileRows = files.filter((f) => f.kind === 'packageFile');
    if (files.some((f) => f.kind === 'message' && f.severity !== 'info')) return 'error';
    const expected = truth(pkg.pkg.id)?.files.filter((f) => f.status === 'default') ?? [];
    const ok =
      fileRows.length === expected.length &&
      fileRows.every(
        (f) =>
          f.kind === 'packageFile' &&
          expected.some((e) => e.id === f.file.id && e.sha256 === (f.file.fileSha256 ?? e.sha256) && e.fileName === f.file.fileName),
      );
    return ok ? 'correct' : `files of ${pkg.pkg.id} differ`;
  };

  const parallel = opts.parallel ?? 16;
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < opts.operations) {
      started++;
      // A fresh model now and then: a window reload; otherwise one model refreshed in place.
      const model = new PackagesTreeModel({
        entries: () => entries.map((e) => parseProjectEntry(e, fake.url)),
        clientFor: () => c,
        hasToken: () => Promise.resolve(true),
        onDidChange: () => undefined,
      });
      try {
        const verdict = await operation(model);
        result.operations++;
        if (verdict === 'correct') result.correct++;
        else if (verdict === 'error') result.accurateError++;
        else {
          result.wrongData++;
          result.wrong.push(verdict);
        }
      } finally {
        model.dispose();
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  fake.chaos(undefined);
  // Once the fake has finished every request it took (a slow answer outlives its client's timeout), count what is still open.
  await fake.idle();
  result.pendingRequests = fake.requests.filter((r) => r.status === 0).length;
  result.requests = fake.requests.length;
  for (const r of fake.requests) {
    const key = r.status === -1 ? 'dropped' : String(r.status);
    result.faultsSeen[key] = (result.faultsSeen[key] ?? 0) + 1;
  }
  process.off('unhandledRejection', onRejection);
  await fake.stop();
  return result;
}
