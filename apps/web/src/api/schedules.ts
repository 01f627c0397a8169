import type { OverrideJson, PreviewJson, ScheduleJson, ShiftsJson } from '@heinrich/contracts/schedules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, path } from './client';
import { keys } from './keys';
import { listAllPages } from './list';

export function useSchedules() {
  return useQuery({ queryKey: keys.schedules.list(), queryFn: ({ signal }) => listAllPages<ScheduleJson>('/schedules', { signal }) });
}

export function useSchedule(id: string) {
  return useQuery({ queryKey: keys.schedules.one(id), queryFn: ({ signal }) => api.get<ScheduleJson>(path`/schedules/${id}`, { signal }) });
}

/** Shifts of a range computed when asked (`range(now)`), with the `now` they were asked at. */
export interface ShiftsAt {
  shifts: ShiftsJson;
  now: number;
}

/**
 * The final shifts (and with `layers`, each layer's) of a range that moves with
 * time: `range` turns the moment of the request into [from, to), and `name`
 * names that range in the key. `refetchMs` polls (who is on call changes while
 * the page is open: a handoff, an override added elsewhere).
 */
export function useShifts(
  id: string,
  name: string,
  range: (now: number) => { from: number; to: number },
  opts: { layers?: boolean; refetchMs?: number } = {},
) {
  return useQuery({
    queryKey: keys.schedules.shifts(id, name),
    queryFn: async ({ signal }): Promise<ShiftsAt> => {
      const now = Date.now();
      const { from, to } = range(now);
      const q = new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
      if (opts.layers) q.set('layers', 'true');
      return { shifts: await api.get<ShiftsJson>(`${path`/schedules/${id}/shifts`}?${q.toString()}`, { signal }), now };
    },
    ...(opts.refetchMs ? { refetchInterval: opts.refetchMs } : {}),
  });
}

export function useOverrides(scheduleId: string) {
  return useQuery({
    queryKey: keys.schedules.overrides(scheduleId),
    queryFn: ({ signal }) => api.get<{ items: OverrideJson[] }>(`${path`/schedules/${scheduleId}/overrides`}?limit=200`, { signal }),
  });
}

export function useCreateSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; teamId: string; timeZone: string; layers: ScheduleJson['layers'] }) => api.post<ScheduleJson>('/schedules', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.schedules.all }),
  });
}

type LayersBody = { timeZone: string; layers: ScheduleJson['layers'] };

/** Who gains or loses hours, and new gaps, if the layers were saved (nothing is saved). */
export function usePreviewSchedule(id: string) {
  return useMutation({ mutationFn: (body: LayersBody) => api.post<PreviewJson>(`${path`/schedules/${id}/preview`}?weeks=4`, body) });
}

/** Who would be on call, and every gap, if this new schedule were created now (nothing is saved). */
export function usePreviewNewSchedule() {
  return useMutation({ mutationFn: (body: LayersBody & { teamId: string }) => api.post<PreviewJson>('/schedules/preview?weeks=4', body) });
}

/** Saves layers and zone with the version they were based on (someone else's change in between: 409). */
export function useUpdateSchedule(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LayersBody & { version: number }) => api.patch<ScheduleJson>(path`/schedules/${id}`, body),
    onSuccess: async (schedule) => {
      qc.setQueryData(keys.schedules.one(id), schedule);
      await Promise.all([qc.invalidateQueries({ queryKey: keys.schedules.all }), qc.invalidateQueries({ queryKey: keys.policies.all })]);
    },
  });
}

export function useDeleteSchedule(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.del(path`/schedules/${id}`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.schedules.list() });
    },
  });
}

/** Overrides change who is on call: the schedule's shifts are fetched again. */
export function useAddOverride(scheduleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { userId: string; start: string; end: string }) => api.post<OverrideJson>(path`/schedules/${scheduleId}/overrides`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.schedules.one(scheduleId) }),
  });
}

export function useRemoveOverride(scheduleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (overrideId: string) => api.del(path`/schedules/${scheduleId}/overrides/${overrideId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.schedules.one(scheduleId) }),
  });
}
