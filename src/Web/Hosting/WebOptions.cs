namespace QualityVoice.Web.Hosting;

/// <summary>What both apps need to know about the network in front of them. Bound from the <c>Web</c> section.</summary>
public sealed class WebOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Web";

    /// <summary>
    /// The addresses of the reverse proxies (Azure Front Door, Application Gateway, a load balancer) whose
    /// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. None by default: then those headers are
    /// ignored, so a client cannot choose the address its rate limits are counted against.
    /// </summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, for example <c>10.0.0.0/24</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];
}
