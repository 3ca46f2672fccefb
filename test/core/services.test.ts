import { describe, expect, it } from 'vitest';
import { Operators } from '../../src/core/operators.js';
import { requireServices, type Publisher, type Status, type Subscriptions } from '../../src/core/services.js';

describe('requireServices: commands reach only the services the bot was built with', () => {
  it('names the missing service when a command first uses it', () => {
    const none = requireServices({});
    expect(() => none.subscriptions).toThrow('internal: the subscriptions service is not configured');
    expect(() => none.publisher).toThrow('internal: the publisher service is not configured');
    expect(() => none.status).toThrow('internal: the status service is not configured');
  });

  it('hands out the services given, and operators that know only the terminal when none are given', () => {
    const subscriptions = {} as Subscriptions;
    const publisher = {} as Publisher;
    const status = {} as Status;
    const operators = new Operators({ users: { telegram: ['1'], discord: [] }, homeChats: {} });
    const all = requireServices({ subscriptions, publisher, status, operators });
    expect([all.subscriptions, all.publisher, all.status, all.operators]).toEqual([
      subscriptions,
      publisher,
      status,
      operators,
    ]);
    expect(all.operators).toBe(operators);
    const fallback = requireServices({}).operators;
    const user = { id: '1', name: 'Ann', isModerator: true };
    expect(fallback.isOperator(user, { id: 'c', kind: 'group', platform: 'telegram' })).toBe(false);
    expect(fallback.isOperator(user, { id: 'c', kind: 'private', platform: 'console' })).toBe(true);
  });
});
