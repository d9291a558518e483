// Every periodic job of the server. A module with deadlines adds its job here.
import type { ScheduledJob } from './scheduler.js';

export const scheduledJobs: ScheduledJob[] = [];
