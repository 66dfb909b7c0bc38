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
import { createSetupMirror, type SetupMirror } from '../journal/setup-mirror';

export interface Services {
  readonly repos: Repos;
  readonly bridge: Bridge;
  readonly saver: ScoreSaver;
  readonly mirror: SetupMirror;
  readonly info: AppInfo | null;
  readonly newId: () => string;
  readonly now: () => Date;
}

export async function bootServices(): Promise<Services> {
  const newId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 20);
  const opened = await openDatabase(undefined, () => navigator.storage?.persist?.() ?? Promise.resolve(false));
  const bridge = getBridge();
  // The mirror needs the repos to read a contest, and the repos tell the mirror what changed.
  let mirror: SetupMirror | null = null;
  const repos = createRepos(opened, newId, (id) => mirror?.schedule(id));
  mirror = createSetupMirror((id) => repos.setup.loadBundle(id), bridge);
  const info = await bridge['app:getInfo']();
  return { repos, bridge, saver: createScoreSaver(repos.journal, bridge), mirror, info: info.ok ? info.value : null, newId, now: () => new Date() };
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesContext missing');
  return s;
}
