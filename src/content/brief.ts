export interface Source {
  title: string;
  publisher?: string;
  url: string;
  date?: string;
}

/** A validated brief, as the store serves it. */
export interface Brief {
  slug: string;
  title: string;
  /** Normalised topic keys; the first is the main one. */
  topics: string[];
  published: string;
  updated?: string;
  lang: string;
  /** Set on a translation: the slug of the original it translates. */
  translationOf?: string;
  /** Normalised words that also reach the main topic. */
  aliases?: string[];
  publisher: string;
  url: string;
  summary: string;
  facts: string[];
  sources: Source[];
  body: string;
  draft: boolean;
  /** Path of the file it came from, relative to the content folder. */
  file: string;
}

/** A topic key and how many briefs it has. */
export interface TopicCount {
  topic: string;
  count: number;
}

/** What lists, suggestions and related links need of a brief. */
export interface BriefRef {
  slug: string;
  title: string;
  topic: string;
  date: string;
}

export const lastChanged = (brief: Pick<Brief, 'published' | 'updated'>): string =>
  brief.updated ?? brief.published;

export const toRef = (brief: Brief): BriefRef => ({
  slug: brief.slug,
  title: brief.title,
  topic: brief.topics[0] ?? brief.slug,
  date: lastChanged(brief),
});
