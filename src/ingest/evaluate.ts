import { l as rougeL, n as rougeN } from 'js-rouge';

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

/** ROUGE F1 of a candidate summary against one reference, ignoring case. */
export function rouge(candidate: string, reference: string): RougeScores {
  if (!candidate.trim() || !reference.trim()) return { rouge1: 0, rouge2: 0, rougeL: 0 };
  const opts = { caseSensitive: false };
  return {
    rouge1: rougeN(candidate, reference, { ...opts, n: 1 }),
    rouge2: rougeN(candidate, reference, { ...opts, n: 2 }),
    rougeL: rougeL(candidate, reference, opts),
  };
}

export function meanScores(all: readonly RougeScores[]): RougeScores {
  const mean = (pick: (s: RougeScores) => number) =>
    all.length === 0 ? 0 : all.reduce((n, s) => n + pick(s), 0) / all.length;
  return { rouge1: mean((s) => s.rouge1), rouge2: mean((s) => s.rouge2), rougeL: mean((s) => s.rougeL) };
}
