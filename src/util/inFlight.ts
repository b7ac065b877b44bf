/** Keys of work in progress: a second request for the same key is refused until released. */
export class InFlight {
  private readonly keys = new Set<string>();

  /** Claims the keys not already in flight (each once, in order) and returns them; the caller must release them. */
  claim(keys: readonly string[]): string[] {
    // One pass over the Set: a key listed twice is claimed at its first mention (no indexOf: not n²).
    const claimed: string[] = [];
    for (const k of keys) {
      if (this.keys.has(k)) continue;
      this.keys.add(k);
      claimed.push(k);
    }
    return claimed;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  release(keys: readonly string[]): void {
    keys.forEach((k) => this.keys.delete(k));
  }
}
