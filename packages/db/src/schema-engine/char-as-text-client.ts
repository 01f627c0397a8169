import pg from 'pg';

/** Postgres' internal one-byte `"char"` type (pg_type oid 18) and `text` (oid 25). */
const CHAR_OID = 18;
const TEXT_OID = 25;

type Field = { dataTypeID: number };
type WithFields = { fields?: Field[] };

/**
 * A pg Client that reports `"char"` result columns as `text`.
 *
 * Why: the schema engine describes a database by querying pg_catalog, whose flag
 * columns (pg_class.relkind, pg_constraint.contype, ...) have type `"char"`.
 * @prisma/adapter-pg 7.10.1 has no mapping for oid 18 and fails with
 * `UnsupportedNativeDataType` ("Column type 'char' could not be deserialized"),
 * so every diff *from a database* failed. pg already parses `"char"` values as
 * strings; only the reported type id is changed, after parsing.
 */
export class CharAsTextClient extends pg.Client {
  // pg's query() has many overloads (promise, callback, submittable); forward them all
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, err ? res : relabel(res));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return (out instanceof Promise ? out.then(relabel) : out) as never;
  }
}

function relabel<T>(res: T): T {
  for (const r of Array.isArray(res) ? res : [res]) {
    for (const f of (r as WithFields | undefined)?.fields ?? []) {
      if (f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
    }
  }
  return res;
}
