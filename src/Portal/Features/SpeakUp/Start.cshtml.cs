using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using QualityVoice.Content;
using QualityVoice.Portal.Caching;

namespace QualityVoice.Portal.Features.SpeakUp;

/// <summary>
/// The start page of speaking up: what Freedom to Speak Up is, the three ways to speak up, who reads a concern and
/// when, how to read their replies, and the National Guardian's Office, before the first question.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class StartModel(ContentPack pack) : PageModel
{
    /// <summary>The content pack (the ICB's name).</summary>
    public ContentPack Pack => pack;
}
