import type en from './locales/en.js';

/**
 * A catalogue has English's sections; within them keys may differ by plural forms (Russian
 * has `_few` and `_many`), so the completeness test compares keys and placeholders.
 */
export type Catalogue = { [Section in keyof typeof en]: Record<string, string | string[]> };
