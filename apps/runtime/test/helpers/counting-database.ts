/** How many D1 round trips went through a binding. */
export interface RoundTrips {
  /** `db.batch(...)` calls: one round trip each, however many statements. */
  batch: number;
  /** `first`/`all`/`run`/`raw` on a prepared statement outside a batch. */
  statement: number;
  /** `exec` and `dump`. */
  other: number;
}

export const totalRoundTrips = (counts: RoundTrips) => counts.batch + counts.statement + counts.other;

/**
 * Wraps a D1 binding to count its round trips. Statements are wrapped too; a batch hands D1 the
 * originals, which it requires.
 */
export function countingDatabase(database: D1Database): { database: D1Database; counts: RoundTrips } {
  const counts: RoundTrips = { batch: 0, statement: 0, other: 0 };
  const originals = new WeakMap<D1PreparedStatement, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values)),
      first: (column?: string) => {
        counts.statement += 1;
        return column === undefined ? statement.first() : statement.first(column);
      },
      all: () => {
        counts.statement += 1;
        return statement.all();
      },
      run: () => {
        counts.statement += 1;
        return statement.run();
      },
      raw: (options?: { columnNames?: boolean }) => {
        counts.statement += 1;
        return options?.columnNames ? statement.raw({ columnNames: true }) : statement.raw();
      },
    } as unknown as D1PreparedStatement;
    originals.set(wrapped, statement);
    return wrapped;
  };
  const wrapped = {
    prepare: (query: string) => wrap(database.prepare(query)),
    batch: (statements: D1PreparedStatement[]) => {
      counts.batch += 1;
      return database.batch(statements.map((statement) => originals.get(statement) ?? statement));
    },
    exec: (query: string) => {
      counts.other += 1;
      return database.exec(query);
    },
    dump: () => {
      counts.other += 1;
      return database.dump();
    },
    withSession: () => {
      throw new Error('countingDatabase does not count sessions');
    },
  } as unknown as D1Database;
  return { database: wrapped, counts };
}
