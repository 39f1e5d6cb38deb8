import type { z } from 'zod'

/** "createAnnotation: end: end must be after start" — names the field that is wrong. */
export function describeZodError(context: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(input)'
    return `${path}: ${issue.message}`
  })
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : ''
  return `${context}: ${parts.join('; ')}${more}`
}
