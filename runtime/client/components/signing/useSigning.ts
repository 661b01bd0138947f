/** The signing state of the instance the form shows: signees and documents of the current task, reloaded on demand. */
import { useCallback, useEffect, useState } from 'react';
import type { ExprEnvironment } from '../../../../core/expressions';
import { pageSigningApi, type SigneeStateInfo, type SigningApi, type SigningDocumentInfo } from '../../api/signingApi';

export interface SigningState {
  readonly api: SigningApi | null;
  readonly instanceId: string | null;
  readonly taskId: string | null;
  readonly signees: readonly SigneeStateInfo[] | null;
  readonly documents: readonly SigningDocumentInfo[] | null;
  readonly userPartyId: string | null;
  /** The C# signee provider the task names (the preview runtime says so; it cannot run it), else null. */
  readonly signeeProviderId: string | null;
  readonly error: string | null;
  readonly reload: () => Promise<readonly SigneeStateInfo[]>;
}

/** Loads the signing state; outside an instance (stateless pages, the studio's canvas) everything stays empty. */
export function useSigning(env: ExprEnvironment, what: { documents?: boolean; user?: boolean } = {}): SigningState {
  const instanceId = env.instance?.id ?? null;
  const taskId = env.process?.currentTask?.elementId ?? null;
  const language = env.language ?? 'nb';
  const api = instanceId && taskId ? pageSigningApi() : null;
  const [signees, setSignees] = useState<readonly SigneeStateInfo[] | null>(null);
  const [documents, setDocuments] = useState<readonly SigningDocumentInfo[] | null>(null);
  const [userPartyId, setUserPartyId] = useState<string | null>(null);
  const [signeeProviderId, setSigneeProviderId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    if (!api || !instanceId || !taskId) return [];
    try {
      const { signees: next, signeeProviderId: provider } = await api.signeesWithProvider(instanceId, taskId, language);
      setSignees(next);
      setSigneeProviderId(provider);
      setError(null);
      return next;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return [];
    }
  }, [api, instanceId, taskId, language]);
  useEffect(() => {
    void reload();
    if (api && instanceId && taskId && what.documents) api.documents(instanceId, taskId).then(setDocuments, (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
    if (api && what.user) api.userPartyId().then(setUserPartyId, () => setUserPartyId(null));
  }, [reload, api, instanceId, taskId, what.documents, what.user]);
  return { api, instanceId, taskId, signees, documents, userPartyId, signeeProviderId, error, reload };
}
