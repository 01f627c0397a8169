/** A calendar feed as the API shows it: never its token or the token's hash. */
export interface CalendarFeedSummary {
  id: string;
  scheduleId: string | null;
  userId: string | null;
  createdAt: Date;
}

export const FEED_SUMMARY = { id: true, scheduleId: true, userId: true, createdAt: true } as const;
