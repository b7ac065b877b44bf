/**
 * What one delete's outcome comes to — the one place that classifies it, for the message the user reads
 * (commands/shared/deleteReport.ts) and for the log line.
 */
import { text, word, type Text } from '../../util/text';
import type { DeleteOutcome, DeleteTarget } from './deleteOutcome';
import { gitLabErrorText } from '../errorText';

export type DeleteVerdict = 'deleted' | 'alreadyDeleted' | 'mayHaveBeenDeleted' | 'notDeleted' | 'notSent' | 'stopped';

export function verdictOf(o: DeleteOutcome<DeleteTarget>): DeleteVerdict {
  if (o.ok) return 'deleted';
  if (o.stopped) return 'stopped';
  if (o.error.kind === 'cancelled') return 'notSent';
  if (o.mayHaveBeenDeleted) return 'mayHaveBeenDeleted';
  return o.error.kind === 'notFound' ? 'alreadyDeleted' : 'notDeleted';
}

/** What reading it again (after its answer was lost) found; undefined when it was not read again. */
export function rereadText(o: DeleteOutcome<DeleteTarget>): Text | undefined {
  if (o.ok) return o.answerLost ? text('gone when read again') : undefined;
  const r = o.recheck;
  if (!r) return undefined;
  if (r.found === 'listed')
    return o.mayHaveBeenDeleted ? text('still listed when read again, but GitLab may still be deleting it') : text('still listed when read again');
  if (r.found === 'unproven')
    return r.why === 'unordered'
      ? text('not listed when read again, but this GitLab lists files in no fixed order')
      : text('not listed when read again, but the list kept changing');
  if (r.error.kind === 'cancelled') return text('not read again: cancelled');
  return text('reading it again failed too ({0})', gitLabErrorText(r.error));
}

/** For the log: what happened to one target, in a few words (the verdict's name spelled out, and why). */
export function outcomeLogText(o: DeleteOutcome<DeleteTarget>): string {
  const verdict = verdictOf(o);
  if (verdict === 'notSent') return 'not sent (cancelled)';
  const reread = rereadText(o);
  const error = o.ok ? o.answerLost : o.error;
  const details = [error && (o.ok || o.mayHaveBeenDeleted ? `the answer was lost: ${error.message}` : error.message), reread && word(reread)];
  const said = details.filter(Boolean).join('; ');
  const name = verdict.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
  return said ? `${name} (${said})` : name;
}
