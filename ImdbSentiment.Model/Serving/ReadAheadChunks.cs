using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// A file's records in chunks, read one chunk ahead on a thread of their own, so that reading the next chunk overlaps
/// scoring and writing this one. A read error arrives after the records read before it, where the reader would have
/// thrown it, so the rows before it are checked first, as when reading and scoring took turns.
/// </summary>
internal sealed class ReadAheadChunks : IDisposable
{
    private readonly BlockingCollection<List<DelimitedRecord>> _chunks = new(boundedCapacity: 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private ExceptionDispatchInfo? _readError;

    /// <param name="first">A record read already that belongs to the first chunk (the file's first row when it is not a header).</param>
    public ReadAheadChunks(DelimitedRecordReader records, int chunkSize, DelimitedRecord? first)
    {
        _reading = Task.Run(() => Read(records, chunkSize, first));
    }

    /// <summary>The chunks in file order; each is the consumer's to keep.</summary>
    public IEnumerable<List<DelimitedRecord>> Chunks()
    {
        foreach (var chunk in _chunks.GetConsumingEnumerable())
            yield return chunk;
        _readError?.Throw();
    }

    private void Read(DelimitedRecordReader records, int chunkSize, DelimitedRecord? first)
    {
        var chunk = new List<DelimitedRecord>(chunkSize);
        if (first is { } record)
            chunk.Add(record);
        try
        {
            while (records.ReadRecord() is { } next)
            {
                chunk.Add(next);
                if (chunk.Count == chunkSize)
                {
                    _chunks.Add(chunk, _stop.Token);
                    chunk = new List<DelimitedRecord>(chunkSize);
                }
            }
        }
        catch (Exception exception)
        {
            // Once the consumer has stopped, nothing more is wanted, an error included.
            if (!_stop.IsCancellationRequested)
                _readError = ExceptionDispatchInfo.Capture(exception);
        }
        finally
        {
            Hand(chunk);
            _chunks.CompleteAdding();
        }
    }

    // The last, partial chunk, unless the consumer has stopped taking them.
    private void Hand(List<DelimitedRecord> chunk)
    {
        try
        {
            if (chunk.Count > 0)
                _chunks.Add(chunk, _stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Stops the reading thread (the consumer may stop early, on a bad row or Ctrl-C) before the reader is disposed.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _reading.Wait();
        _chunks.Dispose();
        _stop.Dispose();
    }
}
