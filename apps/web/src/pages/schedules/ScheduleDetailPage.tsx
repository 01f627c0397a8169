// Placeholder; UI-B replaces this page.
export function ScheduleDetailPage() {
  return (
    <section>
      <h1>Schedule</h1>
    </section>
  );
}
