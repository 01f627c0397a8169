import { useEffect, useEffectEvent, type RefObject } from 'react';

/**
 * The list's keyboard (docs/web-ui.md "Incident list"): j / k move the focus to
 * the next / previous row (its link, so Enter opens it), x toggles the focused
 * row's selection, a acknowledges the selection or, with none, the focused row,
 * / goes to the search box. Keys typed into a text field, or with Ctrl, Alt or
 * Meta, are left alone. Rows are the `tr[data-ids]` of `table`; a storm row's ids are
 * all its incidents.
 */
export function useListKeyboard(opts: {
  table: RefObject<HTMLTableElement | null>;
  search: RefObject<HTMLInputElement | null>;
  onToggle(ids: string[]): void;
  onAcknowledge(focusedIds: string[]): void;
}) {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
    const target = e.target as HTMLElement | null;
    if (target && typesText(target)) return;
    const table = opts.table.current;
    if (e.key === '/') {
      e.preventDefault();
      opts.search.current?.focus();
      return;
    }
    if (!table || !['j', 'k', 'x', 'a'].includes(e.key)) return;
    const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr[data-ids]')];
    if (rows.length === 0) return;
    const focused = target?.closest<HTMLTableRowElement>('tr[data-ids]') ?? null;
    const index = focused ? rows.indexOf(focused) : -1;
    const idsOf = (row: HTMLTableRowElement | null) => (row?.dataset.ids ? row.dataset.ids.split(',') : []);
    if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      const next = index === -1 ? (e.key === 'j' ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, index + (e.key === 'j' ? 1 : -1)));
      rows[next]?.querySelector<HTMLElement>('a.incident-title')?.focus();
      return;
    }
    if (e.key === 'x' && focused) {
      e.preventDefault();
      opts.onToggle(idsOf(focused));
      return;
    }
    if (e.key === 'a') {
      e.preventDefault();
      opts.onAcknowledge(idsOf(focused));
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}

/** A field keys type into (a row's checkbox is not one: j/k/x/a work from it too). */
function typesText(el: HTMLElement): boolean {
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((el as HTMLInputElement).type);
}
