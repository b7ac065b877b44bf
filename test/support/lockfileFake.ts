/** The fake GitLab with the lockfile seed (test/fake-gitlab/seedLockfiles.ts) for a describe block, and plain HTTP reads of it. */
import { createHash } from 'node:crypto';
import { seedLockfiles } from '../fake-gitlab/seedLockfiles';
import { FakeGitLab } from '../fake-gitlab/server';

/** Starts the fake with the lockfile seed before each test (the tests change the registry) and stops it after. */
export function useLockfileFake(): () => FakeGitLab {
  let fake: FakeGitLab | undefined;
  beforeEach(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedLockfiles(fake);
  });
  afterEach(() => fake?.stop());
  return () => {
    if (!fake) throw new Error('the fake GitLab is not running');
    return fake;
  };
}

export interface Read {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

/** A GET as a package manager sends it (redirects not followed); `url` is absolute or a path on the fake. */
export async function read(fake: FakeGitLab, url: string, headers: Record<string, string> = {}): Promise<Read> {
  const res = await fetch(url.startsWith('http') ? url : fake.url + url, { headers, redirect: 'manual' });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
}

export async function readJson<T>(fake: FakeGitLab, url: string, headers: Record<string, string> = {}): Promise<T> {
  const r = await read(fake, url, headers);
  if (r.status !== 200) throw new Error(`${url}: ${r.status} ${r.text}`);
  return JSON.parse(r.text) as T;
}

export function digest(alg: 'md5' | 'sha1' | 'sha256' | 'sha512', data: Buffer): string {
  return createHash(alg).update(data).digest('hex');
}
