import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readContentPush } from '../../lib/content/push';
import { requestSchemas } from '../../lib/contracts';
import { MAX_WIDTH, MIN_WIDTH } from '../../lib/messaging/types';

// The content script checks pushes by hand (no zod there, to stay tiny); the zod layout schema
// is the reference it must agree with.
const layoutSchema = requestSchemas['layout.set'];

describe('pushes to the content script', () => {
  it('reads the two pushes the background sends', () => {
    expect(readContentPush({ type: 'overlay.toggle' })).toEqual({ type: 'overlay.toggle' });
    expect(readContentPush({ type: 'overlay.apply', layout: { collapsed: true, width: 420 } })).toEqual({
      type: 'overlay.apply',
      layout: { collapsed: true, width: 420 },
    });
  });

  it('ignores widths out of range, extra fields and other types', () => {
    for (const bad of [
      { type: 'overlay.apply', layout: { collapsed: false, width: MIN_WIDTH - 1 } },
      { type: 'overlay.apply', layout: { collapsed: false, width: MAX_WIDTH + 1 } },
      { type: 'overlay.apply', layout: { collapsed: false, width: 400.5 } },
      { type: 'overlay.apply', layout: { collapsed: 'no', width: 400 } },
      { type: 'overlay.apply', layout: { collapsed: false, width: 400, evil: 1 } },
      { type: 'overlay.apply', layout: { collapsed: false, width: 400 }, extra: true },
      { type: 'overlay.toggle', extra: true },
      { type: 'event.record' },
      [{ type: 'overlay.toggle' }],
      null,
      'overlay.toggle',
    ]) {
      expect(readContentPush(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('accepts exactly the layouts the zod schema accepts, and never throws (property)', () => {
    const layout = fc.oneof(
      fc.record({ collapsed: fc.boolean(), width: fc.integer({ min: MIN_WIDTH - 50, max: MAX_WIDTH + 50 }) }),
      fc.record({ collapsed: fc.anything(), width: fc.anything() }, { requiredKeys: [] }),
      fc.anything(),
    );
    fc.assert(
      fc.property(layout, (l) => {
        const push = readContentPush({ type: 'overlay.apply', layout: l });
        expect(push !== undefined).toBe(layoutSchema.safeParse(l).success);
        if (push?.type === 'overlay.apply') expect(push.layout).toEqual(l);
      }),
      { numRuns: 1000 },
    );
    fc.assert(fc.property(fc.anything(), (m) => void readContentPush(m)));
  });
});
