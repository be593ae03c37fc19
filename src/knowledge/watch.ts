// Knowing when staff change the knowledge: every file under the knowledge folders is
// watched, and a burst of changes (an editor saving, a folder copied in) is told once,
// a moment after it settles.
import { watch, type FSWatcher } from 'node:fs';

export interface KnowledgeWatch {
  close(): void;
}

/** Calls `onChange` once the files under `dirs` have been still for `settleMs` after a change. */
export function watchKnowledge(dirs: readonly string[], onChange: () => void, settleMs = 300): KnowledgeWatch {
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, settleMs);
  };
  const watchers: FSWatcher[] = dirs.map((dir) => watch(dir, { recursive: true }, changed));
  // A folder removed under a watcher is no reason to stop the server.
  for (const watcher of watchers) watcher.on('error', () => {});
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
