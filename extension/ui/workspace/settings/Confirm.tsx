/**
 * An inline "are you sure?" for an action that cannot be taken back: the question, the action's button (named for
 * what it does, e.g. "Yes, remove Bob Tremblay") and Cancel.
 */
export function Confirm(props: { question: string; yes: string; onYes: () => void; onCancel: () => void }) {
  return (
    <div class="confirm notice" role="group" aria-label={props.question}>
      <p>{props.question}</p>
      <button type="button" class="primary" onClick={props.onYes}>
        {props.yes}
      </button>{' '}
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
