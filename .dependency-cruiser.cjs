/**
 * The module graph's shape, checked by `pnpm lint` (dependency-cruiser): no import cycle anywhere,
 * and dependencies between packages pointing one way — core ← eventstore ← adapters, core +
 * eventstore ← application, core + eventstore ← projections ← the adapters' read models and the exports — with no
 * database driver in the core, the port or the projection engine. Tests and fixtures may reach
 * further (a projection test drives the command handler).
 */

/** A rule forbidding the production code of `from` to import the packages in `to`. */
const forbid = (name, from, to, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^packages/${from}/src/`, pathNot: '\\.(test|fixture)\\.ts$' },
  to: { path: `^packages/(${to})/` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'A cycle makes two modules one concept: split what they share into its own module.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    forbid('core-stands-alone', 'core', '(?!core/)[^/]+', 'The core imports no other package.'),
    forbid(
      'eventstore-on-core-only',
      'eventstore',
      '(?!core/|eventstore/)[^/]+',
      'The port knows the core and nothing else.',
    ),
    forbid(
      'application-on-core-and-port',
      'application',
      'adapter-[^/]+|projections|bench',
      'Command handling takes any store through the port.',
    ),
    forbid(
      'projections-before-adapters',
      'projections',
      'adapter-[^/]+|application|bench',
      'The projection engine takes any storage through its port; adapters implement it.',
    ),
    forbid(
      'adapters-not-on-application',
      'adapter-[^/]+',
      'application|bench',
      'An adapter implements a port; it does not drive commands.',
    ),
    forbid(
      'export-on-answers-only',
      'export',
      '(?!core/|projections/|export/)[^/]+',
      'Exports are functions of what the read models answer; they read no store and drive no command.',
    ),
    {
      name: 'export-without-node',
      comment:
        'Exports do no I/O, so that they run wherever the read models answer, a browser included.',
      severity: 'error',
      from: { path: '^packages/export/src/', pathNot: '\\.(test|fixture)\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-driver-in-engine',
      comment: 'Drivers belong to their adapter package, so a user installs only the one they use.',
      severity: 'error',
      from: {
        path: '^packages/(core|eventstore|application|projections)/src/',
        // The PostgreSQL read model still lives in projections until it moves to its adapter.
        pathNot: [
          '\\.(test|fixture)\\.ts$',
          '^packages/projections/src/(postgres/|blue-green-postgres)',
        ],
      },
      to: { path: 'node_modules/(better-sqlite3|pg|@eventstore|@kurrent)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      conditionNames: ['@mandate/source', 'import', 'require', 'node', 'default'],
      exportsFields: ['exports'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
