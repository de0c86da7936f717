using Microsoft.Azure.Cosmos;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// What each container indexes: only the paths the stores' queries filter and order on. Everything else, and so
/// every free text, e-mail address ciphertext, passphrase hash, conversation and history, is left out of the index
/// (cheaper writes, and nothing personal in an index). The inbox's filters on one field ordered by arrival have a
/// composite index each.
/// </summary>
internal static class CosmosIndexing
{
    /// <summary>The <c>feedback</c> container: items, their pointers and claims, rollups, updates and the e-mail outbox.</summary>
    public static IndexingPolicy Feedback() => Only(
        [
            "/type/?", "/sortKey/?", "/status/?", "/sentiment/?", "/serviceId/?", "/kind/?", "/fftRating/?", "/urgent/?",
            "/needsReview/?", "/assignedTo/?", "/themes/[]/?", "/themeFeelings/[]/?", "/terms/[]/?", "/analysisState/?",
            "/analysisLeaseUntil/?", "/modelVersion/?", "/themesBy/?", "/sentimentBy/?", "/isLive/?", "/slug/?",
            "/linkedReferences/[]/?", "/state/?", "/leaseUntil/?", "/createdAt/?", "/reference/?", "/originalsRemovedAt/?",
        ],
        ["/status", "/sentiment", "/serviceId", "/kind", "/fftRating", "/urgent", "/needsReview", "/assignedTo"]);

    /// <summary>The <c>speak-up</c> container: cases are listed by type only; nothing a member of staff wrote is indexed.</summary>
    public static IndexingPolicy SpeakUp() => Only(["/type/?"], []);

    /// <summary>The <c>equality-monitoring</c> container: answers are never queried by their content.</summary>
    public static IndexingPolicy EqualityMonitoring() => Only(["/serviceId/?"], []);

    /// <summary>
    /// The <c>staff</c> container: accounts are found by e-mail address and role, role requests by whether they wait or
    /// have been announced, sessions by account. Password hashes, authenticator keys and session tickets are not indexed.
    /// </summary>
    public static IndexingPolicy Staff() => Only(["/type/?", "/normalizedEmail/?", "/normalizedRoles/[]/?", "/roleId/?", "/waiting/?", "/announced/?", "/userId/?"], []);

    /// <summary>The <c>audit</c> container: read newest first, filtered by who, what kind or about what; never by the detail.</summary>
    public static IndexingPolicy Audit() => Only(["/type/?", "/sequence/?", "/actor/?", "/action/?", "/subject/?"], ["/actor", "/action", "/subject"], "/sequence");

    private static IndexingPolicy Only(string[] paths, string[] filteredBeforeSortKey, string sortKey = "/sortKey")
    {
        var policy = new IndexingPolicy { IndexingMode = IndexingMode.Consistent, Automatic = true };
        policy.IncludedPaths.Add(new IncludedPath { Path = "/pk/?" });
        foreach (var path in paths)
        {
            policy.IncludedPaths.Add(new IncludedPath { Path = path });
        }

        policy.ExcludedPaths.Add(new ExcludedPath { Path = "/*" });
        foreach (var field in filteredBeforeSortKey)
        {
            policy.CompositeIndexes.Add(
            [
                new CompositePath { Path = field, Order = CompositePathSortOrder.Ascending },
                new CompositePath { Path = sortKey, Order = CompositePathSortOrder.Descending },
            ]);
        }

        return policy;
    }
}
