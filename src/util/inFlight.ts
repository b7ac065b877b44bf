/** Keys of work in progress: a second request for the same key is refused until released. */
export class InFlight {
  private readonly keys = new Set<string>();

  /** Claims the keys not already in flight and returns them; the caller must release them. */
  claim(keys: readonly string[]): string[] {
    const claimed = keys.filter((k, i) => !this.keys.has(k) && keys.indexOf(k) === i);
    claimed.forEach((k) => this.keys.add(k));
    return claimed;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  release(keys: readonly string[]): void {
    keys.forEach((k) => this.keys.delete(k));
  }
}
