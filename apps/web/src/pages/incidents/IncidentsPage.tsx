export function IncidentsPage() {
  return (
    <section>
      <h1>Incidents</h1>
    </section>
  );
}
