/**
 * The OS keychain's encryption for stored git credentials (Electron's safeStorage). Only where it
 * really protects them: on Linux without a keyring safeStorage falls back to a fixed key
 * ('basic_text'), and then the studio keeps credentials in memory instead.
 */
import { safeStorage } from 'electron';
import { credentialsFileName, EncryptedCredentialStore, MemoryCredentialStore, type CredentialStore, type StringEncryption } from '../services/gitCredentials';

/** safeStorage as a StringEncryption, or null when it would not protect anything (call after `ready`). */
export function safeStorageEncryption(platform: NodeJS.Platform = process.platform): StringEncryption | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (encrypted) => safeStorage.decryptString(encrypted),
  };
}

/**
 * Where the Electron host keeps git credentials (or, in `fileName`, the deployment tokens): encrypted in
 * the config folder, or in memory when the OS offers no keychain.
 */
export function electronCredentialStore(configDir: string, platform: NodeJS.Platform = process.platform, fileName = credentialsFileName): CredentialStore {
  const encryption = safeStorageEncryption(platform);
  return encryption ? new EncryptedCredentialStore(configDir, encryption, fileName) : new MemoryCredentialStore();
}
