import type { MessageEnd } from '@/lib/returns/import/reader-protocol';
import { serveOrderReading } from '@/lib/returns/import/reader-worker';

// Wiring only: the studio's reader of one order file, in a dedicated worker
// (lib/returns/import/reader-worker.ts). The studio starts one per chosen file.
export default defineUnlistedScript({
  main() {
    serveOrderReading(self as unknown as MessageEnd);
  },
});
