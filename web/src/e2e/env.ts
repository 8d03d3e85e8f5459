/**
 * The only place the browser journeys read process.env (docs/code-conventions.md#environment): the API process they
 * start inherits the runner's PATH and nothing else, so a developer's shell cannot change a run.
 */
export const RUNNER_PATH = process.env.PATH ?? '';
