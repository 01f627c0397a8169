// Placeholder until its page is built.
export function AuditLogPage() {
  return (
    <section>
      <h1>Audit log</h1>
    </section>
  );
}
