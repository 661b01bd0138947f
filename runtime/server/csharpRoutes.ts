/**
 * `GET api/preview/csharp`: the app's C# (§1.3) that the runtime cannot run — each class with its kind,
 * file, registered id and what the preview does instead — so the form app can say so where it matters.
 */
import { findCSharpCode } from '../../core/app/csharpCode';
import { ok, type Route } from './http';

/** The C# listing route. */
export const csharpRoutes: readonly Route[] = [{ method: 'GET', path: 'api/preview/csharp', handle: ({ app }) => ok(findCSharpCode(app.texts)) }];
