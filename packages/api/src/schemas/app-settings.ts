import { z } from 'zod';
import { limits } from './limits.ts';

/** `#rrggbb`, the one colour notation the widget needs to understand. */
export const hexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #2563eb');

/** A host name, or `*.` and a host name for it and every subdomain; lowercase, no port, no scheme. */
export const hostPatternSchema = z
  .string()
  .max(limits.hostLength)
  .regex(
    /^(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'must be a lowercase host name such as api.example.com or *.example.com',
  );

export const themeModes = ['light', 'dark', 'auto'] as const;
export const launcherPositions = ['bottom-right', 'bottom-left'] as const;

export const appThemeSchema = z
  .strictObject({
    primaryColor: hexColorSchema.optional(),
    mode: z.enum(themeModes).optional(),
    position: z.enum(launcherPositions).optional(),
  })
  .describe("How the chat widget looks; anything left out takes the widget's default.");
export type AppTheme = z.output<typeof appThemeSchema>;

/**
 * Per-app settings. Strict: an unknown key is an error rather than silently stored, so a typo such as
 * `greting` is caught when it is written. A `PATCH` with `settings` replaces the whole object.
 */
export const appSettingsSchema = z
  .strictObject({
    greeting: z.string().max(limits.greetingLength).optional().describe("The chat widget's first message."),
    placeholder: z
      .string()
      .max(limits.placeholderLength)
      .optional()
      .describe("The widget's message box placeholder."),
    suggestedQuestions: z
      .array(z.string().min(1).max(limits.suggestedQuestionLength))
      .max(limits.suggestedQuestionCount)
      .optional()
      .describe('Questions the widget offers before the first message.'),
    theme: appThemeSchema.optional(),
    allowedHosts: z
      .array(hostPatternSchema)
      .max(limits.allowedHostCount)
      .optional()
      .describe(
        "Hosts the app's HTTP request nodes may call; when present, any other host is refused. The guard " +
          'against loopback, private and metadata addresses applies whatever this says.',
      ),
    deniedHosts: z
      .array(hostPatternSchema)
      .max(limits.allowedHostCount)
      .optional()
      .describe("Hosts the app's HTTP request nodes and agent tools may never call."),
    dailyTokenBudget: z
      .int()
      .min(1)
      .max(limits.dailyTokenBudget)
      .optional()
      .describe(
        'Model tokens (input plus output, all runs of the app, test runs included) the app may use per UTC day. ' +
          'Once spent, public runs (`/v1/apps/{appId}/runs`, `/v1/chat/completions`) are refused with 429 ' +
          '`budget_exhausted` and `Retry-After` until 00:00 UTC; test runs of the draft still run. Checked when a ' +
          'run starts: a run under way finishes, so a day can end slightly over. Absent: no budget.',
      ),
  })
  .describe(
    'Per-app settings; unknown keys are rejected. A PATCH with `settings` replaces the whole object.',
  );
export type AppSettings = z.output<typeof appSettingsSchema>;
