import type { ContentPush, Layout } from '../messaging/types';
import { MAX_WIDTH, MIN_WIDTH } from '../messaging/types';

/**
 * Checks a message pushed to the content script before the dock acts on it. Written by hand
 * rather than with zod: the content script runs on every console page and must stay tiny
 * (bench: ≤ 8 KB gzipped). Anything else is ignored.
 */
export function readContentPush(message: unknown): ContentPush | undefined {
  if (!isRecord(message)) return undefined;
  if (message.type === 'overlay.toggle' && Object.keys(message).length === 1) return { type: 'overlay.toggle' };
  if (message.type === 'overlay.apply' && Object.keys(message).length === 2) {
    const layout = readLayout(message.layout);
    return layout && { type: 'overlay.apply', layout };
  }
  return undefined;
}

export function readLayout(value: unknown): Layout | undefined {
  if (!isRecord(value) || Object.keys(value).length !== 2) return undefined;
  const { collapsed, width } = value;
  if (typeof collapsed !== 'boolean' || !Number.isInteger(width)) return undefined;
  if ((width as number) < MIN_WIDTH || (width as number) > MAX_WIDTH) return undefined;
  return { collapsed, width: width as number };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
