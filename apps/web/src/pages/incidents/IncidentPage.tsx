// Placeholder until its page is built.
export function IncidentPage() {
  return (
    <section>
      <h1>Incident</h1>
    </section>
  );
}
