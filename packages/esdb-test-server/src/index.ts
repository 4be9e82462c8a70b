/**
 * @mandate/esdb-test-server — a test fixture, never shipped: starts a wire-compatible
 * EventStoreDB/KurrentDB test server in a child process and hands back its connection string.
 */
export type { ServerSettings } from './server.js';
export type { TestServer, TestServerMode } from './child.js';
export { TEST_SERVER_MODES, startTestServer } from './child.js';
