// Placeholder until its page is built.
export function AcceptInvitePage() {
  return (
    <section>
      <h1>Accept your invite</h1>
    </section>
  );
}
