/**
 * The first top-level transaction-control statement in a migration script
 * (`BEGIN`, `START TRANSACTION`, `COMMIT`, `ROLLBACK`, `ABORT`, `END`), or undefined.
 *
 * Why: the runner runs each file inside its own transaction. A `COMMIT;` in the
 * file would end that transaction half-way, and everything after it, including
 * the `_prisma_migrations` row, would run outside it, so a failure could leave a
 * half-applied migration. Prisma's engine writes `BEGIN;`/`COMMIT;` around enum
 * changes; `npm run migration:new` strips them, this check catches hand edits.
 *
 * Comments, quoted strings and dollar-quoted bodies are skipped, so a PL/pgSQL
 * `BEGIN ... END;` block inside `$$ ... $$` does not count.
 */
export function findTransactionControl(sql: string): string | undefined {
  const code = sql
    .replace(/\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$/g, "''")
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/--[^\n]*/g, ' ');
  for (const statement of code.split(';')) {
    const s = statement.trim();
    // `END` alone, not `END IF`/`END LOOP` (those live in dollar-quoted bodies anyway)
    if (/^(BEGIN|START\s+TRANSACTION|COMMIT|ROLLBACK|ABORT)\b/i.test(s) || /^END(\s+(WORK|TRANSACTION))?$/i.test(s)) {
      return s.split(/\s+/).slice(0, 2).join(' ');
    }
  }
  return undefined;
}
