import type { SidebarPush } from '../messaging/types';

/** Checks one message from the port: the push to apply, or undefined to ignore it. */
export type PushReader = (message: unknown) => SidebarPush | undefined;

/**
 * The sidebar's end of its port to the background. Every message is checked with the push
 * schema (../messaging/push-protocol.ts, zod) before it is applied; an invalid one is ignored.
 * Pushes are applied one by one, in the order they arrived.
 *
 * The schema and zod are loaded apart from the sidebar (`load`), when `prepare()` is called
 * (after the first frame) or on the first push, whichever comes first: parsing zod before the
 * first frame would delay it (bench: sidebar cold open). Pushes that arrive meanwhile wait for
 * it; if loading fails, they wait for the next push to try again.
 */
export function createPushReceiver(apply: (push: SidebarPush) => void, load: () => Promise<PushReader>) {
  let read: PushReader | undefined;
  let loading: Promise<void> | undefined;
  const waiting: unknown[] = [];

  function handle(message: unknown) {
    const push = read!(message);
    if (push) apply(push);
  }

  function prepare(): Promise<void> {
    loading ??= load().then(
      (reader) => {
        read = reader;
        for (const message of waiting.splice(0)) {
          try {
            handle(message);
          } catch (err) {
            console.error(err);
          }
        }
      },
      (err) => {
        loading = undefined;
        console.warn('Upfront: could not load the push checker', err);
      },
    );
    return loading;
  }

  return {
    prepare,
    /** The port's message listener. */
    receive(message: unknown): void {
      if (read) return handle(message);
      waiting.push(message);
      void prepare();
    },
  };
}
