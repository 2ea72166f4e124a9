import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/**
 * The pane's theme follows Office's: Excel tells the add-in its body colours (and whether the
 * theme is dark) through `Office.context.officeTheme`. The browser preview has no Office, and
 * older hosts lack the property: every access is guarded and the light theme is the fallback.
 */
interface OfficeColours {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

const HEX = /^#[0-9a-f]{6}$/i;

function readOfficeColours(): OfficeColours | undefined {
  try {
    if (typeof Office === 'undefined') return undefined;
    const theme = Office.context?.officeTheme as OfficeColours | undefined;
    return theme && typeof theme === 'object' ? theme : undefined;
  } catch {
    // Reading officeTheme before Office.onReady, or in a host without it, may throw.
    return undefined;
  }
}

/** Relative luminance (WCAG) of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The Fluent theme matching given Office colours (exported for tests). */
export function themeFromOffice(colours: OfficeColours | undefined): Theme {
  const bg = colours?.bodyBackgroundColor;
  const fg = colours?.bodyForegroundColor;
  if (!colours || (!HEX.test(bg ?? '') && typeof colours.isDarkTheme !== 'boolean'))
    return webLightTheme;
  const dark =
    typeof colours.isDarkTheme === 'boolean' ? colours.isDarkTheme : luminance(bg!) < 0.4;
  const base = dark ? webDarkTheme : webLightTheme;
  return {
    ...base,
    ...(bg && HEX.test(bg) ? { colorNeutralBackground1: bg } : {}),
    ...(fg && HEX.test(fg) ? { colorNeutralForeground1: fg } : {}),
  };
}

/** The theme for the pane now: Office's when there is one, else the light theme. */
export function officeTheme(): Theme {
  return themeFromOffice(readOfficeColours());
}
