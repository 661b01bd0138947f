/**
 * The form store behind the canvas: the runtime's own FormStore over an AppApi served from the app
 * model, one per layout set and language, whose definitions are read again whenever the model changes.
 */
import { useEffect, useRef, useState } from 'react';
import type { AppModel } from '../../../../core/app/model/types';
import { createFormStore, type FormStore } from '../../../../runtime/client/state/formStore';
import { createModelAppApi } from './modelAppApi';

/** A started form store for `folderId` in `language`, following `model`; null until there is a model. */
export function useDesignForm(model: AppModel | null, folderId: string | null, language: string): FormStore | null {
  const latest = useRef(model);
  latest.current = model;
  const [store, setStore] = useState<FormStore | null>(null);
  const hasModel = model !== null;

  useEffect(() => {
    if (!hasModel || folderId === null) return;
    const next = createFormStore(createModelAppApi(() => latest.current!, folderId));
    let live = true;
    void next.actions.start(language, undefined, folderId).then(() => {
      if (live) setStore(next);
    });
    return () => {
      live = false;
    };
  }, [hasModel, folderId, language]);

  useEffect(() => {
    if (store && model) void store.actions.reloadDefinitions();
  }, [store, model]);

  return store;
}
