/** `user:<id>` as the user's name; other actors (keys, integrations) said plainly. */
export function actorName(actor: string, userNames: Map<string, string>): string {
  if (actor.startsWith('user:')) return userNames.get(actor.slice(5)) ?? 'a user';
  if (actor === 'api-key:bootstrap') return 'the admin API key';
  if (actor.startsWith('api-key:')) return 'an API key';
  if (actor.startsWith('integration-key:')) return 'an integration';
  if (actor === 'system' || actor.startsWith('system')) return 'Heinrich';
  return actor;
}
