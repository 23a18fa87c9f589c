/**
 * Wraps a D1 binding as a slow, partly failing D1: every batch waits `delayMs` before it goes out (so
 * writes queue up behind it, as under load), and a batch fails, as a D1 transaction does, when one of its
 * statements is an `INSERT INTO messages` bound to a value containing `marker`. Lists the statement
 * count of each batch it refused. Statements are wrapped to see their SQL and values; D1 gets the originals.
 */
export function refusingDatabase(database: D1Database, marker: string, delayMs: number) {
  const refused: number[] = [];
  const originals = new WeakMap<D1PreparedStatement, { original: D1PreparedStatement; poisoned: boolean }>();
  const wrap = (sql: string, statement: D1PreparedStatement, values: unknown[]): D1PreparedStatement => {
    const wrapped = {
      bind: (...bound: unknown[]) => wrap(sql, statement.bind(...bound), bound),
      first: (column?: string) => (column === undefined ? statement.first() : statement.first(column)),
      all: () => statement.all(),
      run: () => statement.run(),
      raw: (options?: { columnNames?: boolean }) =>
        options?.columnNames ? statement.raw({ columnNames: true }) : statement.raw(),
    } as unknown as D1PreparedStatement;
    const poisoned =
      sql.startsWith('INSERT INTO messages') &&
      values.some((value) => typeof value === 'string' && value.includes(marker));
    originals.set(wrapped, { original: statement, poisoned });
    return wrapped;
  };
  const wrapped = {
    prepare: (sql: string) => wrap(sql, database.prepare(sql), []),
    batch: async (statements: D1PreparedStatement[]) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const entries = statements.map((statement) => originals.get(statement));
      if (entries.some((entry) => entry?.poisoned)) {
        refused.push(statements.length);
        throw new Error('D1_ERROR: refused by the test');
      }
      return database.batch(
        entries.map((entry, index) => entry?.original ?? (statements[index] as D1PreparedStatement)),
      );
    },
  } as unknown as D1Database;
  return { database: wrapped, refused };
}
