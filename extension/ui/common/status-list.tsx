import type { ConnectionState } from '../../lib/runtime-messages';
import { statusRows } from './status-rows';

/** Helper / PBX / database status, announced politely when it changes. */
export function StatusList({ connection }: { connection: ConnectionState | null }) {
  return (
    <ul class="ct-status" aria-live="polite">
      {statusRows(connection).map((row) => (
        <li key={row.id} class={`ct-status__row ct-tone-${row.tone}`} data-status={row.id}>
          <span class="ct-status__dot" aria-hidden="true" />
          <span class="ct-status__label">{row.label}</span>
          <span class="ct-status__value">{row.value}</span>
          {row.detail === undefined ? null : <span class="ct-status__detail">{row.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
