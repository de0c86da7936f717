using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace QualityVoice.TestSupport;

/// <summary>
/// Microsoft Entra ID's v2.0 endpoints for one tenant, on loopback, in the shapes Microsoft documents: the OpenID
/// Connect discovery document, the signing keys (JWKS), <c>/authorize</c> (answering at once, as for someone already
/// signed in, by redirect or <c>form_post</c>) and <c>/token</c> (the authorisation code redeemed with the client secret and the
/// PKCE verifier for an RS256 ID token with <c>oid</c>, <c>tid</c>, <c>preferred_username</c> and app <c>roles</c>).
/// </summary>
public sealed class LoopbackEntraId : IAsyncDisposable
{
    /// <summary>The tenant the server plays.</summary>
    public const string TenantId = "6a5a7b9e-2f0c-4d3e-9b8a-1c2d3e4f5a6b";

    /// <summary>The app registration's client id.</summary>
    public const string ClientId = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    /// <summary>The app registration's client secret.</summary>
    public const string ClientSecret = "loopback-client-secret";

    private readonly LoopbackServer _server;
    private readonly RSA _key;
    private readonly X509Certificate2 _certificate;
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);

    private LoopbackEntraId(LoopbackServer server, RSA key, X509Certificate2 certificate)
    {
        _server = server;
        _key = key;
        _certificate = certificate;
    }

    /// <summary>The cloud instance address (what <c>Staff:EntraId:Instance</c> names).</summary>
    public Uri Instance => _server.Address;

    /// <summary>Who is signed in at Entra ID: the next <c>/authorize</c> answers for them.</summary>
    public EntraPerson? SignedIn { get; set; }

    /// <summary>The codes redeemed, for tests that check a code works once.</summary>
    public int Redeemed { get; private set; }

    /// <summary>Starts the server.</summary>
    public static async Task<LoopbackEntraId> StartAsync()
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=loopback-entra", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(1));
        LoopbackEntraId? entra = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet($"/{TenantId}/v2.0/.well-known/openid-configuration", () => entra!.Discovery());
            app.MapGet($"/{TenantId}/discovery/v2.0/keys", () => entra!.Keys());
            app.MapGet($"/{TenantId}/oauth2/v2.0/authorize", (HttpRequest request) => entra!.Authorize(request));
            app.MapPost($"/{TenantId}/oauth2/v2.0/token", async (HttpRequest request) => await entra!.TokenAsync(request));
        });
        entra = new LoopbackEntraId(server, key, certificate);
        return entra;
    }

    private string Issuer => new Uri(Instance, $"{TenantId}/v2.0").ToString().TrimEnd('/');

    private string KeyId => Base64UrlEncoder.Encode(_certificate.GetCertHash());

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
        _key.Dispose();
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["token_endpoint"] = new Uri(Instance, $"{TenantId}/oauth2/v2.0/token").ToString(),
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "private_key_jwt", "client_secret_basic" },
        ["jwks_uri"] = new Uri(Instance, $"{TenantId}/discovery/v2.0/keys").ToString(),
        ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
        ["subject_types_supported"] = new[] { "pairwise" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "id_token token" },
        ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
        ["issuer"] = Issuer,
        ["request_uri_parameter_supported"] = false,
        ["userinfo_endpoint"] = "https://graph.microsoft.com/oidc/userinfo",
        ["authorization_endpoint"] = new Uri(Instance, $"{TenantId}/oauth2/v2.0/authorize").ToString(),
        ["http_logout_supported"] = true,
        ["frontchannel_logout_supported"] = true,
        ["end_session_endpoint"] = new Uri(Instance, $"{TenantId}/oauth2/v2.0/logout").ToString(),
        ["claims_supported"] = new[] { "sub", "iss", "aud", "exp", "iat", "nonce", "preferred_username", "name", "tid", "ver", "email", "oid", "roles" },
        ["tenant_region_scope"] = "EU",
        ["cloud_instance_name"] = "microsoftonline.com",
    });

    private IResult Keys()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = KeyId,
                    ["x5t"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    ["x5c"] = new[] { Convert.ToBase64String(_certificate.RawData) },
                    ["issuer"] = Issuer,
                },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        var redirect = query["redirect_uri"].ToString();
        if (query["client_id"] != ClientId || query["response_type"] != "code" || !query["scope"].ToString().Split(' ').Contains("openid")
            || query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(redirect))
        {
            return Results.BadRequest(new { error = "invalid_request", error_description = "AADSTS900144: The request body must contain the required parameters." });
        }

        var person = SignedIn ?? throw new InvalidOperationException("Nobody is signed in at the loopback Entra ID.");
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new Grant(person, query["nonce"].ToString(), redirect, query["code_challenge"].ToString());
        var fields = new StringBuilder();
        foreach (var (name, value) in new[] { ("code", code), ("state", query["state"].ToString()), ("session_state", Guid.NewGuid().ToString()) })
        {
            fields.Append(System.Globalization.CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{name}\" value=\"{WebUtility.HtmlEncode(value)}\" />");
        }

        if (query["response_mode"] != "form_post")
        {
            // response_mode=query (what the back office asks for).
            var separator = redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            return Results.Redirect($"{redirect}{separator}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(query["state"].ToString())}&session_state={Guid.NewGuid()}");
        }

        // response_mode=form_post: a page that posts the code back to the app.
        return Results.Content(
            $"<html><head><title>Working...</title></head><body><form method=\"POST\" name=\"hiddenform\" action=\"{WebUtility.HtmlEncode(redirect)}\">{fields}<noscript><p>Script is disabled. Click Submit to continue.</p><input type=\"submit\" value=\"Submit\" /></noscript></form><script>document.forms[0].submit();</script></body></html>",
            "text/html");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided." }, statusCode: 401);
        }

        if (!_codes.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"]
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.CodeChallenge)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "AADSTS70008: The provided authorization code or refresh token has expired or was already used." }, statusCode: 400);
        }

        Redeemed++;
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["ver"] = "2.0",
            ["oid"] = grant.Person.ObjectId,
            ["sub"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(grant.Person.ObjectId + ClientId))),
            ["tid"] = grant.Person.TenantId ?? TenantId,
            ["preferred_username"] = grant.Person.Email,
            ["name"] = grant.Person.Name,
            ["nonce"] = grant.Nonce,
            ["aio"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24)),
            ["uti"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
        };
        if (grant.Person.Roles.Count > 0)
        {
            claims["roles"] = grant.Person.Roles.ToArray();
        }

        if (grant.Person.MultiFactor)
        {
            claims["amr"] = new[] { "pwd", "mfa" };
        }

        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["scope"] = "openid profile email",
            ["expires_in"] = 3599,
            ["ext_expires_in"] = 3599,
            ["access_token"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)),
            ["id_token"] = idToken,
        });
    }

    private sealed record Grant(EntraPerson Person, string Nonce, string RedirectUri, string CodeChallenge);
}

/// <summary>Someone in the loopback tenant: their object id, work address, app roles, and whether they used MFA.</summary>
public sealed record EntraPerson(string ObjectId, string Email, string Name, IReadOnlyList<string> Roles, bool MultiFactor = false, string? TenantId = null);
