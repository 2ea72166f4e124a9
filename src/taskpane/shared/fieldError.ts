/** A Fluent Field's validation props for an error message, none when there is no message. */
export function fieldError(message: string | undefined) {
  return {
    validationMessage: message,
    validationState: message ? ('error' as const) : ('none' as const),
  };
}
