/** Delete Package… from the palette: pick a project (one whose token may delete), then search its packages by name on the server. */
import * as vscode from 'vscode';
import { deletionOf, isDeletable, refusedBy, type Deletion } from '../../core/delete/deletion';
import { listKey } from '../../core/browse/packageOwner';
import { ruleStanding, type RuleStanding } from '../../core/protection/protectionRules';
import { displayName, type Package } from '../../gitlab/models';
import { say, sayError } from '../../host/l10n';
import type { SourceNode } from '../../tree/nodes';
import { packageDescription, projectLabel } from '../../tree/presentation';
import type { CommandDeps } from '../shared/deps';
import { pickWritableSource } from '../shared/sourcePicker';
import { literalIcons } from '../../util/literalText';

/** A package to delete and the project or group it is listed under (a row's parent, or the project picked in the palette). */
export interface PackageTarget {
  parent: SourceNode;
  pkg: Package;
  deletion: Deletion;
}

/** Palette flow: pick a project, then search its packages by name on the server; the deletion is built from what was read, no row. */
export async function pickPackageFromPalette(deps: CommandDeps): Promise<PackageTarget | undefined> {
  const project = await pickWritableSource(deps, vscode.l10n.t('Delete a package from which project?'), false);
  if (!project) return undefined;
  // Known before anything is sent: which packages a protection rule keeps from this user.
  const protection = await deps.protection.read(project);
  const pkg = await searchPackage(deps, project, (p) => ruleStanding(protection, p));
  return pkg && { parent: project, pkg, deletion: deletionOf(project, pkg, ruleStanding(protection, pkg)) };
}

/** `standing`: what a protection rule says of a package's delete, shown on its item. */
function searchPackage(deps: CommandDeps, project: SourceNode, standing: (pkg: Package) => RuleStanding): Promise<Package | undefined> {
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
          const refused = refusedBy(pkg, standing(pkg));
          return {
            label: (isDeletable(pkg) && !refused ? '' : '$(lock) ') + literalIcons(displayName(pkg)),
            description: literalIcons(packageDescription(pkg)),
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
