import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { viewerZone } from '../lib/time';
import { matchTimeZones, resolveTimeZone, timeZoneNames } from './time-zones';

/**
 * A searchable time-zone field (an ARIA combobox): type part of a name
 * ("Berlin", "new york") and pick from the IANA zones that match, the
 * browser's zone first. Arrow keys move, Enter picks, Escape closes. Leaving
 * the field turns a city name into its zone ("berlin" → Europe/Berlin).
 * `onChange` gets every keystroke too, so a form sends what is in the field.
 */
export function TimeZonePicker({
  value,
  onChange,
  id,
  required,
  ...aria
}: {
  value: string;
  onChange: (zone: string) => void;
  id?: string;
  required?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string | undefined;
  'aria-label'?: string;
}) {
  const zones = useMemo(() => timeZoneNames(viewerZone()), []);
  const listId = `${useId()}-zones`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // while the field shows the chosen zone, offer all zones; once typed in, those that match
  const [typed, setTyped] = useState<string | null>(null);
  const matches = useMemo(() => matchTimeZones(zones, typed ?? ''), [zones, typed]);

  function pick(zone: string) {
    onChange(zone);
    setTyped(null);
    setOpen(false);
  }
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.max(0, Math.min(matches.length - 1, (open ? a : -step) + step)));
    } else if (e.key === 'Enter' && open && matches[active]) {
      e.preventDefault();
      pick(matches[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  }
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="tz-picker">
      <input
        {...aria}
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && matches[active] ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        required={required}
        value={typed ?? value}
        placeholder="Search, e.g. Berlin"
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(0);
          setOpen(true);
          onChange(e.target.value);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          if (typed !== null) {
            const zone = resolveTimeZone(zones, typed);
            setTyped(null);
            onChange(zone);
          }
        }}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul className="tz-options" role="listbox" id={listId} aria-label="Time zones">
          {matches.length === 0 ? (
            <li className="tz-none" role="option" aria-selected={false} aria-disabled>
              No time zone matches “{typed}”
            </li>
          ) : (
            matches.map((z, i) => (
              <li
                key={z}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(z);
                }}
                onMouseEnter={() => setActive(i)}
              >
                {z}
                {i === 0 && z === zones[0] && typed === null ? <span className="muted"> (your browser’s zone)</span> : null}
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
