import type { Brief } from '../../content/brief.js';
import type { Library } from '../../content/library.js';
import type { ContentError } from '../../content/parse.js';

/** What the console reads of the content folder. */
export interface ConsoleContent {
  library: Library;
  /** Every problem known in the folder, with paths relative to it. */
  errors(): ContentError[];
  /** Files marked `draft: true`, relative to the folder. */
  draftFiles(): string[];
  /** Parses a draft file on demand for its preview; undefined when it is not a valid draft. */
  readDraft(file: string): Brief | undefined;
  /** Calls back after every reload of changed files; returns a function that stops it. */
  onReload(listener: () => void): () => void;
}
