/** A small levelled logger to stderr; it never receives query strings, which may carry tokens. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type Logger = {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
};

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => console.error(line)): Logger {
  const min = LOG_LEVELS.indexOf(level);
  const at = (l: LogLevel) => (message: string, error?: unknown) => {
    if (LOG_LEVELS.indexOf(l) < min) return;
    const detail = error instanceof Error ? `\n${error.stack ?? error.message}` : error ? ` ${String(error)}` : '';
    write(`${new Date().toISOString()} ${l} ${message}${detail}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger = createLogger('silent');
