/**
 * Package statuses GitLab will not delete: its single-package routes, DELETE included, find only displayable
 * packages (app/finders/packages/package_finder.rb `.displayable`; app/models/packages/package.rb
 * DISPLAYABLE_STATUSES), so a `hidden` or `processing` package — listable with the `status` filter — answers 404.
 */
import { text, type Text } from '../../util/text';

/** Every status GitLab gives a package (app/models/packages/package.rb `status` enum); the filter offers these. */
export const PACKAGE_STATUSES = ['default', 'error', 'deprecated', 'hidden', 'processing', 'pending_destruction'];

/** The statuses GitLab deletes (and lists unless `status` asks): its displayable ones. */
export const DELETABLE_STATUSES = ['default', 'error', 'deprecated'];

/** Whether GitLab will not delete a package of this (known) status: hidden, processing, pending_destruction. */
export function isUndeletable(status: string | undefined): status is string {
  return status !== undefined && PACKAGE_STATUSES.includes(status) && !DELETABLE_STATUSES.includes(status);
}

/** Why GitLab will not delete a package in this status; undefined when it will. */
export function statusRefusal(status: string | undefined): Text | undefined {
  return isUndeletable(status) ? text('GitLab deletes no package in status {0}', status) : undefined;
}
