using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace QualityVoice.Portal.Caching;

/// <summary>
/// Runs inside the output cache, so only when a page is rendered: a cacheable page gets a strong ETag computed from
/// its bytes and <c>Cache-Control: no-cache</c> (browsers and proxies keep it but ask again each time, and the cache
/// answers 304 while it is unchanged); any other response gets <c>no-store</c> unless it says otherwise (static
/// assets say "a year").
/// </summary>
internal sealed class PublicPageValidators(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        var cacheable = metadata?.GetMetadata<OutputCacheAttribute>() is { NoStore: false } || metadata?.GetMetadata<IOutputCachePolicy>() is not null;
        if (!cacheable || !HttpMethods.IsGet(context.Request.Method))
        {
            // HEAD of a cacheable page has no bytes to take a validator from: it says how to keep the page, no more.
            var keep = cacheable && HttpMethods.IsHead(context.Request.Method) ? "no-cache" : "no-store";
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey(HeaderNames.CacheControl))
                {
                    context.Response.Headers.CacheControl = context.Response.StatusCode == StatusCodes.Status200OK ? keep : "no-store";
                }

                return Task.CompletedTask;
            });
            await next(context);
            return;
        }

        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = $"\"{Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..18]).Replace('+', '-').Replace('/', '_')}\"";
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = "no-cache";
            if (EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var asked)
                && asked.Any(tag => tag.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false)))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        else
        {
            context.Response.Headers.CacheControl = "no-store";
        }

        if (buffer.Length > 0)
        {
            // (An empty error is left without a length, so that the status code page can still be written.)
            context.Response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted);
        }
    }
}
