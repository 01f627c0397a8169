// Placeholder; UI-B replaces this page.
export function SchedulesPage() {
  return (
    <section>
      <h1>Schedules</h1>
    </section>
  );
}
