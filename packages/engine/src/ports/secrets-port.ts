/** Stored secrets for `{{secrets.name}}` in http requests and agent tools; undefined when there is none. */
export interface SecretsPort {
  get(name: string): Promise<string | undefined>;
}
