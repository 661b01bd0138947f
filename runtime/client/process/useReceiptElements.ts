/** The data elements of an ended instance, for the built-in receipt (null while loading). */
import { useEffect, useState } from 'react';
import type { AppApi, InstanceDataElement } from '../api/appApi';

export function useReceiptElements(api: AppApi, instanceId: string | null): readonly InstanceDataElement[] | null {
  const [elements, setElements] = useState<readonly InstanceDataElement[] | null>(null);
  useEffect(() => {
    if (!instanceId) return;
    let live = true;
    setElements(null);
    void api
      .instance(instanceId)
      .then((instance) => live && setElements(instance?.data ?? []))
      .catch(() => live && setElements([]));
    return () => {
      live = false;
    };
  }, [api, instanceId]);
  return elements;
}
