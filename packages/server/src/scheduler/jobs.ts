// Every periodic job of the server. A module with deadlines adds its job here.
import type { ScheduledJob } from './scheduler.js';
import { sweepStalePresence } from '../modules/sessions/room.service.js';

export const scheduledJobs: ScheduledJob[] = [
  { name: 'sweep-stale-presence', run: sweepStalePresence },
];
