/**
 * Which instance of a fleet runs the fan-out. Exactly one instance is leader at a time; the
 * others answer commands. With SQLite there is one process, so it always leads.
 */
export interface Leadership {
  /** This instance's name in logs, `/healthz` and `/status`. */
  readonly instanceId: string;
  isLeader(): boolean;
  /** The leader's instance id when known (this one, or another seen in the database). */
  leaderId(): Promise<string | undefined>;
}

/** The one process of a single-machine setup: always the leader. */
export function soleLeader(instanceId: string): Leadership {
  return { instanceId, isLeader: () => true, leaderId: async () => instanceId };
}
