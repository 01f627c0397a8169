/**
 * Prometheus label names: letters, digits and _, not starting with a digit;
 * names starting with __ are reserved for Prometheus' own use. Why `text` is
 * not one, in plain words, or null when it is.
 */
export function labelNameProblem(text: string): string | null {
  if (text === '') return 'Type a label name.';
  if (/\s/.test(text)) return `“${text}” has a space: a label name is one word, such as ${text.replace(/\s+/g, '') || 'alertname'} or ${text.replace(/\s+/g, '_')}.`;
  if (/^[0-9]/.test(text)) return `“${text}” starts with a digit: a label name starts with a letter or _.`;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) return `“${text}” is not a label name: use letters, digits and _ only.`;
  if (text.startsWith('__')) return `“${text}” starts with __, which Prometheus keeps for itself.`;
  return null;
}
