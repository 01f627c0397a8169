// Placeholder until its page is built.
export function ServicePage() {
  return (
    <section>
      <h1>Service</h1>
    </section>
  );
}
