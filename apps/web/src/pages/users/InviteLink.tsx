import type { InviteJson } from '@heinrich/contracts/users';
import { CopyButton } from '../../components/CopyButton';
import { formatTimestamp } from '../../lib/time';

/** The invite's one-time link (shown once: only its hash is stored). */
export function InviteLink({ invite }: { invite: InviteJson }) {
  const url = invite.url;
  return (
    <>
      <div className="secret">
        <code aria-label="Invite link">{url}</code>
        <CopyButton text={url} label="Copy invite link" />
      </div>
      <p className="hint">Valid until {formatTimestamp(invite.expiresAt)}; shown only now.</p>
    </>
  );
}
