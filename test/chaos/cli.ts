/**
 * `npm run chaos [-- --operations 1000 --deletes 10000 --cleanups 1000]`: the fault-injection and delete-safety
 * runs at full size, printed as the table the README quotes.
 */
import { runTreeChaos } from './chaos';
import { runDeleteSafety } from './deleteSafety';
import { printCleanUpChaos, runCleanUpChaos } from './cleanUpChaos';
import { answerRows } from './lostAnswers';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};

async function main(): Promise<void> {
  let t = Date.now();
  const tree = await runTreeChaos({ operations: arg('operations', 1000) });
  const treeSeconds = (Date.now() - t) / 1000;
  t = Date.now();
  const del = await runDeleteSafety({ operations: arg('deletes', 10_000) });
  const delSeconds = (Date.now() - t) / 1000;
  const pct = (n: number): string => `${((100 * n) / tree.operations).toFixed(1)}%`;
  console.log(`\nFault injection: ${tree.operations} tree operations, ${tree.requests} requests, ${treeSeconds.toFixed(1)} s`);
  console.log('| figure | result | goal |\n|---|---|---|');
  console.log(`| correct data | ${tree.correct} (${pct(tree.correct)}) | with accurate errors: 100% |`);
  console.log(`| accurate error row | ${tree.accurateError} (${pct(tree.accurateError)}) | |`);
  console.log(`| wrong data shown | ${tree.wrongData} | 0 |`);
  console.log(`| unhandled rejections | ${tree.unhandledRejections} | 0 |`);
  console.log(`| requests pending after the run | ${tree.pendingRequests} | 0 |`);
  console.log(`answers seen: ${JSON.stringify(tree.faultsSeen)}`);
  if (tree.wrong.length) console.log(`wrong: ${tree.wrong.slice(0, 10).join('; ')}`);
  console.log(`\nDelete safety: ${del.operations} delete operations, ${del.deletesSent} DELETEs, ${delSeconds.toFixed(1)} s`);
  console.log('| figure | result | goal |\n|---|---|---|');
  console.log(`| DELETE not aimed at the confirmed id | ${del.wrongTargets} | 0 |`);
  console.log(`| automatic DELETE retries | ${del.automaticRetries} | 0 |`);
  console.log(`| same DELETE sent twice | ${del.duplicateDeletes} | 0 |`);
  console.log(`| second clicks that sent nothing | ${del.secondClicksBlocked} | all |`);
  console.log(`| 404 reported as already deleted | ${del.alreadyDeletedReported} | |`);
  console.log(`| 403 (protected) explained | ${del.forbiddenExplained} | |`);
  for (const row of answerRows(del)) console.log(row);
  t = Date.now();
  const cleanUp = await runCleanUpChaos({ operations: arg('cleanups', 1000) });
  const cleanUpFailed = printCleanUpChaos(cleanUp, (Date.now() - t) / 1000);
  const failed =
    cleanUpFailed ||
    tree.wrongData +
      tree.unhandledRejections +
      tree.pendingRequests +
      del.wrongTargets +
      del.automaticRetries +
      del.duplicateDeletes +
      del.deletedReportedNotDeleted +
      del.reportedDeletedStillThere >
      0 ||
    tree.correct + tree.accurateError !== tree.operations;
  process.exitCode = failed ? 1 : 0;
}

void main();
