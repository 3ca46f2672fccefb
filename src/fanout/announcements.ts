import type { Library } from '../content/library.js';
import type { Logger } from '../core/logger.js';
import type { DataStore } from '../store/data-store.js';
import { changesSince, type Announcement } from './version-diff.js';

interface Parts {
  store: DataStore;
  library: Library;
  logger: Logger;
}

/** Records a version as announced and owes it to every chat following one of its topics. */
async function announce({ store, logger }: Parts, { brief, version, label }: Announcement): Promise<void> {
  const chats = await store.subscribedChats(brief.topics);
  const added = await store.announce(brief.slug, version, label, chats);
  if (added > 0) logger.info({ slug: brief.slug, label, chats: added }, 'brief queued for subscribed chats');
}

/** Announces what changed in the library since the versions the store last recorded. */
export async function catchUp(parts: Parts): Promise<void> {
  const { store, library, logger } = parts;
  const known = await store.knownVersions();
  const changes = changesSince(known, library.all(), (slug) => library.versionOf(slug));
  for (const change of changes) await announce(parts, change);
  if (changes.length > 0) logger.info({ briefs: changes.length }, 'briefs changed since the last run');
}

/** Announces the version of a brief served now, if it was not announced yet. */
export async function announceCurrent(parts: Parts, slug: string): Promise<void> {
  // The library has a version exactly for the briefs it holds: none for one removed meanwhile.
  const version = parts.library.versionOf(slug);
  if (version === undefined) return;
  const known = await parts.store.knownVersion(slug);
  // Stryker disable next-line ConditionalExpression: announcing a known version again adds nothing (the store ignores it); this saves the write
  if (known === version) return;
  const brief = parts.library.get(slug)!;
  await announce(parts, { brief, version, label: known === undefined ? 'New' : 'Updated' });
}
