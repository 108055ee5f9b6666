using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;

namespace ImdbSentiment.Trainer.Serve;

/// <summary>--log-requests: one line per request on standard output (time, method, path, status, milliseconds).</summary>
internal static class RequestLog
{
    public static void Use(WebApplication app, TextWriter output) => app.Use(async (context, next) =>
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {context.Request.Method} {context.Request.Path} {context.Response.StatusCode} {milliseconds:F1} ms"));
        }
    });
}
