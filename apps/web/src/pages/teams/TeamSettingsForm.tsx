import type { TeamSettingsJson } from '@heinrich/contracts/team-settings';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useSaveTeamSettings, useTeamSettings } from '../../api/insights';
import { Field, FormError } from '../../components/Form';
import { TimeZonePicker } from '../../components/TimeZonePicker';
import { WEEKDAYS, type Weekday } from '../../lib/time';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const dayName = (d: Weekday) => d[0]!.toUpperCase() + d.slice(1);

/**
 * A team's settings (PUT /teams/{id}/settings, leads and admins): its time zone
 * and the weekly digest in Slack — the channel, on or off, the weekday and
 * hour in the team's zone (docs/insights.md "Weekly digest").
 */
export function TeamSettingsCard({ teamId, teamName, mayEdit }: { teamId: string; teamName: string; mayEdit: boolean }) {
  const settings = useTeamSettings(teamId);
  // here, not in the form: the form starts again from each saved answer, the "saved" notice stays
  const save = useSaveTeamSettings(teamId);
  const s = settings.data;
  return (
    <section className="card digest-settings" aria-labelledby="team-settings-h">
      <h2 id="team-settings-h">Time zone and weekly digest</h2>
      {!s ? settings.error ? <FormError error={settings.error} /> : <p>Loading…</p> : <SettingsForm key={s.updatedAt ?? 'defaults'} teamId={teamId} teamName={teamName} settings={s} mayEdit={mayEdit} save={save} />}
    </section>
  );
}

function SettingsForm({
  teamId,
  teamName,
  settings: s,
  mayEdit,
  save,
}: {
  teamId: string;
  teamName: string;
  settings: TeamSettingsJson;
  mayEdit: boolean;
  save: ReturnType<typeof useSaveTeamSettings>;
}) {
  const [timeZone, setTimeZone] = useState(s.timeZone);
  const [channel, setChannel] = useState(s.digest.slackChannel ?? '');
  const [enabled, setEnabled] = useState(s.digest.enabled);
  const [weekday, setWeekday] = useState<Weekday>(s.digest.weekday);
  const [hour, setHour] = useState(s.digest.hour);
  const [edited, setEdited] = useState(false);
  const error = save.error;
  const saved = save.isSuccess && !edited;
  const change = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setEdited(true);
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setEdited(false);
    save.mutate({ timeZone, digest: { slackChannel: channel.trim() === '' ? null : channel.trim(), enabled, weekday, hour } });
  }

  if (!mayEdit) {
    return (
      <p>
        Time zone {s.timeZone}.{' '}
        {s.digest.slackChannel && s.digest.enabled
          ? `The weekly digest is posted to Slack channel ${s.digest.slackChannel} on ${dayName(s.digest.weekday)} at ${String(s.digest.hour).padStart(2, '0')}:00.`
          : 'No weekly digest.'}{' '}
        <span className="hint">Leads of this team and admins change these.</span>
      </p>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <FormError error={error} shownPaths={['timeZone', 'digest.slackChannel', 'digest.weekday', 'digest.hour', 'digest.enabled']} />
      {saved ? (
        <p className="notice" role="status">
          Settings saved.
        </p>
      ) : null}
      <Field label="Team time zone" path="timeZone" id="team-time-zone" error={error} hint="The digest is posted on this zone’s clock.">
        {(p) => <TimeZonePicker {...p} value={timeZone} onChange={change(setTimeZone)} required />}
      </Field>
      <Field
        label="Digest Slack channel id"
        path="digest.slackChannel"
        error={error}
        hint={
          <>
            The id of the channel (C0123ABC: in Slack, the channel’s details), the Heinrich app invited to it. Empty: no digest. What it says:{' '}
            <Link to={`/insights?teamId=${teamId}&days=7`}>the last 7 days of {teamName}</Link>.
          </>
        }
      >
        {(p) => <input {...p} value={channel} onChange={(e) => change(setChannel)(e.target.value)} placeholder="C0123ABC" autoComplete="off" />}
      </Field>
      <div className="field">
        <label>
          <input type="checkbox" checked={enabled} onChange={(e) => change(setEnabled)(e.target.checked)} style={{ width: 'auto' }} /> Post the weekly digest
        </label>
      </div>
      <div className="row">
        <Field label="Weekday" path="digest.weekday" error={error}>
          {(p) => (
            <select {...p} value={weekday} onChange={(e) => change(setWeekday)(e.target.value as Weekday)} disabled={!enabled}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {dayName(d)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Hour" path="digest.hour" error={error}>
          {(p) => (
            <select {...p} value={hour} onChange={(e) => change(setHour)(Number(e.target.value))} disabled={!enabled}>
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {String(h).padStart(2, '0')}:00
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  );
}
