import type { Brief, Source } from './brief.js';

/** The long part of a brief, kept on disk and read when a reader needs it. */
export interface BriefDetail {
  summary: string;
  facts: string[];
  sources: Source[];
  body: string;
}

/** Where details are read from: the brief store, through its cache of recently served ones. */
export interface DetailSource {
  detail(brief: StoredBrief): BriefDetail;
}

/** What a brief keeps in memory: everything lookups, rankings and lists need. */
export type BriefHead = Omit<Brief, keyof BriefDetail>;

/**
 * A brief whose summary, facts, sources and body stay in the store until read. Lookups,
 * rankings and lists use only the fields held here, so a large library keeps a few hundred
 * bytes per brief in memory instead of the whole text.
 */
export class StoredBrief implements Brief {
  slug: string;
  title: string;
  topics: string[];
  published: string;
  updated?: string;
  lang: string;
  translationOf?: string;
  aliases?: string[];
  publisher: string;
  url: string;
  draft: boolean;
  file: string;
  /** Set once the brief's row is gone from the store (replaced or removed), for readers still holding it. */
  private pinned: BriefDetail | undefined;

  constructor(
    head: BriefHead,
    /** The store's row for the brief. */
    readonly row: number,
    /** Its version, computed when it was parsed: see `briefVersion`. */
    readonly version: string,
    private readonly source: DetailSource,
  ) {
    this.slug = head.slug;
    this.title = head.title;
    this.topics = head.topics;
    this.published = head.published;
    if (head.updated !== undefined) this.updated = head.updated;
    this.lang = head.lang;
    if (head.translationOf !== undefined) this.translationOf = head.translationOf;
    if (head.aliases !== undefined) this.aliases = head.aliases;
    this.publisher = head.publisher;
    this.url = head.url;
    this.draft = head.draft;
    this.file = head.file;
  }

  get summary(): string {
    return this.detail().summary;
  }

  get facts(): string[] {
    return this.detail().facts;
  }

  get sources(): Source[] {
    return this.detail().sources;
  }

  get body(): string {
    return this.detail().body;
  }

  /** The fields held in memory, without reading the long part. */
  head(): BriefHead {
    const { slug, title, topics, published, updated, lang, translationOf, aliases, publisher, url, draft, file } = this;
    return withOptional({ slug, title, topics, published, lang, publisher, url, draft, file }, { updated, translationOf, aliases });
  }

  /** Keeps the detail in memory before the store lets go of the row. */
  pin(): void {
    this.pinned ??= this.source.detail(this);
  }

  toJSON(): Brief {
    return { ...this.head(), ...this.detail() };
  }

  private detail(): BriefDetail {
    return this.pinned ?? this.source.detail(this);
  }
}

/** The head of any brief, without its long part. */
export function headOf(brief: Brief): BriefHead {
  const { summary: _s, facts: _f, sources: _so, body: _b, ...head } = brief;
  return head;
}

type Maybe<T> = T | null | undefined;

/** Sets the optional head fields that are present (a stored null is absent), as a parsed `Brief` has them. */
export function withOptional(
  head: BriefHead,
  optional: { updated: Maybe<string>; translationOf: Maybe<string>; aliases: Maybe<string[]> },
): BriefHead {
  const { updated, translationOf, aliases } = optional;
  if (updated !== undefined && updated !== null) head.updated = updated;
  if (translationOf !== undefined && translationOf !== null) head.translationOf = translationOf;
  if (aliases !== undefined && aliases !== null) head.aliases = aliases;
  return head;
}
