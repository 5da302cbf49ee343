import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EmulatorState, type Snapshot } from './state.js';

/** Loads the state saved at `path`, or a fresh one when there is no file yet. */
export function loadState(path: string | undefined): EmulatorState {
  if (!path || !existsSync(path)) return new EmulatorState();
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  if (snapshot.version !== 1) throw new Error(`${path}: unknown emulator snapshot version ${String(snapshot.version)}`);
  return EmulatorState.fromSnapshot(snapshot);
}

/** Writes atomically (temp file, then rename) so a crash mid-write never leaves half a snapshot. */
export function saveState(path: string, state: EmulatorState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify(state.toSnapshot()), { mode: 0o600 });
  renameSync(temporary, path);
}
