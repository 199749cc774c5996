/**
 * A very short-lived cache of event listing pages, shared by concurrent readers.
 *
 * On FerretDB an event's listing sorts every available ticket of the event in FerretDB itself
 * (no sort pushdown), ~1.1 s at 10,000 tickets, so an on-sale rush of readers would queue
 * behind it. Readers of one page within `ttlMs` share one query (single flight); this process
 * clears everything on each of its own ticket writes, so what it wrote is visible at once.
 * Another replica's writes show within `ttlMs`. On MongoDB the index serves the query and the
 * cache only saves round trips.
 */
export class ListingCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: this.now(), value });
    // A failed load is not remembered: the next reader tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
