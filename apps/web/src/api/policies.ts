import type { EscalationPolicyJson } from '@heinrich/contracts/escalation-policies';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SimulationJson } from '../pages/policies/policy-draft';
import { api, path } from './client';
import { keys } from './keys';
import { listAllPages } from './list';

export function usePolicies() {
  return useQuery({ queryKey: keys.policies.list(), queryFn: ({ signal }) => listAllPages<EscalationPolicyJson>('/escalation-policies', { signal }) });
}

export function usePolicy(id: string) {
  return useQuery({ queryKey: keys.policies.one(id), queryFn: ({ signal }) => api.get<EscalationPolicyJson>(path`/escalation-policies/${id}`, { signal }) });
}

type PolicyBody = { name: string; repeat: number; steps: EscalationPolicyJson['steps'] };

export function useCreatePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyBody & { teamId: string }) => api.post<EscalationPolicyJson>('/escalation-policies', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.policies.all }),
  });
}

/** Saves the policy; its simulation (under its key) runs again. */
export function useUpdatePolicy(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyBody) => api.patch<EscalationPolicyJson>(path`/escalation-policies/${id}`, body),
    onSuccess: async (policy) => {
      qc.setQueryData(keys.policies.one(id), policy);
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.policies.list() }),
        qc.invalidateQueries({ queryKey: keys.policies.simulations(id) }),
        // the services list names the policy
        qc.invalidateQueries({ queryKey: keys.services.all }),
      ]);
    },
  });
}

export function useDeletePolicy(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.del(path`/escalation-policies/${id}`),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: keys.policies.list() }), qc.invalidateQueries({ queryKey: keys.services.all })]);
    },
  });
}

/** What the saved policy would do for an incident opening at `at` (ISO) with the severity ('' = none). Nothing is sent. */
export function useSimulation(id: string, at: string, severity: string) {
  return useQuery({
    queryKey: keys.policies.simulation(id, at, severity),
    queryFn: ({ signal }) => api.post<SimulationJson>(path`/escalation-policies/${id}/simulate`, { at, ...(severity ? { severity } : {}) }, { signal }),
  });
}
