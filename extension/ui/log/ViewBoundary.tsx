import { Component, type ComponentChildren } from 'preact';

interface Props {
  /** What the view shows, for the message: "the agenda", "the decisions". */
  what: string;
  /** The way to fix a client's stored settings (a bad time zone breaks every date of its views). */
  openSettings?: () => void;
  /** A problem already known before drawing (the caller checked the data): shown without trying the view. */
  problem?: string;
  children: ComponentChildren;
}

/**
 * Catches a view that throws while drawing — typically on bad stored data, such as a client synced or imported with
 * a time zone the browser does not know — and says so in place of that view, so the rest of the page (the client
 * list, the settings that can fix it) stays usable instead of going blank. Keyed by the caller on what it shows, so
 * a fixed client or another view draws afresh.
 */
/** "unknown time zone: x" → "Unknown time zone: x." — an engine's message, read as a sentence. */
const sentence = (text: string) => {
  const t = text.trim() || 'An unexpected error';
  return t[0]!.toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
};

export class ViewBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static override getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown) {
    console.error(`Docket could not show ${this.props.what}:`, error);
  }

  override render() {
    const problem = this.props.problem ?? (this.state.error && sentence(this.state.error.message));
    if (!problem) return this.props.children;
    return (
      <div class="view-error" role="alert" data-testid="view-error">
        <p class="empty-title">Docket could not show {this.props.what}.</p>
        <p class="empty-next">
          {problem}
          {!this.props.problem && /time ?zone/i.test(problem) ? ' Check the time zone in the client settings.' : ''}
        </p>
        <div class="empty-action">
          {this.props.openSettings && (
            <button type="button" class="primary" onClick={this.props.openSettings}>
              Open client settings
            </button>
          )}
          {!this.props.problem && (
            <button type="button" onClick={() => this.setState({ error: null })}>
              Try again
            </button>
          )}
        </div>
      </div>
    );
  }
}
