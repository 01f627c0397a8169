import { prismaOf, type Queryable } from '../queryable';

/** Sets a schedule's version and time zone, and its name and description when given (updatedAt moves). */
export async function updateScheduleSettings(
  q: Queryable,
  id: string,
  settings: { version: number; timeZone: string; name?: string; description?: string | null },
): Promise<void> {
  await prismaOf(q).schedule.update({
    where: { id },
    data: {
      version: settings.version,
      timeZone: settings.timeZone,
      ...(settings.name !== undefined ? { name: settings.name } : {}),
      ...(settings.description !== undefined ? { description: settings.description } : {}),
    },
  });
}
