/** The native folder picker behind `dialog:pickFolder` and File → Open app folder…. */
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';

/** Asks the user for a folder, attached to the focused window; resolves to null when cancelled. */
export async function pickFolder(title: string | undefined): Promise<string | null> {
  const options: OpenDialogOptions = { title: title ?? 'Open app folder', properties: ['openDirectory', 'createDirectory'] };
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
