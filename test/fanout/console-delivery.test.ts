import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/index.js';
import { startApp, type App } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { tempPlace, waitFor, writeBrief, type TestPlace, removePlace } from './helpers/test-app.js';

describe('subscriptions in the terminal', () => {
  let place: TestPlace | undefined;
  let app: App | undefined;

  afterEach(async () => {
    await app?.stop();
    await removePlace(place);
  });

  it('prints new briefs on a followed topic between replies', async () => {
    place = await tempPlace();
    await writeBrief(place, 'aral', { topics: ['water'] });
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const config = parseConfig({
      ANNOUNCE_QUIET_SECONDS: '0',
      CONTENT_DIR: place.contentDir,
      DATABASE_PATH: place.databasePath,
    });
    app = await startApp(config, {
      logger: silentLogger(),
      adapters: (ctx) => [createConsoleAdapter(ctx, { input, output, onClose: () => undefined })],
    });

    input.write('subscribe water\n');
    await waitFor(() => printed.includes('This chat now follows water'), 5_000, 'the subscription');
    await writeBrief(place, 'dams', { title: 'New dams on the Syr Darya', topics: ['water'] });
    await waitFor(() => printed.includes('[New] New dams on the Syr Darya'), 5_000, 'the update');
    await app.fanout.idle();
    expect(printed.split('[New]').length - 1).toBe(1);
  }, 30_000);
});
