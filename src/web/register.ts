import type { ContentStore } from '../content/store.js';
import type { Logger } from '../core/logger.js';
import type { HttpRoutes } from '../http/server.js';
import type { ConsoleData } from '../store/console-data.js';
import { consoleContentOf } from './console/content-of-store.js';
import { consoleRoutes } from './console/console-routes.js';
import { publicRoutes } from './public-routes.js';

export interface WebOptions {
  store: ContentStore;
  logger: Logger;
  /** The console, when CONSOLE_PASSWORD is set; without it /console/ does not exist. */
  console?: { password: string; data: ConsoleData };
}

/** The public feeds and brief pages, and the newsroom console when it is turned on. */
export function registerWeb(http: HttpRoutes, options: WebOptions): void {
  http.register('public feeds', publicRoutes(options.store.library));
  if (options.console) {
    http.register(
      'console',
      consoleRoutes({
        password: options.console.password,
        content: consoleContentOf(options.store),
        data: options.console.data,
        logger: options.logger,
      }),
    );
  }
}
