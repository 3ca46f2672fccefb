import { toRef, type Brief, type BriefRef } from './brief.js';

/** What turning index hits into briefs needs of the library. */
export interface BriefLists {
  get(slug: string): Brief | undefined;
  briefsOfTopic(key: string): readonly Brief[];
}

const RELATED = 5;

/** The briefs of the ranking it was found through, then of its own topics, without itself. */
export function relatedRefs(lists: BriefLists, brief: Brief, ranking?: readonly Brief[]): BriefRef[] {
  const out: BriefRef[] = [];
  const seen = new Set([brief.slug]);
  const all = ranking ? [ranking] : [];
  for (const topic of brief.topics) all.push(lists.briefsOfTopic(topic));
  for (const list of all) {
    for (const other of list) {
      if (out.length >= RELATED) return out;
      if (seen.has(other.slug)) continue;
      seen.add(other.slug);
      out.push(toRef(other));
    }
  }
  return out;
}

/** A topic document's ranking; nothing for a brief document. */
export function rankingOfDoc(lists: BriefLists, id: string): readonly Brief[] | undefined {
  return id.startsWith('t:') ? lists.briefsOfTopic(id.slice(2)) : undefined;
}

/** The brief an index document stands for: the brief itself, or a topic's first. */
export function resolveDoc(lists: BriefLists, id: string): Brief | undefined {
  if (id.startsWith('t:')) return lists.briefsOfTopic(id.slice(2))[0];
  return lists.get(id.slice(2));
}

/** Index documents as brief references, each brief once, at most `limit`. */
export function refsOfDocs(lists: BriefLists, ids: readonly string[], limit: number): BriefRef[] {
  const out: BriefRef[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const briefs = id.startsWith('t:') ? lists.briefsOfTopic(id.slice(2)).slice(0, limit) : [lists.get(id.slice(2))];
    for (const brief of briefs) {
      if (!brief || seen.has(brief.slug)) continue;
      seen.add(brief.slug);
      out.push(toRef(brief));
      if (out.length >= limit) return out;
    }
  }
  return out;
}
