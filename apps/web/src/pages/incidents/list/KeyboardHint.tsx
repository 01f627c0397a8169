/** The list's keyboard shortcuts (use-list-keyboard.ts), folded: a small hint beside the heading. */
export function KeyboardHint() {
  return (
    <details className="kbd-hint">
      <summary>Keyboard shortcuts</summary>
      <ul className="plain">
        <li>
          <kbd>j</kbd> / <kbd>k</kbd> next / previous incident
        </li>
        <li>
          <kbd>x</kbd> select or unselect it
        </li>
        <li>
          <kbd>a</kbd> acknowledge the selected incidents (or, with none selected, this one)
        </li>
        <li>
          <kbd>Enter</kbd> open it
        </li>
        <li>
          <kbd>/</kbd> search
        </li>
      </ul>
    </details>
  );
}
