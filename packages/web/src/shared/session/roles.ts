// Roles nest (admin ⊇ cadre ⊇ resident), as on the server. Only for showing or hiding controls: the
// server decides every command itself.

/** Whether a community role may do what cadres do (answer, run actions, manage rules, export). */
export function isCadreRole(role: string | null | undefined): boolean {
  return role === 'CADRE' || role === 'ADMIN';
}
