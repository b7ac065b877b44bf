/**
 * Package statuses GitLab will not delete: its single-package routes, DELETE included, find only displayable
 * packages (app/finders/packages/package_finder.rb `.displayable`; app/models/packages/package.rb
 * DISPLAYABLE_STATUSES), so a `hidden` or `processing` package — listable with the `status` filter — answers 404.
 */
import { text, type Text } from '../util/text';

/** Every status GitLab gives a package (app/models/packages/package.rb `status` enum); the filter offers these. */
export const PACKAGE_STATUSES = ['default', 'error', 'deprecated', 'hidden', 'processing', 'pending_destruction'];

export const UNDELETABLE_STATUSES = ['hidden', 'processing', 'pending_destruction'];

/** Why GitLab will not delete a package in this status; undefined when it will. */
export function statusRefusal(status: string | undefined): Text | undefined {
  return status !== undefined && UNDELETABLE_STATUSES.includes(status) ? text('GitLab deletes no package in status {0}', status) : undefined;
}
