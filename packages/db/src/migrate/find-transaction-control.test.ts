import { describe, expect, it } from 'vitest';
import { findTransactionControl } from './find-transaction-control';

describe('findTransactionControl', () => {
  it('finds the BEGIN/COMMIT Prisma writes around enum rewrites', () => {
    const sql = '-- AlterEnum\nBEGIN;\nCREATE TYPE "s_new" AS ENUM (\'a\');\nCOMMIT;\n';
    expect(findTransactionControl(sql)).toBe('BEGIN');
  });

  it.each([['START TRANSACTION;'], ['commit;'], ['ROLLBACK;'], ['END;'], ['end transaction;']])('finds %s', (stmt) => {
    expect(findTransactionControl(`CREATE TABLE t (id int);\n${stmt}\n`)).toBeDefined();
  });

  it('ignores plain DDL, comments, strings and PL/pgSQL bodies', () => {
    const sql = [
      '-- COMMIT; in a comment',
      '/* BEGIN; */',
      "INSERT INTO t (note) VALUES ('BEGIN; COMMIT;');",
      'CREATE FUNCTION f() RETURNS trigger AS $fn$',
      'BEGIN',
      '  IF true THEN RETURN NEW; END IF;',
      'END;',
      '$fn$ LANGUAGE plpgsql;',
      'CREATE TABLE "commit" (id int);',
    ].join('\n');
    expect(findTransactionControl(sql)).toBeUndefined();
  });
});
