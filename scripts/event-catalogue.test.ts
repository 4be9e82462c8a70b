import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Body } from '@mandate/core';
import { CATALOGUE_PATH, eventCatalogue } from './event-catalogue.js';

describe('the event catalogue', () => {
  it('is current: run `pnpm docs:events` after changing an event', () => {
    expect(readFileSync(CATALOGUE_PATH, 'utf8')).toBe(eventCatalogue());
  });

  it('lists every body event with its version', () => {
    const catalogue = eventCatalogue();
    for (const [type, version] of Object.entries(Body.EventVersions))
      expect(catalogue).toContain(`### ${type} (v${version})`);
  });
});
