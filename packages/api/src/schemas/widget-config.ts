import { z } from 'zod';
import { hexColorSchema, launcherPositions, themeModes } from './app-settings.ts';

/** The widget's theme with every default filled in, so the widget needs no defaults of its own. */
export const widgetThemeSchema = z.object({
  primaryColor: hexColorSchema.default('#2563eb'),
  mode: z.enum(themeModes).default('auto'),
  position: z.enum(launcherPositions).default('bottom-right'),
});
export type WidgetTheme = z.output<typeof widgetThemeSchema>;

/**
 * `GET /v1/apps/{appId}/widget`. The runtime may build it with
 * `widgetConfigSchema.parse({ name, greeting: settings.greeting ?? null, theme: settings.theme ?? {} })`.
 */
export const widgetConfigSchema = z.object({
  name: z.string(),
  greeting: z.string().nullable().describe('`null` when the app sets none.'),
  theme: widgetThemeSchema,
});
export type WidgetConfig = z.output<typeof widgetConfigSchema>;
