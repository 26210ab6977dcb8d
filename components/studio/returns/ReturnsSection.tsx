import { useEffect, useState } from 'react';
import type { Client } from '../../../lib/messaging/client';
import { touchesOrders, touchesSessions, type OnChanged } from '../changes';
import { useProducerLists } from '../producer/data';
import { ImportOrders } from './ImportOrders';
import { ReturnsArea } from './ReturnsArea';

/**
 * The studio's Returns section (issue 17): import the shop's orders and returns, then look up an
 * order (with its evidence pack) and read the analysis. The analysis re-reads when orders or
 * sessions change.
 */
export function ReturnsSection({ call, onChanged }: { call: Client; onChanged: OnChanged }) {
  const { data } = useProducerLists(call, onChanged);
  const [revision, setRevision] = useState(0);
  useEffect(() => onChanged((change) => (touchesOrders(change) || touchesSessions(change)) && setRevision((r) => r + 1)), [onChanged]);
  return (
    <>
      <ReturnsArea call={call} revision={revision} decks={(data?.decks ?? []).map((d) => ({ id: d.id, name: d.name }))} />
      <ImportOrders call={call} />
    </>
  );
}
