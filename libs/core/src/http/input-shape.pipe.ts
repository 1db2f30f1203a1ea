import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { badInput } from './validation';

/** Deeper bodies are refused before class-transformer recurses into them (10,000 levels overflow its stack). */
export const MAX_DEPTH = 32;

const childPath = (parent: string, key: string, isArray: boolean) =>
  isArray ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * The first way a request value breaks what every input must be: nesting past MAX_DEPTH, or a NUL character
 * (PostgreSQL refuses U+0000 in text and jsonb) in a string or key. Walks with its own stack, never recursion.
 */
export function shapeProblem(value: unknown, root = ''): { field: string; problem: string } | undefined {
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { field: path || 'body', problem: 'contains a NUL character (\\u0000)' };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) return { field: root || 'body', problem: `is nested deeper than ${MAX_DEPTH} levels` };
    const isArray = Array.isArray(v);
    for (const [k, child] of Object.entries(v)) {
      const at = childPath(path, k, isArray);
      if (k.includes('\u0000')) return { field: at, problem: 'has a name containing a NUL character (\\u0000)' };
      stack.push([child, at, depth + 1]);
    }
  }
  return undefined;
}

/** Runs before the validation pipe on every body, query and path parameter (global pipes run in order). */
@Injectable()
export class InputShapePipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type !== 'body' && meta.type !== 'query' && meta.type !== 'param') return value;
    const p = shapeProblem(value, meta.data ?? '');
    if (p) throw badInput(p.field, p.problem);
    return value;
  }
}
