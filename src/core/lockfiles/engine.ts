/**
 * The lockfile engine as the commands receive it: on Node the core itself, in the web worker
 * part of the lockfile bundle (src/lockfiles.ts) loaded on first use. A type only, so naming it
 * pulls none of the parsers into the main bundle.
 */
import type * as LockfileIndex from './index';

export type LockfileEngine = typeof LockfileIndex;

/** Gives the engine, loading it the first time it is asked for. */
export type LockfileEngineLoader = () => Promise<LockfileEngine>;
