import { SegmentJournal } from '@/lib/safety/segment-journal';
import { opfsSegmentFolder, serveSegments, type WorkerScope } from '@/lib/safety/segment-worker';

// Wiring only: the journal's writer in a dedicated worker (lib/safety/segment-worker.ts).
// Chromium only: the offscreen document starts it; Firefox has none.
export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    serveSegments(self as unknown as WorkerScope, new SegmentJournal(opfsSegmentFolder()));
  },
});
