/**
 * A Map that keeps at most `limit` keys: setting a key makes it the newest, and past the limit
 * the oldest set goes first. For per-process memos whose loss only costs a lookup (what Redis
 * or PostgreSQL holds, a user's ids): they stay bounded however many users a process sees.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    super.delete(key);
    super.set(key, value);
    if (this.size > this.limit) super.delete(this.keys().next().value as K);
    return this;
  }
}
