using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace QualityVoice.Web.Hosting;

/// <summary>
/// A request for which the page has no handler — a POST naming a handler it does not have (<c>?handler=Nope</c>),
/// or to a page whose POST handlers are all named; a GET to a page that only takes POSTs — would otherwise render
/// the page without running any of its code. It is refused instead: 404 for a read, 400 for anything else.
/// </summary>
internal sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            context.Result = HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)
                ? new NotFoundResult()
                : new BadRequestResult();
            return;
        }

        await next();
    }
}
