/**
 * Commit notifications: one dedicated connection per store runs `LISTEN` on the schema's channel
 * and tells every registered subscription when an append commits (the log head's trigger sends a
 * `NOTIFY` that the server delivers at commit, from any process). A lost connection is opened
 * again after a pause, and the subscriptions are told to read once it is back, since commits made
 * meanwhile were announced to nobody; until then their polling covers the gap.
 */
import pg from 'pg';

/** The commits of one schema, announced to listeners. */
export interface CommitListener {
  /** Registers a listener called after each commit; returns the function that unregisters it. */
  readonly listen: (listener: () => void) => () => void;
  /** Closes the connection; listeners are not called again. */
  readonly close: () => Promise<void>;
}

const RECONNECT_DELAY_MS = 500;

/** Listens on `channel` of the server at `connectionString`, connecting in the background. */
export function listenForCommits(connectionString: string, channel: string): CommitListener {
  const listeners = new Set<() => void>();
  const announce = () => {
    for (const listener of [...listeners]) listener();
  };
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = () => {
    retry = undefined;
    if (closed) return;
    const current = new pg.Client({ connectionString });
    client = current;
    const lost = () => {
      if (client !== current) return;
      client = undefined;
      current.end().catch(() => undefined);
      if (!closed) retry = setTimeout(connect, RECONNECT_DELAY_MS).unref();
    };
    current.on('notification', announce);
    current.on('error', lost);
    current.on('end', lost);
    current
      .connect()
      .then(() => current.query(`LISTEN "${channel}"`))
      .then(announce, lost);
  };
  connect();

  return {
    listen: (listener) => {
      const registered = () => listener();
      listeners.add(registered);
      return () => {
        listeners.delete(registered);
      };
    },
    close: async () => {
      closed = true;
      listeners.clear();
      if (retry !== undefined) clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
