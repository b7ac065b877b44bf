/**
 * Every tree row's id, built here and nowhere else. VS Code keeps a row's expansion and the
 * selection by id across redraws and reloads, so an id must never change for the same row:
 * test/unit/tree/nodeIds.test.ts pins each one.
 *
 * Ids are short because they cross to the workbench with every row, twice (a row's handle is
 * `1/` + its id, and its `parentHandle` its parent's): a project's or group's id is a hash of its
 * identity, and the rows below it add a one-letter kind. test/bench/rowBytes.ts measures it.
 */
import { refIdentity, type ProjectRef } from '../core/projects/projectRef';
import { shortHash } from '../util/shortHash';

/** A row ids are built below. */
interface Parent {
  readonly id: string;
}

/** Which message row of a list: each list has at most one of each. */
export type MessageSlot =
  | 'empty'
  | 'loading'
  /** Paging headers were hidden: the list may be incomplete. */
  | 'unsure'
  /** The list could not be read (token, access, not found, error). */
  | 'state'
  /** The next page failed (not the "Load more…" row, whose id carries its page). */
  | 'more'
  | 'filtered-here';

export function instanceRowId(instanceUrl: string): string {
  return `instance:${instanceUrl}`;
}

/** The entry's id, not GitLab's: expansion survives a token change that makes it resolvable. */
export function projectRowId(ref: ProjectRef, detected: boolean): string {
  return `${detected ? 'd' : 'p'}:${shortHash(refIdentity(ref))}`;
}

export function groupRowId(ref: ProjectRef): string {
  return `g:${shortHash(refIdentity(ref))}`;
}

/** `discriminator` keeps two bad entries with the same text apart (their index, or the entry). */
export function projectErrorRowId(discriminator: number | string, entry: string): string {
  return `projectError:${discriminator}:${entry}`;
}

/** A package-name row ("group by name"): `key` is core/browse/packageName's nameKey. */
export function nameRowId(source: Parent, key: string): string {
  return `${source.id}/n:${key}`;
}

export function packageRowId(source: Parent, packageId: number): string {
  return `${source.id}/p:${packageId}`;
}

export function fileRowId(pkg: Parent, fileId: number): string {
  return `${pkg.id}/f:${fileId}`;
}

export function protectionRulesRowId(project: Parent): string {
  return `${project.id}/protectionRules`;
}

export function protectionRuleRowId(rules: Parent, ruleId: number): string {
  return `${rules.id}/rule:${ruleId}`;
}

export function loadMoreRowId(list: Parent, nextPage: number): string {
  return `${list.id}/more:${nextPage}`;
}

export function messageRowId(list: Parent, slot: MessageSlot): string {
  return `${list.id}/${slot}`;
}

/** Whether the row `id` is the row `parentId` or one built below it (what a refresh of that row drops). */
export function isAtOrBelow(id: string, parentId: string): boolean {
  return id === parentId || id.startsWith(`${parentId}/`);
}
