import type { Clock } from './clock.js';
import {
  alreadyAcknowledged,
  emptyMessage,
  invalid,
  invalidFormBody,
  unknownInteraction,
  unknownWebhook,
  type DiscordApiError,
} from './discord-errors.js';
import { checkChoices, checkMessage, isEmptyMessage } from './discord-rules.js';

/** Discord's deadline for the initial response, and how long the token then stays valid. */
export const RESPONSE_DEADLINE_MS = 3000;
export const TOKEN_LIFETIME_MS = 15 * 60_000;

const AUTOCOMPLETE = 4;
const COMPONENT = 3;
const MODAL_SUBMIT = 5;

interface Tracked {
  type: number;
  token: string;
  createdAt: number;
  acknowledgedAt: number | undefined;
}

/**
 * The life of each interaction the fake dispatched: one initial response within 3 s (by the
 * fake's clock), of a type that fits the interaction; follow-ups and edits only after it.
 */
export class InteractionLedger {
  private readonly byId = new Map<string, Tracked>();
  private readonly byToken = new Map<string, Tracked>();

  constructor(private readonly clock: Clock) {}

  register(payload: Record<string, unknown>): void {
    const tracked: Tracked = {
      type: Number(payload.type),
      token: String(payload.token ?? ''),
      createdAt: this.clock.now(),
      acknowledgedAt: undefined,
    };
    this.byId.set(String(payload.id), tracked);
    this.byToken.set(tracked.token, tracked);
  }

  /** The initial response (POST /interactions/:id/:token/callback): undefined when accepted. */
  respond(id: string, token: string, body: unknown): DiscordApiError | undefined {
    const tracked = this.byId.get(id);
    if (!tracked || tracked.token !== token) return unknownInteraction();
    if (tracked.acknowledgedAt !== undefined) return alreadyAcknowledged();
    if (this.clock.now() - tracked.createdAt > RESPONSE_DEADLINE_MS) return unknownInteraction();
    const error = this.checkResponse(tracked.type, body);
    if (error) return error;
    tracked.acknowledgedAt = this.clock.now();
    return undefined;
  }

  /** Edits, deletes and follow-ups through the interaction webhook: undefined when allowed. */
  useWebhook(token: string): DiscordApiError | undefined {
    const tracked = this.byToken.get(token);
    if (!tracked || tracked.acknowledgedAt === undefined) return unknownWebhook();
    if (this.clock.now() - tracked.createdAt > TOKEN_LIFETIME_MS) return unknownWebhook();
    return undefined;
  }

  private checkResponse(interactionType: number, body: unknown): DiscordApiError | undefined {
    const b = (typeof body === 'object' && body !== null ? body : {}) as { type?: unknown; data?: unknown };
    const type = Number(b.type);
    const allowed =
      interactionType === AUTOCOMPLETE
        ? [8]
        : interactionType === COMPONENT || interactionType === MODAL_SUBMIT
          ? [4, 5, 6, 7, 9].filter((t) => t !== 9 || interactionType === COMPONENT)
          : [4, 5, 9];
    if (!allowed.includes(type))
      return invalidFormBody([
        invalid(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', `Interaction response type ${type} is not valid here`),
      ]);
    if (type === 8) {
      const issues = checkChoices(b.data);
      return issues.length > 0 ? invalidFormBody(issues.map((i) => ({ ...i, path: ['data', ...i.path] }))) : undefined;
    }
    if (type === 4 || type === 7) {
      const issues = checkMessage(b.data, { creating: type === 4 });
      if (issues.length > 0) return invalidFormBody(issues.map((i) => ({ ...i, path: ['data', ...i.path] })));
      if (type === 4 && isEmptyMessage(b.data)) return emptyMessage();
    }
    return undefined;
  }
}
