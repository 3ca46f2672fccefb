import type { BriefDb } from './brief-db.js';
import { readBrief } from './read-brief.js';
import type { BriefDetail, StoredBrief } from './stored-brief.js';

/** Recently shown briefs whose long part stays in memory: a few MB, the briefs people ask for again. */
const KEPT = 2000;

const EMPTY: BriefDetail = { summary: '', facts: [], sources: [], body: '' };

/**
 * The long parts of recently served briefs, least recently used dropped first. A detail the
 * store no longer has (another process rewrote the row) or that fails its checksum is read
 * again from the brief's file, so nothing wrong is ever shown.
 */
export class DetailCache {
  private readonly kept = new Map<number, BriefDetail>();

  constructor(
    private readonly dir: string,
    private readonly onReread: (reason: string) => void,
  ) {}

  get(brief: StoredBrief, db: BriefDb | undefined): BriefDetail {
    const hit = this.kept.get(brief.row);
    if (hit) {
      this.kept.delete(brief.row);
      this.kept.set(brief.row, hit);
      return hit;
    }
    const detail = db?.detail(brief.row) ?? this.fromFile(brief);
    this.kept.set(brief.row, detail);
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
    return detail;
  }

  private fromFile(brief: StoredBrief): BriefDetail {
    this.onReread(`stored text of ${brief.file} is missing or fails its checksum; read from the file`);
    const read = readBrief(this.dir, brief.file);
    if (!('brief' in read)) return EMPTY;
    const { summary, facts, sources, body } = read.brief;
    return { summary, facts, sources, body };
  }
}
