// Placeholder until its page is built.
export function UserPage() {
  return (
    <section>
      <h1>User</h1>
    </section>
  );
}
