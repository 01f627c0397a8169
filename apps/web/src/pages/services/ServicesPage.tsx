import type { ServiceJson } from '@heinrich/contracts/services';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePolicies } from '../../api/policies';
import { useCreateService, useServices } from '../../api/services';
import { useTeams } from '../../api/teams';
import { canEditTeam, isAdmin, isLeadAnywhere, useMe } from '../../auth/useMe';
import { FormError } from '../../components/Form';
import { bodyOf, draftOf, ServiceForm, type ServiceDraft } from './ServiceForm';

const URGENCY: Record<ServiceJson['urgency'], string> = { high: 'high', low: 'low', bySeverity: 'by severity' };

export function ServicesPage() {
  const me = useMe();
  const navigate = useNavigate();
  const services = useServices();
  const teams = useTeams();
  const policies = usePolicies();
  const [creating, setCreating] = useState(false);
  const createService = useCreateService();
  const error = createService.error;
  const busy = createService.isPending || createService.isSuccess;
  const teamName = useMemo(() => new Map((teams.data ?? []).map((t) => [t.id, t.name])), [teams.data]);
  const policyName = useMemo(() => new Map((policies.data ?? []).map((p) => [p.id, p.name])), [policies.data]);
  const mayCreate = isLeadAnywhere(me);
  // a new service belongs to the creator's team when they have exactly one; else a lead's first led team
  const onlyTeam = me.teams.length === 1 && canEditTeam(me, me.teams[0]!.id) ? me.teams[0]!.id : null;
  const firstLedTeam = onlyTeam ?? (isAdmin(me) ? '' : (me.teams.find((t) => t.role === 'lead')?.id ?? ''));

  function create(d: ServiceDraft) {
    createService.mutate(bodyOf(d), { onSuccess: (created) => void navigate(`/services/${created.id}`) });
  }

  return (
    <section>
      <div className="page-head">
        <h1>Services</h1>
        {mayCreate && !creating ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New service
          </button>
        ) : null}
      </div>
      {creating ? (
        <section className="card" aria-labelledby="new-service-h">
          <h2 id="new-service-h">New service</h2>
          <ServiceForm
            initial={draftOf(null, firstLedTeam)}
            teams={teams.data ?? []}
            policies={policies.data ?? []}
            error={error}
            busy={busy}
            submitLabel="Create service"
            onSubmit={create}
          />
          <button type="button" className="link-button" onClick={() => setCreating(false)}>
            Cancel
          </button>
        </section>
      ) : null}
      <FormError error={services.error} />
      {services.data && services.data.length === 0 ? <p className="card">No services yet.</p> : null}
      {services.data && services.data.length > 0 ? (
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Team</th>
              <th scope="col">Escalation policy</th>
              <th scope="col">Urgency</th>
              <th scope="col">Grouped by</th>
            </tr>
          </thead>
          <tbody>
            {services.data.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/services/${s.id}`}>{s.name}</Link>
                </td>
                <td data-label="Team">{s.teamId ? (teamName.get(s.teamId) ?? '…') : 'none'}</td>
                <td data-label="Escalation policy">
                  {s.escalationPolicyId ? (
                    <Link to={`/policies/${s.escalationPolicyId}`}>{policyName.get(s.escalationPolicyId) ?? 'policy'}</Link>
                  ) : (
                    <span className="urgency-high">none: pages nobody</span>
                  )}
                </td>
                <td data-label="Urgency">{URGENCY[s.urgency]}</td>
                <td data-label="Grouped by">{s.groupBy.length ? s.groupBy.join(', ') : 'Alertmanager group'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
