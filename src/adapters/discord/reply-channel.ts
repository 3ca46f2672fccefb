import { InteractionResponseType, Routes, type APIInteractionResponse, type REST } from 'discord.js';

/**
 * How the first answer to an interaction leaves: over the gateway it is a POST to Discord's
 * callback route; over HTTP it is the body of the answer to Discord's own request.
 */
export type FirstResponse = (response: APIInteractionResponse) => Promise<void>;

/** A callback POST through REST, for interactions that arrived over the gateway. */
export const callbackOverRest =
  (rest: REST, interaction: { id: string; token: string }): FirstResponse =>
  async (response) => {
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: response, auth: false });
  };

/**
 * One interaction's answers: the first response, then edits and follow-ups through the
 * interaction's webhook (the same REST routes whichever way the interaction arrived).
 */
export class ReplyChannel {
  replied = false;
  deferred = false;

  constructor(
    private readonly first: FirstResponse,
    private readonly rest: REST,
    private readonly interaction: { application_id: string; token: string },
  ) {}

  async respond(response: APIInteractionResponse): Promise<void> {
    await this.first(response);
    this.replied = true;
    if (response.type === InteractionResponseType.DeferredChannelMessageWithSource) this.deferred = true;
  }

  async editOriginal(body: unknown): Promise<void> {
    await this.rest.patch(this.original(), { body, auth: false });
  }

  async deleteOriginal(): Promise<void> {
    await this.rest.delete(this.original(), { auth: false });
  }

  async followUp(body: unknown): Promise<void> {
    await this.rest.post(Routes.webhook(this.interaction.application_id, this.interaction.token), {
      body,
      auth: false,
    });
  }

  private original(): `/${string}` {
    return Routes.webhookMessage(this.interaction.application_id, this.interaction.token, '@original');
  }
}
