import { z } from 'zod';
import { toKey } from '../shared/normalize.js';
import { canonicalLanguage } from '../shared/language.js';
import { urlProblem } from './explain.js';

export const LIMITS = {
  title: 200,
  slug: 100,
  topics: 12,
  topic: 50,
  publisher: 120,
  url: 2000,
  summary: 1200,
  facts: 12,
  fact: 300,
  sources: 20,
  sourceTitle: 300,
  body: 100_000,
} as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), 'contains control characters');

const httpUrl = z
  .string()
  .trim()
  .max(LIMITS.url, `at most ${LIMITS.url} characters`)
  .check((ctx) => {
    const problem = urlProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });

const isoDate = z.iso.date('must be a real date as YYYY-MM-DD');
const monthOrDate = z.union([isoDate, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)], {
  error: 'must be a real date as YYYY-MM-DD or YYYY-MM',
});

const slug = z
  .string()
  .max(LIMITS.slug, `at most ${LIMITS.slug} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens only');

const topic = z
  .string()
  .max(LIMITS.topic, `at most ${LIMITS.topic} characters`)
  .transform(toKey)
  .refine((s) => s.length > 0, 'must contain a letter or digit');

export const sourceSchema = z.strictObject({
  title: text(LIMITS.sourceTitle),
  publisher: text(LIMITS.publisher).optional(),
  url: httpUrl,
  date: monthOrDate.optional(),
});

export const frontMatterSchema = z
  .strictObject({
    title: text(LIMITS.title),
    slug: slug.optional(),
    topics: z
      .array(topic)
      .min(1, 'needs at least one topic')
      .max(LIMITS.topics, `at most ${LIMITS.topics} topics`),
    published: isoDate,
    updated: isoDate.optional(),
    lang: z
      .string()
      .max(35, 'must be a BCP 47 tag such as en or pt-BR')
      .refine((tag) => canonicalLanguage(tag) !== undefined, 'must be a known BCP 47 language tag such as en, ru or pt-BR')
      .transform((tag) => canonicalLanguage(tag)!)
      .default('en'),
    /** The slug of the brief this file translates. */
    translationOf: slug.optional(),
    /** More words that reach the main topic (another script, another spelling): `[синьцзян]`. */
    aliases: z.array(topic).max(LIMITS.topics, `at most ${LIMITS.topics} aliases`).default([]),
    publisher: text(LIMITS.publisher),
    url: httpUrl,
    summary: text(LIMITS.summary),
    facts: z.array(text(LIMITS.fact)).min(1, 'needs at least one fact').max(LIMITS.facts, `at most ${LIMITS.facts} facts`),
    sources: z.array(sourceSchema).max(LIMITS.sources, `at most ${LIMITS.sources} sources`).default([]),
    draft: z.boolean().default(false),
  })
  .refine((b) => b.updated === undefined || b.updated >= b.published, {
    path: ['updated'],
    message: 'must not be earlier than published',
  });

/** The field names, for "did you mean" on a misspelt one. */
export const KNOWN_FIELDS = {
  top: Object.keys(frontMatterSchema.shape),
  source: Object.keys(sourceSchema.shape),
};

export type FrontMatter = z.output<typeof frontMatterSchema>;
