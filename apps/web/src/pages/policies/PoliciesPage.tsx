// Placeholder; UI-B replaces this page.
export function PoliciesPage() {
  return (
    <section>
      <h1>Escalation policies</h1>
    </section>
  );
}
