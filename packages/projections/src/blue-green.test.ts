/**
 * Blue/green deployment in memory: the scenario every storage is held to, with the models and
 * the registry kept across "restarts" as a database would keep them.
 *
 * @see docs/reference/domain.md rule 11
 */
import { describe, it } from 'vitest';
import { createInMemoryActiveVersions } from './blue-green.js';
import { blueGreenScenario, type BlueGreenStorage } from './blue-green.fixture.js';
import { createInMemoryReadModel, type InMemoryReadModel } from './in-memory/read-model.js';

describe('blue/green deployment in memory', () => {
  it('serves the old version while the new one builds, resumes after a crash, swaps and retires', async () => {
    const models = new Map<number, InMemoryReadModel>();
    const active = createInMemoryActiveVersions();
    const storage: BlueGreenStorage = {
      open: (version) => {
        const model = models.get(version) ?? createInMemoryReadModel();
        models.set(version, model);
        return model;
      },
      drop: (version) => {
        models.delete(version);
      },
      active,
      tables: () => Promise.resolve([...models.keys()].map((version) => `mandate_v${version}`)),
    };
    await blueGreenScenario(() => Promise.resolve(storage));
  });
});
