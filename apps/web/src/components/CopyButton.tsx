import { useState } from 'react';

/**
 * Copies `text` to the clipboard. navigator.clipboard needs a secure context
 * (https or localhost); elsewhere the text is put into a hidden textarea and
 * copied with execCommand, so plain-http installs work too.
 */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(text);
      else fallbackCopy(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2_500);
  }
  return (
    <button type="button" className="small" onClick={() => void copy()} aria-label={label}>
      {state === 'copied' ? 'Copied ✓' : state === 'failed' ? 'Copy failed: select and copy' : label}
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Copied to the clipboard' : ''}
      </span>
    </button>
  );
}

function fallbackCopy(text: string): void {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy failed');
}
