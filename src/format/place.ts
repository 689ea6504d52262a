/** Names places in a document the way refusals do: `nodes[3].type`. */

export type Path = readonly PropertyKey[];

export function placeName(path: Path): string {
  return path
    .map((key, k) => (typeof key === 'number' ? `[${key}]` : k === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

export function valueAt(doc: unknown, path: Path): unknown {
  let here: unknown = doc;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/** A short description of a JSON value for messages: `a string`, `null`, `Infinity`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
