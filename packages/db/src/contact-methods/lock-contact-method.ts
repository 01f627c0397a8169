import type { Tx } from '../with-transaction';

/** `SELECT ... FOR UPDATE` of the contact method (concurrent verification guesses wait for each other). */
export async function lockContactMethod(tx: Tx, id: string): Promise<void> {
  await tx.query(`SELECT 1 FROM contact_methods WHERE id = $1::uuid FOR UPDATE`, [id]);
}
