import { z } from '../zod';
import type { SafetyResponses } from './types';

/** Payload schemas of the safety requests, merged into lib/messaging/protocol.ts. */
export const safetyRequestSchemas = {
  'safety.storage': z.object({}).strict(),
  'safety.status': z.object({}).strict(),
  'safety.dismiss': z.object({}).strict(),
  'safety.check': z.object({}).strict(),
  'safety.autoSave': z.object({ enabled: z.boolean() }).strict(),
} satisfies Record<keyof SafetyResponses, z.ZodType>;
