// Starts the fake model server for benchmarks and manual use: `tsx test/fake-model/cli.ts --port 8788`.
// Prints the base URL as the only line on stdout, so a script can read it; stops on SIGINT/SIGTERM.
import { cliUsage, parseCliOptions } from './cli-options.ts';
import { createFakeModelServer } from './fake-model-server.ts';

const options = parseCliOptions(process.argv.slice(2));
if (!options.ok) {
  console.error(options.message);
  process.exit(2);
}
if (options.value.kind === 'help') {
  console.log(cliUsage);
  process.exit(0);
}
const server = await createFakeModelServer({
  port: options.value.port,
  defaultBehaviour: options.value.behaviour,
});
console.log(server.url);

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
