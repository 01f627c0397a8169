// Placeholder until its page is built.
export function TeamPage() {
  return (
    <section>
      <h1>Team</h1>
    </section>
  );
}
