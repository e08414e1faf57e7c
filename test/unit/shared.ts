import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

/** The shared test material beside the repository (../shared); absent on a contributor's machine. */
export const SHARED = path.resolve(__dirname, '..', '..', '..', 'shared');
export const SEED = path.join(SHARED, 'seed', '000_ac89db1cb9026c0d.txt');

export function hasShared(file: string): boolean {
  return existsSync(file);
}

export function readShared(file: string): string {
  return readFileSync(file, 'utf8');
}
