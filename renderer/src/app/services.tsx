/**
 * Everything the screens need from the outside world, created once at start-up and handed down by
 * context: repositories, the bridge, the score saver, an id maker and a clock.
 */
import { createContext, useContext } from 'react';
import type { AppInfo, Bridge } from '@shared/bridge/contract';
import { getBridge } from '../bridge/bridge';
import { openDatabase } from '../db/database';
import { createRepos, type Repos } from '../db/repos';
import { createScoreSaver, type ScoreSaver } from '../journal/score-saver';
import { healJournal } from '../journal/recover';
import { installUnloadGuard } from './unload-guard';

export interface Services {
  readonly repos: Repos;
  readonly bridge: Bridge;
  readonly saver: ScoreSaver;
  readonly info: AppInfo | null;
  readonly newId: () => string;
  readonly now: () => Date;
}

export async function bootServices(): Promise<Services> {
  const newId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 20);
  const opened = await openDatabase(
    undefined,
    () => navigator.storage?.persist?.() ?? Promise.resolve(false),
  );
  const bridge = getBridge();
  const now = () => new Date();
  // Setup changes are journal events: once recorded locally they go to the journal file like scores.
  let saver: ScoreSaver | null = null;
  const repos = createRepos(opened, newId, (id) => void saver?.flush(id), now);
  // A journal file that lost confirmed events (cut, deleted) is refilled from this device, then the save goes on.
  saver = createScoreSaver(repos.journal, bridge, { heal: (id) => healJournal(id, repos, bridge) });
  const info = await bridge['app:getInfo']();
  installUnloadGuard(saver, info.ok ? info.value.mode : null);
  return { repos, bridge, saver, info: info.ok ? info.value : null, newId, now };
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesContext missing');
  return s;
}
