import { CaseTypeRegistry } from '../kernel/cases/registry.ts';
import { reconsideration } from './reconsideration/index.ts';
import { disclosure } from './disclosure/index.ts';

/** Every institution the platform runs. Adding one is adding a folder and a line here. */
export const institutions = [reconsideration, disclosure];

export const createRegistry = () => new CaseTypeRegistry(institutions);
