using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.BackOffice.Features.Updates;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Integrations;

namespace QualityVoice.BackOffice.Features.Admin;

/// <summary>
/// API clients (what <c>./qv api-clients</c> does, in the browser): the integrations with a key, issuing a key (shown
/// once, on the page that answers the form, and never again) and revoking one, each written to the audit log.
/// </summary>
public sealed class ApiClientsModel(ApiClientRegistry registry, IAuditLog audit, TimeProvider time, IOptions<PublishingOptions> publishing) : PageModel
{
    /// <summary>The portal's API reference, for the client's developers.</summary>
    public string ReferenceAddress => publishing.Value.PortalAddress("/developers/api");

    /// <summary>Every client.</summary>
    public IReadOnlyList<ApiClient> Clients { get; private set; } = [];

    /// <summary>The new client's name.</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Its own rate limit, if it needs one.</summary>
    [BindProperty]
    public string? RequestsPerSecond { get; set; }

    /// <summary>The key just issued, shown on this answer only.</summary>
    public IssuedKey? Issued { get; private set; }

    /// <summary>What was done.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Lists the clients.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Clients = await registry.ListAsync(cancellationToken);

    /// <summary>Issues a key, and shows it once.</summary>
    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        int? perSecond = null;
        if (!string.IsNullOrWhiteSpace(RequestsPerSecond))
        {
            if (int.TryParse(RequestsPerSecond.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                perSecond = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(RequestsPerSecond), "Enter the rate limit as a whole number of requests a second, or leave it empty");
            }
        }

        if (ModelState.IsValid)
        {
            var me = StaffMember.NameOf(User);
            var issued = await registry.IssueAsync(Name?.Trim() ?? string.Empty, perSecond, me, cancellationToken);
            if (issued.Client is not null)
            {
                await audit.RecordAsync(IntegrationAudit.KeyIssued(time.GetUtcNow(), me, issued.Client), cancellationToken);
                Issued = issued;
                Name = null;
                RequestsPerSecond = null;
            }
            else
            {
                ModelState.AddModelError(issued.Problem!.Contains("rate", StringComparison.Ordinal) ? nameof(RequestsPerSecond) : nameof(Name), issued.Problem);
            }
        }

        Clients = await registry.ListAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>Revokes a client's key.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(string? client, CancellationToken cancellationToken)
    {
        var me = StaffMember.NameOf(User);
        var revoked = client is null ? null : await registry.RevokeAsync(client, me, cancellationToken);
        if (revoked is null)
        {
            return NotFound();
        }

        await audit.RecordAsync(IntegrationAudit.KeyRevoked(time.GetUtcNow(), me, revoked), cancellationToken);
        Done = $"The key of {revoked.Name} is revoked. Every portal refuses it within 30 seconds.";
        return Redirect("/admin/api-clients");
    }
}
