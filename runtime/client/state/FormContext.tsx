/** The form store for the component tree (one store per running form). */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { FormState, FormStore } from './formStore';

export const FormContext = createContext<FormStore | null>(null);

/** The store itself (for actions). */
export function useFormStore(): FormStore {
  const store = useContext(FormContext);
  if (!store) throw new Error('useFormStore needs a FormContext provider');
  return store;
}

/** A slice of the form state; re-renders when it changes. */
export function useFormState<T>(selector: (state: FormState) => T): T {
  return useStore(useFormStore(), selector);
}
