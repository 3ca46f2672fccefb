import { describe, expect, it } from 'vitest';
import { stopWithin } from '../src/deadline.js';

describe('stopWithin', () => {
  it('gives up on a stop that never ends once the deadline passes', async () => {
    expect(await stopWithin(() => new Promise(() => undefined), 50)).toBe(false);
  });

  it('reports a stop that ends, or fails, in time', async () => {
    expect(await stopWithin(async () => undefined, 5000)).toBe(true);
    expect(await stopWithin(() => Promise.reject(new Error('database already closed')), 5000)).toBe(true);
  });
});
