/*
 * The ribbon's function file (manifest: FunctionFile → commands.html). Office loads it hidden when
 * the workbook opens. The one button, "Thi đua" on the Home tab, is a ShowTaskpane action: Office
 * opens the pane itself, no code runs. A function command (an ExecuteFunction action) would be a
 * function here taking the event, calling `event.completed()` when done, and registered with
 * `Office.actions.associate('<FunctionName in the manifest>', fn)` inside `Office.onReady`.
 */

/** Function commands by the name the manifest gives them. None yet: the button opens the pane. */
export const COMMANDS: Record<string, (event: Office.AddinCommands.Event) => void> = {};

Office.onReady(() => {
  for (const [name, run] of Object.entries(COMMANDS)) Office.actions.associate(name, run);
});
