/**
 * How many updates to ask for per getUpdates. A batch is confirmed only when all of it is
 * answered, so while handling is CPU-bound every update waits for the ones before it: keep
 * batches small. While handling mostly waits on the network (a distant Bot API), more
 * updates in flight cost nothing: let batches grow. Only full batches (a backlog) say which.
 */
const IDLE = 0.2;

export class BatchSize {
  private size: number;

  constructor(
    private readonly min = 5,
    private readonly max = 100,
  ) {
    this.size = min;
  }

  get current(): number {
    return this.size;
  }

  /** `busy`: the share of the batch's time the event loop was working (0-1). */
  record(received: number, busy: number): void {
    if (received < this.size) return;
    // Waiting on a distant Bot API leaves the loop nearly idle; on a near one it stays busy.
    this.size = busy > IDLE ? Math.max(this.min, Math.floor(this.size / 2)) : Math.min(this.max, this.size + this.min);
  }
}
