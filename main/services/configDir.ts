import os from 'node:os';
import path from 'node:path';

/**
 * The user's config folder for Studio Desktop (recent apps, settings), never inside an app repo.
 * Same place Electron's `userData` uses, so both hosts share it; `STUDIO_CONFIG_DIR` overrides it.
 */
export function studioConfigDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.STUDIO_CONFIG_DIR) return path.resolve(env.STUDIO_CONFIG_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Studio Desktop');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Studio Desktop');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Studio Desktop');
}
