// Placeholder until its page is built.
export function TeamsPage() {
  return (
    <section>
      <h1>Teams</h1>
    </section>
  );
}
