import { ApiError, api, describeError } from '../lib/api';
import type { Json } from '../lib/types';
import { readJsonFile } from './download';

export type ImportResult = { ok: true; definitionId: string; problems: number } | { ok: false; message: string };

/** Imports an Elsa 3 export as a draft; says which activity types were refused when the server refuses some. */
export async function importFlowFile(file: File): Promise<ImportResult> {
  try {
    const json = (await readJsonFile(file)) as Json;
    const answer = await api.importDefinition(json);
    return { ok: true, definitionId: answer.definitionId, problems: answer.problems?.length ?? 0 };
  } catch (error) {
    if (error instanceof ApiError && error.problem.unsupportedTypes?.length) {
      return { ok: false, message: `${file.name} uses activities this server does not run: ${error.problem.unsupportedTypes.join(', ')}.` };
    }
    return { ok: false, message: describeError(error) };
  }
}
