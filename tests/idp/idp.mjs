// A real OpenID provider for Rake's tests (oidc-provider), on 127.0.0.1 and a free port. Clients come from the JSON file
// named by IDP_CLIENTS, users (sub -> {email, name, groups}) from IDP_USERS, read at every sign-in so a test can change groups.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import Provider, { interactionPolicy } from 'oidc-provider';

const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const clients = read(process.env.IDP_CLIENTS);
// Native clients (see the fixture) would always be asked for consent; these are first-party, so only the login form stays.
const policy = interactionPolicy.base();
policy.get('consent').checks.remove('native_client_prompt');
const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    interactions: { policy },
    clients: clients.map(({ roles, ...client }) => client),
    cookies: { keys: ['rake-test-idp'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    // Claims in the ID token, as Entra ID sends them, so Rake needs no userinfo call.
    conformIdTokenClaims: false,
    findAccount: (ctx, sub) => {
      const user = read(process.env.IDP_USERS)[sub];
      return user && { accountId: sub, claims: () => ({ sub, email_verified: true, ...user }) };
    },
    // First-party clients: every requested scope is granted, so the only interaction is the login form.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope(ctx.oidc.params.scope);
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups']);
      await grant.save();
      return grant;
    },
    extraTokenClaims: (ctx, token) =>
      token.kind === 'ClientCredentials' ? { roles: clients.find((c) => c.client_id === token.clientId)?.roles ?? [] } : undefined,
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        getResourceServerInfo: (ctx, audience) => ({ scope: 'api', audience, accessTokenFormat: 'jwt', accessTokenTTL: 300 }),
      },
    },
  });
  server.on('request', provider.callback());
  console.log(`READY ${issuer}`);
});
