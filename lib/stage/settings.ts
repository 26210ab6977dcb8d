/**
 * The stage view (issue 18): what the host puts on the viewers' screen, in a window streaming
 * software captures. Plain data shared by the background, the sidebar and the stage page.
 */
import { z } from '../zod';

export const StageLayout = z.enum(['full', 'lower-third', 'side']);
export type StageLayout = z.infer<typeof StageLayout>;

/** chroma: a solid green a keyer removes; dark and light: plain backgrounds. */
export const StageBackground = z.enum(['chroma', 'dark', 'light']);
export type StageBackground = z.infer<typeof StageBackground>;

/** The window's content size, kept fixed so a capture never rescales: landscape or vertical streams. */
export const StageSize = z.enum(['1920x1080', '1080x1920']);
export type StageSize = z.infer<typeof StageSize>;

export const StageSettings = z.object({ layout: StageLayout, background: StageBackground, size: StageSize }).strict();
export type StageSettings = z.infer<typeof StageSettings>;

export const DEFAULT_STAGE: StageSettings = { layout: 'lower-third', background: 'chroma', size: '1920x1080' };

export function stagePixels(size: StageSize): { width: number; height: number } {
  const [width, height] = size.split('x').map(Number);
  return { width, height };
}

/**
 * The item kinds that may go on stage: the size chart, the drawing to scale, a "not suitable if"
 * caveat, the return policy. Notes are the host's own prompts and never go on stage.
 */
export const STAGE_KINDS = ['size', 'scale', 'caveat', 'policy'] as const;

/** An item shown on stage for at least this long counts as disclosed (per deck, `stageMinMs`). */
export const DEFAULT_STAGE_MIN_MS = 5000;
