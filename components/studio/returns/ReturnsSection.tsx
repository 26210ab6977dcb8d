import { useCallback, useEffect, useState } from 'react';
import type { Client } from '../../../lib/messaging/client';
import { touchesLibrary, touchesOrders, touchesSessions, type OnChanged, type StudioChange } from '../changes';
import { useProducerLists } from '../producer/data';
import { ImportOrders } from './ImportOrders';
import { ReturnsArea } from './ReturnsArea';

/**
 * What the open analysis does with a push. It joins orders to shows: it reads again when orders,
 * sessions (started, ended, merged) or the decks and cards a show sells change. A disclosure
 * (an `event` push carrying its event) changes it only for orders placed during its show, which
 * are not imported until after it: the view is not read again, it says a show is live and offers
 * a refresh (docs/studio.md).
 */
export function analysisPlan(change: StudioChange): 'read' | 'live' | 'none' {
  if (touchesOrders(change) || touchesSessions(change) || touchesLibrary(change)) return 'read';
  return change?.scope === 'event' ? 'live' : 'none';
}

/**
 * The studio's Returns section (issue 17): import the shop's orders and returns, then look up an
 * order (with its evidence pack) and read the analysis.
 */
export function ReturnsSection({ call, onChanged }: { call: Client; onChanged: OnChanged }) {
  const { data } = useProducerLists(call, onChanged);
  const [revision, setRevision] = useState(0);
  // A disclosure was recorded since the analysis was read.
  const [behind, setBehind] = useState(false);
  const refresh = useCallback(() => {
    setRevision((r) => r + 1);
    setBehind(false);
  }, []);
  useEffect(
    () =>
      onChanged((change) => {
        const plan = analysisPlan(change);
        if (plan === 'read') refresh();
        else if (plan === 'live') setBehind(true);
      }),
    [onChanged, refresh],
  );
  return (
    <>
      <ReturnsArea call={call} revision={revision} behind={behind} onRefresh={refresh} decks={(data?.decks ?? []).map((d) => ({ id: d.id, name: d.name }))} />
      <ImportOrders call={call} />
    </>
  );
}
