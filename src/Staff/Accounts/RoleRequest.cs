namespace QualityVoice.Staff.Accounts;

/// <summary>
/// A request to give an account a role that a second person must approve (<see cref="StaffRoles.NeedSecondPerson"/>).
/// </summary>
public sealed class RoleRequest
{
    /// <summary>Its id.</summary>
    public long Id { get; set; }

    /// <summary>The account's e-mail address.</summary>
    public required string Email { get; set; }

    /// <summary>The role asked for.</summary>
    public required string Role { get; set; }

    /// <summary>Who asked (an administrator's e-mail address, or the command line).</summary>
    public required string RequestedBy { get; set; }

    /// <summary>When, in Unix milliseconds.</summary>
    public long RequestedAt { get; set; }

    /// <summary>Who approved or declined it.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>When it was decided, in Unix milliseconds.</summary>
    public long? DecidedAt { get; set; }

    /// <summary><c>approved</c>, <c>declined</c>, or null while it waits.</summary>
    public string? Outcome { get; set; }

    /// <summary>When every guardian was told of it, in Unix milliseconds.</summary>
    public long? AnnouncedAt { get; set; }

    /// <summary>Until when, in Unix milliseconds, one back-office instance has claimed telling the guardians of it.</summary>
    public long? AnnouncingUntil { get; set; }
}
