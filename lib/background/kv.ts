/** A small key-value store: extension storage in the browser, a Map in tests. */
export interface KeyValue {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export function memoryKeyValue(): KeyValue {
  const map = new Map<string, unknown>();
  return {
    // A copy each way, as extension storage gives: a caller never holds the stored value itself.
    async get<T>(key: string) {
      const value = map.get(key);
      return (value === undefined ? undefined : structuredClone(value)) as T | undefined;
    },
    async set(key, value) {
      map.set(key, structuredClone(value));
    },
    async remove(key) {
      map.delete(key);
    },
  };
}
