import type { ScheduleJson } from '@heinrich/contracts/schedules';
import { useState } from 'react';
import { usePreviewSchedule, useUpdateSchedule } from '../../api/schedules';
import { Field, FormError } from '../../components/Form';
import { TimeZonePicker } from '../../components/TimeZonePicker';
import { draftToLayer, layerToDraft, move, newLayerDraft, type LayerDraft } from './layer-draft';
import { LayerEditor, layerShownPaths, type Person } from './LayerEditor';
import { PreviewPanel } from './PreviewPanel';

/**
 * Editing a schedule's layers (and zone) safely: change the draft, ask the API
 * for the preview of the next four weeks (who gains or loses hours, new gaps),
 * then save. Saving is offered only for the draft that was previewed, and sends
 * the version it was based on, so someone else's change in between is a clear
 * conflict instead of a silent overwrite.
 */
export function LayersEditor({
  schedule,
  people,
  nameOf,
  viewerZone,
  onSaved,
  onCancel,
}: {
  schedule: ScheduleJson;
  people: Person[];
  nameOf: (id: string) => string;
  viewerZone: string;
  onSaved: (s: ScheduleJson) => void;
  onCancel: () => void;
}) {
  const [timeZone, setTimeZone] = useState(schedule.timeZone);
  const [drafts, setDrafts] = useState<LayerDraft[]>(() => schedule.layers.map((l) => layerToDraft(l, schedule.timeZone)));
  const previewing = usePreviewSchedule(schedule.id);
  const saving = useUpdateSchedule(schedule.id);
  // the preview shown is the last one asked for this draft (reset by any edit)
  const preview = previewing.data ?? null;
  const [lastWrite, setLastWrite] = useState<'preview' | 'save'>('preview');
  const error = lastWrite === 'preview' ? previewing.error : saving.error;
  const busy = previewing.isPending ? 'preview' : saving.isPending ? 'save' : null;

  const body = () => ({ timeZone, layers: drafts.map((d) => draftToLayer(d, timeZone)) });
  // any edit makes the preview stale: it must be asked again before saving
  const edit = (next: LayerDraft[]) => {
    setDrafts(next);
    previewing.reset();
  };

  function runPreview() {
    setLastWrite('preview');
    saving.reset();
    previewing.mutate(body());
  }

  function save() {
    setLastWrite('save');
    // not mutate's onSuccess: the saved version replaces this editor (its key) before that would run;
    // a refusal shows through saving.error
    void saving.mutateAsync({ ...body(), version: schedule.version }).then(onSaved, () => {});
  }

  return (
    <section className="card layers-editor" aria-labelledby="edit-layers-heading">
      <h2 id="edit-layers-heading">Edit layers</h2>
      <p className="hint">Later layers are higher: where two layers have someone, the lower one in this list wins. Changes take effect when saved; the past stays as it was.</p>
      <Field label="Schedule time zone" path="timeZone" error={error} hint="Handoff times and restriction windows are read in this zone.">
        {(props) => (
          <TimeZonePicker
            {...props}
            value={timeZone}
            onChange={(zone) => {
              setTimeZone(zone);
              previewing.reset();
            }}
            required
          />
        )}
      </Field>
      {drafts.map((d, i) => (
        <fieldset key={i} className="layer">
          <legend>
            Layer {i + 1}: {d.name || 'unnamed'}
          </legend>
          <LayerEditor draft={d} index={i} zone={timeZone} people={people} nameOf={nameOf} error={error} onChange={(next) => edit(drafts.map((x, j) => (j === i ? next : x)))} />
          <div className="row-controls">
            <button type="button" className="secondary" disabled={i === 0} onClick={() => edit(move(drafts, i, -1))}>
              Move layer {i + 1} up
            </button>
            <button type="button" className="secondary" disabled={i === drafts.length - 1} onClick={() => edit(move(drafts, i, 1))}>
              Move layer {i + 1} down
            </button>
            <button type="button" className="danger" onClick={() => edit(drafts.filter((_, j) => j !== i))}>
              Remove layer {i + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => edit([...drafts, newLayerDraft(Date.now(), timeZone, [], `Layer ${drafts.length + 1}`)])}>
        Add layer
      </button>
      <FormError error={error} shownPaths={['timeZone', ...drafts.flatMap((_, i) => layerShownPaths(i))]} />
      {preview ? <PreviewPanel preview={preview} zone={viewerZone} /> : null}
      <div className="actions">
        <button type="button" className={preview ? 'secondary' : 'primary'} onClick={runPreview} disabled={busy !== null}>
          {busy === 'preview' ? 'Computing preview…' : 'Preview changes'}
        </button>
        <button type="button" className="primary" onClick={save} disabled={!preview || busy !== null} aria-describedby="save-hint">
          {busy === 'save' ? 'Saving…' : 'Save layers'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="hint" id="save-hint">
        {preview ? 'Check the preview, then save.' : 'Preview the change first; saving becomes possible after it.'}
      </p>
    </section>
  );
}
