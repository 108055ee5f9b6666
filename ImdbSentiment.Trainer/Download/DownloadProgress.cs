
namespace ImdbSentiment.Trainer.Download;

/// <summary>Bytes of the file on disk so far (a resumed part included), out of the total when known.</summary>
internal readonly record struct DownloadProgress(long BytesReceived, long? TotalBytes);
