import { incidentNoteBody } from '@heinrich/contracts/incidents';
import { addIncidentNote } from '@heinrich/usecases/incidents/add-incident-note';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';
import { timelineEventJson } from './incident-json';
import { parseIncidentRef } from './parse-incident-ref';

/** POST /api/v1/incidents/{id}/notes {text} — 201 with the timeline event. */
export function addIncidentNoteRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const ref = parseIncidentRef(req.params.id);
    const { text } = parse(incidentNoteBody, req.body);
    res.status(201).json(timelineEventJson(await addIncidentNote(deps.ctx, principalOf(res), ref, text)));
  };
}
