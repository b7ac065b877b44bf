/** What one DELETE of a bulk delete ended in: deleted, not deleted (why), or — its answer lost — perhaps deleted. */
import type { GitLabError } from '../../gitlab/errors';
import type { ProjectKey } from '../../gitlab/types';

/**
 * What reading a package (or its file list) again found after a DELETE's answer was lost: gone, still listed,
 * not seen but not proven gone (`unordered`: the server lists files in no fixed order; `moving`: the list kept
 * shifting past the reads allowed), or nothing (the read failed, or was cancelled).
 */
export type Recheck = { found: 'gone' } | { found: 'listed' } | { found: 'unproven'; why: 'unordered' | 'moving' } | { found: 'unknown'; error: GitLabError };

export interface DeleteTarget {
  project: ProjectKey;
  packageId: number;
  /** Set to delete one file of the package instead of the package. */
  fileId?: number;
}

export type DeleteOutcome<T extends DeleteTarget> =
  | {
      target: T;
      ok: true;
      /** The DELETE's answer was lost (this error); reading it again found it gone. */
      answerLost?: GitLabError;
    }
  | {
      target: T;
      ok: false;
      /** The DELETE's own failure; for one never sent, why (a Cancel, or `stopped`). */
      error: GitLabError;
      /** Its answer may have been lost, so it was read again: what that found. */
      recheck?: Exclude<Recheck, { found: 'gone' }>;
      /** The answer was lost and reading again could not tell (it failed, or GitLab may still be at work). */
      mayHaveBeenDeleted?: true;
      /** Never sent: the deletes before it and the reads after them kept failing (`error` is the last of them). */
      stopped?: true;
    };
