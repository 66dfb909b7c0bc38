/** Wires providers and picks the screen; no logic of its own. */
import { MantineProvider, createTheme } from '@mantine/core';
import { useState } from 'react';
import type { ContestId } from '@shared/model/types';
import { ServicesContext, type Services } from './app/services';
import { AppShellFrame } from './app/AppShellFrame';
import { HomeScreen } from './features/home/HomeScreen';
import { ContestScreen } from './features/contest/ContestScreen';

const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif',
});

export function App({ services }: { services: Services }) {
  const [contestId, setContestId] = useState<ContestId | null>(null);
  return (
    <MantineProvider theme={theme}>
      <ServicesContext.Provider value={services}>
        <AppShellFrame onHome={contestId ? () => setContestId(null) : undefined}>
          {contestId ? (
            <ContestScreen key={contestId} contestId={contestId} onOpen={setContestId} />
          ) : (
            <HomeScreen onOpen={setContestId} />
          )}
        </AppShellFrame>
      </ServicesContext.Provider>
    </MantineProvider>
  );
}
