/** The rows that are not data: empty lists, loading, load more, failures (each with the action it offers). */
import { errorText } from '../core/errorText';
import { unsupportedMessage, type GitLabVersion } from '../core/instances/versionGates';
import { asGitLabError } from '../gitlab/errors';
import type { Page } from '../gitlab/pagination';
import { withThousands } from '../util/format';
import { text, type Text } from '../util/text';
import { loadMoreRowId, messageRowId, projectErrorRowId, type MessageSlot } from './nodeIds';
import type { LoadMoreNode, MessageNode, PackageNode, ProjectErrorNode, SourceNode, TreeNode } from './nodes';

/** A row that lists children: a project or group (packages), or a package (its files). */
export type ListNode = SourceNode | PackageNode;

export function errorRow(parent: ListNode, e: unknown, slot: MessageSlot): MessageNode {
  const err = asGitLabError(e);
  return {
    kind: 'message',
    id: messageRowId(parent, slot),
    parent,
    text: text('{0} — Retry', errorText(err)),
    detail: err.path,
    severity: 'error',
    action: { kind: 'retry' },
  };
}

export function emptyRow(parent: ListNode, filtered = false): MessageNode {
  const message = parent.kind !== 'package' ? (filtered ? text('No packages match the filter') : text('No packages')) : text('No files');
  return { kind: 'message', id: messageRowId(parent, 'empty'), parent, text: message, severity: 'info', action: { kind: 'none' } };
}

export function infoRow(parent: ListNode, slot: MessageSlot, message: Text): MessageNode {
  return { kind: 'message', id: messageRowId(parent, slot), parent, text: message, severity: 'info', action: { kind: 'none' } };
}

/** The row on top of a list whose other pages are still coming; its text follows the count. */
export function loadingRow(parent: ListNode, loaded: number, total: number | undefined): MessageNode {
  return infoRow(parent, 'loading', loadingText(loaded, total));
}

/** "Loading 3,400 of 10,000…" (or "Loading… 3,400 so far" when the server gave no total). */
export function loadingText(loaded: number, total: number | undefined): Text {
  return total !== undefined ? text('Loading {0} of {1}…', withThousands(loaded), withThousands(total)) : text('Loading… {0} so far', withThousands(loaded));
}

export function loadMoreRow(parent: ListNode, nextPage: number, loaded: number): LoadMoreNode {
  return { kind: 'loadMore', id: loadMoreRowId(parent, nextPage), parent, nextPage, loaded };
}

/** What ends a list: "Load more…" when the server said more exist; a note when the paging headers were hidden and the end was a guess. */
export function listTail(parent: ListNode, last: Pick<Page<unknown>, 'nextPage' | 'unsure'> | undefined, loaded: number): TreeNode[] {
  if (last?.nextPage !== undefined) return [loadMoreRow(parent, last.nextPage, loaded)];
  return last?.unsure ? [infoRow(parent, 'unsure', text('Paging headers hidden, the list may be incomplete'))] : [];
}

export function badEntry(entry: string, reason: Text, discriminator: number | string): ProjectErrorNode {
  return { kind: 'projectError', id: projectErrorRowId(discriminator, entry), entry, reason };
}

export interface StateRowDeps {
  hasToken(origin: string): Promise<boolean>;
  versionOf?(instanceUrl: string): Promise<GitLabVersion | undefined>;
}

/** The row for a failed load: token problems offer "Set Access Token…", the rest "Retry". */
export async function stateRow(parent: ListNode, e: unknown, deps: StateRowDeps): Promise<MessageNode> {
  const err = asGitLabError(e);
  const origin = (parent.kind === 'package' ? parent.parent : parent).ref.origin;
  const host = new URL(origin).host;
  const hasToken = await deps.hasToken(origin);
  const id = messageRowId(parent, 'state');
  if (err.kind === 'unauthorized' || (!hasToken && (err.kind === 'notFound' || err.kind === 'forbidden'))) {
    const message = hasToken ? text('Access token for {0} was rejected — Set Access Token…', host) : text('No access token for {0} — Set Access Token…', host);
    return { kind: 'message', id, parent, text: message, detail: err.serverMessage, severity: 'warning', action: { kind: 'setToken', origin } };
  }
  if (err.kind === 'forbidden') {
    return { kind: 'message', id, parent, text: text('No access to packages'), detail: err.serverMessage, severity: 'warning', action: { kind: 'retry' } };
  }
  if (err.kind === 'notFound' && parent.kind === 'group') {
    const tooOld = unsupportedMessage(await deps.versionOf?.(parent.ref.instanceUrl), 'groupPackages', host);
    if (tooOld) return infoRow(parent, 'state', tooOld);
  }
  if (err.kind === 'notFound') {
    const what =
      parent.kind === 'package'
        ? text('Package not found (deleted?)')
        : parent.kind === 'group'
          ? text('Group not found')
          : text('Project or its package registry not found');
    return { kind: 'message', id, parent, text: what, detail: err.serverMessage, severity: 'warning', action: { kind: 'retry' } };
  }
  return errorRow(parent, err, 'state');
}

/** Package and file rows (what "N loaded" counts). */
export function count(nodes: TreeNode[]): number {
  return nodes.filter((n) => n.kind === 'package' || n.kind === 'packageFile').length;
}

/** Rows shift between pages when packages are added or deleted meanwhile: keep ids unique. */
export function appendUnique(existing: TreeNode[], added: TreeNode[]): TreeNode[] {
  const ids = new Set(existing.map((n) => n.id));
  return existing.concat(added.filter((n) => !ids.has(n.id) && ids.add(n.id)));
}
