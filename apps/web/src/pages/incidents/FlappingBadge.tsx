/** Shown while an incident's alert group is flapping (docs/noise.md "Flapping"). */
export function FlappingBadge({ flapping }: { flapping: boolean }) {
  if (!flapping) return null;
  return (
    <span className="badge warn" title="Its alerts keep firing and resolving: it stays open across resolves, re-fires page no one, and it resolves once nothing has fired for the flap window">
      flapping
    </span>
  );
}
