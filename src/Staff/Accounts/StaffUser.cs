using Microsoft.AspNetCore.Identity;

namespace QualityVoice.Staff.Accounts;

/// <summary>A member of staff who signs in to the back office. The user name is their e-mail address.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>Whether an administrator has disabled the account: it cannot sign in, and its sessions have ended.</summary>
    public bool Disabled { get; set; }
}
