'use client';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useColorScheme } from '@mui/material/styles';
import DarkMode from '@mui/icons-material/DarkMode';
import LightMode from '@mui/icons-material/LightMode';
import SettingsBrightness from '@mui/icons-material/SettingsBrightness';

const next = { system: 'light', light: 'dark', dark: 'system' } as const;
const labels = { system: 'Theme: follows system', light: 'Theme: light', dark: 'Theme: dark' } as const;

/** Cycles system → light → dark; "system" follows the device setting. */
export function ThemeToggle() {
  const { mode, setMode } = useColorScheme();
  const current = mode ?? 'system';
  const Icon = current === 'dark' ? DarkMode : current === 'light' ? LightMode : SettingsBrightness;
  return (
    <Tooltip title={`${labels[current]} (change)`}>
      <IconButton color="inherit" aria-label={`${labels[current]}. Change theme`} onClick={() => setMode(next[current])}>
        <Icon />
      </IconButton>
    </Tooltip>
  );
}
