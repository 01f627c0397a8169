import { useState, type KeyboardEvent } from 'react';
import { labelNameProblem } from './label-names';

/**
 * Label names as chips: type a name and press Enter or comma to add it; a
 * name that is not a Prometheus label name is refused with why, under the
 * field; each chip has its own remove button; Backspace in the empty input
 * removes the last. What is still typed is added when the field is left.
 */
export function LabelChips({
  value,
  onChange,
  text,
  onTextChange,
  refusal,
  id,
  errorId,
  placeholder,
  'aria-invalid': ariaInvalid,
  'aria-describedby': describedBy,
}: {
  value: string[];
  onChange: (labels: string[]) => void;
  /** what is typed and not yet a chip (the form adds it, or refuses to save, on submit: withTyped) */
  text: string;
  onTextChange: (text: string) => void;
  /** the form's own refusal of what is typed (on submit) */
  refusal?: string | null;
  id?: string;
  /** the id of the refusal's message, for aria-describedby */
  errorId: string;
  placeholder?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string | undefined;
}) {
  const [own, setProblem] = useState<string | null>(null);
  const problem = own ?? refusal ?? null;
  const setText = onTextChange;

  /** Adds what is typed; false (and why, under the field) when it is not a label name. */
  function commit(): boolean {
    const name = text.trim();
    if (name === '') return true;
    const why = labelNameProblem(name);
    if (why) {
      setProblem(why);
      return false;
    }
    if (!value.includes(name)) onChange([...value, name]);
    setText('');
    setProblem(null);
    return true;
  }
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }
  const described = [problem ? errorId : undefined, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <div className="chips">
        <ul className="plain row" aria-label="Labels" style={{ display: 'contents' }}>
          {value.map((l) => (
            <li key={l} className="chip">
              {l}
              <button type="button" aria-label={`Remove label ${l}`} onClick={() => onChange(value.filter((x) => x !== l))}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          value={text}
          placeholder={value.length === 0 ? placeholder : undefined}
          aria-invalid={ariaInvalid || problem !== null}
          aria-describedby={described}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value.replace(/,/g, ''));
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => commit()}
        />
      </div>
      {problem ? (
        <p className="field-error" id={errorId} role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
}

/** The labels with what is still typed added, or why that text is not a label name. */
export function withTyped(labels: string[], text: string): { labels: string[] } | { problem: string } {
  const name = text.trim();
  if (name === '') return { labels };
  const problem = labelNameProblem(name);
  if (problem) return { problem };
  return { labels: labels.includes(name) ? labels : [...labels, name] };
}
