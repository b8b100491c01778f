/**
 * The one line (or short block) a person sees when Sillok cannot start or a command
 * fails: the reason, never a bare stack trace. Set SILLOK_DEBUG=1 for the stack.
 */
export function fatalMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error ?? 'unknown error');
  const stack = process.env.SILLOK_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `sillok: ${message}${stack}`;
}
