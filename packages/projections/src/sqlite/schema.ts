/**
 * The table names the PostgreSQL read model imports from here while it lives in this package; the
 * SQLite read model itself is in `@mandate/adapter-sqlite`.
 */
export { CHECKPOINT_TABLE, FACT_KINDS, factTable, streamEventTable } from '../tables.js';
