/**
 * Options of a selection component, with the runtime's side effects (§2.4): the code list is
 * fetched, stale stored values are removed once the list is known, and `label` is kept in sync.
 */
import { useEffect } from 'react';
import type { ComponentNode } from '../../../core/expressions';
import { resolveOptions, selectedLabel, withoutStale, type OptionList } from '../options/options';
import { useFormState, useFormStore } from '../state/FormContext';
import type { NodeApi } from './useNode';

export function useOptions(node: ComponentNode, api: NodeApi, multiple: boolean): OptionList {
  const store = useFormStore();
  const codeLists = useFormState((s) => s.codeLists);
  const optionsId = typeof node.config.optionsId === 'string' ? node.config.optionsId : undefined;
  const options = resolveOptions(node, api.derived.env, codeLists);
  const stored = api.value();
  const label = api.binding('label') ? api.value('label') : undefined;

  useEffect(() => {
    if (optionsId) void store.actions.ensureCodeList(optionsId);
  }, [optionsId, store]);

  useEffect(() => {
    if (api.hidden || api.readOnly) return;
    const stale = withoutStale(stored, options, multiple);
    if (stale) api.setValue(stale.value, 'simpleBinding', true);
    else if (api.binding('label') && options) {
      const wanted = selectedLabel(stored, options, multiple);
      if ((wanted ?? undefined) !== (label ?? undefined)) api.setValue(wanted, 'label', true);
    }
  });
  return options;
}
