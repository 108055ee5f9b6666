namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// A phase that can stop at a safe point: while it is open, the first Ctrl-C or SIGTERM cancels <see cref="Token"/>
/// instead of ending the process (see <see cref="ProcessSignals"/>), so that training can stop after the current batch
/// and still save the model, and scoring can stop between chunks without leaving a temporary file.
/// </summary>
internal sealed class InterruptSignal : IDisposable
{
    private readonly CancellationTokenSource _source;

    public InterruptSignal(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        ProcessSignals.BeginSafeStop(_source);
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        ProcessSignals.EndSafeStop(_source);
        _source.Dispose();
    }
}
