import type { ComponentChildren } from 'preact';

/**
 * What a view shows when it has nothing yet: what is missing, in one line, and the next step to take (a sentence, a
 * button, or both). One shape everywhere, so an empty view reads as a place to start, not as a faint error.
 */
export function EmptyState(props: { title: string; children?: ComponentChildren; action?: ComponentChildren }) {
  return (
    <div class="empty-state" data-testid="empty-state">
      <p class="empty-title">{props.title}</p>
      {props.children && <p class="empty-next">{props.children}</p>}
      {props.action && <div class="empty-action">{props.action}</div>}
    </div>
  );
}
