import { CompiledQuery, type Compilable } from 'kysely';
import { prepareByName, type Database } from './connect.ts';

const SLOT = '\u0000slot:';
/** Statement names are unique in the process: a connection refuses one name for two texts. */
let statements = 0;

/**
 * A write of the busiest path (a step: the case's update, its event and clocks, its audit row)
 * built by the query builder once per shape instead of on every call: building and compiling
 * these was a tenth of the server's CPU per step. While it is built, every value is replaced by
 * a placeholder, then swapped back at each run. What changes the statement's text is the shape:
 * the variant, the keys of each row, how many rows, and which values are undefined (the builder
 * leaves those columns out). `values` is walked three levels deep (the values, their rows, each
 * row's fields: plain objects and arrays); anything deeper, and any other value (string, number,
 * Date, null), is one parameter. Each shape is prepared by name on PostgreSQL (prepareByName).
 *
 * Both engines compile with kysely's PostgreSQL compiler, so one cache serves every database.
 */
export function builtByShape<V>(name: string, build: (db: Database, values: V, variant: string) => Compilable<unknown>) {
  const shapes = new Map<string, { sql: string; params: unknown[]; slots: number[] }>();
  return async <Row>(db: Database, values: V, variant = ''): Promise<Row[]> => {
    const flat: unknown[] = [];
    const shape = `${variant}|${shapeOf(values, 0, flat)}`;
    let q = shapes.get(shape);
    if (!q) {
      const compiled = build(db, slotted(values, 0, { n: 0 }) as V, variant).compile();
      const slots = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(SLOT) ? Number(p.slice(SLOT.length)) : -1));
      // A value the builder read (instead of placing it) would be frozen into the statement.
      for (let i = 0; i < flat.length; i++) if (!slots.includes(i)) throw new Error(`builtByShape(${name}): value ${i} is not a parameter of the statement`);
      q = { sql: compiled.sql, params: [...compiled.parameters], slots };
      shapes.set(shape, q);
      prepareByName(`fazhi_${name}_${++statements}`, q.sql);
    }
    const { params, slots } = q;
    return (await db.executeQuery<Row>(CompiledQuery.raw(q.sql, params.map((p, i) => (slots[i] >= 0 ? flat[slots[i]] : p))))).rows;
  };
}

const walked = (v: unknown, depth: number): v is Record<string, unknown> | unknown[] =>
  depth < 3 && v !== null && typeof v === 'object' && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype);

/** The shape of `v` as text; its values, in order, pushed onto `flat`. */
function shapeOf(v: unknown, depth: number, flat: unknown[]): string {
  if (v === undefined) return 'u';
  if (!walked(v, depth)) {
    flat.push(v);
    return '.';
  }
  let s = Array.isArray(v) ? '[' : '{';
  if (Array.isArray(v)) for (const x of v) s += shapeOf(x, depth + 1, flat);
  // Length-prefixed keys: no two different sets of keys read the same.
  else for (const key in v) s += key.length + ':' + key + shapeOf(v[key], depth + 1, flat);
  return s + ']';
}

/** `v` with each value replaced by its placeholder, in the order shapeOf met them. */
function slotted(v: unknown, depth: number, next: { n: number }): unknown {
  if (v === undefined) return undefined;
  if (!walked(v, depth)) return SLOT + next.n++;
  if (Array.isArray(v)) return v.map((x) => slotted(x, depth + 1, next));
  const out: Record<string, unknown> = {};
  for (const key in v) out[key] = slotted(v[key], depth + 1, next);
  return out;
}
