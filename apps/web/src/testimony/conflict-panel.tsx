import { useI18n } from '../i18n/i18n';
import type { Draft } from './draft';

/**
 * Shown when a save answers 409 (someone saved first). Both versions side by side; nothing the
 * user typed is dropped unless they choose "take theirs".
 */
export function ConflictPanel({
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: Draft;
  theirs: Draft;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { messages } = useI18n();
  return (
    <section role="alert" aria-labelledby="conflict" className="conflict">
      <h2 id="conflict">{messages.editor.conflictTitle}</h2>
      <p>{messages.editor.conflictIntro}</p>
      <div className="side-by-side">
        <div>
          <h3>{messages.editor.yours}</h3>
          <pre className="version" data-testid="conflict-mine">
            {mine.narrative}
            {mine.translation ? `\n\n${mine.translation}` : ''}
          </pre>
        </div>
        <div>
          <h3>{messages.editor.theirs}</h3>
          <pre className="version" data-testid="conflict-theirs">
            {theirs.narrative}
            {theirs.translation ? `\n\n${theirs.translation}` : ''}
          </pre>
        </div>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={onKeepMine}>
          {messages.editor.keepMine}
        </button>
        <button type="button" onClick={onTakeTheirs}>
          {messages.editor.takeTheirs}
        </button>
      </div>
    </section>
  );
}
