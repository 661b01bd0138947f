/** The receipt PDF of a task (§5.3, v8: generated when a data task ends). Placeholder until its owner fills it. */
import type { RouteContext } from './http';
import type { Instance } from './storage';

/** Renders the receipt PDF of `taskId` through `ctx.services.pdf` and stores it as a `ref-data-as-pdf` element; returns the instance (unchanged for now). */
export async function createReceiptPdf(ctx: RouteContext, instance: Instance, taskId: string): Promise<Instance> { return instance; }
