// The production build's one difference from the development build: src/dev-mode.ts says
// `devMode = false`. Rollup knows an imported constant's value, so it drops every
// `if (devMode)` branch and folds every `devMode ? … : …` (the console warnings about
// attribute values and their words), and src/dev-mode.ts itself. The development build
// (dist/development/, the CDN's *.dev.js) takes the sources as they are.
import type {Plugin as EsbuildPlugin} from 'esbuild';
import type {Plugin} from 'rollup';

export const devModeModule = /[\\/]src[\\/]dev-mode\.ts$/;

/** The rollup plugin of the production builds: src/dev-mode.ts as `devMode = false`. */
export function productionBuild(): Plugin {
  return {
    name: 'production-build',
    load(id) {
      return devModeModule.test(id) ? 'export const devMode = false;' : null;
    },
  };
}

/** The same for esbuild, so that sizes measured with esbuild count the production build. */
export function productionBuildForEsbuild(): EsbuildPlugin {
  return {
    name: 'production-build',
    setup(build) {
      build.onLoad({filter: devModeModule}, () => ({contents: 'export const devMode = false;', loader: 'js'}));
    },
  };
}
