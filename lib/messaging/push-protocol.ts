import { FORWARDED_KEYS } from '../hotkeys';
import { Id } from '../schema/common';
import { Action, DisclosureEvent, Item } from '../schema/session';
import { z } from '../zod';
import type { SidebarPush } from './types';

/**
 * The schema every message the background pushes to a sidebar over its port must pass before
 * the sidebar acts on it (the shapes are in ./types.ts, SidebarPush). A committed event is
 * checked like an imported one; a forwarded key must be one the background forwards.
 */
/** More ids than this in one push is no longer "what changed": the background sends none then. */
export const MAX_PUSHED_IDS = 2000;

export const sidebarPushSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('changed'),
      scope: z.enum(['library', 'session', 'event', 'settings', 'orders', 'rehearsal']),
      cardIds: z.array(Id).max(MAX_PUSHED_IDS).optional(),
      deckIds: z.array(Id).max(MAX_PUSHED_IDS).optional(),
      sessionId: Id.optional(),
      event: DisclosureEvent.optional(),
      mark: z.object({ id: Id, cardId: Id, action: Action, item: Item }).strict().optional(),
    })
    .strict(),
  z.object({ type: z.literal('hotkey'), key: z.enum(FORWARDED_KEYS) }).strict(),
]) satisfies z.ZodType<SidebarPush>;

/** A push as the sidebar may use it, or undefined (with a warning) for anything else. */
export function readSidebarPush(message: unknown, warn: (...data: unknown[]) => void = console.warn): SidebarPush | undefined {
  const push = sidebarPushSchema.safeParse(message);
  if (push.success) return push.data;
  warn('Upfront: ignored an invalid push from the background', push.error.message);
  return undefined;
}
