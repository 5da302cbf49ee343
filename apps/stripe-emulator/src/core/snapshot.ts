import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EmulatorState, type Snapshot } from './state.js';

/** Loads the state saved at `path`, or a fresh one when there is no file yet; an unreadable file is an error naming it. */
export function loadState(path: string | undefined): EmulatorState {
  if (!path || !existsSync(path)) return new EmulatorState();
  let snapshot: Partial<Snapshot> | null;
  try {
    snapshot = JSON.parse(readFileSync(path, 'utf8')) as Partial<Snapshot> | null;
  } catch (error) {
    throw new Error(`Stripe emulator snapshot ${path} cannot be read (${(error as Error).message}); fix or delete the file to start afresh`, { cause: error });
  }
  if (snapshot?.version !== 1) throw new Error(`Stripe emulator snapshot ${path}: unknown snapshot version ${String(snapshot?.version)}; delete the file to start afresh, or run the emulator version that wrote it`);
  if (!Array.isArray(snapshot.objects) || typeof snapshot.hidden !== 'object' || snapshot.hidden === null) {
    throw new Error(`Stripe emulator snapshot ${path} is not an emulator snapshot (no objects); fix or delete the file to start afresh`);
  }
  return EmulatorState.fromSnapshot(snapshot as Snapshot);
}

/** Writes atomically (temp file, then rename) so a crash mid-write never leaves half a snapshot. */
export function saveState(path: string, state: EmulatorState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state.toSnapshot()), { mode: 0o600 });
  renameSync(temporary, path);
}
