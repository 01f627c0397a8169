// Placeholder until its page is built.
export function ServicesPage() {
  return (
    <section>
      <h1>Services</h1>
    </section>
  );
}
