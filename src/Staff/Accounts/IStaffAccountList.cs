namespace QualityVoice.Staff.Accounts;

/// <summary>
/// Every staff account, for the administrator's list: the one question ASP.NET Core Identity's stores do not answer
/// without a queryable store (which a document store does not offer).
/// </summary>
public interface IStaffAccountList
{
    /// <summary>Every account, in no particular order.</summary>
    Task<IReadOnlyList<StaffUser>> AllAsync(CancellationToken cancellationToken);
}
