/** `GET swagger/v1/swagger.json` (Altinn's address for the app's OpenAPI document), built from the live route table. */
import { ok, type Route } from './http';
import { openApiDocument } from './openApi';

/** The OpenAPI route; `routesOf` gives the registered route table at request time (so this route lists itself too). */
export function openApiRoutes(routesOf: () => readonly Route[]): readonly Route[] {
  return [{ method: 'GET', path: 'swagger/v1/swagger.json', handle: ({ app, org, appName }) => ok(openApiDocument(app, org, appName, routesOf())) }];
}
