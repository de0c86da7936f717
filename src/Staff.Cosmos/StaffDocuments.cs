using System.Text.Json.Serialization;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.Staff.Storage.Cosmos;

/// <summary>
/// A staff account as the <c>staff</c> container keeps it (partition <c>accounts</c>): the account's fields, and its
/// roles, directory sign-ins and tokens with it, so that one read gives the whole account and one replace (checked by
/// its ETag) changes it.
/// </summary>
internal sealed class StaffAccountDocument
{
    public const string Partition = "accounts";

    public required string Id { get; init; }

    public string Pk { get; init; } = Partition;

    public string Type { get; init; } = "account";

    public string? UserName { get; set; }

    public string? NormalizedUserName { get; set; }

    public string? Email { get; set; }

    public string? NormalizedEmail { get; set; }

    public bool EmailConfirmed { get; set; }

    public string? PasswordHash { get; set; }

    public string? SecurityStamp { get; set; }

    public string? ConcurrencyStamp { get; set; }

    public string? PhoneNumber { get; set; }

    public bool PhoneNumberConfirmed { get; set; }

    public bool TwoFactorEnabled { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public bool LockoutEnabled { get; set; }

    public int AccessFailedCount { get; set; }

    public bool Disabled { get; set; }

    public List<string> Roles { get; set; } = [];

    public List<string> NormalizedRoles { get; set; } = [];

    public List<StaffLoginDocument> Logins { get; set; } = [];

    public List<StaffTokenDocument> Tokens { get; set; } = [];

    /// <summary>The version Cosmos DB gave the document, as a query returns it (never written).</summary>
    [JsonPropertyName("_etag")]
    public string? ETag { get; set; }

    public static StaffAccountDocument Of(StaffUser user) => new StaffAccountDocument { Id = user.Id }.Take(user);

    /// <summary>Copies the account's own fields from <paramref name="user"/>, keeping its roles, sign-ins and tokens.</summary>
    public StaffAccountDocument Take(StaffUser user)
    {
        UserName = user.UserName;
        NormalizedUserName = user.NormalizedUserName;
        Email = user.Email;
        NormalizedEmail = user.NormalizedEmail;
        EmailConfirmed = user.EmailConfirmed;
        PasswordHash = user.PasswordHash;
        SecurityStamp = user.SecurityStamp;
        ConcurrencyStamp = user.ConcurrencyStamp;
        PhoneNumber = user.PhoneNumber;
        PhoneNumberConfirmed = user.PhoneNumberConfirmed;
        TwoFactorEnabled = user.TwoFactorEnabled;
        LockoutEnd = user.LockoutEnd;
        LockoutEnabled = user.LockoutEnabled;
        AccessFailedCount = user.AccessFailedCount;
        Disabled = user.Disabled;
        return this;
    }

    public StaffUser ToUser() => new()
    {
        Id = Id,
        UserName = UserName,
        NormalizedUserName = NormalizedUserName,
        Email = Email,
        NormalizedEmail = NormalizedEmail,
        EmailConfirmed = EmailConfirmed,
        PasswordHash = PasswordHash,
        SecurityStamp = SecurityStamp,
        ConcurrencyStamp = ConcurrencyStamp,
        PhoneNumber = PhoneNumber,
        PhoneNumberConfirmed = PhoneNumberConfirmed,
        TwoFactorEnabled = TwoFactorEnabled,
        LockoutEnd = LockoutEnd,
        LockoutEnabled = LockoutEnabled,
        AccessFailedCount = AccessFailedCount,
        Disabled = Disabled,
    };
}

/// <summary>A sign-in through an organisation's directory (its provider and the person's key there).</summary>
internal sealed record StaffLoginDocument(string Provider, string Key, string? DisplayName);

/// <summary>A token an account holds: an authenticator key, a set-up link's hash, the last code step used.</summary>
internal sealed record StaffTokenDocument(string Provider, string Name, string? Value);

/// <summary>
/// A pointer that makes something unique among accounts: a user name (<c>name:…</c>) or a directory sign-in
/// (<c>login:…</c>), created once (a second create conflicts), naming the account it belongs to.
/// </summary>
internal sealed record StaffPointerDocument(string Id, string UserId)
{
    public string Pk { get; init; } = StaffAccountDocument.Partition;

    public string Type { get; init; } = "pointer";

    /// <summary>When Cosmos DB last wrote it, in Unix seconds (its <c>_ts</c>; never written by us).</summary>
    [JsonPropertyName("_ts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Timestamp { get; init; }

    public static string ForName(string normalizedName) => "name:" + StaffIds.Of(normalizedName);

    public static string ForLogin(string provider, string key) => $"login:{StaffIds.Of(provider)}:{StaffIds.Of(key)}";
}

/// <summary>A role (partition <c>accounts</c>, id <c>role:NAME</c>).</summary>
internal sealed record StaffRoleDocument(string Id, string RoleId, string? Name, string? NormalizedName, string? ConcurrencyStamp)
{
    public string Pk { get; init; } = StaffAccountDocument.Partition;

    public string Type { get; init; } = "role";

    public static string IdFor(string normalizedName) => "role:" + StaffIds.Of(normalizedName);
}

/// <summary>
/// Values made safe to be part of a document id: the base64url of their UTF-8. An id may not hold <c>/</c>, <c>\</c>,
/// <c>?</c> or <c>#</c>, and a percent-escaped one is decoded again on its way through the address of a point read.
/// </summary>
internal static class StaffIds
{
    public static string Of(string value) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(value));
}
