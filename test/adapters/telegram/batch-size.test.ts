import { describe, expect, it } from 'vitest';
import { BatchSize } from '../../../src/adapters/telegram/batch-size.js';

describe('BatchSize', () => {
  it('starts small and stays small while handling keeps the loop busy', () => {
    const size = new BatchSize(5, 100);
    expect(size.current).toBe(5);
    for (let i = 0; i < 10; i++) size.record(size.current, 0.9);
    expect(size.current).toBe(5);
  });

  it('grows while full batches mostly wait on the network, and shrinks fast when busy again', () => {
    const size = new BatchSize(5, 100);
    for (let i = 0; i < 30; i++) size.record(size.current, 0.05);
    expect(size.current).toBe(100);
    size.record(100, 0.8);
    expect(size.current).toBe(50);
    size.record(50, 0.8);
    size.record(25, 0.8);
    size.record(12, 0.8);
    expect(size.current).toBe(6);
  });

  it('learns nothing from batches that were not full', () => {
    const size = new BatchSize(5, 100);
    size.record(3, 0.01);
    expect(size.current).toBe(5);
  });
});
