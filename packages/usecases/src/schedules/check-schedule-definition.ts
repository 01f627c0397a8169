import { validateSchedule } from '@heinrich/core/schedule/validate-schedule';
import { throwIfInvalid } from './invalid-request';
import { toCoreSchedule, type LayerDefinition } from './schedule-record';

/**
 * What the resolver needs of a schedule (a known IANA zone, layers with members,
 * instants with offsets, end after start, restriction windows of non-zero
 * length, whole shift lengths), checked by the core validator itself so the API
 * and the resolver can't disagree: a 400 naming each field (`layers.0.members`).
 */
export function checkScheduleDefinition(timeZone: string, layers: readonly LayerDefinition[]): void {
  throwIfInvalid(validateSchedule(toCoreSchedule('new', timeZone, layers)));
}
