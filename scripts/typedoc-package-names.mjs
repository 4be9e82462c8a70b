/**
 * A TypeDoc plugin that names each module of the API reference by the import path a consumer
 * writes (`packages/core/src/testing` becomes `@mandate/core/testing`), not by its folder.
 */
import { Converter } from 'typedoc';

/** Registers the renaming with the TypeDoc application that loads this plugin. */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.children ?? [])
      module.name = module.name.replace(/^([\w-]+)\/src(\/.*)?$/, '@mandate/$1$2');
  });
}
