'use client';
import { createTheme } from '@mui/material/styles';

// System fonts: no web font download (and no network at build time for next/font/google).
const systemFonts = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(',');

/** One theme, light and dark; CSS variables switch by class so the choice applies before React hydrates. */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#0d47a1' },
        secondary: { main: '#8a4b00' },
        background: { default: '#f6f7fb' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#90caf9' },
        secondary: { main: '#ffb74d' },
      },
    },
  },
  typography: { fontFamily: systemFonts, button: { textTransform: 'none', fontWeight: 600 } },
  shape: { borderRadius: 10 },
  components: {
    // A clearly visible keyboard focus ring on every interactive element.
    MuiButtonBase: {
      defaultProps: { disableRipple: false },
      styleOverrides: {
        root: {
          '&.Mui-focusVisible': { outline: '3px solid #ffb300', outlineOffset: 2 },
        },
      },
    },
    MuiLink: { defaultProps: { underline: 'always' } },
  },
});
