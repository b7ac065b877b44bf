/**
 * Delete Package… and Delete Package File… cancelled while DELETEs are on their way: GitLab
 * holds them behind a gate, so the Cancel lands while they are in flight whatever the machine's
 * speed, and only then are they answered.
 */
import { strict as assert } from 'node:assert';
import { SAMPLE, type Harness, type HarnessOptions, type Row } from './double/harness';

export const PACKAGE_DELETE = /^\/api\/v4\/projects\/\d+\/packages\/\d+$/;
export const FILE_DELETE = /^\/api\/v4\/projects\/\d+\/packages\/\d+\/package_files\/\d+$/;

/** Two requests at a time, on acme/app, with the fake prepared by `prepare`. */
export function cancelOptions(prepare: HarnessOptions['prepareFake']): HarnessOptions {
  return { settings: { projects: ['acme/app'], maxConcurrentRequests: 2 }, token: SAMPLE.apiToken, prepareFake: prepare };
}

/** The paths of the DELETEs GitLab received. */
export function sentDeletes(h: Harness, path: RegExp): string[] {
  return h.requests('DELETE', path).map((r) => r.path);
}

/** Runs `command` on `rows`, confirms, waits until GitLab holds the first two DELETEs, clicks Cancel, then lets them through. */
export async function deleteThenCancel(h: Harness, command: string, rows: Row[], path: RegExp): Promise<void> {
  const inFlight = h.fake.hold({ method: 'DELETE', path }, rows.length);
  h.ui.answer('Delete');
  const done = h.run(
    command,
    rows[0].node,
    rows.map((r) => r.node),
  );
  await inFlight.arrived(2);
  assert.ok(h.ui.cancelProgress(), 'the progress offers Cancel');
  inFlight.release();
  await done;
}
