
namespace ImdbSentiment.Trainer.Download;

/// <summary>A download that failed or gave the wrong file; the message says what to do next.</summary>
internal sealed class DownloadException : Exception
{
    public DownloadException(Uri uri, string message, Exception? innerException = null)
        : base(message, innerException) => Uri = uri;

    public Uri Uri { get; }
}
