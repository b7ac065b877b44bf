/**
 * A clean-up's chosen candidates as requests of the one delete flow (core/delete/deleteFlow.ts),
 * built from the evaluation, never from tree rows. Protection is not decided again here: what a
 * rule refuses this user was kept by the evaluation (cleanUpEvaluate.ts), and a candidate an
 * administrator may lose to Admin Mode carries that from there, for the words of GitLab's 403.
 */
import type { Package } from '../../gitlab/models';
import type { ListedUnder } from '../browse/packageOwner';
import { deletionOf } from '../delete/deletion';
import type { DeleteRequest } from '../delete/deleteFlow';
import type { JudgedPackage } from './cleanUpEvaluate';

export interface CleanUpDeletion extends DeleteRequest {
  pkg: Package;
}

/** `listed`: the project or group the clean-up listed (a group's packages name their own project). */
export function cleanUpDeletions(listed: ListedUnder, chosen: readonly JudgedPackage[]): CleanUpDeletion[] {
  return chosen.map((v) => ({ pkg: v.pkg, deletion: deletionOf(listed, v.pkg, v) }));
}
