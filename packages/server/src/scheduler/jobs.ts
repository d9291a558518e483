// Every periodic job of the server. A module with deadlines adds its job here.
import type { ScheduledJob } from './scheduler.js';
import { concernEscalationJob } from '../modules/concerns/concerns.service.js';
import { presenceSweepJob } from '../modules/sessions/room.service.js';

export const scheduledJobs: ScheduledJob[] = [concernEscalationJob, presenceSweepJob];
