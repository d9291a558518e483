import type { AppDeps } from '../context.js';
import type { Tx } from '../db/client.js';
import { isUniqueViolation } from '../errors.js';

/** A periodic job: finds what is due and fires each event through `fireOnce`. Returns how many fired. */
export interface ScheduledJob {
  name: string;
  run(deps: AppDeps): Promise<number>;
}

/**
 * Fires an event exactly once across every server process: the (kind, subjectKey) row and the event's
 * own writes commit in one transaction, and a second process's insert of the same row fails on the
 * unique constraint, rolling its writes back. Returns whether this call fired it.
 */
export async function fireOnce(
  deps: Pick<AppDeps, 'db'>,
  kind: string,
  subjectKey: string,
  fire: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  try {
    await deps.db.$transaction(async (tx) => {
      await tx.schedulerFiring.create({ data: { kind, subjectKey } });
      await fire(tx);
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly deps: AppDeps,
    private readonly jobs: readonly ScheduledJob[],
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  private tick(): Promise<void> {
    // A slow round is never overlapped by the next one.
    this.running ??= this.runOnce()
      .then(() => undefined)
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Runs every job once; a failing job is logged and does not stop the others. */
  async runOnce(): Promise<Record<string, number>> {
    const fired: Record<string, number> = {};
    for (const job of this.jobs) {
      try {
        fired[job.name] = await job.run(this.deps);
      } catch (error) {
        this.deps.log.error(`scheduler job ${job.name} failed`, error);
        fired[job.name] = 0;
      }
    }
    return fired;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
