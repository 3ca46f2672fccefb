import { parentPort } from 'node:worker_threads';
import { readBrief } from './read-brief.js';

/** A parser thread: gets batches of file names, answers with what each file gave. */
parentPort?.on('message', (batch: { dir: string; files: string[] }) => {
  parentPort!.postMessage(batch.files.map((file) => readBrief(batch.dir, file)));
});
