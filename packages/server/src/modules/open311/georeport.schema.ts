// The GeoReport v2 field lists (https://wiki.open311.org/GeoReport_v2) as zod schemas: what tests check
// every document against. Required fields must be present; optional ones may be null but keep their type.
import { z } from 'zod';

/** ISO 8601 / W3C date and time with an explicit offset ("Z" or ±hh:mm), as the spec requires. */
export const georeportDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'ISO 8601 date and time with an offset')
  .refine((value) => !Number.isNaN(new Date(value).getTime()), 'a real instant');

const optionalText = z.string().nullable();

export const georeportService = z.strictObject({
  service_code: z.string().min(1),
  service_name: z.string().min(1),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});

export const georeportRequest = z.strictObject({
  service_request_id: z.string().min(1),
  status: z.enum(['open', 'closed']),
  status_notes: optionalText,
  service_name: z.string().min(1),
  service_code: z.string().min(1),
  description: z.string(),
  agency_responsible: optionalText,
  service_notice: optionalText,
  requested_datetime: georeportDateTime,
  updated_datetime: georeportDateTime,
  expected_datetime: georeportDateTime.nullable(),
  address: optionalText,
  address_id: optionalText,
  zipcode: optionalText,
  lat: z.number().min(-90).max(90).nullable(),
  long: z.number().min(-180).max(180).nullable(),
  media_url: z.url().nullable(),
});

export const georeportErrors = z.array(z.strictObject({ code: z.number().int(), description: z.string().min(1) })).min(1);
