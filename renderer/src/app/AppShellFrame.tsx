/** The frame around every screen: title bar with mode and read-only warnings. */
import { Alert, Badge, Button, Container, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from './services';

export function AppShellFrame({ children, onHome }: { children: ReactNode; onHome?: () => void }) {
  const { t } = useTranslation();
  const { info, repos } = useServices();
  return (
    <>
      <Group
        justify="space-between"
        px="md"
        py="xs"
        bg="white"
        style={{ borderBottom: '1px solid #e5e7eb' }}
      >
        <Group gap="sm">
          <Title order={3} c="var(--gk-red)">
            {t('app.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('app.subtitle')}
          </Text>
        </Group>
        <Group gap="xs">
          {onHome && (
            <Button variant="subtle" size="xs" onClick={onHome}>
              ← {t('app.back')}
            </Button>
          )}
          <Badge variant="light">
            {info?.mode === 'electron' ? t('app.modeElectron') : t('app.modeWeb')}
          </Badge>
        </Group>
      </Group>
      {repos.readOnlyReason && (
        <Alert color="red" title={t('app.readOnly')} m="md">
          {repos.readOnlyReason}
        </Alert>
      )}
      <Container size="xl" py="md">
        {children}
      </Container>
    </>
  );
}
