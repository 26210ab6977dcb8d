import { describe, expect, expectTypeOf, it } from 'vitest';
import { requestSchemas, type RequestType, type Responses } from '../../lib/contracts';
import { consoleRequests, CONTENT_SCRIPT_REQUESTS } from '../../lib/contracts/console';
import { libraryRequests } from '../../lib/contracts/library';
import { logRequests, type SessionDetail } from '../../lib/contracts/logs';
import { orderRequests } from '../../lib/contracts/orders';
import { proofRequests } from '../../lib/contracts/proofs';
import { rehearsalRequests } from '../../lib/contracts/rehearsals';
import { returnsLoopRequests } from '../../lib/contracts/returns-loop';
import { safetyRequests } from '../../lib/contracts/safety';
import { sessionRequests } from '../../lib/contracts/sessions';
import { sidebarRequests } from '../../lib/contracts/sidebar';
import { stageRequests } from '../../lib/contracts/stage';
import type { SidebarBootstrap } from '../../lib/messaging/bootstrap';
import type { Layout } from '../../lib/messaging/types';
import type { DeckBundle, DeckSummary } from '../../lib/schema/deck';
import type { DisclosureEvent, ImportResult, Session } from '../../lib/schema/session';

const DOMAINS = {
  sessions: sessionRequests,
  sidebar: sidebarRequests,
  library: libraryRequests,
  logs: logRequests,
  console: consoleRequests,
  orders: orderRequests,
  returnsLoop: returnsLoopRequests,
  proofs: proofRequests,
  stage: stageRequests,
  safety: safetyRequests,
  rehearsals: rehearsalRequests,
};

// What a request answers is read off its handler (lib/contracts/define.ts, ResponsesOf): these
// check that the reading gives the types the pages rely on, not `unknown` or `any`.
type Untyped = { [K in RequestType]: unknown extends Responses[K] ? K : never }[RequestType];

describe('request contracts', () => {
  it('every request belongs to exactly one domain', () => {
    const seen = new Map<string, string>();
    for (const [domain, schemas] of Object.entries(DOMAINS)) {
      for (const type of Object.keys(schemas)) {
        expect(seen.get(type), `${type} is in ${seen.get(type)} and ${domain}`).toBeUndefined();
        seen.set(type, domain);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(requestSchemas).sort());
  });

  it('the content script may send only console requests', () => {
    for (const type of CONTENT_SCRIPT_REQUESTS) expect(Object.keys(consoleRequests)).toContain(type);
  });

  it('answers are typed from the handlers', () => {
    expectTypeOf<Untyped>().toEqualTypeOf<never>();
    expectTypeOf<Responses['deck.get']>().toEqualTypeOf<DeckBundle>();
    expectTypeOf<Responses['deck.list']>().toEqualTypeOf<DeckSummary[]>();
    expectTypeOf<Responses['session.start']>().toEqualTypeOf<Session>();
    expectTypeOf<Responses['session.current']>().toEqualTypeOf<Session | null>();
    expectTypeOf<Responses['event.record']>().toEqualTypeOf<DisclosureEvent>();
    expectTypeOf<Responses['log.import']>().toEqualTypeOf<ImportResult>();
    expectTypeOf<Responses['sidebar.bootstrap']>().toEqualTypeOf<SidebarBootstrap>();
    expectTypeOf<Responses['console.hello']>().toEqualTypeOf<Layout>();
    expectTypeOf<Responses['hotkey']>().toEqualTypeOf<null>();
    expectTypeOf<Responses['card.delete']>().toEqualTypeOf<null>();
    expectTypeOf<SessionDetail['deck']>().toEqualTypeOf<DeckBundle | null>();
  });
});
