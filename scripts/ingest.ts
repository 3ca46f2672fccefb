import { runIngestCli } from '../src/ingest/cli.js';

// A closed pipe (`npm run ingest ... | head -1`) is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

const code = await runIngestCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  contentDir: process.env['CONTENT_DIR'],
});
process.exitCode = code;
