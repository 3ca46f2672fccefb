import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';

/** What the content folder is right now: readable (and which folder it is), gone, or unreadable. */
export type FolderState = { state: 'ok'; identity: string } | { state: 'missing' | 'unreadable'; identity?: undefined };

export async function folderState(dir: string): Promise<FolderState> {
  try {
    const stats = await stat(dir);
    if (!stats.isDirectory()) return { state: 'missing' };
    await access(dir, constants.R_OK | constants.X_OK);
    return { state: 'ok', identity: `${stats.dev}:${stats.ino}` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { state: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable' };
  }
}

/**
 * Checks the folder itself every `intervalMs` and reports each change: deleted, made
 * unreadable, restored, or replaced by another folder under the same name (a deploy's
 * `mv content.new content`). File watchers cannot see these: they watch the old folder.
 */
export function guardFolder(
  dir: string,
  intervalMs: number,
  onChange: (now: FolderState, before: FolderState) => void,
): { stop: () => void; ready: Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let before: FolderState | undefined;
  const check = async () => {
    const now = await folderState(dir);
    if (stopped) return;
    if (before && (now.state !== before.state || now.identity !== before.identity)) onChange(now, before);
    before = now;
    timer = setTimeout(() => void check(), intervalMs).unref();
  };
  // Ready once the first state is known: a change is a change from it.
  const ready = check();
  return {
    ready,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
