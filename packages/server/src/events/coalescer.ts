/**
 * Runs a key's job at most once per interval, on the trailing edge: a burst of touches inside one
 * interval becomes one run that sees the state after the burst. So the cost of fan-out grows with
 * time, not with the rate of votes, and the last state is always published.
 */
export class Coalescer {
  private readonly pending = new Map<string, () => Promise<unknown>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRun = new Map<string, number>();
  /** Runs under way, so a flush at shutdown waits for them instead of closing the database beneath them. */
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  touch(key: string, job: () => Promise<unknown>): void {
    if (this.closed) return;
    this.pending.set(key, job);
    if (this.timers.has(key)) return;
    const wait = Math.max(0, (this.lastRun.get(key) ?? 0) + this.intervalMs - Date.now());
    this.timers.set(
      key,
      setTimeout(() => void this.track(this.run(key)), wait),
    );
  }

  private track(run: Promise<void>): Promise<void> {
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }

  private async run(key: string): Promise<void> {
    const job = this.pending.get(key);
    this.pending.delete(key);
    this.lastRun.set(key, Date.now());
    try {
      if (job) await job();
    } catch (error) {
      this.onError(error);
    } finally {
      this.timers.delete(key);
      // A touch that arrived while the job ran is picked up on the next interval.
      if (this.pending.has(key)) {
        const next = this.pending.get(key)!;
        this.pending.delete(key);
        this.touch(key, next);
      } else if (this.lastRun.size > 10_000) {
        this.lastRun.delete(key);
      }
    }
  }

  /** Runs every pending job now; used at shutdown so the final state still goes out. */
  async flush(): Promise<void> {
    const keys = [...this.timers.keys()];
    for (const key of keys) clearTimeout(this.timers.get(key));
    await Promise.all([...this.inFlight, ...keys.map((key) => this.run(key))]);
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}
