import { spawnSync } from 'node:child_process';

/**
 * Start-up time of the two ways to run briefbot: through tsx (`npm start`) and compiled
 * (`npm run build`, then `node dist/src/main.js`). Each run answers one `/brief` and exits,
 * so the time covers loading the code, the configuration and the content folder.
 * Usage: npm run build && npx tsx bench/start-time.ts [runs]
 */
const runs = Number(process.argv[2] ?? 7);
const forms: Record<string, string[]> = {
  'node --import tsx src/main.ts': ['--import', 'tsx', 'src/main.ts'],
  'node dist/src/main.js': ['dist/src/main.js'],
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const [name, args] of Object.entries(forms)) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [...args, '/brief', 'xinjiang'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${name} failed: ${run.stderr}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  console.log(
    `${name}: median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms over ${runs} runs`,
  );
}
