/**
 * The lockfile bundle (entry src/lockfiles.ts) as the main bundle receives it: the engine and the
 * editor feature, on Node bundled in, in the web worker loaded on first use. Types only, so
 * naming them pulls none of it into the main bundle.
 */
import type { LockfileEngine } from '../core/lockfiles/engine';
import type { lockfileFeature } from './lockfileFeature';

export type LockfileModule = LockfileEngine & { lockfileFeature: typeof lockfileFeature };

/** Gives the module, loading it the first time it is asked for. */
export type LockfileModuleLoader = () => Promise<LockfileModule>;
