import { createTheme, CSSVariablesResolver, MantineColorsTuple } from '@mantine/core';

// Teal, darkened at the top so that white text on buttons (and on their hover, one shade darker) reads at 4.5:1.
const loa: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#20c997',
  '#12b886',
  '#0ca678',
  '#087f5b',
  '#065f44',
];

// System fonts only: the machine may be offline, and no outside font is ever loaded.
export const theme = createTheme({
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  colors: { loa },
  primaryColor: 'loa',
  primaryShade: 8,
  defaultRadius: 'sm',
});

/** Mantine's "dimmed" grey (descriptions) and error red are below 4.5:1 on white: darker shades. */
export const cssVariables: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7], '--mantine-color-error': t.colors.red[9] },
  dark: {},
});
