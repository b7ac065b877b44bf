/**
 * Show Package Details: a read-only Markdown document (scheme `gitlab-package`) with every
 * fact, the other versions, and each file with its checksums. Server text is escaped.
 */
import * as vscode from 'vscode';
import { isGitLabError } from '../gitlab/errors';
import { displayName, type Package } from '../gitlab/models';
import { collectAll } from '../gitlab/pagination';
import { packageDetails } from '../tree/packageFacts';
import { projectLabel, type PackageNode, type TreeNode } from '../tree/nodes';
import { targetNodes, type CommandDeps, type Handler } from './deps';
import { abortOn } from './token';

export const DETAILS_SCHEME = 'gitlab-package';

/** Holds the rendered documents; VS Code asks for them by URI. */
export class PackageDetailsDocuments implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }

  set(uri: vscode.Uri, text: string): void {
    this.docs.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function showDetailsCommand(deps: CommandDeps & { details: PackageDetailsDocuments }): Handler {
  return async (node?: unknown, selected?: unknown) => {
    const target = targetNodes(deps, node, selected).find((n: TreeNode): n is PackageNode => n.kind === 'package');
    if (!target) return;
    const project = target.parent;
    const client = deps.clients.get(project.ref.instanceUrl);
    const key = target.pkg.projectId ?? project.project?.id ?? project.ref.key;
    const text = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading package details…'), cancellable: true },
      async (_p, cancel) => {
        const signal = abortOn(cancel);
        let pkg: Package = target.pkg;
        try {
          pkg = await client.getPackage(key, target.pkg.id, signal);
        } catch (e) {
          // Packages in error status answer 404 here on recent servers: use what the list said.
          if (!isGitLabError(e) || e.kind !== 'notFound') throw e;
        }
        const files = await collectAll((page, s) => client.packageFilesPage(key, target.pkg.id, page, {}, s), {
          concurrency: client.concurrency,
          signal,
          maxPages: 100,
        });
        return packageDetails(pkg, files.items, { projectPath: projectLabel(project), instanceUrl: project.ref.instanceUrl });
      },
    );
    const name = `${displayName(target.pkg)}@${target.pkg.version ?? 'none'}`.replace(/[\\/:*?"<>|]/g, '_');
    const uri = vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${projectLabel(project)}/${name}.md`, query: `id=${target.pkg.id}` });
    deps.details.set(uri, text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
  };
}
