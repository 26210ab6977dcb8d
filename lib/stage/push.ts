import { z } from '../zod';
import { StageState } from './state';

const StagePush = z.object({ type: z.literal('stage'), state: StageState.nullable() }).strict();
export type StagePush = z.infer<typeof StagePush>;

/** A stage push as the stage page may use it, or undefined (with a warning) for anything else. */
export function readStagePush(message: unknown, warn: (...data: unknown[]) => void = console.warn): StagePush | undefined {
  const push = StagePush.safeParse(message);
  if (push.success) return push.data;
  warn('Upfront: ignored an invalid stage push', push.error.message);
  return undefined;
}
