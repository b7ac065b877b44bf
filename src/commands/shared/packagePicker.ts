/** Delete Package… from the palette: pick a project (one whose token may delete), then search its packages by name on the server. */
import * as vscode from 'vscode';
import { isDeletable } from '../../core/delete/deletion';
import { listKey } from '../../core/browse/packageOwner';
import { displayName, type Package } from '../../gitlab/models';
import { say, sayError } from '../../host/l10n';
import type { Text } from '../../util/text';
import { packageRowId } from '../../tree/nodeIds';
import type { PackageNode, SourceNode } from '../../tree/nodes';
import { instanceLabel, packageDescription, projectLabel } from '../../tree/presentation';
import type { CommandDeps } from './deps';
import { readOnlyTokenMessage } from './readOnlyToken';
import { statusRefusal } from '../../core/browse/packageStatus';
import { ruleStanding } from '../../core/protection/protectionRules';

/** Palette flow: pick a project, then search its packages by name on the server. */
export async function pickPackageFromPalette(deps: CommandDeps): Promise<PackageNode[]> {
  const project = await pickWritableSource(deps, vscode.l10n.t('Delete a package from which project?'), false);
  if (!project) return [];
  // Known before anything is sent: which packages a protection rule keeps from this user.
  const protection = await deps.protection.read(project);
  const pkg = await searchPackage(deps, project, (p) => ruleStanding(protection, p).refusal);
  return pkg ? [{ kind: 'package', id: packageRowId(project, pkg.id), parent: project, pkg }] : [];
}

/** A reachable project (or, with `groups`, a group) whose token may delete; says why when there is none. */
export async function pickWritableSource(deps: CommandDeps, placeHolder: string, groups: boolean): Promise<SourceNode | undefined> {
  const reachable = (await deps.model.projects()).filter((p) => p.project || (groups && p.kind === 'group'));
  // A token set a moment ago is still being looked at: wait for that check, not a guess.
  const writable = await Promise.all(reachable.map((p) => deps.health.tokenMayDelete(p.ref.instanceUrl)));
  const projects = reachable.filter((_p, i) => writable[i]);
  if (reachable.length && !projects.length) {
    readOnlyTokenMessage(reachable[0]);
    return undefined;
  }
  if (!projects.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No reachable GitLab projects. Add a project and set an access token first.'));
    return undefined;
  }
  if (projects.length === 1) return projects[0];
  const items = projects.map((p) => ({ label: projectLabel(p), description: p.parent ? instanceLabel(p.parent.instanceUrl) : undefined, p }));
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.p;
}

function searchPackage(deps: CommandDeps, project: SourceNode, refusal: (pkg: Package) => Text | undefined): Promise<Package | undefined> {
  const client = deps.clients.get(project.ref.instanceUrl);
  const key = listKey(project);
  type Item = vscode.QuickPickItem & { pkg: Package };
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = vscode.l10n.t('Delete Package from {0}', projectLabel(project));
  qp.placeholder = vscode.l10n.t('Type to search packages by name');
  qp.matchOnDescription = true;
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const search = (name: string): void => {
    controller?.abort();
    const current = (controller = new AbortController());
    qp.busy = true;
    client
      .projectPackagesPage(key, { packageName: name.trim() || undefined, orderBy: 'created_at', sort: 'desc' }, 1, current.signal)
      .then((page) => {
        if (current.signal.aborted) return;
        qp.items = page.items.map((pkg) => {
          const refused = statusRefusal(pkg.status) ?? refusal(pkg);
          return {
            label: (isDeletable(pkg) && !refused ? '' : '$(lock) ') + displayName(pkg),
            description: packageDescription(pkg),
            detail: refused ? say(refused) : isDeletable(pkg) ? undefined : vscode.l10n.t('You may not delete this package'),
            pkg,
          };
        });
        qp.busy = false;
      })
      .catch((e: unknown) => {
        if (current.signal.aborted) return;
        qp.busy = false;
        qp.items = [];
        qp.placeholder = sayError(e);
      });
  };
  return new Promise((resolve) => {
    qp.onDidChangeValue((v) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => search(v), 250);
    });
    qp.onDidAccept(() => {
      const picked = (qp.selectedItems[0] ?? qp.activeItems[0])?.pkg;
      resolve(picked);
      qp.hide();
    });
    qp.onDidHide(() => {
      controller?.abort();
      if (timer) clearTimeout(timer);
      resolve(undefined);
      qp.dispose();
    });
    search('');
    qp.show();
  });
}
