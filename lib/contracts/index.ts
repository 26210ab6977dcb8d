import { z } from '../zod';
import type { ConsoleResponses } from './console';
import { consoleRequests } from './console';
import type { LibraryResponses } from './library';
import { libraryRequests } from './library';
import type { LogResponses } from './logs';
import { logRequests } from './logs';
import type { OrderResponses } from './orders';
import { orderRequests } from './orders';
import type { ProofResponses } from './proofs';
import { proofRequests } from './proofs';
import type { RehearsalResponses } from './rehearsals';
import { rehearsalRequests } from './rehearsals';
import type { ReturnsLoopResponses } from './returns-loop';
import { returnsLoopRequests } from './returns-loop';
import type { SafetyResponses } from './safety';
import { safetyRequests } from './safety';
import type { SessionResponses } from './sessions';
import { sessionRequests } from './sessions';
import type { SidebarResponses } from './sidebar';
import { sidebarRequests } from './sidebar';
import type { StageResponses } from './stage';
import { stageRequests } from './stage';

/**
 * Every request the background answers: each domain's schemas, merged. The background checks
 * every message's payload against its schema before a handler sees it (lib/background/service.ts).
 */
export const requestSchemas = {
  ...sessionRequests,
  ...sidebarRequests,
  ...libraryRequests,
  ...logRequests,
  ...consoleRequests,
  ...orderRequests,
  ...returnsLoopRequests,
  ...proofRequests,
  ...stageRequests,
  ...safetyRequests,
  ...rehearsalRequests,
};

export type RequestType = keyof typeof requestSchemas;

/** What each request answers, as its domain's handlers return it. */
export type Responses = SessionResponses &
  SidebarResponses &
  LibraryResponses &
  LogResponses &
  ConsoleResponses &
  OrderResponses &
  ReturnsLoopResponses &
  ProofResponses &
  StageResponses &
  SafetyResponses &
  RehearsalResponses;

/** A request's payload as the sender writes it (before the schema's defaults) and as the handler gets it. */
export type Input<T extends RequestType> = z.input<(typeof requestSchemas)[T]>;
export type Payload<T extends RequestType> = z.output<(typeof requestSchemas)[T]>;

export const Envelope = z.object({
  type: z.enum(Object.keys(requestSchemas) as [RequestType, ...RequestType[]]),
  payload: z.unknown(),
});
