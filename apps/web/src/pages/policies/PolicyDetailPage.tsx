// Placeholder; UI-B replaces this page.
export function PolicyDetailPage() {
  return (
    <section>
      <h1>Escalation policy</h1>
    </section>
  );
}
