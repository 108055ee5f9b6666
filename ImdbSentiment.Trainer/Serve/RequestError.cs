namespace ImdbSentiment.Trainer.Serve;

/// <summary>
/// The body of every 400 response: the field at fault ("body", "text", "texts", "texts[2]") and one sentence that
/// starts with it, as the command line's error lines do.
/// </summary>
internal sealed record RequestError(string Field, string Error)
{
    public static RequestError For(string field, string problem) => new(field, $"{field}: {problem}");
}

/// <summary>A request that cannot be answered as sent; the endpoint turns it into a 400 response.</summary>
internal sealed class RequestRejectedException(RequestError error) : Exception(error.Error)
{
    public RequestError RequestError { get; } = error;
}
