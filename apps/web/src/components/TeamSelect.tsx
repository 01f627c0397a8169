import type { TeamJson } from '@heinrich/contracts/teams';
import type { FieldControlProps } from './Form';

/**
 * The team picker of the create and edit forms (schedules, policies, services),
 * inside a <Field>: `{(p) => <TeamSelect {...p} teams={teams} value={teamId} onChange={setTeamId} />}`.
 * The first option is "no team chosen"; its label says what that means on the form.
 */
export function TeamSelect({
  teams,
  value,
  onChange,
  emptyLabel = 'Choose a team…',
  required,
  ...control
}: FieldControlProps & {
  teams: Pick<TeamJson, 'id' | 'name'>[];
  value: string;
  onChange(teamId: string): void;
  emptyLabel?: string;
  required?: boolean;
}) {
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)} required={required}>
      <option value="">{emptyLabel}</option>
      {teams.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </select>
  );
}
